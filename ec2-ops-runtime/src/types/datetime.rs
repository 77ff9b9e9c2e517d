//! EC2 timestamps: rendered as `YYYY-MM-DDTHH:MM:SS.sssZ`, parsed from any RFC 3339 form.
//!
//! ```
//! use ec2_ops_runtime::DateTime;
//!
//! let t: DateTime = "2014-04-29T18:30:38.123-01:00".parse().unwrap();
//! assert_eq!(t.to_string(), "2014-04-29T19:30:38.123Z");
//! assert_eq!(DateTime::from_unix_millis(0).unwrap().to_string(), "1970-01-01T00:00:00.000Z");
//! ```

use std::fmt::{self, Write};
use std::str::FromStr;

use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

use crate::types::wire_text::{FromWireText, ScalarTextError, StackText, WireText};

/// A UTC instant with millisecond precision (what EC2 shows), years 0000 to 9999.
///
/// The default is the Unix epoch, `1970-01-01T00:00:00.000Z`: what a request type's `Default` holds
/// for a required timestamp member before one is set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    unix_millis: i64,
}

/// Why a timestamp was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateTimeError {
    reason: String,
}

impl fmt::Display for DateTimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid timestamp: {}", self.reason)
    }
}

impl std::error::Error for DateTimeError {}

// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: the range a fixed four-digit year can show.
const MIN_MILLIS: i64 = -62_167_219_200_000;
const MAX_MILLIS: i64 = 253_402_300_799_999;

impl DateTime {
    /// The instant `millis` milliseconds after the Unix epoch.
    ///
    /// # Errors
    /// When the instant falls outside years 0000-9999.
    pub fn from_unix_millis(millis: i64) -> Result<DateTime, DateTimeError> {
        if (MIN_MILLIS..=MAX_MILLIS).contains(&millis) {
            Ok(DateTime {
                unix_millis: millis,
            })
        } else {
            Err(DateTimeError {
                reason: format!("{millis} ms since the epoch is outside years 0000-9999"),
            })
        }
    }

    /// The instant `seconds` after the Unix epoch, rounded to the millisecond.
    ///
    /// # Errors
    /// When `seconds` is not finite or falls outside years 0000-9999.
    pub fn from_unix_seconds_f64(seconds: f64) -> Result<DateTime, DateTimeError> {
        let millis = (seconds * 1000.0).round();
        if !millis.is_finite() || millis < MIN_MILLIS as f64 || millis > MAX_MILLIS as f64 {
            return Err(DateTimeError {
                reason: format!("{seconds} seconds since the epoch is out of range"),
            });
        }
        Self::from_unix_millis(millis as i64)
    }

    /// Milliseconds since the Unix epoch.
    pub fn unix_millis(self) -> i64 {
        self.unix_millis
    }

    /// The current time, truncated to the millisecond.
    pub fn now() -> DateTime {
        let millis = (OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64;
        DateTime {
            unix_millis: millis.clamp(MIN_MILLIS, MAX_MILLIS),
        }
    }

    fn to_offset_date_time(self) -> OffsetDateTime {
        // In range by construction, so the conversion cannot fail.
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.unix_millis) * 1_000_000)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }

    /// Parses an RFC 3339 timestamp: `2014-04-29T18:30:38Z`, with fractions (`.123456Z`, truncated to
    /// the millisecond) or offsets (`-01:00`).
    ///
    /// # Errors
    /// When the text is not RFC 3339 or the instant is out of range.
    pub fn parse(text: &str) -> Result<DateTime, DateTimeError> {
        let parsed = OffsetDateTime::parse(text.trim(), &Rfc3339).map_err(|e| DateTimeError {
            reason: format!("`{}`: {e}", text.chars().take(64).collect::<String>()),
        })?;
        let millis = parsed
            .to_offset(UtcOffset::UTC)
            .unix_timestamp_nanos()
            .div_euclid(1_000_000);
        Self::from_unix_millis(millis as i64)
    }
}

impl FromStr for DateTime {
    type Err = DateTimeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        DateTime::parse(text)
    }
}

impl WireText for DateTime {
    fn with_wire_text<T>(&self, f: impl FnOnce(&str) -> T) -> T {
        let t = self.to_offset_date_time();
        let mut buffer = StackText::new();
        let _ = write!(
            buffer,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
            t.millisecond()
        );
        f(buffer.as_str())
    }
}

impl FromWireText for DateTime {
    fn from_wire_text(text: &str) -> Result<Self, ScalarTextError> {
        DateTime::parse(text).map_err(|_| ScalarTextError::new(text, "an ISO 8601 timestamp"))
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.with_wire_text(|text| f.write_str(text))
    }
}

impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.with_wire_text(|text| serializer.serialize_str(text))
    }
}

impl<'de> serde::Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = DateTime;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 timestamp such as \"2015-09-15T13:24:35.000Z\"")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<DateTime, E> {
                DateTime::parse(text).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_milliseconds_and_z() {
        let t = DateTime::parse("2013-09-15T17:15:20Z").unwrap();
        assert_eq!(t.to_string(), "2013-09-15T17:15:20.000Z");
    }

    #[test]
    fn accepts_offsets_and_fractions() {
        let t = DateTime::parse("1999-12-31T23:59:59.123456+01:00").unwrap();
        assert_eq!(t.to_string(), "1999-12-31T22:59:59.123Z");
        assert_eq!(
            DateTime::from_unix_seconds_f64(946845296.123)
                .unwrap()
                .unix_millis(),
            946845296123
        );
    }

    #[test]
    fn rejects_garbage_and_out_of_range() {
        assert!(DateTime::parse("yesterday").is_err());
        assert!(DateTime::from_unix_millis(i64::MAX).is_err());
        assert!(DateTime::from_unix_seconds_f64(f64::NAN).is_err());
    }

    #[test]
    fn extremes_render_with_four_digit_years() {
        assert_eq!(
            DateTime::from_unix_millis(MIN_MILLIS).unwrap().to_string(),
            "0000-01-01T00:00:00.000Z"
        );
        assert_eq!(
            DateTime::from_unix_millis(MAX_MILLIS).unwrap().to_string(),
            "9999-12-31T23:59:59.999Z"
        );
    }
}
