//! Unit references ("điểm b khoản 3 Mục II", "Mẫu số 11 Phụ lục II"): their levels, their
//! designations and the number paths they give.

use super::model::Target;
use super::tokens::{Cursor, Tok};
use crate::text::Case as _;

/// A level of reference, innermost first (the order is the containment order of a reference
/// written innermost first: "điểm a khoản 6 Mục III Phần IV Phụ lục I").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    /// "gạch đầu dòng thứ nhất": path suffix `-1`.
    Dash,
    /// "tiết 1.2.2": a decimal designation.
    Subpoint,
    Point,
    Part,
    /// "tiểu mục 2.1": a decimal designation.
    Subsection,
    Section,
    /// "Điều 12" of a decision, a resolution or its attached rules: path segment `Đ12`.
    Article,
    /// "Mẫu số 05": path segment `M5`.
    Form,
    /// "Bảng số 01": path segment `B1`.
    Table,
    /// "Chương III": path segment `C3` (as the document parser numbers it).
    Chapter,
    /// "Phần IV": path segment `P4`.
    Division,
    /// "Phụ lục II": path segment `PL2`; "Phụ lục" without a number `PL`.
    Appendix,
}

const LEVELS: [Level; 12] = [
    Level::Dash,
    Level::Subpoint,
    Level::Point,
    Level::Part,
    Level::Subsection,
    Level::Section,
    Level::Article,
    Level::Form,
    Level::Table,
    Level::Chapter,
    Level::Division,
    Level::Appendix,
];

/// The level a single word names ("điểm", "khoản", "mục", "điều", "tiết", "chương", "phần",
/// "mẫu"); the two- and three-word levels ("phụ lục", "tiểu mục", "gạch đầu dòng") are read by
/// [`Cursor::level`].
pub(crate) fn level_word(w: &str) -> Option<Level> {
    match w {
        "điểm" => Some(Level::Point),
        "khoản" => Some(Level::Part),
        "mục" => Some(Level::Section),
        "điều" => Some(Level::Article),
        "tiết" => Some(Level::Subpoint),
        "chương" => Some(Level::Chapter),
        "phần" => Some(Level::Division),
        "mẫu" => Some(Level::Form),
        "bảng" => Some(Level::Table),
        _ => None,
    }
}

/// True when a unit reference starts at token `i` of `toks`: a level word with its
/// designation ("tiết 1.2", not "chi tiết việc …").
pub(crate) fn level_at(toks: &[Tok], i: usize) -> bool {
    let mut c = Cursor::new(toks);
    c.pos = i;
    c.level().is_some() && c.reference().is_some()
}

/// A unit reference: each level's designation, the point's occurrence for duplicates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Ref {
    levels: [Option<String>; 12],
    pub occurrence: Option<u32>,
    /// "tên Điều 3": the unit's name only.
    pub heading: bool,
}

impl Ref {
    pub fn get(&self, l: Level) -> Option<&String> {
        self.levels.get(l as usize).and_then(Option::as_ref)
    }

    pub fn set(&mut self, l: Level, v: String) {
        if let Some(slot) = self.levels.get_mut(l as usize) {
            *slot = Some(v);
        }
    }

    pub fn lowest(&self) -> Option<Level> {
        LEVELS.into_iter().find(|l| self.get(*l).is_some())
    }

    pub fn highest(&self) -> Option<Level> {
        LEVELS.into_iter().rev().find(|l| self.get(*l).is_some())
    }

    /// A root of the amended text: an article or an appendix is addressed from the document
    /// itself, never inside the units of another reference.
    fn rooted(&self) -> bool {
        self.get(Level::Article).is_some() || self.get(Level::Appendix).is_some()
    }

    /// Completes this reference with the levels of `outer` above its own highest level
    /// ("điểm b" with "khoản 3 Mục II" → "điểm b khoản 3 Mục II"); a rooted reference (an
    /// article, an appendix) is complete as written.
    pub fn complete_from(&mut self, outer: &Ref) {
        // "tên Điều và khoản 5 Điều 40": a level named without its designation takes the
        // next reference's.
        for l in LEVELS {
            if self.get(l).is_some_and(String::is_empty) && l != Level::Appendix {
                if let Some(v) = outer.get(l) {
                    self.set(l, v.clone());
                }
            }
        }
        if self.rooted() {
            return;
        }
        let Some(high) = self.highest() else {
            return;
        };
        for l in LEVELS {
            if l > high && self.get(l).is_none() {
                if let Some(v) = outer.get(l) {
                    self.set(l, v.clone());
                }
            }
        }
    }

    /// The number path ("II.3.b", "Đ8.2.a", "PL1.P4.III.6.a", "C4.2.1", "Đ1.1.a-1").
    pub fn target(&self) -> Target {
        let mut path = String::new();
        let mut last_seg = String::new();
        for l in LEVELS.into_iter().rev() {
            let Some(d) = self.get(l) else { continue };
            let seg = match l {
                Level::Appendix if d.is_empty() => "PL".to_string(),
                Level::Appendix => format!("PL{d}"),
                Level::Division => format!("P{d}"),
                Level::Chapter => format!("C{d}"),
                Level::Form => format!("M{d}"),
                Level::Table => format!("B{d}"),
                Level::Article => format!("Đ{d}"),
                _ => d.clone(),
            };
            if l == Level::Dash {
                path.push('-');
                path.push_str(&seg);
                continue;
            }
            // "tiểu mục 2.1 Mục 2": the decimal designation repeats its parent's number.
            if matches!(l, Level::Subsection | Level::Subpoint)
                && !last_seg.is_empty()
                && seg
                    .strip_prefix(last_seg.as_str())
                    .is_some_and(|r| r.starts_with('.'))
            {
                path.truncate(path.len() - last_seg.len());
                if path.ends_with('.') {
                    path.pop();
                }
            }
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&seg);
            last_seg = seg;
        }
        Target::Number {
            path,
            occurrence: self.occurrence,
        }
    }
}

/// Arabic digits of a Roman or Arabic number ("IV" → "4", "02" → "2", "IIb" → "2b").
fn arabic(w: &str) -> Option<String> {
    if w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty() && w.len() <= 4 {
        let n: u32 = w.parse().ok()?;
        return Some(n.to_string());
    }
    // "Phụ lục IIb": a Roman number and a lowercase letter.
    let tail = w.trim_start_matches(|c: char| "IVXLC".contains(c));
    let head = w.get(..w.len() - tail.len())?;
    if !head.is_empty()
        && !tail.is_empty()
        && tail.len() <= 2
        && tail.bytes().all(|b| b.is_ascii_lowercase())
    {
        return crate::numbering::parse_roman(head).map(|n| format!("{n}{tail}"));
    }
    crate::numbering::parse_roman(&w.to_upper()).map(|n| n.to_string())
}

impl Cursor<'_> {
    /// The level named at the cursor and how many words name it ("phụ lục", "tiểu mục",
    /// "gạch đầu dòng", or one of [`level_word`]).
    pub fn level(&self) -> Option<(Level, usize)> {
        let w = |k: usize| self.word_at(self.pos + k);
        match (w(0)?, w(1), w(2)) {
            // "số thứ tự thứ 5": a table's numbered row, numbered like a khoản.
            ("số", Some("thứ"), Some("tự")) if w(3) == Some("thứ") => {
                Some((Level::Part, 4))
            }
            ("số", Some("thứ"), Some("tự")) => Some((Level::Part, 3)),
            ("phụ", Some("lục"), _) => Some((Level::Appendix, 2)),
            ("tiểu", Some("mục"), _) => Some((Level::Subsection, 2)),
            ("gạch", Some("đầu"), Some("dòng")) => Some((Level::Dash, 3)),
            ("gạch", Some("ngang"), _) => Some((Level::Dash, 2)),
            (one, _, _) => level_word(one).map(|l| (l, 1)),
        }
    }

    /// A decimal designation ("2.1", "1.2.2"): words of digits joined by dots.
    fn decimal(&mut self) -> Option<String> {
        let mut out = String::new();
        loop {
            match self.peek() {
                Some(Tok::Word { text, .. })
                    if text.bytes().all(|b| b.is_ascii_digit()) && text.len() <= 4 =>
                {
                    out.push_str(text);
                    self.pos += 1;
                }
                _ => break,
            }
            let dot_digits = matches!(self.peek(), Some(Tok::Punct { ch: '.', .. }))
                && matches!(self.toks.get(self.pos + 1), Some(Tok::Word { text, .. }) if text.bytes().all(|b| b.is_ascii_digit()));
            if !dot_digits {
                break;
            }
            self.pos += 1;
            out.push('.');
        }
        (!out.is_empty()).then_some(out)
    }

    /// One designation of `level` ("b", "đ1", "3a", "II", "2.1", "số 05"), normalized.
    fn designation(&mut self, level: Level) -> Option<String> {
        let save = self.pos;
        match level {
            Level::Subsection | Level::Subpoint => return self.decimal(),
            Level::Dash => return self.ordinal().map(|n| n.to_string()),
            Level::Form | Level::Table | Level::Appendix => {
                self.eat(&["số"]);
            }
            _ => {}
        }
        let Some(w) = self.word_text() else {
            self.pos = save;
            return None;
        };
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        let lower_tail = |from: usize| {
            w.get(from..)
                .is_some_and(|r| r.chars().all(|c| c.is_ascii_lowercase()))
        };
        let out = match level {
            Level::Point => {
                let mut cs = w.chars();
                let letter = cs
                    .next()
                    .is_some_and(|c| c.is_lowercase() && c.is_alphabetic())
                    && cs.all(|c| c.is_ascii_digit())
                    && w.chars().count() <= 3;
                // "điểm 8", "điểm 8a" (the numbered points of a form).
                let numbered = digits > 0 && digits <= 3 && lower_tail(digits);
                (letter || numbered).then(|| w.clone())
            }
            Level::Part => w
                .starts_with(|c: char| c.is_ascii_digit())
                .then(|| w.clone()),
            Level::Section => {
                if digits > 0 && digits == w.len() && digits <= 3 {
                    Some(w.clone())
                } else {
                    crate::numbering::parse_roman(&w.to_upper()).map(|_| w.to_upper())
                }
            }
            // "Điều 12", "Điều 7c".
            Level::Article => (digits > 0 && digits <= 4 && lower_tail(digits)).then(|| w.clone()),
            Level::Chapter | Level::Division => arabic(&w),
            Level::Form | Level::Table => (digits > 0 && digits == w.len())
                .then(|| arabic(&w))
                .flatten(),
            // "Phụ lục II", "Phụ lục số 02"; "Phụ lục kèm theo …" has none.
            Level::Appendix => arabic(&w),
            Level::Subsection | Level::Subpoint | Level::Dash => None,
        };
        if out.is_none() {
            self.pos = save;
        }
        out
    }

    /// One reference: levels in ascending order ("điểm b khoản 3 Mục II", "điểm 8 tại Mẫu số
    /// 49 Phụ lục II", "gạch đầu dòng thứ nhất điểm a khoản 1 Điều 1").
    fn reference(&mut self) -> Option<Ref> {
        let mut r = Ref::default();
        let mut last: Option<Level> = None;
        // "tên Điều 3", "tên của khoản 6": the name of the unit.
        let start = self.pos;
        if self.eat(&["tên"]) {
            self.eat(&["của"]);
            if self.level().is_some() {
                r.heading = true;
            } else {
                self.pos = start;
            }
        }
        loop {
            // "điểm d thứ hai của khoản 2 Mục II", "điểm 8 tại Mẫu số 49": a preposition
            // between two levels; "tiểu mục 2.1. Mục 2": a dot after a decimal.
            let before_of = self.pos;
            if last.is_some()
                && (self.eat(&["của"]) || self.eat(&["tại"]) || self.eat_punct('.'))
                && self.level().is_none()
            {
                self.pos = before_of;
            }
            let Some((l, words)) = self.level() else {
                self.pos = before_of;
                break;
            };
            if last.is_some_and(|p| l <= p) {
                self.pos = before_of;
                break;
            }
            let save = self.pos;
            self.pos += words;
            let d = match self.designation(l) {
                Some(d) => d,
                // "Phụ lục kèm theo Nghị quyết …": the document's only appendix.
                None if l == Level::Appendix => String::new(),
                // "tên Điều và khoản 5 Điều 40": the article of the next reference.
                None if r.heading
                    && l == Level::Article
                    && (self.peek_word() == Some("và")
                        || matches!(self.peek(), Some(Tok::Punct { ch: ',', .. }))) =>
                {
                    String::new()
                }
                None => {
                    self.pos = save;
                    break;
                }
            };
            r.set(l, d);
            if l == Level::Point {
                r.occurrence = self.ordinal();
            }
            // "khoản 2.c": the khoản and its point in one designation.
            if l == Level::Part && r.get(Level::Point).is_none() {
                if let (Some(Tok::Punct { ch: '.', .. }), Some(Tok::Word { text, .. })) =
                    (self.peek(), self.toks_at(self.pos + 1))
                {
                    let mut cs = text.chars();
                    if cs.next().is_some_and(char::is_lowercase) && cs.next().is_none() {
                        r.set(Level::Point, text.clone());
                        self.pos += 2;
                    }
                }
            }
            last = Some(l);
        }
        if last.is_none() {
            self.pos = start;
        }
        last.map(|_| r)
    }

    /// A list of references ("điểm b khoản 3, điểm d khoản 8 Mục II", "điểm b, c khoản 3",
    /// "các khoản 2, 3 và 4 Điều 43"), each completed with the higher levels of the reference
    /// after it.
    pub fn references(&mut self) -> Option<Vec<Ref>> {
        self.eat(&["các"]);
        let mut refs = vec![self.reference()?];
        loop {
            let save = self.pos;
            // "khoản 1 Điều 2 Nghị quyết và điểm c …": the amended text named between two
            // references.
            let named = self.eat(&["nghị", "quyết"])
                || self.eat(&["quyết", "định"])
                || self.eat(&["thông", "tư"])
                || self.eat(&["nghị", "định"])
                || self.eat(&["quy", "định"])
                || self.eat(&["kế", "hoạch"]);
            if named
                && !matches!(self.peek(), Some(Tok::Punct { ch: ',' | ';', .. }))
                && self.peek_word() != Some("và")
            {
                self.pos = save;
            }
            // ";" between groups: "điểm b khoản 1; khoản 6 Điều 81".
            if !(self.eat_punct(',') || self.eat_punct(';') || self.eat(&["và"])) {
                break;
            }
            self.eat(&["tại"]);
            self.eat(&["các"]);
            if let Some(r) = self.reference() {
                refs.push(r);
                continue;
            }
            // A bare designation continuing the previous reference's lowest level.
            let level = refs.last().and_then(Ref::lowest);
            match level.and_then(|l| self.designation(l).map(|d| (l, d))) {
                Some((l, d)) => {
                    let mut r = Ref::default();
                    r.set(l, d);
                    if l == Level::Point {
                        r.occurrence = self.ordinal();
                    }
                    // continue with higher levels written after it ("điểm b, c khoản 3")
                    let mut last = l;
                    while let Some((h, words)) = self.level() {
                        if h <= last {
                            break;
                        }
                        let s2 = self.pos;
                        self.pos += words;
                        match self.designation(h) {
                            Some(d) => {
                                r.set(h, d);
                                last = h;
                            }
                            None => {
                                self.pos = s2;
                                break;
                            }
                        }
                    }
                    refs.push(r);
                }
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        // Higher levels come from the reference to the right.
        for i in (0..refs.len().saturating_sub(1)).rev() {
            let Some(next) = refs.get(i + 1).cloned() else {
                continue;
            };
            if let Some(r) = refs.get_mut(i) {
                r.complete_from(&next);
            }
        }
        if let Some(b) = &self.base {
            for r in &mut refs {
                r.complete_from(b);
            }
        }
        Some(refs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amend::tokens::tokenize;

    fn refs(s: &str) -> Vec<String> {
        let toks = tokenize(s);
        let mut c = Cursor::new(&toks);
        c.references()
            .unwrap()
            .iter()
            .map(|r| r.target().to_string())
            .collect()
    }

    #[test]
    fn reference_lists_inherit_higher_levels() {
        assert_eq!(refs("điểm b khoản 3 Mục II"), ["II.3.b"]);
        assert_eq!(
            refs("điểm b khoản 3, điểm d khoản 8 Mục II."),
            ["II.3.b", "II.8.d"]
        );
        assert_eq!(refs("điểm b, c khoản 3 Mục II"), ["II.3.b", "II.3.c"]);
        assert_eq!(
            refs("điểm b và điểm đ1 khoản 3 mục ii"),
            ["II.3.b", "II.3.đ1"]
        );
        assert_eq!(refs("điểm d thứ hai khoản 2 Mục II"), ["II.2.d (thứ 2)"]);
        assert_eq!(
            refs("điểm d thứ hai của khoản 2 Mục II"),
            ["II.2.d (thứ 2)"]
        );
        assert_eq!(refs("khoản 3a Mục IV"), ["IV.3a"]);
        assert_eq!(
            refs("điểm a, b khoản 1, điểm b khoản 2 Điều 8"),
            ["Đ8.1.a", "Đ8.1.b", "Đ8.2.b"]
        );
        assert_eq!(refs("khoản 1 và khoản 2 Điều 3"), ["Đ3.1", "Đ3.2"]);
        assert_eq!(refs("Điều 7c"), ["Đ7c"]);
        assert_eq!(
            refs(
                "khoản 3 Điều 5, điểm o khoản 4 Điều 9, điểm a khoản 6 Mục III Phần IV Phụ lục I; Mẫu số 11 Phụ lục II."
            ),
            ["Đ5.3", "Đ9.4.o", "PL1.P4.III.6.a", "PL2.M11"]
        );
        assert_eq!(refs("tiểu mục 2.1. Mục 2 Chương IV"), ["C4.2.1"]);
        assert_eq!(refs("tiết 1.2.2 Phụ lục III"), ["PL3.1.2.2"]);
        assert_eq!(refs("điểm 8 tại Mẫu số 49 Phụ lục II"), ["PL2.M49.8"]);
        assert_eq!(
            refs("gạch đầu dòng thứ nhất điểm a khoản 1 Điều 1"),
            ["Đ1.1.a-1"]
        );
        assert_eq!(refs("gạch đầu dòng thứ nhất mục 1 và mục 8"), ["1-1", "8"]);
        assert_eq!(refs("Phụ lục kèm theo Nghị quyết"), ["PL"]);
        assert_eq!(
            refs("các khoản 2, 3 và 4 Điều 43"),
            ["Đ43.2", "Đ43.3", "Đ43.4"]
        );
        assert_eq!(refs("Phụ lục số 02"), ["PL2"]);
    }
}
