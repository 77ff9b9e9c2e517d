use ec2_ops::ec2_shape;

#[ec2_shape]
pub struct Task(Option<String>);

fn main() {}
