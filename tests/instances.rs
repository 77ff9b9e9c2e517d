//! DescribeInstances' own rules, over the endpoint's sample: instances answered inside their
//! reservations (each with only its matching instances, none empty), the filters served by
//! functions, and tag filters reaching the instances' tags through the reservation.

mod common;

use std::sync::Arc;

use common::sample;
use ec2_ops::operations::instances::DescribeInstances;
use ec2_ops::operations::tags::{DescribeTags, DescribeTagsResponse};
use ec2_ops::{DescribeContext, Ec2Response, Service};

fn service() -> Service {
    let source = common::by_id::<DescribeInstances>(sample().reservations);
    let mut service = Service::new(DescribeContext::default());
    service.register::<DescribeInstances, _>(Arc::new(source));
    service
}

/// `(reservation ID, its instance IDs)` answered for `query`.
fn reservations(service: &Service, query: &str) -> Vec<(String, Vec<String>)> {
    let response = common::call::<DescribeInstances>(service, query).unwrap();
    response
        .reservations
        .into_iter()
        .map(|reservation| {
            let ids = reservation
                .instances
                .unwrap_or_default()
                .into_iter()
                .map(|instance| instance.instance_id.unwrap_or_default())
                .collect();
            (reservation.reservation_id.unwrap_or_default(), ids)
        })
        .collect()
}

fn filter(name: &str, value: &str) -> String {
    format!("&Filter.1.Name={name}&Filter.1.Value.1={value}")
}

#[test]
fn reservations_keep_their_fields_and_list_every_instance_once() {
    let all = reservations(&service(), "");
    let expected: usize = sample()
        .reservations
        .iter()
        .map(|r| r.instances.as_ref().map_or(0, Vec::len))
        .sum();
    assert_eq!(all.len(), sample().reservations.len());
    assert_eq!(
        all.iter().map(|(_, ids)| ids.len()).sum::<usize>(),
        expected
    );
}

#[test]
fn a_filter_answers_each_reservation_with_only_its_matching_instances_and_drops_the_rest() {
    let running = reservations(&service(), &filter("instance-state-name", "running"));
    // Reservations in the order their first matching instance comes (instance ID order).
    assert_eq!(
        running,
        [
            (
                "r-0a3f6c1e9b2d47a85".to_owned(),
                vec!["i-0c4f2a9e7d1b38f60".to_owned()]
            ),
            (
                "r-07d2e9b4c1a6f3850".to_owned(),
                vec!["i-0d7f1b5e3a9c26480".to_owned()]
            ),
            (
                "r-0f5b8d2a6c3e91470".to_owned(),
                vec!["i-7c4e29b1".to_owned()]
            ),
        ]
    );
    let stopped = reservations(&service(), &filter("instance-state-name", "stopped"));
    assert_eq!(
        stopped.len(),
        1,
        "reservations without a stopped instance are left out"
    );
}

#[test]
fn a_reservation_filter_keeps_all_its_instances() {
    let owned = reservations(&service(), &filter("owner-id", "123456789012"));
    assert_eq!(
        owned
            .iter()
            .map(|(_, instances)| instances.len())
            .sum::<usize>(),
        6,
        "every reservation of the account, each with all its instances"
    );
    assert!(reservations(&service(), &filter("owner-id", "210987654321")).is_empty());
    let one = reservations(&service(), &filter("reservation-id", "r-07d2e9b4c1a6f3850"));
    assert_eq!(one[0].1.len(), 3);
}

#[test]
fn interface_filters_served_by_functions_read_the_instance_and_its_reservation() {
    let service = service();
    let by_instance = reservations(
        &service,
        &filter(
            "network-interface.attachment.instance-id",
            "i-0e81d5b3a6f29c047",
        ),
    );
    assert_eq!(
        by_instance,
        [(
            "r-0a3f6c1e9b2d47a85".to_owned(),
            vec!["i-0e81d5b3a6f29c047".to_owned()]
        )]
    );
    // The terminated instance has no interface, so it is not attached-by-anything.
    let owner = reservations(
        &service,
        &filter(
            "network-interface.attachment.instance-owner-id",
            "123456789012",
        ),
    );
    let owned_ids: Vec<&String> = owner.iter().flat_map(|(_, ids)| ids).collect();
    assert_eq!(owned_ids.len(), 5, "{owner:?}");
    assert!(!owned_ids.contains(&&"i-0b2c7e4f9a1d35e86".to_owned()));
    let zone = reservations(
        &service,
        &filter("network-interface.availability-zone", "us-east-1c"),
    );
    assert_eq!(
        zone,
        [(
            "r-07d2e9b4c1a6f3850".to_owned(),
            vec!["i-0d7f1b5e3a9c26480".to_owned()]
        )]
    );
}

#[test]
fn tag_filters_reach_each_instances_own_tags() {
    let service = service();
    let named = reservations(&service, &filter("tag:Name", "orders-prod-arm-node"));
    assert_eq!(
        named,
        [(
            "r-07d2e9b4c1a6f3850".to_owned(),
            vec![
                "i-0b2c7e4f9a1d35e86".to_owned(),
                "i-0d7f1b5e3a9c26480".to_owned()
            ]
        )]
    );
    let keyed = reservations(
        &service,
        &filter("tag-key", "kubernetes.io/cluster/orders-prod"),
    );
    assert_eq!(
        keyed,
        [(
            "r-07d2e9b4c1a6f3850".to_owned(),
            vec!["i-0d7f1b5e3a9c26480".to_owned()]
        )]
    );
    // `tag-value` is not documented for DescribeInstances.
    let answer = service.handle(
        b"Action=DescribeInstances&Version=2016-11-15&Filter.1.Name=tag-value&Filter.1.Value.1=x",
    );
    assert_eq!(answer.status, 400);
}

#[test]
fn describe_tags_tag_filter_selects_tag_items_by_key_and_value() {
    let items = common::tag_items(&sample());
    let mut service = Service::new(DescribeContext::default());
    service.register::<DescribeTags, _>(Arc::new(common::positional(items)));
    let answer = service.handle(
        b"Action=DescribeTags&Version=2016-11-15&Filter.1.Name=tag:Name&Filter.1.Value.1=main*",
    );
    let response = DescribeTagsResponse::from_xml(&answer.body).unwrap();
    let mut found: Vec<(Option<String>, Option<String>)> = response
        .tags
        .into_iter()
        .map(|tag| (tag.resource_id, tag.value))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            (
                Some("subnet-0a9b8c7d6e5f40312".into()),
                Some("main-private-1a".into())
            ),
            (Some("vpc-0e1d2c3b4a5968778".into()), Some("main".into())),
        ]
    );
}
