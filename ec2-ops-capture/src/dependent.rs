//! The second stage of a region's capture: the operations whose request requires values, made
//! once the first stage's answers are written, with the values those answers hold. Each required
//! member is filled from the catalog's registry ([`ec2_ops_catalog::REQUIRED_MEMBERS`]):
//!
//! - an ID (`InstanceId`, `ClientVpnEndpointId`, `ImageId.N`): each ID the captured operation
//!   listing those resources answered. That operation is the planned one whose own ID list goes
//!   under the same Query key; where several do (DescribeInstances, DescribeInstanceStatus and
//!   DescribeInstanceCreditSpecifications all take `InstanceId.N`), the one named after the
//!   resource (`Describe` + the key without `Id` + `s`: DescribeInstances), else the one such
//!   name ends and whose resource the requiring operation names (`GroupId` of
//!   DescribeSecurityGroupReferences: DescribeSecurityGroups, not DescribePlacementGroups);
//! - an enum (`Attribute`): each of its values;
//! - a history's required `StartTime` beside its parent's ID (DescribeFleetHistory's `FleetId`):
//!   the parent's `CreateTime`, as the parent's listing answered it. EC2 holds no event of a fleet
//!   from before its creation, so the call asks for the whole history EC2 still holds; a parent
//!   answered without its creation time is not asked;
//! - a Capacity Block's duration: each documented one ([`CAPACITY_BLOCK_HOURS`]);
//! - a Scheduled Instance's first slot and recurrence: the capture's next
//!   [`SCHEDULE_SEARCH_DAYS`] days, each frequency;
//! - a principal's ARN: the account's root user;
//! - anything else: nothing a capture holds, so the operation is not captured (listed by
//!   [`crate::needing_values`]).
//!
//! One call is made per combination (each instance with each attribute); the calls' outputs are
//! written as one file: a list operation's merged into one output, as the AWS CLI merges pages,
//! a record operation's (an attribute) as a JSON array of outputs, as the endpoint's seed folder
//! takes them.

use std::collections::BTreeMap;

use ec2_ops::wire::query::QueryParams;
use ec2_ops::{DateTime, Ec2Error, Ec2Request, Operation, PaginatedOperation};
use ec2_ops_catalog::{
    CatalogOperation, OperationVisitor, REQUIRED_MEMBERS, Required, RequiredValues,
};
use ec2_ops_client::{Client, ClientError};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::Value;

use crate::calls::{self, Answer};
use crate::output;

/// What a Query value escapes: all but the characters RFC 3986 leaves unreserved, as botocore.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Sends one call of an operation, given its Query string, and answers its output.
type Fetch = for<'a> fn(&'a Client, String) -> Answer<'a>;

/// An operation captured with values from what the first stage captured.
#[derive(Clone)]
pub struct DependentCall {
    /// The EC2 action (`DescribeInstanceAttribute`).
    pub action: &'static str,
    /// For each required member, where its values come from.
    pub members: Vec<(Required, Values)>,
    fetch: Fetch,
    /// Whether a Query string is a request of the operation (what the tests check every
    /// combination with).
    #[cfg_attr(not(test), allow(dead_code))]
    parses: fn(&str) -> bool,
    /// Whether its answers name, beside their list, the parent the resources belong to
    /// (DescribeFleetInstances' `FleetId`): each call's output is then kept whole.
    parent_named_beside: bool,
}

impl std::fmt::Debug for DependentCall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DependentCall")
            .field("action", &self.action)
            .field("members", &self.members)
            .finish_non_exhaustive()
    }
}

/// The durations, in hours, a Capacity Block is offered for, as DescribeCapacityBlockOfferings'
/// `CapacityDurationHours` documents them: 1-day steps up to 14 days, then 7-day steps up to 182
/// days. A Capacity Block extension is asked for the same ones (its duration's documentation
/// gives no set of its own).
pub const CAPACITY_BLOCK_HOURS: &[&str] = &[
    "24", "48", "72", "96", "120", "144", "168", "192", "216", "240", "264", "288", "312", "336",
    "504", "672", "840", "1008", "1176", "1344", "1512", "1680", "1848", "2016", "2184", "2352",
    "2520", "2688", "2856", "3024", "3192", "3360", "3528", "3696", "3864", "4032", "4200", "4368",
];

/// How far ahead a Scheduled Instance's first slot is searched: "at most three months in the
/// future", as DescribeScheduledInstanceAvailability's `LatestTime` documents; 89 days is within
/// three months from any day of the year.
pub const SCHEDULE_SEARCH_DAYS: i64 = 89;

/// The frequencies a schedule recurs at (`Recurrence.Frequency`, as documented).
const FREQUENCIES: &[&str] = &["Daily", "Weekly", "Monthly"];

/// What a capture knows beside the answers: whose account, where, and when it runs.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    /// The account captured.
    pub account_id: &'a str,
    /// The region captured.
    pub region: &'a str,
    /// When the capture started: a search window opens then.
    pub started: DateTime,
}

impl Scope<'_> {
    /// The ARN of the account's root user, in the region's partition.
    fn root_arn(&self) -> String {
        let partition = if self.region.starts_with("cn-") {
            "aws-cn"
        } else if self.region.starts_with("us-gov-") {
            "aws-us-gov"
        } else {
            "aws"
        };
        format!("arn:{partition}:iam::{}:root", self.account_id)
    }
}

/// Where a required member's values come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Values {
    /// The IDs of the resources this planned operation answered.
    IdsOf(&'static str),
    /// Each of these.
    EachOf(&'static [&'static str]),
    /// The creation time (`CreateTime`) of the resource another member of the same call names
    /// under `key`, as the planned operation `source` answered it.
    CreatedOf {
        /// The operation listing the resource (`DescribeFleets`).
        source: &'static str,
        /// The Query key naming it in the call (`FleetId`).
        key: &'static str,
    },
    /// The ARN of the captured account's root user (DescribeIdentityIdFormat's `PrincipalArn`):
    /// the principal whose settings are the account's own.
    AccountRoot,
    /// A time window from the capture's start to `days` later, in the structure's `EarliestTime`
    /// and `LatestTime` (DescribeScheduledInstanceAvailability's `FirstSlotStartTimeRange`).
    Window {
        /// How many days the window spans.
        days: i64,
    },
    /// Each of these values of one member of the structure (`Recurrence.Frequency`).
    EachOfMember {
        /// The structure's member set (`Frequency`).
        member: &'static str,
        /// Its values.
        values: &'static [&'static str],
    },
}

impl DependentCall {
    /// The AWS CLI command, which names the operation's seed file.
    pub fn command(&self) -> String {
        ec2_ops_catalog::cli_name(self.action)
    }

    /// The operations whose captured answers this one's values come from.
    pub fn sources(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.members.iter().filter_map(|(_, values)| match values {
            Values::IdsOf(action) | Values::CreatedOf { source: action, .. } => Some(*action),
            Values::EachOf(_)
            | Values::AccountRoot
            | Values::Window { .. }
            | Values::EachOfMember { .. } => None,
        })
    }

    /// How the values are found, for a dry run: `InstanceId of describe-instances × Attribute (16
    /// values)`.
    pub fn describe(&self) -> String {
        self.members
            .iter()
            .map(|(required, values)| match values {
                Values::IdsOf(action) => {
                    format!("{} of {}", required.key, ec2_ops_catalog::cli_name(action))
                }
                Values::EachOf(each) => format!("{} ({} values)", required.key, each.len()),
                Values::CreatedOf { source, key } => format!(
                    "{} (the CreateTime of the {key}'s resource in {})",
                    required.key,
                    ec2_ops_catalog::cli_name(source)
                ),
                Values::AccountRoot => format!("{} (the account's root user)", required.key),
                Values::Window { days } => {
                    format!(
                        "{} (the {days} days from the capture's start)",
                        required.key
                    )
                }
                Values::EachOfMember { member, values } => {
                    format!("{}.{member} ({} values)", required.key, values.len())
                }
            })
            .collect::<Vec<_>>()
            .join(" × ")
    }

    /// The Query strings of every call, given the captured outputs of [`sources`](Self::sources)
    /// (by action, as the AWS CLI prints them) and the capture's scope: the combinations of every
    /// member's values (`InstanceId=i-1&Attribute=userData`).
    pub fn queries(
        &self,
        captured: &BTreeMap<&'static str, Value>,
        scope: &Scope<'_>,
    ) -> Vec<String> {
        // Each call's members as (Query key, value) pairs: first every combination of the listed
        // values (a member's value may be several pairs: a window's two ends), then the values
        // that follow from another member's (a parent's creation time).
        let mut calls: Vec<Vec<(String, String)>> = vec![Vec::new()];
        for (required, values) in &self.members {
            let key = if required.list {
                format!("{}.1", required.key)
            } else {
                required.key.to_owned()
            };
            let one = |value: String| vec![(key.clone(), value)];
            let choices: Vec<Vec<(String, String)>> = match values {
                Values::IdsOf(action) => captured
                    .get(action)
                    .map(|output| ids_in(action, output, required.key, self.action))
                    .unwrap_or_default()
                    .into_iter()
                    .map(one)
                    .collect(),
                Values::EachOf(each) => each.iter().map(|value| one((*value).to_owned())).collect(),
                Values::CreatedOf { .. } => continue,
                Values::AccountRoot => vec![one(scope.root_arn())],
                Values::Window { days } => {
                    let end =
                        DateTime::from_unix_millis(scope.started.unix_millis() + days * 86_400_000)
                            .unwrap_or(scope.started);
                    vec![vec![
                        (format!("{key}.EarliestTime"), scope.started.to_string()),
                        (format!("{key}.LatestTime"), end.to_string()),
                    ]]
                }
                Values::EachOfMember { member, values } => values
                    .iter()
                    .map(|value| vec![(format!("{key}.{member}"), (*value).to_owned())])
                    .collect(),
            };
            calls = calls
                .iter()
                .flat_map(|call| {
                    choices.iter().map(|pairs| {
                        let mut call = call.clone();
                        call.extend(pairs.iter().cloned());
                        call
                    })
                })
                .collect();
        }
        for (required, values) in &self.members {
            let Values::CreatedOf { source, key } = values else {
                continue;
            };
            let output = captured.get(source);
            calls.retain_mut(|call| {
                let parent = call
                    .iter()
                    .find(|(named, _)| named.as_str() == *key)
                    .map(|(_, id)| id.as_str());
                match parent.and_then(|id| created(source, output?, key, id)) {
                    Some(time) => {
                        call.push((required.key.to_owned(), time));
                        true
                    }
                    None => false,
                }
            });
        }
        calls
            .into_iter()
            .map(|call| {
                let members = call
                    .iter()
                    .map(|(key, value)| {
                        format!("{key}={}", utf8_percent_encode(value, QUERY_VALUE))
                    })
                    .collect::<Vec<_>>()
                    .join("&");
                members + also_required(self.action)
            })
            .collect()
    }

    /// The answer to one call.
    pub(crate) fn fetch<'a>(&self, client: &'a Client, query: String) -> Answer<'a> {
        (self.fetch)(client, query)
    }

    /// The file written for the calls' outputs: a list operation's merged into one, another's as
    /// a JSON array, as is a list operation's whose answers name the parent beside the list (one
    /// output per fleet, each naming it); `None` when no call was made.
    pub(crate) fn written(&self, outputs: Vec<Value>) -> Option<Value> {
        if outputs.is_empty() {
            return None;
        }
        if ec2_ops_catalog::list_member(self.action).is_none() || self.parent_named_beside {
            return Some(Value::Array(outputs));
        }
        // One resource may answer several calls (an extension offering fits every Capacity
        // Block of its type, zone and end): kept once, as the first call answered it.
        let mut merged = output::Merged::distinct(self.action);
        for one in outputs {
            merged.add(one);
        }
        Some(merged.finish())
    }
}

/// The `CreateTime` of the resource whose member `key` is `id` in `action`'s captured output.
fn created(action: &str, output: &Value, key: &str, id: &str) -> Option<String> {
    ec2_ops_catalog::list_member(action)
        .and_then(|member| output::at_path(output, member))
        .and_then(Value::as_array)?
        .iter()
        .find(|item| item.get(key).and_then(Value::as_str) == Some(id))?
        .get("CreateTime")?
        .as_str()
        .map(str::to_owned)
}

/// The resources an operation is asked about only where they hold a member's value:
/// `(requiring action, member, value)`. A Capacity Block extension is offered for a Capacity
/// Block alone (`ReservationType` `capacity-block`), not for an On-Demand Capacity Reservation,
/// which EC2 would refuse 38 times over.
const ONLY_WHERE: &[(&str, &str, &str)] = &[(
    "DescribeCapacityBlockExtensionOfferings",
    "ReservationType",
    "capacity-block",
)];

/// The values of `key` in a captured output: each listed resource's member of that name, or its
/// items' (DescribeInstances' reservations list instances); for `requiring`, of the resources
/// [`ONLY_WHERE`] keeps.
fn ids_in(action: &str, output: &Value, key: &str, requiring: &str) -> Vec<String> {
    let Some(items) = ec2_ops_catalog::list_member(action)
        .and_then(|member| output::at_path(output, member))
        .and_then(Value::as_array)
    else {
        return Vec::new();
    };
    let kept = |item: &Value| {
        ONLY_WHERE
            .iter()
            .filter(|(only_for, _, _)| *only_for == requiring)
            .all(|(_, member, value)| item.get(member).and_then(Value::as_str) == Some(value))
    };
    let mut ids = Vec::new();
    for item in items.iter().filter(|item| kept(item)) {
        if let Some(id) = item.get(key).and_then(Value::as_str) {
            ids.push(id.to_owned());
            continue;
        }
        let nested = item
            .as_object()
            .into_iter()
            .flat_map(|members| members.values());
        for list in nested.filter_map(Value::as_array) {
            ids.extend(
                list.iter()
                    .filter_map(|inner| inner.get(key)?.as_str())
                    .map(str::to_owned),
            );
        }
    }
    ids
}

/// Every operation a capture makes in a second stage, in the catalog's order, with where each
/// member's values come from; those whose values no capture holds are left out.
pub fn dependent() -> Vec<DependentCall> {
    let mut collector = Collector::default();
    ec2_ops_catalog::for_each_operation(&mut collector);
    let planned: Vec<&'static str> = calls::planned().iter().map(|call| call.action).collect();
    let source_of = |key: &str, requiring: &str| -> Option<&'static str> {
        let candidates: Vec<&'static str> = collector
            .id_keys
            .iter()
            .filter(|(action, parameter)| *parameter == key && planned.contains(action))
            .map(|(action, _)| *action)
            .collect();
        match candidates.as_slice() {
            [one] => Some(*one),
            _ => {
                let plural = format!("{}s", key.strip_suffix("Id")?);
                let named = format!("Describe{plural}");
                if candidates.contains(&named.as_str()) {
                    return candidates.into_iter().find(|action| *action == named);
                }
                // The resource the requiring operation is about: DescribeSecurityGroupReferences'
                // `GroupId` names security groups, not placement groups.
                let about = |action: &&str| {
                    action
                        .strip_prefix("Describe")
                        .and_then(|noun| noun.strip_suffix('s'))
                        .is_some_and(|noun| requiring.contains(noun))
                };
                match candidates
                    .into_iter()
                    .filter(|action| action.ends_with(&plural))
                    .filter(about)
                    .collect::<Vec<_>>()
                    .as_slice()
                {
                    [one] => Some(*one),
                    _ => None,
                }
            }
        }
    };
    collector
        .senders
        .into_iter()
        .filter_map(
            |Sender {
                 action,
                 fetch,
                 parses,
                 parent_named_beside,
             }| {
                let (_, required) = REQUIRED_MEMBERS
                    .iter()
                    .find(|(requiring, _)| *requiring == action)?;
                // The parent a history's `StartTime` is the creation time of: the call's one
                // other member naming a resource.
                let parent = || match required
                    .iter()
                    .filter(|member| member.values == RequiredValues::Ids && !member.list)
                    .collect::<Vec<_>>()
                    .as_slice()
                {
                    [one] => Some((one.key, source_of(one.key, action)?)),
                    _ => None,
                };
                let members = required
                    .iter()
                    .map(|member| {
                        let values = match (member.values, member.member) {
                            (RequiredValues::Ids, "PrincipalArn") => Values::AccountRoot,
                            (RequiredValues::Ids, _) => {
                                Values::IdsOf(source_of(member.key, action)?)
                            }
                            (RequiredValues::EachOf(each), _) => Values::EachOf(each),
                            (RequiredValues::Unknown, "StartTime") => {
                                let (key, source) = parent()?;
                                Values::CreatedOf { source, key }
                            }
                            (
                                RequiredValues::Unknown,
                                "CapacityDurationHours" | "CapacityBlockExtensionDurationHours",
                            ) => Values::EachOf(CAPACITY_BLOCK_HOURS),
                            (RequiredValues::Unknown, "FirstSlotStartTimeRange") => {
                                Values::Window {
                                    days: SCHEDULE_SEARCH_DAYS,
                                }
                            }
                            (RequiredValues::Unknown, "Recurrence") => Values::EachOfMember {
                                member: "Frequency",
                                values: FREQUENCIES,
                            },
                            (RequiredValues::Unknown, _) => return None,
                        };
                        Some((*member, values))
                    })
                    .collect::<Option<Vec<_>>>()?;
                Some(DependentCall {
                    action,
                    members,
                    fetch,
                    parses,
                    parent_named_beside,
                })
            },
        )
        .collect()
}

/// The operations a capture cannot make: a member they require takes a value no capture holds,
/// with the members each requires. Empty for the catalog's operations; an operation declared
/// later with such a member is listed here until its values are found.
pub fn needing_values() -> Vec<(&'static str, &'static [Required])> {
    let made: Vec<&'static str> = dependent().iter().map(|call| call.action).collect();
    REQUIRED_MEMBERS
        .iter()
        .filter(|(action, _)| !made.contains(action))
        .copied()
        .collect()
}

/// The catalog's ID list keys, and a way to send each operation requiring members.
#[derive(Default)]
struct Collector {
    id_keys: Vec<(&'static str, &'static str)>,
    senders: Vec<Sender>,
}

/// How to send one operation requiring members.
struct Sender {
    action: &'static str,
    fetch: Fetch,
    parses: fn(&str) -> bool,
    parent_named_beside: bool,
}

impl Collector {
    fn add<O: CatalogOperation>(&mut self, fetch: Fetch) {
        let spec = <O as Operation>::SPEC;
        if let Some(ids) = spec.ids {
            self.id_keys.push((spec.action, ids.parameter));
        }
        if REQUIRED_MEMBERS
            .iter()
            .any(|(requiring, _)| *requiring == spec.action)
        {
            self.senders.push(Sender {
                action: spec.action,
                fetch,
                parses: |query| request::<O>(query).is_ok(),
                parent_named_beside: <O as ec2_ops::DescribeOperation>::PARENT_MEMBER.is_some(),
            });
        }
    }
}

impl OperationVisitor for Collector {
    fn visit<O: CatalogOperation>(&mut self, _area: &'static str) {
        self.add::<O>(fetch_one::<O>);
    }

    fn visit_paginated<O: CatalogOperation + PaginatedOperation>(&mut self, _area: &'static str) {
        self.add::<O>(fetch_pages::<O>);
    }
}

/// `query` as `O`'s request.
fn request<O: CatalogOperation>(query: &str) -> Result<O::Asked, Ec2Error> {
    O::Asked::from_query(QueryParams::parse(query.as_bytes())?)
}

/// The members EC2 requires of `action` beside the model's required ones, as Query parameters:
/// DescribeImageReferences needs `IncludeAllResourceTypes` or `ResourceTypes`, and is asked for
/// every type.
fn also_required(action: &str) -> &'static str {
    if action == "DescribeImageReferences" {
        "&IncludeAllResourceTypes=true"
    } else {
        ""
    }
}

/// `query` as `O`'s request, or the decoder's error as if EC2 had answered it (a combination the
/// tests check cannot happen; if it did, the capture records the code rather than stopping).
fn asked<O: CatalogOperation>(query: &str) -> Result<O::Asked, ClientError> {
    request::<O>(query).map_err(|error| ClientError::Service {
        error,
        request_id: None,
    })
}

fn fetch_one<O: CatalogOperation>(client: &Client, query: String) -> Answer<'_> {
    match asked::<O>(&query) {
        Ok(request) => calls::send::<O>(client, request),
        Err(error) => Box::pin(async move { Err(error) }),
    }
}

fn fetch_pages<O: CatalogOperation + PaginatedOperation>(
    client: &Client,
    query: String,
) -> Answer<'_> {
    match asked::<O>(&query) {
        Ok(request) => calls::walk::<O>(client, request, None),
        Err(error) => Box::pin(async move { Err(error) }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn found(action: &str) -> Option<DependentCall> {
        dependent().into_iter().find(|call| call.action == action)
    }

    fn scope() -> Scope<'static> {
        Scope {
            account_id: "123456789012",
            region: "eu-west-1",
            started: DateTime::parse("2026-12-07T10:00:00Z").unwrap(),
        }
    }

    #[test]
    fn attributes_are_asked_of_each_resource_the_listing_operation_answered() {
        let call = found("DescribeInstanceAttribute").unwrap();
        assert_eq!(call.sources().collect::<Vec<_>>(), ["DescribeInstances"]);
        let captured = BTreeMap::from([(
            "DescribeInstances",
            json!({"Reservations": [{"ReservationId": "r-1", "Instances": [
                {"InstanceId": "i-1"}, {"InstanceId": "i-2"}]}]}),
        )]);
        let queries = call.queries(&captured, &scope());
        assert_eq!(queries.len(), 2 * 16);
        assert!(queries.contains(&"InstanceId=i-2&Attribute=userData".to_owned()));
    }

    #[test]
    fn a_parent_s_children_are_asked_per_parent_and_id_lists_one_value_at_a_time() {
        let routes = found("DescribeClientVpnRoutes").unwrap();
        let captured = BTreeMap::from([(
            "DescribeClientVpnEndpoints",
            json!({"ClientVpnEndpoints": [{"ClientVpnEndpointId": "cvpn-endpoint-1"}]}),
        )]);
        assert_eq!(
            routes.queries(&captured, &scope()),
            ["ClientVpnEndpointId=cvpn-endpoint-1"]
        );
        let references = found("DescribeSecurityGroupReferences").unwrap();
        assert_eq!(
            references.sources().collect::<Vec<_>>(),
            ["DescribeSecurityGroups"]
        );
        let captured = BTreeMap::from([(
            "DescribeSecurityGroups",
            json!({"SecurityGroups": [{"GroupId": "sg-1"}, {"GroupId": "sg-2"}]}),
        )]);
        assert_eq!(
            references.queries(&captured, &scope()),
            ["GroupId.1=sg-1", "GroupId.1=sg-2"]
        );
    }

    #[test]
    fn every_operation_requiring_members_is_captured() {
        assert_eq!(needing_values(), []);
    }

    #[test]
    fn capacity_blocks_are_asked_for_every_documented_duration() {
        let offerings = found("DescribeCapacityBlockOfferings").unwrap();
        let queries = offerings.queries(&BTreeMap::new(), &scope());
        // 1 to 14 days, then 21 to 182 days in weeks.
        assert_eq!(queries.len(), 14 + 24);
        assert_eq!(queries[0], "CapacityDurationHours=24");
        assert_eq!(queries[13], "CapacityDurationHours=336");
        assert_eq!(queries[14], "CapacityDurationHours=504");
        assert_eq!(queries.last().unwrap(), "CapacityDurationHours=4368");
        let extensions = found("DescribeCapacityBlockExtensionOfferings").unwrap();
        assert_eq!(
            extensions.sources().collect::<Vec<_>>(),
            ["DescribeCapacityReservations"]
        );
        let captured = BTreeMap::from([(
            "DescribeCapacityReservations",
            json!({"CapacityReservations": [
                {"CapacityReservationId": "cr-1", "ReservationType": "capacity-block"},
                {"CapacityReservationId": "cr-2", "ReservationType": "default"},
                {"CapacityReservationId": "cr-3"}]}),
        )]);
        let queries = extensions.queries(&captured, &scope());
        assert_eq!(
            queries.len(),
            CAPACITY_BLOCK_HOURS.len(),
            "a Capacity Block's, not an On-Demand Capacity Reservation's"
        );
        assert!(queries.contains(
            &"CapacityBlockExtensionDurationHours=48&CapacityReservationId=cr-1".to_owned()
        ));
    }

    #[test]
    fn schedules_are_searched_for_each_frequency_over_the_next_months() {
        let availability = found("DescribeScheduledInstanceAvailability").unwrap();
        let queries = availability.queries(&BTreeMap::new(), &scope());
        assert_eq!(
            queries,
            ["Daily", "Weekly", "Monthly"].map(|frequency| format!(
                "FirstSlotStartTimeRange.EarliestTime=2026-12-07T10%3A00%3A00.000Z&\
                 FirstSlotStartTimeRange.LatestTime=2027-03-06T10%3A00%3A00.000Z&\
                 Recurrence.Frequency={frequency}"
            ))
        );
    }

    #[test]
    fn id_formats_are_the_root_user_s_in_the_region_s_partition() {
        let formats = found("DescribeIdentityIdFormat").unwrap();
        assert_eq!(
            formats.queries(&BTreeMap::new(), &scope()),
            ["PrincipalArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Aroot"]
        );
        let china = Scope {
            region: "cn-north-1",
            ..scope()
        };
        assert_eq!(
            formats.queries(&BTreeMap::new(), &china),
            ["PrincipalArn=arn%3Aaws-cn%3Aiam%3A%3A123456789012%3Aroot"]
        );
        assert!(formats.describe().contains("root user"));
    }

    #[test]
    fn a_resource_answering_several_calls_is_written_once() {
        let extensions = found("DescribeCapacityBlockExtensionOfferings").unwrap();
        let offering = json!({"CapacityBlockExtensionOfferingId": "cbe-1"});
        let written = extensions
            .written(vec![
                json!({"CapacityBlockExtensionOfferings": [offering.clone()]}),
                json!({"CapacityBlockExtensionOfferings": [offering.clone(),
                    {"CapacityBlockExtensionOfferingId": "cbe-2"}]}),
            ])
            .unwrap();
        assert_eq!(
            written["CapacityBlockExtensionOfferings"]
                .as_array()
                .map(Vec::len),
            Some(2)
        );
    }

    #[test]
    fn a_history_is_asked_from_its_fleet_s_creation_and_a_fleet_without_one_is_not_asked() {
        let history = found("DescribeFleetHistory").unwrap();
        let captured = BTreeMap::from([(
            "DescribeFleets",
            json!({"Fleets": [{"FleetId": "fleet-1", "CreateTime": "2025-01-01T00:00:00.000Z"},
                              {"FleetId": "fleet-2"}]}),
        )]);
        assert_eq!(
            history.queries(&captured, &scope()),
            ["FleetId=fleet-1&StartTime=2025-01-01T00%3A00%3A00.000Z"]
        );
        let spot = found("DescribeSpotFleetRequestHistory").unwrap();
        let captured = BTreeMap::from([(
            "DescribeSpotFleetRequests",
            json!({"SpotFleetRequestConfigs": [
                {"SpotFleetRequestId": "sfr-1", "CreateTime": "2025-02-01T00:00:00.000Z"}]}),
        )]);
        assert_eq!(
            spot.queries(&captured, &scope()),
            ["SpotFleetRequestId=sfr-1&StartTime=2025-02-01T00%3A00%3A00.000Z"]
        );
        assert!(
            spot.describe()
                .contains("StartTime (the CreateTime of the SpotFleetRequestId's resource")
        );
    }

    #[test]
    fn a_fleets_instances_are_asked_per_fleet_and_written_one_output_per_fleet() {
        let instances = found("DescribeFleetInstances").unwrap();
        let captured = BTreeMap::from([(
            "DescribeFleets",
            json!({"Fleets": [{"FleetId": "fleet-1"}, {"FleetId": "fleet-2"}]}),
        )]);
        assert_eq!(
            instances.queries(&captured, &scope()),
            ["FleetId=fleet-1", "FleetId=fleet-2"]
        );
        let outputs = vec![
            json!({"FleetId": "fleet-1", "ActiveInstances": [{"InstanceId": "i-1"}]}),
            json!({"FleetId": "fleet-2", "ActiveInstances": [{"InstanceId": "i-2"}]}),
        ];
        assert_eq!(
            instances.written(outputs.clone()),
            Some(Value::Array(outputs)),
            "merged, the instances would lose their fleets"
        );
        let routes = found("DescribeClientVpnRoutes").unwrap();
        let merged = routes
            .written(vec![
                json!({"Routes": [{"ClientVpnEndpointId": "cvpn-1"}]}),
                json!({"Routes": [{"ClientVpnEndpointId": "cvpn-2"}]}),
            ])
            .unwrap();
        assert_eq!(merged["Routes"].as_array().map(Vec::len), Some(2));
    }

    #[test]
    fn nothing_captured_means_no_call() {
        let call = found("DescribeVolumeAttribute").unwrap();
        assert!(call.queries(&BTreeMap::new(), &scope()).is_empty());
        assert!(call.written(Vec::new()).is_none());
    }

    #[test]
    fn every_combination_is_a_request_of_its_operation() {
        // One ID per source, with its creation time: each combination must be a request EC2's
        // decoder accepts.
        for call in dependent() {
            let captured: BTreeMap<&'static str, Value> = call
                .sources()
                .map(|source| {
                    let member = ec2_ops_catalog::list_member(source).unwrap();
                    let key = call
                        .members
                        .iter()
                        .find(|(_, values)| *values == Values::IdsOf(source))
                        .unwrap()
                        .0
                        .key;
                    let resource = json!({ key: "x-1", "CreateTime": "2025-01-01T00:00:00.000Z",
                                           "ReservationType": "capacity-block" });
                    (source, json!({ member: [resource] }))
                })
                .collect();
            let queries = call.queries(&captured, &scope());
            assert!(!queries.is_empty(), "{}", call.action);
            for query in queries {
                assert!((call.parses)(&query), "{}: {query}", call.action);
            }
        }
    }
}
