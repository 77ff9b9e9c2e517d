//! DescribeNetworkInterfaces' view of the store: an instance's network interfaces are listed in
//! the instance, so a capture of DescribeInstances answers DescribeNetworkInterfaces for them (a
//! scanner walks the interfaces to find public addresses; Terraform reads an instance's primary
//! interface). The derived interfaces are kept in an index DescribeInstances' slot updates.
//!
//! A derived interface holds what the instance says of it: its ID, subnet, VPC, description,
//! owner, status, MAC address, private and IPv6 addresses, prefixes, DNS name, source/destination
//! check, security groups, type, public IP association, connection tracking and operator; its
//! attachment with the instance's ID and owner; the instance's zone and Outpost. Its tags and
//! `RequesterManaged` are not in DescribeInstances' data (absent). DescribeNetworkInterfaceAttribute
//! answers the attributes of every interface this view answers ([`super::AttributesOf`]). An
//! interface seeded in DescribeNetworkInterfaces' own data wins, the derived one filling the
//! members it lacks; a detached interface is only ever the seed's.

use std::sync::Arc;

use ec2_ops::operations::instances::Reservation;
use ec2_ops_catalog::shapes::NetworkInterface;
use serde_json::{Value, json};

use crate::store::held::Held;
use crate::store::slot::Observer;

/// The interfaces derived from the served instances, by interface ID.
pub(crate) type InterfaceIndex = Held<NetworkInterface>;

/// The interface ID of a network interface.
pub(crate) fn interface_id(interface: &Arc<NetworkInterface>) -> &str {
    interface
        .network_interface_id
        .as_deref()
        .unwrap_or_default()
}

/// An empty index.
pub(crate) fn interface_index() -> InterfaceIndex {
    Held::new(interface_id)
}

/// The network interfaces of a served instance (a DescribeInstances unit), as
/// DescribeNetworkInterfaces shows them.
///
/// The instance's view of an interface has the members of DescribeNetworkInterfaces' under the
/// same names (the AWS CLI prints both alike), so it is carried over as that JSON; what the
/// instance adds is its own ID, owner, zone and Outpost.
pub(crate) fn interfaces_of(unit: &Reservation) -> Vec<NetworkInterface> {
    let Some(instance) = unit.first_instance() else {
        return Vec::new();
    };
    let Some(instance_id) = instance.instance_id.as_deref() else {
        return Vec::new();
    };
    let placement = instance.placement.as_ref();
    let zone = placement.and_then(|placement| placement.availability_zone.as_deref());
    let zone_id = placement.and_then(|placement| placement.availability_zone_id.as_deref());
    let owner = unit.owner_id.as_deref();
    instance
        .network_interfaces
        .iter()
        .flatten()
        .filter(|interface| interface.network_interface_id.is_some())
        .filter_map(|interface| {
            let Ok(Value::Object(mut members)) = serde_json::to_value(interface) else {
                return None;
            };
            if let Some(Value::Object(attachment)) = members.get_mut("Attachment") {
                attachment.insert("InstanceId".into(), json!(instance_id));
                if let Some(owner) = owner {
                    attachment.insert("InstanceOwnerId".into(), json!(owner));
                }
            }
            if let Some(zone) = zone {
                members.insert("AvailabilityZone".into(), json!(zone));
            }
            if let Some(zone_id) = zone_id {
                members.insert("AvailabilityZoneId".into(), json!(zone_id));
            }
            if let Some(outpost) = &instance.outpost_arn {
                members.insert("OutpostArn".into(), json!(outpost));
            }
            serde_json::from_value(Value::Object(members)).ok()
        })
        .collect()
}

/// Keeps `index` up to date with the served instances' interfaces. An interface is taken out only
/// when it is still the one its instance put in (two instances listing one interface ID is a
/// capture's inconsistency; the later one answers).
pub(crate) fn interface_observer(index: Arc<InterfaceIndex>) -> Observer<Reservation> {
    Box::new(move |gone, came| {
        // A removal needs only the IDs: the instance's interfaces are not converted again.
        if let Some(instance) = gone.and_then(Reservation::first_instance) {
            let instance_id = instance.instance_id.as_deref();
            let gone_ids = instance
                .network_interfaces
                .iter()
                .flatten()
                .filter_map(|interface| interface.network_interface_id.as_deref());
            for id in gone_ids {
                let ours = index
                    .with(id, |held| {
                        held.attachment
                            .as_ref()
                            .and_then(|attachment| attachment.instance_id.as_deref())
                            == instance_id
                    })
                    .unwrap_or(false);
                if ours {
                    index.remove(id);
                }
            }
        }
        for interface in came.map(interfaces_of).unwrap_or_default() {
            index.insert(Arc::new(interface));
        }
    })
}
