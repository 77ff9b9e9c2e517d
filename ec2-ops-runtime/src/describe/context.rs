//! What a service brings to every call: the key that signs pagination tokens, the authorizer
//! consulted before anything else, and fresh request IDs.

use std::sync::Arc;

use crate::describe::token::TokenKey;

/// What a service brings to every call: the key that signs pagination tokens, the authorizer, and
/// the account and region callers get when a request does not say otherwise.
#[derive(Clone)]
pub struct DescribeContext {
    token_key: TokenKey,
    authorizer: Arc<dyn Authorizer>,
    /// `None` until configured: callers then act as [`DEFAULT_ACCOUNT_ID`], and a store may take
    /// its seed's account instead.
    account_id: Option<String>,
    region: String,
    parents: Option<Arc<dyn Parents>>,
}

impl std::fmt::Debug for DescribeContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DescribeContext").finish_non_exhaustive()
    }
}

impl Default for DescribeContext {
    /// A random token key and an authorizer that allows everything.
    fn default() -> Self {
        DescribeContext::new(TokenKey::random())
    }
}

impl DescribeContext {
    /// A context signing tokens with `token_key`, allowing everything, for account
    /// [`DEFAULT_ACCOUNT_ID`] in region [`DEFAULT_REGION`].
    pub fn new(token_key: TokenKey) -> Self {
        DescribeContext {
            token_key,
            authorizer: Arc::new(AllowAll),
            account_id: None,
            region: DEFAULT_REGION.to_owned(),
            parents: None,
        }
    }

    /// Tells the operations what other operations serve, so that a parent's ID no parent has
    /// (`ClientVpnEndpointId` of DescribeClientVpnRoutes) is EC2's not-found error rather than an
    /// empty answer ([`ValueCheck::Parent`](crate::describe::ValueCheck::Parent)).
    pub fn with_parents(mut self, parents: Arc<dyn Parents>) -> Self {
        self.parents = Some(parents);
        self
    }

    /// Whether operation `action` serves a resource `id`: `None` when no [`Parents`] were given.
    pub fn serves(&self, action: &str, id: &str) -> Option<bool> {
        self.parents
            .as_ref()
            .and_then(|parents| parents.serves(action, id))
    }

    /// Operation `O`'s resource `id`, where the [`Parents`] given know it: what a `visible` hook
    /// reads of another operation (DescribeLaunchTemplateVersions' `$Latest` is the template's
    /// latest version number). `None` when no [`Parents`] were given, or they do not hold it.
    pub fn resource<O>(&self, id: &str) -> Option<O::Resource>
    where
        O: crate::describe::DescribeOperation,
        O::Resource: 'static,
    {
        let found = self.parents.as_ref()?.resource(O::SPEC.action, id)?;
        found
            .downcast::<O::Resource>()
            .ok()
            .map(|resource| *resource)
    }

    /// The index of type `T` the [`Parents`] given keep for operation `O`'s hooks
    /// ([`Parents::index`]); `None` when no [`Parents`] were given, or they keep no such index.
    pub fn index<O, T>(&self) -> Option<Arc<T>>
    where
        O: crate::describe::DescribeOperation,
        T: std::any::Any + Send + Sync,
    {
        self.parents
            .as_ref()?
            .index(O::SPEC.action)?
            .downcast::<T>()
            .ok()
    }

    /// Replaces the account callers act as (the `self` of `Owner.N=self`).
    pub fn with_account_id(mut self, account_id: impl Into<String>) -> Self {
        self.account_id = Some(account_id.into());
        self
    }

    /// The account set with [`with_account_id`](Self::with_account_id), if one was: callers act
    /// as [`DEFAULT_ACCOUNT_ID`] otherwise.
    pub fn account_id(&self) -> Option<&str> {
        self.account_id.as_deref()
    }

    /// Replaces the region callers are in.
    pub fn with_region(mut self, region: impl Into<String>) -> Self {
        self.region = region.into();
        self
    }

    /// A caller of this context's account and region, with a fresh request ID.
    pub fn caller(&self) -> Caller {
        Caller {
            account_id: self
                .account_id
                .clone()
                .unwrap_or_else(|| DEFAULT_ACCOUNT_ID.to_owned()),
            region: self.region.clone(),
            request_id: new_request_id(),
        }
    }

    /// Replaces the authorizer.
    pub fn with_authorizer(mut self, authorizer: impl Authorizer + 'static) -> Self {
        self.authorizer = Arc::new(authorizer);
        self
    }

    /// The token key.
    pub fn token_key(&self) -> &TokenKey {
        &self.token_key
    }

    /// The authorizer.
    pub fn authorizer(&self) -> &dyn Authorizer {
        &*self.authorizer
    }
}

/// The account EC2's documentation uses in its examples; callers act as it unless configured.
pub const DEFAULT_ACCOUNT_ID: &str = "123456789012";

/// The region callers are in unless configured.
pub const DEFAULT_REGION: &str = "us-east-1";

/// Who makes one call, and its request ID: what hooks need to serve `Owner.N=self`,
/// `RestorableBy.N` or per-account visibility, and what logs correlate on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// The caller's AWS account ID.
    pub account_id: String,
    /// The region the call is made in.
    pub region: String,
    /// The call's request ID, answered in `<requestId>` (or `<RequestID>` of an error).
    pub request_id: String,
}

/// What the operations of one service serve, asked when a request names a parent resource of
/// another operation: an endpoint with one store for all its operations knows.
pub trait Parents: Send + Sync {
    /// Whether operation `action` serves a resource with ID `id`; `None` when this does not know
    /// the operation's resources (its data is not held here).
    fn serves(&self, action: &str, id: &str) -> Option<bool>;

    /// Operation `action`'s resource `id` (its declared resource type, boxed), where this holds
    /// it. None by default.
    fn resource(&self, action: &str, id: &str) -> Option<Box<dyn std::any::Any + Send>> {
        let _ = (action, id);
        None
    }

    /// An index this keeps for operation `action`'s hooks, up to date with every change, where a
    /// resource is judged by others (the Spot price in effect at a time is the last change of its
    /// zone, type and product before it; an instance type is supported where the Region's
    /// offerings name it): a page then costs a few seeks per resource rather than a pass over
    /// all. None by default.
    fn index(&self, action: &str) -> Option<Arc<dyn std::any::Any + Send + Sync>> {
        let _ = action;
        None
    }
}

/// Decides whether a caller may perform an action; consulted before anything else, `DryRun` included.
pub trait Authorizer: Send + Sync {
    /// Whether `action` is allowed.
    fn authorize(&self, action: &str) -> bool;
}

/// The default [`Authorizer`]: everything is allowed.
#[derive(Debug, Clone, Copy, Default)]
pub struct AllowAll;

impl Authorizer for AllowAll {
    fn authorize(&self, _action: &str) -> bool {
        true
    }
}

impl<F: Fn(&str) -> bool + Send + Sync> Authorizer for F {
    fn authorize(&self, action: &str) -> bool {
        self(action)
    }
}

/// A fresh EC2 request ID: a random (version 4) UUID, as EC2 sends in `<requestId>`.
pub fn new_request_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_are_uuid_v4() {
        let id = new_request_id();
        let parsed = uuid::Uuid::parse_str(&id).unwrap();
        assert_eq!(parsed.get_version_num(), 4);
        assert_ne!(id, new_request_id());
    }
}
