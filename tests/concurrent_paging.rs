//! Page walks while the store changes under them: reader threads walk DescribeVolumes at small page
//! sizes (with and without a filter) while writer threads insert and delete other volumes in the
//! same shared store. Every volume present for the whole walk is returned exactly once, no volume
//! twice, and everything finishes (no deadlock between the store's lock and the pipeline).

mod common;

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use common::call;
use ec2_ops::operations::volumes::{DescribeVolumes, Volume};
use ec2_ops::{DescribeContext, InMemorySource, Operation, Service, Tag};

const STABLE: usize = 400;
const READERS: usize = 4;
const WRITERS: usize = 3;
const WALKS_PER_READER: usize = 6;

fn volume(id: String, team: &str) -> Volume {
    Volume {
        volume_id: Some(id),
        tags: Some(vec![Tag::new("team", team)]),
        ..Volume::default()
    }
}

/// Stable volumes interleave with the churned ones in ID order, so every page boundary has
/// inserts and deletes on both sides of it.
fn stable_id(n: usize) -> String {
    format!("vol-{n:05}-stable")
}

fn churn_id(writer: usize, n: usize) -> String {
    format!("vol-{:05}-churn-{writer}", n % STABLE)
}

/// One walk to the end; the IDs in the order the pages listed them.
fn walk(service: &Service, page_size: u32, filter: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let mut params = format!("&MaxResults={page_size}{filter}");
        if let Some(token) = &token {
            params.push_str("&NextToken=");
            params.push_str(&common::form(token));
        }
        let page = call::<DescribeVolumes>(service, &params).expect("every page is answered");
        seen.extend(
            page.volumes
                .into_iter()
                .filter_map(|volume| volume.volume_id),
        );
        match page.next_token {
            Some(next) => token = Some(next),
            None => return seen,
        }
    }
}

fn check_walk(seen: &[String], expected_stable: &BTreeSet<String>) {
    let unique: BTreeSet<&String> = seen.iter().collect();
    assert_eq!(
        unique.len(),
        seen.len(),
        "a volume was listed twice in one walk"
    );
    for id in expected_stable {
        assert!(unique.contains(id), "{id}, present all along, was missed");
    }
    assert!(
        seen.windows(2).all(|pair| pair[0] < pair[1]),
        "pages continue in ID order"
    );
}

#[test]
fn walks_under_concurrent_inserts_and_deletes_list_every_stable_volume_exactly_once() {
    let source = Arc::new(InMemorySource::new(DescribeVolumes::resource_id));
    for n in 0..STABLE {
        source.insert(volume(
            stable_id(n),
            if n % 2 == 0 { "red" } else { "blue" },
        ));
    }
    let mut service = Service::new(DescribeContext::default());
    service.register::<DescribeVolumes, _>(Arc::clone(&source));
    let service = Arc::new(service);
    let all_stable: BTreeSet<String> = (0..STABLE).map(stable_id).collect();
    let red_stable: BTreeSet<String> = (0..STABLE).step_by(2).map(stable_id).collect();

    let writing = Arc::new(AtomicBool::new(true));
    let writers: Vec<_> = (0..WRITERS)
        .map(|writer| {
            let source = Arc::clone(&source);
            let writing = Arc::clone(&writing);
            thread::spawn(move || {
                let mut changes = 0_usize;
                while writing.load(Ordering::Relaxed) {
                    let id = churn_id(writer, changes);
                    if changes % 3 == 2 {
                        source.remove(&id);
                    } else {
                        source.insert(volume(id, "red"));
                    }
                    changes += 1;
                }
                changes
            })
        })
        .collect();

    let (done, finished) = mpsc::channel();
    for reader in 0..READERS {
        let service = Arc::clone(&service);
        let done = done.clone();
        let (all_stable, red_stable) = (all_stable.clone(), red_stable.clone());
        thread::spawn(move || {
            for walk_number in 0..WALKS_PER_READER {
                // The minimum page size, and a larger one, unfiltered and filtered.
                let page_size = if (reader + walk_number) % 2 == 0 {
                    5
                } else {
                    37
                };
                if walk_number % 2 == 0 {
                    check_walk(&walk(&service, page_size, ""), &all_stable);
                } else {
                    let red = "&Filter.1.Name=tag:team&Filter.1.Value.1=red";
                    let seen = walk(&service, page_size, red);
                    check_walk(&seen, &red_stable);
                    assert!(
                        seen.iter()
                            .all(|id| !all_stable.contains(id) || red_stable.contains(id)),
                        "a filtered walk lists only matching volumes"
                    );
                }
            }
            done.send(reader).unwrap();
        });
    }
    drop(done);
    // Each reader either finishes its walks or has failed an assertion (its sender drops); a
    // deadlock shows as the bound below passing.
    let mut finished_readers = 0;
    while finished_readers < READERS {
        match finished.recv_timeout(Duration::from_secs(120)) {
            Ok(_) => finished_readers += 1,
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                panic!("a reader failed its checks (its message is above)")
            }
            Err(mpsc::RecvTimeoutError::Timeout) => panic!("readers did not finish: deadlock?"),
        }
    }
    writing.store(false, Ordering::Relaxed);
    let changes: usize = writers.into_iter().map(|w| w.join().unwrap()).sum();
    assert!(
        changes > 0,
        "the writers changed the store during the walks"
    );
}
