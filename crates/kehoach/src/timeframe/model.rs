//! The timeframe model: [`Timeframe`], its [`TimeframeKind`]s and calendar [`Point`]s.

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

/// A calendar point: a year, optionally narrowed to a half, a quarter, a month or a day.
///
/// Serialized as `{ "year": 2021 }` plus at most one of `"half"`, `"quarter"`, `"month"` (with
/// an optional `"day"`), and the optional `"span"` of the words it was read from.
///
/// Equality, ordering and hashing compare the calendar value only: the span is provenance.
///
/// ```
/// use kehoach::timeframe::Point;
/// let q3 = Point::quarter(2024, 3);
/// assert_eq!(serde_json::to_string(&q3).unwrap(), r#"{"year":2024,"quarter":3}"#);
/// assert_eq!(q3.first_day().unwrap().to_string(), "2024-07-01");
/// assert_eq!(q3.last_day().unwrap().to_string(), "2024-09-30");
/// ```
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Point {
    /// The year.
    pub year: i32,
    /// 1 or 2: first ("6 tháng đầu năm") or second ("6 tháng cuối năm") half.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub half: Option<u8>,
    /// 1..=4 ("Quý III/2024" is 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarter: Option<u8>,
    /// 1..=12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// 1..=31, only with a month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
    /// Where the point was written, when it was parsed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// How precise a [`Point`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// A whole year.
    Year,
    /// A half year.
    Half,
    /// A quarter.
    Quarter,
    /// A month.
    Month,
    /// A day.
    Day,
}

impl Point {
    /// A whole year.
    pub fn year(year: i32) -> Self {
        Point {
            year,
            ..Point::default()
        }
    }

    /// A half year (`half` 1 or 2).
    pub fn half(year: i32, half: u8) -> Self {
        Point {
            half: Some(half),
            ..Point::year(year)
        }
    }

    /// A quarter (`quarter` 1..=4).
    pub fn quarter(year: i32, quarter: u8) -> Self {
        Point {
            quarter: Some(quarter),
            ..Point::year(year)
        }
    }

    /// A month (`month` 1..=12).
    pub fn month(year: i32, month: u8) -> Self {
        Point {
            month: Some(month),
            ..Point::year(year)
        }
    }

    /// A day.
    pub fn day(year: i32, month: u8, day: u8) -> Self {
        Point {
            month: Some(month),
            day: Some(day),
            ..Point::year(year)
        }
    }

    /// The same point with a span.
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// How precise the point is.
    pub fn precision(&self) -> Precision {
        match (self.half, self.quarter, self.month, self.day) {
            (_, _, Some(_), Some(_)) => Precision::Day,
            (_, _, Some(_), None) => Precision::Month,
            (_, Some(_), _, _) => Precision::Quarter,
            (Some(_), _, _, _) => Precision::Half,
            _ => Precision::Year,
        }
    }

    /// True when the fields are in range, at most one unit is set and the day exists.
    pub fn is_valid(&self) -> bool {
        let units = usize::from(self.half.is_some())
            + usize::from(self.quarter.is_some())
            + usize::from(self.month.is_some());
        units <= 1
            && self.half.is_none_or(|h| (1..=2).contains(&h))
            && self.quarter.is_none_or(|q| (1..=4).contains(&q))
            && self.month.is_none_or(|m| (1..=12).contains(&m))
            && (self.day.is_none() || self.month.is_some())
            && self.first_day().is_some()
    }

    /// First month (1..=12) the point covers.
    fn first_month(&self) -> u8 {
        match (self.half, self.quarter, self.month) {
            (_, _, Some(m)) => m,
            (_, Some(q), _) => q.saturating_sub(1).saturating_mul(3).saturating_add(1),
            (Some(h), _, _) => h.saturating_sub(1).saturating_mul(6).saturating_add(1),
            _ => 1,
        }
    }

    /// Last month (1..=12) the point covers.
    fn last_month(&self) -> u8 {
        match (self.half, self.quarter, self.month) {
            (_, _, Some(m)) => m,
            (_, Some(q), _) => q.saturating_mul(3),
            (Some(h), _, _) => h.saturating_mul(6),
            _ => 12,
        }
    }

    /// The first day the point covers (`None` if it does not exist).
    pub fn first_day(&self) -> Option<crate::Date> {
        let m = self.first_month();
        crate::Date::from_ymd(self.year, m, self.day.unwrap_or(1)).ok()
    }

    /// The last day the point covers (`None` if it does not exist).
    pub fn last_day(&self) -> Option<crate::Date> {
        match self.day {
            Some(d) => crate::Date::from_ymd(self.year, self.last_month(), d).ok(),
            None => crate::Date::last_of_month(self.year, self.last_month()),
        }
    }

    /// The point just before this one at the same precision (2026 → 2025, Q1/2026 → Q4/2025).
    pub fn pred(&self) -> Option<Point> {
        let y = self.year.checked_sub(1)?;
        let p = match (self.precision(), self.half, self.quarter, self.month) {
            (Precision::Year, ..) => Point::year(y),
            (Precision::Half, Some(1), ..) => Point::half(y, 2),
            (Precision::Half, Some(h), ..) => Point::half(self.year, h.checked_sub(1)?),
            (Precision::Quarter, _, Some(1), _) => Point::quarter(y, 4),
            (Precision::Quarter, _, Some(q), _) => Point::quarter(self.year, q.checked_sub(1)?),
            (Precision::Month, _, _, Some(1)) => Point::month(y, 12),
            (Precision::Month, _, _, Some(m)) => Point::month(self.year, m.checked_sub(1)?),
            (Precision::Day, ..) => {
                let d = self.first_day()?.previous_day()?;
                Point::day(d.year(), d.month(), d.day())
            }
            _ => return None,
        };
        Some(p)
    }

    fn key(&self) -> (i32, Option<u8>, Option<u8>, Option<u8>, Option<u8>) {
        (self.year, self.half, self.quarter, self.month, self.day)
    }
}

impl PartialEq for Point {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Point {}

impl Hash for Point {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl PartialOrd for Point {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Point {
    /// By first day, then by last day (a quarter sorts before the whole year it starts).
    fn cmp(&self, other: &Self) -> Ordering {
        (self.first_day(), self.last_day(), self.key()).cmp(&(
            other.first_day(),
            other.last_day(),
            other.key(),
        ))
    }
}

/// How often a recurring task repeats.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Freq {
    /// "hằng năm", "định kỳ 2 năm".
    Yearly,
    /// "định kỳ 6 tháng", "6 tháng một lần".
    HalfYearly,
    /// "hằng quý".
    Quarterly,
    /// "hằng tháng", "định kỳ 2 tháng".
    Monthly,
    /// "hằng tuần".
    Weekly,
    /// "hằng ngày".
    Daily,
    /// "định kỳ" with no period.
    Unspecified,
}

/// When each occurrence of a recurrence is due, relative to its period: "trước ngày 15/12 hằng
/// năm" is `{ "day": 15, "month": 12, "inclusive": false }` of a yearly recurrence, "trước ngày 20
/// tháng cuối quý" is `{ "day": 20, "month": 3, "inclusive": false }` of a quarterly one.
///
/// ```
/// use kehoach::timeframe::{Due, Freq, Timeframe, TimeframeKind};
/// let t: Timeframe = "Trước ngày 20 tháng cuối quý".parse().unwrap();
/// let TimeframeKind::Recurring { freq, due, .. } = t.kind else { panic!() };
/// assert_eq!(freq, Freq::Quarterly);
/// assert_eq!(due, Some(Due { day: 20, month: Some(3), inclusive: false }));
/// ```
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Due {
    /// Day of the month, 1..=31.
    pub day: u8,
    /// Month within each period, 1-based: of the year for a yearly recurrence (12 is December),
    /// of the quarter for a quarterly one (3 is its last month); `None` for a monthly one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// False for "trước" (due before that day), true for "chậm nhất", "đến" (that day included).
    pub inclusive: bool,
}

/// The months of each year a yearly recurrence runs in: "Từ tháng 3 đến tháng 11 hằng năm" is
/// `{ "from": 3, "to": 11 }`, "Quý IV hằng năm" `{ "from": 10, "to": 12 }`.
///
/// ```
/// use kehoach::timeframe::{Freq, Season, Timeframe, TimeframeKind};
/// let t: Timeframe = "Từ tháng 3 đến tháng 11 hàng năm".parse().unwrap();
/// let TimeframeKind::Recurring { freq, season, .. } = t.kind else { panic!() };
/// assert_eq!((freq, season), (Freq::Yearly, Some(Season { from: 3, to: 11 })));
/// ```
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Season {
    /// First month, 1..=12.
    pub from: u8,
    /// Last month (included), `from..=12`.
    pub to: u8,
}

/// Why a conditional timeframe has no date: what it depends on.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    try_from = "super::wire::BasisWire"
)]
pub enum Basis {
    /// "theo hướng dẫn của …": awaits guidance (`authority` empty when none is named).
    Guidance {
        /// The body whose guidance is awaited, as written.
        authority: String,
    },
    /// "theo thực tiễn", "theo tình hình thực tế".
    Practice,
    /// "khi được yêu cầu", "khi có yêu cầu", "theo yêu cầu".
    OnRequest,
    /// "sau khi …" (an event).
    AfterEvent {
        /// The event, as written ("Đề án được phê duyệt").
        event: String,
    },
    /// Any other condition ("theo chỉ đạo của UBND tỉnh"), verbatim.
    Other {
        /// The condition as written.
        text: String,
    },
}

/// A quantified target of a phase: "80% trường THPT được tổ chức dạy thí điểm".
#[cfg_attr(
    feature = "ts",
    derive(tsify::Tsify),
    tsify(rename = "TimeframeTarget")
)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    /// The percentage (80 for "80%").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<f64>,
    /// A quantifier word instead of a percentage ("tất cả", "100%" is a percent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantifier: Option<String>,
    /// What is counted ("trường THPT").
    pub subject: String,
    /// What must be true of it ("được tổ chức dạy thí điểm"); empty when not separable.
    pub outcome: String,
}

/// One phase of a phased timeframe: "Năm 2022 - 2024: Xây dựng quy hoạch".
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Phase {
    /// When the phase runs.
    pub when: Timeframe,
    /// What is done, as written (the clauses that are not targets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    /// Quantified targets.
    #[serde(default)]
    #[cfg_attr(feature = "ts", tsify(type = "TimeframeTarget[]"))]
    pub targets: Vec<Target>,
}

/// The kinds of timeframe (the `"kind"` tag of the JSON).
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum TimeframeKind {
    /// One point: "Năm 2021.", "Quý III/2024", "4/2024".
    Point {
        /// The point.
        at: Point,
    },
    /// An inclusive range: "Từ năm 2021 - 2030.".
    Range {
        /// First point (included).
        start: Point,
        /// Last point (included).
        end: Point,
    },
    /// From a point on, no end: "Năm 2020 và những năm tiếp theo.".
    OpenEnded {
        /// First point.
        start: Point,
    },
    /// By a point: "Trước ngày 30/6/2021" (exclusive), "Đến năm 2025" (inclusive).
    Deadline {
        /// The deadline.
        by: Point,
        /// True when the point itself is still in time ("đến", "trong"), false for "trước".
        inclusive: bool,
    },
    /// Repeats: "Thường xuyên hàng năm.", "Định kỳ 6 tháng".
    Recurring {
        /// How often.
        freq: Freq,
        /// Every `interval` periods (1 = every period).
        interval: u32,
        /// Also "thường xuyên" (ongoing between occurrences).
        continuous: bool,
        /// Limited to this timeframe.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        within: Option<Box<Timeframe>>,
        /// When each occurrence is due: "trước ngày 15/12" (of each year).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<Due>,
        /// The months of each year it runs in: "Từ tháng 3 đến tháng 11 hằng năm".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        season: Option<Season>,
    },
    /// Ongoing: "Thường xuyên.".
    Continuous {
        /// Limited to this timeframe.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        within: Option<Box<Timeframe>>,
    },
    /// No date: depends on guidance, practice, a request or an event.
    Conditional {
        /// What it depends on (all of them).
        basis: Vec<Basis>,
    },
    /// Successive phases, each with its activity and targets.
    Phased {
        /// The phases in the order written.
        phases: Vec<Phase>,
    },
    /// A period with a longer vision: "giai đoạn 2021-2030, định hướng đến năm 2045".
    Horizon {
        /// The period itself.
        period: Box<Timeframe>,
        /// The vision ("định hướng"/"tầm nhìn") year.
        vision: Point,
    },
    /// Several timeframes together: "Tháng 6/2022 và thường xuyên.".
    All {
        /// The parts in the order written.
        parts: Vec<Timeframe>,
    },
    /// Not understood: kept verbatim, never guessed (always with a diagnostic).
    Unrecognized {},
}

/// A parsed timeframe: its verbatim text, where it was written, and what it means.
///
/// ```
/// use kehoach::timeframe::{Point, Timeframe, TimeframeKind};
/// let t: Timeframe = "Năm 2021 và những năm tiếp theo.".parse().unwrap();
/// assert_eq!(t.kind, TimeframeKind::OpenEnded { start: Point::year(2021) });
/// let json = serde_json::to_value(&t).unwrap();
/// assert_eq!(json["kind"], "openEnded");
/// assert_eq!(json["start"]["year"], 2021);
/// assert_eq!(serde_json::from_value::<Timeframe>(json).unwrap(), t);
/// ```
// TypeScript: an intersection, since an interface cannot extend the `kind`-tagged union.
#[cfg_attr(
    feature = "ts",
    derive(tsify::Tsify),
    tsify(type = "{ text: string; span: Span } & TimeframeKind")
)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "super::wire::TimeframeWire")]
pub struct Timeframe {
    /// The text exactly as written (for nested parts: the slice they were read from).
    pub text: compact_str::CompactString,
    /// What it means.
    #[serde(flatten)]
    pub kind: TimeframeKind,
    /// Where it was written.
    #[serde(default)]
    pub span: Span,
}

impl Timeframe {
    /// A timeframe of `kind` with no text or span (for building values by hand).
    pub fn new(kind: TimeframeKind) -> Self {
        Timeframe {
            text: compact_str::CompactString::default(),
            kind,
            span: Span::default(),
        }
    }

    /// The `"kind"` tag: `point`, `range`, …, `unrecognized`.
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            TimeframeKind::Point { .. } => "point",
            TimeframeKind::Range { .. } => "range",
            TimeframeKind::OpenEnded { .. } => "openEnded",
            TimeframeKind::Deadline { .. } => "deadline",
            TimeframeKind::Recurring { .. } => "recurring",
            TimeframeKind::Continuous { .. } => "continuous",
            TimeframeKind::Conditional { .. } => "conditional",
            TimeframeKind::Phased { .. } => "phased",
            TimeframeKind::Horizon { .. } => "horizon",
            TimeframeKind::All { .. } => "all",
            TimeframeKind::Unrecognized {} => "unrecognized",
        }
    }

    /// True unless the kind is `unrecognized`.
    pub fn is_recognized(&self) -> bool {
        !matches!(self.kind, TimeframeKind::Unrecognized {})
    }

    /// The meaning only: the same timeframe with every text and span (of nested parts and
    /// points too) cleared. Two timeframes mean the same when their `semantic()` are equal.
    pub fn semantic(&self) -> Timeframe {
        let mut t = self.clone();
        t.clear_provenance();
        t
    }

    /// True when both timeframes mean the same (texts and spans ignored).
    pub fn same_meaning(&self, other: &Timeframe) -> bool {
        self.semantic() == other.semantic()
    }

    fn clear_provenance(&mut self) {
        self.text.clear();
        self.span = Span::default();
        let clear = |p: &mut Point| p.span = None;
        match &mut self.kind {
            TimeframeKind::Point { at } => clear(at),
            TimeframeKind::Range { start, end } => {
                clear(start);
                clear(end);
            }
            TimeframeKind::OpenEnded { start } => clear(start),
            TimeframeKind::Deadline { by, .. } => clear(by),
            TimeframeKind::Recurring { within, .. } | TimeframeKind::Continuous { within } => {
                if let Some(w) = within {
                    w.clear_provenance();
                }
            }
            TimeframeKind::Conditional { .. } | TimeframeKind::Unrecognized {} => {}
            TimeframeKind::Phased { phases } => {
                for p in phases {
                    p.when.clear_provenance();
                }
            }
            TimeframeKind::Horizon { period, vision } => {
                period.clear_provenance();
                clear(vision);
            }
            TimeframeKind::All { parts } => {
                for p in parts {
                    p.clear_provenance();
                }
            }
        }
    }

    /// Every nested timeframe, depth first, starting with `self`.
    pub fn walk(&self, f: &mut dyn FnMut(&Timeframe)) {
        f(self);
        match &self.kind {
            TimeframeKind::Recurring {
                within: Some(w), ..
            }
            | TimeframeKind::Continuous { within: Some(w) } => w.walk(f),
            TimeframeKind::Phased { phases } => {
                for p in phases {
                    p.when.walk(f);
                }
            }
            TimeframeKind::Horizon { period, .. } => period.walk(f),
            TimeframeKind::All { parts } => {
                for p in parts {
                    p.walk(f);
                }
            }
            _ => {}
        }
    }
}
