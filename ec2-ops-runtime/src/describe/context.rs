//! What a service brings to every call: the key that signs pagination tokens, the authorizer
//! consulted before anything else, and fresh request IDs.

use std::sync::Arc;

use crate::describe::token::TokenKey;

/// What a service brings to every call: the key that signs pagination tokens and the authorizer.
#[derive(Clone)]
pub struct DescribeContext {
    token_key: TokenKey,
    authorizer: Arc<dyn Authorizer>,
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
    /// A context signing tokens with `token_key`, allowing everything.
    pub fn new(token_key: TokenKey) -> Self {
        DescribeContext {
            token_key,
            authorizer: Arc::new(AllowAll),
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
