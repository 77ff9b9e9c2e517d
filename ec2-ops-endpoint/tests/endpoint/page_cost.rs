//! What a page costs, counted rather than timed: the resources the store examines (each one a
//! scan visits, each look-up by ID, in the operations' sources and the views' indexes) for a walk
//! of every page, and for a look-up by ID, at two sizes of the same account. A walk must grow
//! linearly with the resources walked and a look-up not at all, derived views included (a view
//! rebuilt per request would make a walk grow with the square of the store).

use ec2_ops::examined_on_this_thread;
use ec2_ops_endpoint::{Seed, Store};

/// An account of `n` instances (two per reservation, each with a tag and a root volume), `n`
/// volumes (tagged, the first half attached to those instances), `n` snapshots, `n` security
/// groups of one rule each and `n` subnets,
/// put as the AWS CLI prints them.
fn account(n: usize) -> Store {
    let store = Store::new(&Seed::empty(), ec2_ops::DescribeContext::default()).unwrap();
    let reservations: Vec<String> = (0..n / 2)
        .map(|r| {
            let instances: Vec<String> = (0..2)
                .map(|k| {
                    let i = r * 2 + k;
                    format!(
                        r#"{{"InstanceId": "i-{i:08}", "State": {{"Name": "running"}}, "Tags": [{{"Key": "Name", "Value": "web-{i}"}}],
                            "BlockDeviceMappings": [{{"DeviceName": "/dev/xvda", "Ebs": {{"VolumeId": "vol-{i:08}", "Status": "attached"}}}}]}}"#
                    )
                })
                .collect();
            format!(r#"{{"ReservationId": "r-{r:08}", "Instances": [{}]}}"#, instances.join(","))
        })
        .collect();
    let put = |action: &str, member: &str, items: Vec<String>| {
        let output = format!(r#"{{"{member}": [{}]}}"#, items.join(","));
        assert_eq!(store.put_json(action, &output).unwrap(), n, "{action}");
    };
    put("describe-instances", "Reservations", reservations);
    let each = |make: &dyn Fn(usize) -> String| (0..n).map(make).collect::<Vec<_>>();
    put(
        "describe-volumes",
        "Volumes",
        each(&|i| {
            format!(
                r#"{{"VolumeId": "vol-{i:08}", "Size": {}, "Tags": [{{"Key": "team", "Value": "t{}"}}]}}"#,
                8 + i % 5,
                i % 3
            )
        }),
    );
    put(
        "describe-snapshots",
        "Snapshots",
        each(&|i| format!(r#"{{"SnapshotId": "snap-{i:08}", "VolumeSize": 8}}"#)),
    );
    put(
        "describe-security-groups",
        "SecurityGroups",
        each(&|i| {
            format!(
                r#"{{"GroupId": "sg-{i:08}", "IpPermissions": [{{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{{"CidrIp": "10.{}.0.0/16"}}]}}]}}"#,
                i % 250
            )
        }),
    );
    put(
        "describe-subnets",
        "Subnets",
        each(&|i| {
            format!(
                r#"{{"SubnetId": "subnet-{i:08}", "VpcId": "vpc-{}"}}"#,
                i % 7
            )
        }),
    );
    store
}

/// The resources examined by a walk of every page of `query` at `page` items, and the items
/// the walk listed.
fn walk(store: &Store, query: &str, page: usize) -> (u64, usize) {
    let before = examined_on_this_thread();
    let mut listed = 0;
    let mut token: Option<String> = None;
    loop {
        let mut request = format!("Version=2016-11-15&{query}&MaxResults={page}");
        if let Some(token) = &token {
            request.push_str("&NextToken=");
            request.push_str(
                &percent_encoding::utf8_percent_encode(token, percent_encoding::NON_ALPHANUMERIC)
                    .to_string(),
            );
        }
        let answer = store.handle(request.as_bytes());
        let body = String::from_utf8(answer.body).unwrap();
        assert_eq!(answer.status, 200, "{body}");
        listed += answer.items;
        token = body
            .split("<nextToken>")
            .nth(1)
            .and_then(|rest| rest.split('<').next())
            .map(str::to_owned);
        if token.is_none() {
            return (examined_on_this_thread() - before, listed);
        }
    }
}

/// The resources examined by one request.
fn one(store: &Store, query: &str) -> u64 {
    let before = examined_on_this_thread();
    let answer = store.handle(format!("Version=2016-11-15&{query}").as_bytes());
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    examined_on_this_thread() - before
}

const WALKS: [(&str, usize); 8] = [
    ("Action=DescribeSecurityGroupRules", 1),
    ("Action=DescribeInstanceStatus", 1),
    ("Action=DescribeInstances", 1),
    ("Action=DescribeVolumes", 1),
    (
        "Action=DescribeVolumes&Filter.1.Name=attachment.instance-id&Filter.1.Value.1=i-0000000*",
        0,
    ),
    ("Action=DescribeTags", 2),
    ("Action=DescribeSnapshots", 1),
    (
        "Action=DescribeSubnets&Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-3",
        0,
    ),
];

#[test]
fn a_walk_grows_linearly_with_the_store_and_a_look_up_not_at_all() {
    let (small, large) = (1_000, 4_000);
    let (small_store, large_store) = (account(small), account(large));
    for (query, per_resource) in WALKS {
        for page in [5, 100] {
            let (examined_small, listed_small) = walk(&small_store, query, page);
            let (examined_large, listed_large) = walk(&large_store, query, page);
            if per_resource > 0 {
                assert_eq!(listed_small, small * per_resource, "{query}");
                assert_eq!(listed_large, large * per_resource, "{query}");
            }
            // Four times the resources: at most four times the work, and a margin for the seeks.
            let ratio = examined_large as f64 / examined_small as f64;
            assert!(
                ratio < 4.0 * 1.25,
                "{query} at {page} a page: {examined_small} resources examined for {small}, {examined_large} for {large} ({ratio:.2}x)"
            );
            // And a bounded amount per resource listed or skipped, not per resource held.
            let per_item = examined_large as f64 / large as f64;
            assert!(
                per_item < 12.0,
                "{query} at {page} a page: {per_item:.1} examined per resource"
            );
        }
    }
    for (query, id) in [
        ("Action=DescribeVolumes&VolumeId.1=", "vol-00000007"),
        ("Action=DescribeInstances&InstanceId.1=", "i-00000007"),
        ("Action=DescribeSnapshots&SnapshotId.1=", "snap-00000007"),
        ("Action=DescribeSubnets&SubnetId.1=", "subnet-00000007"),
        ("Action=DescribeInstanceStatus&InstanceId.1=", "i-00000007"),
    ] {
        let small_cost = one(&small_store, &format!("{query}{id}"));
        let large_cost = one(&large_store, &format!("{query}{id}"));
        assert_eq!(
            small_cost, large_cost,
            "{query}{id}: a look-up by ID examines the same whatever the store holds"
        );
        assert!(large_cost <= 8, "{query}{id}: {large_cost} examined");
    }
}
