//! The endpoint inside a test process, as users embed it: a put shows in the views at once and a
//! reset returns to the seed; the control API is off by default, changes state over HTTP when on,
//! and refuses peers that are not on loopback. (Two endpoints in one process, one changing while
//! `ec2-ops`' client walks its pages, are tested with the client: `ec2-ops-client/tests/`.) A
//! describe sees a put whole or not at all, and no control operation is an EC2 `Action`.

use std::net::{IpAddr, SocketAddr};

use ec2_ops::operations::volumes::{DescribeVolumes, Volume};
use ec2_ops_endpoint::{ControlApi, Endpoint, Seed};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn volume(id: String) -> Volume {
    Volume {
        volume_id: Some(id),
        size: Some(8),
        ..Volume::default()
    }
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

#[tokio::test]
async fn the_control_api_is_never_an_ec2_action() {
    let endpoint = Endpoint::builder()
        .sample()
        .control_api(ControlApi::Loopback)
        .bind("127.0.0.1:0")
        .await
        .unwrap();
    let before = endpoint.store().dump();
    for action in [
        "Reset",
        "PutResources",
        "RemoveResource",
        "State",
        "_ec2-ops/reset",
    ] {
        let body = format!("Action={action}&Version=2016-11-15");
        let (status, answer) = send(endpoint.address(), "POST", "/", &body).await;
        assert_eq!(status, 400, "{action}: {answer}");
        assert!(
            answer.contains("<Code>InvalidAction</Code>"),
            "{action}: {answer}"
        );
    }
    // The control API's own path takes no EC2 request either: an Action there is not served.
    let (status, _) = send(
        endpoint.address(),
        "POST",
        "/_ec2-ops/reset",
        "Action=DescribeVolumes&Version=2016-11-15",
    )
    .await;
    assert_eq!(status, 200, "the reset itself");
    assert_eq!(endpoint.store().dump(), before);
    endpoint.shutdown().await;
}

/// Each describe runs against the store before a change or after it, never during: a put of 50
/// volumes and a reset race describes that must each see none of the 50 or all of them.
#[test]
fn a_describe_sees_a_put_whole_or_not_at_all() {
    const BATCH: usize = 50;
    let store =
        ec2_ops_endpoint::Store::new(&Seed::empty(), ec2_ops::DescribeContext::default()).unwrap();
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            for round in 0..100 {
                store
                    .put::<DescribeVolumes>(
                        (0..BATCH).map(|index| volume(format!("vol-{round}-{index}"))),
                    )
                    .unwrap();
                // A pause after each change lets the describes see both states.
                std::thread::sleep(std::time::Duration::from_millis(1));
                store.reset();
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            done.store(true, std::sync::atomic::Ordering::Release);
        });
        let mut seen = [0_usize; 2];
        while !done.load(std::sync::atomic::Ordering::Acquire) {
            let answer = store.handle(b"Action=DescribeVolumes&Version=2016-11-15");
            assert_eq!(answer.status, 200);
            let body = String::from_utf8(answer.body).unwrap();
            let listed = body.matches("<volumeId>").count();
            assert!(
                listed == 0 || listed == BATCH,
                "a describe saw {listed} of {BATCH}"
            );
            seen[usize::from(listed == BATCH)] += 1;
        }
        // Without both states seen, the race was not run.
        assert!(seen[0] > 0 && seen[1] > 0, "empty / whole: {seen:?}");
    });
}
