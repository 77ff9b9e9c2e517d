//! Request members that scope an answer (`Owner.N`, `ExecutableBy.N`, `IncludeDeprecated`,
//! `IncludeDisabled`, `IncludeAllInstances`, `AllRegions`, `AllAvailabilityZones`, `LocationType`,
//! credit specifications' rule over the ID list), value lists
//! that select resources (`InstanceType.N`, `AttributeName.N`, `ProductDescription.N`) and the
//! request rules the `validate` hooks check (a required list, members that exclude each other), each
//! through the Query protocol as a client sends them.

#![cfg(feature = "full")]

use std::sync::Arc;

use ec2_ops::{DescribeContext, DescribeOperation, Ec2Response, InMemorySource, Service};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

const ACCOUNT: &str = "111122223333";

/// A typed resource from the AWS CLI's JSON.
fn from_cli<R: DeserializeOwned>(value: Value) -> R {
    serde_json::from_value(value).expect("the AWS CLI's JSON of the resource")
}

/// A service of operation `O` over `resources` (keyed by `key`), for account [`ACCOUNT`].
fn service<O>(resources: Vec<Value>, key: fn(&O::Resource) -> &str) -> Service
where
    O: DescribeOperation + 'static,
    O::Resource: DeserializeOwned + Clone + Send + Sync + 'static,
{
    let mut source = InMemorySource::new(key);
    source.extend(resources.into_iter().map(from_cli::<O::Resource>));
    let mut service = Service::new(DescribeContext::default().with_account_id(ACCOUNT));
    service.register::<O, _>(Arc::new(source));
    service
}

/// A service of operation `O`, whose resources belong to a parent named beside the list (a
/// fleet's), over `resources` of `parent`, each keyed by `key` under it.
fn service_of_parent<O>(
    parent: &str,
    resources: Vec<Value>,
    key: fn(&O::Resource) -> &str,
) -> Service
where
    O: DescribeOperation + 'static,
    O::Resource: DeserializeOwned + Clone + Send + Sync + 'static,
{
    let source = InMemorySource::keyed_by_position();
    for resource in resources.into_iter().map(from_cli::<O::Resource>) {
        source.insert_at(ec2_ops::parent_key(parent, key(&resource)), resource);
    }
    let mut service = Service::new(DescribeContext::default().with_account_id(ACCOUNT));
    service.register::<O, _>(Arc::new(source));
    service
}

/// A context for account [`ACCOUNT`] whose pipeline is given `index` for operation `O`'s hooks,
/// as a service keeping one does (an endpoint keeps the Spot price changes and the types the
/// Region offers).
fn context_with_index<O: ec2_ops::Operation>(
    index: Arc<dyn std::any::Any + Send + Sync>,
) -> DescribeContext {
    struct Index {
        action: &'static str,
        index: Arc<dyn std::any::Any + Send + Sync>,
    }

    impl ec2_ops::Parents for Index {
        fn serves(&self, _action: &str, _id: &str) -> Option<bool> {
            None
        }

        fn index(&self, action: &str) -> Option<Arc<dyn std::any::Any + Send + Sync>> {
            (action == self.action).then(|| Arc::clone(&self.index))
        }
    }

    DescribeContext::default()
        .with_account_id(ACCOUNT)
        .with_parents(Arc::new(Index {
            action: O::SPEC.action,
            index,
        }))
}

/// The answer's body, parsed as `Response`, or the error code.
fn ask<Response: Ec2Response + Default>(
    service: &Service,
    action: &str,
    params: &str,
) -> Result<Response, String> {
    let query = format!("Action={action}&Version=2016-11-15{params}");
    let answer = service.handle(query.as_bytes());
    match answer.error_code {
        Some(code) => Err(code),
        None => Ok(Response::from_xml(&answer.body).expect("a well-formed answer")),
    }
}

mod images {
    use super::*;
    use ec2_ops_catalog::images::{DescribeImages, DescribeImagesResponse};

    fn images() -> Service {
        service::<DescribeImages>(
            vec![
                json!({"ImageId": "ami-own", "OwnerId": ACCOUNT, "Public": false}),
                json!({"ImageId": "ami-amazon", "OwnerId": "137112412989",
                       "ImageOwnerAlias": "amazon", "Public": true}),
                json!({"ImageId": "ami-market", "OwnerId": "679593333241",
                       "ImageOwnerAlias": "aws-marketplace", "Public": true}),
                json!({"ImageId": "ami-shared", "OwnerId": "444455556666", "Public": false}),
                json!({"ImageId": "ami-old-public", "OwnerId": "444455556666", "Public": true,
                       "DeprecationTime": "2020-01-01T00:00:00.000Z"}),
                json!({"ImageId": "ami-old-own", "OwnerId": ACCOUNT, "Public": false,
                       "DeprecationTime": "2020-01-01T00:00:00.000Z"}),
                json!({"ImageId": "ami-later", "OwnerId": "444455556666", "Public": true,
                       "DeprecationTime": "2999-01-01T00:00:00.000Z"}),
                json!({"ImageId": "ami-off", "OwnerId": ACCOUNT, "Public": false,
                       "State": "disabled"}),
            ],
            |image| image.image_id.as_deref().unwrap_or_default(),
        )
    }

    fn ids(params: &str) -> Vec<String> {
        let response: DescribeImagesResponse =
            ask(&images(), "DescribeImages", params).expect("an answer");
        response
            .images
            .into_iter()
            .filter_map(|image| image.image_id)
            .collect()
    }

    #[test]
    fn without_scoping_members_deprecated_images_of_others_and_disabled_images_are_left_out() {
        assert_eq!(
            ids(""),
            [
                "ami-amazon",
                "ami-later",
                "ami-market",
                "ami-old-own",
                "ami-own",
                "ami-shared"
            ]
        );
    }

    #[test]
    fn owner_self_lists_the_callers_images_only() {
        assert_eq!(ids("&Owner.1=self"), ["ami-old-own", "ami-own"]);
    }

    #[test]
    fn owner_aliases_and_account_ids_select_by_alias_and_owner_id() {
        assert_eq!(ids("&Owner.1=amazon"), ["ami-amazon"]);
        assert_eq!(
            ids("&Owner.1=aws-marketplace&Owner.2=444455556666"),
            ["ami-later", "ami-market", "ami-shared"]
        );
        assert!(ids("&Owner.1=999999999999").is_empty());
    }

    #[test]
    fn executable_by_all_lists_public_images_and_self_those_shared_with_the_caller() {
        assert_eq!(
            ids("&ExecutableBy.1=all"),
            ["ami-amazon", "ami-later", "ami-market"]
        );
        assert_eq!(ids("&ExecutableBy.1=self"), ["ami-shared"]);
        assert_eq!(ids(&format!("&ExecutableBy.1={ACCOUNT}")), ["ami-shared"]);
    }

    #[test]
    fn executable_by_another_account_selects_nothing_the_image_shape_cannot_tell() {
        assert!(ids("&ExecutableBy.1=444455556666").is_empty());
    }

    #[test]
    fn deprecated_images_of_others_show_when_asked_for_or_named_by_id() {
        assert!(ids("&IncludeDeprecated=true").contains(&"ami-old-public".to_owned()));
        assert_eq!(ids("&ImageId.1=ami-old-public"), ["ami-old-public"]);
        assert!(!ids("&IncludeDeprecated=false").contains(&"ami-old-public".to_owned()));
    }

    #[test]
    fn disabled_images_show_only_when_asked_for() {
        assert!(ids("&IncludeDisabled=true").contains(&"ami-off".to_owned()));
        assert!(ids("&ImageId.1=ami-off").is_empty());
    }

    #[test]
    fn scoping_members_narrow_together_with_filters() {
        assert_eq!(
            ids(
                "&Owner.1=self&IncludeDisabled=true&Filter.1.Name=image-id&Filter.1.Value.1=ami-o*"
            ),
            ["ami-off", "ami-old-own", "ami-own"]
        );
    }
}

mod fpga_images {
    use super::*;
    use ec2_ops_catalog::images::{DescribeFpgaImages, DescribeFpgaImagesResponse};

    #[test]
    fn owner_selects_afis_by_account_self_or_alias() {
        let service = service::<DescribeFpgaImages>(
            vec![
                json!({"FpgaImageId": "afi-own", "OwnerId": ACCOUNT}),
                json!({"FpgaImageId": "afi-amazon", "OwnerId": "1", "OwnerAlias": "amazon"}),
                json!({"FpgaImageId": "afi-other", "OwnerId": "444455556666"}),
            ],
            |image| image.fpga_image_id.as_deref().unwrap_or_default(),
        );
        let ids = |params: &str| -> Vec<String> {
            let response: DescribeFpgaImagesResponse =
                ask(&service, "DescribeFpgaImages", params).expect("an answer");
            response
                .fpga_images
                .into_iter()
                .filter_map(|image| image.fpga_image_id)
                .collect()
        };
        assert_eq!(ids("").len(), 3);
        assert_eq!(ids("&Owner.1=self"), ["afi-own"]);
        assert_eq!(
            ids("&Owner.1=amazon&Owner.2=444455556666"),
            ["afi-amazon", "afi-other"]
        );
    }
}

mod instance_status {
    use super::*;
    use ec2_ops_catalog::instances::{DescribeInstanceStatus, DescribeInstanceStatusResponse};

    fn ids(params: &str) -> Result<Vec<String>, String> {
        let service = service::<DescribeInstanceStatus>(
            vec![
                json!({"InstanceId": "i-1", "InstanceState": {"Code": 16, "Name": "running"}}),
                json!({"InstanceId": "i-2", "InstanceState": {"Code": 80, "Name": "stopped"}}),
                json!({"InstanceId": "i-3", "InstanceState": {"Code": 0, "Name": "pending"}}),
            ],
            |status| status.instance_id.as_deref().unwrap_or_default(),
        );
        let response: DescribeInstanceStatusResponse =
            ask(&service, "DescribeInstanceStatus", params)?;
        Ok(response
            .instance_statuses
            .into_iter()
            .filter_map(|status| status.instance_id)
            .collect())
    }

    #[test]
    fn without_include_all_instances_only_running_instances_are_listed() {
        assert_eq!(ids("").unwrap(), ["i-1"]);
        assert_eq!(ids("&IncludeAllInstances=false").unwrap(), ["i-1"]);
    }

    #[test]
    fn include_all_instances_lists_every_state() {
        assert_eq!(
            ids("&IncludeAllInstances=true").unwrap(),
            ["i-1", "i-2", "i-3"]
        );
    }

    #[test]
    fn a_stopped_instance_named_by_id_is_left_out_not_an_error() {
        assert_eq!(ids("&InstanceId.1=i-2").unwrap(), Vec::<String>::new());
        assert_eq!(
            ids("&InstanceId.1=i-2&IncludeAllInstances=true").unwrap(),
            ["i-2"]
        );
    }
}

mod credit_specifications {
    use super::*;
    use ec2_ops_catalog::instances::{
        DescribeInstanceCreditSpecifications, DescribeInstanceCreditSpecificationsResponse,
    };

    fn ids(params: &str) -> Result<Vec<String>, String> {
        let service = service::<DescribeInstanceCreditSpecifications>(
            vec![
                json!({"InstanceId": "i-1", "CpuCredits": "standard"}),
                json!({"InstanceId": "i-2", "CpuCredits": "unlimited"}),
                json!({"InstanceId": "i-3"}),
            ],
            |specification| specification.instance_id.as_deref().unwrap_or_default(),
        );
        let response: DescribeInstanceCreditSpecificationsResponse =
            ask(&service, "DescribeInstanceCreditSpecifications", params)?;
        Ok(response
            .instance_credit_specifications
            .into_iter()
            .filter_map(|specification| specification.instance_id)
            .collect())
    }

    #[test]
    fn without_instance_ids_only_unlimited_instances_are_listed() {
        assert_eq!(ids("").unwrap(), ["i-2"]);
        assert_eq!(
            ids("&Filter.1.Name=instance-id&Filter.1.Value.1=i-1").unwrap(),
            Vec::<String>::new(),
            "a filter is no ID list"
        );
    }

    #[test]
    fn named_instances_are_listed_whatever_their_option() {
        assert_eq!(
            ids("&InstanceId.1=i-1&InstanceId.2=i-2&InstanceId.3=i-3").unwrap(),
            ["i-1", "i-2", "i-3"]
        );
        assert_eq!(
            ids("&InstanceId.1=i-9").unwrap_err(),
            "InvalidInstanceID.NotFound"
        );
    }
}

mod instance_type_offerings {
    use super::*;
    use ec2_ops_catalog::instances::{
        DescribeInstanceTypeOfferings, DescribeInstanceTypeOfferingsResponse,
    };

    fn locations(params: &str) -> Vec<String> {
        let service = service::<DescribeInstanceTypeOfferings>(
            vec![
                json!({"InstanceType": "m5.large", "LocationType": "region", "Location": "eu-west-1"}),
                json!({"InstanceType": "m5.large", "LocationType": "availability-zone", "Location": "eu-west-1a"}),
                json!({"InstanceType": "m5.large", "LocationType": "availability-zone-id", "Location": "euw1-az1"}),
                json!({"InstanceType": "m5.large", "LocationType": "outpost", "Location": "arn:aws:outposts:eu-west-1:111122223333:outpost/op-1"}),
                json!({"InstanceType": "m5.large", "Location": "somewhere"}),
            ],
            |offering| offering.location.as_deref().unwrap_or_default(),
        );
        let response: DescribeInstanceTypeOfferingsResponse =
            ask(&service, "DescribeInstanceTypeOfferings", params).expect("an answer");
        response
            .instance_type_offerings
            .into_iter()
            .filter_map(|offering| offering.location)
            .collect()
    }

    #[test]
    fn without_a_location_type_the_regions_offerings_are_listed() {
        assert_eq!(locations(""), ["eu-west-1", "somewhere"]);
        assert_eq!(locations("&LocationType=region"), ["eu-west-1"]);
    }

    #[test]
    fn a_location_type_lists_the_offerings_at_that_kind_of_location() {
        assert_eq!(locations("&LocationType=availability-zone"), ["eu-west-1a"]);
        assert_eq!(
            locations("&LocationType=availability-zone-id"),
            ["euw1-az1"]
        );
        assert_eq!(
            locations("&LocationType=outpost"),
            ["arn:aws:outposts:eu-west-1:111122223333:outpost/op-1"]
        );
    }
}

mod selecting_members {
    use super::*;
    use ec2_ops_catalog::account::{
        DescribeApplicationStatusChecks, DescribeApplicationStatusChecksResponse,
    };
    use ec2_ops_catalog::instances::{
        DescribeCapacityReservationBillingRequests,
        DescribeCapacityReservationBillingRequestsResponse, DescribeInstanceSqlHaHistoryStates,
        DescribeInstanceSqlHaHistoryStatesResponse, DescribeReservedInstances,
        DescribeReservedInstancesOfferings, DescribeReservedInstancesOfferingsResponse,
        DescribeReservedInstancesResponse,
    };
    use ec2_ops_catalog::vpc::{
        DescribeNetworkInsightsAccessScopeAnalyses,
        DescribeNetworkInsightsAccessScopeAnalysesResponse, DescribeNetworkInsightsAnalyses,
        DescribeNetworkInsightsAnalysesResponse,
    };

    #[test]
    fn offering_class_and_type_select_reserved_instances_together() {
        let service = service::<DescribeReservedInstances>(
            vec![
                json!({"ReservedInstancesId": "ri-1", "OfferingClass": "standard", "OfferingType": "No Upfront"}),
                json!({"ReservedInstancesId": "ri-2", "OfferingClass": "convertible", "OfferingType": "No Upfront"}),
                json!({"ReservedInstancesId": "ri-3", "OfferingClass": "standard", "OfferingType": "All Upfront"}),
                json!({"ReservedInstancesId": "ri-4"}),
            ],
            |reserved| {
                reserved
                    .reserved_instances_id
                    .as_deref()
                    .unwrap_or_default()
            },
        );
        let ids = |params: &str| -> Vec<String> {
            let response: DescribeReservedInstancesResponse =
                ask(&service, "DescribeReservedInstances", params).expect("an answer");
            response
                .reserved_instances
                .into_iter()
                .filter_map(|reserved| reserved.reserved_instances_id)
                .collect()
        };
        assert_eq!(ids(""), ["ri-1", "ri-2", "ri-3", "ri-4"]);
        assert_eq!(ids("&OfferingClass=standard"), ["ri-1", "ri-3"]);
        assert_eq!(ids("&OfferingType=No%20Upfront"), ["ri-1", "ri-2"]);
        assert_eq!(
            ids("&OfferingClass=standard&OfferingType=No%20Upfront"),
            ["ri-1"]
        );
    }

    #[test]
    fn reserved_instances_offerings_are_selected_by_each_member_and_its_documented_default() {
        let service = service::<DescribeReservedInstancesOfferings>(
            vec![
                json!({"ReservedInstancesOfferingId": "o-1", "InstanceType": "m5.large", "InstanceTenancy": "default",
                       "Duration": 31_536_000, "OfferingClass": "standard", "OfferingType": "No Upfront",
                       "ProductDescription": "Linux/UNIX", "Marketplace": false}),
                json!({"ReservedInstancesOfferingId": "o-2", "InstanceType": "c5.large", "InstanceTenancy": "dedicated",
                       "Duration": 94_608_000, "OfferingClass": "convertible", "OfferingType": "All Upfront",
                       "ProductDescription": "Windows", "Marketplace": false}),
                json!({"ReservedInstancesOfferingId": "o-3", "InstanceType": "m5.large", "InstanceTenancy": "default",
                       "Duration": 1_000_000, "OfferingClass": "standard", "OfferingType": "No Upfront",
                       "ProductDescription": "Linux/UNIX", "Marketplace": true}),
                json!({"ReservedInstancesOfferingId": "o-4"}),
            ],
            |offering| {
                offering
                    .reserved_instances_offering_id
                    .as_deref()
                    .unwrap_or_default()
            },
        );
        let ids = |params: &str| -> Vec<String> {
            let response: DescribeReservedInstancesOfferingsResponse =
                ask(&service, "DescribeReservedInstancesOfferings", params).expect("an answer");
            response
                .reserved_instances_offerings
                .into_iter()
                .filter_map(|offering| offering.reserved_instances_offering_id)
                .collect()
        };
        assert_eq!(
            ids(""),
            ["o-1", "o-4"],
            "default tenancy, one month to three years"
        );
        assert_eq!(ids("&InstanceTenancy=dedicated"), ["o-2", "o-4"]);
        assert_eq!(ids("&MinDuration=0"), ["o-1", "o-3", "o-4"]);
        assert_eq!(
            ids("&MinDuration=0&IncludeMarketplace=false"),
            ["o-1", "o-4"]
        );
        assert_eq!(ids("&MinDuration=0&MaxDuration=1000000"), ["o-3", "o-4"]);
        assert_eq!(
            ids("&InstanceType=c5.large&InstanceTenancy=dedicated"),
            ["o-2"]
        );
        assert_eq!(ids("&ProductDescription=Linux%2FUNIX"), ["o-1"]);
        assert_eq!(ids("&OfferingClass=convertible"), Vec::<String>::new());
        assert_eq!(ids("&OfferingType=No%20Upfront"), ["o-1"]);
    }

    #[test]
    fn start_and_end_time_bound_the_sql_ha_states_inclusively() {
        let service = service::<DescribeInstanceSqlHaHistoryStates>(
            vec![
                json!({"InstanceId": "i-1", "LastUpdatedTime": "2026-01-01T00:00:00.000Z"}),
                json!({"InstanceId": "i-2", "LastUpdatedTime": "2026-02-01T00:00:00.000Z"}),
                json!({"InstanceId": "i-3", "LastUpdatedTime": "2026-03-01T00:00:00.000Z"}),
                json!({"InstanceId": "i-4"}),
            ],
            |state| state.instance_id.as_deref().unwrap_or_default(),
        );
        let ids = |params: &str| -> Vec<String> {
            let response: DescribeInstanceSqlHaHistoryStatesResponse =
                ask(&service, "DescribeInstanceSqlHaHistoryStates", params).expect("an answer");
            response
                .instances
                .into_iter()
                .filter_map(|state| state.instance_id)
                .collect()
        };
        assert_eq!(ids(""), ["i-1", "i-2", "i-3", "i-4"]);
        assert_eq!(ids("&StartTime=2026-02-01T00:00:00.000Z"), ["i-2", "i-3"]);
        assert_eq!(ids("&EndTime=2026-02-01T00:00:00.000Z"), ["i-1", "i-2"]);
        assert_eq!(
            ids("&StartTime=2026-01-15T00:00:00Z&EndTime=2026-02-15T00:00:00Z"),
            ["i-2"]
        );
    }

    #[test]
    fn role_selects_the_billing_requests_the_caller_sent_or_received() {
        let service = service::<DescribeCapacityReservationBillingRequests>(
            vec![
                json!({"CapacityReservationId": "cr-1", "RequestedBy": ACCOUNT, "UnusedReservationBillingOwnerId": "444455556666"}),
                json!({"CapacityReservationId": "cr-2", "RequestedBy": "444455556666", "UnusedReservationBillingOwnerId": ACCOUNT}),
                json!({"CapacityReservationId": "cr-3", "RequestedBy": "444455556666", "UnusedReservationBillingOwnerId": "777788889999"}),
            ],
            |billing| {
                billing
                    .capacity_reservation_id
                    .as_deref()
                    .unwrap_or_default()
            },
        );
        let ids = |params: &str| -> Vec<String> {
            let response: DescribeCapacityReservationBillingRequestsResponse = ask(
                &service,
                "DescribeCapacityReservationBillingRequests",
                params,
            )
            .expect("an answer");
            response
                .capacity_reservation_billing_requests
                .into_iter()
                .filter_map(|billing| billing.capacity_reservation_id)
                .collect()
        };
        assert_eq!(ids("&Role=odcr-owner"), ["cr-1"]);
        assert_eq!(ids("&Role=unused-reservation-billing-owner"), ["cr-2"]);
        assert!(ids("&Role=someone-else").is_empty());
    }

    #[test]
    fn checks_past_their_deletion_time_show_only_with_include_all() {
        let service = service::<DescribeApplicationStatusChecks>(
            vec![
                json!({"ApplicationStatusCheckId": "asc-1"}),
                json!({"ApplicationStatusCheckId": "asc-2", "DeletionTime": "2020-01-01T00:00:00.000Z"}),
                json!({"ApplicationStatusCheckId": "asc-3", "DeletionTime": "9999-01-01T00:00:00.000Z"}),
            ],
            |check| {
                check
                    .application_status_check_id
                    .as_deref()
                    .unwrap_or_default()
            },
        );
        let ids = |params: &str| -> Vec<String> {
            let response: DescribeApplicationStatusChecksResponse =
                ask(&service, "DescribeApplicationStatusChecks", params).expect("an answer");
            response
                .application_status_checks
                .into_iter()
                .filter_map(|check| check.application_status_check_id)
                .collect()
        };
        assert_eq!(ids(""), ["asc-1", "asc-3"]);
        assert_eq!(ids("&IncludeAll=true"), ["asc-1", "asc-2", "asc-3"]);
    }

    #[test]
    fn analysis_start_bounds_select_access_scope_analyses() {
        let service = service::<DescribeNetworkInsightsAccessScopeAnalyses>(
            vec![
                json!({"NetworkInsightsAccessScopeAnalysisId": "nisa-1", "StartDate": "2026-01-01T00:00:00.000Z"}),
                json!({"NetworkInsightsAccessScopeAnalysisId": "nisa-2", "StartDate": "2026-02-01T00:00:00.000Z"}),
                json!({"NetworkInsightsAccessScopeAnalysisId": "nisa-3"}),
            ],
            |analysis| {
                analysis
                    .network_insights_access_scope_analysis_id
                    .as_deref()
                    .unwrap_or_default()
            },
        );
        let ids = |params: &str| -> Vec<String> {
            let response: DescribeNetworkInsightsAccessScopeAnalysesResponse = ask(
                &service,
                "DescribeNetworkInsightsAccessScopeAnalyses",
                params,
            )
            .expect("an answer");
            response
                .network_insights_access_scope_analyses
                .into_iter()
                .filter_map(|analysis| analysis.network_insights_access_scope_analysis_id)
                .collect()
        };
        assert_eq!(ids(""), ["nisa-1", "nisa-2", "nisa-3"]);
        assert_eq!(
            ids("&AnalysisStartTimeBegin=2026-02-01T00:00:00.000Z"),
            ["nisa-2"]
        );
        assert_eq!(
            ids("&AnalysisStartTimeEnd=2026-01-31T00:00:00.000Z"),
            ["nisa-1"]
        );
    }

    #[test]
    fn analysis_start_and_end_times_bound_network_insights_analyses_start() {
        let service = service::<DescribeNetworkInsightsAnalyses>(
            vec![
                json!({"NetworkInsightsAnalysisId": "nia-1", "StartDate": "2026-01-01T00:00:00.000Z"}),
                json!({"NetworkInsightsAnalysisId": "nia-2", "StartDate": "2026-02-01T00:00:00.000Z"}),
                json!({"NetworkInsightsAnalysisId": "nia-3", "StartDate": "2026-03-01T00:00:00.000Z"}),
                json!({"NetworkInsightsAnalysisId": "nia-4"}),
            ],
            |analysis| {
                analysis
                    .network_insights_analysis_id
                    .as_deref()
                    .unwrap_or_default()
            },
        );
        let ids = |params: &str| -> Vec<String> {
            let response: DescribeNetworkInsightsAnalysesResponse =
                ask(&service, "DescribeNetworkInsightsAnalyses", params).expect("an answer");
            response
                .network_insights_analyses
                .into_iter()
                .filter_map(|analysis| analysis.network_insights_analysis_id)
                .collect()
        };
        assert_eq!(ids(""), ["nia-1", "nia-2", "nia-3", "nia-4"]);
        assert_eq!(
            ids("&AnalysisStartTime=2026-02-01T00:00:00.000Z"),
            ["nia-2", "nia-3"]
        );
        assert_eq!(
            ids("&AnalysisEndTime=2026-02-01T00:00:00.000Z"),
            ["nia-1", "nia-2"]
        );
        assert_eq!(
            ids(
                "&AnalysisStartTime=2026-01-15T00:00:00.000Z&AnalysisEndTime=2026-02-15T00:00:00.000Z"
            ),
            ["nia-2"]
        );
    }
}

mod regions_and_zones {
    use super::*;
    use ec2_ops_catalog::account::{
        DescribeAvailabilityZones, DescribeAvailabilityZonesResponse, DescribeRegions,
        DescribeRegionsResponse,
    };

    #[test]
    fn regions_not_opted_in_show_only_with_all_regions() {
        let service = service::<DescribeRegions>(
            vec![
                json!({"RegionName": "us-east-1", "OptInStatus": "opt-in-not-required"}),
                json!({"RegionName": "af-south-1", "OptInStatus": "opted-in"}),
                json!({"RegionName": "me-south-1", "OptInStatus": "not-opted-in"}),
            ],
            |region| region.region_name.as_deref().unwrap_or_default(),
        );
        let names = |params: &str| -> Vec<String> {
            let response: DescribeRegionsResponse =
                ask(&service, "DescribeRegions", params).expect("an answer");
            response
                .regions
                .into_iter()
                .filter_map(|region| region.region_name)
                .collect()
        };
        assert_eq!(names(""), ["af-south-1", "us-east-1"]);
        assert_eq!(
            names("&AllRegions=true"),
            ["af-south-1", "me-south-1", "us-east-1"]
        );
    }

    #[test]
    fn zones_not_opted_in_show_only_with_all_availability_zones() {
        let service = service::<DescribeAvailabilityZones>(
            vec![
                json!({"ZoneName": "us-east-1a", "OptInStatus": "opt-in-not-required"}),
                json!({"ZoneName": "us-east-1-bos-1a", "OptInStatus": "not-opted-in"}),
            ],
            |zone| zone.zone_name.as_deref().unwrap_or_default(),
        );
        let names = |params: &str| -> Vec<String> {
            let response: DescribeAvailabilityZonesResponse =
                ask(&service, "DescribeAvailabilityZones", params).expect("an answer");
            response
                .availability_zones
                .into_iter()
                .filter_map(|zone| zone.zone_name)
                .collect()
        };
        assert_eq!(names(""), ["us-east-1a"]);
        assert_eq!(
            names("&AllAvailabilityZones=true"),
            ["us-east-1-bos-1a", "us-east-1a"]
        );
    }
}

mod value_lists {
    use super::*;
    use ec2_ops_catalog::account::{DescribeAccountAttributes, DescribeAccountAttributesResponse};
    use ec2_ops_catalog::instances::{
        DescribeInstanceTypes, DescribeInstanceTypesResponse, DescribeSpotPriceHistory,
        DescribeSpotPriceHistoryResponse,
    };

    #[test]
    fn instance_types_select_their_entries_and_an_unknown_type_is_invalid_instance_type() {
        let service = service::<DescribeInstanceTypes>(
            vec![
                json!({"InstanceType": "t3.micro", "CurrentGeneration": true}),
                json!({"InstanceType": "m5.large", "CurrentGeneration": true}),
            ],
            |info| {
                use ec2_ops::ResourceIdText;
                info.instance_type.id_text()
            },
        );
        let response: DescribeInstanceTypesResponse = ask(
            &service,
            "DescribeInstanceTypes",
            "&InstanceType.1=t3.micro",
        )
        .unwrap();
        assert_eq!(response.instance_types.len(), 1);
        let err = ask::<DescribeInstanceTypesResponse>(
            &service,
            "DescribeInstanceTypes",
            "&InstanceType.1=t3.micro&InstanceType.2=t3.nano",
        )
        .unwrap_err();
        assert_eq!(err, "InvalidInstanceType");
    }

    #[test]
    fn price_history_types_and_products_narrow_and_an_unpriced_type_selects_nothing() {
        let service = service::<DescribeSpotPriceHistory>(
            vec![
                json!({"AvailabilityZoneId": "use1-az1", "InstanceType": "m5.large",
                       "ProductDescription": "Linux/UNIX", "SpotPrice": "0.04"}),
                json!({"AvailabilityZoneId": "use1-az2", "InstanceType": "c5.large",
                       "ProductDescription": "Linux/UNIX", "SpotPrice": "0.03"}),
                json!({"AvailabilityZoneId": "use1-az3", "InstanceType": "m5.large",
                       "ProductDescription": "Windows", "SpotPrice": "0.09"}),
            ],
            |price| price.availability_zone_id.as_deref().unwrap_or_default(),
        );
        let prices = |params: &str| -> Vec<String> {
            let response: DescribeSpotPriceHistoryResponse =
                ask(&service, "DescribeSpotPriceHistory", params).expect("an answer");
            response
                .spot_price_history
                .into_iter()
                .filter_map(|price| price.spot_price)
                .collect()
        };
        assert_eq!(prices("&InstanceType.1=m5.large"), ["0.04", "0.09"]);
        assert_eq!(
            prices("&InstanceType.1=m5.large&ProductDescription.1=Windows"),
            ["0.09"]
        );
        assert!(prices("&InstanceType.1=p5.48xlarge").is_empty());
    }

    #[test]
    fn account_attribute_names_select_the_attributes_held() {
        let service = service::<DescribeAccountAttributes>(
            vec![
                json!({"AttributeName": "default-vpc",
                       "AttributeValues": [{"AttributeValue": "vpc-1"}]}),
                json!({"AttributeName": "supported-platforms",
                       "AttributeValues": [{"AttributeValue": "VPC"}]}),
            ],
            |attribute| attribute.attribute_name.as_deref().unwrap_or_default(),
        );
        let response: DescribeAccountAttributesResponse = ask(
            &service,
            "DescribeAccountAttributes",
            "&AttributeName.1=default-vpc",
        )
        .unwrap();
        let names: Vec<_> = response
            .account_attributes
            .into_iter()
            .filter_map(|attribute| attribute.attribute_name)
            .collect();
        assert_eq!(names, ["default-vpc"]);
    }
}

mod launch_template_versions {
    use super::*;
    use ec2_ops_catalog::instances::{
        DescribeLaunchTemplateVersions, DescribeLaunchTemplateVersionsResponse,
        DescribeLaunchTemplates,
    };
    use ec2_ops_catalog::shapes::LaunchTemplate;

    /// What the other operations hold: one template, `lt-1`, whose latest version is 3 (its
    /// version 4 was not captured as a version, so the template, not the versions held, says
    /// which is latest); `lt-2` is not known.
    struct Templates;

    impl ec2_ops::Parents for Templates {
        fn serves(&self, action: &str, id: &str) -> Option<bool> {
            (action == "DescribeLaunchTemplates").then_some(id == "lt-1")
        }

        fn resource(&self, action: &str, id: &str) -> Option<Box<dyn std::any::Any + Send>> {
            (action == <DescribeLaunchTemplates as ec2_ops::Operation>::SPEC.action && id == "lt-1")
                .then(|| {
                    Box::new(LaunchTemplate {
                        launch_template_id: Some("lt-1".into()),
                        latest_version_number: Some(3),
                        default_version_number: Some(2),
                        ..LaunchTemplate::default()
                    }) as Box<dyn std::any::Any + Send>
                })
        }
    }

    fn versions() -> Service {
        let mut source =
            InMemorySource::new(|version: &ec2_ops_catalog::shapes::LaunchTemplateVersion| {
                version.version_description.as_deref().unwrap_or_default()
            });
        let version = |template: &str, number: i64, default: bool| {
            from_cli(
                json!({"LaunchTemplateId": template, "VersionNumber": number,
                            "VersionDescription": format!("{template}/{number}"),
                            "DefaultVersion": default}),
            )
        };
        source.extend([
            version("lt-1", 1, false),
            version("lt-1", 2, true),
            version("lt-1", 3, false),
            version("lt-2", 1, true),
            version("lt-2", 2, false),
        ]);
        let context = DescribeContext::default()
            .with_account_id(ACCOUNT)
            .with_parents(Arc::new(Templates));
        let mut service = Service::new(context);
        service.register::<DescribeLaunchTemplateVersions, _>(Arc::new(source));
        service
    }

    fn described(params: &str) -> Vec<String> {
        let response: DescribeLaunchTemplateVersionsResponse =
            ask(&versions(), "DescribeLaunchTemplateVersions", params).unwrap();
        response
            .launch_template_versions
            .into_iter()
            .map(|version| version.version_description.unwrap())
            .collect()
    }

    #[test]
    fn without_versions_every_version_is_listed() {
        assert_eq!(described("").len(), 5);
    }

    #[test]
    fn version_numbers_select_those_versions_of_the_named_template() {
        assert_eq!(
            described("&LaunchTemplateId=lt-1&LaunchTemplateVersion.1=1&LaunchTemplateVersion.2=3"),
            ["lt-1/1", "lt-1/3"]
        );
    }

    #[test]
    fn default_selects_each_templates_default_version() {
        assert_eq!(
            described("&LaunchTemplateVersion.1=$Default"),
            ["lt-1/2", "lt-2/1"]
        );
    }

    #[test]
    fn latest_is_the_templates_latest_version_number_where_the_template_is_known() {
        assert_eq!(
            described("&LaunchTemplateId=lt-1&LaunchTemplateVersion.1=$Latest"),
            ["lt-1/3"]
        );
        // lt-2 is not held by DescribeLaunchTemplates: its latest version is not known.
        assert_eq!(described("&LaunchTemplateVersion.1=$Latest"), ["lt-1/3"]);
        assert_eq!(
            described("&LaunchTemplateVersion.1=$Latest&LaunchTemplateVersion.2=$Default"),
            ["lt-1/2", "lt-1/3", "lt-2/1"]
        );
    }

    #[test]
    fn min_version_is_exclusive_and_max_version_inclusive() {
        assert_eq!(
            described("&LaunchTemplateId=lt-1&MinVersion=1&MaxVersion=2"),
            ["lt-1/2"]
        );
        assert_eq!(described("&MinVersion=1"), ["lt-1/2", "lt-1/3", "lt-2/2"]);
        assert!(described("&MaxVersion=latest").is_empty());
    }
}

mod host_reservations_and_id_formats {
    use super::*;
    use ec2_ops_catalog::account::{DescribePrincipalIdFormat, DescribePrincipalIdFormatResponse};
    use ec2_ops_catalog::instances::{
        DescribeHostReservationOfferings, DescribeHostReservationOfferingsResponse,
        DescribeHostReservations, DescribeHostReservationsResponse,
    };

    const ONE_YEAR: i64 = 31_536_000;
    const THREE_YEARS: i64 = 94_608_000;

    #[test]
    fn duration_bounds_select_host_offerings_inclusively_and_without_them_every_duration_shows() {
        let service = service::<DescribeHostReservationOfferings>(
            vec![
                json!({"OfferingId": "hro-1", "Duration": ONE_YEAR}),
                json!({"OfferingId": "hro-3", "Duration": THREE_YEARS}),
                json!({"OfferingId": "hro-x"}),
            ],
            |offering| offering.offering_id.as_deref().unwrap_or_default(),
        );
        let ids = |params: &str| -> Vec<String> {
            let response: DescribeHostReservationOfferingsResponse =
                ask(&service, "DescribeHostReservationOfferings", params).expect("an answer");
            response
                .offering_set
                .into_iter()
                .filter_map(|offering| offering.offering_id)
                .collect()
        };
        assert_eq!(ids(""), ["hro-1", "hro-3", "hro-x"]);
        assert_eq!(
            ids(&format!("&MinDuration={THREE_YEARS}")),
            ["hro-3", "hro-x"]
        );
        assert_eq!(ids(&format!("&MaxDuration={ONE_YEAR}")), ["hro-1", "hro-x"]);
        assert_eq!(
            ids(&format!("&MinDuration={ONE_YEAR}&MaxDuration={ONE_YEAR}")),
            ["hro-1", "hro-x"]
        );
        assert_eq!(
            ids(&format!("&MinDuration={}", ONE_YEAR + 1)),
            ["hro-3", "hro-x"]
        );
    }

    #[test]
    fn a_host_reservation_id_set_selects_those_reservations() {
        let service = service::<DescribeHostReservations>(
            vec![
                json!({"HostReservationId": "hr-1"}),
                json!({"HostReservationId": "hr-2"}),
                json!({"HostReservationId": "hr-3"}),
            ],
            |reservation| {
                reservation
                    .host_reservation_id
                    .as_deref()
                    .unwrap_or_default()
            },
        );
        let ids = |params: &str| -> Vec<String> {
            let response: DescribeHostReservationsResponse =
                ask(&service, "DescribeHostReservations", params).expect("an answer");
            response
                .host_reservation_set
                .into_iter()
                .filter_map(|reservation| reservation.host_reservation_id)
                .collect()
        };
        assert_eq!(ids(""), ["hr-1", "hr-2", "hr-3"]);
        assert_eq!(
            ids("&HostReservationIdSet.1=hr-3&HostReservationIdSet.2=hr-1"),
            ["hr-1", "hr-3"]
        );
        assert_eq!(ids("&HostReservationIdSet.1=hr-9"), Vec::<String>::new());
    }

    #[test]
    fn resources_keep_only_the_id_formats_of_those_types_for_every_principal() {
        let service = service::<DescribePrincipalIdFormat>(
            vec![
                json!({"Arn": "arn:aws:iam::111122223333:root", "Statuses": [
                    {"Resource": "instance", "UseLongIds": true},
                    {"Resource": "volume", "UseLongIds": true},
                    {"Resource": "snapshot", "UseLongIds": false}]}),
                json!({"Arn": "arn:aws:iam::111122223333:user/ops", "Statuses": [
                    {"Resource": "snapshot", "UseLongIds": true}]}),
            ],
            |principal| principal.arn.as_deref().unwrap_or_default(),
        );
        let formats = |params: &str| -> Vec<(String, Vec<String>)> {
            let response: DescribePrincipalIdFormatResponse =
                ask(&service, "DescribePrincipalIdFormat", params).expect("an answer");
            response
                .principals
                .into_iter()
                .map(|principal| {
                    (
                        principal.arn.unwrap_or_default(),
                        principal
                            .statuses
                            .unwrap_or_default()
                            .into_iter()
                            .filter_map(|status| status.resource)
                            .collect(),
                    )
                })
                .collect()
        };
        let root = "arn:aws:iam::111122223333:root".to_owned();
        let ops = "arn:aws:iam::111122223333:user/ops".to_owned();
        assert_eq!(
            formats(""),
            [
                (
                    root.clone(),
                    vec!["instance".into(), "volume".into(), "snapshot".into()]
                ),
                (ops.clone(), vec!["snapshot".into()]),
            ]
        );
        assert_eq!(
            formats("&Resource.1=volume&Resource.2=instance"),
            [
                (root, vec!["instance".into(), "volume".into()]),
                (ops, Vec::<String>::new()),
            ]
        );
    }
}

/// DescribeInstanceTypes' `IncludeUnsupportedInRegion`: the types the Region's offerings do not
/// name show only with it.
mod unsupported_instance_types {
    use super::*;
    use ec2_ops_catalog::OfferedInstanceTypes;
    use ec2_ops_catalog::instances::{DescribeInstanceTypes, DescribeInstanceTypesResponse};
    use ec2_ops_catalog::shapes::{InstanceTypeInfo, InstanceTypeOffering};

    fn types(indexed: bool, params: &str) -> Vec<String> {
        let mut source = InMemorySource::new(|info: &InstanceTypeInfo| {
            use ec2_ops::ResourceIdText;
            info.instance_type.id_text()
        });
        source.extend(
            ["g6.xlarge", "m5.large"]
                .map(|kind| from_cli::<InstanceTypeInfo>(json!({"InstanceType": kind}))),
        );
        // The Region's offerings as a service keeps them: `m5.large` by Region, `g6.xlarge` only
        // in a zone.
        let context = if indexed {
            let offered = OfferedInstanceTypes::default();
            for (kind, location_type) in
                [("m5.large", "region"), ("g6.xlarge", "availability-zone")]
            {
                offered.insert(&from_cli::<InstanceTypeOffering>(
                    json!({"InstanceType": kind, "LocationType": location_type}),
                ));
            }
            context_with_index::<DescribeInstanceTypes>(Arc::new(offered))
        } else {
            DescribeContext::default().with_account_id(ACCOUNT)
        };
        let mut service = Service::new(context);
        service.register::<DescribeInstanceTypes, _>(Arc::new(source));
        let response: DescribeInstanceTypesResponse =
            ask(&service, "DescribeInstanceTypes", params).expect("an answer");
        response
            .instance_types
            .into_iter()
            .filter_map(|info| info.instance_type.map(|kind| kind.as_str().to_owned()))
            .collect()
    }

    #[test]
    fn types_the_regions_offerings_do_not_name_show_only_with_the_switch() {
        assert_eq!(types(true, ""), ["m5.large"]);
        assert_eq!(
            types(true, "&IncludeUnsupportedInRegion=true"),
            ["g6.xlarge", "m5.large"]
        );
        assert_eq!(
            types(true, "&IncludeUnsupportedInRegion=false"),
            ["m5.large"]
        );
    }

    #[test]
    fn without_the_regions_offerings_every_type_held_is_supported() {
        assert_eq!(types(false, ""), ["g6.xlarge", "m5.large"]);
    }
}

/// DescribeSpotPriceHistory's time range: the changes in it, and the price in effect at its start,
/// which the service's index of price changes tells.
mod spot_price_history {
    use super::*;
    use ec2_ops_catalog::SpotPriceChanges;
    use ec2_ops_catalog::instances::{DescribeSpotPriceHistory, DescribeSpotPriceHistoryResponse};
    use ec2_ops_catalog::shapes::SpotPrice;

    fn history() -> Vec<SpotPrice> {
        [("0.01", "01"), ("0.02", "05"), ("0.03", "09")]
            .into_iter()
            .map(|(price, day)| {
                from_cli(
                    json!({"AvailabilityZone": "us-east-1a", "InstanceType": "m5.large",
                                "ProductDescription": "Linux/UNIX", "SpotPrice": price,
                                "Timestamp": format!("2024-05-{day}T00:00:00.000Z")}),
                )
            })
            .collect()
    }

    fn prices(indexed: bool, params: &str) -> Vec<String> {
        let mut source = InMemorySource::keyed_by_position();
        source.extend(history());
        let context = if indexed {
            context_with_index::<DescribeSpotPriceHistory>(Arc::new(SpotPriceChanges::of(
                &history(),
            )))
        } else {
            DescribeContext::default().with_account_id(ACCOUNT)
        };
        let mut service = Service::new(context);
        service.register::<DescribeSpotPriceHistory, _>(Arc::new(source));
        let response: DescribeSpotPriceHistoryResponse =
            ask(&service, "DescribeSpotPriceHistory", params).expect("an answer");
        response
            .spot_price_history
            .into_iter()
            .filter_map(|price| price.spot_price)
            .collect()
    }

    #[test]
    fn a_start_time_answers_the_price_in_effect_at_it_and_the_changes_after() {
        let from_the_7th = "&StartTime=2024-05-07T00:00:00Z";
        assert_eq!(prices(true, from_the_7th), ["0.02", "0.03"]);
        assert_eq!(
            prices(true, "&StartTime=2024-05-05T00:00:00Z"),
            ["0.02", "0.03"],
            "a change at the start is the one in effect"
        );
        assert_eq!(
            prices(
                true,
                "&StartTime=2024-05-02T00:00:00Z&EndTime=2024-05-05T00:00:00Z"
            ),
            ["0.01", "0.02"]
        );
        assert_eq!(prices(true, ""), ["0.01", "0.02", "0.03"]);
    }

    #[test]
    fn without_the_services_index_no_change_before_the_start_is_answered() {
        assert_eq!(prices(false, "&StartTime=2024-05-07T00:00:00Z"), ["0.03"]);
    }
}

mod histories {
    use super::*;
    use ec2_ops_catalog::instances::{
        DescribeFleetHistory, DescribeFleetHistoryResponse, DescribeSpotFleetRequestHistory,
        DescribeSpotFleetRequestHistoryResponse,
    };

    fn records() -> Vec<Value> {
        vec![
            json!({"EventType": "instanceChange", "Timestamp": "2025-01-01T00:00:00.000Z",
                   "EventInformation": {"EventDescription": "first"}}),
            json!({"EventType": "fleetRequestChange", "Timestamp": "2025-02-01T00:00:00.000Z",
                   "EventInformation": {"EventDescription": "second"}}),
            json!({"EventType": "instanceChange", "Timestamp": "2025-03-01T00:00:00.000Z",
                   "EventInformation": {"EventDescription": "third"}}),
        ]
    }

    #[test]
    fn fleet_history_lists_events_from_the_start_time_of_the_type_asked_for() {
        let service = service_of_parent::<DescribeFleetHistory>("fleet-1", records(), |record| {
            // Events have no ID: the test's descriptions tell them apart.
            record
                .event_information
                .as_ref()
                .and_then(|information| information.event_description.as_deref())
                .unwrap_or_default()
        });
        let times = |params: &str| -> Vec<String> {
            let response: DescribeFleetHistoryResponse =
                ask(&service, "DescribeFleetHistory", params).expect("an answer");
            response
                .history_records
                .into_iter()
                .filter_map(|record| record.timestamp.map(|time| time.to_string()))
                .collect()
        };
        let fleet = "&FleetId=fleet-1";
        assert_eq!(
            times(&format!("{fleet}&StartTime=2025-02-01T00:00:00Z")).len(),
            2,
            "the start is included"
        );
        assert_eq!(
            times(&format!(
                "{fleet}&StartTime=2025-01-01T00:00:00Z&EventType=instanceChange"
            ))
            .len(),
            2
        );
        assert_eq!(
            times(&format!("{fleet}&StartTime=2025-03-02T00:00:00Z")),
            Vec::<String>::new()
        );
    }

    #[test]
    fn spot_fleet_request_history_lists_events_from_the_start_time_of_the_type_asked_for() {
        let service =
            service_of_parent::<DescribeSpotFleetRequestHistory>("sfr-1", records(), |record| {
                record
                    .event_information
                    .as_ref()
                    .and_then(|information| information.event_description.as_deref())
                    .unwrap_or_default()
            });
        let count = |params: &str| -> usize {
            let response: DescribeSpotFleetRequestHistoryResponse =
                ask(&service, "DescribeSpotFleetRequestHistory", params).expect("an answer");
            response.history_records.len()
        };
        let request = "&SpotFleetRequestId=sfr-1";
        assert_eq!(
            count(&format!("{request}&StartTime=2025-01-15T00:00:00Z")),
            2
        );
        assert_eq!(
            count(&format!(
                "{request}&StartTime=2025-01-01T00:00:00Z&EventType=fleetRequestChange"
            )),
            1
        );
    }
}

mod scheduled_instance_availability {
    use super::*;
    use ec2_ops_catalog::instances::{
        DescribeScheduledInstanceAvailability, DescribeScheduledInstanceAvailabilityResponse,
    };

    fn schedules() -> Service {
        service::<DescribeScheduledInstanceAvailability>(
            vec![
                json!({"PurchaseToken": "daily-4h", "FirstSlotStartTime": "2026-03-01T08:00:00.000Z",
                       "SlotDurationInHours": 4, "Recurrence": {"Frequency": "Daily", "Interval": 1}}),
                json!({"PurchaseToken": "daily-8h", "FirstSlotStartTime": "2026-03-02T08:00:00.000Z",
                       "SlotDurationInHours": 8, "Recurrence": {"Frequency": "Daily", "Interval": 1}}),
                json!({"PurchaseToken": "weekly-mon-wed", "FirstSlotStartTime": "2026-03-02T08:00:00.000Z",
                       "SlotDurationInHours": 24, "Recurrence": {"Frequency": "Weekly", "Interval": 1,
                       "OccurrenceDaySet": [4, 2], "OccurrenceUnit": "DayOfWeek"}}),
                json!({"PurchaseToken": "daily-late", "FirstSlotStartTime": "2026-05-01T08:00:00.000Z",
                       "SlotDurationInHours": 4, "Recurrence": {"Frequency": "Daily", "Interval": 1}}),
            ],
            |schedule| schedule.purchase_token.as_deref().unwrap_or_default(),
        )
    }

    /// The purchase tokens a search in March 2026 answers, with `params` added.
    fn found(params: &str) -> Vec<String> {
        let response: DescribeScheduledInstanceAvailabilityResponse = ask(
            &schedules(),
            "DescribeScheduledInstanceAvailability",
            &format!(
                "&FirstSlotStartTimeRange.EarliestTime=2026-03-01T00:00:00Z\
                 &FirstSlotStartTimeRange.LatestTime=2026-03-31T00:00:00Z{params}"
            ),
        )
        .expect("an answer");
        response
            .scheduled_instance_availability_set
            .into_iter()
            .filter_map(|schedule| schedule.purchase_token)
            .collect()
    }

    #[test]
    fn the_first_slot_range_and_the_frequency_select_schedules() {
        assert_eq!(
            found("&Recurrence.Frequency=Daily"),
            ["daily-4h", "daily-8h"]
        );
        assert_eq!(found("&Recurrence.Frequency=weekly"), ["weekly-mon-wed"]);
    }

    #[test]
    fn slot_duration_bounds_select_schedules() {
        assert_eq!(
            found("&Recurrence.Frequency=Daily&MinSlotDurationInHours=5"),
            ["daily-8h"]
        );
        assert_eq!(
            found("&Recurrence.Frequency=Daily&MaxSlotDurationInHours=4"),
            ["daily-4h"]
        );
    }

    #[test]
    fn occurrence_days_match_as_a_set_and_other_members_when_named() {
        let weekly = "&Recurrence.Frequency=Weekly&Recurrence.OccurrenceUnit=DayOfWeek";
        assert_eq!(
            found(&format!(
                "{weekly}&Recurrence.OccurrenceDay.1=2&Recurrence.OccurrenceDay.2=4"
            )),
            ["weekly-mon-wed"]
        );
        assert!(found(&format!("{weekly}&Recurrence.OccurrenceDay.1=2")).is_empty());
        assert!(found("&Recurrence.Frequency=Daily&Recurrence.Interval=2").is_empty());
    }
}

/// The rules the `validate` hooks check, each with the members that select by them.
mod request_rules {
    use super::*;
    use ec2_ops_catalog::images::{
        DescribeImageReferences, DescribeImageReferencesResponse, DescribeStoreImageTasks,
        DescribeStoreImageTasksResponse,
    };
    use ec2_ops_catalog::vpc::{
        DescribeSecurityGroupReferences, DescribeSecurityGroupReferencesResponse,
    };

    /// The error's code and message, or the answer.
    fn refused(service: &Service, action: &str, params: &str) -> (String, String) {
        let query = format!("Action={action}&Version=2016-11-15{params}");
        let answer = service.handle(query.as_bytes());
        assert_eq!(answer.status, 400, "{params}");
        let body = String::from_utf8(answer.body).unwrap();
        let message = body
            .split_once("<Message>")
            .and_then(|(_, rest)| rest.split_once("</Message>"))
            .map(|(message, _)| message.to_owned())
            .unwrap_or_default();
        (answer.error_code.unwrap(), message)
    }

    fn references() -> Service {
        service::<DescribeSecurityGroupReferences>(
            vec![
                json!({"GroupId": "sg-1", "ReferencingVpcId": "vpc-a", "VpcPeeringConnectionId": "pcx-1"}),
                json!({"GroupId": "sg-2", "ReferencingVpcId": "vpc-b", "TransitGatewayId": "tgw-1"}),
                json!({"GroupId": "sg-1", "ReferencingVpcId": "vpc-c", "TransitGatewayId": "tgw-1"}),
            ],
            |reference| reference.referencing_vpc_id.as_deref().unwrap_or_default(),
        )
    }

    #[test]
    fn security_group_references_require_a_group_id_and_list_that_group_s() {
        let service = references();
        let action = "DescribeSecurityGroupReferences";
        assert_eq!(
            refused(&service, action, ""),
            (
                "MissingParameter".to_owned(),
                "The request must contain the parameter GroupId".to_owned()
            )
        );
        // DryRun is answered first, as for every operation.
        let dry_run =
            service.handle(format!("Action={action}&Version=2016-11-15&DryRun=true").as_bytes());
        assert_eq!(dry_run.error_code.as_deref(), Some("DryRunOperation"));
        let answer: DescribeSecurityGroupReferencesResponse =
            ask(&service, action, "&GroupId.1=sg-1").unwrap();
        let vpcs: Vec<_> = answer
            .security_group_reference_set
            .iter()
            .map(|reference| reference.referencing_vpc_id.as_deref().unwrap())
            .collect();
        assert_eq!(vpcs, ["vpc-a", "vpc-c"]);
        let answer: DescribeSecurityGroupReferencesResponse =
            ask(&service, action, "&GroupId.1=sg-2&GroupId.2=sg-9").unwrap();
        assert_eq!(answer.security_group_reference_set.len(), 1);
    }

    fn image_references() -> Service {
        service::<DescribeImageReferences>(
            vec![
                json!({"ImageId": "ami-1", "ResourceType": "ec2:Instance", "Arn": "arn:aws:ec2:eu-west-1:111122223333:instance/i-1"}),
                json!({"ImageId": "ami-2", "ResourceType": "ec2:LaunchTemplate", "Arn": "arn:aws:ec2:eu-west-1:111122223333:launch-template/lt-1"}),
                json!({"ImageId": "ami-3", "ResourceType": "ssm:Parameter", "Arn": "arn:aws:ssm:eu-west-1:111122223333:parameter/golden"}),
            ],
            |reference| reference.image_id.as_deref().unwrap_or_default(),
        )
    }

    fn arns(answer: &DescribeImageReferencesResponse) -> Vec<&str> {
        answer
            .image_references
            .iter()
            .map(|reference| {
                reference
                    .arn
                    .as_deref()
                    .unwrap()
                    .rsplit(':')
                    .next()
                    .unwrap()
            })
            .collect()
    }

    #[test]
    fn image_references_require_an_image_and_the_resource_types_to_check() {
        let service = image_references();
        let action = "DescribeImageReferences";
        assert_eq!(
            refused(&service, action, "&IncludeAllResourceTypes=true").0,
            "MissingParameter"
        );
        for params in [
            "&ImageId.1=ami-1",
            "&ImageId.1=ami-1&IncludeAllResourceTypes=false",
        ] {
            assert_eq!(
                refused(&service, action, params),
                (
                    "MissingParameter".to_owned(),
                    "The request must contain the parameter IncludeAllResourceTypes or ResourceType"
                        .to_owned()
                ),
                "{params}"
            );
        }
        let all: DescribeImageReferencesResponse = ask(
            &service,
            action,
            "&ImageId.1=ami-1&ImageId.2=ami-2&ImageId.3=ami-3&IncludeAllResourceTypes=true",
        )
        .unwrap();
        assert_eq!(arns(&all).len(), 3);
        let some: DescribeImageReferencesResponse = ask(
            &service,
            action,
            "&ImageId.1=ami-1&ImageId.2=ami-2&ImageId.3=ami-3&ResourceType.1.ResourceType=ec2:Instance&ResourceType.2.ResourceType=ssm:Parameter",
        )
        .unwrap();
        assert_eq!(arns(&some), ["instance/i-1", "parameter/golden"]);
        // Both: every type is checked, the listed types' options aside.
        let both: DescribeImageReferencesResponse = ask(
            &service,
            action,
            "&ImageId.1=ami-1&ImageId.2=ami-2&ImageId.3=ami-3&IncludeAllResourceTypes=true&ResourceType.1.ResourceType=ec2:Instance",
        )
        .unwrap();
        assert_eq!(arns(&both).len(), 3);
    }

    fn store_tasks() -> Service {
        service::<DescribeStoreImageTasks>(
            vec![
                json!({"AmiId": "ami-1", "Bucket": "one", "StoreTaskState": "Completed"}),
                json!({"AmiId": "ami-2", "Bucket": "two", "StoreTaskState": "InProgress"}),
                json!({"AmiId": "ami-3", "Bucket": "one", "StoreTaskState": "Failed"}),
            ],
            |task| task.ami_id.as_deref().unwrap_or_default(),
        )
    }

    fn amis(answer: &DescribeStoreImageTasksResponse) -> Vec<&str> {
        answer
            .store_image_task_results
            .iter()
            .map(|task| task.ami_id.as_deref().unwrap())
            .collect()
    }

    #[test]
    fn store_image_tasks_of_named_images_ignore_the_filters() {
        let service = store_tasks();
        let action = "DescribeStoreImageTasks";
        let named: DescribeStoreImageTasksResponse =
            ask(&service, action, "&ImageId.1=ami-3&ImageId.2=ami-2").unwrap();
        assert_eq!(amis(&named), ["ami-2", "ami-3"]);
        let filtered: DescribeStoreImageTasksResponse = ask(
            &service,
            action,
            "&Filter.1.Name=bucket&Filter.1.Value.1=one",
        )
        .unwrap();
        assert_eq!(amis(&filtered), ["ami-1", "ami-3"]);
        // With ImageIds, the filter that would select none of them is ignored.
        let both: DescribeStoreImageTasksResponse = ask(
            &service,
            action,
            "&ImageId.1=ami-2&Filter.1.Name=bucket&Filter.1.Value.1=one",
        )
        .unwrap();
        assert_eq!(amis(&both), ["ami-2"]);
    }

    #[test]
    fn store_image_tasks_take_at_most_20_images_and_not_with_max_results() {
        let service = store_tasks();
        let action = "DescribeStoreImageTasks";
        assert_eq!(
            refused(&service, action, "&ImageId.1=ami-1&MaxResults=5"),
            (
                "InvalidParameterCombination".to_owned(),
                "The parameter ImageIds cannot be used with the parameter MaxResults".to_owned()
            )
        );
        let twenty: String = (1..=20).map(|n| format!("&ImageId.{n}=ami-{n}")).collect();
        let answer: DescribeStoreImageTasksResponse = ask(&service, action, &twenty).unwrap();
        assert_eq!(answer.store_image_task_results.len(), 3);
        let twenty_one = format!("{twenty}&ImageId.21=ami-21");
        assert_eq!(
            refused(&service, action, &twenty_one).0,
            "InvalidParameterValue"
        );
        // Paging without ImageIds is as before.
        let page: DescribeStoreImageTasksResponse = ask(&service, action, "&MaxResults=2").unwrap();
        assert_eq!(page.store_image_task_results.len(), 2);
    }
}

mod capacity_blocks {
    use super::*;
    use ec2_ops_catalog::account::DescribeAvailabilityZones;
    use ec2_ops_catalog::instances::{
        DescribeCapacityBlockExtensionOfferings, DescribeCapacityBlockExtensionOfferingsResponse,
        DescribeCapacityBlockOfferings, DescribeCapacityBlockOfferingsResponse,
        DescribeCapacityReservations,
    };
    use ec2_ops_catalog::shapes::{AvailabilityZone, CapacityReservation};

    /// What the other operations hold: zone `us-east-1a` (no opt-in needed), Local Zone
    /// `us-east-1-bos-1a` (not opted into), and Capacity Block `cr-1` (p5.48xlarge in
    /// `us-east-1a`, ending on 2026-07-08).
    struct Held;

    impl ec2_ops::Parents for Held {
        fn serves(&self, _action: &str, _id: &str) -> Option<bool> {
            None
        }

        fn resource(&self, action: &str, id: &str) -> Option<Box<dyn std::any::Any + Send>> {
            let zones = <DescribeAvailabilityZones as ec2_ops::Operation>::SPEC.action;
            let reservations = <DescribeCapacityReservations as ec2_ops::Operation>::SPEC.action;
            let boxed = |value: Box<dyn std::any::Any + Send>| Some(value);
            match (action, id) {
                (action, "us-east-1a") if action == zones => {
                    boxed(Box::new(from_cli::<AvailabilityZone>(
                        json!({"ZoneName": "us-east-1a", "OptInStatus": "opt-in-not-required"}),
                    )))
                }
                (action, "us-east-1-bos-1a") if action == zones => {
                    boxed(Box::new(from_cli::<AvailabilityZone>(
                        json!({"ZoneName": "us-east-1-bos-1a", "OptInStatus": "not-opted-in"}),
                    )))
                }
                (action, "cr-1") if action == reservations => {
                    boxed(Box::new(from_cli::<CapacityReservation>(json!({
                        "CapacityReservationId": "cr-1", "InstanceType": "p5.48xlarge",
                        "AvailabilityZone": "us-east-1a", "EndDate": "2026-07-08T11:30:00.000Z"
                    }))))
                }
                _ => None,
            }
        }
    }

    fn context() -> DescribeContext {
        DescribeContext::default()
            .with_account_id(ACCOUNT)
            .with_parents(Arc::new(Held))
    }

    fn offerings(params: &str) -> Vec<String> {
        let mut source = InMemorySource::new(
            |offering: &ec2_ops_catalog::shapes::CapacityBlockOffering| {
                offering
                    .capacity_block_offering_id
                    .as_deref()
                    .unwrap_or_default()
            },
        );
        let offering = |id: &str,
                        kind: &str,
                        zone: &str,
                        count: i32,
                        hours: i32,
                        start: &str,
                        end: &str| {
            from_cli(json!({"CapacityBlockOfferingId": id, "InstanceType": kind,
                            "AvailabilityZone": zone, "InstanceCount": count,
                            "CapacityBlockDurationHours": hours, "StartDate": start, "EndDate": end}))
        };
        source.extend([
            offering(
                "cb-day-4",
                "p5.48xlarge",
                "us-east-1a",
                4,
                24,
                "2026-07-01T11:30:00Z",
                "2026-07-02T11:30:00Z",
            ),
            offering(
                "cb-day-1",
                "p5.48xlarge",
                "us-east-1a",
                1,
                24,
                "2026-07-03T11:30:00Z",
                "2026-07-04T11:30:00Z",
            ),
            offering(
                "cb-week-4",
                "p5.48xlarge",
                "us-east-1a",
                4,
                168,
                "2026-07-01T11:30:00Z",
                "2026-07-08T11:30:00Z",
            ),
            offering(
                "cb-trn-4",
                "trn1.32xlarge",
                "us-east-1a",
                4,
                24,
                "2026-07-05T11:30:00Z",
                "2026-07-06T11:30:00Z",
            ),
            offering(
                "cb-bos-4",
                "p5.48xlarge",
                "us-east-1-bos-1a",
                4,
                24,
                "2026-07-01T11:30:00Z",
                "2026-07-02T11:30:00Z",
            ),
        ]);
        let mut service = Service::new(context());
        service.register::<DescribeCapacityBlockOfferings, _>(Arc::new(source));
        let response: DescribeCapacityBlockOfferingsResponse =
            ask(&service, "DescribeCapacityBlockOfferings", params).expect("an answer");
        response
            .capacity_block_offerings
            .into_iter()
            .map(|offering| offering.capacity_block_offering_id.unwrap())
            .collect()
    }

    #[test]
    fn the_duration_selects_offerings_and_zones_not_opted_into_show_only_with_all_zones() {
        assert_eq!(
            offerings("&CapacityDurationHours=24"),
            ["cb-day-1", "cb-day-4", "cb-trn-4"]
        );
        assert_eq!(
            offerings("&CapacityDurationHours=24&AllAvailabilityZones=true"),
            ["cb-bos-4", "cb-day-1", "cb-day-4", "cb-trn-4"]
        );
        assert_eq!(offerings("&CapacityDurationHours=168"), ["cb-week-4"]);
    }

    #[test]
    fn count_dates_and_type_preferences_narrow_the_offerings() {
        assert_eq!(
            offerings("&CapacityDurationHours=24&InstanceCount=4"),
            ["cb-day-4", "cb-trn-4"]
        );
        assert_eq!(
            offerings(
                "&CapacityDurationHours=24&StartDateRange=2026-07-03T00:00:00Z\
                 &EndDateRange=2026-07-05T00:00:00Z"
            ),
            ["cb-day-1"],
            "starting at or after the range's start, ending at or before its end"
        );
        assert_eq!(
            offerings(
                "&CapacityDurationHours=24&InstanceTypePreference.1.InstanceType=trn1.32xlarge"
            ),
            ["cb-trn-4"]
        );
        assert_eq!(
            offerings("&CapacityDurationHours=24&InstanceType=trn1.32xlarge"),
            ["cb-trn-4"]
        );
    }

    fn extensions(params: &str) -> Vec<String> {
        let mut source = InMemorySource::new(
            |offering: &ec2_ops_catalog::shapes::CapacityBlockExtensionOffering| {
                offering
                    .capacity_block_extension_offering_id
                    .as_deref()
                    .unwrap_or_default()
            },
        );
        let extension = |id: &str, kind: &str, hours: i32, start: &str| {
            from_cli(
                json!({"CapacityBlockExtensionOfferingId": id, "InstanceType": kind,
                            "AvailabilityZone": "us-east-1a",
                            "CapacityBlockExtensionDurationHours": hours,
                            "CapacityBlockExtensionStartDate": start}),
            )
        };
        source.extend([
            extension("cbe-1-day", "p5.48xlarge", 24, "2026-07-08T11:30:00Z"),
            extension("cbe-1-week", "p5.48xlarge", 168, "2026-07-08T11:30:00Z"),
            extension("cbe-other-block", "p5.48xlarge", 24, "2026-08-01T11:30:00Z"),
            extension(
                "cbe-other-type",
                "trn1.32xlarge",
                24,
                "2026-07-08T11:30:00Z",
            ),
        ]);
        let mut service = Service::new(context());
        service.register::<DescribeCapacityBlockExtensionOfferings, _>(Arc::new(source));
        let response: DescribeCapacityBlockExtensionOfferingsResponse =
            ask(&service, "DescribeCapacityBlockExtensionOfferings", params).expect("an answer");
        response
            .capacity_block_extension_offerings
            .into_iter()
            .map(|offering| offering.capacity_block_extension_offering_id.unwrap())
            .collect()
    }

    #[test]
    fn extension_offerings_are_those_extending_the_named_block_by_the_hours_asked() {
        assert_eq!(
            extensions("&CapacityReservationId=cr-1&CapacityBlockExtensionDurationHours=24"),
            ["cbe-1-day"]
        );
        assert_eq!(
            extensions("&CapacityReservationId=cr-1&CapacityBlockExtensionDurationHours=168"),
            ["cbe-1-week"]
        );
        assert_eq!(
            extensions("&CapacityReservationId=cr-unknown&CapacityBlockExtensionDurationHours=24"),
            ["cbe-1-day", "cbe-other-block", "cbe-other-type"],
            "a block the store does not hold: the offerings held are taken as its"
        );
    }
}

/// The members EC2 answers beside a list, which the `respond` hooks fill: echoed from the request
/// or derived from the items.
mod response_members {
    use super::*;
    use ec2_ops_catalog::account::{DescribeAggregateIdFormat, DescribeAggregateIdFormatResponse};
    use ec2_ops_catalog::instances::{
        DescribeElasticGpus, DescribeElasticGpusResponse, DescribeFleetHistory,
        DescribeFleetHistoryResponse, DescribeFleetInstances, DescribeFleetInstancesResponse,
        DescribeReservedInstancesModifications, DescribeReservedInstancesModificationsResponse,
        DescribeSpotFleetInstances, DescribeSpotFleetInstancesResponse,
    };
    use ec2_ops_catalog::vpc::{DescribeVpcEndpointServices, DescribeVpcEndpointServicesResponse};

    #[test]
    fn fleet_and_spot_fleet_instances_echo_the_fleet_asked_about_beside_its_instances() {
        let instances = vec![json!({"InstanceId": "i-1", "InstanceType": "m5.large"})];
        let fleet =
            service_of_parent::<DescribeFleetInstances>("fleet-1", instances.clone(), |instance| {
                instance.instance_id.as_deref().unwrap_or_default()
            });
        let response: DescribeFleetInstancesResponse =
            ask(&fleet, "DescribeFleetInstances", "&FleetId=fleet-1").unwrap();
        assert_eq!(response.fleet_id.as_deref(), Some("fleet-1"));
        assert_eq!(response.active_instances.len(), 1);
        let spot =
            service_of_parent::<DescribeSpotFleetInstances>("sfr-1", instances, |instance| {
                instance.instance_id.as_deref().unwrap_or_default()
            });
        let response: DescribeSpotFleetInstancesResponse = ask(
            &spot,
            "DescribeSpotFleetInstances",
            "&SpotFleetRequestId=sfr-1",
        )
        .unwrap();
        assert_eq!(response.spot_fleet_request_id.as_deref(), Some("sfr-1"));
    }

    #[test]
    fn a_history_echoes_its_fleet_and_start_and_says_when_it_was_read_on_its_last_page_only() {
        let records: Vec<Value> = (1..=6)
            .map(|day| {
                json!({"EventType": "instanceChange",
                       "Timestamp": format!("2025-01-0{day}T00:00:00.000Z"),
                       "EventInformation": {"EventDescription": format!("event {day}")}})
            })
            .collect();
        let history = service_of_parent::<DescribeFleetHistory>("fleet-1", records, |record| {
            record
                .event_information
                .as_ref()
                .and_then(|information| information.event_description.as_deref())
                .unwrap_or_default()
        });
        let asked = "&FleetId=fleet-1&StartTime=2025-01-01T00:00:00Z";
        let whole: DescribeFleetHistoryResponse =
            ask(&history, "DescribeFleetHistory", asked).unwrap();
        assert_eq!(whole.fleet_id.as_deref(), Some("fleet-1"));
        assert_eq!(
            whole.start_time.map(|time| time.to_string()).as_deref(),
            Some("2025-01-01T00:00:00.000Z")
        );
        let evaluated = whole.last_evaluated_time.expect("the last page says when");
        assert!(evaluated >= ec2_ops::DateTime::from_unix_millis(1_735_689_600_000).unwrap());
        let first: DescribeFleetHistoryResponse = ask(
            &history,
            "DescribeFleetHistory",
            &format!("{asked}&MaxResults=5"),
        )
        .unwrap();
        assert!(first.next_token.is_some());
        assert_eq!(first.last_evaluated_time, None, "more pages follow");
        assert_eq!(first.fleet_id.as_deref(), Some("fleet-1"));
    }

    #[test]
    fn aggregate_id_format_is_long_only_when_every_type_is() {
        let format = |types: Vec<Value>| -> Option<bool> {
            let service = service::<DescribeAggregateIdFormat>(types, |status| {
                status.resource.as_deref().unwrap_or_default()
            });
            let response: DescribeAggregateIdFormatResponse =
                ask(&service, "DescribeAggregateIdFormat", "").unwrap();
            response.use_long_ids_aggregated
        };
        let status = |resource: &str, long: bool| json!({"Resource": resource, "UseLongIds": long});
        assert_eq!(
            format(vec![status("instance", true), status("volume", true)]),
            Some(true)
        );
        assert_eq!(
            format(vec![status("instance", true), status("volume", false)]),
            Some(false)
        );
        assert_eq!(format(Vec::new()), Some(true), "a new account's");
    }

    #[test]
    fn elastic_gpus_repeat_the_page_size_asked_for() {
        let service = service::<DescribeElasticGpus>(Vec::new(), |gpu| {
            gpu.elastic_gpu_id.as_deref().unwrap_or_default()
        });
        let response: DescribeElasticGpusResponse =
            ask(&service, "DescribeElasticGpus", "&MaxResults=10").unwrap();
        assert_eq!(response.max_results, Some(10));
        let response: DescribeElasticGpusResponse =
            ask(&service, "DescribeElasticGpus", "").unwrap();
        assert_eq!(response.max_results, None);
    }

    #[test]
    fn endpoint_services_name_the_service_of_each_detail_as_ec2_does() {
        let service = service::<DescribeVpcEndpointServices>(
            vec![
                json!({"ServiceId": "vpce-svc-1", "ServiceName": "com.amazonaws.us-east-1.s3",
                       "ServiceType": [{"ServiceType": "Gateway"}]}),
                json!({"ServiceId": "vpce-svc-2", "ServiceName": "com.amazonaws.us-east-1.s3",
                       "ServiceType": [{"ServiceType": "Interface"}]}),
                json!({"ServiceId": "vpce-svc-3", "ServiceName": "com.amazonaws.us-east-1.ec2"}),
            ],
            |detail| detail.service_id.as_deref().unwrap_or_default(),
        );
        let response: DescribeVpcEndpointServicesResponse =
            ask(&service, "DescribeVpcEndpointServices", "").unwrap();
        assert_eq!(
            response.service_names.unwrap(),
            [
                "com.amazonaws.us-east-1.s3",
                "com.amazonaws.us-east-1.s3",
                "com.amazonaws.us-east-1.ec2"
            ],
            "the Gateway's and the Interface's"
        );
        let response: DescribeVpcEndpointServicesResponse = ask(
            &service,
            "DescribeVpcEndpointServices",
            "&ServiceName.1=com.amazonaws.us-east-1.ec2",
        )
        .unwrap();
        assert_eq!(
            response.service_names.unwrap(),
            ["com.amazonaws.us-east-1.ec2"]
        );
    }

    #[test]
    fn reserved_instances_modifications_answer_everything_and_refuse_a_token_never_given() {
        let service = service::<DescribeReservedInstancesModifications>(
            vec![json!({"ReservedInstancesModificationId": "rimod-1"})],
            |modification| {
                modification
                    .reserved_instances_modification_id
                    .as_deref()
                    .unwrap_or_default()
            },
        );
        let response: DescribeReservedInstancesModificationsResponse =
            ask(&service, "DescribeReservedInstancesModifications", "").unwrap();
        assert_eq!(response.reserved_instances_modifications.len(), 1);
        assert_eq!(response.next_token, None);
        assert_eq!(
            ask::<DescribeReservedInstancesModificationsResponse>(
                &service,
                "DescribeReservedInstancesModifications",
                "&NextToken=abc"
            )
            .unwrap_err(),
            "InvalidParameterValue"
        );
    }
}

/// Resources that belong to a parent their answers name beside the list (a fleet's instances and
/// history): a request names the parent, and is answered that parent's only.
mod parents_named_beside_the_list {
    use super::*;
    use ec2_ops_catalog::instances::{
        DescribeFleetInstances, DescribeFleetInstancesResponse, DescribeFleets,
    };

    /// DescribeFleets serves `fleet-1`, `fleet-2` and `fleet-empty`.
    struct Fleets;

    impl ec2_ops::Parents for Fleets {
        fn serves(&self, action: &str, id: &str) -> Option<bool> {
            (action == <DescribeFleets as ec2_ops::Operation>::SPEC.action)
                .then(|| ["fleet-1", "fleet-2", "fleet-empty"].contains(&id))
        }

        fn resource(&self, _action: &str, _id: &str) -> Option<Box<dyn std::any::Any + Send>> {
            None
        }
    }

    fn fleets() -> Service {
        let source = InMemorySource::keyed_by_position();
        let instance = |fleet: &str, id: &str, kind: &str| {
            let instance: ec2_ops_catalog::shapes::ActiveInstance =
                from_cli(json!({"InstanceId": id, "InstanceType": kind}));
            source.insert_at(ec2_ops::parent_key(fleet, id), instance);
        };
        for index in 0..3 {
            instance("fleet-1", &format!("i-1{index}"), "m5.large");
        }
        instance("fleet-2", "i-20", "c5.large");
        instance("fleet-10", "i-100", "c5.large");
        let context = DescribeContext::default()
            .with_account_id(ACCOUNT)
            .with_parents(Arc::new(Fleets));
        let mut service = Service::new(context);
        service.register::<DescribeFleetInstances, _>(Arc::new(source));
        service
    }

    fn instances(
        service: &Service,
        params: &str,
    ) -> Result<DescribeFleetInstancesResponse, String> {
        ask(service, "DescribeFleetInstances", params)
    }

    fn ids(response: &DescribeFleetInstancesResponse) -> Vec<String> {
        response
            .active_instances
            .iter()
            .map(|instance| instance.instance_id.clone().unwrap())
            .collect()
    }

    #[test]
    fn a_fleet_is_answered_its_own_instances_only() {
        let service = fleets();
        let first = instances(&service, "&FleetId=fleet-1").unwrap();
        assert_eq!(ids(&first), ["i-10", "i-11", "i-12"]);
        let second = instances(&service, "&FleetId=fleet-2").unwrap();
        assert_eq!(ids(&second), ["i-20"]);
        assert_eq!(second.fleet_id.as_deref(), Some("fleet-2"));
        let filtered = instances(
            &service,
            "&FleetId=fleet-1&Filter.1.Name=instance-type&Filter.1.Value.1=c5.large",
        )
        .unwrap();
        assert!(
            ids(&filtered).is_empty(),
            "fleet-2's c5.large is not fleet-1's"
        );
    }

    #[test]
    fn an_unknown_fleet_is_not_found_and_a_fleet_without_instances_answers_none() {
        let service = fleets();
        assert_eq!(
            instances(&service, "&FleetId=fleet-404").unwrap_err(),
            "InvalidFleetId.NotFound"
        );
        assert!(ids(&instances(&service, "&FleetId=fleet-empty").unwrap()).is_empty());
        // Instances held for a fleet DescribeFleets does not list (a capture holding the children
        // without the parent) still answer for it.
        assert_eq!(
            ids(&instances(&service, "&FleetId=fleet-10").unwrap()),
            ["i-100"]
        );
        assert_eq!(
            instances(&service, "").unwrap_err(),
            "MissingParameter",
            "the fleet is required"
        );
    }

    #[test]
    fn pages_walk_one_fleet_and_its_tokens_are_refused_for_another() {
        let service = fleets();
        let first = instances(&service, "&FleetId=fleet-1&MaxResults=2").unwrap();
        assert_eq!(ids(&first), ["i-10", "i-11"]);
        let token = first.next_token.clone().expect("a second page");
        let token =
            percent_encoding::utf8_percent_encode(&token, percent_encoding::NON_ALPHANUMERIC)
                .to_string();
        let second = instances(
            &service,
            &format!("&FleetId=fleet-1&MaxResults=2&NextToken={token}"),
        )
        .unwrap();
        assert_eq!(ids(&second), ["i-12"]);
        assert_eq!(second.next_token, None);
        assert_eq!(
            instances(
                &service,
                &format!("&FleetId=fleet-2&MaxResults=2&NextToken={token}")
            )
            .unwrap_err(),
            "InvalidParameterValue"
        );
    }
}
