//! Amendment JSON: arbitrary text through serde into `Amendment`, then applied to the seed plan.
//! Never panics; a failed application leaves the plan unchanged.
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
        assert_eq!(r.plan.tasks().len(), plan().tasks().len());
    }
    let _ = kehoach::document::render(&r.plan);
});
