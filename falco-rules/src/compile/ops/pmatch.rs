//! `pmatch`: component-wise path-prefix matching (libsinsp `path_prefix_search`).
//!
//! Each right-hand path is split on `/` with empty components dropped, so
//! `/opt//dir/` is `[opt, dir]`. A value matches when some path is a
//! component-wise prefix of it (or equal to it): `/opt/dir` matches
//! `/opt/dir/subdir/file.txt` but `/opt/di` does not. A component holding
//! `?`, `*` or `[` is an fnmatch pattern for one value component, so
//! `/opt/*/subdir` matches `/opt/dir/subdir/x`. The path `/` (no components)
//! matches every value.
//!
//! Invariant of the trie: a [`Child::Leaf`] ends a path; adding a longer path
//! below a leaf changes nothing (the shorter prefix already matches more), and
//! adding a path that ends at an inner node turns it into a leaf.

use ahash::AHashMap;

use super::glob::fnmatch;

/// A set of path prefixes.
#[derive(Clone, Debug, Default)]
pub(crate) struct PathSet {
    root: Option<Child>,
}

#[derive(Clone, Debug)]
enum Child {
    Leaf,
    Node(Box<Node>),
}

#[derive(Clone, Debug, Default)]
struct Node {
    direct: AHashMap<Box<[u8]>, Child>,
    globs: Vec<(Box<[u8]>, Child)>,
}

fn components(path: &[u8]) -> impl Iterator<Item = &[u8]> + Clone {
    path.split(|&b| b == b'/').filter(|c| !c.is_empty())
}

impl PathSet {
    /// Adds one right-hand path.
    pub(crate) fn add(&mut self, path: &[u8]) {
        let comps: Vec<&[u8]> = components(path).collect();
        let root = self.root.get_or_insert_with(|| Child::Node(Box::default()));
        insert(root, &comps);
    }

    /// True if some path is a component-wise prefix of `value`.
    #[inline]
    pub(crate) fn is_match(&self, value: &[u8]) -> bool {
        match &self.root {
            None => false,
            Some(c) => child_matches(c, components(value)),
        }
    }
}

fn insert(child: &mut Child, comps: &[&[u8]]) {
    let Child::Node(node) = child else {
        return; // a shorter path already covers this one
    };
    let Some((first, rest)) = comps.split_first() else {
        *child = Child::Leaf;
        return;
    };
    let is_glob = first.iter().any(|b| matches!(b, b'?' | b'*' | b'['));
    let slot = if is_glob {
        match node.globs.iter().position(|(g, _)| &g[..] == *first) {
            Some(i) => &mut node.globs[i].1,
            None => {
                node.globs
                    .push(((*first).into(), Child::Node(Box::default())));
                let last = node.globs.len() - 1;
                &mut node.globs[last].1
            }
        }
    } else {
        node.direct
            .entry((*first).into())
            .or_insert_with(|| Child::Node(Box::default()))
    };
    insert(slot, rest);
}

fn child_matches<'a>(child: &Child, mut comps: impl Iterator<Item = &'a [u8]> + Clone) -> bool {
    let node = match child {
        Child::Leaf => return true,
        Child::Node(n) => n,
    };
    let Some(c) = comps.next() else {
        return false; // the value is shorter than every path here
    };
    if let Some(next) = node.direct.get(c) {
        if child_matches(next, comps.clone()) {
            return true;
        }
    }
    node.globs
        .iter()
        .any(|(g, next)| fnmatch(g, c, false) && child_matches(next, comps.clone()))
}
