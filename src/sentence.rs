//! Messages are built by joining their pieces into a string reserved at
//! its exact size. `format!` grows its string piece by piece through the
//! formatting machinery (a padding check per argument, a reallocation as
//! it grows): measured, that was most of what building an issue cost,
//! about half of an invalid event's cost over a valid one's in the module.

/// The pieces joined, in one allocation.
pub(crate) fn join(pieces: &[&str]) -> String {
    let mut out = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for piece in pieces {
        out.push_str(piece);
    }
    out
}

/// `join` of anything that is a `str` (a `&str`, a `String`, a `Cow<str>`):
/// `sentence!(label, " is null.")`.
macro_rules! sentence {
    ($($piece:expr),+ $(,)?) => {
        $crate::sentence::join(&[$(::core::convert::AsRef::<str>::as_ref(&$piece)),+])
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn pieces_join_in_order() {
        let owned = String::from("b");
        let text = sentence!("a", owned, std::borrow::Cow::Borrowed("c"), "");
        assert_eq!(text, "abc");
        assert_eq!(text.capacity(), 3);
    }
}
