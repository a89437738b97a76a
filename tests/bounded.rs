//! Bounded output (issue 12): however many issues a body holds, a result has
//! at most `maxIssues` of them plus one `too_many_issues`, messages quote at
//! most 200 characters of input, and `valid` and `kind` stay exact.

use servicer_events::quote::{ELLIPSIS, QUOTE_CHARS};
use servicer_events::{validate_json, EventKind, IssueCode, Options, ValidationResult};

/// The longest run of `c` in `text`.
fn longest_run(text: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for x in text.chars() {
        run = if x == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

fn issue_count(result: &ValidationResult) -> usize {
    result.errors.len() + result.warnings.len()
}

/// A `len`-character key of `k` over an array of `items` copies of `item`.
fn long_key_body(len: usize, items: usize, item: &str) -> String {
    let array = vec![item; items].join(",");
    format!(
        "{{\"event\":\"repair_eta\",\"metadata\":{{\"{}\":[{array}]}}}}",
        "k".repeat(len)
    )
}

#[test]
fn the_long_key_attack_is_capped_and_quoted() {
    let body = long_key_body(65_536, 1_000, "1e999");
    let options = Options::default();
    let result = validate_json(body.as_bytes(), None, &options);
    assert!(!result.valid);
    assert_eq!(result.kind, Some(EventKind::Depot));
    // Each issue's exact path holds the whole key: the size budget ends the
    // list after the first, long before the count would.
    assert_eq!(issue_count(&result), 2, "{:?}", result.errors.last());
    let last = result.errors.last().unwrap();
    assert_eq!(last.code, IssueCode::TooManyIssues);
    assert_eq!(last.path, "");
    for issue in result
        .errors
        .iter()
        .filter(|i| i.code == IssueCode::NotJson)
    {
        // The path is exact; the message quotes the key, shortened.
        assert!(issue.path.len() > 65_536);
        assert!(longest_run(&issue.message, 'k') <= QUOTE_CHARS);
        assert!(issue.message.contains(ELLIPSIS), "{}", issue.message);
    }
    // The whole result stays within 64 KiB plus the input's size.
    let size: usize = result
        .issues()
        .map(|i| i.path.len() + i.message.len())
        .sum();
    assert!(size <= 64 * 1024 + body.len(), "{size}");
    assert!(last.message.contains("size budget"), "{}", last.message);

    // A shorter key: the count ends the list.
    let body = long_key_body(100, 1_000, "1e999");
    let result = validate_json(body.as_bytes(), None, &options);
    assert_eq!(issue_count(&result), options.limits.max_issues + 1);
    assert!(result
        .errors
        .last()
        .unwrap()
        .message
        .starts_with("900 more issues"));
}

#[test]
fn the_cap_follows_max_issues_and_counts_what_it_leaves_out() {
    let body = format!(
        "{{\"event\":\"batched\",\"availabilityWindows\":[{}]}}",
        vec!["1"; 1_000].join(",")
    );
    let mut options = Options::default();
    options.limits.max_issues = 10;
    let result = validate_json(body.as_bytes(), None, &options);
    assert!(result.valid, "{result:#?}");
    assert_eq!(result.kind, Some(EventKind::Onsite));
    assert_eq!(result.warnings.len(), 11);
    let last = result.warnings.last().unwrap();
    assert_eq!(last.code, IssueCode::TooManyIssues);
    assert!(
        last.message.starts_with("990 more issues"),
        "{}",
        last.message
    );
}

#[test]
fn values_and_event_names_are_quoted_too() {
    let long = "x".repeat(10_000);
    let body = format!(
        "{{\"event\":\"{long}\",\"method\":\"{long}\",\"metadata\":{{\"{long}\":{{\"__proto__\":1}}}}}}"
    );
    let mut options = Options::default();
    options.limits.max_event_name_length = 20_000;
    let result = validate_json(body.as_bytes(), None, &options);
    let codes: Vec<_> = result.issues().map(|i| i.code).collect();
    assert_eq!(
        codes,
        [IssueCode::InvalidEnumValue, IssueCode::ForbiddenKey],
        "{result:#?}"
    );
    for issue in result.issues() {
        assert!(longest_run(&issue.message, 'x') <= QUOTE_CHARS, "{issue:?}");
        for field in [&issue.expected, &issue.received].into_iter().flatten() {
            assert!(longest_run(field, 'x') <= QUOTE_CHARS, "{issue:?}");
        }
    }
}

#[test]
fn a_long_number_literal_is_quoted() {
    let digits = "1".repeat(5_000);
    let body = format!("{{\"event\":\"x\",\"eventDate\":0.{digits}}}");
    let result = validate_json(body.as_bytes(), None, &Options::default());
    let issue = &result.errors[0];
    assert_eq!(issue.code, IssueCode::InvalidTimestamp);
    assert!(longest_run(&issue.message, '1') <= QUOTE_CHARS, "{issue:?}");
}
