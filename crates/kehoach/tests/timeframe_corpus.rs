//! The timeframe values of the layout corpus (`tests/data/corpus-timeframes.txt`, gathered from
//! `seeds/layouts/*.expected.json` by `scripts/corpus-timeframes`): each is read exactly as its
//! hand-checked reading says, a value left unread carries its diagnostic, and at least 97 % of the
//! values (distinct, and counted by occurrence) are read.
//!
//! `KEHOACH_PRINT_READINGS=1 cargo test -p kehoach --test timeframe_corpus -- --nocapture` prints
//! every value with the reading the grammar gives, for checking new values by hand.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // tests: a failed unwrap is a failed test

use kehoach::timeframe::{Basis, Freq, Point, Precision, Timeframe, TimeframeKind, parse_str};

const LIST: &str = include_str!("data/corpus-timeframes.txt");

/// "2026", "2026-H1", "2023-Q2", "2026-02", "2025-06-30".
fn point(p: &Point) -> String {
    let y = p.year;
    match p.precision() {
        Precision::Year => format!("{y}"),
        Precision::Half => format!("{y}-H{}", p.half.unwrap_or(0)),
        Precision::Quarter => format!("{y}-Q{}", p.quarter.unwrap_or(0)),
        Precision::Month => format!("{y}-{:02}", p.month.unwrap_or(0)),
        Precision::Day => format!("{y}-{:02}-{:02}", p.month.unwrap_or(0), p.day.unwrap_or(0)),
    }
}

fn freq(f: Freq) -> &'static str {
    match f {
        Freq::Yearly => "yearly",
        Freq::HalfYearly => "halfYearly",
        Freq::Quarterly => "quarterly",
        Freq::Monthly => "monthly",
        Freq::Weekly => "weekly",
        Freq::Daily => "daily",
        Freq::Unspecified => "unspecified",
    }
}

fn basis(b: &Basis) -> String {
    match b {
        Basis::Guidance { authority } => format!("guidance({authority})"),
        Basis::Practice => "practice".into(),
        Basis::OnRequest => "onRequest".into(),
        Basis::AfterEvent { event } => format!("afterEvent({event})"),
        Basis::Other { text } => format!("other({text})"),
    }
}

fn within(w: Option<&Timeframe>) -> String {
    w.map(|w| format!(" within {}", summary(w)))
        .unwrap_or_default()
}

/// The meaning of a timeframe in one line: every kind, point, period, due day and condition.
fn summary(t: &Timeframe) -> String {
    match &t.kind {
        TimeframeKind::Point { at } => format!("point {}", point(at)),
        TimeframeKind::Range { start, end } => format!("range {}..{}", point(start), point(end)),
        TimeframeKind::OpenEnded { start } => format!("open {}..", point(start)),
        TimeframeKind::Deadline { by, inclusive } => {
            format!("{} {}", if *inclusive { "by" } else { "before" }, point(by))
        }
        TimeframeKind::Recurring {
            freq: f,
            interval,
            continuous,
            within: w,
            due,
            season,
        } => {
            let mut s = format!("every {}", freq(*f));
            if let Some(season) = season {
                s.push_str(&format!(" months {}-{}", season.from, season.to));
            }
            if *interval != 1 {
                s.push_str(&format!("/{interval}"));
            }
            if *continuous {
                s.push_str(" +continuous");
            }
            if let Some(d) = due {
                let month = d.month.map(|m| format!("/{m}")).unwrap_or_default();
                let op = if d.inclusive { "<=" } else { "<" };
                s.push_str(&format!(" due {op}{}{month}", d.day));
            }
            s + &within(w.as_deref())
        }
        TimeframeKind::Continuous { within: w } => format!("continuous{}", within(w.as_deref())),
        TimeframeKind::Conditional { basis: b } => {
            let list: Vec<String> = b.iter().map(basis).collect();
            format!("cond {}", list.join(" & "))
        }
        TimeframeKind::Phased { phases } => {
            let list: Vec<String> = phases.iter().map(|p| summary(&p.when)).collect();
            format!("phased[{}]", list.join(" | "))
        }
        TimeframeKind::Horizon { period, vision } => {
            format!("horizon {} vision {}", summary(period), point(vision))
        }
        TimeframeKind::All { parts } => {
            let list: Vec<String> = parts.iter().map(summary).collect();
            format!("all[{}]", list.join(" | "))
        }
        TimeframeKind::Unrecognized {} => "unrecognized".into(),
    }
}

struct Row<'a> {
    fixtures: &'a str,
    count: usize,
    value: &'a str,
    expected: &'a str,
}

fn rows() -> Vec<Row<'static>> {
    LIST.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 4, "four columns: {l:?}");
            Row {
                fixtures: c[0],
                count: c[1].parse().unwrap(),
                value: c[2],
                expected: c[3],
            }
        })
        .collect()
}

#[test]
fn every_corpus_value_is_read_as_checked_by_hand() {
    let rows = rows();
    assert!(!rows.is_empty());
    let print = std::env::var_os("KEHOACH_PRINT_READINGS").is_some();
    let mut errors = Vec::new();
    let (mut read, mut read_occ, mut total_occ) = (0usize, 0usize, 0usize);
    for r in &rows {
        let (t, diags) = parse_str(r.value);
        let got = summary(&t);
        if print {
            println!("{}\t{}", r.value, got);
        }
        total_occ += r.count;
        if t.is_recognized() {
            read += 1;
            read_occ += r.count;
            if !diags.is_empty() {
                errors.push(format!("{:?}: read, yet diagnostics {diags:?}", r.value));
            }
        } else if diags.len() != 1 || diags[0].code != "timeframe/unrecognized" {
            errors.push(format!("{:?}: unread without its one diagnostic", r.value));
        }
        if got != r.expected {
            errors.push(format!(
                "{:?} ({}): read as `{got}`, checked by hand as `{}`",
                r.value, r.fixtures, r.expected
            ));
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b as f64;
    println!(
        "corpus timeframes: {read}/{} distinct values read ({:.1} %), {read_occ}/{total_occ} occurrences ({:.1} %), all as checked by hand",
        rows.len(),
        pct(read, rows.len()),
        pct(read_occ, total_occ)
    );
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(pct(read, rows.len()) >= 97.0, "distinct values read");
    assert!(pct(read_occ, total_occ) >= 97.0, "occurrences read");
}

#[test]
fn the_list_has_no_duplicate_value() {
    let rows = rows();
    let mut seen = std::collections::HashSet::new();
    for r in &rows {
        assert!(seen.insert(r.value), "{:?} twice", r.value);
        assert!(r.count >= 1 && !r.fixtures.is_empty(), "{:?}", r.value);
    }
}
