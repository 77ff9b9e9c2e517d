//! Every input a fuzz run failed on, kept under `fuzz/regressions/<target>/` and run through the
//! same check the fuzz target runs (`fuzz/src/checks.rs`, included here rather than copied), so a
//! fixed failure stays fixed in the normal suite. The runs that found them: `docs/bad-input.md`.

#[path = "../fuzz/src/checks.rs"]
#[allow(dead_code)]
mod checks;

use std::path::PathBuf;

/// The saved inputs of one target, with their file names.
fn regressions(target: &str) -> Vec<(String, Vec<u8>)> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Vec::new();
    };
    let mut inputs: Vec<(String, Vec<u8>)> = entries
        .map(|entry| {
            let path = entry.expect("a readable folder").path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).expect("a readable input"))
        })
        .collect();
    inputs.sort();
    inputs
}

fn run(target: &str, check: fn(&[u8])) {
    for (name, input) in regressions(target) {
        let outcome = std::panic::catch_unwind(|| check(&input));
        assert!(
            outcome.is_ok(),
            "fuzz/regressions/{target}/{name} fails again"
        );
    }
}

#[test]
fn query_decode_inputs_that_once_failed_pass() {
    run("query_decode", checks::query_decode);
}

#[test]
fn wildcard_inputs_that_once_failed_pass() {
    run("wildcard", checks::wildcard);
}

#[test]
fn xml_inputs_that_once_failed_pass() {
    run("xml_parse", checks::xml_parse);
}

#[test]
fn token_inputs_that_once_failed_pass() {
    run("token_decode", checks::token_decode);
}

#[test]
fn a_nul_in_response_text_is_refused_not_turned_into_another_value() {
    use ec2_ops::Ec2Response;
    use ec2_ops::operations::bundle_tasks::DescribeBundleTasks;
    let body = b"<DescribeBundleTasksResponse><bundleInstanceTasksSet><item><bundleId>bun-1\0</bundleId></item></bundleInstanceTasksSet></DescribeBundleTasksResponse>";
    let error = <DescribeBundleTasks as ec2_ops::DescribeOperation>::Response::from_xml(body)
        .expect_err("NUL is not XML");
    assert!(error.to_string().contains("NUL"), "{error}");
}

#[test]
fn a_token_for_a_long_resume_id_verifies() {
    use ec2_ops::{RequestFingerprint, TokenKey};
    let key = TokenKey::from_bytes([1; 32]);
    let fingerprint = RequestFingerprint::new(&[], &[]);
    let id = "i-".to_owned() + &"0".repeat(40_000);
    let token = key.sign("DescribeInstances", &fingerprint, &id);
    assert_eq!(
        key.verify("DescribeInstances", &fingerprint, &token)
            .unwrap(),
        id
    );
}
