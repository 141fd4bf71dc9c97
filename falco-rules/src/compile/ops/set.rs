//! The constant set of `in`/`intersects` (and `= anyof`) on strings and
//! buffers.
//!
//! Invariants: `min_len`/`max_len` bound the lengths of the members (an empty
//! set has `min_len > max_len`, so nothing passes the length filter); small
//! sets are scanned linearly (a length check rejects most members without
//! touching their bytes), larger ones are hashed.

use ahash::AHashSet;

/// Sets up to this size are scanned rather than hashed.
const SCAN_MAX: usize = 8;

/// A set of byte strings.
#[derive(Clone, Debug)]
pub(crate) struct BytesSet {
    min_len: usize,
    max_len: usize,
    repr: Repr,
}

#[derive(Clone, Debug)]
enum Repr {
    Scan(Box<[Box<[u8]>]>),
    Hash(AHashSet<Box<[u8]>>),
}

impl BytesSet {
    /// Builds the set (duplicates are dropped).
    pub(crate) fn new(items: impl IntoIterator<Item = Box<[u8]>>) -> BytesSet {
        let set: AHashSet<Box<[u8]>> = items.into_iter().collect();
        let min_len = set.iter().map(|b| b.len()).min().unwrap_or(usize::MAX);
        let max_len = set.iter().map(|b| b.len()).max().unwrap_or(0);
        let repr = if set.len() <= SCAN_MAX {
            let mut v: Vec<Box<[u8]>> = set.into_iter().collect();
            v.sort();
            Repr::Scan(v.into())
        } else {
            Repr::Hash(set)
        };
        BytesSet {
            min_len,
            max_len,
            repr,
        }
    }

    /// Number of members.
    pub(crate) fn len(&self) -> usize {
        match &self.repr {
            Repr::Scan(v) => v.len(),
            Repr::Hash(h) => h.len(),
        }
    }

    /// True if `b` is a member.
    #[inline]
    pub(crate) fn contains(&self, b: &[u8]) -> bool {
        if b.len() < self.min_len || b.len() > self.max_len {
            return false;
        }
        match &self.repr {
            Repr::Scan(v) => v.iter().any(|m| super::bytes_eq(m, b)),
            Repr::Hash(h) => h.contains(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[&str]) -> BytesSet {
        BytesSet::new(items.iter().map(|s| s.as_bytes().into()))
    }

    #[test]
    fn small_and_large_sets_agree() {
        let words = [
            "a", "bb", "ccc", "", "dddd", "ee", "f", "gg", "hhh", "i", "jjjj", "k",
        ];
        for n in [0, 1, 3, 8, 9, 12] {
            let s = set(&words[..n]);
            for (i, w) in words.iter().enumerate() {
                assert_eq!(s.contains(w.as_bytes()), i < n, "{n} {w:?}");
            }
            assert!(!s.contains(b"zz"));
        }
    }
}
