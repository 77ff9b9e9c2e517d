//! A bounded load test of the endpoint's binary, on loopback: it seeds an endpoint process with N
//! volumes, runs C concurrent clients through a fixed number of requests (a mix of valid lookups,
//! filtered and paged walks, and hostile requests), checks every answer against the seed, and
//! samples the endpoint's resident memory before, during and after.
//!
//! ```text
//! cargo build -p ec2-ops-endpoint --bins --example load
//! target/debug/examples/load [--endpoint PATH] [--clients C] [--requests R] [--volumes N]
//!     [--resources N] [--time-limit S] [--max-rss-growth MIB]
//! ```
//!
//! With `--resources N` it serves a whole account instead, the scale test: a seed folder of N
//! resources as the AWS CLI prints them (a quarter each instances in reservations of two, volumes,
//! snapshots, and an eighth each subnets and security groups, all tagged, half the volumes
//! attached to the instances), written to a temporary folder. It reports the folder's size, the
//! time `serde_json` takes to read its files into `serde_json::Value` on two threads (the
//! baseline, measured in the same run), the endpoint's start-up (from its start to its address
//! line) and its resident memory against the JSON's size; the mix becomes lookups by ID of
//! volumes and instances, a filtered page of volumes, a page of DescribeTags for one resource
//! (a derived view), and the hostile requests, each answer checked.
//!
//! Exits 1 when any answer is not the one the request deserved (a 5xx, a wrong status or code, a
//! walk that misses or repeats a volume), when the time limit passes, when resident memory after
//! the load has grown more than `--max-rss-growth` MiB over its level after a warm-up round (a
//! tenth of the requests), or when the endpoint does not drain and exit 0 on SIGTERM. The numbers
//! in `docs/bad-input.md` come from this program.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use ec2_ops::operations::volumes::DescribeVolumes;
use ec2_ops::wire::xml::parse_error;
use ec2_ops::{DescribeOperation, Ec2Response};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;

type VolumesResponse = <DescribeVolumes as DescribeOperation>::Response;

struct Options {
    endpoint: PathBuf,
    clients: usize,
    requests: usize,
    volumes: usize,
    /// The scale test's account size; 0 for the volumes-only test.
    resources: usize,
    time_limit: Duration,
    max_rss_growth_mib: u64,
}

fn options() -> Options {
    use clap::{Arg, Command, value_parser};
    let matches = Command::new("load")
        .about("A bounded load test of the ec2-ops-endpoint binary on loopback")
        .arg(
            Arg::new("endpoint")
                .long("endpoint")
                .value_name("PATH")
                .value_parser(value_parser!(PathBuf))
                .help("the endpoint binary; default: `ec2-ops-endpoint` in the folder above this program's"),
        )
        .arg(count_arg(
            "clients",
            "32",
            "concurrent clients, each on its own connection",
        ))
        .arg(count_arg(
            "requests",
            "20000",
            "requests in all (a walk counts each page)",
        ))
        .arg(count_arg("volumes", "2000", "volumes in the seed"))
        .arg(
            clap::Arg::new("resources")
                .long("resources")
                .value_name("N")
                .value_parser(clap::value_parser!(u64).range(8..=10_000_000))
                .help("serve a whole account of N resources from a seed folder instead (the scale test)"),
        )
        .arg(count_arg(
            "time-limit",
            "300",
            "seconds before the run is called failed",
        ))
        .arg(count_arg(
            "max-rss-growth",
            "64",
            "MiB the endpoint's resident memory may grow from before the load to after it",
        ))
        .get_matches();
    let count = |name: &str| {
        usize::try_from(*matches.get_one::<u64>(name).expect("defaulted")).expect("small")
    };
    let endpoint = matches
        .get_one::<PathBuf>("endpoint")
        .cloned()
        .unwrap_or_else(|| {
            // Examples build into `target/PROFILE/examples/`, binaries into `target/PROFILE/`.
            let exe = std::env::current_exe().expect("this program's path");
            exe.parent()
                .and_then(|examples| examples.parent())
                .map_or_else(
                    || exe.with_file_name("ec2-ops-endpoint"),
                    |profile| profile.join("ec2-ops-endpoint"),
                )
        });
    Options {
        endpoint,
        clients: count("clients"),
        requests: count("requests"),
        volumes: count("volumes"),
        resources: matches
            .get_one::<u64>("resources")
            .map_or(0, |n| usize::try_from(*n).expect("small")),
        time_limit: Duration::from_secs(count("time-limit") as u64),
        max_rss_growth_mib: count("max-rss-growth") as u64,
    }
}

fn count_arg(name: &'static str, default: &'static str, help: &'static str) -> clap::Arg {
    clap::Arg::new(name)
        .long(name)
        .value_name("N")
        .default_value(default)
        .value_parser(clap::value_parser!(u64).range(1..=10_000_000))
        .help(help)
}

/// The seed's volumes: IDs in order, every third tagged `team=red`; and the scale test's
/// instances (none in the volumes-only test).
struct Inventory {
    ids: Vec<String>,
    red: BTreeSet<String>,
    instances: Vec<String>,
}

fn inventory(volumes: usize) -> Inventory {
    let ids: Vec<String> = (0..volumes).map(|n| format!("vol-{n:017x}")).collect();
    let red = ids.iter().step_by(3).cloned().collect();
    Inventory {
        ids,
        red,
        instances: Vec::new(),
    }
}

/// Writes the scale test's account of `resources` into `folder` as the AWS CLI prints its outputs
/// (indented by four spaces), one file per operation; what it holds, the files' total size in
/// bytes, and the size of the same outputs as compact JSON (no whitespace).
fn write_account(folder: &std::path::Path, resources: usize) -> (Inventory, u64, u64) {
    use std::io::Write;
    let quarter = resources / 4;
    let eighth = resources / 8;
    let mut inventory = inventory(quarter);
    inventory.instances = (0..quarter).map(|n| format!("i-{n:017x}")).collect();
    let mut bytes = 0;
    let mut compact_bytes = 0;
    let mut write = |command: &str, member: &str, count: usize, item: &dyn Fn(usize) -> String| {
        let mut text = format!("{{\"{member}\": [");
        for n in 0..count {
            if n > 0 {
                text.push(',');
            }
            text.push_str(&item(n));
        }
        text.push_str("]}");
        let output: serde_json::Value = serde_json::from_str(&text).expect("the generated JSON");
        drop(text);
        compact_bytes += serde_json::to_vec(&output).expect("JSON").len() as u64;
        let path = folder.join(format!("{command}.json"));
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("a seed file"));
        let mut printer = serde_json::Serializer::with_formatter(
            &mut file,
            serde_json::ser::PrettyFormatter::with_indent(b"    "),
        );
        serde::Serialize::serialize(&output, &mut printer).expect("writing the seed");
        file.write_all(b"\n").expect("writing the seed");
        file.flush().expect("writing the seed");
        drop(file);
        bytes += std::fs::metadata(&path).expect("a written file").len();
    };
    let zone = |n: usize| ["us-east-1a", "us-east-1b", "us-east-1c"][n % 3];
    let tags = |n: usize, name: &str| {
        let team = if n.is_multiple_of(3) { "red" } else { "blue" };
        format!(
            r#"[{{"Key": "Name", "Value": "{name} {n}"}}, {{"Key": "team", "Value": "{team}"}}]"#
        )
    };
    write(
        "describe-instances",
        "Reservations",
        quarter.div_ceil(2),
        &|r| {
            let instances: Vec<String> = (r * 2..(r * 2 + 2).min(quarter))
            .map(|n| {
                let attached = if n.is_multiple_of(2) {
                    format!(
                        r#", {{"DeviceName": "/dev/sdf", "Ebs": {{"VolumeId": "vol-{n:017x}", "Status": "attached", "AttachTime": "2025-01-10T00:15:20.000Z", "DeleteOnTermination": false}}}}"#
                    )
                } else {
                    String::new()
                };
                format!(
                    r#"{{"InstanceId": "i-{n:017x}", "ImageId": "ami-0abcdef1234567890", "InstanceType": "{}", "State": {{"Code": 16, "Name": "running"}},
"PrivateIpAddress": "10.{}.{}.{}", "SubnetId": "subnet-{:017x}", "VpcId": "vpc-{:017x}", "LaunchTime": "2025-01-10T00:15:20.000Z", "Placement": {{"AvailabilityZone": "{}", "Tenancy": "default"}},
"SecurityGroups": [{{"GroupId": "sg-{:017x}", "GroupName": "group {}"}}], "Tags": {},
"BlockDeviceMappings": [{{"DeviceName": "/dev/xvda", "Ebs": {{"VolumeId": "vol-root{n:013x}", "Status": "attached", "AttachTime": "2025-01-10T00:15:20.000Z", "DeleteOnTermination": true}}}}{attached}]}}"#,
                    ["t3.micro", "m5.large", "c6g.xlarge"][n % 3],
                    n % 250, (n / 250) % 250, n % 200 + 10,
                    n % eighth.max(1), n % 7,
                    zone(n),
                    n % eighth.max(1), n % eighth.max(1),
                    tags(n, "server"),
                )
            })
            .collect();
            format!(
                r#"{{"ReservationId": "r-{r:017x}", "OwnerId": "123456789012", "Groups": [], "Instances": [{}]}}"#,
                instances.join(", ")
            )
        },
    );
    write("describe-volumes", "Volumes", quarter, &|n| {
        let state = if n.is_multiple_of(2) {
            "in-use"
        } else {
            "available"
        };
        format!(
            r#"{{"VolumeId": "vol-{n:017x}", "Size": {}, "State": "{state}", "VolumeType": "gp3", "Iops": 3000, "Throughput": 125, "AvailabilityZone": "{}", "CreateTime": "2025-01-10T00:15:20.000Z", "Encrypted": {}, "MultiAttachEnabled": false, "Tags": {}}}"#,
            8 + n % 500,
            zone(n),
            n.is_multiple_of(2),
            tags(n, "disk"),
        )
    });
    write("describe-snapshots", "Snapshots", quarter, &|n| {
        format!(
            r#"{{"SnapshotId": "snap-{n:017x}", "VolumeId": "vol-{n:017x}", "State": "completed", "StartTime": "2025-01-11T00:15:20.000Z", "Progress": "100%", "OwnerId": "123456789012", "VolumeSize": {}, "Encrypted": false, "StorageTier": "standard", "Description": "backup of vol-{n:017x}", "Tags": {}}}"#,
            8 + n % 500,
            tags(n, "backup"),
        )
    });
    write("describe-subnets", "Subnets", eighth, &|n| {
        format!(
            r#"{{"SubnetId": "subnet-{n:017x}", "VpcId": "vpc-{:017x}", "CidrBlock": "10.{}.{}.0/24", "AvailabilityZone": "{}", "AvailableIpAddressCount": 250, "State": "available", "DefaultForAz": false, "MapPublicIpOnLaunch": false, "OwnerId": "123456789012", "Tags": {}}}"#,
            n % 7,
            n % 250,
            (n / 250) % 250,
            zone(n),
            tags(n, "subnet"),
        )
    });
    write("describe-security-groups", "SecurityGroups", eighth, &|n| {
        format!(
            r#"{{"GroupId": "sg-{n:017x}", "GroupName": "group {n}", "Description": "group {n}", "VpcId": "vpc-{:017x}", "OwnerId": "123456789012",
"IpPermissions": [{{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{{"CidrIp": "0.0.0.0/0", "Description": "https"}}]}}, {{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{{"CidrIp": "10.0.0.0/8"}}]}}],
"IpPermissionsEgress": [{{"IpProtocol": "-1", "IpRanges": [{{"CidrIp": "0.0.0.0/0"}}]}}], "Tags": {}}}"#,
            n % 7,
            tags(n, "group"),
        )
    });
    (inventory, bytes, compact_bytes)
}

/// The baseline: the folder's files read into `serde_json::Value` on two threads, as the
/// endpoint reads its seed on this machine's two cores; the time it took.
fn parse_baseline(folder: &std::path::Path) -> Duration {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("the seed folder")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    files.sort();
    let next = AtomicUsize::new(0);
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                while let Some(path) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let text = std::fs::read(path).expect("a seed file");
                    let value: serde_json::Value = serde_json::from_slice(&text).expect("JSON");
                    std::hint::black_box(value);
                }
            });
        }
    });
    started.elapsed()
}

fn seed_json(inventory: &Inventory) -> String {
    let volumes: Vec<serde_json::Value> = inventory
        .ids
        .iter()
        .enumerate()
        .map(|(n, id)| {
            let team = if inventory.red.contains(id) { "red" } else { "blue" };
            let state = ["available", "in-use", "creating"][n % 3];
            serde_json::json!({
                "VolumeId": id,
                "Size": 8 + n % 500,
                "State": state,
                "VolumeType": "gp3",
                "AvailabilityZone": "us-east-1a",
                "CreateTime": "2025-01-10T00:15:20.000Z",
                "Encrypted": n.is_multiple_of(2),
                "Tags": [{"Key": "team", "Value": team}, {"Key": "Name", "Value": format!("disk {n}")}],
            })
        })
        .collect();
    serde_json::json!({ "Volumes": volumes }).to_string()
}

/// The endpoint process. [`Endpoint::stop`] drains it with SIGTERM; dropped without that (a panic),
/// it is killed, so no run leaves one behind.
struct Endpoint {
    child: Child,
    address: String,
    stopped: bool,
}

impl Endpoint {
    /// Starts the binary with `seed` (`--seed FILE` or `--seed-dir DIR`); the endpoint, once it
    /// prints its address, and the time that took.
    fn start(
        binary: &PathBuf,
        seed: [&std::ffi::OsStr; 2],
        clients: usize,
    ) -> (Endpoint, Duration) {
        let started = Instant::now();
        let mut child = Command::new(binary)
            .args(["--port", "0", "--log-level", "warn"])
            .args(seed)
            .args(["--max-connections", &(clients * 2).to_string()])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start {}: {error}", binary.display()));
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped"))
            .read_line(&mut line)
            .expect("the endpoint prints its address");
        let address = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_owned();
        let endpoint = Endpoint {
            child,
            address,
            stopped: false,
        };
        (endpoint, started.elapsed())
    }

    /// SIGTERM, then the exit code of its drain; `None` if it did not exit within `within` (it is
    /// then killed).
    fn stop(mut self, within: Duration) -> Option<i32> {
        self.stopped = true;
        let terminated = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .is_ok_and(|status| status.success());
        let deadline = Instant::now() + within;
        while terminated && Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        None
    }
}

impl Drop for Endpoint {
    fn drop(&mut self) {
        if !self.stopped {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A process's resident memory in KiB, from `/proc` (Linux).
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}

/// One kind of request in the mix, in the order they rotate.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Lookup,
    FilteredWalk,
    PagedWalk,
    Hostile,
    /// The scale test's: an instance by ID.
    InstanceLookup,
    /// The scale test's: the first page of a filtered DescribeVolumes.
    FilteredPage,
    /// The scale test's: a page of DescribeTags, a view derived from every tagged resource.
    TagsPage,
}

/// The scale test's mix: whole walks of a million resources would be one request of many
/// thousand pages, so its pages are single ones.
const SCALE_MIX: [Kind; 8] = [
    Kind::Lookup,
    Kind::InstanceLookup,
    Kind::FilteredPage,
    Kind::Lookup,
    Kind::TagsPage,
    Kind::InstanceLookup,
    Kind::Hostile,
    Kind::FilteredPage,
];

const MIX: [Kind; 8] = [
    Kind::Lookup,
    Kind::Lookup,
    Kind::Lookup,
    Kind::FilteredWalk,
    Kind::Lookup,
    Kind::PagedWalk,
    Kind::Hostile,
    Kind::Hostile,
];

/// Hostile bodies and the status and code each deserves.
const HOSTILE: [(&str, u16, &str); 6] = [
    (
        "Action=DescribeVolumes&Version=2016-11-15&MaxResults=5&NextToken=AQforged",
        400,
        "InvalidParameterValue",
    ),
    (
        "Action=DescribeUnicorns&Version=2016-11-15",
        400,
        "InvalidAction",
    ),
    (
        "Action=DescribeVolumes&Version=2016-11-15&Filter.1.Name=volume-id&Filter.1.Value.1=%zz",
        400,
        "InvalidQueryParameter",
    ),
    (
        "Action=DescribeVolumes&Version=2016-11-15&MaxResults=abc",
        400,
        "InvalidParameterValue",
    ),
    (
        "Action=DescribeVolumes&Version=2016-11-15&Colour=blue",
        400,
        "UnknownParameter",
    ),
    (
        "Action=DescribeVolumes&Version=2016-11-15&DryRun=true",
        412,
        "DryRunOperation",
    ),
];

struct Client {
    sender: SendRequest<Full<Bytes>>,
    latencies_us: Vec<u32>,
}

impl Client {
    async fn connect(address: &str) -> Result<Client, String> {
        let stream = tokio::net::TcpStream::connect(address)
            .await
            .map_err(|error| format!("cannot connect: {error}"))?;
        let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|error| format!("no HTTP/1.1 connection: {error}"))?;
        tokio::spawn(connection);
        Ok(Client {
            sender,
            latencies_us: Vec::new(),
        })
    }

    /// Sends one form body; the status and body.
    async fn post(&mut self, body: String) -> Result<(u16, Bytes), String> {
        let request = hyper::Request::post("/")
            .header("host", "127.0.0.1")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Full::new(Bytes::from(body)))
            .expect("a valid request");
        let started = Instant::now();
        self.sender
            .ready()
            .await
            .map_err(|error| format!("connection lost: {error}"))?;
        let response = self
            .sender
            .send_request(request)
            .await
            .map_err(|error| format!("request failed: {error}"))?;
        let status = response.status().as_u16();
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(|error| format!("body failed: {error}"))?
            .to_bytes();
        self.latencies_us
            .push(u32::try_from(started.elapsed().as_micros()).unwrap_or(u32::MAX));
        Ok((status, body))
    }

    /// Walks DescribeVolumes to the end; the IDs in page order and the number of requests.
    async fn walk(&mut self, params: &str) -> Result<(Vec<String>, usize), String> {
        let mut ids = Vec::new();
        let mut token: Option<String> = None;
        let mut pages = 0;
        loop {
            let mut body = format!("Action=DescribeVolumes&Version=2016-11-15{params}");
            if let Some(token) = &token {
                body.push_str("&NextToken=");
                body.push_str(token);
            }
            let (status, bytes) = self.post(body).await?;
            pages += 1;
            if status != 200 {
                return Err(format!(
                    "a page got {status}: {}",
                    String::from_utf8_lossy(&bytes)
                ));
            }
            let page = VolumesResponse::from_xml(&bytes).map_err(|error| error.to_string())?;
            ids.extend(
                page.volumes
                    .into_iter()
                    .filter_map(|volume| volume.volume_id),
            );
            match page.next_token {
                Some(next) => token = Some(next),
                None => return Ok((ids, pages)),
            }
        }
    }
}

/// Checks that a walk listed exactly `expected`, each once.
fn exactly_once(ids: &[String], expected: &BTreeSet<String>) -> Result<(), String> {
    let seen: BTreeSet<&String> = ids.iter().collect();
    if seen.len() != ids.len() {
        return Err("a walk listed a volume twice".into());
    }
    if seen.len() != expected.len() || !expected.iter().all(|id| seen.contains(id)) {
        return Err(format!(
            "a walk listed {} volumes, not the {} expected",
            seen.len(),
            expected.len()
        ));
    }
    Ok(())
}

/// Runs one request of `kind` (a walk runs all its pages); how many requests it took.
async fn run_one(
    client: &mut Client,
    kind: Kind,
    n: usize,
    inventory: &Inventory,
    all: &BTreeSet<String>,
) -> Result<usize, String> {
    match kind {
        Kind::Lookup => {
            let id = &inventory.ids[(n * 7919) % inventory.ids.len()];
            let (status, bytes) = client
                .post(format!(
                    "Action=DescribeVolumes&Version=2016-11-15&VolumeId.1={id}"
                ))
                .await?;
            if status != 200 {
                return Err(format!(
                    "a lookup of {id} got {status}: {}",
                    String::from_utf8_lossy(&bytes)
                ));
            }
            let page = VolumesResponse::from_xml(&bytes).map_err(|error| error.to_string())?;
            let listed: Vec<_> = page
                .volumes
                .iter()
                .filter_map(|v| v.volume_id.as_deref())
                .collect();
            if listed != [id.as_str()] {
                return Err(format!("a lookup of {id} listed {listed:?}"));
            }
            Ok(1)
        }
        Kind::FilteredWalk => {
            let (ids, pages) = client
                .walk("&MaxResults=500&Filter.1.Name=tag:team&Filter.1.Value.1=red")
                .await?;
            exactly_once(&ids, &inventory.red)?;
            Ok(pages)
        }
        Kind::PagedWalk => {
            let (ids, pages) = client.walk("&MaxResults=200").await?;
            exactly_once(&ids, all)?;
            Ok(pages)
        }
        Kind::InstanceLookup => {
            let id = &inventory.instances[(n * 7919) % inventory.instances.len()];
            let (status, bytes) = client
                .post(format!(
                    "Action=DescribeInstances&Version=2016-11-15&InstanceId.1={id}"
                ))
                .await?;
            let body = String::from_utf8_lossy(&bytes);
            if status != 200
                || body.matches("<instanceId>").count() != 1
                || !body.contains(&format!("<instanceId>{id}</instanceId>"))
            {
                return Err(format!("a lookup of {id} got {status}: {body}"));
            }
            Ok(1)
        }
        Kind::FilteredPage => {
            let (status, bytes) = client
                .post("Action=DescribeVolumes&Version=2016-11-15&MaxResults=1000&Filter.1.Name=tag:team&Filter.1.Value.1=red".to_owned())
                .await?;
            if status != 200 {
                return Err(format!(
                    "a filtered page got {status}: {}",
                    String::from_utf8_lossy(&bytes)
                ));
            }
            let page = VolumesResponse::from_xml(&bytes).map_err(|error| error.to_string())?;
            let ids: Vec<String> = page
                .volumes
                .into_iter()
                .filter_map(|volume| volume.volume_id)
                .collect();
            if ids.is_empty()
                || ids.len() > 1000
                || !ids.iter().all(|id| inventory.red.contains(id))
            {
                return Err(format!(
                    "a filtered page listed {} volumes, not only red ones",
                    ids.len()
                ));
            }
            Ok(1)
        }
        Kind::TagsPage => {
            let (status, bytes) = client
                .post("Action=DescribeTags&Version=2016-11-15&MaxResults=1000".to_owned())
                .await?;
            let body = String::from_utf8_lossy(&bytes);
            if status != 200 || body.matches("<resourceId>").count() != 1000 {
                return Err(format!(
                    "a page of tags got {status} with {} tags",
                    body.matches("<resourceId>").count()
                ));
            }
            Ok(1)
        }
        Kind::Hostile => {
            let (body, expected_status, expected_code) = HOSTILE[n % HOSTILE.len()];
            let (status, bytes) = client.post(body.to_owned()).await?;
            let code = parse_error(&bytes, status)
                .map(|error| error.error.code().to_owned())
                .unwrap_or_default();
            if status != expected_status || code != expected_code {
                return Err(format!(
                    "{body} got {status} {code}, not {expected_status} {expected_code}"
                ));
            }
            Ok(1)
        }
    }
}

fn percentile(sorted: &[u32], fraction: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at = ((sorted.len() - 1) as f64 * fraction).round() as usize;
    f64::from(sorted[at]) / 1000.0
}

/// Runs `clients` clients until `budget` requests are done, each rotating through [`MIX`]; the
/// latencies of all their requests, or the first problem (the other clients are then stopped).
async fn run_clients(
    address: &str,
    clients: usize,
    budget: usize,
    inventory: &Arc<Inventory>,
) -> Result<Vec<u32>, String> {
    let all: Arc<BTreeSet<String>> = Arc::new(inventory.ids.iter().cloned().collect());
    let done = Arc::new(AtomicUsize::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for client_number in 0..clients {
        let address = address.to_owned();
        let (inventory, all, done) = (Arc::clone(inventory), Arc::clone(&all), Arc::clone(&done));
        tasks.spawn(async move {
            let mut client = Client::connect(&address).await?;
            let mut round = 0;
            while done.load(Ordering::Relaxed) < budget {
                // Each client starts at its own place in the mix and moves one step a round, so
                // every connection alternates valid, walking and hostile requests.
                let mix = if inventory.instances.is_empty() {
                    MIX
                } else {
                    SCALE_MIX
                };
                let kind = mix[(client_number + round) % mix.len()];
                let n = round * clients + client_number;
                let used = run_one(&mut client, kind, n, &inventory, &all).await?;
                done.fetch_add(used, Ordering::Relaxed);
                round += 1;
            }
            Ok::<Vec<u32>, String>(client.latencies_us)
        });
    }
    let mut latencies = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        match joined
            .map_err(|error| error.to_string())
            .and_then(|result| result)
        {
            Ok(client_latencies) => latencies.extend(client_latencies),
            Err(problem) => {
                tasks.abort_all();
                return Err(problem);
            }
        }
    }
    Ok(latencies)
}

fn fail(problem: &str) -> ! {
    eprintln!("load FAILED: {problem}");
    std::process::exit(1);
}

fn main() {
    let options = options();
    let folder = std::env::temp_dir().join(format!("ec2-ops-load-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("a temporary folder");
    let (inventory, endpoint) = if options.resources > 0 {
        let (inventory, bytes, compact_bytes) = write_account(&folder, options.resources);
        let baseline = parse_baseline(&folder);
        let (endpoint, startup) = Endpoint::start(
            &options.endpoint,
            ["--seed-dir".as_ref(), folder.as_os_str()],
            options.clients,
        );
        let rss = rss_kib(endpoint.child.id()).unwrap_or(0) * 1024;
        println!(
            "{} resources, {:.1} MiB of JSON as the AWS CLI prints it ({:.1} MiB compact): serde_json::Value reads it in {:.2} s on two threads; the endpoint starts in {:.2} s ({:.2}x) and holds {:.1} MiB resident ({:.2}x the JSON, {:.2}x compact)",
            options.resources,
            bytes as f64 / 1048576.0,
            compact_bytes as f64 / 1048576.0,
            baseline.as_secs_f64(),
            startup.as_secs_f64(),
            startup.as_secs_f64() / baseline.as_secs_f64(),
            rss as f64 / 1048576.0,
            rss as f64 / bytes as f64,
            rss as f64 / compact_bytes as f64,
        );
        (inventory, endpoint)
    } else {
        let inventory = inventory(options.volumes);
        let seed = folder.join("seed.json");
        std::fs::write(&seed, seed_json(&inventory)).expect("the seed file");
        let (endpoint, _) = Endpoint::start(
            &options.endpoint,
            ["--seed".as_ref(), seed.as_os_str()],
            options.clients,
        );
        (inventory, endpoint)
    };
    let inventory = Arc::new(inventory);
    let _ = std::fs::remove_dir_all(&folder);
    let pid = endpoint.child.id();
    let rss = |when: &str| {
        rss_kib(pid).unwrap_or_else(|| fail(&format!("cannot read the endpoint's memory {when}")))
    };
    let rss_idle = rss("before the load");

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let peak_kib = Arc::new(AtomicU64::new(rss_idle));
    let sampler = {
        let peak_kib = Arc::clone(&peak_kib);
        runtime.spawn(async move {
            loop {
                if let Some(rss) = rss_kib(pid) {
                    peak_kib.fetch_max(rss, Ordering::Relaxed);
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        })
    };
    // A warm-up round first: the allocator keeps what the first connections and buffers took, and
    // growth is measured from there.
    let warm_up = (options.requests / 10).max(options.clients);
    let bounded = |budget| {
        let address = endpoint.address.clone();
        let inventory = Arc::clone(&inventory);
        runtime.block_on(async move {
            tokio::time::timeout(
                options.time_limit,
                run_clients(&address, options.clients, budget, &inventory),
            )
            .await
            .unwrap_or_else(|_| {
                Err(format!(
                    "the load did not finish within {:?}",
                    options.time_limit
                ))
            })
        })
    };
    if let Err(problem) = bounded(warm_up) {
        fail(&problem);
    }
    let rss_warm = rss("after the warm-up");
    let started = Instant::now();
    let mut latencies = bounded(options.requests).unwrap_or_else(|problem| fail(&problem));
    let elapsed = started.elapsed();
    sampler.abort();
    std::thread::sleep(Duration::from_millis(500));
    let rss_after = rss("after the load");
    let exit = endpoint.stop(Duration::from_secs(60));

    latencies.sort_unstable();
    let requests = latencies.len();
    let mib = |kib: u64| kib as f64 / 1024.0;
    println!(
        "{} clients, {} volumes{}: {requests} requests in {:.2} s = {:.0} requests/s; latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        options.clients,
        inventory.ids.len(),
        if options.resources > 0 {
            format!(" of {} resources", options.resources)
        } else {
            String::new()
        },
        elapsed.as_secs_f64(),
        requests as f64 / elapsed.as_secs_f64(),
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        percentile(&latencies, 1.0),
    );
    println!(
        "endpoint resident memory: {:.1} MiB idle, {:.1} MiB after the warm-up, {:.1} MiB peak, {:.1} MiB after",
        mib(rss_idle),
        mib(rss_warm),
        mib(peak_kib.load(Ordering::Relaxed)),
        mib(rss_after)
    );
    let growth_mib = rss_after.saturating_sub(rss_warm) / 1024;
    if growth_mib > options.max_rss_growth_mib {
        fail(&format!(
            "resident memory grew {growth_mib} MiB after the warm-up, over the {} MiB bound",
            options.max_rss_growth_mib
        ));
    }
    if exit != Some(0) {
        fail(&format!(
            "the endpoint did not drain cleanly (exit {exit:?})"
        ));
    }
    println!(
        "every answer was the one its request deserved, every walk listed each volume once, and the endpoint drained with exit code 0"
    );
}
