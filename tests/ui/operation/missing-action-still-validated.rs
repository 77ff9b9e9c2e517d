use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Task {
    pub task_id: Option<String>,
    pub state: Option<String>,
    pub size: Option<i32>,
    pub tags: Vec<ec2_ops::Tag>,
    pub other_tags: Vec<ec2_ops::Tag>,
}

#[ec2_operation(
    resource = Task,
    resource_id = task_id,
    output(member = "Tasks", xml = "taskSet"),
    filters("state" => state, "state" => size),
)]
pub struct DescribeTasks;

fn main() {}
