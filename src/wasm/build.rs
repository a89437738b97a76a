//! `buildEvent`'s forgiving side: `Date`s and ISO-8601 strings become
//! milliseconds, empty fields are dropped, `event` comes first. Validation
//! happens afterwards, in `pkg/api.js`, on the assembled object.

use js_sys::{Array, Date, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::readers::Readers;
use crate::rules::{self, FieldType};

fn type_error(message: String) -> JsValue {
    js_sys::TypeError::new(&message).into()
}

/// Assembles the event named `name` from `fields` (an object, `undefined` or `null`).
pub(super) fn assemble(
    name: &str,
    fields: &JsValue,
    readers: &Readers,
) -> Result<JsValue, JsValue> {
    let event = Object::new();
    define(&event, rules::EVENT_FIELD, &JsValue::from_str(name))?;
    if fields.is_undefined() || fields.is_null() {
        return Ok(event.into());
    }
    let keys = readers.keys(fields);
    let Some(keys) = keys.dyn_ref::<Array>() else {
        return Err(type_error("buildEvent: the fields cannot be read".into()));
    };
    for key in keys.iter() {
        let key_name = key.as_string().unwrap_or_default();
        let value = readers.get(fields, &key);
        if readers.failed(&value) {
            return Err(type_error(format!(
                "buildEvent: fields.{key_name} cannot be read: its getter threw"
            )));
        }
        if value.is_undefined() || value.is_null() {
            continue;
        }
        if key_name == rules::EVENT_FIELD {
            if value.as_string().as_deref() != Some(name) {
                return Err(type_error(format!(
                    "buildEvent: fields.event differs from the event name \"{name}\"; give the name once"
                )));
            }
            continue;
        }
        let value = match rules::field(&key_name).map(|f| f.ty) {
            Some(FieldType::Timestamp) => millis(value, readers),
            // Items that cannot be read stay as they are, for the validator to report.
            Some(FieldType::TimestampArray) if readers.is_array(&value) == 1 => {
                match readers.items(&value).dyn_into::<Array>() {
                    Ok(items) => items
                        .iter()
                        .map(|item| millis(item, readers))
                        .collect::<Array>()
                        .into(),
                    Err(_) => value,
                }
            }
            _ => value,
        };
        define(&event, &key_name, &value)?;
    }
    Ok(event.into())
}

/// A `Date` or an ISO-8601 string as milliseconds; anything else unchanged,
/// for the validator to report.
fn millis(value: JsValue, readers: &Readers) -> JsValue {
    if value.dyn_ref::<Date>().is_some() {
        // Not a real Date (it only inherits from `Date.prototype`): it stays
        // as it is, for the validator to report.
        let time = readers.time(&value);
        return if readers.failed(&time) { value } else { time };
    }
    match value.as_string() {
        Some(s) if crate::iso8601::is_iso8601(&s) => {
            let ms = Date::parse(&s);
            if ms.is_nan() {
                value
            } else {
                JsValue::from_f64(ms)
            }
        }
        _ => value,
    }
}

/// Defines an own data property: unlike assignment, a `__proto__` key stays
/// a key (for the validator to reject) instead of changing the prototype.
fn define(object: &Object, key: &str, value: &JsValue) -> Result<(), JsValue> {
    let descriptor = Object::new();
    for (k, v) in [
        ("value", value.clone()),
        ("enumerable", JsValue::TRUE),
        ("writable", JsValue::TRUE),
        ("configurable", JsValue::TRUE),
    ] {
        Reflect::set(&descriptor, &k.into(), &v)?;
    }
    Reflect::define_property(object, &key.into(), &descriptor)?;
    Ok(())
}
