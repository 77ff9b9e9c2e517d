//! The generated sources cannot drift from the scaffold: regenerated from the vendored model and
//! the hand decisions (`model/decisions.txt`), they must equal what is committed.

use std::path::Path;

use ec2_ops_scaffold::catalog;
use ec2_ops_scaffold::decisions::Finishing;
use ec2_ops_scaffold::model::Model;

#[test]
fn committed_sources_are_what_the_scaffold_writes_from_the_vendored_model() {
    let model = Model::from_json(include_str!("../model/ec2-describe.json")).unwrap();
    let finishing = Finishing::parse(include_str!("../model/decisions.txt")).unwrap();
    let files = catalog::files(&model, &finishing).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stale = Vec::new();
    for (path, expected) in &files {
        let committed = std::fs::read_to_string(root.join(path)).unwrap_or_default();
        if committed != *expected {
            stale.push(path.as_str());
        }
    }
    assert!(
        stale.is_empty(),
        "out of date: {stale:?}; regenerate with `cargo run -p ec2-ops-scaffold -- ec2-ops-catalog/model/ec2-describe.json --catalog ec2-ops-catalog`"
    );
}

#[cfg(feature = "full")]
#[test]
fn every_describe_operation_of_the_model_is_in_the_catalog() {
    let model = Model::from_json(include_str!("../model/ec2-describe.json")).unwrap();
    let declared: Vec<&str> = ec2_ops_catalog::OPERATIONS
        .iter()
        .map(|(_, action)| *action)
        .collect();
    assert_eq!(declared.len(), 197);
    let mut sorted = declared.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, model.describe_operations());
}
