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
    members(
        /// One image, where EC2 ignores the filters only beside a list of them.
        image_id: Option<String>,
    ),
    filters("state", ignored_with = image_id),
)]
pub struct DescribeTasks;

fn main() {}
