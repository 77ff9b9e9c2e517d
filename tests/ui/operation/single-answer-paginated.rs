use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Subscription {
    pub owner_id: String,
}

#[ec2_operation(
    action = "DescribeSpotDatafeedSubscription",
    resource = Subscription,
    resource_id = owner_id,
    output(member = "SpotDatafeedSubscription", xml = "spotDatafeedSubscription", single),
    paginate,
)]
pub struct DescribeSpotDatafeedSubscription;

fn main() {}
