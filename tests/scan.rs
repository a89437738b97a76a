//! The byte scans of `scan` against their plain definitions, over texts of
//! long ASCII runs (where the scans take their fast steps) mixed with
//! characters of every width and with arbitrary bytes (where they do not):
//! `from_utf8` must agree with std's, to the error's place and length,
//! since the text it passes is used as `&str` unchecked.
#![cfg(not(target_arch = "wasm32"))]

mod fixed_seed;

use proptest::prelude::*;
use servicer_events::scan::{from_utf8, plain_run};

fn config() -> proptest::test_runner::Config {
    fixed_seed::config(2048, 0x5eed_5ca7)
}

fn text() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        4 => (1usize..90).prop_map(|n| b"plain text, "[..].repeat(8)[..n].to_vec()),
        2 => prop::sample::select(vec!["é", "€", "😀", "\u{7ff}", "\u{ffff}", "\u{10ffff}"])
            .prop_map(|c| c.as_bytes().to_vec()),
        1 => prop::sample::select(vec![&b"\""[..], b"\\", b"\n", b"\x00", b"\x1f"]).prop_map(<[u8]>::to_vec),
        1 => any::<u8>().prop_map(|b| vec![b]),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn utf8_is_checked_as_std_checks_it(text in text()) {
        let ours = from_utf8(&text).map_err(|e| (e.valid_up_to(), e.error_len()));
        let std = std::str::from_utf8(&text).map_err(|e| (e.valid_up_to(), e.error_len()));
        prop_assert_eq!(ours, std);
    }

    #[test]
    fn plain_run_stops_at_the_first_byte_a_string_must_look_at(text in text()) {
        let len = text
            .iter()
            .take_while(|&&b| b != b'"' && b != b'\\' && b >= 0x20)
            .count();
        let continuations = text[..len].iter().filter(|&&b| b & 0xc0 == 0x80).count();
        prop_assert_eq!(plain_run(&text), (len, continuations));
    }
}
