use ec2_ops::{ec2_operation, ec2_shape};

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Route {
    pub route_id: Option<String>,
    pub endpoint_id: Option<String>,
}

#[ec2_operation(
    action = "DescribeRoutes",
    resource = Route,
    resource_id = route_id,
    output(member = "Routes", xml = "routeSet"),
    ids(key = "RouteId", parent = "DescribeEndpoints"),
)]
pub struct DescribeRoutes;

fn main() {}
