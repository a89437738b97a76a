//! Property tests over hostile input (issue 7): arbitrary JSON text (valid,
//! mutated, truncated, random bytes) and arbitrary `serde_json` values, with
//! the default limits and with tiny ones. No input may panic, and every
//! result keeps its shape: `valid` means no errors, every path is a JSON
//! Pointer that resolves into the input, `kind` is `None` only when the name
//! is missing, not a string, empty, or never reached.
//!
//! The seed is fixed, so every run tries the same cases. Explore more with
//! `PROPTEST_CASES=10000 PROPTEST_RNG_SEED=$RANDOM cargo test --test proptest`.
#![cfg(not(target_arch = "wasm32"))]

mod fixed_seed;

use proptest::prelude::*;
use serde_json::{Map, Value};
use servicer_events::json::JsonSource;
use servicer_events::location::Span;
use servicer_events::rules::{EVENTS, FIELDS};
use servicer_events::tape::TapeSource;
use servicer_events::token::{ItemCheck, MemberCheck, Source, SourceError, Token};
use servicer_events::{
    validate_json, validate_source, validate_value, IssueCode, Limits, Offsets, Options,
    ServiceOrder, ServiceType,
};

// ---------------------------------------------------------------- strategies

/// Names that exercise the rules: known fields, events, enum values, their
/// near misses, hostile keys, and pointer characters that need escaping.
fn name() -> impl Strategy<Value = String> {
    let mut pool: Vec<String> = vec![
        "event".into(),
        "__proto__".into(),
        "constructor".into(),
        "prototype".into(),
        "".into(),
        "a/b".into(),
        "m~n".into(),
        "~1".into(),
        "0".into(),
        "01".into(),
        "recievedBy".into(),
        "repair_complete".into(),
        "Repair-Started".into(),
        "Parts_Ordered".into(),
        "email-and-phone".into(),
        "é\u{1F600}".into(),
    ];
    pool.extend(EVENTS.iter().map(|e| e.name.to_owned()));
    pool.extend(FIELDS.iter().map(|f| f.name.to_owned()));
    for f in FIELDS {
        pool.extend(f.ty.values().iter().map(|v| (*v).to_owned()));
    }
    prop_oneof![
        3 => proptest::sample::select(pool),
        1 => any::<String>(),
        1 => "[a-z_~/]{0,12}",
    ]
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (0u64..=8_640_000_000_000_001).prop_map(Value::from),
        (0u64..100_000_000_000).prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |n| n.is_finite())
            .prop_map(Value::from),
        Just(serde_json::json!(1.5)),
        Just(serde_json::json!(-0.0)),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        name().prop_map(Value::String),
    ]
}

/// Any JSON value, up to a few levels deep.
fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(6, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((name(), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Mostly events: an object with an `event` member (of any value) and known
/// or unknown fields of any value; sometimes any value at all.
fn event() -> impl Strategy<Value = Value> {
    // Any names and values, and some enum fields with one of their values
    // (a right one is rare among any values).
    let enum_members: Vec<(String, Value)> = FIELDS
        .iter()
        .flat_map(|f| {
            f.ty.values()
                .iter()
                .map(|v| (f.name.to_owned(), Value::from(*v)))
        })
        .collect();
    let members = (
        proptest::collection::vec((name(), value()), 0..8),
        proptest::collection::vec(proptest::sample::select(enum_members), 0..3),
    )
        .prop_map(|(mut any, right)| {
            any.extend(right);
            any
        });
    let event_value = prop_oneof![
        3 => proptest::sample::select(EVENTS.iter().map(|e| e.name).collect::<Vec<_>>())
            .prop_map(Value::from),
        2 => value(),
    ];
    prop_oneof![
        4 => (proptest::option::weighted(0.8, event_value), members).prop_map(|(name, members)| {
            let mut map: Map<String, Value> = members.into_iter().collect();
            if let Some(name) = name {
                map.insert("event".into(), name);
            }
            Value::Object(map)
        }),
        1 => value(),
    ]
}

/// Default limits, or every limit tiny so that each one is hit somewhere.
fn options() -> impl Strategy<Value = Options> {
    let tiny = (
        0usize..300,
        0usize..20,
        0usize..20,
        0usize..4,
        0usize..4,
        0usize..8,
        0usize..4,
    )
        .prop_map(|(body, name, string, items, depth, keys, issues)| Limits {
            max_body_bytes: body,
            max_event_name_length: name,
            max_string_length: string,
            max_array_items: items,
            max_depth: depth,
            max_keys: keys,
            max_issues: issues,
        });
    let limits = prop_oneof![Just(Limits::default()), tiny];
    (any::<bool>(), limits).prop_map(|(strict, limits)| Options { strict, limits })
}

fn order() -> impl Strategy<Value = Option<ServiceOrder>> {
    let service_type = proptest::sample::select(ServiceType::ALL.to_vec());
    let flag = proptest::option::of(any::<bool>());
    proptest::option::of((service_type, flag.clone(), flag).prop_map(
        |(service_type, accepted, closed)| ServiceOrder {
            service_type,
            accepted,
            closed,
        },
    ))
}

/// A value printed as JSON text, compactly or pretty.
fn printed() -> impl Strategy<Value = Vec<u8>> {
    (event(), any::<bool>()).prop_map(|(v, pretty)| {
        if pretty {
            serde_json::to_vec_pretty(&v).unwrap_or_default()
        } else {
            serde_json::to_vec(&v).unwrap_or_default()
        }
    })
}

/// JSON text: a value printed compactly or pretty, or broken, or not JSON at all.
fn json_text() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        3 => printed(),
        3 => (printed(), proptest::collection::vec(mutation(), 1..4)).prop_map(|(mut text, edits)| {
            for edit in edits {
                edit.apply(&mut text);
            }
            text
        }),
        1 => proptest::collection::vec(any::<u8>(), 0..64),
        1 => (1usize..3000, proptest::sample::select(vec!["[", "{\"a\":", "{\"metadata\":["]))
            .prop_map(|(n, open)| open.repeat(n).into_bytes()),
    ]
}

/// Events whose members are arrays of many kinds of items (issues, limits,
/// containers) in timestamp-array fields and free-form ones: the walk's
/// fast lane through arrays, and the issues past the cap it counts.
fn arrays_text() -> impl Strategy<Value = Vec<u8>> {
    let item = proptest::sample::select(vec![
        "1",
        "-1",
        "0",
        "1700000000000",
        "123456789012345678",
        "1.5",
        "1e999",
        "-0",
        "\"\"",
        "\"long enough\"",
        "\"\\u00e9\"",
        "null",
        "true",
        "[1,1e999]",
        "{\"a\":1}",
        " 2 ",
    ]);
    let array =
        proptest::collection::vec(item, 0..12).prop_map(|items| format!("[{}]", items.join(",")));
    let mut keys: Vec<&str> = FIELDS
        .iter()
        .filter(|f| f.ty == servicer_events::FieldType::TimestampArray)
        .map(|f| f.name)
        .collect();
    keys.extend(["x", "metadata"]);
    let member = (proptest::sample::select(keys), array);
    proptest::collection::vec(member, 1..5).prop_map(|members| {
        let members: Vec<String> = members
            .into_iter()
            .map(|(key, array)| format!("\"{key}\":{array}"))
            .collect();
        format!("{{\"event\":\"batched\",{}}}", members.join(",")).into_bytes()
    })
}

/// One edit of JSON text.
#[derive(Debug, Clone)]
enum Mutation {
    Truncate(prop::sample::Index),
    Delete(prop::sample::Index),
    Insert(prop::sample::Index, Vec<u8>),
    Flip(prop::sample::Index, u8),
    /// Repeats the bytes from one index to another (often a member, so a duplicate key).
    Repeat(prop::sample::Index, prop::sample::Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<prop::sample::Index>;
    let snippet = prop_oneof![
        proptest::sample::select(vec![
            b",".to_vec(),
            b"\"".to_vec(),
            b"\\".to_vec(),
            b"\\u".to_vec(),
            b"\\ud800".to_vec(),
            b"\\udc00".to_vec(),
            b"\xef\xbb\xbf".to_vec(),
            b"\xff".to_vec(),
            b"\xc3".to_vec(),
            b"1e400".to_vec(),
            b"-0".to_vec(),
            b"9007199254740993".to_vec(),
            b"\"__proto__\":1,".to_vec(),
            b"\"event\":\"x\",".to_vec(),
            b"[[[[".to_vec(),
            b"}}]]".to_vec(),
            b"\x00".to_vec(),
            b"   ".to_vec(),
        ]),
        proptest::collection::vec(any::<u8>(), 1..4),
    ];
    prop_oneof![
        index().prop_map(Mutation::Truncate),
        index().prop_map(Mutation::Delete),
        (index(), snippet).prop_map(|(i, s)| Mutation::Insert(i, s)),
        (index(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (index(), index()).prop_map(|(a, b)| Mutation::Repeat(a, b)),
    ]
}

impl Mutation {
    fn apply(self, text: &mut Vec<u8>) {
        let len = text.len();
        let at = |i: prop::sample::Index| if len == 0 { 0 } else { i.index(len + 1) };
        match self {
            Mutation::Truncate(i) => text.truncate(at(i)),
            Mutation::Delete(i) if len > 0 => {
                text.remove(i.index(len));
            }
            Mutation::Delete(_) => {}
            Mutation::Insert(i, bytes) => {
                let at = at(i);
                text.splice(at..at, bytes);
            }
            Mutation::Flip(i, b) if len > 0 => text[i.index(len)] ^= b,
            Mutation::Flip(..) => {}
            Mutation::Repeat(a, b) => {
                let (a, b) = (at(a), at(b));
                let (from, to) = (a.min(b), a.max(b));
                let copy = text[from..to].to_vec();
                text.splice(to..to, copy);
            }
        }
    }
}

// ---------------------------------------------------------------- invariants

// The invariants are the fuzz harness's (`fuzz/harness/check.rs`): one
// statement of what every result must satisfy, for every source of input.
#[path = "../fuzz/harness/mod.rs"]
mod harness;

use harness::check::check;
use harness::tree::Tree;

fn config() -> proptest::test_runner::Config {
    // 1,024 cases a property by default (a few seconds).
    fixed_seed::config(1024, 0x5eed_0007)
}

proptest! {
    #![proptest_config(config())]

    /// Any value through `validate_value`.
    #[test]
    fn values_never_panic_and_paths_resolve(
        value in event(),
        order in order(),
        options in options(),
    ) {
        let result = validate_value(&value, order.as_ref(), &options);
        check(&result, Some(&Tree::from(&value)), &options);
    }

    /// Any text, valid or broken, through `validate_json`.
    #[test]
    fn text_never_panics_and_paths_resolve(
        text in json_text(),
        order in order(),
        options in options(),
    ) {
        let result = validate_json(&text, order.as_ref(), &options);
        // Every member, duplicates included, as the validator reads it.
        let parsed = Tree::parse(&text);
        let over = text.len() > options.limits.max_body_bytes;
        if parsed.is_some() && !over {
            let broken = result.errors.iter().find(|i| i.code == IssueCode::InvalidJson);
            prop_assert!(broken.is_none(), "serde_json reads it, we do not: {broken:?}");
        }
        if over {
            // Unless the order's issues filled the result already.
            let said = result.errors.iter().any(|i| {
                matches!(i.code, IssueCode::LimitExceeded | IssueCode::TooManyIssues) && i.path.is_empty()
            });
            prop_assert!(said);
        }
        check(&result, parsed.as_ref().filter(|_| !over), &options);
    }

    /// The cap shortens the list and nothing else: past it, issues are
    /// counted without being built (the walk's fast lane through arrays
    /// among them), and the count, the verdict and the kind are those of a
    /// result with room for every issue, whose first issues the capped one
    /// lists. (Near-miss searches stop at the cap: only when none was
    /// needed is the count the same.)
    #[test]
    fn the_cap_only_shortens_the_list(
        text in prop_oneof![json_text(), arrays_text()],
        order in order(),
        options in options(),
        cap in 0usize..6,
    ) {
        let (mut roomy, mut capped) = (options, options);
        roomy.limits.max_issues = 100_000;
        capped.limits.max_issues = cap;
        let all = validate_json(&text, order.as_ref(), &roomy);
        let some = validate_json(&text, order.as_ref(), &capped);
        prop_assert_eq!(all.valid, some.valid);
        prop_assert_eq!(all.kind, some.kind);
        let (all_errors, some_errors) = (listed(&all.errors), listed(&some.errors));
        let (all_warnings, some_warnings) = (listed(&all.warnings), listed(&some.warnings));
        prop_assert!(all_errors.starts_with(&some_errors), "{:#?}\n{:#?}", all, some);
        prop_assert!(all_warnings.starts_with(&some_warnings), "{:#?}\n{:#?}", all, some);
        if !all.issues().any(|i| i.code == IssueCode::PossibleTypo) {
            prop_assert_eq!(issues_found(&all), issues_found(&some), "{:#?}\n{:#?}", all, some);
        }
    }

    /// A value and its JSON text give the same result: the two sources agree.
    #[test]
    fn value_and_its_text_agree(
        value in event(),
        pretty in any::<bool>(),
        order in order(),
        options in options(),
    ) {
        let mut options = options;
        options.limits.max_body_bytes = usize::MAX;
        let text = if pretty {
            serde_json::to_vec_pretty(&value)
        } else {
            serde_json::to_vec(&value)
        };
        let text = text.map_err(|e| TestCaseError::fail(e.to_string()))?;
        let from_value = validate_value(&value, order.as_ref(), &options);
        let mut from_text = validate_json(&text, order.as_ref(), &options);
        // Only text has places: each lies within it, and is all that differs.
        for issue in from_text.errors.iter_mut().chain(&mut from_text.warnings) {
            if let Some(at) = issue.location.take() {
                prop_assert!(at.offset + at.length <= text.len(), "{:?}", at);
                prop_assert!(at.line >= 1 && at.column >= 1);
            }
        }
        prop_assert_eq!(from_value, from_text);
    }

    /// A tape whose strings go by their length where the walk does not read
    /// them (`tape::measured`: all but the event's name and enum values,
    /// within `maxStringLength`) says what the value says, to the word.
    #[test]
    fn a_tape_with_measured_strings_says_what_the_value_says(
        value in event(),
        order in order(),
        options in options(),
    ) {
        // A number past 2^53 prints as the f64 it becomes on a tape (the
        // fuzz harness compares those apart).
        prop_assume!(harness::value::numbers_survive_f64(&value));
        let tape = servicer_events::tape::encode(&value, options.limits.max_string_length);
        let mut source = TapeSource::new(&tape, |n: f64| serde_json::to_string(&n).unwrap());
        prop_assert_eq!(
            validate_source(&mut source, order.as_ref(), &options),
            validate_value(&value, order.as_ref(), &options)
        );
    }

    /// A tape's and a text's known keys say which field they are, and the
    /// walk goes straight to it: the result is the one a look-up of each
    /// name gives.
    #[test]
    fn known_keys_by_number_and_by_name_agree(
        value in event(),
        text in json_text(),
        order in order(),
        options in options(),
    ) {
        let tape = servicer_events::tape::encode(&value, options.limits.max_string_length);
        let number_text = |n: f64| n.to_string();
        let mut numbered = TapeSource::new(&tape, number_text);
        let mut named = ByName(TapeSource::new(&tape, number_text));
        prop_assert_eq!(
            validate_source(&mut numbered, order.as_ref(), &options),
            validate_source(&mut named, order.as_ref(), &options)
        );
        let mut numbered = JsonSource::new(&text, Some(Offsets::Bytes));
        let mut named = ByName(JsonSource::new(&text, Some(Offsets::Bytes)));
        prop_assert_eq!(
            validate_source(&mut numbered, order.as_ref(), &options),
            validate_source(&mut named, order.as_ref(), &options)
        );
    }
}

/// A source whose keys never say which known key they are: the walk looks
/// each one up by its name, as it does for JSON text.
struct ByName<S>(S);

impl<S: Source> ByName<S> {
    fn by_name(token: Token) -> Token {
        match token {
            Token::Key {
                chars, duplicate, ..
            } => Token::Key {
                chars,
                duplicate,
                known: None,
            },
            token => token,
        }
    }
}

// `says_every_known_key` stays false: the numbers are dropped, so the walk
// must look every name up, as it does for a source that never says.
impl<S: Source> Source for ByName<S> {
    fn next_token(&mut self) -> Result<Token, SourceError> {
        self.0.next_token().map(Self::by_name)
    }

    fn text(&self) -> &str {
        self.0.text()
    }

    fn number_text(&self, n: f64) -> String {
        self.0.number_text(n)
    }

    fn span(&self) -> Option<Span> {
        self.0.span()
    }

    fn located_text(&self) -> Option<(&[u8], Offsets)> {
        self.0.located_text()
    }

    fn skip_container(&mut self) -> Result<(), SourceError> {
        self.0.skip_container()
    }

    fn quiet_items_with(
        &mut self,
        max: usize,
        check: &mut ItemCheck,
    ) -> Result<(usize, Option<Token>), SourceError> {
        let (n, token) = self.0.quiet_items_with(max, check)?;
        Ok((n, token.map(Self::by_name)))
    }

    fn quiet_members_with(
        &mut self,
        members: &mut MemberCheck,
        check: &mut ItemCheck,
    ) -> Result<Option<Token>, SourceError> {
        Ok(self
            .0
            .quiet_members_with(members, check)?
            .map(Self::by_name))
    }

    fn finish(&mut self) -> Result<(), SourceError> {
        self.0.finish()
    }
}

/// How many issues `result` found: those it lists, or what its
/// `too_many_issues` says it found in all.
fn issues_found(result: &servicer_events::ValidationResult) -> usize {
    let cap = result.issues().find(|i| i.code == IssueCode::TooManyIssues);
    match cap.and_then(|i| i.received.as_deref()) {
        Some(received) => received
            .strip_suffix(" issues")
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("too_many_issues received {received:?}")),
        None => result.issues().count(),
    }
}

/// The issues of `result` but its `too_many_issues`.
fn listed(issues: &[servicer_events::Issue]) -> Vec<&servicer_events::Issue> {
    issues
        .iter()
        .filter(|i| i.code != IssueCode::TooManyIssues)
        .collect()
}

/// Deep nesting on both paths: no stack overflow, `limit_exceeded` at depth.
#[test]
fn deep_nesting_is_a_limit_not_a_crash() {
    let depth = 100_000;
    let text = format!(
        "{{\"event\":\"x\",\"deep\":{}{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let result = validate_json(text.as_bytes(), None, &Options::default());
    assert!(!result.valid);
    assert_eq!(result.errors.len(), 1, "{result:#?}");
    assert_eq!(result.errors[0].code, IssueCode::LimitExceeded);
    // The event's fields are depth 1: the 32nd `[` inside is depth 33.
    let want = format!("/deep{}", "/0".repeat(32));
    assert_eq!(result.errors[0].path, want);

    // serde_json cannot build such a value without its recursion limit, and
    // dropping one recursively overflows: build and take it apart by hand.
    let mut value = Value::Array(Vec::new());
    for _ in 0..depth {
        value = Value::Array(vec![value]);
    }
    let event = serde_json::json!({"event": "x"});
    let mut event = event;
    if let Some(map) = event.as_object_mut() {
        map.insert("deep".into(), value);
    }
    let result = validate_value(&event, None, &Options::default());
    assert_eq!(result.errors.len(), 1, "{result:#?}");
    assert_eq!(result.errors[0].code, IssueCode::LimitExceeded);
    assert_eq!(result.errors[0].path, want);
    let mut next = event.as_object_mut().and_then(|m| m.remove("deep"));
    while let Some(Value::Array(mut items)) = next {
        next = items.pop();
    }
}
