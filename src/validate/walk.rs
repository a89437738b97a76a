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
        let key = self.src.text();
        self.key_bytes += key.len();
        self.path.push_key(key);
        if self.keys > self.limits.max_keys {
            let max = self.limits.max_keys;
            self.limit(
                |_| format!("The event has more than {max} keys in all"),
                "maxKeys",
                max,
            );
            return Err(Stop);
        }
        if chars > self.limits.max_string_length {
            let what = |run: &Self| format!("The key {} has {chars} characters", run.path.label());
            self.limit(what, "maxStringLength", self.limits.max_string_length);
        }
        if duplicate {
            self.report_with(IssueCode::DuplicateKey, |run| {
                let message = format!(
                    "The key {} appears twice in the same object; the backend may keep either value, so send it once.",
                    run.path.label()
                );
                run.here(IssueCode::DuplicateKey, message)
            });
        }
        if self.src.text() == PROTO {
            self.report_with(IssueCode::ForbiddenKey, |run| {
                let message = format!(
                    "The key {} is forbidden: JavaScript backends treat __proto__ as the object's prototype.",
                    run.path.label()
                );
                run.here(IssueCode::ForbiddenKey, message)
            });
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
                |_| format!("The array has more than {max} items"),
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
            let what = |run: &Self| format!("{} is nested {depth} levels deep", run.path.label());
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
            Token::Number(n) if !n.is_finite() => self.report_with(IssueCode::NotJson, |run| {
                let message = format!(
                    "{} is {}, which JSON cannot represent as a number.",
                    run.path.label(),
                    run.number(n)
                );
                run.here(IssueCode::NotJson, message)
                    .received(run.received(token))
            }),
            Token::Foreign => self.report_with(IssueCode::NotJson, |run| {
                let received = run.received(token);
                let message = format!(
                    "{} is {received}, which is not JSON data.",
                    run.path.label()
                );
                run.here(IssueCode::NotJson, message).received(received)
            }),
            _ => {}
        }
        Ok(())
    }

    /// Checks a string's length (other than the event name's).
    pub(super) fn string_length(&mut self, chars: usize) {
        if chars > self.limits.max_string_length {
            let what = |run: &Self| format!("{} has {chars} characters", run.path.label());
            self.limit(what, "maxStringLength", self.limits.max_string_length);
        }
    }
}
