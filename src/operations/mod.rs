//! The operations this crate ships, declared with the public macros exactly as a user would declare
//! their own: the first two declared operations, and the task, instance, EBS, key pair and tag operations the
//! DSL's reach was proven on.
//!
//! Their shapes are `#[ec2_shape(response_only)]` (no request of theirs carries one), so they have no
//! Query codec: a request member of your own typed as one of them (a `VolumeType`, say) needs a shape
//! of your own. One has it, [`instances::Tenancy`]: `ec2-ops-catalog` uses these shapes rather than
//! copies, and one of its requests carries a `Tenancy`.

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
