//! The raw exports, tested in Node with wasm-bindgen-test: a JS exception in a
//! getter or a Proxy trap never escapes (or leaves the module unusable), and
//! results cross as a code plus issues in the layout of `wire`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Function, Object, Proxy, Reflect, JSON};
use servicer_events::wasm::{assemble_event, check_bytes, check_value, last_issues, Readers};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use servicer_events::wire::{TextMode, HAS_ISSUES};

/// Kinds of a check's code (their index in `wire::KINDS`).
const OTHER: u32 = 3;
const DEPOT: u32 = 1;
/// A body given as bytes.
const BODY: u32 = TextMode::Bytes as u32;

fn json(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

/// The same reads `pkg/api.js` hands the module: none of them throws.
fn readers() -> Readers {
    Function::new_no_args(
        "const M = Symbol('marker');\n\
         const t = (f) => { try { return f(); } catch { return M; } };\n\
         return {\n\
           isMarker: (v) => v === M,\n\
           get: (o, k) => t(() => o[k]),\n\
           keys: (o) => t(() => Object.keys(o)),\n\
           symbols: (o) => t(() => Object.getOwnPropertySymbols(o)),\n\
           proto: (o) => t(() => Object.getPrototypeOf(o)),\n\
           isArray: (v) => { try { return Array.isArray(v) ? 1 : 0; } catch { return 2; } },\n\
           time: (v) => t(() => Date.prototype.getTime.call(v)),\n\
           items: (v) => t(() => Array.from(v)),\n\
         };",
    )
    .call0(&JsValue::NULL)
    .unwrap()
    .unchecked_into()
}

fn codes() -> Vec<String> {
    // Each error's code and path.
    let [errors, _] = last_issues();
    errors
        .iter()
        .map(|issue| format!("{} {}", issue.code, issue.fields[0].1))
        .collect()
}

#[wasm_bindgen_test]
fn a_valid_event_is_a_bare_code() {
    assert_eq!(
        check_bytes(
            br#"{"event":"repair_started","repairStartedAt":0}"#,
            BODY,
            1,
            false,
            None
        ),
        DEPOT
    );
    assert_eq!(
        check_bytes(br#"{"event":"x"}"#, BODY, 0, false, None),
        OTHER
    );
}

#[wasm_bindgen_test]
fn issues_cross_as_records() {
    let code = check_bytes(
        br#"{"event":"repair_started","repairStartedAt":"soon"}"#,
        BODY,
        0,
        false,
        None,
    );
    assert_eq!(code, DEPOT | HAS_ISSUES);
    assert_eq!(codes(), ["invalid_type /repairStartedAt"]);
}

#[wasm_bindgen_test]
fn limits_arrive_in_the_catalogue_order() {
    let names: Vec<&str> = servicer_events::catalog::limit_names().collect();
    let values: Vec<f64> = names
        .iter()
        .map(|n| if *n == "maxDepth" { 1.0 } else { 1e6 })
        .collect();
    let code = check_bytes(
        br#"{"event":"x","metadata":{"a":1}}"#,
        BODY,
        0,
        false,
        Some(values),
    );
    assert_eq!(code, OTHER | HAS_ISSUES);
    assert_eq!(codes(), ["limit_exceeded /metadata/a"]);
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
    let event = json(r#"{"event":"x"}"#);
    Reflect::set(
        &event,
        &"metadata".into(),
        &Proxy::new(&Object::new(), &handler),
    )
    .unwrap();
    assert_eq!(
        check_value(event, readers(), 0, false, None),
        OTHER | HAS_ISSUES
    );
    assert_eq!(codes(), ["not_json /metadata"]);

    let with_getter = Function::new_no_args(
        "const o = { event: 'x' }; Object.defineProperty(o, 'notes', { enumerable: true, get() { throw new Error('no') } }); return o;",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    assert_eq!(
        check_value(with_getter, readers(), 0, false, None),
        OTHER | HAS_ISSUES
    );
    assert_eq!(codes(), ["not_json /notes"]);

    // The module still works.
    assert_eq!(
        check_value(
            json(r#"{"event":"batched","availabilityWindows":[0]}"#),
            readers(),
            2,
            false,
            None
        ),
        2
    );
}

#[wasm_bindgen_test]
fn assemble_converts_dates_and_keeps_proto_a_key() {
    let fields = Function::new_no_args(
        "const f = { repairStartedAt: new Date(5), notes: null };\n\
         Object.defineProperty(f, '__proto__', { value: { x: 1 }, enumerable: true });\n\
         return f;",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    let event = assemble_event("repair_started", fields, readers()).unwrap();
    assert_eq!(
        JSON::stringify(&event).unwrap(),
        r#"{"event":"repair_started","repairStartedAt":5,"__proto__":{"x":1}}"#
    );
}

#[wasm_bindgen_test]
fn reads_that_fail_leave_no_externref_behind() {
    let make = Function::new_no_args(
        "const o = { event: 'x', metadata: new Proxy({}, { ownKeys() { throw new Error('k'); } }) };\n\
         Object.defineProperty(o, 'notes', { enumerable: true, get() { throw new Error('g'); } });\n\
         return o;",
    );
    let readers = readers();
    let before = wasm_bindgen::externref_heap_live_count();
    for _ in 0..500 {
        let event = make.call0(&JsValue::NULL).unwrap();
        let code = check_value(event, readers.clone().unchecked_into(), 0, false, None);
        assert_eq!(code, OTHER | HAS_ISSUES);
    }
    assert!(wasm_bindgen::externref_heap_live_count() <= before + 4);
}

/// The SIMD scans (the build's: `.cargo/config.toml` enables simd128) stop
/// where the portable ones do, for every kind of byte at every offset of a
/// vector.
#[cfg(target_feature = "simd128")]
#[wasm_bindgen_test]
fn simd_scans_agree_with_the_portable_ones() {
    use servicer_events::scan::{simd, swar};
    let pieces: [&[u8]; 9] = [
        b"a",
        b"\"",
        b"\\",
        b"\n",
        b"\x1f",
        "\u{e9}".as_bytes(),
        "\u{20ac}".as_bytes(),
        "\u{1f600}".as_bytes(),
        b"\x7f",
    ];
    for special in 0..pieces.len() {
        for at in 0..300 {
            let mut text = Vec::new();
            for i in 0..at {
                text.extend_from_slice(pieces[[0, 0, 5, 6, 7, 8][(i * 5 + at) % 6]]);
            }
            text.extend_from_slice(pieces[special]);
            text.extend_from_slice(b"and a tail after it, long enough for a vector");
            for from in 0..text.len().min(40) {
                let bytes = &text[from..];
                assert_eq!(simd::plain_run(bytes), swar::plain_run(bytes), "{bytes:?}");
                assert_eq!(simd::ascii_run(bytes), swar::ascii_run(bytes), "{bytes:?}");
            }
        }
    }
    // Every byte value after a run of plain ASCII, at every offset of the
    // four-vector step, of the eight-vector steps of the fast lanes after
    // it, and of the vectors after them: each test (special or non-ASCII,
    // special only, and the fast lane's two minimums) decides somewhere.
    for byte in 0..=u8::MAX {
        for at in 0..300 {
            let mut text = vec![b'a'; at];
            text.push(byte);
            text.extend_from_slice(&[b'b'; 80]);
            assert_eq!(
                simd::plain_run(&text),
                swar::plain_run(&text),
                "{byte:#x} at {at}"
            );
            assert_eq!(
                simd::ascii_run(&text),
                swar::ascii_run(&text),
                "{byte:#x} at {at}"
            );
        }
    }
}
