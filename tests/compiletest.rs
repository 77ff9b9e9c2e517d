//! The macros' compile-time behaviour: every mistake is one file under `tests/ui/` whose `.stderr`
//! was generated with `TRYBUILD=overwrite` and reviewed; the `pass/` files must compile and run.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/operation/*.rs");
    t.compile_fail("tests/ui/shape/*.rs");
    t.pass("tests/ui/pass/*.rs");
}
