//! The endpoint's integration tests, one module per behaviour, in one test binary: each test links
//! the whole catalog, so one binary links it once instead of once per file (a dozen links of a
//! large binary were most of the tests' build time and disk).

mod common;

mod accounts;
mod accounts_and_regions;
mod application_statuses;
mod attributes;
mod credit_specifications;
mod embedding;
mod fuzz_regressions;
mod instance_statuses;
mod launch_templates;
mod network_interfaces;
mod page_cost;
mod parents;
mod reference_data;
mod security_group_rules;
mod seeding;
mod settings;
mod spot_prices;
mod view_rules;
mod volume_statuses;
