//! The endpoint's one store: each kind of resource held once, and what other operations show of it
//! derived on every request rather than copied, so nothing needs keeping in sync.
//!
//! - `DescribeTags` lists the tags of every tagged resource served here (`tag_view.rs`): a volume's
//!   tags appear there because the volume has them. Seeded `Tags` items add tags of resources this
//!   endpoint does not serve (VPCs, subnets, ...).
//! - A volume's attachments to instances served here come from those instances' block device
//!   mappings (`volume_view.rs`): the instance is the record of what is attached to it.

use std::collections::BTreeMap;
use std::sync::Arc;

use ec2_ops::seed::bundle_tasks::DescribeBundleTasks;
use ec2_ops::seed::conversion_tasks::DescribeConversionTasks;
use ec2_ops::seed::export_tasks::{DescribeExportTasks, ExportTask};
use ec2_ops::seed::import_image_tasks::{DescribeImportImageTasks, ImportImageTask};
use ec2_ops::seed::import_snapshot_tasks::{DescribeImportSnapshotTasks, ImportSnapshotTask};
use ec2_ops::seed::instances::{DescribeInstances, Reservation};
use ec2_ops::seed::key_pairs::{DescribeKeyPairs, KeyPairInfo};
use ec2_ops::seed::snapshots::{DescribeSnapshots, Snapshot};
use ec2_ops::seed::tags::{DescribeTags, ResourceType};
use ec2_ops::seed::volumes::{DescribeVolumes, Volume};
use ec2_ops::{DescribeContext, DescribeOperation, InMemorySource, Service};

use crate::seed::Seed;
use crate::tag_view::{TagView, Tagged, tag_item_key};
use crate::volume_view::VolumeView;

/// Every resource the endpoint serves, each kind in its own source.
pub struct Inventory {
    /// Instances, stored as DescribeInstances' units: one reservation copy per instance.
    instances: Arc<InMemorySource<Reservation>>,
    volumes: Arc<InMemorySource<Volume>>,
    snapshots: Arc<InMemorySource<Snapshot>>,
    key_pairs: Arc<InMemorySource<KeyPairInfo>>,
    import_snapshot_tasks: Arc<InMemorySource<ImportSnapshotTask>>,
    import_image_tasks: Arc<InMemorySource<ImportImageTask>>,
    export_tasks: Arc<InMemorySource<ExportTask>>,
    service: Service,
}

impl Inventory {
    /// Stores a checked seed and registers every operation over it, answering with `context`
    /// (its token key signs the `NextToken`s).
    pub fn new(seed: Seed, context: DescribeContext) -> Inventory {
        let mut service = Service::new(context);
        service.register::<DescribeBundleTasks, _>(store::<DescribeBundleTasks>(seed.bundle_tasks));
        service.register::<DescribeConversionTasks, _>(store::<DescribeConversionTasks>(
            seed.conversion_tasks,
        ));
        let instances = store::<DescribeInstances>(seed.reservations);
        let volumes = store::<DescribeVolumes>(seed.volumes);
        let snapshots = store::<DescribeSnapshots>(seed.snapshots);
        let key_pairs = store::<DescribeKeyPairs>(seed.key_pairs);
        let import_snapshot_tasks =
            store::<DescribeImportSnapshotTasks>(seed.import_snapshot_tasks);
        let import_image_tasks = store::<DescribeImportImageTasks>(seed.import_image_tasks);
        let export_tasks = store::<DescribeExportTasks>(seed.export_tasks);
        let mut inventory = Inventory {
            instances,
            volumes,
            snapshots,
            key_pairs,
            import_snapshot_tasks,
            import_image_tasks,
            export_tasks,
            service,
        };
        let mut tags = inventory.tag_view();
        let served = tags.served_ids();
        for tag in seed.tags {
            // A served resource's own tags are the record; a seeded copy of them is not kept.
            if !served.contains(tag.resource_id.as_deref().unwrap_or_default()) {
                tags.others.insert(tag_item_key(&tag), tag);
            }
        }
        let volumes = VolumeView {
            volumes: Arc::clone(&inventory.volumes),
            instances: Arc::clone(&inventory.instances),
        };
        let service = &mut inventory.service;
        service.register::<DescribeInstances, _>(Arc::clone(&inventory.instances));
        service.register::<DescribeVolumes, _>(Arc::new(volumes));
        service.register::<DescribeSnapshots, _>(Arc::clone(&inventory.snapshots));
        service.register::<DescribeKeyPairs, _>(Arc::clone(&inventory.key_pairs));
        service.register::<DescribeImportSnapshotTasks, _>(Arc::clone(
            &inventory.import_snapshot_tasks,
        ));
        service.register::<DescribeImportImageTasks, _>(Arc::clone(&inventory.import_image_tasks));
        service.register::<DescribeExportTasks, _>(Arc::clone(&inventory.export_tasks));
        service.register::<DescribeTags, _>(Arc::new(tags));
        inventory
    }

    /// The service answering requests over this inventory (its sources live as long as it does).
    pub fn into_service(self) -> Service {
        self.service
    }

    /// The view `DescribeTags` reads: every tagged kind served here, and the seeded others.
    fn tag_view(&self) -> TagView {
        TagView {
            kinds: vec![
                Box::new(Tagged {
                    source: Arc::clone(&self.instances),
                    resource_type: ResourceType::Instance,
                    tags_of: |unit: &Reservation| {
                        let instance = unit.first_instance()?;
                        Some((
                            instance.instance_id.as_deref()?,
                            instance.tags.as_deref().unwrap_or_default(),
                        ))
                    },
                }),
                Box::new(Tagged {
                    source: Arc::clone(&self.volumes),
                    resource_type: ResourceType::Volume,
                    tags_of: |volume: &Volume| {
                        Some((
                            volume.volume_id.as_deref()?,
                            volume.tags.as_deref().unwrap_or_default(),
                        ))
                    },
                }),
                Box::new(Tagged {
                    source: Arc::clone(&self.snapshots),
                    resource_type: ResourceType::Snapshot,
                    tags_of: |snapshot: &Snapshot| {
                        Some((
                            snapshot.snapshot_id.as_deref()?,
                            snapshot.tags.as_deref().unwrap_or_default(),
                        ))
                    },
                }),
                Box::new(Tagged {
                    source: Arc::clone(&self.key_pairs),
                    resource_type: ResourceType::KeyPair,
                    tags_of: |key_pair: &KeyPairInfo| {
                        Some((
                            key_pair.key_pair_id.as_deref()?,
                            key_pair.tags.as_deref().unwrap_or_default(),
                        ))
                    },
                }),
                Box::new(Tagged {
                    source: Arc::clone(&self.import_snapshot_tasks),
                    resource_type: ResourceType::ImportSnapshotTask,
                    tags_of: |task: &ImportSnapshotTask| {
                        Some((
                            task.import_task_id.as_deref()?,
                            task.tags.as_deref().unwrap_or_default(),
                        ))
                    },
                }),
                Box::new(Tagged {
                    source: Arc::clone(&self.import_image_tasks),
                    resource_type: ResourceType::ImportImageTask,
                    tags_of: |task: &ImportImageTask| {
                        Some((
                            task.import_task_id.as_deref()?,
                            task.tags.as_deref().unwrap_or_default(),
                        ))
                    },
                }),
                Box::new(Tagged {
                    source: Arc::clone(&self.export_tasks),
                    resource_type: ResourceType::ExportInstanceTask,
                    tags_of: |task: &ExportTask| {
                        Some((
                            task.export_task_id.as_deref()?,
                            task.tags.as_deref().unwrap_or_default(),
                        ))
                    },
                }),
            ],
            others: BTreeMap::new(),
        }
    }
}

/// A source for operation `O` holding `resources` (for nested operations, their units).
fn store<O>(resources: Vec<O::Resource>) -> Arc<InMemorySource<O::Resource>>
where
    O: DescribeOperation,
    O::Resource: Clone,
{
    let source = InMemorySource::new(O::resource_id);
    for resource in resources {
        for unit in O::units(resource) {
            source.insert(unit);
        }
    }
    Arc::new(source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::SAMPLE;

    fn answer(service: &Service, query: &str) -> String {
        let answer = service.handle(format!("Version=2016-11-15&{query}").as_bytes());
        assert_eq!(
            answer.status,
            200,
            "{}",
            String::from_utf8_lossy(&answer.body)
        );
        String::from_utf8(answer.body).unwrap()
    }

    fn seed(json: &str) -> Service {
        Inventory::new(
            Seed::parse(json, "test").unwrap(),
            DescribeContext::default(),
        )
        .into_service()
    }

    #[test]
    fn describe_tags_lists_a_volumes_tags_without_their_being_seeded_twice() {
        let service = seed(
            r#"{"Volumes": [{"VolumeId": "vol-1", "Tags": [{"Key": "Name", "Value": "data"}]}],
                "Tags": [{"ResourceId": "vol-1", "ResourceType": "volume", "Key": "Stale", "Value": "x"},
                         {"ResourceId": "vpc-1", "ResourceType": "vpc", "Key": "Name", "Value": "main"}]}"#,
        );
        let tags = answer(&service, "Action=DescribeTags");
        assert!(tags.contains("<resourceId>vol-1</resourceId><resourceType>volume</resourceType>"));
        assert!(tags.contains("<key>Name</key><resourceId>vpc-1</resourceId>"));
        // A served resource's own tags are the record: the seeded copy naming it is not kept.
        assert!(!tags.contains("Stale"), "{tags}");
    }

    #[test]
    fn a_volume_attached_to_a_served_instance_takes_the_attachment_from_its_block_devices() {
        let service = seed(
            r#"{"Volumes": [{"VolumeId": "vol-1", "Attachments": [
                    {"InstanceId": "i-1", "Device": "/dev/old", "State": "attached"},
                    {"InstanceId": "i-elsewhere", "Device": "/dev/sdz", "State": "attached"}]}],
                "Reservations": [{"ReservationId": "r-1", "Instances": [{"InstanceId": "i-1",
                    "BlockDeviceMappings": [{"DeviceName": "/dev/xvda",
                        "Ebs": {"VolumeId": "vol-1", "Status": "attached", "DeleteOnTermination": true}}]}]}]}"#,
        );
        let volumes = answer(&service, "Action=DescribeVolumes");
        assert!(volumes.contains("<instanceId>i-elsewhere</instanceId><device>/dev/sdz</device>"));
        assert!(volumes.contains("<instanceId>i-1</instanceId><device>/dev/xvda</device>"));
        assert!(!volumes.contains("/dev/old"), "{volumes}");
        let filtered = answer(
            &service,
            "Action=DescribeVolumes&Filter.1.Name=attachment.device&Filter.1.Value.1=/dev/xvda",
        );
        assert!(filtered.contains("<volumeId>vol-1</volumeId>"));
    }

    #[test]
    fn every_tag_of_the_sample_is_listed_once_across_pages() {
        let service = Inventory::new(
            Seed::parse(SAMPLE, "sample").unwrap(),
            DescribeContext::default(),
        )
        .into_service();
        let all = answer(&service, "Action=DescribeTags");
        let total = all.matches("<resourceId>").count();
        let mut seen = 0;
        let mut token = String::new();
        loop {
            let page = answer(
                &service,
                &format!("Action=DescribeTags&MaxResults=5{token}"),
            );
            seen += page.matches("<resourceId>").count();
            match page
                .split("<nextToken>")
                .nth(1)
                .and_then(|rest| rest.split("</nextToken>").next())
            {
                Some(next) => {
                    let encoded: String = next
                        .bytes()
                        .map(|b| match b {
                            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' => {
                                (b as char).to_string()
                            }
                            other => format!("%{other:02X}"),
                        })
                        .collect();
                    token = format!("&NextToken={encoded}");
                }
                None => break,
            }
        }
        assert!(total > 40, "{total}");
        assert_eq!(seen, total);
    }
}
