//! Throughput of the generated code against the limits it cannot beat, measured in one run:
//!
//! - `filter/*`: the compiled filter matcher (`state` + `s3-bucket` wildcard through optional nested
//!   fields) against a hand-written Rust loop over the same structs doing the same comparisons (the
//!   enum's wire text, a prefix);
//! - `xml_parse/*`: parsing a 1,000-task `DescribeBundleTasksResponse` against quick-xml reading
//!   the same document's events without building anything;
//! - `xml_render/*`: rendering it against writing the same element events with quick-xml's writer.
//!
//! `cargo bench --bench throughput` prints each ratio (generated / limit) after criterion's report.

use std::hint::black_box;
use std::path::Path;

use criterion::Criterion;
use ec2_ops::seed::bundle_tasks::*;
use ec2_ops::{CompiledFilters, DateTime, Ec2Response, Filter, Operation};
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};

fn tasks(n: usize) -> Vec<BundleTask> {
    let states = BundleTaskState::VALUES;
    (0..n)
        .map(|i| BundleTask {
            instance_id: Some(format!("i-{i:017x}")),
            bundle_id: Some(format!("bun-{i:08x}")),
            state: Some(states[i % states.len()].parse().unwrap()),
            start_time: Some(
                DateTime::from_unix_millis(1_379_265_320_000 + i as i64 * 1000).unwrap(),
            ),
            update_time: Some(
                DateTime::from_unix_millis(1_379_265_920_000 + i as i64 * 1000).unwrap(),
            ),
            storage: Some(Storage {
                s3: Some(S3Storage {
                    bucket: Some(if i % 3 == 0 {
                        format!("my-bucket-{i}")
                    } else {
                        format!("logs-{i}")
                    }),
                    prefix: Some(format!("winami-{i}")),
                    ..S3Storage::default()
                }),
            }),
            progress: Some(format!("{}%", i % 100)),
            error: None,
        })
        .collect()
}

fn filter_benches(c: &mut Criterion, data: &[BundleTask]) {
    let filters = [
        Filter::new("state", ["complete"]),
        Filter::new("s3-bucket", ["my-*"]),
    ];
    let compiled = CompiledFilters::compile(&DescribeBundleTasks::SPEC.filters, &filters).unwrap();
    let generated = || {
        data.iter()
            .filter(|task| compiled.matches::<DescribeBundleTasks>(task))
            .count()
    };
    // The hand-written loop gets its values at run time, as any server does from a request; constants
    // would let the compiler fold the enum comparison into an integer test no filter engine can use.
    let (wanted_state, wanted_prefix) = (
        black_box(String::from("complete")),
        black_box(String::from("my-")),
    );
    let hand_written = || {
        data.iter()
            .filter(|task| {
                task.state
                    .as_ref()
                    .is_some_and(|state| state.as_str() == wanted_state)
                    && task
                        .storage
                        .as_ref()
                        .and_then(|storage| storage.s3.as_ref())
                        .and_then(|s3| s3.bucket.as_deref())
                        .is_some_and(|bucket| bucket.starts_with(wanted_prefix.as_str()))
            })
            .count()
    };
    assert_eq!(generated(), hand_written());
    let mut group = c.benchmark_group("filter");
    group.bench_function("generated", |b| b.iter(|| black_box(generated())));
    group.bench_function("hand_written", |b| b.iter(|| black_box(hand_written())));
    group.finish();
}

/// The same document written element by element with quick-xml: the cost of producing the bytes.
fn quick_xml_render(data: &[BundleTask]) -> Vec<u8> {
    let mut writer = quick_xml::Writer::new(Vec::with_capacity(512 * data.len()));
    let text = |writer: &mut quick_xml::Writer<Vec<u8>>, name: &str, value: &str| {
        writer
            .write_event(Event::Start(BytesStart::new(name)))
            .unwrap();
        writer
            .write_event(Event::Text(BytesText::new(value)))
            .unwrap();
        writer.write_event(Event::End(BytesEnd::new(name))).unwrap();
    };
    writer
        .write_event(Event::Start(BytesStart::new("DescribeBundleTasksResponse")))
        .unwrap();
    text(
        &mut writer,
        "requestId",
        "59dbff89-35bd-4eac-99ed-be587EXAMPLE",
    );
    writer
        .write_event(Event::Start(BytesStart::new("bundleInstanceTasksSet")))
        .unwrap();
    for task in data {
        writer
            .write_event(Event::Start(BytesStart::new("item")))
            .unwrap();
        text(
            &mut writer,
            "instanceId",
            task.instance_id.as_deref().unwrap(),
        );
        text(&mut writer, "bundleId", task.bundle_id.as_deref().unwrap());
        text(&mut writer, "state", task.state.as_ref().unwrap().as_str());
        text(
            &mut writer,
            "startTime",
            &task.start_time.unwrap().to_string(),
        );
        text(
            &mut writer,
            "updateTime",
            &task.update_time.unwrap().to_string(),
        );
        writer
            .write_event(Event::Start(BytesStart::new("storage")))
            .unwrap();
        writer
            .write_event(Event::Start(BytesStart::new("S3")))
            .unwrap();
        let s3 = task.storage.as_ref().unwrap().s3.as_ref().unwrap();
        text(&mut writer, "bucket", s3.bucket.as_deref().unwrap());
        text(&mut writer, "prefix", s3.prefix.as_deref().unwrap());
        writer.write_event(Event::End(BytesEnd::new("S3"))).unwrap();
        writer
            .write_event(Event::End(BytesEnd::new("storage")))
            .unwrap();
        text(&mut writer, "progress", task.progress.as_deref().unwrap());
        writer
            .write_event(Event::End(BytesEnd::new("item")))
            .unwrap();
    }
    writer
        .write_event(Event::End(BytesEnd::new("bundleInstanceTasksSet")))
        .unwrap();
    writer
        .write_event(Event::End(BytesEnd::new("DescribeBundleTasksResponse")))
        .unwrap();
    writer.into_inner()
}

/// Every event of the document read and dropped: the floor for any parser built on quick-xml.
fn quick_xml_events(document: &[u8]) -> usize {
    let mut reader = quick_xml::Reader::from_reader(document);
    let mut events = 0;
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => return events,
            event => {
                black_box(&event);
                events += 1;
            }
        }
    }
}

fn xml_benches(c: &mut Criterion, data: &[BundleTask]) {
    let response = DescribeBundleTasksResponse {
        request_id: Some("59dbff89-35bd-4eac-99ed-be587EXAMPLE".into()),
        bundle_tasks: data.to_vec(),
    };
    let document = response.to_xml();
    assert_eq!(
        DescribeBundleTasksResponse::from_xml(&document).unwrap(),
        response
    );

    let mut group = c.benchmark_group("xml_parse");
    group.throughput(criterion::Throughput::Bytes(document.len() as u64));
    group.bench_function("generated", |b| {
        b.iter(|| DescribeBundleTasksResponse::from_xml(black_box(&document)).unwrap())
    });
    group.bench_function("quick_xml_events", |b| {
        b.iter(|| quick_xml_events(black_box(&document)))
    });
    group.finish();

    let mut group = c.benchmark_group("xml_render");
    group.throughput(criterion::Throughput::Bytes(document.len() as u64));
    group.bench_function("generated", |b| b.iter(|| black_box(&response).to_xml()));
    group.bench_function("quick_xml_writer", |b| {
        b.iter(|| quick_xml_render(black_box(data)))
    });
    group.finish();
}

/// Criterion's point estimate of a benchmark's mean, in nanoseconds.
fn mean_ns(group: &str, function: &str) -> Option<f64> {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("../criterion")
        .join(group)
        .join(function)
        .join("new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["mean"]["point_estimate"].as_f64()
}

fn main() {
    let data = tasks(1000);
    let mut criterion = Criterion::default().configure_from_args();
    filter_benches(&mut criterion, &data);
    xml_benches(&mut criterion, &data);
    criterion.final_summary();

    println!("\nratios (generated / limit; 1.00 = as fast as the limit):");
    for (group, generated, limit) in [
        ("filter", "generated", "hand_written"),
        ("xml_parse", "generated", "quick_xml_events"),
        ("xml_render", "generated", "quick_xml_writer"),
    ] {
        match (mean_ns(group, generated), mean_ns(group, limit)) {
            (Some(ours), Some(theirs)) => println!(
                "  {group:<11} {ours:>12.0} ns / {theirs:>12.0} ns = {:.2}",
                ours / theirs
            ),
            _ => println!("  {group:<11} (not measured in this run)"),
        }
    }
}
