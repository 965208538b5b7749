//! Options and results of the exported functions that are not core types (the core's types are
//! used as they are: `ParseOutput`, `Schedule`, `AmendmentResult`, …).

use kehoach::agency::Agency;
use kehoach::{Date, Diagnostic, Lang};
use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// Options of `parsePlan`.
#[derive(Debug, Clone, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ParsePlanOptions {
    /// Resolve lead agencies' current holders on this date (`"YYYY-MM-DD"`).
    #[serde(default)]
    #[tsify(optional)]
    pub as_of: Option<Date>,
    /// Language of diagnostic messages (`"vi"`, the default, or `"en"`).
    #[serde(default)]
    #[tsify(optional)]
    pub lang: Option<Lang>,
    /// Texts longer than this many UTF-8 bytes throw `input-too-large` (default 32 MiB).
    #[serde(default)]
    #[tsify(optional)]
    pub max_input_bytes: Option<u32>,
    /// At most this many units (sections, parts, points) are built (default 100 000); the rest of
    /// the text is kept verbatim as one paragraph, with an `input/too-many-units` error. Bounds
    /// the memory a hostile text can take (32 MiB of "a)" lines would be 11 million units).
    #[serde(default)]
    #[tsify(optional)]
    pub max_units: Option<u32>,
    /// At most this many lines are read (default 1 000 000); the rest of the text is kept
    /// verbatim as one paragraph, with an `input/too-many-lines` error.
    #[serde(default)]
    #[tsify(optional)]
    pub max_lines: Option<u32>,
    /// At most this many lead and cooperating agencies are read from the plan (default
    /// 100 000); later lists are not split (their text stays), with one
    /// `input/too-many-agencies` error.
    #[serde(default)]
    #[tsify(optional)]
    pub max_agencies: Option<u32>,
}

/// Options of `checkPlan`.
#[derive(Debug, Clone, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckPlanOptions {
    /// Check date-dependent facts (agency successions) as of this date; skipped without it.
    #[serde(default)]
    #[tsify(optional)]
    pub as_of: Option<Date>,
    /// Language of diagnostic messages (`"vi"`, the default, or `"en"`).
    #[serde(default)]
    #[tsify(optional)]
    pub lang: Option<Lang>,
}

/// Options of `resolveAgencies`.
#[derive(Debug, Clone, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResolveAgenciesOptions {
    /// Fill each agency's `current` holders on this date.
    #[serde(default)]
    #[tsify(optional)]
    pub on: Option<Date>,
    /// Language of diagnostic messages (`"vi"`, the default, or `"en"`).
    #[serde(default)]
    #[tsify(optional)]
    pub lang: Option<Lang>,
    /// The province whose plan names the agencies ("Đắk Nông", "tỉnh Đắk Nông"): a provincial
    /// body named without its province is that province's, followed by its records (or the
    /// national pattern) and into the province it belongs to since 01/07/2025. A name that is
    /// not a province of 2024 is ignored.
    #[serde(default)]
    #[tsify(optional)]
    pub province: Option<String>,
}

/// Options of `schedule`.
#[derive(Debug, Clone, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScheduleArgs {
    /// The date the schedule is computed for (required: the library never reads the clock).
    pub as_of: Date,
    /// Progress reports, `{ reports: [...] }`, or that JSON as a string. Read separately (see
    /// `schedule`), so that a bad report throws the core's code (`invalid-json`).
    #[serde(default)]
    #[tsify(optional, type = "Progress | string")]
    pub progress: Option<serde::de::IgnoredAny>,
    /// The last year the plan covers (closes open ends); derived from the plan when absent.
    #[serde(default)]
    #[tsify(optional)]
    pub horizon: Option<i32>,
    /// Language of diagnostic messages (`"vi"`, the default, or `"en"`).
    #[serde(default)]
    #[tsify(optional)]
    pub lang: Option<Lang>,
}

/// Options of `applyAmendment`.
#[derive(Debug, Clone, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AmendOptions {
    /// Language of diagnostic messages (`"vi"`, the default, or `"en"`).
    #[serde(default)]
    #[tsify(optional)]
    pub lang: Option<Lang>,
}

/// Options of `exportPlan`.
#[derive(Debug, Clone, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportOptions {
    /// The date the schedule behind `ics` and `csv` is computed for (required for them: the
    /// library never reads the clock); ignored by `text` and `json`.
    #[serde(default)]
    #[tsify(optional)]
    pub as_of: Option<Date>,
}

/// Formats of `exportPlan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    /// iCalendar (RFC 5545): one VTODO per task, for calendar applications.
    Ics,
    /// CSV with a UTF-8 BOM and a Vietnamese header, one row per task, for spreadsheets.
    Csv,
    /// The canonical text of the plan (`kehoach::document::render`).
    Text,
    /// The plan as JSON (pretty-printed).
    Json,
}

/// The result of `parseTimeframe`.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TimeframeOutput {
    /// The timeframe.
    pub timeframe: kehoach::timeframe::Timeframe,
    /// What was found wrong with it.
    pub diagnostics: Vec<Diagnostic>,
}

impl kehoach::json::ToJson for TimeframeOutput {
    fn write_json(&self, w: &mut kehoach::json::JsonWriter<'_>) {
        w.begin_object();
        w.field("timeframe", &self.timeframe);
        w.field("diagnostics", &self.diagnostics);
        w.end_object();
    }
}

/// The result of `resolveAgencies`.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AgenciesOutput {
    /// The agencies of the list, in order (with `current` when a date was given).
    pub agencies: Vec<Agency>,
    /// Unknown agencies (with suggestions) and other findings.
    pub diagnostics: Vec<Diagnostic>,
}

impl kehoach::json::ToJson for AgenciesOutput {
    fn write_json(&self, w: &mut kehoach::json::JsonWriter<'_>) {
        w.begin_object();
        w.field("agencies", &self.agencies);
        w.field("diagnostics", &self.diagnostics);
        w.end_object();
    }
}

/// The result of `parseInstructions`.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct InstructionsOutput {
    /// The operations read, as amendment JSON (`op`, `target`, phrase fields, position).
    pub operations: Vec<kehoach::amend::Operation>,
    /// Where each operation's sentence is in the text (parallel to `operations`).
    pub spans: Vec<kehoach::Span>,
    /// Each operation's units in Vietnamese ("điểm b khoản 3 Mục II"; parallel to `operations`).
    pub addresses: Vec<String>,
    /// Sentences that were not read, located.
    pub diagnostics: Vec<Diagnostic>,
}

/// The result of `draftAmendment`.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DraftOutput {
    /// The amending instructions in standard wording, one per paragraph.
    pub text: String,
    /// The same instructions as an amendment.
    pub amendment: kehoach::amend::Amendment,
    /// Paths of edits that standard wording cannot say.
    pub unworded: Vec<String>,
}
