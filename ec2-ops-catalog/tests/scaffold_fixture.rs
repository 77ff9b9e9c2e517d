//! The scaffold's pinned output for its model fixture (`ec2-ops-scaffold/tests/fixtures`) compiles
//! as written and serves: the fixture's every construct (an enum of odd values, a raw field name,
//! a non-`item` list, an attribute operation, a switch as the ID, value lists that must exist or
//! only narrow, a decided visibility function, a decided request rule, filters ignored beside a
//! list, a settings read with its decided default) holds through the macros.

use std::sync::Arc;

use ec2_ops::{DescribeContext, Ec2Response, InMemorySource, Service};

include!("../../ec2-ops-scaffold/tests/fixtures/expected.rs");

/// The fixture's decided respond function (`DescribeGadgetAttribute respond = gadget_attribute
/// (Attribute)`): asked for `in-use`, the answer leaves the parts out.
mod responses {
    use super::{DescribeGadgetAttributeRequest, DescribeGadgetAttributeResponse, GadgetState};

    pub(crate) fn gadget_attribute(
        request: &DescribeGadgetAttributeRequest,
        _caller: &ec2_ops::Caller,
        response: &mut DescribeGadgetAttributeResponse,
    ) {
        if request.attribute == GadgetState::InUse
            && let Some(attribute) = &mut response.gadget_attribute
        {
            attribute.parts = None;
        }
    }
}

/// The fixture's decided request rule (`DescribeGadgets validate = labelled_gadgets (Labels)`):
/// labels are not paged.
mod validation {
    use super::DescribeGadgetsRequest;

    pub(crate) fn labelled_gadgets(
        request: &DescribeGadgetsRequest,
    ) -> Result<(), ec2_ops::Ec2Error> {
        if !request.labels.is_empty() && request.max_results.is_some() {
            return Err(ec2_ops::Ec2Error::parameter_combination(
                "Labels",
                "MaxResults",
            ));
        }
        Ok(())
    }
}

/// The fixture's decided visibility function (`DescribeGadgets visible = current_gadgets`), where
/// the written declaration looks for it.
mod visibility {
    use super::{DescribeGadgetsRequest, Gadget};

    /// Gadgets of type `retired` are listed only with `IncludeRetired`.
    pub(crate) fn current_gadgets(
        request: &DescribeGadgetsRequest,
        _caller: &ec2_ops::Caller,
        gadget: &Gadget,
        _context: &ec2_ops::DescribeContext,
    ) -> bool {
        request.include_retired == Some(true) || gadget.r#type.as_deref() != Some("retired")
    }
}

/// The fixture's decided default (`GetGadgetDefaults settings default = gadget_defaults`).
mod settings {
    use super::GetGadgetDefaultsResult;

    pub(crate) fn gadget_defaults() -> GetGadgetDefaultsResult {
        GetGadgetDefaultsResult {
            gadgets_by_default: Some(false),
            default_colour: None,
        }
    }
}

#[test]
fn the_fixture_settings_read_answers_the_default_until_settings_are_held() {
    use ec2_ops::Operation;

    let held = Arc::new(InMemorySource::new(|settings: &GetGadgetDefaultsResult| {
        GetGadgetDefaults::resource_id(settings)
    }));
    let mut service = Service::new(DescribeContext::default());
    service.register::<GetGadgetDefaults, _>(Arc::clone(&held));
    let read = || {
        let answer = service.handle(b"Action=GetGadgetDefaults&Version=2016-11-15");
        GetGadgetDefaultsResponse::from_xml(&answer.body)
            .unwrap()
            .settings
            .unwrap()
    };
    assert_eq!(read(), settings::gadget_defaults());
    held.insert(GetGadgetDefaultsResult {
        gadgets_by_default: Some(true),
        default_colour: Some("teal".into()),
    });
    assert_eq!(read().default_colour.as_deref(), Some("teal"));
}

#[test]
fn the_fixture_declarations_serve_ids_filters_and_pages() {
    let gadgets =
        InMemorySource::new(|gadget: &Gadget| gadget.gadget_id.as_deref().unwrap_or_default());
    for (id, state, kind) in [
        ("g-1", GadgetState::T2Micro, "small"),
        ("g-2", GadgetState::Unlisted("new".into()), "small"),
        ("g-3", GadgetState::InUse, "retired"),
    ] {
        gadgets.insert(Gadget {
            gadget_id: Some(id.into()),
            r#type: Some(kind.into()),
            state: Some(state),
            aws_owner_id: Some("111122223333".into()),
            parts: Some(vec![Part {
                part_id: Some(format!("{id}-p")),
                weight: Some(1.5),
            }]),
            ..Gadget::default()
        });
    }
    let mut service = Service::new(DescribeContext::default());
    service.register::<DescribeGadgets, _>(Arc::new(gadgets));
    let describe = |query: &str| {
        let answer =
            service.handle(format!("Action=DescribeGadgets&Version=2016-11-15{query}").as_bytes());
        assert_eq!(
            answer.status,
            200,
            "{}",
            String::from_utf8_lossy(&answer.body)
        );
        let response = DescribeGadgetsResponse::from_xml(&answer.body).unwrap();
        response
            .gadgets
            .iter()
            .map(|gadget| gadget.gadget_id.clone().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        describe("&Filter.1.Name=state&Filter.1.Value.1=t2.micro"),
        ["g-1"]
    );
    assert_eq!(
        describe("&Filter.1.Name=state&Filter.1.Value.1=new"),
        ["g-2"]
    );
    assert_eq!(
        describe("&Filter.1.Name=part.part-id&Filter.1.Value.1=g-2-p"),
        ["g-2"]
    );
    assert_eq!(
        describe("&Filter.1.Name=owner&Filter.1.Value.1=1111*"),
        ["g-1", "g-2"]
    );
    assert_eq!(describe("&GadgetId.1=g-2"), ["g-2"]);
    assert_eq!(
        describe("&IncludeRetired=true").len(),
        3,
        "the visibility function"
    );
    assert_eq!(describe("&GadgetId.1=g-3"), Vec::<String>::new());
    assert_eq!(describe("&State.1=t2.micro"), ["g-1"]);
    assert_eq!(describe("&Type.1=small&Type.2=large"), ["g-1", "g-2"]);
    assert_eq!(
        describe("&Type.1=large"),
        Vec::<String>::new(),
        "a list that narrows"
    );
    assert_eq!(describe("&MaxResults=1").len(), 1);
    let answer = service.handle(
        b"Action=DescribeGadgets&Version=2016-11-15&Filter.1.Name=colour&Filter.1.Value.1=red",
    );
    assert_eq!(
        answer.error_code.as_deref(),
        Some("InvalidParameterValue"),
        "a filter left unserved is EC2's invalid filter"
    );
    assert_eq!(
        describe("&Label.1=any&Filter.1.Name=state&Filter.1.Value.1=none"),
        ["g-1", "g-2"],
        "the filters are ignored beside labels"
    );
    let answer =
        service.handle(b"Action=DescribeGadgets&Version=2016-11-15&Label.1=any&MaxResults=5");
    assert_eq!(
        answer.error_code.as_deref(),
        Some("InvalidParameterCombination"),
        "the decided request rule"
    );
    let answer = service.handle(b"Action=DescribeGadgets&Version=2016-11-15&State.1=broken");
    assert_eq!(
        answer.error_code.as_deref(),
        Some("InvalidGadgetState"),
        "a value list that must exist has its decided code"
    );
}
