//! The simple forms: points, ranges, open ends, deadlines and recurrences.
//!
//! Every function reads tokens from an index and returns what it read and the index after it,
//! or `None`; nothing here backtracks more than a fixed number of tokens, so a parse costs time
//! linear in the number of tokens.

use super::lexer::{Tok, Token};
use super::model::{Freq, Point, Timeframe, TimeframeKind};
use crate::span::{Locator, Span};

/// A point whose year may be left out ("tháng 3" in "từ tháng 3 đến tháng 6/2022").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Year,
    Half(u8),
    Quarter(u8),
    Month(u8),
    Day(u8, u8),
}

/// A point as read, before a missing year is filled in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Partial {
    pub year: Option<i32>,
    pub unit: Unit,
    pub lo: usize,
    pub hi: usize,
}

/// A recurrence as read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rec {
    /// `None` for "thường xuyên" alone.
    pub freq: Option<(Freq, u32)>,
    pub continuous: bool,
}

/// The parsing context: the text, its tokens, the locator and the options.
pub(crate) struct Cx<'a> {
    pub src: &'a str,
    /// `src` in lowercase, with the same byte offsets.
    pub lower: &'a str,
    pub toks: &'a [Token],
    pub loc: &'a Locator<'a>,
    pub year_min: i32,
    pub year_max: i32,
}

/// The ASCII first bytes of `phrases` as bits (bit `b` for byte `b`), for
/// [`Cx::any_phrase_in`]; a phrase starting with a non-ASCII byte needs no bit (such words are
/// always compared).
#[allow(clippy::indexing_slicing)] // evaluated at compile time: `i < len`
pub const fn first_bytes(phrases: &[&str]) -> u128 {
    let mut bits = 0u128;
    let mut i = 0;
    while i < phrases.len() {
        if let Some(&b) = phrases[i].as_bytes().first() {
            if b < 128 {
                bits |= 1 << b;
            }
        }
        i += 1;
    }
    bits
}

/// True when the phrase `p` may start with the word `w` (lowercase bytes): their first bytes
/// are equal and, natively, `p`'s first word has `w`'s length (`p` ends there or a space
/// follows). Told from two bytes, without comparing the words: [`Cx::phrase`] then compares the
/// few phrases left ("tư" is none of "tháng", "tuần", "thời kỳ", "thường xuyên"). The length
/// test took `kehoach timeframe` −0.9 %; the wasm package tests the first byte only (the
/// length test cost its first render 17 bytes). Not in [`Cx::any_phrase_in`] (the gate): there
/// it saved 1.6 % of lines that name no time, and cost the first render 17 bytes more.
fn may_start(p: &str, w: &[u8]) -> bool {
    let p = p.as_bytes();
    p.first() == w.first()
        && (cfg!(target_arch = "wasm32") || p.len() == w.len() || p.get(w.len()) == Some(&b' '))
}

const MONTH_DAYS: [u8; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

impl Cx<'_> {
    pub fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    /// The text of word token `i`.
    pub fn word(&self, i: usize) -> Option<&str> {
        let t = self.tok(i)?;
        match t.tok {
            Tok::Word => self.src.get(t.start..t.end),
            _ => None,
        }
    }

    /// The lowercase text of word token `i`.
    pub fn lower_word(&self, i: usize) -> Option<&str> {
        let t = self.tok(i)?;
        match t.tok {
            Tok::Word => self.lower.get(t.start..t.end),
            _ => None,
        }
    }

    /// True when token `i` is the word `lit` (lowercase literal), in any case.
    pub fn is_word(&self, i: usize, lit: &str) -> bool {
        self.lower_word(i) == Some(lit)
    }

    /// Matches the words of `phrase` (space-separated, lowercase) from `i`, before `hi`.
    pub fn phrase(&self, i: usize, hi: usize, phrase: &str) -> Option<usize> {
        let mut rest = phrase;
        let mut j = i;
        loop {
            if j >= hi {
                return None;
            }
            let after = rest.strip_prefix(self.lower_word(j)?)?;
            j += 1;
            if after.is_empty() {
                return Some(j);
            }
            rest = after.strip_prefix(' ')?;
        }
    }

    /// The first of `phrases` that matches at `i`. A phrase that cannot start with the word
    /// ([`may_start`]) is passed over without a comparison (most are: a `memcmp` call per
    /// phrase was 7 % of `kehoach timeframe`).
    pub fn any_phrase(&self, i: usize, hi: usize, phrases: &[&str]) -> Option<usize> {
        if i >= hi {
            return None;
        }
        let w = self.lower_word(i)?.as_bytes();
        phrases
            .iter()
            .filter(|p| may_start(p, w))
            .find_map(|p| self.phrase(i, hi, p))
    }

    /// True when one of `phrases` starts at a token of `lo..hi`; `firsts` is
    /// [`first_bytes`]`(phrases)`: a word whose first byte starts none is passed over without
    /// comparing it with each phrase (most words of an agency name or of prose).
    pub fn any_phrase_in(&self, lo: usize, hi: usize, phrases: &[&str], firsts: u128) -> bool {
        (lo..hi).any(|k| {
            let Some(&b) = self.lower_word(k).and_then(|w| w.as_bytes().first()) else {
                return false;
            };
            (b >= 128 || (firsts >> b) & 1 == 1)
                && phrases
                    .iter()
                    .any(|p| p.as_bytes().first() == Some(&b) && self.phrase(k, hi, p).is_some())
        })
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.tok == Tok::Punct(c))
    }

    pub fn is_dash(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.tok == Tok::Dash)
    }

    /// A number of at most `max_len` digits.
    pub fn num(&self, i: usize, max_len: usize) -> Option<u32> {
        match self.tok(i)?.tok {
            Tok::Num(Some(v), len) if len <= max_len => Some(v),
            _ => None,
        }
    }

    /// A four-digit year within the configured bounds.
    pub fn year(&self, i: usize, hi: usize) -> Option<i32> {
        if i >= hi {
            return None;
        }
        let v = i32::try_from(self.num(i, 4)?).ok()?;
        let len_ok = matches!(self.tok(i)?.tok, Tok::Num(_, 4));
        (len_ok && v >= self.year_min && v <= self.year_max).then_some(v)
    }

    pub fn month_no(&self, i: usize, hi: usize) -> Option<u8> {
        if i >= hi {
            return None;
        }
        let m = u8::try_from(self.num(i, 2)?).ok()?;
        (1..=12).contains(&m).then_some(m)
    }

    pub fn day_no(&self, i: usize, hi: usize) -> Option<u8> {
        if i >= hi {
            return None;
        }
        let d = u8::try_from(self.num(i, 2)?).ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    /// A quarter number: I–IV or 1–4.
    pub fn quarter_no(&self, i: usize, hi: usize) -> Option<u8> {
        if i >= hi {
            return None;
        }
        if let Some(w) = self.word(i) {
            return match w.to_ascii_uppercase().as_str() {
                "I" => Some(1),
                "II" => Some(2),
                "III" => Some(3),
                "IV" => Some(4),
                _ => None,
            };
        }
        let q = u8::try_from(self.num(i, 1)?).ok()?;
        (1..=4).contains(&q).then_some(q)
    }

    /// Byte range of tokens `lo..hi`.
    pub fn bytes(&self, lo: usize, hi: usize) -> (usize, usize) {
        let s = self.tok(lo).map_or(self.src.len(), |t| t.start);
        let e = hi
            .checked_sub(1)
            .and_then(|k| self.tok(k))
            .map_or(s, |t| t.end);
        (s, e.max(s))
    }

    pub fn span(&self, lo: usize, hi: usize) -> Span {
        let (s, e) = self.bytes(lo, hi);
        self.loc.span(s, e)
    }

    pub fn text(&self, lo: usize, hi: usize) -> &str {
        let (s, e) = self.bytes(lo, hi);
        self.src.get(s..e).unwrap_or("")
    }

    /// A timeframe of `kind` read from tokens `lo..hi`.
    pub fn mk(&self, lo: usize, hi: usize, kind: TimeframeKind) -> Timeframe {
        Timeframe {
            text: self.text(lo, hi).into(),
            kind,
            span: self.span(lo, hi),
        }
    }

    /// `'/' year` or `"năm" year` after a unit, or a dash written tight between them
    /// ("Quí IV-2025": a range never ends in a bare year after a quarter or a month).
    pub fn year_suffix(&self, i: usize, hi: usize) -> Option<(i32, usize)> {
        if self.is_punct(i, '/') {
            return self.year(i + 1, hi).map(|y| (y, i + 2));
        }
        if self.is_dash(i) && self.tight(i) {
            return self.year(i + 1, hi).map(|y| (y, i + 2));
        }
        if self.is_word(i, "năm") {
            return self.year(i + 1, hi).map(|y| (y, i + 2));
        }
        None
    }

    /// True when token `i` touches the tokens on both sides (no space around it).
    fn tight(&self, i: usize) -> bool {
        let (Some(prev), Some(t), Some(next)) = (
            i.checked_sub(1).and_then(|p| self.tok(p)),
            self.tok(i),
            self.tok(i + 1),
        ) else {
            return false;
        };
        prev.end == t.start && t.end == next.start
    }

    /// A point, possibly without its year, starting at `i`.
    pub fn partial(&self, i: usize, hi: usize) -> Option<Partial> {
        let p = self.partial_raw(i, hi)?;
        let valid = match (p.unit, p.year) {
            (Unit::Day(d, m), Some(y)) => crate::Date::from_ymd(y, m, d).is_ok(),
            (Unit::Day(d, m), None) => MONTH_DAYS
                .get(usize::from(m).saturating_sub(1))
                .is_some_and(|&n| d <= n),
            _ => true,
        };
        valid.then_some(p)
    }

    fn partial_raw(&self, i: usize, hi: usize) -> Option<Partial> {
        let mk = |year, unit, end| Partial {
            year,
            unit,
            lo: i,
            hi: end,
        };
        if i >= hi {
            return None;
        }
        // "ngày Tháng 11/2025": a form whose day was left blank names the month.
        if self.is_word(i, "ngày") && self.is_word(i + 1, "tháng") {
            let p = self.partial_raw(i + 1, hi)?;
            return matches!(p.unit, Unit::Month(_)).then_some(Partial { lo: i, ..p });
        }
        // "ngày 31/3/2022", "ngày 15 tháng 9 năm 2016", "ngày 30/6"
        if self.is_word(i, "ngày") {
            let d = self.day_no(i + 1, hi)?;
            if self.is_punct(i + 2, '/') {
                let m = self.month_no(i + 3, hi)?;
                if self.is_punct(i + 4, '/') {
                    let y = self.year(i + 5, hi)?;
                    return Some(mk(Some(y), Unit::Day(d, m), i + 6));
                }
                return Some(mk(None, Unit::Day(d, m), i + 4));
            }
            if self.is_word(i + 2, "tháng") {
                let m = self.month_no(i + 3, hi)?;
                return Some(match self.year_suffix(i + 4, hi) {
                    Some((y, e)) => mk(Some(y), Unit::Day(d, m), e),
                    None => mk(None, Unit::Day(d, m), i + 4),
                });
            }
            return None;
        }
        // "tháng 9/2022", "tháng 9 năm 2022", "tháng 3"
        if self.is_word(i, "tháng") {
            let m = self.month_no(i + 1, hi)?;
            return Some(match self.year_suffix(i + 2, hi) {
                Some((y, e)) => mk(Some(y), Unit::Month(m), e),
                None => mk(None, Unit::Month(m), i + 2),
            });
        }
        // "quý III/2024", "quý I năm 2023"
        if self.is_word(i, "quý") || self.is_word(i, "quí") {
            let q = self.quarter_no(i + 1, hi)?;
            return Some(match self.year_suffix(i + 2, hi) {
                Some((y, e)) => mk(Some(y), Unit::Quarter(q), e),
                None => mk(None, Unit::Quarter(q), i + 2),
            });
        }
        // "6 tháng đầu năm 2022", "sáu tháng cuối năm 2022", "nửa đầu năm 2022"
        let half_body = if self.num(i, 2) == Some(6) || self.is_word(i, "sáu") {
            self.is_word(i + 1, "tháng").then_some(i + 2)
        } else if self.is_word(i, "nửa") {
            Some(i + 1)
        } else {
            None
        };
        if let Some(j) = half_body {
            let h = if self.is_word(j, "đầu") {
                1
            } else if self.is_word(j, "cuối") {
                2
            } else {
                return None;
            };
            if !self.is_word(j + 1, "năm") {
                return None;
            }
            return Some(match self.year(j + 2, hi) {
                Some(y) => mk(Some(y), Unit::Half(h), j + 3),
                None => mk(None, Unit::Half(h), j + 2),
            });
        }
        // "năm 2021"
        if self.is_word(i, "năm") {
            let y = self.year(i + 1, hi)?;
            return Some(mk(Some(y), Unit::Year, i + 2));
        }
        // "2021"
        if let Some(y) = self.year(i, hi) {
            return Some(mk(Some(y), Unit::Year, i + 1));
        }
        // "31/3/2022", "4/2024"
        if self.num(i, 2).is_some() && self.is_punct(i + 1, '/') {
            if let Some(y) = self.year(i + 2, hi) {
                let m = self.month_no(i, hi)?;
                return Some(mk(Some(y), Unit::Month(m), i + 3));
            }
            let d = self.day_no(i, hi)?;
            let m = self.month_no(i + 2, hi)?;
            if self.is_punct(i + 3, '/') {
                let y = self.year(i + 4, hi)?;
                return Some(mk(Some(y), Unit::Day(d, m), i + 5));
            }
        }
        None
    }

    /// A complete point (with its year) starting at `i`.
    pub fn point(&self, i: usize, hi: usize) -> Option<(Point, usize)> {
        let p = self.partial(i, hi)?;
        let y = p.year?;
        Some((self.to_point(&p, y), p.hi))
    }

    pub fn to_point(&self, p: &Partial, year: i32) -> Point {
        let pt = match p.unit {
            Unit::Year => Point::year(year),
            Unit::Half(h) => Point::half(year, h),
            Unit::Quarter(q) => Point::quarter(year, q),
            Unit::Month(m) => Point::month(year, m),
            Unit::Day(d, m) => Point::day(year, m, d),
        };
        pt.with_span(self.span(p.lo, p.hi))
    }

    /// `start sep end` where the start may borrow the end's year ("tháng 3 - 6/2022").
    fn range_body(&self, i: usize, hi: usize) -> Option<(Point, Point, usize)> {
        let a = match self.partial(i, hi) {
            Some(a) => a,
            // "10-11/2019": a bare month before a dash, then a month (checked below).
            None if self.is_dash(i + 1) && self.word(i).is_none() => Partial {
                year: None,
                unit: Unit::Month(self.month_no(i, hi)?),
                lo: i,
                hi: i + 1,
            },
            None => return None,
        };
        let mut j = a.hi;
        if self.is_dash(j) {
            j += 1;
        } else if let Some(k) = self.any_phrase(j, hi, &["đến hết", "tới hết", "đến", "tới"])
        {
            j = k;
        } else {
            return None;
        }
        // "quý I - II/2023": the second quarter without its word.
        let b = match (a.unit, self.quarter_no(j, hi)) {
            (Unit::Quarter(_), Some(q)) if self.word(j).is_some() => {
                let (y, e) = self.year_suffix(j + 1, hi)?;
                Partial {
                    year: Some(y),
                    unit: Unit::Quarter(q),
                    lo: j,
                    hi: e,
                }
            }
            _ => self.partial(j, hi)?,
        };
        let by = b.year?;
        let end = self.to_point(&b, by);
        let start = match a.year {
            Some(y) => self.to_point(&a, y),
            None => {
                // Borrow the year only between like units, and never across a year boundary.
                let same = std::mem::discriminant(&a.unit) == std::mem::discriminant(&b.unit);
                let s = self.to_point(&a, by);
                if !same || !s.is_valid() || s > end {
                    return None;
                }
                s
            }
        };
        Some((start, end, b.hi))
    }

    /// A range: "Từ năm 2021 - 2030", "giai đoạn 2021-2025", "từ tháng 3 đến tháng 6/2022".
    pub fn range(&self, i: usize, hi: usize) -> Option<(Point, Point, usize)> {
        const PREFIXES: &[&str] = &[
            "trong giai đoạn từ",
            "trong giai đoạn",
            "trong thời kỳ",
            "giai đoạn từ",
            "giai đoạn",
            "thời kỳ",
            "kể từ",
            "từ",
            "trong",
        ];
        let j = self.any_phrase(i, hi, PREFIXES).unwrap_or(i);
        self.range_body(j, hi)
    }

    /// An open end: "Năm 2021 và những năm tiếp theo", "từ tháng 3/2022 trở đi", "Từ năm 2022",
    /// "Năm 2021 - 2022 và các năm tiếp theo" (from 2021 on).
    pub fn open(&self, i: usize, hi: usize) -> Option<(Point, usize)> {
        const SUFFIXES: &[&str] = &[
            "và những năm tiếp theo",
            "và các năm tiếp theo",
            "và những năm kế tiếp",
            "và các năm kế tiếp",
            "và những năm sau đó",
            "và các năm sau đó",
            "và những năm sau",
            "và các năm sau",
            "và tiếp theo",
            "trở đi",
            "trở về sau",
            "về sau",
        ];
        let from = self.any_phrase(i, hi, &["bắt đầu từ", "kể từ", "từ"]);
        // "Năm 2021 - 2022 và các năm tiếp theo": from the range's start on.
        if let Some((p, _, j)) = self.range(i, hi) {
            if let Some(e) = self.any_phrase(j, hi, SUFFIXES) {
                return Some((p, e));
            }
        }
        let (p, j) = self.point(from.unwrap_or(i), hi)?;
        if let Some(e) = self.any_phrase(j, hi, SUFFIXES) {
            return Some((p, e));
        }
        // "Từ năm 2022" alone starts and does not end.
        (from.is_some() && j == hi).then_some((p, j))
    }

    /// A deadline: "trước ngày 31/3/2022", "đến năm 2027", "hoàn thành trong năm 2022".
    pub fn deadline(&self, i: usize, hi: usize) -> Option<(Point, bool, usize)> {
        const DONE: &[&str] = &[
            "cơ bản hoàn thành xong",
            "cơ bản hoàn thành",
            "hoàn thành xong",
            "hoàn thành",
            "xong",
        ];
        let done = self.any_phrase(i, hi, DONE);
        let j = done.unwrap_or(i);
        let (inclusive, k) = if let Some(k) = self.phrase(j, hi, "trước") {
            (false, k)
        } else if let Some(k) = self.any_phrase(
            j,
            hi,
            &[
                "từ nay đến hết",
                "từ nay đến",
                "từ nay tới",
                "chậm nhất là trong",
                "chậm nhất là",
                "chậm nhất trong",
                "chậm nhất vào",
                "chậm nhất",
                "muộn nhất là",
                "muộn nhất",
                "đến hết",
                "tới hết",
                "đến",
                "tới",
                "trong",
                "hết",
            ],
        ) {
            (true, k)
        } else if done.is_some() {
            (true, j)
        } else {
            return None;
        };
        let (p, e) = self.point(k, hi)?;
        Some((p, inclusive, e))
    }
}
