use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Task {
    pub task_id: Option<String>,
    pub state: Option<String>,
}

#[ec2_operation(
    action = "DescribeTasks",
    resource = Task,
    resource_id = task_id,
    output(member = "Tasks", xml = "taskSet"),
    ids(key = "State", field = state, narrows, not_found = "InvalidState.NotFound"),
)]
pub struct DescribeTasks;

fn main() {}
