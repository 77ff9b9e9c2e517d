//! The seed operations, declared with the public macros exactly as a user would declare their own.

pub mod bundle_tasks;
pub mod import_snapshot_tasks;
