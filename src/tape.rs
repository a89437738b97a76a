//! Tokens of a JS value written by `pkg/api.js` as a tape: one walk over a
//! value writes its tokens straight into the module's input buffer,
//! instead of a walk, `JSON.stringify`, UTF-8 encoding and the JSON parser.
//!
//! A tape is the length of its tokens and where its text starts, from the
//! tape's start (two `u32`, little-endian), the tokens, then, at that
//! offset, the text of every key and string, one after the other, as UTF-8.
//! What lies between the tokens and the text is not read: `pkg/api.js`
//! writes the tokens from the start of the module's input buffer and the
//! text from its middle, so neither is copied when it ends.
//! Every token is a tag byte; a number is followed by its `f64` (8 bytes,
//! little-endian), or, as most numbers are, by an `i32` (4 bytes: the tape
//! of a long array of small numbers is half as long, and the number the
//! same); a key or a string by its length in UTF-16 units (`u32`), which
//! says where its text ends, unless it is a known key (the event's name or
//! a field of the rule table), which is its number (`KnownKey`, one byte)
//! and no text, and reads as a key that says which it is; a string whose
//! text the walk never reads (`measured`) by its length alone; one it reads
//! that is a name of the rule table (an event's, an enum's value) by its
//! number in `KNOWN_VALUES` (one byte), no text either; a value JSON
//! cannot carry by the index of what it is in `FOREIGN` (one byte), and
//! for an object of a class by its class's name as a string. The text is one string for JS to encode (a
//! call of `TextEncoder.encodeInto` for all of it, instead of a call or a
//! loop per string) and one scan for the module to check; when all of it is
//! ASCII, as it mostly is, a string is found without looking at it again.
//! Nothing is escaped and nothing is parsed. A value has no duplicate keys,
//! and its issues no location.
//!
//! `encode` writes the same tape for a `serde_json::Value`, so the native
//! tests prove that a tape reads as the value does.

use crate::known_key::KnownKey;
use crate::rules::{EVENTS, FIELDS};
use crate::scan;
use crate::token::{is_scalar, ItemCheck, Source, SourceError, Token};

/// The tag of each token, as `pkg/api.js` writes it (from `tags()`).
pub const TAGS: [(&str, u8); 15] = [
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
    ("integer", 11),
    ("foreign", 12),
    ("knownKey", 13),
    ("measuredString", 14),
    ("knownString", 15),
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
const INTEGER: u8 = TAGS[10].1;
const FOREIGN_TAG: u8 = TAGS[11].1;
const KNOWN_KEY: u8 = TAGS[12].1;
const MEASURED_STRING: u8 = TAGS[13].1;
const KNOWN_STRING: u8 = TAGS[14].1;

/// The known keys in the order of their numbers (`KnownKey`), as data for
/// `pkg/api.js`. A key among them crosses as its number: no text for JS to
/// copy, nor for the module to find, nor a name for the walk to look up.
pub fn known_keys() -> serde_json::Value {
    KnownKey::all()
        .map(KnownKey::name)
        .collect::<Vec<_>>()
        .into()
}

/// The rule table's names, which most strings the walk reads are
/// (`measured`): every listed event's, then every enum's values, field by
/// field, in the table's order. Such a string crosses as its index here,
/// a byte.
// Evaluated by the compiler: an index out of range would fail the build.
#[allow(clippy::indexing_slicing)]
const KNOWN_VALUES: [&str; KNOWN_VALUE_COUNT] = {
    let mut out = [""; KNOWN_VALUE_COUNT];
    let mut n = 0;
    while n < EVENTS.len() {
        out[n] = EVENTS[n].name;
        n += 1;
    }
    let mut field = 0;
    while field < FIELDS.len() {
        let values = FIELDS[field].ty.values();
        let mut i = 0;
        while i < values.len() {
            out[n] = values[i];
            n += 1;
            i += 1;
        }
        field += 1;
    }
    out
};

// Evaluated by the compiler: an index out of range would fail the build.
#[allow(clippy::indexing_slicing)]
const KNOWN_VALUE_COUNT: usize = {
    let mut n = EVENTS.len();
    let mut field = 0;
    while field < FIELDS.len() {
        n += FIELDS[field].ty.values().len();
        field += 1;
    }
    n
};

// Every index fits its byte.
const _: () = assert!(KNOWN_VALUE_COUNT <= u8::MAX as usize + 1);

/// `KNOWN_VALUES`, as data for `pkg/api.js`.
pub fn known_values() -> serde_json::Value {
    KNOWN_VALUES.to_vec().into()
}

/// For each known key in the order of their numbers, whether the walk
/// reads the text of a string that is its value in the event (see
/// `measured`), as data for `pkg/api.js`.
pub fn text_keys() -> serde_json::Value {
    KnownKey::all()
        .map(KnownKey::value_text_read)
        .collect::<Vec<_>>()
        .into()
}

/// Whether a string may go on a tape by its length alone: the walk reads
/// no string's text but the event's own name's and an enum field's (a
/// member of the event whose key's `value_text_read`), and only measures
/// the rest against `maxStringLength`. Within that limit, measured in
/// UTF-16 units, it also holds in characters (never more than units), so
/// the verdict is the same as the text's; a longer string goes with its
/// text, whose characters the message counts. `read` says whether its
/// place is one whose text is read.
pub fn measured(read: bool, units: usize, max_string_length: usize) -> bool {
    !read && units <= max_string_length
}

/// The bytes before the tokens: their length and where the text starts.
const HEADER: usize = 8;

/// What a value JSON cannot carry is, by the name `pkg/api.js` knows it by
/// (its index follows the `foreign` tag), and as messages describe it (the
/// careful walk of `src/wasm/js_source.rs` says the same).
pub const FOREIGN: [(&str, &str); 7] = [
    ("function", "a function"),
    ("symbol", "a symbol"),
    ("bigint", "a BigInt"),
    ("undefined", "undefined"),
    (
        "undefinedItem",
        "undefined (an empty slot or an undefined item)",
    ),
    (
        "loneSurrogate",
        "a string with a lone surrogate (half of a UTF-16 pair), which is not Unicode text",
    ),
    ("customPrototype", "an object with a custom prototype"),
];

/// The index in `FOREIGN` of an object of a class, whose name follows as a
/// string: described as `a Date object` (see `class_object`).
const CLASS_OBJECT: u8 = FOREIGN.len() as u8;

/// The description of an object whose class is called `name`.
pub fn class_object(name: &str) -> String {
    format!("a {name} object")
}

/// The description in `FOREIGN` named `name`.
pub fn describe_foreign(name: &str) -> &'static str {
    FOREIGN
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("a value of an unknown kind", |(_, what)| what)
}

/// The tags, as data for `pkg/api.js`, and the indices of `FOREIGN`
/// (`classObject` last).
pub fn tags() -> serde_json::Value {
    TAGS.iter()
        .map(|&(name, tag)| (name.to_owned(), tag.into()))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// The indices of what a value JSON cannot carry is (`FOREIGN`, then
/// `classObject`), as data for `pkg/api.js`.
pub fn foreign_kinds() -> serde_json::Value {
    FOREIGN
        .iter()
        .map(|(name, _)| *name)
        .chain(["classObject"])
        .enumerate()
        .map(|(i, name)| (name.to_owned(), i.into()))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// Reads a tape (see the module's documentation).
pub struct TapeSource<'t> {
    tokens: &'t [u8],
    at: usize,
    /// The text of all keys and strings, and where the next one starts.
    texts: &'t str,
    text_at: usize,
    /// Whether all of `texts` is ASCII, so a string's UTF-16 length is its
    /// length in bytes.
    ascii: bool,
    text: &'t str,
    /// The description of the last object of a class, when `text` is not
    /// the text (`class_object`).
    described: Option<String>,
    /// How the host prints a number (JS's `String(n)` in the module).
    number_text: fn(f64) -> String,
}

impl<'t> TapeSource<'t> {
    /// A source over `tape`, whose numbers print as `number_text` says.
    pub fn new(tape: &'t [u8], number_text: fn(f64) -> String) -> TapeSource<'t> {
        let word = |at: usize| {
            let bytes = tape.get(at..at + 4)?;
            Some(u32::from_le_bytes(<[u8; 4]>::try_from(bytes).ok()?) as usize)
        };
        let split = word(0).zip(word(4)).and_then(|(length, text)| {
            let end = HEADER.checked_add(length)?;
            // Text that starts inside the tokens is no tape.
            (text >= end).then_some(())?;
            Some((tape.get(HEADER..end)?, tape.get(text..)?))
        });
        // A tape that does not split, or whose text is not UTF-8, has no
        // tokens: its first read says it is broken.
        let (tokens, texts) = split
            .and_then(|(tokens, text)| Some((tokens, scan::from_utf8(text).ok()?)))
            .unwrap_or_default();
        TapeSource {
            tokens,
            at: 0,
            texts,
            text_at: 0,
            ascii: scan::ascii_run(texts.as_bytes()) == texts.len(),
            text: "",
            described: None,
            number_text,
        }
    }

    fn take<const N: usize>(&mut self) -> Result<[u8; N], SourceError> {
        let bytes = self
            .tokens
            .get(self.at..self.at + N)
            .and_then(|b| <[u8; N]>::try_from(b).ok())
            .ok_or_else(broken)?;
        self.at += N;
        Ok(bytes)
    }

    /// The next key's or string's text, and its characters.
    fn text(&mut self) -> Result<usize, SourceError> {
        let units = u32::from_le_bytes(self.take()?) as usize;
        let rest = self.texts.get(self.text_at..).unwrap_or_default();
        let (bytes, chars) = if self.ascii {
            (units, units)
        } else {
            // ASCII up to the first other character, then a character at a time.
            let ascii = scan::ascii_run(rest.as_bytes().get(..units).unwrap_or(rest.as_bytes()));
            let (mut bytes, mut chars, mut left) = (ascii, ascii, units - ascii);
            let mut others = rest.get(ascii..).unwrap_or_default().chars();
            while left > 0 {
                let c = others.next().ok_or_else(broken)?;
                left = left.checked_sub(c.len_utf16()).ok_or_else(broken)?;
                bytes += c.len_utf8();
                chars += 1;
            }
            (bytes, chars)
        };
        self.text = rest.get(..bytes).ok_or_else(broken)?;
        self.text_at += bytes;
        Ok(chars)
    }

    /// Passes over the next key's or string's text without reading it
    /// (see `skip_container`).
    fn skip_text(&mut self) -> Result<(), SourceError> {
        if self.ascii {
            // A later read of a text past the end finds the tape broken.
            self.text_at += u32::from_le_bytes(self.take()?) as usize;
            Ok(())
        } else {
            self.text().map(|_| ())
        }
    }

    /// The number whose tag was just read.
    fn number(&mut self) -> Result<Token, SourceError> {
        Ok(Token::Number(f64::from_le_bytes(self.take()?)))
    }

    /// The integer whose tag was just read.
    fn integer(&mut self) -> Result<Token, SourceError> {
        Ok(Token::Number(f64::from(i32::from_le_bytes(self.take()?))))
    }

    /// The value JSON cannot carry whose tag was just read: its description.
    fn foreign(&mut self) -> Result<Token, SourceError> {
        let [kind] = self.take()?;
        if kind == CLASS_OBJECT {
            let [STRING] = self.take()? else {
                return Err(broken());
            };
            self.text()?;
            self.described = Some(class_object(self.text));
        } else {
            self.text = FOREIGN.get(usize::from(kind)).ok_or_else(broken)?.1;
        }
        Ok(Token::Foreign)
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
    /// Every known key is written by its number (`KNOWN_KEY`).
    fn says_every_known_key(&self) -> bool {
        true
    }

    fn next_token(&mut self) -> Result<Token, SourceError> {
        let [tag] = self.take()?;
        self.described = None;
        Ok(match tag {
            OBJECT_START => Token::ObjectStart,
            OBJECT_END => Token::ObjectEnd,
            ARRAY_START => Token::ArrayStart,
            ARRAY_END => Token::ArrayEnd,
            NULL => Token::Null,
            FALSE => Token::Bool(false),
            TRUE => Token::Bool(true),
            NUMBER => self.number()?,
            INTEGER => self.integer()?,
            FOREIGN_TAG => self.foreign()?,
            STRING => Token::String {
                chars: self.text()?,
            },
            // Within the limit in units, so in characters (see `measured`):
            // the length stands for the characters, and there is no text.
            MEASURED_STRING => {
                self.text = "";
                Token::String {
                    chars: u32::from_le_bytes(self.take()?) as usize,
                }
            }
            KNOWN_STRING => {
                let [index] = self.take()?;
                self.text = KNOWN_VALUES.get(usize::from(index)).ok_or_else(broken)?;
                // The rule table's names are ASCII: a character a byte.
                Token::String {
                    chars: self.text.len(),
                }
            }
            KEY => Token::Key {
                chars: self.text()?,
                duplicate: false,
                known: None,
            },
            KNOWN_KEY => {
                let [index] = self.take()?;
                let key = KnownKey::from_index(index).ok_or_else(broken)?;
                self.text = key.name();
                // Known keys are ASCII: a character a byte.
                Token::Key {
                    chars: self.text.len(),
                    duplicate: false,
                    known: Some(key),
                }
            }
            _ => return Err(broken()),
        })
    }

    fn text(&self) -> &str {
        self.described.as_deref().unwrap_or(self.text)
    }

    /// Reads past the rest of the innermost open container by its tags
    /// alone: what the walk skips (everything past `maxKeys`, an array's
    /// items past `maxArrayItems`) costs no token and no look at its text.
    fn skip_container(&mut self) -> Result<(), SourceError> {
        let mut open = 1usize;
        while open > 0 {
            let [tag] = self.take()?;
            match tag {
                OBJECT_START | ARRAY_START => open += 1,
                OBJECT_END | ARRAY_END => open -= 1,
                NULL | FALSE | TRUE => {}
                // A later read past the end finds the tape broken.
                NUMBER => self.at += 8,
                INTEGER | MEASURED_STRING => self.at += 4,
                KNOWN_STRING => self.at += 1,
                STRING | KEY => self.skip_text()?,
                // A later read past the end finds the tape broken.
                KNOWN_KEY => self.at += 1,
                FOREIGN_TAG => {
                    self.foreign()?;
                }
                _ => return Err(broken()),
            }
        }
        Ok(())
    }

    /// The walk's fast lane (see `Source::quiet_items_with`): numbers, the
    /// usual items of a long array, are read here without a call each, and
    /// the check inlines into the loop.
    fn quiet_items_with(
        &mut self,
        max: usize,
        check: &mut ItemCheck,
    ) -> Result<(usize, Option<Token>), SourceError> {
        let mut n = 0;
        while n < max {
            let token = match self.tokens.get(self.at) {
                Some(&INTEGER) => {
                    self.at += 1;
                    self.integer()?
                }
                Some(&NUMBER) => {
                    self.at += 1;
                    self.number()?
                }
                _ => self.next_token()?,
            };
            if !is_scalar(token) || !check.accept(token) {
                return Ok((n, Some(token)));
            }
            n += 1;
        }
        Ok((n, None))
    }

    fn number_text(&self, n: f64) -> String {
        (self.number_text)(n)
    }
}

/// The tape of `value`, as `pkg/api.js` writes it for a JS value checked
/// with `max_string_length`: the strings whose text is not read by their
/// length alone (`measured`).
pub fn encode(value: &serde_json::Value, max_string_length: usize) -> Vec<u8> {
    use serde_json::Value;
    fn text(out: &mut Vec<u8>, texts: &mut String, tag: u8, s: &str) {
        out.push(tag);
        out.extend((s.encode_utf16().count() as u32).to_le_bytes());
        texts.push_str(s);
    }
    struct Tape {
        out: Vec<u8>,
        texts: String,
        max_string_length: usize,
    }
    /// `value` at `depth` (the root is 1), a string of it read if `read`.
    fn walk(tape: &mut Tape, value: &Value, depth: usize, read: bool) {
        let out = &mut tape.out;
        match value {
            Value::Null => out.push(NULL),
            Value::Bool(b) => out.push(if *b { TRUE } else { FALSE }),
            Value::Number(n) => {
                let n = n.as_f64().unwrap_or(f64::NAN);
                // As JS's `(n | 0) === n`: an integer an `i32` holds (-0 is 0).
                match i32::try_from(n as i64) {
                    Ok(i) if f64::from(i) == n => {
                        out.push(INTEGER);
                        out.extend(i.to_le_bytes());
                    }
                    _ => {
                        out.push(NUMBER);
                        out.extend(n.to_le_bytes());
                    }
                }
            }
            Value::String(s) => {
                let units = s.encode_utf16().count();
                let known = || KNOWN_VALUES.iter().position(|v| v == s);
                if measured(read, units, tape.max_string_length) {
                    out.push(MEASURED_STRING);
                    out.extend((units as u32).to_le_bytes());
                } else if let Some(index) = known().filter(|_| read) {
                    out.extend([KNOWN_STRING, index as u8]);
                } else {
                    text(out, &mut tape.texts, STRING, s);
                }
            }
            Value::Array(items) => {
                out.push(ARRAY_START);
                items
                    .iter()
                    .for_each(|item| walk(tape, item, depth + 1, false));
                tape.out.push(ARRAY_END);
            }
            Value::Object(members) => {
                out.push(OBJECT_START);
                for (key, item) in members {
                    let known = KnownKey::of_name(key);
                    match known {
                        Some(known) => tape.out.extend([KNOWN_KEY, known.index()]),
                        None => text(&mut tape.out, &mut tape.texts, KEY, key),
                    }
                    let read = depth == 1 && known.is_some_and(KnownKey::value_text_read);
                    walk(tape, item, depth + 1, read);
                }
                tape.out.push(OBJECT_END);
            }
        }
    }
    let mut tape = Tape {
        out: Vec::new(),
        texts: String::new(),
        max_string_length,
    };
    // A string at the top is not an object, and said to be a string: its
    // text is not read either.
    walk(&mut tape, value, 1, false);
    assemble(&tape.out, &tape.texts)
}

/// A tape of `tokens` and `texts`, the text right after the tokens (see
/// the module's documentation).
pub fn assemble(tokens: &[u8], texts: &str) -> Vec<u8> {
    let mut tape = (tokens.len() as u32).to_le_bytes().to_vec();
    tape.extend(((HEADER + tokens.len()) as u32).to_le_bytes());
    tape.extend(tokens);
    tape.extend(texts.as_bytes());
    tape
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_value_reads_as_its_text() {
        for (index, value) in KNOWN_VALUES.iter().enumerate() {
            assert!(value.is_ascii() && !value.is_empty(), "{value}");
            let tape = assemble(&[KNOWN_STRING, index as u8], "");
            let mut source = TapeSource::new(&tape, |n| n.to_string());
            assert_eq!(
                source.next_token().ok(),
                Some(Token::String { chars: value.len() })
            );
            assert_eq!(source.text(), *value);
        }
        let past = assemble(&[KNOWN_STRING, KNOWN_VALUES.len() as u8], "");
        assert!(TapeSource::new(&past, |n| n.to_string())
            .next_token()
            .is_err());
        // The event's name goes by its number, a note by its length.
        let value = serde_json::json!({"event": "repair_started", "notes": "repair_started"});
        let tape = encode(&value, 100);
        let mut source = TapeSource::new(&tape, |n| n.to_string());
        let mut texts = Vec::new();
        while let Ok(token) = source.next_token() {
            texts.push((token, source.text().to_owned()));
        }
        assert_eq!(
            texts[2],
            (Token::String { chars: 14 }, "repair_started".into())
        );
        assert_eq!(texts[4], (Token::String { chars: 14 }, String::new()));
    }

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
        let tape = encode(&value, 0);
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
                    duplicate: false,
                    known: None
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
                    duplicate: false,
                    known: None
                },
                Token::String { chars: 1 },
                Token::ObjectStart,
                Token::ObjectEnd,
                Token::ObjectEnd,
            ]
        );
    }

    /// Every token of a tape, with the text of those that have one.
    fn read_all(tape: &[u8]) -> Vec<(Token, String)> {
        let mut source = TapeSource::new(tape, |n| n.to_string());
        std::iter::from_fn(|| {
            let token = source.next_token().ok()?;
            let text = match token {
                Token::Key { .. } | Token::String { .. } | Token::Foreign => source.text(),
                _ => "",
            };
            Some((token, text.to_owned()))
        })
        .collect()
    }

    #[test]
    fn numbers_an_i32_holds_take_five_bytes_and_read_the_same() {
        for n in [0.0, -0.0, 1.0, -1.0, 2147483647.0, -2147483648.0] {
            let tape = encode(&serde_json::json!(n), 0);
            assert_eq!((tape[HEADER], tape.len()), (INTEGER, HEADER + 5), "{n}");
            assert_eq!(read_all(&tape)[0].0, Token::Number(n));
        }
        for n in [0.5, 2147483648.0, -2147483649.0, 1e300, -1e-300] {
            let tape = encode(&serde_json::json!(n), 0);
            assert_eq!((tape[HEADER], tape.len()), (NUMBER, HEADER + 9), "{n}");
            assert_eq!(read_all(&tape)[0].0, Token::Number(n));
        }
    }

    #[test]
    fn values_json_cannot_carry_read_as_described() {
        let mut tokens = vec![ARRAY_START];
        for kind in 0..FOREIGN.len() as u8 {
            tokens.extend([FOREIGN_TAG, kind]);
        }
        tokens.extend([FOREIGN_TAG, CLASS_OBJECT, STRING, 4, 0, 0, 0]);
        tokens.extend([STRING, 1, 0, 0, 0, ARRAY_END]);
        let read = read_all(&assemble(&tokens, "Datex"));
        let mut expected: Vec<(Token, String)> = FOREIGN
            .iter()
            .map(|(_, what)| (Token::Foreign, (*what).to_owned()))
            .collect();
        expected.insert(0, (Token::ArrayStart, String::new()));
        expected.push((Token::Foreign, "a Date object".into()));
        expected.push((Token::String { chars: 1 }, "x".into()));
        expected.push((Token::ArrayEnd, String::new()));
        assert_eq!(read, expected);
        assert_eq!(describe_foreign("function"), "a function");
        // A kind past the table, or a class without its name, is a broken tape.
        for tokens in [[FOREIGN_TAG, CLASS_OBJECT + 1], [FOREIGN_TAG, CLASS_OBJECT]] {
            let tape = assemble(&tokens, "");
            assert!(TapeSource::new(&tape, |n| n.to_string())
                .next_token()
                .is_err());
        }
    }

    #[test]
    fn the_foreign_kinds_are_the_table_and_the_class_object() {
        let kinds = foreign_kinds();
        assert_eq!(kinds["function"], 0);
        assert_eq!(kinds["classObject"], u64::from(CLASS_OBJECT));
        assert_eq!(kinds.as_object().map(|k| k.len()), Some(FOREIGN.len() + 1));
    }

    #[test]
    fn texts_are_cut_by_their_utf16_lengths() {
        let value = serde_json::json!(["ab", "é😀c", "", "d😀", "plain ascii"]);
        let read: Vec<String> = read_all(&encode(&value, 0))
            .into_iter()
            .filter(|(token, _)| matches!(token, Token::String { .. }))
            .map(|(_, text)| text)
            .collect();
        assert_eq!(read, ["ab", "é😀c", "", "d😀", "plain ascii"]);
        let chars: Vec<Token> = read_all(&encode(&value, 0))
            .into_iter()
            .map(|(token, _)| token)
            .filter(|token| matches!(token, Token::String { .. }))
            .collect();
        let want = [2, 3, 0, 2, 11].map(|chars| Token::String { chars });
        assert_eq!(chars, want);
        // A length that ends inside a character, or past the text, is a broken tape.
        for (units, text) in [(1, "😀"), (3, "ab"), (1, "")] {
            let tape = assemble(&[STRING, units, 0, 0, 0], text);
            assert!(TapeSource::new(&tape, |n| n.to_string())
                .next_token()
                .is_err());
        }
        // And so is text that is not UTF-8.
        let mut tape = assemble(&[STRING, 1, 0, 0, 0], "");
        tape.push(0xff);
        assert!(TapeSource::new(&tape, |n| n.to_string())
            .next_token()
            .is_err());
    }

    #[test]
    fn a_skipped_container_reads_on_where_its_tokens_do() {
        for value in [
            serde_json::json!([[1, 2.5, "é😀", {"k": [null, true, false, "x"]}], "after", 3]),
            serde_json::json!([["ascii", {"k": -7, "notes": [null]}], "after", 3]),
        ] {
            let tape = encode(&value, 0);
            let mut skipped = TapeSource::new(&tape, |n| n.to_string());
            let mut read = TapeSource::new(&tape, |n| n.to_string());
            for source in [&mut skipped, &mut read] {
                assert_eq!(source.next_token(), Ok(Token::ArrayStart));
                assert_eq!(source.next_token(), Ok(Token::ArrayStart));
            }
            skipped.skip_container().unwrap();
            let mut open = 1;
            while open > 0 {
                match read.next_token().unwrap() {
                    Token::ArrayStart | Token::ObjectStart => open += 1,
                    Token::ArrayEnd | Token::ObjectEnd => open -= 1,
                    _ => {}
                }
            }
            for _ in 0..4 {
                let (a, b) = (skipped.next_token(), read.next_token());
                assert_eq!(a, b);
                if a.is_ok() {
                    assert_eq!(skipped.text(), read.text());
                }
            }
        }
        let cut = assemble(&[ARRAY_START, NUMBER, 0, 0], "");
        let mut cut = TapeSource::new(&cut, |n| n.to_string());
        assert!(cut.skip_container().is_err());
    }

    #[test]
    fn known_keys_cross_as_their_number_and_read_as_their_text() {
        let keys: Vec<&str> = KnownKey::all().map(KnownKey::name).collect();
        assert_eq!(keys.len(), crate::rules::FIELDS.len() + 1);
        let distinct: std::collections::BTreeSet<_> = keys.iter().collect();
        assert_eq!(distinct.len(), keys.len());
        assert_eq!(known_keys().as_array().map(Vec::len), Some(keys.len()));
        let value = serde_json::json!({"event": "x", "notes": "n", "other": {"notes": 1}});
        let tape = encode(&value, 0);
        assert_eq!(tape.iter().filter(|&&b| b == KNOWN_KEY).count(), 3);
        let read: Vec<(Token, String)> = read_all(&tape)
            .into_iter()
            .filter(|(token, _)| matches!(token, Token::Key { .. }))
            .collect();
        // A known key says which it is; any other key, that it says nothing.
        let key = |text: &str| {
            (
                Token::Key {
                    chars: text.len(),
                    duplicate: false,
                    known: KnownKey::of_name(text),
                },
                text.to_owned(),
            )
        };
        assert_eq!(read, ["event", "notes", "other", "notes"].map(key));
        assert!(matches!(
            read[1].0,
            Token::Key { known: Some(k), .. } if k.field().map(|f| f.name) == Some("notes")
        ));
        // An index past the list is a broken tape.
        let tape = assemble(&[OBJECT_START, KNOWN_KEY, keys.len() as u8], "");
        let mut source = TapeSource::new(&tape, |n| n.to_string());
        assert_eq!(source.next_token(), Ok(Token::ObjectStart));
        assert!(source.next_token().is_err());
    }

    #[test]
    fn the_text_is_read_where_the_header_says_it_starts() {
        let value = serde_json::json!({"key": "value", "n": [1, "é"]});
        let tape = encode(&value, 0);
        let tokens = u32::from_le_bytes([tape[0], tape[1], tape[2], tape[3]]) as usize;
        let end = HEADER + tokens;
        // What pkg/api.js writes: a gap (never read) between the tokens and the text.
        let mut gapped = tape[..end].to_vec();
        gapped.extend([0xff; 5]);
        gapped.extend(&tape[end..]);
        gapped[4..8].copy_from_slice(&((end + 5) as u32).to_le_bytes());
        assert_eq!(read_all(&gapped), read_all(&tape));
        // Text said to start inside the tokens is a broken tape.
        let mut inside = tape.clone();
        inside[4..8].copy_from_slice(&((end - 1) as u32).to_le_bytes());
        assert!(TapeSource::new(&inside, |n| n.to_string())
            .next_token()
            .is_err());
    }

    #[test]
    fn a_cut_tape_is_an_error_not_a_panic() {
        let tape = encode(&serde_json::json!({"key": "value", "n": 1}), 0);
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
