//! Errors of opening and driving the probe. Each message says what is missing.

use std::io;

/// What went wrong opening or configuring the probe.
#[derive(Debug, thiserror::Error)]
pub enum ProbeError {
    /// Neither root nor the capabilities BPF needs.
    #[error(
        "not permitted: loading the eBPF probe needs root, or the capabilities CAP_BPF and \
         CAP_PERFMON (or CAP_SYS_ADMIN); this process has euid {euid} and lacks {missing}"
    )]
    NotRoot {
        /// Effective uid of this process.
        euid: u32,
        /// The capabilities that are missing, comma-separated.
        missing: String,
    },
    /// The kernel exposes no BTF, which CO-RE relocation needs.
    #[error(
        "no kernel BTF: {path} is missing; the modern eBPF probe needs a kernel built with \
         CONFIG_DEBUG_INFO_BTF=y (kernel >= 5.8)"
    )]
    NoBtf {
        /// The path looked at.
        path: &'static str,
    },
    /// The kernel refused a BPF operation although we have the privileges.
    #[error(
        "BPF not permitted at {step}: {detail}; check kernel.unprivileged_bpf_disabled, a \
         seccomp or LSM policy (e.g. a container without CAP_BPF), or kernel lockdown"
    )]
    BpfNotPermitted {
        /// What the probe was doing.
        step: &'static str,
        /// The error the kernel or libbpf gave.
        detail: String,
    },
    /// The kernel lacks a feature the probe needs (ring buffers, tp_btf).
    #[error("the kernel does not support {feature} (needed: {why})")]
    Unsupported {
        /// The feature.
        feature: &'static str,
        /// What it is needed for.
        why: &'static str,
    },
    /// A configuration value is out of range.
    #[error("invalid probe configuration: {0}")]
    Config(String),
    /// A syscall name the probe does not know.
    #[error("unknown or uncovered syscall `{0}`")]
    UnknownSyscall(String),
    /// Any other libbpf error, with the step it happened at.
    #[error("{step}: {source}")]
    Bpf {
        /// What the probe was doing.
        step: &'static str,
        /// The underlying error.
        source: libbpf_rs::Error,
    },
    /// An OS error, with the step it happened at.
    #[error("{step}: {source}")]
    Io {
        /// What the probe was doing.
        step: &'static str,
        /// The underlying error.
        source: io::Error,
    },
}

impl ProbeError {
    /// Wraps a libbpf-rs error from `step`, telling a refusal (EPERM) apart.
    /// EACCES is not a refusal: it is how the verifier rejects a program.
    pub(crate) fn bpf(step: &'static str, err: libbpf_rs::Error) -> ProbeError {
        if os_error(&err) == Some(libc::EPERM) {
            ProbeError::BpfNotPermitted {
                step,
                detail: format!("{err:#}"),
            }
        } else {
            ProbeError::Bpf { step, source: err }
        }
    }

    /// Wraps an OS error from `step`, telling EPERM apart.
    pub(crate) fn io(step: &'static str, source: io::Error) -> ProbeError {
        match source.raw_os_error() {
            Some(libc::EPERM) => ProbeError::BpfNotPermitted {
                step,
                detail: source.to_string(),
            },
            _ => ProbeError::Io { step, source },
        }
    }
}

/// The errno behind a libbpf-rs error: from an `io::Error` in its source
/// chain, else from the "(os error N)" its message ends with.
fn os_error(err: &libbpf_rs::Error) -> Option<i32> {
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(err);
    while let Some(e) = source {
        if let Some(io) = e.downcast_ref::<io::Error>() {
            return io.raw_os_error();
        }
        source = e.source();
    }
    let text = format!("{err:#}");
    let tail = text.rsplit("os error ").next()?;
    let digits: String = tail.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eperm_is_a_refusal_and_eacces_a_verifier_rejection() {
        let eperm = ProbeError::bpf("loading", libbpf_rs::Error::from_raw_os_error(libc::EPERM));
        assert!(
            matches!(eperm, ProbeError::BpfNotPermitted { .. }),
            "{eperm:?}"
        );
        let eacces = ProbeError::bpf("loading", libbpf_rs::Error::from_raw_os_error(libc::EACCES));
        assert!(matches!(eacces, ProbeError::Bpf { .. }), "{eacces:?}");
    }

    #[test]
    fn messages_say_what_is_missing() {
        let e = ProbeError::NotRoot {
            euid: 1000,
            missing: "CAP_BPF, CAP_PERFMON".into(),
        };
        assert!(e
            .to_string()
            .contains("needs root, or the capabilities CAP_BPF and CAP_PERFMON"));
        assert!(e.to_string().contains("lacks CAP_BPF, CAP_PERFMON"));
        let e = ProbeError::NoBtf {
            path: "/sys/kernel/btf/vmlinux",
        };
        assert!(e.to_string().contains("CONFIG_DEBUG_INFO_BTF"));
    }
}
