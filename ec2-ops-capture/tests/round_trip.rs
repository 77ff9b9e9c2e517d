//! A capture replays as its source answered: an endpoint seeded with an account is captured over
//! HTTP, a second endpoint replays the capture, and every planned operation answers the same in
//! both; also when the calls are throttled and connections dropped, and when a capture is cut off
//! and run again.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use common::Faults;
use ec2_ops_capture::{Capture, MANIFEST, Manifest, Outcome, dependent, planned};
use ec2_ops_client::{Credentials, RetryPolicy};
use ec2_ops_endpoint::{Endpoint, Seed, Store};

const ACCOUNT: &str = "123456789012";
const REGIONS: [&str; 2] = ["eu-west-1", "us-east-1"];

/// The account captured: the endpoint's sample (instances, volumes, snapshots, tasks, key pairs,
/// tags) and the network around it, owned by [`ACCOUNT`].
fn account() -> Seed {
    let mut seed = Seed::sample();
    for (command, output) in [
        (
            "describe-vpcs",
            r#"{"Vpcs": [{"VpcId": "vpc-1", "OwnerId": "123456789012", "CidrBlock": "10.0.0.0/16", "IsDefault": true, "State": "available"}]}"#,
        ),
        (
            "describe-subnets",
            r#"{"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "OwnerId": "123456789012", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "eu-west-1a"},
                            {"SubnetId": "subnet-2", "VpcId": "vpc-1", "OwnerId": "123456789012", "CidrBlock": "10.0.2.0/24", "AvailabilityZone": "eu-west-1b"}]}"#,
        ),
        (
            "describe-security-groups",
            r#"{"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "default", "VpcId": "vpc-1", "OwnerId": "123456789012",
                "Description": "default VPC security group",
                "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}]}]}"#,
        ),
        (
            "describe-images",
            r#"{"Images": [{"ImageId": "ami-1", "OwnerId": "123456789012", "Name": "golden", "Public": false, "State": "available"},
                           {"ImageId": "ami-2", "OwnerId": "137112412989", "ImageOwnerAlias": "amazon", "Name": "al2023", "Public": true, "State": "available"}]}"#,
        ),
        (
            "describe-network-interfaces",
            r#"{"NetworkInterfaces": [{"NetworkInterfaceId": "eni-seeded-1", "OwnerId": "123456789012", "VpcId": "vpc-1", "SubnetId": "subnet-1",
                "Description": "a load balancer's", "SourceDestCheck": true, "Status": "in-use", "InterfaceType": "interface"}]}"#,
        ),
        (
            "describe-internet-gateways",
            r#"{"InternetGateways": [{"InternetGatewayId": "igw-1", "OwnerId": "123456789012", "Attachments": [{"VpcId": "vpc-1", "State": "available"}]}]}"#,
        ),
        (
            "describe-fleets",
            r#"{"Fleets": [{"FleetId": "fleet-1", "CreateTime": "2025-01-01T00:00:00.000Z", "FleetState": "active"}]}"#,
        ),
        (
            "describe-fleet-history",
            r#"[{"FleetId": "fleet-1", "StartTime": "2025-01-01T00:00:00.000Z", "HistoryRecords": [
                {"EventType": "fleetChange", "Timestamp": "2025-01-01T00:00:01.000Z", "EventInformation": {"EventSubType": "submitted"}},
                {"EventType": "fleetChange", "Timestamp": "2025-01-01T00:00:02.000Z", "EventInformation": {"EventSubType": "active"}}]}]"#,
        ),
        (
            "describe-spot-fleet-requests",
            r#"{"SpotFleetRequestConfigs": [{"SpotFleetRequestId": "sfr-1", "CreateTime": "2025-02-01T00:00:00.000Z", "SpotFleetRequestState": "active"}]}"#,
        ),
        (
            "describe-spot-fleet-request-history",
            r#"[{"SpotFleetRequestId": "sfr-1", "StartTime": "2025-02-01T00:00:00.000Z", "HistoryRecords": [
                {"EventType": "fleetRequestChange", "Timestamp": "2025-02-01T00:00:05.000Z", "EventInformation": {"EventSubType": "submitted"}}]}]"#,
        ),
    ] {
        seed = seed
            .merge(Seed::from_output(command, output).unwrap())
            .unwrap();
    }
    seed
}

/// The operations a capture makes in each region: those asking nothing, then those asking for
/// values the first answered.
fn per_region() -> usize {
    planned().len() + dependent().len()
}

fn out(name: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("ec2-ops-capture-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&path);
    path
}

/// A capture of `url` into `out`, quick to retry.
fn capture(url: &str, out: &Path) -> Capture {
    Capture::new(out)
        .endpoint_url(url)
        .credentials(Credentials::new("AKIDEXAMPLE", "secret"))
        .regions(REGIONS)
        .concurrency(4)
        .retry(RetryPolicy {
            max_attempts: 6,
            base: Duration::from_millis(1),
            max_backoff: Duration::from_millis(5),
        })
}

/// Every planned operation answers the same from `replayed` as from `source`: asked as a
/// capture asks (`Owner.N=self` where it scopes, every widening switch) and without the switches.
fn assert_replays(source: &Store, replayed: &Store) {
    let mut compared = 0;
    for call in planned() {
        for query in common::asked_both_ways(&call) {
            common::answered_alike(source, replayed, &query);
        }
        compared += 1;
    }
    assert!(compared > 150, "{compared} operations compared");
}

/// The operations captured with values from others answer the same from `replayed` as from
/// `source` for every resource and attribute the capture asked about.
fn assert_replays_dependent(source: &Store, replayed: &Store, folder: &Path) {
    let instances: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(folder.join("describe-instances.json")).unwrap(),
    )
    .unwrap();
    let ids: Vec<&str> = instances["Reservations"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|reservation| reservation["Instances"].as_array().unwrap())
        .map(|instance| instance["InstanceId"].as_str().unwrap())
        .collect();
    assert!(!ids.is_empty());
    let mut queries: Vec<String> = Vec::new();
    for id in ids {
        for attribute in ["instanceType", "groupSet", "blockDeviceMapping", "userData"] {
            queries.push(format!(
                "Action=DescribeInstanceAttribute&InstanceId={id}&Attribute={attribute}"
            ));
        }
    }
    queries.extend(
        [
            "Action=DescribeImageAttribute&ImageId=ami-1&Attribute=launchPermission",
            "Action=DescribeVpcAttribute&VpcId=vpc-1&Attribute=enableDnsSupport",
            "Action=DescribeStaleSecurityGroups&VpcId=vpc-1",
            "Action=DescribeSecurityGroupReferences&GroupId.1=sg-1",
            "Action=DescribeNetworkInterfaceAttribute&NetworkInterfaceId=eni-seeded-1&Attribute=description",
            "Action=DescribeImageReferences&ImageId.1=ami-1&IncludeAllResourceTypes=true",
            // Captured from each fleet's creation: the whole history.
            "Action=DescribeFleetHistory&FleetId=fleet-1&StartTime=2025-01-01T00:00:00Z",
            "Action=DescribeSpotFleetRequestHistory&SpotFleetRequestId=sfr-1&StartTime=2025-02-01T00:00:00Z",
        ]
        .map(str::to_owned),
    );
    for query in queries {
        let query = format!("{query}&Version=2016-11-15");
        assert_eq!(
            common::answered_alike(source, replayed, &query),
            200,
            "{query}"
        );
    }
    assert!(folder.join("describe-instance-attribute.json").exists());
    assert!(folder.join("describe-fleet-history.json").exists());
}

fn replay(folder: &Path) -> Store {
    Store::new(
        &Seed::from_dir(folder).unwrap(),
        ec2_ops::DescribeContext::default(),
    )
    .unwrap()
}

/// A captured file with each fleet history's `LastEvaluatedTime` blanked: EC2 answers the time
/// of the call, so two captures of the same history differ there and nowhere else. A file that is
/// not JSON is left as it is.
fn without_evaluation_times(bytes: Vec<u8>) -> Vec<u8> {
    fn blank(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(members) => {
                for (name, member) in members.iter_mut() {
                    if name == "LastEvaluatedTime" {
                        *member = serde_json::Value::Null;
                    } else {
                        blank(member);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(blank),
            _ => {}
        }
    }
    match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Ok(mut value) => {
            blank(&mut value);
            serde_json::to_vec(&value).unwrap()
        }
        Err(_) => bytes,
    }
}

/// The files of a capture folder but its manifest, by relative path, with their bytes
/// (evaluation times blanked).
fn files(folder: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    common::files(folder)
        .into_iter()
        .filter(|path| path.file_name().is_some_and(|name| name != MANIFEST))
        .map(|path| {
            let bytes = without_evaluation_times(std::fs::read(folder.join(&path)).unwrap());
            (path, bytes)
        })
        .collect()
}

#[tokio::test]
async fn a_capture_replays_every_operation_as_its_source_answers_those_needing_values_too() {
    // The account in each region captured: each region's resources are its own.
    let mut source = Endpoint::builder();
    for region in REGIONS {
        source = source.account_seed(ACCOUNT, region, account());
    }
    let source = source.bind("127.0.0.1:0").await.unwrap();
    let folder = out("whole");
    let summary = capture(&source.url(), &folder).run().await.unwrap();
    assert!(summary.is_complete(), "{summary}");
    assert_eq!(
        summary.account_id, ACCOUNT,
        "shown by the reservations' owner"
    );
    assert!(summary.refused.is_empty(), "{summary}");
    assert!(summary.refused_calls.is_empty(), "{summary}");
    assert_eq!(summary.captured, per_region() * REGIONS.len());
    for region in REGIONS {
        let replayed = replay(&folder.join(ACCOUNT).join(region));
        assert_eq!(replayed.account_id(), ACCOUNT);
        let answered = source.accounts().store(ACCOUNT, region).unwrap();
        assert_replays(&answered, &replayed);
        assert_replays_dependent(&answered, &replayed, &folder.join(ACCOUNT).join(region));
    }
    // Only the account's own images are captured: the public one stays out.
    let images = std::fs::read_to_string(
        folder
            .join(ACCOUNT)
            .join("eu-west-1")
            .join("describe-images.json"),
    )
    .unwrap();
    assert!(
        images.contains("ami-1") && !images.contains("ami-2"),
        "{images}"
    );
    source.shutdown().await;
    std::fs::remove_dir_all(&folder).unwrap();
}

/// A second account: its own instance, volume, VPC and EBS encryption setting.
fn other_account() -> Seed {
    let mut seed = Seed::empty();
    for (command, output) in [
        (
            "describe-instances",
            r#"{"Reservations": [{"ReservationId": "r-other", "OwnerId": "210987654321",
                "Instances": [{"InstanceId": "i-other", "InstanceType": "t3.small", "State": {"Code": 16, "Name": "running"}}]}]}"#,
        ),
        (
            "describe-volumes",
            r#"{"Volumes": [{"VolumeId": "vol-other", "Size": 20, "State": "available"}]}"#,
        ),
        (
            "describe-vpcs",
            r#"{"Vpcs": [{"VpcId": "vpc-other", "OwnerId": "210987654321", "CidrBlock": "10.8.0.0/16", "State": "available"}]}"#,
        ),
        (
            "get-ebs-encryption-by-default",
            r#"{"EbsEncryptionByDefault": true}"#,
        ),
    ] {
        seed = seed
            .merge(Seed::from_output(command, output).unwrap())
            .unwrap();
    }
    seed
}

#[tokio::test]
async fn accounts_captured_each_with_its_key_replay_together_as_their_source_answers() {
    const OTHER: &str = "210987654321";
    let mut source = Endpoint::builder();
    for region in REGIONS {
        source = source
            .account_seed(ACCOUNT, region, account())
            .account_seed(OTHER, region, other_account());
    }
    let source = source.bind("127.0.0.1:0").await.unwrap();
    // Each account with its own credentials (a 12-digit key ID acts as that account), into a
    // folder of its own.
    let mut folders = Vec::new();
    for account in [ACCOUNT, OTHER] {
        let folder = out(&format!("account-{account}"));
        let summary = capture(&source.url(), &folder)
            .credentials(Credentials::new(account, "secret"))
            .run()
            .await
            .unwrap();
        assert!(summary.is_complete(), "{summary}");
        assert_eq!(summary.account_id, account);
        folders.push(folder);
    }
    let mut replay = Endpoint::builder();
    for folder in &folders {
        replay = replay.seed_dir(folder);
    }
    let replay = replay.build_accounts().unwrap();
    for account in [ACCOUNT, OTHER] {
        for region in REGIONS {
            let asked = source.accounts().store(account, region).unwrap();
            let answered = replay.store(account, region).unwrap();
            assert_replays(&asked, &answered);
        }
    }
    let other = replay.store(OTHER, "us-east-1").unwrap();
    let setting = other.handle(b"Action=GetEbsEncryptionByDefault&Version=2016-11-15");
    assert!(
        String::from_utf8_lossy(&setting.body)
            .contains("<ebsEncryptionByDefault>true</ebsEncryptionByDefault>"),
        "the other account's setting is captured"
    );
    for folder in folders {
        std::fs::remove_dir_all(folder).unwrap();
    }
}

#[tokio::test]
async fn pages_are_walked_whole_at_the_largest_page_size() {
    // 1,200 volumes: three pages of DescribeVolumes at its maximum of 500.
    let volumes: Vec<String> = (0..1200)
        .map(|index| format!(r#"{{"VolumeId": "vol-{index:05}", "Size": 8}}"#))
        .collect();
    let seed = Seed::from_output(
        "describe-volumes",
        &format!(r#"{{"Volumes": [{}]}}"#, volumes.join(",")),
    )
    .unwrap();
    let source = Endpoint::builder()
        .seed(seed)
        .region("eu-west-1")
        .bind("127.0.0.1:0")
        .await
        .unwrap();
    let folder = out("pages");
    let summary = capture(&source.url(), &folder)
        .account_id(ACCOUNT)
        .run()
        .await
        .unwrap();
    assert!(summary.is_complete(), "{summary}");
    let written = std::fs::read_to_string(
        folder
            .join(ACCOUNT)
            .join("eu-west-1")
            .join("describe-volumes.json"),
    )
    .unwrap();
    let output: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(output["Volumes"].as_array().unwrap().len(), 1200);
    assert!(output.get("NextToken").is_none());
    // Written as the AWS CLI prints: four spaces, a newline at the end.
    assert!(
        written.starts_with("{\n    \"Volumes\": [") && written.ends_with("}\n"),
        "{}",
        &written[..40]
    );
    source.shutdown().await;
    std::fs::remove_dir_all(&folder).unwrap();
}

#[tokio::test]
async fn throttling_and_dropped_connections_lose_and_repeat_nothing() {
    let store = Arc::new(Store::new(&account(), ec2_ops::DescribeContext::default()).unwrap());
    let faults = Faults {
        throttle_every: 3,
        drop_every: 7,
        down_after: usize::MAX,
    };
    let (url, requests) = common::serve_one(store.clone(), faults).await;
    let folder = out("faults");
    // A call unlucky enough to meet a fault on every attempt is listed as failed, and the next
    // run makes it again; each run writes only what it was answered.
    let mut runs = Vec::new();
    while runs.len() < 5 {
        let summary = capture(&url, &folder).run().await.unwrap();
        let complete = summary.is_complete();
        runs.push(summary);
        if complete {
            break;
        }
    }
    let last = runs.last().unwrap();
    assert!(last.is_complete(), "{last}");
    let captured: usize = runs.iter().map(|summary| summary.captured).sum();
    assert_eq!(
        captured,
        per_region() * REGIONS.len(),
        "each operation written once"
    );
    assert!(
        requests.load(Ordering::SeqCst) > captured,
        "faults were injected"
    );
    for region in REGIONS {
        assert_replays(&store, &replay(&folder.join(ACCOUNT).join(region)));
    }
    std::fs::remove_dir_all(&folder).unwrap();
}

#[tokio::test]
async fn a_capture_cut_off_continues_where_it_stopped_and_ends_as_a_whole_one() {
    let store = Arc::new(Store::new(&account(), ec2_ops::DescribeContext::default()).unwrap());
    let whole = out("uncut");
    let (url, _) = common::serve_one(store.clone(), Faults::NONE).await;
    assert!(capture(&url, &whole).run().await.unwrap().is_complete());

    // The network goes after 60 requests: the first run ends with calls unanswered.
    let (cut_url, _) = common::serve_one(
        store.clone(),
        Faults {
            down_after: 60,
            ..Faults::NONE
        },
    )
    .await;
    let folder = out("cut");
    let first = capture(&cut_url, &folder)
        .retry(RetryPolicy {
            max_attempts: 1,
            base: Duration::from_millis(1),
            max_backoff: Duration::from_millis(1),
        })
        .run()
        .await
        .unwrap();
    assert!(!first.is_complete());
    assert!(first.captured > 0);
    let manifest = Manifest::read(&folder).unwrap().unwrap();
    let recorded: usize = manifest.regions.values().map(|calls| calls.len()).sum();
    assert_eq!(
        recorded, first.captured,
        "only what was written is recorded"
    );
    // A partial file is never left where the endpoint would read it.
    for (path, bytes) in files(&folder) {
        serde_json::from_slice::<serde_json::Value>(&bytes)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    }

    // Run again once the network is back: only the calls not answered are made.
    let second = capture(&url, &folder).run().await.unwrap();
    assert!(second.is_complete(), "{second}");
    assert_eq!(second.already_done, first.captured);
    assert_eq!(
        first.captured + second.captured,
        per_region() * REGIONS.len()
    );
    assert_eq!(
        files(&folder),
        files(&whole),
        "the same files as a capture never cut off"
    );
    let manifest = Manifest::read(&folder).unwrap().unwrap();
    assert!(
        manifest
            .regions
            .values()
            .flat_map(|calls| calls.values())
            .all(|outcome| matches!(outcome, Outcome::Captured { .. }))
    );
    std::fs::remove_dir_all(&folder).unwrap();
    std::fs::remove_dir_all(&whole).unwrap();
}

#[tokio::test]
async fn a_folder_holding_other_files_is_not_written_to() {
    let folder = out("occupied");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("notes.txt"), "mine").unwrap();
    let error = capture("http://127.0.0.1:9", &folder)
        .run()
        .await
        .unwrap_err();
    assert!(
        error.to_string().contains("not a capture to continue"),
        "{error}"
    );
    assert_eq!(
        std::fs::read_to_string(folder.join("notes.txt")).unwrap(),
        "mine"
    );
    assert!(!folder.join(MANIFEST).exists());
    std::fs::remove_dir_all(&folder).unwrap();
}

#[tokio::test]
async fn an_operation_ec2_refuses_is_recorded_with_its_code_and_not_asked_again() {
    // The endpoint checks signatures and knows another key than the capture's: EC2's
    // `AuthFailure` for every call, which the capture records and does not make again.
    let source = Endpoint::builder()
        .seed(account())
        .credentials(
            ec2_ops_endpoint::Credentials::from_json(
                r#"[{"AccessKeyId": "AKIDOTHER", "SecretAccessKey": "other"}]"#,
                "the test's keys",
            )
            .unwrap(),
        )
        .bind("127.0.0.1:0")
        .await
        .unwrap();
    let folder = out("refused");
    let summary = capture(&source.url(), &folder)
        .account_id(ACCOUNT)
        .run()
        .await
        .unwrap();
    assert!(summary.is_complete());
    // The operations needing IDs have none to ask about; one needing only an enum's values
    // (DescribeCapacityReservationBillingRequests' `Role`) is asked, and refused.
    let asking_for_ids = dependent()
        .iter()
        .filter(|call| call.sources().next().is_some())
        .count();
    assert_eq!(summary.captured, asking_for_ids * REGIONS.len());
    assert_eq!(
        summary.refused.len(),
        (per_region() - asking_for_ids) * REGIONS.len()
    );
    assert!(
        summary
            .refused
            .iter()
            .all(|(_, _, code)| code == "AuthFailure")
    );
    let again = capture(&source.url(), &folder).run().await.unwrap();
    assert_eq!(again.already_done, per_region() * REGIONS.len());
    assert_eq!(again.captured, 0);
    source.shutdown().await;
    std::fs::remove_dir_all(&folder).unwrap();
}

#[tokio::test]
async fn a_dry_run_lists_every_call_and_makes_none() {
    let folder = out("dry");
    let lines = capture("http://127.0.0.1:9", &folder)
        .dry_run()
        .await
        .unwrap();
    assert_eq!(lines.len(), per_region() * REGIONS.len());
    assert!(
        lines.contains(
            &"eu-west-1 describe-volumes IncludeManagedResources=true MaxResults=500, every page"
                .to_owned()
        )
    );
    let images =
        "eu-west-1 describe-images Owner.1=self&IncludeDeprecated=true&IncludeDisabled=true";
    assert!(
        lines.iter().any(|line| line.starts_with(images)),
        "{lines:#?}"
    );
    assert!(
        lines.contains(
            &"eu-west-1 describe-instance-attribute for each InstanceId of describe-instances × \
          Attribute (16 values)"
                .to_owned()
        )
    );
    assert!(lines.contains(&"us-east-1 describe-regions AllRegions=true".to_owned()));
    assert!(!folder.exists());
}
