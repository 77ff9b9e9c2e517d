use ec2_ops::ec2_shape;

#[ec2_shape(response_only = true)]
pub struct Task {
    pub task_id: Option<String>,
}

fn main() {}
