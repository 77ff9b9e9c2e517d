//! One filter's compiled values: a field matches the filter when it matches any of them.

use crate::filter::pattern::{Literal, Pattern};
use crate::types::WireText;

/// The compiled values of one filter: a match against any of them is a match.
///
/// Most filters carry one value without wildcards, `prefix*` or `*suffix`, or a few plain values:
/// those are held apart so that matching them is a comparison or two inlined into the field's
/// test, with no dispatch over a list of patterns.
#[derive(Debug, Clone)]
pub struct ValueSet {
    shape: Shape,
}

#[derive(Debug, Clone)]
enum Shape {
    /// One value without wildcards.
    Exact(Box<str>),
    /// One `literal*` value.
    Prefix(Box<str>),
    /// One `*literal` value.
    Suffix(Box<str>),
    /// Several values, none with a wildcard (`state=running,stopped`).
    OneOf(Box<[Box<str>]>),
    /// Any other value, or several (none: nothing matches).
    Patterns(Box<[Pattern]>),
}

impl ValueSet {
    /// The set of `patterns`.
    pub(crate) fn new(patterns: Vec<Pattern>) -> ValueSet {
        let shape = match patterns.as_slice() {
            [only] => match only.literal() {
                Some(Literal::Exact(literal)) => Shape::Exact(literal.into()),
                Some(Literal::Prefix(literal)) => Shape::Prefix(literal.into()),
                Some(Literal::Suffix(literal)) => Shape::Suffix(literal.into()),
                None => Shape::Patterns(patterns.into_boxed_slice()),
            },
            [_, _, ..] => match patterns
                .iter()
                .map(|pattern| match pattern.literal() {
                    Some(Literal::Exact(literal)) => Some(Box::from(literal)),
                    _ => None,
                })
                .collect::<Option<Box<[Box<str>]>>>()
            {
                Some(literals) => Shape::OneOf(literals),
                None => Shape::Patterns(patterns.into_boxed_slice()),
            },
            [] => Shape::Patterns(Box::default()),
        };
        ValueSet { shape }
    }

    /// How much a test against this set costs, relatively: no values (nothing can match) first,
    /// then one comparison, a few, a general scan.
    pub(crate) fn cost(&self) -> u8 {
        match &self.shape {
            Shape::Patterns(patterns) if patterns.is_empty() => 0,
            Shape::Exact(_) | Shape::Prefix(_) | Shape::Suffix(_) => 1,
            Shape::OneOf(_) => 2,
            Shape::Patterns(_) => 3,
        }
    }

    /// Whether `text` matches any value.
    #[inline]
    pub fn matches(&self, text: &str) -> bool {
        match &self.shape {
            Shape::Exact(literal) => text == &**literal,
            Shape::Prefix(literal) => text.starts_with(&**literal),
            Shape::Suffix(literal) => text.ends_with(&**literal),
            Shape::OneOf(literals) => equals_any(literals, text),
            Shape::Patterns(patterns) => matches_any(patterns, text),
        }
    }

    /// Whether the wire text of `value` matches any value.
    #[inline]
    pub fn matches_wire<W: WireText + ?Sized>(&self, value: &W) -> bool {
        value.with_wire_text(|text| self.matches(text))
    }
}

/// Kept out of line, as [`matches_any`] is: inlined, the loop made every field's test larger and
/// the single-value filters 30% slower (callgrind).
#[inline(never)]
fn equals_any(literals: &[Box<str>], text: &str) -> bool {
    literals.iter().any(|literal| text == &**literal)
}

/// Kept out of line so the single-value shapes stay small where they are inlined.
#[inline(never)]
fn matches_any(patterns: &[Pattern], text: &str) -> bool {
    patterns.iter().any(|pattern| pattern.matches(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(values: &[&str]) -> ValueSet {
        ValueSet::new(
            values
                .iter()
                .map(|v| Pattern::compile(v).unwrap())
                .collect(),
        )
    }

    #[test]
    fn common_value_lists_take_their_own_shape() {
        assert!(matches!(set(&["complete"]).shape, Shape::Exact(_)));
        assert!(matches!(set(&[r"my\*-*"]).shape, Shape::Prefix(ref l) if &**l == "my*-"));
        assert!(matches!(set(&["*-7"]).shape, Shape::Suffix(ref l) if &**l == "-7"));
        assert!(matches!(set(&["*-7*"]).shape, Shape::Patterns(_)));
        assert!(matches!(set(&["a", "b"]).shape, Shape::OneOf(ref l) if l.len() == 2));
        assert!(matches!(set(&["a", "b*"]).shape, Shape::Patterns(_)));
        assert!(matches!(set(&[]).shape, Shape::Patterns(ref p) if p.is_empty()));
    }

    #[test]
    fn every_shape_matches_as_its_patterns_do() {
        let texts = [
            "",
            "complete",
            "completed",
            "my*-bucket",
            "my-bucket",
            "db-7",
            "b",
        ];
        for values in [
            &["complete"][..],
            &[r"my\*-*"],
            &["*-7"],
            &["*-7*"],
            &["a", "b"],
            &["a", "b*"],
            &["completed", "complete", "b"],
            &[],
            &["*"],
            &["c?mplete*"],
        ] {
            let patterns: Vec<Pattern> = values
                .iter()
                .map(|v| Pattern::compile(v).unwrap())
                .collect();
            for text in texts {
                assert_eq!(
                    set(values).matches(text),
                    patterns.iter().any(|p| p.matches(text)),
                    "{values:?} against {text:?}"
                );
            }
        }
    }
}
