//! Accounts and regions: a seed tree of several accounts and regions, each (account, region)
//! answering only its own resources and what other accounts share with it (public images and
//! snapshots, those shared by launch or create-volume permission, without their tags); IDs of
//! another account's private resources are not found; a `NextToken` of one (account, region) is
//! refused in every other; the account a request's access key acts as.

use std::collections::BTreeSet;

use ec2_ops::Ec2Response;
use ec2_ops::operations::snapshots::DescribeSnapshotsResponse;
use ec2_ops::operations::volumes::DescribeVolumesResponse;
use ec2_ops_catalog::images::DescribeImagesResponse;
use ec2_ops_endpoint::{Accounts, Endpoint, Seed, StartError, Store};
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::common::{self, Dir};

const A: &str = "111111111111";
const B: &str = "222222222222";
const C: &str = "333333333333";

fn volumes(ids: &[&str]) -> String {
    let volumes: Vec<Value> = ids
        .iter()
        .map(|id| json!({"VolumeId": id, "Size": 8}))
        .collect();
    json!({ "Volumes": volumes }).to_string()
}

fn ids(store: &Store, action: &str, member: &str, id_member: &str, query: &str) -> Vec<String> {
    let listed = match action {
        "DescribeVolumes" => {
            common::listed::<DescribeVolumesResponse>(store, action, member, query)
        }
        "DescribeImages" => common::listed::<DescribeImagesResponse>(store, action, member, query),
        _ => common::listed::<DescribeSnapshotsResponse>(store, action, member, query),
    };
    listed
        .iter()
        .map(|item| item[id_member].as_str().unwrap().to_owned())
        .collect()
}

fn volume_ids(store: &Store) -> Vec<String> {
    ids(store, "DescribeVolumes", "Volumes", "VolumeId", "")
}

fn accounts(builder: ec2_ops_endpoint::EndpointBuilder) -> Accounts {
    builder.reference_data(false).build_accounts().unwrap()
}

#[test]
fn a_tree_of_accounts_and_regions_serves_each_its_own() {
    let a_east = volumes(&["vol-a1", "vol-shared-id"]);
    let a_west = volumes(&["vol-a2"]);
    let b_east = volumes(&["vol-b1", "vol-shared-id"]);
    let folder = Dir::new(&[
        (&format!("{A}/us-east-1/describe-volumes.json"), &a_east),
        (&format!("{A}/eu-west-1/describe-volumes.json"), &a_west),
        (&format!("{B}/us-east-1/describe-volumes.json"), &b_east),
        (
            &format!("{C}/eu-west-1/describe-volumes.json"),
            &volumes(&[]),
        ),
    ]);
    let accounts = accounts(Endpoint::builder().seed_dir(folder.path()));
    let store = |account: &str, region: &str| accounts.store(account, region).unwrap();
    assert_eq!(
        volume_ids(&store(A, "us-east-1")),
        ["vol-a1", "vol-shared-id"]
    );
    assert_eq!(volume_ids(&store(A, "eu-west-1")), ["vol-a2"]);
    assert_eq!(
        volume_ids(&store(B, "us-east-1")),
        ["vol-b1", "vol-shared-id"]
    );
    assert!(volume_ids(&store(B, "eu-west-1")).is_empty());
    assert!(volume_ids(&store(C, "us-east-1")).is_empty());
    let summary = accounts.summary();
    assert!(
        summary.starts_with("3 accounts in 2 regions holding 5 resources"),
        "{summary}"
    );
    assert_eq!(
        accounts.default_scope().account,
        ec2_ops::describe::DEFAULT_ACCOUNT_ID,
        "several accounts name no default"
    );
    let answer = store(A, "us-east-1")
        .handle(b"Action=DescribeVolumes&Version=2016-11-15&VolumeId.1=vol-b1");
    assert_eq!(answer.status, 400);
    assert!(String::from_utf8_lossy(&answer.body).contains("InvalidVolume.NotFound"));
}

#[test]
fn self_is_the_account_of_each_store() {
    let snapshots = |owner: &str| {
        json!({"Snapshots": [{"SnapshotId": format!("snap-{owner}"), "OwnerId": owner}]})
            .to_string()
    };
    let accounts = accounts(
        Endpoint::builder()
            .account_seed(
                A,
                "us-east-1",
                Seed::from_output("describe-snapshots", &snapshots(A)).unwrap(),
            )
            .account_seed(
                B,
                "us-east-1",
                Seed::from_output("describe-snapshots", &snapshots(B)).unwrap(),
            ),
    );
    for account in [A, B] {
        let store = accounts.store(account, "us-east-1").unwrap();
        assert_eq!(
            ids(
                &store,
                "DescribeSnapshots",
                "Snapshots",
                "SnapshotId",
                "&Owner.1=self"
            ),
            [format!("snap-{account}")]
        );
    }
}

#[test]
fn a_flat_seed_is_the_default_account_in_the_default_region() {
    let seed = Seed::from_output("describe-volumes", &volumes(&["vol-1"])).unwrap();
    let accounts = accounts(
        Endpoint::builder()
            .seed(seed)
            .region("eu-west-1")
            .account_id(A),
    );
    assert_eq!(
        (
            accounts.default_scope().account.as_str(),
            accounts.default_scope().region.as_str()
        ),
        (A, "eu-west-1")
    );
    assert_eq!(
        volume_ids(&accounts.store(A, "eu-west-1").unwrap()),
        ["vol-1"]
    );
    assert!(volume_ids(&accounts.store(A, "us-east-1").unwrap()).is_empty());
}

#[test]
fn the_account_of_an_access_key_is_the_configured_one_else_a_twelve_digit_key_else_the_default() {
    let accounts = accounts(
        Endpoint::builder()
            .account_id(A)
            .access_key("AKIAEXAMPLE", B),
    );
    assert_eq!(accounts.account_for(Some("AKIAEXAMPLE")), B);
    assert_eq!(accounts.account_for(Some(C)), C);
    assert_eq!(accounts.account_for(Some("test")), A);
    assert_eq!(accounts.account_for(Some("12345")), A);
    assert_eq!(accounts.account_for(None), A);
}

#[test]
fn a_region_the_endpoint_does_not_know_is_refused() {
    let accounts = accounts(Endpoint::builder());
    let error = accounts.store(A, "xx-nowhere-9").unwrap_err();
    assert_eq!(
        (error.code(), error.status()),
        ("SignatureDoesNotMatch", 403)
    );
    assert!(
        error.message().contains("'xx-nowhere-9'"),
        "{}",
        error.message()
    );
    assert!(
        accounts.store(A, "ap-southeast-7").is_ok(),
        "a region of the aws partition"
    );
}

#[test]
fn an_unseeded_account_is_made_on_first_use_and_dropped_by_a_reset() {
    let accounts = accounts(Endpoint::builder().sample());
    let before = accounts.scopes().len();
    let store = accounts.store(C, "us-east-1").unwrap();
    assert!(volume_ids(&store).is_empty());
    assert_eq!(accounts.scopes().len(), before + 1);
    accounts.reset();
    assert_eq!(accounts.scopes().len(), before);
}

#[test]
fn a_tree_account_whose_reservations_are_another_accounts_is_refused() {
    let reservations = json!({"Reservations": [{"ReservationId": "r-1", "OwnerId": B,
        "Instances": [{"InstanceId": "i-1"}]}]})
    .to_string();
    let folder = Dir::new(&[(
        &format!("{A}/us-east-1/describe-instances.json"),
        &reservations,
    )]);
    let error = Endpoint::builder()
        .seed_dir(folder.path())
        .build_accounts()
        .unwrap_err();
    assert!(matches!(error, StartError::Seed(_)), "{error}");
    assert!(error.to_string().contains(B), "{error}");
}

#[test]
fn an_account_folder_holding_files_or_a_folder_not_named_by_a_region_is_refused() {
    let stray = Dir::new(&[(&format!("{A}/describe-volumes.json"), &volumes(&[]))]);
    let error = Endpoint::builder()
        .seed_dir(stray.path())
        .build_accounts()
        .unwrap_err();
    assert!(
        error.to_string().contains("one folder per region"),
        "{error}"
    );
    let misnamed = Dir::new(&[(&format!("{A}/useast1/describe-volumes.json"), &volumes(&[]))]);
    let error = Endpoint::builder()
        .seed_dir(misnamed.path())
        .build_accounts()
        .unwrap_err();
    assert!(
        error.to_string().contains("`useast1` is not a region name"),
        "{error}"
    );
}

/// A's images: one public (tagged), one shared with B by launch permission, one private; and
/// snapshots: one shared with everyone, one with B, one private. C's seed is empty.
fn sharing() -> Accounts {
    let images = json!({"Images": [
        {"ImageId": "ami-public", "OwnerId": A, "Public": true,
         "Tags": [{"Key": "team", "Value": "a"}]},
        {"ImageId": "ami-for-b", "OwnerId": A, "Public": false},
        {"ImageId": "ami-private", "OwnerId": A, "Public": false},
    ]})
    .to_string();
    let launch =
        json!([{"ImageId": "ami-for-b", "LaunchPermissions": [{"UserId": B}]}]).to_string();
    let snapshots = json!({"Snapshots": [
        {"SnapshotId": "snap-public", "OwnerId": A},
        {"SnapshotId": "snap-for-b", "OwnerId": A, "Tags": [{"Key": "k", "Value": "v"}]},
        {"SnapshotId": "snap-private", "OwnerId": A},
    ]})
    .to_string();
    let create = json!([
        {"SnapshotId": "snap-public", "CreateVolumePermissions": [{"Group": "all"}]},
        {"SnapshotId": "snap-for-b", "CreateVolumePermissions": [{"UserId": B}]},
    ])
    .to_string();
    let folder = Dir::new(&[
        (&format!("{A}/us-east-1/describe-images.json"), &images),
        (
            &format!("{A}/us-east-1/describe-image-attribute.json"),
            &launch,
        ),
        (
            &format!("{A}/us-east-1/describe-snapshots.json"),
            &snapshots,
        ),
        (
            &format!("{A}/us-east-1/describe-snapshot-attribute.json"),
            &create,
        ),
        (
            &format!("{B}/us-east-1/describe-volumes.json"),
            &volumes(&[]),
        ),
    ]);
    accounts(Endpoint::builder().seed_dir(folder.path()))
}

#[test]
fn other_accounts_see_public_and_shared_images_and_snapshots_only() {
    let accounts = sharing();
    let images = |account: &str, query: &str| {
        ids(
            &accounts.store(account, "us-east-1").unwrap(),
            "DescribeImages",
            "Images",
            "ImageId",
            query,
        )
    };
    let snapshots = |account: &str, query: &str| {
        ids(
            &accounts.store(account, "us-east-1").unwrap(),
            "DescribeSnapshots",
            "Snapshots",
            "SnapshotId",
            query,
        )
    };
    assert_eq!(images(A, ""), ["ami-for-b", "ami-private", "ami-public"]);
    assert_eq!(images(B, ""), ["ami-for-b", "ami-public"]);
    assert_eq!(images(C, ""), ["ami-public"]);
    assert_eq!(images(B, "&ExecutableBy.1=self"), ["ami-for-b"]);
    assert_eq!(images(B, "&ExecutableBy.1=all"), ["ami-public"]);
    assert!(images(B, "&Owner.1=self").is_empty());
    assert_eq!(
        images(B, &format!("&Owner.1={A}")),
        ["ami-for-b", "ami-public"]
    );
    assert_eq!(
        snapshots(A, ""),
        ["snap-for-b", "snap-private", "snap-public"]
    );
    assert_eq!(snapshots(B, ""), ["snap-for-b", "snap-public"]);
    assert_eq!(snapshots(C, ""), ["snap-public"]);
    // Another region of the same accounts shares nothing.
    assert!(
        ids(
            &accounts.store(B, "eu-west-1").unwrap(),
            "DescribeImages",
            "Images",
            "ImageId",
            ""
        )
        .is_empty()
    );
}

#[test]
fn a_shared_copy_carries_no_tags_and_a_private_id_is_not_found() {
    let accounts = sharing();
    let c = accounts.store(C, "us-east-1").unwrap();
    let public = common::listed::<DescribeImagesResponse>(&c, "DescribeImages", "Images", "");
    assert_eq!(public[0]["ImageId"], "ami-public");
    assert!(public[0].get("Tags").is_none(), "{public:?}");
    let tags = c.handle(b"Action=DescribeTags&Version=2016-11-15");
    assert!(
        !String::from_utf8_lossy(&tags.body).contains("team"),
        "DescribeTags lists the owner's tags only"
    );
    let answer = c.handle(b"Action=DescribeImages&Version=2016-11-15&ImageId.1=ami-private");
    assert_eq!(answer.status, 400);
    assert!(String::from_utf8_lossy(&answer.body).contains("InvalidAMIID.NotFound"));
    let a = accounts.store(A, "us-east-1").unwrap();
    let own = common::listed::<DescribeImagesResponse>(
        &a,
        "DescribeImages",
        "Images",
        "&ImageId.1=ami-public",
    );
    assert_eq!(own[0]["Tags"][0]["Value"], "a", "the owner sees its tags");
}

#[test]
fn a_cloudmapper_collection_loads_each_account_by_its_config_or_its_resources() {
    let config = json!({"accounts": [{"id": A, "name": "prod"}]}).to_string();
    let reservations = json!({"Reservations": [{"ReservationId": "r-1", "OwnerId": B,
        "Instances": [{"InstanceId": "i-1"}]}]})
    .to_string();
    let attribute = json!({"SnapshotId": "snap-1", "CreateVolumePermissions": []}).to_string();
    let folder = Dir::new(&[
        ("config.json", &config),
        (
            "account-data/prod/describe-regions.json",
            r#"{"Regions": []}"#,
        ),
        (
            "account-data/prod/us-east-1/ec2-describe-volumes.json",
            &volumes(&["vol-prod"]),
        ),
        (
            "account-data/prod/us-east-1/iam-get-account-authorization-details.json",
            "{}",
        ),
        (
            "account-data/prod/us-east-1/ec2-describe-snapshots.json",
            r#"{"Snapshots": [{"SnapshotId": "snap-1"}]}"#,
        ),
        (
            "account-data/prod/us-east-1/ec2-describe-snapshot-attribute/snap-1",
            &attribute,
        ),
        (
            "account-data/staging/eu-west-1/ec2-describe-instances.json",
            &reservations,
        ),
    ]);
    let accounts = accounts(Endpoint::builder().seed_dir(folder.path()));
    let seeded: BTreeSet<String> = accounts.seeded_scopes().map(ToString::to_string).collect();
    assert!(seeded.contains(&format!("{A} in us-east-1")), "{seeded:?}");
    assert!(seeded.contains(&format!("{B} in eu-west-1")), "{seeded:?}");
    assert_eq!(
        volume_ids(&accounts.store(A, "us-east-1").unwrap()),
        ["vol-prod"]
    );
    let staging = accounts.store(B, "eu-west-1").unwrap();
    assert_eq!(staging.count("DescribeInstances"), Some(1));
    let attribute = accounts
        .store(A, "us-east-1")
        .unwrap()
        .handle(b"Action=DescribeSnapshotAttribute&Version=2016-11-15&SnapshotId=snap-1&Attribute=createVolumePermission");
    assert_eq!(
        attribute.status,
        200,
        "{}",
        String::from_utf8_lossy(&attribute.body)
    );
}

#[test]
fn a_cloudmapper_account_no_resource_names_is_refused() {
    let folder = Dir::new(&[(
        "account-data/prod/us-east-1/ec2-describe-volumes.json",
        &volumes(&["vol-1"]),
    )]);
    let error = Endpoint::builder()
        .seed_dir(folder.path())
        .build_accounts()
        .unwrap_err();
    assert!(error.to_string().contains("account-data/prod"), "{error}");
}

fn first_page_token(store: &Store) -> String {
    let answer = store.handle(b"Action=DescribeVolumes&Version=2016-11-15&MaxResults=5");
    let response = DescribeVolumesResponse::from_xml(&answer.body).unwrap();
    response.next_token.expect("more than one page")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever volumes each (account, region) is seeded with (IDs repeating across them), each
    /// lists exactly its own, finds by ID only its own, and refuses every other's tokens.
    #[test]
    fn no_account_or_region_lists_reveals_or_pages_into_anothers(
        seeded in prop::collection::btree_map(
            (prop::sample::select(vec![A, B, C]), prop::sample::select(vec!["us-east-1", "eu-west-1"])),
            prop::collection::btree_set(0_u8..40, 0..12),
            1..6,
        ),
    ) {
        let mut builder = Endpoint::builder().reference_data(false);
        for ((account, region), numbers) in &seeded {
            let ids: Vec<String> = numbers.iter().map(|number| format!("vol-{number:02}")).collect();
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            builder = builder.account_seed(*account, *region, Seed::from_output("describe-volumes", &volumes(&ids)).unwrap());
        }
        let accounts = builder.build_accounts().unwrap();
        for account in [A, B, C] {
            for region in ["us-east-1", "eu-west-1"] {
                let store = accounts.store(account, region).unwrap();
                let own: Vec<String> = seeded
                    .get(&(account, region))
                    .map(|numbers| numbers.iter().map(|number| format!("vol-{number:02}")).collect())
                    .unwrap_or_default();
                prop_assert_eq!(&volume_ids(&store), &own);
                for number in 0_u8..40 {
                    let id = format!("vol-{number:02}");
                    let answer = store.handle(format!("Action=DescribeVolumes&Version=2016-11-15&VolumeId.1={id}").as_bytes());
                    prop_assert_eq!(answer.status == 200, own.contains(&id), "{} in {} of {}", id, region, account);
                }
                if own.len() > 5 {
                    let token = first_page_token(&store);
                    for (other_account, other_region) in [(A, "us-east-1"), (B, "us-east-1"), (A, "eu-west-1")] {
                        if (other_account, other_region) == (account, region) {
                            continue;
                        }
                        let other = accounts.store(other_account, other_region).unwrap();
                        let answer = other.handle(format!("Action=DescribeVolumes&Version=2016-11-15&MaxResults=5&NextToken={token}").as_bytes());
                        prop_assert_eq!(answer.status, 400);
                    }
                    let answer = store.handle(format!("Action=DescribeVolumes&Version=2016-11-15&MaxResults=5&NextToken={token}").as_bytes());
                    prop_assert_eq!(answer.status, 200, "its own token pages on");
                }
            }
        }
    }
}

/// One image of a random sharing: its owner, whether it is public, the accounts its launch
/// permission names.
#[derive(Debug, Clone)]
struct SharedImage {
    owner: &'static str,
    public: bool,
    launchers: Vec<&'static str>,
}

fn shared_image() -> impl Strategy<Value = SharedImage> {
    let account = || prop::sample::select(vec![A, B, C]);
    (
        account(),
        any::<bool>(),
        prop::collection::vec(account(), 0..3),
    )
        .prop_map(|(owner, public, launchers)| SharedImage {
            owner,
            public,
            launchers,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever images each account owns and however it shares them, an account lists and finds
    /// by ID exactly its own, the public ones and those whose launch permission names it; any
    /// other is not found.
    #[test]
    fn an_account_sees_exactly_its_own_the_public_and_the_shared_images(
        images in prop::collection::vec(shared_image(), 0..10),
    ) {
        let mut builder = Endpoint::builder().reference_data(false);
        for owner in [A, B, C] {
            let owned: Vec<(usize, &SharedImage)> = images
                .iter()
                .enumerate()
                .filter(|(_, image)| image.owner == owner)
                .collect();
            let listed: Vec<Value> = owned
                .iter()
                .map(|(index, image)| json!({"ImageId": format!("ami-{index:02}"), "OwnerId": owner, "Public": image.public}))
                .collect();
            let permissions: Vec<Value> = owned
                .iter()
                .map(|(index, image)| {
                    let users: Vec<Value> = image.launchers.iter().map(|user| json!({"UserId": user})).collect();
                    json!({"ImageId": format!("ami-{index:02}"), "LaunchPermissions": users})
                })
                .collect();
            let seed = Seed::from_output("describe-images", &json!({ "Images": listed }).to_string())
                .unwrap()
                .merge(Seed::from_output("describe-image-attribute", &Value::Array(permissions).to_string()).unwrap())
                .unwrap();
            builder = builder.account_seed(owner, "us-east-1", seed);
        }
        let accounts = builder.build_accounts().unwrap();
        for viewer in [A, B, C] {
            let store = accounts.store(viewer, "us-east-1").unwrap();
            let expected: Vec<String> = images
                .iter()
                .enumerate()
                .filter(|(_, image)| image.owner == viewer || image.public || image.launchers.contains(&viewer))
                .map(|(index, _)| format!("ami-{index:02}"))
                .collect();
            prop_assert_eq!(&ids(&store, "DescribeImages", "Images", "ImageId", ""), &expected, "seen by {}", viewer);
            for index in 0..images.len() {
                let id = format!("ami-{index:02}");
                let answer = store.handle(format!("Action=DescribeImages&Version=2016-11-15&ImageId.1={id}").as_bytes());
                prop_assert_eq!(answer.status == 200, expected.contains(&id), "{} by ID for {}", id, viewer);
            }
        }
    }
}

#[test]
fn beyond_the_most_unseeded_stores_a_new_account_is_unavailable_and_seeded_ones_served() {
    let accounts = Endpoint::builder()
        .reference_data(false)
        .account_seed(A, "us-east-1", Seed::empty())
        .max_unseeded_stores(2)
        .build_accounts()
        .unwrap();
    assert!(accounts.store(B, "us-east-1").is_ok());
    assert!(accounts.store(B, "eu-west-1").is_ok());
    let error = accounts.store(C, "us-east-1").unwrap_err();
    assert_eq!((error.code(), error.status()), ("Unavailable", 503));
    assert!(
        accounts.store(A, "us-east-1").is_ok(),
        "a seeded store is always served"
    );
    assert!(
        accounts.store(B, "eu-west-1").is_ok(),
        "a made store is kept"
    );
    accounts.reset();
    assert!(
        accounts.store(C, "us-east-1").is_ok(),
        "a reset drops the made stores"
    );
}

#[test]
fn an_operation_given_by_a_flat_seed_and_the_same_accounts_folder_is_refused() {
    let flat = Seed::from_output("describe-volumes", &volumes(&["vol-1"])).unwrap();
    let own = Seed::from_output("describe-volumes", &volumes(&["vol-2"])).unwrap();
    let error = Endpoint::builder()
        .account_id(A)
        .seed(flat)
        .account_seed(A, "us-east-1", own)
        .build_accounts()
        .unwrap_err();
    assert!(error.to_string().contains("given twice"), "{error}");
    let subnets = Seed::from_output("describe-subnets", r#"{"Subnets": []}"#).unwrap();
    let together = Endpoint::builder()
        .account_id(A)
        .seed(Seed::from_output("describe-volumes", &volumes(&["vol-1"])).unwrap())
        .account_seed(A, "us-east-1", subnets)
        .reference_data(false)
        .build_accounts()
        .unwrap();
    assert_eq!(
        volume_ids(&together.store(A, "us-east-1").unwrap()),
        ["vol-1"]
    );
}
