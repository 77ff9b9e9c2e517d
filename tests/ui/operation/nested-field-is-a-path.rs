use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Group {
    pub group_id: Option<String>,
    pub members: Option<Vec<Member>>,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Member {
    pub member_id: Option<String>,
}

#[ec2_operation(
    action = "DescribeGroups",
    resource = Group,
    resource_id = group_id,
    nested(field = group::members, resource_id = member_id),
    output(member = "Groups", xml = "groupSet"),
)]
pub struct DescribeGroups;

fn main() {}
