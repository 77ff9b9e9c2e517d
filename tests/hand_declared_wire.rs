//! The hand-declared operations on the wire: botocore's request bodies decoded and re-encoded byte for byte,
//! EC2's sample responses parsed and rendered.

use ec2_ops::operations::bundle_tasks::*;
use ec2_ops::operations::import_snapshot_tasks::*;
use ec2_ops::wire::query::QueryParams;
use ec2_ops::{DateTime, Ec2Request, Ec2Response, Filter};

/// Decodes `body` as a server would (Action, Version, then the request), then re-encodes it.
fn round_trip<R: Ec2Request>(body: &str) -> R {
    let mut params = QueryParams::parse(body.as_bytes()).unwrap();
    assert_eq!(params.action().unwrap(), R::ACTION);
    params.check_version().unwrap();
    let request = R::from_query(params).unwrap();
    assert_eq!(request.to_query(), body);
    request
}

#[test]
fn botocore_bundle_tasks_bodies_decode_and_re_encode_byte_for_byte() {
    let request: DescribeBundleTasksRequest = round_trip(
        "Action=DescribeBundleTasks&Version=2016-11-15&BundleId.1=bun-c1a540a8&BundleId.2=bun-2&Filter.1.Name=state&Filter.1.Value.1=complete&Filter.1.Value.2=failed&Filter.2.Name=s3-bucket&Filter.2.Value.1=my%20bucket%2F%2A&DryRun=true",
    );
    assert_eq!(request.bundle_ids, ["bun-c1a540a8", "bun-2"]);
    assert_eq!(
        request.filters[1],
        Filter::new("s3-bucket", ["my bucket/*"])
    );
    assert_eq!(request.dry_run, Some(true));
    let empty: DescribeBundleTasksRequest =
        round_trip("Action=DescribeBundleTasks&Version=2016-11-15");
    assert_eq!(empty, DescribeBundleTasksRequest::default());
    let no_values: DescribeBundleTasksRequest =
        round_trip("Action=DescribeBundleTasks&Version=2016-11-15&Filter.1.Name=state");
    assert!(no_values.filters[0].values.is_empty());
}

#[test]
fn botocore_import_snapshot_tasks_body_decodes_and_re_encodes_byte_for_byte() {
    let request: DescribeImportSnapshotTasksRequest = round_trip(
        "Action=DescribeImportSnapshotTasks&Version=2016-11-15&ImportTaskId.1=import-snap-1234567890abcdef0&Filters.1.Name=task-state&Filters.1.Value.1=active&MaxResults=5&NextToken=abc%2B%2F%3D&DryRun=false",
    );
    assert_eq!(request.next_token.as_deref(), Some("abc+/="));
    assert_eq!(request.max_results, Some(5));
}

#[test]
fn the_builder_writes_what_botocore_writes() {
    let request = DescribeBundleTasksRequest::builder()
        .bundle_id("bun-c1a540a8")
        .bundle_id("bun-2")
        .filter("state", ["complete", "failed"])
        .filter("s3-bucket", ["my bucket/*"])
        .dry_run(true)
        .build();
    assert_eq!(
        request.to_query(),
        "Action=DescribeBundleTasks&Version=2016-11-15&BundleId.1=bun-c1a540a8&BundleId.2=bun-2&Filter.1.Name=state&Filter.1.Value.1=complete&Filter.1.Value.2=failed&Filter.2.Name=s3-bucket&Filter.2.Value.1=my%20bucket%2F%2A&DryRun=true"
    );
}

#[test]
fn the_wrong_filter_key_is_an_unknown_parameter() {
    let mut params = QueryParams::parse(
        b"Action=DescribeImportSnapshotTasks&Version=2016-11-15&Filter.1.Name=task-state",
    )
    .unwrap();
    params.action().unwrap();
    params.check_version().unwrap();
    let err = DescribeImportSnapshotTasksRequest::from_query(params).unwrap_err();
    assert_eq!(
        (err.code(), err.message()),
        (
            "UnknownParameter",
            "The parameter Filter.1.Name is not recognized"
        )
    );
}

#[test]
fn the_sample_bundle_tasks_response_parses_and_renders_back_to_the_same_value() {
    let xml = include_bytes!("fixtures/DescribeBundleTasks.response.xml");
    let response = DescribeBundleTasksResponse::from_xml(xml).unwrap();
    assert_eq!(
        response.request_id.as_deref(),
        Some("59dbff89-35bd-4eac-99ed-be587EXAMPLE")
    );
    let task = &response.bundle_tasks[0];
    assert_eq!(task.state, Some(BundleTaskState::Cancelling));
    assert_eq!(
        task.start_time,
        Some(DateTime::parse("2008-10-07T11:41:50.000Z").unwrap())
    );
    let s3 = task.storage.as_ref().unwrap().s3.as_ref().unwrap();
    assert_eq!(
        (s3.bucket.as_deref(), s3.prefix.as_deref()),
        (Some("myawsbucket"), Some("winami"))
    );
    assert_eq!(task.progress.as_deref(), Some("20%"));
    let rendered = response.to_xml();
    let text = String::from_utf8(rendered.clone()).unwrap();
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeBundleTasksResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>59dbff89"));
    assert!(text.contains(
        "<storage><S3><bucket>myawsbucket</bucket><prefix>winami</prefix></S3></storage>"
    ));
    assert_eq!(
        DescribeBundleTasksResponse::from_xml(&rendered).unwrap(),
        response
    );
}

#[test]
fn the_sample_import_snapshot_tasks_response_parses_and_renders_back() {
    let xml = include_bytes!("fixtures/DescribeImportSnapshotTasks.response.xml");
    let response = DescribeImportSnapshotTasksResponse::from_xml(xml).unwrap();
    let task = &response.import_snapshot_tasks[0];
    let detail = task.snapshot_task_detail.as_ref().unwrap();
    assert_eq!(detail.disk_image_size, Some(0.0));
    assert_eq!(
        detail.user_bucket.as_ref().unwrap().s3_key.as_deref(),
        Some("bionic-minimal-cloudimg-amd64-ec2-hvm-ebs.vmdk")
    );
    assert_eq!(task.tags, Some(vec![]));
    assert_eq!(response.next_token.as_deref(), Some("eyJ2IjoiMSJ9"));
    let text = String::from_utf8(response.to_xml()).unwrap();
    assert!(text.contains("<diskImageSize>0.0</diskImageSize>"));
    assert!(text.contains("<tagSet></tagSet>"));
    assert!(
        text.ends_with("<nextToken>eyJ2IjoiMSJ9</nextToken></DescribeImportSnapshotTasksResponse>")
    );
    assert_eq!(
        DescribeImportSnapshotTasksResponse::from_xml(text.as_bytes()).unwrap(),
        response
    );
}

#[test]
fn responses_serialize_to_the_aws_cli_json_shape() {
    let response = DescribeBundleTasksResponse::from_xml(include_bytes!(
        "fixtures/DescribeBundleTasks.response.xml"
    ))
    .unwrap();
    let json = serde_json::to_value(&response).unwrap();
    assert_eq!(json["BundleTasks"][0]["BundleId"], "bun-c1a540a8");
    assert_eq!(
        json["BundleTasks"][0]["StartTime"],
        "2008-10-07T11:41:50.000Z"
    );
    assert_eq!(json["BundleTasks"][0]["State"], "cancelling");
    assert_eq!(
        json["BundleTasks"][0]["Storage"]["S3"]["Bucket"],
        "myawsbucket"
    );
    assert!(
        json.get("requestId").is_none() && json["BundleTasks"][0].get("BundleTaskError").is_none()
    );
    let back: DescribeBundleTasksResponse = serde_json::from_value(json).unwrap();
    assert_eq!(back.bundle_tasks, response.bundle_tasks);
}
