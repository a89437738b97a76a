//! Tokens of a JS value, read through the JS API one property at a time.
//! Everything that can throw (getters, Proxy traps) is called with `catch`:
//! an exception unwinding through WebAssembly frames would leave the module's
//! state half-updated for the next call.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::token::{Source, SourceError, Token};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Object, js_name = getOwnPropertySymbols, catch)]
    fn own_symbols(value: &JsValue) -> Result<Array, JsValue>;

    // An exception thrown through WebAssembly frames skips their epilogues:
    // the shadow stack pointer is not restored, and after a few thousand such
    // calls the module traps ("memory access out of bounds") on every call.
    // So even `Array.isArray` is caught: it throws for a revoked Proxy.
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn try_is_array(value: &JsValue) -> Result<bool, JsValue>;

    /// `Array.from`, catching what an iterator, a getter or a Proxy throws.
    #[wasm_bindgen(js_namespace = Array, js_name = from, catch)]
    pub(super) fn array_from(value: &JsValue) -> Result<Array, JsValue>;

    /// `Date.prototype.getTime.call(value)`: it throws for an object that
    /// only inherits from `Date.prototype`, which `instanceof Date` accepts.
    #[wasm_bindgen(js_namespace = ["Date", "prototype", "getTime"], js_name = call, catch)]
    pub(super) fn date_time(value: &JsValue) -> Result<f64, JsValue>;
}

/// `Array.isArray(value)`; `None` when it throws (a revoked Proxy).
pub(super) fn is_array(value: &JsValue) -> Option<bool> {
    try_is_array(value).ok()
}

enum Cursor {
    Object {
        object: JsValue,
        keys: Array,
        symbols: Array,
        index: u32,
    },
    Array {
        array: JsValue,
        length: u32,
        index: u32,
    },
}

/// What the next token is, when it is already known.
enum Pending {
    Nothing,
    Value(JsValue),
    Foreign(&'static str),
}

/// Walks a JS value with an explicit stack, as `JSON.stringify` would see it,
/// but reporting what it would silently drop or change.
pub struct JsSource {
    pending: Pending,
    stack: Vec<Cursor>,
    text: String,
}

impl JsSource {
    /// A source over `value`.
    pub fn new(value: JsValue) -> JsSource {
        JsSource {
            pending: Pending::Value(value),
            stack: Vec::new(),
            text: String::new(),
        }
    }

    fn foreign(&mut self, what: impl Into<String>) -> Token {
        self.text = what.into();
        Token::Foreign
    }

    fn on_path(&self, value: &JsValue) -> bool {
        self.stack.iter().any(|c| match c {
            Cursor::Object { object, .. } => object == value,
            Cursor::Array { array, .. } => array == value,
        })
    }

    fn value(&mut self, value: JsValue) -> Token {
        if value.is_null() {
            return Token::Null;
        }
        if let Some(b) = value.as_bool() {
            return Token::Bool(b);
        }
        if let Some(n) = value.as_f64() {
            return Token::Number(n);
        }
        if let Some(s) = value.as_string() {
            // Crossing into Rust turns a lone surrogate into U+FFFD; JSON.stringify
            // would send it as an escape the JSON path rejects, so reject it here too.
            if s.as_bytes().windows(3).any(|w| w == "\u{fffd}".as_bytes())
                && JsValue::from_str(&s) != value
            {
                return self.foreign("a string with a lone surrogate (half of a UTF-16 pair), which is not Unicode text");
            }
            let chars = s.chars().count();
            self.text = s;
            return Token::String { chars };
        }
        if value.is_undefined() {
            return self.foreign("undefined");
        }
        if value.is_function() {
            return self.foreign("a function");
        }
        if value.is_symbol() {
            return self.foreign("a symbol");
        }
        if value.is_bigint() {
            return self.foreign("a BigInt");
        }
        if !value.is_object() {
            return self.foreign("a value of an unknown kind");
        }
        if self.on_path(&value) {
            return self.foreign("a circular reference (an object that contains itself)");
        }
        let Some(is_array) = is_array(&value) else {
            return self.foreign("a revoked Proxy");
        };
        if is_array {
            let length = Reflect::get(&value, &JsValue::from_str("length"))
                .ok()
                .and_then(|l| l.as_f64());
            let Some(length) = length else {
                return self.foreign("an array whose length cannot be read");
            };
            self.stack.push(Cursor::Array {
                array: value,
                length: length as u32,
                index: 0,
            });
            return Token::ArrayStart;
        }
        match plain(&value) {
            Ok(()) => {}
            Err(what) => return self.foreign(what),
        }
        let (Ok(keys), Ok(symbols)) = (super::args::object_keys(&value), own_symbols(&value))
        else {
            return self.foreign("an object whose keys cannot be read (a Proxy that throws)");
        };
        self.stack.push(Cursor::Object {
            object: value,
            keys,
            symbols,
            index: 0,
        });
        Token::ObjectStart
    }
}

/// `Ok` for a plain object (its prototype is `null` or some realm's
/// `Object.prototype`); otherwise what it is, e.g. `a Date object`.
fn plain(value: &JsValue) -> Result<(), String> {
    let unreadable = || "an object whose prototype cannot be read (a Proxy that throws)".to_owned();
    let proto = Reflect::get_prototype_of(value).map_err(|_| unreadable())?;
    if proto.is_null() {
        return Ok(());
    }
    let grand = Reflect::get_prototype_of(&proto).map_err(|_| unreadable())?;
    if grand.is_null() {
        return Ok(());
    }
    let name = Reflect::get(&proto, &JsValue::from_str("constructor"))
        .and_then(|c| Reflect::get(&c, &JsValue::from_str("name")))
        .ok()
        .and_then(|n| n.as_string())
        .filter(|n| !n.is_empty());
    Err(match name {
        Some(name) => format!("a {name} object"),
        None => "an object with a custom prototype".into(),
    })
}

impl Source for JsSource {
    fn next_token(&mut self) -> Result<Token, SourceError> {
        match std::mem::replace(&mut self.pending, Pending::Nothing) {
            Pending::Value(value) => return Ok(self.value(value)),
            Pending::Foreign(what) => return Ok(self.foreign(what)),
            Pending::Nothing => {}
        }
        loop {
            let Some(top) = self.stack.last_mut() else {
                return Err(SourceError {
                    offset: 0,
                    message: "The value has ended.".into(),
                });
            };
            match top {
                Cursor::Array {
                    array,
                    length,
                    index,
                } => {
                    if *index >= *length {
                        self.stack.pop();
                        return Ok(Token::ArrayEnd);
                    }
                    let item = Reflect::get_u32(array, *index);
                    *index += 1;
                    return Ok(match item {
                        Ok(item) if item.is_undefined() => {
                            self.foreign("undefined (an empty slot or an undefined item)")
                        }
                        Ok(item) => self.value(item),
                        Err(_) => self.foreign("an item whose getter throws"),
                    });
                }
                Cursor::Object {
                    object,
                    keys,
                    symbols,
                    index,
                } => {
                    let i = *index;
                    *index += 1;
                    let key_count = keys.length();
                    let (name, pending) = if i < key_count {
                        let key = keys.get(i);
                        let pending = match Reflect::get(object, &key) {
                            // `undefined` counts as absent, as in JSON.stringify.
                            Ok(v) if v.is_undefined() => continue,
                            Ok(v) => Pending::Value(v),
                            Err(_) => Pending::Foreign("a property whose getter throws"),
                        };
                        (key.as_string().unwrap_or_default(), pending)
                    } else if i - key_count < symbols.length() {
                        let symbol = symbols.get(i - key_count);
                        let name = symbol
                            .dyn_ref::<js_sys::Symbol>()
                            .map(|s| String::from(s.to_string()))
                            .unwrap_or_else(|| "Symbol()".into());
                        (
                            name,
                            Pending::Foreign("a property with a symbol key, which JSON drops"),
                        )
                    } else {
                        self.stack.pop();
                        return Ok(Token::ObjectEnd);
                    };
                    self.pending = pending;
                    let chars = name.chars().count();
                    self.text = name;
                    return Ok(Token::Key {
                        chars,
                        duplicate: false,
                    });
                }
            }
        }
    }

    fn text(&self) -> &str {
        &self.text
    }

    fn number_text(&self, n: f64) -> String {
        js_number(n)
    }
}

/// A number as JavaScript prints it.
pub(super) fn js_number(n: f64) -> String {
    js_sys::Number::from(n)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}
