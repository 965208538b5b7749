//! Steps: bullet items each ending with its own time ("+ Các bộ gửi kết quả … trước ngày 15
//! tháng 12 năm 2025. + Bộ Công an tổng hợp … trước ngày 31 tháng 12 năm 2025."), read as phases.

use super::grammar::Cx;
use super::lexer::Tok;
use super::model::{Phase, Timeframe, TimeframeKind};

/// Words a step's time may start with.
const TIME_LEAD: &[&str] = &[
    "trước", "trong", "đến", "tới", "chậm", "muộn", "hoàn", "xong", "vào", "từ", "năm", "quý",
    "quí", "tháng", "ngày", "giai",
];

/// Words that, right before a time, change what it means ("không trước ngày …"): no step.
const NOT_BEFORE: &[&str] = &["không", "chưa", "chỉ", "sau", "ngoài", "trừ"];

impl Cx<'_> {
    /// True when token `i` is a bullet mark: "+", "-", "•".
    fn bullet(&self, i: usize) -> bool {
        self.is_punct(i, '+') || self.is_dash(i) || self.is_punct(i, '•')
    }

    /// Two or more bullet items `lo..hi`, the first at `lo`, each next one right after a "." or
    /// ";", each ending with a time after words of its own: the phases, their activities the words.
    pub(crate) fn steps(&self, lo: usize, hi: usize) -> Option<Timeframe> {
        if !self.bullet(lo) {
            return None;
        }
        let mut phases = Vec::new();
        let mut s = lo + 1;
        let mut k = lo + 1;
        while k <= hi {
            let next = k == hi
                || (self.bullet(k) && (self.is_punct(k - 1, '.') || self.is_punct(k - 1, ';')));
            if next {
                let (a, b) = self.trim(s, k);
                phases.push(self.step(a, b)?);
                s = k + 1;
            }
            k += 1;
        }
        (phases.len() >= 2).then(|| self.mk(lo, hi, TimeframeKind::Phased { phases }))
    }

    /// One step `lo..hi`: words, then the longest time that ends it.
    fn step(&self, lo: usize, hi: usize) -> Option<Phase> {
        let t = (lo + 1..hi)
            .find(|&t| self.any_phrase(t, hi, TIME_LEAD).is_some() && self.time(t, hi).is_some())?;
        let prev = self.lower_word(t - 1);
        if prev.is_some_and(|w| NOT_BEFORE.contains(&w))
            || self
                .tok(t - 1)
                .is_some_and(|x| matches!(x.tok, Tok::Num(..)))
        {
            return None;
        }
        Some(Phase {
            when: self.time(t, hi)?,
            activity: Some(self.text(lo, t).to_string()),
            targets: Vec::new(),
        })
    }
}
