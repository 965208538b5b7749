//! Tokens of Vietnamese amendment wording and unit references ("điểm b khoản 3 Mục II").

use super::model::Target;

/// A token of an instruction's head, with byte offsets into the instruction text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Tok {
    /// A run of letters and digits; `lower` is its lowercase.
    Word {
        text: String,
        lower: String,
        start: usize,
    },
    /// A quoted phrase (“…”, «…» or "…"), without the quotes.
    Quote { text: String, start: usize },
    /// `,` `.` `:` `;`
    Punct { ch: char, start: usize },
}

impl Tok {
    pub fn start(&self) -> usize {
        match self {
            Tok::Word { start, .. } | Tok::Quote { start, .. } | Tok::Punct { start, .. } => *start,
        }
    }
}

pub(crate) fn closing_quote(open: char) -> Option<char> {
    match open {
        '“' => Some('”'),
        '«' => Some('»'),
        '"' => Some('"'),
        _ => None,
    }
}

/// Tokenizes (linear). An unclosed quote runs to the end.
pub(crate) fn tokenize(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if let Some(close) = closing_quote(c) {
            let start = i + c.len_utf8();
            let mut end = s.len();
            for (j, d) in it.by_ref() {
                if d == close {
                    end = j;
                    break;
                }
            }
            out.push(Tok::Quote {
                text: s.get(start..end).unwrap_or("").to_string(),
                start: i,
            });
        } else if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if !d.is_alphanumeric() {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            let text = s.get(i..end).unwrap_or("").to_string();
            out.push(Tok::Word {
                lower: text.to_lowercase(),
                text,
                start: i,
            });
        } else if matches!(c, ',' | '.' | ':' | ';') {
            out.push(Tok::Punct { ch: c, start: i });
        }
    }
    out
}

/// A level of reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    Point,
    Part,
    Section,
    /// "Điều 12" of a decision, a resolution or its attached rules: path segment `Đ12`.
    Article,
}

pub(crate) fn level_word(w: &str) -> Option<Level> {
    match w {
        "điểm" => Some(Level::Point),
        "khoản" => Some(Level::Part),
        "mục" => Some(Level::Section),
        "điều" => Some(Level::Article),
        _ => None,
    }
}

/// A unit reference: each level's designation, the point's occurrence for duplicates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Ref {
    pub point: Option<String>,
    pub part: Option<String>,
    pub section: Option<String>,
    pub article: Option<String>,
    pub occurrence: Option<u32>,
}

impl Ref {
    fn get(&self, l: Level) -> Option<&String> {
        match l {
            Level::Point => self.point.as_ref(),
            Level::Part => self.part.as_ref(),
            Level::Section => self.section.as_ref(),
            Level::Article => self.article.as_ref(),
        }
    }

    fn set(&mut self, l: Level, v: String) {
        match l {
            Level::Point => self.point = Some(v),
            Level::Part => self.part = Some(v),
            Level::Section => self.section = Some(v),
            Level::Article => self.article = Some(v),
        }
    }

    fn lowest(&self) -> Option<Level> {
        [Level::Point, Level::Part, Level::Section, Level::Article]
            .into_iter()
            .find(|l| self.get(*l).is_some())
    }

    /// The number path ("II.3.b").
    pub fn target(&self) -> Target {
        let article = self.article.as_ref().map(|a| format!("Đ{a}"));
        let path = [&article, &self.section, &self.part, &self.point]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(".");
        Target::Number {
            path,
            occurrence: self.occurrence,
        }
    }
}

/// A cursor over tokens.
pub(crate) struct Cursor<'t> {
    toks: &'t [Tok],
    pub pos: usize,
}

impl<'t> Cursor<'t> {
    pub fn new(toks: &'t [Tok]) -> Self {
        Cursor { toks, pos: 0 }
    }

    pub fn peek(&self) -> Option<&'t Tok> {
        self.toks.get(self.pos)
    }

    /// The token at `i`.
    pub fn toks_at(&self, i: usize) -> Option<&'t Tok> {
        self.toks.get(i)
    }

    pub fn peek_word(&self) -> Option<&'t str> {
        self.word_at(self.pos)
    }

    pub fn word_at(&self, i: usize) -> Option<&'t str> {
        match self.toks.get(i) {
            Some(Tok::Word { lower, .. }) => Some(lower.as_str()),
            _ => None,
        }
    }

    /// Consumes the words if they come next (lowercase; `,` matches a comma token).
    pub fn eat(&mut self, words: &[&str]) -> bool {
        let mut i = self.pos;
        for w in words {
            let ok = match self.toks.get(i) {
                Some(Tok::Word { lower, .. }) => lower == w,
                Some(Tok::Punct { ch, .. }) => w.chars().eq(std::iter::once(*ch)),
                _ => false,
            };
            if !ok {
                return false;
            }
            i += 1;
        }
        self.pos = i;
        true
    }

    pub fn eat_punct(&mut self, c: char) -> bool {
        if matches!(self.peek(), Some(Tok::Punct { ch, .. }) if *ch == c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    pub fn quote(&mut self) -> Option<String> {
        match self.peek() {
            Some(Tok::Quote { text, .. }) => {
                self.pos += 1;
                Some(text.clone())
            }
            _ => None,
        }
    }

    fn word_text(&mut self) -> Option<String> {
        match self.peek() {
            Some(Tok::Word { text, .. }) => {
                self.pos += 1;
                Some(text.clone())
            }
            _ => None,
        }
    }

    fn ordinal(&mut self) -> Option<u32> {
        let save = self.pos;
        if !self.eat(&["thứ"]) {
            return None;
        }
        let n = match self.peek_word() {
            Some("nhất") => Some(1),
            Some("hai") => Some(2),
            Some("ba") => Some(3),
            Some("tư" | "bốn") => Some(4),
            Some("năm") => Some(5),
            Some(w) => w.parse().ok(),
            None => None,
        };
        if n.is_some() {
            self.pos += 1;
        } else {
            self.pos = save;
        }
        n
    }

    /// One designation of `level` ("b", "đ1", "3a", "II"), normalized.
    fn designation(&mut self, level: Level) -> Option<String> {
        let save = self.pos;
        let w = self.word_text()?;
        let ok = match level {
            Level::Point => {
                let mut cs = w.chars();
                cs.next().is_some_and(|c| c.is_lowercase()) && cs.all(|c| c.is_ascii_digit())
            }
            Level::Part => w.starts_with(|c: char| c.is_ascii_digit()),
            Level::Section => crate::numbering::parse_roman(&w.to_uppercase()).is_some(),
            // "Điều 12", "Điều 7c".
            Level::Article => {
                let digits = w.bytes().take_while(u8::is_ascii_digit).count();
                digits > 0
                    && digits <= 4
                    && w.get(digits..)
                        .is_some_and(|r| r.chars().all(|c| c.is_ascii_lowercase()))
            }
        };
        if !ok {
            self.pos = save;
            return None;
        }
        Some(if level == Level::Section {
            w.to_uppercase()
        } else {
            w
        })
    }

    /// One reference: levels in ascending order ("điểm b khoản 3 Mục II").
    fn reference(&mut self) -> Option<Ref> {
        let mut r = Ref::default();
        let mut last: Option<Level> = None;
        loop {
            // "điểm d thứ hai của khoản 2 Mục II": "của" between two levels.
            let before_of = self.pos;
            if last.is_some()
                && self.eat(&["của"])
                && self.peek_word().and_then(level_word).is_none()
            {
                self.pos = before_of;
            }
            let Some(l) = self.peek_word().and_then(level_word) else {
                self.pos = before_of;
                break;
            };
            if last.is_some_and(|p| l <= p) {
                self.pos = before_of;
                break;
            }
            let save = self.pos;
            self.pos += 1;
            let Some(d) = self.designation(l) else {
                self.pos = save;
                break;
            };
            r.set(l, d);
            if l == Level::Point {
                r.occurrence = self.ordinal();
            }
            last = Some(l);
        }
        last.map(|_| r)
    }

    /// A list of references ("điểm b khoản 3, điểm d khoản 8 Mục II", "điểm b, c khoản 3"),
    /// each completed with the higher levels of the references after it.
    pub fn references(&mut self) -> Option<Vec<Ref>> {
        let mut refs = vec![self.reference()?];
        loop {
            let save = self.pos;
            // ";" between groups: "điểm b khoản 1; khoản 6 Điều 81".
            if !(self.eat_punct(',') || self.eat_punct(';') || self.eat(&["và"])) {
                break;
            }
            self.eat(&["tại"]);
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
                    while let Some(h) = self.peek_word().and_then(level_word) {
                        if h <= l {
                            break;
                        }
                        let s2 = self.pos;
                        self.pos += 1;
                        match self.designation(h) {
                            Some(d) => r.set(h, d),
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
                let low = r.lowest().unwrap_or(Level::Point);
                for l in [Level::Part, Level::Section, Level::Article] {
                    if l > low && r.get(l).is_none() {
                        if let Some(v) = next.get(l) {
                            r.set(l, v.clone());
                        }
                    }
                }
            }
        }
        Some(refs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn quotes_are_single_tokens() {
        let t = tokenize("Thay cụm từ “Sở Y tế, Sở Nội vụ” bằng \"X\".");
        assert!(matches!(&t[3], Tok::Quote { text, .. } if text == "Sở Y tế, Sở Nội vụ"));
        assert!(matches!(&t[5], Tok::Quote { text, .. } if text == "X"));
    }
}
