//! Arbitrary bytes read as a capture file (plain; gzip when they start with
//! the gzip magic): opening, every event with and without schema
//! conversion, every parameter through every typed accessor. Nothing may
//! panic, and the counters must account for every event handed out.

#![no_main]

use falco_events::event::Event;
use falco_events::scap::ScapReader;
use falco_events::source::EventSource;
use libfuzzer_sys::fuzz_target;

fn touch(e: &Event<'_>) {
    for p in e.params() {
        let _ = (p.as_i64(), p.as_u64(), p.as_bool(), p.as_f64(), p.as_str());
        let _ = (p.as_ipaddr(), p.as_sockaddr(), p.as_socktuple(), p.as_dyn());
        let _ = p.as_fdlist().map(|l| l.iter().count());
        let _ = p.as_charbuf_array().count();
        let _ = p.as_pair_array().count();
    }
}

fuzz_target!(|data: &[u8]| {
    for convert in [false, true] {
        let Ok(mut r) = ScapReader::new(data) else {
            return;
        };
        r.set_convert(convert);
        let mut n = 0u64;
        while let Ok(Some(e)) = r.next_event() {
            touch(&e);
            n += 1;
        }
        assert_eq!(r.stats().events, n);
        let _ = r.metadata();
    }
    if let Ok(e) = Event::parse_allowing_extra(data) {
        touch(&e);
    }
});
