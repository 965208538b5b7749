//! Timeframes: reversed ranges, windows that end before the plan, overlapping phases, windows
//! beyond the plan's stated horizon.
//!
//! - `timeframe/unrecognized` and `timeframe/reversed-range` are emitted by the grammar at parse
//!   time ([`crate::timeframe::parse_timeframe`]) and are not repeated here.
//! - `timeframe/ended-before-plan`, `timeframe/phase-overlap` and `timeframe/beyond-horizon` come
//!   from [`crate::timeframe::check_against_plan`] with the plan's date and its stated horizon
//!   ([`stated_horizon`]). Without a plan date they are skipped.
//! - Recurring and continuous timeframes ("Thường xuyên hàng năm") have no end and an open end
//!   ("và những năm tiếp theo") is never beyond a horizon: they are never reported.

use super::CheckOptions;
use crate::diagnostic::Diagnostic;
use crate::document::Plan;
use crate::text::Case as _;

/// Checks every task's timeframe against the plan's date and stated horizon.
pub(super) fn check(plan: &Plan, _opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
    let Some(date) = plan.meta.date else { return };
    let horizon = stated_horizon(plan);
    plan.walk(&mut |u| {
        if let Some(tf) = &u.timeframe {
            out.extend(crate::timeframe::check_against_plan(tf, date, horizon));
        }
    });
}

/// The last year of the plan's own horizon, as its title or preamble states it: "đến năm 2025",
/// "giai đoạn 2021 - 2030", "định hướng đến năm 2045", "tầm nhìn đến năm 2045" (the latest
/// such year). `None` when the plan states none (the seed: its title names no period).
///
/// ```
/// let text = "KẾ HOẠCH\nCHUYỂN ĐỔI SỐ GIAI ĐOẠN 2021 - 2025, ĐỊNH HƯỚNG ĐẾN NĂM 2030\n\nI. MỤC TIÊU\n";
/// let plan = kehoach::parse(text).plan;
/// assert_eq!(kehoach::validate::stated_horizon(&plan), Some(2030));
/// assert_eq!(kehoach::validate::stated_horizon(&kehoach::parse(kehoach::SEED_PLAN).plan), None);
/// ```
pub fn stated_horizon(plan: &Plan) -> Option<i32> {
    let mut best: Option<i32> = None;
    let texts = plan
        .meta
        .title
        .iter()
        .map(|t| t.text.as_str())
        .chain(plan.preamble.iter().map(|b| b.text.as_str()));
    for t in texts {
        let lower = t.to_lower();
        for marker in ["đến năm", "giai đoạn", "tầm nhìn", "thời kỳ"] {
            let mut from = 0;
            while let Some(rel) = lower.get(from..).and_then(|s| s.find(marker)) {
                let at = from + rel + marker.len();
                if let Some(y) = last_year_after(&lower, at) {
                    best = Some(best.map_or(y, |b| b.max(y)));
                }
                from = at;
            }
        }
    }
    best
}

/// The year (or the second year of "YYYY - YYYY") right after `at`, skipping "năm"/"đến".
fn last_year_after(s: &str, at: usize) -> Option<i32> {
    let rest = s.get(at..)?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("đến").unwrap_or(rest).trim_start();
    let rest = rest.strip_prefix("năm").unwrap_or(rest).trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    let first: i32 = rest.get(..4)?.parse().ok()?;
    let after = rest.get(4..)?.trim_start();
    let after = after
        .strip_prefix('-')
        .or_else(|| after.strip_prefix('–'))
        .or_else(|| after.strip_prefix('—'))
        .map(str::trim_start);
    let second = after.and_then(|a| {
        (a.bytes().take_while(u8::is_ascii_digit).count() == 4)
            .then(|| a.get(..4).and_then(|y| y.parse::<i32>().ok()))
            .flatten()
    });
    let y = second.unwrap_or(first);
    (1945..=2200).contains(&y).then_some(y)
}

#[cfg(test)]
mod tests {
    use crate::validate::{CheckOptions, check_text};

    fn codes(text: &str) -> Vec<(&'static str, String)> {
        check_text(text, &CheckOptions::default())
            .diagnostics
            .into_iter()
            .filter(|d| d.code.starts_with("timeframe/"))
            .map(|d| (d.code, d.span.slice(text).unwrap_or("").to_string()))
            .collect()
    }

    const HEAD: &str = "ỦY BAN NHÂN DÂN TỈNH X\nSố: 1/KH-UBND\nX, ngày 10 tháng 3 năm 2022\nKẾ HOẠCH\nTHỰC HIỆN CHUYỂN ĐỔI SỐ GIAI ĐOẠN 2022 - 2025\n";

    #[test]
    fn ended_before_plan_and_beyond_horizon() {
        let text = format!(
            "{HEAD}I. NHIỆM VỤ\n1. Chung\na) Việc cũ.\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Năm 2020 - 2021.\nb) Việc xa.\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Năm 2023 - 2030.\n"
        );
        assert_eq!(
            codes(&text),
            [
                (
                    "timeframe/ended-before-plan",
                    "Năm 2020 - 2021.".to_string()
                ),
                ("timeframe/beyond-horizon", "Năm 2023 - 2030.".to_string())
            ]
        );
    }

    #[test]
    fn clean_windows_and_open_ends_pass() {
        let text = format!(
            "{HEAD}I. NHIỆM VỤ\n1. Chung\na) Việc.\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Năm 2022 - 2025.\nb) Việc.\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Năm 2023 và những năm tiếp theo.\nc) Việc.\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Thường xuyên hàng năm.\n"
        );
        assert!(codes(&text).is_empty());
    }

    #[test]
    fn overlapping_phases_are_reported_but_a_shared_boundary_year_is_not() {
        let text = format!(
            "{HEAD}I. NHIỆM VỤ\n1. Chung\na) Việc.\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Năm 2022 - 2024: Xây dựng. Năm 2023 - 2025: Triển khai.\nb) Việc.\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Năm 2022 - 2023: Xây dựng. Năm 2023 - 2025: Triển khai.\n"
        );
        let c = codes(&text);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, "timeframe/phase-overlap");
        // Located at the phase that overlaps its predecessor.
        assert_eq!(c[0].1, "Năm 2023 - 2025", "{c:?}");
        assert!(text.find("Năm 2023 - 2025").unwrap() < text.find("b) Việc").unwrap());
    }

    #[test]
    fn reversed_range_comes_from_the_grammar_once() {
        let text = format!(
            "{HEAD}I. NHIỆM VỤ\n1. Chung\na) Việc.\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Năm 2025 - 2022.\n"
        );
        let c = codes(&text);
        assert_eq!(
            c.iter()
                .filter(|(c, _)| *c == "timeframe/reversed-range")
                .count(),
            1,
            "{c:?}"
        );
    }
}
