//! The result of validating one event.

use serde::Serialize;

use crate::issue::Issue;
use crate::rules::EventKind;

/// Everything found in one event: errors make it invalid, warnings do not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidationResult {
    /// No errors (warnings allowed).
    pub valid: bool,
    /// The event's kind; `None` when the name is missing, not a string or empty.
    pub kind: Option<EventKind>,
    /// Every error, in document order.
    pub errors: Vec<Issue>,
    /// Every warning, in document order.
    pub warnings: Vec<Issue>,
}

impl ValidationResult {
    /// The errors, then the warnings.
    pub fn issues(&self) -> impl Iterator<Item = &Issue> {
        self.errors.iter().chain(&self.warnings)
    }
}

/// A result as the walk leaves it: the issues as records and one text
/// (`crate::sink::Issues`). The module hands them to JS as they are
/// (`crate::wire`); a Rust caller gets a `ValidationResult`.
#[derive(Debug)]
pub(crate) struct Outcome {
    /// No errors (warnings allowed).
    pub valid: bool,
    /// The event's kind, as in `ValidationResult`.
    pub kind: Option<EventKind>,
    /// The errors and warnings.
    pub issues: crate::sink::Issues,
}

impl Outcome {
    /// The result, its issues' text fields copied out.
    pub fn into_result(self) -> ValidationResult {
        let (errors, warnings) = self.issues.to_lists();
        ValidationResult {
            valid: self.valid,
            kind: self.kind,
            errors,
            warnings,
        }
    }
}
