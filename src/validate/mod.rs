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
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
}

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
        errors: Vec::new(),
        warnings: Vec::new(),
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
pub(crate) fn unreadable(order: Option<&ServiceOrder>, issue: Issue) -> ValidationResult {
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
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    if let Some(order) = order {
        run.order(order);
    }
    run.errors.push(issue);
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
            let received = self.received(first);
            self.report(
                Issue::new(
                    IssueCode::NotAnObject,
                    "",
                    format!(
                        "The event must be a JSON object with an event field, not {}.",
                        article(&received)
                    ),
                )
                .expected("object")
                .received(received),
            );
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
        ValidationResult {
            valid: self.errors.is_empty(),
            kind: self.kind,
            errors: self.errors,
            warnings: self.warnings,
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

    /// Records an issue as an error or, unless strict, as a warning.
    fn report(&mut self, issue: Issue) {
        if issue.code.is_warning() && !self.strict {
            self.warnings.push(issue);
        } else {
            self.errors.push(issue);
        }
    }

    /// An issue at the current path.
    fn here(&self, code: IssueCode, message: String) -> Issue {
        Issue::new(code, self.path.as_str(), message)
    }

    /// Records `limit_exceeded` at the current path.
    fn limit(&mut self, what: String, name: &str, max: usize) {
        let message = format!("{what}, more than the limit of {max} ({name}).");
        let issue = self
            .here(IssueCode::LimitExceeded, message)
            .expected(format!("at most {max} ({name})"));
        self.report(issue);
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
            Token::Foreign => self.src.text().to_owned(),
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
            self.src.number_text(n)
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
