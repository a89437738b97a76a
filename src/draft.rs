//! An issue as the walk writes it: its text fields go straight into the one
//! text of its result, where they stay until JS reads them (`crate::wire`),
//! and the issue itself is a small record of where they are. Measured
//! against an `Issue` of five `String`s (one allocation each, freed after a
//! second copy into the wire's text, and the struct moved by each builder
//! step), this is most of what an invalid event cost over a valid one.

use crate::issue::{Issue, IssueCode};
use crate::location::{Location, Span};
use crate::pointer::Pointer;
use crate::sentence::Piece;

/// Where an issue's text fields are in its result's text, in the order of
/// `crate::wire::TEXT_FIELDS`: a byte range each, `None` for an optional
/// field the issue does not have.
pub(crate) type Fields = [Option<(u32, u32)>; 5];

/// One issue of a result, its text kept apart (`Draft`, `IssueSink`).
#[derive(Debug, Clone)]
pub(crate) struct Record {
    /// The stable code.
    pub code: IssueCode,
    /// Its text fields' places in the result's text.
    pub fields: Fields,
    /// Where its text starts: every field is after it, and before the next
    /// issue's.
    pub text_start: u32,
    /// The bytes of the source it is about, while the walk runs.
    pub span: Option<Span>,
    /// Where they are, once the walk ends.
    pub location: Option<Location>,
}

impl Record {
    /// The issue, its fields copied out of `text` (for a Rust caller).
    pub fn to_issue(&self, text: &str) -> Issue {
        let field = |f: usize| {
            self.fields.get(f).copied().flatten().map(|(start, end)| {
                text.get(start as usize..end as usize)
                    .unwrap_or_default()
                    .to_owned()
            })
        };
        Issue {
            code: self.code,
            path: field(0).unwrap_or_default(),
            message: field(1).unwrap_or_default(),
            expected: field(2),
            received: field(3),
            suggestion: field(4),
            location: self.location,
            span: None,
        }
    }
}

/// An issue being written: each field at the end of the result's text.
pub(crate) struct Draft<'t> {
    text: &'t mut String,
    /// What has been written so far.
    pub record: Record,
}

impl<'t> Draft<'t> {
    /// An issue of `code` with no field written yet, into `text`.
    pub fn new(text: &'t mut String, code: IssueCode) -> Draft<'t> {
        Draft {
            record: Record {
                code,
                fields: [None; 5],
                text_start: text.len() as u32,
                span: None,
                location: None,
            },
            text,
        }
    }

    /// An issue already built (for the few made before a walk, or by a
    /// Rust caller's tests), its fields copied in.
    pub fn copy_of(text: &'t mut String, issue: &Issue) -> Draft<'t> {
        let mut draft = Draft::new(text, issue.code);
        draft.record.span = issue.span;
        draft.record.location = issue.location;
        draft.write(0, &issue.path.as_str());
        draft.write(1, &issue.message.as_str());
        for (f, value) in [&issue.expected, &issue.received, &issue.suggestion]
            .into_iter()
            .enumerate()
        {
            if let Some(value) = value {
                draft.write(2 + f, &value.as_str());
            }
        }
        draft
    }

    /// Writes field `f` (an index in `Fields`) from `piece`.
    fn write(&mut self, f: usize, piece: &dyn Piece) -> &mut Self {
        let start = self.text.len() as u32;
        piece.push_to(self.text);
        if let Some(field) = self.record.fields.get_mut(f) {
            *field = Some((start, self.text.len() as u32));
        }
        self
    }

    /// The issue is at `path`, about the bytes at `span`.
    pub fn at(&mut self, path: &Pointer, span: Option<Span>) -> &mut Self {
        let start = self.text.len() as u32;
        path.write_path(self.text);
        self.record.fields[0] = Some((start, self.text.len() as u32));
        self.record.span = span;
        self
    }

    /// The path, as text.
    pub fn path(&mut self, path: &str) -> &mut Self {
        self.write(0, &path)
    }

    /// The sentence a technician reads.
    pub fn message(&mut self, message: impl Piece) -> &mut Self {
        self.write(1, &message)
    }

    /// What was expected.
    pub fn expected(&mut self, expected: impl Piece) -> &mut Self {
        self.write(2, &expected)
    }

    /// What was received.
    pub fn received(&mut self, received: impl Piece) -> &mut Self {
        self.write(3, &received)
    }

    /// The likely fix.
    pub fn suggestion(&mut self, suggestion: impl Piece) -> &mut Self {
        self.write(4, &suggestion)
    }
}
