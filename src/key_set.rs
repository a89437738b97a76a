//! The keys of one big object, for duplicate checks: an open-addressing
//! hash table of indices (the keys themselves stay where the reader keeps
//! them), so a key costs a hash and a probe or two, with no allocation per
//! key. A fixed hash can be flooded with keys that collide, so the table
//! counts its probes: past a budget linear in its keys it gives up (`None`),
//! and the caller moves the object's keys to an ordered set, which costs a
//! logarithm whatever the keys.

/// Probes a table may make in all: this many per key, plus a start.
const PROBES_PER_KEY: usize = 8;
const PROBES_AT_START: usize = 64;

/// Slots of a new table (`with_capacity` of up to 64 keys).
const START_SLOTS: usize = 128;
/// Slots of the largest table kept for the next object.
const MAX_KEPT_SLOTS: usize = 4096;

/// Indices of the keys of one object, by their hashes.
#[derive(Debug, Default)]
pub(crate) struct KeySet {
    /// Per slot: the index of a key, plus one (0: empty).
    slots: Vec<u32>,
    /// Per slot: the hash of its key.
    hashes: Vec<u64>,
    len: usize,
    probes: usize,
}

impl KeySet {
    /// A table with room for about `keys` keys before it grows.
    pub fn with_capacity(keys: usize) -> KeySet {
        let size = (keys * 2).next_power_of_two().max(32);
        KeySet {
            slots: vec![0; size],
            hashes: vec![0; size],
            len: 0,
            probes: 0,
        }
    }

    /// Empties the table for another object's keys, its slots kept, when it
    /// is no larger than the object of `keys` keys that used it would have
    /// grown it (or than a new table): emptying it then costs no more than
    /// filling it did, whichever object took it. `false` otherwise, and the
    /// table is left as it is (to be dropped).
    pub fn clear_for_reuse(&mut self, keys: usize) -> bool {
        let size = self.slots.len();
        if size > MAX_KEPT_SLOTS || size > (4 * keys).max(START_SLOTS) {
            return false;
        }
        self.slots.fill(0);
        self.len = 0;
        self.probes = 0;
        true
    }

    /// Adds the key of `index` with `hash` unless an equal one is there:
    /// `Some(true)` when one is (`same(i)` says whether the key of index `i`
    /// equals this one), `Some(false)` when it was added, and `None` when
    /// the probe budget is spent (a flood of colliding keys: nothing added).
    pub fn insert(
        &mut self,
        hash: u64,
        index: usize,
        same: impl Fn(usize) -> bool,
    ) -> Option<bool> {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let budget = PROBES_AT_START + PROBES_PER_KEY * self.len;
        let mask = self.slots.len() - 1;
        let mut slot = spread(hash, mask);
        loop {
            self.probes += 1;
            if self.probes > budget {
                return None;
            }
            match self.slots.get(slot).copied() {
                Some(0) | None => break,
                Some(taken) => {
                    let other = taken as usize - 1;
                    if self.hashes.get(slot) == Some(&hash) && same(other) {
                        return Some(true);
                    }
                }
            }
            slot = (slot + 1) & mask;
        }
        let stored = u32::try_from(index + 1).ok()?;
        if let (Some(s), Some(h)) = (self.slots.get_mut(slot), self.hashes.get_mut(slot)) {
            *s = stored;
            *h = hash;
        }
        self.len += 1;
        Some(false)
    }

    /// Twice the slots, every key placed again by its hash (they are
    /// distinct: no comparison).
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(32);
        let old = std::mem::replace(self, KeySet::with_capacity(size / 2));
        self.len = old.len;
        self.probes = old.probes;
        let mask = size - 1;
        for (&taken, &hash) in old.slots.iter().zip(&old.hashes) {
            if taken == 0 {
                continue;
            }
            let mut slot = spread(hash, mask);
            while self.slots.get(slot).is_some_and(|&s| s != 0) {
                slot = (slot + 1) & mask;
            }
            if let (Some(s), Some(h)) = (self.slots.get_mut(slot), self.hashes.get_mut(slot)) {
                *s = taken;
                *h = hash;
            }
        }
    }
}

/// The first slot of `hash`: its high bits, mixed once more (slots are
/// picked by the low bits of the product's top).
fn spread(hash: u64, mask: usize) -> usize {
    let mixed = hash.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (mixed >> 32) as usize & mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_duplicates_and_only_them() {
        let keys: Vec<String> = (0..1000).map(|i| format!("k{}", i % 700)).collect();
        let mut set = KeySet::with_capacity(4);
        let mut seen = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            let mut hasher = std::hash::DefaultHasher::new();
            std::hash::Hash::hash(key, &mut hasher);
            let hash = std::hash::Hasher::finish(&hasher);
            let dup = set.insert(hash, i, |j| keys[j] == *key).unwrap();
            assert_eq!(dup, seen.contains(key), "{key}");
            seen.push(key.clone());
        }
    }

    #[test]
    fn a_table_is_kept_only_when_emptying_it_costs_what_filling_it_did() {
        let mut set = KeySet::with_capacity(64);
        assert_eq!(set.slots.len(), START_SLOTS);
        for i in 0..300 {
            assert_eq!(
                set.insert(i as u64 * 0x1_0000_0001, i, |_| false),
                Some(false)
            );
        }
        assert_eq!(set.slots.len(), 1024);
        // Taken by an object of 20 keys: too large to empty for it.
        assert!(!set.clear_for_reuse(20));
        assert!(set.clear_for_reuse(300));
        assert!(set.slots.iter().all(|&s| s == 0));
        assert_eq!((set.len, set.probes), (0, 0));
        // Empty again, it finds what it holds and only that.
        assert_eq!(set.insert(7, 0, |_| true), Some(false));
        assert_eq!(set.insert(7, 1, |i| i == 0), Some(true));
        assert_eq!(set.insert(8, 1, |_| true), Some(false));
    }

    #[test]
    fn gives_up_on_a_flood_of_one_hash() {
        let mut set = KeySet::with_capacity(4);
        let gave_up = (0..10_000).any(|i| set.insert(7, i, |_| false).is_none());
        assert!(gave_up);
        assert!(set.probes <= PROBES_AT_START + PROBES_PER_KEY * set.len + 1);
    }
}
