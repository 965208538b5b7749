//! The compound forms: phases, horizons, conditions, and the top-level entry.

use super::grammar::{Cx, Rec, first_bytes};
use super::lexer::Tok;
use super::model::{Basis, Freq, Phase, Target, Timeframe, TimeframeKind};
use super::recur::fits_recurrence;

/// Words that start a condition ("theo hướng dẫn …", "khi được yêu cầu", "sau khi …").
const BASIS_START: &[&str] = &[
    "theo",
    "khi",
    "sau khi",
    "ngay sau khi",
    "căn cứ",
    "tùy",
    "tuỳ",
    "đột xuất",
];

/// A phase head ("Năm 2022 - 2024") is at most this many tokens before its colon.
const MAX_HEAD: usize = 16;

/// Words that start the outcome of a target ("80% trường THPT | được tổ chức dạy thí điểm").
const OUTCOME_START: &[&str] = &[
    "được",
    "đạt",
    "có",
    "hoàn thành",
    "tham gia",
    "sử dụng",
    "áp dụng",
    "thực hiện",
    "triển khai",
    "kết nối",
    "cung cấp",
    "đáp ứng",
];

impl Cx<'_> {
    /// True when tokens `lo..hi` hold `(`…`)` with the two parentheses matching each other.
    pub(crate) fn wrapped(&self, lo: usize, hi: usize) -> bool {
        if hi < lo + 2 || !self.is_punct(lo, '(') || !self.is_punct(hi - 1, ')') {
            return false;
        }
        let mut depth = 0usize;
        for k in lo..hi {
            if self.is_punct(k, '(') {
                depth += 1;
            } else if self.is_punct(k, ')') {
                depth = depth.saturating_sub(1);
                if depth == 0 && k + 1 < hi {
                    return false;
                }
            }
        }
        true
    }

    /// Drops trailing `.`, `;`, `,`, `./.` and (up to four levels of) enclosing parentheses.
    pub fn trim(&self, mut lo: usize, mut hi: usize) -> (usize, usize) {
        for _ in 0..4 {
            while hi > lo
                && (self.is_punct(hi - 1, '.')
                    || self.is_punct(hi - 1, ';')
                    || self.is_punct(hi - 1, ',')
                    // "./.", the mark that ends a document
                    || (self.is_punct(hi - 1, '/') && hi >= lo + 2 && self.is_punct(hi - 2, '.')))
            {
                hi -= 1;
            }
            if self.wrapped(lo, hi) {
                lo += 1;
                hi -= 1;
            } else {
                break;
            }
        }
        (lo, hi)
    }

    /// A whole expression `lo..hi`.
    pub fn expr(&self, lo: usize, hi: usize) -> Option<Timeframe> {
        let (lo, hi) = self.trim(lo, hi);
        if lo >= hi {
            return None;
        }
        if (lo..hi).any(|k| self.is_punct(k, ':')) {
            if let Some(t) = self.phased(lo, hi) {
                return Some(t);
            }
        }
        if let Some(t) = self.horizon(lo, hi) {
            return Some(t);
        }
        if let Some(t) = self.steps(lo, hi) {
            return Some(t);
        }
        if self.basis_start(self.phrase(lo, hi, "thực hiện").unwrap_or(lo), hi) {
            return self.conditional(lo, hi);
        }
        self.simple(lo, hi)
            .or_else(|| self.conj(lo, hi))
            .or_else(|| self.part(lo, hi))
    }

    /// True when tokens `lo..hi` name some time: a number, or a word of a time ("năm", "quý",
    /// "tháng", "thường xuyên", "định kỳ", …). "Khi nào xong thì thôi" names none.
    pub fn names_time(&self, lo: usize, hi: usize) -> bool {
        const WORDS: &[&str] = &[
            "năm",
            "quý",
            "quí",
            "tháng",
            "tuần",
            "ngày",
            "giai đoạn",
            "thời kỳ",
            "thường xuyên",
            "định kỳ",
            "hằng",
            "hàng",
            "mỗi",
            "liên tục",
            "đột xuất",
            "nay",
        ];
        const FIRSTS: u128 = first_bytes(WORDS);
        // Numbers first (most timeframes have one), then the words.
        (lo..hi).any(|k| self.tok(k).is_some_and(|t| matches!(t.tok, Tok::Num(..))))
            || self.any_phrase_in(lo, hi, WORDS, FIRSTS)
    }

    /// True when a condition may start among tokens `lo..hi` (a word of [`BASIS_START`]:
    /// "theo hướng dẫn của …", "khi có yêu cầu"): with [`names_time`](Self::names_time), what
    /// the grammar needs to accept any text.
    pub fn names_basis(&self, lo: usize, hi: usize) -> bool {
        const FIRSTS: u128 = first_bytes(BASIS_START);
        self.any_phrase_in(lo, hi, BASIS_START, FIRSTS)
    }

    /// A time (point, range, open end, deadline) or a recurrence.
    pub(crate) fn simple(&self, lo: usize, hi: usize) -> Option<Timeframe> {
        self.time(lo, hi).or_else(|| self.recurring(lo, hi))
    }

    /// A point, range, open end or deadline covering exactly `lo..hi`.
    pub fn time(&self, lo: usize, hi: usize) -> Option<Timeframe> {
        let (lo, hi) = self.trim(lo, hi);
        if lo >= hi {
            return None;
        }
        if let Some((start, end, e)) = self.range(lo, hi) {
            if e == hi {
                return Some(self.mk(lo, hi, TimeframeKind::Range { start, end }));
            }
        }
        if let Some((start, e)) = self.open(lo, hi) {
            if e == hi {
                return Some(self.mk(lo, hi, TimeframeKind::OpenEnded { start }));
            }
        }
        if let Some((by, inclusive, e)) = self.deadline(lo, hi) {
            if e == hi {
                return Some(self.mk(lo, hi, TimeframeKind::Deadline { by, inclusive }));
            }
        }
        // "vào năm 2015": the point itself.
        let at = self.phrase(lo, hi, "vào").unwrap_or(lo);
        match self.point(at, hi) {
            Some((at, e)) if e == hi => Some(self.mk(lo, hi, TimeframeKind::Point { at })),
            _ => None,
        }
    }

    /// A recurrence or "thường xuyên", with an optional due day and limiting timeframe:
    /// "Định kỳ hằng năm (trước ngày 15/12)", "trước ngày 15/12 hằng năm", "trước ngày 20 tháng
    /// cuối quý" (each quarter).
    fn recurring(&self, lo: usize, hi: usize) -> Option<Timeframe> {
        let (lo, hi) = self.trim(lo, hi);
        let mut season = None;
        let (rec, due, j) = match self.recurrence(lo, hi) {
            Some((rec, j)) => {
                let (due, j) = self.due_after(&rec, j, hi);
                (rec, due, j)
            }
            // "Từ tháng 3 đến tháng 11 hằng năm", "Quý IV hằng năm".
            None if self.due(lo, hi).is_none() => {
                let (s, j) = self.season(lo, hi)?;
                let k = if self.is_punct(j, ',') { j + 1 } else { j };
                let (rec, k) = self.recurrence(k, hi)?;
                if !fits_recurrence(&rec, Freq::Yearly) {
                    return None;
                }
                season = Some(s);
                (rec, None, k)
            }
            None => {
                let (due, freq, j) = self.due(lo, hi)?;
                let k = if self.is_punct(j, ',') { j + 1 } else { j };
                match self.recurrence(k, hi) {
                    Some((rec, k)) if fits_recurrence(&rec, freq) => (rec, Some(due), k),
                    // "tháng cuối quý" names the period itself: every quarter.
                    None if freq == Freq::Quarterly => {
                        let rec = Rec {
                            freq: Some((freq, 1)),
                            continuous: false,
                        };
                        (rec, Some(due), j)
                    }
                    _ => return None,
                }
            }
        };
        let Rec { freq, continuous } = rec;
        let within = if j >= hi {
            None
        } else if self.wrapped(j, hi) {
            Some(Box::new(self.time(j + 1, hi - 1)?))
        } else if self.is_punct(j, ',') || self.is_word(j, "trong") {
            Some(Box::new(self.time(j + 1, hi)?))
        } else {
            Some(Box::new(self.time(j, hi)?))
        };
        let kind = match freq {
            Some((freq, interval)) => TimeframeKind::Recurring {
                freq,
                interval,
                continuous,
                within,
                due,
                season,
            },
            None => TimeframeKind::Continuous { within },
        };
        Some(self.mk(lo, hi, kind))
    }

    /// True when a condition starts at `i` ("khi nào", "whenever", is no condition; "theo định
    /// kỳ" is a recurrence).
    pub(crate) fn basis_start(&self, i: usize, hi: usize) -> bool {
        self.any_phrase(i, hi, BASIS_START).is_some()
            && self
                .any_phrase(i, hi, &["khi nào", "theo định kỳ"])
                .is_none()
    }

    /// Conditions joined by "và", "," or ";" (a new one starts only at a condition word, so an
    /// authority may contain "và": "Bộ Thông tin và Truyền thông").
    pub(crate) fn conditional(&self, lo: usize, hi: usize) -> Option<Timeframe> {
        let (lo, hi) = self.trim(lo, hi);
        let start = self.phrase(lo, hi, "thực hiện").unwrap_or(lo);
        let mut basis = Vec::new();
        let mut cs = start;
        let mut k = start + 1;
        while k < hi {
            let sep = self.is_punct(k, ',')
                || self.is_punct(k, ';')
                || self.is_word(k, "và")
                || self.is_word(k, "hoặc");
            if sep && self.basis_start(k + 1, hi) {
                basis.push(self.basis(cs, k)?);
                cs = k + 1;
                k += 2;
            } else {
                k += 1;
            }
        }
        basis.push(self.basis(cs, hi)?);
        Some(self.mk(lo, hi, TimeframeKind::Conditional { basis }))
    }

    fn basis(&self, lo: usize, hi: usize) -> Option<Basis> {
        let (lo, hi) = self.trim(lo, hi);
        let exact = |phrases: &[&str]| phrases.iter().any(|p| self.phrase(lo, hi, p) == Some(hi));
        if let Some(k) = self.phrase(lo, hi, "theo hướng dẫn của") {
            if k < hi {
                return Some(Basis::Guidance {
                    authority: self.text(k, hi).to_string(),
                });
            }
        }
        if exact(&["theo hướng dẫn"]) {
            return Some(Basis::Guidance {
                authority: String::new(),
            });
        }
        if exact(&[
            "theo thực tiễn",
            "theo thực tế",
            "theo tình hình thực tế",
            "theo tình hình thực tiễn",
            "tùy theo tình hình thực tế",
            "tuỳ theo tình hình thực tế",
            "theo điều kiện thực tế",
            "theo yêu cầu thực tiễn",
            "theo yêu cầu thực tế",
        ]) {
            return Some(Basis::Practice);
        }
        const ON_REQUEST: &[&str] = &["khi được yêu cầu", "khi có yêu cầu", "theo yêu cầu"];
        if exact(ON_REQUEST) {
            return Some(Basis::OnRequest);
        }
        // "đột xuất khi có yêu cầu": ad hoc, on request.
        if let Some(k) = self.phrase(lo, hi, "đột xuất") {
            if ON_REQUEST.iter().any(|p| self.phrase(k, hi, p) == Some(hi)) {
                return Some(Basis::OnRequest);
            }
        }
        if let Some(k) = self.any_phrase(lo, hi, &["sau khi", "ngay sau khi"]) {
            if k < hi {
                return Some(Basis::AfterEvent {
                    event: self.text(k, hi).to_string(),
                });
            }
        }
        // Anything else that reads as a condition, unless it carries numbers (a date we would
        // silently drop).
        let numeric = (lo..hi).any(|k| {
            self.tok(k).is_some_and(|t| matches!(t.tok, Tok::Num(..))) && !self.law_year(lo, k)
        });
        (self.basis_start(lo, hi) && !numeric && lo + 1 < hi).then(|| Basis::Other {
            text: self.text(lo, hi).into(),
        })
    }

    /// True when token `k` is the year of a law named before it, in a condition starting at `lo`
    /// ("Theo tiến độ … của Luật An ninh mạng 2025"): a year right after a word of the name, never
    /// after a time word ("Luật … năm 2025" keeps its date, and is not read).
    fn law_year(&self, lo: usize, k: usize) -> bool {
        const TIME_WORDS: &[&str] = &[
            "năm", "quý", "quí", "tháng", "ngày", "đến", "tới", "trước", "từ", "trong", "hết",
            "sau", "kỳ", "đoạn",
        ];
        let after_name = k
            .checked_sub(1)
            .and_then(|p| self.lower_word(p))
            .is_some_and(|w| !TIME_WORDS.contains(&w));
        let symbol = self.is_punct(k + 1, '/') || self.is_dash(k + 1);
        self.year(k, k + 1).is_some()
            && after_name
            && !symbol
            && (lo..k).any(|j| self.is_word(j, "luật"))
    }

    /// "giai đoạn 2021-2030, định hướng đến năm 2045", "ĐẾN NĂM 2027, TẦM NHÌN ĐẾN NĂM 2035".
    fn horizon(&self, lo: usize, hi: usize) -> Option<Timeframe> {
        let k = (lo + 1..hi).find(|&k| {
            self.phrase(k, hi, "định hướng").is_some() || self.phrase(k, hi, "tầm nhìn").is_some()
        })?;
        let mut lhi = k;
        let mut rhi = hi;
        while lhi > lo
            && (self.is_punct(lhi - 1, ',')
                || self.is_punct(lhi - 1, ';')
                || self.is_dash(lhi - 1)
                || self.is_word(lhi - 1, "và"))
        {
            lhi -= 1;
        }
        if self.is_punct(lhi.saturating_sub(1), '(') && self.is_punct(hi - 1, ')') {
            lhi -= 1;
            rhi -= 1;
        }
        let period = self.time(lo, lhi)?;
        let r = self
            .any_phrase(k + 2, rhi, &["đến", "tới"])
            .unwrap_or(k + 2);
        let (vision, e) = self.point(r, rhi)?;
        (e == rhi).then(|| {
            self.mk(
                lo,
                hi,
                TimeframeKind::Horizon {
                    period: Box::new(period),
                    vision,
                },
            )
        })
    }

    /// "Năm 2022 - 2024: Xây dựng quy hoạch. Năm 2025 và những năm tiếp theo: Triển khai …".
    fn phased(&self, lo: usize, hi: usize) -> Option<Timeframe> {
        // Phase heads: at the start or right after a ".", a time then ":".
        let mut heads: Vec<(usize, usize, Timeframe)> = Vec::new();
        let mut s = lo;
        while s < hi {
            let after_colon = heads.last().map_or(lo, |(_, c, _)| c + 1);
            let candidate = s == lo || (s > after_colon && self.is_punct(s - 1, '.'));
            if candidate {
                let lim = (s + MAX_HEAD + 1).min(hi);
                if let Some(c) = (s..lim).find(|&c| self.is_punct(c, ':')) {
                    if let Some(when) = self.time(s, c) {
                        heads.push((s, c, when));
                    }
                }
            }
            if heads.is_empty() {
                // The first phase must start the text.
                return None;
            }
            s += 1;
        }
        let mut phases = Vec::with_capacity(heads.len());
        let starts: Vec<usize> = heads.iter().map(|(s, _, _)| *s).collect();
        for (n, (_, c, when)) in heads.into_iter().enumerate() {
            let body_hi = starts.get(n + 1).copied().unwrap_or(hi);
            let (activity, targets) = self.body(c + 1, body_hi);
            phases.push(Phase {
                when,
                activity,
                targets,
            });
        }
        Some(self.mk(lo, hi, TimeframeKind::Phased { phases }))
    }

    /// The clauses of a phase: targets, and the rest as its activity.
    fn body(&self, lo: usize, hi: usize) -> (Option<String>, Vec<Target>) {
        let (lo, hi) = self.trim(lo, hi);
        let mut activity: Vec<&str> = Vec::new();
        let mut targets = Vec::new();
        let mut cs = lo;
        for k in lo..=hi {
            if k == hi || self.is_punct(k, ';') {
                let (a, b) = self.trim(cs, k);
                if a < b {
                    match self.target(a, b) {
                        Some(t) => targets.push(t),
                        None => activity.push(self.text(a, b)),
                    }
                }
                cs = k + 1;
            }
        }
        let activity = (!activity.is_empty()).then(|| activity.join("; "));
        (activity, targets)
    }

    /// "80% trường THPT được tổ chức dạy thí điểm", "tất cả các xã có điểm phục vụ".
    fn target(&self, lo: usize, hi: usize) -> Option<Target> {
        let (percent, quantifier, r) = if let Some((p, r)) = self.percent(lo, hi) {
            (Some(p), None, r)
        } else if let Some(r) = self.any_phrase(lo, hi, &["tất cả", "toàn bộ", "mọi"]) {
            (None, Some(self.text(lo, r).to_string()), r)
        } else {
            return None;
        };
        if r >= hi {
            return None;
        }
        let m = (r..hi).find(|&k| self.any_phrase(k, hi, OUTCOME_START).is_some());
        let (subject, outcome) = match m {
            Some(m) if m > r => (self.text(r, m), self.text(m, hi)),
            _ => (self.text(r, hi), ""),
        };
        Some(Target {
            percent,
            quantifier,
            subject: subject.to_string(),
            outcome: outcome.to_string(),
        })
    }

    /// "80%", "12,5%", "12.5%".
    fn percent(&self, lo: usize, hi: usize) -> Option<(f64, usize)> {
        let whole = self.num(lo, 3)?;
        if self.is_punct(lo + 1, '%') && lo + 1 < hi {
            return Some((f64::from(whole), lo + 2));
        }
        if (self.is_punct(lo + 1, ',') || self.is_punct(lo + 1, '.'))
            && self.is_punct(lo + 3, '%')
            && lo + 3 < hi
        {
            let frac = self.num(lo + 2, 3)?;
            let Some(Tok::Num(_, digits)) = self.tok(lo + 2).map(|t| &t.tok) else {
                return None;
            };
            // One correctly rounded division of two exact integers: the same f64 as parsing
            // "whole.frac", without linking the float parser into the wasm module (issue 22).
            let scale = 10u32.pow(u32::try_from(*digits).ok()?);
            let v = f64::from(whole * scale + frac) / f64::from(scale);
            return Some((v, lo + 4));
        }
        None
    }
}

/// A recurrence's canonical words ("hằng năm", "định kỳ 6 tháng", "định kỳ").
pub(crate) fn freq_words(freq: Freq, interval: u32) -> String {
    match (freq, interval) {
        (Freq::Yearly, 1) => "hằng năm".into(),
        (Freq::Quarterly, 1) => "hằng quý".into(),
        (Freq::Monthly, 1) => "hằng tháng".into(),
        (Freq::Weekly, 1) => "hằng tuần".into(),
        (Freq::Daily, 1) => "hằng ngày".into(),
        (Freq::Yearly, n) => format!("định kỳ {n} năm"),
        (Freq::HalfYearly, n) => format!("định kỳ {} tháng", u64::from(n) * 6),
        (Freq::Quarterly, n) => format!("định kỳ {} tháng", u64::from(n) * 3),
        (Freq::Monthly, n) => format!("định kỳ {n} tháng"),
        (Freq::Weekly, n) => format!("định kỳ {n} tuần"),
        (Freq::Daily, n) => format!("định kỳ {n} ngày"),
        (Freq::Unspecified, _) => "định kỳ".into(),
    }
}
