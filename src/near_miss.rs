//! Near misses: a name that is not a known one but is almost certainly meant
//! to be (`repair_complete`, `Parts_Ordered`, `recievedBy`).

/// The known name `name` is a near miss of, if any: equal after lower-casing
/// and mapping `-` and spaces to `_`, or within Damerau-Levenshtein distance
/// 2 (1 when the known name is shorter than 5 characters). The closest wins;
/// on a tie, the first in `known`.
pub fn suggest<'k>(name: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    // Names far longer than any known one cannot be near misses: stop before
    // doing work that grows with a hostile key.
    const LONGEST_KNOWN: usize = 64;
    if name.len() > 4 * LONGEST_KNOWN {
        return None;
    }
    let name: Vec<char> = name.chars().collect();
    let mut best: Option<(usize, &'k str)> = None;
    for candidate in known {
        if candidate.chars().eq(name.iter().copied()) {
            continue;
        }
        let distance = if normalized_eq(&name, candidate) {
            0
        } else {
            let cand: Vec<char> = candidate.chars().collect();
            let max = if cand.len() < 5 { 1 } else { 2 };
            match bounded_distance(&name, &cand, max) {
                Some(d) => d,
                None => continue,
            }
        };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Known names are ASCII, so ASCII case folding is all a match needs (and it
/// keeps Unicode case tables out of the WebAssembly module).
fn normalize(c: char) -> char {
    if c == '-' || c == ' ' {
        '_'
    } else {
        c.to_ascii_lowercase()
    }
}

fn normalized_eq(name: &[char], known: &str) -> bool {
    name.iter()
        .copied()
        .map(normalize)
        .eq(known.chars().map(normalize))
}

/// Optimal-string-alignment distance between `a` and `b`, or `None` when it
/// is above `max` (decided early from the lengths alone). Three rows of the
/// dynamic programme (two back, for transpositions), read with `get`: no
/// index can panic.
fn bounded_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev2: Vec<usize> = Vec::with_capacity(b.len() + 1);
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur: Vec<usize> = Vec::with_capacity(b.len() + 1);
    let mut a_prev = None;
    for (i, &ca) in a.iter().enumerate() {
        cur.clear();
        cur.push(i + 1);
        let mut b_prev = None;
        for (j, &cb) in b.iter().enumerate() {
            let at = |row: &[usize], k: usize| row.get(k).copied().unwrap_or(usize::MAX);
            let mut d = at(&prev, j + 1)
                .saturating_add(1)
                .min(at(&cur, j).saturating_add(1))
                .min(at(&prev, j).saturating_add(usize::from(ca != cb)));
            if a_prev == Some(cb) && b_prev == Some(ca) {
                if let Some(k) = j.checked_sub(1) {
                    d = d.min(at(&prev2, k).saturating_add(1));
                }
            }
            cur.push(d);
            b_prev = Some(cb);
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
        a_prev = Some(ca);
    }
    let d = prev.get(b.len()).copied()?;
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVENTS: [&str; 3] = ["repair_completed", "repair_started", "batched"];

    #[test]
    fn table() {
        let cases: [(&str, Option<&str>); 12] = [
            ("repair_complete", Some("repair_completed")),
            ("Repair_Completed", Some("repair_completed")),
            ("repair-completed", Some("repair_completed")),
            ("repair completed", Some("repair_completed")),
            ("repair_compleetd", Some("repair_completed")),
            ("repair_completed", None),
            ("repair_startde", Some("repair_started")),
            ("batchd", Some("batched")),
            ("batch", Some("batched")),
            ("custom_event", None),
            ("", None),
            ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", None),
        ];
        for (name, want) in cases {
            assert_eq!(suggest(name, EVENTS), want, "{name}");
        }
    }

    #[test]
    fn short_names_allow_one_edit() {
        assert_eq!(suggest("emial", ["email"]), Some("email"));
        assert_eq!(suggest("rsn", ["reason", "note"]), None);
        assert_eq!(suggest("nte", ["note"]), Some("note"));
        assert_eq!(suggest("nt", ["note"]), None);
    }

    #[test]
    fn huge_names_are_not_compared() {
        let long = "a".repeat(100_000);
        assert_eq!(suggest(&long, EVENTS), None);
    }

    /// The textbook optimal-string-alignment distance, for comparison.
    fn reference(a: &[char], b: &[char]) -> usize {
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn distance_matches_the_textbook_on_all_short_strings() {
        let mut words: Vec<Vec<char>> = vec![Vec::new()];
        for _ in 0..5 {
            let longer: Vec<Vec<char>> = words
                .iter()
                .filter(|w| w.len() < 5)
                .flat_map(|w| {
                    "abc".chars().map(move |c| {
                        let mut w = w.clone();
                        w.push(c);
                        w
                    })
                })
                .collect();
            words.extend(longer);
            words.sort();
            words.dedup();
        }
        for a in &words {
            for b in &words {
                let want = reference(a, b);
                for max in 0..=3 {
                    let got = bounded_distance(a, b, max);
                    assert_eq!(got, (want <= max).then_some(want), "{a:?} {b:?} {max}");
                }
            }
        }
    }
}
