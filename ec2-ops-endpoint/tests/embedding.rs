//! The endpoint inside a test process, as users embed it: two endpoints in one process share
//! nothing, one's state changes while a client walks its pages over HTTP, both shut down cleanly;
//! the control API is off by default, changes state over HTTP when on, and refuses peers that are
//! not on loopback.

use std::collections::BTreeSet;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use ec2_ops::operations::volumes::{DescribeVolumes, DescribeVolumesRequest, Volume};
use ec2_ops_client::{Client, Credentials, RetryPolicy};
use ec2_ops_endpoint::{ControlApi, Drained, Endpoint, Seed};
use futures_util::StreamExt;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

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

#[tokio::test]
async fn a_put_shows_in_the_views_at_once_and_a_reset_returns_to_the_seed() {
    let endpoint = Endpoint::builder()
        .seed(
            Seed::from_output(
                "describe-volumes",
                r#"{"Volumes": [{"VolumeId": "vol-1"}]}"#,
            )
            .unwrap(),
        )
        .bind("127.0.0.1:0")
        .await
        .unwrap();
    let store = endpoint.store();
    store
        .put_json(
            "DescribeInstances",
            r#"{"Reservations": [{"ReservationId": "r-1", "Instances": [{"InstanceId": "i-1",
                "Tags": [{"Key": "Name", "Value": "web"}],
                "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"VolumeId": "vol-1", "Status": "attached"}}]}]}]}"#,
        )
        .unwrap();
    let tags = store.handle(b"Action=DescribeTags&Version=2016-11-15");
    let tags = String::from_utf8(tags.body).unwrap();
    assert!(
        tags.contains(
            "<key>Name</key><resourceId>i-1</resourceId><resourceType>instance</resourceType>"
        ),
        "{tags}"
    );
    let volumes = String::from_utf8(
        store
            .handle(b"Action=DescribeVolumes&Version=2016-11-15")
            .body,
    )
    .unwrap();
    assert!(
        volumes.contains("<instanceId>i-1</instanceId><device>/dev/xvda</device>"),
        "{volumes}"
    );

    assert!(store.remove::<ec2_ops::operations::instances::DescribeInstances>("i-1"));
    let volumes = String::from_utf8(
        store
            .handle(b"Action=DescribeVolumes&Version=2016-11-15")
            .body,
    )
    .unwrap();
    assert!(!volumes.contains("i-1"), "{volumes}");
    store
        .put::<DescribeVolumes>([volume("vol-2".into())])
        .unwrap();
    store.reset();
    assert_eq!(store.count("DescribeVolumes"), Some(1));
    assert_eq!(store.count("DescribeInstances"), Some(0));
    endpoint.shutdown().await;
}

/// Sends one HTTP/1.1 request to `address` and returns the status code and body.
async fn send(address: SocketAddr, method: &str, path: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(address).await.unwrap();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .expect("a status line");
    let body = response
        .split("\r\n\r\n")
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    (status, body)
}

#[tokio::test]
async fn the_control_api_is_off_unless_asked_for() {
    let endpoint = Endpoint::builder()
        .sample()
        .bind("127.0.0.1:0")
        .await
        .unwrap();
    let before = endpoint.store().count("DescribeVolumes");
    // Off, its path is an EC2 request like any other: one without an Action.
    let (status, body) = send(endpoint.address(), "POST", "/_ec2-ops/reset", "").await;
    assert_eq!(status, 400);
    assert!(body.contains("<Code>MissingAction</Code>"), "{body}");
    let (status, body) = send(
        endpoint.address(),
        "DELETE",
        "/_ec2-ops/resources/DescribeVolumes/vol-1",
        "",
    )
    .await;
    assert_eq!(status, 405, "{body}");
    assert_eq!(endpoint.store().count("DescribeVolumes"), before);
    endpoint.shutdown().await;
}

#[tokio::test]
async fn the_control_api_changes_state_over_http_when_on() {
    let endpoint = Endpoint::builder()
        .control_api(ControlApi::Loopback)
        .bind("127.0.0.1:0")
        .await
        .unwrap();
    let address = endpoint.address();
    let (status, body) = send(
        address,
        "PUT",
        "/_ec2-ops/resources/describe-subnets",
        r#"{"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1"}]}"#,
    )
    .await;
    assert_eq!(
        (status, body.as_str()),
        (200, r#"{"action":"DescribeSubnets","put":1}"#)
    );
    let (status, body) = send(
        address,
        "GET",
        "/?Action=DescribeSubnets&Version=2016-11-15",
        "",
    )
    .await;
    assert_eq!(status, 200);
    assert!(body.contains("<subnetId>subnet-1</subnetId>"), "{body}");
    let (status, body) = send(address, "GET", "/_ec2-ops/state", "").await;
    assert_eq!(status, 200);
    let state: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        state["describe-subnets.json"]["Subnets"][0]["VpcId"],
        "vpc-1"
    );
    let (status, body) = send(
        address,
        "PUT",
        "/_ec2-ops/resources/describe-subnets",
        r#"{"Subnets": [{"VpcId": "vpc-1"}]}"#,
    )
    .await;
    assert_eq!(status, 400);
    assert!(body.contains("missing the resource's ID"), "{body}");
    let (status, _) = send(
        address,
        "DELETE",
        "/_ec2-ops/resources/DescribeSubnets/subnet-1",
        "",
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(endpoint.store().count("DescribeSubnets"), Some(0));
    let (status, _) = send(address, "POST", "/_ec2-ops/reset", "").await;
    assert_eq!(status, 200);
    endpoint.shutdown().await;
}

/// This machine's address on its first non-loopback interface: the one a socket "connected" to
/// an outside address would send from (nothing is sent).
fn outside_address() -> Option<IpAddr> {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

#[tokio::test]
async fn the_control_api_refuses_a_peer_not_on_loopback() {
    let Some(ip) = outside_address() else {
        panic!("this test needs a non-loopback interface to connect from");
    };
    let endpoint = Endpoint::builder()
        .sample()
        .control_api(ControlApi::Loopback)
        .bind("0.0.0.0:0")
        .await
        .unwrap();
    let outside = SocketAddr::new(ip, endpoint.address().port());
    let loopback = SocketAddr::from(([127, 0, 0, 1], endpoint.address().port()));
    let (status, body) = send(outside, "POST", "/_ec2-ops/reset", "").await;
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("loopback peers only"), "{body}");
    let (status, _) = send(
        outside,
        "GET",
        "/?Action=DescribeVolumes&Version=2016-11-15",
        "",
    )
    .await;
    assert_eq!(
        status, 200,
        "EC2 requests are answered from anywhere the server is reachable"
    );
    let (status, _) = send(loopback, "POST", "/_ec2-ops/reset", "").await;
    assert_eq!(status, 200);
    endpoint.shutdown().await;
}
