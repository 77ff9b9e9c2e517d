//! The request reach of the DSL, checked through the wire: declared members (switches, lists with
//! their own key, required members), second ID lists, the caller-aware hooks, operations without
//! `Filter.N`, pagination without documented bounds and with clamping.

use std::sync::Arc;

use ec2_ops::{
    Caller, DescribeContext, DescribeOperation, Ec2Response, InMemorySource, Operation, Service,
    ec2_operation, ec2_shape,
};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Key {
    pub key_pair_id: String,
    pub key_name: String,
    pub owner_id: String,
    pub public_key: Option<String>,
}

/// `Owner.N`: account IDs, or `self` for the caller's account.
fn owned(
    request: &DescribeKeysRequest,
    caller: &Caller,
    key: &Key,
    _context: &ec2_ops::DescribeContext,
) -> bool {
    request.owners.is_empty()
        || request.owners.iter().any(|owner| {
            let owner = if owner == "self" {
                &caller.account_id
            } else {
                owner
            };
            *owner == key.owner_id
        })
}

/// `IncludePublicKey`: public keys are answered only when asked for.
fn public_keys_on_request(
    request: &DescribeKeysRequest,
    _: &Caller,
    response: &mut DescribeKeysResponse,
) {
    if request.include_public_key != Some(true) {
        for key in &mut response.keys {
            key.public_key = None;
        }
    }
}

#[ec2_operation(
    action = "DescribeKeys",
    resource = Key,
    resource_id = key_pair_id,
    output(member = "Keys", xml = "keySet"),
    ids(key = "KeyName", field = key_name, noun = "key pair", not_found = "InvalidKeyPair.NotFound"),
    ids(key = "KeyPairId", prefix = "key-", noun = "key pair", not_found = "InvalidKeyPair.NotFound"),
    members(
        /// Owners: account IDs or `self`.
        #[ec2(query = "Owner")]
        owners: Vec<String>,
        /// Whether public keys are answered.
        include_public_key: Option<bool>,
    ),
    paginate,
    visible = owned,
    respond = public_keys_on_request,
)]
pub struct DescribeKeys;

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attachment {
    pub attachment_id: String,
    pub instance_id: String,
}

#[ec2_operation(
    action = "DescribeAttachments",
    resource = Attachment,
    resource_id = attachment_id,
    output(member = "Attachments", xml = "attachmentSet"),
    members(
        /// The instance whose attachments are listed (required).
        instance_id: String,
    ),
    paginate(min = 5, max = 10, clamp),
)]
pub struct DescribeAttachments;

fn key(id: &str, name: &str, owner: &str) -> Key {
    Key {
        key_pair_id: id.into(),
        key_name: name.into(),
        owner_id: owner.into(),
        public_key: Some(format!("ssh-ed25519 {name}")),
    }
}

fn service() -> Service {
    let keys = InMemorySource::new(|key: &Key| DescribeKeys::resource_id(key));
    keys.insert(key("key-1", "admin", "111111111111"));
    keys.insert(key("key-2", "deploy", "111111111111"));
    keys.insert(key("key-3", "theirs", "222222222222"));
    let attachments = InMemorySource::new(|a: &Attachment| DescribeAttachments::resource_id(a));
    for n in 0..30 {
        attachments.insert(Attachment {
            attachment_id: format!("att-{n:02}"),
            instance_id: "i-1".into(),
        });
    }
    let context = DescribeContext::default().with_account_id("111111111111");
    let mut service = Service::new(context);
    service.register::<DescribeKeys, _>(Arc::new(keys));
    service.register::<DescribeAttachments, _>(Arc::new(attachments));
    service
}

fn keys(service: &Service, params: &str) -> Result<Vec<Key>, (u16, String, String)> {
    let body = format!("Action=DescribeKeys&Version=2016-11-15{params}");
    let answer = service.handle(body.as_bytes());
    let text = String::from_utf8(answer.body.clone()).unwrap();
    match answer.error_code {
        None => Ok(DescribeKeysResponse::from_xml(&answer.body).unwrap().keys),
        Some(code) => {
            let message = text
                .split("<Message>")
                .nth(1)
                .and_then(|rest| rest.split("</Message>").next())
                .unwrap_or_default()
                .to_owned();
            Err((answer.status, code, message))
        }
    }
}

fn ids(found: &[Key]) -> Vec<&str> {
    found.iter().map(|key| key.key_pair_id.as_str()).collect()
}

#[test]
fn a_second_id_list_selects_by_its_own_field_and_names_unknown_values() {
    let service = service();
    let found = keys(&service, "&KeyName.1=deploy").unwrap();
    assert_eq!(ids(&found), ["key-2"]);
    let err = keys(&service, "&KeyName.1=nope&KeyName.2=gone").unwrap_err();
    assert_eq!(
        err,
        (
            400,
            "InvalidKeyPair.NotFound".into(),
            "The key pairs 'gone, nope' do not exist".into()
        )
    );
    let err = keys(&service, "&KeyPairId.1=kp-1").unwrap_err();
    assert_eq!(err.1, "InvalidKeyPair.Malformed");
}

#[test]
fn both_id_lists_narrow_together() {
    let service = service();
    let found = keys(&service, "&KeyName.1=deploy&KeyPairId.1=key-1").unwrap();
    assert!(found.is_empty());
    let found = keys(&service, "&KeyName.1=admin&KeyPairId.1=key-1").unwrap();
    assert_eq!(ids(&found), ["key-1"]);
}

#[test]
fn owner_self_is_the_callers_account_and_hidden_ids_are_not_errors() {
    let service = service();
    let found = keys(&service, "&Owner.1=self").unwrap();
    assert_eq!(ids(&found), ["key-1", "key-2"]);
    let found = keys(&service, "&Owner.1=self&KeyPairId.1=key-3").unwrap();
    assert!(found.is_empty());
    let found = keys(&service, "&Owner.1=222222222222").unwrap();
    assert_eq!(ids(&found), ["key-3"]);
}

#[test]
fn the_response_is_shaped_by_the_request() {
    let service = service();
    let found = keys(&service, "&KeyName.1=admin").unwrap();
    assert_eq!(found[0].public_key, None);
    let found = keys(&service, "&KeyName.1=admin&IncludePublicKey=true").unwrap();
    assert_eq!(found[0].public_key.as_deref(), Some("ssh-ed25519 admin"));
}

#[test]
fn an_operation_without_filters_answers_filter_n_with_unknown_parameter() {
    let service = service();
    let err = keys(&service, "&Filter.1.Name=key-name&Filter.1.Value.1=admin").unwrap_err();
    assert_eq!(
        err,
        (
            400,
            "UnknownParameter".into(),
            "The parameter Filter.1.Name is not recognized".into()
        )
    );
}

#[test]
fn pagination_without_documented_bounds_accepts_any_positive_page_size() {
    let service = service();
    let found = keys(&service, "&MaxResults=1").unwrap();
    assert_eq!(found.len(), 1);
    let err = keys(&service, "&MaxResults=0").unwrap_err();
    assert_eq!(err.1, "InvalidParameterValue");
}

#[test]
fn a_required_member_is_missing_parameter_when_absent() {
    let service = service();
    let answer = service.handle(b"Action=DescribeAttachments&Version=2016-11-15");
    assert_eq!(answer.status, 400);
    assert_eq!(answer.error_code.as_deref(), Some("MissingParameter"));
    let body = String::from_utf8(answer.body).unwrap();
    assert!(body.contains("The request must contain the parameter InstanceId"));
}

#[test]
fn a_clamped_page_size_above_the_maximum_is_served_as_the_maximum() {
    let service = service();
    let answer = service
        .handle(b"Action=DescribeAttachments&Version=2016-11-15&InstanceId=i-1&MaxResults=500");
    assert_eq!(answer.status, 200);
    let response = DescribeAttachmentsResponse::from_xml(&answer.body).unwrap();
    assert_eq!(response.attachments.len(), 10);
    assert!(response.next_token.is_some());
    let answer = service
        .handle(b"Action=DescribeAttachments&Version=2016-11-15&InstanceId=i-1&MaxResults=4");
    assert_eq!(answer.error_code.as_deref(), Some("InvalidParameterValue"));
}

#[test]
fn the_caller_request_id_is_the_answers_request_id() {
    let service = service();
    let caller = Caller {
        account_id: "111111111111".into(),
        region: "eu-west-1".into(),
        request_id: "4f3c1b2a-0000-4000-8000-000000000001".into(),
    };
    let answer = service.handle_as(b"Action=DescribeKeys&Version=2016-11-15", &caller);
    let response = DescribeKeysResponse::from_xml(&answer.body).unwrap();
    assert_eq!(
        response.request_id.as_deref(),
        Some(caller.request_id.as_str())
    );
    let answer = service.handle_as(b"Action=DescribeKeys&Version=2016-11-15&Bad=1", &caller);
    let body = String::from_utf8(answer.body).unwrap();
    assert!(body.contains("<RequestID>4f3c1b2a-0000-4000-8000-000000000001</RequestID>"));
}

/// The members a fleet-history answer carries beside its records: the fleet named by the request,
/// and when the history was last evaluated.
fn history_of_the_requested_fleet(
    request: &DescribeFleetHistoryRequest,
    _: &Caller,
    response: &mut DescribeFleetHistoryResponse,
) {
    response.fleet_id = Some(request.fleet_id.clone());
    response.last_evaluated_time = Some("2024-05-01T12:00:00.000Z".parse().unwrap());
    response.service_names = Some(vec!["com.amazonaws.s3".into(), "com.amazonaws.ec2".into()]);
}

#[ec2_operation(
    action = "DescribeFleetHistory",
    resource = Attachment,
    resource_id = attachment_id,
    output(member = "HistoryRecords", xml = "historyRecordSet"),
    members(
        /// The fleet (required).
        fleet_id: String,
    ),
    response(
        /// The fleet the records are of.
        fleet_id: Option<String>,
        /// The last time the history was evaluated.
        last_evaluated_time: Option<ec2_ops::DateTime>,
        /// A list of strings beside the records, with its own element names.
        #[ec2(xml = "serviceNameSet")]
        service_names: Option<Vec<String>>,
    ),
    paginate,
    respond = history_of_the_requested_fleet,
)]
pub struct DescribeFleetHistory;

#[test]
fn response_members_beside_the_list_are_rendered_parsed_and_in_the_cli_json() {
    let mut service = service();
    let records = InMemorySource::new(|a: &Attachment| DescribeFleetHistory::resource_id(a));
    records.insert(Attachment {
        attachment_id: "rec-1".into(),
        instance_id: "i-1".into(),
    });
    service.register::<DescribeFleetHistory, _>(Arc::new(records));
    let answer = service.handle(b"Action=DescribeFleetHistory&Version=2016-11-15&FleetId=fleet-7");
    assert_eq!(answer.status, 200);
    let xml = String::from_utf8(answer.body.clone()).unwrap();
    assert!(xml.contains("<fleetId>fleet-7</fleetId>"), "{xml}");
    assert!(xml.contains("<lastEvaluatedTime>2024-05-01T12:00:00.000Z</lastEvaluatedTime>"));
    assert!(xml.contains("<serviceNameSet><item>com.amazonaws.s3</item><item>com.amazonaws.ec2</item></serviceNameSet>"));
    let response = DescribeFleetHistoryResponse::from_xml(&answer.body).unwrap();
    assert_eq!(response.fleet_id.as_deref(), Some("fleet-7"));
    assert_eq!(response.history_records.len(), 1);
    assert_eq!(response.service_names.as_ref().map(Vec::len), Some(2));
    let json = serde_json::to_value(&response).unwrap();
    assert_eq!(json["FleetId"], "fleet-7");
    assert_eq!(json["LastEvaluatedTime"], "2024-05-01T12:00:00.000Z");
    assert_eq!(json["ServiceNames"][1], "com.amazonaws.ec2");
    let back: DescribeFleetHistoryResponse = serde_json::from_value(json).unwrap();
    assert_eq!(back.service_names, response.service_names);
}

/// A VPC's settings, answered one VPC at a time in an element of their own (DescribeVpcAttribute
/// itself answers flat; see the `flatten` test).
#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VpcAttributes {
    pub vpc_id: String,
    pub enable_dns_support: Option<AttributeBooleanValue>,
    pub enable_dns_hostnames: Option<AttributeBooleanValue>,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AttributeBooleanValue {
    pub value: Option<bool>,
}

/// EC2 answers only the attribute asked for.
fn only_the_attribute_asked_for(
    request: &DescribeVpcSettingsRequest,
    _: &Caller,
    response: &mut DescribeVpcSettingsResponse,
) {
    if let Some(vpc) = &mut response.vpc {
        if request.attribute != "enableDnsSupport" {
            vpc.enable_dns_support = None;
        }
        if request.attribute != "enableDnsHostnames" {
            vpc.enable_dns_hostnames = None;
        }
    }
}

#[ec2_operation(
    action = "DescribeVpcSettings",
    resource = VpcAttributes,
    resource_id = vpc_id,
    output(member = "Vpc", xml = "vpc", single),
    ids(key = "VpcId", prefix = "vpc-", single),
    members(
        /// The attribute to describe.
        attribute: String,
    ),
    dry_run,
    respond = only_the_attribute_asked_for,
)]
pub struct DescribeVpcSettings;

#[test]
fn a_single_answer_is_looked_up_by_its_one_required_id() {
    let vpcs = InMemorySource::new(|vpc: &VpcAttributes| DescribeVpcSettings::resource_id(vpc));
    let flag = |value| Some(AttributeBooleanValue { value: Some(value) });
    vpcs.insert(VpcAttributes {
        vpc_id: "vpc-1".into(),
        enable_dns_support: flag(true),
        enable_dns_hostnames: flag(false),
    });
    let mut service = Service::new(DescribeContext::default());
    service.register::<DescribeVpcSettings, _>(Arc::new(vpcs));
    let call = |query: &str| {
        let body = format!("Action=DescribeVpcSettings&Version=2016-11-15{query}");
        service.handle(body.as_bytes())
    };
    let answer = call("&VpcId=vpc-1&Attribute=enableDnsSupport");
    assert_eq!(answer.status, 200);
    let xml = String::from_utf8(answer.body.clone()).unwrap();
    assert!(xml.contains("<vpc><vpcId>vpc-1</vpcId><enableDnsSupport><value>true</value></enableDnsSupport></vpc>"), "{xml}");
    let response = DescribeVpcSettingsResponse::from_xml(&answer.body).unwrap();
    assert_eq!(
        response.vpc.as_ref().map(|vpc| vpc.vpc_id.as_str()),
        Some("vpc-1")
    );
    assert_eq!(
        serde_json::to_value(&response).unwrap()["Vpc"]["VpcId"],
        "vpc-1"
    );
    let codes = |query: &str| call(query).error_code;
    assert_eq!(
        codes("&VpcId=vpc-2&Attribute=enableDnsSupport").as_deref(),
        Some("InvalidVpcID.NotFound")
    );
    assert_eq!(
        codes("&VpcId=subnet-1&Attribute=enableDnsSupport").as_deref(),
        Some("InvalidVpcID.Malformed")
    );
    assert_eq!(
        codes("&Attribute=enableDnsSupport").as_deref(),
        Some("MissingParameter")
    );
    assert_eq!(
        codes("&VpcId.1=vpc-1&Attribute=enableDnsSupport").as_deref(),
        Some("UnknownParameter")
    );
    assert_eq!(
        codes("&VpcId=vpc-1&Attribute=x&DryRun=true").as_deref(),
        Some("DryRunOperation")
    );
}

/// An account-wide setting: no ID, one answer or none.
#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Subscription {
    pub owner_id: String,
    pub bucket: Option<String>,
}

#[ec2_operation(
    action = "DescribeSpotDatafeedSubscription",
    resource = Subscription,
    resource_id = owner_id,
    output(member = "SpotDatafeedSubscription", xml = "spotDatafeedSubscription", single),
    dry_run,
)]
pub struct DescribeSpotDatafeedSubscription;

#[test]
fn a_single_answer_without_an_id_is_the_one_resource_or_none() {
    let subscriptions = InMemorySource::new(|s: &Subscription| s.owner_id.as_str());
    let context = DescribeContext::default();
    let request = DescribeSpotDatafeedSubscriptionRequest::default();
    let none = DescribeSpotDatafeedSubscription::run(&request, &subscriptions, &context).unwrap();
    assert_eq!(none.spot_datafeed_subscription, None);
    assert!(
        !String::from_utf8(none.to_xml())
            .unwrap()
            .contains("spotDatafeedSubscription>")
    );
    subscriptions.insert(Subscription {
        owner_id: "111111111111".into(),
        bucket: Some("feeds".into()),
    });
    let one = DescribeSpotDatafeedSubscription::run(&request, &subscriptions, &context).unwrap();
    assert_eq!(
        one.spot_datafeed_subscription.unwrap().bucket.as_deref(),
        Some("feeds")
    );
}

/// A snapshot's attributes: what DescribeSnapshotAttribute answers, at the top of its response.
#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SnapshotAttributes {
    pub snapshot_id: String,
    #[ec2(xml = "createVolumePermission")]
    pub create_volume_permissions: Option<Vec<CreateVolumePermission>>,
    #[ec2(xml = "productCodes")]
    pub product_codes: Option<Vec<String>>,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateVolumePermission {
    pub user_id: Option<String>,
    pub group: Option<String>,
}

/// Only the attribute asked for is answered.
fn the_asked_attribute(
    request: &DescribeSnapshotAttributeRequest,
    _: &Caller,
    response: &mut DescribeSnapshotAttributeResponse,
) {
    if let Some(attributes) = &mut response.snapshot_attributes {
        if request.attribute != "createVolumePermission" {
            attributes.create_volume_permissions = None;
        }
        if request.attribute != "productCodes" {
            attributes.product_codes = None;
        }
    }
}

#[ec2_operation(
    action = "DescribeSnapshotAttribute",
    resource = SnapshotAttributes,
    resource_id = snapshot_id,
    output(member = "SnapshotAttributes", flatten),
    ids(key = "SnapshotId", prefix = "snap-", single),
    members(
        /// The attribute to describe.
        attribute: String,
    ),
    dry_run,
    respond = the_asked_attribute,
)]
pub struct DescribeSnapshotAttribute;

#[test]
fn a_flattened_answer_puts_the_resources_members_at_the_top_of_the_response() {
    let snapshots = InMemorySource::new(|s: &SnapshotAttributes| s.snapshot_id.as_str());
    snapshots.insert(SnapshotAttributes {
        snapshot_id: "snap-1".into(),
        create_volume_permissions: Some(vec![CreateVolumePermission {
            user_id: Some("222222222222".into()),
            group: None,
        }]),
        product_codes: Some(vec!["abc".into()]),
    });
    let mut service = Service::new(DescribeContext::default());
    service.register::<DescribeSnapshotAttribute, _>(Arc::new(snapshots));
    let answer = service.handle(
        b"Action=DescribeSnapshotAttribute&Version=2016-11-15&SnapshotId=snap-1&Attribute=createVolumePermission",
    );
    assert_eq!(answer.status, 200);
    let xml = String::from_utf8(answer.body.clone()).unwrap();
    assert!(
        xml.contains("</requestId><snapshotId>snap-1</snapshotId><createVolumePermission><item><userId>222222222222</userId></item></createVolumePermission></DescribeSnapshotAttributeResponse>"),
        "{xml}"
    );
    let response = DescribeSnapshotAttributeResponse::from_xml(&answer.body).unwrap();
    let attributes = response.snapshot_attributes.clone().unwrap();
    assert_eq!(attributes.snapshot_id, "snap-1");
    assert_eq!(attributes.product_codes, None);
    let json = serde_json::to_value(&response).unwrap();
    assert_eq!(json["SnapshotId"], "snap-1");
    assert_eq!(json["CreateVolumePermissions"][0]["UserId"], "222222222222");
    let back: DescribeSnapshotAttributeResponse = serde_json::from_value(json).unwrap();
    assert_eq!(back.snapshot_attributes, response.snapshot_attributes);
}
