//! The hand-declared operations' semantics end to end: raw Query bodies through `Service` (decode → run →
//! render), answers parsed back as a client would.

use std::collections::BTreeSet;
use std::sync::Arc;

use ec2_ops::operations::bundle_tasks::*;
use ec2_ops::operations::import_snapshot_tasks::*;
use ec2_ops::wire::xml::parse_error;
use ec2_ops::{
    Blob, DateTime, DescribeContext, Ec2Request, Ec2Response, InMemorySource, Operation, Service,
    Tag, TokenKey,
};

fn bundle_task() -> BundleTask {
    BundleTask {
        instance_id: Some("i-1234567890abcdef0".into()),
        bundle_id: Some("bun-c1a540a8".into()),
        state: Some(BundleTaskState::Failed),
        start_time: Some(DateTime::parse("2013-09-15T17:15:20.000Z").unwrap()),
        update_time: Some(DateTime::parse("2013-09-15T17:25:20.000Z").unwrap()),
        storage: Some(Storage {
            s3: Some(S3Storage {
                aws_access_key_id: Some("AKIAIOSFODNN7EXAMPLE".into()),
                bucket: Some("my bucket/*".into()),
                prefix: Some("winami".into()),
                upload_policy: Some(Blob::new(b"{\"expiration\":\"x\"}".to_vec())),
                upload_policy_signature: Some("sig".into()),
            }),
        }),
        progress: Some("20%".into()),
        error: Some(BundleTaskError {
            code: Some("Client.Timeout".into()),
            message: Some("The bundle timed out".into()),
        }),
    }
}

fn bundle_service() -> Service {
    let source = InMemorySource::new(|task: &BundleTask| DescribeBundleTasks::resource_id(task));
    source.insert(bundle_task());
    source.insert(BundleTask {
        bundle_id: Some("bun-00000001".into()),
        state: Some(BundleTaskState::Pending),
        ..BundleTask::default()
    });
    let mut service = Service::new(DescribeContext::new(TokenKey::from_bytes([3; 32])));
    service.register::<DescribeBundleTasks, _>(Arc::new(source));
    service
}

fn bundle_ids(service: &Service, query: &str) -> Result<Vec<String>, (u16, String, String)> {
    let body = format!("Action=DescribeBundleTasks&Version=2016-11-15{query}");
    let answer = service.handle(body.as_bytes());
    if answer.status != 200 {
        let error = parse_error(&answer.body, answer.status).unwrap().error;
        return Err((
            error.status(),
            error.code().to_owned(),
            error.message().to_owned(),
        ));
    }
    let response = DescribeBundleTasksResponse::from_xml(&answer.body).unwrap();
    Ok(response
        .bundle_tasks
        .into_iter()
        .filter_map(|task| task.bundle_id)
        .collect())
}

#[test]
fn every_bundle_task_filter_matches_its_field_and_rejects_other_values() {
    let service = bundle_service();
    let cases = [
        ("bundle-id", "bun-c1a540a8", "bun-c1a540a9"),
        ("error-code", "Client.Timeout", "Client.Other"),
        ("error-message", "The bundle*", "bundle*"),
        ("instance-id", "i-1234567890abcdef0", "i-0"),
        ("progress", "20%", "2?%%"),
        ("s3-bucket", r"my bucket/\*", "my bucket/x"),
        ("s3-prefix", "win*", "linux*"),
        (
            "start-time",
            "2013-09-15T17:15:20.000Z",
            "2013-09-15T17:15:20Z",
        ),
        ("state", "failed", "complete"),
        ("update-time", "2013-09-15T17:25:*", "2013-09-15T17:15:*"),
    ];
    for (name, matching, other) in cases {
        let hit = bundle_ids(
            &service,
            &format!(
                "&Filter.1.Name={name}&Filter.1.Value.1={}",
                urlencode(matching)
            ),
        )
        .unwrap();
        assert_eq!(hit, ["bun-c1a540a8"], "{name}={matching}");
        let miss = bundle_ids(
            &service,
            &format!(
                "&Filter.1.Name={name}&Filter.1.Value.1={}",
                urlencode(other)
            ),
        )
        .unwrap();
        assert!(miss.is_empty(), "{name}={other} matched {miss:?}");
    }
    // An absent field never matches: the second task has no instance ID.
    assert_eq!(
        bundle_ids(&service, "&Filter.1.Name=instance-id&Filter.1.Value.1=*").unwrap(),
        ["bun-c1a540a8"]
    );
}

fn urlencode(text: &str) -> String {
    let mut writer = ec2_ops::wire::query::QueryWriter::new("X");
    writer.param("v", text);
    writer.finish().rsplit_once("v=").unwrap().1.to_owned()
}

#[test]
fn bundle_task_errors_come_with_ec2_codes_and_statuses() {
    let service = bundle_service();
    let unknown_filter =
        bundle_ids(&service, "&Filter.1.Name=owner&Filter.1.Value.1=x").unwrap_err();
    assert_eq!(
        unknown_filter,
        (
            400,
            "InvalidParameterValue".into(),
            "The filter 'owner' is invalid".into()
        )
    );
    let unknown_id = bundle_ids(&service, "&BundleId.1=bun-ffffffff").unwrap_err();
    assert_eq!(
        unknown_id,
        (
            400,
            "InvalidBundleID.NotFound".into(),
            "The bundle ID 'bun-ffffffff' does not exist".into()
        )
    );
    let malformed = bundle_ids(&service, "&BundleId.1=i-1").unwrap_err();
    assert_eq!(
        (malformed.0, malformed.1.as_str()),
        (400, "InvalidBundleID.Malformed")
    );
    let dry_run = bundle_ids(&service, "&DryRun=true").unwrap_err();
    assert_eq!(
        dry_run,
        (
            412,
            "DryRunOperation".into(),
            "Request would have succeeded, but DryRun flag is set.".into()
        )
    );
    let not_paginated = bundle_ids(&service, "&MaxResults=5").unwrap_err();
    assert_eq!(not_paginated.1, "UnknownParameter");
    let bad_bool = bundle_ids(&service, "&DryRun=yes").unwrap_err();
    assert_eq!(bad_bool.1, "InvalidParameterValue");
    assert_eq!(
        bundle_ids(&service, "&BundleId.1=bun-00000001").unwrap(),
        ["bun-00000001"]
    );
}

#[test]
fn unknown_actions_and_versions_get_ec2_errors() {
    let service = bundle_service();
    let answer = service.handle(b"Action=DescribeVolumes&Version=2016-11-15");
    assert_eq!(
        (answer.status, answer.error_code.as_deref()),
        (400, Some("InvalidAction"))
    );
    let answer = service.handle(b"Action=DescribeBundleTasks");
    assert_eq!(answer.error_code.as_deref(), Some("MissingParameter"));
    let answer = service.handle(b"Version=2016-11-15");
    assert_eq!(answer.error_code.as_deref(), Some("MissingAction"));
}

fn import_task(n: usize) -> ImportSnapshotTask {
    ImportSnapshotTask {
        description: Some(format!("task {n}")),
        import_task_id: Some(format!("import-snap-{n:017x}")),
        snapshot_task_detail: Some(SnapshotTaskDetail {
            status: Some(
                if n.is_multiple_of(2) {
                    "active"
                } else {
                    "completed"
                }
                .into(),
            ),
            disk_image_size: Some(n as f64),
            encrypted: Some(n.is_multiple_of(3)),
            ..SnapshotTaskDetail::default()
        }),
        tags: Some(vec![Tag::new(
            "Owner",
            if n.is_multiple_of(4) {
                "TeamA"
            } else {
                "TeamB"
            },
        )]),
    }
}

fn import_service(n: usize) -> Service {
    let source = InMemorySource::new(|task: &ImportSnapshotTask| {
        DescribeImportSnapshotTasks::resource_id(task)
    });
    for i in 0..n {
        source.insert(import_task(i));
    }
    let mut service = Service::new(DescribeContext::new(TokenKey::from_bytes([9; 32])));
    service.register::<DescribeImportSnapshotTasks, _>(Arc::new(source));
    service
}

fn import_call(
    service: &Service,
    request: &DescribeImportSnapshotTasksRequest,
) -> Result<DescribeImportSnapshotTasksResponse, (u16, String)> {
    let answer = service.handle(request.to_query().as_bytes());
    if answer.status == 200 {
        Ok(DescribeImportSnapshotTasksResponse::from_xml(&answer.body).unwrap())
    } else {
        Err((answer.status, answer.error_code.unwrap()))
    }
}

fn walk(service: &Service, page_size: i32, filters: &[(&str, &str)]) -> Vec<String> {
    let mut seen = Vec::new();
    let mut token = None;
    loop {
        let mut builder = DescribeImportSnapshotTasksRequest::builder().max_results(page_size);
        for (name, value) in filters {
            builder = builder.filter(*name, [*value]);
        }
        if let Some(token) = token.take() {
            builder = builder.next_token(token);
        }
        let response = import_call(service, &builder.build()).unwrap();
        assert!(response.import_snapshot_tasks.len() <= page_size as usize);
        seen.extend(
            response
                .import_snapshot_tasks
                .into_iter()
                .filter_map(|t| t.import_task_id),
        );
        match response.next_token {
            Some(next) => token = Some(next),
            None => return seen,
        }
    }
}

#[test]
fn paginating_1000_import_tasks_at_5_and_at_1000_returns_each_exactly_once_in_id_order() {
    let service = import_service(1000);
    let expected: Vec<String> = (0..1000).map(|n| format!("import-snap-{n:017x}")).collect();
    assert_eq!(walk(&service, 5, &[]), expected);
    assert_eq!(walk(&service, 1000, &[]), expected);
    let active = walk(&service, 5, &[("task-state", "active")]);
    assert_eq!(active.len(), 500);
    assert_eq!(active.iter().collect::<BTreeSet<_>>().len(), 500);
}

#[test]
fn import_snapshot_task_filters_match_and_reject() {
    let service = import_service(8);
    let ids = |filters: &[(&str, &str)]| walk(&service, 1000, filters);
    assert_eq!(
        ids(&[("import-task-id", "import-snap-00000000000000003")]),
        ["import-snap-00000000000000003"]
    );
    assert!(ids(&[("import-task-id", "import-snap-9*")]).is_empty());
    assert_eq!(ids(&[("task-state", "completed")]).len(), 4);
    assert!(ids(&[("task-state", "deleted")]).is_empty());
    assert_eq!(ids(&[("tag:Owner", "TeamA")]).len(), 2);
    assert!(ids(&[("tag:Team", "TeamA")]).is_empty());
    assert_eq!(ids(&[("tag-key", "Owner")]).len(), 8);
    assert!(ids(&[("tag-key", "owner")]).is_empty());
    assert_eq!(ids(&[("tag-value", "TeamB")]).len(), 6);
    assert!(ids(&[("tag-value", "TeamC")]).is_empty());
}

#[test]
fn import_snapshot_task_bounds_tokens_ids_and_dry_run() {
    let service = import_service(20);
    let call = |request: DescribeImportSnapshotTasksRequest| import_call(&service, &request);
    let builder = DescribeImportSnapshotTasksRequest::builder;
    assert_eq!(
        call(builder().max_results(4).build()).unwrap_err(),
        (400, "InvalidParameterValue".into())
    );
    assert_eq!(
        call(builder().max_results(1001).build()).unwrap_err(),
        (400, "InvalidParameterValue".into())
    );
    assert_eq!(
        call(builder().max_results(5).next_token("forged").build()).unwrap_err(),
        (400, "InvalidParameterValue".into())
    );
    assert_eq!(
        call(builder().dry_run(true).build()).unwrap_err(),
        (412, "DryRunOperation".into())
    );
    assert_eq!(
        call(
            builder()
                .import_task_id("import-snap-fffffffffffffffff")
                .build()
        )
        .unwrap_err(),
        (400, "InvalidImportTaskId.NotFound".into())
    );
    assert_eq!(
        call(builder().import_task_id("snap-1").build()).unwrap_err(),
        (400, "InvalidImportTaskId.Malformed".into())
    );
    let by_id = call(
        builder()
            .import_task_ids([
                "import-snap-00000000000000002",
                "import-snap-00000000000000001",
            ])
            .max_results(5)
            .build(),
    )
    .unwrap();
    assert_eq!(by_id.import_snapshot_tasks.len(), 2);
    assert_eq!(by_id.next_token, None);
    // A token from one filter set does not continue another.
    let first = call(
        builder()
            .max_results(5)
            .filter("task-state", ["active"])
            .build(),
    )
    .unwrap();
    let token = first.next_token.unwrap();
    assert_eq!(
        call(builder().max_results(5).next_token(token).build()).unwrap_err(),
        (400, "InvalidParameterValue".into())
    );
}
