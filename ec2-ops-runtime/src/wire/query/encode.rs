//! Query encoding (a client writing a request): byte-for-byte what botocore sends.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::types::{Blob, DateTime, Filter, Tag, WireText};
use crate::wire::version::API_VERSION;

/// RFC 3986 unreserved characters stay as they are; everything else is percent-encoded (botocore).
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Writes a request body as botocore does.
#[derive(Debug, Clone)]
pub struct QueryWriter {
    body: String,
}

impl QueryWriter {
    /// A body that starts with `Action=<action>&Version=2016-11-15`.
    pub fn new(action: &str) -> QueryWriter {
        Self::with_version(action, API_VERSION)
    }

    /// A body for another API version (the protocol test vectors use `2020-01-08`).
    pub fn with_version(action: &str, version: &str) -> QueryWriter {
        let mut writer = QueryWriter {
            body: String::with_capacity(128),
        };
        writer.param("Action", action);
        writer.param("Version", version);
        writer
    }

    /// Appends `key=value`, both escaped.
    pub fn param(&mut self, key: &str, value: &str) {
        if !self.body.is_empty() {
            self.body.push('&');
        }
        // The encoders yield borrowed runs of the input between escapes: appending them directly
        // skips the formatting machinery `write!` would add per pair.
        self.body.extend(utf8_percent_encode(key, UNRESERVED));
        self.body.push('=');
        self.body.extend(utf8_percent_encode(value, UNRESERVED));
    }

    /// The body.
    pub fn finish(self) -> String {
        self.body
    }
}

/// The key of member `name` under `prefix` (`Parent.Child`, or `Child` at the top).
pub fn member_key(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}.{name}")
    }
}

/// A type that can be encoded as Query parameters.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be written as Query parameters",
    note = "request members need the Query codec: an `#[ec2_shape]` has it unless it is declared `#[ec2_shape(response_only)]`"
)]
pub trait QueryEncode {
    /// Writes `self` under `key`.
    fn encode_query(&self, key: &str, writer: &mut QueryWriter);
}

macro_rules! wire_text_query_encode {
    ($($ty:ty),*) => {$(
        impl QueryEncode for $ty {
            fn encode_query(&self, key: &str, writer: &mut QueryWriter) {
                self.with_wire_text(|text| writer.param(key, text));
            }
        }
    )*};
}
wire_text_query_encode!(String, str, bool, i32, i64, f64, Blob);

/// Timestamps in requests are ISO 8601 without milliseconds unless they are non-zero, as botocore
/// writes them (`2015-01-25T08:00:00Z`).
impl QueryEncode for DateTime {
    fn encode_query(&self, key: &str, writer: &mut QueryWriter) {
        self.with_wire_text(|text| {
            let text = text
                .strip_suffix(".000Z")
                .map_or_else(|| text.replace('Z', "000Z"), |whole| format!("{whole}Z"));
            writer.param(key, &text);
        });
    }
}

impl<T: QueryEncode> QueryEncode for Option<T> {
    fn encode_query(&self, key: &str, writer: &mut QueryWriter) {
        if let Some(value) = self {
            value.encode_query(key, writer);
        }
    }
}

impl<T: QueryEncode + ?Sized> QueryEncode for Box<T> {
    fn encode_query(&self, key: &str, writer: &mut QueryWriter) {
        (**self).encode_query(key, writer);
    }
}

impl<T: QueryEncode> QueryEncode for Vec<T> {
    fn encode_query(&self, key: &str, writer: &mut QueryWriter) {
        for (index, item) in self.iter().enumerate() {
            item.encode_query(&format!("{key}.{}", index + 1), writer);
        }
    }
}

impl QueryEncode for Filter {
    fn encode_query(&self, key: &str, writer: &mut QueryWriter) {
        self.name.encode_query(&member_key(key, "Name"), writer);
        self.values.encode_query(&member_key(key, "Value"), writer);
    }
}

impl QueryEncode for Tag {
    fn encode_query(&self, key: &str, writer: &mut QueryWriter) {
        self.key.encode_query(&member_key(key, "Key"), writer);
        self.value.encode_query(&member_key(key, "Value"), writer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::DateTime;

    #[test]
    fn encoder_escapes_like_botocore() {
        let mut writer = QueryWriter::new("DescribeBundleTasks");
        "my bucket/*+=~".encode_query("Filter.2.Value.1", &mut writer);
        assert_eq!(
            writer.finish(),
            "Action=DescribeBundleTasks&Version=2016-11-15&Filter.2.Value.1=my%20bucket%2F%2A%2B%3D~"
        );
    }

    #[test]
    fn timestamps_encode_without_zero_milliseconds() {
        let mut writer = QueryWriter::new("X");
        DateTime::from_unix_millis(1_422_172_800_000)
            .unwrap()
            .encode_query("T", &mut writer);
        DateTime::from_unix_millis(1_422_172_800_123)
            .unwrap()
            .encode_query("U", &mut writer);
        assert_eq!(
            writer.finish(),
            "Action=X&Version=2016-11-15&T=2015-01-25T08%3A00%3A00Z&U=2015-01-25T08%3A00%3A00.123000Z"
        );
    }
}
