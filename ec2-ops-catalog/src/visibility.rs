//! The request members that scope an answer rather than filter it: which resources a caller sees
//! for a request (`Owner.N`, `ExecutableBy.N`, `IncludeDeprecated`, `IncludeAllInstances`,
//! `AllRegions`, ...), as the model's documentation of each member says. Each function is an
//! operation's `visible` hook (`model/decisions.txt` names it, the scaffold writes it into the
//! declaration): a resource it hides is left out as if absent, and asking for a hidden resource's
//! ID is not an error.
//!
//! What a replayed account cannot say is written here, not guessed: an image's launch permissions
//! are not part of the `Image` shape, so `ExecutableBy.N` naming another account selects none of
//! the images (EC2 answers the caller's images shared with that account, which only
//! DescribeImageAttribute's `launchPermission` holds).

#[cfg(any(
    feature = "images",
    feature = "instances",
    feature = "account",
    feature = "vpc"
))]
use ec2_ops::{Caller, DescribeContext};

/// Whether `owner` (an `Owner.N` value) names a resource owned by `owner_id` with owner alias
/// `alias`: `self` is the caller's account, an AWS owner alias (`amazon`, `aws-marketplace`,
/// `aws-backup-vault`) the resources published under it, anything else an account ID.
#[cfg(feature = "images")]
fn owned_by(owner: &str, caller: &Caller, owner_id: Option<&str>, alias: Option<&str>) -> bool {
    match owner {
        "self" => owner_id == Some(caller.account_id.as_str()),
        "amazon" | "aws-marketplace" | "aws-backup-vault" => alias == Some(owner),
        account => owner_id == Some(account),
    }
}

/// DescribeImages' scope, as documented:
///
/// - `Owner.N`: images owned by one of the values (account IDs, `self`, `amazon`,
///   `aws-marketplace`, `aws-backup-vault`, matched against the owner ID or alias);
/// - `ExecutableBy.N`: `all` selects public images; `self` or the caller's account ID the images
///   shared with the caller, which in one account's view are the private images of other owners
///   (a caller sees another account's private image only when it is shared with it); another
///   account ID selects none (see the module docs);
/// - `IncludeDeprecated`: an image whose deprecation time has passed is left out unless it is
///   asked for, the caller owns it, or its ID is named (EC2's user guide: "unless you specify its
///   ID");
/// - `IncludeDisabled`: a disabled image is left out unless it is asked for.
#[cfg(feature = "images")]
pub(crate) fn images(
    request: &crate::images::DescribeImagesRequest,
    caller: &Caller,
    image: &crate::shapes::Image,
    _context: &DescribeContext,
) -> bool {
    let owner_id = image.owner_id.as_deref();
    let owned_by_caller = owner_id == Some(caller.account_id.as_str());
    let public = image.public == Some(true);
    let owned = request.owners.is_empty()
        || request
            .owners
            .iter()
            .any(|owner| owned_by(owner, caller, owner_id, image.image_owner_alias.as_deref()));
    let executable = request.executable_users.is_empty()
        || request
            .executable_users
            .iter()
            .any(|user| match user.as_str() {
                "all" => public,
                user if user == "self" || user == caller.account_id => !owned_by_caller && !public,
                _ => false,
            });
    let deprecated = image
        .deprecation_time
        .as_deref()
        .and_then(|time| ec2_ops::DateTime::parse(time).ok())
        .is_some_and(|time| time <= ec2_ops::DateTime::now());
    let shown_deprecated = !deprecated
        || request.include_deprecated == Some(true)
        || owned_by_caller
        || !request.image_ids.is_empty();
    let disabled = image.state == Some(crate::shapes::ImageState::Disabled);
    let shown_disabled = !disabled || request.include_disabled == Some(true);
    owned && executable && shown_deprecated && shown_disabled
}

/// DescribeFpgaImages' `Owner.N`: AFIs owned by one of the values (account IDs, `self`, `amazon`,
/// `aws-marketplace`, matched against the owner ID or alias).
#[cfg(feature = "images")]
pub(crate) fn fpga_images(
    request: &crate::images::DescribeFpgaImagesRequest,
    caller: &Caller,
    image: &crate::shapes::FpgaImage,
    _context: &DescribeContext,
) -> bool {
    request.owners.is_empty()
        || request.owners.iter().any(|owner| {
            owned_by(
                owner,
                caller,
                image.owner_id.as_deref(),
                image.owner_alias.as_deref(),
            )
        })
}

/// DescribeInstanceStatus' `IncludeAllInstances`: without it, running instances only.
#[cfg(feature = "instances")]
pub(crate) fn instance_statuses(
    request: &crate::instances::DescribeInstanceStatusRequest,
    _caller: &Caller,
    status: &crate::shapes::InstanceStatus,
    _context: &DescribeContext,
) -> bool {
    request.include_all_instances == Some(true)
        || status
            .instance_state
            .as_ref()
            .and_then(|state| state.name.as_ref())
            == Some(&crate::shapes::InstanceStateName::Running)
}

/// DescribeRegions' `AllRegions`: without it, the regions enabled for the account (opt-in status
/// `opt-in-not-required` or `opted-in`; a region seeded without a status is shown).
#[cfg(feature = "account")]
pub(crate) fn regions(
    request: &crate::account::DescribeRegionsRequest,
    _caller: &Caller,
    region: &crate::shapes::Region,
    _context: &DescribeContext,
) -> bool {
    request.all_regions == Some(true) || region.opt_in_status.as_deref() != Some("not-opted-in")
}

/// DescribeAvailabilityZones' `AllAvailabilityZones`: without it, the zones the account has opted
/// in to (opt-in status `opt-in-not-required` or `opted-in`; a zone seeded without a status is
/// shown).
#[cfg(feature = "account")]
pub(crate) fn availability_zones(
    request: &crate::account::DescribeAvailabilityZonesRequest,
    _caller: &Caller,
    zone: &crate::shapes::AvailabilityZone,
    _context: &DescribeContext,
) -> bool {
    request.all_availability_zones == Some(true)
        || zone.opt_in_status != Some(crate::shapes::AvailabilityZoneOptInStatus::NotOptedIn)
}

/// DescribeLaunchTemplateVersions' `LaunchTemplateVersion.N`, `MinVersion` and `MaxVersion`, as
/// documented:
///
/// - `LaunchTemplateVersion.N`: version numbers, `$Default` (the version marked as the template's
///   default) and `$Latest` (the template's latest version: its `LatestVersionNumber`, read from
///   DescribeLaunchTemplates' resource through the context; where the context holds no such
///   template, `$Latest` selects none of its versions);
/// - `MinVersion`: versions after this number; `MaxVersion`: versions up to and including it. A
///   bound that is not a number selects no version.
#[cfg(feature = "instances")]
pub(crate) fn launch_template_versions(
    request: &crate::instances::DescribeLaunchTemplateVersionsRequest,
    _caller: &Caller,
    version: &crate::shapes::LaunchTemplateVersion,
    context: &DescribeContext,
) -> bool {
    let Some(number) = version.version_number else {
        return request.versions.is_empty()
            && request.min_version.is_none()
            && request.max_version.is_none();
    };
    let bound = |text: &Option<String>| text.as_deref().map(|text| text.trim().parse::<i64>());
    let after_min = match bound(&request.min_version) {
        None => true,
        Some(Ok(min)) => number > min,
        Some(Err(_)) => false,
    };
    let up_to_max = match bound(&request.max_version) {
        None => true,
        Some(Ok(max)) => number <= max,
        Some(Err(_)) => false,
    };
    let latest = || {
        let template = version.launch_template_id.as_deref()?;
        context
            .resource::<crate::instances::DescribeLaunchTemplates>(template)?
            .latest_version_number
    };
    let named = request.versions.is_empty()
        || request.versions.iter().any(|asked| match asked.as_str() {
            "$Default" => version.default_version == Some(true),
            "$Latest" => latest() == Some(number),
            asked => asked.trim().parse::<i64>() == Ok(number),
        });
    after_min && up_to_max && named
}

/// DescribeInstanceCreditSpecifications' rule over its ID list, as documented: without instance
/// IDs, the instances whose credit option is `unlimited` (EC2 lists those, and not the burstable
/// instances left at `standard`); with IDs, each instance named, whatever its option.
#[cfg(feature = "instances")]
pub(crate) fn credit_specifications(
    request: &crate::instances::DescribeInstanceCreditSpecificationsRequest,
    _caller: &Caller,
    specification: &crate::shapes::InstanceCreditSpecification,
    _context: &DescribeContext,
) -> bool {
    !request.instance_ids.is_empty() || specification.cpu_credits.as_deref() == Some("unlimited")
}

/// DescribeInstanceTypeOfferings' `LocationType`, as documented: the offerings at that kind of
/// location (`region`, `availability-zone`, `availability-zone-id`, `outpost`); without it, the
/// Region's offerings (`region`), as EC2 lists them by default. An offering seeded without a
/// location type is shown to a request that names none, and to no other.
#[cfg(feature = "instances")]
pub(crate) fn instance_type_offerings(
    request: &crate::instances::DescribeInstanceTypeOfferingsRequest,
    _caller: &Caller,
    offering: &crate::shapes::InstanceTypeOffering,
    _context: &DescribeContext,
) -> bool {
    match (&request.location_type, &offering.location_type) {
        (Some(asked), Some(held)) => held == asked,
        (None, Some(held)) => *held == crate::shapes::LocationType::Region,
        (asked, None) => asked.is_none(),
    }
}

/// Whether `value` (a time, a duration) lies within the bounds a request gives, both included
/// (either may be absent); a resource without the value is within no bound.
#[cfg(any(feature = "instances", feature = "vpc"))]
fn within<T: PartialOrd>(value: Option<T>, from: Option<T>, to: Option<T>) -> bool {
    match value {
        Some(value) => from.is_none_or(|from| value >= from) && to.is_none_or(|to| value <= to),
        None => from.is_none() && to.is_none(),
    }
}

/// DescribeReservedInstances' `OfferingClass` and `OfferingType`: the Reserved Instances of that
/// class (`standard`, `convertible`) and offering type (`No Upfront`, `Heavy Utilization`, ...).
#[cfg(feature = "instances")]
pub(crate) fn reserved_instances(
    request: &crate::instances::DescribeReservedInstancesRequest,
    _caller: &Caller,
    reserved: &crate::shapes::ReservedInstances,
    _context: &DescribeContext,
) -> bool {
    let class = request
        .offering_class
        .as_ref()
        .is_none_or(|class| reserved.offering_class.as_ref() == Some(class));
    let offering = request
        .offering_type
        .as_ref()
        .is_none_or(|offering| reserved.offering_type.as_ref() == Some(offering));
    class && offering
}

/// DescribeInstanceSqlHaHistoryStates' `StartTime` and `EndTime`: the historical states updated
/// within the period (both bounds included; without them, every state held).
#[cfg(feature = "instances")]
pub(crate) fn sql_ha_history_states(
    request: &crate::instances::DescribeInstanceSqlHaHistoryStatesRequest,
    _caller: &Caller,
    state: &crate::shapes::RegisteredInstance,
    _context: &DescribeContext,
) -> bool {
    within(
        state.last_updated_time,
        request.start_time,
        request.end_time,
    )
}

/// DescribeCapacityReservationBillingRequests' `Role`: `odcr-owner`, the requests the caller's
/// account initiated (`RequestedBy`); `unused-reservation-billing-owner`, those sent to it
/// (`UnusedReservationBillingOwnerId`). A role the model does not list selects none.
#[cfg(feature = "instances")]
pub(crate) fn capacity_reservation_billing_requests(
    request: &crate::instances::DescribeCapacityReservationBillingRequestsRequest,
    caller: &Caller,
    billing: &crate::shapes::CapacityReservationBillingRequest,
    _context: &DescribeContext,
) -> bool {
    let account = Some(caller.account_id.as_str());
    match request.role {
        crate::shapes::CallerRole::OdcrOwner => billing.requested_by.as_deref() == account,
        crate::shapes::CallerRole::UnusedReservationBillingOwner => {
            billing.unused_reservation_billing_owner_id.as_deref() == account
        }
        crate::shapes::CallerRole::Unlisted(_) => false,
    }
}

/// DescribeApplicationStatusChecks' `IncludeAll`: a check whose deletion time has passed is in its
/// deletion grace period, listed only when `IncludeAll` is true.
#[cfg(feature = "account")]
pub(crate) fn application_status_checks(
    request: &crate::account::DescribeApplicationStatusChecksRequest,
    _caller: &Caller,
    check: &crate::shapes::ApplicationStatusCheckResponseObject,
    _context: &DescribeContext,
) -> bool {
    let deleted = check
        .deletion_time
        .is_some_and(|time| time <= ec2_ops::DateTime::now());
    !deleted || request.include_all == Some(true)
}

/// DescribeNetworkInsightsAccessScopeAnalyses' `AnalysisStartTimeBegin` and
/// `AnalysisStartTimeEnd`: the analyses started on or after the one and on or before the other.
#[cfg(feature = "vpc")]
pub(crate) fn access_scope_analyses(
    request: &crate::vpc::DescribeNetworkInsightsAccessScopeAnalysesRequest,
    _caller: &Caller,
    analysis: &crate::shapes::NetworkInsightsAccessScopeAnalysis,
    _context: &DescribeContext,
) -> bool {
    within(
        analysis.start_date,
        request.analysis_start_time_begin,
        request.analysis_start_time_end,
    )
}

/// DescribeNetworkInsightsAnalyses' `AnalysisStartTime` and `AnalysisEndTime` ("the time when
/// the network insights analyses started", "... ended"): the analyses whose `StartDate` lies
/// within them, bounds included. An analysis holds no end time, so both bound its start, the
/// one time it records.
#[cfg(feature = "vpc")]
pub(crate) fn network_insights_analyses(
    request: &crate::vpc::DescribeNetworkInsightsAnalysesRequest,
    _caller: &Caller,
    analysis: &crate::shapes::NetworkInsightsAnalysis,
    _context: &DescribeContext,
) -> bool {
    within(
        analysis.start_date,
        request.analysis_start_time,
        request.analysis_end_time,
    )
}

/// Whether a resource's `held` value is the `asked` one, when a request asks for one.
#[cfg(feature = "instances")]
fn asked_for<T: PartialEq>(asked: Option<&T>, held: Option<&T>) -> bool {
    asked.is_none_or(|asked| held == Some(asked))
}

/// DescribeReservedInstancesOfferings' selecting members, as documented:
///
/// - `InstanceType`, `ProductDescription`, `OfferingClass`, `OfferingType`: the offerings with
///   that value;
/// - `InstanceTenancy`: the offerings of that tenancy; without it, `default` tenancy (the
///   documented default), an offering seeded without a tenancy being shown;
/// - `MinDuration` and `MaxDuration` (seconds): the offerings whose duration lies within them,
///   bounds included; without them, the documented defaults (2,592,000, one month, and
///   94,608,000, three years), an offering seeded without a duration being shown;
/// - `IncludeMarketplace` false: the offerings AWS sells, not those of the Reserved Instance
///   Marketplace.
#[cfg(feature = "instances")]
pub(crate) fn reserved_instances_offerings(
    request: &crate::instances::DescribeReservedInstancesOfferingsRequest,
    _caller: &Caller,
    offering: &crate::shapes::ReservedInstancesOffering,
    _context: &DescribeContext,
) -> bool {
    const ONE_MONTH: i64 = 2_592_000;
    const THREE_YEARS: i64 = 94_608_000;
    let tenancy = match (&request.instance_tenancy, &offering.instance_tenancy) {
        (_, None) => true,
        (Some(asked), Some(held)) => held == asked,
        (None, Some(held)) => *held == crate::shapes::Tenancy::Default,
    };
    let duration = offering.duration.is_none_or(|duration| {
        duration >= request.min_duration.unwrap_or(ONE_MONTH)
            && duration <= request.max_duration.unwrap_or(THREE_YEARS)
    });
    let marketplace =
        request.include_marketplace != Some(false) || offering.marketplace != Some(true);
    asked_for(
        request.instance_type.as_ref(),
        offering.instance_type.as_ref(),
    ) && asked_for(
        request.product_description.as_ref(),
        offering.product_description.as_ref(),
    ) && asked_for(
        request.offering_class.as_ref(),
        offering.offering_class.as_ref(),
    ) && asked_for(
        request.offering_type.as_ref(),
        offering.offering_type.as_ref(),
    ) && tenancy
        && duration
        && marketplace
}

/// DescribeHostReservationOfferings' `MinDuration` and `MaxDuration` (seconds, a number of years
/// as EC2 sells them): the offerings whose duration lies within them, bounds included. No default
/// is documented, so a request without them lists every duration; an offering seeded without a
/// duration is shown.
#[cfg(feature = "instances")]
pub(crate) fn host_reservation_offerings(
    request: &crate::instances::DescribeHostReservationOfferingsRequest,
    _caller: &Caller,
    offering: &crate::shapes::HostOffering,
    _context: &DescribeContext,
) -> bool {
    offering.duration.is_none_or(|duration| {
        request.min_duration.is_none_or(|min| duration >= min)
            && request.max_duration.is_none_or(|max| duration <= max)
    })
}

/// DescribeHostReservations' `HostReservationIdSet`: the reservations named, when it names any.
/// It is not an ID list of the Query protocol's usual shape (`HostReservationIdSet.N`, not
/// `HostReservationId.N`), and EC2 documents no not-found error for it: an ID the account does not
/// have selects nothing.
#[cfg(feature = "instances")]
pub(crate) fn host_reservations(
    request: &crate::instances::DescribeHostReservationsRequest,
    _caller: &Caller,
    reservation: &crate::shapes::HostReservation,
    _context: &DescribeContext,
) -> bool {
    request.host_reservation_id_set.is_empty()
        || reservation
            .host_reservation_id
            .as_ref()
            .is_some_and(|id| request.host_reservation_id_set.contains(id))
}

/// DescribeScheduledInstanceAvailability's search, as documented:
///
/// - `FirstSlotStartTimeRange` (required): the schedules whose first slot starts within
///   `EarliestTime` and `LatestTime`, bounds included;
/// - `MinSlotDurationInHours`, `MaxSlotDurationInHours`: the schedules whose slot lasts within
///   them, bounds included;
/// - `Recurrence` (required): the schedules recurring as asked: the same frequency (`Daily`,
///   `Weekly`, `Monthly`, in any case) and, for each of `Interval`, `OccurrenceDay.N` (as a set),
///   `OccurrenceRelativeToEnd` and `OccurrenceUnit` the request names, the same value. A member
///   the request leaves out does not narrow the search.
#[cfg(feature = "instances")]
pub(crate) fn scheduled_instance_availability(
    request: &crate::instances::DescribeScheduledInstanceAvailabilityRequest,
    _caller: &Caller,
    schedule: &crate::shapes::ScheduledInstanceAvailability,
    _context: &DescribeContext,
) -> bool {
    let range = &request.first_slot_start_time_range;
    within(
        schedule.first_slot_start_time,
        range.earliest_time,
        range.latest_time,
    ) && within(
        schedule.slot_duration_in_hours,
        request.min_slot_duration_in_hours,
        request.max_slot_duration_in_hours,
    ) && recurs_as_asked(&request.recurrence, schedule.recurrence.as_ref())
}

/// Whether a schedule's `held` recurrence is the `asked` one, member by member asked.
#[cfg(feature = "instances")]
fn recurs_as_asked(
    asked: &crate::shapes::ScheduledInstanceRecurrenceRequest,
    held: Option<&crate::shapes::ScheduledInstanceRecurrence>,
) -> bool {
    let empty = crate::shapes::ScheduledInstanceRecurrence::default();
    let held = held.unwrap_or(&empty);
    let frequency = asked.frequency.as_deref().is_none_or(|asked| {
        held.frequency
            .as_deref()
            .is_some_and(|held| held.eq_ignore_ascii_case(asked))
    });
    let days = asked.occurrence_days.as_ref().is_none_or(|asked| {
        let mut asked = asked.clone();
        let mut held = held.occurrence_day_set.clone().unwrap_or_default();
        asked.sort_unstable();
        asked.dedup();
        held.sort_unstable();
        held.dedup();
        asked == held
    });
    frequency
        && days
        && asked_for(asked.interval.as_ref(), held.interval.as_ref())
        && asked_for(
            asked.occurrence_relative_to_end.as_ref(),
            held.occurrence_relative_to_end.as_ref(),
        )
        && asked_for(
            asked.occurrence_unit.as_ref(),
            held.occurrence_unit.as_ref(),
        )
}

/// DescribeFleetHistory's `StartTime` (required) and `EventType`: the events at or after the
/// start, of that type when one is asked (by default every type, as documented). The fleet's
/// records are those its answers named it beside (`ids(..., output = fleet_id)`).
#[cfg(feature = "instances")]
pub(crate) fn fleet_history(
    request: &crate::instances::DescribeFleetHistoryRequest,
    _caller: &Caller,
    record: &crate::shapes::HistoryRecordEntry,
    _context: &DescribeContext,
) -> bool {
    within(record.timestamp, Some(request.start_time), None)
        && asked_for(request.event_type.as_ref(), record.event_type.as_ref())
}

/// DescribeSpotFleetRequestHistory's `StartTime` (required) and `EventType`, as
/// DescribeFleetHistory's: the events at or after the start, of the type asked for, if any.
#[cfg(feature = "instances")]
pub(crate) fn spot_fleet_request_history(
    request: &crate::instances::DescribeSpotFleetRequestHistoryRequest,
    _caller: &Caller,
    record: &crate::shapes::HistoryRecord,
    _context: &DescribeContext,
) -> bool {
    within(record.timestamp, Some(request.start_time), None)
        && asked_for(request.event_type.as_ref(), record.event_type.as_ref())
}

/// DescribeInstanceTypes' `IncludeUnsupportedInRegion`: by default, as documented, "all instance
/// types for the current Region", and with it the types the Region does not support too. Which
/// types the Region supports, the service's [`OfferedInstanceTypes`](crate::OfferedInstanceTypes)
/// says (its offerings by Region, [`Parents::index`](ec2_ops::Parents::index)); where it holds no
/// offering by Region, or the context has no such index, every type held is taken as supported
/// (a capture without the switch holds only those). A type the Region does not support named in
/// `InstanceType.N` without the switch is left out, not `InvalidInstanceType`: EC2 does not
/// document which it answers.
#[cfg(feature = "instances")]
pub(crate) fn instance_types(
    request: &crate::instances::DescribeInstanceTypesRequest,
    _caller: &Caller,
    info: &crate::shapes::InstanceTypeInfo,
    context: &DescribeContext,
) -> bool {
    if request.include_unsupported_in_region == Some(true) {
        return true;
    }
    let Some(kind) = info.instance_type.as_ref() else {
        return true;
    };
    context
        .index::<crate::instances::DescribeInstanceTypes, crate::OfferedInstanceTypes>()
        .and_then(|offered| offered.offers(kind.as_str()))
        .unwrap_or(true)
}

/// DescribeSpotPriceHistory's `StartTime` and `EndTime`, as documented: the price changes within
/// the range (both ends included, either may be absent), and "the last price change before the
/// start time, which is the effective price as of the start time", one per zone, instance type
/// and product. Which change that is, the service's [`SpotPriceChanges`](crate::SpotPriceChanges)
/// says ([`Parents::index`](ec2_ops::Parents::index)); a context without one answers no change
/// before the start (`ec2-ops-endpoint` keeps one).
#[cfg(feature = "instances")]
pub(crate) fn spot_price_history(
    request: &crate::instances::DescribeSpotPriceHistoryRequest,
    _caller: &Caller,
    price: &crate::shapes::SpotPrice,
    context: &DescribeContext,
) -> bool {
    if !within(price.timestamp, None, request.end_time) {
        return false;
    }
    match (request.start_time, price.timestamp) {
        (None, _) => true,
        (Some(start), Some(time)) if time >= start => true,
        (Some(start), _) => context
            .index::<crate::instances::DescribeSpotPriceHistory, crate::SpotPriceChanges>()
            .is_some_and(|changes| changes.is_in_effect_at(price, start)),
    }
}

/// DescribeSecurityGroupReferences' `GroupId.N` (required, see the `validation` module): the
/// references to the groups named.
#[cfg(feature = "vpc")]
pub(crate) fn security_group_references(
    request: &crate::vpc::DescribeSecurityGroupReferencesRequest,
    _caller: &Caller,
    reference: &crate::shapes::SecurityGroupReference,
    _context: &DescribeContext,
) -> bool {
    reference
        .group_id
        .as_ref()
        .is_some_and(|group| request.group_id.contains(group))
}

/// DescribeImageReferences' `IncludeAllResourceTypes` and `ResourceTypes`: with the first, the
/// references of every resource type; else those of the types listed.
///
/// A type's `ResourceTypeOptions` (an instance's states, how many launch template versions back)
/// say which resources EC2 inspects for references; a replayed reference was found with its
/// capture's options, and holds no state or version to check again, so the options narrow nothing
/// here.
#[cfg(feature = "images")]
pub(crate) fn image_references(
    request: &crate::images::DescribeImageReferencesRequest,
    _caller: &Caller,
    reference: &crate::shapes::ImageReference,
    _context: &DescribeContext,
) -> bool {
    request.include_all_resource_types == Some(true)
        || request.resource_types.iter().any(|asked| {
            asked.resource_type.is_some() && asked.resource_type == reference.resource_type
        })
}

/// DescribeStoreImageTasks' `ImageId.N`: the tasks storing the AMIs named (at most 20, and not
/// with `MaxResults`: the `validation` module). EC2 then ignores the filters ("When you specify
/// the `ImageIds` parameter, any filters that you specify are ignored"), which the declaration's
/// `filters(ignored_with = image_ids)` does.
#[cfg(feature = "images")]
pub(crate) fn store_image_tasks(
    request: &crate::images::DescribeStoreImageTasksRequest,
    _caller: &Caller,
    task: &crate::shapes::StoreImageTaskResult,
    _context: &DescribeContext,
) -> bool {
    request.image_ids.is_empty()
        || task
            .ami_id
            .as_ref()
            .is_some_and(|ami| request.image_ids.contains(ami))
}

/// Whether a record's value is the one asked for; a record seeded without the member is shown,
/// as nothing says it differs (the rule of [`reserved_instances_offerings`]' durations).
#[cfg(feature = "instances")]
fn held_as_asked<T: PartialEq>(asked: Option<&T>, held: Option<&T>) -> bool {
    match (asked, held) {
        (Some(asked), Some(held)) => asked == held,
        _ => true,
    }
}

/// Whether Availability Zone or Local Zone `zone` is one the caller is opted into (or one that
/// needs no opt-in), read from DescribeAvailabilityZones' resources through the context; a zone
/// the context does not hold is taken as opted into, as nothing says otherwise.
#[cfg(all(feature = "instances", feature = "account"))]
fn opted_into(zone: Option<&str>, context: &DescribeContext) -> bool {
    let Some(zone) = zone else {
        return true;
    };
    context
        .resource::<crate::account::DescribeAvailabilityZones>(zone)
        .is_none_or(|zone| {
            zone.opt_in_status != Some(crate::shapes::AvailabilityZoneOptInStatus::NotOptedIn)
        })
}

/// Without the `account` area no zone is served, so none is known to be left out.
#[cfg(all(feature = "instances", not(feature = "account")))]
fn opted_into(_zone: Option<&str>, _context: &DescribeContext) -> bool {
    true
}

/// DescribeCapacityBlockOfferings' selecting members, as documented:
///
/// - `CapacityDurationHours` (required): the offerings of that duration (their
///   `CapacityBlockDurationHours`);
/// - `InstanceCount` and `UltraserverCount`: the offerings of that many instances or UltraServers;
/// - `StartDateRange` ("the earliest start date") and `EndDateRange` ("the latest end date"): the
///   offerings starting at or after the one and ending at or before the other;
/// - `InstanceTypePreference.N`: the offerings of one of those instance types (beside the legacy
///   `InstanceType`, applied as an ID list);
/// - `AllAvailabilityZones`: without it, the offerings in zones the caller is opted into (as
///   DescribeAvailabilityZones says of each zone), with it every zone's.
///
/// An offering seeded without the member a request asks about is shown.
#[cfg(feature = "instances")]
pub(crate) fn capacity_block_offerings(
    request: &crate::instances::DescribeCapacityBlockOfferingsRequest,
    _caller: &Caller,
    offering: &crate::shapes::CapacityBlockOffering,
    context: &DescribeContext,
) -> bool {
    let preferred = request.instance_type_preferences.is_empty()
        || request.instance_type_preferences.iter().any(|preference| {
            preference.instance_type.is_some() && preference.instance_type == offering.instance_type
        });
    held_as_asked(
        Some(&request.capacity_duration_hours),
        offering.capacity_block_duration_hours.as_ref(),
    ) && held_as_asked(
        request.instance_count.as_ref(),
        offering.instance_count.as_ref(),
    ) && held_as_asked(
        request.ultraserver_count.as_ref(),
        offering.ultraserver_count.as_ref(),
    ) && (offering.start_date.is_none()
        || within(offering.start_date, request.start_date_range, None))
        && (offering.end_date.is_none() || within(offering.end_date, None, request.end_date_range))
        && preferred
        && (request.all_availability_zones == Some(true)
            || opted_into(offering.availability_zone.as_deref(), context))
}

/// DescribeCapacityBlockExtensionOfferings' members, both required, as documented:
///
/// - `CapacityBlockExtensionDurationHours`: the offerings extending by that many hours;
/// - `CapacityReservationId`: the offerings extending that Capacity Block. An offering names no
///   reservation, but describes the block it extends: its instance type and zone, and an extension
///   starting when the block ends. Those are matched against the reservation DescribeCapacityReservations
///   holds; a reservation the store does not hold has no offering.
#[cfg(feature = "instances")]
pub(crate) fn capacity_block_extension_offerings(
    request: &crate::instances::DescribeCapacityBlockExtensionOfferingsRequest,
    _caller: &Caller,
    offering: &crate::shapes::CapacityBlockExtensionOffering,
    context: &DescribeContext,
) -> bool {
    let lasting = held_as_asked(
        Some(&request.capacity_block_extension_duration_hours),
        offering.capacity_block_extension_duration_hours.as_ref(),
    );
    let Some(block) = context.resource::<crate::instances::DescribeCapacityReservations>(
        &request.capacity_reservation_id,
    ) else {
        return lasting;
    };
    lasting
        && held_as_asked(
            block.instance_type.as_ref(),
            offering.instance_type.as_ref(),
        )
        && held_as_asked(
            block.availability_zone.as_ref(),
            offering.availability_zone.as_ref(),
        )
        && held_as_asked(
            block.end_date.as_ref(),
            offering.capacity_block_extension_start_date.as_ref(),
        )
}
