//! The one definition of how a result crosses from the module to
//! `pkg/api.js`: the kind table and flag bit of a check's code, the text
//! modes of `checkInput`, and the layout of the issues. `pkg/api.js` reads
//! all of it from `wire()`, which `examples/package_data.rs` writes into
//! the package data, so adding an issue field is a change here only.
//!
//! Issues cross as one string of separated fields, which `pkg/api.js` splits
//! into plain objects: measured against JSON text and `JSON.parse`, splitting
//! is several times cheaper, and it was most of what an event with issues
//! cost over a valid one. The errors and the warnings are separated by
//! GROUP; the issues of each by RECORD; an issue's fields (`FIELDS`, absent
//! ones empty) by UNIT. A separator or ESCAPE inside a field is written as
//! ESCAPE followed by a letter. A location is its numbers (`LOCATION`)
//! joined by NUMBERS.

use crate::issue::Issue;
use crate::rules::EventKind;

/// Between the errors and the warnings.
pub const GROUP: char = '\u{1d}';
/// Between two issues.
pub const RECORD: char = '\u{1e}';
/// Between two fields of an issue.
pub const UNIT: char = '\u{1f}';
/// Starts an escaped separator: `ESCAPE` + a letter of `ESCAPES`.
pub const ESCAPE: char = '\u{1a}';
/// The characters written escaped, and the letter that stands for each.
pub const ESCAPES: [(char, char); 4] = [(ESCAPE, 'a'), (GROUP, 'b'), (RECORD, 'c'), (UNIT, 'd')];
/// An issue's fields, in order; the first `REQUIRED` are always present.
pub const FIELDS: [&str; 7] = [
    "code",
    "path",
    "message",
    "expected",
    "received",
    "suggestion",
    "location",
];
/// How many of `FIELDS` every issue has.
pub const REQUIRED: usize = 3;
/// The numbers of a `location`, in order.
pub const LOCATION: [&str; 4] = ["line", "column", "offset", "length"];
/// Between the numbers of a location.
pub const NUMBERS: char = ',';

/// A check's code: the kind's index in `KINDS` in the low bits (`KIND_MASK`),
/// and `HAS_ISSUES` when there are issues to take.
pub const KINDS: [Option<EventKind>; 4] = [
    None,
    Some(EventKind::Depot),
    Some(EventKind::Onsite),
    Some(EventKind::Other),
];
/// The bits of a check's code that hold the kind.
pub const KIND_MASK: u32 = 3;
/// Set in a check's code when the result has issues.
pub const HAS_ISSUES: u32 = 4;

/// What `checkInput` is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextMode {
    /// `JSON.stringify` of a value: no body limit, no locations.
    Value = 0,
    /// A body given as bytes: locations count bytes.
    Bytes = 1,
    /// A body given as a string: locations count UTF-16 code units.
    String = 2,
}

impl TextMode {
    /// Every mode, by its number.
    pub const ALL: [TextMode; 3] = [TextMode::Value, TextMode::Bytes, TextMode::String];

    /// The name `pkg/api.js` knows it by.
    pub const fn name(self) -> &'static str {
        match self {
            TextMode::Value => "value",
            TextMode::Bytes => "bytes",
            TextMode::String => "string",
        }
    }
}

/// A check's code for a result of `kind`, with or without issues.
pub fn code(kind: Option<EventKind>, has_issues: bool) -> u32 {
    let index = KINDS.iter().position(|k| *k == kind).unwrap_or(0) as u32;
    index | if has_issues { HAS_ISSUES } else { 0 }
}

/// The errors and warnings of a result, in the layout above.
pub fn encode(errors: &[Issue], warnings: &[Issue]) -> String {
    // Reserved at once (escapes aside): a path can be a megabyte, and a
    // string grown by doubling would copy it again and hold twice its size.
    let size = errors
        .iter()
        .chain(warnings)
        .map(|issue| {
            let optional = [&issue.expected, &issue.received, &issue.suggestion]
                .into_iter()
                .flatten()
                .map(String::len)
                .sum::<usize>();
            64 + issue.path.len() + issue.message.len() + optional
        })
        .sum();
    let mut out = String::with_capacity(size);
    let mut numbers = String::new();
    for (group, list) in [errors, warnings].into_iter().enumerate() {
        if group > 0 {
            out.push(GROUP);
        }
        for (i, issue) in list.iter().enumerate() {
            if i > 0 {
                out.push(RECORD);
            }
            numbers.clear();
            if let Some(at) = issue.location {
                for (i, n) in [at.line, at.column, at.offset, at.length]
                    .into_iter()
                    .enumerate()
                {
                    if i > 0 {
                        numbers.push(NUMBERS);
                    }
                    crate::pointer::push_decimal(&mut numbers, n);
                }
            }
            // In the order of FIELDS.
            let fields = [
                issue.code.as_str(),
                &issue.path,
                &issue.message,
                issue.expected.as_deref().unwrap_or_default(),
                issue.received.as_deref().unwrap_or_default(),
                issue.suggestion.as_deref().unwrap_or_default(),
                &numbers,
            ];
            for (f, field) in fields.into_iter().enumerate() {
                if f > 0 {
                    out.push(UNIT);
                }
                push(&mut out, field);
            }
        }
    }
    out
}

fn push(out: &mut String, field: &str) {
    // By bytes: the separators are ASCII, and a path can be a megabyte long.
    if !field
        .bytes()
        .any(|b| ESCAPES.iter().any(|&(c, _)| u32::from(b) == u32::from(c)))
    {
        out.push_str(field);
        return;
    }
    for c in field.chars() {
        match ESCAPES.iter().find(|(special, _)| *special == c) {
            Some(&(_, letter)) => {
                out.push(ESCAPE);
                out.push(letter);
            }
            None => out.push(c),
        }
    }
}

/// The whole definition, as data for `pkg/api.js`.
pub fn wire() -> serde_json::Value {
    let escapes: serde_json::Map<String, serde_json::Value> = ESCAPES
        .iter()
        .map(|&(c, letter)| (letter.to_string(), c.to_string().into()))
        .collect();
    let modes: serde_json::Map<String, serde_json::Value> = TextMode::ALL
        .iter()
        .map(|&m| (m.name().to_owned(), (m as u32).into()))
        .collect();
    serde_json::json!({
        "kinds": KINDS.map(|k| k.map(EventKind::as_str)),
        "kindMask": KIND_MASK,
        "hasIssues": HAS_ISSUES,
        "textModes": modes,
        "group": GROUP.to_string(),
        "record": RECORD.to_string(),
        "unit": UNIT.to_string(),
        "escape": ESCAPE.to_string(),
        "escapes": escapes,
        "fields": FIELDS,
        "required": REQUIRED,
        "location": LOCATION,
        "numbers": NUMBERS.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::IssueCode;
    use crate::location::Location;

    #[test]
    fn fields_escape_and_locations_join() {
        let mut issue = Issue::new(IssueCode::InvalidJson, "/a\u{1f}b", "m");
        issue.location = Some(Location {
            line: 2,
            column: 3,
            offset: 10,
            length: 4,
        });
        let text = encode(&[issue], &[Issue::new(IssueCode::PossibleTypo, "", "w")]);
        assert_eq!(
            text,
            "invalid_json\u{1f}/a\u{1a}db\u{1f}m\u{1f}\u{1f}\u{1f}\u{1f}2,3,10,4\u{1d}possible_typo\u{1f}\u{1f}w\u{1f}\u{1f}\u{1f}\u{1f}"
        );
    }

    #[test]
    fn codes_index_the_kind_table() {
        for (i, kind) in KINDS.into_iter().enumerate() {
            assert_eq!(code(kind, false), i as u32);
            assert_eq!(code(kind, true) & KIND_MASK, i as u32);
        }
    }
}
