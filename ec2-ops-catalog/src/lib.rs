//! # ec2-ops-catalog
//!
//! Every `Describe*` operation of EC2 (197 in botocore's model) and the 8 `Get*` reads of an
//! account's settings whose answer for a new account EC2 documents (the catalog's `settings`
//! module holds it), declared with `ec2-ops`'
//! `#[ec2_operation]` and `#[ec2_shape]`, grouped by service area. Each area is a Cargo feature, so
//! a crate compiles only the operations it uses; `full` (the default) enables them all.
//!
//! | feature | operations |
//! |---|---|
//! | `account` | account settings, Regions and zones, ID formats, tags, reports and application status |
//! | `ebs` | EBS volumes and snapshots |
//! | `images` | AMIs, FPGA images, and import, export and bundle tasks |
//! | `instances` | instances, launch templates, Spot, fleets, hosts, reservations and capacity |
//! | `ipam` | IP address management |
//! | `transit` | transit gateways and local gateways |
//! | `vpc` | VPCs, subnets, routing, gateways, security groups, network interfaces and addresses |
//! | `vpn` | site-to-site VPN, Client VPN and Verified Access |
//!
//! The declarations are written by `ec2-ops-scaffold` from the model in `model/ec2-describe.json`
//! (the `Describe*` operations of botocore's `ec2/2016-11-15/service-2.json` and the shapes they
//! reach); a test regenerates them and fails if the committed files differ. The ten operations
//! `ec2-ops` declares by hand (`ec2_ops::operations`) are re-exported in their areas, and their
//! shapes in [`shapes`] (one `VolumeType`, one `InstanceState`, ... for both crates).
//!
//! ```
//! # #[cfg(feature = "vpc")] {
//! use ec2_ops::{DescribeContext, Ec2Request, Ec2Response, InMemorySource, Service};
//! use ec2_ops_catalog::shapes::Subnet;
//! use ec2_ops_catalog::vpc::{DescribeSubnets, DescribeSubnetsRequest, DescribeSubnetsResponse};
//! use std::sync::Arc;
//!
//! let subnets = InMemorySource::new(|subnet: &Subnet| subnet.subnet_id.as_deref().unwrap_or_default());
//! subnets.insert(Subnet {
//!     subnet_id: Some("subnet-1".into()),
//!     vpc_id: Some("vpc-1".into()),
//!     ..Subnet::default()
//! });
//! let mut service = Service::new(DescribeContext::default());
//! service.register::<DescribeSubnets, _>(Arc::new(subnets));
//!
//! let request = DescribeSubnetsRequest::builder().filter("vpc-id", ["vpc-1"]).build();
//! let answer = service.handle(request.to_query().as_bytes());
//! let response = DescribeSubnetsResponse::from_xml(&answer.body).unwrap();
//! assert_eq!(response.subnets.len(), 1);
//! # }
//! ```
//!
//! ## Coverage
//!
#![doc = include_str!("generated/coverage.md")]

#[cfg(feature = "instances")]
mod offered_instance_types;
mod responses;
mod settings;
#[cfg(feature = "instances")]
mod spot_prices;
mod validation;
mod visibility;

#[cfg(feature = "instances")]
pub use offered_instance_types::OfferedInstanceTypes;
#[cfg(feature = "instances")]
pub use spot_prices::SpotPriceChanges;

/// Every structure and enum the operations reach.
#[rustfmt::skip]
#[path = "generated/shapes.rs"]
pub mod shapes;

/// Account settings, Regions and zones, ID formats, tags, reports and application status.
#[cfg(feature = "account")]
#[rustfmt::skip]
#[path = "generated/account.rs"]
pub mod account;

/// EBS volumes and snapshots.
#[cfg(feature = "ebs")]
#[rustfmt::skip]
#[path = "generated/ebs.rs"]
pub mod ebs;

/// AMIs, FPGA images, and import, export and bundle tasks.
#[cfg(feature = "images")]
#[rustfmt::skip]
#[path = "generated/images.rs"]
pub mod images;

/// Instances, launch templates, Spot, fleets, hosts, reservations and capacity.
#[cfg(feature = "instances")]
#[rustfmt::skip]
#[path = "generated/instances.rs"]
pub mod instances;

/// IP address management.
#[cfg(feature = "ipam")]
#[rustfmt::skip]
#[path = "generated/ipam.rs"]
pub mod ipam;

/// Transit gateways and local gateways.
#[cfg(feature = "transit")]
#[rustfmt::skip]
#[path = "generated/transit.rs"]
pub mod transit;

/// VPCs, subnets, routing, gateways, security groups, network interfaces and addresses.
#[cfg(feature = "vpc")]
#[rustfmt::skip]
#[path = "generated/vpc.rs"]
pub mod vpc;

/// Site-to-site VPN, Client VPN and Verified Access.
#[cfg(feature = "vpn")]
#[rustfmt::skip]
#[path = "generated/vpn.rs"]
pub mod vpn;

#[rustfmt::skip]
#[path = "generated/registry.rs"]
mod registry;
pub use registry::{
    HAND_DECLARED, KEYED_BY_POSITION, LIST_MEMBERS, OPERATIONS, REQUIRED_MEMBERS,
    for_each_operation,
};

/// A member an operation's request requires (see [`REQUIRED_MEMBERS`]), and where a caller that
/// knows only what other operations answered, a capture, finds its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Required {
    /// The member's model name, its name in the request's AWS CLI JSON (`InstanceId`,
    /// `Attribute`, `ImageIds`).
    pub member: &'static str,
    /// The member's Query key (`InstanceId`; a list's values go under `ImageId.1`, `ImageId.2`).
    pub key: &'static str,
    /// Whether the member is a list.
    pub list: bool,
    /// Where its values come from.
    pub values: RequiredValues,
}

/// Where the values of a required member come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequiredValues {
    /// Resource IDs: those of the operation whose own ID list goes under the same Query key
    /// (`InstanceId`: DescribeInstances' instances), where a caller can tell which that is.
    Ids,
    /// Each of these values (the member's enum: an attribute operation's `Attribute`).
    EachOf(&'static [&'static str]),
    /// Nothing another operation answers (a time, a duration, a role, a number).
    Unknown,
}

/// Work done once per operation with the operation's types: registering each with a service,
/// loading each one's seed file, testing each. [`for_each_operation`] calls it for every operation
/// of the enabled areas.
///
/// ```
/// use ec2_ops::DescribeOperation;
///
/// struct Actions(Vec<&'static str>);
/// impl ec2_ops_catalog::OperationVisitor for Actions {
///     fn visit<O: ec2_ops_catalog::CatalogOperation>(&mut self, _area: &'static str) {
///         self.0.push(<O as ec2_ops::Operation>::SPEC.action);
///     }
/// }
/// let mut actions = Actions(Vec::new());
/// ec2_ops_catalog::for_each_operation(&mut actions);
/// assert_eq!(actions.0.len(), ec2_ops_catalog::OPERATIONS.len());
/// ```
pub trait OperationVisitor {
    /// Called for operation `O` of `area`.
    fn visit<O: CatalogOperation>(&mut self, area: &'static str);

    /// Called instead of [`visit`](Self::visit) for an operation that pages (`MaxResults` and
    /// `NextToken`), so that work needing its paging (a walk of every page) has it; the same as
    /// `visit` unless overridden.
    fn visit_paginated<O: CatalogOperation + ec2_ops::PaginatedOperation>(
        &mut self,
        area: &'static str,
    ) {
        self.visit::<O>(area);
    }
}

/// What every catalog operation is: a describe operation whose resources and responses are plain
/// data, readable and writable as the AWS CLI's JSON.
pub trait CatalogOperation:
    ec2_ops::DescribeOperation<
        Resource = Self::Item,
        Response = Self::Answer,
        Request = Self::Asked,
    > + 'static
{
    /// The request (the operation's `Request`): every one has a default, all members absent, and
    /// its Query form.
    type Asked: Default + ec2_ops::Ec2Request;
    /// The resource (the operation's `Resource`).
    type Item: Clone
        + Send
        + Sync
        + std::fmt::Debug
        + PartialEq
        + serde::Serialize
        + serde::de::DeserializeOwned
        + 'static;
    /// The response (the operation's `Response`).
    type Answer: Default
        + std::fmt::Debug
        + PartialEq
        + serde::Serialize
        + serde::de::DeserializeOwned;
}

impl<O> CatalogOperation for O
where
    O: ec2_ops::DescribeOperation + 'static,
    O::Resource: Clone
        + Send
        + Sync
        + std::fmt::Debug
        + PartialEq
        + serde::Serialize
        + serde::de::DeserializeOwned
        + 'static,
    O::Response:
        Default + std::fmt::Debug + PartialEq + serde::Serialize + serde::de::DeserializeOwned,
    O::Request: Default,
{
    type Asked = O::Request;
    type Item = O::Resource;
    type Answer = O::Response;
}

/// The AWS CLI output member `action` lists its resources under (`Volumes`; a list held in a
/// structure by its path, `ApplicationStatuses.Instances`), as [`LIST_MEMBERS`] names it; `None`
/// for an operation answering one record per call (an attribute operation) or not declared.
///
/// ```
/// assert_eq!(ec2_ops_catalog::list_member("DescribeVolumes"), Some("Volumes"));
/// assert_eq!(ec2_ops_catalog::list_member("DescribeInstanceAttribute"), None);
/// ```
pub fn list_member(action: &str) -> Option<&'static str> {
    LIST_MEMBERS
        .iter()
        .find(|(listing, _)| *listing == action)
        .map(|(_, member)| *member)
}

/// The AWS CLI's command for `action`: `DescribeVolumeStatus` → `describe-volume-status`.
pub fn cli_name(action: &str) -> String {
    ec2_ops_naming::kebab(action)
}
