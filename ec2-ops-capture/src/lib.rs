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
//! | [`planned`], [`dependent`], [`needing_values`] | the calls made first in each region, those made with values from their answers or the capture's scope, and the operations left out (none of the catalog's) |
//!
//! **What is captured.** The calls are planned from the catalog's declarations, not a hand list:
//! every operation the model requires no member of. DescribeImages, DescribeSnapshots and
//! DescribeFpgaImages are asked with `Owner.N=self`, since without it EC2 lists every public
//! image, snapshot and FPGA image of the region. Every switch that widens an answer
//! ([`WIDENING`]: `IncludeDisabled`, `IncludeAllInstances`, `AllRegions`, `IncludePublicKey`, ...)
//! is sent as `true` where the operation takes it, so that the replay holds what a request
//! without it leaves out and answers both as EC2 does. The account is the one the captured owners show
//! (its reservations', else most of its security groups', interfaces', VPCs' and subnets', else
//! its images' and snapshots' one owner), as the endpoint reads it, or `--account-id`.
//!
//! **Safe to interrupt.** Each file is written whole (a temporary file renamed over it) and then
//! recorded in the manifest; a rerun with the same folder makes only the calls not answered yet
//! (a process killed part way included: the partial file it was writing, a dot-name the endpoint
//! ignores, is removed and the call made again), and a folder holding anything but a capture is
//! not written to unless asked
//! ([`Capture::overwrite`]). A call EC2 refuses (`UnauthorizedOperation`, `OptInRequired`) is
//! recorded with its code and skipped; a call that gets no answer after the client's retries
//! (throttling and transient failures back off and retry) is listed in the summary and made again
//! by the next run.
//!
//! **Then what needs values** ([`dependent`]): once a region's first calls are written, the 24
//! operations whose required members the model gives no value for are made, one call per
//! combination (each instance with each of its 16 attributes, each Client VPN endpoint's routes,
//! each security group's references):
//!
//! - an ID: each ID the operation whose own ID list has the same Query key answered;
//! - an enum (`Attribute`): all its values;
//! - a fleet's and a Spot Fleet's history, whose `StartTime` EC2 requires: from the fleet's
//!   creation (`CreateTime`, as DescribeFleets and DescribeSpotFleetRequests answered it), the
//!   whole history EC2 still holds;
//! - Capacity Block offerings and each Capacity Block's extension offerings: for every duration
//!   DescribeCapacityBlockOfferings documents ([`CAPACITY_BLOCK_HOURS`]: 1 to 14 days by the day,
//!   then up to 182 days by the week), so that any duration a request may ask is answered as EC2
//!   offered it when captured;
//! - Scheduled Instance availability: for each frequency (`Daily`, `Weekly`, `Monthly`), the
//!   schedules whose first slot starts between the capture's start and
//!   [`SCHEDULE_SEARCH_DAYS`] later, the furthest EC2 searches ("at most three months in the
//!   future"); a replayed search of an earlier window finds what that one did then;
//! - DescribeIdentityIdFormat's principal: the account's root user
//!   (`arn:aws:iam::ACCOUNT:root`, in the region's partition), whose ID formats are the
//!   account's. The endpoint answers the captured formats for any principal (its written limit:
//!   `PrincipalArn` is not applied).
//!
//! A record operation's outputs are written as a JSON array (the endpoint's seed takes one), a
//! list operation's merged into one output, an item several calls answered (an extension
//! offering fits every block of its type, zone and end) kept once; a call refused for one
//! resource is counted in [`Summary::refused_calls`] and the others kept. Such an operation waits
//! for its sources: made only once they are answered (or refused), so a cut-off capture never
//! leaves it half-asked. [`needing_values`] lists an operation whose values a capture cannot
//! find: none of the catalog's.
//!
//! The account-level `Get*` settings reads the catalog declares are captured with the first calls
//! (`get-*.json`), and the two it does not declare (no documented answer for a new account) are
//! not. The JSON written holds each answer's members in the model's order, the declarations',
//! as the AWS CLI prints them (serde_json's `preserve_order`).
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

pub use calls::{Call, WIDENING, planned};
pub use capture::{Capture, CaptureError, Summary};
pub use dependent::{
    CAPACITY_BLOCK_HOURS, DependentCall, SCHEDULE_SEARCH_DAYS, Scope, Values, dependent,
    needing_values,
};
pub use manifest::{MANIFEST, Manifest, Outcome};
