//! What every EC2 account has before it creates anything, embedded so that an endpoint without a
//! seed still answers it: the Regions (DescribeRegions), the Region's Availability Zones
//! (DescribeAvailabilityZones), the instance types with their specifications (DescribeInstanceTypes:
//! those the Region offers, and with `IncludeUnsupportedInRegion` every type the data knows, as the
//! Region's offerings by Region tell them apart), and where each is offered
//! (DescribeInstanceTypeOfferings, by Region, zone name and zone ID).
//!
//! A seed holding one of these operations' output replaces that operation's reference data whole:
//! a capture is what the account said (its opted-in Regions, its Local Zones, its zone IDs).
//! [`crate::EndpointBuilder::reference_data`] turns the embedded data off.
//!
//! ## Where the facts come from
//!
//! `ec2-ops-endpoint/reference/refresh.py` writes the data files from two public sources, both
//! under the Apache License 2.0 (attributions in `ec2-ops-endpoint/reference/NOTICE`; the commits
//! used in `reference/SOURCES`); the files are never edited by hand:
//!
//! - **Regions**: botocore's endpoint data (`botocore/data/endpoints.json`): the `aws` partition's
//!   Regions with an EC2 endpoint, `ec2.<region>.amazonaws.com`. The opt-in status is AWS's
//!   documented rule for a new account: Regions introduced before 20 March 2019 are
//!   `opt-in-not-required`, later ones `not-opted-in` (so DescribeRegions lists them only with
//!   `AllRegions`).
//! - **Instance types and offerings**: moto's EC2 resources (`instance_types.json`, each type's
//!   DescribeInstanceTypes record, and `instance_type_offerings/`, each Region's offerings by
//!   Region, zone name and zone ID), which moto captures from EC2 with its own scripts.
//! - **Availability Zones**: the zones the Region's offerings name. EC2 maps zone names to zone
//!   IDs per account in the older Regions; the embedded pairs are those of the account moto's
//!   offerings were captured from, each name paired with the zone ID offering exactly the same
//!   instance types (in il-central-1 two zones offer the same types, and their IDs are absent).
//!   Each zone is `available`, `opt-in-not-required`, of type `availability-zone`, in zone group
//!   `<region>-zg-1` and network border group `<region>`, without messages; the group's long
//!   name and the geography are absent (no source holds them).
//!
//! ## Limits
//!
//! Local Zones and Wavelength Zones are not embedded (seed `describe-availability-zones.json`
//! from `aws ec2 describe-availability-zones --all-availability-zones` to have them); Regions
//! moto has no offerings for (ap-east-2, ap-southeast-6, ap-southeast-7, mx-central-1 at the
//! last refresh) have no zones, instance types or offerings; the data is as of the last refresh.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::{Value, json};

/// What `aws ec2 describe-regions --all-regions` prints for a new account.
const REGIONS: &str = include_str!("../reference/regions.json");
/// Per Region: its zones, and per instance type offered there, the indexes of its zones offering
/// it (one digit each).
const OFFERINGS: &str = include_str!("../reference/offerings.json");
/// One DescribeInstanceTypes record per line, beginning `{"InstanceType":"<type>"`.
const INSTANCE_TYPES: &str = include_str!("../reference/instance-types.jsonl");

/// One Region's zones and offerings, as `offerings.json` holds them.
#[derive(Debug, Deserialize)]
struct RegionOfferings {
    zones: Vec<Zone>,
    types: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Zone {
    zone_name: String,
    zone_id: Option<String>,
}

fn offerings() -> &'static BTreeMap<String, RegionOfferings> {
    static PARSED: OnceLock<BTreeMap<String, RegionOfferings>> = OnceLock::new();
    PARSED.get_or_init(|| {
        serde_json::from_str(OFFERINGS).expect("refresh.py writes offerings.json in this shape")
    })
}

/// The names of the Regions the reference data lists (the `aws` partition's, opted in or not):
/// the regions a request may name besides those a seed holds.
pub fn region_names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        #[derive(Deserialize)]
        #[serde(rename_all = "PascalCase")]
        struct Regions {
            regions: Vec<Named>,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "PascalCase")]
        struct Named {
            region_name: String,
        }
        let regions: Regions =
            serde_json::from_str(REGIONS).expect("refresh.py writes regions.json in this shape");
        regions
            .regions
            .into_iter()
            .map(|region| region.region_name)
            .collect()
    })
}

/// The operations the reference data answers for an endpoint in `region`: DescribeRegions, and
/// for a Region the data knows, DescribeAvailabilityZones, DescribeInstanceTypeOfferings and
/// DescribeInstanceTypes.
pub(crate) fn actions(region: &str) -> Vec<&'static str> {
    let mut actions = vec!["DescribeRegions"];
    if offerings().contains_key(region) {
        actions.extend([
            "DescribeAvailabilityZones",
            "DescribeInstanceTypeOfferings",
            "DescribeInstanceTypes",
        ]);
    }
    actions
}

/// What the AWS CLI would print for `action` in `region` from the reference data; `None` for an
/// operation [`actions`] does not list.
pub(crate) fn output(action: &str, region: &str) -> Option<String> {
    if action == "DescribeRegions" {
        return Some(REGIONS.to_owned());
    }
    let offered = offerings().get(region)?;
    match action {
        "DescribeAvailabilityZones" => {
            Some(json!({ "AvailabilityZones": zones(region, offered) }).to_string())
        }
        "DescribeInstanceTypeOfferings" => {
            Some(json!({ "InstanceTypeOfferings": type_offerings(region, offered) }).to_string())
        }
        "DescribeInstanceTypes" => Some(instance_types()),
        _ => None,
    }
}

fn zones(region: &str, offered: &RegionOfferings) -> Vec<Value> {
    offered
        .zones
        .iter()
        .map(|zone| {
            let mut record = json!({
                "OptInStatus": "opt-in-not-required",
                "Messages": [],
                "RegionName": region,
                "ZoneName": zone.zone_name,
                "GroupName": format!("{region}-zg-1"),
                "NetworkBorderGroup": region,
                "ZoneType": "availability-zone",
                "State": "available",
            });
            if let Some(id) = &zone.zone_id {
                record["ZoneId"] = json!(id);
            }
            record
        })
        .collect()
}

/// Every offering in `region`: by Region, then by zone name, then by zone ID (where known).
fn type_offerings(region: &str, offered: &RegionOfferings) -> Vec<Value> {
    let offering = |instance_type: &str, location_type: &str, location: &str| {
        json!({
            "InstanceType": instance_type,
            "LocationType": location_type,
            "Location": location,
        })
    };
    let in_zones = |by_id: bool| {
        offered
            .types
            .iter()
            .flat_map(move |(instance_type, zones)| {
                zones.bytes().filter_map(move |digit| {
                    let zone = offered.zones.get(usize::from(digit.checked_sub(b'0')?))?;
                    let (location_type, location) = if by_id {
                        ("availability-zone-id", zone.zone_id.as_deref()?)
                    } else {
                        ("availability-zone", zone.zone_name.as_str())
                    };
                    Some(offering(instance_type, location_type, location))
                })
            })
    };
    offered
        .types
        .keys()
        .map(|instance_type| offering(instance_type, "region", region))
        .chain(in_zones(false))
        .chain(in_zones(true))
        .collect()
}

/// The records of every instance type the data knows, as DescribeInstanceTypes' output with
/// `IncludeUnsupportedInRegion`: those the Region does not offer are hidden without it by the
/// Region's offerings (`ec2_ops_catalog::OfferedInstanceTypes`), not left out here, so that the
/// switch shows them.
fn instance_types() -> String {
    let mut output = String::from(r#"{"InstanceTypes":["#);
    for (index, line) in INSTANCE_TYPES.lines().enumerate() {
        if index > 0 {
            output.push(',');
        }
        output.push_str(line);
    }
    output.push_str("]}");
    output
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(region: &str, action: &str) -> Value {
        assert!(actions(region).contains(&action));
        let text = output(action, region).unwrap_or_else(|| panic!("no {action} for {region}"));
        serde_json::from_str(&text).unwrap()
    }

    #[test]
    fn every_instance_type_line_begins_with_its_name() {
        for line in INSTANCE_TYPES.lines() {
            let record: Value = serde_json::from_str(line).unwrap();
            let name = record["InstanceType"].as_str().unwrap();
            assert!(line.starts_with(&format!(r#"{{"InstanceType":"{name}""#)));
        }
    }

    #[test]
    fn the_regions_are_the_aws_partition_s_with_the_documented_opt_in_rule() {
        let regions = parsed("us-east-1", "DescribeRegions");
        let status = |name: &str| {
            regions["Regions"]
                .as_array()
                .unwrap()
                .iter()
                .find(|region| region["RegionName"] == name)
                .map(|region| region["OptInStatus"].as_str().unwrap().to_owned())
        };
        assert_eq!(status("us-east-1").as_deref(), Some("opt-in-not-required"));
        assert_eq!(
            status("ap-northeast-3").as_deref(),
            Some("opt-in-not-required")
        );
        assert_eq!(status("af-south-1").as_deref(), Some("not-opted-in"));
        assert_eq!(status("eu-south-1").as_deref(), Some("not-opted-in"));
        assert_eq!(status("cn-north-1"), None, "another partition's");
    }

    #[test]
    fn a_region_s_zones_offerings_and_types_agree() {
        let zones = parsed("eu-west-1", "DescribeAvailabilityZones");
        let names: Vec<&str> = zones["AvailabilityZones"]
            .as_array()
            .unwrap()
            .iter()
            .map(|zone| zone["ZoneName"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
        let types = parsed("eu-west-1", "DescribeInstanceTypes");
        let types = types["InstanceTypes"].as_array().unwrap();
        let offerings = parsed("eu-west-1", "DescribeInstanceTypeOfferings");
        let in_region: Vec<&str> = offerings["InstanceTypeOfferings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|offering| offering["LocationType"] == "region")
            .map(|offering| offering["InstanceType"].as_str().unwrap())
            .collect();
        let known: Vec<&str> = types
            .iter()
            .map(|info| info["InstanceType"].as_str().unwrap())
            .collect();
        assert_eq!(known.len(), INSTANCE_TYPES.lines().count());
        assert!(in_region.iter().all(|offered| known.contains(offered)));
        assert!(in_region.len() < known.len(), "eu-west-1 offers fewer");
        assert!(in_region.contains(&"m5.large"));
        for offering in offerings["InstanceTypeOfferings"].as_array().unwrap() {
            match offering["LocationType"].as_str().unwrap() {
                "region" => assert_eq!(offering["Location"], "eu-west-1"),
                "availability-zone" => {
                    assert!(names.contains(&offering["Location"].as_str().unwrap()));
                }
                "availability-zone-id" => {
                    assert!(
                        offering["Location"]
                            .as_str()
                            .unwrap()
                            .starts_with("euw1-az")
                    );
                }
                other => panic!("location type {other}"),
            }
        }
    }

    #[test]
    fn a_region_without_data_has_the_region_list_only() {
        assert_eq!(actions("us-east-9"), ["DescribeRegions"]);
        assert!(output("DescribeAvailabilityZones", "us-east-9").is_none());
        assert!(output("DescribeVolumes", "us-east-1").is_none());
    }
}
