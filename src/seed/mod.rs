//! The operations this crate ships, declared with the public macros exactly as a user would declare
//! their own: the two seed operations, and the task, instance, EBS, key pair and tag operations the
//! DSL's reach was proven on.

pub mod bundle_tasks;
pub mod conversion_tasks;
pub mod export_tasks;
pub mod import_image_tasks;
pub mod import_snapshot_tasks;
pub mod instances;
pub mod key_pairs;
pub mod snapshots;
pub mod tags;
pub mod volumes;
