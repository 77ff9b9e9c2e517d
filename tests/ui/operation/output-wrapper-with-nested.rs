use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Group {
    pub group_id: Option<String>,
    pub members: Vec<Member>,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Member {
    pub member_id: Option<String>,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Groups {
    pub groups: Option<Vec<Group>>,
}

#[ec2_operation(
    action = "DescribeGroups",
    resource = Group,
    resource_id = group_id,
    nested(field = members, resource_id = member_id),
    output(member = "Groups", xml = "groupResponse", wrapper = Groups, list = groups),
)]
pub struct DescribeGroups;

fn main() {}
