//! In-kernel prefilters pushed down from the rules.
//!
//! At load, [`Prefilter::from_engine`] reads the conditions of every active
//! `syscall` rule (as `falco-rules`' resolver expands them: read-only, the
//! compiler is not involved) and works
//! out, for each open-family syscall (`open`, `openat`, `openat2`, `creat`),
//! the paths a **failed** call must have for some rule to fire on its event:
//! a set of exact paths and path prefixes ([`PathSet`]). The probe then
//! leaves out, in the kernel, every failed call of those syscalls whose path
//! is absolute, canonical and outside the set.
//!
//! # Why only failed calls
//!
//! A successful open adds an fd to the thread's fd table; later events read
//! it (`close`, `dup`, `fcntl`, the `dirfd` of a relative `openat`, the
//! `fd.*` fields of any rule on an fd event), so the host state needs every
//! successful open whatever the rules say. A failed open creates no fd and
//! the host state ignores it (`HostState::update` returns at a negative
//! result); so a failed call matters only to the rules that can match it,
//! and those are what the analysis bounds. The TOCTOU enter events are a
//! separate matter: neither the state nor the rules read them (see
//! `falco_events::state::rules_see`), and [`ProbeConfig::enter_events`]
//! turns them off.
//!
//! # The analysis
//!
//! For a syscall `S` and a rule whose event types include `S`'s exit event,
//! `need(condition)` is a superset of the paths with which the condition can
//! hold on a failed `S` event, or "anything" when it cannot say:
//!
//! - `fd.name = P`, `fd.name in (...)`: the exact paths; `fd.name startswith
//!   P`, `fd.name pmatch (...)`: the prefixes; `fd.name glob G`: the literal
//!   part of `G` before its first wildcard, as a prefix; `fd.directory = D`
//!   or `in (...)`: the prefix `D/`.
//! - `fd.nameraw` as `fd.name` (the same on the paths the probe may leave
//!   out); `contains` of `../`, `//` or `/./`: the empty set (the probe
//!   passes every path with one of them);
//! - a check that cannot hold on a failed call (`fd.num >= 0`,
//!   `fd.num > -1`, `evt.rawres >= 0`, `evt.failed = false`), or an
//!   `evt.type` check that leaves `S` out: the empty set;
//! - `a and b`: the smallest set among its children (each is a superset);
//!   `a or b`: the union, or anything if one child is anything; `not a`,
//!   and every other check: anything.
//!
//! A syscall gets a filter only when every active rule that can see it has
//! a bounded set; the filter is the union of those sets.
//!
//! ```
//! use falco_driver_bpf::Prefilter;
//! let conditions = [
//!     "evt.type = openat and fd.name startswith /etc",
//!     "evt.type in (open, openat) and fd.num >= 0 and proc.name = cat",
//! ];
//! let filter = Prefilter::from_conditions(conditions.iter().map(|c| (*c, None)));
//! let openat = filter.paths("openat").unwrap();
//! assert!(openat.prefixes.contains("/etc"));
//! assert!(filter.drops("openat", "/tmp/x"));
//! assert!(!filter.drops("openat", "/etc/shadow"));
//! assert!(!filter.drops("openat", "relative/path"));
//! // `creat` is no rule's event type here: none of its failures matter.
//! assert!(filter.drops("creat", "/etc/x"));
//! ```
//!
//! [`ProbeConfig::enter_events`]: crate::ProbeConfig::enter_events

use std::collections::{BTreeMap, BTreeSet};

use falco_rules::ast::{Check, Expr, Operand, Operator, Rhs};
use falco_rules::resolve::ResolvedRuleset;
use falco_rules::rules::LoadResult;
use falco_rules::{parse_condition, Engine, EventSet};

/// Longest key the kernel's path trie takes (bytes, a NUL included).
pub(crate) const PATH_MAX: usize = 256;

/// The syscalls prefilters apply to: name, exit event code, the index of
/// the path argument, and the slot bit of the kernel's mask.
pub(crate) const FILTERED: [(&str, u16, u8, u32); 4] = [
    ("open", 3, 0, 1 << 0),
    ("openat", 307, 1, 1 << 1),
    ("openat2", 327, 1, 1 << 2),
    ("creat", 59, 0, 1 << 3),
];

/// Paths that can match: exact paths and prefixes (byte prefixes, as
/// `startswith` means them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PathSet {
    /// Paths that match only as a whole.
    pub exact: BTreeSet<String>,
    /// Prefixes: any path that starts with one of them matches.
    pub prefixes: BTreeSet<String>,
}

impl PathSet {
    fn len(&self) -> usize {
        self.exact.len() + self.prefixes.len()
    }

    fn union(mut self, other: PathSet) -> PathSet {
        self.exact.extend(other.exact);
        self.prefixes.extend(other.prefixes);
        self
    }

    /// Whether `path` is in the set.
    pub fn matches(&self, path: &str) -> bool {
        self.exact.contains(path) || self.prefixes.iter().any(|p| path.starts_with(p.as_str()))
    }
}

/// Per open-family syscall, the paths a failed call needs for any active
/// rule to fire (see the module docs). A syscall with no entry has no
/// filter: all its events go out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prefilter {
    per_syscall: BTreeMap<&'static str, PathSet>,
}

impl Prefilter {
    /// The prefilter of the active `syscall` rules of `engine`: their
    /// conditions as the resolver expands them (macros, lists,
    /// exceptions), with the event types the compiler gave each rule.
    pub fn from_engine(engine: &Engine) -> Prefilter {
        let rules = active_rules(engine);
        Prefilter::from_exprs(rules.iter().map(|(_, e, t)| (e.as_ref(), Some(*t))))
    }

    /// The active `syscall` rules that leave a syscall unfiltered (their
    /// condition bounds nothing on a failed call of it), as (syscall, rule
    /// name): what to narrow for the prefilter to apply.
    pub fn unbounded_rules(engine: &Engine) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for (name, expr, types) in active_rules(engine) {
            for (syscall, code, _, _) in FILTERED {
                if types.contains(code) && expr.as_ref().and_then(|e| need(e, syscall)).is_none() {
                    out.push((syscall, name.to_string()));
                }
            }
        }
        out
    }

    /// The prefilter of a set of conditions (resolved: macros expanded,
    /// lists inlined), each with its event types (None: read them from the
    /// condition's `evt.type` checks, which the analysis does anyway). A
    /// condition that does not parse leaves every syscall it may concern
    /// unfiltered.
    pub fn from_conditions<'a>(
        conditions: impl IntoIterator<Item = (&'a str, Option<&'a EventSet>)>,
    ) -> Prefilter {
        let parsed: Vec<(Option<Expr>, Option<&EventSet>)> = conditions
            .into_iter()
            .map(|(text, types)| (parse_condition(text).ok(), types))
            .collect();
        Prefilter::from_exprs(parsed.iter().map(|(e, t)| (e.as_ref(), *t)))
    }

    fn from_exprs<'a>(
        conditions: impl IntoIterator<Item = (Option<&'a Expr>, Option<&'a EventSet>)>,
    ) -> Prefilter {
        let conditions: Vec<_> = conditions.into_iter().collect();
        let mut per_syscall = BTreeMap::new();
        'syscall: for (name, code, _, _) in FILTERED {
            let mut set = PathSet::default();
            for (expr, types) in &conditions {
                if types.is_some_and(|t| !t.contains(code)) {
                    continue;
                }
                let Some(expr) = expr else {
                    continue 'syscall;
                };
                match need(expr, name) {
                    Some(s) => set = set.union(s),
                    None => continue 'syscall,
                }
            }
            // The kernel's trie holds keys of at most PATH_MAX bytes; an
            // empty prefix matches every path.
            let storable = set.exact.iter().all(|p| p.len() < PATH_MAX)
                && set
                    .prefixes
                    .iter()
                    .all(|p| !p.is_empty() && p.len() < PATH_MAX);
            if storable {
                per_syscall.insert(name, set);
            }
        }
        Prefilter { per_syscall }
    }

    /// A prefilter that filters nothing.
    pub fn none() -> Prefilter {
        Prefilter::default()
    }

    /// The paths a failed `syscall` needs, if it is filtered.
    pub fn paths(&self, syscall: &str) -> Option<&PathSet> {
        self.per_syscall.get(syscall)
    }

    /// The filtered syscalls and their paths.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &PathSet)> {
        self.per_syscall.iter().map(|(k, v)| (*k, v))
    }

    /// Whether the probe leaves out a failed `syscall` on `path` (the
    /// kernel's decision, in Rust): the syscall is filtered, the path is
    /// absolute and canonical, shorter than the kernel's key, and in no set.
    pub fn drops(&self, syscall: &str, path: &str) -> bool {
        let Some(set) = self.per_syscall.get(syscall) else {
            return false;
        };
        !path.is_empty()
            && path.len() < PATH_MAX - 1
            && path.starts_with('/')
            && is_canonical(path)
            && !set.matches(path)
    }

    /// The kernel's trie entries: key bytes (an exact path with its NUL)
    /// and the mask of the syscall slots whose rules need it, folded down
    /// from shorter stored prefixes so the longest match says everything.
    pub(crate) fn trie_entries(&self) -> Vec<(Vec<u8>, u32)> {
        let mut keys: BTreeMap<Vec<u8>, u32> = BTreeMap::new();
        for (name, _, _, slot) in FILTERED {
            let Some(set) = self.per_syscall.get(name) else {
                continue;
            };
            for p in &set.exact {
                let mut k = p.as_bytes().to_vec();
                k.push(0);
                *keys.entry(k).or_default() |= slot;
            }
            for p in &set.prefixes {
                *keys.entry(p.as_bytes().to_vec()).or_default() |= slot;
            }
        }
        let all: Vec<(Vec<u8>, u32)> = keys.into_iter().collect();
        all.iter()
            .map(|(k, mask)| {
                let inherited = all
                    .iter()
                    .filter(|(p, _)| p.len() < k.len() && k.starts_with(p))
                    .fold(*mask, |m, (_, pm)| m | pm);
                (k.clone(), inherited)
            })
            .collect()
    }
}

/// True if `path` (absolute) is what user space's path normalization
/// leaves unchanged (no `//`, no `.` or `..` component, no trailing `/`)
/// and has no `../` at all (which the rules' directory-traversal checks
/// look for in the raw path, even in `/a../b`).
fn is_canonical(path: &str) -> bool {
    if path.len() > 1 && path.ends_with('/') {
        return false;
    }
    !path.contains("//")
        && !path.contains("../")
        && !path.split('/').skip(1).any(|c| c == "." || c == "..")
}

/// The active `syscall` rules of `engine`: name, resolved condition (None
/// if it did not resolve again), event types.
fn active_rules(engine: &Engine) -> Vec<(&str, Option<Expr>, &EventSet)> {
    let mut result = LoadResult::new("prefilter");
    let resolved = ResolvedRuleset::resolve(engine.collector(), &mut result);
    let exprs: BTreeMap<&str, &Expr> = resolved
        .rules()
        .iter()
        .map(|r| (resolved.info(r).name.as_str(), &r.expr))
        .collect();
    let ruleset = engine.ruleset();
    let rules = ruleset.rules();
    ruleset
        .active()
        .into_iter()
        .filter_map(|i| rules.get(i))
        .filter(|r| &*r.source == "syscall")
        .map(|r| {
            (
                &*r.name,
                exprs.get(&*r.name).map(|e| (*e).clone()),
                &r.event_types,
            )
        })
        .collect()
}

/// A superset of the paths with which `expr` can hold on a failed
/// `syscall` event, or None for "any path" (see the module docs).
fn need(expr: &Expr, syscall: &str) -> Option<PathSet> {
    match expr {
        Expr::And(children) => children
            .iter()
            .filter_map(|c| need(c, syscall))
            .min_by_key(PathSet::len),
        Expr::Or(children) => children.iter().try_fold(PathSet::default(), |acc, c| {
            need(c, syscall).map(|s| acc.union(s))
        }),
        Expr::Check(check) => need_check(check, syscall),
        _ => None,
    }
}

fn values(rhs: &Rhs) -> Option<Vec<&str>> {
    match rhs {
        Rhs::Value(v) => Some(vec![v.text.as_str()]),
        Rhs::List(vs) => Some(vs.iter().map(|v| v.text.as_str()).collect()),
        _ => None,
    }
}

fn need_check(check: &Check, syscall: &str) -> Option<PathSet> {
    let Operand::Field(field) = &check.lhs else {
        return None;
    };
    if field.arg.is_some() || check.modifier.is_some() {
        return None;
    }
    let vals = values(&check.rhs)?;
    // A replacement character: the value may stand for bytes that are not
    // UTF-8, which the kernel compares as they are.
    if vals.iter().any(|v| v.contains('\u{FFFD}')) {
        return None;
    }
    let number = || -> Option<i64> {
        match vals.as_slice() {
            [v] => v.parse().ok(),
            _ => None,
        }
    };
    let empty = Some(PathSet::default());
    // On the paths the probe may leave out (absolute, canonical), the raw
    // name is the name.
    let name = match field.name.as_str() {
        "fd.nameraw" => "fd.name",
        other => other,
    };
    match (name, check.op) {
        // The probe never leaves out a path with these in it.
        ("fd.name", Operator::Contains)
            if vals
                .iter()
                .all(|v| ["../", "//", "/./"].iter().any(|s| v.contains(s))) =>
        {
            empty
        }
        ("fd.name", Operator::Eq | Operator::EqEq | Operator::In) => Some(PathSet {
            exact: vals.iter().map(|v| v.to_string()).collect(),
            prefixes: BTreeSet::new(),
        }),
        ("fd.name", Operator::StartsWith | Operator::Pmatch) => Some(PathSet {
            exact: BTreeSet::new(),
            prefixes: vals.iter().map(|v| v.to_string()).collect(),
        }),
        ("fd.name", Operator::Glob) => {
            let mut prefixes = BTreeSet::new();
            for v in &vals {
                let literal = v.split(['*', '?', '[', '\\']).next().unwrap_or("");
                if literal.is_empty() {
                    return None;
                }
                prefixes.insert(literal.to_string());
            }
            Some(PathSet {
                exact: BTreeSet::new(),
                prefixes,
            })
        }
        ("fd.directory", Operator::Eq | Operator::EqEq | Operator::In) => Some(PathSet {
            exact: BTreeSet::new(),
            prefixes: vals
                .iter()
                .map(|d| {
                    if d.ends_with('/') {
                        d.to_string()
                    } else {
                        format!("{d}/")
                    }
                })
                .collect(),
        }),
        ("evt.type", Operator::Eq | Operator::EqEq | Operator::In) => {
            if vals.contains(&syscall) {
                None
            } else {
                empty
            }
        }
        // Never true of a failed call: its fd (the result) is negative.
        ("fd.num" | "evt.rawres", Operator::Ge) if number().is_some_and(|n| n >= 0) => empty,
        ("fd.num" | "evt.rawres", Operator::Gt) if number().is_some_and(|n| n >= -1) => empty,
        ("evt.failed", Operator::Eq | Operator::EqEq) if vals == ["false"] => empty,
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(conditions: &[&str]) -> Prefilter {
        Prefilter::from_conditions(conditions.iter().map(|c| (*c, None)))
    }

    #[test]
    fn what_each_condition_lets_through() {
        // (conditions, syscall, path, dropped)
        let cases: &[(&[&str], &str, &str, bool)] = &[
            (
                &["evt.type=openat and fd.name=/etc/shadow"],
                "openat",
                "/etc/shadow",
                false,
            ),
            (
                &["evt.type=openat and fd.name=/etc/shadow"],
                "openat",
                "/etc/shadowx",
                true,
            ),
            (
                &["evt.type=openat and fd.name=/etc/shadow"],
                "openat",
                "/etc/../etc/shadow",
                false,
            ),
            (
                &["evt.type=openat and fd.name=/etc/shadow"],
                "openat",
                "//etc/shadow",
                false,
            ),
            (
                &["evt.type=openat and fd.name=/etc/shadow"],
                "openat",
                "/etc/./shadow",
                false,
            ),
            (
                &["evt.type=openat and fd.name=/etc/shadow"],
                "openat",
                "/etc/",
                false,
            ),
            (
                &["evt.type=openat and fd.name=/etc/shadow"],
                "openat",
                "shadow",
                false,
            ),
            (
                &["evt.type=openat and fd.name=/etc/shadow"],
                "open",
                "/tmp/a",
                true,
            ),
            (
                &["evt.type=openat and fd.name startswith /etc"],
                "openat",
                "/etcx",
                false,
            ),
            (
                &["evt.type=openat and fd.directory = /etc"],
                "openat",
                "/etc/passwd",
                false,
            ),
            (
                &["evt.type=openat and fd.directory = /etc"],
                "openat",
                "/etcx/passwd",
                true,
            ),
            (
                &["evt.type=openat and fd.name glob '/home/*/.ssh/*'"],
                "openat",
                "/home/a/.ssh/k",
                false,
            ),
            (
                &["evt.type=openat and fd.name glob '/home/*/.ssh/*'"],
                "openat",
                "/root/.ssh/k",
                true,
            ),
            (
                &["evt.type=openat and fd.name pmatch (/usr/bin, /bin)"],
                "openat",
                "/bin/sh",
                false,
            ),
            // A rule that bounds nothing: no filter for its syscalls.
            (
                &["evt.type=openat and proc.name=cat"],
                "openat",
                "/tmp/a",
                false,
            ),
            (
                &["evt.type=openat and not fd.name=/x"],
                "openat",
                "/tmp/a",
                false,
            ),
            (
                &["evt.type=openat and fd.name contains ssh"],
                "openat",
                "/tmp/a",
                false,
            ),
            (
                &["evt.type=openat and (fd.name=/a or proc.name=x)"],
                "openat",
                "/tmp/a",
                false,
            ),
            // Checks no failed call passes: nothing is needed.
            (
                &["evt.type=openat and fd.num>=0 and proc.name=cat"],
                "openat",
                "/etc/shadow",
                true,
            ),
            (
                &["evt.type=openat and evt.rawres>=0"],
                "openat",
                "/etc/shadow",
                true,
            ),
            (
                &["evt.type=openat and evt.failed=false"],
                "openat",
                "/etc/shadow",
                true,
            ),
            (
                &["evt.type=openat and fd.num>=-1"],
                "openat",
                "/etc/shadow",
                false,
            ),
            // Directory traversal: paths with "../" always go out.
            (
                &["evt.type=openat and fd.nameraw contains '../'"],
                "openat",
                "/a../b",
                false,
            ),
            (
                &["evt.type=openat and fd.nameraw contains '../'"],
                "openat",
                "/a/b",
                true,
            ),
            (
                &["evt.type=openat and fd.nameraw startswith /x"],
                "openat",
                "/x/b",
                false,
            ),
            // Two rules: the union.
            (
                &[
                    "evt.type=openat and fd.name=/a",
                    "evt.type=openat and fd.name startswith /b/",
                ],
                "openat",
                "/b/c",
                false,
            ),
            (
                &[
                    "evt.type=openat and fd.name=/a",
                    "evt.type=openat and fd.name startswith /b/",
                ],
                "openat",
                "/a",
                false,
            ),
            (
                &[
                    "evt.type=openat and fd.name=/a",
                    "evt.type=openat and fd.name startswith /b/",
                ],
                "openat",
                "/c",
                true,
            ),
            // evt.type branches pick the syscall's own constraints.
            (
                &["(evt.type=creat and fd.name=/c) or (evt.type=openat and fd.name=/o)"],
                "openat",
                "/c",
                true,
            ),
            (
                &["(evt.type=creat and fd.name=/c) or (evt.type=openat and fd.name=/o)"],
                "creat",
                "/c",
                false,
            ),
            // A condition the parser refuses: no filter.
            (&["evt.type=openat and ("], "openat", "/tmp/a", false),
        ];
        for (conds, syscall, path, dropped) in cases {
            assert_eq!(
                filter(conds).drops(syscall, path),
                *dropped,
                "{conds:?} {syscall} {path}"
            );
        }
    }

    #[test]
    fn trie_entries_fold_shorter_prefixes_into_longer_ones() {
        let f = filter(&[
            "evt.type=openat and fd.name startswith /etc",
            "evt.type=open and fd.name=/etc/shadow",
        ]);
        let entries = f.trie_entries();
        assert_eq!(
            entries,
            vec![
                (b"/etc".to_vec(), 1 << 1),
                (b"/etc/shadow\0".to_vec(), (1 << 0) | (1 << 1)),
            ]
        );
    }

    #[test]
    fn keys_too_long_for_the_kernel_leave_the_syscall_unfiltered() {
        let long = format!("/{}", "a".repeat(300));
        let f = filter(&[&format!("evt.type=openat and fd.name={long}")]);
        assert!(f.paths("openat").is_none());
        assert!(!f.drops("openat", "/tmp/x"));
    }
}
