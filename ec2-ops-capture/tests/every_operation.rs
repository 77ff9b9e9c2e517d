//! Every operation of the catalog, with items: two accounts in two regions, each seeded with
//! resources sampled from the model for every one of the catalog's 205 operations (the catalog's
//! own sampler, `ec2-ops-catalog/tests/sample`), captured over HTTP through a server that
//! throttles and drops connections, one account by the `ec2-ops-capture` process killed part way
//! and run again, then replayed by a second endpoint; every operation must answer alike: each
//! planned one as the capture asks and without the switches that widen it, each needing values
//! for every combination the capture made, the settings reads among them.

mod common;
#[path = "../../ec2-ops-catalog/tests/sample/mod.rs"]
mod sample;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use common::Faults;
use ec2_ops::{DateTime, Operation};
use ec2_ops_capture::{
    Capture, MANIFEST, Manifest, Outcome, Scope, Summary, WIDENING, dependent, planned,
};
use ec2_ops_catalog::{CatalogOperation, OperationVisitor, cli_name, list_member};
use ec2_ops_client::{Credentials, RetryPolicy};
use ec2_ops_endpoint::{Endpoint, Seed, Store};
use serde_json::Value;

const ACCOUNTS: [&str; 2] = ["123456789012", "210987654321"];
const REGIONS: [&str; 2] = ["eu-west-1", "us-east-1"];

/// Where an operation lists resources by ID: the ID's Query key, and the prefix a well-formed
/// one starts with.
type IdKey = (&'static str, Option<&'static str>);

/// Each operation's action and its [`IdKey`].
struct Declared(Vec<(&'static str, Option<IdKey>)>);

impl OperationVisitor for Declared {
    fn visit<O: CatalogOperation>(&mut self, _area: &'static str) {
        let spec = <O as Operation>::SPEC;
        let ids = spec
            .ids
            .map(|ids| (ids.parameter, ids.malformed.map(|rule| rule.prefix)));
        self.0.push((spec.action, ids));
    }
}

fn declared() -> Vec<(&'static str, Option<IdKey>)> {
    let mut declared = Declared(Vec::new());
    ec2_ops_catalog::for_each_operation(&mut declared);
    declared.0
}

/// Every `OwnerId` in `value` made `account`'s: an (account, region) holds its own resources.
fn owned_by(value: &mut Value, account: &str) {
    match value {
        Value::Object(members) => {
            for (name, member) in members.iter_mut() {
                if name == "OwnerId" {
                    *member = Value::String(account.to_owned());
                } else {
                    owned_by(member, account);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| owned_by(item, account)),
        _ => {}
    }
}

/// `action`'s output sampled from the model, as EC2 would answer `account`: every member
/// present, each listed resource's ID well formed and unique to the sample (`salt`).
fn output_of(
    action: &str,
    ids: Option<IdKey>,
    account: &str,
    salt: u64,
    started: DateTime,
) -> Value {
    let shape = sample::model()["operations"][action]["output"]["shape"]
        .as_str()
        .unwrap();
    let mut output = sample::Sampler::plain(action, salt).sample(shape);
    owned_by(&mut output, account);
    let Some(member) = list_member(action) else {
        return output;
    };
    let pointer = format!("/{}", member.replace('.', "/"));
    let items = output
        .pointer_mut(&pointer)
        .and_then(Value::as_array_mut)
        .unwrap();
    for (index, item) in items.iter_mut().enumerate() {
        if let Some((key, prefix)) = ids
            && item.get(key).is_some_and(Value::is_string)
        {
            let id = format!("{}{salt:x}{index:04x}", prefix.unwrap_or("id-"));
            item[key] = Value::String(id);
        }
        // Within what a capture asks for: a documented duration, a first slot in the next
        // three months, a Capacity Block to extend.
        match action {
            "DescribeCapacityReservations" => {
                let kind = if index == 0 {
                    "capacity-block"
                } else {
                    "default"
                };
                item["ReservationType"] = kind.into();
            }
            "DescribeCapacityBlockOfferings" => item["CapacityBlockDurationHours"] = 48.into(),
            "DescribeCapacityBlockExtensionOfferings" => {
                item["CapacityBlockExtensionDurationHours"] = 168.into();
            }
            "DescribeScheduledInstanceAvailability" => {
                let soon = started.unix_millis() + (index as i64 + 1) * 86_400_000;
                item["FirstSlotStartTime"] =
                    Value::String(DateTime::from_unix_millis(soon).unwrap().to_string());
            }
            _ => {}
        }
    }
    output
}

/// One (account, region)'s resources: every operation's sample.
fn seed_of(account: &str, salt: u64, started: DateTime) -> Seed {
    let mut seed = Seed::empty();
    for (action, ids) in declared() {
        let output = output_of(action, ids, account, salt, started);
        let one = Seed::from_output(&cli_name(action), &output.to_string())
            .unwrap_or_else(|error| panic!("{action}: {error}\n{output:#}"));
        seed = seed.merge(one).unwrap();
    }
    seed
}

fn out(name: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!(
        "ec2-ops-capture-every-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&path);
    path
}

/// A capture of `account` from `url` into `folder`, quick to retry.
fn capture(url: &str, folder: &Path, account: &str) -> Capture {
    Capture::new(folder)
        .endpoint_url(url)
        .credentials(Credentials::new(account, "secret"))
        .regions(REGIONS)
        .concurrency(4)
        .retry(RetryPolicy {
            max_attempts: 8,
            base: Duration::from_millis(1),
            max_backoff: Duration::from_millis(4),
        })
}

/// Runs `capture` until a run completes (a call meeting a fault on every attempt is made again by
/// the next run); every run's summary.
async fn until_complete(capture: &Capture) -> Vec<Summary> {
    let mut runs = Vec::new();
    while runs.len() < 6 {
        let summary = capture.run().await.unwrap();
        let complete = summary.is_complete();
        runs.push(summary);
        if complete {
            return runs;
        }
    }
    panic!("no run completed: {}", runs.last().unwrap());
}

/// The `ec2-ops-capture` process capturing `account`, killed once its manifest records `calls`
/// operations: what a user's Ctrl-C or a lost machine leaves.
async fn killed_part_way(url: &str, folder: &Path, account: &str, calls: usize) -> usize {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ec2-ops-capture"))
        .arg("--out")
        .arg(folder)
        .arg("--endpoint-url")
        .arg(url)
        .arg("--regions")
        .arg(REGIONS.join(","))
        .env("AWS_ACCESS_KEY_ID", account)
        .env("AWS_SECRET_ACCESS_KEY", "secret")
        .env("AWS_SHARED_CREDENTIALS_FILE", folder.join("no-credentials"))
        .env("AWS_CONFIG_FILE", folder.join("no-config"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let recorded = loop {
        tokio::time::sleep(Duration::from_millis(5)).await;
        let recorded = Manifest::read(folder).ok().flatten().map_or(0, |manifest| {
            manifest.regions.values().map(BTreeMap::len).sum::<usize>()
        });
        if recorded >= calls {
            child.kill().unwrap();
            break recorded;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the capture ended ({status}) before it was killed");
        }
    };
    child.wait().unwrap();
    // What the manifest holds once the process is gone: it may have recorded more since.
    Manifest::read(folder)
        .unwrap()
        .map_or(recorded, |manifest| {
            manifest.regions.values().map(BTreeMap::len).sum()
        })
}

/// The captured outputs of the planned operations in `folder`, by action.
fn captured(folder: &Path) -> BTreeMap<&'static str, Value> {
    planned()
        .iter()
        .filter_map(|call| {
            let path = folder.join(format!("{}.json", call.command()));
            let text = std::fs::read_to_string(path).ok()?;
            Some((call.action, serde_json::from_str(&text).unwrap()))
        })
        .collect()
}

/// Every operation answers the same from `replayed` as from `source`, most of the planned ones
/// with resources; returns how many requests were compared.
fn assert_replays(source: &Store, replayed: &Store, folder: &Path, started: DateTime) -> usize {
    let mut compared = 0;
    let mut empty = Vec::new();
    for call in planned() {
        let query = format!("Action={}&Version=2016-11-15&{}", call.action, call.query());
        if !String::from_utf8_lossy(&source.handle(query.as_bytes()).body).contains("<item>") {
            empty.push(call.action);
        }
        for query in common::asked_both_ways(&call) {
            assert_eq!(
                common::answered_alike(source, replayed, &query),
                200,
                "{query}"
            );
            compared += 1;
        }
    }
    // All but the single answers (settings) and the few whose scope a sample misses
    // (credit specifications of burstable instances, offerings of the region's location type).
    assert!(
        planned().len() - empty.len() > 160,
        "resources answered: {} operations list none ({empty:?})",
        empty.len()
    );
    let outputs = captured(folder);
    let account_id = source.account_id().to_owned();
    let scope = Scope {
        account_id: &account_id,
        region: folder.file_name().unwrap().to_str().unwrap(),
        started,
    };
    for call in dependent() {
        let queries = call.queries(&outputs, &scope);
        assert!(!queries.is_empty(), "{} is asked", call.action);
        for query in queries {
            common::answered_alike(
                source,
                replayed,
                &format!("Action={}&Version=2016-11-15&{query}", call.action),
            );
            compared += 1;
        }
    }
    compared
}

#[test]
fn the_widening_switches_are_every_include_and_all_switch_of_the_model() {
    let model = sample::model();
    let asked_first: Vec<&str> = planned().iter().map(|call| call.action).collect();
    for action in asked_first {
        let input = model["operations"][action]["input"]["shape"].as_str();
        let Some(input) = input else { continue };
        for (member, reference) in sample::shape(input)["members"]
            .as_object()
            .into_iter()
            .flatten()
        {
            let boolean = sample::shape(reference["shape"].as_str().unwrap())["type"] == "boolean";
            if boolean && (member.starts_with("Include") || member.starts_with("All")) {
                assert!(
                    WIDENING.contains(&member.as_str()),
                    "{action}'s {member} widens its answer"
                );
                let call = planned()
                    .into_iter()
                    .find(|call| call.action == action)
                    .unwrap();
                assert!(
                    call.switches.contains(&member.as_str()),
                    "{action} is asked with {member}"
                );
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_operation_of_two_accounts_in_two_regions_replays_as_its_source_answers() {
    let started = DateTime::now();
    let mut builder = Endpoint::builder();
    let mut salt = 0;
    for account in ACCOUNTS {
        for region in REGIONS {
            salt += 1;
            builder = builder.account_seed(account, region, seed_of(account, salt, started));
        }
    }
    let source = Arc::new(builder.build_accounts().unwrap());
    let accounts = source.clone();
    let (url, requests) = common::serve(
        Arc::new(move |account: &str, region: &str| accounts.store(account, region).unwrap()),
        Faults {
            throttle_every: 5,
            drop_every: 13,
            down_after: usize::MAX,
        },
    )
    .await;

    // The first account: the process killed part way, then run again until whole.
    let first = out("killed");
    let per_region = planned().len() + dependent().len();
    let recorded = killed_part_way(&url, &first, ACCOUNTS[0], per_region / 2).await;
    assert!(recorded < per_region * REGIONS.len(), "killed part way");
    let resumed = until_complete(&capture(&url, &first, ACCOUNTS[0])).await;
    assert_eq!(resumed[0].already_done, recorded);
    let made: usize = resumed.iter().map(|summary| summary.captured).sum();
    for run in &resumed {
        eprintln!(
            "{run}\nalready {} refused {:?}",
            run.already_done, run.refused
        );
    }
    assert_eq!(
        recorded + made,
        per_region * REGIONS.len(),
        "each operation written once"
    );
    // The second account in this process, through the same faults.
    let second = out("faulty");
    let runs = until_complete(&capture(&url, &second, ACCOUNTS[1])).await;
    let made: usize = runs.iter().map(|summary| summary.captured).sum();
    assert_eq!(made, per_region * REGIONS.len());
    assert!(
        requests.load(Ordering::SeqCst) > 2 * made,
        "faults were injected"
    );

    for folder in [&first, &second] {
        let manifest = Manifest::read(folder).unwrap().unwrap();
        assert!(
            manifest
                .regions
                .values()
                .flat_map(BTreeMap::values)
                .all(|outcome| matches!(outcome, Outcome::Captured { .. })),
            "nothing refused"
        );
        // No file but the captured ones and the manifest: no partial file left by the kill.
        for file in common::files(folder) {
            let name = file.file_name().unwrap().to_str().unwrap();
            assert!(
                name == MANIFEST || name.ends_with(".json") && !name.starts_with('.'),
                "{}",
                file.display()
            );
        }
    }

    let replay = Endpoint::builder()
        .seed_dir(&first)
        .seed_dir(&second)
        .build_accounts()
        .unwrap();
    let mut compared = 0;
    for (account, folder) in ACCOUNTS.iter().zip([&first, &second]) {
        for region in REGIONS {
            let expected = source.store(account, region).unwrap();
            let answered = replay.store(account, region).unwrap();
            let region_folder = folder.join(account).join(region);
            compared += assert_replays(&expected, &answered, &region_folder, started);
        }
    }
    assert!(compared > 4 * 2 * planned().len(), "{compared} requests");
    std::fs::remove_dir_all(&first).unwrap();
    std::fs::remove_dir_all(&second).unwrap();
}
