//! The account a seed is a capture of, read from the owners its resources show, so that a replay of
//! any account answers `self` (`--owner-ids self`, `--owners self`) as that account without being
//! told.
//!
//! Not every `OwnerId` is the account's: DescribeImages and DescribeSnapshots list other
//! accounts' public and shared resources, and a VPC participant sees the subnets and VPCs shared
//! with it under their owner's ID. So the owners are weighed by what EC2 lists:
//!
//! 1. **Reservations** (DescribeInstances) are only ever the caller's own: when the seed has any,
//!    they name the account, and reservations of two accounts are refused (one store is one
//!    account).
//! 2. Otherwise the owner of most **security groups, network interfaces, VPCs and subnets**, which
//!    an account lists mostly of its own (a default VPC and its default security group in every
//!    region); a tie is refused, since either answer would be a guess.
//! 3. Otherwise, **images and snapshots** when all of them show one owner (a capture made with
//!    `--owners self` or `--owner-ids self`); a mix of owners names no account.
//!
//! A seed that shows none of these leaves the account to the configuration (or the default).

use std::collections::BTreeMap;
use std::fmt;

use ec2_ops::Operation;
use ec2_ops::describe::DEFAULT_ACCOUNT_ID;
use ec2_ops::operations::instances::DescribeInstances;
use ec2_ops::operations::snapshots::DescribeSnapshots;
use ec2_ops_catalog::CatalogOperation;
use ec2_ops_catalog::images::DescribeImages;
use ec2_ops_catalog::vpc::{
    DescribeNetworkInterfaces, DescribeSecurityGroups, DescribeSubnets, DescribeVpcs,
};

use super::slot::Units;
use crate::seed::SeedError;

/// The account a seed shows, and which of its resources showed it (for the start-up message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SeededAccount {
    /// The account ID.
    pub account_id: String,
    /// What showed it: `"the owner of its reservations"`, ...
    pub shown_by: &'static str,
}

/// The account a store's callers act as, and why that one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Account {
    /// Configured (`--account-id`, the builder, the context).
    Configured(String),
    /// Shown by the seed, not configured.
    Seeded(SeededAccount),
    /// Neither configured nor shown: [`DEFAULT_ACCOUNT_ID`].
    Default,
}

impl Account {
    /// The configured account if any, else the one the seed shows, else the default. A
    /// configured account the seed's reservations contradict is refused: the store would serve
    /// another account's instances as the caller's own, which EC2 never does.
    ///
    /// # Errors
    /// Reservations of several accounts, or of another than the configured one; without a
    /// configured account, a tie between the owners of security groups, network interfaces, VPCs
    /// and subnets.
    pub fn of(
        configured: Option<&str>,
        read: &[(&'static str, Units)],
    ) -> Result<Account, SeedError> {
        let reservations = reservations_owner(read)?;
        match (configured, reservations) {
            (Some(configured), Some(owner)) if owner != configured => Err(SeedError::new(
                "the seed's DescribeInstances output",
                "$.Reservations",
                format!(
                    "the reservations are account {owner}'s, not {configured}'s (the account \
                     configured): leave the account out to serve the seed as its own"
                ),
            )),
            (Some(configured), _) => Ok(Account::Configured(configured.to_owned())),
            (None, Some(owner)) => Ok(Account::Seeded(SeededAccount {
                account_id: owner,
                shown_by: "the owner of its reservations",
            })),
            (None, None) => Ok(owner_of_the_rest(read)?.map_or(Account::Default, Account::Seeded)),
        }
    }

    /// The account ID.
    pub fn id(&self) -> &str {
        match self {
            Account::Configured(id) => id,
            Account::Seeded(seeded) => &seeded.account_id,
            Account::Default => DEFAULT_ACCOUNT_ID,
        }
    }
}

impl fmt::Display for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Account::Configured(id) => write!(f, "{id} (configured)"),
            Account::Seeded(seeded) => {
                write!(f, "{} ({} in the seed)", seeded.account_id, seeded.shown_by)
            }
            Account::Default => write!(
                f,
                "{DEFAULT_ACCOUNT_ID} (the default: the seed shows no account)"
            ),
        }
    }
}

/// How many of one operation's read resources each owner has.
fn owners<O: CatalogOperation>(
    read: &[(&'static str, Units)],
    owner: fn(&O::Item) -> Option<&str>,
    counts: &mut BTreeMap<String, usize>,
) {
    let action = <O as Operation>::SPEC.action;
    for (_, units) in read
        .iter()
        .filter(|(read_action, _)| *read_action == action)
    {
        let Some(items) = super::slot::items_of::<O::Item>(units) else {
            continue;
        };
        for owner in items.iter().filter_map(|item| owner(item)) {
            *counts.entry(owner.to_owned()).or_default() += 1;
        }
    }
}

/// The one owner of the seed's reservations, if it has any.
///
/// # Errors
/// Reservations of several accounts.
fn reservations_owner(read: &[(&'static str, Units)]) -> Result<Option<String>, SeedError> {
    let mut reservations = BTreeMap::new();
    owners::<DescribeInstances>(
        read,
        |reservation| reservation.owner_id.as_deref(),
        &mut reservations,
    );
    if reservations.len() > 1 {
        let accounts: Vec<&str> = reservations.keys().map(String::as_str).collect();
        return Err(SeedError::new(
            "the seed's DescribeInstances output",
            "$.Reservations",
            format!(
                "reservations of several accounts ({}): one store is one account's, and \
                 DescribeInstances lists only the caller's own",
                accounts.join(", ")
            ),
        ));
    }
    Ok(reservations.into_keys().next())
}

/// The account a seed without reservations shows (rules 2 and 3 of the module docs), if any.
///
/// # Errors
/// A tie between the owners of security groups, network interfaces, VPCs and subnets.
fn owner_of_the_rest(read: &[(&'static str, Units)]) -> Result<Option<SeededAccount>, SeedError> {
    let mut mostly_own = BTreeMap::new();
    owners::<DescribeSecurityGroups>(read, |group| group.owner_id.as_deref(), &mut mostly_own);
    owners::<DescribeNetworkInterfaces>(
        read,
        |interface| interface.owner_id.as_deref(),
        &mut mostly_own,
    );
    owners::<DescribeVpcs>(read, |vpc| vpc.owner_id.as_deref(), &mut mostly_own);
    owners::<DescribeSubnets>(read, |subnet| subnet.owner_id.as_deref(), &mut mostly_own);
    if let Some(most) = mostly_own.values().copied().max() {
        let leaders: Vec<&str> = mostly_own
            .iter()
            .filter(|(_, count)| **count == most)
            .map(|(account, _)| account.as_str())
            .collect();
        if let [account_id] = leaders[..] {
            return Ok(Some(SeededAccount {
                account_id: account_id.to_owned(),
                shown_by: "the owner of most of its security groups, network interfaces, VPCs \
                           and subnets",
            }));
        }
        return Err(SeedError::new(
            "the seed",
            "$",
            format!(
                "accounts {} own as many security groups, network interfaces, VPCs and subnets \
                 each: say which account the seed is (--account-id)",
                leaders.join(" and ")
            ),
        ));
    }

    let mut listed = BTreeMap::new();
    owners::<DescribeImages>(read, |image| image.owner_id.as_deref(), &mut listed);
    owners::<DescribeSnapshots>(read, |snapshot| snapshot.owner_id.as_deref(), &mut listed);
    if listed.len() == 1 {
        return Ok(listed.into_keys().next().map(|account_id| SeededAccount {
            account_id,
            shown_by: "the one owner of its images and snapshots",
        }));
    }
    Ok(None)
}

/// Refuses a change (`action`'s `units`) holding a reservation of another account than the
/// store's: DescribeInstances lists only the caller's own, so a store serving it as this
/// account's would answer what EC2 never does.
///
/// # Errors
/// A reservation whose `OwnerId` is not `account`.
pub(crate) fn check_change(
    account: &Account,
    action: &str,
    units: &Units,
    source: &str,
) -> Result<(), SeedError> {
    if action != <DescribeInstances as Operation>::SPEC.action {
        return Ok(());
    }
    let Some(reservations) =
        super::slot::items_of::<ec2_ops::operations::instances::Reservation>(units)
    else {
        return Ok(());
    };
    let stranger = reservations
        .iter()
        .filter_map(|reservation| reservation.owner_id.as_deref())
        .find(|owner| *owner != account.id());
    match stranger {
        None => Ok(()),
        Some(owner) => Err(SeedError::new(
            source,
            "$",
            format!(
                "a reservation of account {owner}, where the store is account {account}: \
                 DescribeInstances lists only the caller's own (start the endpoint as that \
                 account with --account-id to serve it)"
            ),
        )),
    }
}
