//! Amendment text: arbitrary text through the Vietnamese instruction parser, and through
//! `amend_text` (JSON or instructions) against the seed plan. Never panics; spans of the parsed
//! instructions slice the input.
#![no_main]

use kehoach::amend::{amend_text, parse_instructions};
use kehoach::{Plan, SEED_PLAN};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| kehoach::parse(SEED_PLAN).plan)
}

fuzz_target!(|input: &str| {
    let parsed = parse_instructions(input);
    for s in &parsed.spans {
        assert!(s.slice(input).is_some(), "{s:?}");
    }
    for d in &parsed.diagnostics {
        assert!(d.span.slice(input).is_some(), "{}: {:?}", d.code, d.span);
    }
    let r = amend_text(plan(), input);
    if !r.applied {
        // Taken back from the undo log: the plan exactly as it was, not just as many tasks.
        assert!(r.plan == *plan(), "a failed amendment changed the plan");
    }
});
