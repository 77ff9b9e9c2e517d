use ec2_ops::ec2_shape;

#[ec2_shape]
#[ec2(xml = "task")]
pub struct Task {
    pub task_id: Option<String>,
}

fn main() {}
