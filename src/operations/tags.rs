//! `DescribeTags`: the tags of EC2 resources, one `TagDescription` per resource and key. Paginated.
//!
//! Shapes reached by the output: `TagDescription` and the enum `ResourceType`. An endpoint derives
//! these items from the tags of the resources it serves rather than storing them twice: see
//! `ec2-ops-endpoint`'s DescribeTags view.

use crate::{ValueSet, ec2_operation, ec2_shape};

/// One tag of one resource (`<item>` of `<tagSet>`).
#[ec2_shape(response_only)]
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TagDescription {
    /// The tag key.
    pub key: Option<String>,
    /// The ID of the tagged resource.
    pub resource_id: Option<String>,
    /// The type of the tagged resource.
    pub resource_type: Option<ResourceType>,
    /// The tag value.
    pub value: Option<String>,
}

/// The type of a taggable EC2 resource.
#[ec2_shape(response_only)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ResourceType {
    /// `capacity-reservation`
    CapacityReservation,
    /// `client-vpn-endpoint`
    ClientVpnEndpoint,
    /// `customer-gateway`
    CustomerGateway,
    /// `carrier-gateway`
    CarrierGateway,
    /// `coip-pool`
    CoipPool,
    /// `declarative-policies-report`
    DeclarativePoliciesReport,
    /// `dedicated-host`
    DedicatedHost,
    /// `dhcp-options`
    DhcpOptions,
    /// `egress-only-internet-gateway`
    EgressOnlyInternetGateway,
    /// `elastic-ip`
    ElasticIp,
    /// `elastic-gpu`
    ElasticGpu,
    /// `export-image-task`
    ExportImageTask,
    /// `export-instance-task`
    ExportInstanceTask,
    /// `fca-policy`
    FcaPolicy,
    /// `fleet`
    Fleet,
    /// `fpga-image`
    FpgaImage,
    /// `host-reservation`
    HostReservation,
    /// `image`
    Image,
    /// `image-usage-report`
    ImageUsageReport,
    /// `import-image-task`
    ImportImageTask,
    /// `import-snapshot-task`
    ImportSnapshotTask,
    /// `instance`
    Instance,
    /// `instance-event-window`
    InstanceEventWindow,
    /// `internet-gateway`
    InternetGateway,
    /// `ipam`
    Ipam,
    /// `ipam-pool`
    IpamPool,
    /// `ipam-scope`
    IpamScope,
    /// `ipv4pool-ec2`
    Ipv4poolEc2,
    /// `ipv6pool-ec2`
    Ipv6poolEc2,
    /// `key-pair`
    KeyPair,
    /// `launch-template`
    LaunchTemplate,
    /// `local-gateway`
    LocalGateway,
    /// `local-gateway-route-table`
    LocalGatewayRouteTable,
    /// `local-gateway-virtual-interface`
    LocalGatewayVirtualInterface,
    /// `local-gateway-virtual-interface-group`
    LocalGatewayVirtualInterfaceGroup,
    /// `local-gateway-route-table-vpc-association`
    LocalGatewayRouteTableVpcAssociation,
    /// `local-gateway-route-table-virtual-interface-group-association`
    LocalGatewayRouteTableVirtualInterfaceGroupAssociation,
    /// `natgateway`
    Natgateway,
    /// `network-acl`
    NetworkAcl,
    /// `network-interface`
    NetworkInterface,
    /// `network-insights-analysis`
    NetworkInsightsAnalysis,
    /// `network-insights-path`
    NetworkInsightsPath,
    /// `network-insights-access-scope`
    NetworkInsightsAccessScope,
    /// `network-insights-access-scope-analysis`
    NetworkInsightsAccessScopeAnalysis,
    /// `outpost-lag`
    OutpostLag,
    /// `placement-group`
    PlacementGroup,
    /// `prefix-list`
    PrefixList,
    /// `replace-root-volume-task`
    ReplaceRootVolumeTask,
    /// `reserved-instances`
    ReservedInstances,
    /// `route-table`
    RouteTable,
    /// `security-group`
    SecurityGroup,
    /// `security-group-rule`
    SecurityGroupRule,
    /// `service-link-virtual-interface`
    ServiceLinkVirtualInterface,
    /// `snapshot`
    Snapshot,
    /// `spot-fleet-request`
    SpotFleetRequest,
    /// `spot-instances-request`
    SpotInstancesRequest,
    /// `subnet`
    Subnet,
    /// `subnet-cidr-reservation`
    SubnetCidrReservation,
    /// `traffic-mirror-filter`
    TrafficMirrorFilter,
    /// `traffic-mirror-session`
    TrafficMirrorSession,
    /// `traffic-mirror-target`
    TrafficMirrorTarget,
    /// `transit-gateway`
    TransitGateway,
    /// `transit-gateway-attachment`
    TransitGatewayAttachment,
    /// `transit-gateway-connect-peer`
    TransitGatewayConnectPeer,
    /// `transit-gateway-multicast-domain`
    TransitGatewayMulticastDomain,
    /// `transit-gateway-policy-table`
    TransitGatewayPolicyTable,
    /// `transit-gateway-metering-policy`
    TransitGatewayMeteringPolicy,
    /// `transit-gateway-route-table`
    TransitGatewayRouteTable,
    /// `transit-gateway-route-table-announcement`
    TransitGatewayRouteTableAnnouncement,
    /// `volume`
    Volume,
    /// `vpc`
    Vpc,
    /// `vpc-endpoint`
    VpcEndpoint,
    /// `vpc-endpoint-connection`
    VpcEndpointConnection,
    /// `vpc-endpoint-service`
    VpcEndpointService,
    /// `vpc-endpoint-service-permission`
    VpcEndpointServicePermission,
    /// `vpc-peering-connection`
    VpcPeeringConnection,
    /// `vpn-connection`
    VpnConnection,
    /// `vpn-gateway`
    VpnGateway,
    /// `vpc-flow-log`
    VpcFlowLog,
    /// `capacity-reservation-fleet`
    CapacityReservationFleet,
    /// `traffic-mirror-filter-rule`
    TrafficMirrorFilterRule,
    /// `vpc-endpoint-connection-device-type`
    VpcEndpointConnectionDeviceType,
    /// `verified-access-instance`
    VerifiedAccessInstance,
    /// `verified-access-group`
    VerifiedAccessGroup,
    /// `verified-access-endpoint`
    VerifiedAccessEndpoint,
    /// `verified-access-policy`
    VerifiedAccessPolicy,
    /// `verified-access-trust-provider`
    VerifiedAccessTrustProvider,
    /// `vpn-connection-device-type`
    VpnConnectionDeviceType,
    /// `vpc-block-public-access-exclusion`
    VpcBlockPublicAccessExclusion,
    /// `vpc-encryption-control`
    VpcEncryptionControl,
    /// `route-server`
    RouteServer,
    /// `route-server-endpoint`
    RouteServerEndpoint,
    /// `route-server-peer`
    RouteServerPeer,
    /// `ipam-resource-discovery`
    IpamResourceDiscovery,
    /// `ipam-resource-discovery-association`
    IpamResourceDiscoveryAssociation,
    /// `instance-connect-endpoint`
    InstanceConnectEndpoint,
    /// `verified-access-endpoint-target`
    VerifiedAccessEndpointTarget,
    /// `ipam-external-resource-verification-token`
    IpamExternalResourceVerificationToken,
    /// `capacity-block`
    CapacityBlock,
    /// `mac-modification-task`
    MacModificationTask,
    /// `ipam-prefix-list-resolver`
    IpamPrefixListResolver,
    /// `ipam-policy`
    IpamPolicy,
    /// `ipam-prefix-list-resolver-target`
    IpamPrefixListResolverTarget,
    /// `ipam-internet-registry-association`
    IpamInternetRegistryAssociation,
    /// `secondary-interface`
    SecondaryInterface,
    /// `secondary-network`
    SecondaryNetwork,
    /// `secondary-subnet`
    SecondarySubnet,
    /// `capacity-manager-data-export`
    CapacityManagerDataExport,
    /// `vpn-concentrator`
    VpnConcentrator,
    /// `ipam-pool-allocation`
    IpamPoolAllocation,
    /// `capacity-reservation-cancellation-quote`
    CapacityReservationCancellationQuote,
    /// `application-status-check`
    ApplicationStatusCheck,
    /// `capacity-reservation-modification-quote`
    CapacityReservationModificationQuote,
    /// `metric-category`
    MetricCategory,
    /// A value this model does not list: EC2 adds values over time.
    #[ec2(other)]
    Unknown(String),
}

/// `tag:<key>` on `DescribeTags`: the items are tags themselves, so `tag:Owner=TeamA` selects the
/// tag items whose key is `Owner` and whose value matches `TeamA`.
fn tag_item_matches(tag: &TagDescription, key: &str, values: &ValueSet) -> bool {
    tag.key.as_deref() == Some(key)
        && tag
            .value
            .as_deref()
            .is_some_and(|value| values.matches(value))
}

/// The `DescribeTags` operation.
///
/// One item per tag of each resource, so `resource_id` is not unique: a source for this operation
/// keys its items by resource ID and tag key together (pages follow the source's keys), and a
/// resource's tags may continue on the next page. The operation has no ID list.
#[ec2_operation(
    action = "DescribeTags",
    resource = TagDescription,
    resource_id = resource_id,
    output(member = "Tags", xml = "tagSet"),
    filters(
        "key", "resource-id", "resource-type", "value",
        "tag:<key>" => with(tag_item_matches),
    ),
    paginate(min = 5, max = 1000),
    dry_run,
)]
pub struct DescribeTags;
