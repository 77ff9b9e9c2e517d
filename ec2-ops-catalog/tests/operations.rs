//! Proof for every operation of the catalog, generated from the declarations, not hand-picked
//! (`tests/generated/operations.rs` holds one test per operation, written with the catalog): the
//! 187 the scaffold wrote and the ten `ec2-ops` declares by hand.
//!
//! Each test samples random values for every member of the operation's output, following the
//! model (`model/ec2-describe.json`): nested structures and lists, blobs, timestamps, enums (with
//! values the model does not list), text with XML and wildcard metacharacters. Then:
//!
//! 1. AWS CLI JSON → typed response → JSON is the same JSON;
//! 2. typed response → EC2 XML → parsed back is equal, and the XML read the way botocore reads it
//!    (element names from the model's `locationName`s, list items by their item name) is the
//!    JSON the test started from;
//! 3. the listed resources, as a seed of an in-memory source, described through the Query
//!    protocol, come back equal (all of them, in ID order; one for single answers; for operations
//!    keyed by position, every one in the sample's order, a whole repeat included);
//! 4. every mapped filter, with a value the resource holds, finds it; with a value it does not
//!    hold, leaves it out; likewise `tag:<key>`, `tag-key` and `tag-value`.
//!
//! Four rounds per operation: the first with every member present, the others leaving members out
//! at random. Every filter must have been checked in some round, except the few answered by a
//! predicate over several fields ([`PREDICATE_FILTERS`]), which hold no one field's text.

mod sample;

use std::collections::BTreeSet;
use std::fmt::Debug;
use std::sync::Arc;

use sample::{Sampler, model, shape};

use ec2_ops::{DescribeContext, DescribeOperation, Ec2Response, InMemorySource, Service};
use ec2_ops_scaffold::model::ShapeRef;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

const ROUNDS: u64 = 4;

/// A value no sampled text holds.
const ABSENT: &str = "\u{2603}-not-held";

/// Filters a hand-declared operation answers with a predicate (`"name" => with(f)`) rather than a field
/// path: no field text holds their value, so the check cannot pick one. Each is proved by the
/// seed's own suite: `(operation, filter, the test in the facade's tests/instances.rs)`.
const PREDICATE_FILTERS: &[(&str, &str, &str)] = &[
    // An attached interface's instance, owner and zone are its instance's.
    (
        "DescribeInstances",
        "network-interface.attachment.instance-id",
        "interface_filters_served_by_functions_read_the_instance_and_its_reservation",
    ),
    (
        "DescribeInstances",
        "network-interface.attachment.instance-owner-id",
        "interface_filters_served_by_functions_read_the_instance_and_its_reservation",
    ),
    (
        "DescribeInstances",
        "network-interface.availability-zone",
        "interface_filters_served_by_functions_read_the_instance_and_its_reservation",
    ),
    // The items are tags: `tag:Name=main*` selects the `Name` tags whose value matches.
    (
        "DescribeTags",
        "tag:<key>",
        "describe_tags_tag_filter_selects_tag_items_by_key_and_value",
    ),
];

/// The value every listed resource's parent member holds, and the request names.
const PARENT: &str = "parent-0123456789";

/// The required text members of a list answer that its resources hold too: a parent's ID
/// (`ClientVpnEndpointId` of a route), which selects the resources holding it; or a required list
/// of parents' IDs whose one value its resources hold (`ImageIds` of image references, each
/// holding an `ImageId`), named by that member.
fn parent_members(action: &str, list_member: &str) -> Vec<String> {
    let operation = &model()["operations"][action];
    let input = shape(operation["input"]["shape"].as_str().unwrap_or_default());
    let output = shape(operation["output"]["shape"].as_str().unwrap_or_default());
    // A list held in a structure is named by its path (`ApplicationStatuses.Instances`).
    let list = list_member.split('.').fold(output, |holder, member| {
        shape(
            holder["members"][member]["shape"]
                .as_str()
                .unwrap_or_default(),
        )
    });
    let resource = shape(list["member"]["shape"].as_str().unwrap_or_default());
    input["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter_map(|member| {
            let sent = &input["members"][member];
            let sent_shape = sent["shape"].as_str().unwrap_or_default();
            let held_as = if is_text(sent_shape) {
                member
            } else if shape(sent_shape)["type"] == "list" {
                member.strip_suffix('s')?
            } else {
                return None;
            };
            let held = &resource["members"][held_as];
            (held.is_object() && is_text(held["shape"].as_str().unwrap_or_default()))
                .then(|| held_as.to_owned())
        })
        .collect()
}

/// Query parameters for a request's required members: a parent's ID (see [`parent_members`])
/// carries [`PARENT`], another text member the first of `ids` (the one required text member of a
/// single answer is its resource's ID), a list of text all of them (a required ID list names every
/// resource of the seed).
fn required_members(action: &str, ids: &[&str], parents: &[String]) -> String {
    let input = shape(
        model()["operations"][action]["input"]["shape"]
            .as_str()
            .unwrap_or_default(),
    );
    let mut query = String::new();
    // `Include...` and `All...` switches widen an answer (DescribeKeyPairs' `IncludePublicKey`,
    // DescribeRegions' `AllRegions`); the check asks for all of it.
    for (member, reference) in input["members"].as_object().into_iter().flatten() {
        let switch = shape(reference["shape"].as_str().unwrap_or_default());
        let widens = member.starts_with("Include") || member.starts_with("All");
        if widens && switch["type"] == "boolean" {
            query.push_str(&format!("&{}=true", query_key(member, reference)));
        }
    }
    for member in input["required"].as_array().into_iter().flatten() {
        let member = member.as_str().unwrap_or_default();
        let reference = &input["members"][member];
        if parents.iter().any(|parent| parent == member) {
            query.push_str(&format!("&{}={PARENT}", query_key(member, reference)));
            continue;
        }
        if let Some(one) = member.strip_suffix('s')
            && parents.iter().any(|parent| parent == one)
        {
            query.push_str(&format!("&{}.1={PARENT}", query_key(member, reference)));
            continue;
        }
        query_value(
            &mut query,
            &query_key(member, reference),
            reference["shape"].as_str().unwrap_or_default(),
            ids,
        );
    }
    query
}

/// Sets the member an operation's `visible` hook scopes by to one value on every resource of a
/// round (`printed`, as the AWS CLI prints it), so that one request can ask for them all: the
/// value a request names without it (`region`, `default` tenancy, durations of a year), for the
/// billing requests' requester the caller's account, for history records a time after the start
/// the request must send.
fn in_one_scope(action: &str, printed: &mut Value) {
    let (member, value) = match action {
        "DescribeInstanceTypeOfferings" => ("LocationType", json!("region")),
        "DescribeReservedInstancesOfferings" => {
            printed["Duration"] = json!(31_536_000);
            ("InstanceTenancy", json!("default"))
        }
        "DescribeCapacityReservationBillingRequests" => ("RequestedBy", json!(CALLER)),
        // The required durations the check sends (see [`query_value`]); the zone is any, as the
        // check sends `AllAvailabilityZones`.
        "DescribeCapacityBlockOfferings" => ("CapacityBlockDurationHours", json!(5)),
        "DescribeCapacityBlockExtensionOfferings" => {
            ("CapacityBlockExtensionDurationHours", json!(5))
        }
        // After the required `StartTime` the check sends (see [`query_value`]).
        "DescribeFleetHistory" | "DescribeSpotFleetRequestHistory" => {
            ("Timestamp", json!("2025-06-01T00:00:00.000Z"))
        }
        // At the required range's one instant, recurring as the check asks (see
        // [`asking_for_all`]).
        "DescribeScheduledInstanceAvailability" => {
            printed["FirstSlotStartTime"] = json!("2024-01-02T03:04:05.000Z");
            ("Recurrence", json!({"Frequency": "Daily"}))
        }
        _ => return,
    };
    printed[member] = value;
}

/// The account the billing requests' check calls as.
const CALLER: &str = "111122223333";

/// What the check sends, and the account it calls as, for an operation whose `visible` hook shows
/// only some resources to a request that sends none of its scoping members, so that the answer
/// holds every resource of the round's seed (`ids`, their IDs; see also [`in_one_scope`]).
fn asking_for_all(action: &str, ids: &[&str]) -> (String, Option<String>) {
    match action {
        // Without IDs, the `unlimited` instances only.
        "DescribeInstanceCreditSpecifications" => (
            ids.iter()
                .enumerate()
                .map(|(index, id)| {
                    format!(
                        "&InstanceId.{}={}",
                        index + 1,
                        utf8_percent_encode(id, NON_ALPHANUMERIC)
                    )
                })
                .collect(),
            None,
        ),
        // The required `Role` is the model's first value, `odcr-owner`: the requests the caller
        // initiated (see [`in_one_scope`]).
        "DescribeCapacityReservationBillingRequests" => (String::new(), Some(CALLER.to_owned())),
        // A schedule's frequency, in place of the text the required members' default sends.
        "DescribeScheduledInstanceAvailability" => ("&Recurrence.Frequency=Daily".to_owned(), None),
        _ => (String::new(), None),
    }
}

/// The values of an attribute operation's `Attribute` member (a single answer shaped by the
/// attribute asked for), when it has one.
fn attribute_values(action: &str) -> Option<Vec<String>> {
    let operation = &model()["operations"][action];
    let input = shape(operation["input"]["shape"].as_str().unwrap_or_default());
    let attribute = shape(input["members"]["Attribute"]["shape"].as_str()?);
    let values = attribute["enum"].as_array()?;
    Some(
        values
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
    )
}

/// Whether shape `name` is plain text (not an enum).
fn is_text(name: &str) -> bool {
    let shape = shape(name);
    shape["type"] == "string" && shape.get("enum").is_none()
}

/// The Query key of a request member: the scaffold's reading of the model's rule.
fn query_key(member: &str, reference: &Value) -> String {
    let reference: ShapeRef = serde_json::from_value(reference.clone()).expect("a shape reference");
    reference.query_key(member)
}

fn query_value(query: &mut String, key: &str, name: &str, ids: &[&str]) {
    let shape = shape(name);
    let mut scalar = |text: &str| {
        query.push_str(&format!(
            "&{key}={}",
            utf8_percent_encode(text, NON_ALPHANUMERIC)
        ));
    };
    match shape["type"].as_str().unwrap_or_default() {
        "string" => match shape["enum"].as_array() {
            Some(values) => scalar(values[0].as_str().unwrap_or_default()),
            None => scalar(ids[0]),
        },
        "timestamp" => scalar("2024-01-02T03:04:05Z"),
        "integer" | "long" => scalar("5"),
        "boolean" => scalar("true"),
        "double" | "float" => scalar("1.5"),
        "list" => {
            let element = shape["member"]["shape"].as_str().unwrap_or_default();
            let count = if is_text(element) { ids.len() } else { 1 };
            for index in 0..count {
                query_value(
                    query,
                    &format!("{key}.{}", index + 1),
                    element,
                    &ids[index..],
                );
            }
        }
        "structure" => {
            let members = shape["members"].as_object().cloned().unwrap_or_default();
            let required: Vec<&str> = shape["required"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            // A structure with no required member is present through its first member.
            let chosen: Vec<&String> = members
                .keys()
                .filter(|member| required.is_empty() || required.contains(&member.as_str()))
                .take(if required.is_empty() { 1 } else { usize::MAX })
                .collect();
            for member in chosen {
                let reference = &members[member];
                query_value(
                    query,
                    &format!("{key}.{}", query_key(member, reference)),
                    reference["shape"].as_str().unwrap_or_default(),
                    ids,
                );
            }
        }
        other => panic!("request member `{key}` has type `{other}`"),
    }
}

/// An XML element: its local name, children and text.
#[derive(Debug, Default)]
struct Element {
    name: String,
    children: Vec<Element>,
    text: String,
}

/// The document's root element, read with quick-xml alone (independent of the runtime's reader).
fn xml_tree(xml: &[u8]) -> Element {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut stack = vec![Element::default()];
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(start) => stack.push(Element {
                name: start.local_name().as_ref().to_owned(),
                ..Element::default()
            }),
            Event::Empty(empty) => stack.last_mut().unwrap().children.push(Element {
                name: empty.local_name().as_ref().to_owned(),
                ..Element::default()
            }),
            Event::Text(text) => stack
                .last_mut()
                .unwrap()
                .text
                .push_str(&text.xml10_content()),
            Event::GeneralRef(reference) => {
                let text = match reference
                    .resolve_char_ref()
                    .expect("a valid character reference")
                {
                    Some(c) => c.to_string(),
                    None => match &*reference.xml10_content() {
                        "lt" => "<".to_owned(),
                        "gt" => ">".to_owned(),
                        "amp" => "&".to_owned(),
                        "quot" => "\"".to_owned(),
                        "apos" => "'".to_owned(),
                        other => panic!("unknown entity &{other};"),
                    },
                };
                stack.last_mut().unwrap().text.push_str(&text);
            }
            Event::End(_) => {
                let done = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(done);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    stack.pop().unwrap().children.pop().expect("a root element")
}

/// `element` read as model shape `name`, the way botocore's EC2 parser reads a response.
fn read_like_botocore(name: &str, element: &Element) -> Value {
    let shape = shape(name);
    let text = element.text.as_str();
    match shape["type"].as_str().unwrap_or_default() {
        "structure" => {
            let mut object = Map::new();
            for (member, reference) in shape["members"].as_object().into_iter().flatten() {
                let xml_name = reference["locationName"].as_str().unwrap_or(member);
                if let Some(child) = element.children.iter().find(|child| child.name == xml_name) {
                    object.insert(
                        member.clone(),
                        read_like_botocore(reference["shape"].as_str().unwrap_or_default(), child),
                    );
                }
            }
            Value::Object(object)
        }
        "list" => {
            let item = shape["member"]["locationName"].as_str().unwrap_or("member");
            let element_shape = shape["member"]["shape"].as_str().unwrap_or_default();
            Value::Array(
                element
                    .children
                    .iter()
                    .filter(|child| child.name == item)
                    .map(|child| read_like_botocore(element_shape, child))
                    .collect(),
            )
        }
        "integer" | "long" => Value::from(
            text.parse::<i64>()
                .unwrap_or_else(|_| panic!("{name}: `{text}` is not an integer")),
        ),
        "boolean" => Value::Bool(text == "true"),
        "double" | "float" => Value::from(
            text.parse::<f64>()
                .unwrap_or_else(|_| panic!("{name}: `{text}` is not a number")),
        ),
        _ => Value::String(text.to_owned()),
    }
}

/// Where `left` and `right` first differ, and how.
fn first_difference(path: &str, left: &Value, right: &Value) -> Option<String> {
    match (left, right) {
        (Value::Object(a), Value::Object(b)) => {
            a.keys()
                .chain(b.keys())
                .find_map(|key| match (a.get(key), b.get(key)) {
                    (Some(x), Some(y)) => first_difference(&format!("{path}.{key}"), x, y),
                    (x, y) => Some(format!("{path}.{key}: {x:?} became {y:?}")),
                })
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find_map(|(index, (x, y))| first_difference(&format!("{path}[{index}]"), x, y)),
        _ => (left != right).then(|| format!("{path}: {left} became {right}")),
    }
}

/// A filter value matching `text` exactly: wildcard metacharacters escaped.
fn literal(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if matches!(c, '*' | '?' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// How an operation answers: a list (its member), or one resource (in an element of its own or
/// flattened at the top).
enum Answer {
    List(&'static str),
    One,
}

fn check<O>(action: &str, answer: Answer)
where
    O: DescribeOperation + 'static,
    O::Resource: Clone + PartialEq + Debug + Serialize + DeserializeOwned + Send + Sync + 'static,
    O::Response: Default + PartialEq + Debug + Serialize + DeserializeOwned,
{
    let operation = &model()["operations"][action];
    let output_name = operation["output"]["shape"].as_str().unwrap_or_default();
    let list = matches!(answer, Answer::List(_));
    let filters = O::SPEC.filters;
    let mut checked: BTreeSet<String> = BTreeSet::new();

    for round in 0..ROUNDS {
        let listed = match answer {
            Answer::List(member) => Some(member),
            Answer::One => None,
        };
        let mut sampler = Sampler::new(action, round, listed);
        let mut json = sampler.sample(output_name);
        let parents = listed.map_or_else(Vec::new, |member| parent_members(action, member));
        if let Some(member) = listed {
            let pointer = format!("/{}", member.replace('.', "/"));
            let held = json.pointer_mut(&pointer).and_then(Value::as_array_mut);
            for resource in held.into_iter().flatten() {
                for parent in &parents {
                    resource[parent.as_str()] = Value::String(PARENT.to_owned());
                }
            }
        }
        let context = format!("{action}, round {round}");

        // 1. AWS CLI JSON round trip.
        let typed: O::Response = serde_json::from_value(json.clone()).unwrap_or_else(|error| {
            panic!("{context}: the AWS CLI JSON does not read: {error}\n{json:#}")
        });
        let again = serde_json::to_value(&typed).unwrap();
        if let Some(difference) = first_difference("", &json, &again) {
            panic!("{context}: JSON changed in a round trip at {difference}");
        }

        // 2. EC2 XML round trip.
        let xml = typed.to_xml();
        let parsed = O::Response::from_xml(&xml).unwrap_or_else(|error| {
            panic!(
                "{context}: the rendered XML does not parse: {error}\n{}",
                String::from_utf8_lossy(&xml)
            )
        });
        assert_eq!(parsed, typed, "{context}: XML changed in a round trip");
        let read = read_like_botocore(output_name, &xml_tree(&xml));
        if let Some(difference) = first_difference("", &json, &read) {
            panic!(
                "{context}: botocore would read the XML differently at {difference}\n{}",
                String::from_utf8_lossy(&xml)
            );
        }

        // 3. The resources as a seed, described: keyed by ID (one resource per ID, in ID order),
        // or by position where no member identifies one (every resource, in the sample's order).
        let by_position = ec2_ops_catalog::KEYED_BY_POSITION.contains(&action);
        let mut resources: Vec<O::Resource> = Vec::new();
        for resource in O::response_items(&typed) {
            if by_position
                || !resources
                    .iter()
                    .any(|known| O::resource_id(known) == O::resource_id(resource))
            {
                resources.push(resource.clone());
            }
        }
        if !by_position {
            resources.sort_by(|a, b| O::resource_id(a).cmp(O::resource_id(b)));
        }
        resources = resources
            .iter()
            .map(|resource| {
                let mut printed = serde_json::to_value(resource).unwrap();
                in_one_scope(action, &mut printed);
                serde_json::from_value(printed).unwrap()
            })
            .collect();
        let Some(first) = resources.first().cloned() else {
            continue;
        };
        if by_position {
            // A resource repeating another whole (as two prices or events can) is kept too.
            resources.push(first.clone());
        }
        let source = if by_position {
            InMemorySource::keyed_by_position()
        } else {
            InMemorySource::new(O::resource_id)
        };
        // Resources of a parent named beside the list (a fleet's) are stored under it, and the
        // request names it.
        let parent_member = <O as DescribeOperation>::PARENT_MEMBER;
        for (position, resource) in resources.iter().enumerate() {
            match parent_member {
                Some(_) => {
                    let own = if by_position {
                        format!("{position:020}")
                    } else {
                        O::resource_id(resource).to_owned()
                    };
                    source.insert_at(ec2_ops::parent_key(PARENT, &own), resource.clone());
                }
                None => {
                    source.insert(resource.clone());
                }
            }
        }
        let parents: Vec<String> = parents
            .iter()
            .cloned()
            .chain(parent_member.map(str::to_owned))
            .collect();
        let ids: Vec<&str> = if list {
            resources.iter().map(O::resource_id).collect()
        } else {
            vec![O::resource_id(&first)]
        };
        let (scope, account) = asking_for_all(action, &ids);
        let mut calling = DescribeContext::default();
        if let Some(account) = account {
            calling = calling.with_account_id(account);
        }
        let mut service = Service::new(calling);
        service.register::<O, _>(Arc::new(source));
        let mut required = required_members(action, &ids, &parents);
        if attribute_values(action).is_some() {
            // Each check names the attribute it asks for.
            required = required
                .split('&')
                .filter(|param| !param.is_empty() && !param.starts_with("Attribute="))
                .map(|param| format!("&{param}"))
                .collect();
        }
        // What `scope` sends replaces what the required members' defaults would.
        let scoped: Vec<&str> = scope
            .split('&')
            .filter_map(|param| param.split_once('=').map(|(key, _)| key))
            .collect();
        let required: String = required
            .split('&')
            .filter(|param| {
                !param.is_empty()
                    && !scoped.contains(&param.split_once('=').map_or(*param, |(key, _)| key))
            })
            .map(|param| format!("&{param}"))
            .collect();
        let base = format!("Action={action}&Version=2016-11-15{required}{scope}");
        let describe = |extra: &str| -> Vec<O::Resource> {
            let answer = service.handle(format!("{base}{extra}").as_bytes());
            assert_eq!(
                answer.status,
                200,
                "{context}: {base}{extra}\n{}",
                String::from_utf8_lossy(&answer.body)
            );
            let response = O::Response::from_xml(&answer.body).unwrap();
            O::response_items(&response).to_vec()
        };
        let asked = if list {
            String::new()
        } else {
            attribute_values(action)
                .map(|values| format!("&Attribute={}", values[0]))
                .unwrap_or_default()
        };
        let listed = describe(&asked);
        if list {
            assert_eq!(
                listed, resources,
                "{context}: the seed does not come back as it went in"
            );
        } else if let Some(attributes) = attribute_values(action) {
            // An attribute operation answers the asked attribute beside the ID: every member
            // answered is the resource's (or an empty list for a list it lacks), and the
            // attributes together answer every member it holds.
            let whole = serde_json::to_value(&first).unwrap();
            let mut answered: BTreeSet<String> = BTreeSet::new();
            for attribute in &attributes {
                let extra = format!("&Attribute={attribute}");
                // An answer holding no member at all (a sample without its ID, asked for an
                // attribute it lacks) reads back as absent.
                let one = match describe(&extra).as_slice() {
                    [] => Value::Object(Map::new()),
                    [one] => serde_json::to_value(one).unwrap(),
                    more => panic!("{context}: {} answers for {attribute}", more.len()),
                };
                for (member, value) in one.as_object().into_iter().flatten() {
                    let held = &whole[member.as_str()];
                    assert!(
                        held == value || (held.is_null() && value == &Value::Array(Vec::new())),
                        "{context}: {attribute} answers {member} = {value}, the resource holds {held}"
                    );
                    answered.insert(member.clone());
                }
            }
            for member in whole
                .as_object()
                .into_iter()
                .flatten()
                .map(|(member, _)| member)
            {
                assert!(
                    answered.contains(member),
                    "{context}: no attribute answers {member}"
                );
            }
        } else {
            assert_eq!(
                listed,
                std::slice::from_ref(&first),
                "{context}: the single answer is not its resource"
            );
        }

        // 4. Filters: a value the resource holds finds it; one it does not hold leaves it out.
        let held = |resource: &O::Resource, extra: &str| {
            describe(extra).iter().any(|found| found == resource)
        };
        let filter = |name: &str, value: &str| {
            format!(
                "&Filter.1.Name={}&Filter.1.Value.1={}",
                utf8_percent_encode(name, NON_ALPHANUMERIC),
                utf8_percent_encode(value, NON_ALPHANUMERIC)
            )
        };
        let filter_key =
            |query: String| query.replace("&Filter.1.", &format!("&{}.1.", filter_member(action)));
        for resource in &resources {
            for (index, name) in filters.names.iter().enumerate() {
                let mut texts = Vec::new();
                O::filter_texts(resource, index, &mut |text| texts.push(text.to_owned()));
                let Some(text) = texts.first() else { continue };
                assert!(
                    held(resource, &filter_key(filter(name, &literal(text)))),
                    "{context}: filter {name}={text:?} does not find its resource"
                );
                assert!(
                    !held(resource, &filter_key(filter(name, ABSENT))),
                    "{context}: filter {name}={ABSENT:?} finds a resource that does not hold it"
                );
                checked.insert((*name).to_owned());
            }
            let mut tags = Vec::new();
            O::any_tag(resource, |tag| {
                tags.push(tag.clone());
                false
            });
            if let Some(tag) = tags.first() {
                let tag_filters = [
                    (
                        filters.tags.named,
                        format!("tag:{}", tag.key),
                        tag.value.clone(),
                    ),
                    (filters.tags.key, "tag-key".to_owned(), tag.key.clone()),
                    (
                        filters.tags.value,
                        "tag-value".to_owned(),
                        tag.value.clone(),
                    ),
                ];
                for (_, name, value) in tag_filters.into_iter().filter(|(declared, _, _)| *declared)
                {
                    assert!(
                        held(resource, &filter_key(filter(&name, &literal(&value)))),
                        "{context}: {name}={value:?} does not find its resource"
                    );
                    assert!(
                        !held(resource, &filter_key(filter(&name, ABSENT))),
                        "{context}: {name}={ABSENT:?} finds a resource"
                    );
                    checked.insert(if name.starts_with("tag:") {
                        "tag:<key>".to_owned()
                    } else {
                        name
                    });
                }
            }
        }
    }
    let mut declared: BTreeSet<String> = filters
        .names
        .iter()
        .map(|name| (*name).to_owned())
        .collect();
    for (on, name) in [
        (filters.tags.named, "tag:<key>"),
        (filters.tags.key, "tag-key"),
        (filters.tags.value, "tag-value"),
    ] {
        if on {
            declared.insert(name.to_owned());
        }
    }
    for (_, name, _) in PREDICATE_FILTERS.iter().filter(|(of, _, _)| *of == action) {
        assert!(
            declared.remove(*name),
            "{action}: {name} is listed as a predicate filter but not declared"
        );
    }
    let unchecked: Vec<_> = declared.difference(&checked).collect();
    assert!(
        unchecked.is_empty(),
        "{action}: filters never checked in {ROUNDS} rounds: {unchecked:?}"
    );
}

/// The operation's filter key: `Filter` or, for some, `Filters`.
fn filter_member(action: &str) -> String {
    let input = shape(
        model()["operations"][action]["input"]["shape"]
            .as_str()
            .unwrap_or_default(),
    );
    input["members"]
        .as_object()
        .into_iter()
        .flatten()
        .find(|(_, reference)| {
            let list = shape(reference["shape"].as_str().unwrap_or_default());
            list["type"] == "list" && list["member"]["shape"] == "Filter"
        })
        .map(|(member, reference)| query_key(member, reference))
        .unwrap_or_else(|| "Filter".to_owned())
}

include!("generated/operations.rs");
