//! Captures an EC2 account into the seed folder `ec2-ops-endpoint` replays: every catalog
//! `Describe*` operation that needs no value from elsewhere, then those needing IDs the first
//! answered (attributes, a parent's children), in every region enabled for the
//! account (or those given), every page at the largest page size the operation documents, each
//! answer written as the AWS CLI prints it to `OUT/<account>/<region>/describe-*.json`.
//!
//! ```text
//! cargo run -p ec2-ops-capture -- --out captured            # credentials as the AWS CLI finds them
//! cargo run -p ec2-ops-endpoint -- --seed-dir captured    # every account and region captured
//! ```
//!
//! | part | what it does |
//! |---|---|
//! | [`Capture`] | the options (regions, endpoint, credentials, concurrency, account), [`Capture::run`], [`Capture::dry_run`] |
//! | [`Summary`] | operations captured, items, calls refused with EC2's code, calls that failed, time taken |
//! | [`Manifest`] | `capture-manifest.json`: what is done, so that a rerun continues where a capture stopped |
//! | [`planned`], [`dependent`], [`needing_values`] | the calls made first in each region, those made with values from their answers, and the operations left out |
//!
//! **What is captured.** The calls are planned from the catalog's declarations, not a hand list:
//! every operation the model requires no member of. DescribeImages, DescribeSnapshots and
//! DescribeFpgaImages are asked with `Owner.N=self`, since without it EC2 lists every public
//! image, snapshot and FPGA image of the region. The account is the one the captured owners show
//! (its reservations', else most of its security groups', interfaces', VPCs' and subnets', else
//! its images' and snapshots' one owner), as the endpoint reads it, or `--account-id`.
//!
//! **Safe to interrupt.** Each file is written whole (a temporary file renamed over it) and then
//! recorded in the manifest; a rerun with the same folder makes only the calls not answered yet,
//! and a folder holding anything but a capture is not written to unless asked
//! ([`Capture::overwrite`]). A call EC2 refuses (`UnauthorizedOperation`, `OptInRequired`) is
//! recorded with its code and skipped; a call that gets no answer after the client's retries
//! (throttling and transient failures back off and retry) is listed in the summary and made again
//! by the next run.
//!
//! **Then what needs values** ([`dependent`]): once a region's first calls are written, the 20
//! operations whose required members come from those answers (resource IDs, an enum's values, a
//! fleet's creation time) are made, one call per combination (each instance with each of its 16 attributes, each Client
//! VPN endpoint's routes, each security group's references): the IDs are those the operation
//! whose own ID list has the same Query key answered, the enum's values all of them. A record
//! operation's outputs are written as a JSON array (the endpoint's seed takes one), a list
//! operation's merged into one output; a call refused for one resource is counted in
//! [`Summary::refused_calls`] and the others kept. Such an operation waits for its sources: made
//! only once they are answered (or refused), so a cut-off capture never leaves it half-asked.
//!
//! A fleet's and a Spot Fleet's history, whose `StartTime` EC2 requires, are asked from the
//! fleet's creation (`CreateTime`, as DescribeFleets and DescribeSpotFleetRequests answered it):
//! the whole history EC2 still holds.
//!
//! **Not captured** (listed by [`needing_values`]): the operations needing a time, a duration, a
//! number or an ARN that nothing captured gives (capacity block and capacity block extension
//! offerings, scheduled instance availability, a principal's ID formats). The account-level `Get*` settings
//! reads the catalog declares are captured with the first calls (`get-*.json`), and the two it
//! does not declare (no documented answer for a new account) are not. The JSON written holds each
//! answer's members in alphabetical order, where the AWS CLI keeps EC2's order; both are the same
//! JSON to every reader, the endpoint's seed loader among them.
//!
//! A capture of an endpoint started in the same test, replayed by a second one:
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! use ec2_ops_capture::Capture;
//! use ec2_ops_endpoint::Endpoint;
//!
//! let source = Endpoint::builder().sample().bind("127.0.0.1:0").await.unwrap();
//! let out = std::env::temp_dir().join(format!("ec2-ops-capture-doc-{}", std::process::id()));
//! let summary = Capture::new(&out)
//!     .endpoint_url(source.url())
//!     .credentials(ec2_ops_client::Credentials::new("AKIDEXAMPLE", "secret"))
//!     .regions(["us-east-1"])
//!     .run()
//!     .await
//!     .unwrap();
//! assert!(summary.is_complete());
//! // The capture's tree, `<account>/<region>/`, replays each account's regions.
//! let replay = Endpoint::builder()
//!     .seed_dir(&out)
//!     .bind("127.0.0.1:0")
//!     .await
//!     .unwrap();
//! let volumes = b"Action=DescribeVolumes&Version=2016-11-15";
//! assert_eq!(
//!     replay.store().handle(volumes).items,
//!     source.store().handle(volumes).items
//! );
//! # replay.shutdown().await;
//! # source.shutdown().await;
//! # std::fs::remove_dir_all(&out).unwrap();
//! # }
//! ```

#![warn(missing_docs)]

mod calls;
mod capture;
mod dependent;
mod files;
mod manifest;
mod output;

pub use calls::{Call, planned};
pub use capture::{Capture, CaptureError, Summary};
pub use dependent::{DependentCall, Values, dependent, needing_values};
pub use manifest::{MANIFEST, Manifest, Outcome};
