//! The `ec2-ops-catalog` crate's generated files: operations grouped by service area, each area a
//! Cargo feature, and every shape written once behind the features of the areas that use it.
//!
//! Operations the facade declares by hand (`ec2_ops::operations`) are re-exported, not written again, and
//! so are the shapes it declares for them: a catalog operation that reaches one of those uses the
//! facade's type, so each EC2 shape is one Rust type.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::Path;

use crate::decisions::Finishing;
use crate::emit;
use crate::filters::Mapping;
use crate::model::{Model, Shape};
use crate::plan::{self, FilterDecl, FilterOrigin, OperationDecl, OutputDecl, Plan};

/// Service areas, each a Cargo feature of the catalog: the first whose prefix an operation's name
/// (after `Describe`) starts with. An operation no prefix names is an error, so a new model
/// operation is placed by a person.
pub const AREAS: &[(&str, &str, &[&str])] = &[
    (
        "ebs",
        "EBS volumes and snapshots",
        &[
            "Volume",
            "Snapshot",
            "FastSnapshotRestores",
            "LockedSnapshots",
            "ReplaceRootVolumeTasks",
        ],
    ),
    (
        "images",
        "AMIs, FPGA images, and import, export and bundle tasks",
        &[
            "Image",
            "FastLaunchImages",
            "FpgaImage",
            "ExportImageTasks",
            "ExportTasks",
            "ImportImageTasks",
            "ImportSnapshotTasks",
            "StoreImageTasks",
            "ConversionTasks",
            "BundleTasks",
        ],
    ),
    (
        "transit",
        "transit gateways and local gateways",
        &["TransitGateway", "LocalGateway"],
    ),
    (
        "vpn",
        "site-to-site VPN, Client VPN and Verified Access",
        &["Vpn", "CustomerGateways", "ClientVpn", "VerifiedAccess"],
    ),
    ("ipam", "IP address management", &["Ipam"]),
    (
        "vpc",
        "VPCs, subnets, routing, gateways, security groups, network interfaces and addresses",
        &[
            "Vpc",
            "Subnets",
            "RouteTables",
            "RouteServer",
            "NetworkAcls",
            "NatGateways",
            "InternetGateways",
            "EgressOnlyInternetGateways",
            "CarrierGateways",
            "DhcpOptions",
            "SecurityGroup",
            "StaleSecurityGroups",
            "NetworkInterface",
            "NetworkInsights",
            "NetworkingFlex",
            "FlowLogs",
            "PrefixLists",
            "ManagedPrefixLists",
            "Address",
            "MovingAddresses",
            "Ipv6Pools",
            "PublicIpv4Pools",
            "ByoipCidrs",
            "CoipPools",
            "TrafficMirror",
            "Secondary",
            "TrunkInterfaceAssociations",
            "AwsNetworkPerformanceMetricSubscriptions",
            "OutpostLags",
            "ServiceLinkVirtualInterfaces",
        ],
    ),
    (
        "instances",
        "instances, launch templates, Spot, fleets, hosts, reservations and capacity",
        &[
            "Instance",
            "KeyPairs",
            "Spot",
            "Fleet",
            "Host",
            "MacHosts",
            "MacModificationTasks",
            "ElasticGpus",
            "ClassicLinkInstances",
            "IamInstanceProfileAssociations",
            "LaunchTemplate",
            "PlacementGroups",
            "ScheduledInstance",
            "ReservedInstances",
            "Capacity",
            "MetricCategories",
        ],
    ),
    (
        "account",
        "account settings, Regions and zones, ID formats, tags, reports and application status",
        &[
            "Account",
            "AggregateIdFormat",
            "IdFormat",
            "IdentityIdFormat",
            "PrincipalIdFormat",
            "AvailabilityZones",
            "Regions",
            "Tags",
            "DeclarativePoliciesReports",
            "Application",
        ],
    ),
];

/// The operations the facade declares by hand, and the `ec2_ops::operations` module of each.
pub const HAND_DECLARED: &[(&str, &str)] = &[
    ("DescribeBundleTasks", "bundle_tasks"),
    ("DescribeConversionTasks", "conversion_tasks"),
    ("DescribeExportTasks", "export_tasks"),
    ("DescribeImportImageTasks", "import_image_tasks"),
    ("DescribeImportSnapshotTasks", "import_snapshot_tasks"),
    ("DescribeInstances", "instances"),
    ("DescribeKeyPairs", "key_pairs"),
    ("DescribeSnapshots", "snapshots"),
    ("DescribeTags", "tags"),
    ("DescribeVolumes", "volumes"),
];

/// Every shape the facade declares by hand (`#[ec2_shape]` in `ec2_ops::operations`), by module: the
/// catalog re-exports the ones its operations reach instead of declaring its own (the catalog's
/// tests check this list against the facade's sources). Named as the scaffold names the model's
/// shape, but for the case of an acronym: the facade's `SseType` is the model's `SSEType`.
pub const HAND_DECLARED_SHAPES: &[(&str, &[&str])] = &[
    (
        "bundle_tasks",
        &[
            "BundleTask",
            "BundleTaskError",
            "BundleTaskState",
            "S3Storage",
            "Storage",
        ],
    ),
    (
        "conversion_tasks",
        &[
            "ConversionTask",
            "ConversionTaskState",
            "DiskImageDescription",
            "DiskImageVolumeDescription",
            "ImportInstanceTaskDetails",
            "ImportInstanceVolumeDetailItem",
            "ImportVolumeTaskDetails",
            "PlatformValues",
        ],
    ),
    (
        "export_tasks",
        &[
            "ContainerFormat",
            "DiskImageFormat",
            "ExportEnvironment",
            "ExportTask",
            "ExportTaskState",
            "ExportToS3Task",
            "InstanceExportDetails",
        ],
    ),
    (
        "import_image_tasks",
        &[
            "ImportImageLicenseConfigurationResponse",
            "ImportImageTask",
            "SnapshotDetail",
        ],
    ),
    (
        "import_snapshot_tasks",
        &[
            "ImportSnapshotTask",
            "SnapshotTaskDetail",
            "UserBucketDetails",
        ],
    ),
    (
        "instances",
        &[
            "AmdSevSnpSpecification",
            "ArchitectureValues",
            "AttachmentStatus",
            "BootModeValues",
            "CapacityReservationPreference",
            "CapacityReservationSpecificationResponse",
            "CapacityReservationTargetResponse",
            "ConnectionTrackingSpecificationResponse",
            "CpuOptions",
            "DeviceType",
            "EbsInstanceBlockDevice",
            "ElasticGpuAssociation",
            "ElasticInferenceAcceleratorAssociation",
            "EnclaveOptions",
            "GroupIdentifier",
            "HibernationOptions",
            "HostnameType",
            "HttpTokensState",
            "HypervisorType",
            "IamInstanceProfile",
            "Instance",
            "InstanceAttachmentEnaSrdSpecification",
            "InstanceAttachmentEnaSrdUdpSpecification",
            "InstanceAutoRecoveryState",
            "InstanceBandwidthWeighting",
            "InstanceBlockDeviceMapping",
            "InstanceBootModeValues",
            "InstanceIpv4Prefix",
            "InstanceIpv6Address",
            "InstanceIpv6Prefix",
            "InstanceLifecycleType",
            "InstanceMaintenanceOptions",
            "InstanceMetadataEndpointState",
            "InstanceMetadataOptionsResponse",
            "InstanceMetadataOptionsState",
            "InstanceMetadataProtocolState",
            "InstanceMetadataTagsState",
            "InstanceNetworkInterface",
            "InstanceNetworkInterfaceAssociation",
            "InstanceNetworkInterfaceAttachment",
            "InstanceNetworkPerformanceOptions",
            "InstancePrivateIpAddress",
            "InstanceRebootMigrationState",
            "InstanceSecondaryInterface",
            "InstanceSecondaryInterfaceAttachment",
            "InstanceSecondaryInterfacePrivateIpAddress",
            "InstanceState",
            "InstanceStateName",
            "LicenseConfiguration",
            "Monitoring",
            "MonitoringState",
            "NestedVirtualizationSpecification",
            "NetworkInterfaceStatus",
            "Placement",
            "PlatformValues",
            "PrivateDnsNameOptionsResponse",
            "ProductCode",
            "ProductCodeValues",
            "Reservation",
            "SecondaryInterfaceStatus",
            "SecondaryInterfaceType",
            "StateReason",
            "Tenancy",
            "VirtualizationType",
        ],
    ),
    ("key_pairs", &["KeyPairInfo", "KeyType"]),
    (
        "snapshots",
        &[
            "AssociatedKmsKey",
            "Snapshot",
            "SnapshotState",
            "StorageTier",
            "TransferType",
        ],
    ),
    ("tags", &["ResourceType", "TagDescription"]),
    (
        "volumes",
        &[
            "OperatorResponse",
            "SseType",
            "Volume",
            "VolumeAttachment",
            "VolumeAttachmentState",
            "VolumeState",
            "VolumeType",
        ],
    ),
];

/// For a shape the facade declares in two modules, the one the catalog uses.
pub const HAND_DECLARED_SHAPE_CHOICES: &[(&str, &str)] = &[
    // `conversion_tasks`' holds the model's `Windows`; `instances`' holds `windows`, the value EC2
    // sends for instances, AMIs and fleet instances (the catalog's uses) and their `platform`
    // filters document.
    ("PlatformValues", "instances"),
];

/// The facade's shapes declared with the Query codec (without `response_only`): the only ones of
/// [`HAND_DECLARED_SHAPES`] a catalog request may carry (`DescribeReservedInstancesOfferings`'
/// `InstanceTenancy` is a `Tenancy`).
pub const HAND_DECLARED_REQUEST_SHAPES: &[&str] = &["Tenancy"];

/// Where the facade declares the shape the scaffold names `name`: `(module, the facade's name)`.
///
/// # Errors
/// When the facade declares it in more than one module and [`HAND_DECLARED_SHAPE_CHOICES`] picks none.
pub fn hand_declared_shape(name: &str) -> Result<Option<(&'static str, &'static str)>, String> {
    let found: Vec<(&str, &str)> = HAND_DECLARED_SHAPES
        .iter()
        .flat_map(|(module, shapes)| shapes.iter().map(move |shape| (*module, *shape)))
        .filter(|(_, shape)| shape.eq_ignore_ascii_case(name))
        .collect();
    match found.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(*one)),
        _ => {
            let chosen = HAND_DECLARED_SHAPE_CHOICES
                .iter()
                .find(|(shape, _)| shape.eq_ignore_ascii_case(name))
                .and_then(|(_, module)| found.iter().find(|(found, _)| found == module));
            chosen.copied().map(Some).ok_or_else(|| {
                let modules: Vec<&str> = found.iter().map(|(module, _)| *module).collect();
                format!(
                    "`{name}`: the facade declares it in {modules:?}; choose one in `catalog::HAND_DECLARED_SHAPE_CHOICES`"
                )
            })
        }
    }
}

/// The area of `action`.
///
/// # Errors
/// When no area's prefix names it.
pub fn area_of(action: &str) -> Result<&'static str, String> {
    // The account's settings are the `account` area's, whatever they are about.
    if action.starts_with("Get") {
        return Ok("account");
    }
    let name = action.strip_prefix("Describe").unwrap_or(action);
    AREAS
        .iter()
        .find(|(_, _, prefixes)| prefixes.iter().any(|prefix| name.starts_with(prefix)))
        .map(|(area, _, _)| *area)
        .ok_or_else(|| {
            format!("{action}: no catalog area names it; add a prefix to `catalog::AREAS`")
        })
}

/// The catalog's hand decisions (filters the scaffold cannot map, not-found codes EC2 does not
/// derive from the key), under the crate directory.
pub const FINISHING: &str = "model/decisions.txt";

/// The header of every generated file.
const GENERATED: &str = "// @generated by ec2-ops-scaffold from botocore's EC2 model: do not edit.\n// Regenerate: cargo run -p ec2-ops-scaffold -- ec2-ops-catalog/model/ec2-describe.json --catalog ec2-ops-catalog\n";

/// The generated files, by path under the crate directory.
///
/// # Errors
/// A planning problem, naming the operation.
pub fn files(model: &Model, finishing: &Finishing) -> Result<BTreeMap<String, String>, String> {
    let all = model.catalog_operations();
    let mut areas: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for action in &all {
        areas.entry(area_of(action)?).or_default().push(action);
    }
    let generated: Vec<&str> = all
        .iter()
        .copied()
        .filter(|action| !HAND_DECLARED.iter().any(|(declared, _)| declared == action))
        .collect();
    // The facade's shapes, by the names the scaffold gives the model's shapes.
    let mut hand_declared_shapes = BTreeSet::new();
    for name in model.shapes.keys() {
        let name = crate::names::type_ident(name);
        if hand_declared_shape(&name)?.is_some() {
            hand_declared_shapes.insert(name);
        }
    }
    let plan = plan::plan_beside(model, finishing, &generated, &hand_declared_shapes)?;
    let documented: Vec<(String, Vec<String>)> = plan
        .operations
        .iter()
        .map(|operation| {
            let names = operation
                .filters
                .iter()
                .flat_map(|(_, filters)| filters.iter())
                .filter(|filter| filter.origin == FilterOrigin::Documented)
                .map(|filter| filter.name.clone());
            (operation.action.clone(), names.collect())
        })
        .collect();
    let id_lists: Vec<(String, String)> = plan
        .operations
        .iter()
        .flat_map(|operation| {
            operation
                .ids
                .iter()
                .map(|ids| (operation.action.clone(), ids.key.clone()))
        })
        .collect();
    let stale: Vec<String> = finishing
        .stale(&documented)
        .chain(finishing.stale_ids(&id_lists))
        .chain(finishing.stale_keys(&generated))
        .chain(finishing.stale_hooks(&generated))
        .chain(finishing.stale_also(&generated))
        .chain(finishing.stale_ignoring(&generated))
        .chain(finishing.stale_defaults(&generated))
        .chain(finishing.stale_unapplied(&generated))
        .collect();
    if !stale.is_empty() {
        return Err(format!("{FINISHING}: {}", stale.join("; ")));
    }

    // Each operation planned alone: the areas that reach each shape (to gate it on exactly their
    // features), and the member each list-answering operation lists under, seed operations too.
    let mut reached: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    let mut lists = BTreeMap::new();
    for action in &all {
        let alone = plan::plan_beside(model, finishing, &[action], &hand_declared_shapes)?;
        if let Some(OutputDecl::List { member, within, .. }) =
            alone.operations.first().map(|operation| &operation.output)
        {
            // A list held in a structure is named by its path, `ApplicationStatuses.Instances`.
            let path = match within {
                Some(within) => format!("{member}.{}", within.list_member),
                None => member.clone(),
            };
            lists.insert(*action, path);
        }
        if generated.contains(action) {
            let area = area_of(action)?;
            let names = alone.shapes.iter().map(plan::ShapeDecl::name);
            for name in names.chain(alone.elsewhere.iter().map(String::as_str)) {
                reached.entry(name.to_owned()).or_default().insert(area);
            }
        }
    }

    // A member accepted and changing nothing gives a confident wrong answer: the catalog applies
    // every one, or says why it cannot.
    let ignored: Vec<String> = plan
        .operations
        .iter()
        .flat_map(|operation| {
            let action = &operation.action;
            operation
                .unapplied
                .iter()
                .map(move |member| format!("{action}'s `{member}`"))
        })
        .collect();
    if !ignored.is_empty() {
        return Err(format!(
            "{FINISHING}: request members nothing applies: {}; apply each (an ID list, a `visible`, \
             `validate` or `respond` hook) or write why no seed can serve it: `Action unapplied \
             Member ! reason`",
            ignored.join(", ")
        ));
    }

    let mut files = BTreeMap::new();
    let mut shapes = format!(
        "{GENERATED}\n//! Every structure and enum the catalog's operations reach, each behind the features of the\n//! areas that use it. The ones `ec2-ops` declares by hand for its own operations are its types,\n//! re-exported from `ec2_ops::operations`.\n\n{}",
        emit::IMPORTS
    );
    let mut reexports = BTreeMap::new();
    for name in &plan.elsewhere {
        let (module, facade) = hand_declared_shape(name)?.expect("declared by hand in the facade");
        if plan.in_requests.contains(name) && !HAND_DECLARED_REQUEST_SHAPES.contains(&facade) {
            return Err(format!(
                "`{name}`: a catalog request carries it, but `ec2_ops::operations::{module}::{facade}` is `response_only` (no Query codec); declare it without `response_only` and list it in `catalog::HAND_DECLARED_REQUEST_SHAPES`"
            ));
        }
        if plan.defaulted.contains(name) {
            return Err(format!(
                "`{name}`: a catalog request requires it, so its type needs `Default`, which `ec2_ops::operations::{module}::{facade}` does not derive"
            ));
        }
        let item = if facade == name {
            format!("pub use ec2_ops::operations::{module}::{name};")
        } else {
            format!("pub use ec2_ops::operations::{module}::{facade} as {name};")
        };
        reexports.insert((module, name.as_str()), item);
    }
    if !reexports.is_empty() {
        shapes.push_str(
            "\n// The shapes `ec2-ops` declares by hand (`ec2_ops::operations`), by module.\n",
        );
        for ((_, name), item) in &reexports {
            let _ = writeln!(shapes, "#[cfg({})]\n{item}", gate(&reached[*name]));
        }
    }
    for shape in &plan.shapes {
        let gate = gate(&reached[shape.name()]);
        shapes.push('\n');
        shapes.push_str(&emit::shape_item(shape, &plan, Some(&gate)));
    }
    files.insert("src/generated/shapes.rs".to_owned(), shapes);

    for (area, actions) in &areas {
        // The module's documentation is its `mod` item's, in the crate root.
        let mut source = format!(
            "{GENERATED}\n{}#[allow(unused_imports)]\nuse crate::shapes::*;\n",
            emit::IMPORTS
        );
        for action in actions {
            source.push('\n');
            match HAND_DECLARED
                .iter()
                .find(|(declared, _)| declared == action)
            {
                Some((_, module)) => {
                    let _ = writeln!(
                        source,
                        "pub use ec2_ops::operations::{module}::{{{action}, {action}Request, {action}Response}};"
                    );
                }
                None => {
                    let operation = plan
                        .operations
                        .iter()
                        .find(|operation| operation.action == *action)
                        .expect("planned above");
                    source.push_str(&emit::operation_item(operation, None));
                }
            }
        }
        files.insert(format!("src/generated/{area}.rs"), source);
    }
    files.insert(
        "src/generated/coverage.md".to_owned(),
        coverage(&plan, &areas),
    );
    files.insert(
        "src/generated/registry.rs".to_owned(),
        registry(
            &areas,
            &lists,
            &plan,
            &paginated(model, &plan, &areas),
            &required_values(model, &plan)?,
        ),
    );
    files.insert(
        "tests/generated/operations.rs".to_owned(),
        tests(&areas, &lists),
    );
    Ok(files)
}

/// Writes [`files`] under `directory`; returns how many.
///
/// # Errors
/// A planning problem or an I/O error naming the file.
pub fn write(model: &Model, directory: &Path) -> Result<usize, String> {
    let finishing_path = directory.join(FINISHING);
    let finishing = match std::fs::read_to_string(&finishing_path) {
        Ok(text) => Finishing::parse(&text)
            .map_err(|problem| format!("{}: {problem}", finishing_path.display()))?,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Finishing::default(),
        Err(error) => return Err(format!("{}: {error}", finishing_path.display())),
    };
    let files = files(model, &finishing)?;
    for (path, text) in &files {
        let path = directory.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|error| format!("{}: {error}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|error| format!("{}: {error}", path.display()))?;
    }
    Ok(files.len())
}

fn gate(areas: &BTreeSet<&str>) -> String {
    let features: Vec<String> = areas
        .iter()
        .map(|area| format!("feature = {area:?}"))
        .collect();
    match features.as_slice() {
        [one] => one.clone(),
        _ => format!("any({})", features.join(", ")),
    }
}

/// The crate docs' coverage chapter: per operation, its filters mapped, and every filter not mapped
/// with the reason.
fn coverage(plan: &Plan, areas: &BTreeMap<&str, Vec<&str>>) -> String {
    let (mut documented, mut mapped, mut unservable) = (0, 0, 0);
    let mut rows = String::new();
    let mut unmapped_rows = String::new();
    let mut scoping = 0;
    let mut reason_rows = String::new();
    let mut unapplied_for_reason = 0;
    let mut other_rows = String::new();
    let mut other_names = 0;
    for (area, actions) in areas {
        for action in actions {
            let Some(operation) = plan
                .operations
                .iter()
                .find(|operation| operation.action == *action)
            else {
                let _ = writeln!(
                    rows,
                    "| `{area}` | [`{action}`](crate::{area}::{action}) | declared by hand in `ec2_ops::operations` | | |"
                );
                continue;
            };
            let counts = count(operation);
            let key = match &operation.keyed_by_position {
                _ if matches!(operation.output, OutputDecl::Settings { .. }) => {
                    "none: held once per account and Region".to_owned()
                }
                Some(reason) => format!(
                    "by position (`{}` repeats: {})",
                    operation.resource_id,
                    markdown_cell(reason)
                ),
                None => format!("`{}`", operation.resource_id),
            };
            documented += counts.0;
            mapped += counts.1;
            unservable += counts.2;
            let _ = writeln!(
                rows,
                "| `{area}` | [`{action}`](crate::{area}::{action}) | {} of {} | {} | {key} |",
                counts.1,
                counts.0,
                shape_of(operation),
            );
            for (member, reason) in &operation.unapplied_for_reason {
                unapplied_for_reason += 1;
                let _ = writeln!(
                    reason_rows,
                    "| `{action}` | `{member}` | {} |",
                    markdown_cell(reason)
                );
            }
            scoping += operation
                .hooks()
                .flat_map(|(_, hook)| &hook.members)
                .collect::<BTreeSet<_>>()
                .len();
            for filter in operation.filters.iter().flat_map(|(_, filters)| filters) {
                let why = match &filter.origin {
                    FilterOrigin::Documented => None,
                    FilterOrigin::DocumentedAliasOf(name) => {
                        Some(format!("documented: another name of `{name}`"))
                    }
                    FilterOrigin::Accepted {
                        line,
                        alias_of: Some(name),
                    } => Some(format!(
                        "accepted by EC2, not documented: another name of `{name}` (decisions line {line})"
                    )),
                    FilterOrigin::Accepted {
                        line,
                        alias_of: None,
                    } => Some(format!(
                        "accepted by EC2, not documented (decisions line {line})"
                    )),
                };
                if let Some(why) = why {
                    other_names += 1;
                    let _ = writeln!(other_rows, "| `{action}` | `{}` | {why} |", filter.name);
                }
                let (kind, reason) = match &filter.mapping {
                    Mapping::Unmapped(reason) => ("not mapped yet", reason),
                    Mapping::NotServable(reason) => ("not servable", reason),
                    Mapping::Path(_) | Mapping::Tags(_) => continue,
                };
                let _ = writeln!(
                    unmapped_rows,
                    "| `{action}` | `{}` | {kind}: {} |",
                    filter.name,
                    markdown_cell(reason)
                );
            }
        }
    }
    let operations: usize = areas.values().map(Vec::len).sum();
    let open = documented - mapped - unservable;
    format!(
        "{operations} operations. The {} generated ones document {documented} filter names: {mapped} are mapped to a field, \
         {unservable} are not servable (listed with the reason) and {open} are not mapped yet.\n\n\
         The resource ID orders pages and keys the store: resources sharing one are one resource \
         (the endpoint refuses a seed that repeats an ID). Where no member is unique to a resource \
         (a route, a price at a time), the resources are keyed by their position instead \
         ([`KEYED_BY_POSITION`](crate::KEYED_BY_POSITION)): a seed keeps every item in its order.\n\n\
         | area | operation | filters mapped | answer | resource ID |\n|---|---|---|---|---|\n{rows}\n\
         Filters documented and not mapped. A request naming one gets EC2's 400 `InvalidParameterValue`, \
         \"The filter 'NAME' is invalid\".\n\n\
         | operation | filter | why |\n|---|---|---|\n{unmapped_rows}\n\
         Filter names served beside the documented ones ({other_names}): other names the \
         documentation gives, and names EC2 accepts that real clients send (Terraform's \
         `isDefault`), each matched as the filter it names.\n\n\
         | operation | filter | why |\n|---|---|---|\n{other_rows}\n\
         Request members beyond IDs, filters, pages and `DryRun`: lists of values select like IDs \
         (`InstanceType.N` of `DescribeInstanceTypes`), a parent's ID selects its children, and {scoping} \
         members are applied by the functions the declarations name: of `src/validation.rs` \
         (a list EC2 requires, members that exclude each other), of `src/visibility.rs` \
         (`Owner.N`, `IncludeAllInstances`, ...) and of `src/responses.rs` (`Attribute`, and the \
         members EC2 answers beside a list: a fleet's ID echoed, names derived from the items); \
         DescribeAddressesAttribute's `Attribute` takes its one value, `domain-name`, whose answer \
         is the whole record, and refuses any other.\n\n\
         These {unapplied_for_reason} are accepted and not applied, for the reason given: what their \
         meaning needs is nothing a seed holds. A request may send them, and the answer is the one \
         without them.\n\n\
         | operation | member | why |\n|---|---|---|\n{reason_rows}\n\
         Every other request member is applied: the scaffold refuses to write a catalog with a \
         member that changes nothing and has no written reason.\n",
        plan.operations.len()
    )
}

/// Documented, mapped and not servable filters of `operation`.
fn count(operation: &OperationDecl) -> (usize, usize, usize) {
    operation
        .filters
        .as_ref()
        .map_or((0, 0, 0), |(_, filters)| {
            let filters: Vec<&FilterDecl> = filters
                .iter()
                .filter(|filter| filter.origin == FilterOrigin::Documented)
                .collect();
            let of = |wanted: fn(&Mapping) -> bool| {
                filters
                    .iter()
                    .filter(|filter| wanted(&filter.mapping))
                    .count()
            };
            (
                filters.len(),
                of(|mapping| matches!(mapping, Mapping::Path(_) | Mapping::Tags(_))),
                of(|mapping| matches!(mapping, Mapping::NotServable(_))),
            )
        })
}

/// A member an operation requires, and where a capture finds its values.
struct RequiredDecl {
    /// The model name, the request's JSON name.
    member: String,
    /// The Query key.
    key: String,
    /// A list member.
    list: bool,
    values: RequiredSource,
}

enum RequiredSource {
    /// Resource IDs, named by the Query key.
    Ids,
    /// Each value of the member's enum.
    EachOf(Vec<String>),
    Unknown,
}

/// For each operation with required members, where each one's values come from: an enum's
/// values, the IDs named by a text member's Query key (`InstanceId`: the capture finds the
/// operation listing them by its declared ID list), or nothing another operation answers.
fn required_values(
    model: &Model,
    plan: &Plan,
) -> Result<BTreeMap<String, Vec<RequiredDecl>>, String> {
    let mut required = BTreeMap::new();
    for operation in plan
        .operations
        .iter()
        .filter(|operation| !operation.required.is_empty())
    {
        let input = model
            .operations
            .get(&operation.action)
            .and_then(|described| described.input.as_ref())
            .map(|input| model.members(&input.shape))
            .transpose()?
            .unwrap_or_default();
        let mut members = Vec::new();
        for member in &operation.required {
            let reference = input
                .iter()
                .find(|(name, _)| name == member)
                .map(|(_, reference)| reference)
                .ok_or_else(|| format!("{}: no request member {member}", operation.action))?;
            let (list, element) = match model.shape(&reference.shape)? {
                Shape::List { member: element } => (true, element.shape.as_str()),
                _ => (false, reference.shape.as_str()),
            };
            let values = match model.shape(element)? {
                Shape::String {
                    values: Some(values),
                } => RequiredSource::EachOf(values.clone()),
                Shape::String { values: None } => RequiredSource::Ids,
                _ => RequiredSource::Unknown,
            };
            members.push(RequiredDecl {
                member: member.clone(),
                key: reference.query_key(member),
                list,
                values,
            });
        }
        required.insert(operation.action.clone(), members);
    }
    Ok(required)
}

/// The operations that page (`MaxResults` and `NextToken`): as planned, or for one the facade
/// declares by hand, as the model's request says.
fn paginated<'a>(
    model: &Model,
    plan: &Plan,
    areas: &BTreeMap<&str, Vec<&'a str>>,
) -> BTreeSet<&'a str> {
    areas
        .values()
        .flatten()
        .copied()
        .filter(|action| {
            match plan
                .operations
                .iter()
                .find(|operation| operation.action == *action)
            {
                Some(operation) => operation.paginate.is_some(),
                None => model
                    .operations
                    .get(*action)
                    .and_then(|operation| operation.input.as_ref())
                    .and_then(|input| model.members(&input.shape).ok())
                    .is_some_and(|members| {
                        ["MaxResults", "NextToken"]
                            .iter()
                            .all(|paging| members.iter().any(|(member, _)| member == paging))
                    }),
            }
        })
        .collect()
}

/// The registry: the operations keyed by position, the list members, the list of every operation
/// and a call of a visitor for each, each behind its area's feature.
fn registry(
    areas: &BTreeMap<&str, Vec<&str>>,
    lists: &BTreeMap<&str, String>,
    plan: &Plan,
    paginated: &BTreeSet<&str>,
    required: &BTreeMap<String, Vec<RequiredDecl>>,
) -> String {
    let mut out = format!("{GENERATED}\n");
    out.push_str("/// The operations whose resources no member identifies (routes, price and event histories,\n/// offerings by location): a source keys them by position, so a seed keeps every item in order.\npub const KEYED_BY_POSITION: &[&str] = &[\n");
    for (area, actions) in areas {
        for action in actions {
            let positional = plan.operations.iter().any(|operation| {
                operation.action == *action && operation.keyed_by_position.is_some()
            });
            if positional {
                let _ = writeln!(out, "    #[cfg(feature = {area:?})]\n    {action:?},");
            }
        }
    }
    out.push_str("];\n\n");
    out.push_str("/// The AWS CLI output member each operation that answers a list lists its resources under:\n/// `(action, member)`, by area and then action; a list held in a structure of the output is named by\n/// its path (`ApplicationStatuses.Instances`).\npub const LIST_MEMBERS: &[(&str, &str)] = &[\n");
    for (area, actions) in areas {
        for action in actions {
            if let Some(member) = lists.get(action) {
                let _ = writeln!(
                    out,
                    "    #[cfg(feature = {area:?})]\n    ({action:?}, {member:?}),"
                );
            }
        }
    }
    out.push_str("];\n\n");
    out.push_str("/// The operations `ec2-ops` declares by hand (`ec2_ops::operations`), which the catalog\n/// re-exports in their areas: the one list of them every other crate reads.\npub const HAND_DECLARED: &[&str] = &[\n");
    for (action, _) in HAND_DECLARED {
        let _ = writeln!(out, "    {action:?},");
    }
    out.push_str("];\n\n");
    out.push_str("/// The operations whose request has members the model requires (beside the paging a paginator\n/// sends), by area and then action, each member with where a caller that knows only what other\n/// operations answered (a capture) finds its values.\npub const REQUIRED_MEMBERS: &[(&str, &[crate::Required])] = &[\n");
    for (area, actions) in areas {
        for action in actions {
            let Some(members) = required.get(*action) else {
                continue;
            };
            let _ = writeln!(
                out,
                "    #[cfg(feature = {area:?})]\n    (\n        {action:?},\n        &["
            );
            for member in members {
                let values = match &member.values {
                    RequiredSource::Ids => "crate::RequiredValues::Ids".to_owned(),
                    RequiredSource::EachOf(values) => {
                        format!("crate::RequiredValues::EachOf(&{values:?})")
                    }
                    RequiredSource::Unknown => "crate::RequiredValues::Unknown".to_owned(),
                };
                let _ = writeln!(
                    out,
                    "            crate::Required {{ member: {:?}, key: {:?}, list: {}, values: {values} }},",
                    member.member, member.key, member.list
                );
            }
            out.push_str("        ],\n    ),\n");
        }
    }
    out.push_str("];\n\n");
    out.push_str("/// Every operation of the enabled areas: `(area, action)`, by area and then action.\npub const OPERATIONS: &[(&str, &str)] = &[\n");
    for (area, actions) in areas {
        for action in actions {
            let _ = writeln!(
                out,
                "    #[cfg(feature = {area:?})]\n    ({area:?}, {action:?}),"
            );
        }
    }
    out.push_str("];\n\n/// Calls `visitor` once for every operation of the enabled areas, in the order of [`OPERATIONS`]:\n/// [`OperationVisitor::visit_paginated`](crate::OperationVisitor::visit_paginated) for an\n/// operation that pages, else [`OperationVisitor::visit`](crate::OperationVisitor::visit).\npub fn for_each_operation<V: crate::OperationVisitor>(visitor: &mut V) {\n");
    for (area, actions) in areas {
        for action in actions {
            let _ = writeln!(
                out,
                "    #[cfg(feature = {area:?})]\n    visitor.{}::<crate::{area}::{action}>({area:?});",
                if paginated.contains(action) {
                    "visit_paginated"
                } else {
                    "visit"
                }
            );
        }
    }
    out.push_str("    let _ = visitor;\n}\n");
    out
}

/// How `operation` answers, for the coverage table.
fn shape_of(operation: &OperationDecl) -> String {
    let output = match &operation.output {
        OutputDecl::List {
            member,
            within: None,
            ..
        } => format!("list `{member}`"),
        OutputDecl::List {
            member,
            within: Some(within),
            ..
        } => format!("list `{member}.{}`", within.list_member),
        OutputDecl::Single { member, .. } => format!("one `{member}`"),
        OutputDecl::Flatten { member } => format!("`{member}` flattened"),
        OutputDecl::Settings { .. } => "the account's settings".to_owned(),
    };
    if operation.paginate.is_some() {
        format!("{output}, paginated")
    } else {
        output
    }
}

/// One test per operation, the hand-declared operations too, each behind its area's feature (see
/// `tests/operations.rs`); `lists` holds the member each list-answering operation lists under.
fn tests(areas: &BTreeMap<&str, Vec<&str>>, lists: &BTreeMap<&str, String>) -> String {
    let mut out = format!("{GENERATED}\n");
    for (area, actions) in areas {
        let _ = writeln!(out, "#[cfg(feature = {area:?})]\nmod {area} {{");
        for action in actions {
            let answer = match lists.get(action) {
                Some(member) => format!("List({member:?})"),
                None => "One".to_owned(),
            };
            let _ = writeln!(
                out,
                "    #[test]\n    fn {}() {{\n        super::check::<ec2_ops_catalog::{area}::{action}>({action:?}, super::Answer::{answer});\n    }}",
                crate::names::snake(action),
            );
        }
        out.push_str("}\n");
    }
    out
}

/// Model or hand-written text as one Markdown table cell: no column breaks, no HTML.
fn markdown_cell(text: &str) -> String {
    text.replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
