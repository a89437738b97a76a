//! RFC 6901 JSON Pointers, built as the walk goes: keys are copied in as
//! they are entered, array indices only recorded, and the text is written
//! out only for an issue. An array of a thousand items costs a thousand
//! counter updates, not a thousand decimal numbers written and erased.

use std::borrow::Cow;

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

    /// Enters the member `key`, which has no `~` or `/` to escape (a known
    /// key: src/known_key.rs tests that none has), without looking for them.
    pub fn push_plain_key(&mut self, key: &str) {
        debug_assert!(!needs_escape(key.as_bytes()), "{key}");
        let start = self.buf.len();
        self.buf.push('/');
        self.buf.push_str(key);
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
        self.render_into(&mut out, 0);
        out
    }

    /// Writes `render()` at the end of `out`, without its first `skip`
    /// bytes (the leading `/`, for a label).
    fn render_into(&self, out: &mut String, mut skip: usize) {
        for segment in &self.segments {
            match *segment {
                Segment::Key { start, end } => {
                    out.push_str(self.buf.get(start + skip..end).unwrap_or_default())
                }
                Segment::Index(index) => {
                    if skip == 0 {
                        out.push('/');
                    }
                    push_decimal(out, index);
                }
            }
            skip = 0;
        }
    }

    /// Writes the path at the end of `out`, as an issue's `path`.
    pub fn write_path(&self, out: &mut String) {
        self.render_into(out, 0);
    }

    /// The path as messages name it (`label_of`), as a piece of a sentence:
    /// written straight from the segments, with no path rendered first.
    pub fn label(&self) -> Label<'_> {
        Label(self)
    }

    /// The length in bytes of `render()`, without writing it.
    pub fn rendered_len(&self) -> usize {
        let indices = self.segments.iter().map(|segment| match *segment {
            Segment::Key { .. } => 0,
            Segment::Index(index) => 1 + decimal_digits(index),
        });
        self.buf.len() + indices.sum::<usize>()
    }
}

/// A rendered pointer (`Pointer::render`) as messages name it: without its
/// leading `/` (`availabilityWindows/2`), quoted (`crate::quote`) when long,
/// `the event` for the root. Cut from the path an issue carries anyway, so
/// an issue renders its path once.
pub fn label_of(path: &str) -> Cow<'_, str> {
    // A path that is not the root starts with its one-byte `/`.
    match path.get(1..) {
        Some(label) => crate::quote::quote(label),
        None => Cow::Borrowed("the event"),
    }
}

/// A pointer's label (`Pointer::label`): `label_of` its rendered path.
#[derive(Debug, Clone, Copy)]
pub struct Label<'p>(&'p Pointer);

impl crate::sentence::Piece for Label<'_> {
    fn size(&self) -> usize {
        self.0.rendered_len()
    }
    fn push_to(&self, out: &mut String) {
        let pointer = self.0;
        if pointer.segments.is_empty() {
            out.push_str("the event");
        } else if pointer.rendered_len() <= crate::quote::QUOTE_CHARS {
            // At most QUOTE_CHARS bytes: `quote` would keep it whole.
            pointer.render_into(out, 1);
        } else {
            out.push_str(&label_of(&pointer.render()));
        }
    }
}

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
    fn a_plain_key_goes_in_as_push_key_puts_it() {
        let (mut plain, mut escaped) = (Pointer::default(), Pointer::default());
        for key in ["event", "appointmentTimestamps", ""] {
            plain.push_plain_key(key);
            escaped.push_key(key);
            plain.push_index(1);
            escaped.push_index(1);
        }
        assert_eq!(plain.render(), escaped.render());
        assert_eq!(plain.render(), "/event/1/appointmentTimestamps/1//1");
        plain.pop();
        plain.pop();
        assert_eq!(plain.render(), "/event/1/appointmentTimestamps/1");
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
    fn a_long_label_is_quoted() {
        let mut p = Pointer::default();
        p.push_key(&"k".repeat(300));
        p.push_index(7);
        let path = p.render();
        let label = label_of(&path);
        assert_eq!(label.chars().count(), crate::quote::QUOTE_CHARS + 1);
        assert!(
            label.starts_with("kkk") && label.ends_with("kk/7"),
            "{label}"
        );
        assert_eq!(sentence!(p.label()), label);
    }

    #[test]
    fn a_label_is_the_path_without_its_first_slash_at_every_length() {
        // Around QUOTE_CHARS, where the label is written from the segments
        // or quoted, with escapes and indices first and last.
        for len in 190..215 {
            for shape in 0..3 {
                let mut p = Pointer::default();
                match shape {
                    0 => p.push_key(&"k".repeat(len)),
                    1 => {
                        p.push_index(3);
                        p.push_key(&"é/".repeat(len / 3));
                    }
                    _ => {
                        p.push_key("a~b");
                        p.push_key(&"x".repeat(len - 10));
                        p.push_index(len);
                    }
                }
                assert_eq!(sentence!(p.label()), label_of(&p.render()), "{len} {shape}");
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
        assert_eq!(label_of(&p.render()), "availabilityWindows/12");
        assert_eq!(sentence!(p.label()), "availabilityWindows/12");
        p.pop();
        p.push_index(0);
        assert_eq!(p.render(), "/availabilityWindows/0");
        p.pop();
        p.pop();
        assert_eq!(p.render(), "");
        assert_eq!(label_of(&p.render()), "the event");
        assert_eq!(sentence!(p.label()), "the event");
    }
}
