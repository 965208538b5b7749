//! Tests of the grammar's phrase lookup: the first-byte filter of `Cx::any_phrase` changes no match.

use super::grammar::Cx;
use super::lexer;
use crate::span::{LineIndex, Locator};
use proptest::prelude::*;

/// For each token position of `text`, `any_phrase` and the plain definition (every phrase
/// compared in turn), with `hi` at the end and one token before it.
fn both_ways(text: &str, phrases: &[&str]) -> Vec<(Option<usize>, Option<usize>)> {
    let idx = LineIndex::new(text);
    let loc = Locator::new(&idx);
    let toks = lexer::tokenize(text);
    let lower = lexer::lower_aligned(text);
    let cx = Cx {
        src: text,
        lower: &lower,
        toks: &toks,
        loc: &loc,
        year_min: 1945,
        year_max: 2100,
    };
    let n = toks.len();
    let mut out = Vec::new();
    for hi in [n, n.saturating_sub(1)] {
        for i in 0..=n + 1 {
            let plain = phrases.iter().find_map(|p| cx.phrase(i, hi, p));
            out.push((cx.any_phrase(i, hi, phrases), plain));
        }
    }
    out
}

/// Words that share first bytes with the phrases below (đ, t, n, h, the ASCII and the
/// multi-byte ones), in both cases, and tokens that are not words.
const WORDS: &[&str] = &[
    "đến",
    "Đến",
    "ĐẾN",
    "đầu",
    "định",
    "kỳ",
    "hết",
    "hàng",
    "hằng",
    "năm",
    "Năm",
    "những",
    "tới",
    "từ",
    "tiếp",
    "theo",
    "thường",
    "xuyên",
    "khi",
    "nào",
    "sau",
    "kể",
    "bắt",
    "Ủy",
    "2021",
    "12",
    "-",
    ",",
    ":",
    "(",
    ".",
];

/// Phrase lists as the grammar writes them: lowercase, space-separated, some sharing a first
/// word ("đến hết", "đến"), a first byte ("tới", "từ", "theo"), or a multi-byte first char.
const PHRASES: &[&str] = &[
    "đến hết",
    "tới hết",
    "đến",
    "tới",
    "từ",
    "bắt đầu từ",
    "kể từ",
    "theo định kỳ",
    "định kỳ",
    "hàng",
    "hằng",
    "những năm tiếp theo",
    "năm",
    "khi nào",
    "sau khi",
    "thường xuyên",
    "ủy",
];

#[test]
fn phrases_match_as_the_plain_definition_does() {
    let list = ["đến hết", "tới hết", "đến", "tới"];
    // The longer phrase first, as listed; the first byte of "đ" is shared by "định".
    assert_eq!(
        both_ways("Đến hết năm 2025", &list).first(),
        Some(&(Some(2), Some(2)))
    );
    assert_eq!(both_ways("định kỳ", &list).first(), Some(&(None, None)));
    // `hi` cuts a phrase: "đến hết" does not fit before the last token, "đến" does.
    let cut = both_ways("đến hết", &list);
    assert_eq!(cut.get(4), Some(&(Some(1), Some(1))));
    for (fast, plain) in cut {
        assert_eq!(fast, plain);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]
    #[test]
    fn any_phrase_equals_comparing_every_phrase(
        words in proptest::collection::vec(proptest::sample::select(WORDS), 0..8),
        phrases in proptest::collection::vec(proptest::sample::select(PHRASES), 0..6),
    ) {
        let text = words.join(" ");
        for (fast, plain) in both_ways(&text, &phrases) {
            prop_assert_eq!(fast, plain, "{:?} {:?}", text, phrases);
        }
    }
}
