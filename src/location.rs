//! Where an issue is in JSON text. While it reads, the tokenizer knows only
//! byte offsets (a `Span` per token, nothing more, so a valid body pays for
//! nothing); lines, columns and UTF-16 offsets are worked out once, at the
//! end, for the issues that were built, in one forward pass over the text.

use serde::Serialize;

/// Bytes of the source a token covers: a key or string with its quotes, a
/// number as written, a container from its bracket to the matching one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// Byte offset of the first byte.
    pub offset: usize,
    /// Length in bytes.
    pub length: usize,
}

impl Span {
    /// The byte offset just past the span.
    pub const fn end(self) -> usize {
        self.offset + self.length
    }
}

/// What `Location::offset` and `Location::length` count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Offsets {
    /// UTF-8 bytes: the body was bytes (a `Uint8Array`, an `ArrayBuffer`, a Rust `&[u8]`).
    #[default]
    Bytes,
    /// UTF-16 code units: the body was a JS string, and JS indexes strings so.
    Utf16,
}

/// The place in JSON text of the key or value an issue is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Location {
    /// 1-based line (lines end at `\n`).
    pub line: usize,
    /// 1-based column, in characters (Unicode code points).
    pub column: usize,
    /// 0-based offset from the start of the body, in `Offsets` units.
    pub offset: usize,
    /// Length, in `Offsets` units.
    pub length: usize,
}

/// The location of one span (most results with a place): no stops to
/// order, nothing allocated.
pub fn resolve_one(text: &[u8], offsets: Offsets, span: Span) -> Location {
    let mut at = Counts::START;
    at.advance(text.get(..span.offset).unwrap_or_default(), offsets);
    let start = at;
    // A length in bytes is the span's own (see `resolve`).
    let length = match offsets {
        Offsets::Bytes => span.length,
        Offsets::Utf16 => {
            at.advance(
                text.get(span.offset..span.end()).unwrap_or_default(),
                offsets,
            );
            at.units - start.units
        }
    };
    Location {
        line: start.line,
        column: start.column,
        offset: start.units,
        length,
    }
}

/// Turns byte spans of `text` into locations, in one pass over the text up
/// to the last span's start (its end, in UTF-16 units), plus a sort of the
/// spans: the cost is paid only for issues that were built, and only once
/// however many there are.
pub fn resolve(text: &[u8], offsets: Offsets, spans: &[Span]) -> Vec<Location> {
    if let [span] = spans {
        return vec![resolve_one(text, offsets, *span)];
    }
    // Every start and end, visited in byte order: (byte offset, span index, is_end).
    let mut stops: Vec<(usize, usize, bool)> = Vec::with_capacity(spans.len() * 2);
    for (i, span) in spans.iter().enumerate() {
        stops.push((span.offset, i, false));
        // A length in bytes is the span's own: only a length in UTF-16
        // units needs the text counted up to the end (an issue about a
        // string of a megabyte would otherwise cost a pass over it).
        if offsets == Offsets::Utf16 {
            stops.push((span.end(), i, true));
        }
    }
    // Issues come mostly in document order, so an insertion sort does
    // little work; it also keeps the standard sort (some kB) out of the module.
    for i in 1..stops.len() {
        let mut j = i;
        while j > 0 && stops.get(j - 1) > stops.get(j) {
            stops.swap(j - 1, j);
            j -= 1;
        }
    }
    let mut out = vec![
        Location {
            line: 1,
            column: 1,
            offset: 0,
            length: 0,
        };
        spans.len()
    ];
    let mut at = Counts::START;
    let mut pos = 0;
    for (target, i, is_end) in stops {
        at.advance(text.get(pos..target).unwrap_or_default(), offsets);
        pos = pos.max(target);
        let Counts {
            line,
            column,
            units,
        } = at;
        let Some(location) = out.get_mut(i) else {
            continue;
        };
        if is_end {
            location.length = units - location.offset;
        } else {
            *location = Location {
                line,
                column,
                offset: units,
                length: match offsets {
                    Offsets::Bytes => spans.get(i).map_or(0, |span| span.length),
                    Offsets::Utf16 => 0,
                },
            };
        }
    }
    out
}

/// Where a pass over the text stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Counts {
    line: usize,
    column: usize,
    units: usize,
}

impl Counts {
    /// The start of the text.
    const START: Counts = Counts {
        line: 1,
        column: 1,
        units: 0,
    };

    /// Moves past `bytes`, eight at a time where they hold no line break:
    /// an issue about a string of a megabyte (the benign body's, over
    /// `maxStringLength`) must not cost a megabyte of byte-by-byte steps.
    fn advance(&mut self, bytes: &[u8], offsets: Offsets) {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGHS: u64 = 0x8080_8080_8080_8080;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in chunks.by_ref() {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let w = u64::from_le_bytes(word);
            let newline = w ^ (ONES * u64::from(b'\n'));
            if newline.wrapping_sub(ONES) & !newline & HIGHS != 0 {
                self.advance_bytewise(chunk, offsets);
                continue;
            }
            if w & HIGHS == 0 {
                // ASCII: a character and a unit per byte.
                self.column += 8;
                self.units += 8;
                continue;
            }
            // 10xxxxxx continues a character; 1111xxxx starts a four-byte one.
            let continuations = (w & HIGHS & !(w << 1)).count_ones() as usize;
            let leads = 8 - continuations;
            let fours = (w & (w << 1) & (w << 2) & (w << 3) & HIGHS).count_ones() as usize;
            self.column += leads;
            self.units += match offsets {
                Offsets::Bytes => 8,
                Offsets::Utf16 => leads + fours,
            };
        }
        self.advance_bytewise(chunks.remainder(), offsets);
    }

    fn advance_bytewise(&mut self, bytes: &[u8], offsets: Offsets) {
        for &b in bytes {
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if b & 0xc0 != 0x80 {
                self.column += 1;
            }
            self.units += match offsets {
                Offsets::Bytes => 1,
                // A lead byte starts one code unit, or two from U+10000 on
                // (four-byte sequences); continuation bytes add none.
                Offsets::Utf16 if b >= 0xf0 => 2,
                Offsets::Utf16 if b & 0xc0 != 0x80 => 1,
                Offsets::Utf16 => 0,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn eight_at_a_time_counts_as_byte_by_byte() {
        let pieces = ["a", "\n", "é", "€", "😀", "xyz", "\n\n", "ab€😀é\n"];
        for offsets in [Offsets::Bytes, Offsets::Utf16] {
            let mut text = String::new();
            for i in 0..400 {
                text.push_str(pieces[(i * 7 + i / 5) % pieces.len()]);
                let start = Counts {
                    line: 1,
                    column: 1,
                    units: 0,
                };
                let (mut fast, mut slow) = (start, start);
                for from in [0, i % 5] {
                    // From a character boundary (every piece starts one).
                    let from = (0..=from)
                        .rev()
                        .find(|&f| text.is_char_boundary(f))
                        .unwrap_or(0);
                    let bytes = &text.as_bytes()[from..];
                    fast.advance(bytes, offsets);
                    slow.advance_bytewise(bytes, offsets);
                    assert_eq!(fast, slow, "{offsets:?} {text:?} from {from}");
                }
            }
        }
    }

    use super::*;

    fn one(text: &str, offsets: Offsets, offset: usize, length: usize) -> Location {
        resolve(text.as_bytes(), offsets, &[Span { offset, length }])[0]
    }

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "{\n  \"é\": 1,\n  \"b\": tru\n}";
        let at = text.find("tru").unwrap();
        let l = one(text, Offsets::Bytes, at, 3);
        assert_eq!((l.line, l.column, l.offset, l.length), (3, 8, at, 3));
        let at = text.find('1').unwrap();
        let l = one(text, Offsets::Bytes, at, 1);
        assert_eq!((l.line, l.column), (2, 8));
    }

    #[test]
    fn utf16_offsets_count_code_units() {
        // 'é' is 2 bytes and 1 unit; '😀' is 4 bytes and 2 units.
        let text = "{\"a\":\"é😀\",\"b\":1}";
        let at = text.find("\"b\"").unwrap();
        let l = one(text, Offsets::Utf16, at, 3);
        assert_eq!((l.offset, l.length, l.column), (11, 3, 11));
        let string = text.find("\"é").unwrap();
        let l = one(text, Offsets::Utf16, string, "\"é😀\"".len());
        assert_eq!((l.offset, l.length), (5, 5));
        let js: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&js[11..14]).unwrap(), "\"b\"");
    }

    #[test]
    fn spans_in_any_order_resolve_alike() {
        let text = "[1,\n[2,3],\n4]";
        let spans = [
            Span {
                offset: 11,
                length: 1,
            },
            Span {
                offset: 4,
                length: 5,
            },
            Span {
                offset: 0,
                length: text.len(),
            },
        ];
        let got = resolve(text.as_bytes(), Offsets::Bytes, &spans);
        assert_eq!((got[0].line, got[0].column), (3, 1));
        assert_eq!((got[1].line, got[1].column, got[1].length), (2, 1, 5));
        assert_eq!((got[2].line, got[2].offset, got[2].length), (1, 0, 13));
    }

    #[test]
    fn one_span_resolves_as_it_does_among_others() {
        let text = "{\n  \"é\": \"😀x\",\n\t\"k\": [1, 2]\n}";
        let boundaries: Vec<usize> = (0..=text.len())
            .filter(|&o| text.is_char_boundary(o))
            .collect();
        let other = Span {
            offset: 1,
            length: 2,
        };
        for offsets in [Offsets::Bytes, Offsets::Utf16] {
            for &offset in &boundaries {
                for &end in boundaries.iter().filter(|&&end| end >= offset) {
                    let span = Span {
                        offset,
                        length: end - offset,
                    };
                    let alone = resolve(text.as_bytes(), offsets, &[span]);
                    let among = resolve(text.as_bytes(), offsets, &[other, span]);
                    assert_eq!(alone[0], among[1], "{offsets:?} {span:?}");
                }
            }
        }
    }
}
