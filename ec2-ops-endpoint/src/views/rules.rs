//! DescribeSecurityGroupRules' view of the store: a security group's rules are its permissions, so
//! a capture of DescribeSecurityGroups answers both operations. EC2 makes one rule of each source
//! of a permission (each IPv4 range, IPv6 range, prefix list and referenced group), ingress and
//! egress; the rules are kept in an index DescribeSecurityGroups' slot updates as groups change.
//!
//! A rule's ID is EC2's alone to give, and a capture of the groups does not hold it: a derived rule
//! is named `sgr-` and 17 hex digits of the SHA-256 of what it is (its group, direction, protocol,
//! ports and source), the same for the same data in every run. Rules seeded in
//! DescribeSecurityGroupRules' own data (with EC2's IDs) win: a group any of them names is answered
//! from them alone. A rule's ARN is given when its group's is (the same account and region), and
//! its tags are none (a capture of the groups does not hold a rule's tags).

use std::ops::ControlFlow;
use std::sync::Arc;

use ec2_ops::{InMemorySource, ResourceSource};
use ec2_ops_catalog::shapes::{
    IpPermission, ReferencedSecurityGroup, SecurityGroup, SecurityGroupRule,
};
use sha2::{Digest, Sha256};

use super::merge_scan;
use crate::store::held::Held;
use crate::store::slot::Observer;

/// The rules derived from the served security groups, by rule ID.
pub(crate) type RuleIndex = Held<SecurityGroupRule>;

/// An empty index.
pub(crate) fn rule_index() -> RuleIndex {
    Held::new(|rule: &Arc<SecurityGroupRule>| {
        rule.security_group_rule_id.as_deref().unwrap_or_default()
    })
}

/// How many seeded rules name each group, by group ID.
#[derive(Debug, Clone)]
pub(crate) struct SeededGroup {
    group_id: String,
    rules: usize,
}

/// The groups DescribeSecurityGroupRules' own data names.
pub(crate) type SeededGroups = InMemorySource<SeededGroup>;

/// An empty count.
pub(crate) fn seeded_groups() -> SeededGroups {
    InMemorySource::new(|group: &SeededGroup| group.group_id.as_str())
}

/// Where a rule's traffic comes from or goes to.
enum Source<'a> {
    Ipv4(&'a str),
    Ipv6(&'a str),
    PrefixList(&'a str),
    Group(ReferencedSecurityGroup),
}

/// The rules EC2 makes of `group`'s permissions: one per source, ingress then egress, each
/// permission's sources in the order the group lists them.
pub(crate) fn rules_of(group: &SecurityGroup) -> Vec<SecurityGroupRule> {
    let Some(group_id) = group.group_id.as_deref() else {
        return Vec::new();
    };
    let arn_prefix = group
        .security_group_arn
        .as_deref()
        .and_then(|arn| arn.rsplit_once(":security-group/"))
        .map(|(prefix, _)| prefix);
    let mut rules = Vec::new();
    for (is_egress, permissions) in [
        (false, &group.ip_permissions),
        (true, &group.ip_permissions_egress),
    ] {
        for permission in permissions.iter().flatten() {
            for (source, description) in sources(permission) {
                rules.push(rule(
                    group,
                    group_id,
                    arn_prefix,
                    is_egress,
                    permission,
                    source,
                    description,
                ));
            }
        }
    }
    rules
}

/// A permission's sources, each with its description.
fn sources(permission: &IpPermission) -> Vec<(Source<'_>, Option<String>)> {
    let mut sources = Vec::new();
    for range in permission.ip_ranges.iter().flatten() {
        if let Some(cidr) = range.cidr_ip.as_deref() {
            sources.push((Source::Ipv4(cidr), range.description.clone()));
        }
    }
    for range in permission.ipv6_ranges.iter().flatten() {
        if let Some(cidr) = range.cidr_ipv6.as_deref() {
            sources.push((Source::Ipv6(cidr), range.description.clone()));
        }
    }
    for list in permission.prefix_list_ids.iter().flatten() {
        if let Some(id) = list.prefix_list_id.as_deref() {
            sources.push((Source::PrefixList(id), list.description.clone()));
        }
    }
    for pair in permission.user_id_group_pairs.iter().flatten() {
        let referenced = ReferencedSecurityGroup {
            group_id: pair.group_id.clone(),
            peering_status: pair.peering_status.clone(),
            user_id: pair.user_id.clone(),
            vpc_id: pair.vpc_id.clone(),
            vpc_peering_connection_id: pair.vpc_peering_connection_id.clone(),
        };
        sources.push((Source::Group(referenced), pair.description.clone()));
    }
    sources
}

fn rule(
    group: &SecurityGroup,
    group_id: &str,
    arn_prefix: Option<&str>,
    is_egress: bool,
    permission: &IpPermission,
    source: Source<'_>,
    description: Option<String>,
) -> SecurityGroupRule {
    let protocol = permission.ip_protocol.clone();
    // EC2 answers all-traffic rules with ports -1; the group's permission leaves them out.
    let all_ports = protocol.as_deref() == Some("-1");
    let from_port = permission.from_port.or(all_ports.then_some(-1));
    let to_port = permission.to_port.or(all_ports.then_some(-1));
    let mut rule = SecurityGroupRule {
        group_id: Some(group_id.to_owned()),
        group_owner_id: group.owner_id.clone(),
        is_egress: Some(is_egress),
        ip_protocol: protocol,
        from_port,
        to_port,
        description,
        ..SecurityGroupRule::default()
    };
    let identity = match source {
        Source::Ipv4(cidr) => {
            rule.cidr_ipv4 = Some(cidr.to_owned());
            format!("ipv4 {cidr}")
        }
        Source::Ipv6(cidr) => {
            rule.cidr_ipv6 = Some(cidr.to_owned());
            format!("ipv6 {cidr}")
        }
        Source::PrefixList(id) => {
            rule.prefix_list_id = Some(id.to_owned());
            format!("prefix-list {id}")
        }
        Source::Group(referenced) => {
            let identity = format!(
                "group {} {}",
                referenced.user_id.as_deref().unwrap_or_default(),
                referenced.group_id.as_deref().unwrap_or_default()
            );
            rule.referenced_group_info = Some(referenced);
            identity
        }
    };
    let id = rule_id(&format!(
        "{group_id} {} {} {:?} {:?} {identity}",
        if is_egress { "egress" } else { "ingress" },
        rule.ip_protocol.as_deref().unwrap_or_default(),
        rule.from_port,
        rule.to_port,
    ));
    rule.security_group_rule_arn =
        arn_prefix.map(|prefix| format!("{prefix}:security-group-rule/{id}"));
    rule.security_group_rule_id = Some(id);
    rule
}

/// `sgr-` and the first 17 hex digits of the SHA-256 of `identity`.
fn rule_id(identity: &str) -> String {
    let digest = hex::encode(Sha256::digest(identity.as_bytes()));
    format!("sgr-{}", &digest[..17])
}

/// Keeps `index` up to date with the served security groups.
pub(crate) fn rule_observer(index: Arc<RuleIndex>) -> Observer<SecurityGroup> {
    Box::new(move |gone, came| {
        for rule in gone.map(rules_of).unwrap_or_default() {
            index.remove(rule.security_group_rule_id.as_deref().unwrap_or_default());
        }
        for rule in came.map(rules_of).unwrap_or_default() {
            index.insert(Arc::new(rule));
        }
    })
}

/// Keeps `groups` counting the seeded rules of each group.
pub(crate) fn seeded_group_observer(groups: Arc<SeededGroups>) -> Observer<SecurityGroupRule> {
    Box::new(move |gone, came| {
        if let Some(group_id) = gone.and_then(|rule| rule.group_id.as_deref())
            && let Some(mut group) = groups.with(group_id, Clone::clone)
        {
            group.rules -= 1;
            if group.rules == 0 {
                groups.remove(group_id);
            } else {
                groups.insert(group);
            }
        }
        if let Some(group_id) = came.and_then(|rule| rule.group_id.as_deref()) {
            let mut group = groups.with(group_id, Clone::clone).unwrap_or(SeededGroup {
                group_id: group_id.to_owned(),
                rules: 0,
            });
            group.rules += 1;
            groups.insert(group);
        }
    })
}

/// DescribeSecurityGroupRules' source: its own seeded rules, and the rules derived from the
/// served groups that no seeded rule names, merged in rule ID order.
pub(crate) struct RuleView {
    pub seeded: Arc<Held<SecurityGroupRule>>,
    pub derived: Arc<RuleIndex>,
    pub seeded_groups: Arc<SeededGroups>,
}

impl RuleView {
    /// Whether a derived rule is answered: no seeded rule names its group.
    fn answered(&self, rule: &SecurityGroupRule) -> bool {
        !self
            .seeded_groups
            .contains(rule.group_id.as_deref().unwrap_or_default())
    }
}

impl ResourceSource<SecurityGroupRule> for RuleView {
    fn get(&self, id: &str) -> Option<SecurityGroupRule> {
        self.seeded
            .unpacked(id)
            .or_else(|| self.derived.unpacked(id).filter(|rule| self.answered(rule)))
    }

    fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    fn scan_after(
        &self,
        after: Option<&str>,
        visit: &mut dyn FnMut(&str, &SecurityGroupRule) -> ControlFlow<()>,
    ) {
        merge_scan(
            &*self.seeded,
            &*self.derived,
            after,
            &|rule: &Arc<SecurityGroupRule>| self.answered(rule).then(|| Arc::clone(rule)),
            &mut |id, rule: &Arc<SecurityGroupRule>| visit(id, rule),
        );
    }
}
