//! The three task operations the DSL's request reach was first proven on, over the endpoint's own
//! sample data: DescribeImportImageTasks (paginated, `Filters.N`, no documented bounds),
//! DescribeExportTasks (no `DryRun`, no documented filters) and DescribeConversionTasks (no
//! `Filters` at all, a not-found code without `.NotFound`).

mod common;

use std::sync::Arc;

use common::sample;
use ec2_ops::operations::conversion_tasks::{ConversionTask, DescribeConversionTasks};
use ec2_ops::operations::export_tasks::DescribeExportTasks;
use ec2_ops::operations::import_image_tasks::DescribeImportImageTasks;
use ec2_ops::{DescribeContext, DescribeOperation, Ec2Response, Service};

fn serve<O>(service: &mut Service, resources: Vec<O::Resource>)
where
    O: DescribeOperation + 'static,
    O::Resource: Clone + Send + Sync + 'static,
{
    service.register::<O, _>(Arc::new(common::by_id::<O>(resources)));
}

fn service() -> Service {
    let sample = sample();
    let mut service = Service::new(DescribeContext::default());
    serve::<DescribeImportImageTasks>(&mut service, sample.import_image_tasks);
    serve::<DescribeExportTasks>(&mut service, sample.export_tasks);
    serve::<DescribeConversionTasks>(&mut service, sample.conversion_tasks);
    service
}

/// `(status, code, message)` of an error answer.
fn error(service: &Service, body: &str) -> (u16, String, String) {
    let answer = service.handle(body.as_bytes());
    let text = String::from_utf8(answer.body).unwrap();
    let message = text
        .split("<Message>")
        .nth(1)
        .and_then(|rest| rest.split("</Message>").next())
        .unwrap_or_default()
        .to_owned();
    (
        answer.status,
        answer.error_code.expect("an error answer"),
        message,
    )
}

fn ok<R: Ec2Response + Default>(service: &Service, body: &str) -> R {
    let answer = service.handle(body.as_bytes());
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    R::from_xml(&answer.body).unwrap()
}

#[test]
fn every_sample_task_survives_the_xml_and_json_round_trips() {
    let sample = sample();
    let service = service();
    let images: ec2_ops::operations::import_image_tasks::DescribeImportImageTasksResponse = ok(
        &service,
        "Action=DescribeImportImageTasks&Version=2016-11-15",
    );
    let mut expected = sample.import_image_tasks.clone();
    expected.sort_by(|a, b| a.import_task_id.cmp(&b.import_task_id));
    assert_eq!(images.import_image_tasks, expected);
    let exports: ec2_ops::operations::export_tasks::DescribeExportTasksResponse =
        ok(&service, "Action=DescribeExportTasks&Version=2016-11-15");
    assert_eq!(exports.export_tasks.len(), sample.export_tasks.len());
    for task in &sample.export_tasks {
        assert!(exports.export_tasks.contains(task));
    }
    let conversions: ec2_ops::operations::conversion_tasks::DescribeConversionTasksResponse = ok(
        &service,
        "Action=DescribeConversionTasks&Version=2016-11-15",
    );
    assert_eq!(
        conversions.conversion_tasks.len(),
        sample.conversion_tasks.len()
    );
    for task in &sample.conversion_tasks {
        assert!(conversions.conversion_tasks.contains(task));
        let json = serde_json::to_value(task).unwrap();
        assert_eq!(
            serde_json::from_value::<ConversionTask>(json).unwrap(),
            *task
        );
    }
}

#[test]
fn import_image_tasks_filter_by_task_state_under_the_plural_key() {
    let sample = sample();
    let service = service();
    let expected = sample
        .import_image_tasks
        .iter()
        .filter(|task| task.status.as_deref() == Some("completed"))
        .count();
    assert!(expected > 0 && expected < sample.import_image_tasks.len());
    let found: ec2_ops::operations::import_image_tasks::DescribeImportImageTasksResponse = ok(
        &service,
        "Action=DescribeImportImageTasks&Version=2016-11-15&Filters.1.Name=task-state&Filters.1.Value.1=completed",
    );
    assert_eq!(found.import_image_tasks.len(), expected);
    let err = error(
        &service,
        "Action=DescribeImportImageTasks&Version=2016-11-15&Filter.1.Name=task-state&Filter.1.Value.1=completed",
    );
    assert_eq!(err.1, "UnknownParameter");
}

#[test]
fn import_image_tasks_page_with_any_positive_size() {
    let total = sample().import_image_tasks.len();
    let service = service();
    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let mut body = "Action=DescribeImportImageTasks&Version=2016-11-15&MaxResults=1".to_owned();
        if let Some(token) = &token {
            body.push_str(&format!("&NextToken={token}"));
        }
        let page: ec2_ops::operations::import_image_tasks::DescribeImportImageTasksResponse =
            ok(&service, &body);
        assert!(page.import_image_tasks.len() <= 1);
        seen.extend(
            page.import_image_tasks
                .into_iter()
                .map(|t| t.import_task_id),
        );
        match page.next_token {
            Some(next) => token = Some(next),
            None => break,
        }
    }
    assert_eq!(seen.len(), total);
    let mut unique = seen.clone();
    unique.dedup();
    assert_eq!(unique, seen);
}

#[test]
fn import_image_task_ids_are_checked_and_looked_up() {
    let service = service();
    let err = error(
        &service,
        "Action=DescribeImportImageTasks&Version=2016-11-15&ImportTaskId.1=import-ami-0000000000000000f",
    );
    assert_eq!(
        err,
        (
            400,
            "InvalidImportTaskId.NotFound".into(),
            "The import task ID 'import-ami-0000000000000000f' does not exist".into()
        )
    );
    let err = error(
        &service,
        "Action=DescribeImportImageTasks&Version=2016-11-15&ImportTaskId.1=import-snap-1",
    );
    assert_eq!(err.1, "InvalidImportTaskId.Malformed");
}

#[test]
fn export_tasks_have_no_dry_run_and_no_documented_filters() {
    let service = service();
    let err = error(
        &service,
        "Action=DescribeExportTasks&Version=2016-11-15&DryRun=true",
    );
    assert_eq!(
        err,
        (
            400,
            "UnknownParameter".into(),
            "The parameter DryRun is not recognized".into()
        )
    );
    let err = error(
        &service,
        "Action=DescribeExportTasks&Version=2016-11-15&Filter.1.Name=state&Filter.1.Value.1=active",
    );
    assert_eq!(
        err,
        (
            400,
            "InvalidParameterValue".into(),
            "The filter 'state' is invalid".into()
        )
    );
    let err = error(
        &service,
        "Action=DescribeExportTasks&Version=2016-11-15&ExportTaskId.1=i-1",
    );
    assert_eq!(err.1, "InvalidExportTaskID.Malformed");
    let err = error(
        &service,
        "Action=DescribeExportTasks&Version=2016-11-15&ExportTaskId.1=export-i-404",
    );
    assert_eq!(
        (err.1.as_str(), err.2.as_str()),
        (
            "InvalidExportTaskID.NotFound",
            "The export task ID 'export-i-404' does not exist"
        )
    );
}

#[test]
fn conversion_tasks_refuse_filters_and_answer_their_own_not_found_code() {
    let service = service();
    let err = error(
        &service,
        "Action=DescribeConversionTasks&Version=2016-11-15&Filter.1.Name=state&Filter.1.Value.1=active",
    );
    assert_eq!(err.1, "UnknownParameter");
    let err = error(
        &service,
        "Action=DescribeConversionTasks&Version=2016-11-15&ConversionTaskId.1=import-i-404",
    );
    assert_eq!(
        err,
        (
            400,
            "InvalidConversionTaskId".into(),
            "The conversion task ID 'import-i-404' does not exist".into()
        )
    );
    let err = error(
        &service,
        "Action=DescribeConversionTasks&Version=2016-11-15&ConversionTaskId.1=conv-1",
    );
    assert_eq!(err.1, "InvalidConversionTaskId.Malformed");
    let err = error(
        &service,
        "Action=DescribeConversionTasks&Version=2016-11-15&DryRun=true",
    );
    assert_eq!((err.0, err.1.as_str()), (412, "DryRunOperation"));
}
