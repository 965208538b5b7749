//! The plan's horizon: the last year it covers, used to close open ends.

use crate::Plan;
use crate::document::BlockKind;
use serde::{Deserialize, Serialize};

/// Where the horizon year came from.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum HorizonSource {
    /// Given in [`ScheduleOptions::horizon`](super::ScheduleOptions::horizon).
    Option,
    /// The title states a period ("… giai đoạn 2021-2030", "… đến năm 2030").
    Title,
    /// The latest period the plan's text states ("giai đoạn 2021 - 2030").
    StatedPeriod,
    /// The latest year any task's timeframe names explicitly.
    LatestTimeframe,
}

/// A horizon year with its source.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Horizon {
    /// The last year the plan covers.
    pub year: i32,
    /// Where it came from.
    pub source: HorizonSource,
}

/// Reads a four-digit year at the start of `s` (after spaces); returns it and the rest.
fn year_at(s: &str) -> Option<(i32, &str)> {
    let s = s.trim_start();
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    let (num, rest) = s.split_at_checked(4)?;
    Some((num.parse().ok()?, rest))
}

/// End years of "giai đoạn YYYY - YYYY" / "giai đoạn YYYY đến (năm) YYYY" in `lower` (lowercase).
fn stated_periods(lower: &str, out: &mut Vec<i32>) {
    for (i, m) in lower.match_indices("giai đoạn") {
        let Some(rest) = lower.get(i + m.len()..) else {
            continue;
        };
        let rest = rest.trim_start();
        let rest = rest.strip_prefix("từ").unwrap_or(rest);
        let rest = rest.trim_start();
        let rest = rest.strip_prefix("năm").unwrap_or(rest);
        let Some((start, rest)) = year_at(rest) else {
            continue;
        };
        let rest = rest.trim_start();
        let rest = ["-", "–", "—", "đến", "tới"]
            .iter()
            .find_map(|d| rest.strip_prefix(d));
        let Some(rest) = rest else { continue };
        let rest = rest.trim_start();
        let rest = rest.strip_prefix("năm").unwrap_or(rest);
        if let Some((end, _)) = year_at(rest) {
            if end >= start {
                out.push(end);
            }
        }
    }
}

/// Whether `text` contains "giai" in any ASCII case: a scan for 'g'/'G' and a look at the
/// three bytes after (a 4-byte window compared at every byte was a seventh of a schedule).
fn has_giai(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    // `| 0x20` maps exactly 'g' and 'G' to 'g'.
    while let Some(p) = bytes
        .get(from..)
        .and_then(|r| r.iter().position(|&b| b | 0x20 == b'g'))
    {
        let at = from + p;
        if bytes
            .get(at..at + 4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"giai"))
        {
            return true;
        }
        from = at + 1;
    }
    false
}

/// "đến năm YYYY" in `lower`: the first such year.
fn until_year(lower: &str) -> Option<i32> {
    lower
        .match_indices("đến năm")
        .find_map(|(i, m)| lower.get(i + m.len()..).and_then(year_at))
        .map(|(y, _)| y)
}

/// The plan's horizon, derived from its text (see the module docs of [`crate::schedule`](mod@crate::schedule)):
///
/// 1. a period stated in the title ("giai đoạn 2021-2030" → 2030, else "đến năm 2030");
/// 2. else the latest end of the periods the text states ("giai đoạn 2020-2025", "giai đoạn
///    2021 - 2030" in task texts → 2030; a vision "định hướng đến năm 2045" is not a period);
/// 3. else the latest year any task timeframe names explicitly (vision years excluded).
///
/// ```
/// use kehoach::schedule::{plan_horizon, HorizonSource};
/// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
/// let h = plan_horizon(&plan).unwrap();
/// assert_eq!((h.year, h.source), (2030, HorizonSource::StatedPeriod));
/// ```
pub fn plan_horizon(plan: &Plan) -> Option<Horizon> {
    if let Some(title) = &plan.meta.title {
        let lower = crate::text::lower(&title.text);
        let mut ends = Vec::new();
        stated_periods(&lower, &mut ends);
        if let Some(y) = ends.into_iter().max().or_else(|| until_year(&lower)) {
            return Some(Horizon {
                year: y,
                source: HorizonSource::Title,
            });
        }
    }
    let mut ends = Vec::new();
    // One lowercase buffer for every text.
    let mut lower = String::new();
    let mut scan = |text: &str, ends: &mut Vec<i32>| {
        // A period is "giai đoạn" and a year: other texts are not lowercased.
        if has_giai(text) && text.bytes().any(|b| b.is_ascii_digit()) {
            lower.clear();
            crate::text::push_lower(&mut lower, text);
            stated_periods(&lower, ends);
        }
    };
    for b in &plan.preamble {
        scan(&b.text, &mut ends);
    }
    plan.walk(&mut |u| {
        if let Some(h) = &u.heading {
            scan(&h.text, &mut ends);
        }
        for b in u.blocks.iter().filter(|b| b.kind != BlockKind::Field) {
            scan(&b.text, &mut ends);
        }
    });
    if let Some(y) = ends.into_iter().max() {
        return Some(Horizon {
            year: y,
            source: HorizonSource::StatedPeriod,
        });
    }
    let mut latest: Option<i32> = None;
    plan.walk(&mut |u| {
        if let Some(t) = &u.timeframe {
            t.walk(&mut |part| {
                use crate::timeframe::TimeframeKind as K;
                let y = match &part.kind {
                    K::Point { at } => Some(at.year),
                    K::Range { end, .. } => Some(end.year),
                    K::OpenEnded { start } => Some(start.year),
                    K::Deadline { by, .. } => Some(by.year),
                    _ => None,
                };
                latest = latest.max(y);
            });
        }
    });
    latest.map(|year| Horizon {
        year,
        source: HorizonSource::LatestTimeframe,
    })
}

#[cfg(test)]
mod tests {
    use super::has_giai;

    #[test]
    fn giai_in_any_case_anywhere() {
        for (t, want) in [
            ("giai đoạn 2021-2030", true),
            ("GIAI ĐOẠN", true),
            ("trong Giai", true),
            ("gia", false),
            ("ggiai", true),
            ("g", false),
            ("gIaI", true),
            ("đoạn 2021", false),
            ("", false),
        ] {
            assert_eq!(has_giai(t), want, "{t:?}");
        }
    }
}
