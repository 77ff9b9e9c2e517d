//! Property tests over the generated codecs of the hand-declared operations: round trips on random values with
//! hostile strings, and random bytes into every decoder without a panic.

use ec2_ops::operations::bundle_tasks::*;
use ec2_ops::operations::import_snapshot_tasks::*;
use ec2_ops::wire::query::QueryParams;
use ec2_ops::wire::xml::parse_error;
use ec2_ops::{Blob, DateTime, DescribeContext, Ec2Request, Ec2Response, Filter, Service, Tag};
use proptest::prelude::*;

/// Strings built from the characters that break naive codecs: markup, entities, CDATA ends, quotes,
/// `&`/`=`/`+`/`%` of form encoding, control characters (not NUL, which XML cannot carry), non-ASCII.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<", ">", "&", "]]>", "&amp;", "\"", "'", "=", "+", "%", "%2B", "*", "?", "\\", " ", "\t",
        "\n", "\r", "\u{1}", "\u{1f}", "\u{7f}", "é", "€", "𝄞", "a", "bun-", "Z",
    ]);
    proptest::collection::vec(pieces, 0..12).prop_map(|parts| parts.concat())
}

fn maybe<T: std::fmt::Debug + Clone + 'static>(
    inner: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = Option<T>> {
    proptest::option::of(inner)
}

fn datetime() -> impl Strategy<Value = DateTime> {
    (-62_167_219_200_000_i64..253_402_300_799_999)
        .prop_map(|millis| DateTime::from_unix_millis(millis).unwrap())
}

fn state() -> impl Strategy<Value = BundleTaskState> {
    prop::sample::select(BundleTaskState::VALUES.to_vec()).prop_map(|value| value.parse().unwrap())
}

fn bundle_task() -> impl Strategy<Value = BundleTask> {
    let s3 = (
        maybe(hostile()),
        maybe(hostile()),
        maybe(hostile()),
        maybe(proptest::collection::vec(any::<u8>(), 0..40)),
        maybe(hostile()),
    )
        .prop_map(
            |(aws_access_key_id, bucket, prefix, upload_policy, upload_policy_signature)| {
                S3Storage {
                    aws_access_key_id,
                    bucket,
                    prefix,
                    upload_policy: upload_policy.map(Blob::new),
                    upload_policy_signature,
                }
            },
        );
    let error = (maybe(hostile()), maybe(hostile()))
        .prop_map(|(code, message)| BundleTaskError { code, message });
    (
        maybe(hostile()),
        maybe(hostile()),
        maybe(state()),
        maybe(datetime()),
        maybe(datetime()),
        maybe(maybe(s3)),
        maybe(hostile()),
        maybe(error),
    )
        .prop_map(
            |(instance_id, bundle_id, state, start_time, update_time, storage, progress, error)| {
                BundleTask {
                    instance_id,
                    bundle_id,
                    state,
                    start_time,
                    update_time,
                    storage: storage.map(|s3| Storage { s3 }),
                    progress,
                    error,
                }
            },
        )
}

fn import_task() -> impl Strategy<Value = ImportSnapshotTask> {
    let detail = (
        maybe(hostile()),
        maybe(-1e300_f64..1e300),
        maybe(any::<bool>()),
        maybe(hostile()),
        maybe((maybe(hostile()), maybe(hostile()))),
    )
        .prop_map(
            |(description, disk_image_size, encrypted, status, bucket)| SnapshotTaskDetail {
                description,
                disk_image_size,
                encrypted,
                status,
                user_bucket: bucket
                    .map(|(s3_bucket, s3_key)| UserBucketDetails { s3_bucket, s3_key }),
                ..SnapshotTaskDetail::default()
            },
        );
    let tags = maybe(proptest::collection::vec(
        (hostile(), hostile()).prop_map(|(k, v)| Tag::new(k, v)),
        0..4,
    ));
    (maybe(hostile()), maybe(hostile()), maybe(detail), tags).prop_map(
        |(description, import_task_id, snapshot_task_detail, tags)| ImportSnapshotTask {
            description,
            import_task_id,
            snapshot_task_detail,
            tags,
        },
    )
}

fn filters() -> impl Strategy<Value = Vec<Filter>> {
    proptest::collection::vec(
        (hostile(), proptest::collection::vec(hostile(), 0..4))
            .prop_map(|(name, values)| Filter { name, values }),
        0..4,
    )
}

/// Decodes a body as a server does.
fn decode<R: Ec2Request>(body: &str) -> R {
    let mut params = QueryParams::parse(body.as_bytes()).unwrap();
    assert_eq!(params.action().unwrap(), R::ACTION);
    params.check_version().unwrap();
    R::from_query(params).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn bundle_task_responses_render_then_parse_to_the_same_value(tasks in proptest::collection::vec(bundle_task(), 0..4), request_id in hostile()) {
        let response = DescribeBundleTasksResponse { request_id: Some(request_id), bundle_tasks: tasks };
        let parsed = DescribeBundleTasksResponse::from_xml(&response.to_xml()).unwrap();
        prop_assert_eq!(parsed, response);
    }

    #[test]
    fn import_snapshot_task_responses_render_then_parse_to_the_same_value(tasks in proptest::collection::vec(import_task(), 0..4), next_token in maybe(hostile())) {
        let response = DescribeImportSnapshotTasksResponse { request_id: None, import_snapshot_tasks: tasks, next_token };
        let parsed = DescribeImportSnapshotTasksResponse::from_xml(&response.to_xml()).unwrap();
        prop_assert_eq!(parsed, response);
    }

    #[test]
    fn responses_survive_the_aws_cli_json_shape(tasks in proptest::collection::vec(bundle_task(), 0..3)) {
        let response = DescribeBundleTasksResponse { request_id: None, bundle_tasks: tasks };
        let json = serde_json::to_string(&response).unwrap();
        let back: DescribeBundleTasksResponse = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, response);
    }

    #[test]
    fn requests_encode_then_decode_to_the_same_value(
        ids in proptest::collection::vec(hostile(), 0..4),
        filters in filters(),
        max_results in maybe(any::<i32>()),
        next_token in maybe(hostile()),
        dry_run in maybe(any::<bool>()),
    ) {
        let bundle = DescribeBundleTasksRequest { bundle_ids: ids.clone(), filters: filters.clone(), dry_run };
        prop_assert_eq!(decode::<DescribeBundleTasksRequest>(&bundle.to_query()), bundle);
        let import = DescribeImportSnapshotTasksRequest { import_task_ids: ids, filters, max_results, next_token, dry_run };
        prop_assert_eq!(decode::<DescribeImportSnapshotTasksRequest>(&import.to_query()), import);
    }

    #[test]
    fn random_bytes_never_panic_any_decoder(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = QueryParams::parse(&bytes);
        let _ = DescribeBundleTasksResponse::from_xml(&bytes);
        let _ = DescribeImportSnapshotTasksResponse::from_xml(&bytes);
        let _ = parse_error(&bytes, 400);
        let mut service = Service::new(DescribeContext::default());
        service.register::<DescribeBundleTasks, _>(std::sync::Arc::new(ec2_ops::InMemorySource::new(|t: &BundleTask| t.bundle_id.as_deref().unwrap_or_default())));
        let answer = service.handle(&bytes);
        prop_assert!(answer.status == 200 || (400..500).contains(&answer.status));
    }

    #[test]
    fn query_shaped_garbage_never_panics(pairs in proptest::collection::vec((proptest::collection::vec(prop::sample::select(vec!["Action", "Version", "BundleId", "Filter", "Name", "Value", "DryRun", "MaxResults", "0", "1", "4294967296", "99999999999", ""]), 1..6), hostile()), 0..12)) {
        let body: String = pairs
            .iter()
            .map(|(segments, value)| format!("{}={}", segments.join("."), value))
            .collect::<Vec<_>>()
            .join("&");
        let mut service = Service::new(DescribeContext::default());
        service.register::<DescribeBundleTasks, _>(std::sync::Arc::new(ec2_ops::InMemorySource::new(|t: &BundleTask| t.bundle_id.as_deref().unwrap_or_default())));
        let answer = service.handle(body.as_bytes());
        prop_assert!(answer.status == 200 || (400..500).contains(&answer.status), "{} for {}", answer.status, body);
    }

    #[test]
    fn xml_shaped_garbage_never_panics(parts in proptest::collection::vec(prop::sample::select(vec![
        "<DescribeBundleTasksResponse>", "</DescribeBundleTasksResponse>", "<bundleInstanceTasksSet>", "</bundleInstanceTasksSet>",
        "<item>", "</item>", "<startTime>", "</startTime>", "2008-10-07T11:41:50.000Z", "<state>", "</state>", "complete", "bogus",
        "<storage/>", "<S3>", "</S3>", "<uploadPolicy>", "</uploadPolicy>", "!!", "&amp;", "&bogus;", "<![CDATA[x]]>", "<!DOCTYPE x>", "<?pi?>", "<a:b xmlns:a='x'>", "</a:b>",
    ]), 0..30)) {
        let body = parts.concat();
        let _ = DescribeBundleTasksResponse::from_xml(body.as_bytes());
    }
}

#[test]
fn state_values_parse_back_to_their_variant() {
    for value in BundleTaskState::VALUES {
        let state: BundleTaskState = value.parse().unwrap();
        assert_eq!(state.as_str(), *value);
    }
    // Values are case-sensitive: `Complete` is not `complete`, but a value EC2 might add, kept as is.
    assert_eq!(
        "Complete".parse::<BundleTaskState>().unwrap(),
        BundleTaskState::Unknown("Complete".into())
    );
}
