//! `ec2-ops-endpoint`: a local EC2-compatible endpoint serving every EC2 describe operation over
//! HTTP, for boto3, the AWS CLI and aws-sdk-rust pointed at it with `--endpoint-url`. This file only
//! reads the command line, starts the library's [`Endpoint`], and reports errors.
//!
//! ```text
//! ec2-ops-endpoint [--port N] [--seed FILE] [--seed-dir DIR]... [--account-id ID]
//!     [--accounts FILE] [--region REGION] [--no-reference-data] [--credentials FILE] [--token-key BASE64] [--threads N]
//!     [--max-connections N] [--header-timeout S] [--body-timeout S] [--idle-timeout S]
//!     [--max-connection-age S] [--drain-timeout S] [--control-api] [--control-api-any-peer]
//!     [--log-format text|json] [--log-level LEVEL]
//! ```
//!
//! - listens on 127.0.0.1, port 4599 by default; `--port 0` picks a free port; the address is printed
//!   on stdout as `listening on http://127.0.0.1:PORT`;
//! - POST `/` with a form body, or GET `/?Action=...`; answers EC2's XML with
//!   `Content-Type: text/xml;charset=UTF-8` and EC2's status codes;
//! - SigV4 signatures (`Authorization` headers and presigned `X-Amz-*` query parameters) are
//!   accepted **unchecked** unless `--credentials FILE` names the keys to accept (a JSON list of
//!   `{"AccessKeyId", "SecretAccessKey", "SessionToken"?, "AccountId"?}`): then every request's
//!   signature is verified as EC2 verifies it, with EC2's errors (`SignatureDoesNotMatch`,
//!   `AuthFailure`, `RequestExpired`, ...); the start-up log says which;
//! - bodies over 1 MiB are refused with 413 and never kept: up to 16 MiB is read and thrown away
//!   first, so clients that send the whole body before reading get the answer, not a broken pipe;
//! - all 205 operations of `ec2-ops-catalog` (197 `Describe*`, 8 account settings reads), each resource stored once and other operations'
//!   views of it derived (the library's `Store`);
//! - `--seed FILE` loads `{"Reservations": [...], "Volumes": [...], ...}`, one key per
//!   operation's output member (the AWS CLI's JSON);
//! - `--seed-dir DIR` loads a folder of AWS CLI outputs, one file per operation named after its
//!   command: `describe-subnets.json` holds exactly what `aws ec2 describe-subnets` prints (a file
//!   may also hold a JSON array of outputs, for attribute operations answered one resource per call);
//!   a folder of `<account>/<region>/` folders, or CloudMapper's `account-data/`, loads each
//!   account's regions (`ec2_ops_endpoint::accounts`); it may be given several times (the folders
//!   of captures of several accounts); with neither option, an embedded sample set is served;
//! - each (account, region) has its own resources: a request acts as the account its access key
//!   is configured with (`--credentials`, `--accounts FILE`: `{"AKIA...": "111122223333"}`), else
//!   as its access key ID when that is twelve digits, else as the default account, and is for the
//!   region its signature's scope (or host) names, else the default region;
//! - `--account-id`: the default account (the `self` of `--owners self` for keys naming no
//!   account); without it, the account a flat seed is a capture of (the owner of its
//!   reservations, else of most of its security groups, network interfaces, VPCs and subnets,
//!   else the one owner of its images and snapshots), else a tree's one account, else
//!   123456789012; the start-up log says which;
//! - `--region`: the default region (us-east-1 without it): where a flat seed's resources are,
//!   and what requests naming no region are for; a request naming a region the endpoint does not
//!   know gets EC2's `SignatureDoesNotMatch` "Credential should be scoped to a valid region";
//! - the Regions, and the region's zones, instance types and offerings (us-east-1's without
//!   `--region`), are embedded reference data every account has, served unless the seed holds
//!   that operation's output or `--no-reference-data` is given (`ec2_ops_endpoint::reference`);
//! - `--token-key` (or `EC2_OPS_TOKEN_KEY`): the base64 32-byte key `NextToken`s are signed with, so
//!   endpoints sharing it continue each other's page walks; random per process without it;
//! - a multi-threaded runtime (`--threads`, default one per core) serving at most
//!   `--max-connections` at once, each bounded by header, body and idle timeouts;
//! - `--control-api` turns on the control API under `/_ec2-ops/` for loopback peers
//!   (`--control-api-any-peer`: for any peer): reset, put, remove, dump;
//! - SIGTERM or Ctrl-C drains: new connections are refused, requests in flight are answered, and
//!   the process exits 0 when the last connection is done (or 1 after `--drain-timeout`, or at a
//!   second signal);
//! - one structured log event per request on stderr (`tracing`), as text or JSON lines.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use ec2_ops::TokenKey;
use ec2_ops_endpoint::{BodyLimits, ControlApi, Credentials, Drained, Endpoint, Settings};

/// The port when `--port` is not given.
const DEFAULT_PORT: &str = "4599";

struct Options {
    port: u16,
    seed: Option<PathBuf>,
    seed_dirs: Vec<PathBuf>,
    token_key: Option<TokenKey>,
    account_id: Option<String>,
    access_keys: Vec<(String, String)>,
    credentials: Option<Credentials>,
    region: Option<String>,
    reference_data: bool,
    threads: Option<usize>,
    settings: Settings,
    control: ControlApi,
    log_format: LogFormat,
    log_level: tracing::Level,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LogFormat {
    Text,
    Json,
}

/// The command line: where to listen, what to serve, and the server's limits.
fn command() -> clap::Command {
    use clap::{Arg, Command, value_parser};
    let seconds = |name: &'static str, default: &'static str, help: &'static str| {
        Arg::new(name)
            .long(name)
            .value_name("SECONDS")
            .default_value(default)
            .value_parser(parse_seconds)
            .help(help)
    };
    Command::new("ec2-ops-endpoint")
        .version(env!("CARGO_PKG_VERSION"))
        .about("A local EC2-compatible endpoint serving every EC2 describe operation")
        .arg(
            Arg::new("port")
                .long("port")
                .value_name("N")
                .default_value(DEFAULT_PORT)
                .value_parser(value_parser!(u16))
                .help("the port on 127.0.0.1 (0 picks a free one)"),
        )
        .arg(
            Arg::new("seed")
                .long("seed")
                .value_name("FILE")
                .value_parser(value_parser!(PathBuf))
                .help("JSON in the AWS CLI's shape, one key per output member; default: the embedded sample"),
        )
        .arg(
            Arg::new("seed-dir")
                .long("seed-dir")
                .value_name("DIR")
                .value_parser(value_parser!(PathBuf))
                .action(clap::ArgAction::Append)
                .help("a folder of AWS CLI outputs, one file per operation named after its command (describe-subnets.json), or of <account>/<region>/ folders of them; repeatable (each capture's folder, say)"),
        )
        .arg(
            Arg::new("account-id")
                .long("account-id")
                .value_name("ID")
                .value_parser(parse_account_id)
                .help("the default account: what requests whose access key names no account act as (the `self` of --owners self); default: the account the seed shows (the owner of its reservations, ...), else 123456789012"),
        )
        .arg(
            Arg::new("accounts")
                .long("accounts")
                .value_name("FILE")
                .value_parser(value_parser!(PathBuf))
                .help("the account each access key acts as: a JSON object {\"AKIA...\": \"111122223333\"}; a 12-digit access key ID is its own account without it"),
        )
        .arg(
            Arg::new("region")
                .long("region")
                .value_name("REGION")
                .value_parser(parse_region)
                .help("the default region: where a flat seed's resources are, and what requests naming no region are for; default: us-east-1"),
        )
        .arg(
            Arg::new("credentials")
                .long("credentials")
                .value_name("FILE")
                .value_parser(value_parser!(PathBuf))
                .help("verify every request's SigV4 signature against these keys: a JSON list of {\"AccessKeyId\", \"SecretAccessKey\", \"SessionToken\"?, \"AccountId\"?}; default: signatures are not checked"),
        )
        .arg(
            Arg::new("token-key")
                .long("token-key")
                .env("EC2_OPS_TOKEN_KEY")
                .value_name("BASE64")
                .hide_env_values(true)
                .help("the 32-byte key NextTokens are signed with, base64 (`openssl rand -base64 32`); endpoints sharing it continue each other's page walks; default: random per process"),
        )
        .arg(
            Arg::new("threads")
                .long("threads")
                .value_name("N")
                .value_parser(value_parser!(u64).range(1..=1024))
                .help("worker threads; default: one per core"),
        )
        .arg(
            Arg::new("max-connections")
                .long("max-connections")
                .value_name("N")
                .default_value("1024")
                .value_parser(value_parser!(u64).range(1..=1_000_000))
                .help("connections served at once; up to as many again are answered 503 Unavailable"),
        )
        .arg(seconds("header-timeout", "10", "longest a request's headers may take to arrive"))
        .arg(seconds("body-timeout", "30", "longest a request's body may take to arrive (408 after it)"))
        .arg(seconds("idle-timeout", "60", "a connection moving no bytes this long is closed"))
        .arg(seconds("max-connection-age", "300", "a connection this old closes after its request in flight"))
        .arg(seconds("drain-timeout", "30", "on SIGTERM or Ctrl-C, longest to wait for requests in flight"))
        .arg(
            Arg::new("no-reference-data")
                .long("no-reference-data")
                .action(clap::ArgAction::SetTrue)
                .help("serve no embedded Regions, zones, instance types or offerings: only what the seed holds"),
        )
        .arg(
            Arg::new("control-api")
                .long("control-api")
                .action(clap::ArgAction::SetTrue)
                .help("turn on the control API under /_ec2-ops/ (reset, put, remove, dump) for loopback peers"),
        )
        .arg(
            Arg::new("control-api-any-peer")
                .long("control-api-any-peer")
                .action(clap::ArgAction::SetTrue)
                .requires("control-api")
                .help("answer control requests from any peer, not only loopback ones"),
        )
        .arg(
            Arg::new("log-format")
                .long("log-format")
                .value_name("FORMAT")
                .default_value("text")
                .value_parser(["text", "json"])
                .help("stderr log lines as text or as JSON objects"),
        )
        .arg(
            Arg::new("log-level")
                .long("log-level")
                .value_name("LEVEL")
                .default_value("info")
                .value_parser(["error", "warn", "info", "debug", "trace"])
                .help("the least severe events logged; info logs one line per request"),
        )
}

/// Longest timeout accepted: a day. Much longer ones would overflow the clock's arithmetic, and no
/// server wants them.
const MAX_SECONDS: f64 = 86_400.0;

/// A duration from its text in seconds, fractions allowed: `10`, `0.5`.
fn parse_seconds(text: &str) -> Result<Duration, String> {
    let seconds: f64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number of seconds"))?;
    if seconds.is_nan() || seconds <= 0.0 {
        return Err(format!("`{text}`: a timeout is more than 0 seconds"));
    }
    if seconds > MAX_SECONDS {
        return Err(format!(
            "`{text}`: a timeout is at most {MAX_SECONDS} seconds"
        ));
    }
    Ok(Duration::from_secs_f64(seconds))
}

fn parse_options() -> Result<Options, String> {
    // `--help` prints and exits 0, a bad argument prints clap's message and exits 2.
    let matches = command().get_matches();
    let token_key = match matches.get_one::<String>("token-key") {
        Some(text) => Some(token_key_from_base64(text)?),
        None => None,
    };
    let credentials = match matches.get_one::<PathBuf>("credentials") {
        Some(path) => Some(Credentials::from_file(path).map_err(|error| error.to_string())?),
        None => None,
    };
    let access_keys = match matches.get_one::<PathBuf>("accounts") {
        Some(path) => read_access_keys(path)?,
        None => Vec::new(),
    };
    let seconds = |name: &str| {
        *matches
            .get_one::<Duration>(name)
            .expect("every timeout has a default")
    };
    let settings = Settings {
        max_connections: count(
            *matches
                .get_one::<u64>("max-connections")
                .expect("--max-connections has a default"),
        ),
        header_timeout: seconds("header-timeout"),
        idle_timeout: seconds("idle-timeout"),
        max_connection_age: seconds("max-connection-age"),
        drain_timeout: seconds("drain-timeout"),
        body: BodyLimits {
            timeout: seconds("body-timeout"),
            ..BodyLimits::default()
        },
    };
    let control = match (
        matches.get_flag("control-api"),
        matches.get_flag("control-api-any-peer"),
    ) {
        (false, _) => ControlApi::Off,
        (true, false) => ControlApi::Loopback,
        (true, true) => ControlApi::AnyPeer,
    };
    let log_format = match matches.get_one::<String>("log-format").map(String::as_str) {
        Some("json") => LogFormat::Json,
        _ => LogFormat::Text,
    };
    let log_level = matches
        .get_one::<String>("log-level")
        .and_then(|level| level.parse().ok())
        .unwrap_or(tracing::Level::INFO);
    Ok(Options {
        port: *matches
            .get_one::<u16>("port")
            .expect("--port has a default"),
        seed: matches.get_one::<PathBuf>("seed").cloned(),
        seed_dirs: matches
            .get_many::<PathBuf>("seed-dir")
            .map(|dirs| dirs.cloned().collect())
            .unwrap_or_default(),
        token_key,
        account_id: matches.get_one::<String>("account-id").cloned(),
        access_keys,
        credentials,
        region: matches.get_one::<String>("region").cloned(),
        reference_data: !matches.get_flag("no-reference-data"),
        threads: matches.get_one::<u64>("threads").copied().map(count),
        settings,
        control,
        log_format,
        log_level,
    })
}

/// An AWS region name: `us-east-1`, `eu-central-2`, `us-gov-west-1`.
fn parse_region(text: &str) -> Result<String, String> {
    if ec2_ops_endpoint::region::is_region_name(text) {
        Ok(text.to_owned())
    } else {
        Err(format!("`{text}`: not a region name (such as us-east-1)"))
    }
}

/// `--accounts FILE`: a JSON object of access key ID to 12-digit account ID.
fn read_access_keys(path: &std::path::Path) -> Result<Vec<(String, String)>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    let keys: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&text).map_err(|error| {
            format!(
                "{}: not a JSON object of access key ID to account ID: {error}",
                path.display()
            )
        })?;
    keys.into_iter()
        .map(|(key, account)| {
            parse_account_id(&account)
                .map(|account| (key, account))
                .map_err(|problem| format!("{}: key {problem}", path.display()))
        })
        .collect()
}

/// An AWS account ID: 12 digits, as EC2 spells every one.
fn parse_account_id(text: &str) -> Result<String, String> {
    if text.len() == 12 && text.bytes().all(|byte| byte.is_ascii_digit()) {
        Ok(text.to_owned())
    } else {
        Err(format!("`{text}`: an account ID is 12 digits"))
    }
}

/// A count clap checked to be small.
fn count(value: u64) -> usize {
    usize::try_from(value).expect("clap bounds counts to at most 1,000,000")
}

/// A token key from its base64 text: exactly 32 bytes.
fn token_key_from_base64(text: &str) -> Result<TokenKey, String> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .map_err(|error| format!("--token-key: not base64: {error}"))?;
    let bytes: [u8; 32] = bytes.try_into().map_err(|bytes: Vec<u8>| {
        format!("--token-key: a key is 32 bytes, this is {}", bytes.len())
    })?;
    Ok(TokenKey::from_bytes(bytes))
}

/// Log events to stderr, so stdout carries only the address line.
fn init_logging(format: LogFormat, level: tracing::Level) {
    let builder = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(level)
        .with_ansi(false);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

/// The endpoint the options describe, not yet bound: the seed file and folder (the embedded
/// sample when neither is given), the token key, the bounds and the control API.
fn builder(options: &Options) -> ec2_ops_endpoint::EndpointBuilder {
    let mut builder = Endpoint::builder()
        .settings(options.settings)
        .control_api(options.control);
    if let Some(path) = &options.seed {
        builder = builder.seed_file(path);
    }
    for directory in &options.seed_dirs {
        builder = builder.seed_dir(directory);
    }
    if options.seed.is_none() && options.seed_dirs.is_empty() {
        builder = builder.sample();
    }
    if let Some(key) = &options.token_key {
        builder = builder.token_key(key.clone());
    }
    if let Some(account_id) = &options.account_id {
        builder = builder.account_id(account_id.clone());
    }
    for (key, account) in &options.access_keys {
        builder = builder.access_key(key.clone(), account.clone());
    }
    if let Some(credentials) = &options.credentials {
        builder = builder.credentials(credentials.clone());
    }
    if let Some(region) = &options.region {
        builder = builder.region(region.clone());
    }
    builder.reference_data(options.reference_data)
}

fn main() -> ExitCode {
    let options = match parse_options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    init_logging(options.log_format, options.log_level);
    let mut runtime = tokio::runtime::Builder::new_multi_thread();
    if let Some(threads) = options.threads {
        runtime.worker_threads(threads);
    }
    let runtime = match runtime.enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(serve(&options));
    // Connections a timed-out drain left are dropped with the runtime, without waiting on them.
    runtime.shutdown_background();
    match result {
        Ok(Drained::Completely) => ExitCode::SUCCESS,
        Ok(Drained::TimedOut { .. }) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Returns to the system the heap pages the seed's reading freed: its text and its typed
/// resources, a few times what the store keeps of them, which glibc's allocator would otherwise
/// keep (spread over the reading threads' arenas) for the process's lifetime.
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only releases free heap memory; it has no precondition.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Starts the endpoint, prints its address, and serves until a signal; then drains, unless a
/// second signal stops the drain.
async fn serve(options: &Options) -> Result<Drained, String> {
    // The signal handlers are installed before the address is printed, so a client that reads
    // the address and immediately interrupts still gets a clean shutdown.
    let first_signal = shutdown_signal();
    let address = SocketAddr::from(([127, 0, 0, 1], options.port));
    let loading = LoadingLine::start();
    let endpoint = builder(options).bind(address).await;
    loading.stop();
    release_freed_memory();
    let endpoint = endpoint.map_err(|error| error.to_string())?;
    println!("listening on {}", endpoint.url());
    let control = match options.control {
        ControlApi::Off => "off",
        ControlApi::Loopback => "on for loopback peers",
        ControlApi::AnyPeer => "on for any peer",
    };
    let signatures = match &options.credentials {
        None => "accepted unchecked (no --credentials)".to_owned(),
        Some(credentials) => format!("verified against {} access keys", credentials.len()),
    };
    tracing::info!(
        address = %endpoint.address(),
        serving = %endpoint.accounts().summary(),
        control_api = control,
        signatures,
        reference_data = if options.reference_data {
            "each region's"
        } else {
            "off (--no-reference-data)"
        },
        settings = ?options.settings,
        "started; SIGTERM or Ctrl-C drains and stops"
    );
    first_signal.await;
    // A second signal during the drain stops at once: the handlers replaced the default action
    // that would.
    let second_signal = shutdown_signal();
    tokio::select! {
        drained = endpoint.shutdown() => Ok(drained),
        () = second_signal => {
            tracing::warn!("a second signal: stopping without finishing the drain");
            Ok(Drained::TimedOut { open: 0 })
        }
    }
}

/// While the seed loads, a line on stderr saying for how long: only on a terminal, and only once
/// the load has taken two seconds (a large folder takes a while; a small one says nothing).
struct LoadingLine {
    done: std::sync::Arc<std::sync::atomic::AtomicBool>,
    ticker: Option<std::thread::JoinHandle<()>>,
}

impl LoadingLine {
    fn start() -> LoadingLine {
        use std::io::{IsTerminal, Write};
        use std::sync::atomic::Ordering;
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let ticker = std::io::stderr().is_terminal().then(|| {
            let done = std::sync::Arc::clone(&done);
            std::thread::spawn(move || {
                let started = std::time::Instant::now();
                let mut shown = false;
                while !done.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(100));
                    let elapsed = started.elapsed();
                    if elapsed >= Duration::from_secs(2) {
                        eprint!("\rloading the seed: {} s", elapsed.as_secs());
                        let _ = std::io::stderr().flush();
                        shown = true;
                    }
                }
                if shown {
                    eprintln!(
                        "\rloading the seed: done in {:.1} s",
                        started.elapsed().as_secs_f64()
                    );
                }
            })
        });
        LoadingLine { done, ticker }
    }

    fn stop(mut self) {
        self.done.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(ticker) = self.ticker.take() {
            let _ = ticker.join();
        }
    }
}

/// Resolves on Ctrl-C (SIGINT) or, on Unix, SIGTERM. The handlers are registered when this is called.
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut interrupt = signal(SignalKind::interrupt()).expect("installing the SIGINT handler");
        let mut terminate =
            signal(SignalKind::terminate()).expect("installing the SIGTERM handler");
        async move {
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
            }
        }
    }
    #[cfg(not(unix))]
    {
        async {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_key_is_32_bytes_of_base64() {
        use base64::Engine;
        let text = base64::engine::general_purpose::STANDARD.encode([7_u8; 32]);
        assert!(token_key_from_base64(&text).is_ok());
        assert!(token_key_from_base64(&format!(" {text}\n")).is_ok());
        let short = base64::engine::general_purpose::STANDARD.encode([7_u8; 16]);
        assert_eq!(
            token_key_from_base64(&short).err().as_deref(),
            Some("--token-key: a key is 32 bytes, this is 16")
        );
        assert!(
            token_key_from_base64("not base64!")
                .unwrap_err()
                .contains("not base64")
        );
    }

    #[test]
    fn timeouts_are_positive_seconds_up_to_a_day() {
        assert_eq!(parse_seconds("10"), Ok(Duration::from_secs(10)));
        assert_eq!(parse_seconds("0.5"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_seconds("86400"), Ok(Duration::from_secs(86_400)));
        for (text, problem) in [
            ("0", "more than 0"),
            ("-1", "more than 0"),
            ("NaN", "more than 0"),
            ("86401", "at most 86400"),
            ("1e30", "at most 86400"),
            ("ten", "not a number"),
        ] {
            let error = parse_seconds(text).unwrap_err();
            assert!(error.contains(problem), "{text}: {error}");
        }
    }

    #[test]
    fn the_command_line_parses_port_seed_and_token_key() {
        let matches = command()
            .try_get_matches_from([
                "ec2-ops-endpoint",
                "--port",
                "0",
                "--seed",
                "s.json",
                "--token-key",
                "k",
            ])
            .unwrap();
        assert_eq!(matches.get_one::<u16>("port"), Some(&0));
        assert_eq!(
            matches.get_one::<PathBuf>("seed"),
            Some(&PathBuf::from("s.json"))
        );
        assert_eq!(
            matches.get_one::<String>("token-key").map(String::as_str),
            Some("k")
        );
        assert!(
            command()
                .try_get_matches_from(["ec2-ops-endpoint", "--port", "x"])
                .is_err()
        );
    }
}
