//! The event's own members: the name, the known fields with their types,
//! and the fields no event lists.

use super::{Flow, Run};
use crate::draft::Draft;
use crate::issue::IssueCode;
use crate::known_key::KnownKey;
use crate::near_miss;
use crate::quote::quote;
use crate::rules::{self, FieldSpec, FieldType, EVENT_FIELD};
use crate::token::{ItemRule, Token};

/// The largest timestamp: the range of a JS `Date`.
const MAX_TIMESTAMP: f64 = 8.64e15;
/// Below this, a positive timestamp looks like seconds (1e11 ms is 1973).
const SECONDS_BELOW: f64 = 1e11;

/// What a top-level key is.
enum Role {
    Name,
    Known(&'static FieldSpec),
    Unknown(Option<&'static str>),
}

impl Run<'_> {
    /// Checks the member whose key was just read (its path is pushed);
    /// `known` when the source said which known key it is.
    pub(super) fn member(&mut self, known: Option<KnownKey>) -> Flow {
        let role = match known {
            // Straight to the field by its number: no look-up by name.
            Some(known) => known.field().map_or(Role::Name, Role::Known),
            // Looked up by the source already: not a known key.
            None if self.src.says_every_known_key() => self.unknown_role(),
            None => self.role_by_name(),
        };
        match role {
            Role::Name => self.event_name(),
            Role::Known(spec) => self.known(spec),
            Role::Unknown(suggestion) => {
                if let Some(suggestion) = suggestion {
                    self.report_with(IssueCode::PossibleTypo, |run, d| {
                        run.here(d)
                            .message(pieces!(
                                run.path.label(),
                                " is not a known field, so it is not checked; did you mean ",
                                suggestion,
                                "?"
                            ))
                            .suggestion(suggestion);
                    });
                }
                if self.strict {
                    self.report_with(IssueCode::UnknownField, |run, d| {
                        run.here(d).message(pieces!(
                            run.path.label(),
                            " is not a field of any event (strict mode)."
                        ));
                    });
                }
                let token = self.next()?;
                self.any_value(token, 1)
            }
        }
    }

    /// What the key just read is, found by its name.
    fn role_by_name(&mut self) -> Role {
        let key = self.src.text();
        if key == EVENT_FIELD {
            Role::Name
        } else if let Some(spec) = rules::field(key) {
            Role::Known(spec)
        } else {
            self.unknown_role()
        }
    }

    /// A key that is no known one: a near miss of a field, if any.
    fn unknown_role(&mut self) -> Role {
        if self.may_search() {
            let key = self.src.text();
            Role::Unknown(near_miss::suggest_known(near_miss::Known::Fields, key))
        } else {
            // The search only feeds a suggestion (in strict mode
            // `unknown_field` decides `valid` already).
            Role::Unknown(None)
        }
    }

    /// A known field: its value must have the field's type.
    fn known(&mut self, spec: &'static FieldSpec) -> Flow {
        let token = self.next()?;
        if !self.within_depth(1, token)? {
            return Ok(());
        }
        match (spec.ty, token) {
            (FieldType::String, Token::String { chars }) => {
                self.string_length(chars);
                Ok(())
            }
            (FieldType::Boolean, Token::Bool(_)) => Ok(()),
            (FieldType::Timestamp, Token::Number(n)) => {
                self.timestamp(n);
                Ok(())
            }
            (FieldType::Enum(values), Token::String { chars }) => {
                self.enum_value(values, chars);
                Ok(())
            }
            (FieldType::Object, Token::ObjectStart) => self.any_value(token, 1),
            (FieldType::TimestampArray, Token::ArrayStart) => self.timestamps(),
            (ty, token) => self.wrong_type(&expected(ty), token, 1),
        }
    }

    /// The items of a timestamp array, after its `[`.
    fn timestamps(&mut self) -> Flow {
        let start = self.src.span();
        let mut count = 0;
        // Items past the issue cap or valid need only a look: the fast lane.
        let quiet = self.limits.max_depth >= 2;
        loop {
            let token = match quiet {
                true => self.quiet_items(&mut count, ItemRule::Timestamps)?,
                false => None,
            };
            let token = match token {
                Some(token) => token,
                None => self.next()?,
            };
            if token == Token::ArrayEnd || !self.item(&mut count, token, start)? {
                return Ok(());
            }
            if self.within_depth(2, token)? {
                match token {
                    Token::Number(n) => self.timestamp(n),
                    token => self.wrong_type(FieldType::Timestamp.expected(), token, 2)?,
                }
            }
            self.path.pop();
        }
    }

    /// A value of the wrong type at the current path: `invalid_type` (or
    /// `not_json`), then the value is walked for limits and keys.
    pub(super) fn wrong_type(&mut self, expected: &str, token: Token, depth: usize) -> Flow {
        let code = match token {
            Token::Foreign => IssueCode::NotJson,
            Token::Number(n) if !n.is_finite() => IssueCode::NotJson,
            _ => IssueCode::InvalidType,
        };
        let kept = self.report_with(code, |run, d| run.wrong_type_issue(d, expected, token));
        match token {
            Token::ObjectStart | Token::ArrayStart => {
                self.any_value(token, depth)?;
                self.stretch(kept);
                Ok(())
            }
            Token::String { chars } => {
                self.string_length(chars);
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// The issue `wrong_type` reports.
    #[inline(never)]
    fn wrong_type_issue(&self, d: &mut Draft<'_>, expected: &str, token: Token) {
        let received = self.received(token);
        let label = self.path.label();
        let a = super::article(expected);
        let d = self.here(d);
        match token {
            Token::Null => d.message(pieces!(
                label,
                " is null: omit the field instead of sending null, or send ",
                a,
                "."
            )),
            Token::Foreign => d.message(pieces!(
                label,
                " is ",
                received,
                ", which is not JSON data; send ",
                a,
                hint(&received),
                "."
            )),
            Token::Number(n) if !n.is_finite() => d.message(pieces!(
                label,
                " is ",
                self.number(n),
                ", which JSON cannot represent; send ",
                a,
                "."
            )),
            _ => d.message(pieces!(
                label,
                " must be ",
                a,
                ", not ",
                super::article(&received),
                "."
            )),
        }
        .expected(expected)
        .received(received);
    }

    /// A number in a timestamp field.
    fn timestamp(&mut self, n: f64) {
        if let Some(code) = timestamp_issue_code(n) {
            self.report_with(code, |run, d| run.timestamp_issue(d, n));
        }
    }

    /// The issue `timestamp` reports about `n`, which is not a plain timestamp.
    #[inline(never)]
    fn timestamp_issue(&self, d: &mut Draft<'_>, n: f64) {
        let problem = if !n.is_finite() {
            Some("it is not a finite number")
        } else if n.fract() != 0.0 {
            Some("it is not a whole number of milliseconds")
        } else if !(0.0..=MAX_TIMESTAMP).contains(&n) {
            Some("it is outside 0 to 8640000000000000 (the range of a JavaScript Date)")
        } else {
            None
        };
        let written = self.number(n);
        let label = self.path.label();
        let d = self.here(d);
        if let Some(problem) = problem {
            d.message(pieces!(
                label,
                " must be a timestamp in integer milliseconds since 1970, and ",
                written,
                " is not: ",
                problem,
                "."
            ));
        } else {
            let millis = self.number(n * 1000.0);
            d.message(pieces!(
                label,
                " is ",
                written,
                ", which looks like seconds: timestamps are milliseconds (",
                millis,
                ")."
            ))
            .suggestion(millis);
        }
        d.expected(FieldType::Timestamp.expected())
            .received(pieces!("number ", written));
    }

    /// A string in an enum field.
    fn enum_value(&mut self, values: &'static [&'static str], chars: usize) {
        if chars > self.limits.max_string_length {
            self.string_length(chars);
            return;
        }
        if values.contains(&self.src.text()) {
            return;
        }
        self.report_with(IssueCode::InvalidEnumValue, |run, d| {
            run.enum_issue(d, values)
        });
    }

    /// The issue `enum_value` reports about a string outside `values`.
    #[inline(never)]
    fn enum_issue(&self, d: &mut Draft<'_>, values: &'static [&'static str]) {
        let value = self.src.text();
        let suggestion = near_miss::suggest(value, values.iter().copied());
        let value = quote(value);
        let list = List(values);
        let label = self.path.label();
        let d = self.here(d);
        match suggestion {
            Some(s) => d.message(pieces!(
                label,
                " must be one of ",
                list,
                ", not \"",
                value,
                "\" (did you mean \"",
                s,
                "\"?)."
            )),
            None => d.message(pieces!(
                label,
                " must be one of ",
                list,
                ", not \"",
                value,
                "\"."
            )),
        }
        .expected(pieces!("one of ", list))
        .received(pieces!("string \"", value, "\""));
        if let Some(s) = suggestion {
            d.suggestion(s);
        }
    }
}

/// An enum's values as a sentence lists them: `a, b, c`, written where
/// it goes.
#[derive(Clone, Copy)]
struct List(&'static [&'static str]);

impl crate::sentence::Piece for List {
    fn size(&self) -> usize {
        self.0
            .iter()
            .map(|v| v.len() + 2)
            .sum::<usize>()
            .saturating_sub(2)
    }
    fn push_to(&self, out: &mut String) {
        for (i, value) in self.0.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(value);
        }
    }
}

/// What is wrong with `n` in a timestamp field, if anything.
#[inline(always)]
pub(super) fn timestamp_issue_code(n: f64) -> Option<IssueCode> {
    // A whole number from 0 to MAX_TIMESTAMP is one that survives the trip
    // through u64: the cast saturates (NaN to 0, negatives to 0, infinity
    // to u64::MAX) and truncates, so NaN, infinities, negatives and
    // fractions all come back different. Cheaper than `fract` per item of
    // an issue flood.
    let whole = n as u64;
    if whole as f64 != n || n > MAX_TIMESTAMP {
        Some(IssueCode::InvalidTimestamp)
    } else if n > 0.0 && n < SECONDS_BELOW {
        Some(IssueCode::TimestampInSeconds)
    } else {
        None
    }
}

/// The expected type in words; enums list their values.
fn expected(ty: FieldType) -> String {
    match ty {
        FieldType::Enum(values) => format!("string, one of {}", values.join(", ")),
        ty => ty.expected().to_owned(),
    }
}

/// A hint for a JS value sent where JSON was expected.
fn hint(received: &str) -> &'static str {
    if received.starts_with("a Date") {
        " (date.getTime() gives milliseconds, and buildEvent converts Dates)"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamp_codes_as_the_rule_says() {
        // The rule in words: a whole number from 0 to MAX_TIMESTAMP, which
        // looks like seconds below SECONDS_BELOW (but 0).
        let by_the_rule = |n: f64| {
            if !n.is_finite() || n.fract() != 0.0 || !(0.0..=MAX_TIMESTAMP).contains(&n) {
                Some(IssueCode::InvalidTimestamp)
            } else if n > 0.0 && n < SECONDS_BELOW {
                Some(IssueCode::TimestampInSeconds)
            } else {
                None
            }
        };
        for n in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            -0.5,
            1.5,
            99_999_999_999.0,
            SECONDS_BELOW,
            SECONDS_BELOW + 0.5,
            1_700_000_000_000.0,
            MAX_TIMESTAMP,
            MAX_TIMESTAMP + 1.0,
            MAX_TIMESTAMP - 0.5,
            9_007_199_254_740_993.0,
            1e300,
            -1e300,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            18_446_744_073_709_551_615.0,
        ] {
            assert_eq!(timestamp_issue_code(n), by_the_rule(n), "{n}");
        }
    }
}
