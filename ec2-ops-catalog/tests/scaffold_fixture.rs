//! The scaffold's pinned output for its model fixture (`ec2-ops-scaffold/tests/fixtures`) compiles
//! as written and serves: the fixture's every construct (an enum of odd values, a raw field name,
//! a non-`item` list, an attribute operation, a switch as the ID) holds through the macros.

use std::sync::Arc;

use ec2_ops::{DescribeContext, Ec2Response, InMemorySource, Service};

include!("../../ec2-ops-scaffold/tests/fixtures/expected.rs");

#[test]
fn the_fixture_declarations_serve_ids_filters_and_pages() {
    let gadgets =
        InMemorySource::new(|gadget: &Gadget| gadget.gadget_id.as_deref().unwrap_or_default());
    for (id, state) in [
        ("g-1", GadgetState::T2Micro),
        ("g-2", GadgetState::Unlisted("new".into())),
    ] {
        gadgets.insert(Gadget {
            gadget_id: Some(id.into()),
            r#type: Some("small".into()),
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
    assert_eq!(describe("&MaxResults=1").len(), 1);
    let answer = service.handle(
        b"Action=DescribeGadgets&Version=2016-11-15&Filter.1.Name=colour&Filter.1.Value.1=red",
    );
    assert_eq!(
        answer.error_code.as_deref(),
        Some("InvalidParameterValue"),
        "a filter left unserved is EC2's invalid filter"
    );
}
