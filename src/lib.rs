//! # ec2-ops
//!
//! EC2 `Describe*` semantics for Rust: the filter engine, wildcard patterns, ID look-ups, pagination
//! tokens, `DryRun` and EC2's error answers, ready for EC2-compatible endpoints, test doubles and light
//! typed clients. This facade is the one crate users depend on; it re-exports `ec2-ops-runtime`.
//!
//! An operation is described once (its filters, IDs and pagination bounds) and [`describe`] applies
//! EC2's rules to any [`ResourceSource`]:
//!
//! ```
//! use ec2_ops::*;
//!
//! #[derive(Debug, Clone)]
//! struct BundleTask { bundle_id: String, state: String }
//!
//! struct DescribeBundleTasks;
//! impl Operation for DescribeBundleTasks {
//!     type Resource = BundleTask;
//!     const SPEC: OperationSpec = OperationSpec {
//!         action: "DescribeBundleTasks",
//!         filters: FilterCatalog { names: &["bundle-id", "state"], tags: false },
//!         ids: None,
//!         pagination: None,
//!     };
//!     fn resource_id(task: &BundleTask) -> &str { &task.bundle_id }
//!     fn filter_matches(task: &BundleTask, index: usize, values: &ValueSet) -> bool {
//!         match index {
//!             0 => values.matches(&task.bundle_id),
//!             1 => values.matches(&task.state),
//!             _ => false,
//!         }
//!     }
//! }
//!
//! let source = InMemorySource::new(|task: &BundleTask| task.bundle_id.as_str());
//! source.insert(BundleTask { bundle_id: "bun-1".into(), state: "complete".into() });
//! source.insert(BundleTask { bundle_id: "bun-2".into(), state: "failed".into() });
//!
//! let context = DescribeContext::default();
//! let filters = [Filter::new("state", ["comp*"])];
//! let input = DescribeInput { filters: &filters, ..Default::default() };
//! let page = describe::<DescribeBundleTasks, _>(&input, &source, &context).unwrap();
//! assert_eq!(page.items.len(), 1);
//!
//! let unknown = [Filter::new("owner", ["me"])];
//! let input = DescribeInput { filters: &unknown, ..Default::default() };
//! let err = describe::<DescribeBundleTasks, _>(&input, &source, &context).unwrap_err();
//! assert_eq!((err.status(), err.code()), (400, "InvalidParameterValue"));
//! assert_eq!(err.message(), "The filter 'owner' is invalid");
//! ```
//!
//! See the runtime's module docs for each rule and the reasons behind the choices where AWS is vague.

// The seed operations use the public macros, which name this crate by its absolute path.
extern crate self as ec2_ops;

pub use ec2_ops_macros::{ec2_operation, ec2_shape};
pub use ec2_ops_runtime::*;

pub mod seed;

/// What generated code names. Not public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use ::serde;
    pub use ec2_ops_runtime::generated::{
        DescribeOperation, Ec2Request, Ec2Response, FilterLeaf, FilterPath, ResourceIdText,
        TagList, UnknownEnumValue, render_list,
    };
    pub use ec2_ops_runtime::query::{
        QueryDecode, QueryEncode, QueryNode, QueryWriter, member_key,
    };
    pub use ec2_ops_runtime::xml::{XmlError, XmlParse, XmlReader, XmlRender, XmlWriter};
    pub use ec2_ops_runtime::{
        DescribeInput, Ec2Error, Filter, FilterCatalog, IdSpec, MalformedSpec, Operation,
        OperationSpec, Page, PaginationSpec, Tag, ValueSet, WireText,
    };
}
