//! # kehoach-wasm
//!
//! WebAssembly bindings of [`kehoach`] for provincial portals: the npm package `kehoach`
//! (`bindings/wasm/package.json`), built for browsers (ES module) and Node (CommonJS) by
//! `npm run build`. This crate holds no domain logic: each export reads its arguments, calls the
//! core and converts the result. JavaScript names are camelCase; TypeScript declarations are
//! generated from the Rust types (tsify, `kehoach`'s `ts` feature).
//!
//! ## Conventions
//! - Results are the same JSON as the Rust serde types. The core module's results are written
//!   by `kehoach::json` ([`written_json`]: the bytes `serde_json` writes, checked against it on
//!   every fixture and by proptest and fuzzing in the core), with spans written in UTF-16 code
//!   units as they are written, and the string goes to `JSON.parse` (one boundary crossing
//!   instead of one per value; no serde serializer instantiated per type, no second pass over
//!   the JSON). The tools module's results still go through `serde_json` and the span rewrite of
//!   the JSON text ([`to_json_with`], [`utf16::convert_json`]). The only difference from the
//!   Rust JSON is spans: `start`/`end` are UTF-16 code units, so
//!   `text.slice(span.start, span.end)` is right in JavaScript ([`utf16::Utf16Map`] is the one
//!   place that converts them). `line` is 1-based, `column` counts Unicode scalar values from the line start.
//!   Options and progress reports coming in are read field by field (`src/read.rs`: no serde
//!   deserializer in the first-render module, 22.6 KB gzip less, measured). Amendment objects
//!   and the export format (tools module only) take the reverse path of results, `from_js`:
//!   `JSON.stringify` (which throws, caught, on cycles and BigInts), then `serde_json`, exactly
//!   as the CLI reads JSON files. `serde-wasm-bindgen`'s deserializer would be 13 KB (gzip)
//!   smaller, but it has no recursion limit: a plan nested 1,000 units deep overflowed the wasm
//!   stack and left the instance broken for good (measured); `serde_json` stops at 128 levels
//!   with an error. Its serializer is not used either: results would cross value by value
//!   instead of as one string, and the span conversion ([`utf16`]) would need a wrapping
//!   serializer, one more instantiation per type.
//! - NFC comes from the browser (`String.prototype.normalize`, registered with kehoach's
//!   `host-nfc` feature on wasm32 only): the module carries no Unicode normalization tables.
//!   Case mapping outside Latin too (`toLowerCase`, `toUpperCase`; `kehoach::text` maps ASCII,
//!   Latin and the Vietnamese letters itself): no case tables either (issue 22).
//! - **Plans never come back in** (issue 22): `parsePlan` returns a [`PlanHandle`] that keeps the
//!   plan in wasm memory ([`handle`]); the package's JavaScript entry (`js/api.js`) ties it to
//!   the `plan` object it hands out, and `schedule`, `checkPlan`, `applyAmendment` and
//!   `exportPlan` call the handle's methods.
//! - Two modules from this crate: the default build is the first-render module
//!   (`kehoach_core`); the `tools` feature adds amendments and exports (module `tools`,
//!   `kehoach_tools`), loaded by the package on first use.
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
pub mod handle;
mod js;
mod read;
#[cfg(feature = "tools")]
pub mod tools;
pub mod types;
pub mod utf16;

use error::ApiError;
pub use handle::PlanHandle;
pub(crate) use js::install_panic_hook;
use js::{read_options, read_text, type_name, written_to_ts};
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

/// Parses a plan into a [`PlanHandle`] (the plan stays in wasm memory; `takeOutput()` gives
/// `{ plan, diagnostics }`, spans in UTF-16 code units). Parse only (the JSON of
/// `kehoach json`); `checkText` / `PlanHandle.check` run the checks.
///
/// Throws `invalid-argument` when `text` is not a string, `invalid-option` for bad options and
/// `input-too-large` beyond `maxInputBytes`. Never throws for the content of the text.
#[wasm_bindgen(js_name = parsePlan)]
pub fn parse_plan(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<ParsePlanOptions>>,
) -> Result<PlanHandle, ApiError> {
    install_panic_hook();
    let opts = read_options(options)?;
    let max = opts.max_input_bytes.unwrap_or(DEFAULT_MAX_INPUT_BYTES);
    let text = read_text(&text, "text", max)?;
    let out = api::parse(&text, &opts);
    Ok(PlanHandle::parsed(out, text))
}

/// Parses and checks the text of a plan: every diagnostic, sorted by position, spans into the
/// text. (`checkPlan(plan)` is [`PlanHandle::check`].)
///
/// Throws `invalid-argument` when `text` is not a string, `invalid-option` for bad options,
/// `input-too-large` for texts over 32 MiB.
#[wasm_bindgen(js_name = checkText, unchecked_return_type = "Diagnostic[]")]
pub fn check_text(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<CheckPlanOptions>>,
) -> Result<JsValue, ApiError> {
    install_panic_hook();
    let opts = read_options(options)?;
    if !text.is_string() {
        return Err(ApiError::invalid_argument(format!(
            "checkPlan takes the text of a plan or a Plan object, got {}",
            type_name(&text)
        )));
    }
    let text = read_text(&text, "text", DEFAULT_MAX_INPUT_BYTES)?;
    let diags = api::check_text(&text, &opts);
    js::written_to_js(&diags, &Utf16Map::new(&text))
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
    written_to_ts(&api::timeframe(&text), &Utf16Map::new(&text))
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
    written_to_ts(&api::agencies(&text, &opts), &Utf16Map::new(&text))
}

/// The export format argument; `invalid-option` for an unknown one.
#[cfg(feature = "tools")]
pub(crate) fn read_format(v: &JsValue) -> Result<ExportFormat, ApiError> {
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

/// Writes a result as JSON with the library's writer (`kehoach::json`), spans written in
/// UTF-16 units by `map`: the text [`to_json_with`] makes with `serde_json` and a second pass,
/// in one pass and without serde. What the core module's results cross as.
///
/// ```
/// use kehoach_wasm::{utf16::Utf16Map, to_json, written_json};
/// let out = kehoach::parse(kehoach::SEED_PLAN);
/// let map = Utf16Map::new(kehoach::SEED_PLAN);
/// assert_eq!(written_json(&out, &map), to_json(&out, kehoach::SEED_PLAN).unwrap());
/// ```
pub fn written_json<T: kehoach::json::ToJson + ?Sized>(value: &T, map: &Utf16Map) -> String {
    let mut json = String::new();
    let utf16 = |b: u32| map.utf16(b);
    let w = kehoach::json::JsonWriter::new(&mut json);
    let mut w = if map.is_identity() {
        w
    } else {
        w.with_span_map(&utf16)
    };
    value.write_json(&mut w);
    json
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
