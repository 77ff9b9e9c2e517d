//! EC2 filter-value wildcards, compiled once per request.
//!
//! - `*` matches any run of characters, including the empty one;
//! - `?` matches exactly one character (a Unicode scalar value, not a byte);
//! - `\*`, `\?` and `\\` stand for a literal `*`, `?` and `\`;
//! - any other backslash escape (and a trailing lone `\`) is rejected with EC2's
//!   `InvalidParameterValue` "Invalid filter value: The escape sequence '\d' is invalid";
//! - every other character, `[` and `]` included, is literal.
//!
//! Common shapes get a fast path so a plain value costs one string comparison; matching never
//! allocates.
//!
//! ```
//! use ec2_ops_runtime::Pattern;
//!
//! let pattern = Pattern::compile(r"web-?-\*prod*").unwrap();
//! assert!(pattern.matches("web-1-*prod-eu"));
//! assert!(!pattern.matches("web-12-*prod"));
//! assert!(Pattern::compile(r"\d").is_err());
//! ```

use crate::error::Ec2Error;

/// A compiled filter value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// No wildcard: plain equality.
    Exact(Box<str>),
    /// `lit*`.
    Prefix(Box<str>),
    /// `*lit`.
    Suffix(Box<str>),
    /// `*lit*`.
    Contains(Box<str>),
    /// Only stars: everything matches.
    Anything,
    /// Anything else, as a token sequence matched by a backtracking-over-stars scan.
    General(Box<[Token]>),
}

/// A pattern that is one literal compared one way.
pub(crate) enum Literal<'p> {
    Exact(&'p str),
    Prefix(&'p str),
    Suffix(&'p str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Literal(Box<str>),
    AnyOne,
    AnyRun,
}

impl Pattern {
    /// Compiles an EC2 filter value.
    ///
    /// # Errors
    /// `InvalidParameterValue` for a backslash escape other than `\*`, `\?`, `\\`.
    pub fn compile(value: &str) -> Result<Pattern, Ec2Error> {
        let tokens = tokenize(value)?;
        Ok(Pattern {
            kind: classify(tokens),
        })
    }

    /// The value's literal, when it is a plain value, `literal*` or `*literal`.
    pub(crate) fn literal(&self) -> Option<Literal<'_>> {
        match &self.kind {
            Kind::Exact(literal) => Some(Literal::Exact(literal)),
            Kind::Prefix(literal) => Some(Literal::Prefix(literal)),
            Kind::Suffix(literal) => Some(Literal::Suffix(literal)),
            _ => None,
        }
    }

    /// Whether `text` matches the whole pattern.
    #[inline]
    pub fn matches(&self, text: &str) -> bool {
        match &self.kind {
            Kind::Exact(literal) => text == &**literal,
            Kind::Prefix(literal) => text.starts_with(&**literal),
            Kind::Suffix(literal) => text.ends_with(&**literal),
            Kind::Contains(literal) => contains(text, literal),
            Kind::Anything => true,
            Kind::General(tokens) => match_tokens(tokens, text),
        }
    }
}

fn tokenize(value: &str) -> Result<Vec<Token>, Ec2Error> {
    let mut tokens = Vec::new();
    let mut literal = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        let wildcard = match c {
            '*' => Token::AnyRun,
            '?' => Token::AnyOne,
            '\\' => {
                match chars.next() {
                    Some(escaped @ ('*' | '?' | '\\')) => literal.push(escaped),
                    Some(other) => return Err(Ec2Error::invalid_escape(&format!("\\{other}"))),
                    None => return Err(Ec2Error::invalid_escape("\\")),
                }
                continue;
            }
            other => {
                literal.push(other);
                continue;
            }
        };
        if !literal.is_empty() {
            tokens.push(Token::Literal(std::mem::take(&mut literal).into()));
        }
        // `**` means the same as `*`; folding keeps the matcher's backtracking simple.
        if !(matches!(wildcard, Token::AnyRun) && matches!(tokens.last(), Some(Token::AnyRun))) {
            tokens.push(wildcard);
        }
    }
    if !literal.is_empty() || tokens.is_empty() {
        tokens.push(Token::Literal(literal.into()));
    }
    Ok(tokens)
}

fn classify(tokens: Vec<Token>) -> Kind {
    use Token::{AnyRun, Literal};
    match tokens.as_slice() {
        [Literal(l)] => Kind::Exact(l.clone()),
        [AnyRun] => Kind::Anything,
        [Literal(l), AnyRun] => Kind::Prefix(l.clone()),
        [AnyRun, Literal(l)] => Kind::Suffix(l.clone()),
        [AnyRun, Literal(l), AnyRun] => Kind::Contains(l.clone()),
        _ => Kind::General(tokens.into_boxed_slice()),
    }
}

/// Substring search is large once inlined; kept out of line so the common exact and prefix checks in
/// [`Pattern::matches`] stay small enough to inline into the filter loop without a heavy stack frame.
#[inline(never)]
fn contains(text: &str, literal: &str) -> bool {
    text.contains(literal)
}

/// Glob matching with a single remembered star: on a mismatch, the last `*` absorbs one more character
/// and the scan resumes after it. Linear in practice, O(pattern x text) at worst, never allocates.
/// Out of line for the same reason as [`contains`].
#[inline(never)]
fn match_tokens(tokens: &[Token], text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut token_at = 0;
    let mut text_at = 0;
    // (token index after the star, text position the star's run currently ends at)
    let mut backtrack: Option<(usize, usize)> = None;
    loop {
        let advanced = match tokens.get(token_at) {
            Some(Token::AnyRun) => {
                backtrack = Some((token_at + 1, text_at));
                token_at += 1;
                continue;
            }
            Some(Token::AnyOne) => match bytes.get(text_at) {
                // One character: one byte when ASCII, else its UTF-8 length.
                Some(&byte) if byte.is_ascii() => {
                    text_at += 1;
                    true
                }
                Some(_) => {
                    text_at += text[text_at..].chars().next().map_or(1, char::len_utf8);
                    true
                }
                None => false,
            },
            Some(Token::Literal(literal)) => {
                // `text_at` is always on a character boundary, so comparing bytes is exact.
                if bytes[text_at..].starts_with(literal.as_bytes()) {
                    text_at += literal.len();
                    true
                } else {
                    false
                }
            }
            None => {
                if text_at == text.len() {
                    return true;
                }
                false
            }
        };
        if advanced {
            token_at += 1;
            continue;
        }
        match backtrack {
            Some((resume_token, run_end)) => match text[run_end..].chars().next() {
                Some(c) => {
                    let mut run_end = run_end + c.len_utf8();
                    // When a literal follows the star, the run can only end where that literal
                    // starts: jump to its next occurrence (a memchr-backed search) rather than
                    // retrying at every character.
                    if let Some(Token::Literal(literal)) = tokens.get(resume_token) {
                        match find_literal(&text[run_end..], literal) {
                            Some(offset) => run_end += offset,
                            None => return false,
                        }
                    }
                    backtrack = Some((resume_token, run_end));
                    token_at = resume_token;
                    text_at = run_end;
                }
                None => return false,
            },
            None => return false,
        }
    }
}

/// Where `literal` next starts in `text`. A one-byte literal (the usual `*-4?`) is one `memchr`;
/// a longer one goes to `memchr::memmem`, linear at worst like `str::find` but without building
/// its searcher on every call (which cost more than the search on short values). A match starts
/// where `literal`'s first character does, so always on a character boundary of `text`.
fn find_literal(text: &str, literal: &str) -> Option<usize> {
    match literal.as_bytes() {
        [byte] => memchr::memchr(*byte, text.as_bytes()),
        bytes => memchr::memmem::find(text.as_bytes(), bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(pattern: &str, text: &str) -> bool {
        Pattern::compile(pattern).unwrap().matches(text)
    }

    #[test]
    fn plain_value_matches_only_itself_case_sensitively() {
        assert!(m("complete", "complete"));
        assert!(!m("complete", "Complete"));
        assert!(!m("complete", "completed"));
    }

    #[test]
    fn star_matches_any_run_including_empty() {
        assert!(m("bun-*", "bun-"));
        assert!(m("bun-*", "bun-123"));
        assert!(m("*-123", "bun-123"));
        assert!(m("*un*", "bun-123"));
        assert!(m("*", ""));
        assert!(m("a*b*c", "abc"));
        assert!(m("a*b*c", "aXXbYYc"));
        assert!(!m("a*b*c", "aXXbYY"));
    }

    #[test]
    fn question_mark_matches_exactly_one_character() {
        assert!(m("database?", "database1"));
        assert!(!m("database?", "database"));
        assert!(!m("database?", "database12"));
    }

    #[test]
    fn question_mark_counts_characters_not_bytes() {
        assert!(m("caf?", "café"));
        assert!(m("?", "€"));
        assert!(!m("??", "€"));
    }

    #[test]
    fn escapes_make_wildcards_and_backslash_literal() {
        assert!(m(r"\*amazon\?\\", r"*amazon?\"));
        assert!(!m(r"\*amazon\?\\", r"Xamazon?\"));
        assert!(!m(r"\*", "anything"));
    }

    #[test]
    fn other_escapes_are_rejected_with_ec2_wording() {
        let err = Pattern::compile(r"a\d").unwrap_err();
        assert_eq!(err.code(), "InvalidParameterValue");
        assert_eq!(
            err.message(),
            r"Invalid filter value: The escape sequence '\d' is invalid"
        );
        assert!(Pattern::compile("trailing\\").is_err());
    }

    #[test]
    fn brackets_are_literal() {
        assert!(m("[abc]", "[abc]"));
        assert!(!m("[abc]", "a"));
    }

    #[test]
    fn empty_value_matches_only_empty_text() {
        assert!(m("", ""));
        assert!(!m("", "x"));
    }

    #[test]
    fn a_star_followed_by_a_literal_finds_each_later_occurrence() {
        assert!(m("w?b*4?", "web-0040"));
        assert!(m("*ab", "aab"));
        assert!(m("*aab", "aaab"));
        assert!(m("x*-é-*z", "x-é-a-é-z"));
        assert!(!m("*é?", "aé"));
        assert!(m("*é?", "aéé"));
    }

    /// Glob matching by its definition, character by character over every split: slow and
    /// obviously right.
    fn reference(pattern: &[char], text: &[char]) -> bool {
        match pattern.split_first() {
            None => text.is_empty(),
            Some(('*', rest)) => (0..=text.len()).any(|skip| reference(rest, &text[skip..])),
            Some(('?', rest)) => !text.is_empty() && reference(rest, &text[1..]),
            Some((c, rest)) => text.first() == Some(c) && reference(rest, &text[1..]),
        }
    }

    proptest::proptest! {
        #[test]
        fn wildcards_match_as_their_definition_says(
            pattern in "[ab€*?]{0,7}",
            text in "[ab€]{0,9}",
        ) {
            let chars = |s: &str| s.chars().collect::<Vec<_>>();
            proptest::prop_assert_eq!(m(&pattern, &text), reference(&chars(&pattern), &chars(&text)));
        }
    }
}
