//! JSON as the validator reads it: every member of every object kept in
//! document order, duplicates included. `serde_json::Value` keeps only the
//! last of a repeated key, but the product reads the first `event` and
//! reports issues inside every copy, so invariants are checked on this tree.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::fmt;

/// A JSON value with every object member kept, in order.
#[derive(Debug)]
pub enum Tree {
    /// A string.
    String(String),
    /// `null`, a boolean or a number: nothing a path can enter.
    Scalar,
    /// An array.
    Array(Vec<Tree>),
    /// An object: members in document order, a repeated key as often as written.
    Object(Vec<(String, Tree)>),
}

impl Tree {
    /// Reads JSON text as serde_json does (the same grammar and recursion
    /// limit), keeping every member. `None` when serde_json rejects it.
    pub fn parse(text: &[u8]) -> Option<Tree> {
        let mut de = serde_json::Deserializer::from_slice(text);
        let tree = Tree::deserialize(&mut de).ok()?;
        de.end().ok()?;
        Some(tree)
    }

    /// The value of the first member named `key`, as the product reads it.
    pub fn first(&self, key: &str) -> Option<&Tree> {
        match self {
            Tree::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Whether an RFC 6901 pointer names a value in some copy of the tree:
    /// at a repeated key, any of its values may hold the rest of the path.
    pub fn resolves(&self, pointer: &str) -> bool {
        let Some(rest) = pointer.strip_prefix('/') else {
            return pointer.is_empty();
        };
        let (segment, rest) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        let segment = segment.replace("~1", "/").replace("~0", "~");
        match self {
            Tree::Object(members) => members
                .iter()
                .any(|(k, v)| *k == segment && v.resolves(rest)),
            Tree::Array(items) => segment
                .parse::<usize>()
                .ok()
                .filter(|i| segment == i.to_string())
                .and_then(|i| items.get(i))
                .is_some_and(|v| v.resolves(rest)),
            _ => false,
        }
    }
}

impl From<&Value> for Tree {
    fn from(value: &Value) -> Tree {
        match value {
            Value::String(s) => Tree::String(s.clone()),
            Value::Array(items) => Tree::Array(items.iter().map(Tree::from).collect()),
            Value::Object(map) => Tree::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), Tree::from(v)))
                    .collect(),
            ),
            _ => Tree::Scalar,
        }
    }
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Tree, D::Error> {
        deserializer.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Tree, E> {
        Ok(Tree::Scalar)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Tree, E> {
        Ok(Tree::Scalar)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Tree, E> {
        Ok(Tree::Scalar)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Tree, E> {
        Ok(Tree::Scalar)
    }
    fn visit_unit<E>(self) -> Result<Tree, E> {
        Ok(Tree::Scalar)
    }
    fn visit_str<E>(self, s: &str) -> Result<Tree, E> {
        Ok(Tree::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Tree, E> {
        Ok(Tree::String(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Tree::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut members = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Tree>()? {
            members.push((key, value));
        }
        Ok(Tree::Object(members))
    }
}
