//! What the integration tests share: the endpoint's sample data and sources to serve it from.

#![allow(dead_code)] // each test file uses its own part

use ec2_ops::operations::bundle_tasks::BundleTask;
use ec2_ops::operations::conversion_tasks::ConversionTask;
use ec2_ops::operations::export_tasks::ExportTask;
use ec2_ops::operations::import_image_tasks::ImportImageTask;
use ec2_ops::operations::import_snapshot_tasks::ImportSnapshotTask;
use ec2_ops::operations::instances::Reservation;
use ec2_ops::operations::key_pairs::KeyPairInfo;
use ec2_ops::operations::snapshots::Snapshot;
use ec2_ops::operations::tags::{ResourceType, TagDescription};
use ec2_ops::operations::volumes::Volume;
use ec2_ops::{DescribeOperation, Ec2Response, InMemorySource, Service, Tag};
use serde::Deserialize;

/// The endpoint's embedded sample set: what `cargo run -p ec2-ops-endpoint` serves.
pub const SAMPLE: &str = include_str!("../../ec2-ops-endpoint/src/sample.json");

/// The sample, one typed list per hand-declared operation's output member. The facade's tests
/// read it here rather than through `ec2-ops-endpoint`'s `Seed`, whose catalog they must not
/// build; a member this struct does not know fails every test that reads the sample.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Sample {
    pub bundle_tasks: Vec<BundleTask>,
    pub import_snapshot_tasks: Vec<ImportSnapshotTask>,
    pub import_image_tasks: Vec<ImportImageTask>,
    pub export_tasks: Vec<ExportTask>,
    pub conversion_tasks: Vec<ConversionTask>,
    pub reservations: Vec<Reservation>,
    pub volumes: Vec<Volume>,
    pub snapshots: Vec<Snapshot>,
    pub key_pairs: Vec<KeyPairInfo>,
    pub tags: Vec<TagDescription>,
}

pub fn sample() -> Sample {
    serde_json::from_str(SAMPLE).unwrap()
}

/// A source for `O` as the endpoint stores it: keyed by resource ID, nested resources as units.
pub fn by_id<O>(resources: Vec<O::Resource>) -> InMemorySource<O::Resource>
where
    O: DescribeOperation,
    O::Resource: Clone,
{
    let source = InMemorySource::new(O::resource_id);
    for unit in resources.into_iter().flat_map(O::units) {
        source.insert(unit);
    }
    source
}

/// `O`'s answer to `params` (after `Action` and `Version`): the parsed response, or the error's
/// status and code.
pub fn call<O>(service: &Service, params: &str) -> Result<O::Response, (u16, String)>
where
    O: DescribeOperation,
    O::Response: Default,
{
    let body = format!("Action={}&Version=2016-11-15{params}", O::SPEC.action);
    let answer = service.handle(body.as_bytes());
    if answer.status == 200 {
        Ok(O::Response::from_xml(&answer.body).unwrap())
    } else {
        Err((answer.status, answer.error_code.unwrap_or_default()))
    }
}

/// Resources in the order given, keyed by position: the truth tables never look IDs up, and
/// `DescribeTags` items share resource IDs.
pub fn positional<R: Clone>(resources: Vec<R>) -> InMemorySource<R> {
    let mut source = InMemorySource::keyed_by_position();
    source.extend(resources);
    source
}

/// A filter value matching `text` exactly (EC2's escapes for `*`, `?` and `\`).
pub fn literal(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '?' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

pub fn form(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// The tag items `DescribeTags` lists for the sample, derived as the endpoint derives them (an
/// independent implementation of its rule, in `ec2-ops-endpoint/src/views/tags.rs`): each tag of each
/// served resource, then the seeded tags of resources not served.
pub fn tag_items(sample: &Sample) -> Vec<TagDescription> {
    let mut items = Vec::new();
    let mut served = std::collections::BTreeSet::new();
    let mut add = |id: &Option<String>, resource_type: ResourceType, tags: &Option<Vec<Tag>>| {
        served.extend(id.clone());
        for tag in tags.iter().flatten() {
            items.push(TagDescription {
                key: Some(tag.key.clone()),
                resource_id: id.clone(),
                resource_type: Some(resource_type.clone()),
                value: Some(tag.value.clone()),
            });
        }
    };
    for reservation in &sample.reservations {
        for instance in reservation.instances.iter().flatten() {
            add(
                &instance.instance_id,
                ResourceType::Instance,
                &instance.tags,
            );
        }
    }
    for volume in &sample.volumes {
        add(&volume.volume_id, ResourceType::Volume, &volume.tags);
    }
    for snapshot in &sample.snapshots {
        add(
            &snapshot.snapshot_id,
            ResourceType::Snapshot,
            &snapshot.tags,
        );
    }
    for key_pair in &sample.key_pairs {
        add(&key_pair.key_pair_id, ResourceType::KeyPair, &key_pair.tags);
    }
    for task in &sample.import_snapshot_tasks {
        add(
            &task.import_task_id,
            ResourceType::ImportSnapshotTask,
            &task.tags,
        );
    }
    for task in &sample.import_image_tasks {
        add(
            &task.import_task_id,
            ResourceType::ImportImageTask,
            &task.tags,
        );
    }
    for task in &sample.export_tasks {
        add(
            &task.export_task_id,
            ResourceType::ExportInstanceTask,
            &task.tags,
        );
    }
    let others = sample.tags.iter().filter(|tag| {
        tag.resource_id
            .as_ref()
            .is_none_or(|id| !served.contains(id))
    });
    items.extend(others.cloned());
    items
}
