//! JSON text through `validate_json` (see `fuzz/harness/json.rs`).
#![no_main]

#[path = "../harness/mod.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::json::run(data));
