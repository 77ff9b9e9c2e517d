//! The reference data every account has, served by an endpoint with no seed: the Regions with
//! their opt-in status, the served Region's zones, its instance types and their offerings; a seed
//! holding one of these operations' output replaces its reference data whole, and the builder
//! can leave the data out.

use crate::common;

use ec2_ops_catalog::account::{DescribeAvailabilityZonesResponse, DescribeRegionsResponse};
use ec2_ops_catalog::instances::{
    DescribeInstanceTypeOfferingsResponse, DescribeInstanceTypesResponse,
};
use ec2_ops_endpoint::{Endpoint, Seed, Store};
use serde_json::{Value, json};

/// The store an endpoint serving `region` (no `--region`: `None`) builds from `seed`.
fn store(region: Option<&str>, seed: Seed) -> std::sync::Arc<Store> {
    let mut builder = Endpoint::builder().seed(seed);
    if let Some(region) = region {
        builder = builder.region(region);
    }
    builder.build_store().unwrap()
}

fn regions(store: &Store, query: &str) -> Vec<Value> {
    common::listed::<DescribeRegionsResponse>(store, "DescribeRegions", "Regions", query)
}

fn zones(store: &Store, query: &str) -> Vec<Value> {
    common::listed::<DescribeAvailabilityZonesResponse>(
        store,
        "DescribeAvailabilityZones",
        "AvailabilityZones",
        query,
    )
}

fn instance_types(store: &Store, query: &str) -> Vec<Value> {
    common::listed::<DescribeInstanceTypesResponse>(
        store,
        "DescribeInstanceTypes",
        "InstanceTypes",
        query,
    )
}

fn offerings(store: &Store, query: &str) -> Vec<Value> {
    common::listed::<DescribeInstanceTypeOfferingsResponse>(
        store,
        "DescribeInstanceTypeOfferings",
        "InstanceTypeOfferings",
        query,
    )
}

fn names<'a>(items: &'a [Value], member: &str) -> Vec<&'a str> {
    items
        .iter()
        .map(|item| item[member].as_str().unwrap())
        .collect()
}

#[test]
fn an_endpoint_without_a_seed_lists_the_regions_enabled_for_a_new_account_field_by_field() {
    let store = store(None, Seed::empty());
    let enabled = regions(&store, "");
    assert_eq!(
        names(&enabled, "RegionName"),
        [
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-northeast-3",
            "ap-south-1",
            "ap-southeast-1",
            "ap-southeast-2",
            "ca-central-1",
            "eu-central-1",
            "eu-north-1",
            "eu-west-1",
            "eu-west-2",
            "eu-west-3",
            "sa-east-1",
            "us-east-1",
            "us-east-2",
            "us-west-1",
            "us-west-2",
        ]
    );
    let us_east_1 = enabled
        .iter()
        .find(|region| region["RegionName"] == "us-east-1")
        .unwrap();
    assert_eq!(
        *us_east_1,
        json!({"Endpoint": "ec2.us-east-1.amazonaws.com", "RegionName": "us-east-1",
               "OptInStatus": "opt-in-not-required"})
    );
}

#[test]
fn all_regions_adds_the_opt_in_regions_not_opted_in() {
    let store = store(None, Seed::empty());
    let all = regions(&store, "&AllRegions=true");
    let cape_town = all
        .iter()
        .find(|region| region["RegionName"] == "af-south-1")
        .unwrap();
    assert_eq!(
        *cape_town,
        json!({"Endpoint": "ec2.af-south-1.amazonaws.com", "RegionName": "af-south-1",
               "OptInStatus": "not-opted-in"})
    );
    assert!(all.len() > regions(&store, "").len());
    assert!(all.iter().all(|region| region["Endpoint"]
        == format!(
            "ec2.{}.amazonaws.com",
            region["RegionName"].as_str().unwrap()
        )));
}

#[test]
fn the_served_region_s_zones_are_answered_field_by_field() {
    let store = store(Some("eu-west-1"), Seed::empty());
    let answered = zones(&store, "");
    assert_eq!(
        names(&answered, "ZoneName"),
        ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
    );
    assert_eq!(
        answered[0],
        json!({"OptInStatus": "opt-in-not-required", "Messages": [], "RegionName": "eu-west-1",
               "ZoneName": "eu-west-1a", "ZoneId": "euw1-az3", "GroupName": "eu-west-1-zg-1",
               "NetworkBorderGroup": "eu-west-1", "ZoneType": "availability-zone",
               "State": "available"})
    );
    let by_id = zones(&store, "&ZoneId.1=euw1-az1");
    assert_eq!(names(&by_id, "ZoneName"), ["eu-west-1b"]);
}

#[test]
fn without_a_region_the_endpoint_holds_us_east_1_s_zones() {
    let store = store(None, Seed::empty());
    let answered = zones(&store, "");
    assert_eq!(answered.len(), 6);
    assert!(
        answered
            .iter()
            .all(|zone| zone["RegionName"] == "us-east-1")
    );
}

#[test]
fn an_instance_type_is_answered_with_its_specifications_and_an_unknown_one_is_invalid() {
    let store = store(Some("eu-west-1"), Seed::empty());
    let answered = instance_types(&store, "&InstanceType.1=t3.micro");
    assert_eq!(answered.len(), 1);
    let t3_micro = &answered[0];
    assert_eq!(t3_micro["VCpuInfo"]["DefaultVCpus"], 2);
    assert_eq!(t3_micro["MemoryInfo"]["SizeInMiB"], 1024);
    assert_eq!(t3_micro["BurstablePerformanceSupported"], true);
    assert_eq!(
        t3_micro["ProcessorInfo"]["SupportedArchitectures"],
        json!(["x86_64"])
    );
    let answer = store
        .handle(b"Action=DescribeInstanceTypes&Version=2016-11-15&InstanceType.1=t3.nonexistent");
    assert_eq!(answer.status, 400);
    assert!(String::from_utf8_lossy(&answer.body).contains("InvalidInstanceType"));
    let graviton = instance_types(
        &store,
        "&Filter.1.Name=processor-info.supported-architecture&Filter.1.Value.1=arm64\
         &Filter.2.Name=instance-type&Filter.2.Value.1=m6g.large",
    );
    assert_eq!(names(&graviton, "InstanceType"), ["m6g.large"]);
}

#[test]
fn types_the_region_does_not_offer_show_only_with_include_unsupported_in_region() {
    // g6.xlarge is offered in us-east-1 and not in eu-west-1 (the reference data's offerings).
    let g6 = "&Filter.1.Name=instance-type&Filter.1.Value.1=g6.xlarge";
    let ireland = store(Some("eu-west-1"), Seed::empty());
    assert!(instance_types(&ireland, g6).is_empty());
    let unsupported = instance_types(&ireland, &format!("{g6}&IncludeUnsupportedInRegion=true"));
    assert_eq!(names(&unsupported, "InstanceType"), ["g6.xlarge"]);
    assert!(
        instance_types(&ireland, "&InstanceType.1=g6.xlarge").is_empty(),
        "named, it is left out, not invalid"
    );
    let virginia = store(Some("us-east-1"), Seed::empty());
    assert_eq!(
        names(&instance_types(&virginia, g6), "InstanceType"),
        ["g6.xlarge"]
    );
    // An offering put at run time offers the type at once.
    ireland
        .put_json(
            "DescribeInstanceTypeOfferings",
            r#"{"InstanceTypeOfferings": [{"InstanceType": "g6.xlarge", "LocationType": "region",
                                          "Location": "eu-west-1"}]}"#,
        )
        .unwrap();
    assert_eq!(
        names(&instance_types(&ireland, g6), "InstanceType"),
        ["g6.xlarge"]
    );
}

#[test]
fn seeded_instance_types_without_offerings_by_region_are_all_taken_as_supported() {
    let seed = Seed::from_output(
        "describe-instance-types",
        r#"{"InstanceTypes": [{"InstanceType": "g6.xlarge"}, {"InstanceType": "m5.large"}]}"#,
    )
    .unwrap();
    let store = Endpoint::builder()
        .seed(seed)
        .reference_data(false)
        .build_store()
        .unwrap();
    assert_eq!(
        names(&instance_types(&store, ""), "InstanceType"),
        ["g6.xlarge", "m5.large"]
    );
}

#[test]
fn offerings_are_listed_by_region_by_default_and_by_zone_name_or_id_when_asked() {
    let store = store(Some("eu-west-1"), Seed::empty());
    let m5 = "&Filter.1.Name=instance-type&Filter.1.Value.1=m5.large";
    assert_eq!(
        offerings(&store, m5),
        [json!({"InstanceType": "m5.large", "LocationType": "region", "Location": "eu-west-1"})]
    );
    let by_zone = offerings(&store, &format!("{m5}&LocationType=availability-zone"));
    assert_eq!(
        names(&by_zone, "Location"),
        ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
    );
    let by_id = offerings(&store, &format!("{m5}&LocationType=availability-zone-id"));
    let mut ids = names(&by_id, "Location");
    ids.sort_unstable();
    assert_eq!(ids, ["euw1-az1", "euw1-az2", "euw1-az3"]);
}

#[test]
fn a_seeded_output_replaces_that_operation_s_reference_data_whole() {
    let seed = Seed::from_output(
        "describe-regions",
        r#"{"Regions": [{"RegionName": "eu-west-1", "Endpoint": "ec2.eu-west-1.amazonaws.com",
                         "OptInStatus": "opt-in-not-required"}]}"#,
    )
    .unwrap();
    let store = store(Some("eu-west-1"), seed);
    assert_eq!(
        names(&regions(&store, "&AllRegions=true"), "RegionName"),
        ["eu-west-1"]
    );
    assert_eq!(
        zones(&store, "").len(),
        3,
        "the other operations keep theirs"
    );
}

#[test]
fn the_builder_can_leave_the_reference_data_out() {
    let store = Endpoint::builder()
        .reference_data(false)
        .build_store()
        .unwrap();
    for action in [
        "DescribeRegions",
        "DescribeAvailabilityZones",
        "DescribeInstanceTypes",
        "DescribeInstanceTypeOfferings",
    ] {
        assert_eq!(store.count(action), Some(0), "{action}");
    }
}

#[test]
fn a_reset_keeps_the_reference_data() {
    let store = store(Some("eu-west-1"), Seed::empty());
    let held = store.count("DescribeInstanceTypes").unwrap();
    assert!(held > 0);
    assert!(
        store
            .remove_json("DescribeInstanceTypes", "t3.micro")
            .unwrap()
    );
    assert_eq!(store.count("DescribeInstanceTypes"), Some(held - 1));
    store.reset();
    assert_eq!(store.count("DescribeInstanceTypes"), Some(held));
}
