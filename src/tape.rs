//! Tokens of a JS value written by `pkg/api.js` as a tape: one walk over a
//! plain object proves it is plain data and writes its tokens straight into
//! the module's input buffer, instead of a walk, `JSON.stringify`, UTF-8
//! encoding and the JSON parser. Every token is a tag byte; a number is
//! followed by its `f64` (8 bytes, little-endian), a key or a string by
//! its UTF-8 length (`u32`, little-endian) and its bytes. Nothing is
//! escaped and nothing is parsed. A value has no duplicate keys, and its
//! issues no location.
//!
//! `encode` writes the same tape for a `serde_json::Value`, so the native
//! tests prove that a tape reads as the value does.

use crate::token::{Source, SourceError, Token};

/// The tag of each token, as `pkg/api.js` writes it (from `tags()`).
pub const TAGS: [(&str, u8); 10] = [
    ("objectStart", 1),
    ("objectEnd", 2),
    ("arrayStart", 3),
    ("arrayEnd", 4),
    ("null", 5),
    ("false", 6),
    ("true", 7),
    ("number", 8),
    ("string", 9),
    ("key", 10),
];

const OBJECT_START: u8 = TAGS[0].1;
const OBJECT_END: u8 = TAGS[1].1;
const ARRAY_START: u8 = TAGS[2].1;
const ARRAY_END: u8 = TAGS[3].1;
const NULL: u8 = TAGS[4].1;
const FALSE: u8 = TAGS[5].1;
const TRUE: u8 = TAGS[6].1;
const NUMBER: u8 = TAGS[7].1;
const STRING: u8 = TAGS[8].1;
const KEY: u8 = TAGS[9].1;

/// The tags, as data for `pkg/api.js`.
pub fn tags() -> serde_json::Value {
    TAGS.iter()
        .map(|&(name, tag)| (name.to_owned(), tag.into()))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// Reads a tape (see the module's documentation).
pub struct TapeSource<'t> {
    tape: &'t [u8],
    at: usize,
    text: &'t str,
    /// How the host prints a number (JS's `String(n)` in the module).
    number_text: fn(f64) -> String,
}

impl<'t> TapeSource<'t> {
    /// A source over `tape`, whose numbers print as `number_text` says.
    pub fn new(tape: &'t [u8], number_text: fn(f64) -> String) -> TapeSource<'t> {
        TapeSource {
            tape,
            at: 0,
            text: "",
            number_text,
        }
    }

    fn take<const N: usize>(&mut self) -> Result<[u8; N], SourceError> {
        let bytes = self
            .tape
            .get(self.at..self.at + N)
            .and_then(|b| <[u8; N]>::try_from(b).ok())
            .ok_or_else(broken)?;
        self.at += N;
        Ok(bytes)
    }

    /// A key's or string's text, and its characters.
    fn text(&mut self) -> Result<usize, SourceError> {
        let length = u32::from_le_bytes(self.take()?) as usize;
        let bytes = self
            .tape
            .get(self.at..self.at + length)
            .ok_or_else(broken)?;
        self.at += length;
        self.text = std::str::from_utf8(bytes).map_err(|_| broken())?;
        // Characters are the bytes that do not continue one.
        Ok(bytes.iter().filter(|&&b| (b as i8) >= -0x40).count())
    }
}

/// A tape that does not read as one: `pkg/api.js` wrote it wrong.
fn broken() -> SourceError {
    SourceError {
        span: Default::default(),
        message: "The value has ended.".into(),
    }
}

impl Source for TapeSource<'_> {
    fn next_token(&mut self) -> Result<Token, SourceError> {
        let [tag] = self.take()?;
        Ok(match tag {
            OBJECT_START => Token::ObjectStart,
            OBJECT_END => Token::ObjectEnd,
            ARRAY_START => Token::ArrayStart,
            ARRAY_END => Token::ArrayEnd,
            NULL => Token::Null,
            FALSE => Token::Bool(false),
            TRUE => Token::Bool(true),
            NUMBER => Token::Number(f64::from_le_bytes(self.take()?)),
            STRING => Token::String {
                chars: self.text()?,
            },
            KEY => Token::Key {
                chars: self.text()?,
                duplicate: false,
            },
            _ => return Err(broken()),
        })
    }

    fn text(&self) -> &str {
        self.text
    }

    fn number_text(&self, n: f64) -> String {
        (self.number_text)(n)
    }
}

/// The tape of `value`, as `pkg/api.js` writes it for a JS value.
pub fn encode(value: &serde_json::Value) -> Vec<u8> {
    use serde_json::Value;
    fn text(out: &mut Vec<u8>, tag: u8, s: &str) {
        out.push(tag);
        out.extend((s.len() as u32).to_le_bytes());
        out.extend(s.as_bytes());
    }
    fn walk(out: &mut Vec<u8>, value: &Value) {
        match value {
            Value::Null => out.push(NULL),
            Value::Bool(b) => out.push(if *b { TRUE } else { FALSE }),
            Value::Number(n) => {
                out.push(NUMBER);
                out.extend(n.as_f64().unwrap_or(f64::NAN).to_le_bytes());
            }
            Value::String(s) => text(out, STRING, s),
            Value::Array(items) => {
                out.push(ARRAY_START);
                items.iter().for_each(|item| walk(out, item));
                out.push(ARRAY_END);
            }
            Value::Object(members) => {
                out.push(OBJECT_START);
                for (key, item) in members {
                    text(out, KEY, key);
                    walk(out, item);
                }
                out.push(OBJECT_END);
            }
        }
    }
    let mut out = Vec::new();
    walk(&mut out, value);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_distinct() {
        let mut tags: Vec<u8> = TAGS.iter().map(|t| t.1).collect();
        tags.sort_unstable();
        tags.dedup();
        assert_eq!(tags.len(), TAGS.len());
    }

    #[test]
    fn a_tape_reads_as_its_tokens() {
        let value = serde_json::json!({"é😀": [null, true, false, 1.5, "ab"], "k": {}});
        let tape = encode(&value);
        let mut source = TapeSource::new(&tape, |n| n.to_string());
        let mut tokens = Vec::new();
        while let Ok(token) = source.next_token() {
            tokens.push(token);
            if let Token::Key { .. } | Token::String { .. } = token {
                tokens.push(Token::String {
                    chars: source.text().len(),
                });
            }
        }
        assert_eq!(
            tokens,
            [
                Token::ObjectStart,
                Token::Key {
                    chars: 2,
                    duplicate: false
                },
                Token::String { chars: 6 },
                Token::ArrayStart,
                Token::Null,
                Token::Bool(true),
                Token::Bool(false),
                Token::Number(1.5),
                Token::String { chars: 2 },
                Token::String { chars: 2 },
                Token::ArrayEnd,
                Token::Key {
                    chars: 1,
                    duplicate: false
                },
                Token::String { chars: 1 },
                Token::ObjectStart,
                Token::ObjectEnd,
                Token::ObjectEnd,
            ]
        );
    }

    #[test]
    fn a_cut_tape_is_an_error_not_a_panic() {
        let tape = encode(&serde_json::json!({"key": "value", "n": 1}));
        for end in 0..tape.len() {
            let mut source = TapeSource::new(&tape[..end], |n| n.to_string());
            let mut steps = 0;
            while source.next_token().is_ok() {
                steps += 1;
                assert!(steps <= tape.len());
            }
        }
        let mut source = TapeSource::new(&[0xff], |n| n.to_string());
        assert!(source.next_token().is_err());
    }
}
