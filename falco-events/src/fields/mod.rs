//! The syscall field catalog: every field a rule can read from a syscall
//! event (`evt.*`, `proc.*`, `thread.*`, `fd.*`, `fdlist.*`, `fs.path.*`,
//! `user.*`, `group.*`, `container.*`, `k8s.*`, `util.*`), as a schema.
//!
//! Each row says what a field is called, its type, what argument it takes,
//! its flags, a description, and how its value is computed for one event
//! (its extractor). [`SyscallFields`] implements [`FieldSchema`] over the
//! rows, so the rule compiler can check every field of a rules file before
//! any event arrives, and [`EventContext`] extracts a
//! resolved field by calling its row's extractor.
//!
//! # Layout
//!
//! One file per field family, each a table of rows:
//! `evt` (`evt.*`, `syscall.type`, `util.*`), `proc`
//! (`proc.*` and `thread.*`, one libs class), `fd` (`fd.*`, `fdlist.*`,
//! `fs.path.*`), `user` (`user.*`, `group.*`) and `container`
//! (`container.*`, `k8s.*`). Adding a field is one row in one file; its
//! extractor is a function named in that row, so a typo does not compile.
//! A row without an extractor is a field Falco defines that we do not
//! compute: it loads, and every check on it is false.
//!
//! # Where the fields come from
//!
//! Names, types and flags follow falcosecurity/libs (`sinsp_filtercheck_*.cpp`).
//! `container.*` and `k8s.*` (and three deprecated `proc.is_container_*`
//! fields) are not part of libs any more: Falco gets them from its
//! `container` plugin. We provide them built in, with the plugin's names,
//! types and argument rules, so the official rules load without a plugin.
//!
//! Left out on purpose: libs' four floating-point fields (`proc.fdusage`,
//! `thread.cpu`, `thread.cpu.user`, `thread.cpu.system`), because the rule
//! language here has no floating-point type.
//!
//! # Arguments
//!
//! A field argument is written `name[arg]`, or for a few fields as a dotted
//! suffix (`evt.arg.flags`, `evt.type.is.open`, `thread.cgroup.cpuacct`).
//! [`ArgKind`] says which form a field takes; [`SyscallFields::resolve`]
//! parses it into [`FieldArg::Index`] or [`FieldArg::Key`].

use std::hash::{Hash, Hasher};

use falco_rules::{
    Field, FieldArg, FieldDoc, FieldError, FieldFlags, FieldSchema, FieldType, Values,
};

use crate::extract::EventContext;
use crate::state::{Fd, ThreadInfo};
use crate::table;

mod container;
mod evt;
mod fd;
mod proc;
mod user;

/// What argument a field takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArgKind {
    /// No argument.
    None,
    /// A non-negative number in brackets: `proc.aname[2]`, `proc.args[0]`.
    Index {
        /// True if the field cannot be used without it.
        required: bool,
    },
    /// A key in brackets: `container.label[app]`.
    Key {
        /// True if the field cannot be used without it.
        required: bool,
    },
    /// A number or a key in brackets; a plain number (without leading zeros)
    /// is an index, anything else a key: `proc.env[HOME]`,
    /// `container.mount.dest[/var/run/docker.sock]`, `container.mount.dest[0]`.
    IndexOrKey {
        /// True if the field cannot be used without it.
        required: bool,
    },
    /// An event parameter: by name as a dotted suffix (`evt.arg.flags`,
    /// giving [`FieldArg::Key`]) or, if `by_index`, by position in brackets
    /// (`evt.arg[0]`, giving [`FieldArg::Index`]). The name must be the name
    /// of some parameter in the event table. Always required.
    EventParam {
        /// True if `[N]` is accepted as well as `.NAME`.
        by_index: bool,
    },
    /// An event type as a dotted suffix: `evt.type.is.open` (a name, giving
    /// [`FieldArg::Key`]) or `evt.type.is.3` (a code, giving
    /// [`FieldArg::Index`]). Always required.
    EventType,
    /// A word of letters and underscores as a dotted suffix:
    /// `thread.cgroup.cpuacct`. Always required.
    Suffix,
}

impl ArgKind {
    /// True if the field must be written with an argument.
    pub fn is_required(self) -> bool {
        match self {
            ArgKind::None => false,
            ArgKind::Index { required }
            | ArgKind::Key { required }
            | ArgKind::IndexOrKey { required } => required,
            ArgKind::EventParam { .. } | ArgKind::EventType | ArgKind::Suffix => true,
        }
    }

    /// True if the field accepts an argument at all.
    pub fn is_allowed(self) -> bool {
        self != ArgKind::None
    }
}

/// Attributes of a catalog entry. Most map to the rule compiler's
/// [`FieldFlags`]; a few only matter for listing the catalog.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FieldAttrs(u16);

impl FieldAttrs {
    /// No attribute.
    pub const NONE: FieldAttrs = FieldAttrs(0);
    /// Cannot be the right-hand side of a comparison (libs `EPF_NO_RHS`).
    pub const NO_RHS: FieldAttrs = FieldAttrs(1);
    /// Cannot be wrapped in a transformer (libs `EPF_NO_TRANSFORMER`).
    pub const NO_TRANSFORMER: FieldAttrs = FieldAttrs(1 << 1);
    /// Usable in conditions only, not in outputs (libs `EPF_FILTER_ONLY`).
    pub const FILTER_ONLY: FieldAttrs = FieldAttrs(1 << 2);
    /// Usable in outputs only (libs `EPF_PRINT_ONLY`); not listed.
    pub const PRINT_ONLY: FieldAttrs = FieldAttrs(1 << 3);
    /// Deprecated (libs `EPF_DEPRECATED`): using it gives a warning.
    pub const DEPRECATED: FieldAttrs = FieldAttrs(1 << 4);
    /// Always "any of" semantics (client or server side): `fd.ip`, `fd.port`, ...
    pub const MATCH_ANY: FieldAttrs = FieldAttrs(1 << 5);
    /// "Any of" semantics over all ancestors when used without an index
    /// (`proc.aname`, `proc.apid`, ...).
    pub const ANCESTORS: FieldAttrs = FieldAttrs(1 << 6);
    /// Meant for tables, not listed by libs (libs `EPF_TABLE_ONLY`).
    pub const TABLE_ONLY: FieldAttrs = FieldAttrs(1 << 7);
    /// The type is that of the event parameter named in the argument
    /// (`evt.rawarg.NAME`); the catalog type is only a placeholder.
    pub const DYNAMIC_TYPE: FieldAttrs = FieldAttrs(1 << 8);

    /// The union of two sets.
    pub const fn with(self, other: FieldAttrs) -> FieldAttrs {
        FieldAttrs(self.0 | other.0)
    }

    /// True if every attribute of `other` is set in `self`.
    pub fn contains(self, other: FieldAttrs) -> bool {
        self.0 & other.0 == other.0
    }
}

/// Who defines a field in Falco.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldSource {
    /// libsinsp's built-in field classes.
    Libs,
    /// Falco's `container` plugin (`container.*`, `k8s.*`); built in here.
    ContainerPlugin,
}

/// Computes a field from the event alone (no thread needed).
pub(crate) type EventFn = fn(&EventContext<'_>, &Field, &mut Values) -> bool;
/// Computes a field from the event's thread.
pub(crate) type ThreadFn = fn(&EventContext<'_>, &ThreadInfo, &Field, &mut Values) -> bool;
/// Computes a container field from the event's thread, or, for a
/// container event (which has none), from the container it announces.
pub(crate) type ContainerFn =
    fn(&EventContext<'_>, Option<&ThreadInfo>, &Field, &mut Values) -> bool;
/// Computes a field from the fd the event works on (and its thread).
pub(crate) type FdFn = fn(&EventContext<'_>, &ThreadInfo, &Fd, &Field, &mut Values) -> bool;

/// How a catalog field's value is computed for one event. Each function
/// pushes the field's values and returns true, or returns false when the
/// field is unavailable for this event. The shape states what the field
/// needs, so the dispatcher checks it once: a thread field is unavailable
/// for an event without a known thread, an fd field for an event without
/// an fd in the table (unless it has an `unknown` fallback).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Extract {
    /// Not computed here: the field is always unavailable.
    Never,
    /// From the event and the stream alone.
    Event(EventFn),
    /// From the event's thread.
    Thread(ThreadFn),
    /// From the event's thread's container, or the container a container
    /// event announces (given no thread).
    Container(ContainerFn),
    /// From the fd the event works on; `unknown` serves events whose fd is
    /// not in the table.
    Fd {
        /// The fd is in the table.
        known: FdFn,
        /// The fd is not in the table (a failed open, an fd from before the
        /// capture).
        unknown: Option<ThreadFn>,
    },
}

/// One entry of the field catalog. Two entries are equal when they describe
/// the same field (the extractor is not compared).
#[derive(Clone, Copy, Debug)]
pub struct FieldInfo {
    /// The field name, e.g. `proc.name` (without argument).
    pub name: &'static str,
    /// The type of each value.
    pub ty: FieldType,
    /// True if the field yields a list of values.
    pub list: bool,
    /// Attributes.
    pub attrs: FieldAttrs,
    /// The argument the field takes.
    pub arg: ArgKind,
    /// Where Falco gets the field from.
    pub source: FieldSource,
    /// What the field holds, in one or two sentences.
    pub description: &'static str,
    /// How the value is computed.
    pub(crate) extract: Extract,
}

impl PartialEq for FieldInfo {
    fn eq(&self, other: &FieldInfo) -> bool {
        self.name == other.name
            && self.ty == other.ty
            && self.list == other.list
            && self.attrs == other.attrs
            && self.arg == other.arg
            && self.source == other.source
            && self.description == other.description
    }
}

impl Eq for FieldInfo {}

impl Hash for FieldInfo {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (
            self.name,
            self.ty,
            self.list,
            self.attrs,
            self.arg,
            self.source,
            self.description,
        )
            .hash(state);
    }
}

impl FieldInfo {
    const fn new(name: &'static str, ty: FieldType, description: &'static str) -> FieldInfo {
        FieldInfo {
            name,
            ty,
            list: false,
            attrs: FieldAttrs::NONE,
            arg: ArgKind::None,
            source: FieldSource::Libs,
            description,
            extract: Extract::Never,
        }
    }

    /// Computed from the event alone.
    const fn event(mut self, f: EventFn) -> FieldInfo {
        self.extract = Extract::Event(f);
        self
    }

    /// Computed from the event's thread.
    const fn thread(mut self, f: ThreadFn) -> FieldInfo {
        self.extract = Extract::Thread(f);
        self
    }

    /// Computed from the event's container (see [`Extract::Container`]).
    const fn container(mut self, f: ContainerFn) -> FieldInfo {
        self.extract = Extract::Container(f);
        self
    }

    /// Computed from the event's fd when it is in the table.
    const fn fd(mut self, known: FdFn) -> FieldInfo {
        self.extract = Extract::Fd {
            known,
            unknown: None,
        };
        self
    }

    /// Computed from the event's fd, or from the event when the fd is not
    /// in the table.
    const fn fd_or_event(mut self, known: FdFn, unknown: ThreadFn) -> FieldInfo {
        self.extract = Extract::Fd {
            known,
            unknown: Some(unknown),
        };
        self
    }

    /// True if this catalog computes the field (the others are always
    /// unavailable).
    pub fn is_implemented(&self) -> bool {
        !matches!(self.extract, Extract::Never)
    }

    /// Computes the field for one event: pushes its values to `out` and
    /// returns true, or returns false if it is unavailable for the event.
    #[inline]
    pub(crate) fn extract(&self, cx: &EventContext<'_>, field: &Field, out: &mut Values) -> bool {
        match self.extract {
            Extract::Never => false,
            Extract::Event(f) => f(cx, field, out),
            Extract::Thread(f) => match cx.thread {
                Some(t) => f(cx, t, field, out),
                None => false,
            },
            Extract::Container(f) => f(cx, cx.thread, field, out),
            Extract::Fd { known, unknown } => {
                let Some(t) = cx.thread else {
                    return false;
                };
                match (cx.fd, unknown) {
                    (Some(fd), _) => known(cx, t, fd, field, out),
                    (None, Some(f)) => f(cx, t, field, out),
                    (None, None) => false,
                }
            }
        }
    }

    const fn attrs(mut self, a: FieldAttrs) -> FieldInfo {
        self.attrs = self.attrs.with(a);
        self
    }

    const fn arg(mut self, arg: ArgKind) -> FieldInfo {
        self.arg = arg;
        self
    }

    const fn list(mut self) -> FieldInfo {
        self.list = true;
        self
    }

    const fn plugin(mut self) -> FieldInfo {
        self.source = FieldSource::ContainerPlugin;
        self
    }

    /// The rule compiler's flags for this field used with `arg`.
    ///
    /// "Any of" semantics hold always for `fd.ip`/`fd.net`/`fd.port`/`fd.proto`,
    /// and for the ancestor fields (`proc.aname`, ...) only when no ancestor
    /// is selected (for `proc.aenv`: when no variable name is given).
    pub fn flags(&self, arg: &FieldArg) -> FieldFlags {
        let a = self.attrs;
        let mut f = FieldFlags::NONE;
        if a.contains(FieldAttrs::NO_RHS) {
            f = f | FieldFlags::NO_RHS;
        }
        if a.contains(FieldAttrs::NO_TRANSFORMER) {
            f = f | FieldFlags::NO_TRANSFORMER;
        }
        if a.contains(FieldAttrs::FILTER_ONLY) {
            f = f | FieldFlags::FILTER_ONLY;
        }
        if a.contains(FieldAttrs::DEPRECATED) {
            f = f | FieldFlags::DEPRECATED;
        }
        let any = a.contains(FieldAttrs::MATCH_ANY)
            || (a.contains(FieldAttrs::ANCESTORS)
                && match arg {
                    FieldArg::None => true,
                    // proc.aenv[N] still scans every ancestor in libs; only
                    // a variable name selects one value.
                    FieldArg::Index(_) => self.name == "proc.aenv",
                    FieldArg::Key(_) => false,
                });
        if any {
            f = f | FieldFlags::MATCH_ANY;
        }
        f
    }

    /// True if `falco --list` should show the field (libs hides table-only
    /// and print-only fields).
    pub fn is_listed(&self) -> bool {
        !self.attrs.contains(FieldAttrs::TABLE_ONLY) && !self.attrs.contains(FieldAttrs::PRINT_ONLY)
    }
}

/// What the row files need to write rows.
mod prelude {
    pub(super) use super::TABLE_ONLY;
    pub(super) use super::{f, ArgKind, FieldAttrs, FieldInfo};
    pub(super) use super::{ANCESTOR, DEPRECATED, EITHER_SIDE, FILTER_ONLY, NET_SIDE, NO_RHS};
    pub(super) use super::{NO_TR, OPT_INDEX, OPT_INDEX_OR_KEY, REQ_INDEX_OR_KEY, REQ_KEY};
    pub(super) use crate::extract::EventContext;
    pub(super) use crate::state::{Fd, ThreadInfo};
    pub(super) use falco_rules::FieldType::{
        Bool, Bytes, Int16, Int32, Int64, IpAddr, IpNet, String as Str, Uint16, Uint32, Uint64,
    };
    pub(super) use falco_rules::{Field, FieldArg, Values};
}

const NO_RHS: FieldAttrs = FieldAttrs::NO_RHS;
const NO_TR: FieldAttrs = FieldAttrs::NO_TRANSFORMER;
const FILTER_ONLY: FieldAttrs = FieldAttrs::FILTER_ONLY;
const DEPRECATED: FieldAttrs = FieldAttrs::DEPRECATED;
const TABLE_ONLY: FieldAttrs = FieldAttrs::TABLE_ONLY;
/// The flags libs gives the ancestor fields, plus ancestor semantics.
const ANCESTOR: FieldAttrs = FieldAttrs::NO_RHS
    .with(FieldAttrs::NO_TRANSFORMER)
    .with(FieldAttrs::ANCESTORS);
/// The flags libs gives the client-or-server fields.
const EITHER_SIDE: FieldAttrs = FieldAttrs::FILTER_ONLY
    .with(FieldAttrs::NO_RHS)
    .with(FieldAttrs::NO_TRANSFORMER)
    .with(FieldAttrs::MATCH_ANY);
/// The flags libs gives the one-side network fields.
const NET_SIDE: FieldAttrs = FieldAttrs::FILTER_ONLY
    .with(FieldAttrs::NO_RHS)
    .with(FieldAttrs::NO_TRANSFORMER);

const OPT_INDEX: ArgKind = ArgKind::Index { required: false };
const REQ_KEY: ArgKind = ArgKind::Key { required: true };
const REQ_INDEX_OR_KEY: ArgKind = ArgKind::IndexOrKey { required: true };
const OPT_INDEX_OR_KEY: ArgKind = ArgKind::IndexOrKey { required: false };

/// A row: a field with no argument, no flags and no extractor yet.
const fn f(name: &'static str, ty: FieldType, description: &'static str) -> FieldInfo {
    FieldInfo::new(name, ty, description)
}

/// The row tables in catalog order: libs' class order (event,
/// process/thread, fd, fdlist, fs.path, user, group, generic event, util),
/// then the container plugin's.
const PARTS: &[&[FieldInfo]] = &[
    evt::EVT,
    proc::PROCESS,
    fd::FD,
    fd::FDLIST,
    fd::FS_PATH,
    user::USER_GROUP,
    evt::GENERIC,
    evt::UTIL,
    container::CONTAINER,
    container::K8S,
];

const fn total_len(parts: &[&[FieldInfo]]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < parts.len() {
        n += parts[i].len();
        i += 1;
    }
    n
}

/// The tables joined into one array at compile time.
const fn join<const N: usize>(parts: &[&[FieldInfo]]) -> [FieldInfo; N] {
    let mut out = [f("", FieldType::String, ""); N];
    let mut k = 0;
    let mut i = 0;
    while i < parts.len() {
        let mut j = 0;
        while j < parts[i].len() {
            out[k] = parts[i][j];
            k += 1;
            j += 1;
        }
        i += 1;
    }
    out
}

static FIELDS: [FieldInfo; total_len(PARTS)] = join(PARTS);

/// The whole catalog, in a stable order; a resolved [`Field::id`] is an
/// index into this slice.
pub fn fields() -> &'static [FieldInfo] {
    &FIELDS
}

/// The catalog grouped as `falco --list` shows it: libsinsp's field
/// classes in libsinsp's order (`evt` for every event, `evt` for syscall
/// events, `process`, `user`, `group`, `fd`, `fs.path`, `util`, `fdlist`),
/// then the `container` plugin's one class (`container.*` and `k8s.*`,
/// named after the plugin). Every catalog field is in exactly one class.
///
/// ```
/// let classes = falco_events::fields::field_classes();
/// assert_eq!(classes[0].0, "evt");
/// assert!(classes[0].1.iter().any(|f| f.name == "evt.num"));
/// let n: usize = classes.iter().map(|(_, f)| f.len()).sum();
/// assert_eq!(n, falco_events::fields().len());
/// ```
pub fn field_classes() -> Vec<(&'static str, Vec<&'static FieldInfo>)> {
    let user_group = |prefix: &'static str| -> Vec<&'static FieldInfo> {
        user::USER_GROUP
            .iter()
            .filter(|f| f.name.starts_with(prefix))
            .collect()
    };
    let all = |part: &'static [FieldInfo]| part.iter().collect::<Vec<_>>();
    let mut classes = vec![
        ("evt", all(evt::GENERIC)),
        ("evt", all(evt::EVT)),
        ("process", all(proc::PROCESS)),
        ("user", user_group("user.")),
        ("group", user_group("group.")),
        ("fd", all(fd::FD)),
        ("fs.path", all(fd::FS_PATH)),
        ("util", all(evt::UTIL)),
        ("fdlist", all(fd::FDLIST)),
        (
            "container",
            container::CONTAINER.iter().chain(container::K8S).collect(),
        ),
    ];
    // Whatever the prefixes above missed stays listed, with its table.
    let other: Vec<&'static FieldInfo> = user::USER_GROUP
        .iter()
        .filter(|f| !f.name.starts_with("user.") && !f.name.starts_with("group."))
        .collect();
    if !other.is_empty() {
        classes.push(("user", other));
    }
    classes
}

/// The catalog entry of a resolved field (`None` if the id is not ours).
pub fn field_info(field: &Field) -> Option<&'static FieldInfo> {
    FIELDS.get(field.id as usize)
}

/// The catalog entry called exactly `name` (no argument).
pub fn find(name: &str) -> Option<&'static FieldInfo> {
    find_id(name).map(|i| &FIELDS[i])
}

fn find_id(name: &str) -> Option<usize> {
    FIELDS.iter().position(|f| f.name == name)
}

/// The [`FieldSchema`] of syscall events: resolves field names against the
/// catalog with Falco's argument rules, and checks `evt.type` values against
/// the event table.
///
/// ```
/// use falco_events::SyscallFields;
/// use falco_rules::{FieldArg, FieldSchema, FieldType};
///
/// let schema = SyscallFields::new();
/// let f = schema.resolve("proc.aname", Some("2")).unwrap();
/// assert_eq!(f.ty, FieldType::String);
/// assert_eq!(f.arg, FieldArg::Index(2));
///
/// let err = schema.resolve("evt.arg.nosuchparam", None).unwrap_err();
/// assert_eq!(err.to_string(), "unknown event argument nosuchparam");
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct SyscallFields {
    _private: (),
}

impl SyscallFields {
    /// The schema (it has no state: the catalog is static).
    pub fn new() -> SyscallFields {
        SyscallFields { _private: () }
    }
}

fn bad(msg: String) -> FieldError {
    FieldError::BadArgument(msg)
}

/// A non-negative decimal number, digits only.
fn parse_index(s: &str) -> Option<i64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The first parameter called `name` in the event table, in code order (the
/// one libs picks to type `evt.rawarg.NAME`).
fn find_param(name: &str) -> Option<&'static table::ParamInfo> {
    table::events()
        .iter()
        .flat_map(|e| e.params.iter())
        .find(|p| p.name == name)
}

fn resolved(id: usize, info: &FieldInfo, arg: FieldArg) -> Field {
    Field {
        id: id as u32,
        ty: info.ty,
        is_list: info.list,
        flags: info.flags(&arg),
        arg,
    }
}

/// How to write the argument of a field, for error messages.
fn arg_hint(info: &FieldInfo) -> String {
    let n = info.name;
    match info.arg {
        ArgKind::None => format!("{n} takes no argument"),
        ArgKind::Index { .. } => format!("write it as {n}[N] with N a number"),
        ArgKind::Key { .. } => format!("write it as {n}[KEY]"),
        ArgKind::IndexOrKey { .. } => format!("write it as {n}[N] or {n}[KEY]"),
        ArgKind::EventParam { by_index: true } => {
            format!("write it as {n}.NAME with NAME an event parameter, or {n}[N]")
        }
        ArgKind::EventParam { by_index: false } => {
            format!("write it as {n}.NAME with NAME an event parameter")
        }
        ArgKind::EventType => format!("write it as {n}.NAME with NAME an event type"),
        ArgKind::Suffix => format!("write it as {n}.NAME"),
    }
}

impl SyscallFields {
    /// Resolves the dotted-suffix forms: `evt.arg.NAME`, `evt.rawarg.NAME`,
    /// `evt.type.is.NAME`, `thread.cgroup.NAME`.
    fn resolve_suffix(&self, name: &str, arg: Option<&str>) -> Option<Result<Field, FieldError>> {
        // The longest catalog name that is a dotted prefix of `name` and
        // takes a suffix argument.
        let (id, info, suffix) = FIELDS
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                matches!(
                    f.arg,
                    ArgKind::EventParam { .. } | ArgKind::EventType | ArgKind::Suffix
                )
            })
            .filter_map(|(i, f)| {
                let rest = name.strip_prefix(f.name)?.strip_prefix('.')?;
                Some((i, f, rest))
            })
            .max_by_key(|(_, f, _)| f.name.len())?;
        if let Some(a) = arg {
            return Some(Err(bad(format!(
                "{name}[{a}]: a field argument cannot follow an argument written after a dot"
            ))));
        }
        Some(self.suffix_arg(id, info, suffix))
    }

    fn suffix_arg(&self, id: usize, info: &FieldInfo, suffix: &str) -> Result<Field, FieldError> {
        match info.arg {
            ArgKind::EventParam { by_index } => {
                let Some(p) = find_param(suffix) else {
                    return Err(bad(format!("unknown event argument {suffix}")));
                };
                let mut field = resolved(id, info, FieldArg::Key(suffix.into()));
                if !by_index {
                    // evt.rawarg: the value has the raw type of the parameter.
                    field.ty = p.ty.field_type().ok_or_else(|| {
                        bad(format!(
                            "{}.{suffix}: event parameter {suffix} has type {}, which a condition cannot compare; use evt.arg.{suffix}",
                            info.name, p.ty
                        ))
                    })?;
                }
                Ok(field)
            }
            ArgKind::EventType => {
                if let Some(code) = parse_index(suffix) {
                    return Ok(resolved(id, info, FieldArg::Index(code)));
                }
                if table::is_event_name(suffix) {
                    Ok(resolved(id, info, FieldArg::Key(suffix.into())))
                } else {
                    Err(bad(format!("unknown event type {suffix}")))
                }
            }
            _ => {
                if suffix.is_empty()
                    || !suffix.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_')
                {
                    return Err(bad(format!(
                        "{}.{suffix}: the name after the dot may hold only letters and '_'",
                        info.name
                    )));
                }
                Ok(resolved(id, info, FieldArg::Key(suffix.into())))
            }
        }
    }

    fn bracket_arg(&self, id: usize, info: &FieldInfo, a: &str) -> Result<Field, FieldError> {
        let n = info.name;
        match info.arg {
            ArgKind::None => Err(bad(format!(
                "{n}[{a}]: {n} does not take an argument"
            ))),
            ArgKind::Index { .. } => match parse_index(a) {
                Some(i) => Ok(resolved(id, info, FieldArg::Index(i))),
                None => Err(bad(format!(
                    "{n}[{a}]: the argument must be a non-negative number"
                ))),
            },
            ArgKind::Key { .. } => {
                if a.is_empty() {
                    Err(bad(format!("{n}[]: the key is empty; {}", arg_hint(info))))
                } else {
                    Ok(resolved(id, info, FieldArg::Key(a.into())))
                }
            }
            ArgKind::IndexOrKey { .. } => {
                if a.is_empty() {
                    return Err(bad(format!("{n}[]: the argument is empty; {}", arg_hint(info))));
                }
                // A plain number is an index; "01" is a key, as in Falco's
                // plugin fields.
                let plain = a == "0" || !a.starts_with('0');
                match parse_index(a).filter(|_| plain) {
                    Some(i) => Ok(resolved(id, info, FieldArg::Index(i))),
                    None => Ok(resolved(id, info, FieldArg::Key(a.into()))),
                }
            }
            ArgKind::EventParam { by_index: true } => match parse_index(a) {
                Some(i) => Ok(resolved(id, info, FieldArg::Index(i))),
                None => Err(bad(format!(
                    "{n}[{a}]: the argument in brackets is a parameter position; to name a parameter write {n}.{a}"
                ))),
            },
            ArgKind::EventParam { by_index: false } => Err(bad(format!(
                "{n}[{a}]: {n} takes a parameter name, not a position; write {n}.NAME"
            ))),
            ArgKind::EventType | ArgKind::Suffix => Err(bad(format!(
                "{n}[{a}]: {}",
                arg_hint(info)
            ))),
        }
    }

    fn is_type_field(field: &Field) -> bool {
        matches!(
            FIELDS.get(field.id as usize).map(|f| f.name),
            Some("evt.type" | "syscall.type")
        )
    }
}

impl FieldSchema for SyscallFields {
    /// Resolves `name` (with its bracket argument, if any).
    ///
    /// Rules, following Falco (messages are clearer where Falco's are vague):
    /// - an unknown name is [`FieldError::Unknown`];
    /// - `evt.arg.X` / `evt.rawarg.X` need `X` to be a parameter name of some
    ///   event, else `unknown event argument X`;
    /// - a field that requires an argument and has none, a field that takes
    ///   none and has one, and a malformed index are
    ///   [`FieldError::BadArgument`] with a message naming the field.
    fn resolve(&self, name: &str, arg: Option<&str>) -> Result<Field, FieldError> {
        let Some(id) = find_id(name) else {
            return match self.resolve_suffix(name, arg) {
                Some(r) => r,
                None => Err(FieldError::Unknown(name.to_string())),
            };
        };
        let info = &FIELDS[id];
        match arg {
            Some(a) => self.bracket_arg(id, info, a),
            None if info.arg.is_required() => Err(bad(format!(
                "{} requires an argument: {}",
                info.name,
                arg_hint(info)
            ))),
            None => Ok(resolved(id, info, FieldArg::None)),
        }
    }

    /// `evt.type` and `syscall.type` only compare with a known event name or
    /// syscall name; anything else is `unknown event type X` (Falco checks
    /// `evt.type` only, but a `syscall.type` value that names nothing can
    /// never match either).
    fn check_value(&self, field: &Field, value: &str) -> Result<(), String> {
        if Self::is_type_field(field)
            && !table::is_event_name(value)
            && !table::is_syscall_name(value)
        {
            return Err(format!("unknown event type {value}"));
        }
        Ok(())
    }

    /// Every field of the catalog with its description.
    fn fields(&self) -> Vec<FieldDoc> {
        FIELDS
            .iter()
            .map(|f| FieldDoc::new(f.name, f.ty, f.description))
            .collect()
    }
}

#[cfg(test)]
mod tests;
