//! A seed folder: one file per operation, named after its AWS CLI command.

use std::path::Path;

use super::{Output, SeedError, SeedInput};
use crate::operations;

/// The inputs of a folder's `*.json` files, in file name order (read later, by the store).
pub(super) fn read(directory: &Path) -> Result<Vec<SeedInput>, SeedError> {
    let unreadable =
        |problem: String| SeedError::new(directory.display().to_string(), "$", problem);
    let entries = std::fs::read_dir(directory)
        .map_err(|error| unreadable(format!("cannot read the folder: {error}")))?;
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
    let mut inputs = Vec::with_capacity(paths.len());
    for path in paths {
        let file = path.display().to_string();
        let stem = path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .unwrap_or_default();
        let Some(action) = operations::action_of_command(stem) else {
            return Err(SeedError::new(
                file,
                "$",
                format!(
                    "`{stem}` is not an EC2 describe command (nor settings read): name each file after the AWS CLI \
                     command whose output it holds (`describe-subnets.json`)"
                ),
            ));
        };
        inputs.push(SeedInput {
            action,
            source: format!("{file} ({action})"),
            output: Output::File(path),
        });
    }
    Ok(inputs)
}
