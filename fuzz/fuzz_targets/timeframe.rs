//! The timeframe parser on arbitrary text: never panics, spans slice the input.
#![no_main]

use kehoach::timeframe::parse_timeframe;
use kehoach::{LineIndex, Locator};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    // The parser sees normalized label values, as in a plan; raw text is tried as well.
    let norm = kehoach::text::normalize(input);
    for text in [input, norm.as_str()] {
        let idx = LineIndex::new(text);
        let (tf, diags) = parse_timeframe(text, &Locator::new(&idx));
        assert!(tf.span.slice(text).is_some(), "{:?}", tf.span);
        for d in &diags {
            assert!(d.span.slice(text).is_some(), "{:?}", d.span);
        }
        let _ = serde_json::to_string(&tf);
    }
});
