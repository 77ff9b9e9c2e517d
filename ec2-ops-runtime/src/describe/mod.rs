//! The describe pipeline and what it runs with: the order of EC2's checks, pages in ID order,
//! authenticated `NextToken`s, the sources resources are read from, and the caller's context.
//!
//! | part | what it does |
//! |---|---|
//! | [`describe()`], [`describe_in`] | the pipeline: authorization and DryRun, the request's own rules, filters, IDs, `MaxResults`, `NextToken`, the page |
//! | [`Scope`], [`Lookup`] | what narrows a call beyond IDs and filters: the caller's visibility, second ID lists |
//! | [`DescribeOperation`], [`PaginatedOperation`] | an operation with typed request and response, run over a source; walked a page at a time |
//! | [`DescribeContext`], [`Authorizer`], [`Caller`] | the token key and authorizer every call runs with; who makes one call; request IDs |
//! | [`TokenKey`], [`RequestFingerprint`] | `NextToken`s: versioned, HMAC-authenticated, bound to the request |
//! | [`ResourceSource`], [`InMemorySource`] | resources ordered by ID, read a page at a time |
//! | [`NestedItems`], [`split_units`], [`group_units`] | operations over the items inside each resource (instances in reservations) |
//! | [`ParentScope`], [`WithinParent`], [`parent_key`], [`split_parent_key`] | operations over one parent's resources, the parent named beside the list (a fleet's instances) |

mod context;
mod ids;
mod nested;
mod parented;
mod pipeline;
mod scope;
mod source;
mod token;
mod typed;

pub use context::{
    AllowAll, Authorizer, Caller, DEFAULT_ACCOUNT_ID, DEFAULT_REGION, DescribeContext, Parents,
    new_request_id,
};
pub use nested::{NestedItems, group_units, split_units};
pub use parented::{ParentScope, WithinParent, parent_key, split_parent_key};
pub use pipeline::{DescribeInput, Page, describe, describe_in};
pub use scope::{Lookup, Scope, ValueCheck};
pub use source::{InMemorySource, ResourceSource, examined_on_this_thread};
pub use token::{RequestFingerprint, TokenKey};
pub use typed::{DescribeOperation, PaginatedOperation};
