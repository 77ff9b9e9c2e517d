use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Swatch {
    pub swatch_id: String,
}

#[ec2_operation(
    action = "DescribeSwatches",
    resource = Swatch,
    resource_id = swatch_id,
    output(member = "Swatches", xml = "swatchSet"),
    ids(key = "SwatchId"),
    members(
        #[ec2(listed)]
        attribute: String,
    ),
)]
pub struct DescribeSwatches;

fn main() {}
