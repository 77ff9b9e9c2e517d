//! From the model to declarations: which shapes an operation needs, how its output is answered,
//! which input members are ID lists, members, filters, pagination and `DryRun`.

use std::collections::{BTreeMap, BTreeSet};

use crate::decisions::{Also, Finishing, Hook, HookKind, IdsDecision, ResourceKey};
use crate::filters::{self, Mapping};
use crate::model::{Model, Shape, ShapeRef};
use crate::names;

/// A Rust item the declarations need.
#[derive(Debug)]
pub enum ShapeDecl {
    /// An `#[ec2_shape]` struct.
    Struct {
        /// The type name.
        name: String,
        /// One line of documentation.
        doc: String,
        /// Its fields, in model order.
        fields: Vec<FieldDecl>,
    },
    /// An `#[ec2_shape]` string enum, with an `Unlisted(String)` variant for values the model does
    /// not list yet (EC2 adds values; a replayed account must still parse).
    Enum {
        /// The type name.
        name: String,
        /// `(variant, value)`, in model order.
        variants: Vec<(String, String)>,
    },
}

impl ShapeDecl {
    /// The Rust type name.
    pub fn name(&self) -> &str {
        match self {
            ShapeDecl::Struct { name, .. } | ShapeDecl::Enum { name, .. } => name,
        }
    }
}

/// One field: of a shape, a request member or a response member.
#[derive(Debug, Clone)]
pub struct FieldDecl {
    /// The Rust field name (raw where a keyword).
    pub ident: String,
    /// The Rust type.
    pub ty: String,
    /// One line of documentation.
    pub doc: String,
    /// `#[ec2(name = ...)]`: the member name, where the field name does not derive it.
    pub name: Option<String>,
    /// `#[ec2(xml = ...)]`.
    pub xml: Option<String>,
    /// `#[ec2(item = ...)]`.
    pub item: Option<String>,
    /// `#[ec2(query = ...)]`.
    pub query: Option<String>,
    /// `#[ec2(listed)]`: the `Attribute` of an attribute operation, whose values outside the enum
    /// EC2 refuses ("Unknown attribute.") where the catalog could only answer nothing.
    pub listed: bool,
}

/// How the response holds the resources.
#[derive(Debug)]
pub enum OutputDecl {
    /// A list: `output(member, xml [, item])`, or held in a structure of the response:
    /// `output(member, xml, wrapper = Type, list = field)`.
    List {
        /// The member name.
        member: String,
        /// The wrapper element.
        xml: String,
        /// The item element, where not `item`.
        item: Option<String>,
        /// The structure holding the list, where the response holds one.
        within: Option<Within>,
    },
    /// One resource or none in an element of its own: `output(member, xml, single)`.
    Single {
        /// The member name.
        member: String,
        /// The element.
        xml: String,
    },
    /// The resource's members at the top of the response: `output(member, flatten)`.
    Flatten {
        /// The member name.
        member: String,
    },
    /// A `Get*` read of the account's settings: `settings(default = ...)`, the settings' members
    /// at the top of the response, held once.
    Settings {
        /// The catalog `settings` module's function giving a new account's settings.
        default: String,
    },
}

/// A structure of the response holding the resources' list (DescribeApplicationStatus'
/// `ApplicationStatuses`, whose `Instances` are the resources).
#[derive(Debug)]
pub struct Within {
    /// The structure's type.
    pub wrapper: String,
    /// Its field holding the list.
    pub list: String,
    /// The list's member name (`Instances`).
    pub list_member: String,
}

/// An `ids(...)` list.
#[derive(Debug)]
pub struct IdsDecl {
    /// The Query key.
    pub key: String,
    /// The member name, where it is not `key` + `s`.
    pub member: Option<String>,
    /// The resource field it matches, where not the resource ID.
    pub field: Option<String>,
    /// One required ID sent under the key itself.
    pub single: bool,
    /// The not-found code, where EC2's is not the one derived from the key.
    pub not_found: Option<String>,
    /// Its values only narrow the answer (a person decided): a value no resource holds selects
    /// nothing. Such a list is never the resource's own IDs.
    pub narrows: bool,
    /// With `single`: the one ID may be left out (the model does not require it).
    pub optional: bool,
    /// The operation whose resources the values name, where the key is that operation's own ID
    /// (`ClientVpnEndpointId` of DescribeClientVpnRoutes names a DescribeClientVpnEndpoints
    /// resource).
    pub parent: Option<String>,
    /// The response field naming, beside the list, the parent the answer's resources belong to
    /// (`fleet_id` of DescribeFleetInstances): the one required ID selects that parent's.
    pub output: Option<String>,
}

/// One documented filter and where it goes.
#[derive(Debug)]
pub struct FilterDecl {
    /// The name as EC2 spells it.
    pub name: String,
    /// Its mapping.
    pub mapping: Mapping,
    /// Where the name comes from.
    pub origin: FilterOrigin,
}

/// Where a filter name comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterOrigin {
    /// The filter list of the operation's documentation.
    Documented,
    /// Another name of this documented filter, which the documentation gives ("You can also use
    /// `availabilityZone` as the filter name").
    DocumentedAliasOf(String),
    /// A name EC2 accepts without documenting it (a person decided, on this line of the
    /// decisions): another name of the documented filter, if one.
    Accepted {
        /// The decision's line.
        line: usize,
        /// The documented filter it is another name of.
        alias_of: Option<String>,
    },
}

/// One `#[ec2_operation]`.
#[derive(Debug)]
pub struct OperationDecl {
    /// The action.
    pub action: String,
    /// One line of documentation.
    pub doc: String,
    /// The resource type.
    pub resource: String,
    /// The resource ID field.
    pub resource_id: String,
    /// Where no member is unique to a resource (a person decided): why. A source then keys the
    /// resources by position.
    pub keyed_by_position: Option<String>,
    /// The output.
    pub output: OutputDecl,
    /// ID lists.
    pub ids: Vec<IdsDecl>,
    /// Further request members.
    pub members: Vec<FieldDecl>,
    /// The filter key (`Filter` or `Filters`) and the documented filters, if the operation has any.
    pub filters: Option<(String, Vec<FilterDecl>)>,
    /// The list member (its field) whose values make EC2 ignore the filters (a person decided).
    pub filters_ignored_with: Option<String>,
    /// `paginate`, with documented bounds.
    pub paginate: Option<(Option<i64>, Option<i64>)>,
    /// `dry_run`.
    pub dry_run: bool,
    /// Response members beside the resources.
    pub response: Vec<FieldDecl>,
    /// The catalog's `validation` function checking the request's own rules, and the members it
    /// checks (a person decided).
    pub validate: Option<Hook>,
    /// The catalog's `visibility` function applying scoping members, and those members (a person
    /// decided).
    pub visible: Option<Hook>,
    /// The catalog's `responses` function shaping the response by the request (`Attribute`), and
    /// the members it applies (a person decided).
    pub respond: Option<Hook>,
    /// The request members (model names) the model requires, but for `MaxResults`, `NextToken`
    /// and `DryRun`, which a paginator sends (DescribeByoipCidrs requires `MaxResults`).
    pub required: Vec<String>,
    /// The request members (model names) of [`OperationDecl::members`] that change nothing: no ID
    /// list, filter, page, `DryRun` or decided hook applies them, and no reason was written.
    pub unapplied: Vec<String>,
    /// The request members (model names) not applied for a reason a person wrote (what their
    /// meaning needs that no seed holds), with the reason.
    pub unapplied_for_reason: Vec<(String, String)>,
}

impl OperationDecl {
    /// The hooks decided for the operation, in the order its declaration names them.
    pub fn hooks(&self) -> impl Iterator<Item = (HookKind, &Hook)> {
        HookKind::ALL.into_iter().filter_map(|kind| {
            match kind {
                HookKind::Validate => self.validate.as_ref(),
                HookKind::Visible => self.visible.as_ref(),
                HookKind::Respond => self.respond.as_ref(),
            }
            .map(|hook| (kind, hook))
        })
    }
}

/// Declarations for a set of operations, with every shape they reach written once.
#[derive(Debug, Default)]
pub struct Plan {
    /// Shapes, in the order first reached.
    pub shapes: Vec<ShapeDecl>,
    /// Operations, in the order asked for.
    pub operations: Vec<OperationDecl>,
    /// Enums a request holds as a required member: they derive `Default` (their first value).
    pub defaulted: BTreeSet<String>,
    /// Structures and enums a request carries: only they get the Query codec (the others are
    /// `#[ec2_shape(response_only)]`), and only these structures' fields need a Query key.
    pub in_requests: BTreeSet<String>,
    /// Shapes reached but declared elsewhere (see [`plan_beside`]), in the order first reached,
    /// with those declared elsewhere that they reach: none of these, nor anything else reached only
    /// through them, is in [`Plan::shapes`].
    pub elsewhere: Vec<String>,
}

/// Plans `actions`.
///
/// # Errors
/// A message naming the operation and what in the model the scaffold cannot declare.
pub fn plan(model: &Model, finishing: &Finishing, actions: &[&str]) -> Result<Plan, String> {
    plan_beside(model, finishing, actions, &BTreeSet::new())
}

/// Plans `actions` beside the shapes `declared` elsewhere (by type name): a shape of those is
/// recorded in [`Plan::elsewhere`] instead of planned, with the shapes of `declared` it reaches
/// (its declaration names their types), and nothing else it reaches is planned through it.
///
/// # Errors
/// As [`plan`].
pub fn plan_beside(
    model: &Model,
    finishing: &Finishing,
    actions: &[&str],
    declared: &BTreeSet<String>,
) -> Result<Plan, String> {
    let mut planner = Planner {
        model,
        finishing,
        plan: Plan::default(),
        planned: BTreeSet::new(),
        declared,
    };
    for action in actions {
        let operation = planner
            .operation(action)
            .map_err(|problem| format!("{action}: {problem}"))?;
        planner.plan.operations.push(operation);
    }
    name_parents(&mut planner.plan.operations);
    Ok(planner.plan)
}

/// A single ID naming a resource field whose key is another planned operation's own ID list
/// (`ClientVpnEndpointId`) names that operation's resources: it gets that operation as its parent,
/// and its not-found code; so does such a list where the operation is about the other's
/// resources (the `ImageId.N` of DescribeImageReferences).
fn name_parents(operations: &mut [OperationDecl]) {
    let own: BTreeMap<String, (String, Option<String>)> = operations
        .iter()
        .filter_map(|operation| {
            let ids = operation
                .ids
                .iter()
                .find(|ids| ids.field.is_none() && ids.output.is_none())?;
            Some((
                ids.key.clone(),
                (operation.action.clone(), ids.not_found.clone()),
            ))
        })
        .collect();
    for operation in operations.iter_mut() {
        let action = operation.action.clone();
        for ids in operation
            .ids
            .iter_mut()
            .filter(|ids| (ids.field.is_some() || ids.output.is_some()) && !ids.narrows)
        {
            // A list's key is shared more loosely (`ReportId` names declarative policies reports
            // and image usage reports alike): a list names a parent only where the operation is
            // about the parent's resource (DescribeImageReferences, of DescribeImages).
            let about = |parent: &str| {
                ids.single
                    || parent
                        .strip_prefix("Describe")
                        .and_then(|noun| noun.strip_suffix('s'))
                        .is_some_and(|noun| action.contains(noun))
            };
            if let Some((parent, not_found)) = own
                .get(&ids.key)
                .filter(|(parent, _)| *parent != action && about(parent))
            {
                ids.parent = Some(parent.clone());
                if ids.not_found.is_none() {
                    ids.not_found.clone_from(not_found);
                }
            }
        }
    }
}

struct Planner<'m> {
    model: &'m Model,
    finishing: &'m Finishing,
    plan: Plan,
    planned: BTreeSet<String>,
    declared: &'m BTreeSet<String>,
}

/// The request members every paginated, filtered, dry-runnable operation has, which keys declare.
const PROTOCOL_MEMBERS: [&str; 3] = ["DryRun", "MaxResults", "NextToken"];

impl Planner<'_> {
    fn operation(&mut self, action: &str) -> Result<OperationDecl, String> {
        let model = self.model;
        let operation = model
            .operations
            .get(action)
            .ok_or_else(|| "the model has no such operation".to_owned())?;
        let input_name = operation.input.as_ref().map(|input| input.shape.as_str());
        let input: &[(String, ShapeRef)] = match input_name {
            Some(name) => model.members(name)?,
            None => &[],
        };
        let required: &[String] = match input_name.map(|name| model.shape(name)) {
            Some(Ok(Shape::Structure { required, .. })) => required,
            _ => &[],
        };
        let output_name = &operation
            .output
            .as_ref()
            .ok_or_else(|| "the operation has no output".to_owned())?
            .shape;
        let output = model.members(output_name)?;
        let has = |name: &str| input.iter().any(|(member, _)| member == name);
        // An attribute operation answers one resource's members, the resource named by a required
        // ID that the answer repeats (`ImageId`), and is never paged.
        let attributes = !output.iter().any(|(member, _)| member == "NextToken")
            && input.iter().any(|(member, reference)| {
                required.contains(member)
                    && self.is_text(&reference.shape)
                    && output
                        .iter()
                        .any(|(answered, answer)| answered == member && self.is_text(&answer.shape))
            });
        // A settings read answers one structure of the account's settings, which the model
        // cannot give a new account's value of: a person decides it.
        let (resource, output_decl, listed) = if model.settings_operations().contains(&action) {
            let default = self.finishing.settings_default(action).ok_or_else(|| {
                format!(
                    "a settings read: decide a new account's answer, `{action} settings default = function` (a function of the catalog's `settings` module)"
                )
            })?;
            let (resource, _, listed) = self.flattened(action, output_name, output)?;
            let settings = OutputDecl::Settings {
                default: default.to_owned(),
            };
            (resource, settings, listed)
        } else {
            self.output(action, output_name, output, attributes)?
        };
        // A single answer is never paged: its `MaxResults` and `NextToken` stay plain members.
        let paginated =
            has("NextToken") && has("MaxResults") && matches!(output_decl, OutputDecl::List { .. });
        let resource_fields = model.members(&resource.model)?;
        let has_text_field = |field: &str| {
            resource_fields
                .iter()
                .any(|(name, reference)| name == field && self.is_text(&reference.shape))
        };
        // A list of values names a field of text, or of an enum its values are texts of or the
        // same enum (`InstanceType.N` of DescribeInstanceTypes, an `InstanceTypeInfo`'s
        // `InstanceType`).
        let has_field_of = |field: &str, element: &str| {
            resource_fields.iter().any(|(name, reference)| {
                name == field
                    && (self.is_text(&reference.shape)
                        || (self.is_enum(&reference.shape)
                            && (self.is_text(element) || reference.shape == element)))
            })
        };

        // ID lists: `XIds` beside a resource field `XId` of text; `Xs` of an enum beside a field
        // `X` of that enum.
        let mut ids = Vec::new();
        let mut used: BTreeSet<&str> = BTreeSet::new();
        let single = !matches!(output_decl, OutputDecl::List { .. });
        // One text value beside a text field of the same name (`ClientVpnEndpointId` of a route,
        // `TrafficMirrorFilterId` of a filter rule) selects by that field: never the resources'
        // own ID list, as one value is not a list.
        let mut one_values = Vec::new();
        // One required text value that no resource holds but every answer repeats beside its list
        // (`FleetId` of DescribeFleetInstances) names the parent the resources belong to.
        let answered_beside = |member: &str| {
            output
                .iter()
                .any(|(answered, answer)| answered == member && self.is_text(&answer.shape))
        };
        for (member, reference) in input {
            if !single
                && required.contains(member)
                && self.is_text(&reference.shape)
                && !has_text_field(member)
                && answered_beside(member)
            {
                let key = reference.query_key(member);
                let not_found = match self.finishing.ids(action, &key) {
                    Some(IdsDecision::NotFound(code)) => Some(code.clone()),
                    _ => None,
                };
                one_values.push(IdsDecl {
                    not_found,
                    narrows: false,
                    member: None,
                    key,
                    field: None,
                    single: true,
                    optional: false,
                    parent: None,
                    output: Some(names::field_ident(&names::snake(member))),
                });
                used.insert(member);
                continue;
            }
            let (field, one_value) = if single {
                let own = required.contains(member)
                    && self.is_text(&reference.shape)
                    && has_text_field(member);
                (own.then_some(member.as_str()), false)
            } else if let Some(element) = self.value_list_element(&reference.shape) {
                let field = member
                    .strip_suffix('s')
                    .filter(|field| has_field_of(field, element));
                (field, false)
            } else {
                let one = member != "NextToken"
                    && self.is_text(&reference.shape)
                    && has_text_field(member);
                (one.then_some(member.as_str()), true)
            };
            let Some(field) = field else { continue };
            let key = reference.query_key(member);
            let decision = self.finishing.ids(action, &key);
            let list = IdsDecl {
                not_found: match decision {
                    Some(IdsDecision::NotFound(code)) => Some(code.clone()),
                    _ => None,
                },
                narrows: decision == Some(&IdsDecision::Narrows),
                member: (!single && !one_value && *member != format!("{key}s"))
                    .then(|| member.clone()),
                key,
                field: Some(names::field_ident(&names::snake(field))),
                single: single || one_value,
                optional: one_value && !required.contains(member),
                parent: None,
                output: None,
            };
            if one_value {
                one_values.push(list);
            } else {
                ids.push(list);
            }
            used.insert(member);
        }
        // The resource's own IDs come first: the macro takes the first list without a field as
        // them, and a list that narrows is never them.
        ids.sort_by_key(|list| list.narrows);
        let decided = self.finishing.resource_key(action);
        let resource_id = match (ids.first().filter(|list| !list.narrows), decided) {
            // Held once per account and region: no member identifies it.
            _ if matches!(output_decl, OutputDecl::Settings { .. }) => String::new(),
            // A decided key wins over the first ID list, which then names other resources than
            // these: DescribeImageReferences' `ImageId.N` names images, each with many
            // references, so the references are keyed by their `Arn`.
            (_, Some(ResourceKey::Member(member))) => {
                if !has_text_field(member) {
                    return Err(format!(
                        "{action}: `resource_id = {member}`: `{}` has no text member `{member}`",
                        resource.model
                    ));
                }
                names::field_ident(&names::snake(member))
            }
            (Some(first), Some(ResourceKey::Position(_))) => {
                return Err(format!(
                    "{action}: its resources are keyed by its ID list `{}`, not by position",
                    first.key
                ));
            }
            (Some(first), None) => first.field.clone().unwrap_or_default(),
            (None, _) => {
                let parents: Vec<&str> = input
                    .iter()
                    .filter(|(member, reference)| {
                        required.contains(member) && self.is_text(&reference.shape)
                    })
                    .map(|(member, _)| member.as_str())
                    .collect();
                self.resource_id(&resource.model, &parents)?
            }
        };
        let keyed_by_position = match decided {
            Some(ResourceKey::Position(reason)) => Some(reason.clone()),
            _ => None,
        };
        for list in ids.iter_mut().filter(|list| !list.narrows) {
            if list.field.as_deref() == Some(resource_id.as_str()) {
                list.field = None;
            }
        }
        ids.extend(one_values);

        let mut filters = None;
        let mut members = Vec::new();
        // The model name of each of `members`.
        let mut member_names: Vec<&str> = Vec::new();
        for (member, reference) in input {
            if used.contains(member.as_str())
                || (paginated && (member == "MaxResults" || member == "NextToken"))
                || member == "DryRun"
            {
                continue;
            }
            if filters::element_shape(model, &reference.shape) == "Filter" {
                let mut decls: Vec<FilterDecl> = Vec::new();
                for name in filters::documented(&reference.documentation) {
                    let mapping =
                        match self
                            .finishing
                            .decision(model, action, &resource.model, &name)?
                        {
                            Some(decision) => decision,
                            None => filters::map(model, &resource.model, &name),
                        };
                    decls.push(FilterDecl {
                        name,
                        mapping,
                        origin: FilterOrigin::Documented,
                    });
                }
                let mapping_of = |decls: &[FilterDecl], name: &str| {
                    decls
                        .iter()
                        .find(|decl| decl.name == name)
                        .map(|decl| decl.mapping.clone())
                };
                for (alias, name) in filters::documented_aliases(&reference.documentation) {
                    let mapping = mapping_of(&decls, &name).expect("an alias is of a listed name");
                    if mapping_of(&decls, &alias).is_none() {
                        decls.push(FilterDecl {
                            name: alias,
                            mapping,
                            origin: FilterOrigin::DocumentedAliasOf(name),
                        });
                    }
                }
                for (line, name, decision) in self.finishing.also(model, action, &resource.model)? {
                    if mapping_of(&decls, &name).is_some() {
                        return Err(format!(
                            "{action}: line {line} of the decisions: `{name}` is a documented filter name already"
                        ));
                    }
                    let (mapping, alias_of) = match decision {
                        Also::Path(path) => (Mapping::Path(path), None),
                        Also::NameOf(documented) => {
                            let mapping = mapping_of(&decls, &documented).ok_or_else(|| {
                                format!(
                                    "{action}: line {line} of the decisions: `{documented}` is not a documented filter of the operation"
                                )
                            })?;
                            (mapping, Some(documented))
                        }
                    };
                    decls.push(FilterDecl {
                        name,
                        mapping,
                        origin: FilterOrigin::Accepted { line, alias_of },
                    });
                }
                filters = Some((reference.query_key(member), decls));
                continue;
            }
            let required =
                required.contains(member) && !PROTOCOL_MEMBERS.contains(&member.as_str());
            if required && let Ok(Shape::String { values: Some(_) }) = model.shape(&reference.shape)
            {
                // The request type's `Default` holds a value for every required member.
                self.plan
                    .defaulted
                    .insert(names::type_ident(&reference.shape));
            }
            self.mark_in_requests(&reference.shape);
            members.push(self.field(member, reference, Wrap::Request { required })?);
            member_names.push(member.as_str());
        }
        let filters_ignored_with = match self.finishing.filters_ignored_with(action) {
            None => None,
            Some((line, member)) => {
                let field = member_names
                    .iter()
                    .position(|name| *name == member)
                    .map(|index| &members[index])
                    .filter(|field| field.ty.starts_with("Vec<") && filters.is_some())
                    .ok_or_else(|| {
                        format!(
                            "{action}: line {line} of the decisions: `{member}` is not a list member of an operation with filters"
                        )
                    })?;
                Some(field.ident.clone())
            }
        };

        let plain: Vec<&str> = input
            .iter()
            .filter(|(member, _)| {
                !used.contains(member.as_str())
                    && !(paginated && (member == "MaxResults" || member == "NextToken"))
                    && member != "DryRun"
                    && filters::element_shape(model, &input_shape_of(input, member)) != "Filter"
            })
            .map(|(member, _)| member.as_str())
            .collect();
        let hooks: Vec<(usize, &Hook)> = HookKind::ALL
            .into_iter()
            .filter_map(|kind| self.finishing.hook(action, kind))
            .collect();
        for (line, hook) in &hooks {
            if let Some(stray) = hook
                .members
                .iter()
                .find(|member| !plain.contains(&member.as_str()))
            {
                return Err(format!(
                    "{action}: line {line} of the decisions: `{stray}` is not a plain request member of the operation (its plain members: {})",
                    plain.join(", ")
                ));
            }
        }
        // An `Attribute` of one value (DescribeAddressesAttribute's `domain-name`) is applied by
        // being checked (`#[ec2(listed)]`): the one attribute is the whole record.
        let sole_attribute = |member: &str| {
            member == "Attribute"
                && matches!(
                    model.shape(&input_shape_of(input, member)),
                    Ok(Shape::String { values: Some(values) }) if values.len() == 1
                )
        };
        let applied = |member: &str| {
            sole_attribute(member)
                || hooks
                    .iter()
                    .any(|(_, hook)| hook.members.iter().any(|applied| applied == member))
        };
        let (mut unapplied, mut unapplied_for_reason) = (Vec::new(), Vec::new());
        for member in &plain {
            match self.finishing.unapplied_reason(action, member) {
                Some((line, _)) if applied(member) => {
                    return Err(format!(
                        "{action}: line {line} of the decisions says why `{member}` is not applied, but a hook applies it"
                    ));
                }
                Some((_, reason)) => {
                    unapplied_for_reason.push(((*member).to_owned(), reason.to_owned()));
                }
                None if applied(member) => {}
                None => unapplied.push((*member).to_owned()),
            }
        }
        if let Some((line, stray)) = self
            .finishing
            .unapplied_members(action)
            .find(|(_, member)| !plain.contains(member))
        {
            return Err(format!(
                "{action}: line {line} of the decisions: `{stray}` is not a plain request member of the operation (its plain members: {})",
                plain.join(", ")
            ));
        }

        let paginate = paginated.then(|| {
            let bounds = input
                .iter()
                .find(|(member, _)| member == "MaxResults")
                .and_then(|(_, reference)| match model.shape(&reference.shape) {
                    // A documented minimum of 0 admits no empty page: the smallest page is one.
                    Ok(Shape::Integer { min, max }) => Some((min.map(|min| min.max(1)), *max)),
                    _ => None,
                });
            bounds.unwrap_or((None, None))
        });

        let mut response = Vec::new();
        for (member, reference) in output {
            if listed.contains(&member.as_str()) || (paginated && member == "NextToken") {
                continue;
            }
            response.push(self.field(member, reference, Wrap::Response)?);
        }

        Ok(OperationDecl {
            action: action.to_owned(),
            doc: names::doc_line(&operation.documentation),
            resource: resource.type_name,
            resource_id,
            keyed_by_position,
            output: output_decl,
            ids,
            members,
            filters,
            filters_ignored_with,
            paginate,
            dry_run: has("DryRun"),
            response,
            validate: self
                .finishing
                .hook(action, HookKind::Validate)
                .map(|(_, hook)| hook.clone()),
            visible: self
                .finishing
                .hook(action, HookKind::Visible)
                .map(|(_, hook)| hook.clone()),
            respond: self
                .finishing
                .hook(action, HookKind::Respond)
                .map(|(_, hook)| hook.clone()),
            required: required
                .iter()
                .filter(|member| !PROTOCOL_MEMBERS.contains(&member.as_str()))
                .cloned()
                .collect(),
            unapplied,
            unapplied_for_reason,
        })
    }

    /// The resource, the output declaration, and the output members it accounts for.
    fn output<'o>(
        &mut self,
        action: &str,
        output_name: &str,
        output: &'o [(String, ShapeRef)],
        attributes: bool,
    ) -> Result<(Resource, OutputDecl, Vec<&'o str>), String> {
        let model = self.model;
        let is_structure = |shape: &str| matches!(model.shape(shape), Ok(Shape::Structure { .. }));
        let list = output.iter().filter(|_| !attributes).find(|(_, reference)| {
            matches!(model.shape(&reference.shape), Ok(Shape::List { member }) if is_structure(&member.shape))
        });
        if let Some((member, reference)) = list {
            let Ok(Shape::List { member: element }) = model.shape(&reference.shape) else {
                unreachable!("found as a list above");
            };
            self.shape(&element.shape)?;
            let item = element.location_name.as_deref().unwrap_or("member");
            return Ok((
                Resource::named(&element.shape),
                OutputDecl::List {
                    member: member.clone(),
                    xml: reference.xml_name(member).to_owned(),
                    item: (item != "item").then(|| item.to_owned()),
                    within: None,
                },
                vec![member.as_str()],
            ));
        }
        // One structure, and perhaps the `NextToken` of a paged answer held inside it.
        let answered: Vec<&(String, ShapeRef)> = output
            .iter()
            .filter(|(member, _)| member != "NextToken")
            .collect();
        // A paged list held in a structure of its own (`ApplicationStatuses.Instances`).
        if let [(member, reference)] = answered.as_slice()
            && output.iter().any(|(member, _)| member == "NextToken")
            && let Ok([(list_member, list)]) = model.members(&reference.shape)
            && let Ok(Shape::List { member: element }) = model.shape(&list.shape)
            && is_structure(&element.shape)
        {
            self.shape(&reference.shape)?;
            return Ok((
                Resource::named(&element.shape),
                OutputDecl::List {
                    member: member.clone(),
                    xml: reference.xml_name(member).to_owned(),
                    item: None,
                    within: Some(Within {
                        wrapper: names::type_ident(&reference.shape),
                        list: names::field_ident(&names::snake(list_member)),
                        list_member: list_member.clone(),
                    }),
                },
                vec![member.as_str()],
            ));
        }
        if let [(member, reference)] = answered.as_slice()
            && is_structure(&reference.shape)
            && self.resource_id(&reference.shape, &[]).is_ok()
        {
            self.shape(&reference.shape)?;
            return Ok((
                Resource::named(&reference.shape),
                OutputDecl::Single {
                    member: member.clone(),
                    xml: reference.xml_name(member).to_owned(),
                },
                vec![member.as_str()],
            ));
        }
        self.flattened(action, output_name, output)
    }

    /// The whole answer as one resource, its members at the top of the response (attribute
    /// operations, settings reads).
    fn flattened<'o>(
        &mut self,
        action: &str,
        output_name: &str,
        output: &'o [(String, ShapeRef)],
    ) -> Result<(Resource, OutputDecl, Vec<&'o str>), String> {
        let model = self.model;
        let member = output_name
            .strip_prefix("Describe")
            .unwrap_or(output_name)
            .trim_end_matches("Result")
            .trim_end_matches("Output")
            .to_owned();
        let resource = if model.shapes.contains_key(&member) || member == action {
            output_name.to_owned()
        } else {
            member.clone()
        };
        self.structure(&resource, output_name)?;
        Ok((
            Resource {
                model: output_name.to_owned(),
                type_name: names::type_ident(&resource),
            },
            OutputDecl::Flatten { member },
            output.iter().map(|(member, _)| member.as_str()).collect(),
        ))
    }

    fn is_text(&self, shape: &str) -> bool {
        matches!(self.model.shape(shape), Ok(Shape::String { values: None }))
    }

    fn is_enum(&self, shape: &str) -> bool {
        matches!(
            self.model.shape(shape),
            Ok(Shape::String { values: Some(_) })
        )
    }

    /// The element shape of a list of text or enum values.
    fn value_list_element<'s>(&'s self, shape: &str) -> Option<&'s str> {
        match self.model.shape(shape) {
            Ok(Shape::List { member })
                if self.is_text(&member.shape) || self.is_enum(&member.shape) =>
            {
                Some(member.shape.as_str())
            }
            _ => None,
        }
    }

    /// A field to order and look up resources by: an `...Id`, else a name, an ARN or a key, else any
    /// text, else an enum (an instance type names its instance type's entry), else a switch (an
    /// account-wide setting). Members that name a parent rather than the resource (`parents`: the
    /// request's required text members, as `ClientVpnEndpointId` for a Client VPN endpoint's
    /// connections) and a `NextToken` are passed over while anything else can serve.
    fn resource_id(&self, resource: &str, parents: &[&str]) -> Result<String, String> {
        let members = self.model.members(resource)?;
        let own: Vec<&(String, ShapeRef)> = members
            .iter()
            .filter(|(member, _)| member != "NextToken" && !parents.contains(&member.as_str()))
            .collect();
        let all: Vec<&(String, ShapeRef)> = members.iter().collect();
        let choose = |candidates: &[&'_ (String, ShapeRef)]| -> Option<String> {
            let text = |suffix: &str| {
                candidates.iter().find(|(member, reference)| {
                    member.ends_with(suffix) && self.is_text(&reference.shape)
                })
            };
            ["Id", "Name", "Arn", "Key", ""]
                .iter()
                .find_map(|suffix| text(suffix))
                .or_else(|| {
                    candidates.iter().find(|(_, reference)| {
                        matches!(
                            self.model.shape(&reference.shape),
                            Ok(Shape::String { values: Some(_) })
                        )
                    })
                })
                .or_else(|| {
                    candidates.iter().find(|(_, reference)| {
                        matches!(self.model.shape(&reference.shape), Ok(Shape::Boolean {}))
                    })
                })
                .map(|(member, _)| names::field_ident(&names::snake(member)))
        };
        choose(&own).or_else(|| choose(&all)).ok_or_else(|| {
            format!("`{resource}` has no text, enum or boolean member to identify it by")
        })
    }

    /// Records that requests carry shape `name` and everything it reaches (through a shape
    /// declared elsewhere, nothing further: its declaration holds what it reaches).
    fn mark_in_requests(&mut self, name: &str) {
        match self.model.shape(name) {
            Ok(Shape::Structure { members, .. })
                if self.plan.in_requests.insert(names::type_ident(name))
                    && !self.declared.contains(&names::type_ident(name)) =>
            {
                for (_, reference) in &members.0 {
                    self.mark_in_requests(&reference.shape);
                }
            }
            Ok(Shape::List { member }) => self.mark_in_requests(&member.shape),
            Ok(Shape::String {
                values: Some(_), ..
            }) => {
                self.plan.in_requests.insert(names::type_ident(name));
            }
            _ => {}
        }
    }

    /// Plans the shape `name` and everything it reaches.
    fn shape(&mut self, name: &str) -> Result<(), String> {
        match self.model.shape(name)? {
            Shape::Structure { .. } if name == "Tag" => Ok(()),
            Shape::Structure { .. } => self.structure(name, name),
            Shape::List { member } => self.shape(&member.shape.clone()),
            Shape::String {
                values: Some(values),
            } => {
                let type_name = names::type_ident(name);
                if self.elsewhere(&type_name, name) {
                    return Ok(());
                }
                if self.planned.insert(type_name.clone()) {
                    let variants = enum_variants(values);
                    self.plan.shapes.push(ShapeDecl::Enum {
                        name: type_name,
                        variants,
                    });
                }
                Ok(())
            }
            Shape::Map {} => Err(format!("shape `{name}` is a map, which EC2 never answers")),
            _ => Ok(()),
        }
    }

    /// Plans structure `model_name` under the type name `type_name`.
    fn structure(&mut self, type_name: &str, model_name: &str) -> Result<(), String> {
        let type_name = names::type_ident(type_name);
        if self.elsewhere(&type_name, model_name) || !self.planned.insert(type_name.clone()) {
            return Ok(());
        }
        let mut fields = Vec::new();
        for (member, reference) in self.model.members(model_name)? {
            self.shape(&reference.shape)?;
            fields.push(self.field(member, reference, Wrap::Shape)?);
        }
        let mut seen = BTreeSet::new();
        for field in &mut fields {
            while !seen.insert(field.ident.clone()) {
                field.ident.push('_');
            }
        }
        let doc = match self.model.shape(model_name)? {
            Shape::Structure { documentation, .. } => names::doc_line(documentation),
            _ => String::new(),
        };
        self.plan.shapes.push(ShapeDecl::Struct {
            name: type_name,
            doc,
            fields,
        });
        Ok(())
    }

    /// Whether `type_name` is declared elsewhere; the first time, records it and the shapes
    /// declared elsewhere that model shape `model_name` reaches.
    fn elsewhere(&mut self, type_name: &str, model_name: &str) -> bool {
        if !self.declared.contains(type_name) {
            return false;
        }
        if !self.plan.elsewhere.iter().any(|name| name == type_name) {
            self.plan.elsewhere.push(type_name.to_owned());
            self.reached_elsewhere(model_name);
        }
        true
    }

    /// Records the shapes declared elsewhere that model shape `name` holds, directly or in lists,
    /// and (each recorded first) the ones they hold.
    fn reached_elsewhere(&mut self, name: &str) {
        let model = self.model;
        let references: Vec<&str> = match model.shape(name) {
            Ok(Shape::Structure { members, .. }) => members
                .0
                .iter()
                .map(|(_, reference)| reference.shape.as_str())
                .collect(),
            Ok(Shape::List { member }) => vec![member.shape.as_str()],
            _ => Vec::new(),
        };
        for shape in references {
            match model.shape(shape) {
                Ok(Shape::List { .. }) => self.reached_elsewhere(shape),
                Ok(Shape::Structure { .. } | Shape::String { values: Some(_) }) => {
                    self.elsewhere(&names::type_ident(shape), shape);
                }
                _ => {}
            }
        }
    }

    /// The field for `member`, with overrides only where the macro's derivation differs.
    fn field(
        &mut self,
        member: &str,
        reference: &ShapeRef,
        wrap: Wrap,
    ) -> Result<FieldDecl, String> {
        self.shape(&reference.shape)?;
        let inner = self.rust_type(&reference.shape)?;
        let is_list = matches!(self.model.shape(&reference.shape)?, Shape::List { .. });
        let ty = match wrap {
            Wrap::Request { required: true } => inner,
            Wrap::Request { required: false } if is_list => inner,
            _ => format!("Option<{inner}>"),
        };
        let ident = names::field_ident(&names::snake(member));
        let derived = names::pascal(names::unraw(&ident));
        let derived_xml = names::lower_camel(names::unraw(&ident));
        let xml = reference.xml_name(member);
        let query = reference.query_key(member);
        let listed = matches!(wrap, Wrap::Request { .. })
            && member == "Attribute"
            && matches!(
                self.model.shape(&reference.shape)?,
                Shape::String { values: Some(_) }
            );
        let item = match self.model.shape(&reference.shape)? {
            Shape::List { member: element } => {
                let item = element.location_name.as_deref().unwrap_or("member");
                (item != "item").then(|| item.to_owned())
            }
            _ => None,
        };
        Ok(FieldDecl {
            doc: names::doc_line(&reference.documentation),
            name: (derived != member).then(|| member.to_owned()),
            xml: (!matches!(wrap, Wrap::Request { .. }) && xml != derived_xml)
                .then(|| xml.to_owned()),
            item: item.filter(|_| !matches!(wrap, Wrap::Request { .. })),
            query: (query != member && !matches!(wrap, Wrap::Response)).then_some(query),
            listed,
            ident,
            ty,
        })
    }

    /// The Rust type of shape `name`, without `Option`.
    fn rust_type(&self, name: &str) -> Result<String, String> {
        Ok(match self.model.shape(name)? {
            Shape::Structure { .. } if name == "Tag" => "Tag".to_owned(),
            Shape::Structure { .. } | Shape::String { values: Some(_) } => names::type_ident(name),
            Shape::List { member } => format!("Vec<{}>", self.rust_type(&member.shape)?),
            Shape::String { values: None } => "String".to_owned(),
            Shape::Integer { .. } => "i32".to_owned(),
            Shape::Long {} => "i64".to_owned(),
            Shape::Boolean {} => "bool".to_owned(),
            Shape::Double {} | Shape::Float {} => "f64".to_owned(),
            Shape::Timestamp {} => "DateTime".to_owned(),
            Shape::Blob {} => "Blob".to_owned(),
            Shape::Map {} => return Err(format!("shape `{name}` is a map")),
        })
    }
}

/// Where a field stands, which decides its `Option` and its names.
#[derive(Clone, Copy)]
enum Wrap {
    /// In a shape: optional.
    Shape,
    /// A response member: optional, no Query key.
    Response,
    /// A request member: required ones bare, lists bare, the rest optional; no XML name.
    Request { required: bool },
}

/// The listed resource: its model structure and its Rust type.
struct Resource {
    model: String,
    type_name: String,
}

impl Resource {
    fn named(model: &str) -> Self {
        Resource {
            model: model.to_owned(),
            type_name: names::type_ident(model),
        }
    }
}

/// Variants for enum values: unique names, in model order.
fn enum_variants(values: &[String]) -> Vec<(String, String)> {
    let mut seen = BTreeSet::new();
    let mut variants = Vec::new();
    for value in values {
        if variants.iter().any(|(_, known)| known == value) {
            continue;
        }
        let mut ident = names::variant_ident(value);
        if ident == "Unlisted" {
            ident.push_str("Value");
        }
        let base = ident.clone();
        let mut n = 2;
        while !seen.insert(ident.clone()) {
            ident = format!("{base}{n}");
            n += 1;
        }
        variants.push((ident, value.clone()));
    }
    variants
}

/// The shape of request member `member`.
fn input_shape_of(input: &[(String, ShapeRef)], member: &str) -> String {
    input
        .iter()
        .find(|(name, _)| name == member)
        .map(|(_, reference)| reference.shape.clone())
        .unwrap_or_default()
}
