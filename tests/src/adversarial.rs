//! Adversarial inputs (shared by `tests/adversarial.rs` and the scaling benches): what a portal
//! may be fed by accident or on purpose. Each generator takes a size so tests can run small
//! and benches large.

use kehoach::SEED_PLAN;

/// `bytes` of "a)" lines: every line opens a point with the same letter.
pub fn a_lines(bytes: usize) -> String {
    "a)\n".repeat(bytes / 3)
}

/// `n` lines of nested-looking numbering ("I.", "1.", "a)", "a1)", "1.1.", "1.1.1.", "- 1)", …)
/// under one section, cycling through the shapes.
pub fn nested_numbering(n: usize) -> String {
    const SHAPES: &[&str] = &[
        "I. NHIỆM VỤ",
        "1. Chung",
        "a) Làm",
        "a1) Chèn",
        "1.1. Mục",
        "1.1.1. Tiểu mục",
        "- 1) gạch",
        "i) la mã nhỏ",
        "(1) ngoặc",
        "1) số",
        "IV.2.a) ghép",
    ];
    let mut s = String::with_capacity(n * 12);
    for i in 0..n {
        s.push_str(SHAPES[i % SHAPES.len()]);
        s.push('\n');
    }
    s
}

/// One line that looks nested `n` levels deep: "1.1.1.….1. Text".
pub fn deep_number_line(n: usize) -> String {
    format!("II. NHIỆM VỤ\n{}1. Text\n", "1.".repeat(n))
}

/// A plan whose years are a number of `digits` digits (date line, timeframes, citations).
pub fn huge_year(digits: usize) -> String {
    let y = "9".repeat(digits);
    format!(
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: {y}/KH-UBND\nQuảng Ngãi, ngày 18 tháng 5 năm {y}\n\n\
         KẾ HOẠCH\nTHỰC HIỆN NGHỊ QUYẾT SỐ 50/NQ-CP NGÀY 17/4/{y} CỦA CHÍNH PHỦ\n\n\
         II. NHIỆM VỤ\n1. Chung\na) Làm theo Nghị quyết số 12/NQ-HĐND ngày 1/1/{y}.\n\
         - Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Năm {y}.\n\
         b) Làm.\n- Cơ quan chủ trì: Sở Tư pháp.\n- Thời gian thực hiện: Quý II/{y}.\n\
         c) Làm.\n- Cơ quan chủ trì: Sở Nội vụ.\n- Thời gian thực hiện: Trước ngày 31/12/{y}.\n"
    )
}

/// One line of `bytes` with no line break (words and punctuation).
pub fn long_line(bytes: usize) -> String {
    let unit = "Tổ chức triển khai, thực hiện (theo Nghị quyết) và ";
    unit.repeat(bytes / unit.len() + 1)
}

/// A task whose lead agency list is one line of `n` agencies.
pub fn long_agency_line(n: usize) -> String {
    let names = [
        "Sở Y tế",
        "Sở Tài chnh",
        "UBND các huyện, thị xã, thành phố",
        "Sở Lao động - Thương binh và Xã hội",
        "các tổ chức liên quan",
    ];
    let list: Vec<&str> = (0..n).map(|i| names[i % names.len()]).collect();
    format!(
        "II. NHIỆM VỤ\n1. Chung\na) Làm.\n- Cơ quan chủ trì: {}.\n- Thời gian thực hiện: Năm 2021.\n",
        list.join(", ")
    )
}

/// A body line with `n` citations on one line.
pub fn long_citation_line(n: usize) -> String {
    let c = "Nghị quyết số 50/NQ-CP ngày 17/4/2020 của Chính phủ, ";
    format!("II. NHIỆM VỤ\n1. Chung\na) Thực hiện {}.\n", c.repeat(n))
}

/// `n` lone combining marks: at line starts, after spaces, after digits and punctuation.
pub fn lone_marks(n: usize) -> String {
    let marks = [
        '\u{301}', '\u{300}', '\u{303}', '\u{309}', '\u{323}', '\u{302}', '\u{306}',
    ];
    let mut s = String::from("II. NHIỆM VỤ\n1. Chung\na) Làm.\n- Cơ quan chủ trì: ");
    for i in 0..n {
        let m = marks[i % marks.len()];
        match i % 6 {
            0 => s.push('\n'),
            1 => s.push(' '),
            2 => s.push('1'),
            3 => s.push(')'),
            4 => s.push('\u{a0}'),
            _ => {}
        }
        s.push(m);
    }
    s.push('\n');
    s
}

/// Every horizontal-space, line-break and invisible character variant the normalizer knows.
pub const SPACE_VARIANTS: &[char] = &[
    '\t', '\u{a0}', '\u{1680}', '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}',
    '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}', '\u{2009}', '\u{200a}', '\u{202f}', '\u{205f}',
    '\u{3000}',
];
/// Zero-width and other invisible characters (removed by normalization).
pub const INVISIBLE_VARIANTS: &[char] = &[
    '\u{feff}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{ad}', '\u{180e}',
];

/// The seed with the `k`-th space variant for every space and the `k`-th invisible character
/// after every colon.
pub fn seed_with_space_variant(k: usize) -> String {
    let sp = SPACE_VARIANTS[k % SPACE_VARIANTS.len()];
    let inv = INVISIBLE_VARIANTS[k % INVISIBLE_VARIANTS.len()];
    SEED_PLAN
        .replace(' ', &sp.to_string())
        .replace(':', &format!(":{inv}"))
}

/// The seed repeated to at least `bytes`.
pub fn seed_repeated(bytes: usize) -> String {
    SEED_PLAN.repeat(bytes / SEED_PLAN.len() + 1)
}
