//! Canonical text rendering of a plan.
//!
//! The output is the plan as a clean document: one line per header item, a blank line between
//! blocks, `- Label: value` for fields, the wrapper (if any) around it. Parsing the rendering
//! gives the same model apart from spans (`parse(render(plan)) ≡ plan`, property-tested).

use super::model::*;
use std::fmt::Write;

/// Renders a plan as canonical text.
///
/// ```
/// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
/// let text = kehoach::document::render(&plan);
/// assert!(text.contains("d) Xây dựng các cơ chế"));
/// let again = kehoach::parse(&text).plan;
/// assert_eq!(kehoach::document::content_json(&again), kehoach::document::content_json(&plan));
/// ```
pub fn render(plan: &Plan) -> String {
    let mut out = String::new();
    let w = plan.wrapper.as_ref();
    if let Some(site) = w.and_then(|w| w.site.as_ref()) {
        para(&mut out, &site.text);
    }
    let m = &plan.meta;
    if let Some(i) = &m.issuer {
        para(&mut out, &i.text);
    }
    for h in &m.header_lines {
        para(&mut out, &h.text);
    }
    if let Some(n) = &m.number {
        para(&mut out, &format!("Số: {}", n.text));
    }
    if let Some(d) = &m.date_line {
        para(&mut out, &d.text);
    }
    if let Some(t) = &m.doc_type {
        para(&mut out, &t.text);
    }
    if let Some(t) = &m.title {
        para(&mut out, &t.text);
    }
    for b in &plan.preamble {
        block(&mut out, b);
    }
    for u in &plan.body {
        unit(&mut out, u);
    }
    if !m.recipients.is_empty()
        || m.signer.is_some()
        || m.signer_position.is_some()
        || !m.closing_lines.is_empty()
    {
        para(&mut out, "Nơi nhận:");
        for r in &m.recipients {
            let _ = writeln!(out, "- {}", r.text);
        }
        out.push('\n');
    }
    if let Some(p) = &m.signer_position {
        for line in p.text.split(" / ") {
            para(&mut out, line);
        }
    }
    for l in &m.closing_lines {
        para(&mut out, &l.text);
    }
    if let Some(s) = &m.signer {
        para(&mut out, &s.text);
    }
    if let Some(w) = w {
        if let Some(h) = &w.heading {
            para(&mut out, &h.text);
        }
        if let Some(t) = &w.title {
            para(&mut out, &t.text);
        }
        for f in &w.fields {
            let _ = writeln!(out, "- {}: {}", f.label, f.value);
        }
        for o in &w.other {
            let _ = writeln!(out, "{}", o.text);
        }
    }
    out
}

fn para(out: &mut String, text: &str) {
    out.push_str(text);
    out.push_str("\n\n");
}

fn block(out: &mut String, b: &Block) {
    match b.kind {
        BlockKind::Paragraph => para(out, &b.text),
        BlockKind::Dash => para(out, &format!("- {}", b.text)),
        BlockKind::Field => {
            let label = b.label.as_deref().unwrap_or("Ghi chú");
            if b.text.is_empty() {
                para(out, &format!("- {label}:"));
            } else if let Some((first, rest)) = b.text.split_once('\n').filter(|(_, rest)| {
                rest.lines()
                    .all(|l| l.is_empty() || super::lines::dash_marker(l).is_some())
            }) {
                // A value written as bullets under its label stays so.
                para(out, &format!("- {label}:\n- {first}\n{rest}"));
            } else {
                // A value broken by a blank line (a page break) is written as it was read.
                para(out, &format!("- {label}: {}", b.text));
            }
        }
    }
}

fn unit(out: &mut String, u: &Unit) {
    unit_shallow(out, u);
    for c in &u.children {
        unit(out, c);
    }
}

/// Renders one unit with its sub-units (drafted amendments quote it).
pub(crate) fn render_unit(u: &Unit) -> String {
    let mut out = String::new();
    unit(&mut out, u);
    out
}

/// Renders one unit without its sub-units (amendments re-parse edited units from it).
pub(crate) fn render_unit_shallow(u: &Unit) -> String {
    let mut out = String::new();
    unit_shallow(&mut out, u);
    out
}

fn unit_shallow(out: &mut String, u: &Unit) {
    let marker = match u.kind {
        UnitKind::Section | UnitKind::Part => format!("{}.", u.num),
        UnitKind::Point => format!("{})", u.num),
        UnitKind::Division => division_marker(&u.num),
        UnitKind::Item => "-".to_string(),
    };
    let mut blocks = u.blocks.iter().peekable();
    match (&u.heading, u.kind) {
        // A bullet group has no line of its own: its bullets and labels are its text.
        (_, UnitKind::Item) => {}
        (Some(h), _) => para(out, &format!("{marker} {}", h.text)),
        (None, UnitKind::Point) => match blocks.peek() {
            Some(b) if b.kind == BlockKind::Paragraph => {
                para(out, &format!("{marker} {}", b.text));
                blocks.next();
            }
            _ => para(out, &marker),
        },
        (None, _) => para(out, &marker),
    }
    for b in blocks {
        block(out, b);
    }
}

/// The plan as JSON without any span: compares two plans by content.
pub fn content_json(plan: &Plan) -> serde_json::Value {
    let mut v = serde_json::to_value(plan).unwrap_or(serde_json::Value::Null);
    strip(&mut v);
    v
}

fn strip(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            map.retain(|k, _| !(k == "span" || k.ends_with("Span")));
            for (_, x) in map.iter_mut() {
                strip(x);
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
        _ => {}
    }
}

/// The heading marker of a division from its path token (`B` → "B.", `P1` → "Phần 1",
/// `C2` → "Chương 2", `PL1` → "Phụ lục 1", `PL` → "Phụ lục").
fn division_marker(num: &str) -> String {
    if let Some(n) = num.strip_prefix("PL") {
        return if n.is_empty() {
            "Phụ lục".to_string()
        } else {
            format!("Phụ lục {n}")
        };
    }
    if let Some(n) = num
        .strip_prefix('P')
        .filter(|n| n.starts_with(|c: char| c.is_ascii_digit()))
    {
        return format!("Phần {n}");
    }
    if let Some(n) = num
        .strip_prefix('C')
        .filter(|n| n.starts_with(|c: char| c.is_ascii_digit()))
    {
        return format!("Chương {n}");
    }
    format!("{num}.")
}
