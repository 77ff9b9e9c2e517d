//! One operation's part of the store: its resources in a source, and the one way they get in,
//! through the one check every seed file, put and control request passes.

use std::any::Any;
use std::collections::HashSet;
use std::ops::ControlFlow;
use std::sync::Arc;

use ec2_ops::operations::instances::Reservation;
use ec2_ops::operations::tags::TagDescription;
use ec2_ops::{Caller, InMemorySource, Operation, Page, ResourceSource};
use ec2_ops_catalog::{CatalogOperation, KEYED_BY_POSITION, LIST_MEMBERS};
use serde_json::Value;

use crate::seed::SeedError;

/// Resources checked and split into the units a source stores, ready to go in: a `Vec` of one
/// operation's items, behind `Any` so the store can hold every operation's in one map.
pub(crate) type Units = Box<dyn Any + Send + Sync>;

/// How a source keys its resources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keying {
    /// By the resource's ID, which must be there and be unique.
    Id,
    /// By the resource's ID and tag key together (DescribeTags' items: one per resource and key).
    TagItem,
    /// By position (the operations whose resources no member identifies).
    Position,
}

/// One operation's part of the store, whatever the operation: what the store does with each.
pub(crate) trait ErasedSlot: Send + Sync {
    /// The operation's action.
    fn action(&self) -> &'static str;

    /// Reads one AWS CLI output of the operation, or a JSON array of them, into checked units.
    fn read(&self, output: &Value, source: &str) -> Result<Units, SeedError>;

    /// Adds `units` (from [`ErasedSlot::read`] or [`Slot::check`]), replacing resources with the
    /// same ID.
    fn put(&self, units: &Units);

    /// How many units `units` (read by this slot) holds.
    fn counted(&self, units: &Units) -> usize;

    /// Removes the resource stored under `id`; whether there was one.
    fn remove(&self, id: &str) -> bool;

    /// Removes every resource.
    fn clear(&self);

    /// How many resources are stored (for a nested operation, its items).
    fn len(&self) -> usize;

    /// The resources as the AWS CLI prints them, loadable as a seed folder file; `None` when
    /// there are none.
    fn dump(&self) -> Option<Value>;

    /// The typed slot, for the store's typed calls.
    fn as_any(&self) -> &dyn Any;
}

/// Operation `O`'s part of the store.
pub(crate) struct Slot<O: CatalogOperation> {
    pub source: Arc<InMemorySource<O::Item>>,
    keying: Keying,
}

impl<O: CatalogOperation> Slot<O> {
    pub fn new() -> Slot<O> {
        let action = <O as Operation>::SPEC.action;
        let (source, keying) = if KEYED_BY_POSITION.contains(&action) {
            (InMemorySource::keyed_by_position(), Keying::Position)
        } else if action == "DescribeTags" {
            (
                InMemorySource::keyed_by(tag_item_key::<O::Item>),
                Keying::TagItem,
            )
        } else {
            (InMemorySource::new(O::resource_id), Keying::Id)
        };
        Slot {
            source: Arc::new(source),
            keying,
        }
    }

    /// The key a unit is stored under; empty when it has none.
    fn key(&self, unit: &O::Item) -> String {
        match self.keying {
            Keying::Id => O::resource_id(unit).to_owned(),
            Keying::TagItem => tag_item_key(unit),
            Keying::Position => String::new(),
        }
    }

    /// The one check: `resources` (each with its JSON path) split into units, each with an ID
    /// of its own unless the operation keys by position; the first problem refuses them all.
    pub fn check(
        &self,
        resources: impl IntoIterator<Item = (String, O::Item)>,
        source: &str,
    ) -> Result<Vec<O::Item>, SeedError> {
        let mut units = Vec::new();
        let mut keys = HashSet::new();
        let mut groups = HashSet::new();
        for (path, resource) in resources {
            if let Some(problem) = group_problem(&resource, &mut groups) {
                return Err(SeedError::new(source, path, problem));
            }
            let split = O::units(resource);
            if split.is_empty() {
                return Err(SeedError::new(
                    source,
                    path,
                    "holds no item, and EC2 lists no resource without one (a reservation lists at \
                     least one instance)",
                ));
            }
            for unit in split {
                if self.keying != Keying::Position {
                    let key = self.key(&unit);
                    if key.is_empty() {
                        return Err(SeedError::new(
                            source,
                            path,
                            "missing the resource's ID: every resource needs one",
                        ));
                    }
                    if !keys.insert(key.clone()) {
                        return Err(SeedError::new(
                            source,
                            path,
                            format!("a second resource with the ID `{key}`"),
                        ));
                    }
                }
                units.push(unit);
            }
        }
        Ok(units)
    }

    /// Every stored unit, in order.
    fn all(&self) -> Vec<O::Item> {
        let mut all = Vec::with_capacity(self.source.len());
        self.source.scan_after(None, &mut |_, unit| {
            all.push(unit.clone());
            ControlFlow::Continue(())
        });
        all
    }
}

/// DescribeTags' item key: the resource's ID, a space, the tag's key (the space sorts before every
/// character of an ID, so one resource's tags stay together, in key order); empty unless both are
/// there. Other operations' resources have no such key.
pub(crate) fn tag_item_key<R: 'static>(item: &R) -> String {
    let Some(tag) = (item as &dyn Any).downcast_ref::<TagDescription>() else {
        return String::new();
    };
    match (tag.resource_id.as_deref(), tag.key.as_deref()) {
        (Some(id), Some(key)) if !id.is_empty() => format!("{id} {key}"),
        _ => String::new(),
    }
}

/// What is wrong with a resource that groups nested items, if anything: a reservation needs an ID
/// of its own, since answers group instances by it (two reservations sharing one, or none, would
/// be answered as one).
fn group_problem<R: 'static>(resource: &R, seen: &mut HashSet<String>) -> Option<String> {
    let reservation = (resource as &dyn Any).downcast_ref::<Reservation>()?;
    match reservation.reservation_id.as_deref() {
        None | Some("") => Some("missing the reservation's ID: every reservation needs one".into()),
        Some(id) if !seen.insert(id.to_owned()) => {
            Some(format!("a second reservation with the ID `{id}`"))
        }
        Some(_) => None,
    }
}

/// A top-level member of `output` holding data that its reading as the operation's response
/// (`read`, written back) does not have: a member of another operation's output, which would
/// otherwise load as nothing. Members deeper down are not checked, so a field the AWS CLI prints
/// and the model does not know yet is still read.
fn stray_member(output: &Value, read: &Value) -> Option<String> {
    let (Value::Object(given), Value::Object(read)) = (output, read) else {
        return None;
    };
    let empty = |value: &Value| match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(members) => members.is_empty(),
        _ => false,
    };
    given
        .iter()
        .find(|(member, value)| !read.contains_key(*member) && !empty(value))
        .map(|(member, _)| member.clone())
}

/// The member of an output object that lists `count` resources, to name a resource's JSON path.
fn list_member(output: &Value, count: usize) -> Option<String> {
    let members = output.as_object()?;
    let mut lists = members.iter().filter(|(_, value)| {
        value
            .as_array()
            .is_some_and(|items| items.len() == count && items.iter().all(Value::is_object))
    });
    let (member, _) = lists.next()?;
    lists.next().is_none().then(|| member.clone())
}

/// A caller for building the responses a dump prints (the request ID is not in the CLI's JSON).
fn dump_caller() -> Caller {
    Caller {
        account_id: String::new(),
        region: String::new(),
        request_id: String::new(),
    }
}

impl<O: CatalogOperation> ErasedSlot for Slot<O> {
    fn action(&self) -> &'static str {
        <O as Operation>::SPEC.action
    }

    fn read(&self, output: &Value, source: &str) -> Result<Units, SeedError> {
        let outputs: Vec<(String, &Value)> = match output {
            Value::Array(outputs) => outputs
                .iter()
                .enumerate()
                .map(|(index, output)| (format!("$[{index}]"), output))
                .collect(),
            output => vec![("$".to_owned(), output)],
        };
        let mut resources = Vec::new();
        for (at, output) in outputs {
            let response: O::Answer =
                serde_path_to_error::deserialize(output).map_err(|error| {
                    SeedError::new(
                        source,
                        format!("{at}.{}", error.path()),
                        error.inner().to_string(),
                    )
                })?;
            if let Some(stray) = stray_member(output, &to_json(&response)) {
                return Err(SeedError::new(
                    source,
                    format!("{at}.{stray}"),
                    format!(
                        "`{stray}` is not a member of {}'s output: is this another operation's?",
                        self.action()
                    ),
                ));
            }
            let items = O::response_items(&response);
            let list = list_member(output, items.len());
            for (index, item) in items.iter().enumerate() {
                let path = match &list {
                    Some(member) => format!("{at}.{member}[{index}]"),
                    None => at.clone(),
                };
                resources.push((path, item.clone()));
            }
        }
        Ok(Box::new(self.check(resources, source)?))
    }

    fn put(&self, units: &Units) {
        let units = units
            .downcast_ref::<Vec<O::Item>>()
            .expect("units are read by the slot they are put in");
        for unit in units {
            self.source.insert(unit.clone());
        }
    }

    fn counted(&self, units: &Units) -> usize {
        units.downcast_ref::<Vec<O::Item>>().map_or(0, Vec::len)
    }

    fn remove(&self, id: &str) -> bool {
        self.source.remove(id).is_some()
    }

    fn clear(&self) {
        self.source.clear();
    }

    fn len(&self) -> usize {
        self.source.len()
    }

    fn dump(&self) -> Option<Value> {
        let units = self.all();
        if units.is_empty() {
            return None;
        }
        let action = self.action();
        match LIST_MEMBERS.iter().find(|(listed, _)| *listed == action) {
            // A list operation's resources are printed as they are stored, not through a
            // response, which a request may shape (IncludePublicKey); nested units are grouped
            // back into their reservations.
            Some((_, member)) => {
                let listed = match (&units as &dyn Any).downcast_ref::<Vec<Reservation>>() {
                    Some(reservations) => to_json(&group_reservations(reservations.clone())),
                    None => to_json(&units),
                };
                let mut output = serde_json::Map::new();
                output.insert((*member).to_owned(), listed);
                Some(Value::Object(output))
            }
            // An operation answering one resource per call: one output per resource.
            None => {
                let outputs = units
                    .into_iter()
                    .map(|unit| {
                        let page = Page {
                            items: vec![unit],
                            next_token: None,
                        };
                        to_json(&O::response(page, &O::Asked::default(), &dump_caller()))
                    })
                    .collect();
                Some(Value::Array(outputs))
            }
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Units of DescribeInstances (one instance each) folded back into their reservations.
fn group_reservations(units: Vec<Reservation>) -> Vec<Reservation> {
    ec2_ops::group_units(
        units,
        |unit| unit.reservation_id.clone(),
        |reservation, unit| {
            let instances = reservation.instances.get_or_insert_with(Vec::new);
            instances.extend(unit.instances.into_iter().flatten());
        },
    )
}

/// A resource or response as JSON: the shapes' serde impls write the AWS CLI's JSON and cannot
/// fail on the values they hold.
fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("resources serialize to JSON")
}
