//! Upgrading old-schema events to the current schema, as libscap's capture
//! converter does (`userspace/libscap/engine/savefile/converter/`).
//!
//! Old captures hold an enter event and an exit event per syscall, and old
//! versions of some events (`execve` 8, 13, ..., 18; `clone` 11, 16, 17; v1
//! `open` without `dev`/`ino`; ...). Current drivers send one exit event with
//! every parameter (plus the enter events of `open`, `openat`, `openat2`,
//! `creat` and `connect`, kept against TOCTOU races). Rules written for
//! current Falco expect the current events, so the reader converts.
//!
//! # What the converter does
//!
//! Each event is first classified, from its table flags:
//!
//! 1. unused event types are dropped;
//! 2. types the converter does not manage pass unchanged if current; old
//!    enter versions of them are dropped;
//! 3. managed enter events are converted;
//! 4. managed exit events are converted if they are an old version or carry
//!    fewer parameters than the table; otherwise they pass.
//!
//! A conversion looks up a rule by `(event code, number of parameters)` in
//! a table transcribed from libs (`convert/rules.rs`). A rule either stores
//! the event as the pending enter event of its thread (and drops it),
//! stores and passes it, passes it, appends parameters, or rebuilds the
//! event as another type. New parameters come from the old event, from the
//! stored enter event of the same thread (which must be the matching enter
//! type), or are empty (length 0) or default (0; `u32::MAX` for uid/gid)
//! values. The result is classified again; an event may go through several
//! rules (`execve` 8 → 13 → 14 → ... → 19), at most 50.
//!
//! # Coverage
//!
//! The table covers every event type libs flags `EF_CONVERTER_MANAGED`
//! (224 of 454 codes), among them all the types the default rules use:
//! `execve`/`execveat`, `open`/`openat`/`openat2`/`creat`, `connect`,
//! `accept`/`accept4`, `socket`, `dup*`, `sendto`/`sendmsg`/`recvfrom`/
//! `recvmsg`, `ptrace`, `link*`/`symlink*`, `rename*`, `unlink*`, `mkdir*`,
//! `rmdir`, `chmod*`, `setuid`, `setns`, `unshare`, `bpf`, `userfaultfd`,
//! `init_module`/`finit_module`, `listen`, `clone`/`fork`/`vfork`, `close`,
//! `procexit`. Event types that are not converter-managed and not old
//! versions (meta-events such as `procinfo`, `switch`, `drop`, plugin and
//! iterator events, ...) pass through unchanged.
//!
//! # Example
//!
//! ```
//! use falco_events::event::{EventBuilder, Value};
//! use falco_events::scap::Converter;
//! use falco_events::scap::convert::Outcome;
//! use falco_events::table::codes::*;
//!
//! let mut conv = Converter::new();
//! // An old pair: socket enter (domain, type, proto), then exit (fd).
//! let enter = EventBuilder::new(PPME_SOCKET_SOCKET_E)
//!     .tid(7)
//!     .values([Value::Uint(2), Value::Uint(1), Value::Uint(0)])
//!     .build()
//!     .unwrap();
//! let exit = EventBuilder::new(PPME_SOCKET_SOCKET_X).tid(7).value(Value::Int(3)).build().unwrap();
//!
//! // The enter event is kept for later and dropped.
//! assert_eq!(conv.convert(&enter.as_event()).unwrap(), Outcome::Drop);
//! // The exit event gets the enter parameters and a default `flags`.
//! assert_eq!(conv.convert(&exit.as_event()).unwrap(), Outcome::Converted);
//! let out = conv.output().unwrap();
//! let names: Vec<&str> = out.params().map(|p| p.name()).collect();
//! assert_eq!(names, ["fd", "domain", "type", "proto", "flags"]);
//! assert_eq!(out.param_by_name("domain").unwrap().as_u64(), Some(2));
//! assert_eq!(out.param_by_name("flags").unwrap().as_u64(), Some(0));
//! ```

use ahash::AHashMap as HashMap;
use std::borrow::Cow;
use std::sync::OnceLock;

use crate::event::{encode_raw, BuildError, DecodeError, Event};
use crate::table::{self, Direction, EventFlags, ParamType};

#[rustfmt::skip]
mod rules;

/// Most rules applied to one event (libscap's `MAX_CONVERSION_BOUNDARY`).
pub const MAX_CONVERSIONS: usize = 50;

/// Where a parameter of the converted event comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Src {
    /// Parameter `n` of the event being converted.
    Old(u8),
    /// Parameter `n` of the stored enter event; the default value if there
    /// is none.
    Enter(u8),
    /// Parameter `n` of the stored enter event; empty if there is none.
    EnterOrEmpty(u8),
    /// The type's default value (0, or `u32::MAX` for uid/gid).
    Default,
    /// An empty parameter.
    Empty,
    /// The JSON of an old `container` event (id, type, name, image).
    ContainerJson,
}

/// What a rule does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    /// Keep the event as its thread's pending enter event; drop it.
    Store,
    /// Pass the event as it is.
    Pass,
    /// Keep it as the pending enter event and pass it too.
    StoreAndPass,
    /// Append parameters.
    Add(&'static [Src]),
    /// Rebuild as another event type from the given parameters.
    Change(u16, &'static [Src]),
}

/// One conversion rule, for events of one type with one parameter count.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rule {
    code: u16,
    nparams: u8,
    action: Action,
}

impl Rule {
    const fn new(code: u16, nparams: u8, action: Action) -> Rule {
        Rule {
            code,
            nparams,
            action,
        }
    }
}

fn rule_index() -> &'static HashMap<(u16, u8), Action> {
    static INDEX: OnceLock<HashMap<(u16, u8), Action>> = OnceLock::new();
    INDEX.get_or_init(|| {
        rules::RULES
            .iter()
            .map(|r| ((r.code, r.nparams), r.action))
            .collect()
    })
}

/// The number of conversion rules (one per `(event code, parameter count)`
/// the converter knows).
pub fn rule_count() -> usize {
    rules::RULES.len()
}

/// What became of an event given to [`Converter::convert`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The event is current: use it unchanged.
    Pass,
    /// The event was upgraded: the result is [`Converter::output`].
    Converted,
    /// The event is consumed (an enter event merged later, an unused or
    /// obsolete type): nothing to deliver.
    Drop,
}

/// Why an event could not be converted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    /// The event needs converting but no rule matches it.
    #[error("no conversion rule for event {name} (type {code}) with {nparams} parameters")]
    NoRule {
        /// Event code.
        code: u16,
        /// Event name.
        name: &'static str,
        /// Its parameter count.
        nparams: usize,
    },
    /// An old exit version that the converter does not manage (a table bug).
    #[error("old exit event {name} (type {code}) is not managed by the converter")]
    Unmanaged {
        /// Event code.
        code: u16,
        /// Event name.
        name: &'static str,
    },
    /// The stored enter event is not the enter half of this exit event.
    #[error("the enter event stored for {name} (type {code}) has type {found}")]
    WrongEnter {
        /// Exit event code.
        code: u16,
        /// Event name.
        name: &'static str,
        /// Type of the stored event.
        found: u16,
    },
    /// A rule reads a parameter the event does not have.
    #[error("conversion of type {code} reads parameter {index} of a {from} event with {nparams}")]
    MissingParam {
        /// Event code.
        code: u16,
        /// The parameter asked for.
        index: u8,
        /// `old` or `enter`.
        from: &'static str,
        /// Parameters present.
        nparams: usize,
    },
    /// The rule builds more parameters than the target type has.
    #[error("conversion to type {code} builds parameter {index}, past its parameter list")]
    PastTable {
        /// Target event code.
        code: u16,
        /// Parameter index.
        index: usize,
    },
    /// Conversions did not settle within [`MAX_CONVERSIONS`] rules.
    #[error("event type {code} still needs converting after {MAX_CONVERSIONS} rules")]
    NoFixpoint {
        /// Last event code.
        code: u16,
    },
    /// The converted event could not be encoded.
    #[error("cannot encode the converted event: {0}")]
    Build(#[from] BuildError),
    /// A converted or stored event did not decode.
    #[error("converted event does not decode: {0}")]
    Decode(#[from] DecodeError),
}

enum Verdict {
    Pass,
    Drop,
    Continue,
}

fn classify(e: &Event<'_>) -> Result<Verdict, ConvertError> {
    let info = e.info();
    let code = e.code();
    if info.is_unused() {
        return Ok(Verdict::Drop);
    }
    if !info.flags.contains(EventFlags::CONVERTER_MANAGED) {
        if !info.is_old_version() {
            return Ok(Verdict::Pass);
        }
        if Direction::of(code) == Direction::Enter {
            return Ok(Verdict::Drop);
        }
        return Err(ConvertError::Unmanaged {
            code,
            name: info.name,
        });
    }
    if Direction::of(code) == Direction::Enter {
        return Ok(Verdict::Continue);
    }
    if info.is_old_version() || e.nparams() != info.params.len() {
        return Ok(Verdict::Continue);
    }
    Ok(Verdict::Pass)
}

/// The longest value a parameter of type `ty` may hold; longer copies are
/// cut (e.g. an old 64-bit `cmd` copied into a 32-bit one).
fn max_len(ty: ParamType, large: bool) -> usize {
    match ty.fixed_size() {
        Some(n) => n,
        None if large => u32::MAX as usize,
        None => u16::MAX as usize,
    }
}

fn default_value(ty: ParamType) -> Vec<u8> {
    let size = ty.fixed_size().unwrap_or(0);
    let v: u64 = match ty {
        ParamType::Uid | ParamType::Gid => u64::from(u32::MAX),
        _ => 0,
    };
    let mut b = v.to_le_bytes().to_vec();
    b.resize(size, 0);
    b
}

fn container_json(e: &Event<'_>) -> Option<Vec<u8>> {
    let s = |i: usize| -> Option<String> { Some(e.param(i)?.as_str_lossy()?.into_owned()) };
    let id = s(0)?;
    let ty = e.param(1)?.as_u64()?;
    let name = s(2)?;
    let image = s(3)?;
    let json = format!(r#"{{"id":"{id}","type":{ty},"name":"{name}","image":"{image}"}}"#);
    let mut b = json.into_bytes();
    b.push(0);
    Some(b)
}

/// The converter: per-thread storage of pending enter events, and the
/// buffer of the last converted event. One converter serves one event
/// stream (a capture), in order.
#[derive(Debug, Default)]
pub struct Converter {
    /// Pending enter event per thread.
    storage: HashMap<u64, Vec<u8>>,
    /// The last converted event (valid after `Outcome::Converted`).
    out: Vec<u8>,
    /// Scratch for the next conversion step.
    next: Vec<u8>,
}

impl Converter {
    /// A converter with no pending enter events.
    pub fn new() -> Converter {
        Converter::default()
    }

    /// Forgets every pending enter event.
    pub fn clear(&mut self) {
        self.storage.clear();
    }

    /// The last converted event, after [`Outcome::Converted`].
    pub fn output(&self) -> Option<Event<'_>> {
        Event::parse_allowing_extra(&self.out).ok()
    }

    /// The bytes [`output`](Self::output) parses.
    pub(crate) fn output_bytes(&self) -> &[u8] {
        &self.out
    }

    /// Converts one event of the stream; see the [module docs](self).
    pub fn convert(&mut self, evt: &Event<'_>) -> Result<Outcome, ConvertError> {
        match classify(evt)? {
            Verdict::Pass => return Ok(Outcome::Pass),
            Verdict::Drop => return Ok(Outcome::Drop),
            Verdict::Continue => {}
        }
        let mut first = true;
        for _ in 0..MAX_CONVERSIONS {
            let cur = if first {
                *evt
            } else {
                Event::parse_allowing_extra(&self.out)?
            };
            let code = cur.code();
            let tid = cur.tid();
            let nparams = cur.nparams();
            let action = u8::try_from(nparams)
                .ok()
                .and_then(|n| rule_index().get(&(code, n)))
                .copied()
                .ok_or(ConvertError::NoRule {
                    code,
                    name: cur.name(),
                    nparams,
                })?;
            let passed = if first {
                Outcome::Pass
            } else {
                Outcome::Converted
            };
            let (new_code, srcs, keep_old) = match action {
                Action::Store => {
                    let slot = self.storage.entry(tid).or_default();
                    slot.clear();
                    slot.extend_from_slice(cur.as_bytes());
                    return Ok(Outcome::Drop);
                }
                Action::Pass => return Ok(passed),
                Action::StoreAndPass => {
                    // The thread's buffer is reused: no allocation per event.
                    let slot = self.storage.entry(tid).or_default();
                    slot.clear();
                    slot.extend_from_slice(cur.as_bytes());
                    return Ok(passed);
                }
                Action::Add(srcs) => (code, srcs, true),
                Action::Change(to, srcs) => (to, srcs, false),
            };
            let target = table::event_info(new_code).ok_or(ConvertError::PastTable {
                code: new_code,
                index: 0,
            })?;
            let large = target.has_large_payload();
            let mut params: Vec<Cow<'_, [u8]>> = Vec::with_capacity(target.params.len());
            if keep_old {
                params.extend(cur.params().map(|p| Cow::Borrowed(p.as_bytes())));
            }
            let enter = match self.storage.get(&tid) {
                Some(b) => Some(Event::parse_allowing_extra(b)?),
                None => None,
            };
            let mut used_enter = false;
            for src in srcs {
                let index = params.len();
                let ty = target
                    .params
                    .get(index)
                    .ok_or(ConvertError::PastTable {
                        code: new_code,
                        index,
                    })?
                    .ty;
                let cap = |b: &[u8]| b.len().min(max_len(ty, large));
                let value: Cow<'_, [u8]> = match *src {
                    Src::Empty => Cow::Borrowed(&[]),
                    Src::Default => Cow::Owned(default_value(ty)),
                    Src::Old(n) => {
                        let p = cur.param(n as usize).ok_or(ConvertError::MissingParam {
                            code,
                            index: n,
                            from: "old",
                            nparams,
                        })?;
                        let b = p.as_bytes();
                        Cow::Borrowed(&b[..cap(b)])
                    }
                    Src::Enter(n) | Src::EnterOrEmpty(n) => match &enter {
                        None if matches!(src, Src::EnterOrEmpty(_)) => Cow::Borrowed(&[]),
                        None => Cow::Owned(default_value(ty)),
                        Some(e) => {
                            if u32::from(e.code()) + 1 != u32::from(code) {
                                return Err(ConvertError::WrongEnter {
                                    code,
                                    name: cur.name(),
                                    found: e.code(),
                                });
                            }
                            let p = e.param(n as usize).ok_or(ConvertError::MissingParam {
                                code,
                                index: n,
                                from: "enter",
                                nparams: e.nparams(),
                            })?;
                            used_enter = true;
                            let b = p.as_bytes();
                            Cow::Borrowed(&b[..cap(b)])
                        }
                    },
                    Src::ContainerJson => match container_json(&cur) {
                        Some(j) if j.len() <= max_len(ty, large) => Cow::Owned(j),
                        _ => Cow::Borrowed(&[]),
                    },
                };
                params.push(value);
            }
            encode_raw(
                &mut self.next,
                cur.ts(),
                tid,
                new_code,
                params.iter().map(|c| c.as_ref()),
            )?;
            drop(params);
            if used_enter {
                self.storage.remove(&tid);
            }
            std::mem::swap(&mut self.out, &mut self.next);
            first = false;
            let converted = Event::parse_allowing_extra(&self.out)?;
            match classify(&converted)? {
                Verdict::Pass => return Ok(Outcome::Converted),
                Verdict::Drop => return Ok(Outcome::Drop),
                Verdict::Continue => {}
            }
        }
        let code = Event::parse_allowing_extra(&self.out).map_or(evt.code(), |e| e.code());
        Err(ConvertError::NoFixpoint { code })
    }
}
