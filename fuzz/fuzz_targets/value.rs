//! Arbitrary values through `validate_value` and `validate_json` (see
//! `fuzz/harness/value.rs`).
#![no_main]

#[path = "../harness/mod.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::value::run(data));
