//! Rule evaluation allocates nothing per event: once a [`Scratch`] has
//! grown to its working size, running the three official rules files over
//! a capture again calls the allocator zero times (counted by a global
//! allocator of this test binary).

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use falco_events::state::{rules_see, Inspector};
use falco_events::SyscallSource;
use falco_rules::{Engine, RuleMatching, Scratch};

/// Counts the allocations made while `COUNTING` is on.
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static ALLOCS: AtomicU64 = AtomicU64::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counter is a side effect only.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if COUNTING.load(Ordering::Relaxed) {
            ALLOCS.fetch_add(1, Ordering::Relaxed);
        }
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if COUNTING.load(Ordering::Relaxed) {
            ALLOCS.fetch_add(1, Ordering::Relaxed);
        }
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Evaluates every rule on every event of every test capture; returns the
/// number of events evaluated and the allocations made by the evaluation
/// alone (state updates and reading are not counted).
fn evaluate_all(engine: &Engine, scratch: &mut Scratch) -> (u64, u64, usize) {
    let dir = common::captures_dir().expect("captures");
    let ruleset = engine.ruleset();
    let (mut events, mut allocs, mut matches) = (0, 0, 0);
    for name in common::CAPTURES {
        let mut insp = Inspector::open_capture(dir.join(name)).expect("opens");
        while let Some(ctx) = insp.next().expect("reads") {
            if !rules_see(ctx.code()) {
                continue;
            }
            events += 1;
            let before = ALLOCS.load(Ordering::Relaxed);
            COUNTING.store(true, Ordering::Relaxed);
            matches += ruleset.matches(&ctx, scratch).count();
            COUNTING.store(false, Ordering::Relaxed);
            allocs += ALLOCS.load(Ordering::Relaxed) - before;
        }
    }
    (events, allocs, matches)
}

#[test]
fn evaluating_the_official_rules_allocates_nothing_per_event() {
    let rules = common::rules_dir();
    let mut engine = Engine::builder()
        .source(SyscallSource::new())
        .rule_matching(RuleMatching::All)
        .build();
    for f in [
        "falco_rules.yaml",
        "falco-incubating_rules.yaml",
        "falco-sandbox_rules.yaml",
    ] {
        let r = engine.load_file(&rules.join(f));
        assert!(r.successful(), "{f}: {}", r.render());
    }
    let mut scratch = Scratch::new();
    // The first pass grows the scratch's buffers to their working size.
    let (events, first, _) = evaluate_all(&engine, &mut scratch);
    assert!(events > 1000, "{events} events");
    assert!(
        first > 0,
        "the counter counts nothing: the test could not fail"
    );
    let (again, allocs, _) = evaluate_all(&engine, &mut scratch);
    assert_eq!(again, events);
    assert_eq!(allocs, 0, "{allocs} allocations over {events} events");
}
