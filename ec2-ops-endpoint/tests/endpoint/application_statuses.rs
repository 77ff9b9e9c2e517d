//! DescribeApplicationStatus, whose list is held in a structure (`ApplicationStatuses.Instances`):
//! a seed as the AWS CLI prints it loads, `InstanceId.N` selects, an unknown instance is
//! `InvalidInstanceID.NotFound`, pages walk the list, filters match each instance, and the store
//! dumps what it loaded.

use ec2_ops::Ec2Response;
use ec2_ops_catalog::account::DescribeApplicationStatusResponse;
use ec2_ops_endpoint::Store;

use crate::common;

const STATUSES: &str = r#"{"ApplicationStatuses": {"Instances": [
  {"InstanceId": "i-1", "AvailabilityZoneId": "use1-az1", "ApplicationStatus": {"Status": "ok"}},
  {"InstanceId": "i-2", "AvailabilityZoneId": "use1-az2", "ApplicationStatus": {"Status": "impaired"}},
  {"InstanceId": "i-3", "AvailabilityZoneId": "use1-az1", "ApplicationStatus": {"Status": "ok"}}
]}}"#;

/// The instances answered, and the next page's token, or the error code.
fn ask(store: &Store, query: &str) -> Result<(Vec<String>, Option<String>), String> {
    let answer = store
        .handle(format!("Action=DescribeApplicationStatus&Version=2016-11-15{query}").as_bytes());
    if let Some(code) = answer.error_code {
        return Err(code);
    }
    let response = DescribeApplicationStatusResponse::from_xml(&answer.body).unwrap();
    let ids = response
        .application_statuses
        .and_then(|statuses| statuses.instances)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|status| status.instance_id)
        .collect();
    Ok((ids, response.next_token))
}

#[test]
fn instance_ids_select_and_an_unknown_instance_is_not_found() {
    let store = common::store(&[("describe-application-status", STATUSES)]);
    assert_eq!(ask(&store, "").unwrap().0, ["i-1", "i-2", "i-3"]);
    assert_eq!(
        ask(&store, "&InstanceId.1=i-3&InstanceId.2=i-1").unwrap().0,
        ["i-1", "i-3"]
    );
    assert_eq!(
        ask(&store, "&InstanceId.1=i-9").unwrap_err(),
        "InvalidInstanceID.NotFound"
    );
}

#[test]
fn pages_walk_the_list_held_in_its_structure() {
    let store = common::store(&[("describe-application-status", STATUSES)]);
    let (first, token) = ask(&store, "&MaxResults=2").unwrap();
    assert_eq!(first, ["i-1", "i-2"]);
    let token = token.expect("a next page");
    let encoded = percent_encoding::utf8_percent_encode(&token, percent_encoding::NON_ALPHANUMERIC);
    let (second, last) = ask(&store, &format!("&MaxResults=2&NextToken={encoded}")).unwrap();
    assert_eq!(second, ["i-3"]);
    assert_eq!(last, None);
    assert_eq!(
        ask(&store, "&MaxResults=101").unwrap_err(),
        "InvalidParameterValue"
    );
}

#[test]
fn filters_match_each_instance_not_the_whole_answer() {
    let store = common::store(&[("describe-application-status", STATUSES)]);
    let ok = ask(&store, "&Filter.1.Name=status&Filter.1.Value.1=ok").unwrap();
    assert_eq!(ok.0, ["i-1", "i-3"]);
    let zone = ask(
        &store,
        "&Filter.1.Name=availability-zone-id&Filter.1.Value.1=use1-az2",
    )
    .unwrap();
    assert_eq!(zone.0, ["i-2"]);
}

#[test]
fn the_store_dumps_the_list_where_the_aws_cli_prints_it() {
    let store = common::store(&[("describe-application-status", STATUSES)]);
    let dumped = store.dump();
    let output = &dumped["describe-application-status.json"];
    let listed = output["ApplicationStatuses"]["Instances"]
        .as_array()
        .unwrap();
    assert_eq!(listed.len(), 3);
    let again = common::store(&[("describe-application-status", &output.to_string())]);
    assert_eq!(ask(&again, "").unwrap().0, ["i-1", "i-2", "i-3"]);
}
