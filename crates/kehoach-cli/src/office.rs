//! The office documents on the command line: `export --to xlsx|docx` and `--progress` files
//! that are filled tracking workbooks.

use crate::{Fail, Outcome, has_errors};
use kehoach::Diagnostic;
use kehoach::office::{OfficeOptions, WorkbookLimits};
use kehoach::schedule::Progress;
use std::io::{self, Read, Write};

/// True for the formats this module writes.
pub fn is_office_format(to: &str) -> bool {
    matches!(to.trim().to_ascii_lowercase().as_str(), "xlsx" | "docx")
}

/// Reads `--progress PATH`: a tracking workbook (by its `.xlsx` name or its zip signature) or
/// the JSON format. A workbook is read against `tasks`; its problems are diagnostics, and a
/// file over the size limit is not read at all.
pub fn read_progress(
    path: &str,
    tasks: &[kehoach::Task],
) -> Result<(Progress, Vec<Diagnostic>), Fail> {
    let limits = WorkbookLimits::default();
    let named_xlsx = path.to_ascii_lowercase().ends_with(".xlsx");
    let bytes = if path == "-" {
        let mut b = Vec::new();
        io::stdin()
            .lock()
            .take(limits.max_file_bytes + 1)
            .read_to_end(&mut b)?;
        b
    } else {
        let meta = std::fs::metadata(path).map_err(|e| Fail::Io(format!("{path}: {e}")))?;
        if named_xlsx && meta.len() > limits.max_file_bytes {
            let d = kehoach::diagnostic::codes::office_too_large(
                "file",
                meta.len(),
                limits.max_file_bytes,
            );
            return Ok((Progress::default(), vec![d]));
        }
        std::fs::read(path).map_err(|e| Fail::Io(format!("{path}: {e}")))?
    };
    if named_xlsx || bytes.starts_with(b"PK\x03\x04") {
        let r = kehoach::office::read_tracking_workbook_with(&bytes, tasks, &limits);
        return Ok((r.progress, r.diagnostics));
    }
    let text = String::from_utf8_lossy(&bytes);
    Ok((Progress::from_json(&text)?, Vec::new()))
}

/// `export --to xlsx|docx --out FILE`: the tracking workbook or the progress report.
pub fn export(
    plan: &kehoach::Plan,
    to: &str,
    as_of: kehoach::Date,
    agency: Option<&str>,
    progress: Option<(Progress, Vec<Diagnostic>)>,
    out: Option<&str>,
    lang: kehoach::Lang,
) -> Result<Outcome, Fail> {
    let Some(out) = out else {
        return Err(Fail::Usage(format!(
            "export --to {to} writes a binary file: give --out FILE"
        )));
    };
    let mut opts = OfficeOptions::new(as_of);
    if let Some(a) = agency {
        // A name that leads nothing would give an empty document: say so instead.
        let registry = kehoach::agency::Registry::embedded();
        if plan.tasks_led_by(a, Some(as_of), registry).is_empty() {
            return Err(Fail::Usage(format!(
                "--agency: no task of the plan is led by “{a}” on {as_of} (give an agency as the plan or `kehoach tasks` names it)"
            )));
        }
        opts = opts.with_agency(a);
    }
    let mut diagnostics = Vec::new();
    if let Some((p, d)) = progress {
        opts = opts.with_progress(p);
        diagnostics = d;
    }
    let bytes = match to.trim().to_ascii_lowercase().as_str() {
        "xlsx" => kehoach::office::tracking_workbook(plan, &opts)?,
        _ => kehoach::office::progress_report(plan, &opts)?,
    };
    std::fs::write(out, bytes).map_err(|e| Fail::Io(format!("{out}: {e}")))?;
    let mut err = io::stderr().lock();
    for d in &diagnostics {
        writeln!(
            err,
            "{}: [{}] {}",
            d.severity.as_str(),
            d.code,
            d.message_in(lang)
        )?;
    }
    Ok(if has_errors(&diagnostics) {
        Outcome::InputErrors
    } else {
        Outcome::Ok
    })
}
