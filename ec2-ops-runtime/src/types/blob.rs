//! Binary members (`uploadPolicy`): base64 on the wire and in JSON.
//!
//! ```
//! use ec2_ops_runtime::Blob;
//!
//! let blob = Blob::from_base64("dmFsdWU=").unwrap();
//! assert_eq!(blob.as_bytes(), b"value");
//! assert_eq!(blob.to_base64(), "dmFsdWU=");
//! ```

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::types::wire_text::{FromWireText, ScalarTextError, WireText};

/// Bytes that travel as base64 text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Blob(Vec<u8>);

/// Text that is not valid base64.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlobError(String);

impl fmt::Display for BlobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid base64: {}", self.0)
    }
}

impl std::error::Error for BlobError {}

impl Blob {
    /// Wraps raw bytes.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Blob {
        Blob(bytes.into())
    }

    /// Decodes standard, padded base64; surrounding whitespace (as in pretty-printed XML) is ignored.
    ///
    /// # Errors
    /// When the text is not valid base64.
    pub fn from_base64(text: &str) -> Result<Blob, BlobError> {
        STANDARD
            .decode(text.trim())
            .map(Blob)
            .map_err(|e| BlobError(e.to_string()))
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Unwraps the bytes.
    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }

    /// Standard, padded base64 text.
    pub fn to_base64(&self) -> String {
        STANDARD.encode(&self.0)
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Blob {
        Blob(bytes)
    }
}

impl FromWireText for Blob {
    fn from_wire_text(text: &str) -> Result<Self, ScalarTextError> {
        Blob::from_base64(text).map_err(|_| ScalarTextError::new(text, "base64"))
    }
}

impl WireText for Blob {
    fn with_wire_text<T>(&self, f: impl FnOnce(&str) -> T) -> T {
        f(&self.to_base64())
    }
}

impl serde::Serialize for Blob {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_base64())
    }
}

impl<'de> serde::Deserialize<'de> for Blob {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Blob::from_base64(&text).map_err(serde::de::Error::custom)
    }
}
