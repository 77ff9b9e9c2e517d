//! Files written whole: to a temporary name beside the target, flushed, then renamed over it, so
//! an interrupted capture leaves the old file or the new one, never part of one.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` whole.
///
/// # Errors
/// The folder or the file cannot be written.
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let directory = path.parent().unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(directory)?;
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A dot-name without `.json` at its end: a seed folder ignores it.
    let partial = directory.join(format!(".{name}.partial"));
    let mut file = std::fs::File::create(&partial)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&partial, path)
}

/// Removes the partial files a capture killed while writing left under `folder` (at any depth);
/// how many.
///
/// # Errors
/// A folder cannot be read or a partial file removed.
pub(crate) fn remove_partial(folder: &Path) -> std::io::Result<usize> {
    let mut removed = 0;
    let mut pending = vec![folder.to_path_buf()];
    while let Some(directory) = pending.pop() {
        for entry in std::fs::read_dir(&directory)? {
            let entry = entry?;
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if entry.file_type()?.is_dir() {
                pending.push(path);
            } else if name.starts_with('.') && name.ends_with(".partial") {
                std::fs::remove_file(&path)?;
                removed += 1;
            }
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_partial_files_a_killed_capture_left_are_removed_and_nothing_else() {
        let directory =
            std::env::temp_dir().join(format!("ec2-ops-capture-partial-{}", std::process::id()));
        let region = directory.join("123456789012").join("eu-west-1");
        std::fs::create_dir_all(&region).unwrap();
        std::fs::write(region.join(".describe-volumes.json.partial"), "{\"Vol").unwrap();
        std::fs::write(region.join("describe-subnets.json"), "{}").unwrap();
        assert_eq!(remove_partial(&directory).unwrap(), 1);
        let names: Vec<_> = std::fs::read_dir(&region)
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["describe-subnets.json"]);
        std::fs::remove_dir_all(&directory).unwrap();
    }

    #[test]
    fn a_file_is_replaced_whole_and_no_partial_file_is_left() {
        let directory =
            std::env::temp_dir().join(format!("ec2-ops-capture-files-{}", std::process::id()));
        let path = directory.join("nested").join("describe-volumes.json");
        write_whole(&path, b"{\"Volumes\": []}").unwrap();
        write_whole(&path, b"{\"Volumes\": [{}]}").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"{\"Volumes\": [{}]}");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["describe-volumes.json"]);
        std::fs::remove_dir_all(&directory).unwrap();
    }
}
