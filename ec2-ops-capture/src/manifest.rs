//! The capture's record of itself (`capture-manifest.json` in the output folder): the account,
//! and for each region the operations captured (with how many items) and those EC2 refused (with
//! its code). A rerun reads it and makes only the calls not yet answered, so an interrupted
//! capture continues where it stopped. It is rewritten whole after every answer.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::files;

/// The manifest's file name in the output folder.
pub const MANIFEST: &str = "capture-manifest.json";

/// What one call came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum Outcome {
    /// Written to the region's folder, with this many items in its list (0 for an answer that is
    /// no list).
    Captured {
        /// Items in the answer's list.
        items: usize,
    },
    /// EC2 refused the call (`UnauthorizedOperation`, `OptInRequired`, ...): recorded, not
    /// retried, no file written.
    Refused {
        /// EC2's error code.
        code: String,
        /// EC2's message.
        message: String,
    },
}

/// What a capture has done so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The account captured (the folder under the output folder).
    pub account_id: Option<String>,
    /// Per region, per action, what the call came to.
    pub regions: BTreeMap<String, BTreeMap<String, Outcome>>,
}

impl Manifest {
    /// The manifest of the capture in `out`, if one was begun there.
    ///
    /// # Errors
    /// The file exists but cannot be read or is not a manifest.
    pub fn read(out: &Path) -> Result<Option<Manifest>, String> {
        let path = out.join(MANIFEST);
        match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text)
                .map(Some)
                .map_err(|error| format!("{}: not a capture manifest: {error}", path.display())),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(format!("{}: {error}", path.display())),
        }
    }

    /// Writes the manifest into `out`, whole.
    ///
    /// # Errors
    /// The file cannot be written.
    pub fn write(&self, out: &Path) -> std::io::Result<()> {
        let text = serde_json::to_string_pretty(self).expect("a manifest is JSON");
        files::write_whole(&out.join(MANIFEST), text.as_bytes())
    }

    /// What `action` came to in `region`, if it was answered.
    pub fn outcome(&self, region: &str, action: &str) -> Option<&Outcome> {
        self.regions.get(region)?.get(action)
    }

    /// Records what `action` came to in `region`.
    pub fn record(&mut self, region: &str, action: &str, outcome: Outcome) {
        self.regions
            .entry(region.to_owned())
            .or_default()
            .insert(action.to_owned(), outcome);
    }

    /// The folder of `region`'s seed files under `out`.
    pub fn region_folder(&self, out: &Path, region: &str) -> Option<PathBuf> {
        Some(out.join(self.account_id.as_ref()?).join(region))
    }
}
