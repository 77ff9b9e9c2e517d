use ec2_ops::ec2_shape;

#[ec2_shape]
pub struct Task {
    #[ec2(xml = "task id")]
    pub task_id: Option<String>,
}

fn main() {}
