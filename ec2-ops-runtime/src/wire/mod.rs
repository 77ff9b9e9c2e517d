//! The wire codecs: EC2's Query protocol for requests, EC2's XML for responses, and the traits that
//! tie a request or response type to them.
//!
//! | module | direction |
//! |---|---|
//! | [`query`] | requests: decode (server) and encode (client) |
//! | [`xml`] | responses: render (server) and parse (client), and the error envelope both ways |
//! | [`json`] | the AWS CLI's JSON, read member by member (written by serde's derive) |
//! | [`Ec2Request`], [`Ec2Response`] | a whole request or response: its action and members on the wire |
//!
//! Scalars are written and read with the one codec in [`types`](crate::types) ([`WireText`](crate::types::WireText),
//! [`FromWireText`](crate::types::FromWireText)), so a value has one meaning on both wires.

pub mod json;
mod message;
pub mod query;
mod version;
pub mod xml;

pub use message::{Ec2Request, Ec2Response};

/// A structure's value with every member absent (`None`, empty, or its default): where reading one
/// from XML ([`xml::parse_members`]) or JSON ([`json::deserialize_members`]) starts.
/// `#[ec2_shape]` implements it for every structure.
pub trait Absent {
    /// The value before any member is read.
    fn absent() -> Self;
}
pub use version::{API_VERSION, NAMESPACE};
