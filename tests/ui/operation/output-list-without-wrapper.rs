use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InstanceStatus {
    pub instance_id: Option<String>,
    pub status: Option<String>,
}

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Statuses {
    #[ec2(xml = "instanceSet")]
    pub instances: Option<Vec<InstanceStatus>>,
    pub count: Option<i32>,
}

#[ec2_operation(
    action = "DescribeApplicationStatus",
    resource = InstanceStatus,
    resource_id = instance_id,
    output(member = "ApplicationStatuses", xml = "statusSet", list = instances),
)]
pub struct DescribeApplicationStatus;

fn main() {}
