//! EC2's rules every operation shares, checked for each operation the crate ships from what its
//! declaration says (`SPEC` and the request it accepts), over the endpoint's sample data and through
//! the wire:
//!
//! - `DryRun=true` is 412 `DryRunOperation` where the request has `DryRun`, and 400
//!   `UnknownParameter` where it has not;
//! - a paginated operation walked at its smallest `MaxResults` returns every resource exactly once,
//!   in pages no larger than asked, and a `MaxResults` below its minimum is 400;
//! - an operation with an ID list answers each ID with exactly that resource, an unknown ID with its
//!   not-found code, an ID without its prefix with its malformed code, and IDs beside `MaxResults`
//!   with `InvalidParameterCombination` where EC2 forbids it.
//!
//! For operations over nested items (DescribeInstances) the resources are the items: pages, IDs
//! and "exactly once" count instances.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;

use common::{positional, sample, tag_items};
use ec2_ops::operations::bundle_tasks::DescribeBundleTasks;
use ec2_ops::operations::conversion_tasks::DescribeConversionTasks;
use ec2_ops::operations::export_tasks::DescribeExportTasks;
use ec2_ops::operations::import_image_tasks::DescribeImportImageTasks;
use ec2_ops::operations::import_snapshot_tasks::DescribeImportSnapshotTasks;
use ec2_ops::operations::instances::DescribeInstances;
use ec2_ops::operations::key_pairs::DescribeKeyPairs;
use ec2_ops::operations::snapshots::DescribeSnapshots;
use ec2_ops::operations::tags::DescribeTags;
use ec2_ops::operations::volumes::DescribeVolumes;
use ec2_ops::wire::query::QueryParams;
use ec2_ops::{DescribeContext, DescribeOperation, Ec2Request, ResourceSource, Service};

/// One operation served over its sample, as the endpoint serves it.
struct Served<O: DescribeOperation> {
    service: Service,
    units: Vec<O::Resource>,
}

impl<O> Served<O>
where
    O: DescribeOperation + 'static,
    O::Resource: Clone + Send + Sync + 'static,
    O::Response: Default,
{
    /// Keyed by resource ID, as the endpoint stores them.
    fn by_id(resources: Vec<O::Resource>) -> Self {
        let source = common::by_id::<O>(resources.clone());
        Self::over(source, resources.into_iter().flat_map(O::units).collect())
    }

    fn over<S>(source: S, units: Vec<O::Resource>) -> Self
    where
        S: ResourceSource<O::Resource> + Send + Sync + 'static,
    {
        let mut service = Service::new(DescribeContext::default());
        service.register::<O, _>(Arc::new(source));
        Served { service, units }
    }

    fn call(&self, params: &str) -> Result<O::Response, (u16, String)> {
        common::call::<O>(&self.service, params)
    }

    /// The unit IDs a response lists, in order.
    fn ids(response: &O::Response) -> Vec<String> {
        O::response_items(response)
            .iter()
            .flat_map(|resource| O::units(resource.clone()))
            .map(|unit| O::resource_id(&unit).to_owned())
            .collect()
    }

    fn check_all(&self, next_token: fn(&O::Response) -> Option<String>) {
        self.dry_run_follows_the_request();
        self.pages_return_each_resource_once(next_token);
        self.ids_select_and_are_checked();
    }

    fn dry_run_follows_the_request(&self) {
        let action = O::SPEC.action;
        let declared = O::Request::from_query(QueryParams::parse(b"DryRun=true").unwrap()).is_ok();
        let expected = if declared {
            (412, "DryRunOperation".to_owned())
        } else {
            (400, "UnknownParameter".to_owned())
        };
        assert_eq!(self.call("&DryRun=true").err(), Some(expected), "{action}");
        if declared {
            let all = self.call("&DryRun=false").unwrap();
            assert_eq!(Self::ids(&all).len(), self.units.len(), "{action}");
        }
    }

    fn pages_return_each_resource_once(&self, next_token: fn(&O::Response) -> Option<String>) {
        let action = O::SPEC.action;
        let Some(pagination) = O::SPEC.pagination else {
            let all = self.call("").unwrap();
            assert_eq!(Self::ids(&all).len(), self.units.len(), "{action}");
            return;
        };
        let size = pagination.min.max(1);
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        let mut token: Option<String> = None;
        let mut pages = 0;
        loop {
            let mut params = format!("&MaxResults={size}");
            if let Some(token) = &token {
                params.push_str(&format!("&NextToken={}", common::form(token)));
            }
            let page = self.call(&params).unwrap();
            let ids = Self::ids(&page);
            assert!(
                ids.len() <= size as usize,
                "{action}: page of {}",
                ids.len()
            );
            for id in ids {
                *seen.entry(id).or_default() += 1;
            }
            pages += 1;
            assert!(
                pages <= self.units.len() + 1,
                "{action}: the walk does not end"
            );
            token = next_token(&page);
            if token.is_none() {
                break;
            }
        }
        let expected: BTreeMap<String, usize> =
            self.units.iter().fold(BTreeMap::new(), |mut counts, unit| {
                *counts.entry(O::resource_id(unit).to_owned()).or_default() += 1;
                counts
            });
        assert_eq!(seen, expected, "{action}: every resource exactly once");
        if pagination.min > 1 {
            let below = format!("&MaxResults={}", pagination.min - 1);
            assert_eq!(
                self.call(&below).err().map(|(status, _)| status),
                Some(400),
                "{action}"
            );
        }
    }

    fn ids_select_and_are_checked(&self) {
        let action = O::SPEC.action;
        let Some(spec) = O::SPEC.ids else { return };
        let key = spec.parameter;
        for unit in &self.units {
            let id = O::resource_id(unit);
            let answer = self.call(&format!("&{key}.1={id}")).unwrap();
            assert_eq!(Self::ids(&answer), [id.to_owned()], "{action} {key}.1={id}");
        }
        let prefix = spec.malformed.map_or("", |malformed| malformed.prefix);
        let unknown = format!("{prefix}feedfacefeedface0");
        assert!(
            self.units
                .iter()
                .all(|unit| O::resource_id(unit) != unknown)
        );
        assert_eq!(
            self.call(&format!("&{key}.1={unknown}")).err(),
            Some((400, spec.not_found_code.to_owned())),
            "{action} unknown ID"
        );
        if let Some(malformed) = spec.malformed {
            assert_eq!(
                self.call(&format!("&{key}.1=not-an-id")).err(),
                Some((400, malformed.code.to_owned())),
                "{action} malformed ID"
            );
        }
        if let Some(pagination) = O::SPEC.pagination {
            let id = O::resource_id(&self.units[0]);
            let both = self.call(&format!(
                "&{key}.1={id}&MaxResults={}",
                pagination.min.max(5)
            ));
            if pagination.ids_with_max_results {
                assert!(both.is_ok(), "{action}: {both:?}", both = both.err());
            } else {
                assert_eq!(
                    both.err(),
                    Some((400, "InvalidParameterCombination".to_owned())),
                    "{action}"
                );
            }
        }
    }
}

#[test]
fn describe_instances_follows_the_shared_rules() {
    Served::<DescribeInstances>::by_id(sample().reservations).check_all(|r| r.next_token.clone());
}

#[test]
fn describe_volumes_follows_the_shared_rules() {
    Served::<DescribeVolumes>::by_id(sample().volumes).check_all(|r| r.next_token.clone());
}

#[test]
fn describe_snapshots_follows_the_shared_rules() {
    Served::<DescribeSnapshots>::by_id(sample().snapshots).check_all(|r| r.next_token.clone());
}

#[test]
fn describe_key_pairs_follows_the_shared_rules() {
    Served::<DescribeKeyPairs>::by_id(sample().key_pairs).check_all(|_| None);
}

#[test]
fn describe_tags_follows_the_shared_rules() {
    let items = tag_items(&sample());
    Served::<DescribeTags>::over(positional(items.clone()), items)
        .check_all(|r| r.next_token.clone());
}

#[test]
fn the_task_operations_follow_the_shared_rules() {
    let sample = sample();
    Served::<DescribeBundleTasks>::by_id(sample.bundle_tasks).check_all(|_| None);
    Served::<DescribeImportSnapshotTasks>::by_id(sample.import_snapshot_tasks)
        .check_all(|r| r.next_token.clone());
    Served::<DescribeImportImageTasks>::by_id(sample.import_image_tasks)
        .check_all(|r| r.next_token.clone());
    Served::<DescribeExportTasks>::by_id(sample.export_tasks).check_all(|_| None);
    Served::<DescribeConversionTasks>::by_id(sample.conversion_tasks).check_all(|_| None);
}
