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

fn normalize(c: char) -> impl Iterator<Item = char> {
    let mapped = if c == '-' || c == ' ' { '_' } else { c };
    mapped.to_lowercase()
}

fn normalized_eq(name: &[char], known: &str) -> bool {
    name.iter()
        .copied()
        .flat_map(normalize)
        .eq(known.chars().flat_map(normalize))
}

/// Optimal-string-alignment distance between `a` and `b`, or `None` when it
/// is above `max` (decided early from the lengths alone).
fn bounded_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![0usize; 3 * width];
    let (mut prev2, mut prev, mut cur) = (0, width, 2 * width);
    for (j, slot) in rows[prev..prev + width].iter_mut().enumerate() {
        *slot = j;
    }
    for i in 1..=a.len() {
        rows[cur] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev + j] + 1)
                .min(rows[cur + j - 1] + 1)
                .min(rows[prev + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2 + j - 2] + 1);
            }
            rows[cur + j] = d;
        }
        (prev2, prev, cur) = (prev, cur, prev2);
    }
    let d = rows[prev + b.len()];
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
}
