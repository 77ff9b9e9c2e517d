//! Properties of a request's compiled filters over random resources and random filter lists: the
//! matcher runs the cheapest filters first and holds common value shapes apart (one plain value,
//! `prefix*`, `*suffix`, several plain values), and neither may change an answer.
//!
//! The reference is EC2's rule stated directly: every filter must pass, a filter passes when any of
//! its values matches, each value compiled alone as a [`Pattern`].

use ec2_ops::operations::import_snapshot_tasks::{
    DescribeImportSnapshotTasks, ImportSnapshotTask, SnapshotTaskDetail,
};
use ec2_ops::{CompiledFilters, Filter, Operation, Pattern, Tag};
use proptest::prelude::*;

/// Short texts over a small alphabet, so values and fields often meet.
fn text() -> impl Strategy<Value = String> {
    "[ab-]{0,3}"
}

/// Filter values in every shape the matcher treats apart, with escapes.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        text(),
        text().prop_map(|t| format!("{t}*")),
        text().prop_map(|t| format!("*{t}")),
        text().prop_map(|t| format!("*{t}*")),
        (text(), text()).prop_map(|(a, b)| format!("{a}?{b}")),
        text().prop_map(|t| format!(r"{t}\*")),
        Just("*".to_owned()),
    ]
}

fn task() -> impl Strategy<Value = ImportSnapshotTask> {
    (
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::collection::vec((text(), text()), 0..3),
    )
        .prop_map(|(id, status, tags)| ImportSnapshotTask {
            import_task_id: id,
            snapshot_task_detail: status.map(|status| SnapshotTaskDetail {
                status: Some(status),
                ..SnapshotTaskDetail::default()
            }),
            tags: (!tags.is_empty()).then(|| {
                tags.into_iter()
                    .map(|(key, value)| Tag::new(key, value))
                    .collect()
            }),
            ..ImportSnapshotTask::default()
        })
}

fn filter() -> impl Strategy<Value = Filter> {
    (
        prop::sample::select(vec![
            "import-task-id",
            "task-state",
            "tag:a",
            "tag:ab",
            "tag-key",
            "tag-value",
        ]),
        proptest::collection::vec(value(), 0..4),
    )
        .prop_map(|(name, values)| Filter::new(name, values))
}

/// The texts a filter compares on `task`, read straight from the fields.
fn field_texts(task: &ImportSnapshotTask, name: &str) -> Vec<String> {
    let tags = task.tags.iter().flatten();
    match name {
        "import-task-id" => task.import_task_id.iter().cloned().collect(),
        "task-state" => task
            .snapshot_task_detail
            .iter()
            .filter_map(|detail| detail.status.clone())
            .collect(),
        "tag-key" => tags.map(|tag| tag.key.clone()).collect(),
        "tag-value" => tags.map(|tag| tag.value.clone()).collect(),
        named => {
            let key = named.strip_prefix("tag:").expect("a tag filter");
            tags.filter(|tag| tag.key == key)
                .map(|tag| tag.value.clone())
                .collect()
        }
    }
}

/// EC2's rule, stated directly: AND across filters, OR across a filter's values and the field's texts.
fn reference(task: &ImportSnapshotTask, filters: &[Filter]) -> bool {
    filters.iter().all(|filter| {
        let patterns: Vec<Pattern> = filter
            .values
            .iter()
            .map(|value| Pattern::compile(value).unwrap())
            .collect();
        field_texts(task, &filter.name)
            .iter()
            .any(|text| patterns.iter().any(|pattern| pattern.matches(text)))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn compiled_filters_answer_as_ec2s_rule_in_any_order(
        tasks in proptest::collection::vec(task(), 1..8),
        filters in proptest::collection::vec(filter(), 0..4),
    ) {
        let spec = &DescribeImportSnapshotTasks::SPEC.filters;
        let compiled = CompiledFilters::compile(spec, &filters).unwrap();
        let mut reversed = filters.clone();
        reversed.reverse();
        let compiled_reversed = CompiledFilters::compile(spec, &reversed).unwrap();
        for task in &tasks {
            let expected = reference(task, &filters);
            prop_assert_eq!(compiled.matches::<DescribeImportSnapshotTasks>(task), expected);
            prop_assert_eq!(compiled_reversed.matches::<DescribeImportSnapshotTasks>(task), expected);
        }
    }
}
