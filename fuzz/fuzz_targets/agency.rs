//! The agency list splitter on arbitrary text: never panics, spans slice the input.
#![no_main]

use kehoach::agency::{Registry, split_agencies};
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
    }
});
