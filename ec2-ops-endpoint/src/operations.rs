//! The operations the endpoint serves: every one of `ec2-ops-catalog`, found by action, AWS CLI
//! command or output member (a member several operations answer with is the one `ec2-ops` declares
//! by hand, [`ec2_ops_catalog::HAND_DECLARED`], when one of them is: `Snapshots` is
//! DescribeSnapshots', beside DescribeLockedSnapshots); and the `resource-type` DescribeTags lists
//! each tagged operation's resources under.

use ec2_ops::operations::tags::ResourceType;
use ec2_ops_catalog::{HAND_DECLARED, LIST_MEMBERS, OPERATIONS, cli_name};

/// The operations whose resources DescribeTags lists the tags of, and the `resource-type` EC2
/// names each with (the model does not say): every operation answering a taggable resource of
/// its own, keyed by the ID EC2 tags it by. Left out: operations answering another's resources
/// (DescribeClassicLinkInstances, DescribeVpcClassicLink, DescribeTransitGatewayVpcAttachments
/// and the other attachment kinds, which DescribeTransitGatewayAttachments answers too), resources
/// EC2 has no `resource-type` for (conversion tasks, registered SQL HA instances), and
/// DescribeAddresses, whose resources are keyed here by public IP while EC2 tags an Elastic IP by
/// its allocation ID. Their tags are listed where seeded in DescribeTags' own data.
pub(crate) const TAGGED: &[(&str, &str)] = &[
    ("DescribeCapacityBlocks", "capacity-block"),
    (
        "DescribeCapacityManagerDataExports",
        "capacity-manager-data-export",
    ),
    (
        "DescribeCapacityReservationFleets",
        "capacity-reservation-fleet",
    ),
    ("DescribeCapacityReservations", "capacity-reservation"),
    ("DescribeCarrierGateways", "carrier-gateway"),
    ("DescribeClientVpnEndpoints", "client-vpn-endpoint"),
    ("DescribeCoipPools", "coip-pool"),
    ("DescribeCustomerGateways", "customer-gateway"),
    (
        "DescribeDeclarativePoliciesReports",
        "declarative-policies-report",
    ),
    ("DescribeDhcpOptions", "dhcp-options"),
    (
        "DescribeEgressOnlyInternetGateways",
        "egress-only-internet-gateway",
    ),
    ("DescribeElasticGpus", "elastic-gpu"),
    ("DescribeExportImageTasks", "export-image-task"),
    ("DescribeExportTasks", "export-instance-task"),
    ("DescribeFleets", "fleet"),
    ("DescribeFlowLogs", "vpc-flow-log"),
    ("DescribeFpgaImages", "fpga-image"),
    ("DescribeHostReservations", "host-reservation"),
    ("DescribeHosts", "dedicated-host"),
    ("DescribeImageUsageReports", "image-usage-report"),
    ("DescribeImages", "image"),
    ("DescribeImportImageTasks", "import-image-task"),
    ("DescribeImportSnapshotTasks", "import-snapshot-task"),
    (
        "DescribeInstanceConnectEndpoints",
        "instance-connect-endpoint",
    ),
    ("DescribeInstanceEventWindows", "instance-event-window"),
    ("DescribeInstances", "instance"),
    ("DescribeInternetGateways", "internet-gateway"),
    (
        "DescribeIpamExternalResourceVerificationTokens",
        "ipam-external-resource-verification-token",
    ),
    ("DescribeIpamPolicies", "ipam-policy"),
    ("DescribeIpamPools", "ipam-pool"),
    (
        "DescribeIpamPrefixListResolverTargets",
        "ipam-prefix-list-resolver-target",
    ),
    (
        "DescribeIpamPrefixListResolvers",
        "ipam-prefix-list-resolver",
    ),
    ("DescribeIpamResourceDiscoveries", "ipam-resource-discovery"),
    (
        "DescribeIpamResourceDiscoveryAssociations",
        "ipam-resource-discovery-association",
    ),
    ("DescribeIpamScopes", "ipam-scope"),
    ("DescribeIpams", "ipam"),
    ("DescribeIpv6Pools", "ipv6pool-ec2"),
    ("DescribeKeyPairs", "key-pair"),
    ("DescribeLaunchTemplates", "launch-template"),
    (
        "DescribeLocalGatewayRouteTableVirtualInterfaceGroupAssociations",
        "local-gateway-route-table-virtual-interface-group-association",
    ),
    (
        "DescribeLocalGatewayRouteTableVpcAssociations",
        "local-gateway-route-table-vpc-association",
    ),
    (
        "DescribeLocalGatewayRouteTables",
        "local-gateway-route-table",
    ),
    (
        "DescribeLocalGatewayVirtualInterfaceGroups",
        "local-gateway-virtual-interface-group",
    ),
    (
        "DescribeLocalGatewayVirtualInterfaces",
        "local-gateway-virtual-interface",
    ),
    ("DescribeLocalGateways", "local-gateway"),
    ("DescribeMacModificationTasks", "mac-modification-task"),
    ("DescribeManagedPrefixLists", "prefix-list"),
    ("DescribeNatGateways", "natgateway"),
    ("DescribeNetworkAcls", "network-acl"),
    (
        "DescribeNetworkInsightsAccessScopeAnalyses",
        "network-insights-access-scope-analysis",
    ),
    (
        "DescribeNetworkInsightsAccessScopes",
        "network-insights-access-scope",
    ),
    (
        "DescribeNetworkInsightsAnalyses",
        "network-insights-analysis",
    ),
    ("DescribeNetworkInsightsPaths", "network-insights-path"),
    ("DescribeNetworkInterfaces", "network-interface"),
    ("DescribeOutpostLags", "outpost-lag"),
    ("DescribePlacementGroups", "placement-group"),
    ("DescribePublicIpv4Pools", "ipv4pool-ec2"),
    ("DescribeReplaceRootVolumeTasks", "replace-root-volume-task"),
    ("DescribeReservedInstances", "reserved-instances"),
    ("DescribeRouteServerEndpoints", "route-server-endpoint"),
    ("DescribeRouteServerPeers", "route-server-peer"),
    ("DescribeRouteServers", "route-server"),
    ("DescribeRouteTables", "route-table"),
    ("DescribeSecondaryInterfaces", "secondary-interface"),
    ("DescribeSecondaryNetworks", "secondary-network"),
    ("DescribeSecondarySubnets", "secondary-subnet"),
    ("DescribeSecurityGroupRules", "security-group-rule"),
    ("DescribeSecurityGroups", "security-group"),
    (
        "DescribeServiceLinkVirtualInterfaces",
        "service-link-virtual-interface",
    ),
    ("DescribeSnapshots", "snapshot"),
    ("DescribeSpotFleetRequests", "spot-fleet-request"),
    ("DescribeSpotInstanceRequests", "spot-instances-request"),
    ("DescribeSubnets", "subnet"),
    (
        "DescribeTrafficMirrorFilterRules",
        "traffic-mirror-filter-rule",
    ),
    ("DescribeTrafficMirrorFilters", "traffic-mirror-filter"),
    ("DescribeTrafficMirrorSessions", "traffic-mirror-session"),
    ("DescribeTrafficMirrorTargets", "traffic-mirror-target"),
    (
        "DescribeTransitGatewayAttachments",
        "transit-gateway-attachment",
    ),
    (
        "DescribeTransitGatewayConnectPeers",
        "transit-gateway-connect-peer",
    ),
    (
        "DescribeTransitGatewayMeteringPolicies",
        "transit-gateway-metering-policy",
    ),
    (
        "DescribeTransitGatewayMulticastDomains",
        "transit-gateway-multicast-domain",
    ),
    (
        "DescribeTransitGatewayPolicyTables",
        "transit-gateway-policy-table",
    ),
    (
        "DescribeTransitGatewayRouteTableAnnouncements",
        "transit-gateway-route-table-announcement",
    ),
    (
        "DescribeTransitGatewayRouteTables",
        "transit-gateway-route-table",
    ),
    ("DescribeTransitGateways", "transit-gateway"),
    (
        "DescribeVerifiedAccessEndpoints",
        "verified-access-endpoint",
    ),
    ("DescribeVerifiedAccessGroups", "verified-access-group"),
    (
        "DescribeVerifiedAccessInstances",
        "verified-access-instance",
    ),
    (
        "DescribeVerifiedAccessTrustProviders",
        "verified-access-trust-provider",
    ),
    ("DescribeVolumes", "volume"),
    (
        "DescribeVpcBlockPublicAccessExclusions",
        "vpc-block-public-access-exclusion",
    ),
    ("DescribeVpcEncryptionControls", "vpc-encryption-control"),
    ("DescribeVpcEndpointConnections", "vpc-endpoint-connection"),
    (
        "DescribeVpcEndpointServiceConfigurations",
        "vpc-endpoint-service",
    ),
    ("DescribeVpcEndpoints", "vpc-endpoint"),
    ("DescribeVpcPeeringConnections", "vpc-peering-connection"),
    ("DescribeVpcs", "vpc"),
    ("DescribeVpnConcentrators", "vpn-concentrator"),
    ("DescribeVpnConnections", "vpn-connection"),
    ("DescribeVpnGateways", "vpn-gateway"),
];

/// The `resource-type` DescribeTags lists `action`'s resources' tags under, if it does.
pub(crate) fn tagged_as(action: &str) -> Option<ResourceType> {
    let (_, wire) = TAGGED.iter().find(|(tagged, _)| *tagged == action)?;
    serde_json::from_value(serde_json::Value::String((*wire).to_owned())).ok()
}

/// The served action called `name`, as EC2 (`DescribeSubnets`) or the AWS CLI
/// (`describe-subnets`) spells it.
pub(crate) fn action_named(name: &str) -> Option<&'static str> {
    OPERATIONS
        .iter()
        .map(|(_, action)| *action)
        .find(|action| *action == name)
        .or_else(|| action_of_command(name))
}

/// The served action whose AWS CLI command is `command`.
pub(crate) fn action_of_command(command: &str) -> Option<&'static str> {
    OPERATIONS
        .iter()
        .map(|(_, action)| *action)
        .find(|action| cli_name(action) == command)
}

/// The refusal of an action name that is no served operation.
pub(crate) fn unknown_action(name: &str) -> String {
    format!(
        "`{name}` is not an EC2 describe operation or settings read (name one as EC2 or the AWS \
         CLI does: `DescribeSubnets` or `describe-subnets`, `get-ebs-encryption-by-default`)"
    )
}

/// The operation whose AWS CLI output lists its resources under `member`.
pub(crate) fn action_listing(member: &str) -> Result<&'static str, String> {
    let answering: Vec<&'static str> = LIST_MEMBERS
        .iter()
        // A list held in a structure (`ApplicationStatuses.Instances`) is under its first member.
        .filter(|(_, listed)| listed.split('.').next() == Some(member))
        .map(|(action, _)| *action)
        .collect();
    let hand_declared: Vec<&'static str> = answering
        .iter()
        .copied()
        .filter(|action| HAND_DECLARED.contains(action))
        .collect();
    match (answering.as_slice(), hand_declared.as_slice()) {
        ([action], _) | (_, [action]) => Ok(action),
        ([], _) => Err(format!(
            "`{member}` is not the output member of any EC2 describe operation"
        )),
        (several, _) => {
            let files: Vec<String> = several
                .iter()
                .map(|action| format!("{}.json", cli_name(action)))
                .collect();
            Err(format!(
                "`{member}` is the output member of {}: put each one's in its seed folder file ({})",
                several.join(", "),
                files.join(", ")
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hand_declared_operation_is_served() {
        for action in HAND_DECLARED {
            assert_eq!(action_named(action), Some(*action));
        }
    }

    #[test]
    fn every_tagged_operation_is_served_once_under_a_resource_type_ec2_names() {
        let mut types = std::collections::BTreeSet::new();
        let mut previous = "";
        for (action, wire) in TAGGED {
            assert_eq!(action_named(action), Some(*action), "{action} is served");
            assert!(
                previous < *action,
                "{action}: the table is in order, each action once"
            );
            previous = action;
            let resource_type = tagged_as(action).unwrap();
            assert!(
                !matches!(resource_type, ResourceType::Unknown(_)),
                "{action}: `{wire}` is one of EC2's resource types"
            );
            assert!(
                types.insert(*wire),
                "`{wire}` is the type of one operation's resources"
            );
        }
    }

    #[test]
    fn an_action_is_named_as_ec2_or_the_aws_cli_spells_it() {
        assert_eq!(action_named("DescribeSubnets"), Some("DescribeSubnets"));
        assert_eq!(action_named("describe-subnets"), Some("DescribeSubnets"));
        assert_eq!(action_named("describe-subnet"), None);
        assert_eq!(action_named("RunInstances"), None);
    }
}
