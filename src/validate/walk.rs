//! Free-form values (metadata, unknown fields, values of the wrong type):
//! walked with an explicit stack, checking limits, keys and JSON-ness. A
//! value over a limit is reported at its own path and skipped (read, not
//! looked into), and the walk goes on with what follows.

use super::{Flow, Frame, Run, Stop};
use crate::issue::IssueCode;
use crate::known_key::KnownKey;
use crate::location::Span;
use crate::token::{ItemCheck, ItemRule, MemberCheck, Token};

/// The key that changes an object's prototype in JavaScript.
pub(super) const PROTO: &str = "__proto__";

impl Run<'_> {
    /// Enters a member whose key was just read: counts it, pushes its path,
    /// and checks its length, repetition and name. `false` when its value is
    /// not to be looked into: the key is over the length limit, or the event
    /// is past `maxKeys` (reported once; after it only the event's name is
    /// still checked).
    pub(super) fn key(&mut self, chars: usize, duplicate: bool, known: Option<KnownKey>) -> bool {
        self.keys += 1;
        // The key's text asked for once (a call through the source).
        let key = self.src.text();
        // A known key says which it is (and is never `__proto__`): no
        // comparison of its text.
        let (is_event_field, is_proto) = match known {
            Some(known) => (known == KnownKey::EVENT, false),
            None => (key == crate::rules::EVENT_FIELD, key == PROTO),
        };
        self.key_bytes += key.len();
        match known {
            Some(_) => self.path.push_plain_key(key),
            None => self.path.push_key(key),
        }
        if self.keys > self.limits.max_keys && !self.skimming {
            let max = self.limits.max_keys;
            self.limit(max, "maxKeys", &|_| {
                format!("The event has more keys in all than the limit of {max} (maxKeys).")
            });
            self.skimming = true;
        }
        // Reported even for a key too long to look into (which value the
        // backend keeps is a question whatever the key), and past `maxKeys`
        // for the event's name, whose checks stay right.
        let is_name = self.path.depth() == 1 && is_event_field;
        if duplicate && (!self.skimming || is_name) {
            self.report_with(IssueCode::DuplicateKey, |run, d| {
                run.labelled(d, &|label| {
                    format!(
                        "The key {label} appears twice in the same object; the backend may keep either value, so send it once."
                    )
                });
            });
        }
        if self.skimming {
            return false;
        }
        if chars > self.limits.max_string_length {
            let max = self.limits.max_string_length;
            self.limit(max, "maxStringLength", &|label| {
                format!(
                    "The key {label} has {chars} characters, more than the limit of {max} (maxStringLength)."
                )
            });
            return false;
        }
        if is_proto {
            self.report_with(IssueCode::ForbiddenKey, |run, d| {
                run.labelled(d, &|label| {
                    format!(
                        "The key {label} is forbidden: JavaScript backends treat __proto__ as the object's prototype."
                    )
                });
            });
        }
        true
    }

    /// Counts the item of an array whose first token, `first`, was just read
    /// (`count` items so far, the array's `[` at `start`) and pushes its
    /// index. Past the item limit, the array is reported at its own path and
    /// place, the rest of it is read unchecked, and `false` says it has ended.
    pub(super) fn item(
        &mut self,
        count: &mut usize,
        first: Token,
        start: Option<Span>,
    ) -> Result<bool, Stop> {
        *count += 1;
        let max = self.limits.max_array_items;
        if *count <= max {
            self.path.push_index(*count - 1);
            return Ok(true);
        }
        self.skip(first)?;
        self.skip_open(1)?;
        let kept = self.limit(max, "maxArrayItems", &|label| {
            format!("{label} has more items than the limit of {max} (maxArrayItems).")
        });
        let end = self.src.span();
        if let (Some(issue), Some(start), Some(end)) =
            (kept.and_then(|k| self.issues.get_mut(k)), start, end)
        {
            issue.span = Some(Span {
                offset: start.offset,
                length: end.end().saturating_sub(start.offset),
            });
        }
        Ok(false)
    }

    /// Checks that the value at `depth`, whose first token `first` was just
    /// read, is not nested too deep. If it is, it is reported and skipped,
    /// and `false` says so.
    pub(super) fn within_depth(&mut self, depth: usize, first: Token) -> Result<bool, Stop> {
        let max = self.limits.max_depth;
        if depth <= max {
            return Ok(true);
        }
        let kept = self.limit(max, "maxDepth", &|label| {
            format!(
                "{label} is nested {depth} levels deep, more than the limit of {max} (maxDepth)."
            )
        });
        if matches!(first, Token::ObjectStart | Token::ArrayStart) {
            self.skip(first)?;
            self.stretch(kept);
        }
        Ok(false)
    }

    /// Reads past the value whose first token, `first`, was just read,
    /// checking nothing but that it is JSON.
    pub(super) fn skip(&mut self, first: Token) -> Flow {
        if matches!(first, Token::ObjectStart | Token::ArrayStart) {
            self.skip_open(1)
        } else {
            Ok(())
        }
    }

    /// Reads past the rest of the `open` innermost open containers.
    fn skip_open(&mut self, open: usize) -> Flow {
        for _ in 0..open {
            if let Err(e) = self.src.skip_container() {
                return Err(self.not_json(e));
            }
        }
        Ok(())
    }

    /// Walks any value whose first token was just read, at the current path.
    pub(super) fn any_value(&mut self, first: Token, depth: usize) -> Flow {
        if !self.within_depth(depth, first)? {
            return Ok(());
        }
        let object = match first {
            Token::ObjectStart => true,
            Token::ArrayStart => false,
            scalar => return self.scalar(scalar),
        };
        let mut stack = std::mem::take(&mut self.frames);
        stack.clear();
        stack.push(Frame {
            object,
            items: 0,
            quiet: true,
            start: self.src.span(),
        });
        let flow = self.containers(&mut stack, depth);
        self.frames = stack;
        flow
    }

    fn containers(&mut self, stack: &mut Vec<Frame>, depth: usize) -> Flow {
        let base = self.path.depth();
        while !stack.is_empty() {
            if self.skimming {
                // Past `maxKeys`: the rest of this value is read, not checked.
                self.skip_open(stack.len())?;
                self.path.truncate(base);
                stack.clear();
                break;
            }
            let child_depth = depth + stack.len();
            let Some(top) = stack.last_mut() else { break };
            let quiet = if child_depth > self.limits.max_depth {
                None
            } else if top.object {
                if top.quiet {
                    self.quiet_members(&mut top.quiet)?
                } else {
                    None
                }
            } else {
                self.quiet_items(&mut top.items, ItemRule::FreeForm)?
            };
            let token = match quiet {
                Some(token) => token,
                None => self.next()?,
            };
            match token {
                Token::ObjectEnd | Token::ArrayEnd => {
                    stack.pop();
                    if !stack.is_empty() {
                        self.path.pop();
                    }
                    continue;
                }
                Token::Key {
                    chars,
                    duplicate,
                    known,
                } => {
                    if !self.key(chars, duplicate, known) && !self.skimming {
                        let value = self.next()?;
                        self.skip(value)?;
                        self.path.pop();
                    }
                    continue;
                }
                _ => {}
            }
            if !top.object && !self.item(&mut top.items, token, top.start)? {
                // Over the item limit: the array has been read to its end.
                stack.pop();
                if !stack.is_empty() {
                    self.path.pop();
                }
                continue;
            }
            if !self.within_depth(child_depth, token)? {
                self.path.pop();
                continue;
            }
            match token {
                Token::ObjectStart | Token::ArrayStart => stack.push(Frame {
                    object: token == Token::ObjectStart,
                    items: 0,
                    quiet: true,
                    start: self.src.span(),
                }),
                scalar => {
                    self.scalar(scalar)?;
                    self.path.pop();
                }
            }
        }
        Ok(())
    }

    /// The fast lane through an array whose items are at a depth within the
    /// limit (`count` items so far): reads on while each item is a scalar
    /// that needs no more than a look or a count under `rule` (it does what
    /// the walk would, given the sink and the limits: src/validate/quiet.rs),
    /// up to the item limit. The path is not pushed for them, and no issue
    /// is built. Returns the token that ended the run, already read, or
    /// `None` at the item limit.
    pub(super) fn quiet_items(
        &mut self,
        count: &mut usize,
        rule: ItemRule,
    ) -> Result<Option<Token>, Stop> {
        let mut check = ItemCheck::new(rule, self.issues.tally(), self.limits.max_string_length);
        let room = self.limits.max_array_items.saturating_sub(*count);
        let read = self.src.quiet_items_with(room, &mut check);
        self.issues.add(check.tally);
        match read {
            Ok((n, token)) => {
                *count += n;
                Ok(token)
            }
            Err(e) => Err(self.not_json(e)),
        }
    }

    /// The fast lane through an object whose members are at a depth within
    /// the limit: reads on while each member is one the walk would report
    /// nothing about (src/validate/quiet.rs), or only count past the issue
    /// cap, up to `maxKeys`. Their paths are not pushed and no issue is
    /// built; their keys are counted as `key` counts them. Returns the key
    /// that ended the run, already read, or `None`; `lane` is cleared when
    /// the source read nothing, so that a source without a lane is asked
    /// once per object, not once per member.
    pub(super) fn quiet_members(&mut self, lane: &mut bool) -> Result<Option<Token>, Stop> {
        let max = self.limits.max_string_length;
        let mut members = MemberCheck::new(self.limits.max_keys.saturating_sub(self.keys), max);
        let mut check = ItemCheck::new(ItemRule::FreeForm, self.issues.tally(), max);
        let read = self.src.quiet_members_with(&mut members, &mut check);
        self.issues.add(check.tally);
        self.keys += members.read;
        self.key_bytes += members.key_bytes;
        match read {
            Ok(token) => {
                *lane = token.is_some() || members.read > 0;
                Ok(token)
            }
            Err(e) => Err(self.not_json(e)),
        }
    }

    /// A scalar anywhere: strings within the length limit, numbers finite,
    /// nothing that JSON cannot carry.
    pub(super) fn scalar(&mut self, token: Token) -> Flow {
        match token {
            Token::String { chars } => self.string_length(chars),
            Token::Number(n) if !n.is_finite() => {
                self.report_with(IssueCode::NotJson, |run, d| {
                    run.labelled(d, &|label| {
                        format!(
                            "{label} is {}, which JSON cannot represent as a number.",
                            run.number(n)
                        )
                    })
                    .received(run.received(token));
                });
            }
            Token::Foreign => {
                self.report_with(IssueCode::NotJson, |run, d| {
                    let received = run.received(token);
                    run.labelled(d, &|label| {
                        format!("{label} is {received}, which is not JSON data.")
                    })
                    .received(received);
                });
            }
            _ => {}
        }
        Ok(())
    }

    /// Checks a string's length (other than the event name's).
    pub(super) fn string_length(&mut self, chars: usize) {
        let max = self.limits.max_string_length;
        if chars > max {
            self.limit(max, "maxStringLength", &|label| {
                format!("{label} has {chars} characters, more than the limit of {max} (maxStringLength).")
            });
        }
    }
}
