//! The capture itself: the regions, the account, then every planned call of each region, a
//! bounded number at a time, each answer written whole and recorded in the manifest as it comes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ec2_ops::{DateTime, DescribeContext};
use ec2_ops_client::{Client, ClientError, Credentials, RetryPolicy};
use ec2_ops_endpoint::{Seed, Store};
use futures_util::StreamExt;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::Value;

use crate::calls::{self, Call};
use crate::dependent::{self, DependentCall, Scope};
use crate::files;
use crate::manifest::{MANIFEST, Manifest, Outcome};
use crate::output;

/// The operations whose owners tell which account a capture is of (see
/// [`Store::seeded_account_id`]): captured first, in the first region.
const SHOWING_THE_ACCOUNT: [&str; 7] = [
    "DescribeInstances",
    "DescribeSecurityGroups",
    "DescribeNetworkInterfaces",
    "DescribeVpcs",
    "DescribeSubnets",
    "DescribeImages",
    "DescribeSnapshots",
];

/// A capture of an account into a folder the endpoint replays: `OUT/<account>/<region>/`, one
/// `describe-*.json` per operation, as `ec2-ops-endpoint --seed-dir` reads it.
///
/// ```no_run
/// # async fn example() -> Result<(), ec2_ops_capture::CaptureError> {
/// let summary = ec2_ops_capture::Capture::new("captured")
///     .regions(["eu-west-1", "us-east-1"])
///     .run()
///     .await?;
/// println!("{summary}");
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Capture {
    out: PathBuf,
    regions: Option<Vec<String>>,
    endpoint_url: Option<String>,
    credentials: Option<Credentials>,
    retry: Option<RetryPolicy>,
    account_id: Option<String>,
    concurrency: usize,
    overwrite: bool,
    progress: bool,
}

/// Why a capture stopped before making its calls. A call that fails is not one of these: it is
/// listed in the [`Summary`], and a rerun makes it again.
#[derive(Debug)]
pub enum CaptureError {
    /// The output folder holds something that is not a capture, or cannot be written.
    Folder(String),
    /// The client cannot be built (no region, no credentials), or the regions cannot be listed.
    Client(ClientError),
    /// The account cannot be told from the captured owners, or they contradict each other.
    Account(String),
}

impl std::fmt::Display for CaptureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CaptureError::Folder(problem) | CaptureError::Account(problem) => f.write_str(problem),
            CaptureError::Client(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for CaptureError {}

impl From<ClientError> for CaptureError {
    fn from(error: ClientError) -> Self {
        CaptureError::Client(error)
    }
}

/// What a capture did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// The account captured.
    pub account_id: String,
    /// The regions captured, in order.
    pub regions: Vec<String>,
    /// Where each region's seed files are: `OUT/<account>`.
    pub folder: PathBuf,
    /// Operations answered and written by this run.
    pub captured: usize,
    /// Calls this run made: one per operation asking nothing (its pages aside), one per resource
    /// and value for the others.
    pub calls: usize,
    /// Items in the lists this run wrote.
    pub items: usize,
    /// Calls an earlier run had answered, not made again.
    pub already_done: usize,
    /// Calls EC2 refused, in this run or an earlier one: region, action, code.
    pub refused: Vec<(String, &'static str, String)>,
    /// Calls of an operation made once per resource that EC2 refused while others of the same
    /// operation were answered (an attribute a resource does not have): region, action, code,
    /// how many. The operation is captured with the answered ones.
    pub refused_calls: Vec<(String, &'static str, String, usize)>,
    /// Calls that got no answer (the network, the retries spent): region, action, why. A rerun
    /// makes them again.
    pub failed: Vec<(String, &'static str, String)>,
    /// How long the run took.
    pub elapsed: Duration,
}

impl Summary {
    /// Whether every call was answered (captured or refused).
    pub fn is_complete(&self) -> bool {
        self.failed.is_empty()
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "account {} in {} region(s), into {}: {} operation(s) captured ({} items, {} calls), {} done before, {} refused, {} failed, in {:.1} s",
            self.account_id,
            self.regions.len(),
            self.folder.display(),
            self.captured,
            self.items,
            self.calls,
            self.already_done,
            self.refused.len(),
            self.failed.len(),
            self.elapsed.as_secs_f64()
        )?;
        for (region, action, code) in &self.refused {
            writeln!(f, "  refused: {region} {action}: {code}")?;
        }
        for (region, action, code, calls) in &self.refused_calls {
            writeln!(f, "  {calls} call(s) refused: {region} {action}: {code}")?;
        }
        for (region, action, why) in &self.failed {
            writeln!(
                f,
                "  failed (a rerun tries again): {region} {action}: {why}"
            )?;
        }
        Ok(())
    }
}

impl Capture {
    /// A capture into `out`, of the regions enabled for the account, with the credentials and
    /// region the AWS CLI would use, four calls at a time.
    pub fn new(out: impl Into<PathBuf>) -> Capture {
        Capture {
            out: out.into(),
            regions: None,
            endpoint_url: None,
            credentials: None,
            retry: None,
            account_id: None,
            concurrency: 4,
            overwrite: false,
            progress: false,
        }
    }

    /// Captures these regions instead of every region DescribeRegions lists as enabled.
    pub fn regions<I, S>(mut self, regions: I) -> Capture
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.regions = Some(regions.into_iter().map(Into::into).collect());
        self
    }

    /// Sends every region's calls to this URL (a local endpoint, a proxy) instead of
    /// `https://ec2.<region>.amazonaws.com`; each is still signed for its region.
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Capture {
        self.endpoint_url = Some(url.into());
        self
    }

    /// Signs with these credentials instead of those the AWS CLI would find.
    pub fn credentials(mut self, credentials: Credentials) -> Capture {
        self.credentials = Some(credentials);
        self
    }

    /// Retries throttling and transient failures with this policy instead of the client's.
    pub fn retry(mut self, retry: RetryPolicy) -> Capture {
        self.retry = Some(retry);
        self
    }

    /// The account captured, instead of the one the captured owners show.
    pub fn account_id(mut self, account_id: impl Into<String>) -> Capture {
        self.account_id = Some(account_id.into());
        self
    }

    /// How many calls are in flight at once in a region (at least one).
    pub fn concurrency(mut self, calls: usize) -> Capture {
        self.concurrency = calls.max(1);
        self
    }

    /// Captures into a folder that holds something else (or an earlier capture, begun anew).
    pub fn overwrite(mut self, overwrite: bool) -> Capture {
        self.overwrite = overwrite;
        self
    }

    /// Draws a progress bar per region on standard error, when it is a terminal.
    pub fn progress(mut self, progress: bool) -> Capture {
        self.progress = progress;
        self
    }

    /// A client signing for `region` (or the AWS CLI's region).
    fn client(&self, region: Option<&str>) -> Result<Client, ClientError> {
        let mut builder = Client::builder();
        if let Some(region) = region {
            builder = builder.region(region);
        }
        if let Some(url) = &self.endpoint_url {
            builder = builder.endpoint_url(url.clone());
        }
        if let Some(credentials) = &self.credentials {
            builder = builder.credentials(credentials.clone());
        }
        if let Some(retry) = &self.retry {
            builder = builder.retry(*retry);
        }
        builder.build()
    }

    /// The regions to capture: those asked for, or those DescribeRegions lists as enabled.
    async fn region_names(&self) -> Result<Vec<String>, CaptureError> {
        if let Some(regions) = &self.regions {
            return Ok(regions.clone());
        }
        let client = self.client(None)?;
        let answer = client
            .send::<ec2_ops_catalog::account::DescribeRegions>(&Default::default())
            .await?;
        Ok(answer
            .regions
            .iter()
            .filter_map(|region| region.region_name.clone())
            .collect())
    }

    /// The calls a capture would make, one line each (`eu-west-1 describe-volumes
    /// IncludeManagedResources=true MaxResults=500, every page`; `eu-west-1 describe-instance-attribute for each InstanceId of
    /// describe-instances × Attribute (16 values)`), without making them; only DescribeRegions is called, when no region is
    /// given.
    ///
    /// # Errors
    /// The regions cannot be listed.
    pub async fn dry_run(&self) -> Result<Vec<String>, CaptureError> {
        let regions = self.region_names().await?;
        let planned = calls::planned();
        let dependent = dependent::dependent();
        let mut lines = Vec::new();
        for region in &regions {
            for call in &planned {
                let query = call.query();
                let mut asked: Vec<String> =
                    (!query.is_empty()).then_some(query).into_iter().collect();
                match (call.paged, call.page_size) {
                    (true, Some(size)) => asked.push(format!("MaxResults={size}, every page")),
                    (true, None) => asked.push("every page".to_owned()),
                    (false, _) => {}
                }
                let mut line = format!("{region} {}", call.command());
                if !asked.is_empty() {
                    line = format!("{line} {}", asked.join(" "));
                }
                lines.push(line);
            }
            for call in &dependent {
                lines.push(format!(
                    "{region} {} for each {}",
                    call.command(),
                    call.describe()
                ));
            }
        }
        Ok(lines)
    }

    /// Makes every call not answered yet and writes each answer, then returns what was done.
    ///
    /// # Errors
    /// The folder holds something else, no client can be built, the regions cannot be listed,
    /// or the account cannot be told. Calls that fail are in the summary instead.
    pub async fn run(&self) -> Result<Summary, CaptureError> {
        let started = Instant::now();
        // A search window (a Scheduled Instance's first slot) opens when the capture starts.
        let started_at = DateTime::now();
        let mut manifest = self.begin()?;
        let regions = self.region_names().await?;
        let planned = calls::planned();
        let dependent = dependent::dependent();
        let mut summary = Summary {
            regions: regions.clone(),
            ..Summary::default()
        };
        for (index, region) in regions.iter().enumerate() {
            let client = self.client(Some(region))?;
            let mut waiting: Vec<Call> = planned
                .iter()
                .filter(|call| to_make(&manifest, &mut summary, region, call.action))
                .cloned()
                .collect();
            let second: Vec<&DependentCall> = dependent
                .iter()
                .filter(|call| to_make(&manifest, &mut summary, region, call.action))
                .collect();
            let bar = self.bar(region, waiting.len() + second.len());
            if index == 0 && manifest.account_id.is_none() {
                self.identify(
                    &client,
                    region,
                    &mut waiting,
                    &mut manifest,
                    &mut summary,
                    &bar,
                )
                .await?;
            }
            let answers = futures_util::stream::iter(waiting)
                .map(|call| {
                    let client = &client;
                    async move {
                        let answer = call.fetch(client).await;
                        (call, answer)
                    }
                })
                .buffer_unordered(self.concurrency);
            futures_util::pin_mut!(answers);
            while let Some((call, answer)) = answers.next().await {
                summary.calls += 1;
                self.keep(&mut manifest, &mut summary, region, call.action, answer)?;
                bar.inc(1);
            }
            // The second stage reads the first's files, this run's or an earlier one's, each once.
            let mut sources = BTreeMap::new();
            let account_id = manifest.account_id.clone().unwrap_or_default();
            let scope = Scope {
                account_id: &account_id,
                region,
                started: started_at,
            };
            for call in second {
                self.capture_dependent(
                    &client,
                    &scope,
                    call,
                    &mut sources,
                    &mut manifest,
                    &mut summary,
                )
                .await?;
                bar.inc(1);
            }
            bar.finish();
        }
        summary.account_id = manifest.account_id.clone().unwrap_or_default();
        summary.folder = self.out.join(&summary.account_id);
        summary.elapsed = started.elapsed();
        Ok(summary)
    }

    /// The manifest to go on from: an earlier capture's, or a new one in an empty folder.
    fn begin(&self) -> Result<Manifest, CaptureError> {
        let folder = |error: std::io::Error| {
            CaptureError::Folder(format!("{}: {error}", self.out.display()))
        };
        let earlier = Manifest::read(&self.out).map_err(CaptureError::Folder)?;
        let mut manifest = match earlier {
            Some(manifest) if !self.overwrite => {
                // A run killed while writing a file leaves its partial copy: the call is not in
                // the manifest, so this run makes it again and writes the file whole.
                files::remove_partial(&self.out).map_err(folder)?;
                manifest
            }
            _ => {
                let holds_something = std::fs::read_dir(&self.out)
                    .map(|mut entries| entries.next().is_some())
                    .unwrap_or(false);
                if holds_something && !self.overwrite {
                    return Err(CaptureError::Folder(format!(
                        "{} holds files and no {MANIFEST}: it is not a capture to continue; \
                         choose an empty folder, or overwrite it (--overwrite)",
                        self.out.display()
                    )));
                }
                Manifest::default()
            }
        };
        match (&manifest.account_id, &self.account_id) {
            (Some(begun), Some(asked)) if begun != asked => {
                return Err(CaptureError::Account(format!(
                    "{} is a capture of account {begun}, not {asked}: choose another folder",
                    self.out.display()
                )));
            }
            (None, Some(asked)) => manifest.account_id = Some(asked.clone()),
            _ => {}
        }
        std::fs::create_dir_all(&self.out).map_err(folder)?;
        manifest.write(&self.out).map_err(folder)?;
        Ok(manifest)
    }

    /// Captures the operations whose owners show the account (taking them out of `waiting`),
    /// tells the account from them, and keeps their answers.
    async fn identify(
        &self,
        client: &Client,
        region: &str,
        waiting: &mut Vec<Call>,
        manifest: &mut Manifest,
        summary: &mut Summary,
        bar: &ProgressBar,
    ) -> Result<(), CaptureError> {
        let (showing, rest): (Vec<Call>, Vec<Call>) = std::mem::take(waiting)
            .into_iter()
            .partition(|call| SHOWING_THE_ACCOUNT.contains(&call.action));
        *waiting = rest;
        let answers: Vec<(Call, Result<Value, ClientError>)> = futures_util::stream::iter(showing)
            .map(|call| async move {
                let answer = call.fetch(client).await;
                (call, answer)
            })
            .buffer_unordered(self.concurrency)
            .collect()
            .await;
        let mut seed = Seed::empty();
        for (call, answer) in &answers {
            if let Ok(output) = answer {
                let one = Seed::from_output(call.action, &output.to_string())
                    .map_err(|error| CaptureError::Account(error.to_string()))?;
                seed = seed
                    .merge(one)
                    .map_err(|error| CaptureError::Account(error.to_string()))?;
            }
        }
        let store = Store::new(&seed, DescribeContext::default())
            .map_err(|error| CaptureError::Account(error.to_string()))?;
        let account = store.seeded_account_id().ok_or_else(|| {
            CaptureError::Account(format!(
                "no instance, security group, interface, VPC, subnet, image or snapshot of {region} \
                 shows which account this is: give it (--account-id)"
            ))
        })?;
        manifest.account_id = Some(account.to_owned());
        for (call, answer) in answers {
            summary.calls += 1;
            self.keep(manifest, summary, region, call.action, answer)?;
            bar.inc(1);
        }
        Ok(())
    }

    /// Makes every call of an operation needing values from the region's first stage, then
    /// writes their outputs as one file and records it: the operation is refused when every call
    /// was, and fails (for a rerun to make again) when any call got no answer.
    async fn capture_dependent(
        &self,
        client: &Client,
        scope: &Scope<'_>,
        call: &DependentCall,
        sources: &mut BTreeMap<&'static str, Value>,
        manifest: &mut Manifest,
        summary: &mut Summary,
    ) -> Result<(), CaptureError> {
        let region = scope.region;
        let folder = manifest
            .region_folder(&self.out, region)
            .expect("the account is known before the second stage");
        // Values from a source a rerun is still to capture would leave calls out for good.
        if let Some(missing) = call
            .sources()
            .find(|source| manifest.outcome(region, source).is_none())
        {
            summary.failed.push((
                region.to_owned(),
                call.action,
                format!("needs {missing}'s answer, not captured yet"),
            ));
            return Ok(());
        }
        for source in call.sources() {
            let path = folder.join(format!("{}.json", ec2_ops_catalog::cli_name(source)));
            // A source refused gives no file, no values, and so no calls.
            if sources.contains_key(source) || !path.exists() {
                continue;
            }
            let text = std::fs::read_to_string(&path)
                .map_err(|error| CaptureError::Folder(format!("{}: {error}", path.display())))?;
            let output = serde_json::from_str(&text)
                .map_err(|error| CaptureError::Folder(format!("{}: {error}", path.display())))?;
            sources.insert(source, output);
        }
        // In order, so that the file lists the resources as their source did.
        let queries = call.queries(sources, scope);
        summary.calls += queries.len();
        let answers: Vec<Result<Value, ClientError>> = futures_util::stream::iter(queries)
            .map(|query| call.fetch(client, query))
            .buffered(self.concurrency)
            .collect()
            .await;
        let mut outputs = Vec::new();
        let mut refused: Vec<ClientError> = Vec::new();
        for answer in answers {
            match answer {
                Ok(output) => outputs.push(output),
                Err(error) if refusal(&error).is_some() => refused.push(error),
                Err(error) => {
                    summary
                        .failed
                        .push((region.to_owned(), call.action, error.to_string()));
                    return Ok(());
                }
            }
        }
        if outputs.is_empty() && !refused.is_empty() {
            let error = refused.swap_remove(0);
            return self.keep(manifest, summary, region, call.action, Err(error));
        }
        let mut codes: BTreeMap<String, usize> = BTreeMap::new();
        for error in &refused {
            *codes
                .entry(refusal(error).unwrap_or_default().to_owned())
                .or_default() += 1;
        }
        for (code, calls) in codes {
            summary
                .refused_calls
                .push((region.to_owned(), call.action, code, calls));
        }
        match call.written(outputs) {
            Some(output) => self.keep(manifest, summary, region, call.action, Ok(output)),
            None => {
                // No resource to ask about: nothing to write, and nothing to ask again.
                summary.captured += 1;
                self.record(
                    manifest,
                    region,
                    call.action,
                    Outcome::Captured { items: 0 },
                )
            }
        }
    }

    /// Writes an answer and records it, or records a refusal, or lists a failure.
    fn keep(
        &self,
        manifest: &mut Manifest,
        summary: &mut Summary,
        region: &str,
        action: &'static str,
        answer: Result<Value, ClientError>,
    ) -> Result<(), CaptureError> {
        let outcome = match answer {
            Ok(output) => {
                let folder = manifest
                    .region_folder(&self.out, region)
                    .expect("the account is known before any answer is kept");
                let path = folder.join(format!("{}.json", ec2_ops_catalog::cli_name(action)));
                write_output(&path, &output).map_err(|error| {
                    CaptureError::Folder(format!("{}: {error}", path.display()))
                })?;
                let items = output::listed(action, &output);
                summary.captured += 1;
                summary.items += items;
                Outcome::Captured { items }
            }
            Err(error) => match refusal(&error) {
                Some(code) => {
                    summary
                        .refused
                        .push((region.to_owned(), action, code.to_owned()));
                    Outcome::Refused {
                        code: code.to_owned(),
                        message: error.to_string(),
                    }
                }
                None => {
                    summary
                        .failed
                        .push((region.to_owned(), action, error.to_string()));
                    return Ok(());
                }
            },
        };
        self.record(manifest, region, action, outcome)
    }

    /// Records what `action` came to in `region`, and writes the manifest.
    fn record(
        &self,
        manifest: &mut Manifest,
        region: &str,
        action: &str,
        outcome: Outcome,
    ) -> Result<(), CaptureError> {
        manifest.record(region, action, outcome);
        manifest
            .write(&self.out)
            .map_err(|error| CaptureError::Folder(format!("{}: {error}", self.out.display())))
    }

    fn bar(&self, region: &str, calls: usize) -> ProgressBar {
        if !self.progress {
            return ProgressBar::hidden();
        }
        // Drawn on standard error, and only when it is a terminal (indicatif's default).
        let bar = ProgressBar::new(calls as u64).with_message(region.to_owned());
        bar.set_style(
            ProgressStyle::with_template("{msg:>16} [{bar:40}] {pos}/{len} operations")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        bar
    }
}

/// Whether `action` is still to be made in `region`: not answered by an earlier run (whose
/// answer, or refusal, is counted as done).
fn to_make(manifest: &Manifest, summary: &mut Summary, region: &str, action: &'static str) -> bool {
    match manifest.outcome(region, action) {
        Some(Outcome::Refused { code, .. }) => {
            summary.already_done += 1;
            summary
                .refused
                .push((region.to_owned(), action, code.clone()));
            false
        }
        Some(Outcome::Captured { .. }) => {
            summary.already_done += 1;
            false
        }
        None => true,
    }
}

/// EC2's code when `error` is a refusal, which a rerun would get again; `None` for throttling
/// and transient failures that outlast the retries, which a rerun makes again.
fn refusal(error: &ClientError) -> Option<&str> {
    error.code().filter(|_| !error.is_retryable())
}

/// Writes `output` as the AWS CLI prints JSON: indented by four spaces, a newline at the end.
fn write_output(path: &Path, output: &Value) -> std::io::Result<()> {
    let mut bytes = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, formatter);
    serde::Serialize::serialize(output, &mut serializer).map_err(std::io::Error::other)?;
    bytes.push(b'\n');
    files::write_whole(path, &bytes)
}
