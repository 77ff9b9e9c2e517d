use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VpcAttributes {
    pub vpc_id: String,
}

#[ec2_operation(
    action = "DescribeVpcAttribute",
    resource = VpcAttributes,
    resource_id = vpc_id,
    output(member = "VpcAttributes", xml = "vpc", flatten),
    ids(key = "VpcId", single),
)]
pub struct DescribeVpcAttribute;

fn main() {}
