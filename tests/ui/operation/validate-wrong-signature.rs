use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Task {
    pub task_id: Option<String>,
}

/// Answers whether the request is valid, where `validate` wants EC2's error for one that is not.
fn names_a_task(request: &DescribeTasksRequest) -> bool {
    !request.task_ids.is_empty()
}

#[ec2_operation(
    action = "DescribeTasks",
    resource = Task,
    resource_id = task_id,
    output(member = "Tasks", xml = "taskSet"),
    ids(key = "TaskId"),
    validate = names_a_task,
)]
pub struct DescribeTasks;

fn main() {}
