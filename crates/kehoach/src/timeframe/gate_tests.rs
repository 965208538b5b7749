//! Tests of the gate in front of the grammar: a text it closes is one the grammar rejects.

use super::grammar::Cx;
use super::lexer;
use crate::span::{LineIndex, Locator};
use proptest::prelude::*;

/// Whether the gate is open for `text`, and whether the grammar accepts it (read as
/// [`TimeframeParser::parse`](super::TimeframeParser::parse) reads it, gate or not).
fn gate_and_grammar(text: &str) -> (bool, bool) {
    let idx = LineIndex::new(text);
    let loc = Locator::new(&idx);
    let toks = lexer::tokenize(text);
    let lower = lexer::lower_aligned(text);
    let years = super::TimeframeParser::default().years().clone();
    let cx = Cx {
        src: text,
        lower: &lower,
        toks: &toks,
        loc: &loc,
        year_min: *years.start(),
        year_max: *years.end(),
    };
    let n = toks.len();
    // The gate's expression as `TimeframeParser::parse` writes it (keep the two the same): one
    // function shared by both cost the wasm first render 170-220 bytes, whatever its shape.
    (
        cx.names_time(0, n) || cx.names_basis(0, n),
        cx.expr(0, n).is_some(),
    )
}

/// The grammar's own words that are neither numbers nor time words, pieces of those (a
/// phrase's first or second word alone), the condition words (without them, the gate must
/// close on "theo …", which the grammar accepts), words of agencies and prose, and the
/// punctuation the grammar reads.
const VOCABULARY: &[&str] = &[
    "trước",
    "Trước",
    "đến",
    "ĐẾN",
    "từ",
    "tới",
    "hết",
    "hoàn thành",
    "xong",
    "cơ bản",
    "chậm",
    "chậm nhất",
    "muộn nhất",
    "là",
    "vào",
    "trong",
    "dự kiến",
    "cuối",
    "đầu",
    "nửa",
    "sáu",
    "trở đi",
    "về sau",
    "và",
    "hoặc",
    "các",
    "những",
    "tiếp theo",
    "sau",
    "sau đó",
    "kế tiếp",
    "kể từ",
    "bắt đầu",
    "tiếp tục",
    "triển khai",
    "thực hiện",
    "tầm nhìn",
    "định hướng",
    "luật",
    "lần",
    "một",
    "I",
    "II",
    "III",
    "IV",
    "X",
    "giai",
    "đoạn",
    "kỳ",
    "thời",
    "thường",
    "xuyên",
    "định",
    "liên",
    "tục",
    "đột",
    "xuất",
    "hướng dẫn",
    "yêu cầu",
    "tình hình",
    "thực tế",
    "thực tiễn",
    "điều kiện",
    "có",
    "được",
    "Bộ",
    "Sở Tài chính",
    "UBND",
    "của",
    "chỉ",
    "không",
    "chưa",
    "ngoài",
    "trừ",
    "mọi",
    "tất cả",
    "toàn bộ",
    "báo cáo",
    "tổng kết",
    "nhiệm vụ",
    "xong thì thôi",
    "theo",
    "khi",
    "căn cứ",
    "tuỳ",
    ":",
    ";",
    ",",
    ".",
    "/",
    "-",
    "–",
    "(",
    ")",
    "%",
    "./.",
];

#[test]
fn texts_the_gate_closes_are_not_timeframes() {
    for text in [
        "Sở Tài chính",
        "Trước",
        "Hoàn thành xong",
        "Cơ bản hoàn thành trước",
        "Giai",
        "Tiếp tục triển khai",
        "(Tầm nhìn)",
        "Đến hết.",
    ] {
        assert_eq!(gate_and_grammar(text), (false, false), "{text:?}");
    }
    // What the gate opens for: a number, a time word, a condition.
    assert_eq!(gate_and_grammar("Năm 2021"), (true, true));
    assert_eq!(gate_and_grammar("Thường xuyên"), (true, true));
    assert_eq!(gate_and_grammar("Theo hướng dẫn của Bộ"), (true, true));
    // A condition needs no time word: why the gate looks for condition words too.
    assert_eq!(gate_and_grammar("Theo Sở Tài chính"), (true, true));
    // An open gate does not mean a timeframe.
    assert_eq!(gate_and_grammar("Sở Tài chính, quý"), (true, false));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]
    #[test]
    fn the_grammar_accepts_no_text_the_gate_closes(
        words in proptest::collection::vec(proptest::sample::select(VOCABULARY), 1..12)
    ) {
        let text = words.join(" ");
        let (open, accepted) = gate_and_grammar(&text);
        prop_assert!(open || !accepted, "{:?} is accepted by the grammar, not by the gate", text);
    }
}
