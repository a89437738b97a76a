//! The keys the rule table knows, numbered: the event's name first, then
//! the fields of `rules::FIELDS` in its order. A JS value's tape carries
//! such a key as its number (src/tape.rs), and the walk goes from the
//! number straight to the field: no hash of the name, no comparison. JSON
//! text finds the event's members by name as it reads them
//! (`field_index::known_key`), and hands on their number the same way.

use crate::rules::{FieldSpec, FieldType, EVENT_FIELD, FIELDS};

/// A key of the rule table, by its number (see the module's
/// documentation). Only a number that names a key makes one, so the field
/// it stands for is always there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownKey(u8);

// Every number fits the byte a tape gives it.
const _: () = assert!(FIELDS.len() < u8::MAX as usize);

impl KnownKey {
    /// The event's name (`event`), number 0.
    pub const EVENT: KnownKey = KnownKey(0);

    /// The key numbered `index`, if there is one.
    pub fn from_index(index: u8) -> Option<KnownKey> {
        (usize::from(index) <= FIELDS.len()).then_some(KnownKey(index))
    }

    /// The key named `name` (case-sensitive), if it is a known one: found
    /// in the field table (`field_index::known_key`), as JSON text finds it.
    pub fn of_name(name: &str) -> Option<KnownKey> {
        crate::field_index::known_key(name)
    }

    /// Every known key, in the order of their numbers.
    pub fn all() -> impl Iterator<Item = KnownKey> {
        (0..=u8::MAX).map_while(KnownKey::from_index)
    }

    /// Its number.
    pub fn index(self) -> u8 {
        self.0
    }

    /// Its name: the JSON key.
    pub fn name(self) -> &'static str {
        self.field().map_or(EVENT_FIELD, |spec| spec.name)
    }

    /// Whether the walk reads the text of a string given as this key's
    /// value in the event: the event's name, and an enum field's value,
    /// are compared; any other string is only measured (`tape::measured`).
    pub fn value_text_read(self) -> bool {
        self.field()
            .is_none_or(|spec| matches!(spec.ty, FieldType::Enum(_)))
    }

    /// The field of the rule table it is; `None` for the event's name.
    pub fn field(self) -> Option<&'static FieldSpec> {
        // The event's name, 0, wraps past the table.
        FIELDS.get(usize::from(self.0).wrapping_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_event_then_every_field_in_order() {
        let names: Vec<&str> = KnownKey::all().map(KnownKey::name).collect();
        let mut expected = vec![EVENT_FIELD];
        expected.extend(FIELDS.iter().map(|f| f.name));
        assert_eq!(names, expected);
        assert_eq!(KnownKey::EVENT.field(), None);
        assert_eq!(KnownKey::from_index(FIELDS.len() as u8 + 1), None);
        assert_eq!(KnownKey::from_index(u8::MAX), None);
    }

    #[test]
    fn a_key_is_found_by_its_name_and_its_number_as_the_rule_table_says() {
        for key in KnownKey::all() {
            assert_eq!(KnownKey::of_name(key.name()), Some(key));
            assert_eq!(KnownKey::from_index(key.index()), Some(key));
            // The field a number gives is the one the name finds.
            assert_eq!(
                key.field().map(|f| f.name),
                crate::rules::field(key.name()).map(|f| f.name)
            );
        }
        for other in ["", "Event", "notes ", "__proto__", "x"] {
            assert_eq!(KnownKey::of_name(other), None, "{other:?}");
        }
    }

    #[test]
    fn known_keys_are_plain_ascii() {
        // What the walk and the tape rely on: a known key is never
        // `__proto__`, counts a character a byte, and goes into a JSON
        // Pointer as it is (`Pointer::push_plain_key`).
        for key in KnownKey::all() {
            let name = key.name();
            assert!(name.is_ascii(), "{name}");
            assert_ne!(name, "__proto__");
            assert!(!name.contains(['~', '/']), "{name}");
        }
    }
}
