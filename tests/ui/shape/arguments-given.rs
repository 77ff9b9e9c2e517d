use ec2_ops::ec2_shape;

#[ec2_shape(rename_all = "camelCase")]
pub struct Task {
    pub task_id: Option<String>,
}

fn main() {}
