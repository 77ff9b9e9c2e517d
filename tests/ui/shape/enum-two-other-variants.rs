use ec2_ops::ec2_shape;

#[ec2_shape]
#[derive(Debug, Clone, PartialEq)]
pub enum VolumeType {
    Gp3,
    #[ec2(other)]
    Unknown(String),
    #[ec2(other)]
    Unlisted(String),
}

fn main() {}
