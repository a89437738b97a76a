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
