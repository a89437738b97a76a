//! The fuzz harness: what each target feeds the validator and what it checks
//! of the result. Shared by the cargo-fuzz targets (`fuzz/fuzz_targets/`) and
//! by `tests/fuzz_regressions.rs`, which replays every committed input in
//! `fuzz/regressions/` under plain `cargo test`, so a bug found once is
//! checked on every run, with stable Rust and no fuzzer.
#![allow(dead_code)]

pub mod check;
pub mod json;
pub mod options;
pub mod tree;
pub mod value;
