//! The `value` target: arbitrary `serde_json` values through
//! `validate_value`, through `validate_json` as text, and as the tape
//! `pkg/api.js` writes for a JS value: no panic, paths resolve, all three
//! paths agree.

use super::{check::check, options::options, tree::Tree};
use arbitrary::{Result, Unstructured};
use serde_json::{Map, Value};
use servicer_events::rules::{EVENTS, FIELDS};
use servicer_events::tape::{encode, TapeSource};
use servicer_events::{validate_json, validate_source, validate_value};

/// Nesting of generated values; beyond the default `maxDepth` of 32.
const MAX_DEPTH: usize = 40;

fn name(u: &mut Unstructured) -> Result<String> {
    Ok(match u.int_in_range(0..=5)? {
        0 => u.choose(EVENTS)?.name.to_owned(),
        1 => u.choose(FIELDS)?.name.to_owned(),
        2 => {
            let field = u.choose(FIELDS)?;
            match field.ty.values() {
                [] => field.name.to_owned(),
                values => (*u.choose(values)?).to_owned(),
            }
        }
        3 => (*u.choose(&["event", "__proto__", "", "a/b", "m~n", "0", "constructor"])?).to_owned(),
        _ => u.arbitrary()?,
    })
}

fn value(u: &mut Unstructured, depth: usize) -> Result<Value> {
    let top = if depth >= MAX_DEPTH { 4 } else { 6 };
    Ok(match u.int_in_range(0..=top)? {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => match u.int_in_range(0..=2)? {
            0 => Value::from(u.arbitrary::<i64>()?),
            1 => Value::from(u.arbitrary::<u64>()?),
            _ => {
                let n: f64 = u.arbitrary()?;
                serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
            }
        },
        3 | 4 => Value::String(name(u)?),
        5 => {
            let mut items = Vec::new();
            while u.arbitrary()? {
                items.push(value(u, depth + 1)?);
            }
            Value::Array(items)
        }
        _ => {
            let mut map = Map::new();
            while u.arbitrary()? {
                map.insert(name(u)?, value(u, depth + 1)?);
            }
            Value::Object(map)
        }
    })
}

/// The option byte and the value an input stands for; `None` when the
/// bytes run out before a value is made.
pub fn generate(data: &[u8]) -> Option<(u8, Value)> {
    let mut u = Unstructured::new(data);
    let first = u.arbitrary::<u8>().ok()?;
    // Mostly events: an object with a name.
    let value = match (value(&mut u, 0), u.arbitrary::<bool>()) {
        (Ok(Value::Object(mut map)), Ok(true)) => {
            let name = name(&mut u).unwrap_or_default();
            map.insert("event".into(), Value::String(name));
            Value::Object(map)
        }
        (Ok(v), _) => v,
        (Err(_), _) => return None,
    };
    Some((first, value))
}

/// Runs one input and asserts every invariant.
pub fn run(data: &[u8]) {
    let Some((first, value)) = generate(data) else {
        return;
    };
    let (mut options, order) = options(first);
    let result = validate_value(&value, order.as_ref(), &options);
    check(&result, Some(&Tree::from(&value)), &options);
    let tape = encode(&value, options.limits.max_string_length);
    let number_text =
        |n: f64| serde_json::Number::from_f64(n).map_or_else(|| n.to_string(), |n| n.to_string());
    let from_tape = validate_source(
        &mut TapeSource::new(&tape, number_text),
        order.as_ref(),
        &options,
    );
    if numbers_survive_f64(&value) {
        assert_eq!(result, from_tape, "{value} (tape)");
    } else {
        // A JS number is an f64: an integer past 2^53 is printed as the
        // f64 it became. Everything but the words must agree.
        let outline = |r: &servicer_events::ValidationResult| {
            let issues = r.errors.iter().chain(&r.warnings);
            let issues: Vec<_> = issues.map(|i| (i.code, i.path.clone())).collect();
            (r.valid, r.kind, r.errors.len(), issues)
        };
        assert_eq!(outline(&result), outline(&from_tape), "{value} (tape)");
    }

    options.limits.max_body_bytes = usize::MAX;
    let from_value = validate_value(&value, order.as_ref(), &options);
    let text = serde_json::to_vec(&value).unwrap_or_default();
    let mut from_text = validate_json(&text, order.as_ref(), &options);
    // Only text has places; they are all that differs.
    for issue in from_text.errors.iter_mut().chain(&mut from_text.warnings) {
        issue.location = None;
    }
    assert_eq!(from_value, from_text, "{value}");
}

/// Whether every number in `value` prints the same as the `f64` it is.
pub fn numbers_survive_f64(value: &Value) -> bool {
    match value {
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.unsigned_abs() <= 1 << 53,
            (_, Some(u)) => u <= 1 << 53,
            _ => true, // an f64 already
        },
        Value::Array(items) => items.iter().all(numbers_survive_f64),
        Value::Object(members) => members.values().all(numbers_survive_f64),
        _ => true,
    }
}
