//! What one account sees of another's resources in a region: public images and snapshots, and
//! those shared with it by launch or create-volume permission; nothing else.
//!
//! The offers are read from each account's seed when the endpoint starts: an image is offered to
//! everyone when it is public (whoever published it: a capture lists the public images it was
//! shown), to the accounts its owner's `launchPermission` names (DescribeImageAttribute records
//! in the owner's seed; the group `all` is everyone); a snapshot to those its owner's
//! `createVolumePermission` names, and to everyone when AWS publishes it (it has an owner alias).
//! Another owner's private image or snapshot in an account's capture was shared with that account,
//! not offered on. A shared copy carries no tags: EC2 shows an image's or snapshot's tags to its
//! owner only.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use ec2_ops::Operation;
use ec2_ops::operations::snapshots::{DescribeSnapshots, Snapshot};
use ec2_ops_catalog::ebs::DescribeSnapshotAttribute;
use ec2_ops_catalog::images::{DescribeImageAttribute, DescribeImages};
use ec2_ops_catalog::shapes::{Image, ImageAttribute, PermissionGroup, SnapshotAttribute};

use crate::store::slot::{Units, units_of_checked};

/// Who besides its owner's account sees a resource.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Audience {
    Everyone,
    Accounts(BTreeSet<String>),
}

impl Audience {
    fn includes(&self, account: &str) -> bool {
        match self {
            Audience::Everyone => true,
            Audience::Accounts(accounts) => accounts.contains(account),
        }
    }

    /// The audience the permissions seeded for resource `id` name.
    fn permitted(permissions: &Permissions<'_>, id: &str) -> Option<Audience> {
        Audience::of(permissions.get(id)?.iter().cloned())
    }

    /// The audience a list of permissions (user IDs, and `all`) names; `None` when it names
    /// nobody.
    fn of(
        permissions: impl IntoIterator<Item = (Option<String>, Option<PermissionGroup>)>,
    ) -> Option<Audience> {
        let mut accounts = BTreeSet::new();
        for (user, group) in permissions {
            if group == Some(PermissionGroup::All) {
                return Some(Audience::Everyone);
            }
            accounts.extend(user);
        }
        (!accounts.is_empty()).then_some(Audience::Accounts(accounts))
    }
}

/// The permissions seeded for each resource: (user ID, group) pairs.
type Permissions<'a> = BTreeMap<&'a str, Vec<(Option<String>, Option<PermissionGroup>)>>;

/// A resource an account offers other accounts, and to whom.
#[derive(Debug)]
struct Offer<R> {
    account: String,
    resource: Arc<R>,
    audience: Audience,
}

impl<R> Offer<R> {
    fn new(account: &str, resource: Arc<R>, audience: Audience) -> Offer<R> {
        Offer {
            account: account.to_owned(),
            resource,
            audience,
        }
    }
}

/// An attribute record holding a resource's permissions (launch, create-volume).
trait Permitting: 'static {
    fn resource_id(&self) -> Option<&str>;
    /// The (user ID, group) pairs, when the record holds the permission attribute.
    fn permissions(&self) -> Option<Vec<(Option<String>, Option<PermissionGroup>)>>;
}

impl Permitting for ImageAttribute {
    fn resource_id(&self) -> Option<&str> {
        self.image_id.as_deref()
    }

    fn permissions(&self) -> Option<Vec<(Option<String>, Option<PermissionGroup>)>> {
        let permissions = self.launch_permissions.as_ref()?;
        Some(
            permissions
                .iter()
                .map(|permission| (permission.user_id.clone(), permission.group.clone()))
                .collect(),
        )
    }
}

impl Permitting for SnapshotAttribute {
    fn resource_id(&self) -> Option<&str> {
        self.snapshot_id.as_deref()
    }

    fn permissions(&self) -> Option<Vec<(Option<String>, Option<PermissionGroup>)>> {
        let permissions = self.create_volume_permissions.as_ref()?;
        Some(
            permissions
                .iter()
                .map(|permission| (permission.user_id.clone(), permission.group.clone()))
                .collect(),
        )
    }
}

/// The permissions `action`'s records in `read` give each resource.
fn permissions<'a, A: Permitting>(
    read: &'a [(&'static str, Units)],
    action: &str,
) -> Permissions<'a> {
    let mut by_resource = Permissions::new();
    for attribute in units_of::<A>(read, action) {
        if let (Some(id), Some(permissions)) = (attribute.resource_id(), attribute.permissions()) {
            by_resource.entry(id).or_default().extend(permissions);
        }
    }
    by_resource
}

/// The images and snapshots a region's accounts offer each other.
#[derive(Debug, Default)]
pub(crate) struct Offers {
    images: Vec<Offer<Image>>,
    snapshots: Vec<Offer<Snapshot>>,
}

fn units_of<'a, R: 'static>(
    read: &'a [(&'static str, Units)],
    action: &str,
) -> impl Iterator<Item = &'a Arc<R>> {
    read.iter()
        .filter(move |(held, _)| *held == action)
        .filter_map(|(_, units)| crate::store::slot::items_of::<R>(units))
        .flatten()
}

impl Offers {
    /// Adds what `account`'s seed (`read`) offers.
    pub fn add(&mut self, account: &str, read: &[(&'static str, Units)]) {
        let launch =
            permissions::<ImageAttribute>(read, <DescribeImageAttribute as Operation>::SPEC.action);
        for image in units_of::<Image>(read, <DescribeImages as Operation>::SPEC.action) {
            let audience = if image.public == Some(true) {
                Some(Audience::Everyone)
            } else if image.owner_id.as_deref() == Some(account) {
                Audience::permitted(&launch, image.id())
            } else {
                None
            };
            if let Some(audience) = audience {
                let resource = Arc::new(Image {
                    tags: None,
                    ..(**image).clone()
                });
                self.images.push(Offer::new(account, resource, audience));
            }
        }
        let create = permissions::<SnapshotAttribute>(
            read,
            <DescribeSnapshotAttribute as Operation>::SPEC.action,
        );
        for snapshot in units_of::<Snapshot>(read, <DescribeSnapshots as Operation>::SPEC.action) {
            let audience = if snapshot.owner_id.as_deref() == Some(account) {
                Audience::permitted(&create, snapshot.id())
            } else {
                snapshot.owner_alias.is_some().then_some(Audience::Everyone)
            };
            if let Some(audience) = audience {
                let resource = Arc::new(Snapshot {
                    tags: None,
                    ..(**snapshot).clone()
                });
                self.snapshots.push(Offer::new(account, resource, audience));
            }
        }
    }

    /// What `account` sees of the other accounts' resources, as seed units for its store: each
    /// resource once (the first account's copy of one offered by several).
    pub fn seen_by(&self, account: &str) -> Vec<(&'static str, Units)> {
        let mut seen = Vec::new();
        let images = visible(&self.images, account);
        if !images.is_empty() {
            seen.push((
                <DescribeImages as Operation>::SPEC.action,
                units_of_checked::<DescribeImages>(images),
            ));
        }
        let snapshots = visible(&self.snapshots, account);
        if !snapshots.is_empty() {
            seen.push((
                <DescribeSnapshots as Operation>::SPEC.action,
                units_of_checked::<DescribeSnapshots>(snapshots),
            ));
        }
        seen
    }
}

/// The offers of other accounts than `account` that it may see, without repeats by ID.
fn visible<R: Identified>(offers: &[Offer<R>], account: &str) -> Vec<Arc<R>> {
    let mut ids = BTreeSet::new();
    offers
        .iter()
        .filter(|offer| offer.account != account && offer.audience.includes(account))
        .filter(|offer| ids.insert(offer.resource.id().to_owned()))
        .map(|offer| Arc::clone(&offer.resource))
        .collect()
}

/// A shared resource's ID, which decides repeats.
trait Identified {
    fn id(&self) -> &str;
}

impl Identified for Image {
    fn id(&self) -> &str {
        self.image_id.as_deref().unwrap_or_default()
    }
}

impl Identified for Snapshot {
    fn id(&self) -> &str {
        self.snapshot_id.as_deref().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyone_is_named_by_the_group_all_and_accounts_by_their_ids() {
        let all = Audience::of([(None, Some(PermissionGroup::All))]).unwrap();
        assert!(all.includes("999999999999"));
        let two = Audience::of([
            (Some("111111111111".to_owned()), None),
            (Some("222222222222".to_owned()), None),
        ])
        .unwrap();
        assert!(two.includes("222222222222"));
        assert!(!two.includes("333333333333"));
        assert_eq!(Audience::of([]), None);
    }
}
