//! The boundary, tested in Node with wasm-bindgen-test: results are plain
//! objects, misuse throws a `TypeError`, and a JS exception in a getter or a
//! Proxy trap never escapes (or leaves the module unusable).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Object, Proxy, Reflect, JSON};
use servicer_events::wasm::{build_event, event_catalog, validate_event, validate_event_json};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

fn json(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

fn codes(result: &JsValue, list: &str) -> Vec<String> {
    Array::from(&get(result, list))
        .iter()
        .map(|i| {
            format!(
                "{} {}",
                get(&i, "code").as_string().unwrap(),
                get(&i, "path").as_string().unwrap()
            )
        })
        .collect()
}

fn is_plain(value: &JsValue) -> bool {
    Reflect::get_prototype_of(value).unwrap() == Reflect::get_prototype_of(&Object::new()).unwrap()
}

#[wasm_bindgen_test]
fn results_are_plain_objects_and_arrays() {
    let result = validate_event(
        json(r#"{"event":"repair_started","repairStartedAt":"x"}"#),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert!(is_plain(&result));
    assert!(Array::is_array(&get(&result, "errors")));
    assert!(is_plain(&Array::from(&get(&result, "errors")).get(0)));
    assert_eq!(codes(&result, "errors"), ["invalid_type /repairStartedAt"]);
    assert_eq!(get(&result, "kind").as_string().as_deref(), Some("depot"));
    assert!(is_plain(&event_catalog().unwrap()));
}

#[wasm_bindgen_test]
fn misuse_throws_type_errors() {
    let event = json(r#"{"event":"x"}"#);
    let bad_order = validate_event(
        event.clone(),
        json(r#"{"serviceType":"depot"}"#),
        JsValue::UNDEFINED,
    )
    .unwrap_err();
    assert!(bad_order.is_instance_of::<js_sys::TypeError>());
    let bad_options = validate_event(
        event,
        JsValue::UNDEFINED,
        json(r#"{"limits":{"maxDepth":-1}}"#),
    )
    .unwrap_err();
    assert!(bad_options.is_instance_of::<js_sys::TypeError>());
    let bad_body = validate_event_json(
        JsValue::from_f64(1.0),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap_err();
    assert!(bad_body.is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
fn throwing_proxies_and_getters_become_issues() {
    let thrower = Function::new_no_args("throw new Error('boom')");
    let handler = Object::new();
    for trap in [
        "ownKeys",
        "get",
        "getPrototypeOf",
        "getOwnPropertyDescriptor",
    ] {
        Reflect::set(&handler, &trap.into(), &thrower).unwrap();
    }
    let proxy = Proxy::new(&Object::new(), &handler);
    let event = json(r#"{"event":"x"}"#);
    Reflect::set(&event, &"metadata".into(), &proxy).unwrap();
    let result = validate_event(event, JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap();
    assert_eq!(codes(&result, "errors"), ["not_json /metadata"]);

    let with_getter = Function::new_no_args(
        "const o = { event: 'x' }; Object.defineProperty(o, 'notes', { enumerable: true, get() { throw new Error('no') } }); return o;",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    let result = validate_event(with_getter, JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap();
    assert_eq!(codes(&result, "errors"), ["not_json /notes"]);

    // The module still works.
    let ok = validate_event(
        json(r#"{"event":"batched","availabilityWindows":[0]}"#),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(get(&ok, "valid"), JsValue::TRUE);
}

#[wasm_bindgen_test]
fn build_event_throws_a_named_error_with_the_issues() {
    let err = build_event(
        "repair_eta".into(),
        json(r#"{"isDelayed":"yes"}"#),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap_err();
    let err: js_sys::Error = err.dyn_into().unwrap();
    assert_eq!(String::from(err.name()), "EventValidationError");
    assert_eq!(codes(&err, "errors"), ["invalid_type /isDelayed"]);
}
