//! What the operation decides from its typed request beyond IDs, filters and pages: the request's
//! own rules, the caller's visibility and second ID lists (`KeyName.N` beside `KeyPairId.N`).

use crate::error::Ec2Error;
use crate::operation::IdSpec;

/// One second ID list: the request's values for it, and the resource field they name.
///
/// EC2's rules, as implemented: the results are limited to resources whose field is one of the
/// values; what a value no resource has means is the list's [`ValueCheck`] (checked on the first
/// page, like IDs); several lists, and a list with the ID list, narrow together (AND).
pub struct Lookup<'a, R> {
    /// The list's parameter and error rules (its `parameter` is the wire key, e.g. `KeyName`).
    pub spec: &'static IdSpec,
    /// The requested values (empty: no limit).
    pub values: &'a [String],
    /// The field the values are compared with.
    pub field: fn(&R) -> &str,
    /// What a value no resource holds means.
    pub check: ValueCheck,
}

/// What a value of a second ID list that no resource holds means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueCheck {
    /// An error, the list's `not_found_code` (`KeyName.N` of DescribeKeyPairs).
    Held,
    /// Nothing: the value selects no resource (`InstanceType.N` of DescribeSpotPriceHistory).
    Narrows,
    /// The values name resources of another operation, this one's parents (`ClientVpnEndpointId`
    /// of DescribeClientVpnRoutes names a resource of DescribeClientVpnEndpoints): one that
    /// operation does not serve is the list's `not_found_code`, where the context knows what it
    /// serves ([`DescribeContext::with_parents`](crate::DescribeContext::with_parents)); a parent
    /// served with no resource here selects nothing, as does any value where the context does not
    /// know.
    Parent(&'static str),
}

impl<R> std::fmt::Debug for Lookup<'_, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lookup")
            .field("parameter", &self.spec.parameter)
            .field("values", &self.values)
            .finish_non_exhaustive()
    }
}

/// What checks and narrows one call beyond IDs and filters.
pub struct Scope<'a, R> {
    /// The request's own rules (a list EC2 requires, members that exclude each other), checked
    /// after DryRun and authorization, before IDs, filters or any data.
    pub rules: &'a dyn Fn() -> Result<(), Ec2Error>,
    /// Whether the caller may see a resource. A hidden resource is skipped as if absent, except that
    /// asking for its ID is not an error (EC2: "If you specify a snapshot ID for which you do not have
    /// access, it is not included in the returned results").
    pub visible: &'a dyn Fn(&R) -> bool,
    /// The second ID lists.
    pub lookups: &'a [Lookup<'a, R>],
}

impl<R> std::fmt::Debug for Scope<'_, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scope")
            .field("lookups", &self.lookups)
            .finish_non_exhaustive()
    }
}
