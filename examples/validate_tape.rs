//! Validates one JSON body natively as the tape `pkg/api.js` writes for the
//! same JS value (`servicer_events::tape::encode`), `times` times: the
//! reader's side of `validateEvent`, for counting instructions with
//! callgrind. Prints the time per call and the issues.
//!
//! `cargo run --release --example validate_tape -- <file> [times]`

use std::error::Error;
use std::time::Instant;

use servicer_events::tape::{encode, TapeSource};
use servicer_events::{validate_source, Options};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: validate_tape <file> [times]")?;
    let times: u32 = args.next().map(|t| t.parse()).transpose()?.unwrap_or(1);
    let value: serde_json::Value = serde_json::from_slice(&std::fs::read(&path)?)?;
    let options = Options::default();
    let tape = encode(&value, options.limits.max_string_length);
    let start = Instant::now();
    let mut issues = 0;
    for _ in 0..times {
        let mut source = TapeSource::new(&tape, |n| n.to_string());
        let result = validate_source(&mut source, None, &options);
        issues = result.errors.len() + result.warnings.len();
    }
    let ms = start.elapsed().as_secs_f64() * 1e3 / f64::from(times.max(1));
    println!(
        "{ms:.3} ms per call, {issues} issues, tape of {} bytes: {path}",
        tape.len()
    );
    Ok(())
}
