//! Amendment JSON: arbitrary text through serde into `Amendment`, then applied to the seed plan.
//! Never panics; a failed application gives the plan back equal to the input.
#![no_main]

use kehoach::amend::{Amendment, apply};
use kehoach::{Plan, SEED_PLAN};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| kehoach::parse(SEED_PLAN).plan)
}

fuzz_target!(|input: &str| {
    let Ok(amendment) = serde_json::from_str::<Amendment>(input) else {
        return;
    };
    let r = apply(plan(), &amendment);
    if !r.applied {
        // Taken back from the undo log: the plan exactly as it was, not just as many tasks.
        assert!(r.plan == *plan(), "a failed amendment changed the plan");
    }
    let _ = kehoach::document::render(&r.plan);
});
