//! A resource tag: a key and a value.

use serde::{Deserialize, Serialize};

/// A resource tag (`<item><key/><value/></item>` in a `<tagSet>`).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Tag {
    /// The tag key.
    #[serde(default)]
    pub key: String,
    /// The tag value.
    #[serde(default)]
    pub value: String,
}

impl Tag {
    /// A tag `key` = `value`.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Tag {
        Tag {
            key: key.into(),
            value: value.into(),
        }
    }
}
