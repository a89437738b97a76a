//! RFC 6901 JSON Pointers, built as the walk goes: one buffer, one mark per level.

/// A JSON Pointer under construction: push a segment when entering a value,
/// pop it when leaving.
#[derive(Debug, Default)]
pub struct Pointer {
    buf: String,
    marks: Vec<usize>,
}

impl Pointer {
    /// Enters the member `key` of an object (`~` and `/` escaped as `~0`, `~1`).
    pub fn push_key(&mut self, key: &str) {
        self.marks.push(self.buf.len());
        self.buf.push('/');
        if key.bytes().any(|b| b == b'~' || b == b'/') {
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
    }

    /// Enters the item `index` of an array.
    pub fn push_index(&mut self, index: usize) {
        self.marks.push(self.buf.len());
        self.buf.push('/');
        push_decimal(&mut self.buf, index);
    }

    /// Leaves the innermost segment.
    pub fn pop(&mut self) {
        if let Some(mark) = self.marks.pop() {
            self.buf.truncate(mark);
        }
    }

    /// Empties the pointer for reuse; `false` when it grew too large to keep.
    pub fn clear_if_small(&mut self) -> bool {
        self.buf.clear();
        self.marks.clear();
        self.buf.capacity() <= 4096 && self.marks.capacity() <= 256
    }

    /// The pointer as it stands: `""` at the root.
    pub fn as_str(&self) -> &str {
        &self.buf
    }

    /// The pointer without its leading `/`, for messages:
    /// `availabilityWindows/2`, quoted (`crate::quote`) when long.
    pub fn label(&self) -> std::borrow::Cow<'_, str> {
        crate::quote::quote(self.buf.strip_prefix('/').unwrap_or("the event"))
    }
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
            assert_eq!(p.as_str(), want, "{key}");
        }
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
    fn pushes_and_pops() {
        let mut p = Pointer::default();
        p.push_key("availabilityWindows");
        p.push_index(12);
        assert_eq!(p.as_str(), "/availabilityWindows/12");
        assert_eq!(p.label(), "availabilityWindows/12");
        p.pop();
        p.push_index(0);
        assert_eq!(p.as_str(), "/availabilityWindows/0");
        p.pop();
        p.pop();
        assert_eq!(p.as_str(), "");
        assert_eq!(p.label(), "the event");
    }
}
