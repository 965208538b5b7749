//! The agency list splitter on arbitrary text: never panics, spans slice the input; with a
//! small limit it reads at most that many agencies.
#![no_main]

use kehoach::agency::{Registry, split_agencies, split_agencies_max};
use kehoach::{Date, LineIndex, Locator};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let norm = kehoach::text::normalize(input);
    let reg = Registry::embedded();
    for text in [input, norm.as_str()] {
        let idx = LineIndex::new(text);
        let (mut agencies, diags) = split_agencies(text, &Locator::new(&idx), reg);
        for a in &mut agencies {
            assert!(a.span.slice(text).is_some(), "{:?}", a.span);
            if let Ok(on) = Date::from_ymd(2026, 11, 28) {
                kehoach::agency::resolve_current(a, on, reg);
            }
        }
        for d in &diags {
            assert!(d.span.slice(text).is_some(), "{:?}", d.span);
        }
        // A small limit: never more agencies, one error at most, spans valid.
        let max = input.len() % 5;
        let (cut, cut_diags) = split_agencies_max(text, &Locator::new(&idx), reg, max);
        assert!(cut.len() <= max, "{} > {max}", cut.len());
        for a in &cut {
            assert!(a.span.slice(text).is_some(), "{:?}", a.span);
        }
        let n = cut_diags
            .iter()
            .filter(|d| d.code == "input/too-many-agencies")
            .count();
        assert!(n <= 1);
        for d in &cut_diags {
            assert!(d.span.slice(text).is_some(), "{:?}", d.span);
        }
    }
});
