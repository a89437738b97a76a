//! The shared test vectors (`tests/vectors/*.json`), run against the Rust
//! API: each event both as a parsed value and as JSON text. The JS suite
//! (`tests/js/vectors.test.mjs`) runs the same files through the package.

use std::collections::BTreeSet;

use serde_json::Value;
use servicer_events::{
    validate_json, validate_json_unbounded, validate_source, validate_value, IssueCode, Options,
    ServiceOrder, ServiceType, ValidationResult,
};

struct Case {
    file: String,
    name: String,
    raw: Value,
}

fn cases() -> Vec<Case> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let list: Vec<Value> = serde_json::from_str(&text).unwrap();
        for raw in list {
            out.push(Case {
                file: path.file_name().unwrap().to_string_lossy().into_owned(),
                name: raw["name"].as_str().unwrap().to_owned(),
                raw,
            });
        }
    }
    assert!(out.len() > 50, "vectors not found in {dir}");
    out
}

fn order(raw: &Value) -> Option<ServiceOrder> {
    let o = raw.get("order")?;
    Some(ServiceOrder {
        service_type: ServiceType::parse(o["serviceType"].as_str()?)?,
        accepted: o.get("accepted").and_then(Value::as_bool),
        closed: o.get("closed").and_then(Value::as_bool),
    })
}

fn options(raw: &Value) -> Options {
    let mut options = Options::default();
    if let Some(o) = raw.get("options") {
        options.strict = o.get("strict").and_then(Value::as_bool).unwrap_or(false);
        for (name, value) in o
            .get("limits")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            assert!(
                options.limits.set(name, value.as_u64().unwrap() as usize),
                "{name}"
            );
        }
    }
    options
}

fn issues(list: &Value) -> Vec<(String, String)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["code"].as_str().unwrap().to_owned(),
                i["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn got(result: &[servicer_events::Issue]) -> Vec<(String, String)> {
    result
        .iter()
        .map(|i| (i.code.as_str().to_owned(), i.path.clone()))
        .collect()
}

/// Issues that are about no place in the text: the order, a missing name,
/// a body too large to read, the issues left out.
fn placeless(issue: &servicer_events::Issue) -> bool {
    matches!(
        issue.code,
        IssueCode::OrderNotAccepted
            | IssueCode::OrderClosed
            | IssueCode::MissingEvent
            | IssueCode::TooManyIssues
    ) || (issue.code == IssueCode::LimitExceeded && issue.path.is_empty())
}

/// Every issue from text has a place, except those about no place; where
/// the vector states one (`location: { line, column, text }`), it is that:
/// `text` is what the offset and length select.
fn check_locations(case: &Case, text: &[u8], result: &ValidationResult) {
    let label = format!("{} / {}", case.file, case.name);
    let wanted: Vec<&Value> = ["errors", "warnings"]
        .iter()
        .flat_map(|list| case.raw[list].as_array().unwrap())
        .collect();
    for (issue, want) in result.issues().zip(wanted) {
        let Some(at) = issue.location else {
            assert!(placeless(issue), "{label}: no location on {issue:?}");
            continue;
        };
        assert!(!placeless(issue), "{label}: a location on {issue:?}");
        let Some(want) = want.get("location") else {
            continue;
        };
        let selected = String::from_utf8_lossy(&text[at.offset..at.offset + at.length]);
        assert_eq!(
            (at.line, at.column, selected.as_ref()),
            (
                want["line"].as_u64().unwrap() as usize,
                want["column"].as_u64().unwrap() as usize,
                want["text"].as_str().unwrap()
            ),
            "location of {label}: {issue:?}"
        );
    }
}

fn check(case: &Case, how: &str, result: &ValidationResult) {
    let label = format!("{} / {} ({how})", case.file, case.name);
    assert_eq!(
        got(&result.errors),
        issues(&case.raw["errors"]),
        "errors of {label}"
    );
    assert_eq!(
        got(&result.warnings),
        issues(&case.raw["warnings"]),
        "warnings of {label}"
    );
    assert_eq!(result.valid, result.errors.is_empty(), "{label}");
    if let Some(kind) = case.raw.get("kind") {
        assert_eq!(
            result.kind.map(|k| k.as_str()),
            kind.as_str(),
            "kind of {label}"
        );
    }
    for issue in result.errors.iter().chain(&result.warnings) {
        assert!(
            !issue.message.is_empty() && issue.message.ends_with(['.', '?']),
            "{label}: {issue:?}"
        );
    }
}

#[test]
fn every_vector_passes_on_values_and_on_text() {
    for case in cases() {
        let order = order(&case.raw);
        let options = options(&case.raw);
        if let Some(body) = case.raw.get("body") {
            let body = body.as_str().unwrap().as_bytes();
            let result = validate_json(body, order.as_ref(), &options);
            check(&case, "body", &result);
            check_locations(&case, body, &result);
        } else {
            let event = &case.raw["event"];
            check(
                &case,
                "value",
                &validate_value(event, order.as_ref(), &options),
            );
            let text = serde_json::to_string(event).unwrap();
            let result = validate_json(text.as_bytes(), order.as_ref(), &options);
            check(&case, "text", &result);
            check_locations(&case, text.as_bytes(), &result);
            // The tape `pkg/api.js` writes for a plain object says what its
            // JSON text (the route it replaced) says, to the word.
            let tape = servicer_events::tape::encode(event, options.limits.max_string_length);
            let number_text = |n: f64| serde_json::to_string(&n).unwrap();
            let mut source = servicer_events::tape::TapeSource::new(&tape, number_text);
            assert_eq!(
                validate_source(&mut source, order.as_ref(), &options),
                validate_json_unbounded(text.as_bytes(), order.as_ref(), &options),
                "{} / {} (tape)",
                case.file,
                case.name
            );
        }
    }
}

#[test]
fn every_issue_code_has_a_vector() {
    let mut seen = BTreeSet::new();
    for case in cases() {
        for list in ["errors", "warnings"] {
            for (code, _) in issues(&case.raw[list]) {
                seen.insert(code);
            }
        }
    }
    for code in IssueCode::ALL {
        assert!(
            seen.contains(code.as_str()),
            "no vector produces {}",
            code.as_str()
        );
    }
}
