//! The error of reading a string enum (`#[ec2_shape] enum`) from a text it does not list.

/// A text that is not one of a string enum's values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEnumValue {
    found: String,
    expected: &'static [&'static str],
}

impl UnknownEnumValue {
    /// `found` is not one of `expected`.
    pub fn new(found: &str, expected: &'static [&'static str]) -> Self {
        UnknownEnumValue {
            // A hostile response cannot make the message arbitrarily large.
            found: found.chars().take(128).collect(),
            expected,
        }
    }
}

impl std::fmt::Display for UnknownEnumValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown value `{}`, expected one of: {}",
            self.found,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownEnumValue {}
