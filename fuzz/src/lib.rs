//! The checks the fuzz targets run; see `checks.rs` and, for the endpoint's seed loader and
//! puts, `store_checks.rs`.

pub mod checks;
pub mod store_checks;
