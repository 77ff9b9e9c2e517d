//! A running endpoint: built, bound, serving in the background of the caller's Tokio runtime,
//! and shut down with a drain.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use ec2_ops::{DescribeContext, TokenKey};
use tokio::net::{TcpListener, ToSocketAddrs};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::control::ControlApi;
use crate::http::State;
use crate::seed::{Seed, SeedError};
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
    /// A configured access key belongs to another account than the one the store serves.
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

/// How to start an endpoint: what it holds, how it signs tokens, its server's bounds and whether
/// the control API is on. Made by [`Endpoint::builder`].
#[derive(Debug)]
#[must_use = "an endpoint starts only when bound"]
pub struct EndpointBuilder {
    seed: Result<Seed, SeedError>,
    token_key: Option<TokenKey>,
    account_id: Option<String>,
    settings: Settings,
    control: ControlApi,
    credentials: Option<Credentials>,
    region: Option<String>,
    reference_data: bool,
}

impl EndpointBuilder {
    fn add(mut self, seed: Result<Seed, SeedError>) -> Self {
        self.seed = match (self.seed, seed) {
            (Ok(mine), Ok(theirs)) => mine.merge(theirs),
            (Err(error), _) | (_, Err(error)) => Err(error),
        };
        self
    }

    /// Adds `seed`'s data (no operation may be given twice).
    pub fn seed(self, seed: Seed) -> Self {
        self.add(Ok(seed))
    }

    /// Adds a seed folder's data (see [`Seed::from_dir`]); a problem is reported by `bind`.
    pub fn seed_dir(self, directory: impl AsRef<Path>) -> Self {
        self.add(Seed::from_dir(directory.as_ref()))
    }

    /// Adds a seed file's data (see [`Seed::from_file`]); a problem is reported by `bind`.
    pub fn seed_file(self, path: impl AsRef<Path>) -> Self {
        self.add(Seed::from_file(path.as_ref()))
    }

    /// Adds the embedded sample ([`Seed::sample`]).
    pub fn sample(self) -> Self {
        self.add(Ok(Seed::sample()))
    }

    /// Signs `NextToken`s with `key`, so endpoints sharing it continue each other's page walks
    /// (random per endpoint without it).
    pub fn token_key(mut self, key: TokenKey) -> Self {
        self.token_key = Some(key);
        self
    }

    /// The account callers act as (the `self` of `Owner.N=self`). Without it, the account the
    /// seed is a capture of, else 123456789012: see [`Store::new`].
    pub fn account_id(mut self, account_id: impl Into<String>) -> Self {
        self.account_id = Some(account_id.into());
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
    /// configured with another account than the store's is refused by `bind`.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// Serves `region` only: a request signed for another region (or, unsigned, addressed to
    /// another region's host) is refused with EC2's `SignatureDoesNotMatch` "Credential should
    /// be scoped to a valid region" (see [`crate::region`]). Without it, requests for every
    /// region are answered alike from the one store.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Whether the store holds the reference data every account has (on by default): the
    /// Regions, and the served region's zones, instance types and offerings (the region given to
    /// [`region`](Self::region), else us-east-1), for each of those operations the seed holds no
    /// output of. See [`crate::reference`].
    pub fn reference_data(mut self, on: bool) -> Self {
        self.reference_data = on;
        self
    }

    /// The region whose reference data the store holds, and callers are in: the one given to
    /// [`region`](Self::region), else us-east-1.
    fn home_region(&self) -> &str {
        self.region
            .as_deref()
            .unwrap_or(ec2_ops::describe::DEFAULT_REGION)
    }

    /// The store this builder's seed and token key make, without serving it.
    ///
    /// # Errors
    /// The seed is refused.
    pub fn build_store(&self) -> Result<Store, SeedError> {
        let seed = self.seed.as_ref().map_err(Clone::clone)?;
        let mut context = match &self.token_key {
            Some(key) => DescribeContext::new(key.clone()),
            None => DescribeContext::default(),
        };
        if let Some(account_id) = &self.account_id {
            context = context.with_account_id(account_id.clone());
        }
        let context = context.with_region(self.home_region());
        if self.reference_data {
            Store::new(
                &seed.clone().with_reference_data(self.home_region()),
                context,
            )
        } else {
            Store::new(seed, context)
        }
    }

    /// Loads the seed, binds `address` (`"127.0.0.1:0"` picks a free port) and serves in the
    /// background of the current Tokio runtime until [`Endpoint::shutdown`] (or the handle is
    /// dropped).
    ///
    /// # Errors
    /// The seed is refused, a configured key belongs to another account than the store's, or
    /// the address cannot be bound.
    pub async fn bind(self, address: impl ToSocketAddrs) -> Result<Endpoint, StartError> {
        if let Some(region) = &self.region
            && !crate::region::is_region_name(region)
        {
            return Err(StartError::Region(region.clone()));
        }
        let store = Arc::new(self.build_store()?);
        if let Some(credentials) = &self.credentials {
            check_accounts(credentials, &store)?;
        }
        let listener = TcpListener::bind(address).await.map_err(StartError::Bind)?;
        let address = listener.local_addr().map_err(StartError::Bind)?;
        let state = Arc::new(State {
            store: Arc::clone(&store),
            control: self.control,
            credentials: self.credentials,
            region: self.region.clone(),
        });
        let (stop, stopped) = oneshot::channel::<()>();
        let served = tokio::spawn(server::serve(listener, state, self.settings, async {
            // A dropped handle stops the server too.
            let _ = stopped.await;
        }));
        Ok(Endpoint {
            address,
            store,
            stop: Some(stop),
            served: Some(served),
        })
    }
}

/// Every configured key acts as the store's account: the endpoint serves one account, and showing
/// it to another's key would answer what EC2 never does.
fn check_accounts(credentials: &Credentials, store: &Store) -> Result<(), StartError> {
    let mut strangers: Vec<String> = credentials
        .iter()
        .filter_map(|credential| {
            let account = credential.account_id()?;
            (account != store.account_id())
                .then(|| format!("{} (account {account})", credential.access_key_id()))
        })
        .collect();
    if strangers.is_empty() {
        return Ok(());
    }
    strangers.sort();
    Err(StartError::Credentials(format!(
        "the endpoint serves account {}, and these keys belong to another: {}",
        store.account_id(),
        strangers.join(", ")
    )))
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
    stop: Option<oneshot::Sender<()>>,
    served: Option<JoinHandle<Drained>>,
}

impl Endpoint {
    /// A builder: no data, a random token key, the default [`Settings`], the control API off.
    pub fn builder() -> EndpointBuilder {
        EndpointBuilder {
            seed: Ok(Seed::empty()),
            token_key: None,
            account_id: None,
            settings: Settings::default(),
            control: ControlApi::Off,
            credentials: None,
            region: None,
            reference_data: true,
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

    /// Its store: put, replace and remove resources, reset to the seed, dump the state.
    pub fn store(&self) -> &Arc<Store> {
        &self.store
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
