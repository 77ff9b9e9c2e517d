//! Second ID lists and what a value no resource holds means: an error (`KeyName.N`), nothing
//! (`narrows`), or, for a parent's ID, an error only where the context knows the parent is not
//! served and no resource names it; and one optional ID (`single, optional`).

use std::collections::BTreeSet;
use std::sync::Arc;

use ec2_ops::{
    DescribeContext, DescribeOperation, InMemorySource, Parents, ec2_operation, ec2_shape,
};
use proptest::prelude::*;

#[ec2_shape]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Route {
    pub route_id: String,
    pub endpoint_id: String,
    pub zone: String,
    pub kind: String,
}

#[ec2_operation(
    action = "DescribeRoutes",
    resource = Route,
    resource_id = route_id,
    output(member = "Routes", xml = "routeSet"),
    ids(key = "EndpointId", field = endpoint_id, parent = "DescribeEndpoints",
        not_found = "InvalidEndpointId.NotFound", single, optional),
    ids(key = "Zone", field = zone, narrows),
    ids(key = "Kind", field = kind, not_found = "InvalidKind.NotFound"),
)]
pub struct DescribeRoutes;

/// Parents known to exist: the endpoints a one-account store serves.
struct Endpoints(BTreeSet<String>);

impl Parents for Endpoints {
    fn serves(&self, action: &str, id: &str) -> Option<bool> {
        (action == "DescribeEndpoints").then(|| self.0.contains(id))
    }
}

fn route(n: u32, endpoint: &str, zone: &str, kind: &str) -> Route {
    Route {
        route_id: format!("r-{n:03}"),
        endpoint_id: endpoint.into(),
        zone: zone.into(),
        kind: kind.into(),
    }
}

fn routes() -> InMemorySource<Route> {
    let source = InMemorySource::new(|route: &Route| route.route_id.as_str());
    source.insert(route(1, "e-1", "a", "local"));
    source.insert(route(2, "e-1", "b", "vpn"));
    source.insert(route(3, "e-2", "a", "vpn"));
    source.insert(route(4, "e-9", "a", "local"));
    source
}

fn ids(
    request: DescribeRoutesRequest,
    context: &DescribeContext,
) -> Result<Vec<String>, (String, String)> {
    DescribeRoutes::run(&request, &routes(), context)
        .map(|response| {
            response
                .routes
                .into_iter()
                .map(|route| route.route_id)
                .collect()
        })
        .map_err(|error| (error.code().to_owned(), error.message().to_owned()))
}

fn one_account() -> DescribeContext {
    let endpoints = ["e-1", "e-2", "e-3"].map(str::to_owned).into();
    DescribeContext::default().with_parents(Arc::new(Endpoints(endpoints)))
}

#[test]
fn a_list_whose_values_must_exist_refuses_an_unknown_value() {
    let request = DescribeRoutesRequest::builder().kind("static").build();
    let (code, message) = ids(request, &DescribeContext::default()).unwrap_err();
    assert_eq!(code, "InvalidKind.NotFound");
    assert_eq!(message, "The kind 'static' does not exist");
}

#[test]
fn a_list_that_narrows_selects_nothing_for_an_unknown_value() {
    let request = DescribeRoutesRequest::builder().zone("z").build();
    assert_eq!(ids(request, &DescribeContext::default()), Ok(vec![]));
    let request = DescribeRoutesRequest::builder().zone("b").zone("z").build();
    assert_eq!(
        ids(request, &DescribeContext::default()),
        Ok(vec!["r-002".to_owned()])
    );
}

#[test]
fn an_optional_parent_left_out_selects_everything() {
    let request = DescribeRoutesRequest::builder().build();
    assert_eq!(ids(request, &one_account()).unwrap().len(), 4);
}

#[test]
fn a_parents_id_selects_its_children() {
    let request = DescribeRoutesRequest::builder().endpoint_id("e-1").build();
    assert_eq!(
        ids(request, &one_account()),
        Ok(vec!["r-001".to_owned(), "r-002".to_owned()])
    );
}

#[test]
fn a_parent_unknown_to_the_context_is_not_found_and_without_a_context_selects_nothing() {
    let request = || DescribeRoutesRequest::builder().endpoint_id("e-7").build();
    assert_eq!(
        ids(request(), &one_account()).unwrap_err().0,
        "InvalidEndpointId.NotFound"
    );
    assert_eq!(ids(request(), &DescribeContext::default()), Ok(vec![]));
}

#[test]
fn a_served_parent_without_children_and_children_of_an_unserved_parent_are_answered() {
    let request = DescribeRoutesRequest::builder().endpoint_id("e-3").build();
    assert_eq!(ids(request, &one_account()), Ok(vec![]));
    let request = DescribeRoutesRequest::builder().endpoint_id("e-9").build();
    assert_eq!(ids(request, &one_account()), Ok(vec!["r-004".to_owned()]));
}

#[test]
fn lists_narrow_together() {
    let request = DescribeRoutesRequest::builder()
        .endpoint_id("e-1")
        .zone("a")
        .kind("local")
        .build();
    assert_eq!(ids(request, &one_account()), Ok(vec!["r-001".to_owned()]));
}

proptest! {
    /// Whatever the values, a list that narrows answers exactly the resources holding one of them,
    /// and never an error.
    #[test]
    fn narrowing_answers_the_resources_holding_a_value(
        zones in proptest::collection::vec(prop::sample::select(vec!["a", "b", "c", "d"]), 1..4),
    ) {
        let mut builder = DescribeRoutesRequest::builder();
        for zone in &zones {
            builder = builder.zone(*zone);
        }
        let answered = ids(builder.build(), &DescribeContext::default()).unwrap();
        let expected: Vec<String> = [(1, "a"), (2, "b"), (3, "a"), (4, "a")]
            .into_iter()
            .filter(|(_, zone)| zones.contains(zone))
            .map(|(n, _)| format!("r-{n:03}"))
            .collect();
        prop_assert_eq!(answered, expected);
    }

    /// A parent's ID is refused exactly when the context says it is not served and no resource
    /// names it; otherwise it answers the resources naming it.
    #[test]
    fn a_parent_is_refused_exactly_when_unserved_and_unnamed(
        endpoint in prop::sample::select(vec!["e-1", "e-2", "e-3", "e-7", "e-9"]),
    ) {
        let request = DescribeRoutesRequest::builder().endpoint_id(endpoint).build();
        let served = ["e-1", "e-2", "e-3"].contains(&endpoint);
        let named = ["e-1", "e-2", "e-9"].contains(&endpoint);
        match ids(request, &one_account()) {
            Ok(routes) => {
                prop_assert!(served || named);
                let expected = [(1, "e-1"), (2, "e-1"), (3, "e-2"), (4, "e-9")]
                    .into_iter()
                    .filter(|(_, owner)| *owner == endpoint)
                    .count();
                prop_assert_eq!(routes.len(), expected);
            }
            Err((code, _)) => {
                prop_assert!(!served && !named);
                prop_assert_eq!(code, "InvalidEndpointId.NotFound");
            }
        }
    }
}
