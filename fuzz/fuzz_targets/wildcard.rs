#![no_main]

libfuzzer_sys::fuzz_target!(|input: &[u8]| ec2_ops_fuzz::checks::wildcard(input));
