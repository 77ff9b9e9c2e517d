//! Every shipped operation's wire names, checked against facts taken from botocore's EC2 model into
//! `tests/fixtures/model_facts.json` (written by `tests/fixtures/model_facts.py`; the tests never
//! read the model itself):
//!
//! - the request has every member the model lists, sent under the model's Query key, and nothing
//!   else;
//! - the response, rendered from the endpoint's sample, names each member the model's way: every
//!   key of the AWS CLI JSON is a member of the model's shape there, its XML element has the model's
//!   name, and list items have the model's item element name, all the way down.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;

use common::{by_id, positional, sample, tag_items};
use ec2_ops::operations::bundle_tasks::DescribeBundleTasks;
use ec2_ops::operations::conversion_tasks::DescribeConversionTasks;
use ec2_ops::operations::export_tasks::DescribeExportTasks;
use ec2_ops::operations::import_image_tasks::DescribeImportImageTasks;
use ec2_ops::operations::import_snapshot_tasks::DescribeImportSnapshotTasks;
use ec2_ops::operations::instances::DescribeInstances;
use ec2_ops::operations::key_pairs::DescribeKeyPairs;
use ec2_ops::operations::snapshots::DescribeSnapshots;
use ec2_ops::operations::tags::DescribeTags;
use ec2_ops::operations::volumes::DescribeVolumes;
use ec2_ops::{
    DescribeContext, DescribeOperation, Ec2Request, Ec2Response, ResourceSource, Service,
};
use quick_xml::events::Event;
use serde::Deserialize;
use serde_json::{Value, json};

const FACTS: &str = include_str!("fixtures/model_facts.json");

#[derive(Deserialize)]
struct Facts {
    operations: BTreeMap<String, OperationFacts>,
    shapes: BTreeMap<String, BTreeMap<String, MemberFacts>>,
}

#[derive(Deserialize)]
struct OperationFacts {
    request: BTreeMap<String, RequestMember>,
    output: String,
}

#[derive(Deserialize)]
struct RequestMember {
    key: String,
    #[serde(rename = "type")]
    kind: String,
}

#[derive(Deserialize)]
struct MemberFacts {
    xml: String,
    shape: String,
    kind: String,
    item: Option<String>,
    item_shape: Option<String>,
    item_kind: Option<String>,
}

fn facts() -> Facts {
    serde_json::from_str(FACTS).unwrap()
}

/// An XML element: its name and children (text is not compared here).
#[derive(Debug)]
struct Element {
    name: String,
    children: Vec<Element>,
}

fn parse_xml(body: &[u8]) -> Element {
    let mut reader = quick_xml::Reader::from_reader(body);
    let mut stack = vec![Element {
        name: String::new(),
        children: Vec::new(),
    }];
    let mut buffer = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer).unwrap() {
            Event::Start(start) => stack.push(Element {
                name: start.local_name().into_inner().to_owned(),
                children: Vec::new(),
            }),
            Event::Empty(empty) => {
                let name = empty.local_name().into_inner().to_owned();
                stack.last_mut().unwrap().children.push(Element {
                    name,
                    children: Vec::new(),
                });
            }
            Event::End(_) => {
                let done = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(done);
            }
            Event::Eof => break,
            _ => {}
        }
        buffer.clear();
    }
    stack.pop().unwrap().children.remove(0)
}

/// Walks the CLI JSON `value` of model shape `shape` beside its XML `element`; returns how many
/// members were checked.
fn check_structure(
    facts: &Facts,
    shape: &str,
    value: &Value,
    element: &Element,
    at: &str,
) -> usize {
    let members = &facts.shapes[shape];
    let mut checked = 0;
    for (member, inner) in value.as_object().unwrap() {
        let Some(member_facts) = members.get(member) else {
            panic!("{at}: `{member}` is not a member of the model's {shape}");
        };
        let found: Vec<&Element> = element
            .children
            .iter()
            .filter(|child| child.name == member_facts.xml)
            .collect();
        assert_eq!(
            found.len(),
            1,
            "{at}.{member}: expected one <{}> in <{}>, found {:?}",
            member_facts.xml,
            element.name,
            element.children.iter().map(|c| &c.name).collect::<Vec<_>>()
        );
        checked += 1 + check_member(
            facts,
            member_facts,
            inner,
            found[0],
            &format!("{at}.{member}"),
        );
    }
    checked
}

fn check_member(
    facts: &Facts,
    member: &MemberFacts,
    value: &Value,
    element: &Element,
    at: &str,
) -> usize {
    match member.kind.as_str() {
        "structure" => check_structure(facts, &member.shape, value, element, at),
        "list" => {
            let items = value.as_array().unwrap();
            let item_name = member.item.as_deref().unwrap();
            assert_eq!(element.children.len(), items.len(), "{at}: item count");
            let mut checked = 0;
            for (index, (item, child)) in items.iter().zip(&element.children).enumerate() {
                assert_eq!(child.name, item_name, "{at}[{index}]: item element");
                if member.item_kind.as_deref() == Some("structure") {
                    checked += check_structure(
                        facts,
                        member.item_shape.as_deref().unwrap(),
                        item,
                        child,
                        &format!("{at}[{index}]"),
                    );
                }
            }
            checked
        }
        _ => 0,
    }
}

/// Renders `resources` as `O`'s response (through a service, as the endpoint answers) and checks
/// its names against the model; returns how many members were checked.
fn check_response<O, S>(source: S, query: &str) -> usize
where
    O: DescribeOperation + 'static,
    O::Resource: Clone + Send + Sync + 'static,
    O::Response: Default + serde::Serialize,
    S: ResourceSource<O::Resource> + Send + Sync + 'static,
{
    let facts = facts();
    let action = O::SPEC.action;
    let operation = &facts.operations[action];
    let mut service = Service::new(DescribeContext::default());
    service.register::<O, _>(Arc::new(source));
    let answer = service.handle(format!("Action={action}&Version=2016-11-15{query}").as_bytes());
    assert_eq!(answer.status, 200, "{action}");
    let root = parse_xml(&answer.body);
    assert_eq!(root.name, format!("{action}Response"));
    let response = O::Response::from_xml(&answer.body).unwrap();
    let json = serde_json::to_value(&response).unwrap();
    let checked = check_structure(&facts, &operation.output, &json, &root, action);
    assert!(checked > 0, "{action}: nothing checked");
    checked
}

/// Builds a request setting every member the model lists, encodes it, and checks each member is
/// sent under the model's Query key and nothing else is sent.
fn check_request<O>()
where
    O: DescribeOperation,
    O::Request: serde::de::DeserializeOwned,
{
    let facts = facts();
    let action = O::SPEC.action;
    let mut request = serde_json::Map::new();
    for (member, spec) in &facts.operations[action].request {
        let value = match spec.kind.as_str() {
            "boolean" => json!(true),
            "integer" => json!(5),
            "list" => json!(["x-1"]),
            "filters" => json!([{"Name": "n", "Values": ["v"]}]),
            _ => json!("text"),
        };
        request.insert(member.clone(), value);
    }
    let request: O::Request = serde_json::from_value(Value::Object(request))
        .unwrap_or_else(|error| panic!("{action}: the model's request does not fit ours: {error}"));
    let query = request.to_query();
    let keys: Vec<&str> = query
        .split('&')
        .filter_map(|pair| pair.split('=').next())
        .filter(|key| *key != "Action" && *key != "Version")
        .collect();
    for (member, spec) in &facts.operations[action].request {
        let key = &spec.key;
        assert!(
            keys.iter()
                .any(|sent| sent == key || sent.starts_with(&format!("{key}."))),
            "{action}: {member} is not sent as {key}: {query}"
        );
    }
    for sent in keys {
        let top = sent.split('.').next().unwrap();
        assert!(
            facts.operations[action]
                .request
                .values()
                .any(|spec| spec.key == top),
            "{action}: {sent} is not a member of the model's request"
        );
    }
}

#[test]
fn every_request_member_of_the_model_is_sent_under_its_query_key() {
    check_request::<DescribeBundleTasks>();
    check_request::<DescribeImportSnapshotTasks>();
    check_request::<DescribeImportImageTasks>();
    check_request::<DescribeExportTasks>();
    check_request::<DescribeConversionTasks>();
    check_request::<DescribeInstances>();
    check_request::<DescribeVolumes>();
    check_request::<DescribeSnapshots>();
    check_request::<DescribeKeyPairs>();
    check_request::<DescribeTags>();
}

#[test]
fn instances_responses_name_every_member_as_the_model_does() {
    let checked = check_response::<DescribeInstances, _>(
        by_id::<DescribeInstances>(sample().reservations),
        "",
    );
    assert!(checked > 300, "{checked}");
}

#[test]
fn ebs_key_pair_and_tag_responses_name_every_member_as_the_model_does() {
    let sample = sample();
    check_response::<DescribeVolumes, _>(by_id::<DescribeVolumes>(sample.volumes.clone()), "");
    check_response::<DescribeSnapshots, _>(
        by_id::<DescribeSnapshots>(sample.snapshots.clone()),
        "",
    );
    check_response::<DescribeKeyPairs, _>(
        by_id::<DescribeKeyPairs>(sample.key_pairs.clone()),
        "&IncludePublicKey=true",
    );
    check_response::<DescribeTags, _>(positional(tag_items(&sample)), "&MaxResults=5");
}

#[test]
fn task_responses_name_every_member_as_the_model_does() {
    let sample = sample();
    check_response::<DescribeBundleTasks, _>(by_id::<DescribeBundleTasks>(sample.bundle_tasks), "");
    check_response::<DescribeImportSnapshotTasks, _>(
        by_id::<DescribeImportSnapshotTasks>(sample.import_snapshot_tasks),
        "&MaxResults=5",
    );
    check_response::<DescribeImportImageTasks, _>(
        by_id::<DescribeImportImageTasks>(sample.import_image_tasks),
        "&MaxResults=2",
    );
    check_response::<DescribeExportTasks, _>(by_id::<DescribeExportTasks>(sample.export_tasks), "");
    check_response::<DescribeConversionTasks, _>(
        by_id::<DescribeConversionTasks>(sample.conversion_tasks),
        "",
    );
}
