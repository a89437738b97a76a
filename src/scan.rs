//! The two scans every byte of a body goes through: UTF-8 validation and the
//! run of plain bytes inside a string (most of a large body is string
//! contents). In WebAssembly with SIMD (every runtime the package supports
//! has it) sixteen bytes at a time; elsewhere, and as the reference the
//! tests compare against, eight at a time in a `u64` (SWAR).
//!
//! Public only so that the wasm32 tests can compare the two (`tests/wasm.rs`).
#![doc(hidden)]

use std::str::Utf8Error;

/// `bytes` as text, or std's error for it (the same `valid_up_to` and
/// `error_len`). The ASCII runs are checked by `ascii_run` alone; std
/// validates only what lies between them.
pub fn from_utf8(bytes: &[u8]) -> Result<&str, Utf8Error> {
    let mut pos = 0;
    while pos < bytes.len() {
        pos += ascii_run(bytes.get(pos..).unwrap_or_default());
        let rest = bytes.get(pos..).unwrap_or_default();
        if rest.is_empty() {
            break;
        }
        // Up to the next 16 ASCII bytes in a row (or the end). A character
        // never spans an ASCII byte, so the text is valid exactly when each
        // piece between ASCII bytes is.
        let end = pos + non_ascii_run(rest);
        if std::str::from_utf8(bytes.get(pos..end).unwrap_or_default()).is_err() {
            // Rare (the body is rejected): std words the error over the whole.
            return std::str::from_utf8(bytes);
        }
        pos = end;
    }
    // SAFETY: every byte of `bytes` is in a run `ascii_run` found to be
    // below 0x80 (a whole character each) or in a piece that std validated
    // and that starts and ends next to ASCII bytes (or the text's ends), so
    // the whole is a sequence of whole, valid UTF-8 characters.
    Ok(unsafe { std::str::from_utf8_unchecked(bytes) })
}

/// How many bytes at the start of `bytes` (which starts with a non-ASCII
/// byte) come before 16 ASCII bytes in a row, checked at 16-byte steps.
fn non_ascii_run(bytes: &[u8]) -> usize {
    let mut len = 0;
    for chunk in bytes.chunks_exact(16) {
        if ascii_run(chunk) == 16 {
            return len;
        }
        len += 16;
    }
    bytes.len()
}

/// The length of the run of ASCII bytes at the start of `bytes`.
pub fn ascii_run(bytes: &[u8]) -> usize {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        simd::ascii_run(bytes)
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    {
        swar::ascii_run(bytes)
    }
}

/// The length of the run of bytes at the start of `bytes` that need no
/// attention inside a string (no `"`, `\\` or control character), and how
/// many of them continue a UTF-8 sequence (so characters = length - that).
pub fn plain_run(bytes: &[u8]) -> (usize, usize) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        simd::plain_run(bytes)
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    {
        swar::plain_run(bytes)
    }
}

/// Eight bytes at a time in a `u64`: the portable scans.
pub mod swar {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;

    fn word(chunk: &[u8]) -> u64 {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        u64::from_le_bytes(word)
    }

    /// The high bit of every byte of `w` that is zero. Exact for the lowest
    /// such byte (a borrow only runs upwards from a zero byte), which is
    /// all the scans below look at.
    const fn zero_bytes(w: u64) -> u64 {
        w.wrapping_sub(ONES) & !w & HIGHS
    }

    /// The high bit of every byte that continues a UTF-8 sequence (10xxxxxx).
    const fn continuations(w: u64) -> u64 {
        w & HIGHS & !(w << 1)
    }

    /// As `super::ascii_run`.
    pub fn ascii_run(bytes: &[u8]) -> usize {
        let mut len = 0;
        for pair in bytes.chunks_exact(16) {
            let (a, b) = pair.split_at(8);
            if (word(a) | word(b)) & HIGHS != 0 {
                break;
            }
            len += 16;
        }
        let rest = bytes.get(len..).unwrap_or_default();
        len + rest.iter().take_while(|b| b.is_ascii()).count()
    }

    /// As `super::plain_run`.
    pub fn plain_run(bytes: &[u8]) -> (usize, usize) {
        let (mut len, mut continuations_before) = (0, 0);
        for chunk in bytes.chunks_exact(8) {
            let w = word(chunk);
            let special = zero_bytes(w ^ (ONES * u64::from(b'"')))
                | zero_bytes(w ^ (ONES * u64::from(b'\\')))
                // Bytes below 0x20: subtracting 0x20 borrows into the high
                // bit (exact for bytes below 0x80, all a control byte can be).
                | (w.wrapping_sub(ONES * 0x20) & !w & HIGHS);
            // ASCII text (most of it) has no continuation to count.
            let high = w & HIGHS;
            if special != 0 {
                // The bytes before the first special one.
                let before = (1u64 << special.trailing_zeros()) - 1;
                if high != 0 {
                    continuations_before += (continuations(w) & before).count_ones() as usize;
                }
                return (
                    len + (special.trailing_zeros() / 8) as usize,
                    continuations_before,
                );
            }
            if high != 0 {
                continuations_before += continuations(w).count_ones() as usize;
            }
            len += 8;
        }
        for &b in bytes.get(len..).unwrap_or_default() {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            continuations_before += usize::from(b & 0xc0 == 0x80);
            len += 1;
        }
        (len, continuations_before)
    }
}

/// Sixteen bytes at a time in a `v128`.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub mod simd {
    use core::arch::wasm32::{
        i8x16_bitmask, i8x16_lt, i8x16_min, i8x16_splat, u8x16_eq, u8x16_lt, u8x16_min,
        u8x16_splat, v128, v128_andnot, v128_load, v128_or, v128_xor,
    };

    fn load(chunk: &[u8]) -> v128 {
        debug_assert_eq!(chunk.len(), 16);
        // SAFETY: `chunk` comes from `chunks_exact(16)`, so its 16 bytes are
        // readable; v128.load has no alignment requirement.
        unsafe { v128_load(chunk.as_ptr().cast::<v128>()) }
    }

    /// The eight vectors of a 128-byte `block` (from `chunks_exact(128)`).
    fn load8(block: &[u8]) -> [v128; 8] {
        debug_assert_eq!(block.len(), 128);
        let at = block.as_ptr();
        // SAFETY: the 128 bytes of `block` are readable; v128.load has no
        // alignment requirement.
        core::array::from_fn(|i| unsafe { v128_load(at.add(16 * i).cast::<v128>()) })
    }

    /// As `super::ascii_run`: eight vectors per step on long ASCII runs (one
    /// test of the eight, so the loop's own work, a stack check and a
    /// count, is paid once per 128 bytes).
    pub fn ascii_run(bytes: &[u8]) -> usize {
        let mut len = 0;
        for block in bytes.chunks_exact(128) {
            let [v0, v1, v2, v3, v4, v5, v6, v7] = load8(block);
            let any = v128_or(
                v128_or(v128_or(v0, v1), v128_or(v2, v3)),
                v128_or(v128_or(v4, v5), v128_or(v6, v7)),
            );
            if i8x16_bitmask(any) != 0 {
                break;
            }
            len += 128;
        }
        for chunk in bytes.get(len..).unwrap_or_default().chunks_exact(16) {
            let high = i8x16_bitmask(load(chunk));
            if high != 0 {
                return len + high.trailing_zeros() as usize;
            }
            len += 16;
        }
        let rest = bytes.get(len..).unwrap_or_default();
        len + rest.iter().take_while(|b| b.is_ascii()).count()
    }

    /// The bytes of a 64-byte `block` that continue a UTF-8 sequence. Out of
    /// line, so that the scan branches past it on ASCII text (inlined, LLVM
    /// made the count unconditional, a select: 16 more operations per 64
    /// bytes), and given the bytes, not the scan's vectors: an array of
    /// vectors is passed through memory, four stores on every step.
    #[cold]
    #[inline(never)]
    fn continuations_in(block: &[u8]) -> usize {
        // 0x80..=0xbf are, as signed bytes, the ones below -0x40.
        let limit = i8x16_splat(-0x40);
        block
            .chunks_exact(16)
            .map(|chunk| i8x16_bitmask(i8x16_lt(load(chunk), limit)).count_ones() as usize)
            .sum()
    }

    /// How many bytes at the start of `bytes` are whole 128-byte blocks of
    /// plain ASCII text: no `"`, `\\`, control byte, or byte of 0x80 or
    /// more. Out of line, so that its loop has no call in it: in the scan's
    /// loop, which calls `continuations_in`, V8 kept the constants on the
    /// stack and loaded them again on every step.
    #[inline(never)]
    fn plain_ascii_blocks(bytes: &[u8]) -> usize {
        // A byte is special or not ASCII exactly when `v ^ 2` is below 0x21
        // as a signed byte (see `plain_run`), so when the least of those of
        // a block is; and a block has a backslash exactly when the least of
        // its `v ^ b'\\'` is zero. Two minimums a vector and one test a
        // block, where a test per vector takes three operations and an or.
        let two = i8x16_splat(2);
        let backslash = u8x16_splat(b'\\');
        let limit = i8x16_splat(0x21);
        let zero = u8x16_splat(0);
        let mut len = 0;
        for block in bytes.chunks_exact(128) {
            // Folded one vector after another (not as a tree), so that few
            // vectors are live at once: V8 has 15 registers for them.
            let (mut least, mut least_backslash) = (i8x16_splat(i8::MAX), u8x16_splat(u8::MAX));
            for v in load8(block) {
                least = i8x16_min(least, v128_xor(v, two));
                least_backslash = u8x16_min(least_backslash, v128_xor(v, backslash));
            }
            let needs_a_look = v128_or(i8x16_lt(least, limit), u8x16_eq(least_backslash, zero));
            if i8x16_bitmask(needs_a_look) != 0 {
                break;
            }
            len += 128;
        }
        len
    }

    /// As `super::plain_run`.
    pub fn plain_run(bytes: &[u8]) -> (usize, usize) {
        let quote = u8x16_splat(b'"');
        let backslash = u8x16_splat(b'\\');
        let space = u8x16_splat(0x20);
        // 0x80..=0xbf are, as signed bytes, the ones below -0x40.
        let continuation_limit = i8x16_splat(-0x40);
        let special_bytes = |v: v128| {
            v128_or(
                v128_or(u8x16_eq(v, quote), u8x16_eq(v, backslash)),
                u8x16_lt(v, space),
            )
        };
        // The bytes that are special or not ASCII, in four x86 instructions
        // a vector where `special_bytes` takes eight (x86 has no unsigned
        // byte compare: V8 makes `u8x16_lt` four): `v ^ 2` is below 0x21
        // exactly for the control bytes and `"` (0x22 ^ 2 = 0x20), and,
        // compared as signed bytes, a byte of 0x80 or more is below anything
        // ASCII.
        let two = u8x16_splat(2);
        let limit = i8x16_splat(0x21);
        let zero = i8x16_splat(0);
        let special_or_high =
            |v: v128| v128_or(i8x16_lt(v128_xor(v, two), limit), u8x16_eq(v, backslash));
        let (mut len, mut continuations) = (0, 0);
        // Four vectors a step while nothing needs attention: one test of
        // the four for a special or non-ASCII byte, which plain ASCII text
        // passes at once; then, only when that finds any, the same bytes
        // again without the non-ASCII ones. After a block of plain ASCII,
        // the rest of such text (the bulk of most bodies) in the fast lane,
        // entered only then so that a short string (most keys and values)
        // pays nothing for it.
        while let Some(block) = bytes.get(len..len + 64) {
            let (a, b) = block.split_at(32);
            let ((a0, a1), (b0, b1)) = (a.split_at(16), b.split_at(16));
            let vs = [load(a0), load(a1), load(b0), load(b1)];
            let [t0, t1, t2, t3] = vs.map(special_or_high);
            len += 64;
            if i8x16_bitmask(v128_or(v128_or(t0, t1), v128_or(t2, t3))) == 0 {
                len += plain_ascii_blocks(bytes.get(len..).unwrap_or_default());
                continue;
            }
            // Some byte needs a look: the special ones are those that are
            // not negative as signed bytes.
            let [v0, v1, v2, v3] = vs;
            let [s0, s1, s2, s3] = [(t0, v0), (t1, v1), (t2, v2), (t3, v3)]
                .map(|(t, v)| v128_andnot(t, i8x16_lt(v, zero)));
            if i8x16_bitmask(v128_or(v128_or(s0, s1), v128_or(s2, s3))) != 0 {
                len -= 64;
                break;
            }
            continuations += continuations_in(block);
        }
        for chunk in bytes.get(len..).unwrap_or_default().chunks_exact(16) {
            let v = load(chunk);
            let special = i8x16_bitmask(special_bytes(v));
            let high = i8x16_bitmask(v);
            let continued = if high == 0 {
                0
            } else {
                i8x16_bitmask(i8x16_lt(v, continuation_limit))
            };
            if special != 0 {
                let before = (1u16 << special.trailing_zeros()) - 1;
                continuations += (continued & before).count_ones() as usize;
                return (len + special.trailing_zeros() as usize, continuations);
            }
            continuations += continued.count_ones() as usize;
            len += 16;
        }
        let (tail, tail_continuations) =
            super::swar::plain_run(bytes.get(len..).unwrap_or_default());
        (len + tail, continuations + tail_continuations)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts with every kind of byte at every offset of a word.
    fn samples() -> Vec<Vec<u8>> {
        let pieces: [&[u8]; 9] = [
            b"a",
            b"\"",
            b"\\",
            b"\n",
            b"\x1f",
            "é".as_bytes(),
            "€".as_bytes(),
            "😀".as_bytes(),
            b"\x7f",
        ];
        let mut out = Vec::new();
        for special in 0..pieces.len() {
            for at in 0..40 {
                let mut text = Vec::new();
                for i in 0..at {
                    text.extend_from_slice(pieces[[0, 5, 6, 7, 8][(i * 3 + at) % 5]]);
                }
                text.extend_from_slice(pieces[special]);
                text.extend_from_slice(b"tail after it");
                out.push(text);
            }
        }
        out
    }

    fn plain_run_bytewise(bytes: &[u8]) -> (usize, usize) {
        let len = bytes
            .iter()
            .take_while(|&&b| b != b'"' && b != b'\\' && b >= 0x20)
            .count();
        let continuations = bytes[..len].iter().filter(|&&b| b & 0xc0 == 0x80).count();
        (len, continuations)
    }

    #[test]
    fn plain_run_stops_where_a_byte_by_byte_scan_does() {
        for text in samples() {
            for from in 0..text.len() {
                let bytes = &text[from..];
                assert_eq!(plain_run(bytes), plain_run_bytewise(bytes), "{bytes:?}");
                let ascii = bytes.iter().take_while(|b| b.is_ascii()).count();
                assert_eq!(ascii_run(bytes), ascii, "{bytes:?}");
            }
        }
    }

    #[test]
    fn utf8_is_checked_as_std_checks_it() {
        let long = "plain words ".repeat(20);
        let mut texts: Vec<Vec<u8>> = samples();
        for bad in [
            &b"\xff"[..],
            b"\xc3",
            b"\xe2\x82",
            b"\xed\xa0\x80",
            b"\xc0\xaf",
            b"\x80",
        ] {
            for at in [0, 1, 15, 16, 17, 63, 64, 65, 200] {
                let mut text = long.as_bytes()[..at.min(long.len())].to_vec();
                text.extend_from_slice("é".as_bytes());
                text.extend_from_slice(bad);
                text.extend_from_slice(long.as_bytes());
                texts.push(text.clone());
                text.truncate(text.len() - long.len());
                texts.push(text);
            }
        }
        for text in texts {
            let ours = from_utf8(&text).map_err(|e| (e.valid_up_to(), e.error_len()));
            let std = std::str::from_utf8(&text).map_err(|e| (e.valid_up_to(), e.error_len()));
            assert_eq!(ours, std, "{text:?}");
        }
    }
}
