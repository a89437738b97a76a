//! Reads of a caller's values, made by JS functions that never throw
//! (`readers` in `pkg/api.js`). Why not `js_sys` with `catch`: an exception
//! caught at the boundary still costs a slot of wasm-bindgen's externref table
//! that is never given back (measured: a Proxy whose traps throw grew the
//! table by thousands of slots over a few thousand calls). So a failed read
//! comes back as a marker value instead, and nothing is ever thrown at the
//! module.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The `readers` object of `pkg/api.js`.
    pub type Readers;

    /// `object[key]`, or the marker when a getter or Proxy trap throws.
    #[wasm_bindgen(method)]
    pub fn get(this: &Readers, object: &JsValue, key: &JsValue) -> JsValue;

    /// `Object.keys(object)`, or the marker.
    #[wasm_bindgen(method)]
    pub fn keys(this: &Readers, object: &JsValue) -> JsValue;

    /// `Object.getOwnPropertySymbols(object)`, or the marker.
    #[wasm_bindgen(method)]
    pub fn symbols(this: &Readers, object: &JsValue) -> JsValue;

    /// `Object.getPrototypeOf(object)`, or the marker.
    #[wasm_bindgen(method)]
    pub fn proto(this: &Readers, object: &JsValue) -> JsValue;

    /// `Array.isArray(value)` as 1 or 0; 2 when it throws (a revoked Proxy).
    #[wasm_bindgen(method, js_name = isArray)]
    pub fn is_array(this: &Readers, value: &JsValue) -> u32;

    /// `Date.prototype.getTime.call(value)`, or the marker (not a real Date).
    #[wasm_bindgen(method)]
    pub fn time(this: &Readers, value: &JsValue) -> JsValue;

    /// `Array.from(value)`, or the marker.
    #[wasm_bindgen(method)]
    pub fn items(this: &Readers, value: &JsValue) -> JsValue;

    #[wasm_bindgen(method, js_name = isMarker)]
    fn is_marker_js(this: &Readers, value: &JsValue) -> bool;
}

impl Readers {
    /// Whether a read failed: the marker is a symbol, so other values are
    /// told apart without a call.
    pub fn failed(&self, value: &JsValue) -> bool {
        value.is_symbol() && self.is_marker_js(value)
    }
}
