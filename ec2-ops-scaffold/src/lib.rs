//! # ec2-ops-scaffold
//!
//! Reads botocore's EC2 model and writes `#[ec2_shape]` and `#[ec2_operation]` declarations for
//! `Describe*` operations: every structure and enum the output reaches (each written once), the
//! request members, ID lists, pagination with its documented bounds, `DryRun`, and every filter the
//! operation documents, mapped to a field path where the mapping is unambiguous and listed in a
//! comment, with the reason, where it is not.
//!
//! ```no_run
//! let text = std::fs::read_to_string("ec2-service-2.json").unwrap();
//! let model = ec2_ops_scaffold::model::Model::from_json(&text).unwrap();
//! let finishing = ec2_ops_scaffold::decisions::Finishing::default();
//! let plan = ec2_ops_scaffold::plan::plan(&model, &finishing, &["DescribeVolumeStatus"]).unwrap();
//! print!("{}", ec2_ops_scaffold::emit::module(&plan));
//! ```
//!
//! The pipeline runs one way: [`model`] (the JSON) → [`plan`] (what to declare, using [`filters`],
//! [`decisions`] and [`names`]) → [`emit`] (Rust source) → [`catalog`] (the `ec2-ops-catalog`
//! crate's files).

pub mod catalog;
pub mod decisions;
pub mod emit;
pub mod filters;
pub mod model;
pub mod names;
pub mod plan;
