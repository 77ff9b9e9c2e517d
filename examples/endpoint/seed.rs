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
use ec2_ops::seed::instances::Reservation;
use ec2_ops::seed::key_pairs::{DescribeKeyPairs, KeyPairInfo};
use ec2_ops::seed::snapshots::{DescribeSnapshots, Snapshot};
use ec2_ops::seed::tags::TagDescription;
use ec2_ops::seed::volumes::{DescribeVolumes, Volume};
use serde::Deserialize;

/// The embedded sample set, used without `--seed`.
pub const SAMPLE: &str = include_str!("sample.json");

/// A seed file: each key is an operation's output member, holding what the AWS CLI prints for it.
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
    #[serde(rename = "Reservations", default)]
    pub reservations: Vec<Reservation>,
    #[serde(rename = "Volumes", default)]
    pub volumes: Vec<Volume>,
    #[serde(rename = "Snapshots", default)]
    pub snapshots: Vec<Snapshot>,
    #[serde(rename = "KeyPairs", default)]
    pub key_pairs: Vec<KeyPairInfo>,
    /// Tags of resources this endpoint does not serve (a served resource's tags are its own).
    #[serde(rename = "Tags", default)]
    pub tags: Vec<TagDescription>,
}

/// The operations the inventory serves, and the seed member holding each one's data (its output
/// member, as the AWS CLI prints it).
const INVENTORY: [(&str, &str); 10] = [
    ("DescribeBundleTasks", "BundleTasks"),
    ("DescribeConversionTasks", "ConversionTasks"),
    ("DescribeExportTasks", "ExportTasks"),
    ("DescribeImportImageTasks", "ImportImageTasks"),
    ("DescribeImportSnapshotTasks", "ImportSnapshotTasks"),
    ("DescribeInstances", "Reservations"),
    ("DescribeKeyPairs", "KeyPairs"),
    ("DescribeSnapshots", "Snapshots"),
    ("DescribeTags", "Tags"),
    ("DescribeVolumes", "Volumes"),
];

/// The seed members the inventory reads.
pub const INVENTORY_MEMBERS: [&str; 10] = {
    let mut members = [""; 10];
    let mut index = 0;
    while index < INVENTORY.len() {
        members[index] = INVENTORY[index].1;
        index += 1;
    }
    members
};

/// The operations the inventory serves.
pub const INVENTORY_ACTIONS: [&str; 10] = {
    let mut actions = [""; 10];
    let mut index = 0;
    while index < INVENTORY.len() {
        actions[index] = INVENTORY[index].0;
        index += 1;
    }
    actions
};

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
        let check = Checker { source };
        check.ids::<DescribeBundleTasks>("BundleTasks", "BundleId", &seed.bundle_tasks)?;
        check.ids::<DescribeImportSnapshotTasks>(
            "ImportSnapshotTasks",
            "ImportTaskId",
            &seed.import_snapshot_tasks,
        )?;
        check.ids::<DescribeImportImageTasks>(
            "ImportImageTasks",
            "ImportTaskId",
            &seed.import_image_tasks,
        )?;
        check.ids::<DescribeExportTasks>("ExportTasks", "ExportTaskId", &seed.export_tasks)?;
        check.ids::<DescribeConversionTasks>(
            "ConversionTasks",
            "ConversionTaskId",
            &seed.conversion_tasks,
        )?;
        check.ids::<DescribeVolumes>("Volumes", "VolumeId", &seed.volumes)?;
        check.ids::<DescribeSnapshots>("Snapshots", "SnapshotId", &seed.snapshots)?;
        check.ids::<DescribeKeyPairs>("KeyPairs", "KeyPairId", &seed.key_pairs)?;
        check.reservations(&seed.reservations)?;
        check.tags(&seed.tags)?;
        Ok(seed)
    }

    /// The members that hold data.
    fn members_present(&self) -> Vec<&'static str> {
        let present = [
            ("BundleTasks", self.bundle_tasks.is_empty()),
            ("ConversionTasks", self.conversion_tasks.is_empty()),
            ("ExportTasks", self.export_tasks.is_empty()),
            ("ImportImageTasks", self.import_image_tasks.is_empty()),
            ("ImportSnapshotTasks", self.import_snapshot_tasks.is_empty()),
            ("Reservations", self.reservations.is_empty()),
            ("KeyPairs", self.key_pairs.is_empty()),
            ("Snapshots", self.snapshots.is_empty()),
            ("Tags", self.tags.is_empty()),
            ("Volumes", self.volumes.is_empty()),
        ];
        present
            .into_iter()
            .filter(|(_, empty)| !empty)
            .map(|(member, _)| member)
            .collect()
    }

    /// Checks that a folder file named for `action` holds only that operation's member.
    pub fn only_for(&self, action: &str, source: &str) -> Result<(), SeedError> {
        let own = INVENTORY
            .iter()
            .find(|(known, _)| *known == action)
            .map(|(_, member)| *member);
        match self
            .members_present()
            .into_iter()
            .find(|member| Some(*member) != own)
        {
            Some(stray) => Err(SeedError {
                source: source.to_owned(),
                path: format!("$.{stray}"),
                problem: format!(
                    "this file holds {action}'s output; `{stray}` belongs to another operation's file"
                ),
            }),
            None => Ok(()),
        }
    }

    /// Takes `other`'s members, which this seed must not hold already (`source` names where
    /// `other` came from).
    pub fn merge(mut self, other: Seed, source: &str) -> Result<Seed, SeedError> {
        let mine = self.members_present();
        if let Some(twice) = other
            .members_present()
            .into_iter()
            .find(|member| mine.contains(member))
        {
            return Err(SeedError {
                source: source.to_owned(),
                path: format!("$.{twice}"),
                problem: format!("`{twice}` is given both in the seed file and in the seed folder"),
            });
        }
        self.absorb(other);
        Ok(self)
    }

    /// Takes `other`'s non-empty members.
    pub fn absorb(&mut self, other: Seed) {
        fn take<T>(mine: &mut Vec<T>, theirs: Vec<T>) {
            if !theirs.is_empty() {
                *mine = theirs;
            }
        }
        take(&mut self.bundle_tasks, other.bundle_tasks);
        take(&mut self.conversion_tasks, other.conversion_tasks);
        take(&mut self.export_tasks, other.export_tasks);
        take(&mut self.import_image_tasks, other.import_image_tasks);
        take(&mut self.import_snapshot_tasks, other.import_snapshot_tasks);
        take(&mut self.reservations, other.reservations);
        take(&mut self.key_pairs, other.key_pairs);
        take(&mut self.snapshots, other.snapshots);
        take(&mut self.tags, other.tags);
        take(&mut self.volumes, other.volumes);
    }

    /// How many resources of each kind, for the start-up line.
    pub fn summary(&self) -> String {
        let instances: usize = self
            .reservations
            .iter()
            .map(|reservation| reservation.instances.as_ref().map_or(0, Vec::len))
            .sum();
        format!(
            "{instances} instances in {} reservations, {} volumes, {} snapshots, {} key pairs, \
             {} bundle tasks, {} import snapshot tasks, {} import image tasks, {} export tasks, \
             {} conversion tasks and {} seeded tags",
            self.reservations.len(),
            self.volumes.len(),
            self.snapshots.len(),
            self.key_pairs.len(),
            self.bundle_tasks.len(),
            self.import_snapshot_tasks.len(),
            self.import_image_tasks.len(),
            self.export_tasks.len(),
            self.conversion_tasks.len(),
            self.tags.len(),
        )
    }
}

/// The checks a seed passes before anything is served.
struct Checker<'s> {
    source: &'s str,
}

impl Checker<'_> {
    fn error(&self, path: String, problem: String) -> SeedError {
        SeedError {
            source: self.source.to_owned(),
            path,
            problem,
        }
    }

    /// Every resource needs an ID, and IDs are unique: they are the page order and the look-up key.
    fn ids<O: Operation>(
        &self,
        list: &str,
        member: &str,
        resources: &[O::Resource],
    ) -> Result<(), SeedError> {
        let mut seen = BTreeSet::new();
        for (index, resource) in resources.iter().enumerate() {
            let id = O::resource_id(resource);
            if let Some(problem) = id_problem(member, id, &mut seen) {
                return Err(self.error(format!("$.{list}[{index}].{member}"), problem));
            }
        }
        Ok(())
    }

    /// Reservations need a unique ID (answers group instances by it, so two reservations sharing
    /// one would be answered as one) and at least one instance (EC2 lists none without), and
    /// every instance a unique ID.
    fn reservations(&self, reservations: &[Reservation]) -> Result<(), SeedError> {
        let mut reservation_ids = BTreeSet::new();
        let mut instance_ids = BTreeSet::new();
        for (index, reservation) in reservations.iter().enumerate() {
            let id = reservation.reservation_id.as_deref().unwrap_or_default();
            if let Some(problem) = id_problem("ReservationId", id, &mut reservation_ids) {
                return Err(self.error(format!("$.Reservations[{index}].ReservationId"), problem));
            }
            if reservation.instances.as_ref().is_none_or(Vec::is_empty) {
                return Err(self.error(
                    format!("$.Reservations[{index}].Instances"),
                    "a reservation lists at least one instance".into(),
                ));
            }
            for (at, instance) in reservation.instances.iter().flatten().enumerate() {
                let id = instance.instance_id.as_deref().unwrap_or_default();
                if let Some(problem) = id_problem("InstanceId", id, &mut instance_ids) {
                    return Err(self.error(
                        format!("$.Reservations[{index}].Instances[{at}].InstanceId"),
                        problem,
                    ));
                }
            }
        }
        Ok(())
    }

    /// A tag item names its resource and key, once.
    fn tags(&self, tags: &[TagDescription]) -> Result<(), SeedError> {
        let mut seen = BTreeSet::new();
        for (index, tag) in tags.iter().enumerate() {
            for (member, value) in [("ResourceId", &tag.resource_id), ("Key", &tag.key)] {
                if value.is_none() {
                    return Err(self.error(
                        format!("$.Tags[{index}].{member}"),
                        format!("missing {member}: every tag names its resource and key"),
                    ));
                }
            }
            if !seen.insert((&tag.resource_id, &tag.key)) {
                return Err(self.error(
                    format!("$.Tags[{index}]"),
                    "a second tag with the same resource and key".into(),
                ));
            }
        }
        Ok(())
    }
}

/// What is wrong with a resource's ID, if anything.
fn id_problem<'a>(member: &str, id: &'a str, seen: &mut BTreeSet<&'a str>) -> Option<String> {
    if id.is_empty() {
        Some(format!("missing {member}: every resource needs an ID"))
    } else if !seen.insert(id) {
        Some(format!("duplicate {member} `{id}`"))
    } else {
        None
    }
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
        assert!(seed.reservations.len() >= 3 && seed.volumes.len() >= 6);
        assert!(seed.snapshots.len() >= 6 && seed.key_pairs.len() >= 4 && !seed.tags.is_empty());
    }

    #[test]
    fn an_instance_id_is_unique_across_reservations() {
        let err = Seed::parse(
            r#"{"Reservations": [{"ReservationId": "r-1", "Instances": [{"InstanceId": "i-1"}]},
                                 {"ReservationId": "r-2", "Instances": [{"InstanceId": "i-2"}, {"InstanceId": "i-1"}]}]}"#,
            "f.json",
        )
        .unwrap_err();
        assert_eq!(err.path, "$.Reservations[1].Instances[1].InstanceId");
        let err = Seed::parse(r#"{"Reservations": [{"Instances": []}]}"#, "f.json").unwrap_err();
        assert_eq!(err.path, "$.Reservations[0].ReservationId");
        let empty = r#"{"Reservations": [{"ReservationId": "r-1", "Instances": []}]}"#;
        assert_eq!(
            Seed::parse(empty, "f.json").unwrap_err().path,
            "$.Reservations[0].Instances"
        );
        let first = r#"{"ReservationId": "r-1", "Instances": [{"InstanceId": "i-1"}]}"#;
        let second = r#"{"ReservationId": "r-1", "Instances": [{"InstanceId": "i-2"}]}"#;
        let both = format!(r#"{{"Reservations": [{first}, {second}]}}"#);
        assert_eq!(
            Seed::parse(&both, "f.json").unwrap_err().path,
            "$.Reservations[1].ReservationId"
        );
    }

    #[test]
    fn a_seeded_tag_names_its_resource_and_key_once() {
        let err = Seed::parse(r#"{"Tags": [{"Key": "Name"}]}"#, "f.json").unwrap_err();
        assert_eq!(err.path, "$.Tags[0].ResourceId");
        let tag = r#"{"ResourceId": "vpc-1", "Key": "Name", "Value": "a"}"#;
        let err = Seed::parse(&format!(r#"{{"Tags": [{tag}, {tag}]}}"#), "f.json").unwrap_err();
        assert_eq!(err.path, "$.Tags[1]");
    }

    #[test]
    fn a_bad_value_names_its_json_path() {
        let err = Seed::parse(r#"{"BundleTasks": [{"BundleId": "bun-1"}, {"BundleId": "bun-2", "StartTime": "yesterday"}]}"#, "f.json").unwrap_err();
        assert_eq!(err.path, "$.BundleTasks[1].StartTime");
        assert!(err.problem.contains("yesterday"), "{}", err.problem);
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
