//! Tokens of an already parsed `serde_json::Value`, for Rust services.

use serde_json::Value;

use crate::token::{Source, SourceError, Token};

enum Cursor<'v> {
    Object(serde_json::map::Iter<'v>),
    Array(std::slice::Iter<'v, Value>),
}

/// Walks a `serde_json::Value` with an explicit stack.
pub struct ValueSource<'v> {
    next_value: Option<&'v Value>,
    stack: Vec<Cursor<'v>>,
    text: &'v str,
    number: Option<&'v serde_json::Number>,
}

impl<'v> ValueSource<'v> {
    /// A source over `value`.
    pub fn new(value: &'v Value) -> ValueSource<'v> {
        ValueSource {
            next_value: Some(value),
            stack: Vec::new(),
            text: "",
            number: None,
        }
    }

    fn value(&mut self, value: &'v Value) -> Token {
        match value {
            Value::Null => Token::Null,
            Value::Bool(b) => Token::Bool(*b),
            Value::Number(n) => {
                self.number = Some(n);
                Token::Number(n.as_f64().unwrap_or(f64::NAN))
            }
            Value::String(s) => {
                self.text = s;
                Token::String {
                    chars: s.chars().count(),
                }
            }
            Value::Array(items) => {
                self.stack.push(Cursor::Array(items.iter()));
                Token::ArrayStart
            }
            Value::Object(map) => {
                self.stack.push(Cursor::Object(map.iter()));
                Token::ObjectStart
            }
        }
    }
}

impl Source for ValueSource<'_> {
    fn next_token(&mut self) -> Result<Token, SourceError> {
        if let Some(value) = self.next_value.take() {
            return Ok(self.value(value));
        }
        let step = match self.stack.last_mut() {
            None => {
                return Err(SourceError {
                    span: Default::default(),
                    message: "The value has ended.".into(),
                })
            }
            Some(Cursor::Object(members)) => members.next().map(|(k, v)| {
                self.next_value = Some(v);
                self.text = k;
                Token::Key {
                    chars: k.chars().count(),
                    duplicate: false,
                    known: None,
                }
            }),
            Some(Cursor::Array(items)) => match items.next() {
                Some(item) => return Ok(self.value(item)),
                None => None,
            },
        };
        Ok(step.unwrap_or_else(|| match self.stack.pop() {
            Some(Cursor::Object(_)) => Token::ObjectEnd,
            _ => Token::ArrayEnd,
        }))
    }

    fn text(&self) -> &str {
        self.text
    }

    fn skip_container(&mut self) -> Result<(), SourceError> {
        self.next_value = None;
        self.stack.pop();
        Ok(())
    }

    fn number_text(&self, n: f64) -> String {
        // As serde_json writes it, so a value and its JSON text read alike.
        self.number
            .map_or_else(|| n.to_string(), ToString::to_string)
    }
}
