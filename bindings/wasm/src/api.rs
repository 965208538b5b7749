//! What each export does, without JavaScript (testable natively): read the arguments already
//! converted to Rust, call the core, return Rust values. Spans stay in UTF-8 bytes here except
//! where noted ([`amend`]); the exports convert them while serializing.

use crate::error::ApiError;
use crate::types::{
    AgenciesOutput, CheckPlanOptions, ExportFormat, ParsePlanOptions, ResolveAgenciesOptions,
    TimeframeOutput,
};
use crate::utf16::Utf16Map;
use kehoach::amend::AmendmentResult;
use kehoach::document::{ParseOptions, ParseOutput, Parser, Plan};
use kehoach::schedule::{Progress, Schedule, ScheduleOptions};
use kehoach::text::Normalized;
use kehoach::validate::CheckOptions;
use kehoach::{Date, Diagnostic, Lang, LineIndex, Locator, Span};

/// Parses with the bindings' options.
pub fn parse(text: &str, opts: &ParsePlanOptions) -> ParseOutput {
    let parser = Parser::new(ParseOptions {
        as_of: opts.as_of,
        // The bindings reject larger texts before parsing; keep the core's limit out of the way.
        max_input_bytes: usize::MAX,
        max_units: opts
            .max_units
            .map_or(kehoach::document::DEFAULT_MAX_UNITS, |n| n as usize),
        max_lines: opts
            .max_lines
            .map_or(kehoach::document::DEFAULT_MAX_LINES, |n| n as usize),
        max_agencies: opts
            .max_agencies
            .map_or(kehoach::agency::DEFAULT_MAX_AGENCIES, |n| n as usize),
        ..ParseOptions::default()
    });
    let mut out = parser.parse(text);
    kehoach::diagnostic::set_lang(&mut out.diagnostics, opts.lang.unwrap_or_default());
    out
}

fn check_options(opts: &CheckPlanOptions) -> CheckOptions {
    CheckOptions {
        as_of: opts.as_of,
        lang: opts.lang.unwrap_or_default(),
        fragment: false,
    }
}

/// Parses and checks a text: every diagnostic (`validate::check_text`), spans in its bytes.
pub fn check_text(text: &str, opts: &CheckPlanOptions) -> Vec<Diagnostic> {
    kehoach::validate::check_text(text, &check_options(opts)).diagnostics
}

/// Checks a plan object (`validate::check` with no parse diagnostics); spans are derived from
/// the plan's own.
pub fn check_plan(plan: Plan, opts: &CheckPlanOptions) -> Vec<Diagnostic> {
    let out = ParseOutput {
        plan,
        diagnostics: Vec::new(),
    };
    kehoach::validate::check(&out, &check_options(opts))
}

/// Runs `f` on the normalized text of `text` (trimmed), with a locator whose spans point into
/// `text` itself, as the document parser locates values.
fn with_normalized<R>(text: &str, f: impl FnOnce(&str, &Locator<'_>) -> R) -> R {
    let index = LineIndex::new(text);
    let norm = Normalized::new(text);
    let full = norm.text();
    let lead = full.len() - full.trim_start().len();
    let value = full.trim();
    f(value, &Locator::within(&index, &norm, lead))
}

/// Parses one timeframe (normalized first: NFD and odd spaces are fine).
pub fn timeframe(text: &str) -> TimeframeOutput {
    let (timeframe, diagnostics) = with_normalized(text, kehoach::timeframe::parse_timeframe);
    TimeframeOutput {
        timeframe,
        diagnostics,
    }
}

/// Splits an agency list and, given a date, resolves each agency's current holders.
pub fn agencies(text: &str, opts: &ResolveAgenciesOptions) -> AgenciesOutput {
    let registry = kehoach::agency::Registry::embedded();
    let (mut agencies, mut diagnostics) = with_normalized(text, |t, loc| {
        kehoach::agency::split_agencies(t, loc, registry)
    });
    if let Some(on) = opts.on {
        let province = opts
            .province
            .as_deref()
            .and_then(|p| registry.province(p))
            .map(|p| p.name.as_ref());
        for a in &mut agencies {
            a.current = Some(registry.holders_in(a, on, province).into());
        }
    }
    kehoach::diagnostic::set_lang(&mut diagnostics, opts.lang.unwrap_or_default());
    AgenciesOutput {
        agencies,
        diagnostics,
    }
}

/// The schedule of `plan` as of `as_of`.
pub fn schedule(
    plan: &Plan,
    as_of: Date,
    progress: Option<Progress>,
    horizon: Option<i32>,
    lang: Lang,
) -> Schedule {
    let mut opts = ScheduleOptions::new(as_of);
    opts.progress = progress;
    opts.horizon = horizon;
    let mut s = kehoach::schedule::schedule(plan, &opts);
    kehoach::diagnostic::set_lang(&mut s.diagnostics, lang);
    s
}

/// `span` in UTF-16 units of the text `map` indexes.
pub fn utf16_span(span: Span, map: &Utf16Map) -> Span {
    Span {
        start: map.utf16(span.start),
        end: map.utf16(span.end),
        ..span
    }
}

/// Converts every span of a diagnostic (primary, labels, fix) to UTF-16 units.
fn utf16_diagnostic(d: &mut Diagnostic, map: &Utf16Map) {
    d.span = utf16_span(d.span, map);
    for l in &mut d.labels {
        l.span = utf16_span(l.span, map);
    }
    if let Some(fix) = &mut d.fix {
        fix.span = utf16_span(fix.span, map);
    }
}

/// Applies an amendment (JSON or Vietnamese instructions, `amend::amend_text`'s rules).
///
/// The result mixes two texts: units the amendment did not touch keep the plan's spans (UTF-16
/// units already, when the plan came from `parsePlan`), while units made or edited by an
/// operation and the diagnostics point into `source`. So the spans of `source` are converted to
/// UTF-16 units *before* they enter the result, and the result is serialized without
/// conversion.
pub fn amend(plan: Plan, source: &str, lang: Lang) -> AmendmentResult {
    let map = Utf16Map::new(source);
    let mut r = match kehoach::amend::read_amendment(source) {
        Ok((amendment, spans)) => {
            let spans: Vec<Span> = spans.into_iter().map(|s| utf16_span(s, &map)).collect();
            kehoach::amend::apply_owned(plan, &amendment, &spans)
        }
        Err((amendment, mut diagnostics)) => {
            for d in &mut diagnostics {
                utf16_diagnostic(d, &map);
            }
            AmendmentResult {
                applied: false,
                plan,
                changes: Vec::new(),
                diagnostics,
                amendment,
            }
        }
    };
    kehoach::diagnostic::set_lang(&mut r.diagnostics, lang);
    r
}

/// Exports a plan; `as_of` is required for `ics` and `csv` (`invalid-option` without it). JSON
/// is compact here (`exportPlan` indents it) with the spans the plan carries.
pub fn export(plan: &Plan, format: ExportFormat, as_of: Option<Date>) -> Result<String, ApiError> {
    let schedule = |format: &str| {
        let as_of = as_of.ok_or_else(|| {
            ApiError::new(
                kehoach::ErrorKind::InvalidOption.code(),
                format!(
                    "the {format} export needs the option asOf (\"YYYY-MM-DD\"): the library never reads the clock"
                ),
            )
        })?;
        Ok::<_, ApiError>(kehoach::schedule::schedule(
            plan,
            &ScheduleOptions::new(as_of),
        ))
    };
    match format {
        ExportFormat::Ics => Ok(kehoach::export::to_ics(plan, &schedule("ics")?)),
        ExportFormat::Csv => Ok(kehoach::export::to_csv(plan, &schedule("csv")?)),
        ExportFormat::Text => Ok(kehoach::document::render(plan)),
        ExportFormat::Json => crate::to_json_with(plan, &Utf16Map::identity()),
    }
}
