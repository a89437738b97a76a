//! What every result must satisfy, whatever the input: the promises of the
//! README and SPEC stated as assertions.

use super::tree::Tree;
use servicer_events::rules;
use servicer_events::{IssueCode, Options, ValidationResult};

/// The longest text an issue may carry besides its path: a sentence, the
/// longest list of enum values, and two quotes of 200 characters and `…`.
const MAX_TEXT_CHARS: usize = 1_000;

/// RFC 6901: empty, or `/` segments where `~` is followed by `0` or `1`.
fn is_json_pointer(path: &str) -> bool {
    let Some(rest) = path.strip_prefix('/') else {
        return path.is_empty();
    };
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        if c == '~' && !matches!(chars.next(), Some('0' | '1')) {
            return false;
        }
    }
    true
}

/// Shape invariants. `input` is the event as the validator read it, when
/// it could be read: then every issue's path must name a value in it
/// (`missing_event` excepted), and `kind` must follow the first `event`.
pub fn check(result: &ValidationResult, input: Option<&Tree>, options: &Options) {
    assert_eq!(result.valid, result.errors.is_empty(), "{result:?}");
    if options.strict {
        assert!(result.warnings.is_empty(), "{result:?}");
    }
    for issue in &result.warnings {
        assert!(
            issue.code.is_warning() || issue.code == IssueCode::TooManyIssues,
            "{issue:?} is not a warning code"
        );
    }
    for issue in result.issues() {
        assert!(!issue.message.is_empty(), "{issue:?}");
        assert!(is_json_pointer(&issue.path), "{issue:?}");
        // Issues about the whole body or the order are at the root; those
        // about the name, at `/event`.
        match issue.code {
            IssueCode::InvalidJson
            | IssueCode::NotAnObject
            | IssueCode::OrderNotAccepted
            | IssueCode::OrderClosed => assert_eq!(issue.path, "", "{issue:?}"),
            IssueCode::MissingEvent
            | IssueCode::EmptyEventName
            | IssueCode::EventNotAllowedForServiceType => {
                assert_eq!(issue.path, "/event", "{issue:?}")
            }
            _ => {}
        }
        if let (Some(input), false) = (input, issue.code == IssueCode::MissingEvent) {
            assert!(input.resolves(&issue.path), "{issue:?} in {input:?}");
        }
    }
    // The issue budget: at most maxIssues, then one too_many_issues, last.
    let count = result.errors.len() + result.warnings.len();
    let caps = result
        .issues()
        .filter(|i| i.code == IssueCode::TooManyIssues)
        .count();
    assert!(caps <= 1, "{caps} too_many_issues: {result:?}");
    assert!(
        count <= options.limits.max_issues + caps,
        "{count} issues: {result:?}"
    );
    for list in [&result.errors, &result.warnings] {
        if let Some(at) = list.iter().position(|i| i.code == IssueCode::TooManyIssues) {
            assert_eq!(
                at + 1,
                list.len(),
                "too_many_issues is not last: {result:?}"
            );
            assert_eq!(list[at].path, "", "{result:?}");
        }
    }
    // It ends the errors of an invalid event, the warnings of a valid one.
    if result
        .warnings
        .iter()
        .any(|i| i.code == IssueCode::TooManyIssues)
    {
        assert!(result.valid, "{result:?}");
    }
    // Messages quote at most 200 characters of a key, a path or a value
    // (`servicer_events::quote`), so every text of an issue stays short,
    // whatever the input; only `path` is exact.
    for issue in result.issues() {
        let texts = [
            Some(&issue.message),
            issue.expected.as_ref(),
            issue.received.as_ref(),
            issue.suggestion.as_ref(),
        ];
        for text in texts.into_iter().flatten() {
            assert!(
                text.chars().count() <= MAX_TEXT_CHARS,
                "{} characters in {issue:?}",
                text.chars().count()
            );
        }
    }
    // Text that is not JSON: invalid_json, the order's issues and nothing
    // else, and no kind (nothing read from it means anything).
    if result
        .errors
        .iter()
        .any(|i| i.code == IssueCode::InvalidJson)
    {
        assert_eq!(
            result.kind, None,
            "kind of text that is not JSON: {result:?}"
        );
        assert!(result.warnings.is_empty(), "{result:?}");
        for issue in &result.errors {
            assert!(
                matches!(
                    issue.code,
                    IssueCode::InvalidJson | IssueCode::OrderNotAccepted | IssueCode::OrderClosed
                ),
                "{:?} besides invalid_json: {result:?}",
                issue.code
            );
        }
        return;
    }
    let Some(input) = input else { return };
    // An `event` member that is a non-empty string sets the kind, whatever
    // limit was passed before or after it.
    if let Some(Tree::String(name)) = input.first("event") {
        if !name.is_empty() {
            assert!(result.kind.is_some(), "no kind for {name:?}: {result:?}");
        }
    }
    // A repeated `event` is a duplicate_key error, and the name is the first
    // value: `kind` is set only when that value is a non-empty string, and
    // it is that name's kind.
    if let Some(kind) = result.kind {
        let name = input.first("event");
        match name {
            Some(Tree::String(s)) if !s.is_empty() => {
                assert_eq!(kind, rules::event_kind(s), "kind of {s:?}: {result:?}")
            }
            _ => panic!("kind {kind:?} for the event name {name:?}: {result:?}"),
        }
    }
    // `missing_event` only when there is no `event` member at all.
    if input.first("event").is_some() {
        assert!(
            result
                .errors
                .iter()
                .all(|i| i.code != IssueCode::MissingEvent),
            "missing_event with an event member: {result:?}"
        );
    }
    let events = match input {
        Tree::Object(members) => members.iter().filter(|(k, _)| k == "event").count(),
        _ => 0,
    };
    let capped = result.issues().any(|i| i.code == IssueCode::TooManyIssues);
    if events > 1 && !capped {
        assert!(
            result
                .errors
                .iter()
                .any(|i| i.code == IssueCode::DuplicateKey && i.path == "/event"),
            "a repeated event key without duplicate_key: {result:?}"
        );
    }
}
