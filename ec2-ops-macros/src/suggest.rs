//! "did you mean `x`?" for misspelled keys.

/// The Levenshtein distance between two short strings.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The closest of `choices` to `found`, when it is close enough to be a likely typo.
pub fn closest<'a>(found: &str, choices: &[&'a str]) -> Option<&'a str> {
    choices
        .iter()
        .map(|choice| (distance(found, choice), *choice))
        .filter(|(d, choice)| *d <= 2.max(choice.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, choice)| choice)
}

/// "expected one of: `a`, `b`; did you mean `c`?"
pub fn unknown_message(what: &str, found: &str, choices: &[&str]) -> String {
    let list = choices
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match closest(found, choices) {
        Some(guess) => {
            format!("unknown {what} `{found}`; did you mean `{guess}`? expected one of: {list}")
        }
        None => format!("unknown {what} `{found}`; expected one of: {list}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_typos_are_suggested_and_distant_words_are_not() {
        assert_eq!(
            closest("pagnate", &["paginate", "filters"]),
            Some("paginate")
        );
        assert_eq!(closest("zzz", &["paginate", "filters"]), None);
    }
}
