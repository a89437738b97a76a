//! Validates one JSON body natively, `times` times: the harness of
//! `bench/callgrind.sh`, which counts the instructions each family of the
//! adversarial bench costs (counts repeat from run to run; wall time on a
//! shared machine does not). Prints the time per call and the issues.
//!
//! `cargo run --release --example validate_body -- <file> [times]`

use std::error::Error;
use std::time::Instant;

use servicer_events::{validate_json, Options};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: validate_body <file> [times]")?;
    let times: u32 = args.next().map(|t| t.parse()).transpose()?.unwrap_or(1);
    let body = std::fs::read(&path)?;
    let options = Options::default();
    let start = Instant::now();
    let mut issues = 0;
    for _ in 0..times {
        let result = validate_json(&body, None, &options);
        issues = result.errors.len() + result.warnings.len();
    }
    let ms = start.elapsed().as_secs_f64() * 1e3 / f64::from(times.max(1));
    println!("{ms:.3} ms per call, {issues} issues: {path}");
    Ok(())
}
