//! The account a store's callers act as: the one configured, else the one the seed is a capture
//! of (the owner of its reservations; else of most of its security groups, interfaces, VPCs and
//! subnets; else the one owner of its images and snapshots), else 123456789012. `self` in a
//! request is that account, so a replay of any account answers `--owner-ids self` as its own.

use ec2_ops::DescribeContext;
use ec2_ops_endpoint::{Seed, SeedError, Store};

const ACCOUNT: &str = "111122223333";
const OTHER: &str = "444455556666";

/// The store `files` make, with `configured` as the account when given.
fn store_as(files: &[(&str, String)], configured: Option<&str>) -> Result<Store, SeedError> {
    let mut seed = Seed::empty();
    for (name, output) in files {
        seed = seed.merge(Seed::from_output(name, output)?)?;
    }
    let mut context = DescribeContext::default();
    if let Some(account) = configured {
        context = context.with_account_id(account);
    }
    Store::new(&seed, context)
}

fn reservations(owners: &[&str]) -> (&'static str, String) {
    let reservations: Vec<String> = owners
        .iter()
        .enumerate()
        .map(|(index, owner)| {
            format!(
                r#"{{"ReservationId": "r-{index}", "OwnerId": "{owner}",
                   "Instances": [{{"InstanceId": "i-{index}", "InstanceType": "t3.micro"}}]}}"#
            )
        })
        .collect();
    (
        "describe-instances",
        format!(r#"{{"Reservations": [{}]}}"#, reservations.join(",")),
    )
}

fn snapshots(owners: &[&str]) -> (&'static str, String) {
    let snapshots: Vec<String> = owners
        .iter()
        .enumerate()
        .map(|(index, owner)| {
            format!(r#"{{"SnapshotId": "snap-{index}", "OwnerId": "{owner}", "VolumeSize": 8}}"#)
        })
        .collect();
    (
        "describe-snapshots",
        format!(r#"{{"Snapshots": [{}]}}"#, snapshots.join(",")),
    )
}

fn owned(
    command: &'static str,
    member: &str,
    prefix: &str,
    owners: &[&str],
) -> (&'static str, String) {
    let items: Vec<String> = owners
        .iter()
        .enumerate()
        .map(|(index, owner)| {
            format!(
                r#"{{"{prefix}Id": "{}-{index}", "OwnerId": "{owner}"}}"#,
                prefix.to_lowercase()
            )
        })
        .collect();
    (command, format!(r#"{{"{member}": [{}]}}"#, items.join(",")))
}

/// The snapshots `Owner.1=self` lists, by ID.
fn own_snapshots(store: &Store) -> usize {
    let answer = store.handle(b"Action=DescribeSnapshots&Version=2016-11-15&Owner.1=self");
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    answer.items
}

#[test]
fn a_replayed_accounts_reservations_make_self_that_account() {
    let store = store_as(
        &[
            reservations(&[ACCOUNT, ACCOUNT]),
            snapshots(&[ACCOUNT, OTHER, ACCOUNT]),
        ],
        None,
    )
    .unwrap();
    assert_eq!(store.context().caller().account_id, ACCOUNT);
    assert_eq!(own_snapshots(&store), 2);
    assert!(
        store.summary().contains(&format!(
            "as account {ACCOUNT} (the owner of its reservations"
        )),
        "{}",
        store.summary()
    );
}

#[test]
fn reservations_of_two_accounts_are_refused() {
    let error = store_as(&[reservations(&[ACCOUNT, OTHER])], None).unwrap_err();
    assert_eq!(error.path, "$.Reservations");
    assert!(
        error.problem.contains(ACCOUNT) && error.problem.contains(OTHER),
        "{error}"
    );
}

#[test]
fn a_configured_account_the_reservations_contradict_is_refused() {
    let error = store_as(&[reservations(&[ACCOUNT])], Some(OTHER)).unwrap_err();
    assert!(
        error
            .problem
            .contains(&format!("account {ACCOUNT}'s, not {OTHER}'s")),
        "{error}"
    );
    let agreeing = store_as(&[reservations(&[ACCOUNT])], Some(ACCOUNT)).unwrap();
    assert!(
        agreeing
            .summary()
            .contains(&format!("{ACCOUNT} (configured)"))
    );
}

#[test]
fn a_configured_account_wins_over_owners_of_groups_and_snapshots() {
    let store = store_as(
        &[
            owned(
                "describe-security-groups",
                "SecurityGroups",
                "Group",
                &[ACCOUNT],
            ),
            snapshots(&[ACCOUNT, OTHER]),
        ],
        Some(OTHER),
    )
    .unwrap();
    assert_eq!(store.context().caller().account_id, OTHER);
    assert_eq!(own_snapshots(&store), 1);
}

#[test]
fn without_reservations_the_owner_of_most_groups_interfaces_vpcs_and_subnets_is_the_account() {
    // A VPC participant sees the owner's shared VPC and subnets under the owner's ID, and its own
    // default VPC, default security group and interfaces.
    let store = store_as(
        &[
            owned("describe-vpcs", "Vpcs", "Vpc", &[OTHER, ACCOUNT]),
            owned(
                "describe-subnets",
                "Subnets",
                "Subnet",
                &[OTHER, OTHER, ACCOUNT],
            ),
            owned(
                "describe-security-groups",
                "SecurityGroups",
                "Group",
                &[ACCOUNT, ACCOUNT],
            ),
            owned(
                "describe-network-interfaces",
                "NetworkInterfaces",
                "NetworkInterface",
                &[ACCOUNT],
            ),
            snapshots(&[OTHER, OTHER, OTHER, OTHER, OTHER, OTHER]),
        ],
        None,
    )
    .unwrap();
    assert_eq!(store.context().caller().account_id, ACCOUNT);
    assert!(
        store
            .summary()
            .contains("the owner of most of its security groups")
    );
}

#[test]
fn owners_tied_over_groups_interfaces_vpcs_and_subnets_are_refused() {
    let error = store_as(
        &[
            owned("describe-vpcs", "Vpcs", "Vpc", &[OTHER]),
            owned(
                "describe-security-groups",
                "SecurityGroups",
                "Group",
                &[ACCOUNT],
            ),
        ],
        None,
    )
    .unwrap_err();
    assert!(error.problem.contains("--account-id"), "{error}");
    // Said, the account settles it.
    let store = store_as(
        &[
            owned("describe-vpcs", "Vpcs", "Vpc", &[OTHER]),
            owned(
                "describe-security-groups",
                "SecurityGroups",
                "Group",
                &[ACCOUNT],
            ),
        ],
        Some(OTHER),
    )
    .unwrap();
    assert_eq!(store.context().caller().account_id, OTHER);
}

#[test]
fn images_and_snapshots_of_one_owner_name_the_account_and_of_several_do_not() {
    let one = store_as(
        &[
            snapshots(&[ACCOUNT, ACCOUNT]),
            owned("describe-images", "Images", "Image", &[ACCOUNT]),
        ],
        None,
    )
    .unwrap();
    assert_eq!(one.context().caller().account_id, ACCOUNT);
    assert_eq!(own_snapshots(&one), 2);

    // A capture without `--owners self` lists public images of other accounts: no guess.
    let mixed = store_as(
        &[
            snapshots(&[ACCOUNT]),
            owned(
                "describe-images",
                "Images",
                "Image",
                &[OTHER, "137112412989"],
            ),
        ],
        None,
    )
    .unwrap();
    assert_eq!(mixed.context().caller().account_id, "123456789012");
    assert!(
        mixed.summary().contains("the seed shows no account"),
        "{}",
        mixed.summary()
    );
    assert_eq!(own_snapshots(&mixed), 0);
}

#[test]
fn a_reset_keeps_the_seeds_account() {
    let store = store_as(&[reservations(&[ACCOUNT]), snapshots(&[ACCOUNT])], None).unwrap();
    store.reset();
    assert_eq!(own_snapshots(&store), 1);
}

#[test]
fn a_put_of_another_accounts_reservations_is_refused_whole() {
    let store = store_as(&[reservations(&[ACCOUNT])], None).unwrap();
    let (_, output) = reservations(&[ACCOUNT, OTHER]);
    let error = store.put_json("describe-instances", &output).unwrap_err();
    assert!(
        error
            .problem
            .contains(&format!("a reservation of account {OTHER}")),
        "{error}"
    );
    assert_eq!(
        store.count("DescribeInstances"),
        Some(1),
        "nothing of it is stored"
    );
    let (_, mine) = reservations(&[ACCOUNT, ACCOUNT]);
    assert_eq!(store.put_json("describe-instances", &mine).unwrap(), 2);
}
