//! Recognising ISO-8601 date strings, for `buildEvent`'s forgiving side.

/// Whether `s` is an ISO-8601 date (`2026-11-28`) or date-time
/// (`2026-11-28T10:30`, optional seconds, fraction, and `Z` or `±hh:mm`).
pub fn is_iso8601(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        b.get(range)
            .is_some_and(|d| !d.is_empty() && d.iter().all(u8::is_ascii_digit))
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    if !(digits(0..4) && at(4, b'-') && digits(5..7) && at(7, b'-') && digits(8..10)) {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    if !((at(10, b'T') || at(10, b't')) && digits(11..13) && at(13, b':') && digits(14..16)) {
        return false;
    }
    let mut i = 16;
    if at(i, b':') {
        if !digits(i + 1..i + 3) {
            return false;
        }
        i += 3;
        if at(i, b'.') {
            let start = i + 1;
            i = start;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return false;
            }
        }
    }
    match b.get(i) {
        None => true,
        Some(b'Z' | b'z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            digits(i + 1..i + 3) && at(i + 3, b':') && digits(i + 4..i + 6) && i + 6 == b.len()
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_iso8601;

    #[test]
    fn table() {
        let good = [
            "2026-11-28",
            "2026-11-28T10:30",
            "2026-11-28T10:30:05",
            "2026-11-28T10:30:05.123Z",
            "2026-11-28T10:30:05+01:00",
            "2026-11-28T10:30-05:00",
        ];
        let bad = [
            "",
            "soon",
            "2026-11-2",
            "2026/11/28",
            "2026-11-28T",
            "2026-11-28T10",
            "2026-11-28T10:30:05.Z",
            "2026-11-28T10:30+0100",
            "1700000000000",
            "2026-11-28 10:30",
        ];
        for s in good {
            assert!(is_iso8601(s), "{s}");
        }
        for s in bad {
            assert!(!is_iso8601(s), "{s}");
        }
    }
}
