//! One test (or a few) per row of the runtime crate docs' semantics table (`src/lib.rs`), through the
//! public `describe` pipeline.

mod common;

use std::ops::ControlFlow;

use common::*;
use ec2_ops_runtime::*;

/// A source that fails the test if the pipeline reads from it: proves checks that must happen before
/// any data is read really do.
struct UntouchableSource;

impl ResourceSource<Task> for UntouchableSource {
    fn get(&self, id: &str) -> Option<Task> {
        panic!("data read (get {id}) before validation finished")
    }
    fn contains(&self, id: &str) -> bool {
        panic!("data read (contains {id}) before validation finished")
    }
    fn scan_after(&self, _: Option<&str>, _: &mut dyn FnMut(&str, &Task) -> ControlFlow<()>) {
        panic!("data read (scan) before validation finished")
    }
}

fn run_untouched(input: DescribeInput<'_>) -> Ec2Error {
    describe::<DescribeTasks, _>(&input, &UntouchableSource, &context()).unwrap_err()
}

fn three_tasks() -> InMemorySource<Task> {
    source([
        Task::new("task-1", "active"),
        Task::new("task-2", "completed"),
        Task::new("task-3", "deleted"),
    ])
}

// --- filter combination -------------------------------------------------------------------------

#[test]
fn filters_are_anded_and_a_filters_values_are_ored() {
    let mut a = Task::new("task-1", "active");
    a.groups = vec!["blue".into()];
    let mut b = Task::new("task-2", "completed");
    b.groups = vec!["blue".into()];
    let mut c = Task::new("task-3", "completed");
    c.groups = vec!["red".into()];
    let source = source([a, b, c]);
    let or = [Filter::new("state", ["active", "completed"])];
    assert_eq!(
        filtered(&source, &or).unwrap(),
        ["task-1", "task-2", "task-3"]
    );
    let and = [
        Filter::new("state", ["active", "completed"]),
        Filter::new("group", ["blue"]),
    ];
    assert_eq!(filtered(&source, &and).unwrap(), ["task-1", "task-2"]);
}

#[test]
fn filter_names_and_values_are_case_sensitive() {
    let source = three_tasks();
    assert_eq!(
        filtered(&source, &[Filter::new("state", ["Active"])]).unwrap(),
        Vec::<String>::new()
    );
    let err = filtered(&source, &[Filter::new("State", ["active"])]).unwrap_err();
    assert_eq!(err.message(), "The filter 'State' is invalid");
}

// --- what a value is matched against --------------------------------------------------------------

#[test]
fn values_match_the_wire_text_of_booleans_numbers_and_timestamps() {
    let mut task = Task::new("task-1", "active");
    task.encrypted = Some(true);
    task.size = Some(0.0);
    task.started = Some(DateTime::parse("2013-09-15T17:15:20Z").unwrap());
    let source = source([task]);
    let one = |name: &str, value: &str| {
        filtered(&source, &[Filter::new(name, [value])])
            .unwrap()
            .len()
    };
    assert_eq!(one("encrypted", "true"), 1);
    assert_eq!(one("encrypted", "True"), 0);
    assert_eq!(one("size", "0.0"), 1);
    assert_eq!(one("size", "0"), 0);
    assert_eq!(one("start-time", "2013-09-15T17:15:20.000Z"), 1);
    assert_eq!(one("start-time", "2013-09-15T17:15:20Z"), 0);
    assert_eq!(one("start-time", "2013-09-15*"), 1);
}

// --- wildcards ------------------------------------------------------------------------------------

#[test]
fn wildcards_apply_to_filter_values() {
    let source = source([
        Task::new("task-1", "a*b?"),
        Task::new("task-2", "aXXbY"),
        Task::new("task-3", "ab"),
    ]);
    assert_eq!(
        filtered(&source, &[Filter::new("state", ["a*b?"])]).unwrap(),
        ["task-1", "task-2"]
    );
    assert_eq!(
        filtered(&source, &[Filter::new("state", [r"a\*b\?"])]).unwrap(),
        ["task-1"]
    );
    assert_eq!(
        filtered(&source, &[Filter::new("state", ["a*b*"])]).unwrap(),
        ["task-1", "task-2", "task-3"]
    );
}

#[test]
fn an_unknown_escape_in_a_filter_value_is_invalid_parameter_value() {
    let filters = [Filter::new("state", [r"\d"])];
    let err = run_untouched(DescribeInput {
        filters: &filters,
        ..Default::default()
    });
    assert_eq!((err.code(), err.status()), ("InvalidParameterValue", 400));
    assert_eq!(
        err.message(),
        r"Invalid filter value: The escape sequence '\d' is invalid"
    );
}

// --- multi-valued fields, absent fields -------------------------------------------------------------

#[test]
fn a_list_field_matches_when_any_element_matches_any_value() {
    let mut task = Task::new("task-1", "active");
    task.groups = vec!["red".into(), "green".into()];
    let source = source([task, Task::new("task-2", "active")]);
    assert_eq!(
        filtered(&source, &[Filter::new("group", ["blue", "gr*"])]).unwrap(),
        ["task-1"]
    );
    assert!(
        filtered(&source, &[Filter::new("group", ["blue"])])
            .unwrap()
            .is_empty()
    );
}

#[test]
fn an_absent_field_never_matches_even_a_star() {
    let mut absent = Task::new("task-1", "active");
    absent.state = None;
    let source = source([absent, Task::new("task-2", "")]);
    assert_eq!(
        filtered(&source, &[Filter::new("state", ["*"])]).unwrap(),
        ["task-2"]
    );
}

// --- unknown filter name, no values ---------------------------------------------------------------

#[test]
fn an_unknown_filter_name_is_rejected_before_any_data_is_read() {
    let filters = [
        Filter::new("state", ["active"]),
        Filter::new("public-ip", ["1.2.3.4"]),
    ];
    let err = run_untouched(DescribeInput {
        filters: &filters,
        ..Default::default()
    });
    assert_eq!((err.code(), err.status()), ("InvalidParameterValue", 400));
    assert_eq!(err.message(), "The filter 'public-ip' is invalid");
}

#[test]
fn a_filter_with_no_values_matches_nothing() {
    let source = three_tasks();
    let filters = [Filter::new("state", Vec::<String>::new())];
    assert!(filtered(&source, &filters).unwrap().is_empty());
}

// --- tags ---------------------------------------------------------------------------------------

#[test]
fn tag_filters_match_by_key_value_and_independently() {
    let mut a = Task::new("task-1", "active");
    a.tags = vec![Tag::new("Owner", "TeamA"), Tag::new("Purpose", "web")];
    let mut b = Task::new("task-2", "active");
    b.tags = vec![Tag::new("Owner", "TeamB")];
    let source = source([a, b, Task::new("task-3", "active")]);
    assert_eq!(
        filtered(&source, &[Filter::new("tag:Owner", ["Team?"])]).unwrap(),
        ["task-1", "task-2"]
    );
    assert_eq!(
        filtered(&source, &[Filter::new("tag:Owner", ["TeamA"])]).unwrap(),
        ["task-1"]
    );
    assert_eq!(
        filtered(&source, &[Filter::new("tag-key", ["Purpose"])]).unwrap(),
        ["task-1"]
    );
    assert_eq!(
        filtered(&source, &[Filter::new("tag-value", ["TeamB"])]).unwrap(),
        ["task-2"]
    );
    // tag-key and tag-value are independent: key Purpose exists, and some tag has value TeamA.
    let both = [
        Filter::new("tag-key", ["Purpose"]),
        Filter::new("tag-value", ["TeamA"]),
    ];
    assert_eq!(filtered(&source, &both).unwrap(), ["task-1"]);
    let err = filtered(&source, &[Filter::new("tag:", ["x"])]).unwrap_err();
    assert_eq!(err.message(), "The filter 'tag:' is invalid");
}

// --- limits ---------------------------------------------------------------------------------------

#[test]
fn more_than_200_filter_values_in_one_call_is_filter_limit_exceeded() {
    let values: Vec<String> = (0..101).map(|n| n.to_string()).collect();
    let filters = [
        Filter::new("state", values.clone()),
        Filter::new("group", values),
    ];
    let err = run_untouched(DescribeInput {
        filters: &filters,
        ..Default::default()
    });
    assert_eq!((err.code(), err.status()), ("FilterLimitExceeded", 400));
    let ok: Vec<String> = (0..200).map(|n| n.to_string()).collect();
    assert!(filtered(&three_tasks(), &[Filter::new("state", ok)]).is_ok());
}

#[test]
fn a_filter_value_over_255_characters_is_invalid_parameter_value() {
    let filters = [Filter::new("state", ["é".repeat(256)])];
    let err = run_untouched(DescribeInput {
        filters: &filters,
        ..Default::default()
    });
    assert_eq!(err.code(), "InvalidParameterValue");
    assert_eq!(
        err.message(),
        "The maximum length for a filter value is 255 characters"
    );
    assert!(filtered(&three_tasks(), &[Filter::new("state", ["é".repeat(255)])]).is_ok());
}

#[test]
fn more_than_1000_ids_is_invalid_parameter_value() {
    let ids: Vec<String> = (0..1001).map(|n| format!("task-{n}")).collect();
    let err = run_untouched(DescribeInput {
        ids: &ids,
        ..Default::default()
    });
    assert_eq!((err.code(), err.status()), ("InvalidParameterValue", 400));
}

// --- IDs ------------------------------------------------------------------------------------------

#[test]
fn ids_limit_the_results_and_repeats_count_once() {
    let source = three_tasks();
    let ids = vec![
        "task-3".to_owned(),
        "task-1".to_owned(),
        "task-3".to_owned(),
    ];
    let page = run(
        &source,
        DescribeInput {
            ids: &ids,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(ids_of(&page), ["task-1", "task-3"]);
}

#[test]
fn ids_and_filters_combine() {
    let source = three_tasks();
    let ids = vec!["task-1".to_owned(), "task-2".to_owned()];
    let filters = [Filter::new("state", ["completed"])];
    let page = run(
        &source,
        DescribeInput {
            ids: &ids,
            filters: &filters,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(ids_of(&page), ["task-2"]);
}

#[test]
fn an_unknown_id_is_not_found_with_ec2_wording() {
    let source = three_tasks();
    let ids = vec!["task-1".to_owned(), "task-x".to_owned()];
    let err = run(
        &source,
        DescribeInput {
            ids: &ids,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!((err.code(), err.status()), ("InvalidTaskID.NotFound", 400));
    assert_eq!(err.message(), "The task ID 'task-x' does not exist");
}

#[test]
fn a_malformed_id_is_rejected_before_any_data_is_read() {
    let ids = vec!["task-1".to_owned(), "bun-1".to_owned()];
    let err = run_untouched(DescribeInput {
        ids: &ids,
        ..Default::default()
    });
    assert_eq!((err.code(), err.status()), ("InvalidTaskID.Malformed", 400));
    assert_eq!(
        err.message(),
        "Invalid id: \"bun-1\" (expecting \"task-...\")"
    );
    let bare = vec!["task-".to_owned()];
    assert_eq!(
        run_untouched(DescribeInput {
            ids: &bare,
            ..Default::default()
        })
        .code(),
        "InvalidTaskID.Malformed"
    );
}

// --- MaxResults -----------------------------------------------------------------------------------

#[test]
fn max_results_outside_the_declared_bounds_is_invalid_parameter_value() {
    let low = run_untouched(DescribeInput {
        max_results: Some(4),
        ..Default::default()
    });
    assert_eq!(low.code(), "InvalidParameterValue");
    assert_eq!(
        low.message(),
        "Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5."
    );
    let high = run_untouched(DescribeInput {
        max_results: Some(1001),
        ..Default::default()
    });
    assert_eq!(
        high.message(),
        "Value ( 1001 ) for parameter maxResults is invalid. Expecting a value less than 1000."
    );
    let negative = run_untouched(DescribeInput {
        max_results: Some(i32::MIN),
        ..Default::default()
    });
    assert_eq!(negative.status(), 400);
    let source = three_tasks();
    for bound in [5, 1000] {
        assert!(
            run(
                &source,
                DescribeInput {
                    max_results: Some(bound),
                    ..Default::default()
                }
            )
            .is_ok()
        );
    }
}

#[test]
fn max_results_with_ids_is_a_parameter_combination_error_where_forbidden() {
    let ids = vec!["task-1".to_owned()];
    let input = DescribeInput {
        ids: &ids,
        max_results: Some(5),
        ..Default::default()
    };
    let err =
        describe::<DescribeStrictTasks, _>(&input, &UntouchableSource, &context()).unwrap_err();
    assert_eq!(
        (err.code(), err.status()),
        ("InvalidParameterCombination", 400)
    );
    assert_eq!(
        err.message(),
        "The parameter taskSet cannot be used with the parameter maxResults"
    );
    // Allowed where the operation allows it.
    assert!(run(&three_tasks(), input).is_ok());
}

// --- NextToken and page order ----------------------------------------------------------------------

fn many(n: usize) -> InMemorySource<Task> {
    // Inserted in reverse so that order comes from the IDs, not from insertion.
    source((0..n).rev().map(|i| {
        Task::new(
            &format!("task-{i:04}"),
            if i % 3 == 0 { "active" } else { "completed" },
        )
    }))
}

fn walk(
    source: &InMemorySource<Task>,
    filters: &[Filter],
    ids: &[String],
    max: i32,
) -> Vec<String> {
    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let input = DescribeInput {
            filters,
            ids,
            max_results: Some(max),
            next_token: token.as_deref(),
            dry_run: false,
            parent: None,
        };
        let page = run(source, input).unwrap();
        assert!(page.items.len() <= max as usize);
        seen.extend(page.items.into_iter().map(|task| task.id));
        match page.next_token {
            Some(next) => token = Some(next),
            None => return seen,
        }
    }
}

#[test]
fn pages_come_in_id_order_and_the_last_page_has_no_token() {
    let source = many(23);
    let seen = walk(&source, &[], &[], 5);
    let expected: Vec<String> = (0..23).map(|i| format!("task-{i:04}")).collect();
    assert_eq!(seen, expected);
    let all = run(
        &source,
        DescribeInput {
            max_results: Some(1000),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(all.items.len(), 23);
    assert_eq!(all.next_token, None);
}

#[test]
fn without_max_results_everything_comes_in_one_page() {
    let page = run(&many(1500), DescribeInput::default()).unwrap();
    assert_eq!((page.items.len(), page.next_token), (1500, None));
}

#[test]
fn pagination_with_filters_and_ids_returns_each_match_once() {
    let source = many(100);
    let filters = [Filter::new("state", ["active"])];
    let seen = walk(&source, &filters, &[], 5);
    assert_eq!(seen.len(), 34);
    let ids: Vec<String> = (0..100)
        .step_by(7)
        .map(|i| format!("task-{i:04}"))
        .collect();
    assert_eq!(walk(&source, &[], &ids, 5), ids);
}

#[test]
fn a_token_resumes_strictly_after_the_last_id_even_when_it_was_deleted() {
    let source = many(10);
    let first = run(
        &source,
        DescribeInput {
            max_results: Some(5),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(ids_of(&first).last(), Some(&"task-0004"));
    source.remove("task-0004");
    source.insert(Task::new("task-0002x", "active"));
    let second = run(
        &source,
        DescribeInput {
            max_results: Some(5),
            next_token: first.next_token.as_deref(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        ids_of(&second),
        [
            "task-0005",
            "task-0006",
            "task-0007",
            "task-0008",
            "task-0009"
        ]
    );
}

#[test]
fn a_selective_filter_ends_a_page_early_with_a_token_instead_of_scanning_everything() {
    let source = many(20_000);
    let filters = [Filter::new("task-id", ["task-19999"])];
    let first = run(
        &source,
        DescribeInput {
            filters: &filters,
            max_results: Some(5),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(first.items.is_empty());
    assert!(first.next_token.is_some());
    assert_eq!(walk(&source, &filters, &[], 5), ["task-19999"]);
}

#[test]
fn hostile_tokens_are_invalid_parameter_value() {
    let source = many(20);
    let filters = [Filter::new("state", ["*"])];
    let good = run(
        &source,
        DescribeInput {
            filters: &filters,
            max_results: Some(5),
            ..Default::default()
        },
    )
    .unwrap()
    .next_token
    .unwrap();
    let mut flipped = good.clone().into_bytes();
    flipped[3] ^= 0x01;
    let flipped = String::from_utf8(flipped).unwrap();
    let cases: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("garbage", "not a token".into()),
        ("truncated", good[..good.len() - 2].to_owned()),
        ("bit-flipped", flipped),
        ("huge", "A".repeat(100_000)),
        (
            "forged",
            TokenKey::from_bytes([1; 32]).sign(
                "DescribeTasks",
                &RequestFingerprint::new(&filters, &[]),
                "task-0001",
            ),
        ),
    ];
    for (what, token) in &cases {
        let input = DescribeInput {
            filters: &filters,
            max_results: Some(5),
            next_token: Some(token),
            ..Default::default()
        };
        let err = run(&source, input).unwrap_err();
        assert_eq!(
            (err.code(), err.status()),
            ("InvalidParameterValue", 400),
            "{what}"
        );
        assert!(
            err.message()
                .ends_with("for parameter NextToken is invalid. The token is invalid."),
            "{what}"
        );
    }
    let empty = run(
        &source,
        DescribeInput {
            filters: &filters,
            max_results: Some(5),
            next_token: Some(""),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        empty.message(),
        "Value (  ) for parameter NextToken is invalid. The token is invalid."
    );
}

#[test]
fn a_token_is_bound_to_the_operation_and_the_requests_filters_and_ids() {
    let source = many(20);
    let filters = [Filter::new("state", ["*"])];
    let token = run(
        &source,
        DescribeInput {
            filters: &filters,
            max_results: Some(5),
            ..Default::default()
        },
    )
    .unwrap()
    .next_token
    .unwrap();
    let other_filters = [Filter::new("state", ["active"])];
    let err = run(
        &source,
        DescribeInput {
            filters: &other_filters,
            max_results: Some(5),
            next_token: Some(&token),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(err.code(), "InvalidParameterValue");
    let ids = vec!["task-0001".to_owned()];
    assert!(
        run(
            &source,
            DescribeInput {
                filters: &filters,
                ids: &ids,
                max_results: Some(5),
                next_token: Some(&token),
                ..Default::default()
            }
        )
        .is_err()
    );
    let input = DescribeInput {
        filters: &filters,
        max_results: Some(5),
        next_token: Some(&token),
        ..Default::default()
    };
    assert!(describe::<DescribeStrictTasks, _>(&input, &source, &context()).is_err());
    // The same request with the same token is fine.
    assert!(run(&source, input).is_ok());
}

// --- DryRun ---------------------------------------------------------------------------------------

#[test]
fn dry_run_is_checked_first_and_answers_412_without_reading_data() {
    // Even with an unknown filter, DryRun answers first.
    let filters = [Filter::new("nonsense", ["x"])];
    let err = run_untouched(DescribeInput {
        filters: &filters,
        dry_run: true,
        ..Default::default()
    });
    assert_eq!((err.code(), err.status()), ("DryRunOperation", 412));
    assert_eq!(
        err.message(),
        "Request would have succeeded, but DryRun flag is set."
    );
}

#[test]
fn a_refusing_authorizer_gives_403_unauthorized_with_or_without_dry_run() {
    let context = context().with_authorizer(|action: &str| action != "DescribeTasks");
    for dry_run in [true, false] {
        let input = DescribeInput {
            dry_run,
            ..Default::default()
        };
        let err = describe::<DescribeTasks, _>(&input, &UntouchableSource, &context).unwrap_err();
        assert_eq!((err.code(), err.status()), ("UnauthorizedOperation", 403));
        assert_eq!(
            err.message(),
            "You are not authorized to perform this operation."
        );
    }
}

// --- errors ---------------------------------------------------------------------------------------

#[test]
fn errors_carry_code_message_and_status_and_are_std_errors() {
    let err: Box<dyn std::error::Error> = Box::new(Ec2Error::unknown_parameter("Item"));
    assert_eq!(
        err.to_string(),
        "UnknownParameter (400): The parameter Item is not recognized"
    );
    assert_eq!(
        Ec2Error::invalid_action("DescribeNothing").code(),
        "InvalidAction"
    );
}

/// Counts the resources a source hands out, to check what a page costs.
struct CountingSource {
    inner: InMemorySource<Task>,
    visited: std::cell::Cell<usize>,
}

impl ResourceSource<Task> for CountingSource {
    fn get(&self, id: &str) -> Option<Task> {
        self.visited.set(self.visited.get() + 1);
        self.inner.get(id)
    }
    fn contains(&self, id: &str) -> bool {
        self.inner.contains(id)
    }
    fn scan_after(
        &self,
        after: Option<&str>,
        visit: &mut dyn FnMut(&str, &Task) -> ControlFlow<()>,
    ) {
        self.inner.scan_after(after, &mut |id, task| {
            self.visited.set(self.visited.get() + 1);
            visit(id, task)
        });
    }
}

#[test]
fn a_page_deep_in_a_large_set_reads_only_the_page_not_what_came_before() {
    let source = CountingSource {
        inner: many(10_000),
        visited: std::cell::Cell::new(0),
    };
    let mut token = None;
    for _ in 0..1500 {
        let input = DescribeInput {
            max_results: Some(5),
            next_token: token.as_deref(),
            ..Default::default()
        };
        token = describe::<DescribeTasks, _>(&input, &source, &context())
            .unwrap()
            .next_token;
    }
    source.visited.set(0);
    let input = DescribeInput {
        max_results: Some(5),
        next_token: token.as_deref(),
        ..Default::default()
    };
    let page = describe::<DescribeTasks, _>(&input, &source, &context()).unwrap();
    assert_eq!(
        ids_of(&page),
        [
            "task-7500",
            "task-7501",
            "task-7502",
            "task-7503",
            "task-7504"
        ]
    );
    // The page's five items plus one look-ahead that tells whether a next page exists.
    assert_eq!(source.visited.get(), 6);
}
