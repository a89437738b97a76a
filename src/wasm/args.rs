//! Arguments in, results out: checking what JS callers pass, and turning
//! results into plain objects (never `Map`s).

use js_sys::{ArrayBuffer, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::options::{Options, ServiceOrder};
use crate::rules::ServiceType;

#[wasm_bindgen]
extern "C" {
    /// `Object.keys`, catching what a Proxy may throw.
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    pub(super) fn object_keys(value: &JsValue) -> Result<js_sys::Array, JsValue>;

    /// `new Uint8Array(source)`: a view of an `ArrayBuffer` or a copy of a
    /// `Uint8Array`, caught: it throws for a detached buffer or a Proxy.
    #[wasm_bindgen(js_name = Uint8Array)]
    type CaughtUint8Array;
    #[wasm_bindgen(constructor, js_class = "Uint8Array", catch)]
    fn new(source: &JsValue) -> Result<CaughtUint8Array, JsValue>;
}

/// A `TypeError` for a bad argument.
pub(super) fn type_error(message: impl AsRef<str>) -> JsValue {
    js_sys::TypeError::new(message.as_ref()).into()
}

/// Describes a JS value for an error message.
pub(super) fn describe(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if super::js_source::is_array(value).is_none() {
        "a revoked Proxy".into()
    } else if super::js_source::is_array(value) == Some(true) {
        "an array".into()
    } else if let Some(s) = value.as_string() {
        let short: String = s.chars().take(40).collect();
        format!("the string \"{short}\"")
    } else if let Some(n) = value.as_f64() {
        format!("the number {}", super::js_source::js_number(n))
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

fn get(object: &JsValue, key: &str, what: &str) -> Result<JsValue, JsValue> {
    Reflect::get(object, &JsValue::from_str(key))
        .map_err(|_| type_error(format!("{what}.{key} cannot be read: its getter threw")))
}

/// Parses a service type; `None` for `undefined` (and `null` when allowed).
pub(super) fn service_type(
    value: &JsValue,
    what: &str,
    optional: bool,
) -> Result<Option<ServiceType>, JsValue> {
    if optional && (value.is_undefined() || value.is_null()) {
        return Ok(None);
    }
    match value.as_string().as_deref().and_then(ServiceType::parse) {
        Some(t) => Ok(Some(t)),
        None => Err(type_error(format!(
            "{what} must be 'repair_depot' or 'repair_onsite', not {}",
            describe(value)
        ))),
    }
}

fn optional_bool(object: &JsValue, key: &str, what: &str) -> Result<Option<bool>, JsValue> {
    let value = get(object, key, what)?;
    if value.is_undefined() {
        return Ok(None);
    }
    value.as_bool().map(Some).ok_or_else(|| {
        type_error(format!(
            "{what}.{key} must be true or false, not {}",
            describe(&value)
        ))
    })
}

fn is_object(value: &JsValue) -> bool {
    value.is_object() && super::js_source::is_array(value) == Some(false)
}

/// Parses `order`: `undefined` and `null` mean none.
pub(super) fn order(value: &JsValue) -> Result<Option<ServiceOrder>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if !is_object(value) {
        return Err(type_error(format!(
            "order must be an object like {{ serviceType: 'repair_depot', accepted: true, closed: false }}, not {}",
            describe(value)
        )));
    }
    let service_type = service_type(
        &get(value, "serviceType", "order")?,
        "order.serviceType",
        false,
    )?;
    Ok(Some(ServiceOrder {
        service_type: service_type.unwrap_or(ServiceType::RepairDepot),
        accepted: optional_bool(value, "accepted", "order")?,
        closed: optional_bool(value, "closed", "order")?,
    }))
}

/// Parses `options`: `undefined` and `null` mean the defaults. Unknown keys
/// are errors: a misspelt limit silently ignored would be worse.
pub(super) fn options(value: &JsValue) -> Result<Options, JsValue> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !is_object(value) {
        return Err(type_error(format!(
            "options must be an object like {{ strict: true, limits: {{ maxDepth: 8 }} }}, not {}",
            describe(value)
        )));
    }
    let keys = object_keys(value).map_err(|_| type_error("options cannot be read"))?;
    for key in keys.iter() {
        let key = key.as_string().unwrap_or_default();
        if key != "strict" && key != "limits" {
            return Err(type_error(format!(
                "options.{key} is not an option: the options are strict and limits"
            )));
        }
    }
    options.strict = optional_bool(value, "strict", "options")?.unwrap_or(false);
    let limits = get(value, "limits", "options")?;
    if limits.is_undefined() || limits.is_null() {
        return Ok(options);
    }
    if !is_object(&limits) {
        return Err(type_error(format!(
            "options.limits must be an object, not {}",
            describe(&limits)
        )));
    }
    let keys = object_keys(&limits).map_err(|_| type_error("options.limits cannot be read"))?;
    for key in keys.iter() {
        let key = key.as_string().unwrap_or_default();
        let raw = get(&limits, &key, "options.limits")?;
        let value = raw
            .as_f64()
            .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= 9_007_199_254_740_991.0);
        let Some(value) = value else {
            return Err(type_error(format!(
                "options.limits.{key} must be a non-negative integer, not {}",
                describe(&raw)
            )));
        };
        if !options.limits.set(&key, value as usize) {
            let names: Vec<_> = options.limits.named().iter().map(|(n, _)| *n).collect();
            return Err(type_error(format!(
                "options.limits.{key} is not a limit: the limits are {}",
                names.join(", ")
            )));
        }
    }
    Ok(options)
}

/// A body, read as bytes unless it is surely over the size limit.
pub(super) enum Body {
    /// The UTF-8 bytes of the body.
    Bytes(Vec<u8>),
    /// Over `maxBodyBytes`: at least this many bytes, and not copied.
    TooLarge(usize),
}

/// Reads a string, `Uint8Array` or `ArrayBuffer` body.
pub(super) fn body(value: &JsValue, options: &Options) -> Result<Body, JsValue> {
    let max = options.limits.max_body_bytes;
    if value.is_string() {
        // UTF-8 takes at least one byte per UTF-16 unit: a longer string is
        // over the limit whatever it holds, so it is not copied.
        let units = value.unchecked_ref::<js_sys::JsString>().length() as usize;
        if units > max {
            return Ok(Body::TooLarge(units));
        }
        return Ok(Body::Bytes(
            value.as_string().unwrap_or_default().into_bytes(),
        ));
    }
    // `instanceof` (which `dyn_ref` uses) accepts objects that only inherit
    // from the class, whose getters then throw; a detached buffer throws too.
    // So the length is read through `Reflect` and the bytes copied through
    // `new Uint8Array`, both caught.
    let length_key = if value.dyn_ref::<Uint8Array>().is_some() {
        "length"
    } else if value.dyn_ref::<ArrayBuffer>().is_some() {
        "byteLength"
    } else {
        return Err(type_error(format!(
            "the body must be a string, a Uint8Array or an ArrayBuffer, not {}",
            describe(value)
        )));
    };
    let unreadable = || {
        type_error("the body cannot be read: it is not a real Uint8Array or ArrayBuffer, or its buffer is detached")
    };
    let length = Reflect::get(value, &JsValue::from_str(length_key))
        .ok()
        .and_then(|l| l.as_f64())
        .ok_or_else(unreadable)? as usize;
    if length > max {
        return Ok(Body::TooLarge(length));
    }
    let bytes: Uint8Array = CaughtUint8Array::new(value)
        .map_err(|_| unreadable())?
        .unchecked_into();
    Ok(Body::Bytes(bytes.to_vec()))
}

/// Serialises a result as plain JS objects and arrays.
pub(super) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&e.to_string()).into())
}
