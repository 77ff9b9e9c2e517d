//! Every input a run of the `seed_load` fuzz target failed on (and the hand-made hostile seeds of
//! `docs/bad-input.md`), kept under `fuzz/regressions/seed_load/` and run through the same check
//! the fuzz target runs (`fuzz/src/store_checks.rs`, included here rather than copied).

#[path = "../../../fuzz/src/store_checks.rs"]
mod store_checks;

use std::path::PathBuf;

#[test]
fn seed_and_put_inputs_that_once_failed_pass() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions/seed_load");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("the regression folder")
        .map(|entry| entry.expect("a readable folder").path())
        .collect();
    names.sort();
    assert!(
        !names.is_empty(),
        "{} holds the hand-made inputs at least",
        folder.display()
    );
    for path in names {
        let input = std::fs::read(&path).expect("a readable input");
        let outcome = std::panic::catch_unwind(|| store_checks::seed_load(&input));
        assert!(outcome.is_ok(), "{} fails again", path.display());
    }
}
