//! Exports to EDTF / ISO 8601-2 and to RFC 5545 RRULE, each listing what it could not express.

use super::compound::freq_words;
use super::display::{due_words, season_words};
use super::model::{Basis, Freq, Point, Precision, Timeframe, TimeframeKind};
use serde::{Deserialize, Serialize};

/// Something an export could not express.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Loss {
    /// The part that was not expressed (verbatim when known, else canonical words).
    pub text: String,
    /// Why, in English (lowercase, no final period).
    pub reason: String,
}

/// The result of an export: the value (if anything could be expressed) and what was lost.
///
/// ```
/// use kehoach::timeframe::Timeframe;
/// let t: Timeframe = "Thường xuyên hàng năm.".parse().unwrap();
/// let rrule = t.to_rrule();
/// assert_eq!(rrule.value.as_deref(), Some("FREQ=YEARLY"));
/// assert_eq!(rrule.lost[0].reason, "ongoing work between occurrences has no RRULE form");
/// let edtf = t.to_edtf();
/// assert_eq!(edtf.value, None);
/// assert!(!edtf.is_lossless());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Export {
    /// The exported string.
    pub value: Option<String>,
    /// What the value does not say.
    pub lost: Vec<Loss>,
}

impl Export {
    /// True when nothing was lost.
    pub fn is_lossless(&self) -> bool {
        self.value.is_some() && self.lost.is_empty()
    }

    fn lose(&mut self, text: impl Into<String>, reason: impl Into<String>) {
        self.lost.push(Loss {
            text: text.into(),
            reason: reason.into(),
        });
    }
}

/// EDTF of a point: `2021`, `2022-40` (first half), `2024-35` (third quarter), `2022-09`,
/// `2022-03-31`.
pub fn edtf_point(p: &Point) -> String {
    let y = p.year;
    let year = if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else {
        format!("Y{y}")
    };
    match p.precision() {
        Precision::Year => year,
        Precision::Half => format!("{year}-{}", 39 + u32::from(p.half.unwrap_or(1))),
        Precision::Quarter => format!("{year}-{}", 32 + u32::from(p.quarter.unwrap_or(1))),
        Precision::Month => format!("{year}-{:02}", p.month.unwrap_or(1)),
        Precision::Day => format!(
            "{year}-{:02}-{:02}",
            p.month.unwrap_or(1),
            p.day.unwrap_or(1)
        ),
    }
}

fn label(t: &Timeframe) -> String {
    if t.text.is_empty() {
        t.to_string()
    } else {
        t.text.as_str().to_owned()
    }
}

/// Bounds (start, end) of a time: `None` inside means open.
fn bounds(t: &Timeframe, out: &mut Export) -> Option<(Option<Point>, Option<Point>)> {
    match &t.kind {
        TimeframeKind::Point { at } => Some((Some(*at), Some(*at))),
        TimeframeKind::Range { start, end } => Some((Some(*start), Some(*end))),
        TimeframeKind::OpenEnded { start } => Some((Some(*start), None)),
        TimeframeKind::Deadline { by, inclusive } => {
            if *inclusive {
                Some((None, Some(*by)))
            } else if let Some(p) = by.pred() {
                Some((None, Some(p)))
            } else {
                out.lose(
                    label(t),
                    "the period before this deadline cannot be written",
                );
                None
            }
        }
        TimeframeKind::Recurring {
            freq,
            interval,
            within,
            continuous,
            due,
            season,
        } => {
            out.lose(
                freq_words(*freq, *interval),
                "EDTF has no recurrence: use the RRULE export",
            );
            if let Some(s) = season {
                out.lose(season_words(s), "EDTF has no months of each year");
            }
            if let Some(d) = due {
                out.lose(due_words(*freq, d), "EDTF has no day due in each period");
            }
            if *continuous {
                out.lose("thường xuyên", "EDTF cannot say the work is ongoing");
            }
            within.as_deref().and_then(|w| bounds(w, out))
        }
        TimeframeKind::Continuous { within } => {
            out.lose("thường xuyên", "EDTF cannot say the work is ongoing");
            within.as_deref().and_then(|w| bounds(w, out))
        }
        TimeframeKind::Conditional { basis } => {
            for b in basis {
                let text = match b {
                    Basis::Guidance { authority } => format!("theo hướng dẫn của {authority}"),
                    Basis::Practice => "theo thực tiễn".into(),
                    Basis::OnRequest => "khi được yêu cầu".into(),
                    Basis::AfterEvent { event } => format!("sau khi {event}"),
                    Basis::Other { text } => text.clone(),
                };
                out.lose(text, "a condition has no date");
            }
            None
        }
        TimeframeKind::Phased { phases } => {
            let mut all = Vec::new();
            for p in phases {
                if let Some(a) = &p.activity {
                    out.lose(a.clone(), "a phase's activity has no EDTF form");
                }
                for t in &p.targets {
                    out.lose(
                        format!("{} {}", t.subject, t.outcome).trim().to_string(),
                        "a phase's target has no EDTF form",
                    );
                }
                all.push(&p.when);
            }
            if all.len() > 1 {
                out.lose(label(t), "phases are merged into one interval");
            }
            hull(all, out)
        }
        TimeframeKind::Horizon { period, vision } => {
            out.lose(
                format!("tầm nhìn đến {vision}"),
                "EDTF has no vision or orientation year",
            );
            bounds(period, out)
        }
        TimeframeKind::All { parts } => {
            out.lose(label(t), "the parts are merged into one interval");
            hull(parts.iter().collect(), out)
        }
        TimeframeKind::Unrecognized {} => {
            out.lose(label(t), "the timeframe was not recognized");
            None
        }
    }
}

fn hull(parts: Vec<&Timeframe>, out: &mut Export) -> Option<(Option<Point>, Option<Point>)> {
    let mut acc: Option<(Option<Point>, Option<Point>)> = None;
    let mut open_start = false;
    let mut open_end = false;
    for p in parts {
        let Some((s, e)) = bounds(p, out) else {
            continue;
        };
        open_start |= s.is_none();
        open_end |= e.is_none();
        acc = Some(match acc {
            None => (s, e),
            Some((a, b)) => (min_opt(a, s), max_opt(b, e)),
        });
    }
    acc.map(|(s, e)| {
        (
            if open_start { None } else { s },
            if open_end { None } else { e },
        )
    })
}

fn min_opt(a: Option<Point>, b: Option<Point>) -> Option<Point> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.first_day() < a.first_day() { b } else { a }),
        (a, b) => a.or(b),
    }
}

fn max_opt(a: Option<Point>, b: Option<Point>) -> Option<Point> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.last_day() > a.last_day() { b } else { a }),
        (a, b) => a.or(b),
    }
}

impl Timeframe {
    /// EDTF (ISO 8601-2) form: `2021`, `2021/2030`, `2021/..`, `../2027`, `2024-35` (Q3).
    ///
    /// ```
    /// use kehoach::timeframe::Timeframe;
    /// let t: Timeframe = "Từ năm 2021 - 2030.".parse().unwrap();
    /// assert_eq!(t.to_edtf().value.as_deref(), Some("2021/2030"));
    /// let t: Timeframe = "Năm 2021 và những năm tiếp theo.".parse().unwrap();
    /// assert_eq!(t.to_edtf().value.as_deref(), Some("2021/.."));
    /// let t: Timeframe = "Trước năm 2026".parse().unwrap();
    /// assert!(t.to_edtf().is_lossless());
    /// assert_eq!(t.to_edtf().value.as_deref(), Some("../2025"));
    /// ```
    pub fn to_edtf(&self) -> Export {
        let mut out = Export::default();
        let b = bounds(self, &mut out);
        out.value = b.map(|(s, e)| match (s, e) {
            (Some(s), Some(e)) if s == e => edtf_point(&s),
            (s, e) => format!(
                "{}/{}",
                s.map_or_else(|| "..".to_string(), |p| edtf_point(&p)),
                e.map_or_else(|| "..".to_string(), |p| edtf_point(&p)),
            ),
        });
        out
    }

    /// RFC 5545 RRULE for a recurrence: `FREQ=YEARLY`, `FREQ=MONTHLY;INTERVAL=6`, with
    /// `UNTIL=YYYYMMDD` when the recurrence is limited. The start (DTSTART) is not part of an
    /// RRULE: it is listed as lost.
    ///
    /// ```
    /// use kehoach::timeframe::Timeframe;
    /// let t: Timeframe = "Định kỳ 6 tháng (năm 2021 - 2025)".parse().unwrap();
    /// let r = t.to_rrule();
    /// assert_eq!(r.value.as_deref(), Some("FREQ=MONTHLY;INTERVAL=6;UNTIL=20251231"));
    /// assert_eq!(r.lost[0].reason, "DTSTART 2021-01-01 belongs to the event, not the RRULE");
    /// ```
    pub fn to_rrule(&self) -> Export {
        let mut out = Export::default();
        rrule(self, &mut out, true);
        out
    }
}

fn rrule(t: &Timeframe, out: &mut Export, top: bool) {
    match &t.kind {
        TimeframeKind::Recurring {
            freq,
            interval,
            continuous,
            within,
            due,
            season,
        } if out.value.is_none() => {
            let (name, mult) = match freq {
                Freq::Yearly => ("YEARLY", 1),
                Freq::HalfYearly => ("MONTHLY", 6),
                Freq::Quarterly => ("MONTHLY", 3),
                Freq::Monthly => ("MONTHLY", 1),
                Freq::Weekly => ("WEEKLY", 1),
                Freq::Daily => ("DAILY", 1),
                Freq::Unspecified => {
                    out.lose("định kỳ", "the period of the recurrence is not stated");
                    return;
                }
            };
            let n = u64::from(*interval) * mult;
            let mut v = format!("FREQ={name}");
            if n != 1 {
                v.push_str(&format!(";INTERVAL={n}"));
            }
            if *continuous {
                out.lose(
                    "thường xuyên",
                    "ongoing work between occurrences has no RRULE form",
                );
            }
            if let Some(d) = due {
                out.lose(
                    due_words(*freq, d),
                    "the day each occurrence is due is not expressed",
                );
            }
            if let Some(s) = season {
                out.lose(season_words(s), "the months of each year are not expressed");
            }
            if let Some(w) = within {
                let r = w.resolve(crate::Date::from_time(time::Date::MIN), None);
                if let Some(win) = r.windows.first() {
                    let has_start = !matches!(w.kind, TimeframeKind::Deadline { .. });
                    if let Some(s) = win.start.filter(|_| has_start) {
                        out.lose(
                            label(w),
                            format!("DTSTART {s} belongs to the event, not the RRULE"),
                        );
                    }
                    if let Some(e) = win.end {
                        v.push_str(&format!(
                            ";UNTIL={:04}{:02}{:02}",
                            e.year(),
                            e.month(),
                            e.day()
                        ));
                    }
                }
            }
            out.value = Some(v);
        }
        TimeframeKind::All { parts } => {
            for p in parts {
                rrule(p, out, false);
            }
            if out.value.is_none() {
                out.lose(label(t), "no part is a recurrence");
            }
        }
        kind => {
            let reason = if top {
                "not a recurrence"
            } else if matches!(kind, TimeframeKind::Recurring { .. }) {
                "only one recurrence fits in an RRULE; this part is not expressed"
            } else {
                "this part is not a recurrence and is not expressed"
            };
            out.lose(label(t), reason);
        }
    }
}
