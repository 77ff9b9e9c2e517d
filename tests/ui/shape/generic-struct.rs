use ec2_ops::ec2_shape;

#[ec2_shape]
pub struct Task<T> {
    pub task_id: Option<T>,
}

fn main() {}
