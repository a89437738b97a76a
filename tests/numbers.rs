//! Numbers in JSON text are read as Rust's `str::parse::<f64>` reads them,
//! bit for bit: the reader's fast paths (src/json.rs, src/decimal.rs: every
//! mantissa up to 2^53 with a power of ten within ±22) and the general
//! conversion they leave the rest to. Literals are drawn around where the
//! fast paths end: 15, 16 and 17 significant digits, 2^53, 16-digit
//! timestamps, fractions, exponents and signs.
//!
//! The seed is fixed, so every run tries the same cases (as in
//! tests/proptest.rs; `PROPTEST_RNG_SEED` picks another).
#![cfg(not(target_arch = "wasm32"))]

mod fixed_seed;

use proptest::prelude::*;
use serde_json::{json, Value};
use servicer_events::json::JsonSource;
use servicer_events::token::{Source, Token};
use servicer_events::{validate_json, validate_value, Offsets, Options};

/// 2^53, the largest mantissa the fast path takes.
const TWO_POW_53: u64 = 1 << 53;

/// Significant digits: any of 1 to 20, or next to 2^53, to the largest
/// timestamp (8.64e15 ms) or to the ends of 15, 16 and 17 digits.
fn significant() -> impl Strategy<Value = String> {
    let near = |at: u64| (at - 1000..at + 1000).prop_map(|n| n.to_string());
    prop_oneof![
        3 => "[1-9][0-9]{0,19}",
        2 => near(TWO_POW_53),
        1 => near(8_640_000_000_000_000),
        1 => near(1_000_000_000_000_000),
        1 => near(10_000_000_000_000_000),
        1 => (999_999_999_999_000u64..=999_999_999_999_999).prop_map(|n| n.to_string()),
        1 => (9_999_999_999_999_000u64..=9_999_999_999_999_999).prop_map(|n| n.to_string()),
    ]
}

/// A JSON number: a sign, the significant digits with a point anywhere in
/// them (or before them, after zeros), and an exponent, each or none.
fn literal() -> impl Strategy<Value = String> {
    let exponent = proptest::option::of((
        proptest::sample::select(vec!["e", "E", "e+", "e-", "E-"]),
        0u32..40,
    ));
    (
        any::<bool>(),
        significant(),
        proptest::option::of(any::<prop::sample::Index>()),
        0usize..4,
        exponent,
    )
        .prop_map(|(negative, digits, point, zeros, exponent)| {
            let sign = if negative { "-" } else { "" };
            let number = match point {
                None => digits,
                Some(at) => match at.index(digits.len() + 1) {
                    0 => format!("0.{}{digits}", "0".repeat(zeros)),
                    n if n == digits.len() => format!("{digits}.{}", "0".repeat(zeros + 1)),
                    n => format!("{}.{}", &digits[..n], &digits[n..]),
                },
            };
            let exponent = exponent.map_or(String::new(), |(e, n)| format!("{e}{n}"));
            format!("{sign}{number}{exponent}")
        })
}

fn config() -> proptest::test_runner::Config {
    fixed_seed::config(4096, 0x5eed_0016)
}

/// The numbers of `text` (a JSON value), in the order the source reads them.
fn numbers(text: &str) -> Vec<u64> {
    let mut source = JsonSource::new(text.as_bytes(), Some(Offsets::Bytes));
    let mut read = Vec::new();
    let mut depth = 0usize;
    loop {
        let token = source.next_token().expect("JSON text");
        match token {
            Token::Number(n) => read.push(n.to_bits()),
            Token::ObjectStart | Token::ArrayStart => depth += 1,
            Token::ObjectEnd | Token::ArrayEnd => depth -= 1,
            _ => {}
        }
        if depth == 0 && !matches!(token, Token::Key { .. }) {
            source.finish().expect("one value");
            return read;
        }
    }
}

/// The codes and paths of a result, for results whose sentences may quote
/// a number differently (a literal, or a value printed).
fn verdict(result: &servicer_events::ValidationResult) -> (bool, Vec<String>) {
    let issues = result.issues();
    (
        result.valid,
        issues.map(|i| format!("{:?} {}", i.code, i.path)).collect(),
    )
}

proptest! {
    #![proptest_config(config())]

    /// Alone, as an array's items and as a member's value.
    #[test]
    fn a_literal_reads_as_rust_parses_it(literal in literal()) {
        let want = literal.parse::<f64>().expect("a JSON number").to_bits();
        prop_assert_eq!(numbers(&literal), vec![want], "{}", literal);
        let array = format!("[{literal},{literal} , {literal}]");
        prop_assert_eq!(numbers(&array), vec![want; 3], "{}", array);
        let object = format!("{{\"a\":{literal},\"b\":[{literal}]}}");
        prop_assert_eq!(numbers(&object), vec![want; 2], "{}", object);
    }

    /// Through the validator, where the lanes that read a timestamp and an
    /// array of them give the value only to the check: the verdict is the
    /// one for the value Rust reads.
    #[test]
    fn a_timestamp_is_checked_as_rust_parses_it(literal in literal()) {
        let want: f64 = literal.parse().expect("a JSON number");
        let text = format!(
            "{{\"event\":\"customer_contact\",\"contactTimestamp\":{literal},\
             \"appointmentTimestamps\":[1,{literal},{literal}]}}"
        );
        let value: Value = json!({
            "event": "customer_contact",
            "contactTimestamp": want,
            "appointmentTimestamps": [1, want, want],
        });
        let options = Options::default();
        let from_text = validate_json(text.as_bytes(), None, &options);
        let from_value = validate_value(&value, None, &options);
        prop_assert_eq!(verdict(&from_text), verdict(&from_value), "{}", text);
    }
}

/// The literals the fast path's ends are drawn at, each read as Rust reads it.
#[test]
fn the_edges_read_as_rust_parses_them() {
    for literal in [
        "999999999999999",
        "1234567890123456",
        "8640000000000000",
        "8640000000000001",
        "9007199254740991",
        "9007199254740992",
        "9007199254740993",
        "9007199254740994",
        "9999999999999999",
        "12345678901234567",
        "-9007199254740993",
        "900719925474099.3",
        "0.9007199254740993",
        "9007199254740993e-16",
        "9007199254740992e22",
        "9007199254740993e22",
        "1721032237342",
    ] {
        let want = literal.parse::<f64>().unwrap().to_bits();
        assert_eq!(numbers(literal), vec![want], "{literal}");
        assert_eq!(numbers(&format!("[0,{literal}]"))[1], want, "{literal}");
    }
}
