//! iCalendar (RFC 5545): one VTODO per task, one VEVENT per review.
//!
//! A small writer rather than the `icalendar` crate: that crate pulls `chrono` with its clock and
//! `wasmbind` features and `uuid` with `js` on wasm32 (wasm-bindgen in the core crate, which the
//! design keeps out), and it writes `DTSTAMP` from the clock and a random `UID` when they are
//! missing. What we need is two functions — [`escape_text`] and [`fold_line`] — and a dozen
//! properties; the output is read back by an independent parser (the `ical` crate) in the tests.
//!
//! # Mapping
//!
//! - `UID` is the task's eid; `DTSTAMP` is the as-of date at 00:00 UTC (the core never reads the
//!   clock, so the same input gives the same file).
//! - `DTSTART`/`DUE` (`VALUE=DATE`) are the task's window, `DUE` its last day; an open end has no
//!   `DUE`, a conditional or unscheduled task neither.
//! - A recurring task: `DTSTART`/`DUE` are its first occurrence (the calendar period containing the
//!   window's start: for "hàng năm" the calendar year) and `RRULE` repeats it (`FREQ=YEARLY;
//!   UNTIL=20301231`, `UNTIL` from the window's end, assumed or stated).
//! - `CATEGORIES` lists the lead agencies as the plan names them; `X-KEHOACH-RESPONSIBLE` the
//!   agencies responsible on the as-of date.
//! - `STATUS`: done → `COMPLETED` (with `COMPLETED` = the report's date), dropped → `CANCELLED`,
//!   running → `IN-PROCESS`, otherwise `NEEDS-ACTION`; `X-KEHOACH-STATUS` carries the schedule's
//!   status (`overdue`, …).
//! - Reviews are all-day `VEVENT`s (`DTEND` the next day, exclusive), UID `review-<kind>-<date>`.

use crate::schedule::{Review, Schedule, ScheduledTask, Status};
use crate::{Date, Plan};

/// Escapes a TEXT value (RFC 5545 §3.3.11): `\` → `\\`, `;` → `\;`, `,` → `\,`, a line break
/// (`\n`, `\r\n` or `\r`) → `\n`; other control characters (not allowed in TEXT) are dropped,
/// a tab is kept.
///
/// ```
/// use kehoach::export::ics::escape_text;
/// assert_eq!(escape_text("Sở A, Sở B; xem\\ghi chú\r\ndòng 2"), "Sở A\\, Sở B\\; xem\\\\ghi chú\\ndòng 2");
/// ```
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_chars(s, |c| out.push(c));
    out
}

/// The chars of `s` escaped as a TEXT value (see [`escape_text`]), one by one to `emit`.
fn escape_chars(s: &str, mut emit: impl FnMut(char)) {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let escaped = match c {
            '\\' => '\\',
            ';' => ';',
            ',' => ',',
            '\n' => 'n',
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                'n'
            }
            '\t' => {
                emit('\t');
                continue;
            }
            c if c.is_control() => continue,
            c => {
                emit(c);
                continue;
            }
        };
        emit('\\');
        emit(escaped);
    }
}

/// Folds a content line (RFC 5545 §3.1): lines longer than 75 octets are split, at character
/// boundaries, into lines of at most 75 octets (excluding CRLF), each continuation starting with a
/// space. Returns the line with its CRLF.
///
/// ```
/// use kehoach::export::ics::fold_line;
/// let line = format!("SUMMARY:{}", "Kế hoạch ".repeat(12));
/// let folded = fold_line(&line);
/// assert!(folded.split("\r\n").all(|l| l.len() <= 75));
/// assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
/// ```
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut l = Line::new(&mut out);
    l.push_str(line);
    l.end();
    out
}

/// Bytes that may start something other than a plain char in a TEXT value: the four escapes,
/// the C0 controls but tab, DEL, and 0xC2 (the lead byte of the C1 controls U+0080–U+009F).
#[allow(clippy::indexing_slicing)] // const evaluation, i < 256: an out-of-range index fails the build
const MAY_ESCAPE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = matches!(b, b'\\' | b';' | b',' | b'\n' | b'\r' | 0x7F | 0xC2)
            || (b < 0x20 && b != b'\t');
        i += 1;
    }
    t
};

/// Octets of a content line before it is folded.
const FOLD_AT: usize = 75;

/// One content line being written into the output, folded as it goes (see [`fold_line`]):
/// values are escaped and folded in place, without a string per property.
struct Line<'a> {
    out: &'a mut String,
    /// Octets on the current physical line.
    width: usize,
}

impl<'a> Line<'a> {
    fn new(out: &'a mut String) -> Self {
        Line { out, width: 0 }
    }

    fn push(&mut self, c: char) {
        let n = c.len_utf8();
        if self.width + n > FOLD_AT {
            self.out.push_str("\r\n ");
            self.width = 1;
        }
        self.out.push(c);
        self.width += n;
    }

    /// `s` as is, folded where a char would pass [`FOLD_AT`] octets (same places as pushing
    /// each char with [`Line::push`], but a run at a time).
    fn push_str(&mut self, mut s: &str) {
        loop {
            let room = FOLD_AT.saturating_sub(self.width);
            if s.len() <= room {
                self.out.push_str(s);
                self.width += s.len();
                return;
            }
            let mut cut = room;
            while !s.is_char_boundary(cut) {
                cut -= 1;
            }
            let (head, rest) = s.split_at(cut);
            self.out.push_str(head);
            self.out.push_str("\r\n ");
            self.width = 1;
            s = rest;
        }
    }

    /// `s` escaped as a TEXT value ([`escape_text`]) and folded: runs of chars that need no
    /// escape are copied at once (the char-by-char writer was half of the export's time), found
    /// with a byte table.
    fn push_escaped(&mut self, s: &str) {
        let bytes = s.as_bytes();
        let (mut run, mut i) = (0, 0);
        while let Some(p) = bytes.get(i..).and_then(|r| {
            r.iter()
                .position(|&b| MAY_ESCAPE.get(usize::from(b)) == Some(&true))
        }) {
            i += p;
            let b = bytes.get(i).copied().unwrap_or_default();
            // C1 controls are U+0080–U+009F = C2 80–9F; other chars starting C2 are plain.
            let c1 = b == 0xC2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n));
            if b == 0xC2 && !c1 {
                i += 1;
                continue;
            }
            self.push_str(s.get(run..i).unwrap_or_default());
            i += if c1 { 2 } else { 1 };
            match b {
                b'\\' | b';' | b',' => {
                    self.push('\\');
                    self.push(char::from(b));
                }
                b'\n' => {
                    self.push('\\');
                    self.push('n');
                }
                b'\r' => {
                    if bytes.get(i) == Some(&b'\n') {
                        i += 1;
                    }
                    self.push('\\');
                    self.push('n');
                }
                _ => {} // a control char: dropped
            }
            run = i;
        }
        self.push_str(s.get(run..).unwrap_or_default());
    }

    fn end(self) {
        self.out.push_str("\r\n");
    }
}

fn ics_date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

struct Writer {
    out: String,
}

impl Writer {
    /// A property with a raw (already formatted) value.
    fn raw(&mut self, name: &str, value: &str) {
        let mut l = Line::new(&mut self.out);
        l.push_str(name);
        l.push(':');
        l.push_str(value);
        l.end();
    }

    /// A TEXT property.
    fn text(&mut self, name: &str, value: &str) {
        let mut l = Line::new(&mut self.out);
        l.push_str(name);
        l.push(':');
        l.push_escaped(value);
        l.end();
    }

    fn date(&mut self, name: &str, d: Date) {
        let mut l = Line::new(&mut self.out);
        l.push_str(name);
        l.push_str(";VALUE=DATE:");
        l.push_str(&ics_date(d));
        l.end();
    }

    /// A list of TEXT values, each escaped, joined by unescaped commas.
    fn list(&mut self, name: &str, values: &[&str]) {
        if values.is_empty() {
            return;
        }
        let mut l = Line::new(&mut self.out);
        l.push_str(name);
        l.push(':');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                l.push(',');
            }
            l.push_escaped(v);
        }
        l.end();
    }
}

fn summary(t: &ScheduledTask) -> String {
    let first = t.text.lines().next().unwrap_or_default();
    // The first 120 chars, cut at a char boundary (not collected char by char).
    match first.char_indices().nth(120) {
        Some((cut, _)) => format!("{} {}…", t.number, first.get(..cut).unwrap_or_default()),
        None => format!("{} {first}", t.number),
    }
}

fn description(t: &ScheduledTask, as_of: Date) -> String {
    let mut d = t.text.clone();
    let leads: Vec<&str> = t.leads.iter().map(|a| a.name.as_str()).collect();
    let resp: Vec<&str> = t.responsible.iter().map(|a| a.name.as_str()).collect();
    d.push_str(&format!("\n\nCơ quan chủ trì: {}", leads.join("; ")));
    if resp != leads {
        d.push_str(&format!(
            "\nCơ quan chịu trách nhiệm ngày {}: {}",
            vn(as_of),
            resp.join("; ")
        ));
    }
    if let Some(tf) = &t.timeframe_text {
        d.push_str(&format!("\nThời gian thực hiện: {tf}"));
    }
    d.push_str(&format!(
        "\nTrạng thái ngày {}: {}",
        vn(as_of),
        t.status.vietnamese()
    ));
    if let Some(r) = &t.progress {
        d.push_str(&format!(
            "\nBáo cáo {}: {}{}",
            vn(r.date),
            r.status.as_str(),
            r.note.as_ref().map_or(String::new(), |n| format!(" — {n}"))
        ));
    }
    d
}

fn vn(d: Date) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

fn vtodo(w: &mut Writer, t: &ScheduledTask, stamp: &str, as_of: Date) {
    w.raw("BEGIN", "VTODO");
    w.text("UID", &t.eid);
    w.raw("DTSTAMP", stamp);
    w.text("SUMMARY", &summary(t));
    w.text("DESCRIPTION", &description(t, as_of));
    let first = match (t.recurrence, t.rrule.as_ref(), t.window.start) {
        (Some(rec), Some(_), Some(start)) => crate::schedule::status::occurrence(rec, start, 0)
            .map(|(from, to)| {
                let to = t.window.end.map_or(to, |e| to.min(e));
                (Some(from), Some(to))
            }),
        _ => None,
    };
    let (start, due) = first.unwrap_or((t.window.start, t.window.end));
    if let Some(s) = start {
        w.date("DTSTART", s);
    }
    if let Some(e) = due {
        w.date("DUE", e);
    }
    if first.is_some() {
        if let Some(r) = &t.rrule {
            w.raw("RRULE", r);
        }
    }
    let leads: Vec<&str> = t.leads.iter().map(|a| a.name.as_str()).collect();
    w.list("CATEGORIES", &leads);
    let resp: Vec<&str> = t.responsible.iter().map(|a| a.name.as_str()).collect();
    w.list("X-KEHOACH-RESPONSIBLE", &resp);
    let dropped = t.reason == Some(crate::schedule::Reason::Dropped);
    let status = match t.status {
        Status::Done => "COMPLETED",
        _ if dropped => "CANCELLED",
        Status::Active | Status::Recurring | Status::Continuous => "IN-PROCESS",
        _ => "NEEDS-ACTION",
    };
    w.raw("STATUS", status);
    if t.status == Status::Done {
        if let Some(r) = &t.progress {
            w.raw("COMPLETED", &format!("{}T000000Z", ics_date(r.date)));
        }
        w.raw("PERCENT-COMPLETE", "100");
    }
    w.text("X-KEHOACH-NUMBER", &t.number);
    w.raw("X-KEHOACH-STATUS", t.status.as_str());
    w.raw("END", "VTODO");
}

fn vevent(w: &mut Writer, r: &Review, stamp: &str, plan_name: &str) {
    w.raw("BEGIN", "VEVENT");
    w.text(
        "UID",
        &format!("review-{}-{}", r.kind.as_str(), ics_date(r.due)),
    );
    w.raw("DTSTAMP", stamp);
    w.date("DTSTART", r.due);
    if let Some(next) = r.due.next_day() {
        w.date("DTEND", next);
    }
    w.text(
        "SUMMARY",
        &format!("{} — {plan_name}", r.label(crate::Lang::Vi)),
    );
    if let Some(c) = &r.coordinator {
        w.text("DESCRIPTION", &format!("Báo cáo UBND tỉnh qua {}", c.name));
        w.list("CATEGORIES", &[c.name.as_str()]);
    }
    w.raw("TRANSP", "TRANSPARENT");
    w.raw("X-KEHOACH-REVIEW", r.kind.as_str());
    w.raw("END", "VEVENT");
}

/// The plan's name for calendar titles: "Kế hoạch 66/KH-UBND".
pub(crate) fn plan_name(plan: &Plan) -> String {
    match &plan.meta.number {
        Some(n) => format!("Kế hoạch {}", n.text),
        None => "Kế hoạch".to_string(),
    }
}

/// The schedule as an iCalendar file (CRLF line ends), rules in the module docs.
///
/// ```
/// use kehoach::{export, schedule::{schedule, ScheduleOptions}};
/// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
/// let s = schedule(&plan, &ScheduleOptions::new("2026-11-28".parse().unwrap()));
/// let ics = export::to_ics(&plan, &s);
/// assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
/// assert_eq!(ics.matches("BEGIN:VTODO").count(), 44);
/// assert!(ics.contains("UID:sec_II__para_1__point_c\r\n"));
/// assert!(ics.contains("DTSTAMP:20261128T000000Z\r\n"));
/// ```
pub fn to_ics(plan: &Plan, schedule: &Schedule) -> String {
    // Sized up front from the texts it will hold: growing a multi-megabyte string by doubling
    // copied it several times over.
    let texts: usize = schedule
        .tasks
        .iter()
        .map(|t| t.text.len() + t.timeframe_text.as_ref().map_or(0, String::len))
        .sum();
    let mut w = Writer {
        out: String::with_capacity(texts + texts / 8 + 512 * (schedule.tasks.len() + 1)),
    };
    let stamp = format!("{}T000000Z", ics_date(schedule.as_of));
    let name = plan_name(plan);
    w.raw("BEGIN", "VCALENDAR");
    w.raw("VERSION", "2.0");
    w.raw(
        "PRODID",
        concat!("-//kehoach//kehoach ", env!("CARGO_PKG_VERSION"), "//VI"),
    );
    w.raw("CALSCALE", "GREGORIAN");
    w.raw("METHOD", "PUBLISH");
    w.text("X-WR-CALNAME", &name);
    for t in &schedule.tasks {
        vtodo(&mut w, t, &stamp, schedule.as_of);
    }
    for r in &schedule.reviews {
        vevent(&mut w, r, &stamp, &name);
    }
    w.raw("END", "VCALENDAR");
    w.out
}

#[cfg(test)]
mod tests {
    use super::{FOLD_AT, Line, escape_text, fold_line};
    use proptest::prelude::*;

    /// The writer as it was before it copied runs: every char through `Line::push`, escaped
    /// by `escape_text` first. The run-at-a-time writer must give the same bytes.
    fn char_by_char(name: &str, value: &str) -> String {
        let mut out = String::new();
        let mut width = 0;
        let mut push = |c: char| {
            if width + c.len_utf8() > FOLD_AT {
                out.push_str("\r\n ");
                width = 1;
            }
            out.push(c);
            width += c.len_utf8();
        };
        name.chars().for_each(&mut push);
        escape_text(value).chars().for_each(&mut push);
        out.push_str("\r\n");
        out
    }

    fn by_runs(name: &str, value: &str) -> String {
        let mut out = String::new();
        let mut l = Line::new(&mut out);
        l.push_str(name);
        l.push_escaped(value);
        l.end();
        out
    }

    proptest! {
        #[test]
        fn runs_fold_and_escape_like_chars(
            name in "[A-Z;:=-]{0,80}",
            value in "[a-z ếễ𝔸\\\\;,\n\r\t\u{7}\u{7f}\u{80}\u{9f}\u{a0}]{0,300}",
        ) {
            prop_assert_eq!(by_runs(&name, &value), char_by_char(&name, &value));
        }
    }

    #[test]
    fn runs_fold_at_the_same_places_on_edges() {
        // A fold landing right before an escape, inside a 4-octet char, after a CRLF pair.
        for (name, value) in [
            ("SUMMARY:", format!("{};x", "a".repeat(66))),
            ("SUMMARY:", format!("{}𝔸𝔸", "a".repeat(65))),
            ("DESCRIPTION:", format!("{}\r\nb\u{85}c", "ễ".repeat(21))),
        ] {
            assert_eq!(by_runs(name, &value), char_by_char(name, &value));
        }
    }

    #[test]
    fn short_lines_are_not_folded() {
        let line = format!("SUMMARY:{}", "a".repeat(67));
        assert_eq!(line.len(), 75);
        assert_eq!(fold_line(&line), format!("{line}\r\n"));
    }

    #[test]
    fn folds_at_75_octets_then_74_plus_the_space() {
        let line = format!("SUMMARY:{}", "a".repeat(200));
        let folded = fold_line(&line);
        let parts: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0].len(), 75);
        assert_eq!(parts[1].len(), 75);
        assert!(parts[1].starts_with(' '));
        assert_eq!(parts[2].len(), 208 - 75 - 74 + 1);
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn never_splits_a_character() {
        // "ễ" is three octets: 8 + 3 × 22 = 74, the 23rd would reach 77.
        let line = format!("SUMMARY:{}", "ễ".repeat(40));
        let folded = fold_line(&line);
        let first = folded.split("\r\n").next().unwrap();
        assert_eq!(first.len(), 74);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape_text(r"a\b"), r"a\\b");
        assert_eq!(escape_text("a;b,c"), r"a\;b\,c");
        assert_eq!(escape_text("x\ny\r\nz\rw"), r"x\ny\nz\nw");
        assert_eq!(escape_text("t\tu\u{7}v"), "t\tuv");
        assert_eq!(escape_text("Sở Y tế: 50%"), "Sở Y tế: 50%");
    }
}
