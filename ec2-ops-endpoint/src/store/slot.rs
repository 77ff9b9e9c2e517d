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
use ec2_ops_catalog::{CatalogOperation, KEYED_BY_POSITION, list_member};

use super::held::{Held, Packed};
use super::output;
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
    /// Each unit's own key (empty for a unit keyed by position), shared with the kept copy.
    keys: Arc<Strings>,
    /// Each unit's parent, in order; empty for an operation whose resources have none.
    parents: Arc<Strings>,
}

impl<I: serde::Serialize + serde::de::DeserializeOwned> Checked<I> {
    fn new(items: Vec<Arc<I>>, keys: Vec<String>, parents: Vec<String>) -> Checked<I> {
        let packed = items.iter().map(|item| Packed::of(&**item)).collect();
        Checked {
            items,
            packed,
            keys: Arc::new(Strings::from(keys)),
            parents: Arc::new(Strings::from(parents)),
        }
    }

    /// The units packed alone, sharing the packings.
    fn packed_only(&self) -> Checked<I> {
        Checked {
            items: Vec::new(),
            packed: self.packed.clone(),
            keys: Arc::clone(&self.keys),
            parents: Arc::clone(&self.parents),
        }
    }
}

/// Strings in order, in one buffer. The units' keys are kept with the seed a reset puts back for
/// the store's life, so they are held compactly: a million small strings, each made between two
/// of the typed units being checked, would each keep a page of the freed units around it from
/// going back to the system.
#[derive(Debug, Default)]
struct Strings {
    text: String,
    /// Where each string ends in `text`.
    ends: Vec<usize>,
}

impl Strings {
    /// String `index`, if there are that many.
    fn get(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)?;
        let start = index.checked_sub(1).map_or(0, |before| self.ends[before]);
        Some(&self.text[start..end])
    }
}

impl From<Vec<String>> for Strings {
    fn from(strings: Vec<String>) -> Strings {
        let mut text = String::with_capacity(strings.iter().map(String::len).sum());
        let ends = strings
            .iter()
            .map(|string| {
                text.push_str(string);
                text.len()
            })
            .collect();
        Strings { text, ends }
    }
}

/// `items`, checked already (each a unit with its own ID), as units to put.
pub(crate) fn units_of_checked<O: CatalogOperation>(items: Vec<Arc<O::Item>>) -> Units {
    let keying = Keying::of(<O as Operation>::SPEC.action);
    let keys = items.iter().map(|item| key_of::<O>(keying, item)).collect();
    Arc::new(Checked::new(items, keys, Vec::new()))
}

/// The typed units of `units`, when they are operation resources of type `I`.
pub(crate) fn items_of<I: 'static>(units: &Units) -> Option<&[Arc<I>]> {
    units
        .downcast_ref::<Checked<I>>()
        .map(|checked| checked.items.as_slice())
}

/// A resource to check, with the parent its output named (`None` for a list not under a parent).
type Parented<I> = (Option<String>, I);

/// Checked seed units in seed order, each with its own key and, for an operation whose resources
/// belong to a parent, the parent its output named.
struct ParentedUnits<I> {
    units: Vec<Arc<I>>,
    keys: Vec<String>,
    /// Empty for an operation whose resources have no parent.
    parents: Vec<String>,
}

impl<I: serde::Serialize + serde::de::DeserializeOwned> ParentedUnits<I> {
    /// The units ready to put, packed.
    fn into_checked(self) -> Checked<I> {
        Checked::new(self.units, self.keys, self.parents)
    }
}

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

impl Keying {
    /// How operation `action`'s source keys its resources.
    fn of(action: &str) -> Keying {
        if KEYED_BY_POSITION.contains(&action) {
            Keying::Position
        } else if action == "DescribeTags" {
            Keying::TagItem
        } else {
            Keying::Id
        }
    }
}

/// The key operation `O`'s `unit` is stored under, keyed by `keying`; empty when it has none.
fn key_of<O: CatalogOperation>(keying: Keying, unit: &O::Item) -> String {
    match keying {
        Keying::Id => O::resource_id(unit).to_owned(),
        Keying::TagItem => tag_item_key(unit),
        Keying::Position => String::new(),
    }
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
        let keying = Keying::of(<O as Operation>::SPEC.action);
        let source = match keying {
            Keying::Position => Held::keyed_by_position(),
            Keying::TagItem => Held::keyed_by(|item: &Arc<O::Item>| tag_item_key(&**item)),
            Keying::Id => Held::new(|item: &Arc<O::Item>| O::resource_id(item)),
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
        key_of::<O>(self.keying, unit)
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
        let (paths, resources): (Vec<String>, Vec<Parented<O::Item>>) = resources
            .into_iter()
            .map(|(path, resource)| (path, (None, resource)))
            .unzip();
        let checked = self.check_under(resources, &|index| paths[index].clone(), source)?;
        Ok(checked.into_checked())
    }

    /// [`Slot::check`] of resources each with the parent its output named, if any (the JSON path
    /// of each, by its place in `resources`, from `path_of`, asked only for a problem): the units
    /// in order, each with its parent and own key; the same ID under two parents is two resources.
    fn check_under(
        &self,
        resources: Vec<Parented<O::Item>>,
        path_of: &dyn Fn(usize) -> String,
        source: &str,
    ) -> Result<ParentedUnits<O::Item>, SeedError> {
        let mut units = ParentedUnits {
            units: Vec::with_capacity(resources.len()),
            keys: Vec::with_capacity(resources.len()),
            parents: Vec::new(),
        };
        let mut placed: HashMap<String, usize> = HashMap::with_capacity(resources.len());
        let mut groups = HashSet::new();
        // An operation answering one resource per call (an attribute operation) is captured one
        // output per resource and attribute: outputs naming the same resource are one resource.
        let one_per_call = list_member(<O as Operation>::SPEC.action).is_none();
        for (index, (parent, resource)) in resources.into_iter().enumerate() {
            if let Some(problem) = group_problem(&resource, &mut groups) {
                return Err(SeedError::new(source, path_of(index), problem));
            }
            let split = O::units(resource);
            if split.is_empty() {
                return Err(SeedError::new(
                    source,
                    path_of(index),
                    "holds no item, and EC2 lists no resource without one (a reservation lists at \
                     least one instance)",
                ));
            }
            for unit in split {
                let own = self.key(&unit);
                if self.keying != Keying::Position {
                    let key = match &parent {
                        Some(parent) if !own.is_empty() => parent_key(parent, &own),
                        _ => own.clone(),
                    };
                    if key.is_empty() {
                        return Err(SeedError::new(
                            source,
                            path_of(index),
                            "missing the resource's ID: every resource needs one",
                        ));
                    }
                    if let Some(&earlier) = placed.get(&key) {
                        if !one_per_call {
                            return Err(SeedError::new(
                                source,
                                path_of(index),
                                format!("a second resource with the ID `{key}`"),
                            ));
                        }
                        let whole = merged::<O::Item>(&units.units[earlier], &unit)
                            .map_err(|problem| SeedError::new(source, path_of(index), problem))?;
                        units.units[earlier] = Arc::new(whole);
                        continue;
                    }
                    placed.insert(key, units.units.len());
                }
                units.units.push(Arc::new(unit));
                units.keys.push(own);
                if self.parent_member.is_some() {
                    units.parents.push(parent.clone().unwrap_or_default());
                }
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
        let list = list_member(self.action());
        let mut read = output::read::<O>(output, source)?;
        let outputs = std::mem::take(&mut read.outputs);
        // Where each output's resources start among all of them, for their JSON paths.
        let mut starts = Vec::with_capacity(outputs.len());
        let mut resources = Vec::new();
        for (index, output) in outputs.into_iter().enumerate() {
            starts.push(resources.len());
            // The parent an output names beside its list owns every resource it lists.
            let parent = match self.parent_member {
                Some(member) => {
                    match O::answered_parent(&output.answer).filter(|id| !id.is_empty()) {
                        Some(parent) => Some(parent.to_owned()),
                        None if output.items.is_empty() => continue,
                        None => {
                            return Err(SeedError::new(
                                source,
                                format!("{}.{member}", read.path(index)),
                                format!(
                                    "missing: the resources of {} belong to the parent the output names \
                                 beside them, as EC2's answers (and the AWS CLI's outputs) do",
                                    self.action()
                                ),
                            ));
                        }
                    }
                }
                None => None,
            };
            resources.extend(output.items.into_iter().map(|item| (parent.clone(), item)));
        }
        let path_of = |resource: usize| {
            let output = starts.partition_point(|&start| start <= resource) - 1;
            let at = read.path(output);
            match list {
                Some(member) => format!("{at}.{member}[{}]", resource - starts[output]),
                None => at,
            }
        };
        let checked = self.check_under(resources, &path_of, source)?;
        Ok(Arc::new(checked.into_checked()))
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
        for (index, packed) in units.packed.iter().enumerate() {
            let own = units.keys.get(index).unwrap_or_default();
            // The views are told of the unit typed: as read, or unpacked from a kept copy.
            let unit = match units.items.get(index) {
                Some(unit) => Some(Arc::clone(unit)),
                None => (!self.observers.is_empty()).then(|| Arc::new(packed.unpack())),
            };
            let key = match (units.parents.get(index), self.keying) {
                (Some(parent), _) => Some(self.key_under(parent, own)),
                (None, Keying::Position) => None,
                (None, _) => Some(own.to_owned()),
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
        match list_member(action) {
            // A list operation's resources are printed as they are stored, not through a
            // response, which a request may shape (IncludePublicKey); nested units are grouped
            // back into their reservations.
            Some(member) => {
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
        let list = list_member(self.action())?;
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
/// a structure (`ApplicationStatuses.Instances`), as [`list_member`] names it.
fn held_at(path: &str, listed: serde_json::Value) -> serde_json::Value {
    path.rsplit('.').fold(listed, |inner, member| {
        let mut output = serde_json::Map::new();
        output.insert(member.to_owned(), inner);
        serde_json::Value::Object(output)
    })
}

#[cfg(test)]
mod tests {
    use super::Strings;

    #[test]
    fn strings_in_one_buffer_read_back_each_in_order_empty_ones_too() {
        let strings = Strings::from(vec![
            "vol-1".to_owned(),
            String::new(),
            "i-0abc tag key".to_owned(),
        ]);
        assert_eq!(strings.get(0), Some("vol-1"));
        assert_eq!(strings.get(1), Some(""));
        assert_eq!(strings.get(2), Some("i-0abc tag key"));
        assert_eq!(strings.get(3), None);
        assert_eq!(Strings::from(Vec::new()).get(0), None);
    }
}
