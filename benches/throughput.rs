//! Throughput of the generated code against the limits it cannot beat, measured in one run:
//!
//! - `filter/*`: the compiled filter matcher (`state` + `s3-bucket` wildcard through optional nested
//!   fields) against a hand-written Rust loop over the same structs doing the same comparisons (the
//!   enum's wire text, a prefix);
//! - `xml_parse/*`: parsing a 10,000-task `DescribeBundleTasksResponse` (2.4 MB) against quick-xml
//!   reading the same document's events without building anything;
//! - `xml_render/*`: rendering it against writing the same element events with quick-xml's writer;
//! - `query_decode/*`: decoding a request with 50 filters of 4 values each (`QueryParams::parse`,
//!   `Action`, `Version`, then the typed request) against splitting the same body into
//!   percent-decoded `(key, value)` strings, as `form_urlencoded` does;
//! - `query_encode/*`: encoding that request against joining the same pairs percent-encoded.
//!
//! `cargo bench --bench throughput` prints each ratio (generated / limit) after criterion's report.

use std::hint::black_box;

mod common;

#[path = "common/bundle_tasks.rs"]
mod bundle_tasks;

use criterion::Criterion;
use ec2_ops::operations::bundle_tasks::*;
use ec2_ops::{CompiledFilters, Ec2Response, Filter, Operation};
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};

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

/// Every event of the document read and dropped: the cost of quick-xml reading it, the limit a
/// parser built on its events is measured against.
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

/// A request with 50 filters of 4 values each.
fn many_filters() -> DescribeBundleTasksRequest {
    DescribeBundleTasksRequest {
        filters: (0..50)
            .map(|n| {
                Filter::new(
                    ["state", "bundle-id", "instance-id", "s3-bucket", "progress"][n % 5],
                    (0..4).map(move |v| format!("value {n}/{v}*")),
                )
            })
            .collect(),
        ..Default::default()
    }
}

/// The body split into percent-decoded pairs: what any form decoder does before knowing a schema.
fn split_pairs(body: &[u8]) -> Vec<(String, String)> {
    let decode = |raw: &[u8]| {
        let spaced: Vec<u8> = raw
            .iter()
            .map(|&b| if b == b'+' { b' ' } else { b })
            .collect();
        percent_encoding::percent_decode(&spaced)
            .decode_utf8()
            .unwrap()
            .into_owned()
    };
    body.split(|&b| b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.iter().position(|&b| b == b'=') {
            Some(at) => (decode(&pair[..at]), decode(&pair[at + 1..])),
            None => (decode(pair), String::new()),
        })
        .collect()
}

/// The pairs joined percent-encoded, as a form serializer writes them.
fn join_pairs(pairs: &[(String, String)]) -> String {
    const FORM: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    let mut out = String::with_capacity(4096);
    for (n, (key, value)) in pairs.iter().enumerate() {
        if n > 0 {
            out.push('&');
        }
        out.extend(percent_encoding::utf8_percent_encode(key, FORM));
        out.push('=');
        out.extend(percent_encoding::utf8_percent_encode(value, FORM));
    }
    out
}

fn query_benches(c: &mut Criterion) {
    use ec2_ops::Ec2Request;
    use ec2_ops::wire::query::QueryParams;
    let request = many_filters();
    let body = request.to_query();
    let decode = |body: &[u8]| {
        let mut params = QueryParams::parse(body).unwrap();
        params.action().unwrap();
        params.check_version().unwrap();
        DescribeBundleTasksRequest::from_query(params).unwrap()
    };
    assert_eq!(decode(body.as_bytes()), request);
    let pairs = split_pairs(body.as_bytes());
    assert_eq!(pairs.len(), 2 + 50 * 5);
    assert_eq!(
        join_pairs(&pairs),
        body,
        "the baseline writes the same bytes"
    );

    let mut group = c.benchmark_group("query_decode");
    group.throughput(criterion::Throughput::Bytes(body.len() as u64));
    group.bench_function("generated", |b| {
        b.iter(|| decode(black_box(body.as_bytes())))
    });
    group.bench_function("split_pairs", |b| {
        b.iter(|| split_pairs(black_box(body.as_bytes())))
    });
    group.finish();

    let mut group = c.benchmark_group("query_encode");
    group.throughput(criterion::Throughput::Bytes(body.len() as u64));
    group.bench_function("generated", |b| b.iter(|| black_box(&request).to_query()));
    group.bench_function("join_pairs", |b| b.iter(|| join_pairs(black_box(&pairs))));
    group.finish();
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    filter_benches(&mut criterion, &bundle_tasks::tasks(1000));
    xml_benches(&mut criterion, &bundle_tasks::tasks(10_000));
    query_benches(&mut criterion);
    criterion.final_summary();

    common::print_ratios(
        "ratios (generated / limit; 1.00 = as fast as the limit):",
        &[
            ("filter", "generated", "hand_written"),
            ("xml_parse", "generated", "quick_xml_events"),
            ("xml_render", "generated", "quick_xml_writer"),
            ("query_decode", "generated", "split_pairs"),
            ("query_encode", "generated", "join_pairs"),
        ],
    );
}
