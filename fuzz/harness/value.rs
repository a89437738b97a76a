//! The `value` target: arbitrary `serde_json` values through
//! `validate_value`, and through `validate_json` as text: no panic, paths
//! resolve, both paths agree.

use super::{check::check, options::options, tree::Tree};
use arbitrary::{Result, Unstructured};
use serde_json::{Map, Value};
use servicer_events::rules::{EVENTS, FIELDS};
use servicer_events::{validate_json, validate_value};

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
