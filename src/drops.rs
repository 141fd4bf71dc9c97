//! Falco's syscall event drop monitor (`syscall_event_drops`).
//!
//! Once a second of event time, the monitor compares the drops the source
//! counted in the last second with the events it read. When the ratio is
//! above the threshold it counts an occurrence and, if its token bucket has
//! a token, runs the configured actions: a debug log line, the
//! `Falco internal: syscall event drop` alert, or a request to exit. With
//! `simulate_drops` one drop is added every second and the threshold is 0,
//! so the actions can be tested on a replay.
//!
//! ```
//! use falco::config::{DropAction, SyscallEventDropsConfig};
//! use falco::drops::{DropMonitor, Verdict};
//! use falco_events::SourceStats;
//!
//! let cfg = SyscallEventDropsConfig {
//!     actions: vec![DropAction::Exit],
//!     threshold: 0.1,
//!     rate: 1.0,
//!     max_burst: 1.0,
//!     simulate_drops: false,
//! };
//! let mut m = DropMonitor::new(&cfg, SourceStats::default(), false);
//! let s = |events, drops| SourceStats { events, drops, ..SourceStats::default() };
//! assert_eq!(m.on_event(1_000_000_000, || s(10, 0)), Verdict::Continue);
//! assert_eq!(m.on_event(1_500_000_000, || s(10, 0)), Verdict::Continue);
//! // A second later: 50 of 100 events dropped.
//! match m.on_event(2_100_000_000, || s(100, 50)) {
//!     Verdict::Act(d) => assert!(d.exit && d.message.ends_with("50 system calls dropped in last second.")),
//!     v => panic!("{v:?}"),
//! }
//! assert_eq!(m.occurrences(), 1);
//! ```

use falco_events::SourceStats;
use serde_json::{Map, Value as Json};

use crate::config::{DropAction, SyscallEventDropsConfig};

/// The rule name of the drop alert.
pub const DROP_RULE: &str = "Falco internal: syscall event drop";

const ONE_SECOND_NS: u64 = 1_000_000_000;

/// What the monitor decided for one event.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// No check at this event.
    Continue,
    /// A check ran and no action is due.
    Checked,
    /// Drops over the threshold and a token: act on them.
    Act(Drop),
}

/// Drops to act on, with what the configuration asks.
#[derive(Clone, Debug, PartialEq)]
pub struct Drop {
    /// The event time of the check, nanoseconds since the epoch.
    pub time_ns: u64,
    /// Falco's message: `Falco internal: syscall event drop. N system calls
    /// dropped in last second.`
    pub message: String,
    /// `log`: log the message at debug level.
    pub log: bool,
    /// `alert`: the alert's output fields (Falco's `n_evts`, `n_drops`, ...
    /// as strings); `None` without the action.
    pub alert: Option<Map<String, Json>>,
    /// `exit`: stop with an error.
    pub exit: bool,
}

/// A token bucket: `rate` tokens a second, at most `max` (Falco's
/// `token_bucket`, full at the start).
#[derive(Clone, Debug)]
struct Bucket {
    rate: f64,
    max: f64,
    tokens: f64,
    last_ns: Option<u64>,
}

impl Bucket {
    fn claim(&mut self, now_ns: u64) -> bool {
        if let Some(last) = self.last_ns {
            let gained = self.rate * (now_ns.saturating_sub(last) as f64 / 1e9);
            self.tokens = (self.tokens + gained).min(self.max);
        }
        self.last_ns = Some(now_ns);
        if self.tokens < 1.0 {
            return false;
        }
        self.tokens -= 1.0;
        true
    }
}

/// The drop monitor of one syscall event source.
#[derive(Clone, Debug)]
pub struct DropMonitor {
    ebpf: bool,
    actions: Vec<DropAction>,
    threshold: f64,
    simulate: bool,
    bucket: Bucket,
    next_check_ns: u64,
    last: SourceStats,
    occurrences: u64,
    actions_taken: u64,
}

impl DropMonitor {
    /// A monitor for `cfg`, starting from the source's current counters;
    /// `ebpf` is the alert's `ebpf_enabled` field (the modern eBPF probe).
    pub fn new(cfg: &SyscallEventDropsConfig, stats: SourceStats, ebpf: bool) -> DropMonitor {
        DropMonitor {
            ebpf,
            actions: cfg.actions.clone(),
            threshold: if cfg.simulate_drops {
                0.0
            } else {
                cfg.threshold
            },
            simulate: cfg.simulate_drops,
            bucket: Bucket {
                rate: cfg.rate,
                max: cfg.max_burst,
                tokens: cfg.max_burst,
                last_ns: None,
            },
            next_check_ns: 0,
            last: stats,
            occurrences: 0,
            actions_taken: 0,
        }
    }

    /// Whether `simulate_drops` is on (Falco logs "Simulating syscall event
    /// drop" at each check).
    pub fn simulating(&self) -> bool {
        self.simulate
    }

    /// Called for each event at `ts_ns`; `stats` reads the source's
    /// counters (only once a second).
    pub fn on_event(&mut self, ts_ns: u64, stats: impl FnOnce() -> SourceStats) -> Verdict {
        if self.next_check_ns == 0 {
            self.next_check_ns = ts_ns.saturating_add(ONE_SECOND_NS);
        }
        if self.next_check_ns >= ts_ns {
            return Verdict::Continue;
        }
        self.next_check_ns = ts_ns.saturating_add(ONE_SECOND_NS);
        let now = stats();
        // Falco's `n_evts` counts the dropped events too.
        let mut n_drops = now.drops.saturating_sub(self.last.drops);
        let n_evts = now.events.saturating_sub(self.last.events) + n_drops;
        self.last = now;
        if self.simulate {
            n_drops += 1;
        }
        if n_drops == 0 {
            return Verdict::Checked;
        }
        // As Falco, in doubles: no events and some drops is an infinite
        // ratio.
        let ratio = n_drops as f64 / n_evts as f64;
        if ratio <= self.threshold {
            return Verdict::Checked;
        }
        self.occurrences += 1;
        if !self.bucket.claim(ts_ns) {
            return Verdict::Checked;
        }
        self.actions_taken += 1;
        let has = |a| self.actions.contains(&a);
        let alert = has(DropAction::Alert).then(|| {
            let mut f = Map::new();
            let mut put = |k: &str, v: String| {
                f.insert(k.to_string(), Json::String(v));
            };
            put("n_evts", n_evts.to_string());
            put("n_drops", n_drops.to_string());
            // The per-category counters of Falco's alert: our sources count
            // drops as one number, so the categories are 0 and the buffer
            // total is every drop.
            put("n_drops_buffer_total", n_drops.to_string());
            for k in [
                "n_drops_buffer_clone_fork_exit",
                "n_drops_buffer_execve_exit",
                "n_drops_buffer_connect_exit",
                "n_drops_buffer_open_exit",
                "n_drops_buffer_dir_file_exit",
                "n_drops_buffer_other_interest_exit",
                "n_drops_buffer_close_exit",
                "n_drops_buffer_proc_exit",
                "n_drops_scratch_map",
                "n_drops_page_faults",
                "n_drops_bug",
            ] {
                put(k, "0".into());
            }
            put("ebpf_enabled", u8::from(self.ebpf).to_string());
            f
        });
        Verdict::Act(Drop {
            time_ns: ts_ns,
            message: format!("{DROP_RULE}. {n_drops} system calls dropped in last second."),
            log: has(DropAction::Log),
            alert,
            exit: has(DropAction::Exit),
        })
    }

    /// Checks that found drops over the threshold (Falco's "event drop
    /// detected: N occurrences").
    pub fn occurrences(&self) -> u64 {
        self.occurrences
    }

    /// Checks that ran the actions (Falco's "num times actions taken").
    pub fn actions_taken(&self) -> u64 {
        self.actions_taken
    }

    /// Falco's end-of-run lines, each ending in a newline.
    pub fn summary(&self) -> String {
        format!(
            "Syscall event drop monitoring:\n   - event drop detected: {} occurrences\n   - num times actions taken: {}\n",
            self.occurrences, self.actions_taken
        )
    }
}
