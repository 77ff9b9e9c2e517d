//! The endpoint embedded in a test process, read over HTTP by this client: two endpoints in one
//! process share nothing, one's state changes (puts and removals) while the client walks its
//! pages, and both shut down cleanly.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use ec2_ops::operations::volumes::{DescribeVolumes, DescribeVolumesRequest, Volume};
use ec2_ops_client::{Client, Credentials, RetryPolicy};
use ec2_ops_endpoint::{Drained, Endpoint};
use futures_util::StreamExt;

const STABLE: usize = 300;

fn volume(id: String) -> Volume {
    Volume {
        volume_id: Some(id),
        size: Some(8),
        ..Volume::default()
    }
}

fn stable_id(n: usize) -> String {
    format!("vol-{n:05}-stable")
}

fn client(endpoint: &Endpoint) -> Client {
    Client::builder()
        .region("us-east-1")
        .endpoint_url(endpoint.url())
        .credentials(Credentials::new("AKIDEXAMPLE", "secret"))
        .retry(RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        })
        .build()
        .unwrap()
}

/// Every volume ID a walk at `page_size` lists, in order.
async fn walk(client: &Client, page_size: i32) -> Vec<String> {
    let items = client
        .paginate::<DescribeVolumes>(DescribeVolumesRequest::default())
        .page_size(page_size)
        .items();
    futures_util::pin_mut!(items);
    let mut seen = Vec::new();
    while let Some(volume) = items.next().await {
        seen.extend(volume.expect("every page is answered").volume_id);
    }
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_endpoints_share_nothing_and_a_walk_survives_puts_during_it() {
    let stable: Vec<Volume> = (0..STABLE).map(|n| volume(stable_id(n))).collect();
    let first = Endpoint::builder().bind("127.0.0.1:0").await.unwrap();
    let second = Endpoint::builder()
        .sample()
        .bind("127.0.0.1:0")
        .await
        .unwrap();
    first
        .store()
        .put::<DescribeVolumes>(stable.clone())
        .unwrap();
    let second_before = second.store().count("DescribeVolumes").unwrap();
    assert_ne!(first.address(), second.address());

    // Puts and removals of other volumes, interleaved with the stable ones in ID order, while
    // the walk runs.
    let churning = Arc::new(AtomicBool::new(true));
    let writer = {
        let store = Arc::clone(first.store());
        let churning = Arc::clone(&churning);
        tokio::task::spawn_blocking(move || {
            let mut round = 0_usize;
            while churning.load(Ordering::Relaxed) {
                let batch: Vec<Volume> = (0..10)
                    .map(|k| volume(format!("vol-{:05}-churn", (round * 10 + k) % STABLE)))
                    .collect();
                store.put::<DescribeVolumes>(batch).unwrap();
                if round % 3 == 2 {
                    for k in 0..10 {
                        store.remove::<DescribeVolumes>(&format!(
                            "vol-{:05}-churn",
                            ((round - 2) * 10 + k) % STABLE
                        ));
                    }
                }
                round += 1;
            }
            round
        })
    };
    let client = client(&first);
    let mut walks = 0;
    for page_size in [5, 7, 50] {
        let seen = walk(&client, page_size).await;
        let unique: BTreeSet<&String> = seen.iter().collect();
        assert_eq!(
            unique.len(),
            seen.len(),
            "a volume was listed twice in one walk"
        );
        assert!(
            seen.windows(2).all(|pair| pair[0] < pair[1]),
            "pages go in ID order"
        );
        for n in 0..STABLE {
            assert!(
                unique.contains(&stable_id(n)),
                "{}, there all along, was missed",
                stable_id(n)
            );
        }
        walks += 1;
    }
    churning.store(false, Ordering::Relaxed);
    let rounds = writer.await.unwrap();
    assert!(rounds > 0 && walks == 3);

    // The second endpoint saw none of it.
    assert_eq!(second.store().count("DescribeVolumes"), Some(second_before));
    let theirs = walk(&self::client(&second), 1000).await;
    assert_eq!(theirs.len(), second_before);
    assert!(
        theirs
            .iter()
            .all(|id| !id.contains("stable") && !id.contains("churn"))
    );

    assert_eq!(first.shutdown().await, Drained::Completely);
    assert_eq!(second.shutdown().await, Drained::Completely);
}
