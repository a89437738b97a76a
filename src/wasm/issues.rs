//! How issues cross to JS: one string of separated fields, which `pkg/api.js`
//! splits into plain objects. Measured against JSON text and `JSON.parse`,
//! splitting is several times cheaper, and it was most of what an event with
//! issues cost over a valid one.
//!
//! Layout: the errors and the warnings are separated by GROUP; the issues of
//! each by RECORD; an issue's fields (code, path, message, expected,
//! received, suggestion; absent ones empty) by UNIT. A separator or ESCAPE
//! inside a field is written as ESCAPE followed by a letter.

use crate::issue::Issue;

/// Between the errors and the warnings.
pub const GROUP: char = '\u{1d}';
/// Between two issues.
pub const RECORD: char = '\u{1e}';
/// Between two fields of an issue.
pub const UNIT: char = '\u{1f}';
/// Starts an escaped separator: `ESCAPE` + `a` (ESCAPE), `b` (GROUP), `c` (RECORD), `d` (UNIT).
pub const ESCAPE: char = '\u{1a}';

/// The errors and warnings of a result, in the layout above.
pub fn encode(errors: &[Issue], warnings: &[Issue]) -> String {
    let mut out = String::new();
    for (group, list) in [errors, warnings].into_iter().enumerate() {
        if group > 0 {
            out.push(GROUP);
        }
        for (i, issue) in list.iter().enumerate() {
            if i > 0 {
                out.push(RECORD);
            }
            push(&mut out, issue.code.as_str());
            let fields = [
                Some(&issue.path),
                Some(&issue.message),
                issue.expected.as_ref(),
                issue.received.as_ref(),
                issue.suggestion.as_ref(),
            ];
            for field in fields {
                out.push(UNIT);
                push(&mut out, field.map_or("", String::as_str));
            }
        }
    }
    out
}

fn push(out: &mut String, field: &str) {
    // By bytes: the separators are ASCII, and a path can be a megabyte long.
    if !field.bytes().any(|b| matches!(b, 0x1a | 0x1d..=0x1f)) {
        out.push_str(field);
        return;
    }
    for c in field.chars() {
        match c {
            ESCAPE => out.push_str("\u{1a}a"),
            GROUP => out.push_str("\u{1a}b"),
            RECORD => out.push_str("\u{1a}c"),
            UNIT => out.push_str("\u{1a}d"),
            c => out.push(c),
        }
    }
}
