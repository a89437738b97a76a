//! RFC 6901 JSON Pointers, built as the walk goes: keys are copied in as
//! they are entered, array indices only recorded, and the text is written
//! out only for an issue. An array of a thousand items costs a thousand
//! counter updates, not a thousand decimal numbers written and erased.

/// One level of a pointer.
#[derive(Debug, Clone, Copy)]
enum Segment {
    /// A member: `buf[start..end]` is `/` and the escaped key.
    Key { start: usize, end: usize },
    /// An array item.
    Index(usize),
}

/// A JSON Pointer under construction: push a segment when entering a value,
/// pop it when leaving.
#[derive(Debug, Default)]
pub struct Pointer {
    buf: String,
    segments: Vec<Segment>,
}

impl Pointer {
    /// Enters the member `key` of an object (`~` and `/` escaped as `~0`, `~1`).
    pub fn push_key(&mut self, key: &str) {
        let start = self.buf.len();
        self.buf.push('/');
        if needs_escape(key.as_bytes()) {
            for c in key.chars() {
                match c {
                    '~' => self.buf.push_str("~0"),
                    '/' => self.buf.push_str("~1"),
                    c => self.buf.push(c),
                }
            }
        } else {
            self.buf.push_str(key);
        }
        let end = self.buf.len();
        self.segments.push(Segment::Key { start, end });
    }

    /// Enters the item `index` of an array.
    pub fn push_index(&mut self, index: usize) {
        self.segments.push(Segment::Index(index));
    }

    /// Leaves the innermost segment.
    pub fn pop(&mut self) {
        if let Some(Segment::Key { start, .. }) = self.segments.pop() {
            self.buf.truncate(start);
        }
    }

    /// How many segments deep the pointer is.
    pub fn depth(&self) -> usize {
        self.segments.len()
    }

    /// Leaves segments until `depth` are left.
    pub fn truncate(&mut self, depth: usize) {
        while self.segments.len() > depth {
            self.pop();
        }
    }

    /// Empties the pointer for reuse; `false` when it grew too large to keep.
    pub fn clear_if_small(&mut self) -> bool {
        self.buf.clear();
        self.segments.clear();
        self.buf.capacity() <= 4096 && self.segments.capacity() <= 256
    }

    /// The pointer as it stands: `""` at the root.
    pub fn render(&self) -> String {
        let mut out = String::with_capacity(self.buf.len() + 6 * self.segments.len());
        for segment in &self.segments {
            match *segment {
                Segment::Key { start, end } => {
                    out.push_str(self.buf.get(start..end).unwrap_or_default())
                }
                Segment::Index(index) => {
                    out.push('/');
                    push_decimal(&mut out, index);
                }
            }
        }
        out
    }

    /// The length in bytes of `render()`, without writing it.
    pub fn rendered_len(&self) -> usize {
        let indices = self.segments.iter().map(|segment| match *segment {
            Segment::Key { .. } => 0,
            Segment::Index(index) => 1 + decimal_digits(index),
        });
        self.buf.len() + indices.sum::<usize>()
    }

    /// The pointer without its leading `/`, for messages:
    /// `availabilityWindows/2`, quoted (`crate::quote`) when long.
    pub fn label(&self) -> String {
        let len = self.rendered_len();
        if len <= 1 + 2 * LABEL_END_BYTES {
            // The rendered path becomes the label in place: one string.
            let mut label = self.render();
            if label.is_empty() {
                return "the event".to_owned();
            }
            label.remove(0);
            if let std::borrow::Cow::Owned(quoted) = crate::quote::quote(&label) {
                return quoted;
            }
            return label;
        }
        // A long path (keys of kilobytes, a megabyte in all): only its two
        // ends are written out, since the quote shows no more of it. Each
        // end holds more than `QUOTE_CHARS` characters, so the quote of the
        // ends joined is the quote of the whole label.
        let mut head = Vec::with_capacity(LABEL_END_BYTES);
        self.render_range(1, 1 + LABEL_END_BYTES, &mut head);
        let mut tail = Vec::with_capacity(LABEL_END_BYTES);
        self.render_range(len - LABEL_END_BYTES, len, &mut tail);
        // Cut at character boundaries: the path itself is UTF-8.
        let head = match std::str::from_utf8(&head) {
            Ok(head) => head,
            Err(e) => std::str::from_utf8(head.get(..e.valid_up_to()).unwrap_or_default())
                .unwrap_or_default(),
        };
        let first = tail
            .iter()
            .position(|&b| b & 0xc0 != 0x80)
            .unwrap_or(tail.len());
        let tail = std::str::from_utf8(tail.get(first..).unwrap_or_default()).unwrap_or_default();
        let mut ends = String::with_capacity(head.len() + tail.len());
        ends.push_str(head);
        ends.push_str(tail);
        crate::quote::quote(&ends).into_owned()
    }

    /// Appends the bytes `from..to` of `render()` to `out`, writing out no
    /// other part of it.
    fn render_range(&self, from: usize, to: usize, out: &mut Vec<u8>) {
        let mut at = 0;
        let mut index_text = String::new();
        for segment in &self.segments {
            if at >= to {
                break;
            }
            let bytes = match *segment {
                Segment::Key { start, end } => {
                    self.buf.as_bytes().get(start..end).unwrap_or_default()
                }
                Segment::Index(index) => {
                    index_text.clear();
                    index_text.push('/');
                    push_decimal(&mut index_text, index);
                    index_text.as_bytes()
                }
            };
            let next = at + bytes.len();
            if next > from {
                let range = from.saturating_sub(at)..(to - at).min(bytes.len());
                out.extend_from_slice(bytes.get(range).unwrap_or_default());
            }
            at = next;
        }
    }
}

/// Bytes `Pointer::label` writes out of each end of a long path: enough for
/// more than `QUOTE_CHARS` characters of up to 4 bytes each.
const LABEL_END_BYTES: usize = 4 * (crate::quote::QUOTE_CHARS + 1);

/// How many decimal digits `n` has.
fn decimal_digits(mut n: usize) -> usize {
    let mut digits = 1;
    while n >= 10 {
        n /= 10;
        digits += 1;
    }
    digits
}

/// Appends `n` in decimal without going through `core::fmt`.
pub fn push_decimal(out: &mut String, n: usize) {
    // The largest power of ten not above `n` (1 for 0), then digit by digit.
    let mut unit = 1;
    while n / unit >= 10 {
        unit *= 10;
    }
    loop {
        out.push(char::from(b'0' + (n / unit % 10) as u8));
        if unit == 1 {
            break;
        }
        unit /= 10;
    }
}

/// Whether `bytes` holds a `~` or a `/`, which a pointer escapes: eight
/// bytes at a time, since a key can be as long as the body.
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero_byte = |w: u64| w.wrapping_sub(ONES) & !w & HIGHS;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in chunks.by_ref() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        if has_zero_byte(w ^ (ONES * u64::from(b'~'))) | has_zero_byte(w ^ (ONES * u64::from(b'/')))
            != 0
        {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| b == b'~' || b == b'/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_tilde_and_slash() {
        let cases = [
            ("a", "/a"),
            ("a/b", "/a~1b"),
            ("m~n", "/m~0n"),
            ("~/", "/~0~1"),
            ("", "/"),
        ];
        for (key, want) in cases {
            let mut p = Pointer::default();
            p.push_key(key);
            assert_eq!(p.render(), want, "{key}");
        }
    }

    #[test]
    fn finds_what_needs_escaping_at_any_place_in_a_long_key() {
        for len in 0..20 {
            assert!(!needs_escape("k".repeat(len).as_bytes()));
            for at in 0..len {
                for c in ['~', '/'] {
                    let mut key = "k".repeat(len);
                    key.replace_range(at..=at, &c.to_string());
                    assert!(needs_escape(key.as_bytes()), "{key}");
                }
            }
        }
        // Bytes one off from `~` and `/`, and UTF-8.
        assert!(!needs_escape(
            "}.0é\u{1F600}~~".trim_end_matches('~').as_bytes()
        ));
    }

    #[test]
    fn decimals() {
        for n in [0, 7, 10, 12, 99, 100, 1_000_000_007, usize::MAX] {
            let mut out = String::from("/");
            push_decimal(&mut out, n);
            assert_eq!(out, format!("/{n}"));
        }
    }

    #[test]
    fn a_long_label_is_quoted_from_its_ends_alone() {
        let whole = |p: &Pointer| crate::quote::quote(&p.render()[1..]).into_owned();
        for (key, depth) in [
            ("k", 900),
            ("é", 400),
            ("𝄞~/", 300),
            (&*"ab€".repeat(700), 3),
        ] {
            let mut p = Pointer::default();
            for level in 0..depth {
                p.push_key(key);
                p.push_index(level * 37);
                assert_eq!(p.label(), whole(&p), "{key} at {level}");
            }
        }
    }

    #[test]
    fn pushes_and_pops() {
        let mut p = Pointer::default();
        p.push_key("availabilityWindows");
        p.push_index(12);
        assert_eq!(p.render(), "/availabilityWindows/12");
        assert_eq!(p.rendered_len(), p.render().len());
        assert_eq!(p.label(), "availabilityWindows/12");
        p.pop();
        p.push_index(0);
        assert_eq!(p.render(), "/availabilityWindows/0");
        p.pop();
        p.pop();
        assert_eq!(p.render(), "");
        assert_eq!(p.label(), "the event");
    }
}
