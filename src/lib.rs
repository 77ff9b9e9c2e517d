//! # ec2-ops
//!
//! Declare an AWS EC2 `Describe*` operation once, with one attribute, and get everything EC2-specific
//! generated and correct to the byte: the request type (with a builder and EC2 Query encode/decode),
//! the response type (EC2 XML render/parse, the AWS CLI's JSON through serde), a compiled filter
//! matcher with EC2's filter semantics, ID look-ups, `DryRun`, pagination with authenticated tokens,
//! and EC2's error answers. It serves two kinds of users: people building EC2-compatible endpoints
//! and test doubles, and people who want typed EC2 describe calls without the full SDK.
//!
//! The ten operations in [`operations`] (the first two declared operations, three task operations,
//! [`operations::instances::DescribeInstances`], the EBS volume and snapshot operations, key pairs and
//! tags) are declared with the same public macros a user would use.
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
//!     ids(key = "WidgetId", prefix = "wid-"),   // WidgetId.N: InvalidWidgetID.NotFound / .Malformed
//!     filters("widget-id", "state", "size" => sizes, "tag:<key>" => tags, "tag-key" => tags),
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
//! | `action` | `action = "DescribeX"` | yes | the EC2 action; PascalCase, starts with `Describe` (with `settings`, `Get`); the XML root is `<DescribeXResponse>` |
//! | `resource` | `resource = Type` | yes | the listed resource, an `#[ec2_shape]` struct |
//! | `resource_id` | `resource_id = field` | yes, but not with `settings` | the resource's ID field (`String` or `Option<String>`): the page order and the ID look-up key |
//! | `settings` | `settings(default = function)` | no | a `Get*` read of the account's settings in the region (GetEbsEncryptionByDefault): the answer is one `resource` whose members stand directly in the response (as `flatten`), held once under the ID `"settings"`, with no `resource_id`, `output`, IDs, members, filters or pages; `fn function() -> Resource` is EC2's answer for a new account, given while none is held |
//! | `nested` | `nested(field = instances, resource_id = instance_id)` | no | the operation describes the items of each resource's list `field` (`Vec<T>` or `Option<Vec<T>>`), as DescribeInstances describes the instances of each reservation: IDs, filters, pages and `MaxResults` address the items (by their `resource_id`), filter paths start at the resource (`instances.state.name` for an item's field, `reservation_id` for the resource's), and the response lists each resource with only its matching items, leaving out resources with none. A source stores one copy of the resource per item ([`DescribeOperation::units`]); `resource_id` then names the resource's own ID, which the response groups by |
//! | `output` | `output(member = "Xs", xml = "xSet" [, item = "item"] [, single])`, `output(member = "X", flatten)` or `output(member = "X", xml = "x", wrapper = Type, list = field)` | yes | the result list: JSON/member name, XML wrapper element, item element (default `item`). With `single`, the answer is one resource or none in an element of its own (`<spotDatafeedSubscription>`): the first in scope, never paginated. With `flatten`, the one resource's members stand directly in the response, as attribute operations answer (DescribeSnapshotAttribute's `<snapshotId>`, `<createVolumePermission>`). With `wrapper` and `list`, the list is the field `list` (`Option<Vec<Resource>>`) of a structure `Type` (a shape with `Default`) that the response holds under `member`/`xml`, as DescribeApplicationStatus answers `ApplicationStatuses.Instances`: paged, filtered and looked up like any list |
//! | `ids` | `ids(key = "XId" [, member = "XIds"] [, prefix = "x-"] [, not_found = "…", malformed = "…", noun = "x ID", set_name = "xSet"] [, field = f [, narrows \| parent = "DescribeX"]] [, single [, optional]])` | no, repeatable | an ID list (`XId.N`). Derived from `key` unless written: the member `XIds` (builder methods `x_ids` and `x_id`), the noun "x ID" ("The x ID 'x-1' does not exist"), the codes `InvalidXID.NotFound` and, with `prefix`, `InvalidXID.Malformed` for an ID without the prefix; `set_name` (default: the output's XML name) names the list in `InvalidParameterCombination`. A second list names the resource `field` it matches (`KeyName.N` beside `KeyPairId.N`); its unknown values are `not_found` errors too, unless it `narrows` (a value no resource holds selects nothing, as `InstanceType.N` of DescribeSpotPriceHistory) or names a `parent = "DescribeX"` (the values are IDs of that operation's resources: one it does not serve is `not_found` where the context knows, `DescribeContext::with_parents`; a parent with no resource here selects nothing). With `single`, the request has one required ID sent under the key itself (`VpcId`, `MissingParameter` when absent), checked like a list of one; `single, optional` may leave it out (a parent's ID that narrows: `TrafficMirrorFilterId`). `single, output = f` names a parent its answers name beside the list, in the response field `f` (`Option<String>` of `response(...)`), where the resources do not hold it (DescribeFleetInstances' `FleetId`): the source keys each resource under its parent (`parent_key`), the answer is that parent's only, with IDs and tokens relative to it, and `f` is filled with the ID sent |
//! | `members` | `members(#[ec2(query = "Owner")] owner_ids: Vec<String>, include_public_key: Option<bool>, instance_id: String)` | no | further request members, written as struct fields: `Option<T>` optional, `T` required (`MissingParameter` when absent), `Vec<T>` a list (`Key.N`). The member name is the PascalCase field name (`#[ec2(name = "...")]` overrides), the Query key the member name (`#[ec2(query = "...")]` overrides); `#[ec2(listed)]` on a member of an `#[ec2_shape]` enum takes only the values the enum lists, answering another with EC2's `InvalidParameterValue` "Value (x) for parameter attribute is invalid. Unknown attribute." (the `Attribute` of EC2's attribute operations) where a member without it keeps the value in the enum's other variant; doc comments are kept. They are served by `validate`, `visible` and `respond` |
//! | `filters` | `filters([key = "Filters",] "name", "name" => field.path, "name" => with(function), "tag:<key>" => tags, "tag-key" => tags, "tag-value" => tags)` | no | the accepted filters, named as EC2 writes them (`s3-bucket`, `attachment.instance-id`, `haStatus`). A name written alone is a filter on the field it spells, one field per dotted part (`"volume-id"` is `volume_id`, `"operator.managed"` is `operator.managed`, `"haStatus"` is `ha_status`; in a `nested` operation, from the item: `instances.instance_id`). A field path follows optional and list fields (any element may match); `with(f)` calls `fn f(&Resource, &ValueSet) -> bool`; the three tag names each enable one tag filter over a `Vec<Tag>` field (which may be reached through other fields, `instances.tags`); where the items are tags themselves (DescribeTags), `"tag:<key>" => with(f)` calls `fn f(&Resource, key: &str, &ValueSet) -> bool`. `key` is `Filter` (default) or `Filters`. `ignored_with = member` names a list member of `members(...)` whose values make EC2 ignore the filters (DescribeStoreImageTasks' `ImageIds`: "When you specify the `ImageIds` parameter, any filters that you specify are ignored"). Without `filters`, the operation has no `Filter.N` member, and sending one is `UnknownParameter` |
//! | `paginate` | `paginate` or `paginate(min = N, max = M [, clamp] [, ids_with_max_results = false])` | no | makes the operation paginated: `MaxResults` and `NextToken`. With bounds, a `MaxResults` outside `min..=max` is EC2's 400 (with `clamp`, one above `max` is served as `max`); without, any positive value is accepted (EC2 documents no bounds for many operations). `ids_with_max_results = false` makes IDs with `MaxResults` a 400 `InvalidParameterCombination` |
//! | `dry_run` | `dry_run` | no | adds the `DryRun` parameter (leave it out where the model has none) |
//! | `response` | `response(fleet_id: Option<String>, #[ec2(xml = "serviceNameSet")] service_names: Option<Vec<String>>)` | no | response members beside the list (scalars, structures, further lists), written as `#[ec2_shape]` fields with the same `#[ec2(name, xml, item)]` rules: in the AWS CLI's JSON under their member names and in the XML after the list; `respond` fills them |
//! | `validate` | `validate = function` | no | `fn(&XRequest) -> Result<(), Ec2Error>`: the request's own rules the members cannot say, checked after DryRun and before any data is read: a list EC2 requires (`MissingParameter`), members that exclude or need each other (`InvalidParameterCombination`) |
//! | `visible` | `visible = function` | no | `fn(&XRequest, &Caller, &Resource, &DescribeContext) -> bool`: whether the caller sees a resource for this request (`Owner.N=self`, `RestorableBy.N`, per-account data; the context's `resource::<O>(id)` reads another operation's resource where the service knows it); hidden resources are skipped, and asking for a hidden one's ID is not an error |
//! | `respond` | `respond = function` | no | `fn(&XRequest, &Caller, &mut XResponse)`: shapes the response by the request (`IncludePublicKey` decides whether `publicKey` is rendered) and fills the `response(...)` members |
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
//!        `resource`, `resource_id`, `nested`, `output`, `ids`, `members`, `filters`, `paginate`,
//!        `dry_run`, `response`, `validate`, `visible`, `respond`
//!   --> src/main.rs:12:5
//!    |
//! 12 |     pagnate(min = 5, max = 1000),
//!    |     ^^^^^^^
//! ```
//!
//! The messages of 79 such mistakes are pinned by the trybuild suite in `tests/ui/`.
//!
//! ### The keys, one example each
//!
//! The smallest declaration: `action`, `resource`, `resource_id` and `output` are required. Without
//! `ids`, `members`, `filters`, `paginate` or `dry_run`, the request has no members at all, and
//! anything sent is `UnknownParameter`, as EC2 answers.
//!
//! ```
//! use ec2_ops::{ec2_operation, ec2_shape, Ec2Request, wire::query::QueryParams};
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
//! let err = DescribeHostsRequest::from_query(QueryParams::parse(b"Filter.1.Name=state").unwrap()).unwrap_err();
//! assert_eq!(err.message(), "The parameter Filter.1.Name is not recognized");
//! ```
//!
//! `ids(...)`: an ID list and its errors, derived from `key`. A second list names the resource field
//! it matches; its unknown values are reported as the first list's are.
//!
//! ```
//! # use ec2_ops::{ec2_operation, ec2_shape, DescribeContext, DescribeOperation, InMemorySource};
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct KeyPair { pub key_pair_id: String, pub key_name: String }
//!
//! #[ec2_operation(
//!     action = "DescribeKeyPairs", resource = KeyPair, resource_id = key_pair_id,
//!     output(member = "KeyPairs", xml = "keySet"),
//!     ids(key = "KeyName", field = key_name, not_found = "InvalidKeyPair.NotFound", noun = "key pair"),
//!     ids(key = "KeyPairId", prefix = "key-", not_found = "InvalidKeyPair.NotFound", noun = "key pair"),
//! )]
//! pub struct DescribeKeyPairs;
//!
//! let keys = InMemorySource::new(|key: &KeyPair| key.key_pair_id.as_str());
//! keys.insert(KeyPair { key_pair_id: "key-1".into(), key_name: "admin".into() });
//! keys.insert(KeyPair { key_pair_id: "key-2".into(), key_name: "deploy".into() });
//! let context = DescribeContext::default();
//! let run = |request| DescribeKeyPairs::run(&request, &keys, &context);
//! let found = run(DescribeKeyPairsRequest::builder().key_name("deploy").build()).unwrap();
//! assert_eq!(found.key_pairs[0].key_pair_id, "key-2");
//! let err = run(DescribeKeyPairsRequest::builder().key_name("nope").build()).unwrap_err();
//! assert_eq!((err.code(), err.message()), ("InvalidKeyPair.NotFound", "The key pair 'nope' does not exist"));
//! let err = run(DescribeKeyPairsRequest::builder().key_pair_id("k-1").build()).unwrap_err();
//! assert_eq!(err.code(), "InvalidKeyPair.Malformed");
//! ```
//!
//! A second list that `narrows` selects without requiring its values to exist: a price history
//! asked for a type it holds no price of is empty, not an error.
//!
//! ```
//! # use ec2_ops::{ec2_operation, ec2_shape, DescribeContext, DescribeOperation, InMemorySource};
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct SpotPrice { pub key: String, pub instance_type: String }
//!
//! #[ec2_operation(
//!     action = "DescribeSpotPriceHistory", resource = SpotPrice, resource_id = key,
//!     output(member = "SpotPriceHistory", xml = "spotPriceHistorySet"),
//!     ids(key = "InstanceType", field = instance_type, narrows),
//! )]
//! pub struct DescribeSpotPriceHistory;
//!
//! let prices = InMemorySource::new(|price: &SpotPrice| price.key.as_str());
//! prices.insert(SpotPrice { key: "0001".into(), instance_type: "m5.large".into() });
//! prices.insert(SpotPrice { key: "0002".into(), instance_type: "c5.large".into() });
//! let context = DescribeContext::default();
//! let run = |request| DescribeSpotPriceHistory::run(&request, &prices, &context);
//! let found = run(DescribeSpotPriceHistoryRequest::builder().instance_type("c5.large").build()).unwrap();
//! assert_eq!(found.spot_price_history[0].key, "0002");
//! let none = run(DescribeSpotPriceHistoryRequest::builder().instance_type("p5.48xlarge").build()).unwrap();
//! assert!(none.spot_price_history.is_empty());
//! ```
//!
//! `filters(...)`: each name, as EC2 writes it, maps to a field path (through `Option`, `Vec` and
//! nested shapes), a function, or one of the tag filters; a name written alone filters the field it
//! spells. `key = "Filters"` picks `Filters.N`.
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
//!         "placement.rack",                    // spells its path; optional: absent never matches
//!         "zone" => zones,                     // a list: any element may match
//!         "hasZones" => with(has_zones),       // anything else
//!         "tag:<key>" => tags,                 // tag:Env=prod
//!         "tag-key" => tags,                   // any tag's key (no tag-value here)
//!     ),
//! )]
//! pub struct DescribeHosts;
//!
//! let hosts = InMemorySource::new(|host: &Host| host.host_id.as_str());
//! hosts.insert(Host { host_id: "h-1".into(), placement: Some(Placement { rack: Some(12) }),
//!                     zones: vec!["a".into(), "b".into()], tags: vec![Tag::new("Env", "prod")] });
//! hosts.insert(Host { host_id: "h-2".into(), ..Host::default() });
//! let run = |request| DescribeHosts::run(&request, &hosts, &DescribeContext::default());
//! let count = |request| run(request).unwrap().hosts.len();
//! assert_eq!(count(DescribeHostsRequest::builder().filter("placement.rack", ["1?"]).build()), 1);
//! assert_eq!(count(DescribeHostsRequest::builder().filter("zone", ["b"]).build()), 1);
//! assert_eq!(count(DescribeHostsRequest::builder().filter("hasZones", ["false"]).build()), 1);
//! assert_eq!(count(DescribeHostsRequest::builder().filter("tag:Env", ["prod"]).build()), 1);
//! let err = run(DescribeHostsRequest::builder().filter("tag-value", ["prod"]).build()).unwrap_err();
//! assert_eq!(err.message(), "The filter 'tag-value' is invalid");
//! ```
//!
//! `members(...)`, `validate`, `visible` and `respond`: request members beyond IDs and filters, and
//! the hooks that serve them. Hooks get the typed request and, but for `validate`, the [`Caller`]
//! (account, region, request ID).
//!
//! ```
//! # use ec2_ops::{ec2_operation, ec2_shape, Caller, DescribeContext, DescribeOperation, InMemorySource};
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct Image { pub image_id: String, pub owner_id: String, pub public_key: Option<String> }
//!
//! /// `Owner.N`: `self` is the caller's account.
//! fn owned(
//!     request: &DescribeImagesRequest,
//!     caller: &Caller,
//!     image: &Image,
//!     _context: &DescribeContext,
//! ) -> bool {
//!     request.owners.is_empty()
//!         || request.owners.iter().any(|owner| {
//!             let owner = if owner == "self" { &caller.account_id } else { owner };
//!             *owner == image.owner_id
//!         })
//! }
//!
//! /// `IncludePublicKey`: the key is only answered when asked for.
//! fn keys_on_request(request: &DescribeImagesRequest, _: &Caller, response: &mut DescribeImagesResponse) {
//!     if request.include_public_key != Some(true) {
//!         response.images.iter_mut().for_each(|image| image.public_key = None);
//!     }
//! }
//!
//! #[ec2_operation(
//!     action = "DescribeImages", resource = Image, resource_id = image_id,
//!     output(member = "Images", xml = "imagesSet"),
//!     members(
//!         /// Owners: account IDs, or `self`.
//!         #[ec2(query = "Owner")]
//!         owners: Vec<String>,
//!         /// Whether to include the public key.
//!         include_public_key: Option<bool>,
//!     ),
//!     visible = owned,
//!     respond = keys_on_request,
//! )]
//! pub struct DescribeImages;
//!
//! let images = InMemorySource::new(|image: &Image| image.image_id.as_str());
//! images.insert(Image { image_id: "ami-1".into(), owner_id: "123456789012".into(), public_key: Some("k".into()) });
//! images.insert(Image { image_id: "ami-2".into(), owner_id: "210987654321".into(), public_key: None });
//! let context = DescribeContext::default().with_account_id("123456789012");
//! let mine = DescribeImagesRequest::builder().owner("self").build();
//! assert_eq!(ec2_ops::Ec2Request::to_query(&mine), "Action=DescribeImages&Version=2016-11-15&Owner.1=self");
//! let answer = DescribeImages::run(&mine, &images, &context).unwrap();
//! assert_eq!(answer.images.len(), 1);
//! assert_eq!(answer.images[0].public_key, None);
//! let with_key = DescribeImagesRequest::builder().owner("self").include_public_key(true).build();
//! assert_eq!(DescribeImages::run(&with_key, &images, &context).unwrap().images[0].public_key.as_deref(), Some("k"));
//! ```
//!
//! `validate` says what the members cannot: here a list EC2 requires (DescribeSecurityGroupReferences'
//! `GroupId.N`), refused with EC2's `MissingParameter` before any data is read.
//!
//! ```
//! # use ec2_ops::{ec2_operation, ec2_shape, DescribeContext, DescribeOperation, Ec2Error, InMemorySource};
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct Reference { pub group_id: String, pub referencing_vpc_id: String }
//!
//! /// `GroupId.N` is required: the references of no group are not all references.
//! fn groups_named(request: &DescribeReferencesRequest) -> Result<(), Ec2Error> {
//!     if request.group_id.is_empty() {
//!         return Err(Ec2Error::missing_parameter("GroupId"));
//!     }
//!     Ok(())
//! }
//!
//! #[ec2_operation(
//!     action = "DescribeReferences", resource = Reference, resource_id = group_id,
//!     output(member = "References", xml = "referenceSet"),
//!     members(
//!         /// The groups whose references to describe.
//!         group_id: Vec<String>,
//!     ),
//!     validate = groups_named,
//! )]
//! pub struct DescribeReferences;
//!
//! let references = InMemorySource::new(|reference: &Reference| reference.group_id.as_str());
//! references.insert(Reference { group_id: "sg-1".into(), referencing_vpc_id: "vpc-2".into() });
//! let context = DescribeContext::default();
//! let none = DescribeReferences::run(&DescribeReferencesRequest::default(), &references, &context);
//! assert_eq!(none.unwrap_err().code(), "MissingParameter");
//! let one = DescribeReferencesRequest::builder().group_id(["sg-1"]).build();
//! assert_eq!(DescribeReferences::run(&one, &references, &context).unwrap().references.len(), 1);
//! ```
//!
//! `paginate` (bounds where EC2 documents them, `clamp` where it serves the maximum instead of
//! refusing) and `dry_run`:
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
//! #[ec2_operation(
//!     action = "DescribeRacks", resource = Host, resource_id = host_id,
//!     output(member = "Racks", xml = "rackSet"),
//!     paginate(min = 5, max = 10, clamp),
//! )]
//! pub struct DescribeRacks;
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
//! let clamped = DescribeRacksRequest::builder().max_results(500).build();
//! assert_eq!(DescribeRacks::run(&clamped, &hosts, &context).unwrap().racks.len(), 10);
//! let dry = DescribeHostsRequest::builder().dry_run(true).build();
//! assert_eq!(DescribeHosts::run(&dry, &hosts, &context).unwrap_err().status(), 412);
//! ```
//!
//! `nested`: an operation over the items inside each resource. Here a group lists its members;
//! `MemberId.N`, the filters and the pages address members, and each group is answered with only
//! its matching members:
//!
//! ```
//! # use ec2_ops::{ec2_operation, ec2_shape, DescribeContext, DescribeOperation, InMemorySource, Operation};
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct Group { pub group_id: String, pub members: Vec<Member> }
//!
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct Member { pub member_id: String, pub role: String }
//!
//! #[ec2_operation(
//!     action = "DescribeGroups",
//!     resource = Group,
//!     resource_id = group_id,
//!     nested(field = members, resource_id = member_id),
//!     output(member = "Groups", xml = "groupSet"),
//!     ids(key = "MemberId", prefix = "m-"),
//!     filters("group-id" => group_id, "role"),   // "role" spells the member's `role`
//!     paginate(min = 1, max = 100),
//! )]
//! pub struct DescribeGroups;
//!
//! let member = |id: &str, role: &str| Member { member_id: id.into(), role: role.into() };
//! let groups = [
//!     Group { group_id: "g-1".into(), members: vec![member("m-1", "admin"), member("m-3", "user")] },
//!     Group { group_id: "g-2".into(), members: vec![member("m-2", "admin")] },
//!     Group { group_id: "g-3".into(), members: vec![member("m-4", "user")] },
//! ];
//! // One unit per member, keyed by the member's ID.
//! let source = InMemorySource::new(DescribeGroups::resource_id);
//! for group in groups {
//!     for unit in DescribeGroups::units(group) {
//!         source.insert(unit);
//!     }
//! }
//! let context = DescribeContext::default();
//! let admins = DescribeGroupsRequest::builder().filter("role", ["admin"]).build();
//! let answer = DescribeGroups::run(&admins, &source, &context).unwrap();
//! let listed: Vec<(&str, Vec<&str>)> = answer.groups.iter()
//!     .map(|g| (g.group_id.as_str(), g.members.iter().map(|m| m.member_id.as_str()).collect()))
//!     .collect();
//! assert_eq!(listed, [("g-1", vec!["m-1"]), ("g-2", vec!["m-2"])]);
//! let by_id = DescribeGroupsRequest::builder().member_ids(["m-3", "m-1"]).build();
//! let answer = DescribeGroups::run(&by_id, &source, &context).unwrap();
//! assert_eq!(answer.groups.len(), 1);
//! assert_eq!(answer.groups[0].members.len(), 2);
//! ```
//!
//! `response`: members beside the list, filled by `respond` (DescribeFleetHistory answers the fleet
//! it was asked about and when its history was last evaluated):
//!
//! ```
//! # use ec2_ops::{ec2_operation, ec2_shape, Caller, DateTime, DescribeContext, DescribeOperation, Ec2Response, InMemorySource};
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct HistoryRecord { pub event_id: String }
//!
//! fn about_the_fleet(request: &DescribeFleetHistoryRequest, _: &Caller, response: &mut DescribeFleetHistoryResponse) {
//!     response.fleet_id = Some(request.fleet_id.clone());
//!     response.last_evaluated_time = DateTime::from_unix_millis(1_700_000_000_000).ok();
//! }
//!
//! #[ec2_operation(
//!     action = "DescribeFleetHistory",
//!     resource = HistoryRecord,
//!     resource_id = event_id,
//!     output(member = "HistoryRecords", xml = "historyRecordSet"),
//!     members(fleet_id: String),
//!     response(
//!         /// The fleet the records are of.
//!         fleet_id: Option<String>,
//!         /// When the history was last evaluated.
//!         last_evaluated_time: Option<DateTime>,
//!     ),
//!     respond = about_the_fleet,
//! )]
//! pub struct DescribeFleetHistory;
//!
//! let records = InMemorySource::new(|record: &HistoryRecord| record.event_id.as_str());
//! let request = DescribeFleetHistoryRequest::builder().fleet_id("fleet-1").build();
//! let answer = DescribeFleetHistory::run(&request, &records, &DescribeContext::default()).unwrap();
//! let xml = String::from_utf8(answer.to_xml()).unwrap();
//! assert!(xml.contains("<historyRecordSet></historyRecordSet><fleetId>fleet-1</fleetId><lastEvaluatedTime>2023-11-14T22:13:20.000Z</lastEvaluatedTime>"), "{xml}");
//! ```
//!
//! `wrapper` and `list`: the resources' list held in a structure of the response, as
//! DescribeApplicationStatus answers `{"ApplicationStatuses": {"Instances": [...]}}`:
//!
//! ```
//! # use ec2_ops::{ec2_operation, ec2_shape, DescribeContext, DescribeOperation, Ec2Response, InMemorySource};
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct InstanceApplicationStatus { pub instance_id: Option<String>, pub status: Option<String> }
//!
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct ApplicationStatuses {
//!     #[ec2(xml = "instanceSet")]
//!     pub instances: Option<Vec<InstanceApplicationStatus>>,
//! }
//!
//! #[ec2_operation(
//!     action = "DescribeApplicationStatus",
//!     resource = InstanceApplicationStatus,
//!     resource_id = instance_id,
//!     output(member = "ApplicationStatuses", xml = "applicationStatusesResponseType",
//!            wrapper = ApplicationStatuses, list = instances),
//!     ids(key = "InstanceId"),
//!     paginate(min = 1, max = 100),
//! )]
//! pub struct DescribeApplicationStatus;
//!
//! let statuses = InMemorySource::new(|s: &InstanceApplicationStatus| s.instance_id.as_deref().unwrap_or_default());
//! for id in ["i-1", "i-2", "i-3"] {
//!     statuses.insert(InstanceApplicationStatus { instance_id: Some(id.into()), status: Some("ok".into()) });
//! }
//! let request = DescribeApplicationStatusRequest::builder().max_results(2).build();
//! let page = DescribeApplicationStatus::run(&request, &statuses, &DescribeContext::default()).unwrap();
//! let listed = page.application_statuses.as_ref().and_then(|held| held.instances.as_ref()).unwrap();
//! assert_eq!(listed.len(), 2);
//! assert!(page.next_token.is_some());
//! let xml = String::from_utf8(page.to_xml()).unwrap();
//! assert!(xml.contains("<applicationStatusesResponseType><instanceSet><item><instanceId>i-1</instanceId>"), "{xml}");
//! ```
//!
//! `ids(..., single, output = f)`: a parent named beside the list rather than in each resource
//! (an `ActiveInstance` does not say which fleet it runs in; DescribeFleetInstances answers the
//! fleet in `<fleetId>`). The source keys each resource under its parent with `parent_key`:
//!
//! ```
//! # use ec2_ops::{ec2_operation, ec2_shape, DescribeContext, DescribeOperation, Ec2Response, InMemorySource, parent_key};
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct ActiveInstance { pub instance_id: String }
//!
//! #[ec2_operation(
//!     action = "DescribeFleetInstances",
//!     resource = ActiveInstance,
//!     resource_id = instance_id,
//!     output(member = "ActiveInstances", xml = "activeInstanceSet"),
//!     ids(key = "FleetId", output = fleet_id, not_found = "InvalidFleetId.NotFound", single),
//!     response(
//!         /// The fleet the instances run in.
//!         fleet_id: Option<String>,
//!     ),
//! )]
//! pub struct DescribeFleetInstances;
//!
//! let instances = InMemorySource::keyed_by_position();
//! for (fleet, instance) in [("fleet-1", "i-1"), ("fleet-2", "i-2"), ("fleet-1", "i-3")] {
//!     let key = parent_key(fleet, instance);
//!     instances.insert_at(key, ActiveInstance { instance_id: instance.into() });
//! }
//! let request = DescribeFleetInstancesRequest::builder().fleet_id("fleet-1").build();
//! let answer = DescribeFleetInstances::run(&request, &instances, &DescribeContext::default()).unwrap();
//! let ids: Vec<_> = answer.active_instances.iter().map(|i| i.instance_id.as_str()).collect();
//! assert_eq!(ids, ["i-1", "i-3"]);
//! let xml = String::from_utf8(answer.to_xml()).unwrap();
//! assert!(xml.contains("</activeInstanceSet><fleetId>fleet-1</fleetId>"), "{xml}");
//! ```
//!
//! `single` and `flatten`: operations that answer one resource, looked up by one required ID or,
//! without `ids`, the one the source holds (account-wide settings):
//!
//! ```
//! # use ec2_ops::{ec2_operation, ec2_shape, DescribeContext, DescribeOperation, Ec2Response, InMemorySource};
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct FpgaImageAttribute { pub fpga_image_id: String, pub name: Option<String> }
//!
//! // `<fpgaImageAttribute>` holds the answer.
//! #[ec2_operation(
//!     action = "DescribeFpgaImageAttribute",
//!     resource = FpgaImageAttribute,
//!     resource_id = fpga_image_id,
//!     output(member = "FpgaImageAttribute", xml = "fpgaImageAttribute", single),
//!     ids(key = "FpgaImageId", prefix = "afi-", single),   // FpgaImageId=afi-1, required
//!     members(attribute: String),
//! )]
//! pub struct DescribeFpgaImageAttribute;
//!
//! let images = InMemorySource::new(|image: &FpgaImageAttribute| image.fpga_image_id.as_str());
//! images.insert(FpgaImageAttribute { fpga_image_id: "afi-1".into(), name: Some("fw".into()) });
//! let context = DescribeContext::default();
//! let ask = |id: &str| DescribeFpgaImageAttributeRequest::builder().fpga_image_id(id).attribute("name").build();
//! let answer = DescribeFpgaImageAttribute::run(&ask("afi-1"), &images, &context).unwrap();
//! assert_eq!(answer.fpga_image_attribute.unwrap().name.as_deref(), Some("fw"));
//! let missing = DescribeFpgaImageAttribute::run(&ask("afi-2"), &images, &context).unwrap_err();
//! assert_eq!(missing.code(), "InvalidFpgaImageID.NotFound");
//!
//! // `flatten`: the members stand at the top of the response, as DescribeVpcAttribute answers
//! // (`<vpcId>` and `<enableDnsSupport>` beside `<requestId>`).
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct VpcAttributes { pub vpc_id: String, pub enable_dns_support: Option<bool> }
//!
//! #[ec2_operation(
//!     action = "DescribeVpcAttribute",
//!     resource = VpcAttributes,
//!     resource_id = vpc_id,
//!     output(member = "VpcAttributes", flatten),
//!     ids(key = "VpcId", prefix = "vpc-", single),
//! )]
//! pub struct DescribeVpcAttribute;
//!
//! let vpcs = InMemorySource::new(|vpc: &VpcAttributes| vpc.vpc_id.as_str());
//! vpcs.insert(VpcAttributes { vpc_id: "vpc-1".into(), enable_dns_support: Some(true) });
//! let request = DescribeVpcAttributeRequest::builder().vpc_id("vpc-1").build();
//! let xml = String::from_utf8(DescribeVpcAttribute::run(&request, &vpcs, &context).unwrap().to_xml()).unwrap();
//! assert!(xml.contains("</requestId><vpcId>vpc-1</vpcId><enableDnsSupport>true</enableDnsSupport></Describe"), "{xml}");
//! ```
//!
//! `settings`: a `Get*` read of one account-wide structure, answered from what the source holds,
//! else from a new account's documented settings:
//!
//! ```
//! # use ec2_ops::{ec2_operation, ec2_shape, DescribeContext, DescribeOperation, Ec2Response, InMemorySource, Operation};
//! #[ec2_shape]
//! #[derive(Debug, Clone, Default, PartialEq)]
//! pub struct SerialConsoleAccess { pub serial_console_access_enabled: Option<bool> }
//!
//! /// "By default, access to the EC2 serial console is disabled for your account."
//! fn new_account() -> SerialConsoleAccess {
//!     SerialConsoleAccess { serial_console_access_enabled: Some(false) }
//! }
//!
//! #[ec2_operation(
//!     action = "GetSerialConsoleAccessStatus",
//!     resource = SerialConsoleAccess,
//!     settings(default = new_account),
//!     dry_run,
//! )]
//! pub struct GetSerialConsoleAccessStatus;
//!
//! let held = InMemorySource::new(|settings: &SerialConsoleAccess| GetSerialConsoleAccessStatus::resource_id(settings));
//! let request = GetSerialConsoleAccessStatusRequest::default();
//! let context = DescribeContext::default();
//! let xml = |held: &InMemorySource<SerialConsoleAccess>| {
//!     String::from_utf8(GetSerialConsoleAccessStatus::run(&request, held, &context).unwrap().to_xml()).unwrap()
//! };
//! assert!(xml(&held).contains("</requestId><serialConsoleAccessEnabled>false</serialConsoleAccessEnabled></Get"));
//! held.insert(SerialConsoleAccess { serial_console_access_enabled: Some(true) });
//! assert!(xml(&held).contains("<serialConsoleAccessEnabled>true</serialConsoleAccessEnabled>"));
//! ```
//!
//! ## `#[ec2_shape]` reference
//!
//! On a struct with named fields: an EC2 structure. On an enum with unit variants (and at most one `#[ec2(other)]` variant): an EC2 string enum.
//! Field types: `String`, `bool`, `i32`, `i64`, `f64`, [`DateTime`], [`Blob`], [`Tag`], other shapes,
//! and `Option<T>` (absent when `None`), `Vec<T>` (a list, rendered as a wrapper with `<item>`
//! children) or `Option<Vec<T>>` (a list that may be absent) of those.
//!
//! | item argument | meaning |
//! |---|---|
//! | `#[ec2_shape(response_only)]` | no request carries the shape, so it gets no Query codec ([`QueryEncode`](wire::query::QueryEncode), [`QueryDecode`](wire::query::QueryDecode)): in `ec2-ops-catalog`, where 916 of 942 shapes are, it cut the compiler's peak memory by 18%. Using it in a request member, or in a shape that has the Query codec, is a compile error naming the type |
//!
//! | field attribute | default | meaning |
//! |---|---|---|
//! | `#[ec2(name = "AWSAccessKeyId")]` | PascalCase of the field (`bundle_id` → `BundleId`) | the member name: AWS CLI JSON key and Query key |
//! | `#[ec2(xml = "S3")]` | lowerCamel of the field (`bundle_id` → `bundleId`) | the XML element name, where EC2 deviates from its rule |
//! | `#[ec2(item = "member")]` | `item` | the element name of a list's items (lists only) |
//! | `#[ec2(query = "Name")]` | the member name | the Query key, where it differs from the member name |
//! | `#[ec2(value = "in-use")]` (variants) | kebab-case of the variant (`InUse` → `in-use`) | the enum's wire value |
//! | `#[ec2(other)] Unknown(String)` (one variant) | none: without it an unlisted value is an error | holds any value the enum does not list, so a response or seed carrying a value EC2 added later is kept, rendered and filtered as its text (`as_str` then borrows instead of being `const`). Every enum this crate ships has one |
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
//! #[derive(Debug, Clone, PartialEq)]
//! pub enum Tier {
//!     Standard,                                    // "standard"
//!     #[ec2(value = "ONE_ZONE")]
//!     OneZone,
//!     #[ec2(other)]
//!     Unknown(String),                             // any other value, kept
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
//! assert_eq!("GLACIER_IR".parse::<Tier>().unwrap(), Tier::Unknown("GLACIER_IR".into()));
//! ```
//!
//! ## Expansion
//!
//! For `#[ec2_operation(action = "DescribeWidgets", ...)] pub struct DescribeWidgets;` the macro
//! writes (full listings of the first two operations are in `ec2-ops-macros/snapshots/`):
//!
//! - `pub struct DescribeWidgetsRequest { widget_ids, filters, max_results, next_token, dry_run }`
//!   (only the members the declaration has), with serde in the AWS CLI's JSON shape, a
//!   `DescribeWidgetsRequestBuilder` (`widget_id`, `widget_ids`, `filter`, `max_results`,
//!   `next_token`, `dry_run`, `build`), and [`Ec2Request`] (`from_query`, `to_query`);
//! - `pub struct DescribeWidgetsResponse { request_id, widgets, next_token }` with serde and
//!   [`Ec2Response`] (`to_xml`, `from_xml`);
//! - `impl Operation for DescribeWidgets`: a const [`OperationSpec`] (filter names, ID rules, bounds)
//!   and a `filter_matches` that is a `match` over filter indices doing direct field access;
//! - `impl Operation` also has `filter_texts` (the wire texts each field filter compares: what
//!   generated truth tables read) and, with `nested`, reaches the items' IDs and tags;
//! - `impl DescribeOperation for DescribeWidgets`, whose `run` is the whole pipeline: DryRun →
//!   validation → IDs → filters → pagination → response; [`Service::register`] routes to it. Its
//!   `resource_tags` answers a stored unit's tags through [`Tagged`] (with `nested`, the unit's one
//!   item's), so a DescribeTags view lists any operation's tags the same way.
//!
//! `#[ec2_shape]` implements serde's `Serialize` and `Deserialize` in the AWS CLI's JSON shape
//! (a call per member into shared runtime code, not a derive's expansion per type), the XML codec
//! traits, the Query codec traits (unless `response_only`), [`FilterPath`] (so filter paths can
//! go through it), and on a structure [`Tagged`]: the tags of its `Vec<Tag>` or `Option<Vec<Tag>>`
//! field whose XML name is `tagSet` (EC2's name for a resource's own tags), or none.
//!
//! ## Semantics
//!
//! The runtime's modules document each rule: [`Pattern`] (wildcards), [`CompiledFilters`] (filters
//! and limits), [`describe()`] (IDs, pagination, DryRun), [`TokenKey`] (tokens), [`wire::query`],
//! [`wire::xml`], [`FromWireText`] (how scalars are read), [`error`].
//! Where AWS is vague, the choice made is written there.

#![warn(missing_docs)]

// The shipped operations use the public macros, which name this crate by its absolute path.
extern crate self as ec2_ops;

pub use ec2_ops_macros::{ec2_operation, ec2_shape};
pub use ec2_ops_runtime::*;

pub mod operations;

#[doc = include_str!("../docs/adding-an-operation.md")]
pub mod guide {}

/// A light EC2 client for the declared operations: SigV4-signed requests, typed responses and
/// errors, retries, paginators (the `ec2-ops-client` crate; cargo feature `client`).
#[cfg(feature = "client")]
pub use ec2_ops_client as client;

// The README's Rust snippets are compiled as doctests, so the README stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

// `ec2_ops::__private`, the surface generated code names, is the runtime's own `__private` module,
// re-exported with everything else above.
