//! The rest of EC2: every catalog operation beyond the ten the inventory serves, each from a file
//! of the seed folder named after its AWS CLI command (`describe-subnets.json` holding exactly what
//! `aws ec2 describe-subnets` prints), or with nothing when the folder has no file for it.
//!
//! A file holds one CLI output, or a JSON array of them (attribute operations answer one resource
//! per call: `describe-image-attribute` run once per image). Files for the ten inventory operations
//! (`describe-volumes.json`, ...) are read into the inventory's seed instead.
//!
//! The single seed file (`--seed`) may also hold the list of any operation whose output member
//! names it alone (`"Subnets": [...]`); a member several operations answer with (`Instances`,
//! `Vpcs`, ...) belongs in the folder, whose file names say which operation. (`Snapshots` there is
//! DescribeSnapshots', as it always was; DescribeLockedSnapshots' goes in its folder file.)
//!
//! Anything wrong is refused before anything is served, naming the file, the operation, the JSON
//! path and the problem.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ec2_ops::{InMemorySource, Operation, Service};
use ec2_ops_catalog::{
    CatalogOperation, KEYED_BY_POSITION, LIST_MEMBERS, OPERATIONS, OperationVisitor, cli_name,
};
use serde_json::Value;

use crate::seed::{INVENTORY_ACTIONS, INVENTORY_MEMBERS, Seed, SeedError};

/// A seed folder, read: the inventory's part merged into one seed, and a file per other operation.
pub struct Folder {
    /// The ten inventory operations' data found in the folder.
    pub inventory: Seed,
    /// The other operations' data, by action.
    data: BTreeMap<&'static str, Data>,
}

/// Where one operation's outputs come from.
enum Data {
    /// A folder file: one output or an array of them.
    File(PathBuf),
    /// The seed file's member holding the operation's list.
    Member {
        source: String,
        member: String,
        list: Value,
    },
}

impl Data {
    fn source(&self) -> String {
        match self {
            Data::File(path) => path.display().to_string(),
            Data::Member { source, .. } => source.clone(),
        }
    }
}

impl Folder {
    /// No folder: every other operation served empty.
    pub fn empty() -> Folder {
        Folder {
            inventory: Seed::default(),
            data: BTreeMap::new(),
        }
    }

    /// Reads the seed file: the inventory's members into a seed, any other operation's list, named
    /// by its member alone, as that operation's data.
    pub fn read_seed_file(path: &Path) -> Result<(Seed, Folder), SeedError> {
        let source = path.display().to_string();
        let refused = |at: String, problem: String| SeedError {
            source: source.clone(),
            path: at,
            problem,
        };
        let text = std::fs::read_to_string(path)
            .map_err(|e| refused("$".into(), format!("cannot read the file: {e}")))?;
        let value: Value = serde_json::from_str(&text)
            .map_err(|e| refused("$".into(), format!("not JSON: {e}")))?;
        let Value::Object(members) = value else {
            return Err(refused(
                "$".into(),
                "a seed file is an object of output members".into(),
            ));
        };
        let mut inventory = serde_json::Map::new();
        let mut folder = Folder::empty();
        for (member, list) in members {
            if INVENTORY_MEMBERS.contains(&member.as_str()) {
                inventory.insert(member, list);
                continue;
            }
            let answering: Vec<&'static str> = LIST_MEMBERS
                .iter()
                .filter(|(_, listed)| *listed == member)
                .map(|(action, _)| *action)
                .collect();
            let action = match answering.as_slice() {
                [action] => *action,
                [] => {
                    return Err(refused(
                        format!("$.{member}"),
                        format!(
                            "`{member}` is not the output member of any EC2 describe operation"
                        ),
                    ));
                }
                several => {
                    let files: Vec<String> = several
                        .iter()
                        .map(|action| format!("{}.json", cli_name(action)))
                        .collect();
                    return Err(refused(
                        format!("$.{member}"),
                        format!(
                            "`{member}` is the output member of {}: put each one's in its seed folder file ({})",
                            several.join(", "),
                            files.join(", ")
                        ),
                    ));
                }
            };
            folder.data.insert(
                action,
                Data::Member {
                    source: format!("{source} ({action})"),
                    member,
                    list,
                },
            );
        }
        let seed = Seed::parse(&Value::Object(inventory).to_string(), &source)?;
        Ok((seed, folder))
    }

    /// Takes `other`'s catalog operations (not its inventory), none of which this folder may have
    /// already.
    pub fn merge(&mut self, other: Folder) -> Result<(), SeedError> {
        for (action, data) in other.data {
            if let Some(mine) = self.data.get(action) {
                return Err(SeedError {
                    source: data.source(),
                    path: "$".into(),
                    problem: format!(
                        "{action}'s resources are given twice: here and in {}",
                        mine.source()
                    ),
                });
            }
            self.data.insert(action, data);
        }
        Ok(())
    }

    /// Reads the folder's file names (every `*.json` must name an operation) and the inventory
    /// operations' files.
    pub fn read(directory: &Path) -> Result<Folder, SeedError> {
        let unreadable = |problem: String| SeedError {
            source: directory.display().to_string(),
            path: "$".into(),
            problem,
        };
        let entries = std::fs::read_dir(directory)
            .map_err(|error| unreadable(format!("cannot read the folder: {error}")))?;
        let by_cli: BTreeMap<String, &'static str> = OPERATIONS
            .iter()
            .map(|(_, action)| (cli_name(action), *action))
            .collect();
        let mut paths = Vec::new();
        for entry in entries {
            let path = entry
                .map_err(|error| unreadable(format!("cannot list the folder: {error}")))?
                .path();
            if path
                .extension()
                .is_some_and(|extension| extension == "json")
            {
                paths.push(path);
            }
        }
        paths.sort();
        let mut folder = Folder::empty();
        for path in paths {
            let stem = path
                .file_stem()
                .and_then(|stem| stem.to_str())
                .unwrap_or_default();
            let Some(&action) = by_cli.get(stem) else {
                return Err(SeedError {
                    source: path.display().to_string(),
                    path: "$".into(),
                    problem: format!(
                        "`{stem}` is not an EC2 describe command: name each file after the AWS CLI \
                         command whose output it holds (`describe-subnets.json`)"
                    ),
                });
            };
            if INVENTORY_ACTIONS.contains(&action) {
                let part = Seed::from_file(&path)?;
                part.only_for(action, &path.display().to_string())?;
                folder.inventory.absorb(part);
            } else {
                folder.data.insert(action, Data::File(path));
            }
        }
        Ok(folder)
    }

    /// Registers every catalog operation the inventory does not serve, each over its file's
    /// resources; returns how many operations had a file and how many resources they hold.
    pub fn register(&self, service: &mut Service) -> Result<(usize, usize), SeedError> {
        let mut registrar = Registrar {
            folder: self,
            service,
            seeded: 0,
            resources: 0,
            error: None,
        };
        ec2_ops_catalog::for_each_operation(&mut registrar);
        match registrar.error {
            Some(error) => Err(error),
            None => Ok((registrar.seeded, registrar.resources)),
        }
    }
}

struct Registrar<'a> {
    folder: &'a Folder,
    service: &'a mut Service,
    seeded: usize,
    resources: usize,
    error: Option<SeedError>,
}

impl OperationVisitor for Registrar<'_> {
    fn visit<O: CatalogOperation>(&mut self, _area: &'static str) {
        let action = <O as Operation>::SPEC.action;
        if INVENTORY_ACTIONS.contains(&action) || self.error.is_some() {
            return;
        }
        let by_position = KEYED_BY_POSITION.contains(&action);
        let source = if by_position {
            InMemorySource::keyed_by_position()
        } else {
            InMemorySource::new(O::resource_id)
        };
        if let Some(data) = self.folder.data.get(action) {
            match load::<O>(data, by_position) {
                Ok(resources) => {
                    self.seeded += 1;
                    self.resources += resources.len();
                    for resource in resources {
                        source.insert(resource);
                    }
                }
                Err(error) => {
                    self.error = Some(error);
                    return;
                }
            }
        }
        self.service.register::<O, _>(Arc::new(source));
    }
}

/// The resources of one operation's data: every output in it, read as the operation's response,
/// each resource with an ID of its own unless the operation's resources are keyed `by_position`.
fn load<O: CatalogOperation>(data: &Data, by_position: bool) -> Result<Vec<O::Item>, SeedError> {
    let action = <O as Operation>::SPEC.action;
    let error = |at: String, problem: String| SeedError {
        source: match data {
            Data::File(path) => format!("{} ({action})", path.display()),
            Data::Member { source, .. } => source.clone(),
        },
        path: at,
        problem,
    };
    let value = match data {
        Data::File(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| error("$".into(), format!("cannot read the file: {e}")))?;
            serde_json::from_str(&text).map_err(|e| error("$".into(), format!("not JSON: {e}")))?
        }
        Data::Member { member, list, .. } => {
            let mut output = serde_json::Map::new();
            output.insert(member.clone(), list.clone());
            Value::Object(output)
        }
    };
    let outputs: Vec<(String, &Value)> = match &value {
        Value::Array(outputs) => outputs
            .iter()
            .enumerate()
            .map(|(index, output)| (format!("$[{index}]"), output))
            .collect(),
        output => vec![("$".to_owned(), output)],
    };
    let mut resources = Vec::new();
    let mut ids = BTreeSet::new();
    for (at, output) in outputs {
        let response: O::Answer = serde_path_to_error::deserialize(output)
            .map_err(|e| error(format!("{at}.{}", e.path()), e.inner().to_string()))?;
        let items = O::response_items(&response);
        let list = list_member(output, items.len());
        for (index, item) in items.iter().enumerate() {
            if by_position {
                resources.push(item.clone());
                continue;
            }
            let id = O::resource_id(item).to_owned();
            let item_path = || match &list {
                Some(member) => format!("{at}.{member}[{index}]"),
                None => at.clone(),
            };
            if id.is_empty() {
                return Err(error(
                    item_path(),
                    "missing the resource's ID: every resource needs one".into(),
                ));
            }
            if !ids.insert(id.clone()) {
                return Err(error(
                    item_path(),
                    format!("a second resource with the ID `{id}`"),
                ));
            }
            resources.push(item.clone());
        }
    }
    Ok(resources)
}

/// The member of an output object that lists `count` resources, to name a resource's JSON path.
fn list_member(output: &Value, count: usize) -> Option<String> {
    let members = output.as_object()?;
    let mut lists = members.iter().filter(|(_, value)| {
        value
            .as_array()
            .is_some_and(|items| items.len() == count && items.iter().all(Value::is_object))
    });
    let (member, _) = lists.next()?;
    lists.next().is_none().then(|| member.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(files: &[(&str, &str)]) -> tempdir::Dir {
        let dir = tempdir::Dir::new();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        dir
    }

    /// A scratch folder removed when dropped (no crate for something this small).
    mod tempdir {
        use std::path::{Path, PathBuf};
        use std::sync::atomic::{AtomicUsize, Ordering};

        pub struct Dir(PathBuf);

        impl Dir {
            pub fn new() -> Dir {
                static NEXT: AtomicUsize = AtomicUsize::new(0);
                let path = std::env::temp_dir().join(format!(
                    "ec2-ops-seed-{}-{}",
                    std::process::id(),
                    NEXT.fetch_add(1, Ordering::Relaxed)
                ));
                std::fs::create_dir_all(&path).unwrap();
                Dir(path)
            }

            pub fn path(&self) -> &Path {
                &self.0
            }
        }

        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    fn served(dir: &tempdir::Dir) -> Result<(Service, Folder), SeedError> {
        let folder = Folder::read(dir.path())?;
        let mut service = Service::new(ec2_ops::DescribeContext::default());
        folder.register(&mut service)?;
        Ok((service, folder))
    }

    #[test]
    fn every_catalog_operation_is_served_and_a_file_seeds_its_operation() {
        let dir = folder(&[(
            "describe-subnets.json",
            r#"{"Subnets": [{"SubnetId": "subnet-2", "VpcId": "vpc-1"}, {"SubnetId": "subnet-1", "VpcId": "vpc-9"}]}"#,
        )]);
        let (service, _) = served(&dir).unwrap();
        assert_eq!(
            service.actions().count(),
            OPERATIONS.len() - INVENTORY_ACTIONS.len()
        );
        let answer = service.handle(b"Action=DescribeSubnets&Version=2016-11-15&Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-1");
        assert_eq!(answer.status, 200);
        assert_eq!(answer.items, 1);
        let answer = service.handle(b"Action=DescribeVpcs&Version=2016-11-15");
        assert_eq!(
            (answer.status, answer.items),
            (200, 0),
            "an operation without a file answers none"
        );
    }

    #[test]
    fn a_file_may_hold_several_outputs_of_an_attribute_operation() {
        let one = |id: &str| {
            format!(r#"{{"ImageId": "{id}", "Description": {{"Value": "image {id}"}}}}"#)
        };
        let dir = folder(&[(
            "describe-image-attribute.json",
            &format!("[{}, {}]", one("ami-1"), one("ami-2")),
        )]);
        let (service, _) = served(&dir).unwrap();
        let answer = service.handle(
            b"Action=DescribeImageAttribute&Version=2016-11-15&ImageId=ami-2&Attribute=description",
        );
        assert_eq!(
            answer.status,
            200,
            "{}",
            String::from_utf8_lossy(&answer.body)
        );
        assert!(String::from_utf8_lossy(&answer.body).contains("image ami-2"));
    }

    #[test]
    fn resources_no_member_identifies_are_all_served_in_their_order_and_paged() {
        // Seven routes of one endpoint, all through one transit gateway attachment (the member the
        // scaffold would have keyed them by), in no sorted order.
        let cidrs = [
            "10.6.0.0/16",
            "10.0.0.0/16",
            "10.5.0.0/16",
            "0.0.0.0/0",
            "10.1.0.0/16",
            "10.3.0.0/16",
            "10.2.0.0/16",
        ];
        let routes: Vec<String> = cidrs
            .iter()
            .enumerate()
            .map(|(index, cidr)| {
                format!(
                    r#"{{"ClientVpnEndpointId": "cvpn-endpoint-1", "DestinationCidr": "{cidr}", "TargetSubnet": "subnet-{}", "TransitGatewayAttachmentId": "tgw-attach-1"}}"#,
                    index % 2
                )
            })
            .collect();
        let dir = folder(&[(
            "describe-client-vpn-routes.json",
            &format!(r#"{{"Routes": [{}]}}"#, routes.join(", ")),
        )]);
        let (service, _) = served(&dir).unwrap();
        let base =
            "Action=DescribeClientVpnRoutes&Version=2016-11-15&ClientVpnEndpointId=cvpn-endpoint-1";
        let cidrs_in = |body: &[u8]| -> Vec<String> {
            let body = String::from_utf8_lossy(body);
            body.split("<destinationCidr>")
                .skip(1)
                .map(|rest| rest.split('<').next().unwrap_or_default().to_owned())
                .collect()
        };

        let all = service.handle(base.as_bytes());
        assert_eq!(all.status, 200);
        assert_eq!(
            cidrs_in(&all.body),
            cidrs,
            "every route, in the seed's order"
        );

        let first = service.handle(format!("{base}&MaxResults=5").as_bytes());
        let body = String::from_utf8_lossy(&first.body).into_owned();
        let token = body
            .split("<nextToken>")
            .nth(1)
            .and_then(|rest| rest.split('<').next())
            .expect("a second page");
        let second = service.handle(
            format!(
                "{base}&MaxResults=5&NextToken={}",
                percent_encoding::utf8_percent_encode(token, percent_encoding::NON_ALPHANUMERIC)
            )
            .as_bytes(),
        );
        let mut paged = cidrs_in(&first.body);
        paged.extend(cidrs_in(&second.body));
        assert_eq!(paged, cidrs, "pages of 5 follow the same order");

        let filtered = service.handle(
            format!("{base}&Filter.1.Name=target-subnet&Filter.1.Value.1=subnet-0").as_bytes(),
        );
        assert_eq!(filtered.items, 4);
    }

    #[test]
    fn a_bad_file_is_refused_with_its_operation_and_json_path() {
        let dir = folder(&[(
            "describe-subnets.json",
            r#"{"Subnets": [{"SubnetId": "s-1"}, {"SubnetId": "s-2", "AvailableIpAddressCount": "many"}]}"#,
        )]);
        let error = served(&dir).err().unwrap();
        assert!(
            error
                .source
                .ends_with("describe-subnets.json (DescribeSubnets)"),
            "{error}"
        );
        assert_eq!(error.path, "$.Subnets[1].AvailableIpAddressCount");
        let dir = folder(&[(
            "describe-subnets.json",
            r#"{"Subnets": [{"SubnetId": "s-1"}, {"SubnetId": "s-1"}]}"#,
        )]);
        let error = served(&dir).err().unwrap();
        assert_eq!(
            (error.path.as_str(), error.problem.as_str()),
            ("$.Subnets[1]", "a second resource with the ID `s-1`")
        );
        let dir = folder(&[("describe-subnet.json", "{}")]);
        assert!(
            served(&dir)
                .err()
                .unwrap()
                .problem
                .contains("not an EC2 describe command")
        );
        let dir = folder(&[("describe-vpcs.json", "{\"Vpcs\": [")]);
        assert!(served(&dir).err().unwrap().problem.starts_with("not JSON"));
    }

    #[test]
    fn the_seed_file_holds_any_list_its_member_names_alone() {
        let dir = folder(&[(
            "seed.json",
            r#"{"Volumes": [{"VolumeId": "vol-1"}], "Subnets": [{"SubnetId": "subnet-1"}]}"#,
        )]);
        let (seed, others) = Folder::read_seed_file(&dir.path().join("seed.json")).unwrap();
        assert_eq!(seed.volumes.len(), 1);
        let mut service = Service::new(ec2_ops::DescribeContext::default());
        assert_eq!(others.register(&mut service).unwrap(), (1, 1));
        let answer = service.handle(b"Action=DescribeSubnets&Version=2016-11-15");
        assert_eq!((answer.status, answer.items), (200, 1));
    }

    #[test]
    fn a_seed_file_member_of_several_operations_or_none_is_refused() {
        let dir = folder(&[("seed.json", r#"{"Instances": []}"#)]);
        let error = Folder::read_seed_file(&dir.path().join("seed.json"))
            .err()
            .unwrap();
        assert_eq!(error.path, "$.Instances");
        assert!(
            error
                .problem
                .contains("describe-classic-link-instances.json"),
            "{error}"
        );
        let dir = folder(&[("seed.json", r#"{"Widgets": []}"#)]);
        let error = Folder::read_seed_file(&dir.path().join("seed.json"))
            .err()
            .unwrap();
        assert!(
            error.problem.contains("not the output member of any"),
            "{error}"
        );
    }

    #[test]
    fn an_operation_seeded_twice_is_refused() {
        let dir = folder(&[
            ("seed.json", r#"{"Subnets": [{"SubnetId": "subnet-1"}]}"#),
            (
                "describe-subnets.json",
                r#"{"Subnets": [{"SubnetId": "subnet-2"}]}"#,
            ),
        ]);
        let (_, from_file) = Folder::read_seed_file(&dir.path().join("seed.json")).unwrap();
        std::fs::remove_file(dir.path().join("seed.json")).unwrap();
        let mut folder = Folder::read(dir.path()).unwrap();
        let error = folder.merge(from_file).err().unwrap();
        assert!(error.problem.contains("given twice"), "{error}");
    }

    #[test]
    fn inventory_files_feed_the_inventory_and_hold_only_their_own_member() {
        let dir = folder(&[(
            "describe-volumes.json",
            r#"{"Volumes": [{"VolumeId": "vol-1"}]}"#,
        )]);
        let (_, read) = served(&dir).unwrap();
        assert_eq!(read.inventory.volumes.len(), 1);
        let dir = folder(&[(
            "describe-volumes.json",
            r#"{"Snapshots": [{"SnapshotId": "snap-1"}]}"#,
        )]);
        let error = served(&dir).err().unwrap();
        assert_eq!(error.path, "$.Snapshots");
    }
}
