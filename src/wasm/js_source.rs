//! Tokens of a JS value, read one property at a time. Everything that can
//! throw (getters, Proxy traps) is read through `Readers`, which never throw:
//! an exception thrown through WebAssembly frames skips their epilogues (the
//! shadow stack pointer is not restored, and after a few thousand such calls
//! the module traps on every call).

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::readers::Readers;
use crate::tape::{class_object, describe_foreign};
use crate::token::{Source, SourceError, Token};

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
    readers: Readers,
}

impl JsSource {
    /// A source over `value`, read through `readers`.
    pub fn new(value: JsValue, readers: Readers) -> JsSource {
        JsSource {
            pending: Pending::Value(value),
            stack: Vec::new(),
            text: String::new(),
            readers,
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
                return self.foreign(describe_foreign("loneSurrogate"));
            }
            let chars = s.chars().count();
            self.text = s;
            return Token::String { chars };
        }
        if value.is_undefined() {
            return self.foreign(describe_foreign("undefined"));
        }
        if value.is_function() {
            return self.foreign(describe_foreign("function"));
        }
        if value.is_symbol() {
            return self.foreign(describe_foreign("symbol"));
        }
        if value.is_bigint() {
            return self.foreign(describe_foreign("bigint"));
        }
        if !value.is_object() {
            return self.foreign("a value of an unknown kind");
        }
        if self.on_path(&value) {
            return self.foreign("a circular reference (an object that contains itself)");
        }
        let is_array = match self.readers.is_array(&value) {
            0 => false,
            1 => true,
            _ => return self.foreign("a revoked Proxy"),
        };
        if is_array {
            let length = self
                .readers
                .get(&value, &JsValue::from_str("length"))
                .as_f64();
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
        if let Err(what) = plain(&self.readers, &value) {
            return self.foreign(what);
        }
        let (keys, symbols) = (self.readers.keys(&value), self.readers.symbols(&value));
        let (Some(keys), Some(symbols)) = (keys.dyn_ref::<Array>(), symbols.dyn_ref::<Array>())
        else {
            return self.foreign("an object whose keys cannot be read (a Proxy that throws)");
        };
        let (keys, symbols) = (keys.clone(), symbols.clone());
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
fn plain(readers: &Readers, value: &JsValue) -> Result<(), String> {
    let unreadable = || "an object whose prototype cannot be read (a Proxy that throws)".to_owned();
    let proto = readers.proto(value);
    if readers.failed(&proto) {
        return Err(unreadable());
    }
    if proto.is_null() {
        return Ok(());
    }
    let grand = readers.proto(&proto);
    if readers.failed(&grand) {
        return Err(unreadable());
    }
    if grand.is_null() {
        return Ok(());
    }
    let constructor = readers.get(&proto, &JsValue::from_str("constructor"));
    let name = readers
        .get(&constructor, &JsValue::from_str("name"))
        .as_string()
        .filter(|n| !n.is_empty());
    Err(match name {
        Some(name) => class_object(&name),
        None => describe_foreign("customPrototype").into(),
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
                    span: Default::default(),
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
                    let item = self
                        .readers
                        .get(array, &JsValue::from_f64(f64::from(*index)));
                    *index += 1;
                    return Ok(if item.is_undefined() {
                        self.foreign(describe_foreign("undefinedItem"))
                    } else if self.readers.failed(&item) {
                        self.foreign("an item whose getter throws")
                    } else {
                        self.value(item)
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
                        let value = self.readers.get(object, &key);
                        let pending = if value.is_undefined() {
                            // `undefined` counts as absent, as in JSON.stringify.
                            continue;
                        } else if self.readers.failed(&value) {
                            Pending::Foreign("a property whose getter throws")
                        } else {
                            Pending::Value(value)
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
                        known: None,
                    });
                }
            }
        }
    }

    fn text(&self) -> &str {
        &self.text
    }

    /// Drops the container without reading its properties: over a limit,
    /// nothing in it is looked at, so no getter of it runs either.
    fn skip_container(&mut self) -> Result<(), SourceError> {
        self.pending = Pending::Nothing;
        self.stack.pop();
        Ok(())
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
