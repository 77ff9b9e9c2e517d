//! The endpoint's state: every catalog operation's resources, each stored once, the views other
//! operations derive from them, and the seed a reset returns to.
//!
//! Each request reads the store under a shared lock and each change writes it under an exclusive
//! one, so a request sees the store as it was before a change or after it, never half of it: a
//! put of many resources, a removal, or a reset.
//!
//! ## What each operation costs
//!
//! With `n` resources stored and a page of `k`:
//!
//! | request | cost |
//! |---|---|
//! | a page of any operation | a seek (O(log n)) and the resources from there in ID order, each examined (unpacked) once: `k` when every one matches; with a selective filter at most `max(4096, 16k)`, after which the page ends early with a token (EC2 also answers short pages) |
//! | a look-up by ID | O(log n) per ID |
//! | DescribeTags | the page merged from the tag index and DescribeTags' own items, in batches of 8 doubling to 512: O(k) items, each indexed item with one look-up of its resource (its value), each seeded item with one look-up per tagged operation (is its resource served?) |
//! | DescribeVolumes | each volume examined with one look-up in the attachment index, and one in the instances per attachment seeded on it |
//! | DescribeInstanceStatus, the attribute operations, DescribeSecurityGroupRules | the page merged from the derived items (read from the instances, volumes, ... as they are scanned, or from the rule index) and the operation's own items, in batches of 8 doubling to 512, each derived item with one look-up (is it seeded?) |
//! | a parent's ID (`ClientVpnEndpointId` of DescribeClientVpnRoutes) | a look-up in the parent operation, on a first page; a parent it does not serve costs a pass over the children (does any name it?) before the not-found error |
//! | a put or removal of `m` resources | O(m log n), and for tagged resources O(log n) per tag, for instances per block device |
//! | a reset | O(n log n): the store is cleared and the seed put back (the seed's packings are shared, not copied; each resource a view derives from is unpacked once) |
//! | start-up | every seed file read once, its list straight into resources, and each resource packed, the files on every core; then each resource put (its key in a B-tree, the views told) on one thread, while a second frees what the put no longer needs |
//!
//! `ec2_ops::examined_on_this_thread` counts the resources examined; `tests/endpoint/page_cost.rs` checks
//! with it that walks grow linearly and look-ups not at all.
//!
//! ## Where the bytes go
//!
//! Each resource is held once, packed ([`held`]): its members' names and values in MessagePack,
//! absent members left out, shared with the copy of the seed a reset puts back, in a B-tree under
//! a copy of its ID. A request unpacks each resource it examines into its typed value (a typed
//! `Instance` takes 1.8 KB before its first string, most of it members it does not hold; packed,
//! it takes about its compact JSON's size). Views with one item per resource (statuses,
//! attributes) keep nothing: each item is derived from its resource as it is read. DescribeTags'
//! index keeps a key per served tag (resource ID and tag key) and reads the value from the
//! resource; the rule index holds one packed rule per source of a security group's permissions,
//! the interface index one packed interface per interface of a served instance, the attachment
//! index one small record per EBS block device of a served instance. Strings EC2 repeats (zones,
//! types, owner IDs) are not interned: each packing holds its own. The seed's text and typed
//! resources are freed once loaded (and the binary hands the freed heap back to the system).

mod account;
pub(crate) mod held;
mod output;
mod parents;
pub(crate) mod slot;

use std::any::Any;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock, RwLock, RwLockReadGuard, RwLockWriteGuard};

use ec2_ops::operations::instances::DescribeInstances;
use ec2_ops::operations::snapshots::DescribeSnapshots;
use ec2_ops::operations::tags::DescribeTags;
use ec2_ops::operations::volumes::DescribeVolumes;
use ec2_ops::{Answer, Caller, DescribeContext, Operation, ResourceSource, Service};
use ec2_ops_catalog::ebs::{
    DescribeSnapshotAttribute, DescribeVolumeAttribute, DescribeVolumeStatus,
};
use ec2_ops_catalog::images::{
    DescribeFpgaImageAttribute, DescribeFpgaImages, DescribeImageAttribute, DescribeImages,
};
use ec2_ops_catalog::instances::{
    DescribeInstanceAttribute, DescribeInstanceCreditSpecifications, DescribeInstanceStatus,
    DescribeInstanceTypeOfferings, DescribeInstanceTypes, DescribeLaunchTemplateVersions,
    DescribeLaunchTemplates, DescribeSpotPriceHistory,
};
use ec2_ops_catalog::shapes::{AddressAttribute, NetworkInterface};
use ec2_ops_catalog::vpc::{
    DescribeAddresses, DescribeAddressesAttribute, DescribeNetworkInterfaceAttribute,
    DescribeNetworkInterfaces, DescribeSecurityGroupRules, DescribeSecurityGroups,
    DescribeVpcAttribute, DescribeVpcs,
};
use ec2_ops_catalog::{
    CatalogOperation, OfferedInstanceTypes, OperationVisitor, SpotPriceChanges, cli_name,
};
use serde_json::Value;

use self::account::Account;
use self::slot::{ErasedSlot, Lent, Membership, Slot, Units};
use crate::operations;
use crate::seed::{Output, Seed, SeedError, SeedInput};
use crate::views::attributes::{
    AttributeIndex, address_attribute_id, address_attributes, attribute_index, attribute_observer,
    fpga_image_attribute_id, fpga_image_attributes, image_attribute_id, image_attributes,
    instance_attribute_id, instance_attributes, interface_attribute_id, interface_attributes,
    snapshot_attribute_id, snapshot_attributes, volume_attribute_id, volume_attributes,
    vpc_attribute_id, vpc_attributes,
};
use crate::views::credits::{credit_specification, credit_specification_id};
use crate::views::indexes::index_observer;
use crate::views::interfaces::{InterfaceIndex, interface_id, interface_index, interface_observer};
use crate::views::rules::{
    RuleIndex, RuleView, SeededGroups, rule_index, rule_observer, seeded_group_observer,
    seeded_groups,
};
use crate::views::statuses::{StatusView, status_of};
use crate::views::tags::{IndexedTags, Serves, TagIndex, TagView, Tagged, tag_index, tag_observer};
use crate::views::templates::{TemplateIndex, template_id, template_observer};
use crate::views::volume_statuses::{volume_status, volume_status_id};
use crate::views::volumes::{AttachmentIndex, VolumeView, attachment_index, attachment_observer};
use crate::views::{AttributesOf, DerivedFrom, MergedView, Shared};

/// Every operation's resources, the service answering requests over them, and the seed.
///
/// ```
/// use ec2_ops::DescribeContext;
/// use ec2_ops::operations::volumes::{DescribeVolumes, Volume};
/// use ec2_ops_endpoint::{Seed, Store};
///
/// let store = Store::new(&Seed::empty(), DescribeContext::default()).unwrap();
/// store.put::<DescribeVolumes>([Volume { volume_id: Some("vol-1".into()), ..Volume::default() }]).unwrap();
/// let answer = store.handle(b"Action=DescribeVolumes&Version=2016-11-15");
/// assert_eq!((answer.status, answer.items), (200, 1));
///
/// store.put_json("describe-subnets", r#"{"Subnets": [{"SubnetId": "subnet-1"}]}"#).unwrap();
/// assert_eq!(store.count("DescribeSubnets"), Some(1));
/// store.reset();
/// assert_eq!(store.count("DescribeSubnets"), Some(0));
/// ```
pub struct Store {
    slots: BTreeMap<&'static str, Box<dyn ErasedSlot>>,
    /// The views' indexes, which the slots keep up to date.
    indexes: Indexes,
    service: Service,
    /// Requests hold it shared, changes exclusively (see the module docs).
    lock: RwLock<()>,
    /// The seed, read and checked: what a reset puts back.
    seed: Vec<(&'static str, Units)>,
    /// The account callers act as, and why that one.
    account: Account,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("operations", &self.slots.len())
            .finish_non_exhaustive()
    }
}

impl Store {
    /// A store serving every catalog operation with `context` (its token key signs the
    /// `NextToken`s), holding `seed`.
    ///
    /// Callers act as the context's account when one was set
    /// ([`DescribeContext::with_account_id`]); otherwise as the account the seed is a capture of:
    /// the owner of its reservations (DescribeInstances lists only the caller's own), else the
    /// owner of most of its security groups, network interfaces, VPCs and subnets, else the one
    /// owner of all its images and snapshots; else [`DEFAULT_ACCOUNT_ID`](ec2_ops::describe::DEFAULT_ACCOUNT_ID).
    /// [`summary`](Self::summary) says which account and why.
    ///
    /// # Errors
    /// The first problem in the seed: an output that is not its operation's, a value of the wrong
    /// type, a resource without an ID or with another's, reservations of several accounts (or of
    /// another than the account set), security groups, interfaces, VPCs and subnets split evenly
    /// between accounts; nothing is served unless all is valid.
    pub fn new(seed: &Seed, context: DescribeContext) -> Result<Store, SeedError> {
        Store::from_read(read_seed(seed)?, Vec::new(), context)
    }

    /// A store of `read` (a seed read by [`read_seed`]) and `shared`: other accounts' resources
    /// this account sees (their public images, the snapshots they share with it), put before its
    /// own so that its own copy of a resource wins. The account is judged by `read` alone.
    pub(crate) fn from_read(
        read: Vec<(&'static str, Units)>,
        shared: Vec<(&'static str, Units)>,
        context: DescribeContext,
    ) -> Result<Store, SeedError> {
        // The seed is read before the slots that serve it are made, because the account it shows
        // decides what the views derive (only the account's images have attributes).
        let account = Account::of(context.account_id(), &read)?;
        let read: Vec<(&'static str, Units)> = shared.into_iter().chain(read).collect();
        let context = context.with_account_id(account.id());
        let indexes = Indexes {
            tags: Arc::new(tag_index()),
            attachments: Arc::new(attachment_index()),
            rules: Arc::new(rule_index()),
            seeded_groups: Arc::new(seeded_groups()),
            address_attributes: Arc::new(attribute_index(address_attribute_id)),
            interfaces: Arc::new(interface_index()),
            templates: Arc::new(TemplateIndex::new()),
            spot_prices: Arc::new(SpotPriceChanges::default()),
            offered_types: Arc::new(OfferedInstanceTypes::default()),
        };
        let mut slots = Slots {
            slots: BTreeMap::new(),
            serves: Vec::new(),
            tagged: Vec::new(),
            indexes: &indexes,
            account: context.caller().account_id,
        };
        ec2_ops_catalog::for_each_operation(&mut slots);
        let Slots {
            slots,
            serves,
            tagged,
            ..
        } = slots;
        let views = views(
            &slots,
            serves,
            tagged,
            &indexes,
            &context.caller().account_id,
        );
        let mut by_action: BTreeMap<&'static str, Arc<dyn Membership>> = slots
            .iter()
            .filter_map(|(action, slot)| Some((*action, slot.membership()?)))
            .collect();
        // A template derived from its versions is a parent as a seeded one is.
        let templates = <DescribeLaunchTemplates as Operation>::SPEC.action;
        if let Some(seeded) = by_action.remove(templates) {
            let derived: Arc<dyn Membership> = indexes.templates.templates.clone();
            by_action.insert(templates, Arc::new(parents::Either(seeded, derived)));
        }
        let mut getters = Getters {
            slots: &slots,
            views: &views,
            by_action: BTreeMap::new(),
        };
        ec2_ops_catalog::for_each_operation(&mut getters);
        let spot_prices: Arc<dyn Any + Send + Sync> = indexes.spot_prices.clone();
        let offered_types: Arc<dyn Any + Send + Sync> = indexes.offered_types.clone();
        let parents = parents::StoreParents {
            by_action,
            resources: getters.by_action,
            indexes: BTreeMap::from([
                (
                    <DescribeSpotPriceHistory as Operation>::SPEC.action,
                    spot_prices,
                ),
                (
                    <DescribeInstanceTypes as Operation>::SPEC.action,
                    offered_types,
                ),
            ]),
        };
        let mut service = Service::new(context.with_parents(Arc::new(parents)));
        ec2_ops_catalog::for_each_operation(&mut Registrar {
            slots: &slots,
            views: &views,
            service: &mut service,
        });
        let seed = read
            .iter()
            .map(|(action, units)| (*action, slots[action].kept(units)))
            .collect();
        let store = Store {
            slots,
            indexes,
            service,
            lock: RwLock::new(()),
            seed,
            account,
        };
        // Put as read, typed (a reset puts the kept packings back, unpacking each for the views).
        let started = std::time::Instant::now();
        let _writing = store.writing();
        store.put_all(read);
        drop(_writing);
        tracing::debug!(
            resources = store.resources(),
            seconds = started.elapsed().as_secs_f64(),
            "seed put in the store"
        );
        Ok(store)
    }

    fn reading(&self) -> RwLockReadGuard<'_, ()> {
        // The guarded data is `()`: a panic elsewhere cannot have left it half-written.
        self.lock
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn writing(&self) -> RwLockWriteGuard<'_, ()> {
        self.lock
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Answers a Query request (a form body or query string) for a caller of the context's
    /// account and region.
    pub fn handle(&self, params: &[u8]) -> Answer {
        let _reading = self.reading();
        self.service.handle(params)
    }

    /// Answers a Query request for `caller`.
    pub fn handle_as(&self, params: &[u8], caller: &Caller) -> Answer {
        let _reading = self.reading();
        self.service.handle_as(params, caller)
    }

    /// The context requests are answered with.
    pub fn context(&self) -> &DescribeContext {
        self.service.context()
    }

    /// The actions served, in order: every operation of `ec2-ops-catalog`.
    pub fn actions(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.slots.keys().copied()
    }

    /// How many resources `action` (as EC2 or the AWS CLI spells it) holds, for a nested
    /// operation its items (DescribeInstances: instances); `None` for an action not served.
    pub fn count(&self, action: &str) -> Option<usize> {
        let action = operations::action_named(action)?;
        let _reading = self.reading();
        Some(self.slots[action].len())
    }

    fn slot<O: CatalogOperation>(&self) -> Result<&Slot<O>, SeedError> {
        let action = <O as Operation>::SPEC.action;
        self.slots
            .get(action)
            .and_then(|slot| slot.as_any().downcast_ref::<Slot<O>>())
            .ok_or_else(|| {
                SeedError::new(
                    format!("a put of {action}"),
                    "$",
                    format!("{action} is not one of the catalog's operations this endpoint serves"),
                )
            })
    }

    fn erased(&self, action: &str) -> Result<&dyn ErasedSlot, SeedError> {
        operations::action_named(action)
            .map(|action| &*self.slots[action])
            .ok_or_else(|| SeedError::new("a put", "$", operations::unknown_action(action)))
    }

    /// Adds `resources` to operation `O`, replacing those with the same ID; returns how many
    /// resources (for a nested operation, items) went in. The views follow at once.
    ///
    /// # Errors
    /// The put is refused whole, the store unchanged, when a resource has no ID, two share one,
    /// or a nested resource holds no item (the path names it, `$[2]`), or a reservation is
    /// another account's than the store's.
    pub fn put<O: CatalogOperation>(
        &self,
        resources: impl IntoIterator<Item = O::Item>,
    ) -> Result<usize, SeedError> {
        let slot = self.slot::<O>()?;
        let source = format!("a put of {}", <O as Operation>::SPEC.action);
        let indexed = resources
            .into_iter()
            .enumerate()
            .map(|(index, resource)| (format!("$[{index}]"), resource));
        let units: Units = Arc::new(slot.check(indexed, &source)?);
        account::check_change(&self.account, slot.action(), &units, &source)?;
        let _writing = self.writing();
        slot.put(&units);
        Ok(ErasedSlot::counted(slot, &units))
    }

    /// Replaces operation `O`'s resources with `resources`, as [`Store::put`] checks them.
    ///
    /// # Errors
    /// As [`Store::put`]; the store is unchanged.
    pub fn replace<O: CatalogOperation>(
        &self,
        resources: impl IntoIterator<Item = O::Item>,
    ) -> Result<usize, SeedError> {
        let slot = self.slot::<O>()?;
        let source = format!("a replace of {}", <O as Operation>::SPEC.action);
        let indexed = resources
            .into_iter()
            .enumerate()
            .map(|(index, resource)| (format!("$[{index}]"), resource));
        let units: Units = Arc::new(slot.check(indexed, &source)?);
        account::check_change(&self.account, slot.action(), &units, &source)?;
        let _writing = self.writing();
        slot.remove_all();
        slot.put(&units);
        Ok(ErasedSlot::counted(slot, &units))
    }

    /// Removes operation `O`'s resource `id` (for a nested operation, the item: an instance ID);
    /// whether there was one.
    pub fn remove<O: CatalogOperation>(&self, id: &str) -> bool {
        let Ok(slot) = self.slot::<O>() else {
            return false;
        };
        let _writing = self.writing();
        ErasedSlot::remove(slot, id)
    }

    /// Adds what the AWS CLI prints for `action` (`DescribeSubnets` or `describe-subnets`), one
    /// output or a JSON array of them, exactly as a seed folder file; resources with the same ID
    /// are replaced. Returns how many resources went in.
    ///
    /// # Errors
    /// The seed loader's refusal (the path and the problem); the store is unchanged.
    pub fn put_json(&self, action: &str, output: &str) -> Result<usize, SeedError> {
        let slot = self.erased(action)?;
        let source = format!("a put of {}", slot.action());
        let units = slot.read(output, &source)?;
        account::check_change(&self.account, slot.action(), &units, &source)?;
        let _writing = self.writing();
        slot.put(&units);
        Ok(slot.counted(&units))
    }

    /// Removes `action`'s resource stored under `id`; whether there was one.
    ///
    /// # Errors
    /// `action` is no served operation.
    pub fn remove_json(&self, action: &str, id: &str) -> Result<bool, SeedError> {
        let slot = self.erased(action)?;
        let _writing = self.writing();
        Ok(slot.remove(id))
    }

    /// Puts the store back as it was seeded: every change since is undone at once.
    pub fn reset(&self) {
        let _writing = self.writing();
        for slot in self.slots.values() {
            slot.clear();
        }
        self.indexes.tags.clear();
        self.indexes.attachments.clear();
        self.indexes.rules.clear();
        self.indexes.seeded_groups.clear();
        self.indexes.address_attributes.clear();
        self.indexes.interfaces.clear();
        self.indexes.templates.clear();
        self.indexes.spot_prices.clear();
        self.indexes.offered_types.clear();
        for (action, units) in &self.seed {
            self.slots[action].put(units);
        }
    }

    /// Puts `units` (each read by its action's slot) in their order, as read (the later copy of
    /// a resource wins), and frees each input's units once put, on a second thread when there
    /// are many: freeing a million typed resources takes a second that the put need not wait for,
    /// while for a few thousand a thread costs more than it saves. The caller holds the store's
    /// exclusive lock.
    fn put_all(&self, units: Vec<(&'static str, Units)>) {
        /// Below this many resources the units are freed as they are put.
        const FREED_BESIDE: usize = 50_000;
        let resources: usize = units
            .iter()
            .map(|(action, units)| self.slots[action].counted(units))
            .sum();
        if resources < FREED_BESIDE {
            for (action, units) in units {
                self.slots[action].put(&units);
            }
            return;
        }
        let (done, put) = std::sync::mpsc::channel::<Units>();
        std::thread::scope(|scope| {
            scope.spawn(move || put.into_iter().for_each(drop));
            for (action, units) in units {
                self.slots[action].put(&units);
                // The receiver lives until every sender is gone: the send cannot fail.
                let _ = done.send(units);
            }
            drop(done);
        });
    }

    /// The store as a seed folder: for each operation holding resources, its file name
    /// (`describe-volumes.json`) and what the AWS CLI would print. Loading it back serves the same
    /// answers (views are derived again, not dumped).
    pub fn dump(&self) -> BTreeMap<String, Value> {
        let _reading = self.reading();
        self.slots
            .values()
            .filter_map(|slot| Some((format!("{}.json", cli_name(slot.action())), slot.dump()?)))
            .collect()
    }

    /// Writes [`Store::dump`] into `directory` (created if missing), one file per operation;
    /// returns how many files.
    ///
    /// # Errors
    /// The folder or a file cannot be written.
    pub fn dump_to(&self, directory: &Path) -> std::io::Result<usize> {
        let files = self.dump();
        std::fs::create_dir_all(directory)?;
        for (name, output) in &files {
            let text = serde_json::to_string_pretty(output).map_err(std::io::Error::other)?;
            std::fs::write(directory.join(name), text + "\n")?;
        }
        Ok(files.len())
    }

    /// The account the store is: `self` in requests, the owner its puts must show.
    pub fn account_id(&self) -> &str {
        self.account.id()
    }

    /// The account the seed shows by its resources' owners (its reservations', else most of its
    /// security groups', interfaces', VPCs' and subnets', else its images' and snapshots' one
    /// owner), when the store was not told its account: how a capture names the account it is of.
    pub fn seeded_account_id(&self) -> Option<&str> {
        match &self.account {
            Account::Seeded(seeded) => Some(&seeded.account_id),
            Account::Configured(_) | Account::Default => None,
        }
    }

    /// How many resources are held, over every operation (for a nested operation, its items).
    pub fn resources(&self) -> usize {
        let _reading = self.reading();
        self.slots.values().map(|slot| slot.len()).sum()
    }

    /// What is stored, for the start-up line: operations served, those holding resources, and
    /// how many resources.
    pub fn summary(&self) -> String {
        let _reading = self.reading();
        let held: Vec<usize> = self
            .slots
            .values()
            .map(|slot| slot.len())
            .filter(|count| *count > 0)
            .collect();
        format!(
            "{} operations, {} of them holding {} resources, as account {}",
            self.slots.len(),
            held.len(),
            held.iter().sum::<usize>(),
            self.account
        )
    }
}

/// The indexes the views read.
struct Indexes {
    tags: Arc<TagIndex>,
    attachments: Arc<AttachmentIndex>,
    rules: Arc<RuleIndex>,
    seeded_groups: Arc<SeededGroups>,
    address_attributes: Arc<AttributeIndex<AddressAttribute>>,
    interfaces: Arc<InterfaceIndex>,
    templates: Arc<TemplateIndex>,
    spot_prices: Arc<SpotPriceChanges>,
    offered_types: Arc<OfferedInstanceTypes>,
}

/// Every input of `seed` read into its operation's units, in the seed's order.
///
/// # Errors
/// The first problem in the seed.
pub(crate) fn read_seed(seed: &Seed) -> Result<Vec<(&'static str, Units)>, SeedError> {
    read_all(&readers(), seed.inputs())
}

/// The account `read` shows by its resources' owners (see [`Store::new`]), if it shows one.
///
/// # Errors
/// Reservations of several accounts, or a tie between owners.
pub(crate) fn shown_account(read: &[(&'static str, Units)]) -> Result<Option<String>, SeedError> {
    Ok(match Account::of(None, read)? {
        Account::Seeded(seeded) => Some(seeded.account_id),
        Account::Configured(_) | Account::Default => None,
    })
}

/// Reads every seed input into units, on as many threads as there are cores (the inputs are
/// independent); the first problem in input order refuses the seed.
fn read_all(
    slots: &BTreeMap<&'static str, Box<dyn ErasedSlot>>,
    inputs: &[SeedInput],
) -> Result<Vec<(&'static str, Units)>, SeedError> {
    let read = |input: &SeedInput| -> Result<Units, SeedError> {
        let slot = &*slots[input.action];
        match &input.output {
            Output::Reference(region) => reference_units(slot, input, region),
            Output::Text(_) | Output::File(_) => slot.read(&input.text()?, &input.source),
        }
    };
    let started = std::time::Instant::now();
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(inputs.len());
    let mut results: Vec<Option<Result<Units, SeedError>>> = Vec::new();
    results.resize_with(inputs.len(), || None);
    if threads <= 1 {
        for (result, input) in results.iter_mut().zip(inputs) {
            *result = Some(read(input));
        }
    } else {
        // Largest files first would balance better; the next input goes to whichever thread is
        // free, which is close enough for a folder of many files.
        let next = std::sync::atomic::AtomicUsize::new(0);
        let done = std::sync::Mutex::new(&mut results);
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| {
                    loop {
                        let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(input) = inputs.get(index) else {
                            break;
                        };
                        let result = read(input);
                        done.lock().unwrap_or_else(|poisoned| poisoned.into_inner())[index] =
                            Some(result);
                    }
                });
            }
        });
    }
    tracing::debug!(
        inputs = inputs.len(),
        threads,
        seconds = started.elapsed().as_secs_f64(),
        "seed read"
    );
    inputs
        .iter()
        .zip(results)
        .map(|(input, result)| Ok((input.action, result.expect("every input is read")?)))
        .collect()
}

/// The embedded reference data of `region` for `input`'s operation, read once per process and
/// shared by every store built after (a test suite builds hundreds; reading a Region's instance
/// types and offerings costs tens of milliseconds, hundreds unoptimized).
fn reference_units(
    slot: &dyn ErasedSlot,
    input: &SeedInput,
    region: &str,
) -> Result<Units, SeedError> {
    type Read = Mutex<HashMap<(&'static str, String), Units>>;
    static READ: OnceLock<Read> = OnceLock::new();
    let read = READ.get_or_init(Read::default);
    let key = (input.action, region.to_owned());
    let lock = || read.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(units) = lock().get(&key) {
        return Ok(Arc::clone(units));
    }
    // Read outside the lock: two stores reading the same data at once both read it, and one
    // keeps its units.
    let units = slot.read(&input.text()?, &input.source)?;
    Ok(Arc::clone(lock().entry(key).or_insert(units)))
}

/// Every operation's slot without observers: what reads the seed before the store's own slots
/// exist.
fn readers() -> BTreeMap<&'static str, Box<dyn ErasedSlot>> {
    struct Readers(BTreeMap<&'static str, Box<dyn ErasedSlot>>);
    impl OperationVisitor for Readers {
        fn visit<O: CatalogOperation>(&mut self, _area: &'static str) {
            self.0
                .insert(<O as Operation>::SPEC.action, Box::new(Slot::<O>::new()));
        }
    }
    let mut readers = Readers(BTreeMap::new());
    ec2_ops_catalog::for_each_operation(&mut readers);
    readers.0
}

/// Creates every operation's slot, with the views' observers, and collects the tagged ones.
struct Slots<'a> {
    slots: BTreeMap<&'static str, Box<dyn ErasedSlot>>,
    serves: Vec<Serves>,
    tagged: Vec<Tagged>,
    indexes: &'a Indexes,
    /// The account the store is: only its images and snapshots have attributes here.
    account: String,
}

impl OperationVisitor for Slots<'_> {
    fn visit<O: CatalogOperation>(&mut self, _area: &'static str) {
        let action = <O as Operation>::SPEC.action;
        let mut slot = Slot::<O>::new();
        if let Some(resource_type) = operations::tagged_as(action) {
            let place = u16::try_from(self.tagged.len())
                .expect("fewer tagged operations than places in the tag index");
            slot.observe(tag_observer::<O>(Arc::clone(&self.indexes.tags), place));
            let source = Arc::clone(&slot.source);
            self.tagged.push(Tagged {
                resource_type,
                tags_of: Box::new(move |id| {
                    source.with(id, |resource| O::resource_tags(resource).to_vec())
                }),
            });
            let source = Arc::clone(&slot.source);
            self.serves.push(Box::new(move |id| {
                ec2_ops::ResourceSource::contains(&*source, id)
            }));
        }
        let slot_any = &mut slot as &mut dyn Any;
        if let Some(groups) = slot_any.downcast_mut::<Slot<DescribeSecurityGroups>>() {
            groups.observe(rule_observer(Arc::clone(&self.indexes.rules)));
        }
        let slot_any = &mut slot as &mut dyn Any;
        if let Some(rules) = slot_any.downcast_mut::<Slot<DescribeSecurityGroupRules>>() {
            rules.observe(seeded_group_observer(Arc::clone(
                &self.indexes.seeded_groups,
            )));
        }
        if let Some(instances) =
            (&mut slot as &mut dyn Any).downcast_mut::<Slot<DescribeInstances>>()
        {
            instances.observe(attachment_observer(Arc::clone(&self.indexes.attachments)));
            instances.observe(interface_observer(Arc::clone(&self.indexes.interfaces)));
        }
        if let Some(addresses) =
            (&mut slot as &mut dyn Any).downcast_mut::<Slot<DescribeAddresses>>()
        {
            addresses.observe(attribute_observer(
                Arc::clone(&self.indexes.address_attributes),
                self.account.clone(),
                address_attributes,
                address_attribute_id,
            ));
        }
        if let Some(versions) =
            (&mut slot as &mut dyn Any).downcast_mut::<Slot<DescribeLaunchTemplateVersions>>()
        {
            versions.observe(template_observer(Arc::clone(&self.indexes.templates)));
        }
        if let Some(prices) =
            (&mut slot as &mut dyn Any).downcast_mut::<Slot<DescribeSpotPriceHistory>>()
        {
            prices.observe(index_observer(Arc::clone(&self.indexes.spot_prices)));
        }
        if let Some(offerings) =
            (&mut slot as &mut dyn Any).downcast_mut::<Slot<DescribeInstanceTypeOfferings>>()
        {
            offerings.observe(index_observer(Arc::clone(&self.indexes.offered_types)));
        }
        self.slots.insert(action, Box::new(slot));
    }
}

/// The views other operations derive, by the action they answer, each a [`Shared`] source of that
/// operation's resource; `account` is the store's.
fn views(
    slots: &BTreeMap<&'static str, Box<dyn ErasedSlot>>,
    serves: Vec<Serves>,
    tagged: Vec<Tagged>,
    indexes: &Indexes,
    account: &str,
) -> BTreeMap<&'static str, Box<dyn Any + Send + Sync>> {
    fn typed<'a, O: CatalogOperation>(
        slots: &'a BTreeMap<&'static str, Box<dyn ErasedSlot>>,
    ) -> &'a Slot<O> {
        slots[<O as Operation>::SPEC.action]
            .as_any()
            .downcast_ref()
            .expect("every catalog operation has its slot")
    }
    let volumes = VolumeView {
        volumes: Arc::clone(&typed::<DescribeVolumes>(slots).source),
        instances: Arc::clone(&typed::<DescribeInstances>(slots).source),
        index: Arc::clone(&indexes.attachments),
    };
    let tags = TagView {
        index: IndexedTags {
            index: Arc::clone(&indexes.tags),
            tagged,
        },
        seeded: Arc::clone(&typed::<DescribeTags>(slots).source),
        serves,
    };
    let rules = RuleView {
        seeded: Arc::clone(&typed::<DescribeSecurityGroupRules>(slots).source),
        derived: Arc::clone(&indexes.rules),
        seeded_groups: Arc::clone(&indexes.seeded_groups),
    };
    let statuses = StatusView {
        seeded: Arc::clone(&typed::<DescribeInstanceStatus>(slots).source),
        derived: Arc::new(DerivedFrom {
            resources: Arc::clone(&typed::<DescribeInstances>(slots).source),
            account: account.to_owned(),
            derive: status_of,
        }),
    };
    let instance_attributes = MergedView {
        seeded: Arc::clone(&typed::<DescribeInstanceAttribute>(slots).source),
        derived: Arc::new(DerivedFrom {
            resources: Arc::clone(&typed::<DescribeInstances>(slots).source),
            account: account.to_owned(),
            derive: instance_attributes,
        }),
        id: instance_attribute_id,
    };
    let vpc_attributes = MergedView {
        seeded: Arc::clone(&typed::<DescribeVpcAttribute>(slots).source),
        derived: Arc::new(DerivedFrom {
            resources: Arc::clone(&typed::<DescribeVpcs>(slots).source),
            account: account.to_owned(),
            derive: vpc_attributes,
        }),
        id: vpc_attribute_id,
    };
    let volume_attributes = MergedView {
        seeded: Arc::clone(&typed::<DescribeVolumeAttribute>(slots).source),
        derived: Arc::new(DerivedFrom {
            resources: Arc::clone(&typed::<DescribeVolumes>(slots).source),
            account: account.to_owned(),
            derive: volume_attributes,
        }),
        id: volume_attribute_id,
    };

    let image_attributes = MergedView {
        seeded: Arc::clone(&typed::<DescribeImageAttribute>(slots).source),
        derived: Arc::new(DerivedFrom {
            resources: Arc::clone(&typed::<DescribeImages>(slots).source),
            account: account.to_owned(),
            derive: image_attributes,
        }),
        id: image_attribute_id,
    };
    let fpga_image_attributes = MergedView {
        seeded: Arc::clone(&typed::<DescribeFpgaImageAttribute>(slots).source),
        derived: Arc::new(DerivedFrom {
            resources: Arc::clone(&typed::<DescribeFpgaImages>(slots).source),
            account: account.to_owned(),
            derive: fpga_image_attributes,
        }),
        id: fpga_image_attribute_id,
    };
    let snapshot_attributes = MergedView {
        seeded: Arc::clone(&typed::<DescribeSnapshotAttribute>(slots).source),
        derived: Arc::new(DerivedFrom {
            resources: Arc::clone(&typed::<DescribeSnapshots>(slots).source),
            account: account.to_owned(),
            derive: snapshot_attributes,
        }),
        id: snapshot_attribute_id,
    };
    let interfaces = Arc::new(MergedView {
        seeded: Arc::clone(&typed::<DescribeNetworkInterfaces>(slots).source),
        derived: Arc::clone(&indexes.interfaces) as _,
        id: interface_id,
    });
    // An interface's attributes are those of the interface DescribeNetworkInterfaces answers,
    // seeded or an instance's.
    let interface_attributes = AttributesOf {
        seeded: Arc::clone(&typed::<DescribeNetworkInterfaceAttribute>(slots).source),
        resources: Arc::clone(&interfaces)
            as Arc<dyn ResourceSource<NetworkInterface> + Send + Sync>,
        derive: interface_attributes,
        id: interface_attribute_id,
    };
    let volume_statuses = MergedView {
        seeded: Arc::clone(&typed::<DescribeVolumeStatus>(slots).source),
        derived: Arc::new(DerivedFrom {
            resources: Arc::clone(&typed::<DescribeVolumes>(slots).source),
            account: account.to_owned(),
            derive: volume_status,
        }),
        id: volume_status_id,
    };
    let address_attributes = MergedView {
        seeded: Arc::clone(&typed::<DescribeAddressesAttribute>(slots).source),
        derived: Arc::clone(&indexes.address_attributes) as _,
        id: address_attribute_id,
    };
    let credit_specifications = MergedView {
        seeded: Arc::clone(&typed::<DescribeInstanceCreditSpecifications>(slots).source),
        derived: Arc::new(DerivedFrom {
            resources: Arc::clone(&typed::<DescribeInstances>(slots).source),
            account: account.to_owned(),
            derive: credit_specification,
        }),
        id: credit_specification_id,
    };
    let templates = MergedView {
        seeded: Arc::clone(&typed::<DescribeLaunchTemplates>(slots).source),
        derived: Arc::clone(&indexes.templates.templates) as _,
        id: template_id,
    };
    let mut views: BTreeMap<&'static str, Box<dyn Any + Send + Sync>> = BTreeMap::new();
    views.insert(
        <DescribeLaunchTemplates as Operation>::SPEC.action,
        Box::new(Shared(Arc::new(templates))),
    );
    views.insert(
        <DescribeNetworkInterfaces as Operation>::SPEC.action,
        Box::new(Shared(interfaces)),
    );
    views.insert(
        <DescribeVolumeStatus as Operation>::SPEC.action,
        Box::new(Shared(Arc::new(volume_statuses))),
    );
    views.insert(
        <DescribeAddressesAttribute as Operation>::SPEC.action,
        Box::new(Shared(Arc::new(address_attributes))),
    );
    views.insert(
        <DescribeInstanceCreditSpecifications as Operation>::SPEC.action,
        Box::new(Shared(Arc::new(credit_specifications))),
    );
    views.insert(
        <DescribeVpcAttribute as Operation>::SPEC.action,
        Box::new(Shared(Arc::new(vpc_attributes))),
    );
    views.insert(
        <DescribeVolumeAttribute as Operation>::SPEC.action,
        Box::new(Shared(Arc::new(volume_attributes))),
    );
    views.insert(
        <DescribeNetworkInterfaceAttribute as Operation>::SPEC.action,
        Box::new(Shared(Arc::new(interface_attributes))),
    );
    views.insert(
        <DescribeInstanceAttribute as Operation>::SPEC.action,
        Box::new(Shared(Arc::new(instance_attributes))),
    );
    views.insert(
        <DescribeImageAttribute as Operation>::SPEC.action,
        Box::new(Shared(Arc::new(image_attributes))),
    );
    views.insert(
        <DescribeFpgaImageAttribute as Operation>::SPEC.action,
        Box::new(Shared(Arc::new(fpga_image_attributes))),
    );
    views.insert(
        <DescribeSnapshotAttribute as Operation>::SPEC.action,
        Box::new(Shared(Arc::new(snapshot_attributes))),
    );
    views.insert(
        <DescribeInstanceStatus as Operation>::SPEC.action,
        Box::new(Shared(Arc::new(statuses))),
    );
    views.insert(
        <DescribeSecurityGroupRules as Operation>::SPEC.action,
        Box::new(Shared(Arc::new(rules))),
    );
    views.insert(
        <DescribeVolumes as Operation>::SPEC.action,
        Box::new(Shared(Arc::new(volumes))),
    );
    views.insert(
        <DescribeTags as Operation>::SPEC.action,
        Box::new(Shared(Arc::new(tags))),
    );
    views
}

/// Operation `O`'s source: its view where another operation's resources shape its answers, its own
/// resources otherwise.
fn source_of<O: CatalogOperation>(
    slots: &BTreeMap<&'static str, Box<dyn ErasedSlot>>,
    views: &BTreeMap<&'static str, Box<dyn Any + Send + Sync>>,
) -> Arc<dyn ec2_ops::ResourceSource<O::Item> + Send + Sync> {
    let action = <O as Operation>::SPEC.action;
    match views
        .get(action)
        .and_then(|view| view.downcast_ref::<Shared<O::Item>>())
    {
        Some(Shared(view)) => Arc::clone(view),
        None => {
            let slot: &Slot<O> = slots[action]
                .as_any()
                .downcast_ref()
                .expect("every catalog operation has its slot");
            Arc::new(Lent(Arc::clone(&slot.source)))
        }
    }
}

/// Collects, for every operation, how to read one of its resources by ID (what hooks read of other
/// operations through the context).
struct Getters<'a> {
    slots: &'a BTreeMap<&'static str, Box<dyn ErasedSlot>>,
    views: &'a BTreeMap<&'static str, Box<dyn Any + Send + Sync>>,
    by_action: BTreeMap<&'static str, parents::Getter>,
}

impl OperationVisitor for Getters<'_> {
    fn visit<O: CatalogOperation>(&mut self, _area: &'static str) {
        let source = source_of::<O>(self.slots, self.views);
        self.by_action.insert(
            <O as Operation>::SPEC.action,
            Arc::new(move |id: &str| {
                source
                    .get(id)
                    .map(|resource| Box::new(resource) as Box<dyn Any + Send>)
            }),
        );
    }
}

/// Registers every operation with the service: over its view when another operation's resources
/// shape its answers, over its own resources otherwise.
struct Registrar<'a> {
    slots: &'a BTreeMap<&'static str, Box<dyn ErasedSlot>>,
    views: &'a BTreeMap<&'static str, Box<dyn Any + Send + Sync>>,
    service: &'a mut Service,
}

impl OperationVisitor for Registrar<'_> {
    fn visit<O: CatalogOperation>(&mut self, _area: &'static str) {
        let action = <O as Operation>::SPEC.action;
        let view = self
            .views
            .get(action)
            .and_then(|view| view.downcast_ref::<Shared<O::Item>>());
        match view {
            Some(Shared(view)) => {
                self.service
                    .register::<O, _>(Arc::new(Shared(Arc::clone(view))));
            }
            None => {
                let slot: &Slot<O> = self.slots[action]
                    .as_any()
                    .downcast_ref()
                    .expect("every catalog operation has its slot");
                self.service
                    .register::<O, _>(Arc::new(Lent(Arc::clone(&slot.source))));
            }
        }
    }
}
