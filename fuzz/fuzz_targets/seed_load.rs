#![no_main]

libfuzzer_sys::fuzz_target!(|input: &[u8]| ec2_ops_fuzz::store_checks::seed_load(input));
