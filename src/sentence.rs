//! Messages are built by joining their pieces into a string reserved at
//! its exact size. `format!` grows its string piece by piece through the
//! formatting machinery (a padding check per argument, a reallocation as
//! it grows): measured, that was most of what building an issue cost,
//! about half of an invalid event's cost over a valid one's in the module.

/// A piece of a sentence: text, or a word with its article.
pub(crate) trait Piece {
    /// Its length in bytes.
    fn size(&self) -> usize;
    /// Writes it at the end of `out`.
    fn push_to(&self, out: &mut String);
}

impl<T: AsRef<str> + ?Sized> Piece for T {
    fn size(&self) -> usize {
        self.as_ref().len()
    }
    fn push_to(&self, out: &mut String) {
        out.push_str(self.as_ref());
    }
}

/// A description with its article (`an` + ` object`), as two pieces, so
/// that it is not written into a string of its own first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Article<'a>(pub &'static str, pub &'a str);

impl Piece for Article<'_> {
    fn size(&self) -> usize {
        self.0.len() + self.1.len()
    }
    fn push_to(&self, out: &mut String) {
        out.push_str(self.0);
        out.push_str(self.1);
    }
}

/// Pieces not joined yet: written where they go (an issue's field in its
/// result's text, `crate::draft`), with no string of their own.
#[derive(Clone, Copy)]
pub(crate) struct Pieces<'a> {
    /// The pieces, in order.
    pub list: &'a [&'a dyn Piece],
}

impl Piece for Pieces<'_> {
    fn size(&self) -> usize {
        self.list.iter().map(|p| p.size()).sum()
    }
    fn push_to(&self, out: &mut String) {
        for piece in self.list {
            piece.push_to(out);
        }
    }
}

/// The pieces joined, in one allocation.
pub(crate) fn join(pieces: &[&dyn Piece]) -> String {
    let mut out = String::with_capacity(pieces.iter().map(|p| p.size()).sum());
    for piece in pieces {
        piece.push_to(&mut out);
    }
    out
}

/// `join` of anything that is a `str` (a `&str`, a `String`, a `Cow<str>`)
/// or an `Article`: `sentence!(label, " is null.")`.
macro_rules! sentence {
    ($($piece:expr),+ $(,)?) => {
        $crate::sentence::join(&[$(&$piece as &dyn $crate::sentence::Piece),+])
    };
}

/// As `sentence!`, not joined: a `Pieces` to write where it goes.
macro_rules! pieces {
    ($($piece:expr),+ $(,)?) => {
        $crate::sentence::Pieces { list: &[$(&$piece as &dyn $crate::sentence::Piece),+] }
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn pieces_join_in_order() {
        let owned = String::from("b");
        let article = super::Article("an ", "x");
        let text = sentence!("a", owned, std::borrow::Cow::Borrowed("c"), "", article);
        assert_eq!(text, "abcan x");
        assert_eq!(text.capacity(), 7);
    }

    #[test]
    fn pieces_write_the_same_text() {
        let owned = String::from("b");
        let article = super::Article("an ", "x");
        let mut out = String::from(">");
        super::Piece::push_to(&pieces!("a", owned, "", article), &mut out);
        assert_eq!(out, format!(">{}", sentence!("a", owned, "", article)));
    }
}
