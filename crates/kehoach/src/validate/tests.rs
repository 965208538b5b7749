//! Seed and cross-family tests.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // tests

use super::*;
use crate::SEED_PLAN;

#[test]
fn dump_seed() {
    let out = crate::parse(SEED_PLAN);
    for d in check(&out, &CheckOptions::default()) {
        eprintln!(
            "{} {:?} {:?} {} {:?} | {:?} | {:?}",
            d.code,
            d.severity,
            d.span.slice(SEED_PLAN),
            d.span.line,
            d.message,
            d.fix.as_ref().map(|f| &f.replacement),
            d.notes
        );
    }
    panic!();
}
