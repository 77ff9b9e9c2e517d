//! What the store's operations serve, told to the describe pipeline so that a parent's ID
//! (`ClientVpnEndpointId` of DescribeClientVpnRoutes) that no parent has is EC2's not-found error,
//! as in one account, rather than an empty answer, and so that a hook can read another
//! operation's resource (a launch template's latest version, for `$Latest`).

use std::any::Any;
use std::collections::BTreeMap;
use std::sync::Arc;

use super::slot::Membership;

/// Reads one resource of an operation by ID, boxed as its declared type.
pub(crate) type Getter = Arc<dyn Fn(&str) -> Option<Box<dyn Any + Send>> + Send + Sync>;

/// The operations' memberships, and how to read each one's resources, by action.
pub(crate) struct StoreParents {
    pub by_action: BTreeMap<&'static str, Arc<dyn Membership>>,
    pub resources: BTreeMap<&'static str, Getter>,
    /// The indexes kept over an operation's resources for its hooks, by action.
    pub indexes: BTreeMap<&'static str, Arc<dyn Any + Send + Sync>>,
}

impl ec2_ops::Parents for StoreParents {
    /// An operation holding no resource at all is taken as not captured (a seed folder without its
    /// file), not as an account without any: its parents are not known, and a request naming one
    /// selects what names it.
    fn serves(&self, action: &str, id: &str) -> Option<bool> {
        let membership = self.by_action.get(action)?;
        (!membership.is_empty()).then(|| membership.contains(id))
    }

    /// The resource as the operation answers it (a derived launch template as well as a seeded
    /// one).
    fn resource(&self, action: &str, id: &str) -> Option<Box<dyn Any + Send>> {
        self.resources.get(action)?(id)
    }

    fn index(&self, action: &str) -> Option<Arc<dyn Any + Send + Sync>> {
        self.indexes.get(action).cloned()
    }
}

/// Resources either of two memberships holds: an operation's seeded ones and those a view derives
/// for it (launch templates from their versions).
pub(crate) struct Either(pub Arc<dyn Membership>, pub Arc<dyn Membership>);

impl Membership for Either {
    fn contains(&self, id: &str) -> bool {
        self.0.contains(id) || self.1.contains(id)
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty() && self.1.is_empty()
    }
}
