//! # ec2-ops-endpoint
//!
//! A local EC2-compatible endpoint serving all 197 `Describe*` operations and the 8 account
//! settings reads (GetEbsEncryptionByDefault, ...) of `ec2-ops-catalog`,
//! for boto3, the AWS CLI, the JavaScript SDK, aws-sdk-rust and `ec2-ops`' own client pointed at it
//! with an endpoint URL: as a server (the `ec2-ops-endpoint` binary) or inside a test process
//! (this library).
//!
//! - [`Endpoint::builder`] starts one on a free port inside the caller's Tokio runtime, with no
//!   process and no files; many in one process share nothing.
//! - Its [`Store`] is the state: every operation's resources, stored once, with what other
//!   operations show of them derived when asked (DescribeTags lists the tags of every resource
//!   served by the 100 operations whose resources EC2 tags, under EC2's `resource-type` for each;
//!   a volume's attachments are its instances' block device mappings; DescribeSecurityGroupRules
//!   lists the served groups' rules; DescribeInstanceStatus the served instances' states and
//!   DescribeVolumeStatus the served volumes'; DescribeNetworkInterfaces the served instances'
//!   interfaces; DescribeInstanceCreditSpecifications the burstable instances' launch defaults;
//!   DescribeLaunchTemplates the templates of the served versions; the attribute operations the
//!   attributes of the served instances, VPCs, volumes, network interfaces and Elastic IP
//!   addresses and of the account's images and snapshots), so a put or a removal shows everywhere
//!   at once. A record seeded for the derived operation wins for the resource it names. Puts are
//!   checked exactly as the seed is, and refused whole.
//! - A store is one account in one region: a parent's ID in a request (`ClientVpnEndpointId` of
//!   DescribeClientVpnRoutes, `LaunchTemplateId`, `VpcId` of DescribeStaleSecurityGroups) selects
//!   the children naming it, and one that neither the parent operation serves nor any child names
//!   is EC2's not-found error (`InvalidClientVpnEndpointId.NotFound`). A parent operation holding
//!   nothing at all is taken as not captured rather than empty: its parents are then not checked.
//! - A [`Seed`] is what it starts with and what [`Store::reset`] returns to: AWS CLI outputs from
//!   a folder (`describe-subnets.json` holds what `aws ec2 describe-subnets` prints), a seed file,
//!   or code. An attribute operation's file may hold the outputs for each resource and attribute:
//!   those of one resource are merged into it (two values for one member are refused), and each
//!   request answers the attribute it asks for.
//! - The [`control`] API changes a running endpoint's state over HTTP (off unless asked for).
//! - Every (account, region) has a store of its own ([`accounts`]): a request acts as the account
//!   its access key is configured with (else a 12-digit key's own, else the default account), in
//!   the region its signature's scope or host names (else the default region,
//!   [`EndpointBuilder::region`]); it sees its own resources and what other accounts share with
//!   it. Seed folders of `<account>/<region>/` and CloudMapper's layout load many at once.
//! - [`Credentials`] turn on SigV4 verification: every request's signature checked as EC2 checks
//!   it, with EC2's errors ([`signature`]); without them, requests are served unchecked.
//!
//! ## In a test
//!
//! ```
//! use ec2_ops::operations::volumes::{DescribeVolumes, DescribeVolumesRequest, DescribeVolumesResponse, Volume};
//! use ec2_ops::{Ec2Request, Ec2Response};
//! use ec2_ops_endpoint::{Endpoint, Seed};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let endpoint = Endpoint::builder()
//!     .seed(Seed::from_output("describe-volumes", r#"{"Volumes": [{"VolumeId": "vol-1", "Size": 8}]}"#).unwrap())
//!     .bind("127.0.0.1:0")
//!     .await
//!     .unwrap();
//!
//! // Change the state mid-test: the next request sees it.
//! endpoint
//!     .store()
//!     .put::<DescribeVolumes>([Volume { volume_id: Some("vol-2".into()), size: Some(100), ..Volume::default() }])
//!     .unwrap();
//!
//! // Any client pointed at `endpoint.url()` sees both; here the store answers a Query request
//! // directly, as the HTTP server would.
//! let request = DescribeVolumesRequest::builder().filter("size", ["100"]).build();
//! let answer = endpoint.store().handle(request.to_query().as_bytes());
//! let response = DescribeVolumesResponse::from_xml(&answer.body).unwrap();
//! assert_eq!(response.volumes[0].volume_id.as_deref(), Some("vol-2"));
//!
//! endpoint.store().reset();
//! assert_eq!(endpoint.store().count("DescribeVolumes"), Some(1));
//! endpoint.shutdown().await;
//! # }
//! ```
//!
//! `ec2-ops-client/examples/endpoint_in_a_test.rs` does the same over HTTP with `ec2-ops`' light
//! client.
//!
//! ## As a server
//!
//! ```text
//! cargo install --path ec2-ops-endpoint
//! ec2-ops-endpoint --seed-dir inventory --port 4599
//! ```
//!
//! `ec2-ops-endpoint --help` lists every setting; the repository's README describes each.

pub mod accounts;
pub mod control;
mod endpoint;
mod http;
mod idle;
mod operations;
pub mod reference;
pub mod region;
mod seed;
mod server;
pub mod signature;
mod store;
mod views;

pub use accounts::{Accounts, Scope};
pub use control::ControlApi;
pub use endpoint::{Endpoint, EndpointBuilder, StartError};
pub use http::BodyLimits;
pub use seed::{AccountOf, SAMPLE, ScopedSeed, Seed, SeedError};
pub use server::{Drained, Settings};
pub use signature::{Credential, Credentials, CredentialsError};
pub use store::Store;
