//! DescribeSpotPriceHistory's `StartTime` and `EndTime`: the price changes within the range, both
//! ends included, and, as EC2 documents, "the last price change before the start time, which is
//! the effective price as of the start time", one per zone, instance type and product; the
//! history kept as the store changes.

use std::collections::BTreeSet;

use ec2_ops::Ec2Response;
use ec2_ops_catalog::instances::DescribeSpotPriceHistoryResponse;
use ec2_ops_endpoint::Store;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::common;

/// A price change: its zone, instance type, product, hour (of 2024-05-01 onwards) and price.
type Change = (&'static str, &'static str, &'static str, u32, String);

fn time(hour: u32) -> String {
    format!("2024-05-{:02}T{:02}:00:00.000Z", 1 + hour / 24, hour % 24)
}

fn output(changes: &[Change]) -> String {
    let history: Vec<Value> = changes
        .iter()
        .map(|(zone, kind, product, hour, price)| {
            json!({"AvailabilityZone": zone, "InstanceType": kind,
                   "ProductDescription": product, "SpotPrice": price,
                   "Timestamp": time(*hour)})
        })
        .collect();
    json!({ "SpotPriceHistory": history }).to_string()
}

/// The prices answered (each change's price is unique in these tests), walking every page.
fn prices(store: &Store, query: &str) -> BTreeSet<String> {
    let mut answered = BTreeSet::new();
    let mut token = String::new();
    loop {
        let answer = store.handle(
            format!(
                "Action=DescribeSpotPriceHistory&Version=2016-11-15&MaxResults=5{query}{token}"
            )
            .as_bytes(),
        );
        assert_eq!(
            answer.status,
            200,
            "{}",
            String::from_utf8_lossy(&answer.body)
        );
        let response = DescribeSpotPriceHistoryResponse::from_xml(&answer.body).unwrap();
        answered.extend(
            response
                .spot_price_history
                .into_iter()
                .filter_map(|price| price.spot_price),
        );
        match response.next_token.filter(|next| !next.is_empty()) {
            Some(next) => {
                let next = utf8_percent_encode(&next, NON_ALPHANUMERIC);
                token = format!("&NextToken={next}");
            }
            None => return answered,
        }
    }
}

fn history() -> Vec<Change> {
    let linux = "Linux/UNIX";
    vec![
        ("us-east-1a", "m5.large", linux, 1, "a1".into()),
        ("us-east-1a", "m5.large", linux, 5, "a5".into()),
        ("us-east-1a", "m5.large", linux, 9, "a9".into()),
        ("us-east-1a", "m5.large", linux, 14, "a14".into()),
        ("us-east-1b", "m5.large", linux, 2, "b2".into()),
        ("us-east-1b", "m5.large", linux, 10, "b10".into()),
        ("us-east-1a", "c5.large", linux, 3, "c3".into()),
        ("us-east-1a", "m5.large", "Windows", 4, "w4".into()),
        ("us-east-1a", "m5.large", "Windows", 8, "w8".into()),
    ]
}

fn set(prices: &[&str]) -> BTreeSet<String> {
    prices.iter().map(|price| (*price).to_owned()).collect()
}

#[test]
fn without_a_range_the_whole_history_is_answered() {
    let store = common::store(&[("describe-spot-price-history", &output(&history()))]);
    assert_eq!(prices(&store, "").len(), history().len());
}

#[test]
fn a_start_time_answers_the_changes_from_it_and_each_groups_price_in_effect_at_it() {
    let store = common::store(&[("describe-spot-price-history", &output(&history()))]);
    let from_hour_6 = prices(&store, &format!("&StartTime={}", time(6)));
    // m5/Linux in 1a: a5 is in effect at 6, then a9 and a14; in 1b: b2, then b10; c5: c3 (its
    // only change); Windows: w4, then w8. a1 is no longer in effect.
    assert_eq!(
        from_hour_6,
        set(&["a5", "a9", "a14", "b2", "b10", "c3", "w4", "w8"])
    );
}

#[test]
fn a_change_at_the_start_time_itself_is_the_price_in_effect() {
    let store = common::store(&[("describe-spot-price-history", &output(&history()))]);
    let from_hour_5 = prices(
        &store,
        &format!(
            "&StartTime={}&InstanceType.1=m5.large&AvailabilityZone=us-east-1a&ProductDescription.1=Linux%2FUNIX",
            time(5)
        ),
    );
    assert_eq!(from_hour_5, set(&["a5", "a9", "a14"]));
}

#[test]
fn an_end_time_leaves_out_later_changes_both_ends_included() {
    let store = common::store(&[("describe-spot-price-history", &output(&history()))]);
    let range = prices(
        &store,
        &format!(
            "&StartTime={}&EndTime={}&InstanceType.1=m5.large",
            time(6),
            time(9)
        ),
    );
    assert_eq!(range, set(&["a5", "a9", "b2", "w4", "w8"]));
    let until = prices(&store, &format!("&EndTime={}", time(3)));
    assert_eq!(until, set(&["a1", "b2", "c3"]));
}

#[test]
fn a_change_put_at_run_time_becomes_the_price_in_effect_and_a_reset_undoes_it() {
    let store = common::store(&[("describe-spot-price-history", &output(&history()))]);
    let query = format!("&StartTime={}&AvailabilityZone=us-east-1b", time(6));
    assert_eq!(prices(&store, &query), set(&["b2", "b10"]));
    let later = output(&[("us-east-1b", "m5.large", "Linux/UNIX", 4, "b4".into())]);
    store.put_json("DescribeSpotPriceHistory", &later).unwrap();
    assert_eq!(prices(&store, &query), set(&["b4", "b10"]));
    store.reset();
    assert_eq!(prices(&store, &query), set(&["b2", "b10"]));
}

/// What EC2 documents, computed the plain way: the changes in range, and for each group the
/// latest change at or before the start when none is at the start itself.
fn expected(changes: &[Change], start: Option<u32>, end: Option<u32>) -> BTreeSet<String> {
    changes
        .iter()
        .filter(|(zone, kind, product, hour, _)| {
            end.is_none_or(|end| *hour <= end)
                && start.is_none_or(|start| {
                    *hour >= start
                        || !changes.iter().any(|(z, k, p, other, _)| {
                            (z, k, p) == (zone, kind, product) && *other > *hour && *other <= start
                        })
                })
        })
        .map(|change| change.4.clone())
        .collect()
}

fn changes() -> impl Strategy<Value = Vec<Change>> {
    prop::collection::vec(
        (
            prop::sample::select(vec!["us-east-1a", "us-east-1b"]),
            prop::sample::select(vec!["m5.large", "c5.large"]),
            prop::sample::select(vec!["Linux/UNIX", "Windows"]),
            0u32..48,
        ),
        0..24,
    )
    .prop_map(|drawn| {
        drawn
            .into_iter()
            .enumerate()
            .map(|(index, (zone, kind, product, hour))| {
                (zone, kind, product, hour, format!("0.{index:03}"))
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_range_answers_the_changes_in_it_and_the_prices_in_effect_at_its_start(
        changes in changes(),
        start in prop::option::of(0u32..50),
        end in prop::option::of(0u32..50),
    ) {
        let store = common::store(&[("describe-spot-price-history", &output(&changes))]);
        let mut query = String::new();
        if let Some(start) = start {
            query.push_str(&format!("&StartTime={}", time(start)));
        }
        if let Some(end) = end {
            query.push_str(&format!("&EndTime={}", time(end)));
        }
        prop_assert_eq!(prices(&store, &query), expected(&changes, start, end));
    }
}
