use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SnapshotAttributes {
    pub snapshot_id: String,
}

#[ec2_operation(
    action = "DescribeSnapshotAttribute",
    resource = SnapshotAttributes,
    resource_id = snapshot_id,
    output(flatten),
    ids(key = "SnapshotId", single),
)]
pub struct DescribeSnapshotAttribute;

fn main() {}
