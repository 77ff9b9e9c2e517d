//! What a capture asks each region: one call per catalog operation that needs no value from
//! elsewhere, planned from the declarations (the catalog's registry), each walking every page at
//! the largest page size the operation documents.

use std::future::Future;
use std::pin::Pin;

use ec2_ops::{Operation, PaginatedOperation};
use ec2_ops_catalog::{CatalogOperation, OperationVisitor, REQUIRED_MEMBERS};
use ec2_ops_client::{Client, ClientError};
use futures_util::StreamExt;
use serde_json::Value;

use crate::output;

/// One operation's answer in a region, as the AWS CLI prints it (every page merged), or why none
/// came.
pub(crate) type Answer<'a> = Pin<Box<dyn Future<Output = Result<Value, ClientError>> + 'a>>;

/// One operation a capture calls.
#[derive(Clone, Copy)]
pub struct Call {
    /// The EC2 action (`DescribeSubnets`).
    pub action: &'static str,
    /// The `MaxResults` sent on every page: the operation's documented maximum, or none where
    /// EC2 documents no bound (its own page size then applies, and every page is still walked).
    pub page_size: Option<i32>,
    /// Whether the operation pages at all.
    pub paged: bool,
    fetch: for<'a> fn(&'a Client, Option<i32>) -> Answer<'a>,
}

impl std::fmt::Debug for Call {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Call")
            .field("action", &self.action)
            .field("page_size", &self.page_size)
            .field("paged", &self.paged)
            .finish_non_exhaustive()
    }
}

impl Call {
    /// The answer of the region `client` signs for.
    pub(crate) fn fetch<'a>(&self, client: &'a Client) -> Answer<'a> {
        (self.fetch)(client, self.page_size)
    }

    /// The AWS CLI command, which names the operation's seed file (`describe-subnets`).
    pub fn command(&self) -> String {
        ec2_ops_catalog::cli_name(self.action)
    }
}

/// Every call a capture makes first in each region, in the catalog's order: the operations with
/// no member the model requires. The others need values from what these answer (an instance's
/// ID for its attributes, an endpoint's for its routes): [`crate::dependent`].
pub fn planned() -> Vec<Call> {
    let mut planner = Planner(Vec::new());
    ec2_ops_catalog::for_each_operation(&mut planner);
    planner.0
}

struct Planner(Vec<Call>);

fn asks_nothing(action: &str) -> bool {
    !REQUIRED_MEMBERS
        .iter()
        .any(|(required, _)| *required == action)
}

impl OperationVisitor for Planner {
    fn visit<O: CatalogOperation>(&mut self, _area: &'static str) {
        let action = <O as Operation>::SPEC.action;
        if asks_nothing(action) {
            self.0.push(Call {
                action,
                page_size: None,
                paged: false,
                fetch: fetch_one::<O>,
            });
        }
    }

    fn visit_paginated<O: CatalogOperation + PaginatedOperation>(&mut self, _area: &'static str) {
        let spec = <O as Operation>::SPEC;
        if asks_nothing(spec.action) {
            // A maximum of i32::MAX is the wire type's, not one EC2 documents.
            let documented = spec
                .pagination
                .and_then(|bounds| i32::try_from(bounds.max).ok())
                .filter(|max| *max < i32::MAX);
            self.0.push(Call {
                action: spec.action,
                page_size: documented,
                paged: true,
                fetch: fetch_pages::<O>,
            });
        }
    }
}

/// A request for `O` asking for everything the account itself has: `Owner.N=self` where EC2
/// would otherwise list every public image, snapshot and FPGA image in the region.
fn request_of<O: CatalogOperation>() -> O::Asked {
    let mut request = O::Asked::default();
    let any: &mut dyn std::any::Any = &mut request;
    if let Some(images) = any.downcast_mut::<ec2_ops_catalog::images::DescribeImagesRequest>() {
        images.owners = vec!["self".to_owned()];
    } else if let Some(fpga) =
        any.downcast_mut::<ec2_ops_catalog::images::DescribeFpgaImagesRequest>()
    {
        fpga.owners = vec!["self".to_owned()];
    } else if let Some(snapshots) =
        any.downcast_mut::<ec2_ops::operations::snapshots::DescribeSnapshotsRequest>()
    {
        snapshots.owner_ids = vec!["self".to_owned()];
    }
    request
}

fn fetch_one<O: CatalogOperation>(client: &Client, _page_size: Option<i32>) -> Answer<'_> {
    send::<O>(client, request_of::<O>())
}

fn fetch_pages<O: CatalogOperation + PaginatedOperation>(
    client: &Client,
    page_size: Option<i32>,
) -> Answer<'_> {
    walk::<O>(client, request_of::<O>(), page_size)
}

/// `request`'s answer, as the AWS CLI prints it.
pub(crate) fn send<O: CatalogOperation>(client: &Client, request: O::Asked) -> Answer<'_> {
    Box::pin(async move {
        let answer = client.send::<O>(&request).await?;
        Ok(output::printed(&answer))
    })
}

/// Every page of `request`'s answer (`page_size` items each, where given), merged as the AWS CLI
/// merges them.
pub(crate) fn walk<O: CatalogOperation + PaginatedOperation>(
    client: &Client,
    request: O::Asked,
    page_size: Option<i32>,
) -> Answer<'_> {
    Box::pin(async move {
        let mut paginator = client.paginate::<O>(request);
        if let Some(size) = page_size {
            paginator = paginator.page_size(size);
        }
        let pages = paginator.pages();
        futures_util::pin_mut!(pages);
        let mut merged = output::Merged::new(<O as Operation>::SPEC.action);
        while let Some(page) = pages.next().await {
            merged.add(output::printed(&page?));
        }
        Ok(merged.finish())
    })
}
