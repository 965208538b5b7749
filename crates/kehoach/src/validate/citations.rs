//! Citations: a symbol in the wrong style for its issuer ("29/NQ-TW" for a Party resolution,
//! which is "29-NQ/TW"), dates that do not exist ("ngày 31/2/2020", in citations and anywhere
//! in the body), and cited documents dated after the plan.

use super::SymbolStyle;
use crate::diagnostic::{Diagnostic, codes};
use crate::document::{Block, Plan, Unit};
use crate::span::Span;
use crate::text::Case as _;
use crate::text::fold;
use std::collections::HashSet;

/// A document symbol split into its parts.
///
/// ```
/// use kehoach::validate::{parse_symbol, SymbolStyle};
/// let s = parse_symbol("45/2025/NĐ-CP").unwrap();
/// assert_eq!((s.number, s.year, s.doc_type, s.issuer), ("45", Some("2025"), "NĐ", "CP"));
/// assert_eq!(s.written, SymbolStyle::State);
/// let p = parse_symbol("29/NQ-TW").unwrap();
/// assert_eq!((p.written, p.issuer_style()), (SymbolStyle::State, Some(SymbolStyle::Party)));
/// assert_eq!(p.render(SymbolStyle::Party).as_deref(), Some("29-NQ/TW"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SymbolParts<'a> {
    /// The number ("29").
    pub number: &'a str,
    /// The year of a legal document ("2025" in "45/2025/NĐ-CP").
    pub year: Option<&'a str>,
    /// The document type ("NQ", "QĐ", "KH"); empty for a law ("20/2023/QH15").
    pub doc_type: &'a str,
    /// The issuer code ("TW", "CP", "UBND").
    pub issuer: &'a str,
    /// Further parts after the issuer, with their leading `-` ("-TCLN" in "12/QĐ-BNN-TCLN").
    pub rest: &'a str,
    /// The style the symbol is written in.
    pub written: SymbolStyle,
}

/// Splits a symbol written in either style; `None` when it is neither
/// `N-TYPE/ISSUER` nor `N/[YYYY/]TYPE-ISSUER[-…]` nor `N/YYYY/ISSUER`.
pub fn parse_symbol(s: &str) -> Option<SymbolParts<'_>> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let number = s.get(..digits).filter(|n| !n.is_empty())?;
    let rest = s.get(digits..)?;
    let word = |t: &str| !t.is_empty() && t.chars().all(char::is_alphanumeric);
    if let Some(r) = rest.strip_prefix('-') {
        // Party: N-TYPE/ISSUER
        let (doc_type, issuer) = r.split_once('/')?;
        if !(word(doc_type) && word(issuer)) {
            return None;
        }
        return Some(SymbolParts {
            number,
            year: None,
            doc_type,
            issuer,
            rest: "",
            written: SymbolStyle::Party,
        });
    }
    let mut r = rest.strip_prefix('/')?;
    let mut year = None;
    if let Some((y, after)) = r.split_once('/') {
        if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
            year = Some(y);
            r = after;
        } else {
            return None;
        }
    }
    let (doc_type, tail) = match r.split_once('-') {
        Some(x) => x,
        None if year.is_some() => ("", r),
        None => return None,
    };
    let (issuer, more) = match tail.find('-') {
        Some(k) => (tail.get(..k)?, tail.get(k..)?),
        None => (tail, ""),
    };
    if !word(issuer) || (!doc_type.is_empty() && !word(doc_type)) || r.contains('/') {
        return None;
    }
    Some(SymbolParts {
        number,
        year,
        doc_type,
        issuer,
        rest: more,
        written: SymbolStyle::State,
    })
}

impl SymbolParts<'_> {
    /// The family the issuer code belongs to, when the code is known: Party organs ("TW",
    /// "TU", "HU", "QU", "ThU", "ĐU", and their boards like "BTGTU") or state bodies ("CP",
    /// "TTg", "UBND", "HĐND", "QH15", ministries "BTC", departments "SKHCN", …).
    pub fn issuer_style(&self) -> Option<SymbolStyle> {
        issuer_code_style(self.issuer)
    }

    /// The symbol written in `style` (`None` when it has no type or has extra parts).
    pub fn render(&self, style: SymbolStyle) -> Option<String> {
        if self.doc_type.is_empty() || !self.rest.is_empty() {
            return None;
        }
        Some(match style {
            SymbolStyle::Party => format!("{}-{}/{}", self.number, self.doc_type, self.issuer),
            SymbolStyle::State => match self.year {
                Some(y) => format!("{}/{y}/{}-{}", self.number, self.doc_type, self.issuer),
                None => format!("{}/{}-{}", self.number, self.doc_type, self.issuer),
            },
        })
    }
}

const PARTY_CODES: &[&str] = &["TW", "TU", "HU", "QU", "ThU", "ĐU", "ĐUK", "BCSĐ", "ĐĐ"];
const PARTY_SUFFIXES: &[&str] = &["TW", "TU", "HU", "QU", "ThU"];
const STATE_CODES: &[&str] = &[
    "CP", "TTg", "UBND", "HĐND", "CTN", "VPCP", "NHNN", "KTNN", "TANDTC", "VKSNDTC", "BTC", "BNV",
    "BKHĐT", "BTTTT", "BKHCN", "BGDĐT", "BYT", "BCA", "BQP", "BNNPTNT", "BTNMT", "BXD", "BGTVT",
    "BLĐTBXH", "BVHTTDL", "BTP", "BNG", "BNNMT", "BDTTG",
];
const STATE_PREFIXES: &[&str] = &["UBND", "HĐND", "UBTVQH", "QH"];

fn issuer_code_style(code: &str) -> Option<SymbolStyle> {
    if PARTY_CODES.contains(&code) || PARTY_SUFFIXES.iter().any(|s| code.ends_with(s)) {
        return Some(SymbolStyle::Party);
    }
    let department =
        code.len() >= 3 && code.starts_with('S') && code.chars().skip(1).all(|c| c.is_uppercase());
    if STATE_CODES.contains(&code)
        || STATE_PREFIXES.iter().any(|p| code.starts_with(p))
        || department
    {
        return Some(SymbolStyle::State);
    }
    None
}

const PARTY_WORDS: &[&str] = &[
    "đảng",
    "bộ chính trị",
    "ban bí thư",
    "tỉnh ủy",
    "huyện ủy",
    "thành ủy",
    "quận ủy",
    "thị ủy",
    "ban thường vụ",
    "ban chấp hành trung ương",
];
const STATE_WORDS: &[&str] = &[
    "chính phủ",
    "thủ tướng",
    "ubnd",
    "ủy ban nhân dân",
    "quốc hội",
    "hội đồng nhân dân",
    "hđnd",
    "chủ tịch nước",
];

/// The family of an issuing body named in words ("Ban Chấp hành Trung ương Đảng" → Party,
/// "Thủ tướng Chính phủ" → State); `None` when unknown or mixed.
fn issuer_words_style(issuer: &str) -> Option<SymbolStyle> {
    // The phrases of several words, folded once (a name may lose its diacritics).
    static FOLDED: std::sync::OnceLock<[Vec<String>; 2]> = std::sync::OnceLock::new();
    let [party_folded, state_folded] = FOLDED.get_or_init(|| {
        let phrases = |words: &[&str]| -> Vec<String> {
            let several = words.iter().filter(|w| w.contains(' '));
            several.map(|w| fold(w)).collect()
        };
        [phrases(PARTY_WORDS), phrases(STATE_WORDS)]
    });
    let lower = issuer.to_lower().replace("uỷ", "ủy");
    let folded = fold(issuer);
    let has = |words: &[&str], folded_phrases: &[String]| {
        words.iter().any(|w| lower.contains(w))
            || folded_phrases.iter().any(|w| folded.contains(w.as_str()))
    };
    let state = has(STATE_WORDS, state_folded)
        || ((lower.starts_with("bộ ") && !lower.starts_with("bộ chính trị"))
            || lower.starts_with("sở "));
    match (has(PARTY_WORDS, party_folded), state) {
        (true, false) => Some(SymbolStyle::Party),
        (false, true) => Some(SymbolStyle::State),
        _ => None,
    }
}

/// Checks every citation and every date in the body.
pub(super) fn check(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let own = plan.meta.number.as_ref().map(|n| n.text.as_str());
    let mut dated: HashSet<u32> = HashSet::new();
    for c in &plan.citations {
        if let Some(d) = symbol_style(&c.symbol, c.span, c.issuer.as_deref()) {
            out.push(d);
        }
        if let Some(t) = &c.date_text {
            dated.insert(t.span.start);
            if c.date.is_none() {
                if let Some(f) = scan_dates(&t.text).first() {
                    out.push(codes::impossible_date(
                        t.span, &t.text, f.day, f.month, f.year,
                    ));
                }
            }
        }
        if let (Some(cd), Some(pd)) = (c.date, plan.meta.date) {
            if cd > pd && own != Some(c.symbol.as_str()) {
                let span = c.date_text.as_ref().map_or(c.span, |t| t.span);
                out.push(codes::cited_after_plan(
                    span,
                    &c.symbol,
                    cd,
                    pd,
                    plan.meta.date_line.as_ref().map(|l| l.span),
                ));
            }
        }
    }
    // Dates outside citations ("trước ngày 31/6/2021").
    let mut blocks: Vec<(&str, Span)> = plan
        .preamble
        .iter()
        .map(|b| (b.text.as_str(), b.span))
        .collect();
    plan.walk(&mut |u: &Unit| {
        if let Some(h) = &u.heading {
            blocks.push((h.text.as_str(), h.span));
        }
        blocks.extend(u.blocks.iter().map(|b: &Block| (b.text.as_str(), b.span)));
    });
    for (text, span) in blocks {
        for f in scan_dates(text) {
            if f.exists() {
                continue;
            }
            let at = sub_span(text, span, f.start, f.end);
            if dated.insert(at.start) {
                let written = text.get(f.start..f.end).unwrap_or("");
                out.push(codes::impossible_date(at, written, f.day, f.month, f.year));
            }
        }
    }
}

/// `citation/symbol-style` for one symbol, when its issuer belongs to the other family.
fn symbol_style(symbol: &str, span: Span, issuer: Option<&str>) -> Option<Diagnostic> {
    let parts = parse_symbol(symbol)?;
    let words = issuer.and_then(issuer_words_style);
    let should = parts.issuer_style().or(words)?;
    if should == parts.written {
        return None;
    }
    let fixed = parts.render(should)?;
    let confirming = issuer.filter(|_| words == Some(should));
    Some(codes::symbol_style(
        span,
        symbol,
        &fixed,
        parts.issuer,
        should,
        confirming,
    ))
}

/// A date in running text, possibly impossible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FoundDate {
    pub day: u32,
    pub month: u32,
    pub year: i32,
    /// Byte range from "ngày" to the end of the year.
    pub start: usize,
    pub end: usize,
}

impl FoundDate {
    fn exists(&self) -> bool {
        let (Ok(m), Ok(d)) = (u8::try_from(self.month), u8::try_from(self.day)) else {
            return false;
        };
        crate::Date::from_ymd(self.year, m, d).is_ok()
    }
}

/// Every "ngày D/M/YYYY" or "ngày D tháng M năm YYYY" in `s` (one linear pass).
pub(super) fn scan_dates(s: &str) -> Vec<FoundDate> {
    let mut out = Vec::new();
    // "ngày" starts with an ASCII letter: only its bytes are candidates (a byte 'n' is always a
    // char of its own), and only the char before a candidate is decoded.
    // Vietnamese text is full of 'n': the next byte ('g' of "ngày") and an ASCII byte before
    // it are tested first, without decoding (this scan was half of `check`).
    let bytes = s.as_bytes();
    for i in memchr::memchr2_iter(b'n', b'N', bytes) {
        if !matches!(bytes.get(i + 1), Some(b'g' | b'G')) {
            continue;
        }
        let boundary = match i.checked_sub(1).and_then(|p| bytes.get(p)) {
            None => true,
            Some(p) if p.is_ascii() => !p.is_ascii_alphanumeric(),
            Some(_) => s
                .get(..i)
                .and_then(|before| before.chars().next_back())
                .is_none_or(|p| !crate::text::is_alphanumeric(p)),
        };
        if boundary {
            if let Some(f) = date_at(s, i) {
                out.push(f);
            }
        }
    }
    out
}

fn word_at(s: &str, i: usize, lower: &str) -> Option<usize> {
    let head = s.get(i..i + lower.len())?;
    crate::text::eq_lowercase(head, lower).then_some(i + lower.len())
}

fn spaces(s: &str, mut i: usize) -> usize {
    while s.as_bytes().get(i) == Some(&b' ') {
        i += 1;
    }
    i
}

fn number(s: &str, i: usize, max: usize) -> Option<(u32, usize)> {
    let n = s.get(i..)?.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > max {
        return None;
    }
    Some((s.get(i..i + n)?.parse().ok()?, i + n))
}

fn date_at(s: &str, start: usize) -> Option<FoundDate> {
    let j = spaces(s, word_at(s, start, "ngày")?);
    let (day, j) = number(s, j, 2)?;
    let (month, year_at) = match s.as_bytes().get(j) {
        Some(&sep @ (b'/' | b'-' | b'.')) => {
            let (month, k) = number(s, j + 1, 2)?;
            (s.as_bytes().get(k) == Some(&sep)).then_some((month, k + 1))?
        }
        _ => {
            let k = spaces(s, word_at(s, spaces(s, j), "tháng")?);
            let (month, k) = number(s, k, 2)?;
            (month, spaces(s, word_at(s, spaces(s, k), "năm")?))
        }
    };
    let (year, end) = number(s, year_at, 4)?;
    if !(1000..=9999).contains(&year) {
        return None;
    }
    Some(FoundDate {
        day,
        month,
        year: i32::try_from(year).ok()?,
        start,
        end,
    })
}

/// The span of bytes `start..end` of a one-line block's text. Block text is normalized; when
/// its length differs from the input's the offsets cannot be trusted and the block's span is
/// returned.
pub(super) fn sub_span(text: &str, span: Span, start: usize, end: usize) -> Span {
    if span.len() as usize != text.len() {
        return span;
    }
    let to = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let col = text.get(..start).map_or(0, |p| p.chars().count());
    Span {
        start: span.start.saturating_add(to(start)),
        end: span.start.saturating_add(to(end)),
        line: span.line,
        column: span.column.saturating_add(to(col)),
    }
}

#[cfg(test)]
mod tests;
