//! The request's own rules that its members cannot say: a list EC2 requires (the Query protocol
//! has no required list), members that exclude or need each other, as the model's documentation
//! of each member says. Each function is an operation's `validate` hook (`model/decisions.txt`
//! names it, the scaffold writes it into the declaration), checked after DryRun and before any
//! data is read.
//!
//! The model documents the rules, not EC2's words for breaking them; where EC2's answer is not
//! documented, the error is the one EC2 gives for the same kind of mistake elsewhere:
//! `MissingParameter` "The request must contain the parameter X" for a required member left out,
//! `InvalidParameterCombination` "The parameter X cannot be used with the parameter Y" for two
//! that exclude each other.

#[cfg(any(feature = "images", feature = "instances", feature = "vpc"))]
use ec2_ops::Ec2Error;

/// DescribeSecurityGroupReferences' `GroupId.N`, which the model marks required: the references
/// to no group are not every reference.
#[cfg(feature = "vpc")]
pub(crate) fn security_group_references(
    request: &crate::vpc::DescribeSecurityGroupReferencesRequest,
) -> Result<(), Ec2Error> {
    if request.group_id.is_empty() {
        return Err(Ec2Error::missing_parameter("GroupId"));
    }
    Ok(())
}

/// DescribeImageReferences: `ImageId.N` is required (the model marks it so), and "either
/// `IncludeAllResourceTypes` or `ResourceTypes` must be specified". `IncludeAllResourceTypes`
/// specified as `false` with no `ResourceTypes` names no resource type to check, and counts as
/// neither.
#[cfg(feature = "images")]
pub(crate) fn image_references(
    request: &crate::images::DescribeImageReferencesRequest,
) -> Result<(), Ec2Error> {
    if request.image_ids.is_empty() {
        return Err(Ec2Error::missing_parameter("ImageId"));
    }
    if request.include_all_resource_types != Some(true) && request.resource_types.is_empty() {
        return Err(Ec2Error::missing_parameter(
            "IncludeAllResourceTypes or ResourceType",
        ));
    }
    Ok(())
}

/// Most AMI IDs one DescribeStoreImageTasks call takes ("Up to 20 AMI IDs can be included in a
/// request").
#[cfg(feature = "images")]
pub(crate) const STORE_IMAGE_TASK_IMAGE_IDS: usize = 20;

/// DescribeStoreImageTasks' `ImageId.N`: at most 20, and not with `MaxResults` ("You cannot
/// specify this parameter and the `ImageIds` parameter in the same call").
#[cfg(feature = "images")]
pub(crate) fn store_image_tasks(
    request: &crate::images::DescribeStoreImageTasksRequest,
) -> Result<(), Ec2Error> {
    if request.image_ids.len() > STORE_IMAGE_TASK_IMAGE_IDS {
        return Err(Ec2Error::too_many_ids(
            "ImageId",
            STORE_IMAGE_TASK_IMAGE_IDS,
        ));
    }
    if !request.image_ids.is_empty() && request.max_results.is_some() {
        return Err(Ec2Error::parameter_combination("ImageIds", "MaxResults"));
    }
    Ok(())
}

/// DescribeReservedInstancesModifications' `NextToken`, the operation's only paging member (it has
/// no `MaxResults`): its answers here list every modification at once and give no token, so a
/// token can only be one this endpoint never gave (another endpoint's, or a real EC2 page's),
/// refused as every operation refuses a token it did not give.
#[cfg(feature = "instances")]
pub(crate) fn reserved_instances_modifications(
    request: &crate::instances::DescribeReservedInstancesModificationsRequest,
) -> Result<(), Ec2Error> {
    match &request.next_token {
        Some(token) => Err(Ec2Error::invalid_next_token(token)),
        None => Ok(()),
    }
}
