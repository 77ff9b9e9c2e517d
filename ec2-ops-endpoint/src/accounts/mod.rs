//! Accounts and regions: every (account, region) an endpoint serves has a [`Store`] of its own,
//! and each request is answered by the store of the account it acts as, in the region it is for.
//!
//! ## The account a request acts as
//!
//! Read from its credentials' access key ID (the `Authorization` header's credential, or a
//! presigned URL's `X-Amz-Credential`), in this order:
//!
//! 1. the account configured for the key: `--credentials FILE`'s `AccountId`, `--accounts FILE`
//!    (a JSON object of access key ID to account ID), [`crate::EndpointBuilder::access_key`];
//! 2. an access key ID of twelve digits is taken as the account itself (LocalStack's
//!    convention): `AWS_ACCESS_KEY_ID=111122223333` acts as account 111122223333;
//! 3. otherwise the default account: `--account-id`, else the account a flat seed is a capture of
//!    (the owner of its reservations, ...: see [`Store::new`]), else the one account of a seed
//!    tree, else 123456789012.
//!
//! With credentials configured, a request is verified first, and only a configured key is served.
//!
//! ## The region a request is for
//!
//! Its SigV4 credential scope's region, else its host's (`ec2.<region>.amazonaws.com`, or
//! `<region>.` in front of the endpoint's host: `eu-west-1.localhost:4599`), else the default
//! region (`--region`, else us-east-1). A region that is neither one of the `aws` partition's
//! (see [`crate::reference`]) nor seeded is refused as EC2 refuses a credential scoped to an
//! unknown region: 403 `SignatureDoesNotMatch` "Credential should be scoped to a valid region".
//!
//! ## What each account sees
//!
//! Its own resources, seeded into its (account, region), and of the other accounts in that
//! region only what EC2 shows it: public images and snapshots, and those shared with it by launch
//! or create-volume permission (read from the owners' DescribeImageAttribute and
//! DescribeSnapshotAttribute records), without their tags. Everything else of another account —
//! instances, volumes, groups, private images — is absent: listing skips it, an ID of it is
//! EC2's not-found error, and a `NextToken` of one (account, region) is refused in any other (each
//! signs its tokens with a key derived from the endpoint's for it).
//!
//! An account or region without a seed is served as EC2 serves a new account: the reference data
//! and what other accounts share with everyone; its store is made on its first request, in 6 to
//! 10 ms, holding about 1.8 MiB (BENCHMARKS.md); at most [`MAX_UNSEEDED`] such stores are made
//! (or as many as [`crate::EndpointBuilder::max_unseeded_stores`] says), so a client cycling
//! through access keys cannot exhaust memory: beyond them, a new account's request gets 503
//! `Unavailable`.
//!
//! ## Limits
//!
//! What is shared is decided when the endpoint starts and on a reset: an image made public or
//! shared by a put at run time stays the owner's own until the endpoint restarts. Sharing with an
//! organization or organizational unit (`OrganizationArn`) is not applied: no account here belongs
//! to one.

mod sharing;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use ec2_ops::describe::DEFAULT_ACCOUNT_ID;
use ec2_ops::{DescribeContext, Ec2Error, TokenKey};

use crate::seed::{AccountOf, ScopedSeed, Seed, SeedError};
use crate::store::slot::Units;
use crate::store::{Store, read_seed, shown_account};

use self::sharing::Offers;

/// A seed read into its operations' units.
type Read = Vec<(&'static str, Units)>;

/// The most stores made at run time for accounts and regions the seed does not hold, unless the
/// builder says otherwise: about 460 MiB of them.
pub const MAX_UNSEEDED: usize = 256;

/// One account in one region.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Scope {
    /// The 12-digit account ID.
    pub account: String,
    /// The region name.
    pub region: String,
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} in {}", self.account, self.region)
    }
}

/// What the stores are made with.
#[derive(Debug)]
pub(crate) struct Settings {
    pub token_key: TokenKey,
    pub default_account: Option<String>,
    pub default_region: String,
    pub reference_data: bool,
    /// The account each configured access key ID acts as.
    pub access_keys: BTreeMap<String, String>,
    /// The most stores made at run time.
    pub max_unseeded: usize,
}

/// Every (account, region)'s store, and how to make one not seeded.
pub struct Accounts {
    stores: RwLock<BTreeMap<Scope, Arc<Store>>>,
    /// Scopes with a seed of their own: never removed (nor the default one), and not counted
    /// against [`MAX_UNSEEDED`].
    seeded: BTreeSet<Scope>,
    /// Per region, what its accounts share.
    offers: BTreeMap<String, Offers>,
    regions: BTreeSet<String>,
    default: Scope,
    settings: Settings,
}

impl std::fmt::Debug for Accounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Accounts")
            .field("default", &self.default)
            .field("seeded", &self.seeded)
            .finish_non_exhaustive()
    }
}

impl Accounts {
    /// The stores of `seeds`, each (account, region) its own; an (account, region) given twice
    /// has its seeds merged (no operation given twice).
    ///
    /// # Errors
    /// A seed is refused, two seeds of a CloudMapper account show different accounts (or none),
    /// a flat seed's account contradicts the configured one.
    pub(crate) fn new(seeds: Vec<ScopedSeed>, settings: Settings) -> Result<Accounts, SeedError> {
        let mut read: BTreeMap<Scope, Read> = BTreeMap::new();
        let mut shown: BTreeMap<String, Vec<(Option<String>, String)>> = BTreeMap::new();
        let mut pending: Vec<(AccountOf, String, Read)> = Vec::new();
        // Each seed is read on its own (a tree's folders hold a few files each, so reading them
        // one after another would leave the cores idle).
        let seeds = merged(seeds)?;
        let units = on_every_core(seeds.iter().collect(), |scoped| read_seed(&scoped.seed));
        for (scoped, units) in seeds.into_iter().zip(units) {
            let units = units?;
            let region = scoped
                .region
                .clone()
                .unwrap_or_else(|| settings.default_region.clone());
            if let AccountOf::ShownBy(name) = &scoped.account {
                shown
                    .entry(name.clone())
                    .or_default()
                    .push((shown_account(&units)?, region.clone()));
            }
            pending.push((scoped.account, region, units));
        }
        let named = name_accounts(&shown)?;
        let default_account = default_account(&settings, &pending, &named)?;
        for (account, region, units) in pending {
            let account = match account {
                AccountOf::Id(id) => id,
                AccountOf::ShownBy(name) => named[&name].clone(),
                AccountOf::Default => default_account.clone(),
            };
            let held = read.entry(Scope { account, region }).or_default();
            // A flat seed of the default account and a tree's folder of the same account and
            // region are one seed: an operation given by both is refused, as within one.
            if let Some((action, _)) = units
                .iter()
                .find(|(action, _)| held.iter().any(|(other, _)| other == action))
            {
                return Err(SeedError::new(
                    "the seed",
                    "$",
                    format!(
                        "{action}'s resources are given twice for one account and region: in a \
                         flat folder (the default account's) and in the account's own folder"
                    ),
                ));
            }
            held.extend(units);
        }
        let mut offers: BTreeMap<String, Offers> = BTreeMap::new();
        for (scope, units) in &read {
            offers
                .entry(scope.region.clone())
                .or_default()
                .add(&scope.account, units);
        }
        let mut regions: BTreeSet<String> =
            crate::reference::region_names().iter().cloned().collect();
        regions.extend(read.keys().map(|scope| scope.region.clone()));
        regions.insert(settings.default_region.clone());
        let default = Scope {
            account: default_account,
            region: settings.default_region.clone(),
        };
        let mut accounts = Accounts {
            stores: RwLock::new(BTreeMap::new()),
            seeded: read.keys().cloned().collect(),
            offers,
            regions,
            default: default.clone(),
            settings,
        };
        let read: Vec<(Scope, Read)> = read.into_iter().collect();
        let scopes: Vec<Scope> = read.iter().map(|(scope, _)| scope.clone()).collect();
        let made = on_every_core(read, |(scope, units)| accounts.make(&scope, units));
        let mut stores = BTreeMap::new();
        for (scope, store) in scopes.into_iter().zip(made) {
            stores.insert(scope, Arc::new(store?));
        }
        if let std::collections::btree_map::Entry::Vacant(entry) = stores.entry(default) {
            let store = accounts.make(entry.key(), Vec::new())?;
            entry.insert(Arc::new(store));
        }
        accounts.stores = RwLock::new(stores);
        Ok(accounts)
    }

    /// A store for `scope` holding `own` (its seed, read), what other accounts share with it, and
    /// the reference data of its region.
    fn make(&self, scope: &Scope, mut own: Vec<(&'static str, Units)>) -> Result<Store, SeedError> {
        if self.settings.reference_data {
            let held: BTreeSet<&'static str> = own.iter().map(|(action, _)| *action).collect();
            let reference = read_seed(&Seed::empty().with_reference_data(&scope.region))?;
            own.extend(
                reference
                    .into_iter()
                    .filter(|(action, _)| !held.contains(action)),
            );
        }
        let shared = self
            .offers
            .get(&scope.region)
            .map(|offers| offers.seen_by(&scope.account))
            .unwrap_or_default();
        let key = self
            .settings
            .token_key
            .derive(format!("{}/{}", scope.account, scope.region).as_bytes());
        let context = DescribeContext::new(key)
            .with_account_id(scope.account.clone())
            .with_region(scope.region.clone());
        Store::from_read(own, shared, context)
    }

    /// The store of `account` in `region`, made on first use when the seed has none.
    ///
    /// # Errors
    /// `region` is no region the endpoint knows (403 `SignatureDoesNotMatch`, as EC2 answers a
    /// credential scoped to an unknown region); as many stores as allowed were made already (503
    /// `Unavailable`, [`MAX_UNSEEDED`] by default).
    pub fn store(&self, account: &str, region: &str) -> Result<Arc<Store>, Ec2Error> {
        let scope = Scope {
            account: account.to_owned(),
            region: region.to_owned(),
        };
        if let Some(store) = self.read().get(&scope) {
            return Ok(Arc::clone(store));
        }
        if !self.regions.contains(region) {
            return Err(Ec2Error::new(
                "SignatureDoesNotMatch",
                format!("Credential should be scoped to a valid region, not '{region}'. "),
                403,
            ));
        }
        let mut stores = self
            .stores
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(store) = stores.get(&scope) {
            return Ok(Arc::clone(store));
        }
        let kept = self.seeded.len() + usize::from(!self.seeded.contains(&self.default));
        let max = self.settings.max_unseeded;
        if stores.len().saturating_sub(kept) >= max {
            return Err(Ec2Error::new(
                "Unavailable",
                format!(
                    "This endpoint serves at most {max} accounts' regions beyond its seed, and \
                     has made as many."
                ),
                503,
            ));
        }
        let store = self.make(&scope, Vec::new()).map_err(|error| {
            // The seed was read once already and every part of it served: only the embedded
            // reference data is read again here.
            Ec2Error::new("InternalError", error.to_string(), 500)
        })?;
        let store = Arc::new(store);
        stores.insert(scope, Arc::clone(&store));
        Ok(store)
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, BTreeMap<Scope, Arc<Store>>> {
        self.stores
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The default account in the default region: what requests naming neither act on, and what
    /// the control API changes.
    pub fn default_store(&self) -> Arc<Store> {
        Arc::clone(&self.read()[&self.default])
    }

    /// The account a request signed with `access_key` (if any) acts as: the account configured
    /// for the key, else the key itself when it is twelve digits, else the default account.
    pub fn account_for<'a>(&'a self, access_key: Option<&'a str>) -> &'a str {
        match access_key {
            Some(key) => match self.settings.access_keys.get(key) {
                Some(account) => account,
                None if crate::seed::tree::is_account_id(key) => key,
                None => &self.default.account,
            },
            None => &self.default.account,
        }
    }

    /// The default account and region.
    pub fn default_scope(&self) -> &Scope {
        &self.default
    }

    /// The (account, region) pairs holding a store now: the seeded ones and those made since.
    pub fn scopes(&self) -> Vec<Scope> {
        self.read().keys().cloned().collect()
    }

    /// The (account, region) pairs the seed holds.
    pub fn seeded_scopes(&self) -> impl Iterator<Item = &Scope> {
        self.seeded.iter()
    }

    /// Puts every store back as it was seeded; stores made at run time are dropped (they are made
    /// again, empty, when next asked for).
    pub fn reset(&self) {
        let mut stores = self
            .stores
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        stores.retain(|scope, _| self.seeded.contains(scope) || *scope == self.default);
        for store in stores.values() {
            store.reset();
        }
    }

    /// The start-up line: how many accounts, regions and resources were read.
    pub fn summary(&self) -> String {
        let stores = self.read();
        let accounts: BTreeSet<&str> = self
            .seeded
            .iter()
            .map(|scope| scope.account.as_str())
            .collect();
        let regions: BTreeSet<&str> = self
            .seeded
            .iter()
            .map(|scope| scope.region.as_str())
            .collect();
        let resources: usize = self
            .seeded
            .iter()
            .filter_map(|scope| stores.get(scope))
            .map(|store| store.resources())
            .sum();
        format!(
            "{} account{} in {} region{} holding {resources} resources; requests naming no \
             account act as {}, naming no region are for {}",
            accounts.len(),
            if accounts.len() == 1 { "" } else { "s" },
            regions.len(),
            if regions.len() == 1 { "" } else { "s" },
            self.default.account,
            self.default.region,
        )
    }
}

/// `work` done on each of `items` on as many threads as there are cores, the results in the
/// items' order.
fn on_every_core<T: Send, U: Send>(items: Vec<T>, work: impl Fn(T) -> U + Sync) -> Vec<U> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(items.len());
    if threads <= 1 {
        return items.into_iter().map(work).collect();
    }
    let count = items.len();
    let items: Vec<Mutex<Option<T>>> = items
        .into_iter()
        .map(|item| Mutex::new(Some(item)))
        .collect();
    let results: Vec<Mutex<Option<U>>> = (0..count).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(index) else { break };
                    let item = lock(item).take().expect("each item is taken once");
                    let result = work(item);
                    *lock(&results[index]) = Some(result);
                }
            });
        }
    });
    results
        .into_iter()
        .map(|result| {
            result
                .into_inner()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .expect("every item is worked on")
        })
        .collect()
}

/// A lock taken whatever a panicking holder left: each holds one value, set whole.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The account requests naming none act as: the configured one, else the one a flat seed is a
/// capture of, else a tree's only account, else [`DEFAULT_ACCOUNT_ID`].
fn default_account(
    settings: &Settings,
    pending: &[(AccountOf, String, Read)],
    named: &BTreeMap<String, String>,
) -> Result<String, SeedError> {
    // A configured default account is not second-guessed: a seed whose owners tie is served as
    // the account it is told it is.
    if let Some(configured) = &settings.default_account {
        return Ok(configured.clone());
    }
    let flat = pending
        .iter()
        .find(|(account, _, _)| *account == AccountOf::Default)
        .map(|(_, _, units)| shown_account(units))
        .transpose()?
        .flatten();
    if let Some(flat) = flat {
        return Ok(flat);
    }
    let tree: BTreeSet<&String> = pending
        .iter()
        .filter_map(|(account, _, _)| match account {
            AccountOf::Id(id) => Some(id),
            AccountOf::ShownBy(name) => named.get(name),
            AccountOf::Default => None,
        })
        .collect();
    Ok(match tree.into_iter().collect::<Vec<_>>().as_slice() {
        [only] => (*only).clone(),
        _ => DEFAULT_ACCOUNT_ID.to_owned(),
    })
}

/// The seeds with those of one (account, region) merged into one.
fn merged(seeds: Vec<ScopedSeed>) -> Result<Vec<ScopedSeed>, SeedError> {
    let mut merged: Vec<ScopedSeed> = Vec::new();
    for scoped in seeds {
        match merged
            .iter_mut()
            .find(|held| held.account == scoped.account && held.region == scoped.region)
        {
            Some(held) => {
                let seed = std::mem::take(&mut held.seed);
                held.seed = seed.merge(scoped.seed)?;
            }
            None => merged.push(scoped),
        }
    }
    Ok(merged)
}

/// The account each CloudMapper account name is, from what its regions' seeds show: they must
/// agree, and one must show it.
fn name_accounts(
    shown: &BTreeMap<String, Vec<(Option<String>, String)>>,
) -> Result<BTreeMap<String, String>, SeedError> {
    let mut named = BTreeMap::new();
    for (name, regions) in shown {
        let ids: BTreeSet<&String> = regions.iter().filter_map(|(id, _)| id.as_ref()).collect();
        let source = format!("account-data/{name}");
        match ids.into_iter().collect::<Vec<_>>().as_slice() {
            [id] => {
                named.insert(name.clone(), (*id).clone());
            }
            [] => {
                return Err(SeedError::new(
                    source,
                    "$",
                    "no resource shows which account this is: name the folder by the account's \
                     ID, or give CloudMapper's config.json beside account-data/",
                ));
            }
            several => {
                return Err(SeedError::new(
                    source,
                    "$",
                    format!(
                        "its regions show different accounts ({}): name the folder by the \
                         account's ID",
                        several
                            .iter()
                            .map(|id| id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
        }
    }
    Ok(named)
}
