use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    pub record_id: Option<String>,
}

#[ec2_operation(
    action = "DescribeRecords",
    resource = Record,
    resource_id = record_id,
    output(member = "Records", xml = "recordSet"),
    response(#[ec2(item = "member")] fleet_id: Option<String>),
)]
pub struct DescribeRecords;

fn main() {}
