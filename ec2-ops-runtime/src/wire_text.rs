//! The text a value has on the wire: what the response XML shows, and so what filters match against.
//!
//! ```
//! use ec2_ops_runtime::WireText;
//!
//! assert_eq!(true.with_wire_text(str::to_owned), "true");
//! assert_eq!(0.0_f64.with_wire_text(str::to_owned), "0.0");
//! assert_eq!(42_i32.with_wire_text(str::to_owned), "42");
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

/// Doubles as EC2 (Java) prints them: `0.0`, `1.5`, `1.0E16`-style values as `1e16`, and `NaN`,
/// `Infinity`, `-Infinity`. Rust's `Debug` form is the shortest text that reads back to the same
/// value, with a `.0` on whole numbers as EC2 shows (`<diskImageSize>0.0</diskImageSize>`).
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
}
