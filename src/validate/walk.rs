//! Free-form values (metadata, unknown fields, values of the wrong type):
//! walked with an explicit stack, checking limits, keys and JSON-ness.

use super::{Flow, Frame, Run, Stop};
use crate::issue::IssueCode;
use crate::token::Token;

/// The key that changes an object's prototype in JavaScript.
const PROTO: &str = "__proto__";

impl Run<'_> {
    /// Enters a member whose key was just read: counts it, pushes its path,
    /// and checks its length, repetition and name.
    pub(super) fn key(&mut self, chars: usize, duplicate: bool) -> Flow {
        self.keys += 1;
        self.path.push_key(self.src.text());
        if self.keys > self.limits.max_keys {
            let what = format!(
                "The event has more than {} keys in all",
                self.limits.max_keys
            );
            self.limit(what, "maxKeys", self.limits.max_keys);
            return Err(Stop);
        }
        if chars > self.limits.max_string_length {
            let what = format!("The key {} has {chars} characters", self.path.label());
            self.limit(what, "maxStringLength", self.limits.max_string_length);
        }
        if duplicate {
            let message = format!(
                "The key {} appears twice in the same object; the backend may keep either value, so send it once.",
                self.path.label()
            );
            let issue = self.here(IssueCode::DuplicateKey, message);
            self.report(issue);
        }
        if self.src.text() == PROTO {
            let message = format!(
                "The key {} is forbidden: JavaScript backends treat __proto__ as the object's prototype.",
                self.path.label()
            );
            let issue = self.here(IssueCode::ForbiddenKey, message);
            self.report(issue);
        }
        Ok(())
    }

    /// Enters the next item of an array that has `count` items so far:
    /// pushes its index and checks the item limit.
    pub(super) fn item(&mut self, count: &mut usize) -> Flow {
        self.path.push_index(*count);
        *count += 1;
        if *count > self.limits.max_array_items {
            let max = self.limits.max_array_items;
            self.limit(
                format!("The array has more than {max} items"),
                "maxArrayItems",
                max,
            );
            return Err(Stop);
        }
        Ok(())
    }

    /// Checks that a value at `depth` is not nested too deep.
    pub(super) fn depth(&mut self, depth: usize) -> Flow {
        if depth > self.limits.max_depth {
            let what = format!("{} is nested {depth} levels deep", self.path.label());
            self.limit(what, "maxDepth", self.limits.max_depth);
            return Err(Stop);
        }
        Ok(())
    }

    /// Walks any value whose first token was just read, at the current path.
    pub(super) fn any_value(&mut self, first: Token, depth: usize) -> Flow {
        self.depth(depth)?;
        let object = match first {
            Token::ObjectStart => true,
            Token::ArrayStart => false,
            scalar => return self.scalar(scalar),
        };
        let mut stack = std::mem::take(&mut self.frames);
        stack.clear();
        stack.push(Frame { object, items: 0 });
        let flow = self.containers(&mut stack, depth);
        self.frames = stack;
        flow
    }

    fn containers(&mut self, stack: &mut Vec<Frame>, depth: usize) -> Flow {
        while !stack.is_empty() {
            let token = self.next()?;
            let child_depth = depth + stack.len();
            let Some(top) = stack.last_mut() else { break };
            match token {
                Token::ObjectEnd | Token::ArrayEnd => {
                    stack.pop();
                    if !stack.is_empty() {
                        self.path.pop();
                    }
                    continue;
                }
                Token::Key { chars, duplicate } => {
                    self.key(chars, duplicate)?;
                    continue;
                }
                _ => {}
            }
            if !top.object {
                self.item(&mut top.items)?;
            }
            self.depth(child_depth)?;
            match token {
                Token::ObjectStart => stack.push(Frame {
                    object: true,
                    items: 0,
                }),
                Token::ArrayStart => stack.push(Frame {
                    object: false,
                    items: 0,
                }),
                scalar => {
                    self.scalar(scalar)?;
                    self.path.pop();
                }
            }
        }
        Ok(())
    }

    /// A scalar anywhere: strings within the length limit, numbers finite,
    /// nothing that JSON cannot carry.
    pub(super) fn scalar(&mut self, token: Token) -> Flow {
        match token {
            Token::String { chars } => self.string_length(chars),
            Token::Number(n) if !n.is_finite() => {
                let message = format!(
                    "{} is {}, which JSON cannot represent as a number.",
                    self.path.label(),
                    self.number(n)
                );
                let issue = self
                    .here(IssueCode::NotJson, message)
                    .received(self.received(token));
                self.report(issue);
            }
            Token::Foreign => {
                let received = self.received(token);
                let message = format!(
                    "{} is {received}, which is not JSON data.",
                    self.path.label()
                );
                let issue = self.here(IssueCode::NotJson, message).received(received);
                self.report(issue);
            }
            _ => {}
        }
        Ok(())
    }

    /// Checks a string's length (other than the event name's).
    pub(super) fn string_length(&mut self, chars: usize) {
        if chars > self.limits.max_string_length {
            let what = format!("{} has {chars} characters", self.path.label());
            self.limit(what, "maxStringLength", self.limits.max_string_length);
        }
    }
}
