//! Text normalization on arbitrary text: never panics, and every normalized range maps back
//! to an in-bounds range of the input on char boundaries.
#![no_main]

use kehoach::text::Normalized;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let n = Normalized::new(input);
    let t = n.text();
    let mut prev = 0;
    for (i, _) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
        let (s, e) = n.to_original(prev, i);
        assert!(s <= e && e <= input.len(), "{prev}..{i} -> {s}..{e}");
        assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
        prev = i;
    }
    assert!(!t.contains('\r'));
});
