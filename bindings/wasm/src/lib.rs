//! # kehoach-wasm
//!
//! WebAssembly bindings of [`kehoach`] for provincial portals: the npm package `kehoach`
//! (`bindings/wasm/package.json`), built for browsers (ES module) and Node (CommonJS) by
//! `npm run build`. This crate holds no domain logic: each export reads its arguments, calls the
//! core and converts the result. JavaScript names are camelCase; TypeScript declarations are
//! generated from the Rust types (tsify, `kehoach`'s `ts` feature).
//!
//! ## Conventions
//! - Results are the same JSON as the Rust serde types because they *are* `serde_json` output:
//!   one path, `to_js`, serializes with `serde_json`, converts the spans in the JSON text ([`utf16`]) and hands the string to `JSON.parse` (key
//!   order as in Rust; no second, "compatible" serializer to drift; one boundary crossing instead
//!   of one per value). The only difference is spans: `start`/`end` are UTF-16 code units, so
//!   `text.slice(span.start, span.end)` is right in JavaScript ([`utf16`] is the one place that
//!   converts them). `line` is 1-based, `column` counts Unicode scalar values from the line start.
//!   Values coming in (plans, options) take the reverse path, `from_js`: `JSON.stringify`
//!   (which throws, caught, on cycles and BigInts), then `serde_json`, exactly as the CLI reads
//!   JSON files. `serde-wasm-bindgen`'s deserializer would be 13 KB (gzip) smaller, but it has no
//!   recursion limit: a plan nested 1,000 units deep overflowed the wasm stack and left the
//!   instance broken for good (measured); `serde_json` stops at 128 levels with an error.
//! - A plan passed back in (`exportPlan(plan, …)`) is read from the JavaScript object; its spans
//!   are whatever it carries (UTF-16 units when it came from `parsePlan`) and are never used to
//!   slice text.
//! - Bad input throws an `Error` with a stable `code` ([`error`] lists them); a document with
//!   problems is not bad input: it parses, with diagnostics.
//!
//! ## Panics
//! A Rust panic on wasm32 traps (`RuntimeError: unreachable`; `panic = "abort"` in the
//! `wasm-release` profile only makes explicit what the target does anyway, since stable wasm32
//! cannot unwind, so `catch_unwind` is no option). After a trap the instance may hold a leaked
//! shadow stack or a held borrow, so a panic is never the way to report an error. Two defences:
//! 1. No panicking paths: the core and this crate deny `unwrap`/`expect`/indexing/`panic!`
//!    (clippy), every conversion returns a `Result` that becomes a coded error, and the input size
//!    is checked before the text is copied into wasm memory. The tests feed garbage and check that
//!    the module keeps working; fuzzing the core is the next step.
//! 2. If a panic happens anyway (a bug), the panic hook (installed by the first call) asks
//!    wasm-bindgen to replace the instance (`schedule_reinit`): the call that panicked throws a
//!    `RuntimeError`, and the next call runs on a fresh instance instead of a damaged one. The
//!    hook prints nothing (no `console_error_panic_hook`: size, and portals' consoles are not for
//!    Rust messages). A trap that is not a panic (out of memory, stack overflow) is not covered:
//!    inputs are bounded instead (`maxInputBytes`, `serde_json`'s nesting limit).

pub mod api;
pub mod error;
mod js;
pub mod types;
pub mod utf16;

use error::ApiError;
use js::{install_panic_hook, is_object, read_options, read_plan, read_text, to_js, type_name};
use kehoach::amend::AmendmentResult;
use kehoach::document::ParseOutput;
use kehoach::schedule::{Progress, Schedule};
use serde::Serialize;
use tsify::Ts;
pub use types::*;
use utf16::Utf16Map;
use wasm_bindgen::prelude::*;

/// Default limit on input texts, in UTF-8 bytes (32 MiB, as in the core).
pub const DEFAULT_MAX_INPUT_BYTES: u32 = 32 * 1024 * 1024;

/// Panics on purpose, to test that the module recovers (see "Panics"). Only in the test build
/// (`--features test-panic`, `pkg/test/`), never in the package.
#[cfg(feature = "test-panic")]
#[wasm_bindgen(js_name = panicForTest)]
#[allow(clippy::panic, reason = "the point of this test-only export")]
pub fn panic_for_test() {
    install_panic_hook();
    panic!("panic for test")
}

/// Counts its own calls in this instance (1, 2, …): a fresh instance starts again at 1. Only in
/// the test build, with [`panic_for_test`].
#[cfg(feature = "test-panic")]
#[wasm_bindgen(js_name = callsForTest)]
pub fn calls_for_test() -> u32 {
    install_panic_hook();
    static CALLS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1
}

/// The package version (the crate's), e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    install_panic_hook();
    env!("CARGO_PKG_VERSION").to_string()
}

/// Parses a plan: `{ plan, diagnostics }`, spans in UTF-16 code units. Parse only (the JSON of
/// `kehoach json`); `checkPlan` runs the checks.
///
/// Throws `invalid-argument` when `text` is not a string, `invalid-option` for bad options and
/// `input-too-large` beyond `maxInputBytes`. Never throws for the content of the text.
#[wasm_bindgen(js_name = parsePlan)]
pub fn parse_plan(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<ParsePlanOptions>>,
) -> Result<Ts<ParseOutput>, ApiError> {
    install_panic_hook();
    let opts = read_options(options)?;
    let max = opts.max_input_bytes.unwrap_or(DEFAULT_MAX_INPUT_BYTES);
    let text = read_text(&text, "text", max)?;
    let out = api::parse(&text, &opts);
    to_js(&out, &Utf16Map::new(&text))
}

/// Checks a plan, given as text (parsed, then checked: spans into the text) or as a plan object
/// (the `plan` of `parsePlan`: spans derived from the plan's own). Returns every diagnostic,
/// sorted by position.
///
/// Throws `invalid-argument` when the argument is neither a string nor a plan object,
/// `invalid-option` for bad options, `input-too-large` for texts over 32 MiB.
#[wasm_bindgen(js_name = checkPlan, unchecked_return_type = "Diagnostic[]")]
pub fn check_plan(
    #[wasm_bindgen(unchecked_param_type = "string | Plan")] text_or_plan: JsValue,
    options: Option<Ts<CheckPlanOptions>>,
) -> Result<JsValue, ApiError> {
    install_panic_hook();
    let opts = read_options(options)?;
    if text_or_plan.is_string() {
        let text = read_text(&text_or_plan, "text", DEFAULT_MAX_INPUT_BYTES)?;
        let diags = api::check_text(&text, &opts);
        return js::to_js_value(&diags, &Utf16Map::new(&text));
    }
    let plan = read_plan(&text_or_plan).map_err(|_| {
        ApiError::invalid_argument(format!(
            "checkPlan takes the text of a plan or a Plan object, got {}",
            type_name(&text_or_plan)
        ))
    })?;
    let diags = api::check_plan(plan, &opts);
    js::to_js_value(&diags, &Utf16Map::identity())
}

/// Parses one timeframe ("Từ năm 2021 - 2030."): `{ timeframe, diagnostics }`.
///
/// Throws `invalid-argument` when `text` is not a string.
#[wasm_bindgen(js_name = parseTimeframe)]
pub fn parse_timeframe(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<Ts<TimeframeOutput>, ApiError> {
    install_panic_hook();
    let text = read_text(&text, "text", DEFAULT_MAX_INPUT_BYTES)?;
    to_js(&api::timeframe(&text), &Utf16Map::new(&text))
}

/// Splits a lead/partner list ("Sở Tài chính, Sở Nội vụ và UBND các huyện") into agencies;
/// with `on`, fills each one's `current` holders on that date.
///
/// Throws `invalid-argument` when `text` is not a string, `invalid-option` for bad options.
#[wasm_bindgen(js_name = resolveAgencies)]
pub fn resolve_agencies(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<ResolveAgenciesOptions>>,
) -> Result<Ts<AgenciesOutput>, ApiError> {
    install_panic_hook();
    let opts = read_options(options)?;
    let text = read_text(&text, "text", DEFAULT_MAX_INPUT_BYTES)?;
    to_js(&api::agencies(&text, &opts), &Utf16Map::new(&text))
}

/// The schedule of a plan as of a date: each task's status and window, the review calendar.
///
/// `options.asOf` is required (the library never reads the clock). `options.progress` is the
/// progress-report object `{ reports: [...] }` (or its JSON text): a report that does not read
/// throws the core's `invalid-json`; reports naming no task or several are the schedule's
/// `schedule/unknown-task` / `schedule/ambiguous-task` warnings, as in the CLI.
///
/// Throws `invalid-argument` for a plan that is not a plan, `invalid-option` for bad options.
#[wasm_bindgen]
pub fn schedule(
    plan: Ts<kehoach::Plan>,
    options: Ts<ScheduleArgs>,
) -> Result<Ts<Schedule>, ApiError> {
    install_panic_hook();
    let v = options.js_value();
    js::check_options_object(&v)?;
    let opts: ScheduleArgs = js::from_js(&v).map_err(js::invalid_options)?;
    let progress = read_progress(&v)?;
    let plan = read_plan(&plan.js_value())?;
    let s = api::schedule(
        &plan,
        opts.as_of,
        progress,
        opts.horizon,
        opts.lang.unwrap_or_default(),
    );
    to_js(&s, &Utf16Map::identity())
}

/// The `progress` option: an object or its JSON text, read by `Progress::from_json`.
fn read_progress(options: &JsValue) -> Result<Option<Progress>, ApiError> {
    let v = js_sys::Reflect::get(options, &JsValue::from_str("progress"))
        .map_err(|_| ApiError::invalid_argument("cannot read options.progress"))?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    let json = match v.as_string() {
        Some(s) => s,
        None => js::stringify(&v).map_err(|e| {
            ApiError::new(
                kehoach::ErrorKind::InvalidJson.code(),
                format!("progress: {e}"),
            )
        })?,
    };
    Ok(Some(Progress::from_json(&json)?))
}

/// Applies an amendment to a plan: `{ applied, plan, changes, diagnostics, amendment? }`.
///
/// `amendment` is Vietnamese instruction text ("Bãi bỏ điểm b khoản 3 Mục II."), amendment
/// JSON text, or an amendment object. An amendment that does not read or apply is not an
/// error: `applied` is `false` and the diagnostics say why (spans in UTF-16 units of the
/// amendment text; for an object, of its `JSON.stringify`). Units made or edited by the
/// amendment point into the amendment text too; the others keep the plan's spans.
///
/// Throws `invalid-argument` for a plan that is not a plan or an amendment that is neither a
/// string nor an object, `invalid-option` for bad options.
#[wasm_bindgen(js_name = applyAmendment)]
pub fn apply_amendment(
    plan: Ts<kehoach::Plan>,
    #[wasm_bindgen(unchecked_param_type = "string | Amendment")] amendment: JsValue,
    options: Option<Ts<AmendOptions>>,
) -> Result<Ts<AmendmentResult>, ApiError> {
    install_panic_hook();
    let opts = read_options(options)?;
    let source = if amendment.is_string() {
        read_text(&amendment, "amendment", DEFAULT_MAX_INPUT_BYTES)?
    } else if is_object(&amendment) {
        js::stringify(&amendment)
            .map_err(|e| ApiError::invalid_argument(format!("amendment: {e}")))?
    } else {
        return Err(ApiError::invalid_argument(format!(
            "amendment must be instruction text, amendment JSON or an amendment object, got {}",
            type_name(&amendment)
        )));
    };
    let plan = read_plan(&plan.js_value())?;
    let r = api::amend(plan, &source, opts.lang.unwrap_or_default());
    // Spans are already UTF-16 units (see `api::amend`).
    to_js(&r, &Utf16Map::identity())
}

/// Reads amendment instructions without a plan ("Bãi bỏ điểm b khoản 3 Mục II."): `{
/// operations, spans, addresses, diagnostics }`, to check what a sentence will do before it is
/// applied. Spans are UTF-16 units of `text`.
///
/// Throws `invalid-argument` when `text` is not a string.
#[wasm_bindgen(js_name = parseInstructions)]
pub fn parse_instructions(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<Ts<InstructionsOutput>, ApiError> {
    install_panic_hook();
    let text = read_text(&text, "text", DEFAULT_MAX_INPUT_BYTES)?;
    let p = kehoach::amend::parse_instructions(&text);
    let out = InstructionsOutput {
        addresses: p
            .amendment
            .operations
            .iter()
            .map(kehoach::amend::address_of)
            .collect(),
        operations: p.amendment.operations,
        spans: p.spans,
        diagnostics: p.diagnostics,
    };
    to_js(&out, &Utf16Map::new(&text))
}

/// The amending instructions that turn `before` into `after` (both as returned by `parsePlan`),
/// in standard wording: `{ text, amendment, unworded }`.
///
/// Throws `invalid-argument` when either is not a plan object.
#[wasm_bindgen(js_name = draftAmendment)]
pub fn draft_amendment(
    before: Ts<kehoach::Plan>,
    after: Ts<kehoach::Plan>,
) -> Result<Ts<DraftOutput>, ApiError> {
    install_panic_hook();
    let before = read_plan(&before.js_value())?;
    let after = read_plan(&after.js_value())?;
    let d = kehoach::amend::draft(&before, &after);
    let out = DraftOutput {
        text: d.text,
        amendment: d.amendment,
        unworded: d.unworded,
    };
    to_js(&out, &Utf16Map::identity())
}

/// Exports a plan (as returned by `parsePlan`) as `"ics"`, `"csv"`, `"text"` or `"json"`.
/// `ics` and `csv` need `options.asOf` (the schedule's date; the library never reads the clock).
///
/// Throws `invalid-argument` when `plan` is not a plan object and `invalid-option` for an
/// unknown format or a missing `asOf`.
#[wasm_bindgen(js_name = exportPlan)]
pub fn export_plan(
    plan: Ts<kehoach::Plan>,
    format: Ts<ExportFormat>,
    options: Option<Ts<ExportOptions>>,
) -> Result<String, ApiError> {
    install_panic_hook();
    let format = read_format(&format.js_value())?;
    let opts = read_options(options)?;
    let plan = read_plan(&plan.js_value())?;
    let out = api::export(&plan, format, opts.as_of)?;
    if format != ExportFormat::Json {
        return Ok(out);
    }
    // Pretty-printed by JSON.stringify (the same layout as serde_json's pretty printer), so the
    // wasm carries one JSON serializer for the plan types, not two.
    js_sys::JSON::parse(&out)
        .and_then(|v| {
            js_sys::JSON::stringify_with_replacer_and_space(&v, &JsValue::NULL, &2.into())
        })
        .ok()
        .and_then(|s| JsValue::from(s).as_string())
        .ok_or_else(|| ApiError::new(error::SERIALIZATION, "cannot format the plan as JSON"))
}

fn read_format(v: &JsValue) -> Result<ExportFormat, ApiError> {
    if !v.is_string() {
        return Err(ApiError::invalid_argument(format!(
            "format must be a string, got {}",
            type_name(v)
        )));
    }
    js::from_js(v).map_err(|e| {
        ApiError::new(
            kehoach::ErrorKind::InvalidOption.code(),
            format!("unknown export format: {e}"),
        )
    })
}

/// The `input-too-large` error.
pub fn too_large(what: &str, len: usize, max: u32) -> ApiError {
    ApiError::new(
        kehoach::ErrorKind::InputTooLarge.code(),
        format!("{what} is larger than the limit: {len} > {max} bytes (option maxInputBytes)"),
    )
}

/// Serializes a result to JSON, spans in UTF-16 units of `text` (no JavaScript involved).
pub fn to_json<T: Serialize + ?Sized>(value: &T, text: &str) -> Result<String, ApiError> {
    to_json_with(value, &Utf16Map::new(text))
}

/// Serializes a result to JSON, spans mapped by `map`.
pub fn to_json_with<T: Serialize + ?Sized>(value: &T, map: &Utf16Map) -> Result<String, ApiError> {
    serde_json::to_string(value)
        .map(|json| utf16::convert_json(json, map))
        .map_err(|e| ApiError::new(error::SERIALIZATION, format!("cannot convert result: {e}")))
}

#[cfg(test)]
mod tests;
