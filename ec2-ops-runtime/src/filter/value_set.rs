//! One filter's compiled values: a field matches the filter when it matches any of them.

use crate::filter::pattern::Pattern;
use crate::types::WireText;

/// The compiled values of one filter: a match against any of them is a match.
#[derive(Debug, Clone)]
pub struct ValueSet {
    patterns: Vec<Pattern>,
}

impl ValueSet {
    /// The set of `patterns`.
    pub(crate) fn new(patterns: Vec<Pattern>) -> ValueSet {
        ValueSet { patterns }
    }

    /// Whether `text` matches any value.
    #[inline]
    pub fn matches(&self, text: &str) -> bool {
        // Most filters carry one value: test it without setting up an iterator.
        match self.patterns.as_slice() {
            [only] => only.matches(text),
            patterns => patterns.iter().any(|pattern| pattern.matches(text)),
        }
    }

    /// Whether the wire text of `value` matches any value.
    #[inline]
    pub fn matches_wire<W: WireText + ?Sized>(&self, value: &W) -> bool {
        value.with_wire_text(|text| self.matches(text))
    }
}
