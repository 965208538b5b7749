//! Properties of amendments over generated plans (kehoach::testing::strategies): ids unique,
//! numbering valid, no unit lost, the plan as at the day before the amendment is the original,
//! and the amended plan's text parses back to the same tasks.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // test code: a panic is a failure report

use kehoach::amend::{VersionedPlan, apply, apply_owned};
use kehoach::testing::{check_invariants, numbering_problems, render_result, strategies};
use kehoach::{Date, Lang};
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(128)
}

fn plan_and_amendment() -> impl Strategy<Value = (kehoach::Plan, kehoach::amend::Amendment)> {
    strategies::plan().prop_flat_map(|p| {
        let a = strategies::amendment_for(&p);
        (Just(p), a)
    })
}

fn task_view(plan: &kehoach::Plan) -> Vec<(String, Option<String>, Option<String>)> {
    plan.tasks()
        .into_iter()
        .map(|t| {
            (
                t.number.into_string(),
                t.leads.map(|l| l.text.into_string()),
                t.timeframe.map(|t| t.text.into_string()),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn generated_plans_have_valid_numbering(plan in strategies::plan()) {
        prop_assert_eq!(numbering_problems(&plan), Vec::<String>::new());
    }

    #[test]
    fn generated_amendments_apply_and_keep_the_invariants((plan, amendment) in plan_and_amendment()) {
        let r = apply(&plan, &amendment);
        prop_assert!(r.applied, "{}\n{:#?}", render_result(&r, Lang::En), amendment);
        check_invariants(&plan, &r).map_err(TestCaseError::fail)?;
        prop_assert_eq!(numbering_problems(&r.plan), Vec::<String>::new());
        prop_assert_eq!(r.changes.len(), amendment.operations.len());
        // the amended text parses back to the same tasks
        let again = kehoach::parse(&kehoach::document::render(&r.plan)).plan;
        prop_assert_eq!(task_view(&again), task_view(&r.plan));
    }

    #[test]
    fn as_at_before_the_effective_date_is_the_original((plan, amendment) in plan_and_amendment()) {
        let mut vp = VersionedPlan::new(plan.clone());
        let r = vp.amend(&amendment);
        prop_assert!(r.applied);
        let effective = amendment.effective_date().unwrap();
        let day_before = Date::from_time(effective.as_time().previous_day().unwrap());
        prop_assert_eq!(vp.as_at(day_before), &plan);
        prop_assert_eq!(vp.as_at(effective), &r.plan);
        // every repealed unit is in the history with the amending document
        let repealed = amendment.operations.iter().filter(|o| o.name() == "repeal").count();
        prop_assert_eq!(vp.repealed().len(), repealed);
        prop_assert!(vp.repealed().iter().all(|u| u.by == "99/QĐ-UBND"));
    }

    #[test]
    fn a_bad_operation_among_good_ones_changes_nothing((plan, mut amendment) in plan_and_amendment()) {
        amendment.operations.push(kehoach::amend::Operation::Repeal {
            target: kehoach::amend::Target::number("IX.9.y"),
        });
        let r = apply(&plan, &amendment);
        prop_assert!(!r.applied);
        prop_assert_eq!(&r.plan, &plan);
        prop_assert!(r.changes.is_empty());
        prop_assert_eq!(r.codes(), vec!["amend/target-not-found"]);
    }

    /// `apply_owned` edits the plan it is given: a failure anywhere takes every change of the
    /// operations before (and after) it back, in reverse order.
    #[test]
    fn a_bad_operation_anywhere_gives_the_owned_plan_back_as_it_was(
        (plan, mut amendment, at) in plan_and_amendment().prop_flat_map(|(p, a)| {
            let n = a.operations.len();
            (Just(p), Just(a), 0..=n)
        })
    ) {
        let good = apply_owned(plan.clone(), &amendment, &[]);
        prop_assert!(good.applied);
        amendment.operations.insert(at, kehoach::amend::Operation::Repeal {
            target: kehoach::amend::Target::number("IX.9.y"),
        });
        let r = apply_owned(plan.clone(), &amendment, &[]);
        prop_assert!(!r.applied);
        prop_assert_eq!(&r.plan, &plan);
        prop_assert!(r.changes.is_empty());
        prop_assert_eq!(r.codes(), vec!["amend/target-not-found"]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// Issue 21's drafting property: an official edits the plan's text (here: a generated
    /// amendment applied, the result written out as text); the drafted instructions, read and
    /// applied to the original, give the edited plan.
    #[test]
    fn drafted_instructions_give_the_edited_plan((plan, amendment) in plan_and_amendment()) {
        let r = apply(&plan, &amendment);
        prop_assume!(r.applied);
        let edited = kehoach::parse(&kehoach::document::render(&r.plan)).plan;
        let d = kehoach::amend::draft(&plan, &edited);
        prop_assert!(d.unworded.is_empty(), "unworded {:?}", d.unworded);
        let back = kehoach::amend::amend_text(&plan, &d.text);
        prop_assert!(back.applied, "{}\n{}", d.text, render_result(&back, Lang::En));
        let again = kehoach::parse(&kehoach::document::render(&back.plan)).plan;
        prop_assert_eq!(
            kehoach::document::content_json(&again),
            kehoach::document::content_json(&edited),
            "{}", d.text
        );
    }
}
