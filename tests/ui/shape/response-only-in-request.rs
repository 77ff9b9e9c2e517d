use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Task {
    pub task_id: Option<String>,
}

#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimeRange {
    pub earliest: Option<String>,
    pub latest: Option<String>,
}

#[ec2_operation(
    action = "DescribeTasks",
    resource = Task,
    resource_id = task_id,
    output(member = "Tasks", xml = "taskSet"),
    members(window: Option<TimeRange>),
)]
pub struct DescribeTasks;

fn main() {}
