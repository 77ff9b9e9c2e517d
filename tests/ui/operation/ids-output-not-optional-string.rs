use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Instance {
    pub instance_id: Option<String>,
    pub owner_fleet: Option<String>,
}

#[ec2_operation(
    action = "DescribeFleetMembers",
    resource = Instance,
    resource_id = instance_id,
    output(member = "ActiveInstances", xml = "activeInstanceSet"),
    ids(key = "FleetId", output = fleet_id, parent = "DescribeFleets", single),
    response(fleet_id: Option<i32>),
)]
pub struct DescribeFleetMembers;

fn main() {}
