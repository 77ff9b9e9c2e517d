use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Task {
    pub task_id: Option<String>,
    pub queue_id: Option<String>,
}

#[ec2_operation(
    action = "DescribeTasks",
    resource = Task,
    resource_id = task_id,
    output(member = "Tasks", xml = "taskSet"),
    ids(key = "QueueId", field = queue_id, optional),
)]
pub struct DescribeTasks;

fn main() {}
