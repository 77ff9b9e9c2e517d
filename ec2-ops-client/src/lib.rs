//! A light EC2 client for the operations declared with `ec2-ops`: requests encoded by the
//! operations' own Query encoders and signed with SigV4 (AWS's `aws-sigv4` crate), answers parsed by
//! their own XML parsers, EC2 errors as typed values, retries with backoff, and paginators as async
//! streams. It sends to `https://ec2.{region}.amazonaws.com` or any EC2-compatible endpoint.
//!
//! Enabled in `ec2-ops` by its `client` feature (as `ec2_ops::client`), so server-only users do not
//! compile an HTTP client. Its dependencies (aws-sigv4 and the AWS runtime crates it needs, hyper,
//! rustls with ring) bring a second `syn` (2.x) into builds with the feature.
//!
//! | part | what it does |
//! |---|---|
//! | [`Client`], [`ClientBuilder`] | region and endpoint, credentials, timeout, retries; [`Client::send`] |
//! | [`Paginator`] | [`Client::paginate`]: pages or items as streams, `page_size` sent on every page |
//! | [`credentials`] | the environment and the shared `~/.aws` files, as the AWS CLI reads them |
//! | [`RetryPolicy`] | attempts and exponential backoff with jitter on throttling and transient failures |
//! | [`ClientError`] | EC2's code, message and request ID; clock skew with its size; where credentials were looked for |
//!
//! ```no_run
//! use ec2_ops_client::{Client, ClientError}; // `ec2_ops::client` with the `client` feature
//! use ec2_ops::operations::bundle_tasks::{DescribeBundleTasks, DescribeBundleTasksRequest};
//! use ec2_ops::Filter;
//!
//! # async fn example() -> Result<(), ClientError> {
//! let client = Client::builder().region("us-east-1").build()?;
//! let request = DescribeBundleTasksRequest {
//!     filters: vec![Filter::new("state", ["complete"])],
//!     ..Default::default()
//! };
//! let response = client.send::<DescribeBundleTasks>(&request).await?;
//! for task in &response.bundle_tasks {
//!     println!("{:?} {:?}", task.bundle_id, task.state);
//! }
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

mod client;
pub mod credentials;
mod error;
mod paginate;
mod retry;
mod signing;

pub use client::{Client, ClientBuilder};
pub use credentials::{Credentials, CredentialsError};
pub use error::ClientError;
pub use paginate::Paginator;
pub use retry::RetryPolicy;
