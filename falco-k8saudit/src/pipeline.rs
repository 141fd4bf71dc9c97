//! Running the source: its input on one thread, rule evaluation on another,
//! alerts handed to the caller (the daemon's shared output queue).
//!
//! [`PluginConfig`] reads the k8saudit plugin's `init_config`, [`AuditInput`]
//! starts what `open_params` name (the webhook, or a file replay), and
//! [`run`] evaluates every event against the current ruleset, so a rules
//! reload (SIGHUP) takes effect at the next batch.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use falco_rules::{Alert, Ruleset, Scratch};
use serde::Deserialize;

use crate::event::{AuditEvent, DEFAULT_MAX_EVENT_SIZE};
use crate::input::{read_path, InputError, OpenParams};
use crate::webhook::{
    Webhook, WebhookConfig, WebhookError, DEFAULT_MAX_BODY, DEFAULT_SSL_CERTIFICATE,
};

/// The k8saudit plugin's `init_config`, with its defaults; unknown keys are
/// ignored, as the plugin ignores them.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct PluginConfig {
    /// The PEM file (certificate and key) for `https://` open params.
    pub ssl_certificate: PathBuf,
    /// Accepted for compatibility; extraction here is always synchronous.
    pub use_async: bool,
    /// The largest event kept, in bytes.
    pub max_event_size: u64,
    /// The largest webhook body accepted, in bytes.
    pub webhook_max_batch_size: u64,
}

impl Default for PluginConfig {
    fn default() -> PluginConfig {
        PluginConfig {
            ssl_certificate: DEFAULT_SSL_CERTIFICATE.into(),
            use_async: true,
            max_event_size: DEFAULT_MAX_EVENT_SIZE as u64,
            webhook_max_batch_size: DEFAULT_MAX_BODY as u64,
        }
    }
}

impl PluginConfig {
    /// Reads `init_config` given as JSON text (an empty text is the
    /// defaults).
    ///
    /// ```
    /// use falco_k8saudit::pipeline::PluginConfig;
    /// let c = PluginConfig::from_json(r#"{"sslCertificate": "/etc/falco/k8s.pem", "maxEventSize": 1048576}"#).unwrap();
    /// assert_eq!(c.max_event_size, 1048576);
    /// assert_eq!(c.webhook_max_batch_size, 12 * 1024 * 1024);
    /// assert_eq!(PluginConfig::from_json("").unwrap(), PluginConfig::default());
    /// ```
    pub fn from_json(text: &str) -> Result<PluginConfig, serde_json::Error> {
        if text.trim().is_empty() {
            return Ok(PluginConfig::default());
        }
        serde_json::from_str(text)
    }
}

/// Why the source could not start.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// Bad `open_params`, or a file that cannot be read.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The webhook could not start.
    #[error(transparent)]
    Webhook(#[from] WebhookError),
    /// A thread could not be started.
    #[error("could not start the k8s_audit input thread: {0}")]
    Thread(std::io::Error),
}

/// A started input: batches of events arrive on [`AuditInput::events`].
#[derive(Debug)]
pub struct AuditInput {
    events: Receiver<Vec<AuditEvent>>,
    webhook: Option<Webhook>,
    reader: Option<JoinHandle<()>>,
    skipped: Arc<AtomicU64>,
}

impl AuditInput {
    /// Starts what `params` name: the webhook (events queued in batches, at
    /// most `queue_capacity` waiting) or a file read on its own thread.
    pub fn open(
        params: &OpenParams,
        cfg: &PluginConfig,
        queue_capacity: usize,
    ) -> Result<AuditInput, OpenError> {
        let (tx, rx) = sync_channel(queue_capacity.max(1));
        let skipped = Arc::new(AtomicU64::new(0));
        let max_event_size = usize::try_from(cfg.max_event_size).unwrap_or(usize::MAX);
        match params {
            OpenParams::Webhook { addr, path, tls } => {
                let wcfg = WebhookConfig {
                    addr: *addr,
                    path: path.clone(),
                    tls_pem: tls.then(|| cfg.ssl_certificate.clone()),
                    max_body: usize::try_from(cfg.webhook_max_batch_size).unwrap_or(usize::MAX),
                    max_event_size,
                    ..WebhookConfig::default()
                };
                let webhook = Webhook::start(wcfg, tx)?;
                Ok(AuditInput {
                    events: rx,
                    webhook: Some(webhook),
                    reader: None,
                    skipped,
                })
            }
            OpenParams::File(path) => {
                // Read now so a missing file is an error at start, as in Falco.
                let batch = read_path(path, max_event_size)?;
                skipped.store(batch.skipped.len() as u64, Ordering::Relaxed);
                let reader = std::thread::Builder::new()
                    .name("k8saudit-file".into())
                    .spawn(move || {
                        // Blocks while the evaluator is behind: nothing is dropped.
                        let _ = tx.send(batch.events);
                    })
                    .map_err(OpenError::Thread)?;
                Ok(AuditInput {
                    events: rx,
                    webhook: None,
                    reader: Some(reader),
                    skipped,
                })
            }
        }
    }

    /// The batches of events, in arrival order. The channel closes when a
    /// file has been read whole (never for the webhook).
    pub fn events(&self) -> &Receiver<Vec<AuditEvent>> {
        &self.events
    }

    /// The webhook, when the input is one (its address and counters).
    pub fn webhook(&self) -> Option<&Webhook> {
        self.webhook.as_ref()
    }

    /// Events or documents skipped by a file read.
    pub fn skipped(&self) -> u64 {
        self.skipped.load(Ordering::Relaxed)
    }
}

impl Drop for AuditInput {
    fn drop(&mut self) {
        if let Some(mut w) = self.webhook.take() {
            w.stop();
        }
        // The reader ends once its batch is taken or the receiver is gone.
        if let Some(r) = self.reader.take() {
            drop(std::mem::replace(&mut self.events, sync_channel(1).1));
            let _ = r.join();
        }
    }
}

/// Counters of the `k8s_audit` evaluation, per source as the daemon's
/// statistics report them.
#[derive(Debug, Default)]
pub struct SourceStats {
    /// Events evaluated.
    pub events: AtomicU64,
    /// Alerts produced.
    pub alerts: AtomicU64,
}

/// Why [`run`] returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunEnd {
    /// The input closed (a file was read whole).
    EndOfInput,
    /// `stop` was set.
    Stopped,
}

/// Evaluates every event of `input` against the ruleset `current` returns
/// (asked once per batch, so a reload takes effect at the next batch) and
/// hands each alert to `on_alert`. Returns when the input ends or `stop` is
/// set (checked at least every 100 ms).
pub fn run(
    input: &AuditInput,
    current: &dyn Fn() -> Arc<Ruleset>,
    stop: &AtomicBool,
    stats: &SourceStats,
    on_alert: &mut dyn FnMut(Alert),
) -> RunEnd {
    let mut scratch = Scratch::new();
    loop {
        if stop.load(Ordering::SeqCst) {
            return RunEnd::Stopped;
        }
        let batch = match input.events().recv_timeout(Duration::from_millis(100)) {
            Ok(b) => b,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => return RunEnd::EndOfInput,
        };
        let ruleset = current();
        for ev in &batch {
            stats.events.fetch_add(1, Ordering::Relaxed);
            for rule in ruleset.matches(ev, &mut scratch) {
                stats.alerts.fetch_add(1, Ordering::Relaxed);
                on_alert(Alert::new(rule, ev, ev.time_ns()));
            }
        }
    }
}
