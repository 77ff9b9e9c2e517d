//! Operations with typed requests and responses: the pipeline behind a decoded request, narrowed by
//! what the request and the caller say, and the response it answers with.

use crate::describe::context::{Caller, DescribeContext};
use crate::describe::pipeline::{DescribeInput, Page, describe_in};
use crate::describe::scope::{Lookup, Scope};
use crate::describe::source::ResourceSource;
use crate::error::Ec2Error;
use crate::operation::Operation;
use crate::types::Tag;
use crate::wire::{Ec2Request, Ec2Response};

/// An operation with typed request and response: what `#[ec2_operation]` generates.
pub trait DescribeOperation: Operation {
    /// The request type.
    type Request: Ec2Request;
    /// The response type.
    type Response: Ec2Response;

    /// The describe parameters of a request.
    fn input(request: &Self::Request) -> DescribeInput<'_>;

    /// The request's second ID lists (`KeyName.N` beside `KeyPairId.N`), each matched against its
    /// own field. None by default.
    fn lookups(request: &Self::Request) -> Vec<Lookup<'_, Self::Resource>> {
        let _ = request;
        Vec::new()
    }

    /// The request's own rules beyond IDs, filters and pages: a list EC2 requires (the Query
    /// protocol cannot mark one required), members that exclude or need each other. Checked after
    /// DryRun and authorization, before any data is read. No rules by default.
    ///
    /// # Errors
    /// EC2's error for the first rule the request breaks (`MissingParameter`,
    /// `InvalidParameterCombination`, ...).
    fn validate(request: &Self::Request) -> Result<(), Ec2Error> {
        let _ = request;
        Ok(())
    }

    /// Whether `caller` sees `resource` in answer to `request` (e.g. `Owner.N`, `RestorableBy.N`, or
    /// per-account visibility); `context` tells what other operations of the service hold (a
    /// launch template's latest version, for `$Latest`). Everything by default.
    fn visible(
        request: &Self::Request,
        caller: &Caller,
        resource: &Self::Resource,
        context: &DescribeContext,
    ) -> bool {
        let _ = (request, caller, resource, context);
        true
    }

    /// The response for one page of `request`, answered to `caller` (whose request ID it carries).
    fn response(
        page: Page<Self::Resource>,
        request: &Self::Request,
        caller: &Caller,
    ) -> Self::Response;

    /// The resources a response lists.
    fn response_items(response: &Self::Response) -> &[Self::Resource];

    /// For an operation whose resources belong to a parent named beside the list (`FleetId` of
    /// DescribeFleetInstances, see [`ParentScope`](crate::ParentScope)): the member naming it, in
    /// the request and at the top of every answer. `None` for every other operation.
    const PARENT_MEMBER: Option<&'static str> = None;

    /// The parent an answer names beside its list (see [`Self::PARENT_MEMBER`]): what a stored
    /// answer's resources belong to. `None` by default.
    fn answered_parent(response: &Self::Response) -> Option<&str> {
        let _ = response;
        None
    }

    /// How many resources a response lists (for logs); for a `nested` operation, how many items.
    fn response_len(response: &Self::Response) -> usize {
        Self::response_items(response).len()
    }

    /// The resources a source stores for one declared `resource`: the resource itself, or for an
    /// operation over nested items (DescribeInstances) one unit per item, each holding only that
    /// item and keyed by its ID (see [`split_units`](crate::split_units)).
    fn units(resource: Self::Resource) -> Vec<Self::Resource> {
        vec![resource]
    }

    /// The tags of one stored unit, EC2's `tagSet` of what the unit describes: for DescribeTags
    /// and any view listing the tags of every resource.
    ///
    /// A *unit* is what a source stores for the operation (see [`units`](Self::units)): the
    /// resource itself, or for an operation over nested items (DescribeInstances) a copy of the
    /// resource holding one item, whose tags are then the item's (the instance's, not the
    /// reservation's, which has none).
    ///
    /// `#[ec2_operation]` answers it through [`Tagged`](crate::Tagged): the resource's tags, or
    /// with `nested(...)` the unit's first item's. No tags by default: a hand-written operation
    /// whose resources carry tags overrides it.
    fn resource_tags(resource: &Self::Resource) -> &[Tag] {
        let _ = resource;
        &[]
    }

    /// Runs the operation for a caller of `context`'s account and region.
    ///
    /// # Errors
    /// EC2's error for the first rule the request breaks.
    fn run<S>(
        request: &Self::Request,
        source: &S,
        context: &DescribeContext,
    ) -> Result<Self::Response, Ec2Error>
    where
        Self::Resource: Clone,
        S: ResourceSource<Self::Resource> + ?Sized,
    {
        Self::run_for(request, source, context, &context.caller())
    }

    /// Runs the operation for `caller`: DryRun → the request's rules ([`validate`](Self::validate))
    /// → IDs → filters → the caller's scope → pagination → response.
    ///
    /// # Errors
    /// EC2's error for the first rule the request breaks.
    fn run_for<S>(
        request: &Self::Request,
        source: &S,
        context: &DescribeContext,
        caller: &Caller,
    ) -> Result<Self::Response, Ec2Error>
    where
        Self::Resource: Clone,
        S: ResourceSource<Self::Resource> + ?Sized,
    {
        let lookups = Self::lookups(request);
        let visible = |resource: &Self::Resource| Self::visible(request, caller, resource, context);
        let rules = || Self::validate(request);
        let scope = Scope {
            rules: &rules,
            visible: &visible,
            lookups: &lookups,
        };
        let page = describe_in::<Self, S>(&Self::input(request), source, context, &scope)?;
        Ok(Self::response(page, request, caller))
    }
}

/// A paginated operation, as a client walks it: the request takes a page size and a token, the
/// response gives the next token. `#[ec2_operation]` implements it for every operation declared
/// with `paginate(...)`.
pub trait PaginatedOperation: DescribeOperation {
    /// Sets the request's page size (`MaxResults`).
    fn set_max_results(request: &mut Self::Request, max_results: Option<i32>);

    /// Sets the token of the page to ask for (`NextToken`).
    fn set_next_token(request: &mut Self::Request, next_token: Option<String>);

    /// The token of the next page: absent on the last page.
    fn next_token(response: &Self::Response) -> Option<&str>;
}
