use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Instance {
    pub instance_id: String,
}

#[ec2_operation(
    action = "DescribeFleetInstances",
    resource = Instance,
    resource_id = instance_id,
    output(member = "ActiveInstances", xml = "activeInstanceSet"),
    ids(key = "FleetId", single),
    paginate(min = 1, max = 1000, ids_with_max_results = false),
)]
pub struct DescribeFleetInstances;

fn main() {}
