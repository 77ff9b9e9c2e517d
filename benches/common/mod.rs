//! What the benches share: reading criterion's estimates back and printing ratios from one run.

use std::path::Path;

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

/// Prints each `(group, ours, baseline)` as the ratio of their means, under `heading`.
pub fn print_ratios(heading: &str, rows: &[(&str, &str, &str)]) {
    println!("\n{heading}");
    for (group, ours, baseline) in rows {
        match (mean_ns(group, ours), mean_ns(group, baseline)) {
            (Some(ours), Some(theirs)) => println!(
                "  {group:<16} {ours:>14.0} ns / {theirs:>14.0} ns = {:.2}",
                ours / theirs
            ),
            _ => println!("  {group:<16} (not measured in this run)"),
        }
    }
}
