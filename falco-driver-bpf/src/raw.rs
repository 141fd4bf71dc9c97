//! A minimal view of one event in Falco's layout, for callers that want the
//! parameters without a full decoder.

/// One event: header fields and the raw bytes of each parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawEvent<'a> {
    /// Nanoseconds since the epoch.
    pub ts: u64,
    /// Thread id.
    pub tid: u64,
    /// Event code (`PPME_*`).
    pub event_type: u16,
    /// Parameter bytes, in order; an empty slice is an empty parameter.
    pub params: Vec<&'a [u8]>,
}

impl<'a> RawEvent<'a> {
    /// Splits an event with u16 parameter lengths (every syscall event).
    /// None if the bytes are not a well-formed event.
    pub fn parse(bytes: &'a [u8]) -> Option<RawEvent<'a>> {
        let u64_at = |o: usize| {
            bytes
                .get(o..o + 8)
                .and_then(|b| <[u8; 8]>::try_from(b).ok())
                .map(u64::from_le_bytes)
        };
        let u32_at = |o: usize| {
            bytes
                .get(o..o + 4)
                .and_then(|b| <[u8; 4]>::try_from(b).ok())
                .map(u32::from_le_bytes)
        };
        let u16_at = |o: usize| {
            bytes
                .get(o..o + 2)
                .and_then(|b| <[u8; 2]>::try_from(b).ok())
                .map(u16::from_le_bytes)
        };
        let ts = u64_at(0)?;
        let tid = u64_at(8)?;
        let len = u32_at(16)? as usize;
        let event_type = u16_at(20)?;
        let nparams = u32_at(22)? as usize;
        if len != bytes.len() || nparams > 32 {
            return None;
        }
        let mut pos = 26 + 2 * nparams;
        let mut params = Vec::with_capacity(nparams);
        for i in 0..nparams {
            let l = u16_at(26 + 2 * i)? as usize;
            params.push(bytes.get(pos..pos + l)?);
            pos += l;
        }
        if pos != len {
            return None;
        }
        Some(RawEvent {
            ts,
            tid,
            event_type,
            params,
        })
    }

    /// Parameter `i` as a little-endian integer of its width (1, 2, 4 or 8
    /// bytes), sign-extended from its width when `signed`.
    pub fn int(&self, i: usize) -> Option<i64> {
        let p = self.params.get(i)?;
        Some(match p.len() {
            1 => p[0] as i8 as i64,
            2 => i16::from_le_bytes([p[0], p[1]]) as i64,
            4 => i32::from_le_bytes([p[0], p[1], p[2], p[3]]) as i64,
            8 => i64::from_le_bytes(<[u8; 8]>::try_from(*p).ok()?),
            _ => return None,
        })
    }

    /// Parameter `i` as an unsigned integer of its width.
    pub fn uint(&self, i: usize) -> Option<u64> {
        let p = self.params.get(i)?;
        Some(match p.len() {
            1 => p[0] as u64,
            2 => u16::from_le_bytes([p[0], p[1]]) as u64,
            4 => u32::from_le_bytes([p[0], p[1], p[2], p[3]]) as u64,
            8 => u64::from_le_bytes(<[u8; 8]>::try_from(*p).ok()?),
            _ => return None,
        })
    }

    /// Parameter `i` as a string (a CHARBUF/FSPATH without its NUL).
    pub fn str(&self, i: usize) -> Option<&'a str> {
        let p = *self.params.get(i)?;
        let p = p.strip_suffix(&[0]).unwrap_or(p);
        std::str::from_utf8(p).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(ty: u16, params: &[&[u8]]) -> Vec<u8> {
        let body: usize = params.iter().map(|p| p.len()).sum();
        let len = 26 + 2 * params.len() + body;
        let mut v = Vec::new();
        v.extend_from_slice(&7u64.to_le_bytes());
        v.extend_from_slice(&42u64.to_le_bytes());
        v.extend_from_slice(&(len as u32).to_le_bytes());
        v.extend_from_slice(&ty.to_le_bytes());
        v.extend_from_slice(&(params.len() as u32).to_le_bytes());
        for p in params {
            v.extend_from_slice(&(p.len() as u16).to_le_bytes());
        }
        for p in params {
            v.extend_from_slice(p);
        }
        v
    }

    #[test]
    fn parses_header_and_params() {
        let bytes = event(5, &[&(-9i64).to_le_bytes(), b"/etc\0", b""]);
        let e = RawEvent::parse(&bytes).unwrap();
        assert_eq!((e.ts, e.tid, e.event_type), (7, 42, 5));
        assert_eq!(e.int(0), Some(-9));
        assert_eq!(e.str(1), Some("/etc"));
        assert_eq!(e.params[2], b"");
    }

    #[test]
    fn rejects_a_length_that_disagrees_with_the_bytes() {
        let mut bytes = event(5, &[b"ab"]);
        bytes.push(0);
        assert_eq!(RawEvent::parse(&bytes), None);
        assert_eq!(RawEvent::parse(&bytes[..10]), None);
    }
}
