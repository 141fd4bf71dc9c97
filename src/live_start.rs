//! Start-up of the live syscall source, overlapped with loading the rules,
//! and the rules' in-kernel prefilter.
//!
//! Loading the eBPF probe is mostly the kernel's verifier at work, and the
//! first `/proc` scan is reads of small files: neither needs the rules. So
//! [`LiveStart::spawn`] opens the source on a thread of its own (the probe
//! attached first, then `/proc` scanned once, so no process falls between
//! the two) while the daemon parses and compiles the rules, and
//! [`LiveStart::finish`] joins it and pushes the rules' prefilter down into
//! the probe (`engine.modern_ebpf.prefilter`, see
//! [`falco_driver_bpf::Prefilter`]).
//!
//! The prefilter follows the rules: [`rules_changed`] recomputes it on a
//! reload. It stays off while captures are on (`capture.enabled`): a
//! capture file keeps every event. The TOCTOU enter events, which neither
//! the host state nor the rules read, are written only for captures too.

use falco_events::source::EventSource;
use falco_events::HostState;
use falco_rules::Engine;

use crate::config::Config;
#[cfg(feature = "bpf")]
use crate::config::EngineKind;
use crate::daemon::DaemonError;

/// A live source being opened on a thread of its own.
#[derive(Debug)]
pub struct LiveStart {
    #[cfg(feature = "bpf")]
    thread: std::thread::JoinHandle<Result<(falco_driver_bpf::BpfProbe, HostState), DaemonError>>,
}

#[cfg(feature = "bpf")]
mod prefilter {
    use std::sync::Mutex;

    use falco_driver_bpf::{Prefilter, PrefilterHandle};

    use crate::config::Config;

    /// The running probe's prefilter maps, for [`super::rules_changed`].
    static HANDLE: Mutex<Option<PrefilterHandle>> = Mutex::new(None);

    pub(super) fn wanted(cfg: &Config) -> bool {
        cfg.engine.modern_ebpf.prefilter && !cfg.capture.enabled
    }

    pub(super) fn install(handle: PrefilterHandle) {
        *HANDLE.lock().unwrap_or_else(|e| e.into_inner()) = Some(handle);
    }

    pub(super) fn off() {
        let guard = HANDLE.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(handle) = guard.as_ref() {
            // Failing here leaves the syscalls' filters off already.
            let _ = handle.set(&Prefilter::none());
        }
    }

    /// Writes the prefilter of `ruleset` (or none) into the probe, if one
    /// runs. Returns the number of filtered syscalls.
    pub(super) fn apply(
        cfg: &Config,
        engine: &falco_rules::Engine,
    ) -> Result<usize, falco_driver_bpf::ProbeError> {
        let guard = HANDLE.lock().unwrap_or_else(|e| e.into_inner());
        let Some(handle) = guard.as_ref() else {
            return Ok(0);
        };
        let filter = if wanted(cfg) {
            Prefilter::from_engine(engine)
        } else {
            Prefilter::none()
        };
        handle.set(&filter)?;
        Ok(filter.iter().count())
    }
}

impl LiveStart {
    /// Starts opening the eBPF probe when `cfg` names it; None for the
    /// other sources, which open at once.
    pub fn spawn(cfg: &Config) -> Option<LiveStart> {
        #[cfg(feature = "bpf")]
        if cfg.engine.kind == EngineKind::ModernEbpf {
            let cfg = cfg.clone();
            let thread = std::thread::Builder::new()
                .name("falco-start".into())
                .spawn(move || open_probe(&cfg))
                .ok()?;
            return Some(LiveStart { thread });
        }
        let _ = cfg;
        None
    }

    /// Waits for the source, then loads the prefilter of `engine`'s rules
    /// into the probe (when the configuration wants it).
    pub fn finish(
        self,
        cfg: &Config,
        engine: &Engine,
    ) -> Result<(Box<dyn EventSource>, HostState), DaemonError> {
        #[cfg(feature = "bpf")]
        let opened: (Box<dyn EventSource>, HostState) = match self.thread.join() {
            Ok(r) => r.map(|(probe, state)| (Box::new(probe) as Box<dyn EventSource>, state))?,
            // The thread panicked: open the source here, as without it.
            Err(_) => crate::daemon::open_source(cfg)?,
        };
        #[cfg(not(feature = "bpf"))]
        let opened = crate::daemon::open_source(cfg)?;
        rules_changed(cfg, engine)?;
        Ok(opened)
    }
}

/// Turns the running probe's prefilter off (every event goes out), e.g.
/// when a reload fails after the prefilter changed.
pub fn prefilter_off() {
    #[cfg(feature = "bpf")]
    prefilter::off();
}

#[cfg(feature = "bpf")]
fn open_probe(cfg: &Config) -> Result<(falco_driver_bpf::BpfProbe, HostState), DaemonError> {
    let m = &cfg.engine.modern_ebpf;
    let pc = falco_driver_bpf::ProbeConfig {
        cpus_for_each_buffer: m.cpus_for_each_buffer as usize,
        drop_failed: m.drop_failed_exit,
        enter_events: cfg.capture.enabled,
        ..Default::default()
    }
    .with_buf_size_preset(m.buf_size_preset as usize)?;
    let probe = falco_driver_bpf::BpfProbe::open(pc)?;
    prefilter::install(probe.prefilter_handle()?);
    Ok((probe, crate::daemon::live_state(cfg)))
}

/// Recomputes the running probe's prefilter for `engine`'s rules (a rules
/// reload); nothing without a probe. Call it before the new rules see
/// events.
pub fn rules_changed(cfg: &Config, engine: &Engine) -> Result<(), DaemonError> {
    #[cfg(feature = "bpf")]
    prefilter::apply(cfg, engine)?;
    #[cfg(not(feature = "bpf"))]
    let _ = (cfg, engine);
    Ok(())
}
