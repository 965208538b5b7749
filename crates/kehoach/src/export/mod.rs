//! Exports: iCalendar for calendars, CSV for spreadsheets, the canonical text, and JSON.
//!
//! [`export`] is the entry point of `kehoach export --to ics|csv|text|json` and of the wasm
//! `exportPlan`: it computes the schedule when the format needs one (ICS, CSV) and returns the
//! file's text. The CSV starts with a byte-order mark so Excel reads it as UTF-8. The office
//! documents (the tracking workbook, XLSX, and the progress report, DOCX) are binary and live in
//! `kehoach::office`, behind the `office` feature.
//!
//! ```
//! use kehoach::{export::{export, export_to, Format}, ScheduleOptions};
//! let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
//! let opts = ScheduleOptions::new("2026-11-28".parse().unwrap());
//! let ics = export(&plan, "ics", &opts).unwrap();
//! assert!(ics.contains("BEGIN:VTODO"));
//! assert_eq!(export_to(&plan, Format::Ics, &opts), ics);
//! assert_eq!(export(&plan, "xlsx", &opts).unwrap_err().code(), "invalid-option");
//! ```

mod csv;
pub mod ics;

pub use self::csv::{BOM, header as csv_header, to_csv};
pub use ics::to_ics;

use crate::Plan;
use crate::error::Error;
use crate::schedule::{ScheduleOptions, schedule};
use std::str::FromStr;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// iCalendar (RFC 5545): VTODOs for tasks, VEVENTs for reviews.
    Ics,
    /// CSV with a BOM and a Vietnamese header, one row per task.
    Csv,
    /// The canonical plan text ([`crate::document::render`]).
    Text,
    /// The plan as JSON (the wire format), pretty-printed.
    Json,
}

impl Format {
    /// The format's name (`ics`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Ics => "ics",
            Format::Csv => "csv",
            Format::Text => "text",
            Format::Json => "json",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Ics => "ics",
            Format::Csv => "csv",
            Format::Text => "txt",
            Format::Json => "json",
        }
    }

    /// The MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Ics => "text/calendar; charset=utf-8",
            Format::Csv => "text/csv; charset=utf-8",
            Format::Text => "text/plain; charset=utf-8",
            Format::Json => "application/json",
        }
    }
}

impl FromStr for Format {
    type Err = Error;

    /// `ics` (or `ical`, `icalendar`), `csv`, `text` (or `txt`), `json`; `invalid-option`
    /// otherwise.
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ics" | "ical" | "icalendar" => Ok(Format::Ics),
            "csv" => Ok(Format::Csv),
            "text" | "txt" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            other => Err(Error::invalid_option(
                "to",
                other,
                "expected ics, csv, text or json",
            )),
        }
    }
}

/// Exports `plan` in `format`; ICS and CSV use the schedule for `opts`.
pub fn export_to(plan: &Plan, format: Format, opts: &ScheduleOptions) -> String {
    match format {
        Format::Ics => to_ics(plan, &schedule(plan, opts)),
        Format::Csv => to_csv(plan, &schedule(plan, opts)),
        Format::Text => crate::document::render(plan),
        Format::Json => serde_json::to_string_pretty(plan).unwrap_or_default(),
    }
}

/// Exports `plan` in the format named `format` (`ics`, `csv`, `text`, `json`; see
/// [`Format::from_str`]), for the CLI and the bindings: `invalid-option` for an unknown format.
///
/// ```
/// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
/// let opts = kehoach::ScheduleOptions::new("2026-11-28".parse().unwrap());
/// let csv = kehoach::export::export(&plan, "csv", &opts).unwrap();
/// assert!(csv.starts_with('\u{feff}'));
/// let err = kehoach::export::export(&plan, "pdf", &opts).unwrap_err();
/// assert_eq!(err.code(), "invalid-option");
/// ```
pub fn export(plan: &Plan, format: &str, opts: &ScheduleOptions) -> Result<String, Error> {
    Ok(export_to(plan, format.parse()?, opts))
}
