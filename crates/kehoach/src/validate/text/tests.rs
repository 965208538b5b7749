//! Realistic legacy-encoded plans: real Vietnamese mapped through the TCVN3 (ABC) and VNI
//! Windows byte tables, then decoded as Windows-1252, as a Unicode editor shows such files.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // tests

use crate::validate::{CheckOptions, check_text};
use crate::{Severity, Span};
use unicode_normalization::UnicodeNormalization;

/// A short plan in Unicode: header, sections, parts, points with fields.
const PLAN: &str = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n\nSố: 12/KH-UBND\n\nQuảng Ngãi, ngày 18 tháng 5 năm 2020\n\nKẾ HOẠCH\nThực hiện Nghị quyết số 50/NQ-CP ngày 17/4/2020 của Chính phủ\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Tuyên truyền, quán triệt và triển khai kịp thời.\nII. NHIỆM VỤ, GIẢI PHÁP\n1. Đổi mới tư duy, thống nhất nhận thức\na) Tổ chức quán triệt các quan điểm, mục tiêu của Nghị quyết.\n- Cơ quan chủ trì: Sở Thông tin và Truyền thông.\n- Thời gian thực hiện: Thường xuyên hàng năm.\nb) Hướng dẫn các sở, ngành, địa phương tuyên truyền.\n- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n- Thời gian thực hiện: Năm 2021 và những năm tiếp theo.\n";

/// TCVN3 (ABC, TCVN 5712:1993): every code is ≥ 0xA0, so Windows-1252 shows it as the Latin-1
/// character with the same code. Capitals with tone marks use the lowercase codes (they are
/// typed in the ".VnTimeH" capital font).
const TCVN3: &[(char, char)] = &[
    ('à', 'µ'),
    ('ả', '¶'),
    ('ã', '·'),
    ('á', '¸'),
    ('ạ', '¹'),
    ('ă', '¨'),
    ('ằ', '»'),
    ('ẳ', '¼'),
    ('ẵ', '½'),
    ('ắ', '¾'),
    ('ặ', 'Æ'),
    ('â', '©'),
    ('ầ', 'Ç'),
    ('ẩ', 'È'),
    ('ẫ', 'É'),
    ('ấ', 'Ê'),
    ('ậ', 'Ë'),
    ('đ', '®'),
    ('è', 'Ì'),
    ('ẻ', 'Î'),
    ('ẽ', 'Ï'),
    ('é', 'Ð'),
    ('ẹ', 'Ñ'),
    ('ê', 'ª'),
    ('ề', 'Ò'),
    ('ể', 'Ó'),
    ('ễ', 'Ô'),
    ('ế', 'Õ'),
    ('ệ', 'Ö'),
    ('ì', '×'),
    ('ỉ', 'Ø'),
    ('ĩ', 'Ü'),
    ('í', 'Ý'),
    ('ị', 'Þ'),
    ('ò', 'ß'),
    ('ỏ', 'á'),
    ('õ', 'â'),
    ('ó', 'ã'),
    ('ọ', 'ä'),
    ('ô', '«'),
    ('ồ', 'å'),
    ('ổ', 'æ'),
    ('ỗ', 'ç'),
    ('ố', 'è'),
    ('ộ', 'é'),
    ('ơ', '¬'),
    ('ờ', 'ê'),
    ('ở', 'ë'),
    ('ỡ', 'ì'),
    ('ớ', 'í'),
    ('ợ', 'î'),
    ('ù', 'ï'),
    ('ủ', 'ñ'),
    ('ũ', 'ò'),
    ('ú', 'ó'),
    ('ụ', 'ô'),
    ('ư', '\u{ad}'),
    ('ừ', 'õ'),
    ('ử', 'ö'),
    ('ữ', '÷'),
    ('ứ', 'ø'),
    ('ự', 'ù'),
    ('ỳ', 'ú'),
    ('ỷ', 'û'),
    ('ỹ', 'ü'),
    ('ý', 'ý'),
    ('ỵ', 'þ'),
    ('Ă', '¡'),
    ('Â', '¢'),
    ('Ê', '£'),
    ('Ô', '¤'),
    ('Ơ', '¥'),
    ('Ư', '¦'),
    ('Đ', '§'),
];

fn tcvn3(s: &str) -> String {
    s.chars()
        .map(|c| {
            let find = |c: char| TCVN3.iter().find(|(u, _)| *u == c).map(|(_, b)| *b);
            find(c)
                .or_else(|| c.to_lowercase().next().and_then(find))
                .unwrap_or(c)
        })
        .collect()
}

/// VNI Windows: a base letter followed by mark bytes (all ≥ 0xC0, shown as Latin-1).
fn vni(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            'đ' => out.push('ñ'),
            'Đ' => out.push('Ñ'),
            _ if c.is_ascii() => out.push(c),
            _ => {
                let parts: Vec<char> = c.to_string().nfd().collect();
                let base = parts[0];
                let upper = base.is_uppercase();
                let has = |m: char| parts.contains(&m);
                let tone = [
                    ('\u{301}', 0),
                    ('\u{300}', 1),
                    ('\u{309}', 2),
                    ('\u{303}', 3),
                    ('\u{323}', 4),
                ]
                .iter()
                .find(|(m, _)| has(*m))
                .map(|(_, t)| *t);
                let pick = |lower: &[char; 5], upper_set: &[char; 5], t: usize| {
                    if upper { upper_set[t] } else { lower[t] }
                };
                const TONES: [char; 5] = ['ù', 'ø', 'û', 'õ', 'ï'];
                const TONES_UP: [char; 5] = ['Ù', 'Ø', 'Û', 'Õ', 'Ï'];
                if matches!(base, 'i' | 'I') {
                    match tone {
                        Some(t) => out.push(pick(
                            &['í', 'ì', 'æ', 'ó', 'ò'],
                            &['Í', 'Ì', 'Æ', 'Ó', 'Ò'],
                            t,
                        )),
                        None => out.push(base),
                    }
                } else if matches!(base, 'y' | 'Y') && tone == Some(4) {
                    out.push(if upper { 'Î' } else { 'î' });
                } else if has('\u{31b}') {
                    // horn: ơ, ư are single codes, then the tone
                    out.push(match (base, upper) {
                        ('o' | 'O', false) => 'ô',
                        ('o' | 'O', true) => 'Ô',
                        (_, false) => 'ö',
                        (_, true) => 'Ö',
                    });
                    if let Some(t) = tone {
                        out.push(pick(&TONES, &TONES_UP, t));
                    }
                } else if has('\u{302}') {
                    out.push(base);
                    match tone {
                        Some(t) => out.push(pick(
                            &['á', 'à', 'å', 'ã', 'ä'],
                            &['Á', 'À', 'Å', 'Ã', 'Ä'],
                            t,
                        )),
                        None => out.push(if upper { 'Â' } else { 'â' }),
                    }
                } else if has('\u{306}') {
                    out.push(base);
                    match tone {
                        Some(t) => out.push(pick(
                            &['é', 'è', 'ú', 'ü', 'ë'],
                            &['É', 'È', 'Ú', 'Ü', 'Ë'],
                            t,
                        )),
                        None => out.push(if upper { 'Ê' } else { 'ê' }),
                    }
                } else {
                    out.push(base);
                    if let Some(t) = tone {
                        out.push(pick(&TONES, &TONES_UP, t));
                    }
                }
            }
        }
    }
    out
}

/// UTF-8 bytes decoded as Windows-1252 (WHATWG: undefined bytes map to C1 controls).
fn mojibake(s: &str) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    s.bytes()
        .map(|b| match b {
            0x80..=0x9f => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

fn only_error(text: &str, code: &str) -> Span {
    let out = check_text(text, &CheckOptions::default());
    assert_eq!(out.diagnostics.len(), 1, "{:#?}", out.diagnostics);
    let d = &out.diagnostics[0];
    assert_eq!((d.code, d.severity), (code, Severity::Error));
    // Never parsed into garbage: no units, no tasks, no citations, no metadata.
    assert!(out.plan.body.is_empty() && out.plan.citations.is_empty());
    assert!(out.plan.tasks().is_empty() && out.plan.meta.number.is_none());
    d.span
}

#[test]
fn encoders_match_known_samples() {
    assert_eq!(tcvn3("Kế hoạch thực hiện"), "KÕ ho¹ch thùc hiÖn");
    assert_eq!(tcvn3("Quảng Ngãi"), "Qu¶ng Ng·i");
    assert_eq!(vni("Kế hoạch"), "Keá hoaïch");
    assert_eq!(vni("Đổi mới tư duy"), "Ñoåi môùi tö duy");
    assert_eq!(mojibake("Kế hoạch"), "Káº¿ hoáº¡ch");
}

#[test]
fn tcvn3_plan_is_one_error_and_an_empty_plan() {
    let text = tcvn3(PLAN);
    assert!(text.starts_with("ñY BAN NH¢N D¢N\nTØNH QU¶NG NG·I"));
    let span = only_error(&text, "text/legacy-encoding");
    assert_eq!((span.line, span.column), (1, 1));
}

#[test]
fn vni_plan_is_one_error_and_an_empty_plan() {
    let text = vni(PLAN);
    assert!(text.starts_with("UÛY BAN NHAÂN DAÂN\nTÆNH QUAÛNG NGAÕI"));
    let span = only_error(&text, "text/legacy-encoding");
    assert_eq!((span.line, span.column), (1, 1));
}

#[test]
fn mojibake_plan_is_one_error_and_an_empty_plan() {
    let text = mojibake(PLAN);
    assert!(text.starts_with("á»¦Y BAN NHÃ‚N DÃ‚N"));
    let span = only_error(&text, "text/mojibake");
    assert_eq!(span.line, 1);
}

#[test]
fn unicode_plan_has_no_encoding_error() {
    let out = check_text(PLAN, &CheckOptions::default());
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    assert_eq!(out.plan.tasks().len(), 2);
}
