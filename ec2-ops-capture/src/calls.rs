//! What a capture asks each region: one call per catalog operation that needs no value from
//! elsewhere, planned from the declarations (the catalog's registry), each walking every page at
//! the largest page size the operation documents.

use std::future::Future;
use std::pin::Pin;

use ec2_ops::wire::query::QueryParams;
use ec2_ops::{Ec2Request, Operation, PaginatedOperation};
use ec2_ops_catalog::{CatalogOperation, OperationVisitor, REQUIRED_MEMBERS};
use ec2_ops_client::{Client, ClientError};
use futures_util::StreamExt;
use serde_json::Value;

use crate::output;

/// One operation's answer in a region, as the AWS CLI prints it (every page merged), or why none
/// came.
pub(crate) type Answer<'a> = Pin<Box<dyn Future<Output = Result<Value, ClientError>> + 'a>>;

/// One operation a capture calls.
#[derive(Clone)]
pub struct Call {
    /// The EC2 action (`DescribeSubnets`).
    pub action: &'static str,
    /// The `MaxResults` sent on every page: the operation's documented maximum, or none where
    /// EC2 documents no bound (its own page size then applies, and every page is still walked).
    pub page_size: Option<i32>,
    /// Whether the operation pages at all.
    pub paged: bool,
    /// The switches of [`WIDENING`] the operation takes, each sent as `true`.
    pub switches: Vec<&'static str>,
    fetch: for<'a> fn(&'a Client, Option<i32>, String) -> Answer<'a>,
}

/// The request members that widen a describe answer to everything the account holds: every
/// boolean `Include*` and `All*` switch of EC2's describe operations whose values a capture does
/// not need from elsewhere (DescribeImageReferences' `IncludeAllResourceTypes` is sent with its
/// required IDs). A capture sends each one an operation takes as `true`: without
/// `IncludeDisabled` EC2 leaves the account's disabled images out, without `AllRegions` its
/// disabled regions, without `IncludeAllInstances` the status of every instance not running,
/// without `IncludePublicKey` the key pairs' public keys; a replay then answers a request without
/// a switch by leaving out what EC2 would. The tests check the list against the model.
pub const WIDENING: &[&str] = &[
    "AllAvailabilityZones",
    "AllRegions",
    "IncludeAll",
    "IncludeAllInstances",
    "IncludeDeprecated",
    "IncludeDisabled",
    "IncludeManagedResources",
    "IncludeMarketplace",
    "IncludePublicKey",
    "IncludeUnsupportedInRegion",
];

impl std::fmt::Debug for Call {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Call")
            .field("action", &self.action)
            .field("page_size", &self.page_size)
            .field("paged", &self.paged)
            .field("switches", &self.switches)
            .finish_non_exhaustive()
    }
}

impl Call {
    /// The answer of the region `client` signs for.
    pub(crate) fn fetch<'a>(&self, client: &'a Client) -> Answer<'a> {
        (self.fetch)(client, self.page_size, self.query())
    }

    /// The AWS CLI command, which names the operation's seed file (`describe-subnets`).
    pub fn command(&self) -> String {
        ec2_ops_catalog::cli_name(self.action)
    }

    /// The members sent beside paging, as Query parameters (`Owner.1=self&IncludeDisabled=true`).
    pub fn query(&self) -> String {
        let mut parameters: Vec<String> = scoped_to_self(self.action)
            .map(|key| format!("{key}=self"))
            .into_iter()
            .collect();
        parameters.extend(self.switches.iter().map(|switch| format!("{switch}=true")));
        parameters.join("&")
    }
}

/// The Query key of the member scoping `action` to the account's own resources, where without it
/// EC2 would list every public image, snapshot and FPGA image of the region.
fn scoped_to_self(action: &str) -> Option<&'static str> {
    match action {
        "DescribeImages" | "DescribeFpgaImages" | "DescribeSnapshots" => Some("Owner.1"),
        _ => None,
    }
}

/// The switches of [`WIDENING`] `O`'s request takes: those its decoder accepts.
fn switches_of<O: CatalogOperation>() -> Vec<&'static str> {
    WIDENING
        .iter()
        .copied()
        .filter(|switch| {
            QueryParams::parse(format!("{switch}=true").as_bytes())
                .and_then(O::Asked::from_query)
                .is_ok()
        })
        .collect()
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
                switches: switches_of::<O>(),
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
                switches: switches_of::<O>(),
                fetch: fetch_pages::<O>,
            });
        }
    }
}

/// `O`'s request of [`Call::query`]: everything the account itself has.
fn request_of<O: CatalogOperation>(query: &str) -> Result<O::Asked, ClientError> {
    QueryParams::parse(query.as_bytes())
        .and_then(O::Asked::from_query)
        // The switches are those the decoder took one at a time; if it refused them together,
        // the capture records the code rather than stopping.
        .map_err(|error| ClientError::Service {
            error,
            request_id: None,
        })
}

fn fetch_one<O: CatalogOperation>(
    client: &Client,
    _page_size: Option<i32>,
    query: String,
) -> Answer<'_> {
    match request_of::<O>(&query) {
        Ok(request) => send::<O>(client, request),
        Err(error) => Box::pin(async move { Err(error) }),
    }
}

fn fetch_pages<O: CatalogOperation + PaginatedOperation>(
    client: &Client,
    page_size: Option<i32>,
    query: String,
) -> Answer<'_> {
    match request_of::<O>(&query) {
        Ok(request) => walk::<O>(client, request, page_size),
        Err(error) => Box::pin(async move { Err(error) }),
    }
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
