//! EC2's naming rules, derived from Rust field names: shared with the scaffold, which must derive
//! exactly what the macros do.

pub use ec2_ops_naming::{kebab, lower_camel, pascal, snake};
