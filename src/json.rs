//! A pull tokenizer for JSON text (RFC 8259), strict: no comments, no
//! trailing commas, no byte order mark, no lone surrogates. It keeps an
//! explicit stack, so nesting depth never touches the call stack, and it
//! reports keys repeated in one object.

use std::collections::BTreeSet;

use crate::decimal::{self, Decimal, MAX_DIGITS, MAX_MANTISSA};
use crate::key_set::KeySet;
use crate::known_key::KnownKey;
use crate::location::{Offsets, Span};
use crate::scan::{self, plain_run};
use crate::syntax_error::{self, Context, Wanted};
use crate::token::{is_scalar, ItemCheck, MemberCheck, Source, SourceError, Token};

/// Objects with more keys than this switch from a linear scan to a hash
/// table of their keys for duplicate detection (src/key_set.rs), and from it
/// to an ordered set if the table is flooded with colliding keys (a fixed
/// hash, all the module has, can be; an ordered set costs a logarithm
/// whatever the keys).
const LINEAR_KEYS: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// A value: the top level, after `:` or after `,` in an array.
    Value,
    /// The first key of an object, or `}`.
    FirstKey,
    /// The first item of an array, or `]`.
    FirstItem,
    /// `,` or the end of the container; at the top level, the end of input.
    AfterValue,
}

struct Frame {
    object: bool,
    /// Index into `JsonSource::keys` where this object's keys start.
    keys_from: usize,
    /// Index into `JsonSource::unescaped` where this object's decoded keys start.
    unescaped_from: usize,
    /// How its keys are found, once it has more than `LINEAR_KEYS`.
    set: Option<KeyIndex>,
    /// The known keys met in it so far, a bit per number: the event's own
    /// members are found by number, so a repeated one is told by its bit,
    /// with no hash and no comparison (`seen_known`). Only the keys that
    /// are not known go to `keys`.
    known: u64,
}

// A bit of `Frame::known` for every known key.
const _: () = assert!(crate::rules::FIELDS.len() < u64::BITS as usize);

/// How the keys of a big object are found.
enum KeyIndex {
    /// Its keys stay in `JsonSource::keys`, found by their hashes.
    Hashed(KeySet),
    /// Its decoded keys, after a flood of colliding hashes. Ordered by the
    /// hash first, so most comparisons compare two numbers.
    Ordered(BTreeSet<(u64, Box<str>)>),
}

/// The buffers of a `JsonSource`, kept from one body to the next so that
/// validating a body allocates nothing once they have grown.
#[derive(Default)]
struct Buffers {
    stack: Vec<Frame>,
    keys: Vec<KeyRef>,
    unescaped: String,
    scratch: String,
    spare_keys: Option<KeySet>,
}

/// Where a key of an open object is: a byte range of the text, or, for a key
/// with escapes, of `JsonSource::unescaped`, where it was decoded once.
#[derive(Clone, Copy)]
struct KeyRef {
    start: usize,
    end: usize,
    unescaped: bool,
    /// `key_hash` of its text (once its object has a second key): most
    /// comparisons of two keys compare these.
    hash: u64,
}

thread_local! {
    static SPARE: std::cell::Cell<Option<Buffers>> = const { std::cell::Cell::new(None) };
}

/// Tokens of one JSON text.
pub struct JsonSource<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    expect: Expect,
    stack: Vec<Frame>,
    /// The keys of the open objects (until an object has more than
    /// `LINEAR_KEYS`, when its keys move to its frame's set).
    keys: Vec<KeyRef>,
    /// The decoded text of the keys with escapes in `keys`.
    unescaped: String,
    /// The last string's text, when it had escapes (otherwise `raw`).
    scratch: String,
    /// The hash table of the last big object closed, emptied, for the next
    /// (src/key_set.rs says which are kept): a big object's table is not
    /// taken, zeroed and grown again on every body.
    spare_keys: Option<KeySet>,
    raw: (usize, usize),
    escaped: bool,
    /// Byte range of the last number literal.
    number: (usize, usize),
    /// Bytes of the last token.
    last: Span,
    /// The last thing read was a `,`: for the trailing-comma hint.
    after_comma: bool,
    /// The units of locations; `None` keeps spans off (text serialised from
    /// a value, whose issues have no place in any text the caller holds).
    offsets: Option<Offsets>,
    /// Why the body cannot be read at all, given at the first token.
    unreadable: Option<SourceError>,
    /// While a value is skipped: the innermost container opened inside it
    /// (`true` for an object), which `stack` does not hold.
    skipped_inside: Option<bool>,
    /// Strings with escapes are decoded (into `scratch`); not while a value
    /// is skipped, whose text nothing asks for.
    decode: bool,
}

impl<'a> JsonSource<'a> {
    /// A source over `bytes`, which should be UTF-8 JSON text (if it is not,
    /// the first token is the error). Spans count in `offsets`, or are off.
    pub fn new(bytes: &'a [u8], offsets: Option<Offsets>) -> JsonSource<'a> {
        let (text, unreadable) = match scan::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(e) => {
                let valid = e.valid_up_to();
                let text =
                    std::str::from_utf8(bytes.get(..valid).unwrap_or_default()).unwrap_or_default();
                let error = syntax_error::at(
                    bytes,
                    valid,
                    e.error_len().unwrap_or(1),
                    "it has a byte that is not UTF-8, and JSON text must be UTF-8",
                );
                (text, Some(error))
            }
        };
        let unreadable = unreadable.or_else(|| {
            if text.starts_with('\u{feff}') {
                Some(syntax_error::at(
                    bytes,
                    0,
                    3,
                    "it starts with a byte order mark (U+FEFF): remove it, JSON text must not begin with one",
                ))
            } else if text.trim_matches([' ', '\t', '\n', '\r']).is_empty() {
                Some(SourceError {
                    span: Span {
                        offset: 0,
                        length: bytes.len(),
                    },
                    message: "The body is empty: it must be a JSON object.".into(),
                })
            } else {
                None
            }
        });
        let Buffers {
            stack,
            keys,
            unescaped,
            scratch,
            spare_keys,
        } = SPARE.with(std::cell::Cell::take).unwrap_or_default();
        JsonSource {
            text,
            bytes,
            pos: 0,
            expect: Expect::Value,
            stack,
            keys,
            unescaped,
            scratch,
            spare_keys,
            raw: (0, 0),
            escaped: false,
            number: (0, 0),
            last: Span::default(),
            after_comma: false,
            offsets,
            unreadable,
            skipped_inside: None,
            decode: true,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline]
    fn skip_ws(&mut self) {
        let mut pos = self.pos;
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(pos) {
            pos += 1;
        }
        self.pos = pos;
    }

    /// The error `what` at the current position, one byte long.
    fn fail<T>(&self, what: &str) -> Result<T, SourceError> {
        Err(syntax_error::at(self.bytes, self.pos, 1, what))
    }

    /// The error for what is at the current position, where `wanted` was expected.
    fn unexpected<T>(&self, wanted: Wanted) -> Result<T, SourceError> {
        let context = Context {
            wanted,
            inside: self
                .skipped_inside
                .or_else(|| self.stack.last().map(|f| f.object)),
            after_comma: self.after_comma,
        };
        Err(syntax_error::unexpected(self.bytes, self.pos, context))
    }

    fn value(&mut self) -> Result<Token, SourceError> {
        let token = match self.peek() {
            Some(b'{') => {
                self.pos += 1;
                self.stack.push(Frame {
                    object: true,
                    keys_from: self.keys.len(),
                    unescaped_from: self.unescaped.len(),
                    set: None,
                    known: 0,
                });
                self.expect = Expect::FirstKey;
                return Ok(Token::ObjectStart);
            }
            Some(b'[') => {
                self.pos += 1;
                self.stack.push(Frame {
                    object: false,
                    keys_from: self.keys.len(),
                    unescaped_from: self.unescaped.len(),
                    set: None,
                    known: 0,
                });
                self.expect = Expect::FirstItem;
                return Ok(Token::ArrayStart);
            }
            Some(b'"') => Token::String {
                chars: self.string()?,
            },
            Some(b't') => self.literal("true", Token::Bool(true))?,
            Some(b'f') => self.literal("false", Token::Bool(false))?,
            Some(b'n') => self.literal("null", Token::Null)?,
            Some(b'-' | b'0'..=b'9') => Token::Number(self.number()?),
            _ => return self.unexpected(Wanted::Value),
        };
        self.expect = Expect::AfterValue;
        Ok(token)
    }

    fn literal(&mut self, word: &str, token: Token) -> Result<Token, SourceError> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(token)
        } else {
            self.unexpected(Wanted::Value)
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    /// Reads a number: most in one pass (`fast_number`); the rest, and
    /// what is not a number after all, with the grammar checked step by
    /// step for the error's words.
    fn number(&mut self) -> Result<f64, SourceError> {
        let start = self.pos;
        if let Some((n, end)) = fast_number(self.bytes, start) {
            self.number = (start, end);
            self.pos = end;
            return Ok(n);
        }
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            Some(b'I') => {
                // `-Infinity`: said as such.
                self.pos = start;
                return self.unexpected(Wanted::Value);
            }
            _ => return self.fail("it has a number with no digits"),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return self.fail("it has a number with no digits after the decimal point");
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return self.fail("it has a number with no digits in its exponent");
            }
        }
        if let Some(b'0'..=b'9') = self.peek() {
            return self.fail("it has a number with a leading zero, which JSON does not allow");
        }
        self.number = (start, self.pos);
        let literal = self.text.get(start..self.pos).unwrap_or_default();
        // The grammar above is a subset of what every conversion accepts;
        // each rounds correctly (as `JSON.parse` does) and overflows to
        // infinity, which the validator flags. A call out to the host per
        // number (in WebAssembly) is only for the rare literal the fast
        // path does not take (a mantissa past 2^53, a power of ten past 22).
        match decimal::parse_general(literal) {
            Some(n) => Ok(n),
            None => self.fail("it has a number that cannot be read"),
        }
    }

    /// Reads a string starting at `"`; its text goes to `raw` or `scratch`.
    /// Returns its length in characters. The position is a local while it
    /// reads (written back for an escape, which reads from it).
    fn string(&mut self) -> Result<usize, SourceError> {
        let bytes = self.bytes;
        let start = self.pos + 1;
        let mut pos = start;
        let mut chars = 0;
        self.escaped = false;
        loop {
            match bytes.get(pos) {
                Some(b'"') => break,
                Some(b'\\') => {
                    if self.decode && !self.escaped {
                        self.escaped = true;
                        self.scratch.clear();
                        self.scratch
                            .push_str(self.text.get(start..pos).unwrap_or_default());
                    }
                    if let Some(c) = bmp_escape(bytes, pos) {
                        // The usual `\u` escape, read here; the rest (and
                        // every error) by `escape`.
                        if self.decode {
                            self.scratch.push(c);
                        }
                        pos += 6;
                    } else {
                        self.pos = pos;
                        self.escape()?;
                        pos = self.pos;
                    }
                    chars += 1;
                }
                Some(0x20..) => {
                    let (len, continuations) = plain_run(bytes.get(pos..).unwrap_or_default());
                    chars += len - continuations;
                    if self.escaped {
                        self.scratch
                            .push_str(self.text.get(pos..pos + len).unwrap_or_default());
                    }
                    pos += len;
                }
                None => {
                    self.pos = pos;
                    return Err(syntax_error::at(
                        bytes,
                        pos,
                        0,
                        "the body ends inside a string: is it cut short, or is a closing quote missing?",
                    ));
                }
                Some(b'\n') => {
                    self.pos = pos;
                    return self.fail(
                        "it has a line break inside a string: write it as \\n, or close the string with a double quote",
                    );
                }
                Some(_) => {
                    self.pos = pos;
                    return self.fail(
                        "it has a control character inside a string: escape it (\\t, \\u0000)",
                    );
                }
            }
        }
        self.raw = (start, pos);
        self.pos = pos + 1;
        Ok(chars)
    }

    /// Decodes one escape sequence at `\` into `scratch`.
    fn escape(&mut self) -> Result<(), SourceError> {
        self.pos += 1;
        let decoded = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let high = self.hex4()?;
                let code = if (0xd800..0xdc00).contains(&high) {
                    if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                        return self.fail("it has a lone surrogate escape (\\uD800–\\uDBFF without its pair), which is not a Unicode character");
                    }
                    self.pos += 2;
                    let low = self.hex4()?;
                    if !(0xdc00..0xe000).contains(&low) {
                        return self.fail("it has a lone surrogate escape (\\uD800–\\uDBFF without its pair), which is not a Unicode character");
                    }
                    0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00)
                } else if (0xdc00..0xe000).contains(&high) {
                    return self.fail("it has a lone surrogate escape (\\uDC00–\\uDFFF without its pair), which is not a Unicode character");
                } else {
                    high
                };
                if self.decode {
                    let c = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
                    self.scratch.push(c);
                }
                return Ok(());
            }
            _ => return self.fail("it has an unknown escape sequence in a string (JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"),
        };
        if self.decode {
            self.scratch.push(decoded);
        }
        self.pos += 1;
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, SourceError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return self.fail("it has a \\u escape without four hexadecimal digits"),
            };
            code = code * 16 + u32::from(digit);
            self.pos += 1;
        }
        Ok(code)
    }

    fn key(&mut self) -> Result<Token, SourceError> {
        self.key_remembered(true)
    }

    /// Reads a key; `remember` records it for duplicate checks (a skipped
    /// value's keys are not checked).
    fn key_remembered(&mut self, remember: bool) -> Result<Token, SourceError> {
        if self.peek() != Some(b'"') {
            return self.unexpected(Wanted::Key);
        }
        let start = self.pos;
        let chars = self.string()?;
        let span = Span {
            offset: start,
            length: self.pos - start,
        };
        // The event's own members say which known key they are, so the
        // walk goes straight to the field, and a repeated one is told by
        // its number; deeper keys (metadata) are never fields, and keys in
        // a skipped value are never asked about: neither is looked up.
        let known = match (remember, self.stack.len()) {
            (true, 1) => crate::field_index::known_key(decoded(
                self.text,
                self.raw,
                self.escaped,
                &self.scratch,
            )),
            _ => None,
        };
        let duplicate = match known {
            Some(key) => self.seen_known(key),
            None => remember && self.remember_key(),
        };
        self.skip_ws();
        self.after_comma = false;
        if self.peek() != Some(b':') {
            return self.unexpected(Wanted::Colon);
        }
        self.pos += 1;
        self.expect = Expect::Value;
        self.last = span;
        Ok(Token::Key {
            chars,
            duplicate,
            known,
        })
    }

    /// Records the known key just read in its object; `true` if it was
    /// already there.
    fn seen_known(&mut self, key: KnownKey) -> bool {
        let Some(frame) = self.stack.last_mut() else {
            return false;
        };
        let bit = 1u64 << key.index();
        let seen = frame.known & bit != 0;
        frame.known |= bit;
        seen
    }

    /// Records the key just read in its object; `true` if it was already
    /// there. Each key is decoded once (by `string`) and copied at most
    /// once (to `unescaped`; to an ordered set only after a flood of
    /// colliding hashes): no comparison redoes work.
    fn remember_key(&mut self) -> bool {
        let Some(frame) = self.stack.last_mut() else {
            return false;
        };
        let (from, unescaped_from) = (frame.keys_from, frame.unescaped_from);
        if frame.set.is_none() && self.keys.len() - from < LINEAR_KEYS {
            // A small object (most are): the earlier keys one by one.
            let this = decoded(self.text, self.raw, self.escaped, &self.scratch);
            let (text, unescaped) = (self.text, &self.unescaped);
            // Hashed from the second key on: an object of one key (or of
            // one long key in each of many levels) needs no hash.
            match self.keys.get_mut(from..).unwrap_or_default() {
                [] => {
                    self.push_key(0);
                    return false;
                }
                [only] => only.hash = key_hash(key_text(text, unescaped, *only)),
                _ => {}
            }
            let hash = key_hash(this);
            let earlier = self.keys.get(from..).unwrap_or_default();
            let duplicate = earlier
                .iter()
                .any(|&key| key.hash == hash && key_text(text, unescaped, key) == this);
            self.push_key(hash);
            return duplicate;
        }
        // Taken out while the keys change, and put back.
        let set = frame.set.take();
        let (set, duplicate) = self.find_key(set, from, unescaped_from);
        if let Some(frame) = self.stack.last_mut() {
            frame.set = set;
        }
        duplicate
    }

    /// `remember_key` for the innermost object, whose keys start at `from`
    /// (and at `unescaped_from`) and are found by `set` once it has more
    /// than `LINEAR_KEYS`: the set from now on, and whether the key was there.
    fn find_key(
        &mut self,
        set: Option<KeyIndex>,
        from: usize,
        unescaped_from: usize,
    ) -> (Option<KeyIndex>, bool) {
        let this = decoded(self.text, self.raw, self.escaped, &self.scratch);
        let (text, unescaped, keys) = (self.text, &self.unescaped, &self.keys);
        match set {
            Some(KeyIndex::Ordered(mut set)) => {
                let duplicate = !set.insert((key_hash(this), Box::from(this)));
                (Some(KeyIndex::Ordered(set)), duplicate)
            }
            Some(KeyIndex::Hashed(mut table)) => {
                let same = |i: usize| {
                    keys.get(i)
                        .is_some_and(|&k| key_text(text, unescaped, k) == this)
                };
                let hash = key_hash(this);
                match table.insert(hash, keys.len(), same) {
                    Some(true) => (Some(KeyIndex::Hashed(table)), true),
                    Some(false) => {
                        self.push_key(hash);
                        (Some(KeyIndex::Hashed(table)), false)
                    }
                    None => {
                        // Flooded: the keys so far to an ordered set, then this one.
                        let mut set = self.ordered_keys(from, unescaped_from);
                        let this = decoded(self.text, self.raw, self.escaped, &self.scratch);
                        let duplicate = !set.insert((key_hash(this), Box::from(this)));
                        (Some(KeyIndex::Ordered(set)), duplicate)
                    }
                }
            }
            None => {
                let hash = key_hash(this);
                let earlier = keys.get(from..).unwrap_or_default();
                let duplicate = earlier
                    .iter()
                    .any(|&key| key.hash == hash && key_text(text, unescaped, key) == this);
                self.push_key(hash);
                let set = if self.keys.len() - from > LINEAR_KEYS {
                    Some(self.hashed_keys(from))
                } else {
                    None
                };
                (set, duplicate)
            }
        }
    }

    /// A hash table of the keys kept from `from` on (duplicates among them
    /// entered once).
    fn hashed_keys(&mut self, from: usize) -> KeyIndex {
        let mut table = self
            .spare_keys
            .take()
            .unwrap_or_else(|| KeySet::with_capacity(4 * LINEAR_KEYS));
        let (text, unescaped) = (self.text, &self.unescaped);
        let keys = self.keys.get(from..).unwrap_or_default();
        for (i, &key) in keys.iter().enumerate() {
            let this = key_text(text, unescaped, key);
            let same = |j: usize| {
                self.keys
                    .get(j)
                    .is_some_and(|&k| key_text(text, unescaped, k) == this)
            };
            // A few keys cannot spend the probe budget.
            let _ = table.insert(key.hash, from + i, same);
        }
        KeyIndex::Hashed(table)
    }

    /// Keeps where the key just read is (its decoded text copied to
    /// `unescaped` when it had escapes), for later comparisons.
    fn push_key(&mut self, hash: u64) {
        let key = if self.escaped {
            let start = self.unescaped.len();
            self.unescaped.push_str(&self.scratch);
            KeyRef {
                start,
                end: self.unescaped.len(),
                unescaped: true,
                hash,
            }
        } else {
            KeyRef {
                start: self.raw.0,
                end: self.raw.1,
                unescaped: false,
                hash,
            }
        };
        self.keys.push(key);
    }

    /// The keys kept from `keys_from` (and `unescaped_from`) on, moved to
    /// an ordered set.
    fn ordered_keys(
        &mut self,
        keys_from: usize,
        unescaped_from: usize,
    ) -> BTreeSet<(u64, Box<str>)> {
        // Inserted one by one: collecting would sort, pulling a sort into the module.
        let mut set = BTreeSet::new();
        for &key in self.keys.get(keys_from..).unwrap_or_default() {
            let text = key_text(self.text, &self.unescaped, key);
            set.insert((key.hash, Box::from(text)));
        }
        self.keys.truncate(keys_from);
        self.unescaped.truncate(unescaped_from);
        set
    }

    /// Reads past the rest of the innermost open container, checking only
    /// that it is JSON: the grammar of `token`, with the same errors, but
    /// the containers opened inside cost a byte each rather than a `Frame`
    /// (a body of brackets nests half a million deep) and keys are not
    /// remembered.
    fn skip_open_container(&mut self) -> Result<(), SourceError> {
        let Some(outer) = self.stack.last().map(|f| f.object) else {
            return Ok(());
        };
        let mut inner: Vec<bool> = Vec::new();
        loop {
            // As `next_token` does between tokens.
            self.after_comma = false;
            self.skip_ws();
            let object = inner.last().copied().unwrap_or(outer);
            match self.expect {
                Expect::FirstKey if self.peek() == Some(b'}') => self.pos += 1,
                Expect::FirstItem if self.peek() == Some(b']') => self.pos += 1,
                Expect::FirstKey => {
                    self.skip_key()?;
                    continue;
                }
                Expect::Value | Expect::FirstItem => {
                    self.skip_value(&mut inner)?;
                    continue;
                }
                Expect::AfterValue => match (self.peek(), object) {
                    (Some(b','), _) => {
                        self.pos += 1;
                        self.skip_ws();
                        self.after_comma = true;
                        if object {
                            self.skip_key()?;
                        } else {
                            self.skip_value(&mut inner)?;
                        }
                        continue;
                    }
                    (Some(b'}'), true) | (Some(b']'), false) => self.pos += 1,
                    _ => return self.unexpected(Wanted::CommaOrEnd),
                },
            }
            // A container closed.
            self.expect = Expect::AfterValue;
            if inner.pop().is_none() {
                self.close(outer);
                self.last = Span {
                    offset: self.pos - 1,
                    length: 1,
                };
                return Ok(());
            }
            self.skipped_inside = inner.last().copied();
        }
    }

    /// A key inside a skipped value, and its colon: a plain one (no
    /// escapes, the colon right after it) with no more than a look at each
    /// byte, the rest as `key_remembered` reads them (with their errors).
    fn skip_key(&mut self) -> Result<(), SourceError> {
        let bytes = self.bytes;
        if bytes.get(self.pos) == Some(&b'"') {
            let from = self.pos + 1;
            let (len, _) = plain_run(bytes.get(from..).unwrap_or_default());
            let end = from + len;
            if bytes.get(end..end + 2) == Some(b"\":") {
                self.pos = end + 2;
                self.after_comma = false;
                self.expect = Expect::Value;
                return Ok(());
            }
        }
        self.key_remembered(false).map(drop)
    }

    /// A value inside a skipped one: a container is opened on `inner`.
    fn skip_value(&mut self, inner: &mut Vec<bool>) -> Result<(), SourceError> {
        let object = match self.peek() {
            Some(b'{') => true,
            Some(b'[') => false,
            Some(b'0'..=b'9') => {
                // A short integer (the usual scalar), as `short_integer` reads it.
                if let Some((_, end)) = short_integer(self.bytes, self.pos) {
                    self.pos = end;
                    self.expect = Expect::AfterValue;
                    return Ok(());
                }
                return self.value().map(drop);
            }
            _ => return self.value().map(drop),
        };
        self.pos += 1;
        inner.push(object);
        self.skipped_inside = Some(object);
        self.expect = if object {
            Expect::FirstKey
        } else {
            Expect::FirstItem
        };
        Ok(())
    }

    fn close(&mut self, object: bool) -> Token {
        if let Some(frame) = self.stack.pop() {
            if let Some(KeyIndex::Hashed(mut table)) = frame.set {
                if table.clear_for_reuse(self.keys.len() - frame.keys_from) {
                    self.spare_keys = Some(table);
                }
            }
            self.keys.truncate(frame.keys_from);
            self.unescaped.truncate(frame.unescaped_from);
        }
        self.expect = Expect::AfterValue;
        if object {
            Token::ObjectEnd
        } else {
            Token::ArrayEnd
        }
    }
}

impl Drop for JsonSource<'_> {
    fn drop(&mut self) {
        let mut buffers = Buffers {
            stack: std::mem::take(&mut self.stack),
            keys: std::mem::take(&mut self.keys),
            unescaped: std::mem::take(&mut self.unescaped),
            scratch: std::mem::take(&mut self.scratch),
            spare_keys: self.spare_keys.take(),
        };
        buffers.stack.clear();
        buffers.keys.clear();
        buffers.unescaped.clear();
        buffers.scratch.clear();
        // Huge buffers (a hostile body) are not kept.
        if buffers.keys.capacity() <= 4096
            && buffers.unescaped.capacity() <= 65_536
            && buffers.scratch.capacity() <= 65_536
            && buffers.stack.capacity() <= 256
        {
            SPARE.with(|spare| spare.set(Some(buffers)));
        }
    }
}

impl JsonSource<'_> {
    /// The next token inside an array, which `token` would read (it does
    /// not look up the innermost container: the caller knows it).
    #[inline]
    fn item(&mut self) -> Result<Token, SourceError> {
        self.skip_ws();
        match (self.expect, self.peek()) {
            (Expect::AfterValue, Some(b',')) => {
                self.pos += 1;
                self.skip_ws();
                self.after_comma = true;
            }
            (Expect::AfterValue | Expect::FirstItem, Some(b']')) => {
                self.pos += 1;
                return Ok(self.close(false));
            }
            (Expect::AfterValue, _) => return self.unexpected(Wanted::CommaOrEnd),
            _ => {}
        }
        self.value()
    }

    /// The next token, its span not yet recorded (keys record their own).
    fn token(&mut self) -> Result<Token, SourceError> {
        self.skip_ws();
        match self.expect {
            Expect::Value => self.value(),
            Expect::FirstKey if self.peek() == Some(b'}') => {
                self.pos += 1;
                Ok(self.close(true))
            }
            Expect::FirstKey => self.key(),
            Expect::FirstItem if self.peek() == Some(b']') => {
                self.pos += 1;
                Ok(self.close(false))
            }
            Expect::FirstItem => self.value(),
            Expect::AfterValue => {
                let Some(object) = self.stack.last().map(|f| f.object) else {
                    return self.unexpected(Wanted::End);
                };
                match (self.peek(), object) {
                    (Some(b','), true) => {
                        self.pos += 1;
                        self.skip_ws();
                        self.after_comma = true;
                        self.key()
                    }
                    (Some(b','), false) => {
                        self.pos += 1;
                        self.skip_ws();
                        self.after_comma = true;
                        self.value()
                    }
                    (Some(b'}'), true) => {
                        self.pos += 1;
                        Ok(self.close(true))
                    }
                    (Some(b']'), false) => {
                        self.pos += 1;
                        Ok(self.close(false))
                    }
                    _ => self.unexpected(Wanted::CommaOrEnd),
                }
            }
        }
    }
}

impl JsonSource<'_> {
    /// Records that `token` was read: its span, once it is whole.
    fn read(&mut self, token: Token) {
        self.after_comma = false;
        if !matches!(token, Token::Key { .. }) {
            // The token ends where reading stopped; it starts at its first
            // byte, after any whitespace and comma.
            let start = match token {
                Token::String { .. } => self.raw.0 - 1,
                Token::Number(_) => self.number.0,
                _ => self.pos - token_width(token),
            };
            self.last = Span {
                offset: start,
                length: self.pos - start,
            };
        }
    }
}

impl JsonSource<'_> {
    /// `Source::quiet_items_with` of the text: `check` inlines into its loop.
    #[inline]
    fn quiet_run(
        &mut self,
        max: usize,
        check: &mut ItemCheck,
    ) -> Result<(usize, Option<Token>), SourceError> {
        if let Some(error) = self.unreadable.take() {
            return Err(error);
        }
        if self.stack.last().is_none_or(|f| f.object) {
            // Not inside an array after all: the general way.
            return crate::token::quiet_items_by_token(self, max, check);
        }
        // Plain items are read with locals, and the source's own state is
        // written only when the run ends or an item is not plain.
        let bytes = self.bytes;
        let mut pos = self.pos;
        let mut plain = matches!(self.expect, Expect::FirstItem | Expect::AfterValue);
        let mut first = self.expect == Expect::FirstItem;
        let mut n = 0;
        let mut integers = true;
        while n < max {
            // The usual item of a flood first: a comma and a short
            // non-negative integer, with no more than a look at each byte.
            // (Tried until an item is not one, so that other items are not
            // read twice.)
            if integers && plain && !first {
                if let Some((value, end)) = comma_integer(bytes, pos) {
                    if check.accept(Token::Number(value)) {
                        pos = end;
                        n += 1;
                        continue;
                    }
                }
                integers = false;
            }
            if let Some((token, start, end)) =
                plain.then(|| plain_item(bytes, pos, first)).flatten()
            {
                first = false;
                if check.accept(token) {
                    pos = end;
                    n += 1;
                    continue;
                }
                match token {
                    Token::String { .. } => {
                        self.raw = (start + 1, end - 1);
                        self.escaped = false;
                    }
                    _ => self.number = (start, end),
                }
                self.pos = end;
                self.expect = Expect::AfterValue;
                self.read(token);
                return Ok((n, Some(token)));
            }
            // Anything else, the general way.
            self.pos = pos;
            if !first {
                self.expect = Expect::AfterValue;
            }
            let token = self.item()?;
            self.after_comma = false;
            if !is_scalar(token) || !check.accept(token) {
                self.read(token);
                return Ok((n, Some(token)));
            }
            (pos, plain, first) = (self.pos, true, false);
            n += 1;
        }
        self.pos = pos;
        if !first {
            self.expect = Expect::AfterValue;
        }
        Ok((n, None))
    }
}

impl JsonSource<'_> {
    /// `Source::quiet_members_with` of the text: each key is read (and
    /// remembered) as `token` reads it; a value only when it is a plain
    /// item (`plain_item`), and kept unread otherwise, for the walk.
    fn quiet_members(
        &mut self,
        members: &mut MemberCheck,
        check: &mut ItemCheck,
    ) -> Result<Option<Token>, SourceError> {
        if let Some(error) = self.unreadable.take() {
            return Err(error);
        }
        if !self.stack.last().is_some_and(|f| f.object) {
            return Ok(None);
        }
        while members.read < members.room {
            self.skip_ws();
            match (self.expect, self.peek()) {
                (Expect::FirstKey, Some(b'"')) => {}
                (Expect::AfterValue, Some(b',')) => {
                    self.pos += 1;
                    self.skip_ws();
                    self.after_comma = true;
                }
                // The object's end, or what is wrong: `token` reads it.
                _ => break,
            }
            let key = self.key()?;
            // As `read` records a key.
            self.after_comma = false;
            let Token::Key {
                chars, duplicate, ..
            } = key
            else {
                return Ok(Some(key));
            };
            let text = decoded(self.text, self.raw, self.escaped, &self.scratch);
            if !members.accept_key(chars, duplicate, text) {
                return Ok(Some(key));
            }
            let key_bytes = text.len();
            self.skip_ws();
            let Some((value, _, end)) = plain_item(self.bytes, self.pos, true) else {
                return Ok(Some(key));
            };
            if !check.accept(value) {
                return Ok(Some(key));
            }
            members.key_bytes += key_bytes;
            members.read += 1;
            self.pos = end;
            self.expect = Expect::AfterValue;
        }
        Ok(None)
    }
}

impl Source for JsonSource<'_> {
    fn quiet_members_with(
        &mut self,
        members: &mut MemberCheck,
        check: &mut ItemCheck,
    ) -> Result<Option<Token>, SourceError> {
        self.quiet_members(members, check)
    }

    /// The event's own members are looked up as they are read
    /// (`key_remembered`).
    fn says_every_known_key(&self) -> bool {
        true
    }

    fn next_token(&mut self) -> Result<Token, SourceError> {
        if let Some(error) = self.unreadable.take() {
            return Err(error);
        }
        let token = self.token()?;
        self.read(token);
        Ok(token)
    }

    fn quiet_items_with(
        &mut self,
        max: usize,
        check: &mut ItemCheck,
    ) -> Result<(usize, Option<Token>), SourceError> {
        self.quiet_run(max, check)
    }

    fn skip_container(&mut self) -> Result<(), SourceError> {
        if let Some(error) = self.unreadable.take() {
            return Err(error);
        }
        self.decode = false;
        let skipped = self.skip_open_container();
        self.decode = true;
        self.skipped_inside = None;
        self.after_comma = false;
        skipped
    }

    fn span(&self) -> Option<Span> {
        self.offsets.map(|_| self.last)
    }

    fn located_text(&self) -> Option<(&[u8], Offsets)> {
        self.offsets.map(|offsets| (self.bytes, offsets))
    }

    fn text(&self) -> &str {
        decoded(self.text, self.raw, self.escaped, &self.scratch)
    }

    fn number_text(&self, _: f64) -> String {
        self.text
            .get(self.number.0..self.number.1)
            .unwrap_or_default()
            .to_owned()
    }

    fn finish(&mut self) -> Result<(), SourceError> {
        self.skip_ws();
        if self.pos < self.bytes.len() {
            return self.unexpected(Wanted::End);
        }
        Ok(())
    }
}

/// The item of an array at `pos` of `bytes` (after a comma, unless it is
/// the `first`) when it is a plain one: a number the fast path reads, or a
/// string without escapes. Returns it with where it starts and ends. Read
/// with no more than a look at each byte, since floods are made of them;
/// `None` for anything else, which `JsonSource::item` reads (and whose
/// errors it words).
#[inline]
fn plain_item(bytes: &[u8], mut pos: usize, first: bool) -> Option<(Token, usize, usize)> {
    if !first {
        if bytes.get(pos) != Some(&b',') {
            return None;
        }
        pos += 1;
    }
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(pos) {
        pos += 1;
    }
    match bytes.get(pos) {
        Some(b'"') => {
            let from = pos + 1;
            let (len, continuations) = match bytes.get(from) {
                Some(b'"') => (0, 0),
                _ => plain_run(bytes.get(from..).unwrap_or_default()),
            };
            let end = from + len;
            if bytes.get(end) != Some(&b'"') {
                return None;
            }
            let chars = len - continuations;
            Some((Token::String { chars }, pos, end + 1))
        }
        Some(b'-' | b'0'..=b'9') => {
            let (n, end) = fast_number(bytes, pos)?;
            Some((Token::Number(n), pos, end))
        }
        _ => None,
    }
}

/// The item at `pos` of `bytes` when it is `,` and a non-negative integer
/// of at most 2^53 (exact in an `f64`) that nothing but `,`, `]` or
/// whitespace follows: its value and the index after it. `None` for
/// anything else, which `plain_item` reads.
#[inline(always)]
fn comma_integer(bytes: &[u8], pos: usize) -> Option<(f64, usize)> {
    let Some((b',', rest)) = bytes.get(pos..).and_then(|b| b.split_first()) else {
        return None;
    };
    let (value, digits) = leading_integer(rest)?;
    match rest.get(digits) {
        Some(b',' | b']' | b' ' | b'\t' | b'\n' | b'\r') => Some((value, pos + 1 + digits)),
        _ => None,
    }
}

/// The non-negative integer of at most 2^53 (exact in an `f64`) at
/// `pos` of `bytes` when nothing but `,`, `]`, `}` or whitespace follows it:
/// its value and the index after it. `None` for anything else.
#[inline(always)]
fn short_integer(bytes: &[u8], pos: usize) -> Option<(f64, usize)> {
    let rest = bytes.get(pos..)?;
    let (value, digits) = leading_integer(rest)?;
    match rest.get(digits) {
        Some(b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') => Some((value, pos + digits)),
        _ => None,
    }
}

/// The JSON integer of at most 2^53 (exact in an `f64`, no leading zero)
/// that `rest` starts with, and how many digits it has; `None` when `rest`
/// does not start with one. What follows it is the caller's to check.
#[inline(always)]
fn leading_integer(rest: &[u8]) -> Option<(f64, usize)> {
    let mut value = 0u64;
    let mut digits = 0;
    // A digit past `MAX_DIGITS` is read to be refused: any integer of
    // 17 digits is past 2^53.
    for &b in rest.iter().take(MAX_DIGITS as usize + 1) {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        value = value * 10 + u64::from(d);
        digits += 1;
    }
    if digits == 0 || value > MAX_MANTISSA || (digits > 1 && rest.first() == Some(&b'0')) {
        return None;
    }
    Some((value as f64, digits))
}

/// The number at `start` of `bytes`, with the index after it, when it is
/// JSON and its value is the fast path's (src/decimal.rs): most numbers,
/// read in one pass that checks the grammar and gathers the value, with no
/// more than a look at each byte. `None` for the rest (and for what is not
/// a number), which `JsonSource::number` reads step by step.
#[inline]
fn fast_number(bytes: &[u8], start: usize) -> Option<(f64, usize)> {
    let negative = bytes.get(start) == Some(&b'-');
    let first = start + usize::from(negative);
    // The integer part, as a plain integer: most numbers are nothing else.
    let mut pos = first;
    let mut integer = 0u64;
    while let Some(&b) = bytes.get(pos) {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        integer = integer * 10 + u64::from(d);
        pos += 1;
        if pos - first > MAX_DIGITS as usize {
            return None;
        }
    }
    let digits = pos - first;
    if digits == 0 || (digits > 1 && bytes.get(first) == Some(&b'0')) {
        return None;
    }
    if !matches!(bytes.get(pos), Some(b'.' | b'e' | b'E')) {
        if integer > MAX_MANTISSA {
            return None;
        }
        // At most 2^53: exact in an f64.
        let n = integer as f64;
        return Some((if negative { -n } else { n }, pos));
    }
    fast_fraction(bytes, pos, integer, digits, negative)
}

/// The rest of `fast_number` from `pos`, a fraction or an exponent after
/// the integer part `integer` of `digits` digits: apart, so that the
/// integer path stays small.
#[inline(never)]
fn fast_fraction(
    bytes: &[u8],
    mut pos: usize,
    integer: u64,
    digits: usize,
    negative: bool,
) -> Option<(f64, usize)> {
    if bytes.get(pos) == Some(&b'.') {
        // A short fraction (`0.5`, `12.75`): all its digits and the integer
        // part's in one plain integer (at most `MAX_DIGITS` of them, so no
        // overflow), divided by a power of ten once.
        let from = pos + 1;
        let mut end = from;
        let mut mantissa = integer;
        while let Some(&b) = bytes.get(end) {
            let d = b.wrapping_sub(b'0');
            if d > 9 || digits + (end - from) >= MAX_DIGITS as usize {
                break;
            }
            mantissa = mantissa * 10 + u64::from(d);
            end += 1;
        }
        if end > from && !matches!(bytes.get(end), Some(b'e' | b'E' | b'0'..=b'9')) {
            let n = decimal::short_fraction(mantissa, end - from)?;
            return Some((if negative { -n } else { n }, end));
        }
    }
    let mut decimal = Decimal::integer(integer, digits);
    if bytes.get(pos) == Some(&b'.') {
        let end = fast_digits(bytes, pos + 1, &mut decimal, true)?;
        if end == pos + 1 {
            return None;
        }
        pos = end;
    }
    let mut exponent = 0;
    if let Some(b'e' | b'E') = bytes.get(pos) {
        pos += 1;
        let negative = bytes.get(pos) == Some(&b'-');
        if let Some(b'+' | b'-') = bytes.get(pos) {
            pos += 1;
        }
        let from = pos;
        while let Some(&b) = bytes.get(pos) {
            let d = b.wrapping_sub(b'0');
            if d > 9 {
                break;
            }
            exponent = decimal::push_exponent(exponent, d);
            pos += 1;
        }
        if pos == from {
            return None;
        }
        if negative {
            exponent = -exponent;
        }
    }
    // A digit here follows a leading zero.
    if let Some(b'0'..=b'9') = bytes.get(pos) {
        return None;
    }
    Some((decimal.value(negative, exponent)?, pos))
}

/// Reads the digits at `pos` into `decimal`; the index after them, or
/// `None` when there are too many for the fast path.
#[inline]
fn fast_digits(
    bytes: &[u8],
    mut pos: usize,
    decimal: &mut Decimal,
    fraction: bool,
) -> Option<usize> {
    while let Some(&b) = bytes.get(pos) {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        if !decimal.push(d, fraction) {
            return None;
        }
        pos += 1;
    }
    Some(pos)
}

/// The character of the `\uXXXX` escape at `pos` when it is one of the
/// Basic Multilingual Plane (not half of a surrogate pair).
#[inline]
fn bmp_escape(bytes: &[u8], pos: usize) -> Option<char> {
    let Some(&[b'u', a, b, c, d]) = bytes.get(pos + 1..pos + 6) else {
        return None;
    };
    let digit = |x: u8| u32::from(HEX.get(usize::from(x)).copied().unwrap_or(NOT_HEX));
    let (a, b, c, d) = (digit(a), digit(b), digit(c), digit(d));
    if (a | b | c | d) >= 16 {
        return None;
    }
    // Surrogates are not characters: `from_u32` refuses them.
    char::from_u32(a << 12 | b << 8 | c << 4 | d)
}

/// Not a hexadecimal digit, in `HEX`.
const NOT_HEX: u8 = 0xff;

/// The value of each byte as a hexadecimal digit, or `NOT_HEX`.
// Indexed at compile time: an index out of range fails the build, not a call.
#[allow(clippy::indexing_slicing)]
const HEX: [u8; 256] = {
    let mut table = [NOT_HEX; 256];
    let mut i = 0;
    while i < 10 {
        table[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        table[b'a' as usize + i] = 10 + i as u8;
        table[b'A' as usize + i] = 10 + i as u8;
        i += 1;
    }
    table
};

fn decoded<'t>(text: &'t str, raw: (usize, usize), escaped: bool, scratch: &'t str) -> &'t str {
    if escaped {
        scratch
    } else {
        text.get(raw.0..raw.1).unwrap_or_default()
    }
}

/// A hash of a key, eight bytes at a time (keys can be long): it only
/// orders and finds keys, and spares most comparisons of two (equal keys
/// have equal hashes; a collision costs a string comparison, as without it).
/// Every byte is read in whole words or halves of one that overlap rather
/// than copied into a word: a copy of a length known only at run time is a
/// call out of the module in WebAssembly (`memory.copy`), and most keys are
/// shorter than a word.
fn key_hash(key: &str) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mix = |h: u64, w: u64| (h ^ w).wrapping_mul(K).rotate_left(29);
    let bytes = key.as_bytes();
    let h = (bytes.len() as u64).wrapping_mul(K);
    let half = |b: Option<&[u8; 4]>| u64::from(u32::from_le_bytes(b.copied().unwrap_or_default()));
    let word = |b: Option<&[u8; 8]>| u64::from_le_bytes(b.copied().unwrap_or_default());
    let n = bytes.len();
    if n < 4 {
        // All three bytes of a short key (the first, middle and last).
        let at = |i: usize| u64::from(bytes.get(i).copied().unwrap_or_default());
        return mix(h, at(0) | at(n / 2) << 8 | at(n.saturating_sub(1)) << 16);
    }
    if n < 8 {
        return mix(
            h,
            half(bytes.first_chunk()) | half(bytes.last_chunk()) << 32,
        );
    }
    let mut chunks = bytes.chunks_exact(8);
    let h = chunks
        .by_ref()
        .fold(h, |h, chunk| mix(h, word(chunk.first_chunk())));
    // The last eight bytes again when the words left some over.
    if chunks.remainder().is_empty() {
        h
    } else {
        mix(h, word(bytes.last_chunk()))
    }
}

/// The text of a remembered key.
fn key_text<'t>(text: &'t str, unescaped: &'t str, key: KeyRef) -> &'t str {
    let from = if key.unescaped { unescaped } else { text };
    from.get(key.start..key.end).unwrap_or_default()
}

/// Bytes of a token that is its own text: a bracket, or a literal.
fn token_width(token: Token) -> usize {
    match token {
        Token::Bool(true) | Token::Null => 4,
        Token::Bool(false) => 5,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_number_reads_json_numbers_exactly_and_nothing_else() {
        for literal in [
            "0",
            "-0",
            "7",
            "-12",
            "999999999999999",
            "0.5",
            "-0.5",
            "1.25e3",
            "1E-5",
            "1e+2",
            "123.456e-7",
            "1e999",
            "-1e999",
            "1e-999",
            "0e5",
            "10.0",
            "3.000000000000001",
            "1234567890123456",
            "8640000000000001",
            "-8640000000000001",
            "9007199254740991",
            "9007199254740992",
            "9007199254740993",
            "-9007199254740993",
            "9999999999999999",
            "12345678901234567",
            "900719925474099.2",
            "900719925474099.3",
            "0.9007199254740992",
            "1234567890.123456",
            "9007199254740992e-5",
            "9007199254740993e-5",
            "-8640000000000001e3",
        ] {
            let want: f64 = literal.parse().unwrap();
            let bytes = format!("{literal},").into_bytes();
            match fast_number(&bytes, 0) {
                Some((n, end)) => {
                    assert_eq!(n.to_bits(), want.to_bits(), "{literal}");
                    assert_eq!(end, literal.len(), "{literal}");
                }
                // Left to the general conversion: a mantissa past 2^53, or a
                // power of ten past the fast path's.
                None => assert!(
                    mantissa(literal) > u128::from(MAX_MANTISSA) || literal.contains('e'),
                    "{literal}"
                ),
            }
        }
        for not_json in ["-", "01", "1.", ".5", "1e", "1e+", "-x", "00", "1.e5", "+1"] {
            let bytes = format!("{not_json},").into_bytes();
            assert_eq!(fast_number(&bytes, 0), None, "{not_json}");
        }
        assert_eq!(
            fast_number(b"9007199254740992", 0),
            Some((9007199254740992.0, 16))
        );
        assert_eq!(fast_number(b"9007199254740993", 0), None);
    }

    /// The significant digits of a literal's mantissa, as one integer.
    fn mantissa(literal: &str) -> u128 {
        let digits: String = literal
            .split(['e', 'E'])
            .next()
            .unwrap()
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        digits.parse().unwrap()
    }

    #[test]
    fn the_integer_lanes_read_up_to_2_pow_53() {
        for (text, want) in [
            ("1721032237342,", Some((1721032237342.0, 13))),
            ("8640000000000001]", Some((8640000000000001.0, 16))),
            ("9007199254740992 ", Some((9007199254740992.0, 16))),
            ("9007199254740993,", None),
            ("9999999999999999,", None),
            ("12345678901234567,", None),
            ("0123,", None),
            ("0,", Some((0.0, 1))),
        ] {
            assert_eq!(leading_integer(text.as_bytes()), want, "{text}");
            assert_eq!(short_integer(text.as_bytes(), 0), want, "{text}");
            let item = format!(",{text}");
            assert_eq!(
                comma_integer(item.as_bytes(), 0),
                want.map(|(n, digits)| (n, digits + 1)),
                "{text}"
            );
        }
    }

    fn tokens(text: &str) -> Result<Vec<(Token, String)>, SourceError> {
        let mut src = JsonSource::new(text.as_bytes(), Some(Offsets::Bytes));
        let mut out = Vec::new();
        let mut depth = 0usize;
        loop {
            let t = src.next_token()?;
            let text = match t {
                Token::Key { .. } | Token::String { .. } => src.text().to_owned(),
                _ => String::new(),
            };
            match t {
                Token::ObjectStart | Token::ArrayStart => depth += 1,
                Token::ObjectEnd | Token::ArrayEnd => depth -= 1,
                _ => {}
            }
            out.push((t, text));
            if depth == 0 && !matches!(t, Token::Key { .. }) {
                src.finish()?;
                return Ok(out);
            }
        }
    }

    #[test]
    fn reads_an_object() {
        let t = tokens(r#" {"a": [1, -2.5e3, true, null], "b\u00e9": "x\ny"} "#).unwrap();
        let kinds: Vec<_> = t.iter().map(|(t, _)| *t).collect();
        assert_eq!(
            kinds,
            [
                Token::ObjectStart,
                Token::Key {
                    chars: 1,
                    duplicate: false,
                    known: None
                },
                Token::ArrayStart,
                Token::Number(1.0),
                Token::Number(-2500.0),
                Token::Bool(true),
                Token::Null,
                Token::ArrayEnd,
                Token::Key {
                    chars: 2,
                    duplicate: false,
                    known: None
                },
                Token::String { chars: 3 },
                Token::ObjectEnd,
            ]
        );
        assert_eq!(t[8].1, "bé");
        assert_eq!(t[9].1, "x\ny");
    }

    #[test]
    fn flags_duplicates_also_when_escaped_and_in_big_objects() {
        let t = tokens(r#"{"a":1,"\u0061":2}"#).unwrap();
        assert_eq!(
            t[3].0,
            Token::Key {
                chars: 1,
                duplicate: true,
                known: None
            }
        );
        let mut big = String::from("{");
        for i in 0..40 {
            big.push_str(&format!("\"k{i}\":{i},"));
        }
        big.push_str("\"k3\":0}");
        let t = tokens(&big).unwrap();
        let dups = t
            .iter()
            .filter(|(t, _)| {
                matches!(
                    t,
                    Token::Key {
                        duplicate: true,
                        ..
                    }
                )
            })
            .count();
        assert_eq!(dups, 1);
        let nested = tokens(r#"{"a":{"a":1},"b":{"a":2}}"#).unwrap();
        assert!(nested.iter().all(|(t, _)| !matches!(
            t,
            Token::Key {
                duplicate: true,
                ..
            }
        )));
    }

    fn duplicate_count(text: &str) -> usize {
        tokens(text)
            .unwrap()
            .iter()
            .filter(|(t, _)| {
                matches!(
                    t,
                    Token::Key {
                        duplicate: true,
                        ..
                    }
                )
            })
            .count()
    }

    #[test]
    fn a_known_key_repeated_is_told_by_its_number_among_any_others() {
        // The event's members: the event's name and fields by their bit,
        // escaped or not, before and after many unknown keys (which are
        // still compared among themselves); a known name deeper down is
        // just a key of its object.
        assert_eq!(duplicate_count(r#"{"event":"a","ev\u0065nt":"b"}"#), 1);
        assert_eq!(
            duplicate_count(r#"{"notes":"a","event":"b","notes":"c"}"#),
            1
        );
        assert_eq!(
            duplicate_count(r#"{"event":"a","metadata":{"event":1},"x":{"event":2}}"#),
            0
        );
        for n in [0, 15, 16, 17, 40] {
            let mut text = String::from(r#"{"event":"a","notes":"b","#);
            for i in 0..n {
                text.push_str(&format!("\"k{i}\":{i},"));
            }
            text.push_str(r#""k1":0,"notes":"c","\u0065vent":"d","eventX":0}"#);
            let repeated = if n > 1 { 3 } else { 2 };
            assert_eq!(duplicate_count(&text), repeated, "{n} unknown keys");
        }
    }

    #[test]
    fn escaped_keys_are_compared_decoded_across_nesting_and_sizes() {
        // An inner object's decoded keys are dropped when it closes; the
        // outer object's stay.
        assert_eq!(duplicate_count(r#"{"\u0061":{"\u0062":1,"b":2},"a":3}"#), 2);
        assert_eq!(duplicate_count(r#"{"\u0061":{"\u0062":1},"b":{"a":1}}"#), 0);
        for n in [3, 16, 17, 40] {
            let mut text = String::from("{");
            for i in 0..n {
                text.push_str(&format!("\"\\u006b{i}\":{i},"));
            }
            text.push_str("\"k1\":0,\"\\u006B2\":0}");
            assert_eq!(duplicate_count(&text), 2, "{n} keys");
        }
    }

    #[test]
    fn rejects_bad_text() {
        let bad = [
            "",
            "  ",
            "{",
            "{\"a\"}",
            "{\"a\":1,}",
            "[1,]",
            "01",
            "1.",
            "-",
            "1e",
            "\"\\x\"",
            "\"a",
            "{} x",
            "\u{feff}{}",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"a\u{1}\"",
            "{'a':1}",
            "nul",
            "[1 2]",
            "NaN",
            "+1",
        ];
        for text in bad {
            assert!(tokens(text).is_err(), "{text:?} was accepted");
        }
        assert!(JsonSource::new(b"{\"a\":\"\xff\"}", None)
            .next_token()
            .is_err());
    }

    #[test]
    fn numbers_are_numbers_however_written() {
        for (text, want) in [
            ("1.7e12", 1.7e12),
            ("1700000000000.0", 1.7e12),
            ("-0", 0.0),
            ("1e400", f64::INFINITY),
        ] {
            let t = tokens(text).unwrap();
            assert_eq!(t[0].0, Token::Number(want), "{text}");
        }
    }

    #[test]
    fn errors_say_where() {
        let err = tokens("{\n  \"a\": tru\n}").unwrap_err();
        assert!(err.message.contains("line 2, column 8"), "{}", err.message);
        assert!(
            err.message.contains("did you mean true?"),
            "{}",
            err.message
        );
    }

    /// Opens `{"a":` and the value of `a`, skips that value, then reads the
    /// rest: what the fast skip does (as errors and tokens, with spans) and
    /// what reading token by token does.
    fn after_skip(text: &str, fast: bool) -> Vec<Result<(Token, Option<Span>), SourceError>> {
        let mut src = JsonSource::new(text.as_bytes(), Some(Offsets::Bytes));
        let mut out = Vec::new();
        for _ in 0..3 {
            out.push(src.next_token().map(|t| (t, src.span())));
        }
        let skipped = if fast {
            src.skip_container()
        } else {
            let mut open = 1;
            loop {
                match src.next_token() {
                    Ok(Token::ObjectStart | Token::ArrayStart) => open += 1,
                    Ok(Token::ObjectEnd | Token::ArrayEnd) => open -= 1,
                    Ok(_) => continue,
                    Err(e) => break Err(e),
                }
                if open == 0 {
                    break Ok(());
                }
            }
        };
        out.push(skipped.map(|()| (Token::Null, src.span())));
        while let Some(Ok(_)) = out.last() {
            if src.stack.is_empty() {
                out.push(src.finish().map(|()| (Token::Null, None)));
                break;
            }
            out.push(src.next_token().map(|t| (t, src.span())));
        }
        out
    }

    #[test]
    fn skipping_reads_as_token_by_token_does() {
        let cases = [
            r#"{"a":[1,[2,{"b":[]}],{}],"c":3}"#,
            r#"{"a":{"x":{"y":[true,null,"s\u00e9"]},"x":1},"c":[4]}"#,
            r#"{"a":[[[[]]]]}"#,
            r#"{"a":{}}"#,
            r#"{"a":[1,]}"#,
            r#"{"a":{"x":1,}}"#,
            r#"{"a":[{"x" 1}]}"#,
            r#"{"a":[{"x":1]]}"#,
            r#"{"a":[[1}]}"#,
            r#"{"a":[nul]}"#,
            r#"{"a":[1 2]}"#,
            r#"{"a":{"x":"\q"}}"#,
            r#"{"a":[[["#,
            r#"{"a":[1],}"#,
            r#"{"a":[1]} x"#,
        ];
        for text in cases {
            assert_eq!(after_skip(text, true), after_skip(text, false), "{text}");
        }
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let text = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(tokens(&text).unwrap().len(), 200_000);
    }

    /// The text's source without its lane through objects: the walk reads
    /// every member token by token.
    struct WithoutMemberLane<'a>(JsonSource<'a>);

    impl Source for WithoutMemberLane<'_> {
        fn next_token(&mut self) -> Result<Token, SourceError> {
            self.0.next_token()
        }
        fn text(&self) -> &str {
            self.0.text()
        }
        fn number_text(&self, n: f64) -> String {
            self.0.number_text(n)
        }
        fn span(&self) -> Option<Span> {
            self.0.span()
        }
        fn located_text(&self) -> Option<(&[u8], Offsets)> {
            self.0.located_text()
        }
        fn says_every_known_key(&self) -> bool {
            self.0.says_every_known_key()
        }
        fn skip_container(&mut self) -> Result<(), SourceError> {
            self.0.skip_container()
        }
        fn quiet_items_with(
            &mut self,
            max: usize,
            check: &mut ItemCheck,
        ) -> Result<(usize, Option<Token>), SourceError> {
            self.0.quiet_items_with(max, check)
        }
        fn finish(&mut self) -> Result<(), SourceError> {
            self.0.finish()
        }
    }

    #[test]
    fn the_member_lane_changes_nothing_a_result_says() {
        use crate::options::{Limits, Options};
        let long = "w".repeat(50);
        let cases = [
            r#"{"event":"note_added","metadata":{"a":"x","b":1,"c":"y","a":"z"}}"#.to_owned(),
            r#"{"event":"note_added","metadata":{"a":"x", "__proto__" : "p","k\u0041":"q","kA":2}}"#.to_owned(),
            r#"{"event":"note_added","metadata":{"a":"s\n","b":{"c":"d","e":[1,"f"]},"g":true,"h":null}}"#.to_owned(),
            format!(r#"{{"event":"note_added","metadata":{{"{long}":"v","w":"{long}","n":1e999,"m":-0.5}}}}"#),
            r#"{"event":"note_added","metadata":{"a":"x","b":"y","c":"z","d":"é","e":"f","g":"h"}}"#.to_owned(),
            r#"{"event":"note_added","metadata":{"a":"x","b":"y"},"event":"repair_started"}"#.to_owned(),
            r#"{"event":"note_added","metadata":{"a":"x","b":"y",}}"#.to_owned(),
            r#"{"event":"note_added","metadata":{"a":"x" "b":"y"}}"#.to_owned(),
            r#"{"event":"note_added","metadata":{"a":"x","b" "y"}}"#.to_owned(),
            r#"{"event":"note_added","metadata":{"a":"x","b":"y"#.to_owned(),
            r#"{"event":"note_added","metadata":{"a":{"b":{"c":{"d":"e","f":"g"}}}}}"#.to_owned(),
            format!(
                r#"{{"event":"note_added","metadata":{{{}}}}}"#,
                (0..40)
                    .map(|i| format!(r#""k{}":"v{i}""#, i % 30))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        ];
        let tight = Limits {
            max_keys: 5,
            max_string_length: 20,
            max_issues: 2,
            max_depth: 3,
            ..Limits::default()
        };
        for text in &cases {
            for limits in [Limits::default(), tight] {
                for strict in [false, true] {
                    let options = Options { strict, limits };
                    let bytes = text.as_bytes();
                    let with = crate::validate_source(
                        &mut JsonSource::new(bytes, Some(Offsets::Bytes)),
                        None,
                        &options,
                    );
                    let without = crate::validate_source(
                        &mut WithoutMemberLane(JsonSource::new(bytes, Some(Offsets::Bytes))),
                        None,
                        &options,
                    );
                    assert_eq!(with, without, "{text} {options:?}");
                }
            }
        }
    }
}
