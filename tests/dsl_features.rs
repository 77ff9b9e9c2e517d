//! The DSL's less common features, each used by a declaration here and checked at run time: a
//! filter backed by a user function, list fields, custom list item names, `set_name`,
//! `ids_with_max_results = false`, `output(item = ...)`, enum value overrides, `#[ec2(listed)]`
//! request members.

use std::sync::Arc;

use ec2_ops::{
    DescribeContext, DescribeOperation, Ec2Request, Ec2Response, InMemorySource, Operation,
    Service, ValueSet, ec2_operation, ec2_shape,
};

#[ec2_shape]
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Size {
    #[ec2(value = "t2.micro")]
    Micro,
    #[ec2(value = "m5.24xlarge")]
    Huge,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gadget {
    pub gadget_id: String,
    pub size: Option<Size>,
    /// A list of scalars with EC2's uncommon item name.
    #[ec2(xml = "groupSet", item = "groupId")]
    pub groups: Vec<String>,
    pub ports: Option<Vec<i32>>,
    pub weight: Option<f64>,
}

/// The odd case: "heavy" is not a field but a rule over one.
fn is_heavy(gadget: &Gadget, values: &ValueSet) -> bool {
    let heavy = gadget.weight.is_some_and(|weight| weight > 100.0);
    values.matches(if heavy { "true" } else { "false" })
}

#[ec2_operation(
    action = "DescribeGadgets",
    resource = Gadget,
    resource_id = gadget_id,
    output(member = "Gadgets", xml = "gadgetSet", item = "gadget"),
    ids(member = "GadgetIds", key = "GadgetId", noun = "gadget", not_found = "InvalidGadgetID.NotFound", set_name = "gadgetIdSet"),
    filters("size" => size, "group-id" => groups, "port" => ports, "heavy" => with(is_heavy)),
    paginate(min = 5, max = 50, ids_with_max_results = false),
)]
pub struct DescribeGadgets;

fn service() -> Service {
    let source = InMemorySource::new(|gadget: &Gadget| DescribeGadgets::resource_id(gadget));
    source.insert(Gadget {
        gadget_id: "g-1".into(),
        size: Some(Size::Micro),
        groups: vec!["sg-1".into(), "sg-2".into()],
        ports: Some(vec![22, 443]),
        weight: Some(150.0),
    });
    source.insert(Gadget {
        gadget_id: "g-2".into(),
        size: Some(Size::Huge),
        groups: vec![],
        ports: None,
        weight: Some(3.5),
    });
    let mut service = Service::new(DescribeContext::default());
    service.register::<DescribeGadgets, _>(Arc::new(source));
    service
}

fn ids(service: &Service, request: DescribeGadgetsRequest) -> Result<Vec<String>, String> {
    let answer = service.handle(request.to_query().as_bytes());
    match answer.error_code {
        Some(code) => Err(code),
        None => Ok(DescribeGadgetsResponse::from_xml(&answer.body)
            .unwrap()
            .gadgets
            .into_iter()
            .map(|g| g.gadget_id)
            .collect()),
    }
}

#[test]
fn a_function_filter_decides_with_the_users_rule() {
    let service = service();
    assert_eq!(
        ids(
            &service,
            DescribeGadgetsRequest::builder()
                .filter("heavy", ["true"])
                .build()
        ),
        Ok(vec!["g-1".into()])
    );
    assert_eq!(
        ids(
            &service,
            DescribeGadgetsRequest::builder()
                .filter("heavy", ["false"])
                .build()
        ),
        Ok(vec!["g-2".into()])
    );
}

#[test]
fn list_fields_match_any_element_and_enum_values_use_their_overrides() {
    let service = service();
    assert_eq!(
        ids(
            &service,
            DescribeGadgetsRequest::builder()
                .filter("group-id", ["sg-2"])
                .build()
        ),
        Ok(vec!["g-1".into()])
    );
    assert_eq!(
        ids(
            &service,
            DescribeGadgetsRequest::builder()
                .filter("port", ["443"])
                .build()
        ),
        Ok(vec!["g-1".into()])
    );
    assert_eq!(
        ids(
            &service,
            DescribeGadgetsRequest::builder()
                .filter("port", ["*"])
                .build()
        ),
        Ok(vec!["g-1".into()])
    );
    assert_eq!(
        ids(
            &service,
            DescribeGadgetsRequest::builder()
                .filter("size", ["m5.*"])
                .build()
        ),
        Ok(vec!["g-2".into()])
    );
}

#[test]
fn custom_item_names_are_rendered_and_read_back() {
    let service = service();
    let answer = service.handle(
        DescribeGadgetsRequest::builder()
            .gadget_id("g-1")
            .build()
            .to_query()
            .as_bytes(),
    );
    let body = String::from_utf8(answer.body).unwrap();
    assert!(body.contains("<gadgetSet><gadget><gadgetId>g-1</gadgetId><size>t2.micro</size><groupSet><groupId>sg-1</groupId><groupId>sg-2</groupId></groupSet><ports><item>22</item><item>443</item></ports><weight>150.0</weight></gadget></gadgetSet>"), "{body}");
    let response = DescribeGadgetsResponse::from_xml(body.as_bytes()).unwrap();
    assert_eq!(response.gadgets[0].groups, ["sg-1", "sg-2"]);
    assert_eq!(response.gadgets[0].size, Some(Size::Micro));
}

#[test]
fn ids_with_max_results_is_a_combination_error_naming_the_set() {
    let request = DescribeGadgetsRequest::builder()
        .gadget_id("g-1")
        .max_results(5)
        .build();
    let input = DescribeGadgets::input(&request);
    let err = ec2_ops::describe::<DescribeGadgets, _>(
        &input,
        &InMemorySource::new(|g: &Gadget| g.gadget_id.as_str()),
        &DescribeContext::default(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "InvalidParameterCombination");
    assert_eq!(
        err.message(),
        "The parameter gadgetIdSet cannot be used with the parameter maxResults"
    );
    assert_eq!(
        ids(
            &service(),
            DescribeGadgetsRequest::builder().max_results(51).build()
        ),
        Err("InvalidParameterValue".into())
    );
}

#[test]
fn an_unknown_enum_value_in_a_request_filter_is_just_a_non_match_but_in_xml_it_is_an_error() {
    let service = service();
    assert_eq!(
        ids(
            &service,
            DescribeGadgetsRequest::builder()
                .filter("size", ["x1.huge"])
                .build()
        ),
        Ok(vec![])
    );
    let bad = b"<DescribeGadgetsResponse><gadgetSet><gadget><gadgetId>g</gadgetId><size>x1.huge</size></gadget></gadgetSet></DescribeGadgetsResponse>";
    let err = DescribeGadgetsResponse::from_xml(bad).unwrap_err();
    assert!(err.to_string().contains("unknown value `x1.huge`"), "{err}");
}

/// Values EC2 added after the model was written: kept, not refused.
mod unknown_enum_values {
    use ec2_ops::operations::volumes::{
        DescribeVolumes, DescribeVolumesRequest, DescribeVolumesResponse, Volume, VolumeType,
    };
    use ec2_ops::{DescribeContext, DescribeOperation, Ec2Response, InMemorySource};

    #[test]
    fn a_value_the_enum_does_not_list_is_kept_as_its_text_and_filtered_on_it() {
        let parsed: VolumeType = "io9".parse().unwrap();
        assert_eq!(parsed, VolumeType::Unknown("io9".into()));
        assert_eq!(parsed.as_str(), "io9");
        assert_eq!("gp3".parse::<VolumeType>().unwrap(), VolumeType::Gp3);
        assert!(!VolumeType::VALUES.contains(&"io9"));
        let volumes =
            InMemorySource::new(|volume: &Volume| volume.volume_id.as_deref().unwrap_or_default());
        for (id, kind) in [("vol-1", parsed), ("vol-2", VolumeType::Gp3)] {
            volumes.insert(Volume {
                volume_id: Some(id.into()),
                volume_type: Some(kind),
                ..Volume::default()
            });
        }
        let request = DescribeVolumesRequest::builder()
            .filter("volume-type", ["io*"])
            .build();
        let answer = DescribeVolumes::run(&request, &volumes, &DescribeContext::default()).unwrap();
        assert_eq!(answer.volumes.len(), 1);
        assert_eq!(answer.volumes[0].volume_id.as_deref(), Some("vol-1"));
    }

    #[test]
    fn an_unknown_value_survives_json_and_xml_round_trips() {
        let volume: Volume = serde_json::from_str(
            r#"{"VolumeId": "vol-1", "VolumeType": "io9", "State": "hibernating"}"#,
        )
        .unwrap();
        assert_eq!(volume.volume_type, Some(VolumeType::Unknown("io9".into())));
        assert_eq!(
            serde_json::to_value(&volume).unwrap()["State"],
            "hibernating"
        );
        let response = DescribeVolumesResponse {
            volumes: vec![volume],
            ..Default::default()
        };
        let xml = response.to_xml();
        assert!(
            String::from_utf8(xml.clone())
                .unwrap()
                .contains("<volumeType>io9</volumeType>")
        );
        assert_eq!(
            DescribeVolumesResponse::from_xml(&xml).unwrap().volumes,
            response.volumes
        );
    }
}

/// `#[ec2(listed)]`: a request member that takes only the values its enum lists (the `Attribute`
/// of EC2's attribute operations); another value is EC2's `InvalidParameterValue`, where a member
/// without it keeps the value.
mod listed_members {
    use std::sync::Arc;

    use ec2_ops::{DescribeContext, InMemorySource, Operation, Service, ec2_operation, ec2_shape};

    #[ec2_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    pub enum Shade {
        #[default]
        Red,
        Blue,
        #[ec2(other)]
        Unknown(String),
    }

    #[ec2_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct Swatch {
        pub swatch_id: String,
    }

    #[ec2_operation(
        action = "DescribeSwatches",
        resource = Swatch,
        resource_id = swatch_id,
        output(member = "Swatches", xml = "swatchSet"),
        ids(key = "SwatchId"),
        members(
            #[ec2(listed)]
            attribute: Shade,
            #[ec2(query = "Shade", listed)]
            shades: Vec<Shade>,
            #[ec2(listed)]
            accent: Option<Shade>,
            hint: Option<Shade>,
        ),
    )]
    pub struct DescribeSwatches;

    fn answer(query: &str) -> Result<usize, (String, String)> {
        let source = InMemorySource::new(|swatch: &Swatch| DescribeSwatches::resource_id(swatch));
        source.insert(Swatch {
            swatch_id: "sw-1".into(),
        });
        let mut service = Service::new(DescribeContext::default());
        service.register::<DescribeSwatches, _>(Arc::new(source));
        let answer =
            service.handle(format!("Action=DescribeSwatches&Version=2016-11-15{query}").as_bytes());
        match answer.error_code {
            Some(code) => {
                assert_eq!(answer.status, 400);
                let body = String::from_utf8_lossy(&answer.body);
                let message = body
                    .split("<Message>")
                    .nth(1)
                    .and_then(|rest| rest.split("</Message>").next())
                    .unwrap_or_default()
                    .to_owned();
                Err((code, message))
            }
            None => Ok(answer.items),
        }
    }

    #[test]
    fn listed_values_are_answered() {
        assert_eq!(
            answer("&Attribute=red&Shade.1=blue&Shade.2=red&Accent=blue"),
            Ok(1)
        );
    }

    #[test]
    fn an_unlisted_value_of_a_listed_member_is_invalid_parameter_value_naming_it() {
        assert_eq!(
            answer("&Attribute=mauve"),
            Err((
                "InvalidParameterValue".into(),
                "Value (mauve) for parameter attribute is invalid. Unknown attribute.".into()
            ))
        );
        assert_eq!(
            answer("&Attribute=red&Shade.1=blue&Shade.2=teal"),
            Err((
                "InvalidParameterValue".into(),
                "Value (teal) for parameter shade is invalid. Unknown shade.".into()
            ))
        );
        assert_eq!(
            answer("&Attribute=red&Accent=teal").map_err(|(code, _)| code),
            Err("InvalidParameterValue".into())
        );
    }

    #[test]
    fn a_listed_member_missing_is_still_missing_parameter() {
        assert_eq!(
            answer("").map_err(|(code, _)| code),
            Err("MissingParameter".into())
        );
    }

    #[test]
    fn a_member_not_listed_keeps_a_value_its_enum_does_not_list() {
        assert_eq!(answer("&Attribute=blue&Hint=teal"), Ok(1));
    }
}

/// `settings(default = ...)`: a `Get*` read of the account's settings in the region, answered
/// from the one structure held, else from the declared default of a new account, its members at
/// the top of the response.
mod settings {
    use std::sync::Arc;

    use ec2_ops::{
        DescribeContext, Ec2Request, Ec2Response, InMemorySource, Operation, Service,
        ec2_operation, ec2_shape,
    };

    #[ec2_shape]
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct GadgetDefaults {
        pub gadgets_by_default: Option<bool>,
        pub default_size: Option<String>,
    }

    fn new_account() -> GadgetDefaults {
        GadgetDefaults {
            gadgets_by_default: Some(false),
            default_size: None,
        }
    }

    #[ec2_operation(
        action = "GetGadgetDefaults",
        resource = GadgetDefaults,
        settings(default = new_account),
        dry_run,
    )]
    pub struct GetGadgetDefaults;

    fn service(held: Option<GadgetDefaults>) -> Service {
        let source =
            InMemorySource::new(|held: &GadgetDefaults| GetGadgetDefaults::resource_id(held));
        if let Some(held) = held {
            source.insert(held);
        }
        let mut service = Service::new(DescribeContext::default());
        service.register::<GetGadgetDefaults, _>(Arc::new(source));
        service
    }

    fn body(service: &Service, query: &str) -> String {
        String::from_utf8(service.handle(query.as_bytes()).body).unwrap()
    }

    #[test]
    fn without_held_settings_the_new_accounts_default_is_answered() {
        let service = service(None);
        let request = GetGadgetDefaultsRequest::default();
        let xml = body(&service, &request.to_query());
        assert!(
            xml.contains("<gadgetsByDefault>false</gadgetsByDefault>"),
            "{xml}"
        );
        assert!(!xml.contains("defaultSize"), "{xml}");
        let response = GetGadgetDefaultsResponse::from_xml(xml.as_bytes()).unwrap();
        assert_eq!(response.settings, Some(new_account()));
    }

    #[test]
    fn held_settings_are_answered_with_their_members_at_the_top() {
        let held = GadgetDefaults {
            gadgets_by_default: Some(true),
            default_size: Some("large".into()),
        };
        let service = service(Some(held.clone()));
        let xml = body(&service, "Action=GetGadgetDefaults&Version=2016-11-15");
        assert!(
            xml.starts_with("<?xml")
                && xml.contains("<GetGadgetDefaultsResponse")
                && xml.contains(
                    "<gadgetsByDefault>true</gadgetsByDefault><defaultSize>large</defaultSize>"
                ),
            "{xml}"
        );
        let response = GetGadgetDefaultsResponse::from_xml(xml.as_bytes()).unwrap();
        assert_eq!(response.settings, Some(held));
        let json = serde_json::to_value(&response).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"GadgetsByDefault": true, "DefaultSize": "large"})
        );
    }

    #[test]
    fn dry_run_answers_as_for_any_read() {
        let answer =
            service(None).handle(b"Action=GetGadgetDefaults&Version=2016-11-15&DryRun=true");
        assert_eq!(answer.error_code.as_deref(), Some("DryRunOperation"));
    }
}
