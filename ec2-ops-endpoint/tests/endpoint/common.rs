//! What the view tests share: a store seeded from AWS CLI outputs, and a list operation's answer
//! read back as the AWS CLI prints it.

// Each view test uses part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use ec2_ops::{DescribeContext, Ec2Response};
use ec2_ops_endpoint::{Seed, Store};
use serde::Serialize;
use serde_json::Value;

/// A store seeded with `files`: `(command, output)` pairs, as a seed folder's files hold them.
pub fn store(files: &[(&str, &str)]) -> Store {
    let mut seed = Seed::empty();
    for (name, output) in files {
        seed = seed
            .merge(Seed::from_output(name, output).unwrap())
            .unwrap();
    }
    Store::new(&seed, DescribeContext::default()).unwrap()
}

/// The items of `action`'s answer to `query` (its `member` list, as the AWS CLI prints it); the
/// answer must be a success.
pub fn listed<Response: Ec2Response + Default + Serialize>(
    store: &Store,
    action: &str,
    member: &str,
    query: &str,
) -> Vec<Value> {
    let answer = store.handle(format!("Action={action}&Version=2016-11-15{query}").as_bytes());
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    let response = Response::from_xml(&answer.body).unwrap();
    serde_json::to_value(&response).unwrap()[member]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// A scratch folder removed when dropped.
pub struct Dir(PathBuf);

impl Dir {
    /// A folder holding `files`: (path inside it, text) pairs.
    pub fn new(files: &[(&str, &str)]) -> Dir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "ec2-ops-endpoint-seed-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&path).unwrap();
        for (name, text) in files {
            // A name may hold folders: `111122223333/us-east-1/describe-volumes.json`.
            let file = path.join(name);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, text).unwrap();
        }
        Dir(path)
    }

    /// Where it is.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
