//! Loading resources from JSON in the shape the AWS CLI prints, through the generated serde types.

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

use ec2_ops::Operation;
use ec2_ops::seed::bundle_tasks::{BundleTask, DescribeBundleTasks};
use ec2_ops::seed::conversion_tasks::{ConversionTask, DescribeConversionTasks};
use ec2_ops::seed::export_tasks::{DescribeExportTasks, ExportTask};
use ec2_ops::seed::import_image_tasks::{DescribeImportImageTasks, ImportImageTask};
use ec2_ops::seed::import_snapshot_tasks::{DescribeImportSnapshotTasks, ImportSnapshotTask};
use serde::Deserialize;

/// The embedded sample set, used without `--seed`.
pub const SAMPLE: &str = include_str!("sample.json");

/// A seed file: each key is an operation's output member.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seed {
    #[serde(rename = "BundleTasks", default)]
    pub bundle_tasks: Vec<BundleTask>,
    #[serde(rename = "ImportSnapshotTasks", default)]
    pub import_snapshot_tasks: Vec<ImportSnapshotTask>,
    #[serde(rename = "ImportImageTasks", default)]
    pub import_image_tasks: Vec<ImportImageTask>,
    #[serde(rename = "ExportTasks", default)]
    pub export_tasks: Vec<ExportTask>,
    #[serde(rename = "ConversionTasks", default)]
    pub conversion_tasks: Vec<ConversionTask>,
}

/// Why a seed could not be loaded: the file, the JSON path inside it, and the problem.
#[derive(Debug)]
pub struct SeedError {
    pub source: String,
    pub path: String,
    pub problem: String,
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: at `{}`: {}", self.source, self.path, self.problem)
    }
}

impl std::error::Error for SeedError {}

impl Seed {
    /// Reads and checks a seed file.
    pub fn from_file(path: &Path) -> Result<Seed, SeedError> {
        let text = std::fs::read_to_string(path).map_err(|e| SeedError {
            source: path.display().to_string(),
            path: "$".into(),
            problem: format!("cannot read the file: {e}"),
        })?;
        Self::parse(&text, &path.display().to_string())
    }

    /// Parses and checks seed JSON; `source` names it in errors. Nothing is loaded unless all of it
    /// is valid.
    pub fn parse(text: &str, source: &str) -> Result<Seed, SeedError> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let seed: Seed =
            serde_path_to_error::deserialize(&mut deserializer).map_err(|e| SeedError {
                source: source.to_owned(),
                path: format!("$.{}", e.path()),
                problem: e.inner().to_string(),
            })?;
        check_ids(
            source,
            "BundleTasks",
            "BundleId",
            seed.bundle_tasks
                .iter()
                .map(DescribeBundleTasks::resource_id),
        )?;
        check_ids(
            source,
            "ImportSnapshotTasks",
            "ImportTaskId",
            seed.import_snapshot_tasks
                .iter()
                .map(DescribeImportSnapshotTasks::resource_id),
        )?;
        check_ids(
            source,
            "ImportImageTasks",
            "ImportTaskId",
            seed.import_image_tasks
                .iter()
                .map(DescribeImportImageTasks::resource_id),
        )?;
        check_ids(
            source,
            "ExportTasks",
            "ExportTaskId",
            seed.export_tasks
                .iter()
                .map(DescribeExportTasks::resource_id),
        )?;
        check_ids(
            source,
            "ConversionTasks",
            "ConversionTaskId",
            seed.conversion_tasks
                .iter()
                .map(DescribeConversionTasks::resource_id),
        )?;
        Ok(seed)
    }

    /// How many resources of each kind, for the start-up line.
    pub fn summary(&self) -> String {
        format!(
            "{} bundle tasks, {} import snapshot tasks, {} import image tasks, {} export tasks and {} conversion tasks",
            self.bundle_tasks.len(),
            self.import_snapshot_tasks.len(),
            self.import_image_tasks.len(),
            self.export_tasks.len(),
            self.conversion_tasks.len()
        )
    }
}

/// Every resource needs an ID, and IDs are unique: they are the page order and the look-up key.
fn check_ids<'a>(
    source: &str,
    list: &str,
    member: &str,
    ids: impl Iterator<Item = &'a str>,
) -> Result<(), SeedError> {
    let mut seen = BTreeSet::new();
    for (index, id) in ids.enumerate() {
        let problem = if id.is_empty() {
            format!("missing {member}: every resource needs an ID")
        } else if !seen.insert(id) {
            format!("duplicate {member} `{id}`")
        } else {
            continue;
        };
        return Err(SeedError {
            source: source.to_owned(),
            path: format!("$.{list}[{index}].{member}"),
            problem,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_sample_loads() {
        let seed = Seed::parse(SAMPLE, "sample").unwrap();
        assert!(seed.bundle_tasks.len() >= 10 && seed.import_snapshot_tasks.len() >= 30);
        assert!(seed.import_image_tasks.len() >= 5);
        assert!(seed.export_tasks.len() >= 4 && seed.conversion_tasks.len() >= 4);
    }

    #[test]
    fn a_bad_value_names_its_json_path() {
        let err = Seed::parse(r#"{"BundleTasks": [{"BundleId": "bun-1"}, {"BundleId": "bun-2", "State": "compete"}]}"#, "f.json").unwrap_err();
        assert_eq!(err.path, "$.BundleTasks[1].State");
        assert!(err.problem.contains("compete"), "{}", err.problem);
    }

    #[test]
    fn duplicate_and_missing_ids_are_refused() {
        let err = Seed::parse(
            r#"{"BundleTasks": [{"BundleId": "bun-1"}, {"BundleId": "bun-1"}]}"#,
            "f.json",
        )
        .unwrap_err();
        assert_eq!(err.path, "$.BundleTasks[1].BundleId");
        let err = Seed::parse(r#"{"ImportSnapshotTasks": [{}]}"#, "f.json").unwrap_err();
        assert_eq!(err.path, "$.ImportSnapshotTasks[0].ImportTaskId");
        let err = Seed::parse(r#"{"Bundles": []}"#, "f.json").unwrap_err();
        assert!(err.problem.contains("unknown field"), "{}", err.problem);
    }
}
