//! The endpoint in a test: started inside the test's own runtime on a free port, seeded, changed
//! mid-test, read by `ec2-ops`' light client over HTTP (any SDK works the same way, given the
//! URL), and shut down. No process, no fixed port, no files.
//!
//! ```text
//! cargo test -p ec2-ops-client --example endpoint_in_a_test     # as a test
//! cargo run -p ec2-ops-client --example endpoint_in_a_test      # as a program, printing what it sees
//!
//! (It lives with the client, whose dependencies it needs; the endpoint itself does not depend on
//! the client.)
//! ```

use ec2_ops::Filter;
use ec2_ops::operations::volumes::{DescribeVolumes, DescribeVolumesRequest, Volume, VolumeState};
use ec2_ops_client::{Client, Credentials};
use ec2_ops_endpoint::{Endpoint, Seed};

/// Starts an endpoint seeded with two volumes, as `aws ec2 describe-volumes` would print them.
async fn start() -> Endpoint {
    let seed = Seed::from_output(
        "describe-volumes",
        r#"{"Volumes": [
            {"VolumeId": "vol-1", "Size": 8, "State": "in-use", "Tags": [{"Key": "team", "Value": "web"}]},
            {"VolumeId": "vol-2", "Size": 100, "State": "available"}
        ]}"#,
    )
    .expect("the seed is what the AWS CLI prints");
    Endpoint::builder()
        .seed(seed)
        .bind("127.0.0.1:0")
        .await
        .expect("a free port on loopback")
}

/// A client for `endpoint`: any credentials do, the endpoint does not check them.
fn client(endpoint: &Endpoint) -> Client {
    Client::builder()
        .region("us-east-1")
        .endpoint_url(endpoint.url())
        .credentials(Credentials::new("AKIDEXAMPLE", "secret"))
        .build()
        .expect("a client")
}

/// The IDs of the volumes answering `filter`.
async fn volume_ids(client: &Client, filter: Filter) -> Vec<String> {
    let request = DescribeVolumesRequest {
        filters: vec![filter],
        ..DescribeVolumesRequest::default()
    };
    let response = client
        .send::<DescribeVolumes>(&request)
        .await
        .expect("an answer");
    response
        .volumes
        .into_iter()
        .filter_map(|volume| volume.volume_id)
        .collect()
}

#[tokio::main]
async fn main() {
    let endpoint = start().await;
    println!("serving on {}", endpoint.url());
    let client = client(&endpoint);
    let available = volume_ids(&client, Filter::new("status", ["available"])).await;
    println!("available: {available:?}");

    endpoint
        .store()
        .put::<DescribeVolumes>([Volume {
            volume_id: Some("vol-3".into()),
            state: Some(VolumeState::Available),
            ..Volume::default()
        }])
        .expect("a volume with an ID of its own");
    let available = volume_ids(&client, Filter::new("status", ["available"])).await;
    println!("available after a put: {available:?}");

    let drained = endpoint.shutdown().await;
    println!("shut down: {drained:?}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use ec2_ops_endpoint::Drained;

    #[tokio::test]
    async fn a_volume_put_mid_test_is_seen_by_the_next_request() {
        let endpoint = start().await;
        let client = client(&endpoint);
        let available = || volume_ids(&client, Filter::new("status", ["available"]));
        assert_eq!(available().await, ["vol-2"]);

        endpoint
            .store()
            .put::<DescribeVolumes>([Volume {
                volume_id: Some("vol-3".into()),
                state: Some(VolumeState::Available),
                ..Volume::default()
            }])
            .unwrap();
        assert_eq!(available().await, ["vol-2", "vol-3"]);

        endpoint.store().reset();
        assert_eq!(available().await, ["vol-2"]);
        assert_eq!(
            volume_ids(&client, Filter::new("tag:team", ["web"])).await,
            ["vol-1"]
        );
        assert_eq!(endpoint.shutdown().await, Drained::Completely);
    }
}
