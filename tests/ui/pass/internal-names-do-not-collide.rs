// Fields named like locals a macro might bind (`writer`, `reader`, `node`, `values`, `index`) work.
use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Thing {
    pub writer: Option<String>,
    pub reader: Option<String>,
    pub node: Option<String>,
    pub values: Option<String>,
    pub index: Option<String>,
    pub key: Option<String>,
    pub name: Option<String>,
}

#[ec2_operation(
    action = "DescribeThings",
    resource = Thing,
    resource_id = name,
    output(member = "Things", xml = "thingSet"),
    filters("values" => values, "index" => index),
)]
pub struct DescribeThings;

fn main() {}
