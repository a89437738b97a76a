//! The one way user input (a key, a path, a value) enters a message: at most
//! `QUOTE_CHARS` characters of it. A 64 KiB key in every message of a
//! thousand issues would make the output grow with the square of the body;
//! the issue's `path` stays exact, the message only has to be read.

use std::borrow::Cow;

/// The most characters of user input a message quotes.
pub const QUOTE_CHARS: usize = 200;

/// What stands for the characters left out.
pub const ELLIPSIS: char = '…';

/// `text` if it has at most `QUOTE_CHARS` characters; otherwise its first and
/// last `QUOTE_CHARS / 2` characters around `…`, so a long path still shows
/// where it starts and where it ends. Reads at most `QUOTE_CHARS + 1`
/// characters from each end, whatever the length of `text`.
pub fn quote(text: &str) -> Cow<'_, str> {
    // A string of at most QUOTE_CHARS bytes has at most that many characters.
    if text.len() <= QUOTE_CHARS || text.chars().nth(QUOTE_CHARS).is_none() {
        return Cow::Borrowed(text);
    }
    let half = QUOTE_CHARS / 2;
    let head_end = text.char_indices().nth(half).map_or(text.len(), |(i, _)| i);
    let tail_start = text
        .char_indices()
        .rev()
        .nth(half - 1)
        .map_or(head_end, |(i, _)| i);
    let (head, tail) = (
        text.get(..head_end).unwrap_or_default(),
        text.get(tail_start..).unwrap_or_default(),
    );
    let mut out = String::with_capacity(head.len() + tail.len() + ELLIPSIS.len_utf8());
    out.push_str(head);
    out.push(ELLIPSIS);
    out.push_str(tail);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_quoted_whole() {
        for text in ["", "a", "metadata/a", &"é".repeat(200), &"x".repeat(200)] {
            assert_eq!(quote(text), text);
        }
    }

    #[test]
    fn long_text_keeps_both_ends() {
        let text = format!("metadata/{}/3", "k".repeat(100_000));
        let q = quote(&text);
        assert_eq!(q.chars().count(), QUOTE_CHARS + 1);
        assert!(q.starts_with("metadata/kkk"));
        assert!(q.ends_with("kkk/3"));
        assert_eq!(q.chars().filter(|&c| c == ELLIPSIS).count(), 1);
    }

    #[test]
    fn multibyte_text_is_cut_on_characters() {
        let text = "é🙂".repeat(150);
        let q = quote(&text);
        assert_eq!(q.chars().count(), QUOTE_CHARS + 1);
        assert!(q.starts_with("é🙂"));
        assert!(q.ends_with("é🙂"));
        assert_eq!(quote(&"é".repeat(201)).chars().count(), QUOTE_CHARS + 1);
    }
}
