use ec2_ops::ec2_shape;

#[ec2_shape]
pub enum State {
    Active,
    #[ec2(value = "active")]
    AlsoActive,
}

fn main() {}
