//! `buildEvent`: the forgiving side. It accepts `Date`s and ISO-8601 strings
//! for timestamps, drops empty fields, puts `event` first, and validates.

use js_sys::{Array, Date, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::args::{describe, object_keys, to_js, type_error};
use super::js_source::{array_from, date_time, is_array, JsSource};
use crate::options::{Options, ServiceOrder};
use crate::rules::{self, FieldType};

pub(super) fn build_event(
    name: &JsValue,
    fields: &JsValue,
    order: Option<&ServiceOrder>,
    options: &Options,
) -> Result<JsValue, JsValue> {
    if !name.is_string() {
        return Err(type_error(format!(
            "buildEvent: the event name must be a string, not {}",
            describe(name)
        )));
    }
    let event = Object::new();
    define(&event, "event", name)?;
    if !(fields.is_undefined() || fields.is_null()) {
        if !fields.is_object() || is_array(fields) != Some(false) {
            return Err(type_error(format!(
                "buildEvent: fields must be an object, not {}",
                describe(fields)
            )));
        }
        let keys =
            object_keys(fields).map_err(|_| type_error("buildEvent: the fields cannot be read"))?;
        for key in keys.iter() {
            let name_of_key = key.as_string().unwrap_or_default();
            let value = Reflect::get(fields, &key).map_err(|_| {
                type_error(format!(
                    "buildEvent: fields.{name_of_key} cannot be read: its getter threw"
                ))
            })?;
            if value.is_undefined() || value.is_null() {
                continue;
            }
            if name_of_key == rules::EVENT_FIELD {
                if value != *name {
                    return Err(type_error(format!(
                        "buildEvent: fields.event ({}) differs from the event name given",
                        describe(&value)
                    )));
                }
                continue;
            }
            let value = match rules::field(&name_of_key).map(|f| f.ty) {
                Some(FieldType::Timestamp) => millis(value),
                // Items that cannot be read stay as they are, for the
                // validator to report.
                Some(FieldType::TimestampArray) if is_array(&value) == Some(true) => {
                    match array_from(&value) {
                        Ok(items) => items.iter().map(millis).collect::<Array>().into(),
                        Err(_) => value,
                    }
                }
                _ => value,
            };
            define(&event, &name_of_key, &value)?;
        }
    }
    let result = crate::validate_source(&mut JsSource::new(event.clone().into()), order, options);
    if result.valid {
        return Ok(event.into());
    }
    let lines: Vec<String> = result
        .errors
        .iter()
        .map(|i| format!("{}: {} ({})", i.path, i.message, i.code.as_str()))
        .collect();
    let error = js_sys::Error::new(&format!("The event is invalid: {}", lines.join("; ")));
    error.set_name("EventValidationError");
    Reflect::set(&error, &"errors".into(), &to_js(&result.errors)?)?;
    Reflect::set(&error, &"warnings".into(), &to_js(&result.warnings)?)?;
    Err(error.into())
}

/// A `Date` or an ISO-8601 string as milliseconds; anything else unchanged,
/// for the validator to report.
fn millis(value: JsValue) -> JsValue {
    if value.dyn_ref::<Date>().is_some() {
        // Not a real Date (it only inherits from `Date.prototype`): it stays
        // as it is, for the validator to report.
        return date_time(&value).map_or(value, JsValue::from_f64);
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
        ("enumerable", true.into()),
        ("writable", true.into()),
        ("configurable", true.into()),
    ] {
        Reflect::set(&descriptor, &k.into(), &v)?;
    }
    Reflect::define_property(object, &key.into(), &descriptor)?;
    Ok(())
}
