use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FpgaImageAttribute {
    pub fpga_image_id: String,
}

#[ec2_operation(
    action = "DescribeFpgaImageAttribute",
    resource = FpgaImageAttribute,
    resource_id = fpga_image_id,
    output(member = "FpgaImageAttribute", xml = "fpgaImageAttribute", single),
    ids(key = "FpgaImageId"),
)]
pub struct DescribeFpgaImageAttribute;

fn main() {}
