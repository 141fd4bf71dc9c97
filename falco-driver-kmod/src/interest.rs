//! Which syscalls and tracepoints a consumer asks the module for.

use falco_events::table::{self, PPM_SC_MAX};

use crate::abi::Tracepoint;

const WORDS: usize = (PPM_SC_MAX as usize).div_ceil(64);

/// A set of `ppm_sc` codes (libs' architecture-independent syscall and
/// tracepoint ids): what the rules need the module to report.
///
/// The consumer turns it into the module's per-consumer state exactly as
/// libscap's `enforce_sc_set` does: one `ENABLE_SYSCALL`/`DISABLE_SYSCALL`
/// per native syscall number, and the tracepoints that follow from the set
/// ([`Interest::tracepoints`]).
///
/// ```
/// use falco_driver_kmod::{abi::Tracepoint, Interest};
/// let i = Interest::from_syscall_names(["openat", "execve"]).unwrap();
/// assert!(i.contains_name("openat"));
/// assert!(!i.contains_name("read"));
/// let tps = i.tracepoints();
/// assert!(tps.contains(&Tracepoint::SysExit));
/// assert!(tps.contains(&Tracepoint::SchedProcExec));
/// assert!(!tps.contains(&Tracepoint::SchedSwitch));
/// // An unknown name is reported back.
/// assert_eq!(Interest::from_syscall_names(["opn"]).unwrap_err(), "opn");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Interest {
    bits: [u64; WORDS],
}

impl Default for Interest {
    fn default() -> Self {
        Interest::none()
    }
}

impl std::fmt::Debug for Interest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set()
            .entries(self.iter().map(|c| table::ppm_sc_name(c).unwrap_or("?")))
            .finish()
    }
}

impl Interest {
    /// The empty set: nothing is captured.
    pub fn none() -> Interest {
        Interest { bits: [0; WORDS] }
    }

    /// Every `ppm_sc` code: the module reports everything it can.
    pub fn all() -> Interest {
        let mut i = Interest::none();
        for c in 1..PPM_SC_MAX {
            i.insert(c);
        }
        i
    }

    /// Adds `ppm_sc` code `code` (ignored past `PPM_SC_MAX`).
    pub fn insert(&mut self, code: u16) {
        if code < PPM_SC_MAX {
            if let Some(w) = self.bits.get_mut(usize::from(code / 64)) {
                *w |= 1 << (code % 64);
            }
        }
    }

    /// Removes `code`.
    pub fn remove(&mut self, code: u16) {
        if let Some(w) = self.bits.get_mut(usize::from(code / 64)) {
            *w &= !(1 << (code % 64));
        }
    }

    /// True if `code` is in the set.
    pub fn contains(&self, code: u16) -> bool {
        self.bits
            .get(usize::from(code / 64))
            .is_some_and(|w| w & (1 << (code % 64)) != 0)
    }

    /// True if the syscall or tracepoint called `name` is in the set.
    pub fn contains_name(&self, name: &str) -> bool {
        table::ppm_sc_code(name).is_some_and(|c| self.contains(c))
    }

    /// True if nothing is in the set.
    pub fn is_empty(&self) -> bool {
        self.bits.iter().all(|&w| w == 0)
    }

    /// The codes in the set, in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = u16> + '_ {
        (0..PPM_SC_MAX).filter(|&c| self.contains(c))
    }

    /// The set of the syscalls and tracepoints named (`openat`,
    /// `sched_switch`, ...), or the first unknown name.
    pub fn from_syscall_names<'a>(
        names: impl IntoIterator<Item = &'a str>,
    ) -> Result<Interest, &'a str> {
        let mut i = Interest::none();
        for n in names {
            i.insert(table::ppm_sc_code(n).ok_or(n)?);
        }
        Ok(i)
    }

    /// The syscalls and tracepoints that produce the events with the given
    /// codes (e.g. a ruleset's event-type set), following libs'
    /// events-to-`ppm_sc` mapping:
    ///
    /// - an event reports the syscall of the same name, and every syscall
    ///   whose native-table entry names the event;
    /// - the generic pair (0, 1) stands for every syscall without an event
    ///   of its own;
    /// - `procexit`, `switch`, `page_fault` and `signaldeliver` stand for
    ///   their tracepoints.
    ///
    /// ```
    /// use falco_driver_kmod::Interest;
    /// let i = Interest::from_event_codes([306, 307]); // openat_E/X
    /// assert!(i.contains_name("openat"));
    /// assert_eq!(i.iter().count(), 1);
    /// ```
    pub fn from_event_codes(codes: impl IntoIterator<Item = u16>) -> Interest {
        let mut events = vec![false; usize::from(table::PPM_EVENT_MAX)];
        for c in codes {
            if let Some(slot) = events.get_mut(usize::from(c)) {
                *slot = true;
            }
        }
        let wanted = |c: u16| events.get(usize::from(c)).copied().unwrap_or(false);
        let mut i = Interest::none();
        for (code, e) in (0u16..).zip(table::events()) {
            if !wanted(code) || code < 2 {
                continue;
            }
            let names: &[&str] = match e.name {
                "procexit" => &["sched_process_exit"],
                "switch" => &["sched_switch"],
                "page_fault" => &["page_fault_user", "page_fault_kernel"],
                "signaldeliver" => &["signal_deliver"],
                // Otherwise the table's names are the syscall names.
                _ => std::slice::from_ref(&e.name),
            };
            for n in names {
                if let Some(sc) = table::ppm_sc_code(n) {
                    i.insert(sc);
                }
            }
        }
        let generic = wanted(0) || wanted(1);
        for entry in table::syscall_table().iter().filter(|e| !e.is_empty()) {
            let (enter, exit) = entry.event_codes();
            let own = entry.flags.contains(table::SyscallFlags::USED);
            if (own && (wanted(enter) || wanted(exit))) || (!own && generic) {
                i.insert(entry.ppm_sc);
            }
        }
        i
    }

    /// The tracepoints to attach for this set, as libscap decides them:
    /// `sys_enter` and `sys_exit` if any syscall is in the set,
    /// `sched_process_fork` for clone/fork/vfork/clone3,
    /// `sched_process_exec` for execve/execveat, and each of
    /// `sched_process_exit`, `sched_switch`, `page_fault_user`,
    /// `page_fault_kernel` and `signal_deliver` if it is in the set itself.
    pub fn tracepoints(&self) -> Vec<Tracepoint> {
        let any_syscall = table::syscall_table()
            .iter()
            .any(|e| !e.is_empty() && self.contains(e.ppm_sc));
        let any = |names: &[&str]| names.iter().any(|n| self.contains_name(n));
        let mut out = Vec::new();
        for tp in Tracepoint::ALL {
            let on = match tp {
                Tracepoint::SysEnter | Tracepoint::SysExit => any_syscall,
                Tracepoint::SchedProcFork => any(&["fork", "vfork", "clone", "clone3"]),
                Tracepoint::SchedProcExec => any(&["execve", "execveat"]),
                other => self.contains_name(other.name()),
            };
            if on {
                out.push(tp);
            }
        }
        out
    }

    /// The native syscall numbers (x86_64) to enable for this set. libscap
    /// also turns on `socketcall` when recv, send or accept is wanted; x86_64
    /// has no `socketcall`, so that rule changes nothing here.
    pub fn native_syscalls(&self) -> Vec<u32> {
        let mut set = self.clone();
        if ["recv", "send", "accept"]
            .iter()
            .any(|n| set.contains_name(n))
        {
            if let Some(sc) = table::ppm_sc_code("socketcall") {
                set.insert(sc);
            }
        }
        (0u32..)
            .zip(table::syscall_table().iter())
            .filter(|(_, e)| !e.is_empty() && set.contains(e.ppm_sc))
            .map(|(nr, _)| nr)
            .collect()
    }
}

impl FromIterator<u16> for Interest {
    fn from_iter<T: IntoIterator<Item = u16>>(iter: T) -> Self {
        let mut i = Interest::none();
        for c in iter {
            i.insert(c);
        }
        i
    }
}
