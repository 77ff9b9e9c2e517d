//! The one scalar text codec: the text a value has on the wire (what the response XML shows, and so
//! what filters match against), and how that text is read back.
//!
//! [`WireText`] writes; [`FromWireText`] reads. Both wire codecs go through them: the Query decoder
//! (a server reading a request) and the XML parser (a client reading a response) read every
//! non-string scalar with [`FromWireText`], so a value means the same on either wire.
//!
//! ```
//! use ec2_ops_runtime::{FromWireText, WireText};
//!
//! assert_eq!(true.with_wire_text(str::to_owned), "true");
//! assert_eq!(0.0_f64.with_wire_text(str::to_owned), "0.0");
//! assert_eq!(42_i32.with_wire_text(str::to_owned), "42");
//!
//! assert_eq!(i32::from_wire_text(" 42\n").unwrap(), 42);
//! assert!(bool::from_wire_text("yes").is_err());
//! assert_eq!(
//!     i32::from_wire_text("4x").unwrap_err().to_string(),
//!     "`4x` is not an integer",
//! );
//! ```

use std::fmt::{self, Write};

/// A value with an EC2 wire text. The text is handed to a closure so numbers and timestamps can be
/// formatted into a stack buffer instead of a fresh `String` for every comparison.
pub trait WireText {
    /// Calls `f` with the wire text of `self`.
    fn with_wire_text<T>(&self, f: impl FnOnce(&str) -> T) -> T;
}

impl WireText for str {
    fn with_wire_text<T>(&self, f: impl FnOnce(&str) -> T) -> T {
        f(self)
    }
}

impl WireText for String {
    fn with_wire_text<T>(&self, f: impl FnOnce(&str) -> T) -> T {
        f(self)
    }
}

impl WireText for bool {
    fn with_wire_text<T>(&self, f: impl FnOnce(&str) -> T) -> T {
        f(if *self { "true" } else { "false" })
    }
}

impl<W: WireText + ?Sized> WireText for &W {
    fn with_wire_text<T>(&self, f: impl FnOnce(&str) -> T) -> T {
        (**self).with_wire_text(f)
    }
}

macro_rules! integer_wire_text {
    ($($ty:ty),*) => {$(
        impl WireText for $ty {
            fn with_wire_text<T>(&self, f: impl FnOnce(&str) -> T) -> T {
                let mut buffer = StackText::new();
                // A 40-byte buffer holds every integer up to 128 bits, so this cannot fail.
                let _ = write!(buffer, "{self}");
                f(buffer.as_str())
            }
        }
    )*};
}
integer_wire_text!(i8, i16, i32, i64, u8, u16, u32, u64);

/// Doubles in the shortest text that reads back to the same value, with a `.0` on whole numbers as EC2
/// shows them (`<diskImageSize>0.0</diskImageSize>`), and `NaN`, `Infinity`, `-Infinity`. This is
/// Rust's `Debug` form, not Java's: very large and very small magnitudes use Rust's exponent form
/// (`1e16`, `1e-7`) where Java would print `1.0E16`; every AWS SDK reads either.
impl WireText for f64 {
    fn with_wire_text<T>(&self, f: impl FnOnce(&str) -> T) -> T {
        if self.is_nan() {
            return f("NaN");
        }
        if self.is_infinite() {
            return f(if *self > 0.0 { "Infinity" } else { "-Infinity" });
        }
        let mut buffer = StackText::new();
        // The shortest round-trip form of a finite f64 is at most 24 bytes.
        let _ = write!(buffer, "{self:?}");
        f(buffer.as_str())
    }
}

impl WireText for f32 {
    fn with_wire_text<T>(&self, f: impl FnOnce(&str) -> T) -> T {
        f64::from(*self).with_wire_text(f)
    }
}

/// Why a text is not a value of the scalar type it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScalarTextError {
    found: String,
    expected: &'static str,
}

impl ScalarTextError {
    /// `found` is not `expected` (a phrase such as "an integer").
    pub fn new(found: &str, expected: &'static str) -> Self {
        ScalarTextError {
            // Cut so a hostile value cannot make the message arbitrarily large.
            found: found.chars().take(64).collect(),
            expected,
        }
    }

    /// What the text should have been: "an integer", "true or false", "an ISO 8601 timestamp", ...
    pub fn expected(&self) -> &'static str {
        self.expected
    }
}

impl fmt::Display for ScalarTextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not {}", self.found, self.expected)
    }
}

impl std::error::Error for ScalarTextError {}

/// A scalar read back from its wire text: the reading side of [`WireText`]. The Query decoder and the
/// XML parser both read non-string scalars through it.
///
/// **The leniency, in one place.** Surrounding whitespace (as [`str::trim`] sees it) around a
/// number, boolean, timestamp or blob is ignored, since pretty-printed XML and
/// hand-written query strings carry it and it can mean nothing else; everything else must be exact:
/// `true` or `false` in lower case, decimal integers in range, doubles as decimal or exponent
/// notation or exactly `NaN`, `Infinity`, `-Infinity` (what [`WireText`] writes; no `inf`, and no
/// finite text that overflows to infinity), RFC 3339 timestamps, standard padded base64. Strings
/// are taken exactly as sent, whitespace included.
///
/// Only one reader adds to that, and says so where it does: the XML parser reads a boolean that is
/// not `true`/`false` as `false`, as botocore does, so a client never fails on a flag it would read
/// the same way; a server answers such a request member with 400 `InvalidParameterValue`.
///
/// String enums (`#[ec2_shape] enum`) are read by their generated `FromStr`, which takes exactly the
/// listed values; the XML parser trims surrounding whitespace before it, the Query decoder does not
/// (yet: the shape macro's expansion is to move enums onto this trait).
///
pub trait FromWireText: Sized {
    /// Reads `text`.
    ///
    /// # Errors
    /// When `text`, without surrounding whitespace, is not a value of this type.
    fn from_wire_text(text: &str) -> Result<Self, ScalarTextError>;
}

impl FromWireText for String {
    fn from_wire_text(text: &str) -> Result<Self, ScalarTextError> {
        Ok(text.to_owned())
    }
}

impl FromWireText for bool {
    fn from_wire_text(text: &str) -> Result<Self, ScalarTextError> {
        match text.trim() {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(ScalarTextError::new(text, "true or false")),
        }
    }
}

macro_rules! integer_from_wire_text {
    ($($ty:ty),*) => {$(
        impl FromWireText for $ty {
            fn from_wire_text(text: &str) -> Result<Self, ScalarTextError> {
                text.trim()
                    .parse()
                    .map_err(|_| ScalarTextError::new(text, "an integer"))
            }
        }
    )*};
}
integer_from_wire_text!(i8, i16, i32, i64, u8, u16, u32, u64);

impl FromWireText for f64 {
    fn from_wire_text(text: &str) -> Result<Self, ScalarTextError> {
        match text.trim() {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            // Rust also reads `inf`, `nan` and overflowing decimals (as infinity); none of them is
            // what a writer of this codec produces, so none is a number here.
            number => number
                .parse::<f64>()
                .ok()
                .filter(|value| value.is_finite())
                .ok_or_else(|| ScalarTextError::new(text, "a number")),
        }
    }
}

impl FromWireText for f32 {
    fn from_wire_text(text: &str) -> Result<Self, ScalarTextError> {
        // Narrowing is the point: an f32 member holds what an f64 text rounds to.
        f64::from_wire_text(text).map(|value| value as f32)
    }
}

/// A small fixed buffer implementing `fmt::Write`, so scalar formatting never touches the heap.
pub(crate) struct StackText {
    bytes: [u8; 40],
    len: usize,
}

impl StackText {
    pub(crate) fn new() -> Self {
        StackText {
            bytes: [0; 40],
            len: 0,
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only whole `&str`s are ever appended, so the filled part is valid UTF-8.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl Write for StackText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        if end > self.bytes.len() {
            return Err(fmt::Error);
        }
        self.bytes[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text<W: WireText + ?Sized>(value: &W) -> String {
        value.with_wire_text(str::to_owned)
    }

    #[test]
    fn doubles_print_like_ec2() {
        assert_eq!(text(&0.0_f64), "0.0");
        assert_eq!(text(&1.5_f64), "1.5");
        assert_eq!(text(&f64::NAN), "NaN");
        assert_eq!(text(&f64::INFINITY), "Infinity");
        assert_eq!(text(&f64::NEG_INFINITY), "-Infinity");
        assert_eq!(
            text(&-2.2250738585072014e-308_f64),
            "-2.2250738585072014e-308"
        );
        assert_eq!(text(&1e300_f64), "1e300");
    }

    #[test]
    fn integers_and_booleans_print_as_decimal_and_lowercase() {
        assert_eq!(text(&i64::MIN), "-9223372036854775808");
        assert_eq!(text(&u64::MAX), "18446744073709551615");
        assert_eq!(text(&false), "false");
    }

    #[test]
    fn scalars_read_back_what_they_write() {
        for value in [
            0.0_f64,
            1.5,
            -2.2250738585072014e-308,
            1e300,
            1e16,
            f64::INFINITY,
        ] {
            assert_eq!(f64::from_wire_text(&text(&value)).unwrap(), value);
        }
        assert!(f64::from_wire_text(&text(&f64::NAN)).unwrap().is_nan());
        for value in [i64::MIN, 0, i64::MAX] {
            assert_eq!(i64::from_wire_text(&text(&value)).unwrap(), value);
        }
        assert!(bool::from_wire_text(&text(&true)).unwrap());
        assert!(!bool::from_wire_text(&text(&false)).unwrap());
    }

    #[test]
    fn surrounding_whitespace_is_ignored_on_non_string_scalars_only() {
        assert_eq!(i32::from_wire_text(" \t42\r\n").unwrap(), 42);
        assert!(bool::from_wire_text("\ntrue ").unwrap());
        assert_eq!(f64::from_wire_text(" 1.5 ").unwrap(), 1.5);
        assert_eq!(String::from_wire_text(" a ").unwrap(), " a ");
        assert!(i32::from_wire_text("4 2").is_err());
    }

    #[test]
    fn only_the_texts_the_writer_produces_are_accepted() {
        assert!(bool::from_wire_text("True").is_err());
        assert!(bool::from_wire_text("1").is_err());
        assert!(f64::from_wire_text("inf").is_err());
        assert!(f64::from_wire_text("nan").is_err());
        assert!(f64::from_wire_text("1e999").is_err());
        assert!(i32::from_wire_text("2147483648").is_err());
        let error = f64::from_wire_text("x").unwrap_err();
        assert_eq!(error.expected(), "a number");
        assert_eq!(error.to_string(), "`x` is not a number");
    }
}
