//! The validator: one pass over a token stream, in document order, with
//! explicit stacks (never recursion) and every limit counted as it goes.

mod event_name;
mod fields;
mod walk;

use crate::issue::{Issue, IssueCode};
use crate::options::{Limits, Options, ServiceOrder};
use crate::pointer::Pointer;
use crate::result::ValidationResult;
use crate::rules::{EventKind, ServiceType};
use crate::sink::IssueSink;
use crate::token::{Source, Token};

/// The walk ends early: a limit was exceeded or the input is not JSON. The
/// issue saying why is already recorded.
pub(crate) struct Stop;

/// What each step of the walk returns.
pub(crate) type Flow = Result<(), Stop>;

/// One container being walked: an object, or an array with its item count.
#[derive(Debug, Clone, Copy)]
struct Frame {
    object: bool,
    items: usize,
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
    frames: Vec<Frame>,
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
        frames,
        issues: IssueSink::new(options.limits.max_issues, options.strict),
        key_bytes: 0,
        searches: 0,
    };
    if let Some(order) = order {
        run.order(order);
    }
    // A `Stop` has recorded its issue already; the result is what was found.
    let _ = run.event();
    run.finish()
}

/// A result for input that could not be read at all (a body over the size
/// limit, text that is not UTF-8, an empty body), with the order's issues.
pub(crate) fn unreadable(
    order: Option<&ServiceOrder>,
    options: &Options,
    issue: Issue,
) -> ValidationResult {
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
        frames: Vec::new(),
        issues: IssueSink::new(options.limits.max_issues, options.strict),
        key_bytes: 0,
        searches: 0,
    };
    if let Some(order) = order {
        run.order(order);
    }
    run.report(issue);
    run.finish()
}

impl Run<'_> {
    fn order(&mut self, order: &ServiceOrder) {
        if order.accepted == Some(false) {
            self.report(Issue::new(
                IssueCode::OrderNotAccepted,
                "",
                "The service order has not been accepted yet: no event can be sent for it.",
            ));
        }
        if order.closed == Some(true) {
            self.report(Issue::new(
                IssueCode::OrderClosed,
                "",
                "The service order is closed: no event can be sent for it.",
            ));
        }
    }

    /// The whole event: an object whose members are checked one by one.
    fn event(&mut self) -> Flow {
        let first = self.next()?;
        if first != Token::ObjectStart {
            self.report_with(IssueCode::NotAnObject, |run| {
                let received = run.received(first);
                Issue::new(
                    IssueCode::NotAnObject,
                    "",
                    format!(
                        "The event must be a JSON object with an event field, not {}.",
                        article(&received)
                    ),
                )
                .expected("object")
                .received(received)
            });
            self.has_event = true;
            if matches!(first, Token::ObjectStart | Token::ArrayStart) {
                self.any_value(first, 0)?;
            }
            return self.end_of_input();
        }
        while let Token::Key { chars, duplicate } = self.next()? {
            self.key(chars, duplicate)?;
            self.member()?;
            self.path.pop();
        }
        self.end_of_input()
    }

    fn end_of_input(&mut self) -> Flow {
        if let Err(e) = self.src.finish() {
            self.report(Issue::new(IssueCode::InvalidJson, "", e.message));
            return Err(Stop);
        }
        Ok(())
    }

    fn finish(mut self) -> ValidationResult {
        let (mut path, mut frames) = (
            std::mem::take(&mut self.path),
            std::mem::take(&mut self.frames),
        );
        if path.clear_if_small() && frames.capacity() <= 256 {
            frames.clear();
            SPARE.with(|spare| spare.set(Some((path, frames))));
        }
        if !self.has_event {
            self.report(
                Issue::new(
                    IssueCode::MissingEvent,
                    "/event",
                    "The event field is missing: every event needs its name, e.g. \"repair_started\".",
                )
                .expected("string"),
            );
        }
        let valid = !self.issues.invalid();
        let (errors, warnings) = self.issues.finish();
        ValidationResult {
            valid,
            kind: self.kind,
            errors,
            warnings,
        }
    }

    /// The next token; a source error becomes `invalid_json` and stops the walk.
    fn next(&mut self) -> Result<Token, Stop> {
        match self.src.next_token() {
            Ok(token) => Ok(token),
            Err(e) => {
                self.report(Issue::new(IssueCode::InvalidJson, "", e.message));
                Err(Stop)
            }
        }
    }

    /// Records an issue already built (as an error or, unless strict, as a
    /// warning); past the cap it is only counted.
    fn report(&mut self, issue: Issue) {
        self.issues.push(issue, self.key_bytes);
    }

    /// Records an issue of `code` that `build` makes, and only builds it when
    /// it will be kept: past the cap an issue costs a count, not its message.
    fn report_with(&mut self, code: IssueCode, build: impl FnOnce(&Self) -> Issue) {
        if self.issues.has_room() && self.issues.fits(self.path.rendered_len(), self.key_bytes) {
            let issue = build(self);
            self.report(issue);
        } else {
            self.issues.leave_out(code);
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

    /// An issue at the current path.
    fn here(&self, code: IssueCode, message: String) -> Issue {
        Issue::new(code, self.path.render(), message)
    }

    /// Records `limit_exceeded` at the current path; `what` says what passed
    /// the limit (built only when the issue is kept).
    fn limit(&mut self, what: impl FnOnce(&Self) -> String, name: &str, max: usize) {
        self.report_with(IssueCode::LimitExceeded, |run| {
            let message = format!("{}, more than the limit of {max} ({name}).", what(run));
            run.here(IssueCode::LimitExceeded, message)
                .expected(format!("at most {max} ({name})"))
        });
    }

    /// How a token's value is described in messages: `string`, `null`, `number 1.5`.
    fn received(&self, token: Token) -> String {
        match token {
            Token::Null => "null".into(),
            Token::Bool(_) => "boolean".into(),
            Token::Number(n) => format!("number {}", self.number(n)),
            Token::String { .. } => "string".into(),
            Token::ObjectStart => "object".into(),
            Token::ArrayStart => "array".into(),
            Token::Foreign => crate::quote::quote(self.src.text()).into_owned(),
            Token::Key { .. } | Token::ObjectEnd | Token::ArrayEnd => "nothing".into(),
        }
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

/// `an object`, `a string`, `null`: a description with its article.
fn article(received: &str) -> String {
    match received.chars().next() {
        _ if received == "null"
            || received == "undefined"
            || received.starts_with("number")
            || received.starts_with("a ")
            || received.starts_with("an ") =>
        {
            received.to_owned()
        }
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("an {received}"),
        _ => format!("a {received}"),
    }
}
