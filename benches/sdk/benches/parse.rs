//! ec2-ops' generated parsers against the official `aws-sdk-ec2` on the same responses, in one run:
//!
//! - `sdk_bundle_tasks/*`: a 10,000-task `DescribeBundleTasksResponse`;
//! - `sdk_import_snapshot_tasks/*`: a 10,000-task `DescribeImportSnapshotTasksResponse`.
//!
//! In each group, `ec2_ops` is `from_xml` on the document and `aws_sdk_ec2` is the SDK's
//! `send()` answered by an HTTP client that hands back the same document (no network, no TLS: what
//! is left is the SDK's request pipeline and its response parser). `quick_xml_events` is quick-xml
//! reading every event of the document and dropping it, the baseline for both. `sdk_fixed_cost/*` is
//! `send()` on an empty response: the part of the SDK's time that is not parsing.
//!
//! Before measuring, both parsers' answers are compared field by field, so the two do the same work.
//!
//! ```sh
//! cd benches/sdk && cargo bench
//! ```
//!
//! Ratios (ours / theirs) are printed after criterion's report.

use std::hint::black_box;

#[path = "../../common/mod.rs"]
mod common;

#[path = "../../common/bundle_tasks.rs"]
mod bundle_tasks;

use aws_sdk_ec2::config::{BehaviorVersion, Credentials, Region};
use aws_smithy_http_client::test_util::infallible_client_fn;
use aws_smithy_types::body::SdkBody;
use bytes::Bytes;
use criterion::Criterion;
use ec2_ops::operations::bundle_tasks::DescribeBundleTasksResponse;
use ec2_ops::operations::import_snapshot_tasks::{
    DescribeImportSnapshotTasksResponse, ImportSnapshotTask, SnapshotTaskDetail, UserBucketDetails,
};
use ec2_ops::{Ec2Response, Tag};

const ITEMS: usize = 10_000;

fn bundle_tasks() -> DescribeBundleTasksResponse {
    DescribeBundleTasksResponse {
        request_id: Some("59dbff89-35bd-4eac-99ed-be587EXAMPLE".into()),
        bundle_tasks: bundle_tasks::tasks(ITEMS),
    }
}

fn import_snapshot_tasks() -> DescribeImportSnapshotTasksResponse {
    let import_snapshot_tasks = (0..ITEMS)
        .map(|i| ImportSnapshotTask {
            description: Some(format!("import of disk {i}")),
            import_task_id: Some(format!("import-snap-{i:017x}")),
            snapshot_task_detail: Some(SnapshotTaskDetail {
                description: Some(format!("disk {i}")),
                disk_image_size: Some(1_073_741_824.0 + i as f64),
                encrypted: Some(i % 2 == 0),
                format: Some("VMDK".into()),
                progress: Some(format!("{}", i % 100)),
                snapshot_id: Some(format!("snap-{i:017x}")),
                status: Some("active".into()),
                status_message: Some("downloading/converting".into()),
                user_bucket: Some(UserBucketDetails {
                    s3_bucket: Some("my-import-bucket".into()),
                    s3_key: Some(format!("disks/disk-{i}.vmdk")),
                }),
                ..SnapshotTaskDetail::default()
            }),
            tags: Some(vec![
                Tag::new("Index", i.to_string()),
                Tag::new("Owner", if i % 4 == 0 { "TeamA" } else { "TeamB" }),
            ]),
        })
        .collect();
    DescribeImportSnapshotTasksResponse {
        request_id: Some("59dbff89-35bd-4eac-99ed-be587EXAMPLE".into()),
        import_snapshot_tasks,
        next_token: None,
    }
}

/// An SDK client whose every request is answered with `status 200, body`.
fn sdk_client(body: Bytes) -> aws_sdk_ec2::Client {
    let http_client = infallible_client_fn(move |_request| {
        http::Response::builder()
            .status(200)
            .header("content-type", "text/xml;charset=UTF-8")
            .body(SdkBody::from(body.clone()))
            .unwrap()
    });
    let config = aws_sdk_ec2::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new(
            "AKIDEXAMPLE",
            "secret",
            None,
            None,
            "bench",
        ))
        .http_client(http_client)
        .build();
    aws_sdk_ec2::Client::from_conf(config)
}

/// Every event of the document read and dropped: the cost of quick-xml reading it, the limit a
/// parser built on its events is measured against.
fn quick_xml_events(document: &[u8]) -> usize {
    let mut reader = quick_xml::Reader::from_reader(document);
    let mut events = 0;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Eof => return events,
            event => {
                black_box(&event);
                events += 1;
            }
        }
    }
}

/// The fields both sides parsed from a bundle task, in comparable form.
type BundleRow = (String, String, String, i64, i64, String, String, String);

fn our_bundle_rows(response: &DescribeBundleTasksResponse) -> Vec<BundleRow> {
    response
        .bundle_tasks
        .iter()
        .map(|task| {
            let s3 = task.storage.as_ref().and_then(|s| s.s3.as_ref()).unwrap();
            (
                task.bundle_id.clone().unwrap(),
                task.instance_id.clone().unwrap(),
                task.state.as_ref().unwrap().as_str().to_owned(),
                task.start_time.unwrap().unix_millis(),
                task.update_time.unwrap().unix_millis(),
                s3.bucket.clone().unwrap(),
                s3.prefix.clone().unwrap(),
                task.progress.clone().unwrap(),
            )
        })
        .collect()
}

fn sdk_bundle_rows(
    output: &aws_sdk_ec2::operation::describe_bundle_tasks::DescribeBundleTasksOutput,
) -> Vec<BundleRow> {
    let millis =
        |time: Option<&aws_smithy_types::DateTime>| time.unwrap().to_millis().expect("in range");
    output
        .bundle_tasks()
        .iter()
        .map(|task| {
            let s3 = task.storage().and_then(|s| s.s3()).unwrap();
            (
                task.bundle_id().unwrap().to_owned(),
                task.instance_id().unwrap().to_owned(),
                task.state().unwrap().as_str().to_owned(),
                millis(task.start_time()),
                millis(task.update_time()),
                s3.bucket().unwrap().to_owned(),
                s3.prefix().unwrap().to_owned(),
                task.progress().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The fields both sides parsed from an import snapshot task, in comparable form.
type ImportRow = (
    String,
    String,
    String,
    u64,
    bool,
    String,
    String,
    Vec<(String, String)>,
);

fn our_import_rows(response: &DescribeImportSnapshotTasksResponse) -> Vec<ImportRow> {
    response
        .import_snapshot_tasks
        .iter()
        .map(|task| {
            let detail = task.snapshot_task_detail.as_ref().unwrap();
            let bucket = detail.user_bucket.as_ref().unwrap();
            (
                task.import_task_id.clone().unwrap(),
                task.description.clone().unwrap(),
                detail.snapshot_id.clone().unwrap(),
                detail.disk_image_size.unwrap().to_bits(),
                detail.encrypted.unwrap(),
                detail.status.clone().unwrap(),
                bucket.s3_key.clone().unwrap(),
                task.tags
                    .iter()
                    .flatten()
                    .map(|tag| (tag.key.clone(), tag.value.clone()))
                    .collect(),
            )
        })
        .collect()
}

fn sdk_import_rows(
    output: &aws_sdk_ec2::operation::describe_import_snapshot_tasks::DescribeImportSnapshotTasksOutput,
) -> Vec<ImportRow> {
    output
        .import_snapshot_tasks()
        .iter()
        .map(|task| {
            let detail = task.snapshot_task_detail().unwrap();
            let bucket = detail.user_bucket().unwrap();
            (
                task.import_task_id().unwrap().to_owned(),
                task.description().unwrap().to_owned(),
                detail.snapshot_id().unwrap().to_owned(),
                detail.disk_image_size().unwrap().to_bits(),
                detail.encrypted().unwrap(),
                detail.status().unwrap().to_owned(),
                bucket.s3_key().unwrap().to_owned(),
                task.tags()
                    .iter()
                    .map(|tag| {
                        (
                            tag.key().unwrap().to_owned(),
                            tag.value().unwrap().to_owned(),
                        )
                    })
                    .collect(),
            )
        })
        .collect()
}

/// One document, one criterion group: checks that both sides read the same values (`same`), then
/// measures `from_xml`, the SDK's `send()` and quick-xml's raw scan.
fn compare<R: Ec2Response + Default, O>(
    criterion: &mut Criterion,
    group_name: &str,
    document: &Bytes,
    sdk_send: impl Fn() -> O,
    same: impl FnOnce(&R, &O),
) {
    same(&R::from_xml(document).unwrap(), &sdk_send());
    let mut group = criterion.benchmark_group(group_name);
    group.sample_size(20);
    group.throughput(criterion::Throughput::Bytes(document.len() as u64));
    group.bench_function("ec2_ops", |b| {
        b.iter(|| R::from_xml(black_box(document)).unwrap())
    });
    group.bench_function("aws_sdk_ec2", |b| b.iter(&sdk_send));
    group.bench_function("quick_xml_events", |b| {
        b.iter(|| quick_xml_events(black_box(document)))
    });
    group.finish();
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();

    let bundle_document = Bytes::from(bundle_tasks().to_xml());
    let bundle_sdk = sdk_client(bundle_document.clone());
    compare(
        &mut criterion,
        "sdk_bundle_tasks",
        &bundle_document,
        || {
            runtime
                .block_on(bundle_sdk.describe_bundle_tasks().send())
                .unwrap()
        },
        |ours: &DescribeBundleTasksResponse, theirs| {
            assert_eq!(ours.bundle_tasks.len(), ITEMS);
            assert_eq!(our_bundle_rows(ours), sdk_bundle_rows(theirs));
        },
    );

    let import_document = Bytes::from(import_snapshot_tasks().to_xml());
    let import_sdk = sdk_client(import_document.clone());
    compare(
        &mut criterion,
        "sdk_import_snapshot_tasks",
        &import_document,
        || {
            runtime
                .block_on(import_sdk.describe_import_snapshot_tasks().send())
                .unwrap()
        },
        |ours: &DescribeImportSnapshotTasksResponse, theirs| {
            assert_eq!(ours.import_snapshot_tasks.len(), ITEMS);
            assert_eq!(our_import_rows(ours), sdk_import_rows(theirs));
        },
    );

    let empty = DescribeBundleTasksResponse {
        request_id: Some("59dbff89-35bd-4eac-99ed-be587EXAMPLE".into()),
        bundle_tasks: Vec::new(),
    };
    let empty_sdk = sdk_client(Bytes::from(empty.to_xml()));
    let mut group = criterion.benchmark_group("sdk_fixed_cost");
    group.bench_function("aws_sdk_ec2_empty", |b| {
        b.iter(|| {
            runtime
                .block_on(empty_sdk.describe_bundle_tasks().send())
                .unwrap()
        })
    });
    group.finish();
    criterion.final_summary();

    common::print_ratios(
        "ratios (ec2-ops / aws-sdk-ec2; below 1 = faster, 0.33 = 3x the SDK's throughput):",
        &[
            ("sdk_bundle_tasks", "ec2_ops", "aws_sdk_ec2"),
            ("sdk_import_snapshot_tasks", "ec2_ops", "aws_sdk_ec2"),
        ],
    );
    common::print_ratios(
        "ratios against quick-xml's raw event scan of the same document:",
        &[
            ("sdk_bundle_tasks", "ec2_ops", "quick_xml_events"),
            ("sdk_bundle_tasks", "aws_sdk_ec2", "quick_xml_events"),
            ("sdk_import_snapshot_tasks", "ec2_ops", "quick_xml_events"),
            (
                "sdk_import_snapshot_tasks",
                "aws_sdk_ec2",
                "quick_xml_events",
            ),
        ],
    );
}
