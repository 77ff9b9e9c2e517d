//! Filter matching, wildcard patterns and page walks, each against a baseline measured in the same
//! run, with heap allocations counted:
//!
//! - `filter_*`: the compiled matcher over 100,000 resources against a hand-written loop with the
//!   same values known only at run time: (a) one exact filter, (b) three filters with a `*`
//!   wildcard and a multi-value OR, (c) a `tag:` filter over import snapshot tasks, (d) a dotted
//!   filter through a list inside DescribeInstances' units;
//! - `pattern_*`: one compiled EC2 wildcard against the `regex` crate's equivalent, matched against
//!   the same 1,000 texts;
//! - `walk`: every page of 100,000 import snapshot tasks at `MaxResults=5` against one walk at
//!   `MaxResults=1000` (each page costs its size plus a seek, never a rescan).
//!
//! `cargo bench --bench matching` prints the ratios (ours / baseline) and the allocations per item
//! after criterion's report. Allocations are counted by this binary's global allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

mod common;

#[path = "common/bundle_tasks.rs"]
mod bundle_tasks;

use criterion::Criterion;
use ec2_ops::operations::bundle_tasks::DescribeBundleTasks;
use ec2_ops::operations::import_snapshot_tasks::{
    DescribeImportSnapshotTasks, DescribeImportSnapshotTasksRequest, ImportSnapshotTask,
};
use ec2_ops::operations::instances::{
    DescribeInstances, Instance, InstanceBlockDeviceMapping, Reservation,
};
use ec2_ops::{
    CompiledFilters, DescribeContext, DescribeOperation, Filter, InMemorySource, Operation,
    Pattern, Tag,
};

/// The system allocator, counting every allocation.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; the counter has no effect on
// the memory handed out.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` above, i.e. from `System`, with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as for `alloc` and `dealloc`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations `work` makes, per item of `items`.
fn allocations_per_item(items: usize, work: impl FnOnce() -> usize) -> f64 {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    black_box(work());
    (ALLOCATIONS.load(Ordering::Relaxed) - before) as f64 / items as f64
}

const ITEMS: usize = 100_000;

fn import_tasks() -> Vec<ImportSnapshotTask> {
    (0..ITEMS)
        .map(|i| ImportSnapshotTask {
            import_task_id: Some(format!("import-snap-{i:017x}")),
            description: Some(format!("disk {i}")),
            tags: Some(vec![
                Tag::new("Index", i.to_string()),
                Tag::new("Owner", if i % 4 == 0 { "TeamA" } else { "TeamB" }),
            ]),
            ..ImportSnapshotTask::default()
        })
        .collect()
}

/// DescribeInstances' units: one reservation copy per instance, as a source stores them.
fn instance_units() -> Vec<Reservation> {
    (0..ITEMS)
        .map(|i| Reservation {
            reservation_id: Some(format!("r-{i:017x}")),
            instances: Some(vec![Instance {
                instance_id: Some(format!("i-{i:017x}")),
                block_device_mappings: Some(vec![
                    InstanceBlockDeviceMapping {
                        device_name: Some("/dev/xvda".to_owned()),
                        ..Default::default()
                    },
                    InstanceBlockDeviceMapping {
                        device_name: Some(format!("/dev/sd{}", ["b", "c", "f"][i % 3])),
                        ..Default::default()
                    },
                ]),
                ..Instance::default()
            }]),
            ..Reservation::default()
        })
        .collect()
}

/// One scenario: the matcher and the hand-written loop count the same resources.
fn compare_filters<R, O>(
    c: &mut Criterion,
    name: &str,
    data: &[R],
    filters: &[Filter],
    hand_written: impl Fn(&R) -> bool,
) -> f64
where
    O: Operation<Resource = R>,
{
    let compiled = CompiledFilters::compile(&O::SPEC.filters, filters).unwrap();
    let generated = || {
        data.iter()
            .filter(|item| compiled.matches::<O>(item))
            .count()
    };
    let hand = || data.iter().filter(|item| hand_written(item)).count();
    assert_eq!(generated(), hand(), "{name}: the same resources");
    assert!(generated() > 0, "{name}: something matches");
    let allocations = allocations_per_item(data.len(), generated);
    let mut group = c.benchmark_group(name);
    group.bench_function("generated", |b| b.iter(|| black_box(generated())));
    group.bench_function("hand_written", |b| b.iter(|| black_box(hand())));
    group.finish();
    allocations
}

fn filter_benches(c: &mut Criterion) -> Vec<(&'static str, f64)> {
    let mut allocations = Vec::new();
    let tasks = bundle_tasks::tasks(ITEMS);
    // Run-time values, as a server gets them from a request.
    let complete = black_box(String::from("complete"));
    allocations.push((
        "filter_a_exact",
        compare_filters::<_, DescribeBundleTasks>(
            c,
            "filter_a_exact",
            &tasks,
            &[Filter::new("state", ["complete"])],
            |task| {
                task.state
                    .as_ref()
                    .is_some_and(|state| state.as_str() == complete)
            },
        ),
    ));
    let (failed, prefix, suffix) = (
        black_box(String::from("failed")),
        black_box(String::from("my-")),
        black_box(String::from("0%")),
    );
    allocations.push((
        "filter_b_three",
        compare_filters::<_, DescribeBundleTasks>(
            c,
            "filter_b_three",
            &tasks,
            &[
                Filter::new("state", ["complete", "failed"]),
                Filter::new("s3-bucket", ["my-*"]),
                Filter::new("progress", ["*0%"]),
            ],
            |task| {
                task.state
                    .as_ref()
                    .is_some_and(|state| state.as_str() == complete || state.as_str() == failed)
                    && task
                        .storage
                        .as_ref()
                        .and_then(|storage| storage.s3.as_ref())
                        .and_then(|s3| s3.bucket.as_deref())
                        .is_some_and(|bucket| bucket.starts_with(prefix.as_str()))
                    && task
                        .progress
                        .as_deref()
                        .is_some_and(|progress| progress.ends_with(suffix.as_str()))
            },
        ),
    ));
    let imports = import_tasks();
    let (owner, team) = (
        black_box(String::from("Owner")),
        black_box(String::from("TeamA")),
    );
    allocations.push((
        "filter_c_tag",
        compare_filters::<_, DescribeImportSnapshotTasks>(
            c,
            "filter_c_tag",
            &imports,
            &[Filter::new("tag:Owner", ["TeamA"])],
            |task| {
                task.tags
                    .iter()
                    .flatten()
                    .any(|tag| tag.key == owner && tag.value == team)
            },
        ),
    ));
    let units = instance_units();
    let device = black_box(String::from("/dev/sdf"));
    allocations.push((
        "filter_d_nested",
        compare_filters::<_, DescribeInstances>(
            c,
            "filter_d_nested",
            &units,
            &[Filter::new(
                "block-device-mapping.device-name",
                ["/dev/sdf"],
            )],
            |unit| {
                unit.instances.iter().flatten().any(|instance| {
                    instance
                        .block_device_mappings
                        .iter()
                        .flatten()
                        .any(|mapping| mapping.device_name.as_deref() == Some(device.as_str()))
                })
            },
        ),
    ));
    allocations
}

/// EC2 wildcards and the regexes that mean the same.
const PATTERNS: [(&str, &str, &str); 5] = [
    ("pattern_exact", "web-0040", r"\Aweb-0040\z"),
    ("pattern_prefix", "web-01*", r"\Aweb-01"),
    ("pattern_suffix", "*-7", r"-7\z"),
    ("pattern_general", "w?b*4?", r"(?s)\Aw.b.*4.\z"),
    ("pattern_escapes", r"we\*b\?-1*", r"\Awe\*b\?-1"),
];

fn pattern_benches(c: &mut Criterion) {
    let texts: Vec<String> = (0..1000)
        .map(|i| match i % 4 {
            0 => format!("web-{i:04}"),
            1 => format!("we*b?-{i}"),
            2 => format!("db-{i}-7"),
            _ => format!("wxb-cache-{i}"),
        })
        .collect();
    for (name, wildcard, expression) in PATTERNS {
        let pattern = Pattern::compile(wildcard).unwrap();
        let regex = regex::Regex::new(expression).unwrap();
        let ours = || texts.iter().filter(|text| pattern.matches(text)).count();
        let theirs = || texts.iter().filter(|text| regex.is_match(text)).count();
        assert_eq!(ours(), theirs(), "{name}: the same texts");
        assert!(ours() > 0, "{name}: something matches");
        let mut group = c.benchmark_group(name);
        group.bench_function("pattern", |b| b.iter(|| black_box(ours())));
        group.bench_function("regex", |b| b.iter(|| black_box(theirs())));
        group.finish();
    }
}

/// Walks every page of `source` at `page_size`; the tasks seen.
fn walk(
    source: &InMemorySource<ImportSnapshotTask>,
    context: &DescribeContext,
    page_size: i32,
) -> usize {
    let mut request = DescribeImportSnapshotTasksRequest {
        max_results: Some(page_size),
        ..Default::default()
    };
    let mut seen = 0;
    loop {
        let page = DescribeImportSnapshotTasks::run(&request, source, context).unwrap();
        seen += page.import_snapshot_tasks.len();
        match page.next_token {
            Some(token) => request.next_token = Some(token),
            None => return seen,
        }
    }
}

fn walk_benches(c: &mut Criterion) {
    let source = InMemorySource::new(DescribeImportSnapshotTasks::resource_id);
    for task in import_tasks() {
        source.insert(task);
    }
    let context = DescribeContext::default();
    assert_eq!(walk(&source, &context, 5), ITEMS);
    assert_eq!(walk(&source, &context, 1000), ITEMS);
    let mut group = c.benchmark_group("walk");
    group.sample_size(10);
    group.bench_function("pages_of_5", |b| {
        b.iter(|| black_box(walk(&source, &context, 5)))
    });
    group.bench_function("pages_of_1000", |b| {
        b.iter(|| black_box(walk(&source, &context, 1000)))
    });
    group.finish();
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    let allocations = filter_benches(&mut criterion);
    pattern_benches(&mut criterion);
    walk_benches(&mut criterion);
    criterion.final_summary();

    let mut rows: Vec<(&str, &str, &str)> = vec![
        ("filter_a_exact", "generated", "hand_written"),
        ("filter_b_three", "generated", "hand_written"),
        ("filter_c_tag", "generated", "hand_written"),
        ("filter_d_nested", "generated", "hand_written"),
    ];
    rows.extend(
        PATTERNS
            .iter()
            .map(|(name, _, _)| (*name, "pattern", "regex")),
    );
    rows.push(("walk", "pages_of_5", "pages_of_1000"));
    common::print_ratios(
        "ratios (ours / baseline; 1.00 = as fast as the baseline):",
        &rows,
    );
    println!("\nheap allocations per item while filtering:");
    for (group, per_item) in allocations {
        println!("  {group:<16} {per_item:.3}");
    }
}
