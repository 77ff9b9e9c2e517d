//! Property tests: the pattern matcher against an independent regex translation, and pagination walks
//! with concurrent inserts and deletes.

mod common;

use std::collections::{BTreeSet, HashMap};

use common::*;
use ec2_ops_runtime::*;
use proptest::prelude::*;

/// The same pattern as a regex, built independently of the runtime's tokenizer.
fn reference_regex(pattern: &str) -> Option<regex::Regex> {
    let mut out = String::from("(?s)^");
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '*' => out.push_str(".*"),
            '?' => out.push('.'),
            '\\' => match chars.next() {
                Some(e @ ('*' | '?' | '\\')) => out.push_str(&regex::escape(&e.to_string())),
                _ => return None,
            },
            other => out.push_str(&regex::escape(&other.to_string())),
        }
    }
    out.push('$');
    Some(regex::Regex::new(&out).unwrap())
}

fn alphabet() -> impl Strategy<Value = String> {
    // Few distinct characters so matches are common; wildcards, escapes, brackets and non-ASCII.
    proptest::collection::vec(
        prop::sample::select(vec!['a', 'b', '*', '?', '\\', '[', ']', 'é', '€', '\n']),
        0..10,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(vec!['a', 'b', '*', '?', '\\', '[', 'é', '€', '\n']),
        0..14,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn pattern_matches_exactly_when_the_reference_regex_does(pattern in alphabet(), text in text()) {
        match (Pattern::compile(&pattern), reference_regex(&pattern)) {
            (Ok(compiled), Some(regex)) => prop_assert_eq!(compiled.matches(&text), regex.is_match(&text)),
            (Err(err), None) => prop_assert_eq!(err.code(), "InvalidParameterValue"),
            (compiled, regex) => prop_assert!(false, "disagree on validity: {:?} vs {:?}", compiled, regex),
        }
    }

    #[test]
    fn a_literal_pattern_matches_itself(text in text()) {
        let escaped: String = text.chars().flat_map(|c| match c {
            '*' | '?' | '\\' => vec!['\\', c],
            c => vec![c],
        }).collect();
        prop_assert!(Pattern::compile(&escaped).unwrap().matches(&text));
    }
}

#[derive(Debug, Clone)]
enum Change {
    Insert(u16),
    Delete(u16),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (0u16..400).prop_map(Change::Insert),
        (0u16..400).prop_map(Change::Delete)
    ]
}

fn task_id(n: u16) -> String {
    format!("task-{n:04}")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_walk_with_changes_between_pages_returns_each_surviving_item_exactly_once(
        initial in proptest::collection::btree_set(0u16..400, 0..200),
        changes in proptest::collection::vec(proptest::collection::vec(change(), 0..6), 0..80),
        page_size in 5i32..12,
    ) {
        let source = source(initial.iter().map(|&n| Task::new(&task_id(n), "active")));
        let mut present: BTreeSet<String> = initial.iter().map(|&n| task_id(n)).collect();
        // Items present for the whole walk: never deleted, never re-inserted.
        let mut always: BTreeSet<String> = present.clone();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut token: Option<String> = None;
        let mut pages = 0;
        loop {
            let input = DescribeInput { max_results: Some(page_size), next_token: token.as_deref(), ..Default::default() };
            let page = run(&source, input).unwrap();
            for task in &page.items {
                *seen.entry(task.id.clone()).or_default() += 1;
            }
            let Some(next) = page.next_token else { break };
            token = Some(next);
            for change in changes.get(pages).into_iter().flatten() {
                match change {
                    Change::Insert(n) => {
                        source.insert(Task::new(&task_id(*n), "active"));
                        present.insert(task_id(*n));
                    }
                    Change::Delete(n) => {
                        source.remove(&task_id(*n));
                        present.remove(&task_id(*n));
                        always.remove(&task_id(*n));
                    }
                }
            }
            pages += 1;
        }
        for (id, count) in &seen {
            prop_assert_eq!(*count, 1, "{} returned {} times", id, count);
        }
        for id in &always {
            prop_assert!(seen.contains_key(id), "{} present throughout but never returned", id);
        }
    }
}

proptest! {
    #[test]
    fn random_tokens_never_panic_and_are_rejected(token in ".{0,300}", bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        let source = source([Task::new("task-1", "active")]);
        let filters = [Filter::new("state", ["*"])];
        for token in [token, base64_url(&bytes)] {
            let input = DescribeInput { filters: &filters, max_results: Some(5), next_token: Some(&token), ..Default::default() };
            let err = run(&source, input).unwrap_err();
            prop_assert_eq!(err.code(), "InvalidParameterValue");
        }
    }
}

fn base64_url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    bytes
        .iter()
        .map(|b| ALPHABET[usize::from(b % 64)] as char)
        .collect()
}
