//! # ec2-ops
//!
//! Declare an AWS EC2 `Describe*` operation once, with one attribute, and get everything EC2-specific
//! generated and correct to the byte: the request type (with a builder and EC2 Query encode/decode),
//! the response type (EC2 XML render/parse, the AWS CLI's JSON through serde), a compiled filter
//! matcher with EC2's filter semantics, ID look-ups, `DryRun`, pagination with authenticated tokens,
//! and EC2's error answers. It serves two kinds of users: people building EC2-compatible endpoints
//! and test doubles, and people who want typed EC2 describe calls without the full SDK.
//!
//! The two seed operations, [`seed::bundle_tasks::DescribeBundleTasks`] and
//! [`seed::import_snapshot_tasks::DescribeImportSnapshotTasks`], are declared with the same public
//! macros a user would use.
//!
//! ## A complete example
//!
//! ```
//! use std::sync::Arc;
//! use ec2_ops::{ec2_operation, ec2_shape, DateTime, DescribeContext, DescribeOperation, Ec2Request,
//!               Ec2Response, InMemorySource, Operation, Service, Tag};
//!
//! /// A resource: every field maps to an XML element named by EC2's rule (`widget_id` → `<widgetId>`)
//! /// and a JSON/Query member (`WidgetId`).
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct Widget {
//!     pub widget_id: Option<String>,
//!     pub state: Option<WidgetState>,
//!     pub created: Option<DateTime>,
//!     pub sizes: Vec<i32>,
//!     #[ec2(xml = "tagSet")]
//!     pub tags: Vec<Tag>,
//! }
//!
//! /// A string enum: wire values are the kebab-case variant names unless `#[ec2(value = "...")]`.
//! #[ec2_shape]
//! #[derive(Debug, Clone, Copy, PartialEq)]
//! pub enum WidgetState { Available, InUse }
//!
//! #[ec2_operation(
//!     action = "DescribeWidgets",
//!     resource = Widget,
//!     resource_id = widget_id,
//!     output(member = "Widgets", xml = "widgetSet"),
//!     ids(member = "WidgetIds", key = "WidgetId", noun = "widget",
//!         not_found = "InvalidWidgetID.NotFound", malformed = "InvalidWidgetID.Malformed", prefix = "wid-"),
//!     filters(key = "Filter", "widget-id" => widget_id, "state" => state, "size" => sizes, tags => tags),
//!     paginate(min = 5, max = 1000),
//!     dry_run,
//! )]
//! pub struct DescribeWidgets;
//!
//! // A server: resources in a thread-safe store, requests routed by `Action`.
//! let widgets = InMemorySource::new(|w: &Widget| DescribeWidgets::resource_id(w));
//! widgets.insert(Widget { widget_id: Some("wid-1".into()), state: Some(WidgetState::InUse),
//!                         sizes: vec![3, 4], ..Widget::default() });
//! widgets.insert(Widget { widget_id: Some("wid-2".into()), state: Some(WidgetState::Available),
//!                         ..Widget::default() });
//! let mut service = Service::new(DescribeContext::default());
//! service.register::<DescribeWidgets, _>(Arc::new(widgets));
//!
//! // A client: build a request, encode it exactly as botocore would.
//! let request = DescribeWidgetsRequest::builder().filter("state", ["in-*"]).max_results(5).build();
//! let body = request.to_query();
//! assert_eq!(body, "Action=DescribeWidgets&Version=2016-11-15&Filter.1.Name=state&Filter.1.Value.1=in-%2A&MaxResults=5");
//!
//! let answer = service.handle(body.as_bytes());
//! assert_eq!(answer.status, 200);
//! let response = DescribeWidgetsResponse::from_xml(&answer.body).unwrap();
//! assert_eq!(response.widgets.len(), 1);
//! assert_eq!(response.widgets[0].sizes, [3, 4]);
//! assert_eq!(response.next_token, None);
//!
//! // EC2's errors, with EC2's codes, messages and statuses.
//! let answer = service.handle(b"Action=DescribeWidgets&Version=2016-11-15&WidgetId.1=wid-9");
//! assert_eq!(answer.status, 400);
//! let body = String::from_utf8(answer.body).unwrap();
//! assert!(body.contains("<Code>InvalidWidgetID.NotFound</Code><Message>The widget ID 'wid-9' does not exist</Message>"));
//! ```
//!
//! ## `#[ec2_operation(...)]` reference
//!
//! Goes on a unit struct (`pub struct DescribeWidgets;`), which becomes the operation. Keys:
//!
//! | key | grammar | required | meaning |
//! |---|---|---|---|
//! | `action` | `action = "DescribeX"` | yes | the EC2 action; PascalCase, starts with `Describe`; the XML root is `<DescribeXResponse>` |
//! | `resource` | `resource = Type` | yes | the listed resource, an `#[ec2_shape]` struct |
//! | `resource_id` | `resource_id = field` | yes | the resource's ID field (`String` or `Option<String>`): the page order and the ID look-up key |
//! | `output` | `output(member = "Xs", xml = "xSet" [, item = "item"])` | yes | the result list: JSON/member name, XML wrapper element, item element (default `item`) |
//! | `ids` | `ids(member = "XIds", key = "XId", noun = "x", not_found = "InvalidXID.NotFound" [, malformed = "InvalidXID.Malformed", prefix = "x-"] [, set_name = "xIdSet"])` | no | the ID list parameter (`XId.N`); `not_found` is the code for an unknown ID ("The x ID 'x-1' does not exist"); `malformed` with `prefix` rejects IDs without the prefix; `set_name` names the list in `InvalidParameterCombination` messages (default: lowerCamel key + `Set`) |
//! | `filters` | `filters([key = "Filter" \| "Filters",] "name" => field.path, "name" => with(function), tags => field)` | no | the accepted filter names, in lower-kebab case. A field path follows optional and list fields (any element may match); `with(f)` calls `fn f(&Resource, &ValueSet) -> bool`; `tags => field` (a `Vec<Tag>` or `Option<Vec<Tag>>`) enables `tag:<key>`, `tag-key` and `tag-value`. `key` is the Query key (default `Filter`; `Filters` for the `Import*` operations) |
//! | `paginate` | `paginate(min = N, max = M [, ids_with_max_results = false])` | no | makes the operation paginated: `MaxResults` (bounded `min..=max`, EC2's usual bounds are 5 and 1000) and `NextToken`; `ids_with_max_results = false` makes IDs with `MaxResults` a 400 `InvalidParameterCombination`, as EC2 does on some operations |
//! | `dry_run` | `dry_run` | no | adds the `DryRun` parameter |
//!
//! Every mistake in a declaration is a compile error at the offending token, naming what was
//! expected (unknown keys get "did you mean"), and all mistakes of one item are reported together.
//! This declaration does not compile:
//!
//! ```compile_fail
//! use ec2_ops::{ec2_operation, ec2_shape};
//!
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct Task { pub task_id: Option<String> }
//!
//! #[ec2_operation(
//!     action = "DescribeTasks",
//!     resource = Task,
//!     resource_id = task_id,
//!     output(member = "Tasks", xml = "taskSet"),
//!     pagnate(min = 5, max = 1000),
//! )]
//! pub struct DescribeTasks;
//! ```
//!
//! ```text
//! error: unknown ec2_operation argument `pagnate`; did you mean `paginate`? expected one of: `action`,
//!        `resource`, `resource_id`, `output`, `ids`, `filters`, `paginate`, `dry_run`
//!   --> src/main.rs:12:5
//!    |
//! 12 |     pagnate(min = 5, max = 1000),
//!    |     ^^^^^^^
//! ```
//!
//! The messages of 43 such mistakes are pinned by the trybuild suite in `tests/ui/`.
//!
//! ### The keys, one example each
//!
//! The smallest declaration: `action`, `resource`, `resource_id` and `output` are required. Without
//! `ids`, `filters`, `paginate` or `dry_run`, the request has only `filters` (any filter name is then
//! unknown), and `MaxResults`, `NextToken`, `DryRun` are unknown parameters.
//!
//! ```
//! use ec2_ops::{ec2_operation, ec2_shape, Ec2Request};
//!
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct Host { pub host_id: String }
//!
//! #[ec2_operation(
//!     action = "DescribeHosts",                       // <DescribeHostsResponse>
//!     resource = Host,
//!     resource_id = host_id,                          // page order and ID look-ups
//!     output(member = "Hosts", xml = "hostSet"),      // {"Hosts": [...]}, <hostSet><item>...
//! )]
//! pub struct DescribeHosts;
//!
//! assert_eq!(DescribeHostsRequest::default().to_query(), "Action=DescribeHosts&Version=2016-11-15");
//! ```
//!
//! `ids(...)`: the ID list parameter and its errors. `set_name` defaults to the lowerCamel key plus
//! `Set` (`hostIdSet`).
//!
//! ```
//! # use ec2_ops::{ec2_operation, ec2_shape, DescribeContext, DescribeOperation, InMemorySource};
//! # #[ec2_shape]
//! # #[derive(Debug, Clone, Default, PartialEq)]
//! # pub struct Host { pub host_id: String }
//! #[ec2_operation(
//!     action = "DescribeHosts", resource = Host, resource_id = host_id,
//!     output(member = "Hosts", xml = "hostSet"),
//!     ids(member = "HostIds", key = "HostId", noun = "host",
//!         not_found = "InvalidHostID.NotFound", malformed = "InvalidHostID.Malformed", prefix = "h-"),
//! )]
//! pub struct DescribeHosts;
//!
//! let hosts = InMemorySource::new(|host: &Host| host.host_id.as_str());
//! let context = DescribeContext::default();
//! let request = DescribeHostsRequest::builder().host_id("h-404").build();
//! let err = DescribeHosts::run(&request, &hosts, &context).unwrap_err();
//! assert_eq!((err.code(), err.message()), ("InvalidHostID.NotFound", "The host ID 'h-404' does not exist"));
//! let request = DescribeHostsRequest::builder().host_id("i-1").build();
//! assert_eq!(DescribeHosts::run(&request, &hosts, &context).unwrap_err().code(), "InvalidHostID.Malformed");
//! ```
//!
//! `filters(...)`: each name maps to a field path (through `Option`, `Vec` and nested shapes), a
//! function, or with `tags => field` to the tag filters. `key` picks `Filter.N` (default) or
//! `Filters.N`.
//!
//! ```
//! # use ec2_ops::{ec2_operation, ec2_shape, DescribeContext, DescribeOperation, InMemorySource, Tag, ValueSet};
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct Host {
//!     pub host_id: String,
//!     pub placement: Option<Placement>,
//!     pub zones: Vec<String>,
//!     pub tags: Vec<Tag>,
//! }
//!
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct Placement { pub rack: Option<i32> }
//!
//! fn has_zones(host: &Host, values: &ValueSet) -> bool {
//!     values.matches(if host.zones.is_empty() { "false" } else { "true" })
//! }
//!
//! #[ec2_operation(
//!     action = "DescribeHosts", resource = Host, resource_id = host_id,
//!     output(member = "Hosts", xml = "hostSet"),
//!     filters(
//!         key = "Filter",
//!         "rack" => placement.rack,        // nested, optional: absent never matches
//!         "zone" => zones,                 // a list: any element may match
//!         "has-zones" => with(has_zones),  // anything else
//!         tags => tags,                    // tag:<key>, tag-key, tag-value
//!     ),
//! )]
//! pub struct DescribeHosts;
//!
//! let hosts = InMemorySource::new(|host: &Host| host.host_id.as_str());
//! hosts.insert(Host { host_id: "h-1".into(), placement: Some(Placement { rack: Some(12) }),
//!                     zones: vec!["a".into(), "b".into()], tags: vec![Tag::new("Env", "prod")] });
//! hosts.insert(Host { host_id: "h-2".into(), ..Host::default() });
//! let run = |request| DescribeHosts::run(&request, &hosts, &DescribeContext::default()).unwrap().hosts.len();
//! assert_eq!(run(DescribeHostsRequest::builder().filter("rack", ["1?"]).build()), 1);
//! assert_eq!(run(DescribeHostsRequest::builder().filter("zone", ["b"]).build()), 1);
//! assert_eq!(run(DescribeHostsRequest::builder().filter("has-zones", ["false"]).build()), 1);
//! assert_eq!(run(DescribeHostsRequest::builder().filter("tag:Env", ["prod"]).build()), 1);
//! ```
//!
//! `paginate(min, max [, ids_with_max_results])` and `dry_run`:
//!
//! ```
//! # use ec2_ops::{ec2_operation, ec2_shape, DescribeContext, DescribeOperation, InMemorySource};
//! # #[ec2_shape]
//! # #[derive(Debug, Clone, Default, PartialEq)]
//! # pub struct Host { pub host_id: String }
//! #[ec2_operation(
//!     action = "DescribeHosts", resource = Host, resource_id = host_id,
//!     output(member = "Hosts", xml = "hostSet"),
//!     paginate(min = 5, max = 100),
//!     dry_run,
//! )]
//! pub struct DescribeHosts;
//!
//! let hosts = InMemorySource::new(|host: &Host| host.host_id.as_str());
//! for n in 0..12 {
//!     hosts.insert(Host { host_id: format!("h-{n:02}") });
//! }
//! let context = DescribeContext::default();
//! let first = DescribeHosts::run(&DescribeHostsRequest::builder().max_results(5).build(), &hosts, &context).unwrap();
//! assert_eq!(first.hosts.len(), 5);
//! let next = DescribeHostsRequest::builder().max_results(5).next_token(first.next_token.unwrap()).build();
//! assert_eq!(DescribeHosts::run(&next, &hosts, &context).unwrap().hosts[0].host_id, "h-05");
//! let too_big = DescribeHostsRequest::builder().max_results(101).build();
//! assert_eq!(DescribeHosts::run(&too_big, &hosts, &context).unwrap_err().code(), "InvalidParameterValue");
//! let dry = DescribeHostsRequest::builder().dry_run(true).build();
//! assert_eq!(DescribeHosts::run(&dry, &hosts, &context).unwrap_err().status(), 412);
//! ```
//!
//! ## `#[ec2_shape]` reference
//!
//! On a struct with named fields: an EC2 structure. On an enum with unit variants: an EC2 string enum.
//! Field types: `String`, `bool`, `i32`, `i64`, `f64`, [`DateTime`], [`Blob`], [`Tag`], other shapes,
//! and `Option<T>` (absent when `None`), `Vec<T>` (a list, rendered as a wrapper with `<item>`
//! children) or `Option<Vec<T>>` (a list that may be absent) of those.
//!
//! | field attribute | default | meaning |
//! |---|---|---|
//! | `#[ec2(name = "AWSAccessKeyId")]` | PascalCase of the field (`bundle_id` → `BundleId`) | the member name: AWS CLI JSON key and Query key |
//! | `#[ec2(xml = "S3")]` | lowerCamel of the field (`bundle_id` → `bundleId`) | the XML element name, where EC2 deviates from its rule |
//! | `#[ec2(item = "member")]` | `item` | the element name of a list's items (lists only) |
//! | `#[ec2(query = "Name")]` | the member name | the Query key, where it differs from the member name |
//! | `#[ec2(value = "in-use")]` (variants) | kebab-case of the variant (`InUse` → `in-use`) | the enum's wire value |
//!
//! ```
//! use ec2_ops::{ec2_shape, wire::xml::{XmlRender, XmlWriter}};
//!
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct S3Storage {
//!     #[ec2(name = "AWSAccessKeyId", xml = "AWSAccessKeyId")]
//!     pub aws_access_key_id: Option<String>,
//!     pub bucket: Option<String>,                 // "Bucket" / <bucket>
//!     #[ec2(xml = "groupSet", item = "groupId")]
//!     pub groups: Vec<String>,
//! }
//!
//! #[ec2_shape]
//! #[derive(Debug, Clone, Copy, PartialEq)]
//! pub enum Tier {
//!     Standard,                                    // "standard"
//!     #[ec2(value = "ONE_ZONE")]
//!     OneZone,
//! }
//!
//! let storage = S3Storage { aws_access_key_id: Some("AKID".into()), bucket: Some("b".into()), groups: vec!["sg-1".into()] };
//! let mut xml = Vec::new();
//! storage.render_xml("S3", &mut XmlWriter::new(&mut xml));
//! assert_eq!(String::from_utf8(xml).unwrap(),
//!     "<S3><AWSAccessKeyId>AKID</AWSAccessKeyId><bucket>b</bucket><groupSet><groupId>sg-1</groupId></groupSet></S3>");
//! assert_eq!(serde_json::to_string(&storage).unwrap(), r#"{"AWSAccessKeyId":"AKID","Bucket":"b","Groups":["sg-1"]}"#);
//! assert_eq!(Tier::OneZone.as_str(), "ONE_ZONE");
//! assert_eq!("standard".parse::<Tier>().unwrap(), Tier::Standard);
//! ```
//!
//! ## Expansion
//!
//! For `#[ec2_operation(action = "DescribeWidgets", ...)] pub struct DescribeWidgets;` the macro
//! writes (full listings of the seed operations are in `ec2-ops-macros/snapshots/`):
//!
//! - `pub struct DescribeWidgetsRequest { widget_ids, filters, max_results, next_token, dry_run }`
//!   (only the members the declaration has), with serde in the AWS CLI's JSON shape, a
//!   `DescribeWidgetsRequestBuilder` (`widget_id`, `widget_ids`, `filter`, `max_results`,
//!   `next_token`, `dry_run`, `build`), and [`Ec2Request`] (`from_query`, `to_query`);
//! - `pub struct DescribeWidgetsResponse { request_id, widgets, next_token }` with serde and
//!   [`Ec2Response`] (`to_xml`, `from_xml`);
//! - `impl Operation for DescribeWidgets`: a const [`OperationSpec`] (filter names, ID rules, bounds)
//!   and a `filter_matches` that is a `match` over filter indices doing direct field access;
//! - `impl DescribeOperation for DescribeWidgets`, whose `run` is the whole pipeline: DryRun →
//!   validation → IDs → filters → pagination → response; [`Service::register`] routes to it.
//!
//! `#[ec2_shape]` adds serde derives with the member names, and implements the XML and Query codec
//! traits and [`FilterPath`] (so filter paths can go through it).
//!
//! ## Semantics
//!
//! The runtime's modules document each rule: [`Pattern`] (wildcards), [`CompiledFilters`] (filters
//! and limits), [`describe()`] (IDs, pagination, DryRun), [`TokenKey`] (tokens), [`wire::query`],
//! [`wire::xml`], [`FromWireText`] (how scalars are read), [`error`].
//! Where AWS is vague, the choice made is written there.

#![warn(missing_docs)]

// The seed operations use the public macros, which name this crate by its absolute path.
extern crate self as ec2_ops;

pub use ec2_ops_macros::{ec2_operation, ec2_shape};
pub use ec2_ops_runtime::*;

pub mod seed;

// The README's Rust snippets are compiled as doctests, so the README stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

// `ec2_ops::__private`, the surface generated code names, is the runtime's own `__private` module,
// re-exported with everything else above.
