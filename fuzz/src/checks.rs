//! What each fuzz target checks, one function per target, each taking the fuzzer's raw bytes and
//! panicking when a property fails. The fuzz targets call these; `tests/fuzz_regressions.rs` in the
//! workspace includes this file too and runs every saved input through them, so an input that once
//! failed stays a test of the normal suite.

use std::sync::{Arc, OnceLock};

use ec2_ops::operations::bundle_tasks::DescribeBundleTasks;
use ec2_ops::operations::conversion_tasks::DescribeConversionTasks;
use ec2_ops::operations::export_tasks::DescribeExportTasks;
use ec2_ops::operations::import_image_tasks::DescribeImportImageTasks;
use ec2_ops::operations::import_snapshot_tasks::DescribeImportSnapshotTasks;
use ec2_ops::operations::instances::DescribeInstances;
use ec2_ops::operations::key_pairs::DescribeKeyPairs;
use ec2_ops::operations::snapshots::DescribeSnapshots;
use ec2_ops::operations::tags::DescribeTags;
use ec2_ops::operations::volumes::DescribeVolumes;
use ec2_ops::wire::xml::parse_error;
use ec2_ops::{
    DescribeContext, DescribeOperation, Ec2Response, InMemorySource, Pattern, RequestFingerprint,
    Service, TokenKey,
};

/// The endpoint example's sample inventory, the fuzzed service's data.
const SAMPLE: &str = include_str!("../../ec2-ops-endpoint/src/sample.json");

/// Every hand-declared operation over the sample, built once per process.
fn service() -> &'static Service {
    static SERVICE: OnceLock<Service> = OnceLock::new();
    SERVICE.get_or_init(|| {
        let sample: serde_json::Value = serde_json::from_str(SAMPLE).expect("the sample is JSON");
        let mut service = Service::new(DescribeContext::new(TokenKey::from_bytes([9; 32])));
        fn add<O>(service: &mut Service, sample: &serde_json::Value, member: &str)
        where
            O: DescribeOperation + 'static,
            O::Resource: Clone + Send + Sync + serde::de::DeserializeOwned + 'static,
        {
            let resources: Vec<O::Resource> =
                serde_json::from_value(sample.get(member).cloned().unwrap_or_default())
                    .unwrap_or_else(|error| panic!("the sample's {member}: {error}"));
            let source = InMemorySource::new(O::resource_id);
            for unit in resources.into_iter().flat_map(O::units) {
                source.insert(unit);
            }
            service.register::<O, _>(Arc::new(source));
        }
        add::<DescribeBundleTasks>(&mut service, &sample, "BundleTasks");
        add::<DescribeConversionTasks>(&mut service, &sample, "ConversionTasks");
        add::<DescribeExportTasks>(&mut service, &sample, "ExportTasks");
        add::<DescribeImportImageTasks>(&mut service, &sample, "ImportImageTasks");
        add::<DescribeImportSnapshotTasks>(&mut service, &sample, "ImportSnapshotTasks");
        add::<DescribeInstances>(&mut service, &sample, "Reservations");
        add::<DescribeKeyPairs>(&mut service, &sample, "KeyPairs");
        add::<DescribeSnapshots>(&mut service, &sample, "Snapshots");
        add::<DescribeTags>(&mut service, &sample, "Tags");
        add::<DescribeVolumes>(&mut service, &sample, "Volumes");
        service
    })
}

/// Query decode through every operation: any body gets 200, DryRun's 412 or a 4xx with an EC2
/// error document, never a panic or a 5xx; a 200 is the named operation's response.
pub fn query_decode(input: &[u8]) {
    let answer = service().handle(input);
    match answer.status {
        200 => {
            let action = answer.action.as_deref().expect("a 200 names its action");
            let root = format!("<{action}Response ");
            assert!(
                answer
                    .body
                    .windows(root.len())
                    .any(|w| w == root.as_bytes()),
                "a 200 for {action} is its response"
            );
        }
        400..=499 => {
            let error = parse_error(&answer.body, answer.status).expect("an EC2 error document");
            assert_eq!(
                Some(error.error.code()),
                answer.error_code.as_deref(),
                "the document's code is the answer's"
            );
        }
        other => panic!("status {other} for {:?}", String::from_utf8_lossy(input)),
    }
}

/// One token of a filter value, as the reference matcher reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reference {
    Char(char),
    One,
    Run,
}

/// EC2's wildcard rules, read the plainest way: `*`, `?`, and `\*`, `\?`, `\\` as literals; any
/// other escape, or a trailing `\`, is an error.
fn reference_tokens(pattern: &str) -> Option<Vec<Reference>> {
    let mut tokens = Vec::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        tokens.push(match c {
            '*' => Reference::Run,
            '?' => Reference::One,
            '\\' => match chars.next() {
                Some(escaped @ ('*' | '?' | '\\')) => Reference::Char(escaped),
                _ => return None,
            },
            other => Reference::Char(other),
        });
    }
    Some(tokens)
}

/// Whether `tokens` match all of `text`, by dynamic programming over (token, character) prefixes.
fn reference_matches(tokens: &[Reference], text: &str) -> bool {
    let text: Vec<char> = text.chars().collect();
    // `reachable[j]`: the tokens so far match `text[..j]`.
    let mut reachable = vec![false; text.len() + 1];
    reachable[0] = true;
    for token in tokens {
        let mut next = vec![false; text.len() + 1];
        for j in 0..=text.len() {
            next[j] = match token {
                Reference::Run => reachable[j] || (j > 0 && next[j - 1]),
                Reference::One => j > 0 && reachable[j - 1],
                Reference::Char(c) => j > 0 && reachable[j - 1] && text[j - 1] == *c,
            };
        }
        reachable = next;
    }
    reachable[text.len()]
}

/// Wildcard compile and match against the reference: the input is a pattern and a text split at
/// the first NUL byte (inputs that are not UTF-8 are skipped). The pattern compiles exactly when
/// the reference reads it, and then matches exactly the texts the reference matches.
pub fn wildcard(input: &[u8]) {
    let Ok(input) = std::str::from_utf8(input) else {
        return;
    };
    let (pattern, text) = input.split_once('\0').unwrap_or((input, ""));
    let compiled = Pattern::compile(pattern);
    let reference = reference_tokens(pattern);
    match (compiled, reference) {
        (Ok(compiled), Some(reference)) => assert_eq!(
            compiled.matches(text),
            reference_matches(&reference, text),
            "pattern {pattern:?} against {text:?}"
        ),
        (Err(error), None) => assert_eq!(error.code(), "InvalidParameterValue"),
        (compiled, reference) => {
            panic!("pattern {pattern:?}: compiled {compiled:?}, reference {reference:?}")
        }
    }
}

/// Parses `body` as `O`'s response; when it parses, rendering and parsing again gives the same value.
fn response_round_trip<O>(body: &[u8])
where
    O: DescribeOperation,
    O::Response: Default + PartialEq + std::fmt::Debug,
{
    if let Ok(response) = O::Response::from_xml(body) {
        let rendered = response.to_xml();
        let again = O::Response::from_xml(&rendered).unwrap_or_else(|error| {
            panic!(
                "{}: a parsed response renders to XML that does not parse: {error}\n{}",
                O::SPEC.action,
                String::from_utf8_lossy(&rendered)
            )
        });
        assert_eq!(again, response, "{} round trip", O::SPEC.action);
    }
}

/// The response parser of every operation, and the error parser, on any bytes: no panic, and
/// whatever parses renders back to the same value.
pub fn xml_parse(input: &[u8]) {
    response_round_trip::<DescribeBundleTasks>(input);
    response_round_trip::<DescribeConversionTasks>(input);
    response_round_trip::<DescribeExportTasks>(input);
    response_round_trip::<DescribeImportImageTasks>(input);
    response_round_trip::<DescribeImportSnapshotTasks>(input);
    response_round_trip::<DescribeInstances>(input);
    response_round_trip::<DescribeKeyPairs>(input);
    response_round_trip::<DescribeSnapshots>(input);
    response_round_trip::<DescribeTags>(input);
    response_round_trip::<DescribeVolumes>(input);
    let _ = parse_error(input, 400);
}

/// Token decode: text that this key did not sign is refused, never panics; and whatever the input,
/// as a resume ID, signs into a token that verifies back to it.
pub fn token_decode(input: &[u8]) {
    let key = TokenKey::from_bytes([5; 32]);
    let fingerprint = RequestFingerprint::new(&[], &[]);
    let text = String::from_utf8_lossy(input);
    if let Err(error) = key.verify("DescribeVolumes", &fingerprint, &text) {
        assert_eq!(error.code(), "InvalidParameterValue");
        assert_eq!(error.status(), 400);
    } else {
        panic!("a token nobody signed was accepted: {text:?}");
    }
    let token = key.sign("DescribeVolumes", &fingerprint, &text);
    assert_eq!(
        key.verify("DescribeVolumes", &fingerprint, &token)
            .as_deref(),
        Ok(&*text)
    );
    assert!(
        key.verify("DescribeSnapshots", &fingerprint, &token)
            .is_err()
    );
}
