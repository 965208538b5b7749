//! rustc-style rendering of diagnostics for the terminal.

use kehoach::{Diagnostic, Lang, Severity};
use std::fmt::Write;

/// Renders one diagnostic against its source text.
pub fn render(d: &Diagnostic, source: &str, path: &str, lang: Lang) -> String {
    let mut out = String::new();
    let sev = match (d.severity, lang) {
        (Severity::Error, Lang::Vi) => "lỗi",
        (Severity::Warning, Lang::Vi) => "cảnh báo",
        (Severity::Info, Lang::Vi) => "thông tin",
        (s, Lang::En) => s.as_str(),
    };
    let _ = writeln!(out, "{sev}[{}]: {}", d.code, d.message_in(lang));
    let line_no = d.span.line.max(1);
    let _ = writeln!(out, "  --> {path}:{}:{}", line_no, d.span.column.max(1));
    if let Some(snippet) = snippet(source, d.span.start as usize, d.span.end as usize) {
        let gutter = " ".repeat(line_no.to_string().len());
        let _ = writeln!(out, "{gutter} |");
        let _ = writeln!(out, "{line_no} | {}", snippet.line);
        let _ = writeln!(
            out,
            "{gutter} | {}{}",
            " ".repeat(snippet.caret_col),
            "^".repeat(snippet.caret_len.max(1))
        );
    }
    // A moved agency's diagnostic has a label for every task that names it: pushed, not
    // formatted.
    let see = if lang == Lang::Vi {
        "   = xem "
    } else {
        "   = see "
    };
    for l in &d.labels {
        out.push_str(see);
        let _ = write!(out, "{}:{}", l.span.line, l.span.column);
        out.push_str(": ");
        out.push_str(l.message.get(lang));
        out.push('\n');
    }
    if let Some(f) = &d.fix {
        let _ = writeln!(
            out,
            "   = {}: \"{}\"",
            if lang == Lang::Vi {
                "sửa thành"
            } else {
                "fix: replace with"
            },
            f.replacement
        );
    }
    for n in &d.notes {
        let _ = writeln!(
            out,
            "   = {}: {}",
            if lang == Lang::Vi { "ghi chú" } else { "note" },
            n.get(lang)
        );
    }
    out
}

struct Snippet {
    line: String,
    caret_col: usize,
    caret_len: usize,
}

/// The line around `start`, shortened to a window of at most ~100 chars around the span.
fn snippet(source: &str, start: usize, end: usize) -> Option<Snippet> {
    let start = start.min(source.len());
    let line_start = source
        .get(..start)?
        .rfind(['\n', '\r'])
        .map_or(0, |i| i + 1);
    let line_end = source
        .get(start..)?
        .find(['\n', '\r'])
        .map_or(source.len(), |i| start + i);
    let line = source.get(line_start..line_end)?;
    let col = source.get(line_start..start)?.chars().count();
    let span_chars = source
        .get(start..end.clamp(start, line_end))
        .map_or(1, |s| s.chars().count());
    let chars: Vec<char> = line.chars().collect();
    const WIDTH: usize = 100;
    let (from, prefix) = if col > 40 { (col - 30, "…") } else { (0, "") };
    let to = (from + WIDTH).min(chars.len());
    let mut shown: String = prefix.to_string();
    shown.extend(
        chars
            .get(from..to)
            .unwrap_or(&[])
            .iter()
            .map(|c| if *c == '\t' { ' ' } else { *c }),
    );
    if to < chars.len() {
        shown.push('…');
    }
    let caret_col = col - from + prefix.chars().count();
    let caret_len = span_chars.min(to.saturating_sub(col)).max(1);
    Some(Snippet {
        line: shown,
        caret_col,
        caret_len,
    })
}
