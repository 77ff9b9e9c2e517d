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
        if let Some(fast) = Self::parse_ec2_form(text.as_bytes()) {
            return Ok(fast);
        }
        let text = text.trim();
        let parsed = OffsetDateTime::parse(text, &Rfc3339).map_err(|e| DateTimeError {
            reason: format!("`{}`: {e}", text.chars().take(64).collect::<String>()),
        })?;
        let millis = parsed
            .to_offset(UtcOffset::UTC)
            .unix_timestamp_nanos()
            .div_euclid(1_000_000);
        Self::from_unix_millis(millis as i64)
    }

    /// The forms EC2 itself sends, `YYYY-MM-DDTHH:MM:SS.sssZ` and `YYYY-MM-DDTHH:MM:SSZ`, read by
    /// position: a response carries thousands of them, and the general RFC 3339 parser costs
    /// about thirty times as much. `None` for any other form, and for a leap second or an invalid
    /// date, which the general parser then reads or rejects; the calendar itself is `time`'s.
    fn parse_ec2_form(text: &[u8]) -> Option<DateTime> {
        let millis = match *text {
            [.., b'.', _, _, _, b'Z'] if text.len() == 24 => digits(&text[20..23])?,
            [.., b'Z'] if text.len() == 20 => 0,
            _ => return None,
        };
        let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
        if separators.iter().any(|&(at, byte)| text[at] != byte) {
            return None;
        }
        let month = time::Month::try_from(u8::try_from(digits(&text[5..7])?).ok()?).ok()?;
        let day = u8::try_from(digits(&text[8..10])?).ok()?;
        let (hour, minute, second) = (
            digits(&text[11..13])?,
            digits(&text[14..16])?,
            digits(&text[17..19])?,
        );
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        let year = i32::try_from(digits(&text[0..4])?).ok()?;
        let date = time::Date::from_calendar_date(year, month, day).ok()?;
        let days = i64::from(date.to_julian_day() - UNIX_EPOCH_JULIAN_DAY);
        let seconds = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second);
        Self::from_unix_millis(seconds * 1000 + i64::from(millis)).ok()
    }
}

/// The Julian day number of 1970-01-01.
const UNIX_EPOCH_JULIAN_DAY: i32 = 2_440_588;

/// The value of a run of ASCII digits; `None` if any byte is not one.
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |value, &byte| {
        byte.is_ascii_digit()
            .then(|| value * 10 + u32::from(byte - b'0'))
    })
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

    /// The general RFC 3339 parser alone, to check the fast path against.
    fn parse_with_time(text: &str) -> Option<i64> {
        let parsed = OffsetDateTime::parse(text, &Rfc3339).ok()?;
        let millis = parsed.unix_timestamp_nanos().div_euclid(1_000_000) as i64;
        DateTime::from_unix_millis(millis)
            .ok()
            .map(DateTime::unix_millis)
    }

    #[test]
    fn ec2_forms_outside_the_calendar_fall_back_to_the_general_parser() {
        for text in [
            "2014-02-29T00:00:00Z",
            "2016-02-30T00:00:00.000Z",
            "2014-13-01T00:00:00Z",
            "2014-00-01T00:00:00Z",
            "2014-01-00T00:00:00Z",
            "2014-01-01T24:00:00Z",
            "2014-01-01T00:60:00Z",
            "2014-01-01T00:00:60Z",
            "2014-01-01T00:00:00.00Z",
            "2014-01-01t00:00:00z",
            "+014-01-01T00:00:00Z",
        ] {
            assert_eq!(
                DateTime::parse(text).ok().map(DateTime::unix_millis),
                parse_with_time(text),
                "{text}"
            );
        }
        assert_eq!(
            DateTime::parse("2016-02-29T12:00:00.250Z")
                .unwrap()
                .to_string(),
            "2016-02-29T12:00:00.250Z"
        );
    }

    proptest::proptest! {
        /// Every instant EC2 can send reads back as itself, in both of EC2's forms.
        #[test]
        fn every_rendered_instant_reads_back(millis in MIN_MILLIS..=MAX_MILLIS) {
            let instant = DateTime::from_unix_millis(millis).unwrap();
            let text = instant.to_string();
            proptest::prop_assert_eq!(DateTime::parse_ec2_form(text.as_bytes()), Some(instant));
            proptest::prop_assert_eq!(DateTime::parse(&text), Ok(instant));
            proptest::prop_assert_eq!(parse_with_time(&text), Some(millis));
            let whole_seconds = format!("{}Z", &text[..19]);
            proptest::prop_assert_eq!(
                DateTime::parse(&whole_seconds).map(DateTime::unix_millis),
                Ok(millis.div_euclid(1000) * 1000)
            );
        }

        /// Any text of the fixed shape, valid or not, reads as the general parser reads it.
        #[test]
        fn the_fast_path_agrees_with_the_general_parser(
            fields in proptest::collection::vec(0u32..100, 7),
            year in 0u32..10_000,
            fraction in proptest::option::of(0u32..1000),
        ) {
            let fraction = fraction.map_or(String::new(), |f| format!(".{f:03}"));
            let text = format!(
                "{year:04}-{:02}-{:02}T{:02}:{:02}:{:02}{fraction}Z",
                fields[0] % 14, fields[1] % 33, fields[2] % 26, fields[3] % 62, fields[4] % 62
            );
            proptest::prop_assert_eq!(
                DateTime::parse(&text).ok().map(DateTime::unix_millis),
                parse_with_time(&text),
                "{}", text
            );
        }
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
