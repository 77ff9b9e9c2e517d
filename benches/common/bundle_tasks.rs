//! The bundle tasks the throughput, matching and SDK benches render, parse and filter, shared so
//! they measure the same resources (included with `#[path]`; `mod.rs` beside it is shared by
//! every bench).

use ec2_ops::DateTime;
use ec2_ops::operations::bundle_tasks::{BundleTask, BundleTaskState, S3Storage, Storage};

/// `n` tasks with every member but `error` set: states in turn, timestamps a second apart, one
/// bucket in three named `my-*`.
pub fn tasks(n: usize) -> Vec<BundleTask> {
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
