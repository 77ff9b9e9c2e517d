//! The describe pipeline: authorization and DryRun → validation → IDs → filters → pagination.

use std::borrow::Cow;
use std::ops::ControlFlow;

use crate::describe::context::DescribeContext;
use crate::describe::ids::sorted_unique_ids;
use crate::describe::parented::{ParentScope, WithinParent};
use crate::describe::scope::{Lookup, Scope, ValueCheck};
use crate::describe::source::ResourceSource;
use crate::describe::token::RequestFingerprint;
use crate::error::Ec2Error;
use crate::filter::CompiledFilters;
use crate::operation::{IdSpec, MAX_IDS, MalformedSpec, Operation, OperationSpec, PaginationSpec};
use crate::types::Filter;

/// The parameters of one describe call, borrowed from a decoded request.
#[derive(Debug, Clone, Copy, Default)]
pub struct DescribeInput<'a> {
    /// The IDs the results are limited to (empty: no limit).
    pub ids: &'a [String],
    /// The filters.
    pub filters: &'a [Filter],
    /// `MaxResults`, when given.
    pub max_results: Option<i32>,
    /// `NextToken`, when given.
    pub next_token: Option<&'a str>,
    /// `DryRun`.
    pub dry_run: bool,
    /// The parent whose resources are described, for an operation whose answers name it beside
    /// the list (`FleetId` of DescribeFleetInstances): the source keys each resource under its
    /// parent ([`parent_key`](crate::parent_key)), IDs are the parent's resources' own, and a
    /// token is bound to the parent. `None` for every other operation.
    pub parent: Option<ParentScope<'a>>,
}

/// One page of results.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<R> {
    /// The matching resources, in ID order.
    pub items: Vec<R>,
    /// The token for the next page; `None` on the last page.
    pub next_token: Option<String>,
}

/// How many resources one page may examine beyond its size before it ends early with a token, so a
/// selective filter cannot turn one page into a scan of everything (EC2 also returns short pages).
fn scan_budget(limit: usize) -> usize {
    limit.saturating_mul(16).max(4096)
}

/// Runs operation `O` over `source`.
///
/// The order of checks (each before any data is read unless said otherwise):
/// 1. authorization: a denied call is 403 `UnauthorizedOperation`; a permitted `DryRun` call is
///    412 `DryRunOperation`;
/// 2. filters (names, limits, escapes);
/// 3. IDs: more than 1000, then malformed ones (the declared prefix);
/// 4. `MaxResults` bounds and its combination with IDs, then `NextToken`;
/// 5. unknown IDs (read from the source; only on a first page, so a resource deleted during a walk
///    does not break it);
/// 6. the page, in ascending ID order, strictly after the token's ID.
///
/// Without `MaxResults`, all matching resources are returned in one page.
///
/// # Errors
/// EC2's error for the first rule the request breaks.
///
/// ```
/// use ec2_ops_runtime::*;
///
/// #[derive(Clone)]
/// struct Task { id: String, state: String }
/// struct DescribeTasks;
/// impl Operation for DescribeTasks {
///     type Resource = Task;
///     const SPEC: OperationSpec = OperationSpec {
///         action: "DescribeTasks",
///         filters: FilterCatalog { names: &["state"], tags: TagFilters::NONE },
///         ids: None,
///         pagination: Some(PaginationSpec { min: 5, max: 1000, clamp: false, ids_with_max_results: true }),
///     };
///     fn resource_id(task: &Task) -> &str { &task.id }
///     fn filter_matches(task: &Task, _index: usize, values: &ValueSet) -> bool {
///         values.matches(&task.state)
///     }
/// }
///
/// let source = InMemorySource::new(|task: &Task| task.id.as_str());
/// for n in 0..12 {
///     let state = if n % 2 == 0 { "active" } else { "completed" };
///     source.insert(Task { id: format!("task-{n:02}"), state: state.into() });
/// }
/// let context = DescribeContext::default();
/// let filters = [Filter::new("state", ["act*"])];
/// let mut input = DescribeInput { filters: &filters, max_results: Some(5), ..Default::default() };
/// let first = describe::<DescribeTasks, _>(&input, &source, &context).unwrap();
/// assert_eq!(first.items.len(), 5);
/// input.next_token = first.next_token.as_deref();
/// let second = describe::<DescribeTasks, _>(&input, &source, &context).unwrap();
/// assert_eq!(second.items.len(), 1);
/// assert_eq!(second.next_token, None);
/// ```
pub fn describe<O, S>(
    input: &DescribeInput<'_>,
    source: &S,
    context: &DescribeContext,
) -> Result<Page<O::Resource>, Ec2Error>
where
    O: Operation + ?Sized,
    O::Resource: Clone,
    S: ResourceSource<O::Resource> + ?Sized,
{
    let everything = Scope {
        rules: &|| Ok(()),
        visible: &|_: &O::Resource| true,
        lookups: &[],
    };
    describe_in::<O, S>(input, source, context, &everything)
}

/// [`describe()`] narrowed by `scope`: resources the caller may not see are skipped, and second ID
/// lists limit the results to their values. Their checks run with the IDs' (count and
/// well-formedness before any data is read, unknown values on the first page).
///
/// # Errors
/// EC2's error for the first rule the request breaks.
pub fn describe_in<O, S>(
    input: &DescribeInput<'_>,
    source: &S,
    context: &DescribeContext,
    scope: &Scope<'_, O::Resource>,
) -> Result<Page<O::Resource>, Ec2Error>
where
    O: Operation + ?Sized,
    O::Resource: Clone,
    S: ResourceSource<O::Resource> + ?Sized,
{
    match input.parent {
        Some(parent) => {
            describe_scoped::<O, _>(input, &WithinParent::new(source, parent.id), context, scope)
        }
        None => describe_scoped::<O, S>(input, source, context, scope),
    }
}

/// [`describe_in`] over `source`, already narrowed to the request's parent where it names one.
fn describe_scoped<O, S>(
    input: &DescribeInput<'_>,
    source: &S,
    context: &DescribeContext,
    scope: &Scope<'_, O::Resource>,
) -> Result<Page<O::Resource>, Ec2Error>
where
    O: Operation + ?Sized,
    O::Resource: Clone,
    S: ResourceSource<O::Resource> + ?Sized,
{
    let spec = &O::SPEC;
    authorize(spec, input.dry_run, context)?;
    (scope.rules)()?;
    let filters = CompiledFilters::compile(&spec.filters, input.filters)?;
    let ids = validated_ids(spec, input.ids)?;
    let lookups = scope
        .lookups
        .iter()
        .map(|lookup| Ok((lookup, checked_values(lookup.spec, lookup.values)?)))
        .collect::<Result<Vec<_>, Ec2Error>>()?;
    let limit = page_limit(spec, input)?;
    // A token is bound to the parent as to the lookups' values: another parent's is refused.
    let parent_values: Vec<String> = input
        .parent
        .iter()
        .map(|parent| parent.id.to_owned())
        .collect();
    let mut lookup_values: Vec<&[String]> =
        lookups.iter().map(|(lookup, _)| lookup.values).collect();
    if !parent_values.is_empty() {
        lookup_values.push(&parent_values);
    }
    let fingerprint = RequestFingerprint::with_lookups(input.filters, input.ids, &lookup_values);
    let after = match input.next_token {
        Some(token) => Some(
            context
                .token_key()
                .verify(spec.action, &fingerprint, token)?,
        ),
        None => None,
    };
    if after.is_none() {
        if let Some(parent) = input.parent {
            check_parent_exists(parent, source, context)?;
        }
        check_ids_exist(spec, &ids, source)?;
        for (lookup, values) in &lookups {
            match lookup.check {
                ValueCheck::Held => check_lookup_values_exist(lookup, values, source)?,
                ValueCheck::Narrows => {}
                ValueCheck::Parent(action) => {
                    check_parents_exist(lookup, action, values, source, context)?;
                }
            }
        }
    }
    let in_scope = |resource: &O::Resource| {
        (scope.visible)(resource)
            && lookups.iter().all(|(lookup, values)| {
                values.is_empty() || values.binary_search(&(lookup.field)(resource)).is_ok()
            })
    };

    let mut items = Vec::new();
    // The last ID examined, where the next page resumes; one buffer reused, not a string per
    // resource.
    let mut resume_after = String::new();
    let budget = limit.map(scan_budget);
    let mut examined = 0_usize;
    // Called for every resource in scope, in ID order; decides whether the page is full.
    let mut take = |id: &str, resource: Cow<'_, O::Resource>| -> ControlFlow<()> {
        let page_full = limit.is_some_and(|limit| items.len() == limit);
        if page_full || budget.is_some_and(|budget| examined == budget) {
            return ControlFlow::Break(());
        }
        examined += 1;
        if in_scope(&resource) && filters.matches::<O>(&resource) {
            // Kept as the source handed it: moved when owned, cloned only when lent.
            items.push(resource.into_owned());
        }
        resume_after.clear();
        resume_after.push_str(id);
        ControlFlow::Continue(())
    };

    let mut more = false;
    if ids.is_empty() {
        source.scan_after_owned(after.as_deref(), &mut |id, resource| {
            let flow = take(id, resource);
            more = flow.is_break();
            flow
        });
    } else {
        let start = after
            .as_deref()
            .map_or(0, |after| ids.partition_point(|id| *id <= after));
        for id in &ids[start..] {
            // An ID deleted since the first page is skipped, as are IDs the caller cannot see.
            let Some(resource) = source.get(id) else {
                continue;
            };
            if take(id, Cow::Owned(resource)).is_break() {
                more = true;
                break;
            }
        }
    }

    let next_token = (more && examined > 0).then(|| {
        context
            .token_key()
            .sign(spec.action, &fingerprint, &resume_after)
    });
    Ok(Page { items, next_token })
}

fn authorize(
    spec: &OperationSpec,
    dry_run: bool,
    context: &DescribeContext,
) -> Result<(), Ec2Error> {
    let allowed = context.authorizer().authorize(spec.action);
    match (allowed, dry_run) {
        (false, _) => Err(Ec2Error::unauthorized_operation()),
        (true, true) => Err(Ec2Error::dry_run_operation()),
        (true, false) => Ok(()),
    }
}

/// The requested IDs, sorted and without repeats, after the count and well-formedness checks.
fn validated_ids<'a>(spec: &OperationSpec, ids: &'a [String]) -> Result<Vec<&'a str>, Ec2Error> {
    match spec.ids {
        Some(id_spec) => checked_values(&id_spec, ids),
        None => Ok(Vec::new()),
    }
}

/// An ID list's values, sorted and without repeats, after the count and well-formedness checks.
fn checked_values<'a>(id_spec: &IdSpec, ids: &'a [String]) -> Result<Vec<&'a str>, Ec2Error> {
    if ids.len() > MAX_IDS {
        return Err(Ec2Error::too_many_ids(id_spec.parameter, MAX_IDS));
    }
    let malformed = |rule: MalformedSpec| {
        ids.iter()
            .find(|id| !id.starts_with(rule.prefix) || id.len() == rule.prefix.len())
            .map(|bad| Ec2Error::id_malformed(rule.code, bad, rule.prefix))
    };
    if let Some(err) = id_spec.malformed.and_then(malformed) {
        return Err(err);
    }
    Ok(sorted_unique_ids(ids))
}

fn page_limit(spec: &OperationSpec, input: &DescribeInput<'_>) -> Result<Option<usize>, Ec2Error> {
    let (Some(pagination), Some(max_results)) = (spec.pagination, input.max_results) else {
        return Ok(None);
    };
    let PaginationSpec {
        min,
        max,
        clamp,
        ids_with_max_results,
    } = pagination;
    if i64::from(max_results) < i64::from(min) {
        return Err(Ec2Error::max_results_too_small(max_results.into(), min));
    }
    if i64::from(max_results) > i64::from(max) && !clamp {
        return Err(Ec2Error::max_results_too_large(max_results.into(), max));
    }
    if !ids_with_max_results && !input.ids.is_empty() {
        let set_name = spec.ids.map_or("ids", |ids| ids.set_name);
        return Err(Ec2Error::parameter_combination(set_name, "maxResults"));
    }
    let served = u32::try_from(max_results).map_or(min, |value| value.min(max));
    Ok(Some(served as usize))
}

/// A second list's values that no resource has (visible or not): 400 with the list's code.
fn check_lookup_values_exist<R, S: ResourceSource<R> + ?Sized>(
    lookup: &Lookup<'_, R>,
    values: &[&str],
    source: &S,
) -> Result<(), Ec2Error> {
    if values.is_empty() {
        return Ok(());
    }
    let mut found = vec![false; values.len()];
    source.scan_after(None, &mut |_, resource| {
        if let Ok(index) = values.binary_search(&(lookup.field)(resource)) {
            found[index] = true;
        }
        ControlFlow::Continue(())
    });
    let missing: Vec<&str> = values
        .iter()
        .zip(&found)
        .filter(|(_, found)| !**found)
        .map(|(value, _)| *value)
        .collect();
    missing_is_an_error(lookup.spec, &missing)
}

/// A parent the context knows its operation does not serve, and no resource here names, is not
/// found; one the context does not know about is let through (it selects what names it).
fn check_parents_exist<R, S: ResourceSource<R> + ?Sized>(
    lookup: &Lookup<'_, R>,
    action: &str,
    values: &[&str],
    source: &S,
    context: &DescribeContext,
) -> Result<(), Ec2Error> {
    let unknown: Vec<&str> = values
        .iter()
        .copied()
        .filter(|value| context.serves(action, value) == Some(false))
        .collect();
    if unknown.is_empty() {
        return Ok(());
    }
    // A capture may hold a parent's children without the parent: they still name it.
    check_lookup_values_exist(lookup, &unknown, source)
}

/// A parent the context knows its operation does not serve, of which this source holds nothing,
/// is not found; one the context does not know about selects what it holds (a capture may hold a
/// parent's resources without the parent).
fn check_parent_exists<R, S: ResourceSource<R> + ?Sized>(
    parent: ParentScope<'_>,
    source: &S,
    context: &DescribeContext,
) -> Result<(), Ec2Error> {
    let Some(listed_by) = parent.listed_by else {
        return Ok(());
    };
    if context.serves(listed_by, parent.id) != Some(false) {
        return Ok(());
    }
    let mut holds_any = false;
    source.scan_after(None, &mut |_, _| {
        holds_any = true;
        ControlFlow::Break(())
    });
    if holds_any {
        Ok(())
    } else {
        missing_is_an_error(parent.spec, &[parent.id])
    }
}

fn check_ids_exist<R, S: ResourceSource<R> + ?Sized>(
    spec: &OperationSpec,
    ids: &[&str],
    source: &S,
) -> Result<(), Ec2Error> {
    let Some(id_spec) = spec.ids else {
        return Ok(());
    };
    let missing: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|id| !source.contains(id))
        .collect();
    missing_is_an_error(&id_spec, &missing)
}

/// The not-found error of an ID list for its `missing` values, if there are any.
fn missing_is_an_error(id_spec: &IdSpec, missing: &[&str]) -> Result<(), Ec2Error> {
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Ec2Error::ids_not_found(
            id_spec.not_found_code,
            id_spec.noun,
            missing,
        ))
    }
}
