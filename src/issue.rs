//! Issues: what the validator reports. Every issue has a stable code, a JSON
//! Pointer into the event, and one sentence a technician understands.

use serde::Serialize;

use crate::location::{Location, Span};

/// The stable code of an issue; `snake_case` on the wire. Tests and programs
/// match on codes, never on messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum IssueCode {
    /// The event is not a JSON object (an array, a string, `null`, …).
    #[error("the event is not a JSON object")]
    NotAnObject,
    /// The event has no `event` field.
    #[error("the event name is missing")]
    MissingEvent,
    /// A known field holds a value of the wrong JSON type, or `null`.
    #[error("a field has the wrong type")]
    InvalidType,
    /// The `event` field is the empty string.
    #[error("the event name is empty")]
    EmptyEventName,
    /// A listed event of one service type was sent for an order of the other.
    #[error("the event is not allowed for the order's service type")]
    EventNotAllowedForServiceType,
    /// The order has not been accepted (`accepted: false`).
    #[error("the service order has not been accepted")]
    OrderNotAccepted,
    /// The order is closed (`closed: true`).
    #[error("the service order is closed")]
    OrderClosed,
    /// A number in a timestamp field that is not integer milliseconds in `0..=8.64e15`.
    #[error("a timestamp is not integer milliseconds in range")]
    InvalidTimestamp,
    /// A string outside an enum field's list of values.
    #[error("a value is not one of the allowed values")]
    InvalidEnumValue,
    /// A size limit was exceeded (body bytes, string length, array items, depth, keys).
    #[error("a limit was exceeded")]
    LimitExceeded,
    /// A value JSON cannot carry: a function, a symbol, a `BigInt`, `NaN`, a
    /// `Date`, a circular reference, a getter or proxy that throws.
    #[error("a value is not JSON data")]
    NotJson,
    /// The body is not valid JSON text (syntax, encoding, trailing data).
    #[error("the body is not valid JSON")]
    InvalidJson,
    /// A key appears twice in the same object of the JSON text.
    #[error("a key appears twice in one object")]
    DuplicateKey,
    /// A `__proto__` key, anywhere: it changes prototypes in JavaScript backends.
    #[error("a forbidden key was used")]
    ForbiddenKey,
    /// Warning: a name is a near miss of a known event, field or value.
    #[error("a name looks like a typo")]
    PossibleTypo,
    /// Warning: a timestamp looks like seconds rather than milliseconds.
    #[error("a timestamp looks like seconds")]
    TimestampInSeconds,
    /// Strict mode only: a field that no event lists.
    #[error("a field no event lists")]
    UnknownField,
    /// The last issue of a list cut at `maxIssues` (or at the size budget):
    /// how many were left out. In `errors` when the event is invalid, in
    /// `warnings` when it is not.
    #[error("more issues were found than a result holds")]
    TooManyIssues,
}

impl IssueCode {
    /// Every code, in documentation order.
    pub const ALL: [IssueCode; 18] = [
        IssueCode::NotAnObject,
        IssueCode::MissingEvent,
        IssueCode::InvalidType,
        IssueCode::EmptyEventName,
        IssueCode::EventNotAllowedForServiceType,
        IssueCode::OrderNotAccepted,
        IssueCode::OrderClosed,
        IssueCode::InvalidTimestamp,
        IssueCode::InvalidEnumValue,
        IssueCode::LimitExceeded,
        IssueCode::NotJson,
        IssueCode::InvalidJson,
        IssueCode::DuplicateKey,
        IssueCode::ForbiddenKey,
        IssueCode::PossibleTypo,
        IssueCode::TimestampInSeconds,
        IssueCode::UnknownField,
        IssueCode::TooManyIssues,
    ];

    /// The stable `snake_case` name.
    pub const fn as_str(self) -> &'static str {
        match self {
            IssueCode::NotAnObject => "not_an_object",
            IssueCode::MissingEvent => "missing_event",
            IssueCode::InvalidType => "invalid_type",
            IssueCode::EmptyEventName => "empty_event_name",
            IssueCode::EventNotAllowedForServiceType => "event_not_allowed_for_service_type",
            IssueCode::OrderNotAccepted => "order_not_accepted",
            IssueCode::OrderClosed => "order_closed",
            IssueCode::InvalidTimestamp => "invalid_timestamp",
            IssueCode::InvalidEnumValue => "invalid_enum_value",
            IssueCode::LimitExceeded => "limit_exceeded",
            IssueCode::NotJson => "not_json",
            IssueCode::InvalidJson => "invalid_json",
            IssueCode::DuplicateKey => "duplicate_key",
            IssueCode::ForbiddenKey => "forbidden_key",
            IssueCode::PossibleTypo => "possible_typo",
            IssueCode::TimestampInSeconds => "timestamp_in_seconds",
            IssueCode::UnknownField => "unknown_field",
            IssueCode::TooManyIssues => "too_many_issues",
        }
    }

    /// Whether the code is a warning unless `strict` is set. `unknown_field`
    /// is only reported in strict mode, as an error.
    pub const fn is_warning(self) -> bool {
        matches!(
            self,
            IssueCode::PossibleTypo | IssueCode::TimestampInSeconds
        )
    }

    /// One line on what the code means, for the catalogue and the README.
    pub fn description(self) -> String {
        self.to_string()
    }
}

/// One problem found in an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// The stable code.
    pub code: IssueCode,
    /// RFC 6901 JSON Pointer into the event: `""` is the whole event.
    pub path: String,
    /// One English sentence a technician understands.
    pub message: String,
    /// What was expected, e.g. `timestamp (integer milliseconds since 1970)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// What was received, e.g. `string`, `null`, `number 1.5`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received: Option<String>,
    /// A likely fix, e.g. `receivedBy` or `repair_completed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// Where the key or value is in the JSON text; only for issues found in
    /// text (`validate_json`), and not for the event as a whole or the order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// The bytes of the source the issue is about, while the walk runs;
    /// turned into `location` once, when the walk ends.
    #[serde(skip)]
    pub(crate) span: Option<Span>,
}

impl Issue {
    /// An issue with a code, a path and a message, and nothing else.
    pub fn new(code: IssueCode, path: impl Into<String>, message: impl Into<String>) -> Issue {
        Issue {
            code,
            path: path.into(),
            message: message.into(),
            expected: None,
            received: None,
            suggestion: None,
            location: None,
            span: None,
        }
    }

    /// Sets what was expected.
    pub fn expected(mut self, expected: impl Into<String>) -> Issue {
        self.expected = Some(expected.into());
        self
    }

    /// Sets what was received.
    pub fn received(mut self, received: impl Into<String>) -> Issue {
        self.received = Some(received.into());
        self
    }

    /// Sets the suggested fix.
    pub fn suggestion(mut self, suggestion: impl Into<String>) -> Issue {
        self.suggestion = Some(suggestion.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_names_match_as_str() {
        for code in IssueCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }
}
