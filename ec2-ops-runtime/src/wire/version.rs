//! The API version both wires name: `Version` in every request, the namespace of every response.

/// The API version every request names and every encoder writes.
pub const API_VERSION: &str = "2016-11-15";

/// The namespace of EC2 responses for [`API_VERSION`].
pub const NAMESPACE: &str = "http://ec2.amazonaws.com/doc/2016-11-15/";
