//! Conjunctions: parts joined by ",", ";", "và" or "hoặc" ("Quý II/2022, Quý III/2022 và hằng
//! năm"), parts without their year ("Tháng 11, 12/2013") and activity words opening a part.

use super::grammar::{Cx, Partial, Unit};
use super::model::{Point, Precision, Timeframe, TimeframeKind};

/// Words of an activity that may open a part ("năm 2013 và | kiện toàn | thường xuyên hàng năm",
/// "| Dự kiến | tháng 11/2025"): a closed list, so that no other word ("không") is skipped.
const ACTIVITY: &[&str] = &[
    "kiện toàn",
    "củng cố",
    "duy trì",
    "tiếp tục",
    "triển khai",
    "tổ chức",
    "thực hiện",
    "cập nhật",
    "rà soát",
    "bổ sung",
    "báo cáo",
    "sơ kết",
    "tổng kết",
    "đánh giá",
    "kiểm tra",
    "sửa đổi",
    "đảm bảo",
    "bảo đảm",
    "dự kiến",
    "hoàn thành",
    "đầu tư",
    "lắp đặt",
    "vận hành",
];

impl Cx<'_> {
    /// Parts joined by ",", ";" or "và": "Quý II/2022, Quý III/2022 và hằng năm"; a condition
    /// may also follow "hoặc" ("định kỳ hoặc đột xuất khi có yêu cầu"). A part without its year
    /// borrows the next part's ("Tháng 11, 12/2013"); a part may open with activity words
    /// ("năm 2013 và kiện toàn thường xuyên hàng năm").
    pub(crate) fn conj(&self, lo: usize, hi: usize) -> Option<Timeframe> {
        let mut parts = Vec::new();
        let mut pending: Vec<Partial> = Vec::new();
        let mut ps = lo;
        let mut depth = 0usize;
        // Where activity words that go on in the next part began ("bổ sung, | sửa đổi hàng năm").
        let mut act: Option<usize> = None;
        let mut k = lo;
        while k <= hi {
            if k < hi && ps == k && self.basis_start(k, hi) {
                let t = self.conditional(k, hi)?;
                parts.push(self.with_activity(act.take(), hi, t));
                ps = hi;
                break;
            }
            let at_end = k == hi;
            if self.is_punct(k, '(') {
                depth += 1;
            } else if self.is_punct(k, ')') {
                depth = depth.saturating_sub(1);
            }
            // "Tháng 11/2025 (sau khi … ban hành Hướng dẫn)", "Năm 2025 (hoàn thành trước
            // 30/11/2025)": a condition, a deadline or a recurrence in parentheses at the end.
            if k > ps && depth == 1 && self.is_punct(k, '(') && self.wrapped(k, hi) {
                let last = if self.basis_start(k + 1, hi) {
                    self.conditional(k + 1, hi - 1)
                } else if self.part(ps, hi).is_none() {
                    // A deadline or a recurrence; another point ("Năm 2025 (2026)") is no reading.
                    self.part(k + 1, hi - 1).filter(|t| {
                        !matches!(
                            t.kind,
                            TimeframeKind::Point { .. }
                                | TimeframeKind::Range { .. }
                                | TimeframeKind::OpenEnded { .. }
                        )
                    })
                } else {
                    None
                };
                if let Some(last) = last {
                    let (a, b) = self.trim(ps, k);
                    let t = self.part(a, b)?;
                    let t = self.with_activity(act.take(), b, t);
                    self.flush(&mut pending, &t, &mut parts)?;
                    parts.push(t);
                    parts.push(last);
                    ps = hi;
                    break;
                }
            }
            let sep = !at_end
                && depth == 0
                && (self.is_punct(k, ',')
                    || self.is_punct(k, ';')
                    || (self.is_word(k, "và")
                        && !self.is_word(k + 1, "những")
                        && !self.is_word(k + 1, "các"))
                    || (self.is_word(k, "hoặc") && self.basis_start(k + 1, hi)));
            if sep || at_end {
                if k == ps {
                    return None;
                }
                let (a, b) = self.trim(ps, k);
                let like = pending.last().map(|p| p.unit);
                match self.part(ps, k) {
                    Some(t) => {
                        let t = self.with_activity(act.take(), b, t);
                        self.flush(&mut pending, &t, &mut parts)?;
                        parts.push(t);
                    }
                    // "bổ sung, | sửa đổi hàng năm": the activity goes on in the next part.
                    None if !at_end && self.activity_end(a, b) == Some(b) => {
                        act = act.or(Some(a));
                    }
                    _ if act.is_some() => return None,
                    // "6 tháng, hằng năm": a count of months among periods is a period.
                    None if !at_end && self.period(k + 1, hi).is_some() => {
                        parts.push(self.listed_period(a, b)?);
                    }
                    // "Tháng 11, 12/2013", "Tháng 10, 11, 12/2025", "Quý III, IV/2025".
                    None => match self.yearless(a, b, like)? {
                        Ok(p) => pending.push(p),
                        Err(t) => {
                            self.flush(&mut pending, &t, &mut parts)?;
                            parts.push(t);
                        }
                    },
                }
                ps = k + 1;
            }
            k += 1;
        }
        if ps < hi || parts.len() < 2 || !pending.is_empty() || act.is_some() {
            return None;
        }
        Some(self.mk(lo, hi, TimeframeKind::All { parts }))
    }

    /// `t`, its text and span starting at `from` when activity words began there.
    fn with_activity(&self, from: Option<usize>, hi: usize, t: Timeframe) -> Timeframe {
        match from {
            Some(from) => self.mk(from, hi, t.kind),
            None => t,
        }
    }

    /// A part of a conjunction: a simple timeframe, possibly after activity words.
    pub(crate) fn part(&self, lo: usize, hi: usize) -> Option<Timeframe> {
        if let Some(t) = self.simple(lo, hi) {
            return Some(t);
        }
        let (lo, hi) = self.trim(lo, hi);
        let j = self.activity_end(lo, hi)?;
        let t = if self.basis_start(j, hi) {
            self.conditional(j, hi)?
        } else {
            self.simple(j, hi)?
        };
        Some(self.mk(lo, hi, t.kind))
    }

    /// Where activity words starting at `lo` end: `ACTIVITY ( ( "," | "và" )? ACTIVITY )*`.
    fn activity_end(&self, lo: usize, hi: usize) -> Option<usize> {
        let mut j = self.any_phrase(lo, hi, ACTIVITY)?;
        loop {
            let sep = usize::from(self.is_punct(j, ',') || self.is_word(j, "và"));
            match self.any_phrase(j + sep, hi, ACTIVITY) {
                Some(k) => j = k,
                None => return Some(j),
            }
        }
    }

    /// A part that is a point without its year ("Tháng 11"), or, after one (`like`), the bare
    /// number of a like unit ("11" after "Tháng 10", "IV/2025" after "Quý III"): `Ok` when it has
    /// no year, `Err` (a part) when it has one. `None` for anything else.
    fn yearless(
        &self,
        lo: usize,
        hi: usize,
        like: Option<Unit>,
    ) -> Option<Result<Partial, Timeframe>> {
        if let Some(p) = self
            .partial(lo, hi)
            .filter(|p| p.year.is_none() && p.hi == hi)
        {
            return Some(Ok(p));
        }
        let unit = match like? {
            Unit::Month(_) if self.word(lo).is_none() => Unit::Month(self.month_no(lo, hi)?),
            // Roman only: "4/2025" after "Quý III" would be a month.
            Unit::Quarter(_) if self.word(lo).is_some() => Unit::Quarter(self.quarter_no(lo, hi)?),
            _ => return None,
        };
        let p = |year, end| Partial {
            year,
            unit,
            lo,
            hi: end,
        };
        if lo + 1 == hi {
            return Some(Ok(p(None, hi)));
        }
        let (y, e) = self.year_suffix(lo + 1, hi)?;
        let at = self.to_point(&p(Some(y), e), y);
        (e == hi).then(|| Err(self.mk(lo, hi, TimeframeKind::Point { at })))
    }

    /// Gives the points without their year, in order, the year of `next`'s first point.
    fn flush(
        &self,
        pending: &mut Vec<Partial>,
        next: &Timeframe,
        parts: &mut Vec<Timeframe>,
    ) -> Option<()> {
        if pending.is_empty() {
            return Some(());
        }
        let first = first_point(next)?;
        let mut prev: Option<Point> = None;
        for p in pending.drain(..) {
            let t = self.borrowed(&p, &first)?;
            if let TimeframeKind::Point { at } = &t.kind {
                if prev.is_some_and(|q| q >= *at) {
                    return None;
                }
                prev = Some(*at);
            }
            parts.push(t);
        }
        Some(())
    }

    /// A point without its year ("Tháng 11" in "Tháng 11, 12/2013") in the year of the next
    /// part's first point `next`: only between like units, and only before it.
    fn borrowed(&self, p: &Partial, next: &Point) -> Option<Timeframe> {
        let like = matches!(
            (p.unit, next.precision()),
            (Unit::Month(_), Precision::Month)
                | (Unit::Quarter(_), Precision::Quarter)
                | (Unit::Half(_), Precision::Half)
                | (Unit::Day(..), Precision::Day)
        );
        let at = self.to_point(p, next.year);
        (like && at.is_valid() && at < *next)
            .then(|| self.mk(p.lo, p.hi, TimeframeKind::Point { at }))
    }
}

/// The first point a point, range or open end names.
fn first_point(t: &Timeframe) -> Option<Point> {
    match &t.kind {
        TimeframeKind::Point { at } => Some(*at),
        TimeframeKind::Range { start, .. } | TimeframeKind::OpenEnded { start } => Some(*start),
        _ => None,
    }
}
