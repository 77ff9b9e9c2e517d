//! DescribeSecurityGroupRules answered from a capture of DescribeSecurityGroups alone: one rule per
//! source of each permission, ingress and egress, with stable IDs; seeded rules win for the groups
//! they name; a group put or removed at run time changes its rules at once.

use ec2_ops::DescribeContext;
use ec2_ops_endpoint::{Seed, Store};
use serde_json::{Value, json};

const GROUPS: &str = r#"{"SecurityGroups": [
  {"GroupId": "sg-1", "GroupName": "web", "OwnerId": "123456789012", "VpcId": "vpc-1",
   "SecurityGroupArn": "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-1",
   "Description": "web servers",
   "IpPermissions": [
     {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
      "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "https"}],
      "Ipv6Ranges": [{"CidrIpv6": "::/0"}]},
     {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
      "UserIdGroupPairs": [{"UserId": "123456789012", "GroupId": "sg-2", "Description": "bastion"}]}],
   "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
   "Tags": [{"Key": "Name", "Value": "web"}]},
  {"GroupId": "sg-2", "GroupName": "bastion", "OwnerId": "123456789012", "VpcId": "vpc-1",
   "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
     "PrefixListIds": [{"PrefixListId": "pl-1"}]}]}
]}"#;

fn store(seed: Seed) -> Store {
    Store::new(&seed, DescribeContext::default()).unwrap()
}

fn groups() -> Seed {
    Seed::from_output("describe-security-groups", GROUPS).unwrap()
}

/// The rules answered to `query`, as the AWS CLI prints them.
fn rules(store: &Store, query: &str) -> Vec<Value> {
    use ec2_ops::Ec2Response;
    let answer = store
        .handle(format!("Action=DescribeSecurityGroupRules&Version=2016-11-15{query}").as_bytes());
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    let response =
        <ec2_ops_catalog::vpc::DescribeSecurityGroupRulesResponse>::from_xml(&answer.body).unwrap();
    let json = serde_json::to_value(&response).unwrap();
    json["SecurityGroupRules"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// A rule without its ID and ARN (whose digits are a hash), for comparing the rest field by field.
fn without_id(mut rule: Value) -> Value {
    let object = rule.as_object_mut().unwrap();
    let id = object.remove("SecurityGroupRuleId").unwrap();
    let id = id.as_str().unwrap();
    assert!(
        id.len() == 21 && id.starts_with("sgr-") && id[4..].bytes().all(|b| b.is_ascii_hexdigit()),
        "{id}"
    );
    if let Some(arn) = object.remove("SecurityGroupRuleArn") {
        assert_eq!(
            arn,
            format!("arn:aws:ec2:eu-west-1:123456789012:security-group-rule/{id}")
        );
    }
    rule
}

/// A rule's text whatever order its members are in: what two lists of the same rules are sorted
/// by before they are compared.
fn order_free(rule: &Value) -> String {
    let members: std::collections::BTreeMap<&String, &Value> =
        rule.as_object().into_iter().flatten().collect();
    serde_json::to_string(&members).unwrap()
}

#[test]
fn each_source_of_each_permission_is_one_rule_field_by_field() {
    let store = store(groups());
    let mut answered: Vec<Value> = rules(&store, "&Filter.1.Name=group-id&Filter.1.Value.1=sg-1")
        .into_iter()
        .map(without_id)
        .collect();
    answered.sort_by_key(order_free);
    let mut expected = vec![
        json!({"GroupId": "sg-1", "GroupOwnerId": "123456789012", "IsEgress": false, "IpProtocol": "tcp",
               "FromPort": 443, "ToPort": 443, "CidrIpv4": "0.0.0.0/0", "Description": "https"}),
        json!({"GroupId": "sg-1", "GroupOwnerId": "123456789012", "IsEgress": false, "IpProtocol": "tcp",
               "FromPort": 443, "ToPort": 443, "CidrIpv6": "::/0"}),
        json!({"GroupId": "sg-1", "GroupOwnerId": "123456789012", "IsEgress": false, "IpProtocol": "tcp",
               "FromPort": 22, "ToPort": 22, "Description": "bastion",
               "ReferencedGroupInfo": {"GroupId": "sg-2", "UserId": "123456789012"}}),
        json!({"GroupId": "sg-1", "GroupOwnerId": "123456789012", "IsEgress": true, "IpProtocol": "-1",
               "FromPort": -1, "ToPort": -1, "CidrIpv4": "0.0.0.0/0"}),
    ];
    expected.sort_by_key(order_free);
    assert_eq!(answered, expected);
    let theirs = rules(&store, "&Filter.1.Name=group-id&Filter.1.Value.1=sg-2");
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0]["PrefixListId"], "pl-1");
    assert!(
        theirs[0].get("SecurityGroupRuleArn").is_none(),
        "sg-2 has no ARN to take it from"
    );
}

#[test]
fn rule_ids_are_the_same_for_the_same_data_and_look_up_their_rule() {
    let ids = |store: &Store| -> Vec<String> {
        rules(store, "")
            .iter()
            .map(|rule| rule["SecurityGroupRuleId"].as_str().unwrap().to_owned())
            .collect()
    };
    let (first, second) = (store(groups()), store(groups()));
    let first_ids = ids(&first);
    assert_eq!(first_ids.len(), 5);
    assert_eq!(first_ids, ids(&second));
    let one = rules(&first, &format!("&SecurityGroupRuleId.1={}", first_ids[2]));
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["SecurityGroupRuleId"], first_ids[2].as_str());
    let changed = store(
        Seed::from_output(
            "describe-security-groups",
            &GROUPS.replace("\"FromPort\": 443", "\"FromPort\": 444"),
        )
        .unwrap(),
    );
    let changed_ids = ids(&changed);
    assert_eq!(changed_ids.len(), 5);
    assert_ne!(
        changed_ids, first_ids,
        "a rule that changes is another rule"
    );
}

#[test]
fn seeded_rules_win_for_the_groups_they_name() {
    let seeded = Seed::from_output(
        "describe-security-group-rules",
        r#"{"SecurityGroupRules": [{"SecurityGroupRuleId": "sgr-0123456789abcdef0", "GroupId": "sg-1",
            "IsEgress": false, "IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "CidrIpv4": "10.0.0.0/8"}]}"#,
    )
    .unwrap();
    let store = store(groups().merge(seeded).unwrap());
    let sg1 = rules(&store, "&Filter.1.Name=group-id&Filter.1.Value.1=sg-1");
    assert_eq!(
        sg1.len(),
        1,
        "what the account said about sg-1 is its answer"
    );
    assert_eq!(sg1[0]["SecurityGroupRuleId"], "sgr-0123456789abcdef0");
    assert_eq!(
        rules(&store, "&Filter.1.Name=group-id&Filter.1.Value.1=sg-2").len(),
        1
    );
    assert!(
        store
            .remove_json("describe-security-group-rules", "sgr-0123456789abcdef0")
            .unwrap()
    );
    assert_eq!(
        rules(&store, "&Filter.1.Name=group-id&Filter.1.Value.1=sg-1").len(),
        4
    );
}

#[test]
fn a_group_put_or_removed_changes_its_rules_at_once() {
    let store = store(groups());
    store
        .put_json(
            "describe-security-groups",
            r#"{"SecurityGroups": [{"GroupId": "sg-2", "IpPermissions": []}]}"#,
        )
        .unwrap();
    assert!(rules(&store, "&Filter.1.Name=group-id&Filter.1.Value.1=sg-2").is_empty());
    assert!(store.remove_json("DescribeSecurityGroups", "sg-1").unwrap());
    assert!(rules(&store, "").is_empty());
    store.reset();
    assert_eq!(rules(&store, "").len(), 5);
}
