//! The words: every message template rendered for every field type, every
//! kind of value received, every event kind and every value JSON cannot
//! carry, each checked as a sentence (an article that fits its noun, quotes
//! that close, a full stop or a question mark at the end); and what a body
//! that is not JSON is told, word for word, for the common mistakes.

use serde_json::{json, Value};
use servicer_events::rules::{EVENTS, FIELDS};
use servicer_events::token::{Source, SourceError, Token};
use servicer_events::{
    validate_json, validate_source, validate_value, Issue, Options, ServiceOrder, ServiceType,
};

/// Values of every JSON kind, as received.
fn received_kinds() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!(5),
        json!(1.5),
        json!(-1),
        json!(1_700_000_000),
        json!(""),
        json!("Parts_Ordered"),
        json!("soon"),
        json!({ "a": 1 }),
        json!([1, "x"]),
    ]
}

/// What is wrong with `message` as an English sentence, if anything.
fn sentence_faults(message: &str) -> Vec<String> {
    let mut faults = Vec::new();
    if !message.ends_with(['.', '?']) {
        faults.push("does not end with a full stop or a question mark".into());
    }
    if message.matches('"').count() % 2 != 0 {
        faults.push("has a quote that does not close".into());
    }
    let words: Vec<&str> = message.split([' ', '(']).collect();
    for pair in words.windows(2) {
        let (article, next) = (pair[0], pair[1]);
        let vowel = next.starts_with(['a', 'e', 'i', 'o', 'u']);
        if article == "a" && vowel {
            faults.push(format!("says \"a {next}\""));
        }
        if article == "an" && !vowel && !next.is_empty() {
            faults.push(format!("says \"an {next}\""));
        }
    }
    for bare in ["not number", "is number", "not string \"", "not boolean"] {
        if message.contains(bare) {
            faults.push(format!("says \"{bare}\" without its article"));
        }
    }
    if message.contains("  ") || message.contains(" .") || message.contains("..") {
        faults.push("has stray spacing or stops".into());
    }
    faults
}

fn assert_sentences(issues: &[Issue], context: &str) {
    for issue in issues {
        let faults = sentence_faults(&issue.message);
        assert!(
            faults.is_empty(),
            "{context}: {:?} {faults:?}",
            issue.message
        );
    }
}

fn all(result: &servicer_events::ValidationResult) -> Vec<Issue> {
    result.issues().cloned().collect()
}

#[test]
fn every_field_type_and_every_received_kind_reads_as_a_sentence() {
    let mut seen = 0;
    for field in FIELDS {
        for value in received_kinds() {
            let event = json!({ "event": "x", field.name: value });
            let result = validate_value(&event, None, &Options::default());
            seen += result.issues().count();
            assert_sentences(&all(&result), &format!("{} = {value}", field.name));
            // Inside an array of timestamps, too.
            let event = json!({ "event": "x", field.name: [value] });
            let result = validate_value(&event, None, &Options::default());
            assert_sentences(&all(&result), &format!("{} = [{value}]", field.name));
        }
    }
    assert!(seen > FIELDS.len() * 5, "only {seen} issues rendered");
}

#[test]
fn every_event_kind_on_every_order_reads_as_a_sentence() {
    for order in [ServiceType::RepairDepot, ServiceType::RepairOnsite] {
        let order = ServiceOrder {
            service_type: order,
            accepted: Some(false),
            closed: Some(true),
        };
        for spec in EVENTS {
            let event = json!({ "event": spec.name });
            let result = validate_value(&event, Some(&order), &Options::default());
            assert_sentences(&all(&result), spec.name);
        }
    }
    let order = ServiceOrder::new(ServiceType::RepairDepot);
    let result = validate_value(
        &json!({ "event": "part_management" }),
        Some(&order),
        &Options::default(),
    );
    assert_eq!(
        result.errors[0].message,
        "\"part_management\" is an onsite event, but this service order is repair_depot: send depot events or other events."
    );
}

#[test]
fn names_limits_and_the_event_itself_read_as_sentences() {
    let mut options = Options {
        strict: true,
        ..Options::default()
    };
    options.limits.max_string_length = 4;
    options.limits.max_array_items = 1;
    options.limits.max_depth = 2;
    options.limits.max_keys = 6;
    options.limits.max_event_name_length = 8;
    let events = [
        json!({ "event": "repair_complete", "recievedBy": "a", "zzz": 1 }),
        json!({ "event": "", "metadata": { "a": { "b": [1, 2] } } }),
        json!({ "event": "x", "abcdefg": 1, "notes": "abcdef", "list": [1, 2] }),
        json!({ "p": 1, "q": 2, "r": 3, "s": 4, "t": 5, "v": 6, "w": 7 }),
        json!({ "event": "product_delivered_late" }),
        json!({ "event": "x", "partManagementEventType": "Parts_Ordered" }),
    ];
    for event in events {
        let result = validate_value(&event, None, &options);
        assert!(result.issues().count() > 0, "{event}");
        assert_sentences(&all(&result), &event.to_string());
    }
    for value in [json!([]), json!("x"), json!(5), Value::Null] {
        let result = validate_value(&value, None, &Options::default());
        assert_sentences(&all(&result), &value.to_string());
    }
    let result = validate_value(&json!(5), None, &Options::default());
    assert_eq!(
        result.errors[0].message,
        "The event must be a JSON object with an event field, not the number 5."
    );
    let result = validate_value(
        &json!({ "event": "repair_eta", "metadata": 5 }),
        None,
        &Options::default(),
    );
    assert_eq!(
        result.errors[0].message,
        "metadata must be an object, not the number 5."
    );
}

/// A source of one event whose fields are values JSON cannot carry, as the
/// JS path describes them.
struct Foreign {
    tokens: Vec<(Token, String)>,
    at: usize,
}

impl Source for Foreign {
    fn next_token(&mut self) -> Result<Token, SourceError> {
        self.at += 1;
        match self.tokens.get(self.at - 1) {
            Some((token, _)) => Ok(*token),
            None => Err(SourceError {
                span: Default::default(),
                message: "The value has ended.".into(),
            }),
        }
    }

    fn text(&self) -> &str {
        self.tokens
            .get(self.at.wrapping_sub(1))
            .map_or("", |(_, text)| text)
    }

    fn number_text(&self, n: f64) -> String {
        n.to_string()
    }
}

#[test]
fn values_json_cannot_carry_read_as_sentences() {
    let foreign = [
        "a function",
        "a symbol",
        "a BigInt",
        "undefined (an empty slot or an undefined item)",
        "a Date object",
        "a circular reference (an object that contains itself)",
        "a property whose getter throws",
    ];
    for field in FIELDS.iter().map(|f| f.name).chain(["unlisted"]) {
        for what in foreign {
            let key = |name: &str| {
                (
                    Token::Key {
                        chars: name.chars().count(),
                        duplicate: false,
                        known: None,
                    },
                    name.to_owned(),
                )
            };
            let tokens = vec![
                (Token::ObjectStart, String::new()),
                key("event"),
                (Token::String { chars: 1 }, "x".into()),
                key(field),
                (Token::Foreign, what.into()),
                key("n"),
                (Token::Number(f64::NAN), String::new()),
                (Token::ObjectEnd, String::new()),
            ];
            let mut source = Foreign { tokens, at: 0 };
            let result = validate_source(&mut source, None, &Options::default());
            assert!(result.errors.len() >= 2, "{field}: {what}");
            assert_sentences(&all(&result), &format!("{field}: {what}"));
            if field == "receptionDate" && what == "a Date object" {
                assert_eq!(
                    result.errors[0].message,
                    "receptionDate is a Date object, which is not JSON data; send a timestamp (integer milliseconds since 1970) (date.getTime() gives milliseconds, and buildEvent converts Dates)."
                );
            }
        }
    }
}

#[test]
fn a_body_that_is_not_json_is_told_where_and_how_to_fix_it() {
    let cases = [
        (
            "{'event': 'repair_eta'}",
            "The body is not valid JSON at line 1, column 2: it has ' where a key in double quotes was expected: use double quotes, not single quotes, around keys and strings.",
        ),
        (
            "{\"event\": 'repair_eta'}",
            "The body is not valid JSON at line 1, column 11: it has ' where a value was expected: use double quotes, not single quotes, around strings.",
        ),
        (
            "{\"event\": \"x\",\n}",
            "The body is not valid JSON at line 2, column 1: it has a comma before '}': remove that trailing comma, which JSON does not allow.",
        ),
        (
            "{\"event\": \"x\", \"a\": [1, 2,]}",
            "The body is not valid JSON at line 1, column 27: it has a comma before ']': remove that trailing comma, which JSON does not allow.",
        ),
        (
            "{event: \"x\"}",
            "The body is not valid JSON at line 1, column 2: it has the key event without quotes: write it in double quotes, \"event\".",
        ),
        (
            "{\"event\": \"x\" // the name\n}",
            "The body is not valid JSON at line 1, column 15: it has a comment, which JSON does not allow: remove it.",
        ),
        (
            "{\"event\": \"x\", \"n\": NaN}",
            "The body is not valid JSON at line 1, column 21: it has NaN, which JSON does not allow: send a number, or leave the field out.",
        ),
        (
            "{\"event\": \"x\", \"n\": -Infinity}",
            "The body is not valid JSON at line 1, column 21: it has -Infinity, which JSON does not allow: send a number, or leave the field out.",
        ),
        (
            "{\"event\": \"repair_started\", \"metadata\": {\"a\": 1",
            "The body is not valid JSON at line 1, column 48: the body ends inside an object: is it cut short?",
        ),
        (
            "{\"event\": \"repair_started\", \"notes\": \"ab",
            "The body is not valid JSON at line 1, column 41: the body ends inside a string: is it cut short, or is a closing quote missing?",
        ),
        (
            "{\"event\": \"x\", \"isDelayed\": tru}",
            "The body is not valid JSON at line 1, column 29: it has tru, which is not a JSON value: did you mean true?",
        ),
        (
            "{\"event\": \"x\", \"isDelayed\": True}",
            "The body is not valid JSON at line 1, column 29: it has True: JSON writes it true, in lower case.",
        ),
        (
            "{\"event\": \"x\", \"notes\": nul}",
            "The body is not valid JSON at line 1, column 25: it has nul, which is not a JSON value: did you mean null?",
        ),
        (
            "\u{feff}{\"event\": \"x\"}",
            "The body is not valid JSON at line 1, column 1: it starts with a byte order mark (U+FEFF): remove it, JSON text must not begin with one.",
        ),
        (
            "{\"event\": \"x\"}\n{\"event\": \"y\"}",
            "The body is not valid JSON at line 2, column 1: it goes on after the JSON value has ended: a body holds one event, so remove what follows it.",
        ),
        (
            "{\"event\": \"x\" \"notes\": \"a\"}",
            "The body is not valid JSON at line 1, column 15: it has another key where ',' or '}' was expected: a comma is missing between two members.",
        ),
        (
            "{\"event\" = \"x\"}",
            "The body is not valid JSON at line 1, column 10: it has '=' after a key: use ':' between a key and its value.",
        ),
        (
            "{\"event\": \"x\", \"notes\": \"a\nb\"}",
            "The body is not valid JSON at line 1, column 27: it has a line break inside a string: write it as \\n, or close the string with a double quote.",
        ),
        (
            "{\"event\": \"x\", \"notes\": hello}",
            "The body is not valid JSON at line 1, column 25: it has hello where a value was expected: a string needs double quotes, \"hello\".",
        ),
        ("", "The body is empty: it must be a JSON object."),
    ];
    for (body, want) in cases {
        let result = validate_json(body.as_bytes(), None, &Options::default());
        assert_eq!(result.kind, None, "{body:?}");
        assert_eq!(result.errors.len(), 1, "{body:?}: {result:?}");
        assert!(result.warnings.is_empty(), "{body:?}");
        assert_eq!(result.errors[0].message, want, "{body:?}");
        assert_sentences(&result.errors, body);
    }
}

/// One real input per code, and the message it gets.
fn one_message_per_code() -> Vec<(&'static str, String)> {
    let depot = ServiceOrder::new(ServiceType::RepairDepot);
    let refused = ServiceOrder {
        accepted: Some(false),
        ..depot
    };
    let closed = ServiceOrder {
        closed: Some(true),
        ..depot
    };
    let mut short = Options::default();
    short.limits.max_string_length = 5;
    let strict = Options {
        strict: true,
        ..Options::default()
    };
    let mut capped = Options::default();
    capped.limits.max_issues = 1;
    let plain = Options::default();
    let value = |event: Value, order: Option<&ServiceOrder>, options: &Options| {
        validate_value(&event, order, options)
    };
    let body = |text: &str| validate_json(text.as_bytes(), None, &Options::default());
    let results = [
        ("not_an_object", value(json!([1]), None, &plain)),
        (
            "missing_event",
            value(json!({ "notes": "a" }), None, &plain),
        ),
        (
            "invalid_type",
            value(
                json!({ "event": "repair_eta", "isDelayed": "yes" }),
                None,
                &plain,
            ),
        ),
        (
            "empty_event_name",
            value(json!({ "event": "" }), None, &plain),
        ),
        (
            "event_not_allowed_for_service_type",
            value(json!({ "event": "part_management" }), Some(&depot), &plain),
        ),
        (
            "order_not_accepted",
            value(json!({ "event": "repair_started" }), Some(&refused), &plain),
        ),
        (
            "order_closed",
            value(json!({ "event": "repair_started" }), Some(&closed), &plain),
        ),
        (
            "invalid_timestamp",
            value(
                json!({ "event": "repair_started", "repairStartedAt": 1.5 }),
                None,
                &plain,
            ),
        ),
        (
            "invalid_enum_value",
            value(
                json!({ "event": "part_management", "partManagementEventType": "Parts_Ordered" }),
                None,
                &plain,
            ),
        ),
        (
            "limit_exceeded",
            value(json!({ "event": "x", "notes": "too long" }), None, &short),
        ),
        (
            "not_json",
            body(r#"{"event": "x", "metadata": {"n": 1e400}}"#),
        ),
        ("invalid_json", body(r#"{"event": "repair_eta",}"#)),
        (
            "duplicate_key",
            body(r#"{"event": "x", "notes": "a", "notes": "b"}"#),
        ),
        ("forbidden_key", body(r#"{"event": "x", "__proto__": {}}"#)),
        (
            "possible_typo",
            value(
                json!({ "event": "product_received", "recievedBy": "Ann" }),
                None,
                &plain,
            ),
        ),
        (
            "timestamp_in_seconds",
            value(
                json!({ "event": "repair_started", "repairStartedAt": 1_732_780_800 }),
                None,
                &plain,
            ),
        ),
        (
            "unknown_field",
            value(json!({ "event": "x", "color": "red" }), None, &strict),
        ),
        (
            "too_many_issues",
            value(
                json!({ "event": "x", "notes": 1, "reason": 2 }),
                None,
                &capped,
            ),
        ),
    ];
    results
        .into_iter()
        .map(|(code, result)| {
            let issue = result
                .issues()
                .find(|i| i.code.as_str() == code)
                .unwrap_or_else(|| panic!("no {code} in {result:?}"));
            (code, issue.message.clone())
        })
        .collect()
}

#[test]
fn the_readme_shows_one_real_message_per_code() {
    let readme = include_str!("../README.md");
    let mut wrong = Vec::new();
    for (code, message) in one_message_per_code() {
        assert_sentences(
            &[Issue::new(
                servicer_events::IssueCode::InvalidJson,
                "",
                message.clone(),
            )],
            code,
        );
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `{code}` |")))
            .unwrap_or_else(|| panic!("no README row for {code}"));
        if !row.ends_with(&format!("| {message} |")) {
            wrong.push(format!("{code}: {message}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "README rows whose last cell is not the real message:\n{}",
        wrong.join("\n")
    );
    assert_eq!(
        one_message_per_code().len(),
        servicer_events::IssueCode::ALL.len()
    );
}
