//! DescribeInstanceCreditSpecifications' view of the store: a burstable instance (T2, T3, T3a,
//! T4g) has a CPU credit option, so a capture of DescribeInstances answers Terraform's read of it.
//!
//! DescribeInstances' data does not hold the option. What the endpoint answers is the option an
//! instance of its family launches with when neither the launch nor the account's default says
//! otherwise (EC2's user guide: `standard` for T2, `unlimited` for T3, T3a and T4g); an instance
//! launched or modified to the other option, or an account whose default credit specification was
//! changed, needs its option seeded in DescribeInstanceCreditSpecifications' own data, which wins
//! for its instance. An instance of any other family has no credit option here (EC2 answers an
//! error for it; the endpoint answers its not-found error). Which specifications a request lists
//! (the `unlimited` ones when it names no instance) is the operation's own rule.

use std::sync::Arc;

use ec2_ops::operations::instances::Reservation;
use ec2_ops_catalog::shapes::InstanceCreditSpecification;

/// The instance ID of a credit specification.
pub(crate) fn credit_specification_id(specification: &Arc<InstanceCreditSpecification>) -> &str {
    specification.instance_id.as_deref().unwrap_or_default()
}

/// The credit option an instance of `instance_type` launches with by default, for the burstable
/// families; `None` for any other.
pub(crate) fn launch_default(instance_type: &str) -> Option<&'static str> {
    let family = instance_type
        .split_once('.')
        .map_or(instance_type, |(family, _)| family);
    match family {
        "t2" => Some("standard"),
        "t3" | "t3a" | "t4g" => Some("unlimited"),
        _ => None,
    }
}

/// The credit specification of a served burstable instance (a DescribeInstances unit).
pub(crate) fn credit_specification(
    unit: &Reservation,
    _account: &str,
) -> Option<InstanceCreditSpecification> {
    let instance = unit.first_instance()?;
    let option = launch_default(instance.instance_type.as_deref()?)?;
    Some(InstanceCreditSpecification {
        instance_id: Some(instance.instance_id.clone()?),
        cpu_credits: Some(option.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::launch_default;

    #[test]
    fn the_burstable_families_launch_with_their_documented_default_and_others_have_none() {
        assert_eq!(launch_default("t2.micro"), Some("standard"));
        assert_eq!(launch_default("t3.nano"), Some("unlimited"));
        assert_eq!(launch_default("t3a.2xlarge"), Some("unlimited"));
        assert_eq!(launch_default("t4g.small"), Some("unlimited"));
        for other in [
            "t1.micro",
            "m5.large",
            "t2micro",
            "t3x.large",
            "c7g.medium",
            "",
        ] {
            assert_eq!(launch_default(other), None, "{other}");
        }
    }
}
