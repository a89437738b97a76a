//! Near misses: a name that is not a known one but is almost certainly meant
//! to be (`repair_complete`, `Parts_Ordered`, `recievedBy`).

/// The known name `name` is a near miss of, if any: equal after lower-casing
/// and mapping `-` and spaces to `_`, or within Damerau-Levenshtein distance
/// 2 (1 when the known name is shorter than 5 characters). The closest wins;
/// on a tie, the first in `known`.
pub fn suggest<'k>(name: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    // A near miss is at most two characters longer than a known name, so a
    // longer name is rejected before any work grows with it (a hostile key),
    // and the rest fits in buffers on the stack: no allocation per call.
    let name = Chars::of(name)?;
    let bag = Bag::of(name.as_slice().iter().copied());
    let mut best: Option<(usize, &'k str)> = None;
    for candidate in known {
        // Known names are ASCII: their length in bytes is their length in
        // characters, so most candidates are ruled out without reading them.
        if candidate.len().abs_diff(name.len) > 2 {
            continue;
        }
        // Then by a cheap lower bound of the distance (a few dozen steps,
        // against hundreds for the distance itself): a key flood of names
        // that are near no known one costs little more than reading them.
        if bag.distance(&Bag::of(candidate.chars())) > 2 {
            continue;
        }
        let Some(candidate_chars) = Chars::of(candidate) else {
            continue;
        };
        let (a, b) = (name.as_slice(), candidate_chars.as_slice());
        let max = if b.len() < 5 { 1 } else { 2 };
        if a.len().abs_diff(b.len()) > max || a == b {
            continue;
        }
        let distance = if normalized_eq(a, b) {
            0
        } else {
            match bounded_distance(a, b, max) {
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

/// The lists of known names the validator searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// The listed event names.
    Events,
    /// The known field names, `event` included.
    Fields,
}

impl Known {
    fn names(self) -> impl Iterator<Item = &'static str> {
        let events = (self == Known::Events).then(|| crate::rules::EVENTS.iter().map(|e| e.name));
        let fields = (self == Known::Fields).then(|| {
            std::iter::once(crate::rules::EVENT_FIELD)
                .chain(crate::rules::FIELDS.iter().map(|f| f.name))
        });
        events
            .into_iter()
            .flatten()
            .chain(fields.into_iter().flatten())
    }
}

/// Recent answers: integrations send the same unknown fields and custom event
/// names event after event, and the answer never changes.
const CACHE_SIZE: usize = 32;

type Cache = Vec<(Known, u64, Box<str>, Option<&'static str>)>;

thread_local! {
    static CACHE: std::cell::Cell<(Cache, usize)> = const { std::cell::Cell::new((Vec::new(), 0)) };
}

/// `suggest` over one of the validator's lists, remembering recent answers.
pub fn suggest_known(list: Known, name: &str) -> Option<&'static str> {
    if name.len() > MAX_CHARS {
        return None; // a near miss is never that long (see `suggest`)
    }
    CACHE.with(|cell| {
        let (mut cache, mut next) = cell.take();
        // A hash first: a flood of distinct names of one length would
        // otherwise compare each with every entry.
        let hash = fnv1a(name);
        let hit = cache
            .iter()
            .find(|(l, h, n, _)| *h == hash && *l == list && **n == *name)
            .map(|(_, _, _, s)| *s);
        let answer = hit.unwrap_or_else(|| {
            let answer = suggest(name, list.names());
            let entry = (list, hash, Box::from(name), answer);
            match cache.get_mut(next) {
                Some(slot) => *slot = entry,
                None => cache.push(entry),
            }
            next = (next + 1) % CACHE_SIZE;
            answer
        });
        cell.set((cache, next));
        answer
    })
}

/// FNV-1a of a short name.
fn fnv1a(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Longer than any known name plus two.
const MAX_CHARS: usize = 48;

/// The characters of a short name, on the stack.
struct Chars {
    buf: [char; MAX_CHARS],
    len: usize,
}

impl Chars {
    fn of(s: &str) -> Option<Chars> {
        let mut chars = Chars {
            buf: ['\0'; MAX_CHARS],
            len: 0,
        };
        for c in s.chars() {
            *chars.buf.get_mut(chars.len)? = c;
            chars.len += 1;
        }
        Some(chars)
    }

    fn as_slice(&self) -> &[char] {
        self.buf.get(..self.len).unwrap_or_default()
    }
}

/// How many characters of each kind a name has, after `normalize`: letters,
/// `_` and digits each their own kind, everything else one kind.
struct Bag([i16; 38]);

impl Bag {
    fn of(chars: impl Iterator<Item = char>) -> Bag {
        let mut bag = Bag([0; 38]);
        for c in chars {
            let kind = match normalize(c) {
                c @ 'a'..='z' => c as usize - 'a' as usize,
                '_' => 26,
                c @ '0'..='9' => 27 + (c as usize - '0' as usize),
                _ => 37,
            };
            if let Some(n) = bag.0.get_mut(kind) {
                *n += 1;
            }
        }
        bag
    }

    /// The bag distance of the two names: how many characters one has that
    /// the other lacks, the larger of the two counts. Each edit (and a
    /// normalization, which maps within a kind) changes it by at most one,
    /// so it is never above the edit distance of `bounded_distance`, and 0
    /// for names equal after `normalize`.
    fn distance(&self, other: &Bag) -> usize {
        let (mut more, mut fewer) = (0, 0);
        for (a, b) in self.0.iter().zip(&other.0) {
            let d = usize::from(a.abs_diff(*b));
            if a > b {
                more += d;
            } else {
                fewer += d;
            }
        }
        more.max(fewer)
    }
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

fn normalized_eq(name: &[char], known: &[char]) -> bool {
    name.iter()
        .copied()
        .map(normalize)
        .eq(known.iter().copied().map(normalize))
}

/// Optimal-string-alignment distance between `a` and `b`, or `None` when it
/// is above `max`. Only the band `|i - j| <= max` of the dynamic programme
/// can hold a distance within `max`, and a row whose every cell is above
/// `max` ends the search: most names are ruled out after a few characters.
fn bounded_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    const FAR: usize = usize::MAX / 2;
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Three rows (two back, for transpositions); every read and write by `get`.
    let mut rows = [[FAR; MAX_CHARS + 1]; 3];
    let [mut prev2, mut prev, mut cur] = [0, 1, 2];
    for (j, slot) in rows
        .get_mut(prev)?
        .iter_mut()
        .take(max.min(b.len()) + 1)
        .enumerate()
    {
        *slot = j;
    }
    let at = |rows: &[[usize; MAX_CHARS + 1]; 3], r: usize, k: usize| {
        rows.get(r)
            .and_then(|row| row.get(k))
            .copied()
            .unwrap_or(FAR)
    };
    for i in 1..=a.len() {
        let ca = a.get(i - 1).copied();
        let row = rows.get_mut(cur)?;
        row.fill(FAR);
        let mut best = FAR;
        if i <= max {
            *row.get_mut(0)? = i;
            best = i;
        }
        for j in i.saturating_sub(max).max(1)..=(i + max).min(b.len()) {
            let cb = b.get(j - 1).copied();
            let mut d = (at(&rows, prev, j) + 1)
                .min(at(&rows, cur, j - 1) + 1)
                .min(at(&rows, prev, j - 1) + usize::from(ca != cb));
            if i > 1 && j > 1 && ca == b.get(j - 2).copied() && a.get(i - 2).copied() == cb {
                d = d.min(at(&rows, prev2, j - 2) + 1);
            }
            *rows.get_mut(cur)?.get_mut(j)? = d;
            best = best.min(d);
        }
        if best > max {
            return None;
        }
        [prev2, prev, cur] = [prev, cur, prev2];
    }
    let d = at(&rows, prev, b.len());
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
    fn the_cache_answers_as_the_search_does() {
        let names = [
            "recievedBy",
            "Event",
            "nothing_like_it",
            "repair_complete",
            "x",
            "notes",
        ];
        for _ in 0..3 {
            for list in [Known::Events, Known::Fields] {
                for name in names {
                    assert_eq!(
                        suggest_known(list, name),
                        suggest(name, list.names()),
                        "{name}"
                    );
                }
            }
        }
        for i in 0..100 {
            let name = format!("field{i}");
            assert_eq!(
                suggest_known(Known::Fields, &name),
                suggest(&name, Known::Fields.names())
            );
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
    fn the_bag_distance_never_rules_out_a_near_miss() {
        let words = [
            "ab_c", "Ab-c", "ba c", "abcd", "a", "", "xy_1", "1y_x", "é", "e",
        ];
        for a in words {
            for b in words {
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let bag = Bag::of(ca.iter().copied()).distance(&Bag::of(cb.iter().copied()));
                if normalized_eq(&ca, &cb) {
                    assert_eq!(bag, 0, "{a} {b}");
                }
                assert!(bag <= reference(&ca, &cb), "{a} {b}");
            }
        }
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
                let bag = Bag::of(a.iter().copied()).distance(&Bag::of(b.iter().copied()));
                assert!(bag <= want, "{a:?} {b:?}");
                for max in 0..=3 {
                    let got = bounded_distance(a, b, max);
                    assert_eq!(got, (want <= max).then_some(want), "{a:?} {b:?} {max}");
                }
            }
        }
    }
}
