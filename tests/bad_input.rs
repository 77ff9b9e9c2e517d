//! The rows of `docs/bad-input.md`: each hostile request gets EC2's code, message and status from the
//! service (what the endpoint answers once the body is read), and each hostile response document is
//! refused by the parser with its reason. The HTTP-level rows (oversized bodies, slow clients) are
//! tested against the running server in `ec2-ops-endpoint/src/server.rs`. The last test checks that
//! every test the table names exists, so the table cannot drift from the suite.

mod common;

use std::sync::Arc;

use common::{by_id, form, sample};
use ec2_ops::operations::bundle_tasks::DescribeBundleTasks;
use ec2_ops::operations::snapshots::DescribeSnapshots;
use ec2_ops::operations::volumes::DescribeVolumes;
use ec2_ops::wire::xml::parse_error;
use ec2_ops::{
    DescribeContext, DescribeOperation, Ec2Response, RequestFingerprint, Service, TokenKey,
};

const KEY: [u8; 32] = [3; 32];

fn service() -> Service {
    let sample = sample();
    let mut service = Service::new(DescribeContext::new(TokenKey::from_bytes(KEY)));
    service.register::<DescribeVolumes, _>(Arc::new(by_id::<DescribeVolumes>(sample.volumes)));
    service
        .register::<DescribeSnapshots, _>(Arc::new(by_id::<DescribeSnapshots>(sample.snapshots)));
    service.register::<DescribeBundleTasks, _>(Arc::new(by_id::<DescribeBundleTasks>(
        sample.bundle_tasks,
    )));
    service
}

/// The answer to a raw body: status, code and message.
fn answer(body: &[u8]) -> (u16, String, String) {
    let answer = service().handle(body);
    assert_ne!(answer.status, 200, "refused");
    let error = parse_error(&answer.body, answer.status).expect("an EC2 error document");
    (
        answer.status,
        error.error.code().to_owned(),
        error.error.message().to_owned(),
    )
}

fn volumes(params: &str) -> (u16, String, String) {
    answer(format!("Action=DescribeVolumes&Version=2016-11-15{params}").as_bytes())
}

fn invalid(message: &str) -> (u16, String, String) {
    (400, "InvalidParameterValue".into(), message.into())
}

#[test]
fn a_body_over_the_request_limit_is_refused_before_it_is_parsed() {
    let mut body =
        b"Action=DescribeVolumes&Version=2016-11-15&Filter.1.Name=volume-id&Filter.1.Value.1="
            .to_vec();
    body.resize(10 << 20, b'a');
    assert_eq!(
        answer(&body),
        invalid("The request is larger than 1048576 bytes")
    );
}

#[test]
fn a_value_over_64_kib_is_refused() {
    let value = "a".repeat(100_000);
    assert_eq!(
        volumes(&format!(
            "&Filter.1.Name=volume-id&Filter.1.Value.1={value}"
        )),
        invalid("A request parameter is longer than 65536 bytes")
    );
}

#[test]
fn more_than_10000_parameters_are_refused() {
    let mut body = String::from("Action=DescribeVolumes&Version=2016-11-15");
    for n in 0..100_000 {
        body.push_str(&format!("&k{n}=1"));
    }
    assert_eq!(
        answer(body.as_bytes()),
        invalid("The request has more than 10000 parameters")
    );
}

#[test]
fn ten_thousand_filters_are_refused_by_the_parameter_limit() {
    let mut params = String::new();
    for n in 1..=10_000 {
        params.push_str(&format!("&Filter.{n}.Name=volume-id"));
    }
    assert_eq!(
        volumes(&params),
        invalid("The request has more than 10000 parameters")
    );
}

#[test]
fn more_than_200_filter_values_are_filter_limit_exceeded() {
    let mut params = String::new();
    for n in 1..=201 {
        params.push_str(&format!(
            "&Filter.{n}.Name=volume-id&Filter.{n}.Value.1=vol-{n}"
        ));
    }
    assert_eq!(
        volumes(&params),
        (
            400,
            "FilterLimitExceeded".into(),
            "The maximum number of filter values specified on a single call is 200".into()
        )
    );
}

#[test]
fn sparse_list_indices_are_a_list_in_index_order() {
    let sample = sample();
    let first = sample.volumes[0].volume_id.clone().unwrap();
    let second = sample.volumes[1].volume_id.clone().unwrap();
    let page = common::call::<DescribeVolumes>(
        &service(),
        &format!("&VolumeId.7={second}&VolumeId.1={first}"),
    )
    .unwrap();
    let mut listed: Vec<_> = page
        .volumes
        .into_iter()
        .filter_map(|v| v.volume_id)
        .collect();
    listed.sort();
    let mut expected = vec![first, second];
    expected.sort();
    assert_eq!(listed, expected);
}

#[test]
fn a_list_index_over_10000_is_invalid_parameter_value() {
    assert_eq!(
        volumes("&Filter.99999999999999999999.Name=volume-id"),
        invalid(
            "Value (99999999999999999999) for parameter Filter.99999999999999999999.Name is invalid. List indices start at 1 and may not exceed 10000."
        )
    );
}

#[test]
fn list_index_0_is_invalid_parameter_value() {
    assert_eq!(
        volumes("&VolumeId.0=vol-1"),
        invalid(
            "Value (0) for parameter VolumeId.0 is invalid. List indices start at 1 and may not exceed 10000."
        )
    );
}

#[test]
fn a_repeated_key_is_invalid_parameter_value() {
    assert_eq!(
        volumes("&MaxResults=5&MaxResults=6"),
        invalid("The parameter MaxResults is specified more than once")
    );
}

#[test]
fn an_invalid_percent_escape_is_invalid_query_parameter() {
    for (params, escape) in [
        ("&Filter.1.Name=volume-id&Filter.1.Value.1=%zz", "%zz"),
        ("&Filter.1.Name=volume-id&Filter.1.Value.1=50%", "%"),
        ("&Filter.1.Name%2=volume-id", "%2"),
    ] {
        assert_eq!(
            volumes(params),
            (
                400,
                "InvalidQueryParameter".into(),
                format!(
                    "The AWS query string is malformed or does not adhere to AWS standards: `{escape}` is not a percent-escape"
                )
            ),
            "{params}"
        );
    }
}

#[test]
fn invalid_utf8_is_invalid_parameter_value() {
    assert_eq!(
        volumes("&Filter.1.Name=volume-id&Filter.1.Value.1=%FF%FE"),
        invalid("Request parameters must be valid UTF-8")
    );
}

#[test]
fn a_missing_action_is_missing_action() {
    assert_eq!(
        answer(b"Version=2016-11-15"),
        (
            400,
            "MissingAction".into(),
            "The request must contain the parameter Action".into()
        )
    );
}

#[test]
fn an_unknown_action_is_invalid_action() {
    assert_eq!(
        answer(b"Action=DescribeUnicorns&Version=2016-11-15"),
        (
            400,
            "InvalidAction".into(),
            "The action DescribeUnicorns is not valid for this web service.".into()
        )
    );
}

#[test]
fn a_missing_version_is_missing_parameter() {
    assert_eq!(
        answer(b"Action=DescribeVolumes"),
        (
            400,
            "MissingParameter".into(),
            "The request must contain the parameter Version".into()
        )
    );
}

#[test]
fn an_unknown_version_is_invalid_parameter_value() {
    assert_eq!(
        answer(b"Action=DescribeVolumes&Version=2010-01-01"),
        invalid(
            "Value (2010-01-01) for parameter Version is invalid. This service supports API version 2016-11-15 only."
        )
    );
}

#[test]
fn an_unknown_parameter_is_unknown_parameter() {
    assert_eq!(
        volumes("&Colour=blue"),
        (
            400,
            "UnknownParameter".into(),
            "The parameter Colour is not recognized".into()
        )
    );
}

#[test]
fn max_results_below_the_minimum_or_negative_is_invalid_parameter_value() {
    for value in ["-1", "4"] {
        assert_eq!(
            volumes(&format!("&MaxResults={value}")),
            invalid(&format!(
                "Value ( {value} ) for parameter maxResults is invalid. Expecting a value greater than 5."
            ))
        );
    }
}

#[test]
fn max_results_not_a_number_or_overflowing_is_invalid_parameter_value() {
    for value in ["abc", "99999999999999999999", "1e3"] {
        assert_eq!(
            volumes(&format!("&MaxResults={value}")),
            invalid(&format!(
                "Value ({value}) for parameter MaxResults is invalid. Expecting an integer."
            ))
        );
    }
}

fn invalid_token(token: &str) -> (u16, String, String) {
    invalid(&format!(
        "Value ( {token} ) for parameter NextToken is invalid. The token is invalid."
    ))
}

/// A real token: the first page of an unfiltered DescribeVolumes walk at 5.
fn first_page_token() -> String {
    common::call::<DescribeVolumes>(&service(), "&MaxResults=5")
        .unwrap()
        .next_token
        .expect("more than one page")
}

#[test]
fn a_forged_next_token_is_invalid() {
    // Well-formed (version byte, an ID, a tag) but signed with nobody's key.
    let forged = TokenKey::from_bytes([0; 32]).sign(
        "DescribeVolumes",
        &RequestFingerprint::new(&[], &[]),
        "vol-0",
    );
    for token in [forged.as_str(), "garbage", "AQ"] {
        assert_eq!(
            volumes(&format!("&MaxResults=5&NextToken={}", form(token))),
            invalid_token(token)
        );
    }
}

#[test]
fn a_truncated_next_token_is_invalid() {
    let token = first_page_token();
    let truncated = &token[..token.len() - 3];
    assert_eq!(
        volumes(&format!("&MaxResults=5&NextToken={}", form(truncated))),
        invalid_token(truncated)
    );
}

#[test]
fn a_next_token_replayed_with_other_filters_is_invalid() {
    let token = first_page_token();
    assert_eq!(
        volumes(&format!(
            "&MaxResults=5&Filter.1.Name=status&Filter.1.Value.1=available&NextToken={}",
            form(&token)
        )),
        invalid_token(&token)
    );
}

#[test]
fn a_next_token_replayed_with_other_ids_is_invalid() {
    let key = TokenKey::from_bytes(KEY);
    let token = key.sign(
        "DescribeSnapshots",
        &RequestFingerprint::new(&[], &["snap-1".to_owned()]),
        "snap-0",
    );
    let answer = answer(
        format!(
            "Action=DescribeSnapshots&Version=2016-11-15&SnapshotId.1=snap-2&NextToken={}",
            form(&token)
        )
        .as_bytes(),
    );
    assert_eq!(answer, invalid_token(&token));
}

#[test]
fn a_next_token_from_another_operation_is_invalid() {
    let token = first_page_token();
    let answer = answer(
        format!(
            "Action=DescribeSnapshots&Version=2016-11-15&MaxResults=5&NextToken={}",
            form(&token)
        )
        .as_bytes(),
    );
    assert_eq!(answer, invalid_token(&token));
}

#[test]
fn a_next_token_signed_with_an_older_key_is_invalid() {
    let older = TokenKey::from_bytes([4; 32]);
    let fingerprint = RequestFingerprint::new(&[], &[]);
    let token = older.sign("DescribeVolumes", &fingerprint, "vol-0");
    assert_eq!(
        volumes(&format!("&MaxResults=5&NextToken={}", form(&token))),
        invalid_token(&token)
    );
}

#[test]
fn a_filter_value_over_255_characters_is_invalid_parameter_value() {
    let long = "v".repeat(256);
    assert_eq!(
        volumes(&format!("&Filter.1.Name=volume-id&Filter.1.Value.1={long}")),
        invalid("The maximum length for a filter value is 255 characters")
    );
    let fits = "v".repeat(255);
    let service = service();
    assert!(
        common::call::<DescribeVolumes>(
            &service,
            &format!("&Filter.1.Name=volume-id&Filter.1.Value.1={fits}")
        )
        .is_ok()
    );
}

type VolumesResponse = <DescribeVolumes as DescribeOperation>::Response;

fn parse_failure(body: &[u8]) -> String {
    VolumesResponse::from_xml(body)
        .expect_err("refused")
        .to_string()
}

#[test]
fn a_response_nested_deeper_than_64_elements_is_refused() {
    let depth = 100;
    let body = format!(
        "<DescribeVolumesResponse>{}{}</DescribeVolumesResponse>",
        "<a>".repeat(depth),
        "</a>".repeat(depth)
    );
    assert!(
        parse_failure(body.as_bytes()).contains("nest deeper than 64"),
        "{}",
        parse_failure(body.as_bytes())
    );
}

#[test]
fn a_response_with_entity_declarations_is_refused() {
    let laughs = concat!(
        "<?xml version=\"1.0\"?>",
        "<!DOCTYPE lolz [<!ENTITY lol \"lol\">",
        "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">",
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>",
        "<DescribeVolumesResponse><requestId>&lol3;</requestId></DescribeVolumesResponse>"
    );
    let failure = parse_failure(laughs.as_bytes());
    assert!(failure.contains("DTDs are not accepted"), "{failure}");
    let undeclared =
        b"<DescribeVolumesResponse><requestId>&lol;</requestId></DescribeVolumesResponse>";
    assert!(parse_failure(undeclared).contains("unknown entity &lol;"));
}

#[test]
fn a_truncated_response_is_refused() {
    let whole = VolumesResponse::default().to_xml();
    for cut in [whole.len() / 2, whole.len() - 1] {
        let failure = parse_failure(&whole[..cut]);
        assert!(failure.starts_with("invalid EC2 response XML"), "{failure}");
    }
}

#[test]
fn a_response_with_the_wrong_root_is_refused() {
    let failure = parse_failure(b"<DescribeSnapshotsResponse></DescribeSnapshotsResponse>");
    assert!(
        failure.contains("expected <DescribeVolumesResponse>, found <DescribeSnapshotsResponse>"),
        "{failure}"
    );
}

#[test]
fn an_error_body_is_not_a_response_and_parses_as_an_error() {
    let body = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>5e7a1c2b-0000-4000-8000-000000000000</RequestID></Response>";
    assert!(parse_failure(body).contains("expected <DescribeVolumesResponse>, found <Response>"));
    let error = parse_error(body, 503).unwrap();
    assert_eq!(error.error.code(), "RequestLimitExceeded");
    assert_eq!(error.error.message(), "Request limit exceeded.");
    assert_eq!(error.error.status(), 503);
    assert_eq!(
        error.request_id.as_deref(),
        Some("5e7a1c2b-0000-4000-8000-000000000000")
    );
}

/// Every `file::test` the table in `docs/bad-input.md` names is a test in that file.
#[test]
fn every_test_the_bad_input_table_names_exists() {
    let root = env!("CARGO_MANIFEST_DIR");
    let table = std::fs::read_to_string(format!("{root}/docs/bad-input.md")).unwrap();
    let mut named = 0;
    for cell in table.split('`') {
        let Some((file, test)) = cell.split_once("::") else {
            continue;
        };
        if !(file.ends_with(".rs") || file.ends_with(".py")) {
            continue;
        }
        let source = std::fs::read_to_string(format!("{root}/{file}"))
            .unwrap_or_else(|_| panic!("docs/bad-input.md names {file}, which does not exist"));
        let definition = if file.ends_with(".py") {
            format!("def {test}(")
        } else {
            format!("fn {test}(")
        };
        assert!(
            source.contains(&definition),
            "docs/bad-input.md names {file}::{test}, which is not a test there"
        );
        named += 1;
    }
    assert!(named >= 30, "the table names {named} tests");
}
