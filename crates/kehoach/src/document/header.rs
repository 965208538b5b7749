//! Front matter (issuer, number, place and date, type, title), closing (recipients, signer)
//! and the website wrapper (site line, "HIỆU LỰC VĂN BẢN" block).

use super::lines::{self, Line};
use super::model::{Metadata, Spanned, Wrapper, WrapperField};
use super::vndate;
use crate::span::Locator;
use crate::text::Case as _;
use crate::text::{eq_lowercase, starts_with_lowercase};

/// Site-name lines that legal-document websites put before the document.
pub const SITE_NAMES: &[&str] = &[
    "hệ thống pháp luật",
    "hệ thống pháp luật việt nam",
    "thư viện pháp luật",
    "luatvietnam",
    "luật việt nam",
    "cơ sở dữ liệu quốc gia về văn bản pháp luật",
    "cơ sở dữ liệu văn bản pháp luật",
    "văn bản pháp luật",
    "thuvienphapluat.vn",
    "hethongphapluat.com",
    "luatvietnam.vn",
    "vbpl.vn",
];

/// Headings of the websites' trailing metadata block.
pub const WRAPPER_HEADINGS: &[&str] = &[
    "hiệu lực văn bản",
    "thuộc tính văn bản",
    "thông tin văn bản",
    "lược đồ văn bản",
    // A legal site's list of related documents after the text ("## Văn bản liên quan" then
    // "Ban hành: … Hiệu lực: …" boxes): not the plan.
    "văn bản liên quan",
];

/// Document types recognized on the type line.
pub const DOC_TYPES: &[&str] = &[
    "kế hoạch",
    "chương trình hành động",
    "chương trình",
    "quyết định",
    "đề án",
    "chỉ thị",
    "nghị quyết",
    "thông báo",
    "hướng dẫn",
    "báo cáo",
    "công văn",
];

/// Signer positions (uppercase in documents).
const POSITIONS: &[&str] = &[
    "chủ tịch",
    "phó chủ tịch",
    "giám đốc",
    "phó giám đốc",
    "bí thư",
    "trưởng ban",
    "chánh văn phòng",
];

fn trim_punct(s: &str) -> &str {
    s.trim_matches(|c: char| c == '.' || c == ':' || c == ' ')
}

pub(crate) fn is_site_line(line: &str) -> bool {
    let t = trim_punct(line);
    SITE_NAMES.iter().any(|s| eq_lowercase(t, s))
}

/// The longest of `list`, in bytes.
#[allow(clippy::indexing_slicing)] // evaluated at compile time: an index out of range fails the build
const fn longest(list: &[&str]) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < list.len() {
        if list[i].len() > n {
            n = list[i].len();
        }
        i += 1;
    }
    n
}

pub(crate) fn is_wrapper_heading(line: &str) -> bool {
    // Every line is tested (from the end): one longer than any heading's uppercase can be
    // (three times its bytes, the bound `eq_lowercase` starts with) is none, told without a
    // call a heading.
    const MOST: usize = 3 * longest(WRAPPER_HEADINGS);
    // A Markdown heading mark before it ("## Văn bản liên quan").
    let t = trim_punct(line.trim_start_matches('#'));
    // Nor is one whose first letter starts none (they start with ASCII letters, which only
    // themselves and their capitals lowercase to). Natively: the wasm package's first render
    // has no bytes to spare.
    let first = t.as_bytes().first().map_or(0, |b| b | 0x20);
    (cfg!(target_arch = "wasm32") || t.len() <= MOST)
        && WRAPPER_HEADINGS.iter().any(|s| {
            (cfg!(target_arch = "wasm32") || s.as_bytes().first() == Some(&first))
                && eq_lowercase(t, s)
        })
}

pub(crate) fn is_position_line(line: &str) -> bool {
    if !lines::is_uppercase_line(line) || line.chars().count() > 60 {
        return false;
    }
    let t = line.to_lower();
    let t = t.trim();
    ["tm.", "kt.", "tl.", "q.", "tuq.", "tm ", "kt "]
        .iter()
        .any(|p| t.starts_with(p))
        || POSITIONS.contains(&t)
}

fn is_motto(line: &str) -> bool {
    let f = crate::text::fold(line);
    f.starts_with("cong hoa xa hoi chu nghia viet nam")
        || f.starts_with("doc lap - tu do - hanh phuc")
}

fn doc_type(line: &str) -> bool {
    if !lines::is_uppercase_line(line) {
        return false;
    }
    let t = trim_punct(line);
    DOC_TYPES.iter().any(|d| eq_lowercase(t, d))
}

fn spanned(line: &Line<'_>, from: usize, loc: &Locator<'_>) -> Spanned {
    let text = line.text.get(from..).unwrap_or("").trim();
    let lead = line.text.len() - line.text.get(from..).unwrap_or("").trim_start().len();
    Spanned {
        text: text.to_string(),
        span: loc.span(line.start + lead, line.start + lead + text.len()),
    }
}

fn join(
    parts: &[Spanned],
    sep: &str,
    loc_first: Option<crate::Span>,
    loc_last: Option<crate::Span>,
) -> Option<Spanned> {
    let (first, last) = (loc_first?, loc_last?);
    let text = parts
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(sep);
    Some(Spanned {
        text,
        span: crate::Span {
            end: last.end,
            ..first
        },
    })
}

/// Parses the front matter. Returns the index of the first body line.
pub(crate) fn parse_header(ls: &[Line<'_>], loc: &Locator<'_>, meta: &mut Metadata) -> usize {
    let mut issuer: Vec<Spanned> = Vec::new();
    let mut title: Vec<Spanned> = Vec::new();
    let mut seen_any = false;
    let mut in_title = false;
    let mut i = 0;
    while let Some(line) = ls.get(i) {
        let t = line.text;
        if t.is_empty() {
            i += 1;
            continue;
        }
        if lines::section_marker(t).is_some()
            || lines::part_marker(t).is_some()
            || lines::point_marker(t).is_some()
        {
            break;
        }
        if in_title {
            if lines::is_uppercase_line(t) {
                title.push(spanned(line, 0, loc));
                i += 1;
                continue;
            }
            if title.is_empty() && !starts_body_sentence(t) && t.chars().count() < 600 {
                title.push(spanned(line, 0, loc));
                i += 1;
            }
            break;
        }
        if let Some(rest) = strip_number_label(t) {
            let off = t.len() - rest.len();
            // "134 /KH-UBND", "2449 -CV/ĐU": a space before the symbol's separator.
            let sym_len = rest
                .char_indices()
                .find(|&(k, c)| {
                    c == ' '
                        && !rest
                            .get(k..)
                            .is_some_and(|r| r.trim_start().starts_with(['/', '-']))
                        && !rest.get(..k).is_some_and(|b| b.ends_with(['/', '-']))
                })
                .map_or(rest.len(), |(k, _)| k);
            let sym = rest
                .get(..sym_len)
                .unwrap_or("")
                .trim_end_matches(['.', ',', ';']);
            meta.number = Some(Spanned {
                text: sym.to_string(),
                span: loc.span(line.start + off, line.start + off + sym.len()),
            });
            // A tabular copy may put the place-and-date on the same line.
            if let Some(d) = vndate::find_date(t, off) {
                set_date(line, d, loc, meta);
            }
            seen_any = true;
            i += 1;
            continue;
        }
        if meta.date.is_none() && meta.date_line.is_none() && t.chars().count() < 120 {
            if let Some(d) = vndate::find_date(t, 0) {
                let before = t.get(..d.start).unwrap_or("").trim_end();
                if before.ends_with(',') || before.is_empty() {
                    set_date(line, d, loc, meta);
                    seen_any = true;
                    i += 1;
                    continue;
                }
            }
        }
        if is_motto(t) || lines::is_separator(t) {
            meta.header_lines.push(spanned(line, 0, loc));
            seen_any = true;
            i += 1;
            continue;
        }
        if doc_type(t) && meta.doc_type.is_none() {
            meta.doc_type = Some(spanned(line, 0, loc));
            in_title = true;
            seen_any = true;
            i += 1;
            continue;
        }
        if lines::is_uppercase_line(t) && meta.doc_type.is_none() && meta.number.is_none() {
            issuer.push(spanned(line, 0, loc));
            seen_any = true;
            i += 1;
            continue;
        }
        if lines::is_uppercase_line(t) && meta.doc_type.is_none() {
            // An uppercase line after the number: a title without a type line.
            title.push(spanned(line, 0, loc));
            in_title = true;
            i += 1;
            continue;
        }
        break;
    }
    meta.issuer = join(
        &issuer,
        " ",
        issuer.first().map(|s| s.span),
        issuer.last().map(|s| s.span),
    );
    meta.title = join(
        &title,
        " ",
        title.first().map(|s| s.span),
        title.last().map(|s| s.span),
    );
    if !seen_any && title.is_empty() {
        // No front matter: everything is body.
        meta.header_lines.clear();
        return ls
            .iter()
            .position(|l| !l.text.is_empty())
            .unwrap_or(ls.len())
            .min(i);
    }
    i
}

/// A line after the type line that opens the body rather than continuing the title: "Căn cứ …",
/// or a long sentence ending with ":" ("Thực hiện Nghị quyết …, UBND tỉnh ban hành Kế hoạch
/// như sau:"). A short sentence-case line ("Thực hiện Chương trình …") is a title.
fn starts_body_sentence(t: &str) -> bool {
    let f = crate::text::fold(t);
    f.starts_with("can cu") || t.trim_end().ends_with(':') || t.chars().count() > 300
}

fn strip_number_label(t: &str) -> Option<&str> {
    let rest = t.strip_prefix("Số").or_else(|| t.strip_prefix("SỐ"))?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
    // "Số: 66/KH-UBND", "Số 2449 -CV/ĐU", and a draft's blank number "Số:      /KH-STTTT".
    (rest.starts_with(|c: char| c.is_ascii_digit())
        || (rest.starts_with('/') && rest.len() > 1 && rest.get(1..2).is_some_and(|c| c != " ")))
    .then_some(rest)
}

fn set_date(line: &Line<'_>, d: vndate::FoundDate, loc: &Locator<'_>, meta: &mut Metadata) {
    meta.date = vndate::to_date(&d);
    let t = line.text;
    // Place: the text before ", ngày", after any "Số: …" cell.
    let before = t
        .get(..d.start)
        .unwrap_or("")
        .trim_end()
        .trim_end_matches(',')
        .trim_end();
    let place_start =
        before
            .rfind("  ")
            .map_or(0, |k| k + 2)
            .max(if strip_number_label(before).is_some() {
                before.find(' ').map_or(0, |k| k + 1)
            } else {
                0
            });
    let place = before.get(place_start..).unwrap_or("").trim();
    if !place.is_empty() && strip_number_label(place).is_none() {
        let off = t.find(place).unwrap_or(0);
        meta.place = Some(Spanned {
            text: place.to_string(),
            span: loc.span(line.start + off, line.start + off + place.len()),
        });
    }
    let from = if meta.place.is_some() {
        t.find(place).unwrap_or(d.start)
    } else {
        d.start
    };
    meta.date_line = Some(Spanned {
        text: t.get(from..d.end).unwrap_or("").to_string(),
        span: loc.span(line.start + from, line.start + d.end),
    });
}

/// Finds the wrapper tail heading ("HIỆU LỰC VĂN BẢN"); returns its line index.
pub(crate) fn find_wrapper_tail(ls: &[Line<'_>], from: usize) -> Option<usize> {
    (from..ls.len())
        .rev()
        .find(|&k| ls.get(k).is_some_and(|l| is_wrapper_heading(l.text)))
}

/// Parses the wrapper tail lines (after the heading).
pub(crate) fn parse_wrapper_tail(ls: &[Line<'_>], loc: &Locator<'_>, w: &mut Wrapper) {
    let mut first = true;
    for line in ls {
        let t = line.text;
        if t.is_empty() {
            continue;
        }
        let body_off = lines::dash_marker(t).unwrap_or(0);
        let body = t.get(body_off..).unwrap_or("");
        if let Some(colon) = body.find(':') {
            let label = body.get(..colon).unwrap_or("").trim();
            if !label.is_empty() && label.chars().count() <= 40 && !label.contains(',') {
                let value = body.get(colon + 1..).unwrap_or("").trim();
                w.fields.push(WrapperField {
                    label: label.to_string(),
                    value: value.to_string(),
                    span: loc.span(line.start + body_off, line.end()),
                });
                first = false;
                continue;
            }
        }
        if first && w.title.is_none() {
            w.title = Some(spanned(line, 0, loc));
        } else {
            w.other.push(spanned(line, 0, loc));
        }
        first = false;
    }
}

/// Parses the closing: "Nơi nhận:" and its dash lines (recipients), uppercase lines (signer
/// position), the signer's name (the last other line). Nothing is dropped: remaining lines go
/// to `closing_lines`.
pub(crate) fn parse_closing(ls: &[Line<'_>], loc: &Locator<'_>, meta: &mut Metadata) {
    let mut positions: Vec<Spanned> = Vec::new();
    let mut others: Vec<Spanned> = Vec::new();
    for line in ls {
        let t = line.text;
        if t.is_empty() || t == "./." {
            continue;
        }
        if starts_with_lowercase(t, "nơi nhận") {
            if let Some(c) = t.find(':') {
                let rest = t.get(c + 1..).unwrap_or("");
                let lead = rest.len() - rest.trim_start().len();
                let rest = rest.trim();
                if !rest.is_empty() {
                    let off = lines::dash_marker(rest).unwrap_or(0);
                    meta.recipients.push(spanned(line, c + 1 + lead + off, loc));
                }
            }
            continue;
        }
        if let Some(off) = lines::dash_marker(t) {
            meta.recipients.push(spanned(line, off, loc));
            continue;
        }
        if lines::is_uppercase_line(t) && !lines::is_separator(t) {
            positions.push(spanned(line, 0, loc));
            continue;
        }
        others.push(spanned(line, 0, loc));
    }
    meta.signer_position = join(
        &positions,
        " / ",
        positions.first().map(|s| s.span),
        positions.last().map(|s| s.span),
    );
    meta.signer = others.pop();
    meta.closing_lines = others;
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain test the length and first-letter bounds stand before.
    fn plain(line: &str) -> bool {
        let t = trim_punct(line.trim_start_matches('#'));
        WRAPPER_HEADINGS.iter().any(|s| eq_lowercase(t, s))
    }

    #[test]
    fn wrapper_headings_in_any_case() {
        for yes in [
            "HIỆU LỰC VĂN BẢN",
            "## Văn bản liên quan",
            "Thuộc tính văn bản:",
            "lược đồ văn bản.",
        ] {
            assert!(is_wrapper_heading(yes), "{yes}");
        }
        for no in [
            "Hiệu lực văn bản này",
            "Văn bản",
            "",
            "#",
            "(Hiệu lực văn bản)",
        ] {
            assert!(!is_wrapper_heading(no), "{no}");
        }
    }

    proptest! {
        /// Equal to the plain test on headings in mixed case, with marks and words around
        /// them, and on long lines.
        #[test]
        fn wrapper_heading_is_the_plain_test(
            heading in prop::sample::select(WRAPPER_HEADINGS),
            upper in prop::collection::vec(any::<bool>(), 0..40),
            before in prop_oneof![Just(""), Just("## "), Just("#"), Just(" "), Just("("), Just("Xem ")],
            after in prop_oneof![Just(""), Just(":"), Just(" ."), Just(" của Bộ"), Just("x")],
            pad in 0usize..80,
        ) {
            let cased: String = heading
                .chars()
                .zip(upper.iter().chain(std::iter::repeat(&false)))
                .map(|(c, &u)| if u { c.to_upper().collect::<String>() } else { c.to_string() })
                .collect();
            let line = format!("{before}{cased}{after}{}", ".".repeat(pad));
            prop_assert_eq!(is_wrapper_heading(&line), plain(&line), "{:?}", line);
        }
    }
}
