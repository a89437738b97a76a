//! The one definition of how a result crosses from the module to
//! `pkg/api.js`: the kind table and flag bit of a check's code, the text
//! modes of `checkInput`, and the layout of the issues. `pkg/api.js` reads
//! all of it from `wire()`, which `examples/package_data.rs` writes into
//! the package data; `readIssues` there names the fields it sets (stores of
//! one name each are what V8 makes fast), and fails at load when they are
//! not these.
//!
//! Issues cross as numbers and one text, both left in module memory for JS
//! to read in place: per issue a record of `RECORD_WORDS` `u32`s (the code's
//! index in `IssueCode::ALL`, the start and the length of each text field
//! in UTF-16 units, `ABSENT` as the length of a missing optional one, then
//! the location), and the text the issues were written into as the walk
//! found them (`crate::draft`), as it is. JS decodes the text once and cuts
//! it by the numbers: no separators, no escapes, no numbers printed and
//! parsed again, and no copy of the text made to cross.

use crate::issue::IssueCode;
use crate::rules::EventKind;
use crate::sink::Issues;

/// The text fields of an issue, in the order of their lengths in a record
/// and of their text; the first `REQUIRED` are always present.
pub const TEXT_FIELDS: [&str; 5] = ["path", "message", "expected", "received", "suggestion"];
/// How many of `TEXT_FIELDS` every issue has.
pub const REQUIRED: usize = 2;
/// The numbers of a `location`, in order.
pub const LOCATION: [&str; 4] = ["line", "column", "offset", "length"];
/// The length of an optional text field that is absent.
pub const ABSENT: u32 = u32::MAX;
/// Words of the header: the text's address and byte length, the number of
/// errors and of warnings.
pub const HEADER_WORDS: usize = 4;
/// Words of one issue's record: the code, the start and length of each text
/// field, whether it has a location (1 or 0), and the location's numbers.
pub const RECORD_WORDS: usize = 1 + 2 * TEXT_FIELDS.len() + 1 + LOCATION.len();

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

/// An order crosses as bits: its service type's position in
/// `ServiceType::ALL` (the catalogue's `serviceTypes`) plus one, 0 for no
/// order, in `ORDER_TYPE_MASK`; then `accepted` and `closed`, two bits each
/// at their shift, as one of `ORDER_FLAG` (absent, false, true).
pub const ORDER_TYPE_MASK: u32 = 3;
/// Where `accepted` is in an order's bits.
pub const ORDER_ACCEPTED_SHIFT: u32 = 2;
/// Where `closed` is in an order's bits.
pub const ORDER_CLOSED_SHIFT: u32 = 4;
/// A flag's two bits, by value: absent, false, true.
pub const ORDER_FLAG: [Option<bool>; 3] = [None, Some(false), Some(true)];

/// What `checkInput` is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextMode {
    /// A plain JS value written as a tape (`crate::tape`): no body limit,
    /// no locations.
    Tape = 0,
    /// A body given as bytes: locations count bytes.
    Bytes = 1,
    /// A body given as a string: locations count UTF-16 code units.
    String = 2,
}

impl TextMode {
    /// Every mode, by its number.
    pub const ALL: [TextMode; 3] = [TextMode::Tape, TextMode::Bytes, TextMode::String];

    /// The name `pkg/api.js` knows it by.
    pub const fn name(self) -> &'static str {
        match self {
            TextMode::Bytes => "bytes",
            TextMode::String => "string",
            TextMode::Tape => "tape",
        }
    }
}

/// A check's code for a result of `kind`, with or without issues.
pub fn code(kind: Option<EventKind>, has_issues: bool) -> u32 {
    let index = KINDS.iter().position(|k| *k == kind).unwrap_or(0) as u32;
    index | if has_issues { HAS_ISSUES } else { 0 }
}

/// The issues of a result in the layout above: `words` (the header, then a
/// record per issue) and the issues' text. Kept from one result to the
/// next, so a result with issues allocates nothing once they have grown.
#[derive(Debug, Default)]
pub struct Encoded {
    /// The header (its first two words, the text's place, are 0 until
    /// `seal`), then the records.
    pub words: Vec<u32>,
    /// The issues the words describe; their text is the text on the wire.
    issues: Issues,
}

impl Encoded {
    /// The text the records point into.
    pub fn text(&self) -> &str {
        &self.issues.text
    }

    /// Writes the errors and warnings of a result, replacing what was there,
    /// and gives back the issues it held before (to be recycled).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn encode(&mut self, issues: Issues) -> Issues {
        let old = std::mem::replace(&mut self.issues, issues);
        let Issues {
            errors, warnings, ..
        } = &self.issues;
        self.words.clear();
        self.words
            .reserve(HEADER_WORDS + RECORD_WORDS * (errors.len() + warnings.len()));
        self.words
            .extend([0, 0, errors.len() as u32, warnings.len() as u32]);
        for record in errors.iter().chain(warnings) {
            // A code's number is its index in `IssueCode::ALL` (a test holds it).
            self.words.push(record.code as u32);
            for (f, field) in record.fields.iter().enumerate() {
                // An empty optional field is no field, as the JS result has
                // it. Bytes for now: `in_utf16` turns them into units.
                match field.filter(|(start, end)| f < REQUIRED || start < end) {
                    Some((start, end)) => self.words.extend([start, end]),
                    None => self.words.extend([0, ABSENT]),
                }
            }
            match record.location {
                Some(at) => self.words.extend([
                    1,
                    at.line as u32,
                    at.column as u32,
                    at.offset as u32,
                    at.length as u32,
                ]),
                None => self.words.extend([0; 1 + LOCATION.len()]),
            }
        }
        in_utf16(&mut self.words, &self.issues);
        old
    }

    /// Writes the text's address and length into the header, once the text
    /// is complete.
    pub fn seal(&mut self) {
        let text = &self.issues.text;
        let (address, length) = (text.as_ptr() as usize as u32, text.len() as u32);
        if let [a, l, ..] = self.words.as_mut_slice() {
            (*a, *l) = (address, length);
        }
    }
}

/// The text fields' places in `words` (each a start and an end in bytes of
/// the issues' text) as a start and a length in UTF-16 units, as JS cuts
/// its string. ASCII text (most results) is its own count. Otherwise the
/// issues are taken in the order of their text (each list is in that order,
/// and an issue's fields are together, after its `text_start`), so one
/// cursor walks the text once, and each field is counted from its issue's
/// start: linear whatever the issues, with no sort.
#[inline(never)]
fn in_utf16(words: &mut [u32], issues: &Issues) {
    let records = words.get_mut(HEADER_WORDS..).unwrap_or_default();
    let text = issues.text.as_str();
    if !text.is_ascii() {
        let (errors, warnings) = (&issues.errors, &issues.warnings);
        let (mut e, mut w) = (0, 0);
        let (mut byte, mut units) = (0usize, 0u32);
        loop {
            // The next issue in text order, and its record's index.
            let (issue, r) = match (errors.get(e), warnings.get(w)) {
                (Some(a), Some(b)) if a.text_start > b.text_start => {
                    w += 1;
                    (b, errors.len() + w - 1)
                }
                (Some(a), _) => {
                    e += 1;
                    (a, e - 1)
                }
                (None, Some(b)) => {
                    w += 1;
                    (b, errors.len() + w - 1)
                }
                (None, None) => break,
            };
            let from = (issue.text_start as usize).max(byte);
            units += utf16_len(text.get(byte..from).unwrap_or_default());
            byte = from;
            let at = |to: u32| units + utf16_len(text.get(from..to as usize).unwrap_or_default());
            let record = records
                .get_mut(r * RECORD_WORDS..(r + 1) * RECORD_WORDS)
                .unwrap_or_default();
            for (start, end) in present_fields(record) {
                (*start, *end) = (at(*start), at(*end));
            }
        }
    }
    // Start and end, to start and length.
    for record in records.chunks_exact_mut(RECORD_WORDS) {
        for (start, end) in present_fields(record) {
            *end -= *start;
        }
    }
}

/// The start and end words of each text field a record has.
fn present_fields(record: &mut [u32]) -> impl Iterator<Item = (&mut u32, &mut u32)> {
    record
        .get_mut(1..1 + 2 * TEXT_FIELDS.len())
        .unwrap_or_default()
        .chunks_exact_mut(2)
        .filter_map(|pair| match pair {
            [start, end] if *end != ABSENT => Some((start, end)),
            _ => None,
        })
}

/// How many UTF-16 code units `s` takes in JS: a unit per character, two
/// for a character past U+FFFF (four bytes of UTF-8).
fn utf16_len(s: &str) -> u32 {
    // ASCII (most fields) is checked a word at a time.
    if s.is_ascii() {
        return s.len() as u32;
    }
    let units = s
        .bytes()
        .map(|b| match b {
            0x80..=0xbf => 0,
            0xf0.. => 2,
            _ => 1,
        })
        .sum::<usize>();
    units as u32
}

/// The whole definition, as data for `pkg/api.js`.
pub fn wire() -> serde_json::Value {
    let modes: serde_json::Map<String, serde_json::Value> = TextMode::ALL
        .iter()
        .map(|&m| (m.name().to_owned(), (m as u32).into()))
        .collect();
    serde_json::json!({
        "kinds": KINDS.map(|k| k.map(EventKind::as_str)),
        "kindMask": KIND_MASK,
        "hasIssues": HAS_ISSUES,
        "textModes": modes,
        "tapeTags": crate::tape::tags(),
        "tapeForeign": crate::tape::foreign_kinds(),
        "tapeKeys": crate::tape::known_keys(),
        "tapeTextKeys": crate::tape::text_keys(),
        "tapeValues": crate::tape::known_values(),
        "codes": IssueCode::ALL.map(IssueCode::as_str),
        "textFields": TEXT_FIELDS,
        "location": LOCATION,
        "absent": ABSENT,
        "headerWords": HEADER_WORDS,
        "recordWords": RECORD_WORDS,
        "order": {
            "typeMask": ORDER_TYPE_MASK,
            "acceptedShift": ORDER_ACCEPTED_SHIFT,
            "closedShift": ORDER_CLOSED_SHIFT,
            "flag": ORDER_FLAG,
        },
    })
}

/// An issue as JS decodes it from `Encoded`: its code, then its text
/// fields present, by name, and its location's numbers.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The code's stable name.
    pub code: &'static str,
    /// The text fields present, by name, in the order of `TEXT_FIELDS`.
    pub fields: Vec<(&'static str, String)>,
    /// The location's numbers, in the order of `LOCATION`.
    pub location: Option<[u32; 4]>,
}

impl Encoded {
    /// The errors and the warnings decoded as `pkg/api.js` does it (by
    /// UTF-16 units), for tests of the layout.
    pub fn decode(&self) -> [Vec<Decoded>; 2] {
        let units: Vec<u16> = self.issues.text.encode_utf16().collect();
        let mut next = HEADER_WORDS;
        let mut out = [Vec::new(), Vec::new()];
        for (group, list) in out.iter_mut().enumerate() {
            let count = self.words.get(2 + group).copied().unwrap_or(0);
            for _ in 0..count {
                let record = self
                    .words
                    .get(next..next + RECORD_WORDS)
                    .unwrap_or_default();
                next += RECORD_WORDS;
                let code = record
                    .first()
                    .and_then(|&c| IssueCode::ALL.get(c as usize))
                    .map_or("", |c| c.as_str());
                let mut fields = Vec::new();
                for (f, name) in TEXT_FIELDS.iter().enumerate() {
                    let start = record.get(1 + 2 * f).copied().unwrap_or(0) as usize;
                    let length = record.get(2 + 2 * f).copied().unwrap_or(ABSENT);
                    if length == ABSENT {
                        continue;
                    }
                    let end = start + length as usize;
                    let text = String::from_utf16_lossy(units.get(start..end).unwrap_or_default());
                    fields.push((*name, text));
                }
                let place = 1 + 2 * TEXT_FIELDS.len();
                let location = match record.get(place..place + 1 + LOCATION.len()) {
                    Some([1, line, column, offset, length]) => {
                        Some([*line, *column, *offset, *length])
                    }
                    _ => None,
                };
                list.push(Decoded {
                    code,
                    fields,
                    location,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::Issue;
    use crate::location::Location;
    use crate::sink::IssueSink;

    /// The issues of a result, as the walk would have kept them.
    fn issues(errors: &[Issue], warnings: &[Issue]) -> Issues {
        let mut sink = IssueSink::new(100, false);
        for issue in errors.iter().chain(warnings) {
            sink.push(issue, 0);
        }
        sink.finish()
    }

    #[test]
    fn records_cut_the_text_by_utf16_lengths() {
        let mut issue =
            Issue::new(IssueCode::InvalidJson, "/a\u{1f}b/é/😀", "m").received("string \"😀x\"");
        issue.location = Some(Location {
            line: 2,
            column: 3,
            offset: 10,
            length: 4,
        });
        let warning = Issue::new(IssueCode::PossibleTypo, "", "w").suggestion("repair_started");
        let mut encoded = Encoded::default();
        encoded.encode(issues(&[issue], &[warning]));
        encoded.seal();
        assert_eq!(encoded.words.len(), HEADER_WORDS + 2 * RECORD_WORDS);
        assert_eq!(encoded.words[1] as usize, encoded.text().len());
        let [errors, warnings] = encoded.decode();
        assert_eq!(
            errors,
            [Decoded {
                code: "invalid_json",
                fields: vec![
                    ("path", "/a\u{1f}b/é/😀".into()),
                    ("message", "m".into()),
                    ("received", "string \"😀x\"".into()),
                ],
                location: Some([2, 3, 10, 4]),
            }]
        );
        assert_eq!(
            warnings,
            [Decoded {
                code: "possible_typo",
                fields: vec![
                    ("path", String::new()),
                    ("message", "w".into()),
                    ("suggestion", "repair_started".into()),
                ],
                location: None,
            }]
        );
    }

    #[test]
    fn records_point_into_text_written_in_the_order_found() {
        // A warning found first, with text past U+FFFF before and in it: its
        // text comes first, the error's record first.
        let mut sink = IssueSink::new(100, false);
        sink.push(
            &Issue::new(IssueCode::PossibleTypo, "/😀é", "w😀").suggestion("s"),
            0,
        );
        sink.push(
            &Issue::new(IssueCode::InvalidType, "/ü", "m").expected("string"),
            0,
        );
        let mut encoded = Encoded::default();
        encoded.encode(sink.finish());
        let [errors, warnings] = encoded.decode();
        let fields = |d: &Decoded| d.fields.clone();
        assert_eq!(
            fields(&errors[0]),
            [
                ("path", "/ü".into()),
                ("message", "m".into()),
                ("expected", "string".into())
            ]
        );
        assert_eq!(
            fields(&warnings[0]),
            [
                ("path", "/😀é".into()),
                ("message", "w😀".into()),
                ("suggestion", "s".into())
            ]
        );
        // The error's path starts after the warning's three fields: "/😀é"
        // (4 units), "w😀" (3), "s" (1).
        assert_eq!(encoded.words[HEADER_WORDS + 1], 8);
    }

    #[test]
    fn encoding_again_replaces_what_was_there() {
        let mut encoded = Encoded::default();
        encoded.encode(issues(
            &[Issue::new(IssueCode::OrderClosed, "", "closed")],
            &[],
        ));
        let old = encoded.encode(issues(
            &[],
            &[Issue::new(IssueCode::PossibleTypo, "/x", "y")],
        ));
        assert_eq!(old.text, "closed");
        let [errors, warnings] = encoded.decode();
        assert!(errors.is_empty());
        assert_eq!(warnings.len(), 1);
        assert_eq!(encoded.text(), "/xy");
    }

    #[test]
    fn a_code_is_its_index_in_all() {
        for (i, code) in IssueCode::ALL.into_iter().enumerate() {
            assert_eq!(code as usize, i, "{code:?}");
        }
    }

    #[test]
    fn codes_index_the_kind_table() {
        for (i, kind) in KINDS.into_iter().enumerate() {
            assert_eq!(code(kind, false), i as u32);
            assert_eq!(code(kind, true) & KIND_MASK, i as u32);
        }
    }
}
