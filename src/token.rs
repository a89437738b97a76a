//! The stream the validator reads: JSON text and JS values both become
//! tokens, so one validator serves both without building a tree first.

use crate::known_key::KnownKey;
use crate::location::{Offsets, Span};

/// One step of a walk over a JSON-like value. Strings carry only their length;
/// their text is asked of the source (`Source::text`) when a rule needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Token {
    /// `{`
    ObjectStart,
    /// A member's key; its text is `Source::text`.
    Key {
        /// Characters (code points) of the key.
        chars: usize,
        /// The same key already appeared in this object (JSON text only).
        duplicate: bool,
        /// Which key of the rule table it is, when the source says so (a
        /// JS value's tape for every key, JSON text for the event's own
        /// members): the walk then need not look the name up. `None` says
        /// nothing, and the name may still be a known one, unless the
        /// source `says_every_known_key`.
        known: Option<KnownKey>,
    },
    /// `}`
    ObjectEnd,
    /// `[`
    ArrayStart,
    /// `]`
    ArrayEnd,
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number. JS values may be `NaN` or infinite; JSON text may overflow to infinity.
    Number(f64),
    /// A string; its text is `Source::text`.
    String {
        /// Characters (code points) of the string. A tape's measured string
        /// (no text: `tape::measured`) gives its UTF-16 length, as many or
        /// more, and within `maxStringLength`, so with the same verdict.
        chars: usize,
    },
    /// A value JSON cannot carry (a function, a `Date`, a circular reference,
    /// a getter that throws…); `Source::text` describes it.
    Foreign,
}

/// Why a source cannot go on: the input is not JSON text at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SourceError {
    /// Where the problem is in the body: the character that cannot be read
    /// (empty at the end of the body).
    pub span: Span,
    /// What is wrong, in words, with line and column, and the fix when it is
    /// a common mistake.
    pub message: String,
}

/// A producer of tokens, read in document order.
pub trait Source {
    /// The next token. After an `Err`, the source is not read again.
    fn next_token(&mut self) -> Result<Token, SourceError>;

    /// The text of the last `Key`, `String` or `Foreign` token.
    fn text(&self) -> &str;

    /// The text of the last `Number` token, `n`, for messages: only asked for
    /// numbers that are not integers below 1e21.
    fn number_text(&self, n: f64) -> String;

    /// Whether a key of the event's own members that says no known key
    /// (`Token::Key::known` is `None`) is no known key: the source looked
    /// each one up (JSON text, a tape), so the walk does not again. False
    /// unless the source says so.
    fn says_every_known_key(&self) -> bool {
        false
    }

    /// Bytes of the text the last token covers; `None` for sources that are
    /// not text (JS values, parsed values). For `ObjectStart`/`ArrayStart`,
    /// the bracket alone.
    fn span(&self) -> Option<Span> {
        None
    }

    /// The text that spans index, and the units its locations count in;
    /// `None` when the source has no spans.
    fn located_text(&self) -> Option<(&[u8], Offsets)> {
        None
    }

    /// Reads past the rest of the innermost open container, up to and
    /// including its end: the walk does not look into it (a value over a
    /// limit). Text must be read to find the end; sources that hold the
    /// value already (JS values, parsed values) drop it without reading it.
    fn skip_container(&mut self) -> Result<(), SourceError> {
        let mut open = 1usize;
        while open > 0 {
            match self.next_token()? {
                Token::ObjectStart | Token::ArrayStart => open += 1,
                Token::ObjectEnd | Token::ArrayEnd => open -= 1,
                _ => {}
            }
        }
        Ok(())
    }

    /// Reads on through the innermost open array, which is inside the walk,
    /// while its items are scalars that `check` accepts, at most `max` of
    /// them: the walk's fast lane through long arrays, whose items mostly
    /// need no more than a look (or, past the issue cap, a count). Returns
    /// how many items `check` accepted and the token that ended the run,
    /// read as `next_token` reads it (the array's end, a container's start,
    /// a scalar `check` did not accept), or `None` after `max` items. A
    /// source that reads items in a loop of its own overrides this, so that
    /// `ItemCheck::accept` inlines into the loop (a call through `dyn` per
    /// item was most of what an array of a million small numbers cost).
    fn quiet_items_with(
        &mut self,
        max: usize,
        check: &mut ItemCheck,
    ) -> Result<(usize, Option<Token>), SourceError> {
        quiet_items_by_token(self, max, check)
    }

    /// Reads on through the members of the innermost open object, which is
    /// inside the walk, while `members` accepts each key and `check` its
    /// value (a scalar): the walk's fast lane through objects of many plain
    /// members (metadata), whose keys and values mostly need no more than a
    /// look. Counts in `members` what it read. Returns the key that ended
    /// the run when it read one, read as `next_token` reads it (its value
    /// not yet read), or `None` when it stopped between members. A source
    /// without such a lane reads nothing (this default).
    fn quiet_members_with(
        &mut self,
        members: &mut MemberCheck,
        check: &mut ItemCheck,
    ) -> Result<Option<Token>, SourceError> {
        let _ = (members, check);
        Ok(None)
    }

    /// Called when the top-level value is complete: JSON text checks that
    /// nothing but whitespace follows.
    fn finish(&mut self) -> Result<(), SourceError> {
        Ok(())
    }
}

/// What the walk's fast lane asks of each item of one array (see
/// `Source::quiet_items_with`): which rule the items follow, what the walk
/// would do about each, and a count of the issues left out past the cap.
/// Made by the walk (src/validate/quiet.rs says what it accepts).
pub struct ItemCheck {
    pub(crate) rule: ItemRule,
    pub(crate) tally: crate::sink::Tally,
    pub(crate) max_string_length: usize,
}

/// What the walk's fast lane through an object asks of each key (see
/// `Source::quiet_members_with`; src/validate/quiet.rs says what it
/// accepts), and what the lane counted for the walk.
pub struct MemberCheck {
    /// Members the lane may read at most (the keys left under `maxKeys`).
    pub(crate) room: usize,
    pub(crate) max_string_length: usize,
    /// Members read so far.
    pub(crate) read: usize,
    /// Bytes of their keys (decoded).
    pub(crate) key_bytes: usize,
}

/// The rule of the items an `ItemCheck` looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ItemRule {
    /// Items of a free-form value (metadata, an unknown field).
    FreeForm,
    /// Items of a timestamp array.
    Timestamps,
}

/// Whether `token` is a whole value with nothing inside it.
pub(crate) fn is_scalar(token: Token) -> bool {
    matches!(
        token,
        Token::Null | Token::Bool(_) | Token::Number(_) | Token::String { .. } | Token::Foreign
    )
}

/// A source with nothing in it, for results built without reading.
pub(crate) struct Empty;

impl Source for Empty {
    fn next_token(&mut self) -> Result<Token, SourceError> {
        Err(SourceError {
            span: Span::default(),
            message: String::new(),
        })
    }

    fn text(&self) -> &str {
        ""
    }

    fn number_text(&self, _: f64) -> String {
        String::new()
    }
}

/// `Source::quiet_items_with` the general way, a token at a time: what a
/// source without a faster lane does (and what one does outside an array).
pub(crate) fn quiet_items_by_token<S: Source + ?Sized>(
    source: &mut S,
    max: usize,
    check: &mut ItemCheck,
) -> Result<(usize, Option<Token>), SourceError> {
    let mut n = 0;
    while n < max {
        let token = source.next_token()?;
        if !is_scalar(token) || !check.accept(token) {
            return Ok((n, Some(token)));
        }
        n += 1;
    }
    Ok((n, None))
}
