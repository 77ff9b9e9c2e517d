//! One operation's part of the store: its resources in a source, the one way they get in (the
//! one check every seed file, put and control request passes), and the views told of each change.

use std::any::Any;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::ControlFlow;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use ec2_ops::operations::instances::Reservation;
use ec2_ops::operations::tags::TagDescription;
use ec2_ops::{
    Caller, DescribeOperation, Operation, Page, ResourceSource, parent_key, split_parent_key,
};
use ec2_ops_catalog::{CatalogOperation, KEYED_BY_POSITION, LIST_MEMBERS};
use serde::de::IgnoredAny;

use super::held::{Held, Packed};
use crate::seed::SeedError;

/// Resources checked and split into the units a source stores, ready to go in: the [`Checked`]
/// units of one operation, behind `Any` so the store holds every operation's in one map. The
/// units are packed as they are read (on the reading thread, so a seed folder packs on both
/// cores), and their packings are shared with the sources that hold them, not copied (the embedded
/// reference data's between every store of the process).
pub(crate) type Units = Arc<dyn Any + Send + Sync>;

/// One operation's checked units: each packed (what the source holds) under its key, typed while
/// the store's checks and the views need it, and, for an operation whose resources belong to a
/// parent its answers name beside the list (DescribeFleetInstances' `FleetId`), each one's parent.
pub(crate) struct Checked<I> {
    /// The units typed, in order; empty in the copy a store keeps to reset from
    /// ([`ErasedSlot::kept`]), whose units are unpacked again when put.
    pub items: Vec<Arc<I>>,
    packed: Vec<Packed<I>>,
    /// Each unit's own key (empty for a unit keyed by position).
    keys: Vec<String>,
    /// Each unit's parent, in order; empty for an operation whose resources have none.
    parents: Vec<String>,
}

impl<I: serde::Serialize + serde::de::DeserializeOwned> Checked<I> {
    fn new(items: Vec<Arc<I>>, keys: Vec<String>, parents: Vec<String>) -> Checked<I> {
        let packed = items.iter().map(|item| Packed::of(&**item)).collect();
        Checked {
            items,
            packed,
            keys,
            parents,
        }
    }

    /// The units packed alone, sharing the packings.
    fn packed_only(&self) -> Checked<I> {
        Checked {
            items: Vec::new(),
            packed: self.packed.clone(),
            keys: self.keys.clone(),
            parents: self.parents.clone(),
        }
    }
}

/// `items`, checked already (each a unit with its own ID), as units to put.
pub(crate) fn units_of_checked<O: CatalogOperation>(items: Vec<Arc<O::Item>>) -> Units {
    let keys = items
        .iter()
        .map(|item| O::resource_id(item).to_owned())
        .collect();
    Arc::new(Checked::new(items, keys, Vec::new()))
}

/// The typed units of `units`, when they are operation resources of type `I`.
pub(crate) fn items_of<I: 'static>(units: &Units) -> Option<&[Arc<I>]> {
    units
        .downcast_ref::<Checked<I>>()
        .map(|checked| checked.items.as_slice())
}

/// Checked seed units, each with the parent its output named (`None` for a list not under a
/// parent), in seed order.
type ParentedUnits<I> = Vec<(Option<String>, Arc<I>)>;

/// A view's part in a change of `R`s: told the unit that went (if any) and the one that came (if
/// any), under the store's exclusive lock.
pub(crate) type Observer<R> = Box<dyn Fn(Option<&R>, Option<&R>) + Send + Sync>;

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
    fn read(&self, output: &str, source: &str) -> Result<Units, SeedError>;

    /// How many units `units` (read by this slot) holds.
    fn counted(&self, units: &Units) -> usize;

    /// Adds `units`, replacing resources with the same ID.
    fn put(&self, units: &Units);

    /// The copy of `units` (read by this slot) a store keeps to reset from: their packings alone,
    /// shared, without the typed units (which would hold the seed twice).
    fn kept(&self, units: &Units) -> Units;

    /// Removes the resource stored under `id`; whether there was one.
    fn remove(&self, id: &str) -> bool;

    /// Removes every resource (the views are cleared by the store).
    fn clear(&self);

    /// Removes every resource, the views following (a replace).
    fn remove_all(&self);

    /// How many resources are stored (for a nested operation, its items).
    fn len(&self) -> usize;

    /// The resources as the AWS CLI prints them, loadable as a seed folder file; `None` when
    /// there are none.
    fn dump(&self) -> Option<serde_json::Value>;

    /// The typed slot, for the store's typed calls.
    fn as_any(&self) -> &dyn Any;

    /// Which IDs the operation serves, read at the time of asking; `None` where its resources are
    /// keyed by position and no ID names one.
    fn membership(&self) -> Option<Arc<dyn Membership>>;
}

/// Which resources one operation serves, by ID.
pub(crate) trait Membership: Send + Sync {
    /// Whether a resource with ID `id` is served.
    fn contains(&self, id: &str) -> bool;

    /// Whether none is.
    fn is_empty(&self) -> bool;
}

impl<T: serde::Serialize + serde::de::DeserializeOwned + Send + Sync> Membership for Held<T> {
    fn contains(&self, id: &str) -> bool {
        Held::contains(self, id)
    }

    fn is_empty(&self) -> bool {
        Held::is_empty(self)
    }
}

/// Operation `O`'s part of the store.
pub(crate) struct Slot<O: CatalogOperation> {
    pub source: Arc<Held<O::Item>>,
    keying: Keying,
    observers: Vec<Observer<O::Item>>,
    /// The member naming the parent beside the list, for an operation whose resources belong to
    /// one (`FleetId`): each is stored under its parent ([`parent_key`]).
    parent_member: Option<&'static str>,
    /// The next position of a parent's resource keyed by position (the keys only need to grow).
    next_position: AtomicU64,
}

impl<O: CatalogOperation> Slot<O> {
    pub fn new() -> Slot<O> {
        let action = <O as Operation>::SPEC.action;
        let (source, keying) = if KEYED_BY_POSITION.contains(&action) {
            (Held::keyed_by_position(), Keying::Position)
        } else if action == "DescribeTags" {
            (
                Held::keyed_by(|item: &Arc<O::Item>| tag_item_key(&**item)),
                Keying::TagItem,
            )
        } else {
            (
                Held::new(|item: &Arc<O::Item>| O::resource_id(item)),
                Keying::Id,
            )
        };
        Slot {
            source: Arc::new(source),
            keying,
            observers: Vec::new(),
            parent_member: <O as DescribeOperation>::PARENT_MEMBER,
            next_position: AtomicU64::new(0),
        }
    }

    /// Tells `observer` of every change from now on.
    pub fn observe(&mut self, observer: Observer<O::Item>) {
        self.observers.push(observer);
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
    /// of its own unless the operation keys by position; the first problem refuses them all. An
    /// operation whose resources belong to a parent named beside the list takes them only with
    /// their parent, from the AWS CLI's outputs ([`ErasedSlot::read`]).
    pub fn check(
        &self,
        resources: impl IntoIterator<Item = (String, O::Item)>,
        source: &str,
    ) -> Result<Checked<O::Item>, SeedError> {
        if let Some(member) = self.parent_member {
            return Err(SeedError::new(
                source,
                "$",
                format!(
                    "{}'s resources belong to the parent its answers name beside the list (`{member}`): \
                     give the AWS CLI's outputs, which name it (a seed file, or `Store::put_json`)",
                    <O as Operation>::SPEC.action
                ),
            ));
        }
        let checked = self.check_under(
            resources
                .into_iter()
                .map(|(path, resource)| (path, None, resource)),
            source,
        )?;
        let units: Vec<Arc<O::Item>> = checked.into_iter().map(|(_, unit)| unit).collect();
        let keys = units.iter().map(|unit| self.key(unit)).collect();
        Ok(Checked::new(units, keys, Vec::new()))
    }

    /// [`Slot::check`] of resources each with the parent its output named, if any: the units, each
    /// with its parent; the same ID under two parents is two resources.
    fn check_under(
        &self,
        resources: impl IntoIterator<Item = (String, Option<String>, O::Item)>,
        source: &str,
    ) -> Result<ParentedUnits<O::Item>, SeedError> {
        let mut units: ParentedUnits<O::Item> = Vec::new();
        let mut keys: HashMap<String, usize> = HashMap::new();
        let mut groups = HashSet::new();
        // An operation answering one resource per call (an attribute operation) is captured one
        // output per resource and attribute: outputs naming the same resource are one resource.
        let one_per_call = !LIST_MEMBERS
            .iter()
            .any(|(action, _)| *action == <O as Operation>::SPEC.action);
        for (path, parent, resource) in resources {
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
                    let own = self.key(&unit);
                    let key = match &parent {
                        Some(parent) if !own.is_empty() => parent_key(parent, &own),
                        _ => own,
                    };
                    if key.is_empty() {
                        return Err(SeedError::new(
                            source,
                            path,
                            "missing the resource's ID: every resource needs one",
                        ));
                    }
                    if let Some(&earlier) = keys.get(&key) {
                        if !one_per_call {
                            return Err(SeedError::new(
                                source,
                                path,
                                format!("a second resource with the ID `{key}`"),
                            ));
                        }
                        let whole = merged::<O::Item>(&units[earlier].1, &unit)
                            .map_err(|problem| SeedError::new(source, path.clone(), problem))?;
                        units[earlier].1 = Arc::new(whole);
                        continue;
                    }
                    keys.insert(key.clone(), units.len());
                }
                units.push((parent.clone(), Arc::new(unit)));
            }
        }
        Ok(units)
    }

    /// The key a parent's unit is stored under: its own (`own`, its ID; or its next position)
    /// under the parent's.
    fn key_under(&self, parent: &str, own: &str) -> String {
        match self.keying {
            Keying::Position => parent_key(
                parent,
                &format!("{:020}", self.next_position.fetch_add(1, Ordering::Relaxed)),
            ),
            Keying::Id | Keying::TagItem => parent_key(parent, own),
        }
    }

    /// Every stored unit with its key, in order.
    fn keyed(&self) -> Vec<(String, O::Item)> {
        let mut keyed = Vec::with_capacity(self.source.len());
        self.source.scan_unpacked(None, &mut |key, unit| {
            keyed.push((key.to_owned(), unit));
            ControlFlow::Continue(())
        });
        keyed
    }

    /// Every stored unit, in order.
    fn all(&self) -> Vec<O::Item> {
        let mut all = Vec::with_capacity(self.source.len());
        self.source.scan_unpacked(None, &mut |_, unit| {
            all.push(unit);
            ControlFlow::Continue(())
        });
        all
    }

    fn notify(&self, gone: Option<&O::Item>, came: Option<&O::Item>) {
        for observer in &self.observers {
            observer(gone, came);
        }
    }

    /// The outputs in `text`, each read as the operation's response, with its JSON path.
    fn responses(&self, text: &str, source: &str) -> Result<Vec<(String, O::Answer)>, SeedError> {
        let not_json =
            |error: serde_json::Error| SeedError::new(source, "$", format!("not JSON: {error}"));
        // The shape first, cheaply (values are skipped, not built): one output or an array of
        // them, and each one's top-level members.
        let many = text.trim_start().starts_with('[');
        let members: Vec<Vec<String>> = if many {
            let outputs: Vec<serde_json::Map<String, serde_json::Value>> =
                serde_json::from_str::<Vec<IgnoredMembers>>(text)
                    .map_err(not_json)?
                    .into_iter()
                    .map(|output| output.0)
                    .collect();
            outputs
                .into_iter()
                .map(|output| output.into_iter().map(|(name, _)| name).collect())
                .collect()
        } else {
            let output: IgnoredMembers = serde_json::from_str(text).map_err(not_json)?;
            vec![output.0.into_iter().map(|(name, _)| name).collect()]
        };
        for (index, names) in members.iter().enumerate() {
            let at = if many {
                format!("$[{index}]")
            } else {
                "$".to_owned()
            };
            if let Some(stray) = names.iter().find(|name| !knows_member::<O>(name)) {
                return Err(SeedError::new(
                    source,
                    format!("{at}.{stray}"),
                    format!(
                        "`{stray}` is not a member of {}'s output: is this another operation's?",
                        <O as Operation>::SPEC.action
                    ),
                ));
            }
        }
        let typed = |error: serde_path_to_error::Error<serde_json::Error>| {
            let path = error.path().to_string();
            let path = match path.as_str() {
                "." => "$".to_owned(),
                indexed if indexed.starts_with('[') => format!("${indexed}"),
                member => format!("$.{member}"),
            };
            SeedError::new(source, path, error.inner().to_string())
        };
        let mut deserializer = serde_json::Deserializer::from_str(text);
        if many {
            let responses: Vec<O::Answer> =
                serde_path_to_error::deserialize(&mut deserializer).map_err(typed)?;
            Ok(responses
                .into_iter()
                .enumerate()
                .map(|(index, response)| (format!("$[{index}]"), response))
                .collect())
        } else {
            let response: O::Answer =
                serde_path_to_error::deserialize(&mut deserializer).map_err(typed)?;
            Ok(vec![("$".to_owned(), response)])
        }
    }
}

/// An output's top-level members, their values skipped. (`IgnoredAny` reads a value without
/// building it; the map's values are all `null`.)
struct IgnoredMembers(serde_json::Map<String, serde_json::Value>);

impl<'de> serde::Deserialize<'de> for IgnoredMembers {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Members;
        impl<'de> serde::de::Visitor<'de> for Members {
            type Value = IgnoredMembers;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an AWS CLI output: a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<IgnoredMembers, A::Error> {
                let mut members = serde_json::Map::new();
                while let Some((name, IgnoredAny)) = map.next_entry::<String, IgnoredAny>()? {
                    members.insert(name, serde_json::Value::Null);
                }
                Ok(IgnoredMembers(members))
            }
        }
        deserializer.deserialize_map(Members)
    }
}

/// Whether `O`'s response reads a top-level member called `name`. Its reader skips members it does
/// not know (a newer AWS CLI's), so a member of another operation's output would load as nothing;
/// a member it knows fails at least one of two probes no field type takes both of: `true` (not a
/// list, string, number or structure) and `[]` (not a flag, string, number or structure).
fn knows_member<O: CatalogOperation>(name: &str) -> bool {
    let probe = |value: serde_json::Value| {
        let mut output = serde_json::Map::new();
        output.insert(name.to_owned(), value);
        serde_json::from_value::<O::Answer>(serde_json::Value::Object(output)).is_err()
    };
    probe(serde_json::Value::Bool(true)) || probe(serde_json::Value::Array(Vec::new()))
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

    fn read(&self, output: &str, source: &str) -> Result<Units, SeedError> {
        let list = LIST_MEMBERS
            .iter()
            .find(|(action, _)| *action == self.action())
            .map(|(_, member)| *member);
        let mut resources = Vec::new();
        for (at, response) in self.responses(output, source)? {
            // The parent an output names beside its list owns every resource it lists.
            let parent = match self.parent_member {
                Some(member) => match O::answered_parent(&response).filter(|id| !id.is_empty()) {
                    Some(parent) => Some(parent.to_owned()),
                    None if O::response_items(&response).is_empty() => continue,
                    None => {
                        return Err(SeedError::new(
                            source,
                            format!("{at}.{member}"),
                            format!(
                                "missing: the resources of {} belong to the parent the output names \
                                 beside them, as EC2's answers (and the AWS CLI's outputs) do",
                                self.action()
                            ),
                        ));
                    }
                },
                None => None,
            };
            for (index, item) in O::response_items(&response).iter().enumerate() {
                let path = match list {
                    Some(member) => format!("{at}.{member}[{index}]"),
                    None => at.clone(),
                };
                resources.push((path, parent.clone(), item.clone()));
            }
        }
        let checked = self.check_under(resources, source)?;
        let parents = if self.parent_member.is_some() {
            checked
                .iter()
                .map(|(parent, _)| parent.clone().unwrap_or_default())
                .collect()
        } else {
            Vec::new()
        };
        let units: Vec<Arc<O::Item>> = checked.into_iter().map(|(_, unit)| unit).collect();
        let keys = units.iter().map(|unit| self.key(unit)).collect();
        Ok(Arc::new(Checked::new(units, keys, parents)))
    }

    fn counted(&self, units: &Units) -> usize {
        units
            .downcast_ref::<Checked<O::Item>>()
            .map_or(0, |checked| checked.packed.len())
    }

    fn put(&self, units: &Units) {
        let units = units
            .downcast_ref::<Checked<O::Item>>()
            .expect("units are read by the slot they are put in");
        for (index, (packed, own)) in units.packed.iter().zip(&units.keys).enumerate() {
            // The views are told of the unit typed: as read, or unpacked from a kept copy.
            let unit = match units.items.get(index) {
                Some(unit) => Some(Arc::clone(unit)),
                None => (!self.observers.is_empty()).then(|| Arc::new(packed.unpack())),
            };
            let key = match (units.parents.get(index), self.keying) {
                (Some(parent), _) => Some(self.key_under(parent, own)),
                (None, Keying::Position) => None,
                (None, _) => Some(own.clone()),
            };
            let gone = self.source.insert_packed_keyed(key, packed.clone());
            if let Some(unit) = &unit {
                self.notify(gone.as_deref(), Some(unit));
            }
        }
    }

    fn kept(&self, units: &Units) -> Units {
        let units = units
            .downcast_ref::<Checked<O::Item>>()
            .expect("units are read by the slot they are kept by");
        Arc::new(units.packed_only())
    }

    fn remove(&self, id: &str) -> bool {
        if self.parent_member.is_some() {
            // Stored under their parents: every resource with this ID, whichever parent's (a
            // control request names the resource, not its parent; a walk of the slot, which only
            // such a request pays).
            let keys: Vec<String> = self
                .keyed()
                .into_iter()
                .map(|(key, _)| key)
                .filter(|key| split_parent_key(key).is_some_and(|(_, own)| own == id))
                .collect();
            for key in &keys {
                if let Some(gone) = self.source.remove(key) {
                    self.notify(Some(&gone), None);
                }
            }
            return !keys.is_empty();
        }
        match self.source.remove(id) {
            Some(gone) => {
                self.notify(Some(&gone), None);
                true
            }
            None => false,
        }
    }

    fn clear(&self) {
        self.source.clear();
    }

    fn remove_all(&self) {
        if self.observers.is_empty() {
            self.source.clear();
            return;
        }
        let gone = self.all();
        self.source.clear();
        for unit in &gone {
            self.notify(Some(unit), None);
        }
    }

    fn len(&self) -> usize {
        self.source.len()
    }

    fn membership(&self) -> Option<Arc<dyn Membership>> {
        let source: Arc<dyn Membership> = self.source.clone();
        (self.keying == Keying::Id && self.parent_member.is_none()).then_some(source)
    }

    fn dump(&self) -> Option<serde_json::Value> {
        if let Some(member) = self.parent_member {
            return self.dump_by_parent(member);
        }
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
                Some(held_at(member, listed))
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
                Some(serde_json::Value::Array(outputs))
            }
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl<O: CatalogOperation> Slot<O> {
    /// The resources of an operation whose resources belong to a parent named beside the list, as
    /// the AWS CLI prints them: one output per parent, naming it under `member`.
    fn dump_by_parent(&self, member: &str) -> Option<serde_json::Value> {
        let list = LIST_MEMBERS
            .iter()
            .find(|(listed, _)| *listed == self.action())
            .map(|(_, list)| *list)?;
        let mut by_parent: BTreeMap<String, Vec<O::Item>> = BTreeMap::new();
        for (key, unit) in self.keyed() {
            let parent = split_parent_key(&key).map_or(key.as_str(), |(parent, _)| parent);
            by_parent.entry(parent.to_owned()).or_default().push(unit);
        }
        if by_parent.is_empty() {
            return None;
        }
        let outputs = by_parent
            .into_iter()
            .map(|(parent, units)| {
                let mut output = held_at(list, to_json(&units));
                if let serde_json::Value::Object(members) = &mut output {
                    members.insert(member.to_owned(), serde_json::Value::String(parent));
                }
                output
            })
            .collect();
        Some(serde_json::Value::Array(outputs))
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

/// Two outputs of one resource as one: the members of both, refused where both give one member
/// different values.
fn merged<T: serde::Serialize + serde::de::DeserializeOwned>(
    earlier: &T,
    later: &T,
) -> Result<T, String> {
    let mut whole = to_json(earlier);
    let (Some(members), serde_json::Value::Object(more)) = (whole.as_object_mut(), to_json(later))
    else {
        return Err("an output of this resource is not a JSON object".to_owned());
    };
    for (member, value) in more {
        match members.get(&member) {
            Some(held) if *held != value => {
                return Err(format!(
                    "gives the resource's `{member}` another value than an earlier output of it"
                ));
            }
            _ => {
                members.insert(member, value);
            }
        }
    }
    serde_json::from_value(whole).map_err(|error| error.to_string())
}

/// A resource or response as JSON: the shapes' serde impls write the AWS CLI's JSON and cannot
/// fail on the values they hold.
fn to_json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).expect("resources serialize to JSON")
}

/// A slot's source as the pipeline reads it: each resource unpacked as it is read.
pub(crate) struct Lent<R>(pub Arc<Held<R>>);

impl<R: serde::Serialize + serde::de::DeserializeOwned> ResourceSource<R> for Lent<R> {
    fn get(&self, id: &str) -> Option<R> {
        self.0.unpacked(id)
    }

    fn contains(&self, id: &str) -> bool {
        self.0.contains(id)
    }

    fn scan_after(&self, after: Option<&str>, visit: &mut dyn FnMut(&str, &R) -> ControlFlow<()>) {
        self.0
            .scan_unpacked(after, &mut |id, unit| visit(id, &unit));
    }

    fn scan_after_owned(
        &self,
        after: Option<&str>,
        visit: &mut dyn FnMut(&str, Cow<'_, R>) -> ControlFlow<()>,
    ) where
        R: Clone,
    {
        self.0
            .scan_unpacked(after, &mut |id, unit| visit(id, Cow::Owned(unit)));
    }
}

/// An output holding `listed` at `path`: the list member (`Volumes`), or the path of a list held in
/// a structure (`ApplicationStatuses.Instances`), as [`LIST_MEMBERS`] names it.
fn held_at(path: &str, listed: serde_json::Value) -> serde_json::Value {
    path.rsplit('.').fold(listed, |inner, member| {
        let mut output = serde_json::Map::new();
        output.insert(member.to_owned(), inner);
        serde_json::Value::Object(output)
    })
}
