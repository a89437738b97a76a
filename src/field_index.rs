//! Finds a known field by its key in one or two probes of a table the
//! compiler builds from the rule table (`rules::FIELDS`), instead of
//! comparing the key with each of the fields' names in turn: every member
//! of every event is looked up, and a walk through the table cost a
//! length test per field and a comparison per field of the same length.
//! JSON text finds the event's members here as it reads them
//! (`known_key`), and the walk goes from their number to the field.

use crate::known_key::KnownKey;
use crate::rules::{FieldSpec, EVENT_FIELD, FIELDS};

/// The table's slots: a power of two, over twice the fields, so that a
/// probe sequence stays short.
const SLOTS: usize = 64;

/// A slot holding no field (no field has this index: see the assertion).
const EMPTY: u8 = u8::MAX;

const _: () = assert!(FIELDS.len() * 2 <= SLOTS && FIELDS.len() < EMPTY as usize);

/// The first slot tried for a name of `len` bytes with these first, middle
/// and last bytes. The multipliers put every field of today's table in a
/// slot of its own (found at the first probe); a field added later may
/// need a probe more, which the tests bound.
const fn slot_of(len: usize, first: u8, middle: u8, last: u8) -> usize {
    (len.wrapping_mul(13)
        ^ (first as usize).wrapping_mul(9)
        ^ (middle as usize).wrapping_mul(15)
        ^ last as usize)
        & (SLOTS - 1)
}

/// Each field's index in `FIELDS`, at the first free slot from its name's
/// (open addressing, linear probing); `EMPTY` elsewhere.
// Evaluated by the compiler: an index out of range would fail the build.
#[allow(clippy::indexing_slicing)]
const TABLE: [u8; SLOTS] = {
    let mut table = [EMPTY; SLOTS];
    let mut i = 0;
    while i < FIELDS.len() {
        let name = FIELDS[i].name.as_bytes();
        let n = name.len();
        let mut slot = slot_of(n, name[0], name[n / 2], name[n - 1]);
        while table[slot] != EMPTY {
            slot = (slot + 1) & (SLOTS - 1);
        }
        table[slot] = i as u8;
        i += 1;
    }
    table
};

/// The known field whose key is exactly `name` (case-sensitive).
pub fn field(name: &str) -> Option<&'static FieldSpec> {
    FIELDS.get(index(name)?)
}

/// The known key whose name is exactly `name` (case-sensitive): the
/// event's name or a field's.
pub fn known_key(name: &str) -> Option<KnownKey> {
    if name == EVENT_FIELD {
        return Some(KnownKey::EVENT);
    }
    // Fields follow the event's name in the keys' numbering.
    KnownKey::from_index(u8::try_from(index(name)? + 1).ok()?)
}

/// The index in `FIELDS` of the field whose key is exactly `name`.
fn index(name: &str) -> Option<usize> {
    let bytes = name.as_bytes();
    let (&first, &last) = (bytes.first()?, bytes.last()?);
    let middle = bytes.get(bytes.len() / 2).copied().unwrap_or_default();
    let mut slot = slot_of(bytes.len(), first, middle, last);
    // Ends at an empty slot at the latest: at most half the slots are taken.
    loop {
        let i = usize::from(*TABLE.get(slot)?);
        if FIELDS.get(i)?.name == name {
            return Some(i);
        }
        slot = (slot + 1) & (SLOTS - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slots tried before `name`'s own is found, or an empty one.
    fn probes(name: &str) -> usize {
        let b = name.as_bytes();
        let mut slot = slot_of(b.len(), b[0], b[b.len() / 2], b[b.len() - 1]);
        let mut n = 1;
        while TABLE[slot] != EMPTY && FIELDS[usize::from(TABLE[slot])].name != name {
            slot = (slot + 1) & (SLOTS - 1);
            n += 1;
        }
        n
    }

    #[test]
    fn every_field_is_found_as_itself() {
        for spec in FIELDS {
            assert_eq!(field(spec.name).unwrap().name, spec.name);
        }
    }

    #[test]
    fn every_known_key_is_found_by_its_name_as_its_number() {
        for key in KnownKey::all() {
            assert_eq!(known_key(key.name()), Some(key), "{}", key.name());
        }
        for other in ["", "Event", "events", "__proto__", "notes "] {
            assert_eq!(known_key(other), None, "{other:?}");
        }
    }

    #[test]
    fn a_field_takes_at_most_three_probes() {
        // What makes the table worth having: should a new field's name
        // crowd it, change the hash's multipliers or SLOTS.
        for spec in FIELDS {
            assert!(
                probes(spec.name) <= 3,
                "{}: {} probes",
                spec.name,
                probes(spec.name)
            );
        }
    }

    #[test]
    fn anything_else_is_not_a_field() {
        let mut others = vec![
            String::new(),
            "event".into(),
            "x".into(),
            "__proto__".into(),
        ];
        for spec in FIELDS {
            let name = spec.name;
            others.push(name.to_uppercase());
            others.push(format!("{name} "));
            others.push(name[..name.len() - 1].to_owned());
            others.push(format!("{}X{}", &name[..1], &name[1..]));
            others.push(name.replacen(&name[name.len() / 2..=name.len() / 2], "_", 1));
        }
        for other in &others {
            let linear = FIELDS.iter().find(|f| f.name == other);
            assert_eq!(
                field(other).map(|f| f.name),
                linear.map(|f| f.name),
                "{other:?}"
            );
        }
    }
}
