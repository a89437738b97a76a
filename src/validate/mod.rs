//! The validator: one pass over a token stream, in document order, with
//! explicit stacks (never recursion) and every limit counted as it goes.

mod event_name;
mod fields;
mod quiet;
mod walk;

use std::borrow::Cow;

use crate::draft::Draft;
use crate::issue::{Issue, IssueCode};
use crate::location::{self, Span};
use crate::options::{Limits, Options, ServiceOrder};
use crate::pointer::Pointer;
use crate::result::{Outcome, ValidationResult};
use crate::rules::{EventKind, ServiceType};
use crate::sentence::Article;
use crate::sink::{IssueSink, Kept, Mark};
use crate::token::{Source, SourceError, Token};

/// The walk ends early: the input is not JSON. The issue saying so is
/// already recorded. (A limit never ends the walk: what is over it is
/// skipped, and the walk goes on.)
pub(crate) struct Stop;

/// What each step of the walk returns.
pub(crate) type Flow = Result<(), Stop>;

/// One container being walked: an object, or an array with its item count.
#[derive(Debug, Clone, Copy)]
struct Frame {
    object: bool,
    items: usize,
    /// An object whose source may still read members in its fast lane
    /// (`Run::quiet_members`).
    quiet: bool,
    /// Where it starts, for an issue about all of it.
    start: Option<Span>,
}

/// The state of one validation.
pub(crate) struct Run<'s> {
    src: &'s mut dyn Source,
    limits: Limits,
    strict: bool,
    service_type: Option<ServiceType>,
    path: Pointer,
    keys: usize,
    kind: Option<EventKind>,
    has_event: bool,
    /// Past `maxKeys`: the rest is read, and only the event's name checked.
    skimming: bool,
    frames: Vec<Frame>,
    /// Where the list stood after the order's issues (all errors): they
    /// stay when the text turns out not to be JSON, and everything else goes.
    order_issues: Mark,
    /// Every issue goes through it (`report`, `report_with`).
    issues: IssueSink,
    /// Bytes of the keys read so far: an exact path is never longer (but
    /// for indices), so the size budget grows with them.
    key_bytes: usize,
    /// Near-miss searches made so far (see `may_search`).
    searches: usize,
}

/// Near-miss searches one validation makes at most. A search only feeds a
/// suggestion; an event has a few dozen fields, and a flood of thousands of
/// unknown keys must not cost a search each.
const NEAR_MISS_SEARCHES: usize = 1_000;

thread_local! {
    /// The path and frame buffers, kept from one validation to the next.
    static SPARE: std::cell::Cell<Option<(Pointer, Vec<Frame>)>> = const { std::cell::Cell::new(None) };
}

/// Validates the event read from `src` against the optional `order`.
pub fn validate_source(
    src: &mut dyn Source,
    order: Option<&ServiceOrder>,
    options: &Options,
) -> ValidationResult {
    check_source(src, order, options).into_result()
}

/// As `validate_source`, with the issues left as records and their text
/// (for the module, which hands them to JS as they are).
pub(crate) fn check_source(
    src: &mut dyn Source,
    order: Option<&ServiceOrder>,
    options: &Options,
) -> Outcome {
    let (path, frames) = SPARE.with(std::cell::Cell::take).unwrap_or_default();
    let mut run = Run {
        src,
        limits: options.limits,
        strict: options.strict,
        service_type: order.map(|o| o.service_type),
        path,
        keys: 0,
        kind: None,
        has_event: false,
        skimming: false,
        frames,
        order_issues: Mark::default(),
        issues: IssueSink::new(options.limits.max_issues, options.strict),
        key_bytes: 0,
        searches: 0,
    };
    if let Some(order) = order {
        run.order(order);
    }
    run.order_issues = run.issues.mark();
    // A `Stop` has recorded its issue already; the result is what was found.
    let _ = run.event();
    run.finish()
}

/// A result for input that could not be read at all (a body over the size
/// limit, text that is not UTF-8, an empty body), with the order's issues.
pub(crate) fn unreadable(order: Option<&ServiceOrder>, options: &Options, issue: Issue) -> Outcome {
    let mut src = crate::token::Empty;
    let mut run = Run {
        src: &mut src,
        limits: Limits::default(),
        strict: false,
        service_type: None,
        path: Pointer::default(),
        keys: 0,
        kind: None,
        has_event: true,
        skimming: false,
        frames: Vec::new(),
        order_issues: Mark::default(),
        issues: IssueSink::new(options.limits.max_issues, options.strict),
        key_bytes: 0,
        searches: 0,
    };
    if let Some(order) = order {
        run.order(order);
    }
    run.report(&issue);
    run.finish()
}

impl Run<'_> {
    fn order(&mut self, order: &ServiceOrder) {
        if order.accepted == Some(false) {
            self.report_with(IssueCode::OrderNotAccepted, |_, d| {
                d.path("").message(
                    "The service order has not been accepted yet: no event can be sent for it.",
                );
            });
        }
        if order.closed == Some(true) {
            self.report_with(IssueCode::OrderClosed, |_, d| {
                d.path("")
                    .message("The service order is closed: no event can be sent for it.");
            });
        }
    }

    /// The whole event: an object whose members are checked one by one.
    fn event(&mut self) -> Flow {
        let first = self.next()?;
        if first != Token::ObjectStart {
            let kept = self.report_with(IssueCode::NotAnObject, |run, d| {
                let received = run.received(first);
                run.here(d)
                    .message(pieces!(
                        "The event must be a JSON object with an event field, not ",
                        article(&received),
                        "."
                    ))
                    .expected("object")
                    .received(received);
            });
            self.has_event = true;
            if matches!(first, Token::ObjectStart | Token::ArrayStart) {
                self.any_value(first, 0)?;
                self.stretch(kept);
            }
            return self.end_of_input();
        }
        while let Token::Key {
            chars,
            duplicate,
            known,
        } = self.next()?
        {
            // The name is checked even past a limit: `kind` follows it.
            if self.key(chars, duplicate, known) || self.src.text() == crate::rules::EVENT_FIELD {
                self.member(known)?;
            } else {
                let value = self.next()?;
                self.skip(value)?;
            }
            self.path.pop();
        }
        self.end_of_input()
    }

    fn end_of_input(&mut self) -> Flow {
        match self.src.finish() {
            Ok(()) => Ok(()),
            Err(e) => Err(self.not_json(e)),
        }
    }

    /// The text is not JSON: what was found in it means nothing, so only the
    /// order's issues stay, with `invalid_json`, and the kind is unknown.
    fn not_json(&mut self, e: SourceError) -> Stop {
        self.issues.rewind(self.order_issues);
        self.kind = None;
        self.has_event = true;
        let span = self.src.span().map(|_| e.span);
        self.report_with(IssueCode::InvalidJson, |_, d| {
            d.path("").message(e.message.as_str()).record.span = span;
        });
        Stop
    }

    fn finish(mut self) -> Outcome {
        let (mut path, mut frames) = (
            std::mem::take(&mut self.path),
            std::mem::take(&mut self.frames),
        );
        if path.clear_if_small() && frames.capacity() <= 256 {
            frames.clear();
            SPARE.with(|spare| spare.set(Some((path, frames))));
        }
        if !self.has_event {
            self.report_with(IssueCode::MissingEvent, |_, d| {
                d.path("/event")
                    .message("The event field is missing: every event needs its name, e.g. \"repair_started\".")
                    .expected("string");
            });
        }
        self.locate();
        Outcome {
            valid: !self.issues.invalid(),
            kind: self.kind,
            issues: self.issues.finish(),
        }
    }

    /// Turns the spans of the issues kept into locations, all in one pass.
    fn locate(&mut self) {
        let Some((text, offsets)) = self.src.located_text() else {
            return;
        };
        let (first, second) = {
            let mut spans = self.issues.iter_mut().filter_map(|i| i.span);
            (spans.next(), spans.next())
        };
        let Some(first) = first else {
            // No issue has a place: nothing to find, nothing allocated.
            return;
        };
        // One place to find (most results with issues): nothing collected.
        let one = second
            .is_none()
            .then(|| location::resolve_one(text, offsets, first));
        let mut many = match one {
            Some(_) => Vec::new(),
            None => {
                let spans: Vec<Span> = self.issues.iter_mut().filter_map(|i| i.span).collect();
                location::resolve(text, offsets, &spans)
            }
        }
        .into_iter();
        for issue in self.issues.iter_mut() {
            if issue.span.take().is_some() {
                issue.location = one.or_else(|| many.next());
            }
        }
    }

    /// The next token; a source error becomes `invalid_json` and stops the walk.
    fn next(&mut self) -> Result<Token, Stop> {
        match self.src.next_token() {
            Ok(token) => Ok(token),
            Err(e) => Err(self.not_json(e)),
        }
    }

    /// Records an issue already built (as an error or, unless strict, as a
    /// warning); past the cap it is only counted.
    fn report(&mut self, issue: &Issue) -> Option<Kept> {
        self.issues.push(issue, self.key_bytes)
    }

    /// Records an issue of `code` that `build` writes, and only writes it
    /// when it will be kept: past the cap an issue costs a count, not its
    /// message.
    fn report_with(
        &mut self,
        code: IssueCode,
        build: impl FnOnce(&Self, &mut Draft<'_>),
    ) -> Option<Kept> {
        if self.issues.has_room() && self.issues.fits(self.path.rendered_len(), self.key_bytes) {
            let mut text = self.issues.lend_text();
            let from = text.len();
            let mut draft = Draft::new(&mut text, code);
            build(self, &mut draft);
            let record = draft.record;
            self.issues.keep(record, text, from, self.key_bytes)
        } else {
            self.issues.leave_out(code);
            None
        }
    }

    /// Whether to look for a near miss: only while a suggestion could still
    /// be shown (the result has room) and within `NEAR_MISS_SEARCHES`.
    fn may_search(&mut self) -> bool {
        if !self.issues.has_room() || self.searches >= NEAR_MISS_SEARCHES {
            return false;
        }
        self.searches += 1;
        true
    }

    /// Stretches the span of a kept issue about a container, which covered
    /// its opening bracket, to the last token read: its closing one.
    fn stretch(&mut self, kept: Option<Kept>) {
        let (Some(kept), Some(end)) = (kept, self.src.span()) else {
            return;
        };
        if let Some(span) = self.issues.get_mut(kept).and_then(|i| i.span.as_mut()) {
            span.length = end.end().saturating_sub(span.offset);
        }
    }

    /// Writes the issue's path, the current one, and its place: the token
    /// just read (when the source is text).
    fn here<'d, 't>(&self, draft: &'d mut Draft<'t>) -> &'d mut Draft<'t> {
        draft.at(&self.path, self.src.span())
    }

    /// As `here`, with a message that names the path: `message` is given
    /// its label (`crate::pointer::label_of`). For the issues a body can
    /// only have a few of (limits, keys, values JSON cannot carry); the
    /// others write their message in pieces, with `Pointer::label`.
    #[inline(never)]
    fn labelled<'d, 't>(
        &self,
        draft: &'d mut Draft<'t>,
        message: &dyn Fn(&str) -> String,
    ) -> &'d mut Draft<'t> {
        let label = sentence!(self.path.label());
        self.here(draft).message(message(&label))
    }

    /// Records `limit_exceeded` at the current path, about the token just
    /// read; `message` says what passed the limit `name` of `max` (built
    /// only when the issue is kept; given the path's label).
    #[inline(never)]
    fn limit(&mut self, max: usize, name: &str, message: &dyn Fn(&str) -> String) -> Option<Kept> {
        self.report_with(IssueCode::LimitExceeded, |run, d| {
            run.labelled(d, message).expected(pieces!(
                "at most ",
                max.to_string(),
                " (",
                name,
                ")"
            ));
        })
    }

    /// How a token's value is described in messages: `string`, `null`, `number 1.5`.
    fn received(&self, token: Token) -> Cow<'_, str> {
        Cow::Borrowed(match token {
            Token::Null => "null",
            Token::Bool(_) => "boolean",
            Token::Number(n) => return Cow::Owned(sentence!("number ", self.number(n))),
            Token::String { .. } => "string",
            Token::ObjectStart => "object",
            Token::ArrayStart => "array",
            Token::Foreign => return crate::quote::quote(self.src.text()),
            Token::Key { .. } | Token::ObjectEnd | Token::ArrayEnd => "nothing",
        })
    }
}

/// Integers below this print as digits (JavaScript prints them so up to 1e21;
/// the few between come from the source, like fractions).
const PLAIN_INTEGERS_BELOW: f64 = 9e18;

impl Run<'_> {
    /// A number as JavaScript would print it. Fractions are printed by the
    /// source (as written in JSON text, by JS for JS values), which keeps
    /// float formatting out of the WebAssembly module.
    fn number(&self, n: f64) -> String {
        if n.is_nan() {
            "NaN".into()
        } else if n.is_infinite() {
            if n > 0.0 { "Infinity" } else { "-Infinity" }.into()
        } else if n.fract() == 0.0 && n.abs() < PLAIN_INTEGERS_BELOW {
            // In range: the cast is exact.
            (n as i64).to_string()
        } else {
            // A literal of a million digits is still one number.
            crate::quote::quote(&self.src.number_text(n)).into_owned()
        }
    }
}

/// A description as a sentence says it, with its article: `an object`,
/// `a string`, `an onsite`, `the number 5`, `the string "x"`, `null`.
fn article(what: &str) -> Article<'_> {
    let has_one = ["a ", "an ", "the "].iter().any(|a| what.starts_with(a));
    let article = if has_one || what == "null" || what.starts_with("undefined") {
        ""
    } else if what.starts_with("number ") || what.starts_with("string \"") {
        "the "
    } else if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an "
    } else {
        "a "
    };
    Article(article, what)
}

#[cfg(test)]
mod tests {
    use super::article;

    #[test]
    fn articles_as_a_sentence_says_them() {
        for (what, said) in [
            ("object", "an object"),
            ("array", "an array"),
            ("onsite", "an onsite"),
            ("depot", "a depot"),
            ("string", "a string"),
            ("boolean", "a boolean"),
            (
                "timestamp (integer milliseconds since 1970)",
                "a timestamp (integer milliseconds since 1970)",
            ),
            ("number 5", "the number 5"),
            ("string \"x\"", "the string \"x\""),
            ("null", "null"),
            ("undefined (an empty slot)", "undefined (an empty slot)"),
            ("a function", "a function"),
            (
                "an object whose keys cannot be read",
                "an object whose keys cannot be read",
            ),
        ] {
            assert_eq!(sentence!(article(what)), said);
        }
    }
}
