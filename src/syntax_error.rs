//! What to say when a body is not JSON text: the place (line, column) and,
//! for the mistakes people make most (single quotes, a trailing comma, an
//! unquoted key, a comment, `NaN`, a cut-short body, `True`, a byte order
//! mark, two values in a row), the fix. Built once per body, at the error.

use crate::location::{self, Offsets, Span};
use crate::token::SourceError;

/// What the tokenizer wanted where it found something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wanted {
    /// A value: the top level, after `:`, an array item.
    Value,
    /// A key in double quotes (or `}` when it is the object's first).
    Key,
    /// `:` after a key.
    Colon,
    /// `,` or the end of the innermost container.
    CommaOrEnd,
    /// The end of the body: the top-level value is complete.
    End,
}

/// Where in the nesting the error is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Context {
    /// What was wanted.
    pub wanted: Wanted,
    /// The innermost open container: `Some(true)` an object, `Some(false)` an array.
    pub inside: Option<bool>,
    /// The last thing read was a `,` (so `}` or `]` here is a trailing comma).
    pub after_comma: bool,
}

/// The error for something unexpected at `pos` (or the end of the body).
pub(crate) fn unexpected(bytes: &[u8], pos: usize, context: Context) -> SourceError {
    let rest = bytes.get(pos..).unwrap_or_default();
    let Some(&first) = rest.first() else {
        let what = match context.inside {
            Some(true) => "the body ends inside an object: is it cut short?",
            Some(false) => "the body ends inside an array: is it cut short?",
            None => "the body ends where a value was expected: is it cut short?",
        };
        return at(bytes, pos, 0, what);
    };
    let word = word(rest);
    let wanted = match (context.wanted, context.inside) {
        (Wanted::Value, _) => "a value",
        (Wanted::Key, _) => "a key in double quotes",
        (Wanted::Colon, _) => "':' after a key",
        (Wanted::CommaOrEnd, Some(true)) => "',' or '}'",
        (Wanted::CommaOrEnd, _) => "',' or ']'",
        (Wanted::End, _) => "the end of the body",
    };
    let closing = first == b'}' || first == b']';
    if context.after_comma && closing {
        return at(
            bytes,
            pos,
            1,
            &format!(
                "it has a comma before '{}': remove that trailing comma, which JSON does not allow",
                char::from(first)
            ),
        );
    }
    if rest.starts_with(b"//") || rest.starts_with(b"/*") {
        let end = if rest.starts_with(b"//") {
            rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len())
        } else {
            rest.windows(2)
                .position(|w| w == b"*/")
                .map_or(rest.len(), |i| i + 2)
        };
        return at(
            bytes,
            pos,
            end,
            "it has a comment, which JSON does not allow: remove it",
        );
    }
    if first == b'\'' {
        let what = if context.wanted == Wanted::Key {
            "it has ' where a key in double quotes was expected: use double quotes, not single quotes, around keys and strings"
        } else {
            "it has ' where a value was expected: use double quotes, not single quotes, around strings"
        };
        return at(bytes, pos, 1, what);
    }
    if context.wanted == Wanted::Key && !word.is_empty() {
        return at(
            bytes,
            pos,
            word.len(),
            &format!(
                "it has the key {} without quotes: write it in double quotes, \"{}\"",
                shown(word),
                shown(word)
            ),
        );
    }
    if context.wanted == Wanted::Value && !word.is_empty() {
        return at(bytes, pos, word.len(), &bad_word(word));
    }
    if context.wanted == Wanted::Colon && first == b'=' {
        return at(
            bytes,
            pos,
            1,
            "it has '=' after a key: use ':' between a key and its value",
        );
    }
    if context.wanted == Wanted::CommaOrEnd && matches!(first, b'"' | b'{' | b'[') {
        let (next, between) = if context.inside == Some(true) {
            ("another key", "members")
        } else {
            ("another item", "items")
        };
        return at(
            bytes,
            pos,
            1,
            &format!("it has {next} where {wanted} was expected: a comma is missing between two {between}"),
        );
    }
    if context.wanted == Wanted::End {
        return at(
            bytes,
            pos,
            bytes.len() - pos,
            "it goes on after the JSON value has ended: a body holds one event, so remove what follows it",
        );
    }
    let length = std::str::from_utf8(rest.get(..4.min(rest.len())).unwrap_or_default())
        .ok()
        .and_then(|s| s.chars().next())
        .map_or(1, char::len_utf8);
    at(
        bytes,
        pos,
        length,
        &format!("it has {} where {wanted} was expected", describe(rest)),
    )
}

/// A word where a value was expected: a misspelt literal, `NaN`, or a string
/// without quotes.
fn bad_word(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    match word {
        "NaN" | "Infinity" | "-Infinity" => {
            return format!(
                "it has {word}, which JSON does not allow: send a number, or leave the field out"
            );
        }
        "undefined" => {
            return "it has undefined, which JSON does not allow: leave the field out".into();
        }
        "None" | "nil" | "NULL" | "Null" => {
            return format!("it has {word}: JSON writes it null, in lower case");
        }
        _ => {}
    }
    for literal in ["true", "false", "null"] {
        if lower == literal {
            return format!("it has {word}: JSON writes it {literal}, in lower case");
        }
        if literal.starts_with(lower.as_str()) || lower.starts_with(literal) {
            return format!(
                "it has {}, which is not a JSON value: did you mean {literal}?",
                shown(word)
            );
        }
    }
    format!(
        "it has {} where a value was expected: a string needs double quotes, \"{}\"",
        shown(word),
        shown(word)
    )
}

/// The word (letters, digits, `_`, `$`, `-`) at the start of `rest`; empty
/// when it starts otherwise, or with a digit.
fn word(rest: &[u8]) -> &str {
    let len = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'-')))
        .unwrap_or(rest.len());
    let word = std::str::from_utf8(rest.get(..len).unwrap_or_default()).unwrap_or_default();
    match word.bytes().next() {
        Some(b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'$') => word,
        Some(b'-') if word == "-Infinity" => word,
        _ => "",
    }
}

/// A word as quoted in a message: at most 40 characters.
fn shown(word: &str) -> &str {
    word.get(..40).unwrap_or(word)
}

/// The character at the start of `rest` in words: `'x'`, or its code point
/// when it is invisible.
fn describe(rest: &[u8]) -> String {
    let c = std::str::from_utf8(rest.get(..4.min(rest.len())).unwrap_or_default())
        .ok()
        .or_else(|| {
            let valid = std::str::from_utf8(rest.get(..4.min(rest.len())).unwrap_or_default())
                .err()
                .map_or(0, |e| e.valid_up_to());
            std::str::from_utf8(rest.get(..valid).unwrap_or_default()).ok()
        })
        .and_then(|s| s.chars().next());
    match c {
        Some(c) if c.is_control() || c.is_whitespace() => {
            format!("the character U+{:04X}", u32::from(c))
        }
        Some(c) => format!("'{c}'"),
        None => "a byte that is not UTF-8".into(),
    }
}

/// The error `what` at `pos`, `length` bytes long, with its line and column.
pub(crate) fn at(bytes: &[u8], pos: usize, length: usize, what: &str) -> SourceError {
    let span = Span {
        offset: pos,
        length,
    };
    let place = location::resolve(bytes, Offsets::Bytes, &[span]);
    let (line, column) = place.first().map_or((1, 1), |l| (l.line, l.column));
    SourceError {
        span,
        message: format!(
            "The body is not valid JSON at line {line}, column {column}: {what}{}",
            if what.ends_with('?') { "" } else { "." }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(
        text: &str,
        pos: usize,
        wanted: Wanted,
        inside: Option<bool>,
        after_comma: bool,
    ) -> String {
        unexpected(
            text.as_bytes(),
            pos,
            Context {
                wanted,
                inside,
                after_comma,
            },
        )
        .message
    }

    #[test]
    fn words_get_their_fix() {
        let m = |w: &str| message(w, 0, Wanted::Value, Some(true), false);
        assert!(m("True").contains("JSON writes it true, in lower case"));
        assert!(m("tru}").contains("did you mean true?"));
        assert!(m("nul").contains("did you mean null?"));
        assert!(m("NaN,").contains("NaN, which JSON does not allow"));
        assert!(m("-Infinity").contains("-Infinity, which JSON does not allow"));
        assert!(m("hello").contains("a string needs double quotes, \"hello\""));
    }

    #[test]
    fn the_place_is_in_characters() {
        let e = message("{\"é\":1,\n  }", 11, Wanted::Key, Some(true), true);
        assert_eq!(
            e,
            "The body is not valid JSON at line 2, column 3: it has a comma before '}': remove that trailing comma, which JSON does not allow."
        );
    }
}
