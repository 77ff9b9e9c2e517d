//! Runs EC2's describe semantics over a small embedded set of bundle tasks and prints what each call
//! returns: filters with wildcards, IDs, an unknown ID, DryRun, and a paginated walk.
//!
//! `cargo run --example quickstart`

use ec2_ops::{
    DescribeContext, DescribeInput, Ec2Error, Filter, FilterCatalog, IdSpec, InMemorySource,
    MalformedSpec, Operation, OperationSpec, Page, PaginationSpec, TagFilters, ValueSet, describe,
};

#[derive(Debug, Clone)]
struct BundleTask {
    bundle_id: String,
    instance_id: String,
    state: String,
    bucket: String,
}

struct DescribeBundleTasks;

impl Operation for DescribeBundleTasks {
    type Resource = BundleTask;
    const SPEC: OperationSpec = OperationSpec {
        action: "DescribeBundleTasks",
        filters: FilterCatalog {
            names: &["bundle-id", "instance-id", "state", "s3-bucket"],
            tags: TagFilters::NONE,
        },
        ids: Some(IdSpec {
            parameter: "BundleId",
            noun: "bundle ID",
            not_found_code: "InvalidBundleID.NotFound",
            malformed: Some(MalformedSpec {
                prefix: "bun-",
                code: "InvalidBundleID.Malformed",
            }),
            set_name: "bundleIdSet",
        }),
        pagination: Some(PaginationSpec {
            min: 5,
            max: 1000,
            clamp: false,
            ids_with_max_results: false,
        }),
    };

    fn resource_id(task: &BundleTask) -> &str {
        &task.bundle_id
    }

    fn filter_matches(task: &BundleTask, index: usize, values: &ValueSet) -> bool {
        match index {
            0 => values.matches(&task.bundle_id),
            1 => values.matches(&task.instance_id),
            2 => values.matches(&task.state),
            3 => values.matches(&task.bucket),
            _ => false,
        }
    }
}

const STATES: [&str; 4] = ["pending", "bundling", "complete", "failed"];

fn main() {
    let source = InMemorySource::new(|task: &BundleTask| task.bundle_id.as_str());
    for n in 0..12_u32 {
        source.insert(BundleTask {
            bundle_id: format!("bun-{:08x}", n.wrapping_mul(2_654_435_761)),
            instance_id: format!("i-{n:017x}"),
            state: STATES[n as usize % STATES.len()].to_owned(),
            bucket: if n % 2 == 0 {
                "my bucket/*".into()
            } else {
                "logs".into()
            },
        });
    }
    let context = DescribeContext::default();
    let call = |label: &str, input: DescribeInput<'_>| -> Result<Page<BundleTask>, Ec2Error> {
        let result = describe::<DescribeBundleTasks, _>(&input, &source, &context);
        match &result {
            Ok(page) => {
                let ids: Vec<&str> = page.items.iter().map(|t| t.bundle_id.as_str()).collect();
                println!(
                    "{label}: {} item(s) {ids:?}, next token: {}",
                    ids.len(),
                    page.next_token.is_some()
                );
            }
            Err(err) => println!(
                "{label}: HTTP {} {}: {}",
                err.status(),
                err.code(),
                err.message()
            ),
        }
        result
    };

    let states = [Filter::new("state", ["complete", "fail*"])];
    let _ = call(
        "state=complete|fail*",
        DescribeInput {
            filters: &states,
            ..Default::default()
        },
    );
    let escaped = [Filter::new("s3-bucket", [r"my bucket/\*"])];
    let _ = call(
        r"s3-bucket=my bucket/\*",
        DescribeInput {
            filters: &escaped,
            ..Default::default()
        },
    );
    let bad_escape = [Filter::new("s3-bucket", [r"my\d"])];
    let _ = call(
        "bad escape",
        DescribeInput {
            filters: &bad_escape,
            ..Default::default()
        },
    );
    let unknown = [Filter::new("owner", ["me"])];
    let _ = call(
        "unknown filter",
        DescribeInput {
            filters: &unknown,
            ..Default::default()
        },
    );
    let ids = vec!["bun-00000000".to_owned(), "bun-ffffffff".to_owned()];
    let _ = call(
        "unknown id",
        DescribeInput {
            ids: &ids,
            ..Default::default()
        },
    );
    let _ = call(
        "dry run",
        DescribeInput {
            dry_run: true,
            ..Default::default()
        },
    );

    let mut token: Option<String> = None;
    for page_number in 1.. {
        let input = DescribeInput {
            max_results: Some(5),
            next_token: token.as_deref(),
            ..Default::default()
        };
        let Ok(page) = call(&format!("page {page_number}"), input) else {
            break;
        };
        match page.next_token {
            Some(next) => token = Some(next),
            None => break,
        }
    }
}
