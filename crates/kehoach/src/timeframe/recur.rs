//! Recurrences: periods ("hằng năm", "định kỳ 6 tháng"), "thường xuyên", and the day each
//! occurrence is due ("trước ngày 15/12 hằng năm", "trước ngày 20 tháng cuối quý").

use super::grammar::{Cx, Rec};
use super::model::{Due, Freq, Season, Timeframe, TimeframeKind};

/// Days in each month (February with 29: a yearly due day exists in leap years).
const MONTH_DAYS: [u8; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

impl Cx<'_> {
    /// A recurrence: "hằng năm", "định kỳ 6 tháng", "6 tháng một lần", "thường xuyên hàng năm".
    pub fn recurrence(&self, i: usize, hi: usize) -> Option<(Rec, usize)> {
        const CONT: &[&str] = &[
            "nhiệm vụ thường xuyên",
            "thường xuyên liên tục",
            "thường xuyên",
            "liên tục",
        ];
        let mut j = self.phrase(i, hi, "thực hiện").unwrap_or(i);
        let mut continuous = false;
        if let Some(k) = self.any_phrase(j, hi, CONT) {
            continuous = true;
            j = k;
            // "thường xuyên, liên tục"
            if self.is_punct(j, ',') {
                if let Some(k) = self.phrase(j + 1, hi, "liên tục") {
                    j = k;
                }
            }
            // "Thường xuyên (hằng năm)"
            if self.is_punct(j, '(') {
                if let Some((f, k)) = self.period(j + 1, hi) {
                    if self.is_punct(k, ')') {
                        let rec = Rec {
                            freq: Some(f),
                            continuous,
                        };
                        return Some((rec, k + 1));
                    }
                }
            }
            let sep = if self.is_punct(j, ',') || self.is_word(j, "và") {
                j + 1
            } else {
                j
            };
            if let Some((f, k)) = self.period(sep, hi) {
                return Some((
                    Rec {
                        freq: Some(f),
                        continuous,
                    },
                    k,
                ));
            }
            return Some((
                Rec {
                    freq: None,
                    continuous,
                },
                j,
            ));
        }
        let (f, mut k) = self.period(j, hi)?;
        // "hằng năm và thường xuyên"
        let sep = if self.is_punct(k, ',') || self.is_word(k, "và") {
            k + 1
        } else {
            k
        };
        if let Some(e) = self.any_phrase(sep, hi, &["thường xuyên"]) {
            continuous = true;
            k = e;
        }
        Some((
            Rec {
                freq: Some(f),
                continuous,
            },
            k,
        ))
    }

    /// `("hàng"|"hằng"|"mỗi") unit`, `"theo"? "định kỳ" [N unit ["một lần"]]`, `N unit "một lần"`.
    pub fn period(&self, i: usize, hi: usize) -> Option<((Freq, u32), usize)> {
        let unit_at = |k: usize| -> Option<Freq> {
            if k >= hi {
                return None;
            }
            let w = self.lower_word(k)?;
            [
                ("năm", Freq::Yearly),
                ("quý", Freq::Quarterly),
                ("quí", Freq::Quarterly),
                ("tháng", Freq::Monthly),
                ("tuần", Freq::Weekly),
                ("ngày", Freq::Daily),
            ]
            .into_iter()
            .find_map(|(lit, f)| (w == lit).then_some(f))
        };
        let every = |k: usize| -> Option<(Freq, usize)> {
            let k = self.any_phrase(k, hi, &["hàng", "hằng", "mỗi"])?;
            unit_at(k).map(|f| (f, k + 1))
        };
        let counted = |k: usize| -> Option<((Freq, u32), usize)> {
            let n = self.num(k, 3).filter(|&n| n >= 1)?;
            let f = unit_at(k + 1)?;
            Some((normalize(f, n), k + 2))
        };
        let once = |k: usize| -> Option<usize> {
            if self.is_punct(k, '/') && self.is_word(k + 1, "lần") && k + 1 < hi {
                return Some(k + 2);
            }
            if self.num(k, 1) == Some(1) && self.is_word(k + 1, "lần") && k + 1 < hi {
                return Some(k + 2);
            }
            self.phrase(k, hi, "một lần")
        };
        if let Some(k) = self.any_phrase(i, hi, &["theo định kỳ", "định kỳ"]) {
            if let Some((f, e)) = every(k) {
                return Some(((f, 1), e));
            }
            if let Some((f, e)) = counted(k) {
                return Some((f, once(e).unwrap_or(e)));
            }
            return Some(((Freq::Unspecified, 1), k));
        }
        if let Some((f, e)) = every(i) {
            return Some(((f, 1), e));
        }
        let (f, e) = counted(i)?;
        once(e).map(|e| (f, e))
    }

    /// "6 tháng" exactly `lo..hi`, a count of units read as a period because a period follows it
    /// in a list ("6 tháng, hằng năm": half-yearly and yearly).
    pub fn listed_period(&self, lo: usize, hi: usize) -> Option<Timeframe> {
        let n = self.num(lo, 3).filter(|&n| n >= 1)?;
        let unit = match self.lower_word(lo + 1)? {
            "năm" => Freq::Yearly,
            "quý" | "quí" => Freq::Quarterly,
            "tháng" => Freq::Monthly,
            "tuần" => Freq::Weekly,
            _ => return None,
        };
        let (freq, interval) = normalize(unit, n);
        (lo + 2 == hi).then(|| {
            self.mk(
                lo,
                hi,
                TimeframeKind::Recurring {
                    freq,
                    interval,
                    continuous: false,
                    within: None,
                    due: None,
                    season: None,
                },
            )
        })
    }

    /// The months of each year, before a yearly period: `"từ"? "tháng" M ( DASH | "đến" | "tới" )
    /// "tháng"? M2 | "tháng" M | "quý" Q`, with no year after it ("Tháng 11/2025" is a date).
    pub fn season(&self, i: usize, hi: usize) -> Option<(Season, usize)> {
        let j = self.phrase(i, hi, "từ").unwrap_or(i);
        let (season, e) = if self.is_word(j, "quý") || self.is_word(j, "quí") {
            let q = self.quarter_no(j + 1, hi)?;
            let from = q.checked_mul(3)?.checked_sub(2)?;
            (Season { from, to: from + 2 }, j + 2)
        } else {
            self.phrase(j, hi, "tháng")?;
            let from = self.month_no(j + 1, hi)?;
            let k = if self.is_dash(j + 2) {
                Some(j + 3)
            } else {
                self.any_phrase(j + 2, hi, &["đến", "tới"])
            };
            match k {
                Some(k) => {
                    let k = self.phrase(k, hi, "tháng").unwrap_or(k);
                    let to = self.month_no(k, hi)?;
                    (from <= to).then_some((Season { from, to }, k + 1))?
                }
                None => (Season { from, to: from }, j + 2),
            }
        };
        let dated =
            self.is_punct(e, '/') || self.is_word(e, "năm") && self.year(e + 1, hi).is_some();
        (!dated).then_some((season, e))
    }

    /// A due day within each period, and the period it names: "trước ngày 15/12" (yearly),
    /// "trước ngày 20 tháng cuối quý" (quarterly), "chậm nhất ngày 5" (monthly).
    ///
    /// `due = ( "trước" | "chậm nhất" ( "là" | "vào" )? | "đến" | "vào" ) ( "ngày" DAY ( "/" MONTH
    /// | "tháng" MONTH | "tháng" ( "đầu" | "cuối" ) ( "quý" | "năm" ) )? | DAY "/" MONTH )` with no
    /// year after it (a dated day is a deadline, not a due day).
    pub fn due(&self, i: usize, hi: usize) -> Option<(Due, Freq, usize)> {
        let (inclusive, k) = if let Some(k) = self.phrase(i, hi, "trước") {
            (false, k)
        } else {
            let k = self.any_phrase(
                i,
                hi,
                &["chậm nhất là", "chậm nhất vào", "chậm nhất", "đến", "vào"],
            )?;
            (true, k)
        };
        let ngay = self.phrase(k, hi, "ngày");
        let k = ngay.unwrap_or(k);
        let day = self.day_no(k, hi)?;
        let due = |month: Option<u8>| Due {
            day,
            month,
            inclusive,
        };
        let fits = |m: u8| {
            MONTH_DAYS
                .get(usize::from(m).saturating_sub(1))
                .is_some_and(|&n| day <= n)
        };
        if self.is_punct(k + 1, '/') {
            let m = self.month_no(k + 2, hi)?;
            if self.is_punct(k + 3, '/') || !fits(m) {
                return None;
            }
            return Some((due(Some(m)), Freq::Yearly, k + 3));
        }
        ngay?;
        // "trước ngày 20 của tháng cuối quý"
        let j = self.phrase(k + 1, hi, "của").unwrap_or(k + 1);
        for (words, month, freq) in [
            ("tháng cuối quý", 3, Freq::Quarterly),
            ("tháng đầu quý", 1, Freq::Quarterly),
            ("tháng cuối năm", 12, Freq::Yearly),
            ("tháng đầu năm", 1, Freq::Yearly),
        ] {
            if let Some(e) = self.phrase(j, hi, words) {
                // The shortest month a quarter starts or ends with has 30 days.
                return (day <= 30 || freq == Freq::Yearly).then_some((due(Some(month)), freq, e));
            }
        }
        if self.is_word(j, "tháng") {
            let m = self.month_no(j + 1, hi)?;
            let dated = self.is_punct(j + 2, '/') || self.is_word(j + 2, "năm");
            return (!dated && fits(m)).then_some((due(Some(m)), Freq::Yearly, j + 2));
        }
        (j == k + 1).then_some((due(None), Freq::Monthly, j))
    }

    /// A due day after a recurrence `rec` ending at `j`: ", trước ngày 15/12", "(trước ngày
    /// 15/12)". Returns the due day (when one fits the recurrence) and where it ends.
    pub fn due_after(&self, rec: &Rec, j: usize, hi: usize) -> (Option<Due>, usize) {
        let (open, k) = if self.is_punct(j, '(') {
            (true, j + 1)
        } else if self.is_punct(j, ',') || self.is_punct(j, ';') {
            (false, j + 1)
        } else {
            (false, j)
        };
        let Some((due, freq, e)) = self.due(k, hi) else {
            return (None, j);
        };
        if !fits_recurrence(rec, freq) {
            return (None, j);
        }
        match (open, self.is_punct(e, ')')) {
            (true, true) => (Some(due), e + 1),
            (false, _) => (Some(due), e),
            (true, false) => (None, j),
        }
    }
}

/// True when a due day naming `freq` fits the recurrence: the same period, every period.
pub(crate) fn fits_recurrence(rec: &Rec, freq: Freq) -> bool {
    rec.freq == Some((freq, 1))
}

/// Canonical frequency for "every `n` units": 6 months is half-yearly, 3 months quarterly, 12
/// months yearly (so each recurrence has one form).
pub(crate) fn normalize(unit: Freq, n: u32) -> (Freq, u32) {
    match unit {
        Freq::Monthly if n % 12 == 0 => (Freq::Yearly, n / 12),
        Freq::Monthly if n % 6 == 0 => (Freq::HalfYearly, n / 6),
        Freq::Monthly if n % 3 == 0 => (Freq::Quarterly, n / 3),
        Freq::Quarterly if n % 4 == 0 => (Freq::Yearly, n / 4),
        Freq::Quarterly if n % 2 == 0 => (Freq::HalfYearly, n / 2),
        f => (f, n),
    }
}
