//! What the endpoint's fuzz target checks: any bytes as a seed file or as the body of a put into a
//! running store. The fuzz target `seed_load` calls [`seed_load`]; the endpoint's
//! `tests/fuzz_regressions.rs` includes this file and runs every saved input through it.

use std::sync::OnceLock;

use ec2_ops::DescribeContext;
use ec2_ops_endpoint::{Seed, Store};

/// The served actions, in order, for the first byte to choose from.
fn actions() -> &'static [&'static str] {
    static ACTIONS: OnceLock<Vec<&'static str>> = OnceLock::new();
    ACTIONS.get_or_init(|| {
        Store::new(&Seed::empty(), DescribeContext::default())
            .expect("an empty seed loads")
            .actions()
            .collect()
    })
}

/// The first byte chooses: even, the rest is a seed file; odd, it is a put's body, for the
/// operation the byte's half indexes, into a store holding the endpoint's sample.
///
/// - a seed file either loads, and then the store's dump loads back into the same dump (the
///   state survives a save and a replay), or is refused with a JSON path naming where;
/// - a put either goes in, or is refused with a path and leaves the store exactly as it was
///   (nothing of a refused put is kept);
/// - never a panic. Bytes that are not UTF-8 are refused before this (a file read as text, the
///   control API's body check), so they are not sent on.
pub fn seed_load(input: &[u8]) {
    let Some((&choice, rest)) = input.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    if choice % 2 == 0 {
        let store = match Seed::from_json(text, "fuzz.json")
            .and_then(|seed| Store::new(&seed, DescribeContext::default()))
        {
            Ok(store) => store,
            Err(error) => {
                assert!(
                    error.path.starts_with('$'),
                    "a refusal names a JSON path: {error}"
                );
                return;
            }
        };
        let dumped = store.dump();
        let mut replayed = Seed::empty();
        for (file, output) in &dumped {
            let command = file.trim_end_matches(".json");
            let one = Seed::from_output(command, &output.to_string())
                .unwrap_or_else(|error| panic!("{file} of a dump is refused: {error}"));
            replayed = replayed
                .merge(one)
                .expect("a dump holds each operation once");
        }
        let replayed = Store::new(&replayed, DescribeContext::default())
            .unwrap_or_else(|error| panic!("a dump does not load back: {error}"));
        assert_eq!(
            replayed.dump(),
            dumped,
            "a dump loads back into the same state"
        );
    } else {
        let actions = actions();
        let action = actions[usize::from(choice / 2) % actions.len()];
        let store =
            Store::new(&Seed::sample(), DescribeContext::default()).expect("the sample loads");
        let before = store.dump();
        match store.put_json(action, text) {
            Ok(_) => {}
            Err(error) => {
                assert!(
                    error.path.starts_with('$'),
                    "a refusal names a JSON path: {error}"
                );
                assert_eq!(
                    store.dump(),
                    before,
                    "a refused put of {action} changed the store"
                );
            }
        }
    }
}
