//! The one-screen report and the human/CSV task listings.

use crate::Input;
use crate::args::Args;
use kehoach::document::UnitKind;
use kehoach::{Diagnostic, Lang, ParseOutput, Plan, Severity, Task, Unit};
use std::collections::HashMap;
use std::fmt::Write;

fn t(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// "ngày 18/05/2020" (vi) or "dated 2020-05-18" (en).
pub fn vn_date(d: kehoach::Date, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("ngày {:02}/{:02}/{}", d.day(), d.month(), d.year()),
        Lang::En => format!("dated {d}"),
    }
}

/// Counts of diagnostics by severity.
fn counts(ds: &[Diagnostic]) -> (usize, usize, usize) {
    let n = |s| ds.iter().filter(|d| d.severity == s).count();
    (n(Severity::Error), n(Severity::Warning), n(Severity::Info))
}

pub fn summary_line(name: &str, ds: &[Diagnostic], lang: Lang) -> String {
    let (e, w, i) = counts(ds);
    match lang {
        Lang::Vi => format!("{name}: {e} lỗi, {w} cảnh báo, {i} thông tin"),
        Lang::En => format!("{name}: {e} errors, {w} warnings, {i} infos"),
    }
}

/// `s` on one line (line breaks of table cells and wrapped text read as spaces), at most `max`
/// chars.
fn short(s: &str, max: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max * 4));
    let mut n = 0;
    for w in s.split_whitespace() {
        if n > 0 {
            if n >= max {
                out.push('…');
                return out;
            }
            out.push(' ');
            n += 1;
        }
        for c in w.chars() {
            if n >= max {
                out.push('…');
                return out;
            }
            out.push(c);
            n += 1;
        }
    }
    out
}

/// A unit's title for the report: its heading, or the text of a group row (a table row that
/// only names a group: "1 | Lập nhiệm vụ quy hoạch").
fn title_of(u: &Unit) -> &str {
    u.heading.as_ref().map_or_else(
        || u.blocks.first().map_or("", |b| b.text.as_str()),
        |h| h.text.as_str(),
    )
}

/// The main report: identity, counts, tasks grouped by section and part.
pub fn report(input: &Input, out: &ParseOutput, a: &Args, as_of: kehoach::Date) -> String {
    let lang = a.lang;
    let plan = &out.plan;
    let m = &plan.meta;
    let mut s = String::new();
    let doc_type = m.doc_type.as_ref().map_or("Văn bản", |d| d.text.as_str());
    let _ = writeln!(
        s,
        "{} {} — {}",
        doc_type,
        m.number.as_ref().map_or("(không số)", |n| n.text.as_str()),
        m.issuer.as_ref().map_or("", |i| i.text.as_str())
    );
    if let (Some(p), Some(d)) = (&m.place, m.date) {
        let _ = writeln!(s, "{}, {}", p.text, vn_date(d, lang));
    } else if let Some(d) = m.date {
        let _ = writeln!(s, "{}", vn_date(d, lang));
    }
    if let Some(title) = &m.title {
        let _ = writeln!(s, "{}", title.text);
    }
    if let Some(signer) = &m.signer {
        let pos = m.signer_position.as_ref().map_or("", |p| p.text.as_str());
        let _ = writeln!(
            s,
            "{}: {} {}",
            t(lang, "Người ký", "Signed by"),
            pos,
            signer.text
        );
    }
    let _ = writeln!(s, "{}: {}", t(lang, "Nguồn", "Source"), input.name);
    let _ = writeln!(s, "{}: {}", t(lang, "Tính đến ngày", "As of"), as_of);

    let mut sections = 0;
    let mut parts = 0;
    let mut points = 0;
    plan.walk(&mut |u| match u.kind {
        UnitKind::Section => sections += 1,
        UnitKind::Part => parts += 1,
        UnitKind::Point => points += 1,
        UnitKind::Division | UnitKind::Item => {}
    });
    let tasks = plan.tasks();
    let (e, w, i) = counts(&out.diagnostics);
    let _ = writeln!(
        s,
        "\n{}: {sections} {}, {parts} {}, {points} {}, {} {}; {}: {e} {}, {w} {}, {i} {}",
        t(lang, "Cấu trúc", "Structure"),
        t(lang, "mục", "sections"),
        t(lang, "khoản", "parts"),
        t(lang, "điểm", "points"),
        tasks.len(),
        t(lang, "nhiệm vụ", "tasks"),
        t(lang, "Chẩn đoán", "Diagnostics"),
        t(lang, "lỗi", "errors"),
        t(lang, "cảnh báo", "warnings"),
        t(lang, "thông tin", "infos"),
    );
    if plan.wrapper.is_some() {
        let _ = writeln!(
            s,
            "{}",
            t(
                lang,
                "(Văn bản sao từ trang pháp luật: phần bao ngoài đã được tách riêng.)",
                "(Copied from a legal-document website: the wrapper lines were set apart.)"
            )
        );
    }
    s.push('\n');
    s.push_str(&tasks_human(plan, &tasks, lang));
    let sched = kehoach::schedule::schedule(plan, &kehoach::schedule::ScheduleOptions::new(as_of));
    let _ = writeln!(s, "\n{}", t(lang, "TIẾN ĐỘ", "DUE"));
    s.push_str(&kehoach::schedule::render_due_section(&sched, lang, 5));
    if !out.diagnostics.is_empty() {
        let _ = writeln!(s, "\n{}", t(lang, "CHẨN ĐOÁN", "DIAGNOSTICS"));
        for d in &out.diagnostics {
            let _ = writeln!(
                s,
                "  {}:{} {} [{}] {}",
                d.span.line,
                d.span.column,
                d.severity.as_str(),
                d.code,
                d.message_in(lang)
            );
        }
    }
    s
}

/// Tasks grouped by section and part.
pub fn tasks_human(plan: &Plan, tasks: &[Task], lang: Lang) -> String {
    let mut s = String::new();
    // By element id, once: a plan of thousands of tasks is not searched per unit.
    let by_eid: HashMap<&str, &Task> = tasks.iter().map(|t| (t.eid.as_str(), t)).collect();
    let is_task = |u: &Unit| by_eid.contains_key(u.eid.as_str());
    for sec in &plan.body {
        let mut any = false;
        sec.walk(&mut |u| any |= is_task(u));
        if !any {
            continue;
        }
        // The path, not the designation: an appendix is "PL", a part letter "B".
        let title = match title_of(sec) {
            "" if sec.number.starts_with("PL") => t(lang, "Phụ lục", "Appendix"),
            other => other,
        };
        let _ = writeln!(s, "{}. {}", sec.number, short(title, 100));
        if let Some(task) = by_eid.get(sec.eid.as_str()) {
            print_task(task, lang, &mut s, 1);
        }
        print_unit_tasks(sec, &by_eid, lang, &mut s, 1);
    }
    s
}

/// One task: its number and text, lead (and who leads it now), timeframe.
fn print_task(task: &Task, lang: Lang, s: &mut String, depth: usize) {
    let lead = task
        .leads
        .as_ref()
        .map_or(t(lang, "(chưa ghi)", "(none)"), |l| l.text.as_str());
    let tf = task
        .timeframe
        .as_ref()
        .map_or(t(lang, "(chưa ghi)", "(none)"), |t| t.text.as_str());
    let indent = "  ".repeat(depth);
    let text = if task.text.is_empty() {
        task.heading.as_deref().unwrap_or("")
    } else {
        &task.text
    };
    let _ = writeln!(s, "{indent}{:<8} {}", task.number, short(text, 90));
    let _ = writeln!(
        s,
        "{indent}         {}: {}",
        t(lang, "Chủ trì", "Lead"),
        lead
    );
    if let Some(now) = task.leads.as_ref().and_then(|l| responsible_now(l, lang)) {
        let _ = writeln!(
            s,
            "{indent}         {}: {}",
            t(lang, "Nay do", "Now led by"),
            now
        );
    }
    let _ = writeln!(
        s,
        "{indent}         {}: {}",
        t(lang, "Thời gian", "When"),
        tf
    );
}

fn print_unit_tasks(
    u: &Unit,
    tasks: &HashMap<&str, &Task>,
    lang: Lang,
    s: &mut String,
    depth: usize,
) {
    for c in &u.children {
        if let Some(task) = tasks.get(c.eid.as_str()) {
            print_task(task, lang, s, depth);
            // A task's own sub-units may be tasks too (bullet groups, lettered points).
            print_unit_tasks(c, tasks, lang, s, depth + 1);
        } else if c.kind != UnitKind::Point {
            let mut any = false;
            c.walk(&mut |x| any |= tasks.contains_key(x.eid.as_str()));
            if any {
                let _ = writeln!(
                    s,
                    "{}{}. {}",
                    "  ".repeat(depth),
                    c.num,
                    short(title_of(c), 100)
                );
                print_unit_tasks(c, tasks, lang, s, depth + 1);
            }
        }
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Tasks as CSV (number, eid, lead agencies, timeframe, task).
pub fn tasks_csv(tasks: &[Task]) -> String {
    let mut s = String::from("number,eid,leads,timeframe,text\n");
    for t in tasks {
        let row = [
            t.number.as_str(),
            t.eid.as_str(),
            t.leads.as_ref().map_or("", |l| l.text.as_str()),
            t.timeframe.as_ref().map_or("", |x| x.text.as_str()),
            t.text.as_str(),
        ];
        let line: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        s.push_str(&line.join(","));
        s.push('\n');
    }
    s
}

/// "Sở Khoa học và Công nghệ (sáp nhập từ 01/03/2025)" for each agency whose duties moved.
fn responsible_now(l: &kehoach::document::Leads, lang: Lang) -> Option<String> {
    use kehoach::agency::Change;
    let mut parts = Vec::new();
    for a in &l.agencies {
        for c in a.current.as_deref().unwrap_or_default() {
            if c.change == Change::Unchanged || c.name == a.name {
                continue;
            }
            let since = c
                .since
                .map(|d| match lang {
                    Lang::Vi => format!(" từ {:02}/{:02}/{}", d.day(), d.month(), d.year()),
                    Lang::En => format!(" since {d}"),
                })
                .unwrap_or_default();
            let how = match (c.change, lang) {
                (Change::Merged, Lang::Vi) => "hợp nhất",
                (Change::Renamed, Lang::Vi) => "đổi tên",
                (Change::Split, Lang::Vi) => "tách",
                (Change::Abolished, Lang::Vi) => "giải thể",
                (other, _) => other.as_str(),
            };
            let funcs = if c.functions.is_empty() {
                String::new()
            } else {
                format!(": {}", c.functions.join(", "))
            };
            parts.push(format!(
                "{} ({}{}{}; thay {})",
                c.name, how, since, funcs, a.name
            ));
        }
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}
