//! Filter truth tables generated from the declarations: for every operation the crate ships and every
//! filter it declares on a field, over the endpoint's sample data and through the wire (Query
//! request → service → XML response → parsed back):
//!
//! - each value a resource holds in that field selects exactly the resources holding it;
//! - `*` selects exactly the resources with any value there;
//! - a value no resource holds selects none.
//!
//! The filter list comes from each operation's `SPEC`, so a filter added to a declaration is tested
//! without touching this file. Each operation's sample must also make every field filter useful: it
//! matches some resources, and not all (a filter whose path reaches no data, or that the sample
//! cannot tell apart, fails here). Filters served by a function (`with(...)`) have no field to read
//! the truth from and are tested by hand in the operations' own tests.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use common::{form, literal, positional, sample, tag_items};
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
use ec2_ops::{DescribeContext, DescribeOperation, Operation, Service};

/// How an operation's filtered requests are written.
struct Query {
    /// `Filter` or `Filters`.
    filter_key: &'static str,
    /// Further parameters every request carries (`&IncludePublicKey=true`), so the answer shows each
    /// resource whole.
    extra: &'static str,
}

const FILTER: Query = Query {
    filter_key: "Filter",
    extra: "",
};
const FILTERS: Query = Query {
    filter_key: "Filters",
    extra: "",
};

/// What one filter selected: the resources (units, for nested operations) answered, by name.
fn selected<O>(service: &Service, query: &Query, name: &str, value: &str) -> BTreeSet<String>
where
    O: DescribeOperation,
    O::Resource: Clone + std::fmt::Debug,
    O::Response: Default,
{
    let Query { filter_key, extra } = query;
    let params = format!(
        "{extra}&{filter_key}.1.Name={}&{filter_key}.1.Value.1={}",
        form(name),
        form(value)
    );
    let response = common::call::<O>(service, &params)
        .unwrap_or_else(|error| panic!("{} {name}={value:?}: {error:?}", O::SPEC.action));
    O::response_items(&response)
        .iter()
        .flat_map(|resource| O::units(resource.clone()))
        .map(|unit| unit_name::<O>(&unit))
        .collect()
}

/// A unit's name in a truth table: its ID, and for items that share one (tags) their debug text.
fn unit_name<O: Operation>(unit: &O::Resource) -> String
where
    O::Resource: std::fmt::Debug,
{
    format!("{} {unit:?}", O::resource_id(unit))
}

/// Checks every field filter `O` declares over `resources`; returns how many cases ran.
fn truth_table<O>(resources: Vec<O::Resource>, query: &Query) -> usize
where
    O: DescribeOperation + 'static,
    O::Resource: Clone + Send + Sync + std::fmt::Debug + 'static,
    O::Response: Default,
{
    let units: Vec<O::Resource> = resources.into_iter().flat_map(O::units).collect();
    let mut service = Service::new(DescribeContext::default());
    service.register::<O, _>(Arc::new(positional(units.clone())));
    let action = O::SPEC.action;
    let mut cases = 0;
    for (index, name) in O::SPEC.filters.names.iter().enumerate() {
        // Which units hold which texts in this filter's field.
        let mut holders: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut with_any = BTreeSet::new();
        for unit in &units {
            let unit_id = unit_name::<O>(unit);
            O::filter_texts(unit, index, &mut |text| {
                holders
                    .entry(text.to_owned())
                    .or_default()
                    .insert(unit_id.clone());
                with_any.insert(unit_id.clone());
            });
        }
        if holders.is_empty() && with_any.is_empty() && is_function_filter::<O>(index, &units) {
            continue;
        }
        assert!(
            !with_any.is_empty(),
            "{action} filter {name}: no resource in the sample has a value there"
        );
        assert!(
            with_any.len() < units.len() || holders.len() > 1,
            "{action} filter {name}: every resource in the sample has the same value, so the sample cannot tell it works"
        );
        for (text, expected) in &holders {
            let got = selected::<O>(&service, query, name, &literal(text));
            assert_eq!(&got, expected, "{action} {name}={text:?}");
            cases += 1;
        }
        assert_eq!(
            selected::<O>(&service, query, name, "*"),
            with_any,
            "{action} {name}=*"
        );
        let nothing = selected::<O>(&service, query, name, "no such value \u{2603}");
        assert!(nothing.is_empty(), "{action} {name}: {nothing:?}");
        cases += 2;
    }
    println!("{action}: {cases} truth-table cases");
    cases
}

/// A filter served by a function shows no texts for any unit; it is recognised by matching `*`
/// somewhere anyway (a field filter with no texts matches nothing).
fn is_function_filter<O: Operation>(index: usize, units: &[O::Resource]) -> bool {
    let any = ec2_ops::CompiledFilters::compile(
        &O::SPEC.filters,
        &[ec2_ops::Filter::new(O::SPEC.filters.names[index], ["*"])],
    )
    .unwrap();
    units.iter().any(|unit| any.matches::<O>(unit))
}

#[test]
fn every_field_filter_of_describe_instances_selects_exactly_its_holders() {
    let mut reservations = sample().reservations;
    // The sample is one account's, as DescribeInstances answers; `owner-id` needs a second owner
    // to show it selects.
    reservations[2].owner_id = Some("210987654321".into());
    let cases = truth_table::<DescribeInstances>(reservations, &FILTER);
    assert!(cases > 300, "{cases}");
}

#[test]
fn every_field_filter_of_describe_volumes_selects_exactly_its_holders() {
    let cases = truth_table::<DescribeVolumes>(sample().volumes, &FILTER);
    assert!(cases > 50, "{cases}");
}

#[test]
fn every_field_filter_of_describe_snapshots_selects_exactly_its_holders() {
    let cases = truth_table::<DescribeSnapshots>(sample().snapshots, &FILTER);
    assert!(cases > 40, "{cases}");
}

#[test]
fn every_field_filter_of_describe_key_pairs_selects_exactly_its_holders() {
    let cases = truth_table::<DescribeKeyPairs>(
        sample().key_pairs,
        &Query {
            filter_key: "Filter",
            extra: "&IncludePublicKey=true",
        },
    );
    assert!(cases > 10, "{cases}");
}

#[test]
fn every_field_filter_of_describe_tags_selects_exactly_its_holders() {
    let sample = sample();
    let cases = truth_table::<DescribeTags>(tag_items(&sample), &FILTER);
    assert!(cases > 20, "{cases}");
}

#[test]
fn every_field_filter_of_the_task_operations_selects_exactly_its_holders() {
    let sample = sample();
    let cases = truth_table::<DescribeBundleTasks>(sample.bundle_tasks, &FILTER)
        + truth_table::<DescribeImportSnapshotTasks>(sample.import_snapshot_tasks, &FILTERS)
        + truth_table::<DescribeImportImageTasks>(sample.import_image_tasks, &FILTERS)
        + truth_table::<DescribeExportTasks>(sample.export_tasks, &FILTER)
        + truth_table::<DescribeConversionTasks>(sample.conversion_tasks, &FILTER);
    assert!(cases > 40, "{cases}");
}
