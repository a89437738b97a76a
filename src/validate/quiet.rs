//! The walk's fast lanes through long arrays and objects: which items and
//! members need no more than a look (or, past the issue cap, a count), as
//! `ItemCheck::accept` and `MemberCheck::accept_key` decide for the
//! source's loop. Each rule does what the careful walk would do
//! with the item given the sink and the limits; `false` sends the item to
//! the careful walk, which builds its issue.

use super::fields::timestamp_issue_code;
use crate::issue::IssueCode;
use crate::token::{ItemCheck, ItemRule, MemberCheck, Token};

impl MemberCheck {
    /// A check of the members of one object, of which `room` may be read,
    /// under the string length limit.
    pub(super) fn new(room: usize, max_string_length: usize) -> Self {
        MemberCheck {
            room,
            max_string_length,
            read: 0,
            key_bytes: 0,
        }
    }

    /// Whether a key (of `chars` characters, its decoded `text`) needs
    /// nothing but this look: `Run::key` would report nothing about it.
    #[inline(always)]
    pub fn accept_key(&self, chars: usize, duplicate: bool, text: &str) -> bool {
        !duplicate && chars <= self.max_string_length && text != super::walk::PROTO
    }
}

impl ItemCheck {
    /// A check of the items of one array, under `rule`, with the issue
    /// sink's `tally` and the string length limit.
    pub(super) fn new(rule: ItemRule, tally: crate::sink::Tally, max_string_length: usize) -> Self {
        ItemCheck {
            rule,
            tally,
            max_string_length,
        }
    }

    /// Whether `token`, an item of the array, needs nothing but this look
    /// (an issue it has past the cap is counted here).
    // Always: inlined into the source's loop is the point of the check as data.
    #[inline(always)]
    pub fn accept(&mut self, token: Token) -> bool {
        match self.rule {
            ItemRule::FreeForm => self.free_form(token),
            ItemRule::Timestamps => self.timestamp(token),
        }
    }

    /// An item of a free-form array: `Run::scalar`, given the sink.
    #[inline(always)]
    fn free_form(&mut self, token: Token) -> bool {
        let tally = &mut self.tally;
        match token {
            Token::Null | Token::Bool(_) => true,
            Token::Number(n) => n.is_finite() || tally.left_out(IssueCode::NotJson),
            Token::String { chars } => {
                chars <= self.max_string_length || tally.left_out(IssueCode::LimitExceeded)
            }
            Token::Foreign => tally.left_out(IssueCode::NotJson),
            _ => false,
        }
    }

    /// An item of a timestamp array: what `Run::timestamps` would do.
    #[inline(always)]
    fn timestamp(&mut self, token: Token) -> bool {
        let tally = &mut self.tally;
        match token {
            Token::Number(n) => match timestamp_issue_code(n) {
                None => true,
                Some(code) => tally.left_out(code),
            },
            Token::String { chars } => {
                if !tally.left_out(IssueCode::InvalidType) {
                    return false;
                }
                if chars > self.max_string_length {
                    tally.left_out(IssueCode::LimitExceeded);
                }
                true
            }
            Token::Null | Token::Bool(_) => tally.left_out(IssueCode::InvalidType),
            Token::Foreign => tally.left_out(IssueCode::NotJson),
            _ => false,
        }
    }
}
