//! Seed folders holding several accounts and regions: `<account>/<region>/describe-*.json`, and
//! the layout CloudMapper's `collect` writes, `account-data/<account>/<region>/ec2-describe-*.json`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Output, Seed, SeedError, SeedInput};
use crate::operations;
use crate::region::is_region_name;

/// Which account a folder's seeds are, as its name says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountOf {
    /// The account the endpoint serves by default: a flat folder's, a seed given in code.
    Default,
    /// This account ID (a folder named by it, or named in CloudMapper's `config.json`).
    Id(String),
    /// The account whose resources the seeds of this name show by their owners (a CloudMapper
    /// folder named by the account's name, without a `config.json` naming its ID).
    ShownBy(String),
}

/// One account's seed in one region.
#[derive(Debug, Clone)]
pub struct ScopedSeed {
    /// The account.
    pub account: AccountOf,
    /// The region; `None` for the endpoint's default region.
    pub region: Option<String>,
    /// The data.
    pub seed: Seed,
}

/// Whether `name` is an account ID: twelve digits.
pub fn is_account_id(name: &str) -> bool {
    name.len() == 12 && name.bytes().all(|byte| byte.is_ascii_digit())
}

/// The seeds a folder holds, by its layout:
///
/// - `account-data/` inside it: CloudMapper's `collect` output, `account-data/<account>/<region>/`
///   holding `ec2-describe-*.json` (other services' files are skipped) and, for calls made per
///   resource, `ec2-describe-*/` folders of one output per file. An account folder named by twelve
///   digits is that account; another name is looked up in CloudMapper's `config.json` beside
///   `account-data/` (`{"accounts": [{"id", "name"}]}`), else the account is the one its
///   resources show.
/// - folders named by account IDs: `<account>/<region>/describe-*.json`, each region's folder a
///   flat seed folder.
/// - otherwise a flat folder ([`Seed::from_dir`]): one account and one region, the endpoint's
///   defaults.
///
/// # Errors
/// A folder cannot be listed; a file's name is no command; an account folder holds something
/// other than region folders.
pub fn read(directory: &Path) -> Result<Vec<ScopedSeed>, SeedError> {
    let cloudmapper = directory.join("account-data");
    if cloudmapper.is_dir() {
        return cloudmapper_tree(directory, &cloudmapper);
    }
    let accounts: Vec<PathBuf> = subfolders(directory)?
        .into_iter()
        .filter(|path| is_account_id(&file_name(path)))
        .collect();
    if accounts.is_empty() {
        return Ok(vec![ScopedSeed {
            account: AccountOf::Default,
            region: None,
            seed: Seed::from_dir(directory)?,
        }]);
    }
    let mut seeds = Vec::new();
    for account in accounts {
        if let Some(stray) = json_files(&account)?.into_iter().next() {
            return Err(SeedError::new(
                stray.display().to_string(),
                "$",
                "an account's folder holds one folder per region (`<account>/<region>/\
                 describe-*.json`): move the file into its region's folder",
            ));
        }
        for region in subfolders(&account)? {
            let name = file_name(&region);
            if !is_region_name(&name) {
                return Err(SeedError::new(
                    region.display().to_string(),
                    "$",
                    format!("`{name}` is not a region name (such as us-east-1)"),
                ));
            }
            seeds.push(ScopedSeed {
                account: AccountOf::Id(file_name(&account)),
                region: Some(name),
                seed: Seed::from_dir(&region)?,
            });
        }
    }
    Ok(seeds)
}

/// CloudMapper's `account-data/<account>/<region>/ec2-*.json`.
fn cloudmapper_tree(directory: &Path, data: &Path) -> Result<Vec<ScopedSeed>, SeedError> {
    let ids = cloudmapper_ids(&directory.join("config.json"))?;
    let mut seeds = Vec::new();
    for account in subfolders(data)? {
        let name = file_name(&account);
        let of = if is_account_id(&name) {
            AccountOf::Id(name.clone())
        } else if let Some(id) = ids.get(&name) {
            AccountOf::Id(id.clone())
        } else {
            AccountOf::ShownBy(name.clone())
        };
        for region in subfolders(&account)? {
            let region_name = file_name(&region);
            if !is_region_name(&region_name) {
                continue;
            }
            let inputs = cloudmapper_region(&region)?;
            if inputs.is_empty() {
                continue;
            }
            seeds.push(ScopedSeed {
                account: of.clone(),
                region: Some(region_name),
                seed: Seed { inputs },
            });
        }
    }
    Ok(seeds)
}

/// The account IDs CloudMapper's `config.json` gives its account names, if the file is there.
fn cloudmapper_ids(config: &Path) -> Result<BTreeMap<String, String>, SeedError> {
    #[derive(serde::Deserialize)]
    struct Config {
        #[serde(default)]
        accounts: Vec<Account>,
    }
    #[derive(serde::Deserialize)]
    struct Account {
        id: serde_json::Value,
        name: String,
    }
    let Ok(text) = std::fs::read_to_string(config) else {
        return Ok(BTreeMap::new());
    };
    let source = config.display().to_string();
    let config: Config = serde_json::from_str(&text).map_err(|error| {
        SeedError::new(&source, "$", format!("not CloudMapper's config: {error}"))
    })?;
    let mut ids = BTreeMap::new();
    for account in config.accounts {
        // CloudMapper's example writes IDs as strings; a number loses no digit up to twelve.
        let id = match account.id {
            serde_json::Value::String(id) => id,
            serde_json::Value::Number(id) => format!("{id:0>12}"),
            _ => String::new(),
        };
        if !is_account_id(&id) {
            return Err(SeedError::new(
                &source,
                "$.accounts",
                format!("account `{}` has no 12-digit ID", account.name),
            ));
        }
        ids.insert(account.name, id);
    }
    Ok(ids)
}

/// One CloudMapper region folder's EC2 outputs: `ec2-<command>.json` files, and `ec2-<command>/`
/// folders of one output per file (read now, as one array of outputs).
fn cloudmapper_region(region: &Path) -> Result<Vec<SeedInput>, SeedError> {
    let mut inputs = Vec::new();
    for path in json_files(region)? {
        let stem = path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .unwrap_or_default();
        let Some(action) = stem
            .strip_prefix("ec2-")
            .and_then(operations::action_of_command)
        else {
            continue;
        };
        inputs.push(SeedInput {
            action,
            source: format!("{} ({action})", path.display()),
            output: Output::File(path),
        });
    }
    for folder in subfolders(region)? {
        let name = file_name(&folder);
        let Some(action) = name
            .strip_prefix("ec2-")
            .and_then(operations::action_of_command)
        else {
            continue;
        };
        let mut outputs = Vec::new();
        for file in files(&folder)? {
            let text = std::fs::read_to_string(&file).map_err(|error| {
                SeedError::new(
                    file.display().to_string(),
                    "$",
                    format!("cannot read the file: {error}"),
                )
            })?;
            outputs.push(text);
        }
        if outputs.is_empty() {
            continue;
        }
        inputs.push(SeedInput {
            action,
            source: format!("{} ({action}, one output per file)", folder.display()),
            output: Output::Text(Arc::from(format!("[{}]", outputs.join(",")))),
        });
    }
    Ok(inputs)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn listed(directory: &Path) -> Result<Vec<PathBuf>, SeedError> {
    let unreadable =
        |problem: String| SeedError::new(directory.display().to_string(), "$", problem);
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(directory)
        .map_err(|error| unreadable(format!("cannot read the folder: {error}")))?
    {
        paths.push(
            entry
                .map_err(|error| unreadable(format!("cannot list the folder: {error}")))?
                .path(),
        );
    }
    paths.sort();
    Ok(paths)
}

fn subfolders(directory: &Path) -> Result<Vec<PathBuf>, SeedError> {
    Ok(listed(directory)?
        .into_iter()
        .filter(|path| path.is_dir())
        .collect())
}

fn files(directory: &Path) -> Result<Vec<PathBuf>, SeedError> {
    Ok(listed(directory)?
        .into_iter()
        .filter(|path| path.is_file())
        .collect())
}

fn json_files(directory: &Path) -> Result<Vec<PathBuf>, SeedError> {
    Ok(files(directory)?
        .into_iter()
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_ids_are_twelve_digits() {
        assert!(is_account_id("111122223333"));
        assert!(!is_account_id("11112222333"));
        assert!(!is_account_id("1111222233334"));
        assert!(!is_account_id("11112222333a"));
        assert!(!is_account_id("production"));
    }
}
