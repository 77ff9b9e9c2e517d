//! A running endpoint: built, bound, serving in the background of the caller's Tokio runtime,
//! and shut down with a drain.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use ec2_ops::TokenKey;
use tokio::net::{TcpListener, ToSocketAddrs};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::accounts::{self, Accounts};
use crate::control::ControlApi;
use crate::http::State;
use crate::seed::{AccountOf, ScopedSeed, Seed, SeedError};
use crate::server::{self, Drained, Settings};
use crate::signature::Credentials;
use crate::store::Store;

/// Why an endpoint could not start.
#[derive(Debug)]
pub enum StartError {
    /// The seed was refused: nothing is served unless all of it is valid.
    Seed(SeedError),
    /// The address could not be bound.
    Bind(std::io::Error),
    /// An access key is configured with two different accounts.
    Credentials(String),
    /// The region is not an AWS region name.
    Region(String),
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::Seed(error) => write!(f, "cannot load the seed: {error}"),
            StartError::Bind(error) => write!(f, "cannot listen: {error}"),
            StartError::Credentials(problem) => write!(f, "cannot use the credentials: {problem}"),
            StartError::Region(region) => {
                write!(f, "`{region}` is not a region name (such as us-east-1)")
            }
        }
    }
}

impl std::error::Error for StartError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StartError::Seed(error) => Some(error),
            StartError::Bind(error) => Some(error),
            StartError::Credentials(_) | StartError::Region(_) => None,
        }
    }
}

impl From<SeedError> for StartError {
    fn from(error: SeedError) -> Self {
        StartError::Seed(error)
    }
}

/// How to start an endpoint: what each account holds in each region, how it signs tokens, its
/// server's bounds and whether the control API is on. Made by [`Endpoint::builder`].
#[derive(Debug)]
#[must_use = "an endpoint starts only when bound"]
pub struct EndpointBuilder {
    seeds: Result<Vec<ScopedSeed>, SeedError>,
    token_key: Option<TokenKey>,
    account_id: Option<String>,
    access_keys: BTreeMap<String, String>,
    settings: Settings,
    control: ControlApi,
    credentials: Option<Credentials>,
    region: Option<String>,
    reference_data: bool,
    max_unseeded: usize,
}

impl EndpointBuilder {
    fn add(mut self, seeds: Result<Vec<ScopedSeed>, SeedError>) -> Self {
        self.seeds = match (self.seeds, seeds) {
            (Ok(mut mine), Ok(theirs)) => {
                mine.extend(theirs);
                Ok(mine)
            }
            (Err(error), _) | (_, Err(error)) => Err(error),
        };
        self
    }

    fn add_default(self, seed: Result<Seed, SeedError>) -> Self {
        self.add(seed.map(|seed| {
            vec![ScopedSeed {
                account: AccountOf::Default,
                region: None,
                seed,
            }]
        }))
    }

    /// Adds `seed`'s data to the default account in the default region (no operation may be
    /// given twice).
    pub fn seed(self, seed: Seed) -> Self {
        self.add_default(Ok(seed))
    }

    /// Adds `seed`'s data to `account` in `region` (see [`crate::accounts`]).
    pub fn account_seed(
        self,
        account: impl Into<String>,
        region: impl Into<String>,
        seed: Seed,
    ) -> Self {
        self.add(Ok(vec![ScopedSeed {
            account: AccountOf::Id(account.into()),
            region: Some(region.into()),
            seed,
        }]))
    }

    /// Adds a seed folder's data, whatever its layout (see [`Seed::tree_from_dir`]): a flat
    /// folder to the default account and region, `<account>/<region>/` folders and CloudMapper's
    /// `account-data/` to their accounts and regions. A problem is reported by `bind`.
    pub fn seed_dir(self, directory: impl AsRef<Path>) -> Self {
        self.add(Seed::tree_from_dir(directory.as_ref()))
    }

    /// Adds a seed file's data to the default account and region (see [`Seed::from_file`]); a
    /// problem is reported by `bind`.
    pub fn seed_file(self, path: impl AsRef<Path>) -> Self {
        self.add_default(Seed::from_file(path.as_ref()))
    }

    /// Adds the embedded sample ([`Seed::sample`]) to the default account and region.
    pub fn sample(self) -> Self {
        self.add_default(Ok(Seed::sample()))
    }

    /// Signs `NextToken`s with keys derived from `key`, one per account and region, so endpoints
    /// sharing it continue each other's page walks (random per endpoint without it).
    pub fn token_key(mut self, key: TokenKey) -> Self {
        self.token_key = Some(key);
        self
    }

    /// The default account: what requests whose access key names no account act as (see
    /// [`crate::accounts`]). Without it, the account a flat seed is a capture of, else a seed
    /// tree's one account, else 123456789012.
    pub fn account_id(mut self, account_id: impl Into<String>) -> Self {
        self.account_id = Some(account_id.into());
        self
    }

    /// Requests signed with `access_key_id` act as `account_id`, whether or not signatures are
    /// verified.
    pub fn access_key(
        mut self,
        access_key_id: impl Into<String>,
        account_id: impl Into<String>,
    ) -> Self {
        self.access_keys
            .insert(access_key_id.into(), account_id.into());
        self
    }

    /// The server's connection, time and size bounds.
    pub fn settings(mut self, settings: Settings) -> Self {
        self.settings = settings;
        self
    }

    /// Turns the control API on (or off): see [`crate::control`].
    pub fn control_api(mut self, control: ControlApi) -> Self {
        self.control = control;
        self
    }

    /// Verifies every request's SigV4 signature against `credentials`, answering EC2's errors
    /// (see [`crate::signature`]); without it, requests are served whatever they carry. A key
    /// configured with an account acts as that account.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// The default region: what requests naming no region (by their signature's scope or their
    /// host) are for, and where a flat seed's resources are (us-east-1 without it). Requests for
    /// another region are answered from that region's own store (see [`crate::accounts`]).
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Whether every account's stores hold the reference data every account has (on by
    /// default): the Regions, and the store's region's zones, instance types and offerings, for
    /// each of those operations the seed holds no output of. See [`crate::reference`].
    pub fn reference_data(mut self, on: bool) -> Self {
        self.reference_data = on;
        self
    }

    /// The most stores made at run time for accounts and regions the seed does not hold
    /// ([`crate::accounts::MAX_UNSEEDED`] by default): a request needing one more is answered 503
    /// `Unavailable`.
    pub fn max_unseeded_stores(mut self, max: usize) -> Self {
        self.max_unseeded = max;
        self
    }

    /// The access keys and the accounts they act as: those given to
    /// [`access_key`](Self::access_key) and those configured with the credentials.
    fn access_keys(&self) -> Result<BTreeMap<String, String>, StartError> {
        let mut keys = self.access_keys.clone();
        for credential in self.credentials.iter().flat_map(Credentials::iter) {
            let Some(account) = credential.account_id() else {
                continue;
            };
            match keys.get(credential.access_key_id()) {
                Some(held) if held != account => {
                    return Err(StartError::Credentials(format!(
                        "access key {} is given accounts {held} and {account}",
                        credential.access_key_id()
                    )));
                }
                _ => {
                    keys.insert(credential.access_key_id().to_owned(), account.to_owned());
                }
            }
        }
        Ok(keys)
    }

    /// Every account's stores this builder's seeds make, without serving them.
    ///
    /// # Errors
    /// A seed is refused, the region is no region name, or a key is given two accounts.
    pub fn build_accounts(&self) -> Result<Accounts, StartError> {
        let region = self
            .region
            .clone()
            .unwrap_or_else(|| ec2_ops::describe::DEFAULT_REGION.to_owned());
        if !crate::region::is_region_name(&region) {
            return Err(StartError::Region(region));
        }
        let seeds = self.seeds.as_ref().map_err(Clone::clone)?.clone();
        let settings = accounts::Settings {
            token_key: self.token_key.clone().unwrap_or_else(TokenKey::random),
            default_account: self.account_id.clone(),
            default_region: region,
            reference_data: self.reference_data,
            access_keys: self.access_keys()?,
            max_unseeded: self.max_unseeded,
        };
        Ok(Accounts::new(seeds, settings)?)
    }

    /// The default account's store in the default region, as this builder's seeds make it,
    /// without serving it.
    ///
    /// # Errors
    /// As [`build_accounts`](Self::build_accounts).
    pub fn build_store(&self) -> Result<Arc<Store>, StartError> {
        Ok(self.build_accounts()?.default_store())
    }

    /// Loads the seeds, binds `address` (`"127.0.0.1:0"` picks a free port) and serves in the
    /// background of the current Tokio runtime until [`Endpoint::shutdown`] (or the handle is
    /// dropped).
    ///
    /// # Errors
    /// A seed is refused, the region is no region name, a key is given two accounts, or the
    /// address cannot be bound.
    pub async fn bind(self, address: impl ToSocketAddrs) -> Result<Endpoint, StartError> {
        let accounts = Arc::new(self.build_accounts()?);
        let listener = TcpListener::bind(address).await.map_err(StartError::Bind)?;
        let address = listener.local_addr().map_err(StartError::Bind)?;
        let state = Arc::new(State {
            accounts: Arc::clone(&accounts),
            control: self.control,
            credentials: self.credentials,
        });
        let (stop, stopped) = oneshot::channel::<()>();
        let served = tokio::spawn(server::serve(listener, state, self.settings, async {
            // A dropped handle stops the server too.
            let _ = stopped.await;
        }));
        Ok(Endpoint {
            address,
            store: accounts.default_store(),
            accounts,
            stop: Some(stop),
            served: Some(served),
        })
    }
}

/// A running endpoint: its address, its store, and a graceful [`shutdown`](Endpoint::shutdown).
/// Every endpoint has a store of its own: several in one process share nothing.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use ec2_ops_endpoint::Endpoint;
///
/// let endpoint = Endpoint::builder().sample().bind("127.0.0.1:0").await.unwrap();
/// assert!(endpoint.url().starts_with("http://127.0.0.1:"));
/// assert!(endpoint.store().count("DescribeVolumes").unwrap() > 0);
/// endpoint.shutdown().await;
/// # }
/// ```
#[derive(Debug)]
pub struct Endpoint {
    address: SocketAddr,
    store: Arc<Store>,
    accounts: Arc<Accounts>,
    stop: Option<oneshot::Sender<()>>,
    served: Option<JoinHandle<Drained>>,
}

impl Endpoint {
    /// A builder: no data, a random token key, the default [`Settings`], the control API off.
    pub fn builder() -> EndpointBuilder {
        EndpointBuilder {
            seeds: Ok(Vec::new()),
            token_key: None,
            account_id: None,
            access_keys: BTreeMap::new(),
            settings: Settings::default(),
            control: ControlApi::Off,
            credentials: None,
            region: None,
            reference_data: true,
            max_unseeded: crate::accounts::MAX_UNSEEDED,
        }
    }

    /// The address it listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Its URL, for a client's `endpoint_url`: `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// The default account's store in the default region: put, replace and remove resources,
    /// reset to the seed, dump the state.
    pub fn store(&self) -> &Arc<Store> {
        &self.store
    }

    /// Every account's stores, by region (see [`crate::accounts`]).
    pub fn accounts(&self) -> &Arc<Accounts> {
        &self.accounts
    }

    /// Stops accepting connections, closes idle ones, answers the requests in flight, and
    /// returns when they are answered or the drain timeout has passed.
    pub async fn shutdown(mut self) -> Drained {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        match self.served.take() {
            Some(served) => match served.await {
                Ok(drained) => drained,
                Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
                // The runtime is shutting down and took the server with it.
                Err(_cancelled) => Drained::TimedOut { open: 0 },
            },
            None => Drained::Completely,
        }
    }
}

impl Drop for Endpoint {
    /// A handle dropped without a shutdown stops the server all the same: it drains in the
    /// background of the runtime.
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
