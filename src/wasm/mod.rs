//! The JavaScript skin: the only module that touches `wasm_bindgen` and
//! `js_sys`. It converts arguments, runs the core, and returns plain objects.
//! A bad event never throws; a bad `order`, `options` or body type throws a
//! `TypeError`, as a JS API does for a bad argument.

mod args;
mod build;
mod js_source;

use wasm_bindgen::prelude::*;

use crate::options::Options;

/// `validateEvent(event, order?, options?)`: checks a JS value.
#[wasm_bindgen(js_name = validateEvent)]
pub fn validate_event(
    event: JsValue,
    order: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let order = args::order(&order)?;
    let options = args::options(&options)?;
    let mut source = js_source::JsSource::new(event);
    let result = crate::validate_source(&mut source, order.as_ref(), &options);
    args::to_js(&result)
}

/// `validateEventJson(body, order?, options?)`: checks JSON text (a string,
/// `Uint8Array` or `ArrayBuffer`) while parsing it.
#[wasm_bindgen(js_name = validateEventJson)]
pub fn validate_event_json(
    body: JsValue,
    order: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let order = args::order(&order)?;
    let options = args::options(&options)?;
    let result = match args::body(&body, &options)? {
        args::Body::Bytes(bytes) => crate::validate_json(&bytes, order.as_ref(), &options),
        args::Body::TooLarge(at_least) => crate::oversized_body(at_least, order.as_ref(), &options),
    };
    args::to_js(&result)
}

/// `buildEvent(name, fields?, order?, options?)`: builds a ready-to-send event
/// (Dates and ISO strings become milliseconds, `undefined`/`null` fields are
/// dropped) and throws an `EventValidationError` when it is invalid.
#[wasm_bindgen(js_name = buildEvent)]
pub fn build_event(
    name: JsValue,
    fields: JsValue,
    order: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let order = args::order(&order)?;
    let options: Options = args::options(&options)?;
    build::build_event(&name, &fields, order.as_ref(), &options)
}

/// `eventCatalog()`: every event, field, type, enum value, issue code and limit.
#[wasm_bindgen(js_name = eventCatalog)]
pub fn event_catalog() -> Result<JsValue, JsValue> {
    args::to_js(&crate::catalog())
}

/// `eventJsonSchema(serviceType?)`: a JSON Schema (2020-12) of the error rules.
#[wasm_bindgen(js_name = eventJsonSchema)]
pub fn event_json_schema(service_type: JsValue) -> Result<JsValue, JsValue> {
    let service_type = args::service_type(&service_type, "serviceType", true)?;
    args::to_js(&crate::schema::event_json_schema(service_type))
}
