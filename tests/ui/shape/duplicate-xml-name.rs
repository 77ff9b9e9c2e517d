use ec2_ops::ec2_shape;

#[ec2_shape]
pub struct Task {
    pub task_id: Option<String>,
    #[ec2(xml = "taskId")]
    pub id: Option<String>,
}

fn main() {}
