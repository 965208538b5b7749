//! Canonical Vietnamese rendering (`Display`): `parse(t.to_string())` means the same as `t`.

use super::compound::freq_words;
use super::model::{
    Basis, Due, Freq, Phase, Point, Precision, Season, Target, Timeframe, TimeframeKind,
};
use crate::text::Case as _;
use std::fmt::{self, Write as _};

fn roman(q: u8) -> String {
    match q {
        1 => "I".into(),
        2 => "II".into(),
        3 => "III".into(),
        4 => "IV".into(),
        n => n.to_string(),
    }
}

impl fmt::Display for Point {
    /// "năm 2021", "6 tháng đầu năm 2022", "quý III/2024", "tháng 9/2022", "ngày 31/3/2022".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let y = self.year;
        match self.precision() {
            Precision::Year => write!(f, "năm {y}"),
            Precision::Half => {
                let which = if self.half == Some(2) {
                    "cuối"
                } else {
                    "đầu"
                };
                write!(f, "6 tháng {which} năm {y}")
            }
            Precision::Quarter => write!(f, "quý {}/{y}", roman(self.quarter.unwrap_or(0))),
            Precision::Month => write!(f, "tháng {}/{y}", self.month.unwrap_or(0)),
            Precision::Day => write!(
                f,
                "ngày {}/{}/{y}",
                self.day.unwrap_or(0),
                self.month.unwrap_or(0)
            ),
        }
    }
}

/// A due day in words: "trước ngày 15/12", "trước ngày 20 tháng cuối quý", "chậm nhất ngày 5".
pub(crate) fn due_words(freq: Freq, due: &Due) -> String {
    let head = if due.inclusive {
        "chậm nhất ngày"
    } else {
        "trước ngày"
    };
    let d = due.day;
    match (freq, due.month) {
        (_, None) => format!("{head} {d}"),
        (Freq::Quarterly, Some(3)) => format!("{head} {d} tháng cuối quý"),
        (Freq::Quarterly, Some(1)) => format!("{head} {d} tháng đầu quý"),
        (Freq::Yearly, Some(m)) => format!("{head} {d}/{m}"),
        (_, Some(m)) => format!("{head} {d} tháng thứ {m} của kỳ"),
    }
}

/// The months of a season: "tháng 11", "từ tháng 3 đến tháng 11".
pub(crate) fn season_words(s: &Season) -> String {
    if s.from == s.to {
        format!("tháng {}", s.from)
    } else {
        format!("từ tháng {} đến tháng {}", s.from, s.to)
    }
}

/// "80" for 80.0, "12,5" for 12.5 (Vietnamese decimal comma), up to six decimals (a value with
/// more, which no parsed text gives, is rounded to six). Integer arithmetic rather than `{p}`:
/// float formatting is 14 KB of the wasm module (issue 22).
pub(crate) fn percent_text(p: f64) -> String {
    const SCALE: u64 = 1_000_000;
    if !p.is_finite() {
        return "?".into(); // not from text nor from JSON, which has no NaN or infinity
    }
    if p.abs() >= 1e12 {
        let sign = if p < 0.0 { "-" } else { "" };
        return format!("{sign}{}", p.abs() as u128);
    }
    let millionths = (p.abs() * SCALE as f64 + 0.5).floor() as u64;
    let (whole, mut frac) = (millionths / SCALE, millionths % SCALE);
    let mut out = String::new();
    if p < 0.0 && millionths != 0 {
        out.push('-');
    }
    out.push_str(&whole.to_string());
    if frac != 0 {
        let mut digits = 6;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        out.push(',');
        let f = frac.to_string();
        out.extend(std::iter::repeat_n('0', digits - f.len()));
        out.push_str(&f);
    }
    out
}

fn target(out: &mut String, t: &Target) -> fmt::Result {
    match (&t.percent, &t.quantifier) {
        (Some(p), _) => write!(out, "{}% {}", percent_text(*p), t.subject)?,
        (None, Some(q)) => write!(out, "{q} {}", t.subject)?,
        (None, None) => out.push_str(&t.subject),
    }
    if !t.outcome.is_empty() {
        out.push(' ');
        out.push_str(&t.outcome);
    }
    Ok(())
}

fn phase(out: &mut String, p: &Phase) -> fmt::Result {
    let mut head = String::new();
    render(&mut head, &p.when)?;
    capitalize_into(out, &head);
    out.push(':');
    let mut first = true;
    for clause in p.activity.iter() {
        out.push(' ');
        out.push_str(clause);
        first = false;
    }
    for t in &p.targets {
        out.push_str(if first { " " } else { "; " });
        target(out, t)?;
        first = false;
    }
    Ok(())
}

fn basis(out: &mut String, b: &Basis) {
    match b {
        Basis::Guidance { authority } if authority.is_empty() => out.push_str("theo hướng dẫn"),
        Basis::Guidance { authority } => {
            out.push_str("theo hướng dẫn của ");
            out.push_str(authority);
        }
        Basis::Practice => out.push_str("theo thực tiễn"),
        Basis::OnRequest => out.push_str("khi được yêu cầu"),
        Basis::AfterEvent { event } => {
            out.push_str("sau khi ");
            out.push_str(event);
        }
        Basis::Other { text } => out.push_str(text),
    }
}

fn within(out: &mut String, w: Option<&Timeframe>) -> fmt::Result {
    if let Some(w) = w {
        out.push_str(" (");
        render(out, w)?;
        out.push(')');
    }
    Ok(())
}

/// Renders `t` in lowercase canonical words.
fn render(out: &mut String, t: &Timeframe) -> fmt::Result {
    match &t.kind {
        TimeframeKind::Point { at } => write!(out, "{at}"),
        TimeframeKind::Range { start, end } => {
            if start.precision() == Precision::Year && end.precision() == Precision::Year {
                write!(out, "năm {} - {}", start.year, end.year)
            } else {
                write!(out, "từ {start} đến {end}")
            }
        }
        TimeframeKind::OpenEnded { start } => {
            if start.precision() == Precision::Year {
                write!(out, "năm {} và những năm tiếp theo", start.year)
            } else {
                write!(out, "từ {start} trở đi")
            }
        }
        TimeframeKind::Deadline { by, inclusive } => {
            write!(out, "{} {by}", if *inclusive { "đến" } else { "trước" })
        }
        TimeframeKind::Recurring {
            freq,
            interval,
            continuous,
            within: w,
            due,
            season,
        } => {
            if let Some(s) = season {
                out.push_str(&season_words(s));
                out.push(' ');
            }
            if *continuous {
                out.push_str("thường xuyên ");
            }
            out.push_str(&freq_words(*freq, *interval));
            // In parentheses, so that a list of parts around it stays a list.
            if let Some(d) = due {
                out.push_str(" (");
                out.push_str(&due_words(*freq, d));
                out.push(')');
            }
            within(out, w.as_deref())
        }
        TimeframeKind::Continuous { within: w } => {
            out.push_str("thường xuyên");
            within(out, w.as_deref())
        }
        TimeframeKind::Conditional { basis: list } => {
            for (i, b) in list.iter().enumerate() {
                if i > 0 {
                    out.push_str(" và ");
                }
                basis(out, b);
            }
            Ok(())
        }
        TimeframeKind::Phased { phases } => {
            for (i, p) in phases.iter().enumerate() {
                if i > 0 {
                    out.push_str(". ");
                }
                phase(out, p)?;
            }
            Ok(())
        }
        TimeframeKind::Horizon { period, vision } => {
            render(out, period)?;
            write!(out, ", tầm nhìn đến {vision}")
        }
        TimeframeKind::All { parts } => {
            let n = parts.len();
            for (i, p) in parts.iter().enumerate() {
                if i > 0 {
                    out.push_str(if i + 1 == n { " và " } else { ", " });
                }
                render(out, p)?;
            }
            Ok(())
        }
        TimeframeKind::Unrecognized {} => {
            out.push_str(&t.text);
            Ok(())
        }
    }
}

/// Appends `s` with its first letter in uppercase.
fn capitalize_into(out: &mut String, s: &str) {
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_upper());
        out.push_str(chars.as_str());
    }
}

impl fmt::Display for Timeframe {
    /// Canonical Vietnamese, starting with a capital ("Năm 2021 - 2030", "Thường xuyên hằng
    /// năm"); an unrecognized timeframe prints its text unchanged.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.is_recognized() {
            return f.write_str(&self.text);
        }
        let mut s = String::new();
        render(&mut s, self)?;
        // A verbatim condition keeps its own case.
        if let TimeframeKind::Conditional { basis } = &self.kind {
            if let Some(Basis::Other { .. }) = basis.first() {
                return f.write_str(&s);
            }
        }
        let mut out = String::with_capacity(s.len());
        capitalize_into(&mut out, &s);
        f.write_str(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::percent_text;

    #[test]
    fn percents_are_written_with_a_decimal_comma_and_no_trailing_zeros() {
        let cases = [
            (80.0, "80"),
            (12.5, "12,5"),
            (12.05, "12,05"),
            (33.333, "33,333"),
            (0.1 + 0.2, "0,3"),
            (100.0, "100"),
            (0.000_000_1, "0"),
            (-2.5, "-2,5"),
            (1e15, "1000000000000000"),
            (f64::NAN, "?"),
        ];
        for (p, want) in cases {
            assert_eq!(percent_text(p), want, "{p}");
        }
    }
}
