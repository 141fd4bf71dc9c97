//! An output on a thread of its own, watched by Falco's `output_timeout`.
//!
//! The alert queue's worker hands the alert over and goes on with the next
//! output, so an output that hangs (a server that accepts and never answers,
//! a program that stops reading) never stalls the others. When one write
//! takes longer than `output_timeout`, Falco's critical message is logged
//! once for it: `"NAME" output timeout, all output channels are blocked`.
//! Errors of the inner output are logged as the queue's worker logs them
//! (`NAME: ERROR`). At most [`BACKLOG`] alerts wait for a slow output; more
//! are dropped, the first drop of a series being reported.

use std::io;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use falco_rules::rules::Priority;

use super::{Log, Message, Output};

/// Alerts that may wait for one detached output.
pub const BACKLOG: usize = 4096;

enum Cmd {
    Write(Box<Message>),
    Flush(SyncSender<()>),
    Reopen,
    Close(SyncSender<()>),
}

/// What the watchdog sees of the output's thread.
struct Busy {
    /// Milliseconds since `epoch` + 1 when the current write began; 0 when
    /// idle.
    since: AtomicU64,
    reported: AtomicBool,
    epoch: Instant,
}

impl Busy {
    fn now(&self) -> u64 {
        self.epoch.elapsed().as_millis() as u64 + 1
    }
}

/// An [`Output`] run on its own thread; see the module documentation.
pub struct Detached {
    name: String,
    tx: SyncSender<Cmd>,
    wait: Duration,
    dropping: bool,
    stop: Arc<AtomicBool>,
    worker: Option<JoinHandle<()>>,
}

impl Detached {
    /// Starts `inner` on a thread of its own; a write longer than `timeout`
    /// is reported through `log`. Flushing and closing wait at most five
    /// times `timeout` (at least five seconds) for the output.
    pub fn start(inner: Box<dyn Output>, timeout: Duration, log: Arc<dyn Log>) -> Detached {
        let name = inner.name().to_string();
        let (tx, rx) = mpsc::sync_channel(BACKLOG);
        let busy = Arc::new(Busy {
            since: AtomicU64::new(0),
            reported: AtomicBool::new(false),
            epoch: Instant::now(),
        });
        let stop = Arc::new(AtomicBool::new(false));
        let (b, l) = (busy.clone(), log.clone());
        let worker = std::thread::Builder::new()
            .name(format!("falco-out-{name}"))
            .spawn(move || run(inner, rx, b, l))
            .ok();
        let (b, s, n) = (busy, stop.clone(), name.clone());
        let _ = std::thread::Builder::new()
            .name(format!("falco-watch-{name}"))
            .spawn(move || watch(b, s, timeout, n, log));
        Detached {
            name,
            tx,
            wait: timeout.max(Duration::from_secs(1)) * 5,
            dropping: false,
            stop,
            worker,
        }
    }

    fn call(&self, make: impl FnOnce(SyncSender<()>) -> Cmd) {
        let (ack, done) = mpsc::sync_channel(1);
        if self.tx.send(make(ack)).is_ok() {
            let _ = done.recv_timeout(self.wait);
        }
    }
}

fn run(mut inner: Box<dyn Output>, rx: Receiver<Cmd>, busy: Arc<Busy>, log: Arc<dyn Log>) {
    let name = inner.name().to_string();
    let report = |r: io::Result<()>| {
        if let Err(e) = r {
            log.log(Priority::Error, &format!("{name}: {e}"));
        }
    };
    for cmd in rx {
        busy.reported.store(false, Ordering::Relaxed);
        busy.since.store(busy.now(), Ordering::Relaxed);
        match cmd {
            Cmd::Write(m) => report(inner.write(&m)),
            Cmd::Flush(ack) => {
                report(inner.flush());
                let _ = ack.send(());
            }
            Cmd::Reopen => report(inner.reopen()),
            Cmd::Close(ack) => {
                report(inner.close());
                busy.since.store(0, Ordering::Relaxed);
                let _ = ack.send(());
                return;
            }
        }
        busy.since.store(0, Ordering::Relaxed);
    }
}

fn watch(
    busy: Arc<Busy>,
    stop: Arc<AtomicBool>,
    timeout: Duration,
    name: String,
    log: Arc<dyn Log>,
) {
    let tick = (timeout / 4).clamp(Duration::from_millis(10), Duration::from_millis(250));
    let limit = timeout.as_millis() as u64;
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(tick);
        let since = busy.since.load(Ordering::Relaxed);
        if since != 0
            && busy.now().saturating_sub(since) > limit
            && !busy.reported.swap(true, Ordering::Relaxed)
        {
            log.log(
                Priority::Critical,
                &format!("\"{name}\" output timeout, all output channels are blocked"),
            );
        }
    }
}

impl Output for Detached {
    fn name(&self) -> &str {
        &self.name
    }

    fn write(&mut self, msg: &Message) -> io::Result<()> {
        match self.tx.try_send(Cmd::Write(Box::new(msg.clone()))) {
            Ok(()) => {
                self.dropping = false;
                Ok(())
            }
            Err(TrySendError::Full(_)) if self.dropping => Ok(()),
            Err(TrySendError::Full(_)) => {
                self.dropping = true;
                Err(io::Error::other(format!(
                    "{BACKLOG} alerts are waiting for this output; dropping alerts until it catches up"
                )))
            }
            Err(TrySendError::Disconnected(_)) => Err(io::Error::other("output thread stopped")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.call(Cmd::Flush);
        Ok(())
    }

    fn reopen(&mut self) -> io::Result<()> {
        let _ = self.tx.send(Cmd::Reopen);
        Ok(())
    }

    fn close(&mut self) -> io::Result<()> {
        self.call(Cmd::Close);
        self.stop.store(true, Ordering::Relaxed);
        // A thread still stuck in a write is left behind (it holds nothing
        // the process needs to exit).
        if let Some(w) = self.worker.take() {
            if w.is_finished() {
                let _ = w.join();
            }
        }
        Ok(())
    }
}

impl Drop for Detached {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}
