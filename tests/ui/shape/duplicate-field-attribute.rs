use ec2_ops::ec2_shape;

#[ec2_shape]
pub struct Task {
    #[ec2(xml = "a", xml = "b")]
    pub task_id: Option<String>,
}

fn main() {}
