//! The host state's size and bookkeeping as Prometheus metrics, with
//! Falco's names (`metrics.state_counters_enabled`): how many threads and
//! fds the state holds, how many threads a full table refused and how many
//! were removed. The daemon samples the state every few thousand events
//! (a relaxed store per gauge), so `/metrics` reads it without a lock.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};

use falco_events::state::HostState;

/// The last sample of the state's gauges and counters.
#[derive(Debug, Default)]
pub struct StateGauges {
    /// Threads in the table (`falcosecurity_scap_n_threads_total`).
    pub threads: AtomicU64,
    /// Fds over all fd tables (`falcosecurity_scap_n_fds_total`).
    pub fds: AtomicU64,
    /// Threads refused by a full table
    /// (`falcosecurity_scap_n_drops_full_threadtable_total`).
    pub refused_threads: AtomicU64,
    /// Threads removed, at exit or by the purge
    /// (`falcosecurity_scap_n_removed_threads_total`).
    pub removed_threads: AtomicU64,
    /// Of those, threads removed by the purge of inactive threads
    /// (`falcosecurity_falco_n_purged_threads_total`, ours).
    pub purged_threads: AtomicU64,
    /// Fds refused by a full fd table
    /// (`falcosecurity_falco_n_drops_full_fdtable_total`, ours).
    pub refused_fds: AtomicU64,
    /// Threads created because an event came from a thread the table
    /// lacked (`falcosecurity_falco_n_lazy_threads_total`, ours).
    pub lazy_threads: AtomicU64,
}

impl StateGauges {
    /// Takes a sample of `state` (walks the fd tables once to count fds).
    pub fn sample(&self, state: &HostState) {
        let st = &state.stats;
        let fds: usize = state.fds.values().map(|t| t.len()).sum();
        let set = |a: &AtomicU64, v: u64| a.store(v, Ordering::Relaxed);
        set(&self.threads, state.threads.len() as u64);
        set(&self.fds, fds as u64);
        set(&self.refused_threads, st.refused_threads);
        set(
            &self.removed_threads,
            st.removed_threads + st.purged_threads,
        );
        set(&self.purged_threads, st.purged_threads);
        set(&self.refused_fds, st.refused_fds);
        set(&self.lazy_threads, st.lazy_threads);
    }

    /// The metrics in Prometheus' text format.
    pub fn prometheus(&self) -> String {
        let mut out = String::new();
        for (name, kind, help, v) in [
            (
                "falcosecurity_scap_n_threads_total",
                "gauge",
                "Threads in the host state.",
                &self.threads,
            ),
            (
                "falcosecurity_scap_n_fds_total",
                "gauge",
                "Fds in the host state.",
                &self.fds,
            ),
            (
                "falcosecurity_scap_n_drops_full_threadtable_total",
                "counter",
                "Threads not added: the thread table was full.",
                &self.refused_threads,
            ),
            (
                "falcosecurity_scap_n_removed_threads_total",
                "counter",
                "Threads removed from the host state.",
                &self.removed_threads,
            ),
            (
                "falcosecurity_falco_n_purged_threads_total",
                "counter",
                "Threads removed by the purge of inactive threads.",
                &self.purged_threads,
            ),
            (
                "falcosecurity_falco_n_drops_full_fdtable_total",
                "counter",
                "Fds not added: their process's fd table was full.",
                &self.refused_fds,
            ),
            (
                "falcosecurity_falco_n_lazy_threads_total",
                "counter",
                "Threads added because an event came from a thread the state lacked.",
                &self.lazy_threads,
            ),
        ] {
            let _ = write!(
                out,
                "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {}\n",
                v.load(Ordering::Relaxed)
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use falco_events::state::ThreadInfo;

    #[test]
    fn a_sample_shows_in_the_metrics() {
        let mut s = HostState::new();
        for tid in [1, 2, 3] {
            let mut t = ThreadInfo::placeholder(tid);
            t.pid = 1;
            s.threads.insert(tid, t);
        }
        let fds: falco_events::state::HashMap<i64, falco_events::state::Fd> = (0..5)
            .map(|n| {
                (
                    n,
                    falco_events::state::Fd::new(falco_events::state::FdType::File, "/x"),
                )
            })
            .collect();
        s.fds.insert(1, fds);
        s.stats.refused_threads = 4;
        s.stats.removed_threads = 6;
        s.stats.purged_threads = 2;
        let g = StateGauges::default();
        g.sample(&s);
        let text = g.prometheus();
        for line in [
            "falcosecurity_scap_n_threads_total 3\n",
            "falcosecurity_scap_n_fds_total 5\n",
            "falcosecurity_scap_n_drops_full_threadtable_total 4\n",
            "falcosecurity_scap_n_removed_threads_total 8\n",
            "falcosecurity_falco_n_purged_threads_total 2\n",
            "# TYPE falcosecurity_scap_n_fds_total gauge\n",
        ] {
            assert!(text.contains(line), "{line} missing from\n{text}");
        }
    }
}
