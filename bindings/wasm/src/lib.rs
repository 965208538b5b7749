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
//!   one path, `to_js`, serializes with `serde_json` and hands the string to `JSON.parse` (key
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

pub mod error;
pub mod utf16;

use error::ApiError;
use kehoach::document::{ParseOptions, ParseOutput, Parser, Plan};
use kehoach::{Diagnostic, Lang};
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use utf16::{Utf16Map, WithUtf16};
use wasm_bindgen::prelude::*;

/// Default limit on the text of `parsePlan`, in UTF-8 bytes (32 MiB, as in the core).
pub const DEFAULT_MAX_INPUT_BYTES: u32 = 32 * 1024 * 1024;

// Declarations for types whose Rust definitions do not derive `Tsify` yet (the timeframe and
// agency modules are being rewritten). TEMPORARY: delete each one when its module derives
// `tsify::Tsify` under the `ts` feature (`npm test` type-checks the declarations, so a duplicate
// or a missing one fails).
#[wasm_bindgen(typescript_custom_section)]
const PENDING_TYPES: &str = r#"
/** A timeframe ("Thời gian thực hiện"), verbatim; the full grammar lands with the timeframe module. */
export interface Timeframe {
    /** The text as written. */
    text: string;
    /** Where it is. */
    span: Span;
}

/** An agency named in a lead or partner field; the registry lands with the agency module. */
export interface Agency {
    /** The piece as written. */
    text: string;
    /** Where it is. */
    span: Span;
}
"#;

/// Options of `parsePlan`.
#[derive(Debug, Clone, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ParsePlanOptions {
    /// Resolve lead agencies' current holders on this date (`"YYYY-MM-DD"`).
    #[serde(default)]
    #[tsify(optional)]
    pub as_of: Option<kehoach::Date>,
    /// Language of diagnostic messages (`"vi"`, the default, or `"en"`).
    #[serde(default)]
    #[tsify(optional)]
    pub lang: Option<Lang>,
    /// Texts longer than this many UTF-8 bytes throw `input-too-large` (default 32 MiB).
    #[serde(default)]
    #[tsify(optional)]
    pub max_input_bytes: Option<u32>,
}

/// Formats of `exportPlan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
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

/// Installs the panic hook (see the crate docs) once per instance; every export calls it first.
/// (Not a `#[wasm_bindgen(start)]` function: that would be exported to JavaScript as `start`.)
fn install_panic_hook() {
    #[cfg(target_arch = "wasm32")]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            std::panic::set_hook(Box::new(|_| wasm_bindgen::handler::schedule_reinit()));
        });
    }
}

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

/// Parses a plan: `{ plan, diagnostics }`, spans in UTF-16 code units.
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
    let out = parse(&text, &opts);
    to_js(&out, &text)
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
    let index = kehoach::LineIndex::new(&text);
    let (timeframe, diagnostics) =
        kehoach::timeframe::parse_timeframe(&text, &kehoach::Locator::new(&index));
    to_js(
        &TimeframeOutput {
            timeframe,
            diagnostics,
        },
        &text,
    )
}

/// Exports a plan (as returned by `parsePlan`) as `"text"` or `"json"`.
///
/// Throws `invalid-argument` when `plan` is not a plan object and `invalid-option` for an
/// unknown format.
#[wasm_bindgen(js_name = exportPlan)]
pub fn export_plan(plan: Ts<Plan>, format: Ts<ExportFormat>) -> Result<String, ApiError> {
    install_panic_hook();
    let format = read_format(&format)?;
    let plan = read_plan(&plan)?;
    let out = export(&plan, format)?;
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

/// Parses with the bindings' options (no JavaScript involved: testable natively).
pub fn parse(text: &str, opts: &ParsePlanOptions) -> ParseOutput {
    let parser = Parser::new(ParseOptions {
        as_of: opts.as_of,
        // The bindings reject larger texts before parsing; keep the core's limit out of the way.
        max_input_bytes: usize::MAX,
        ..ParseOptions::default()
    });
    let mut out = parser.parse(text);
    kehoach::diagnostic::set_lang(&mut out.diagnostics, opts.lang.unwrap_or_default());
    out
}

/// Exports a plan (no JavaScript involved: testable natively).
pub fn export(plan: &Plan, format: ExportFormat) -> Result<String, ApiError> {
    match format {
        ExportFormat::Text => Ok(kehoach::document::render(plan)),
        // Compact here; `exportPlan` indents it. Spans are kept as the plan carries them.
        ExportFormat::Json => to_json_with(plan, &Utf16Map::identity()),
    }
}

/// The `input-too-large` error.
pub fn too_large(what: &str, len: usize, max: u32) -> ApiError {
    ApiError::new(
        kehoach::ErrorKind::InputTooLarge.code(),
        format!("{what} is larger than the limit: {len} > {max} bytes (option maxInputBytes)"),
    )
}

/// Serializes a result to JSON, spans in UTF-16 units of `text` (no JavaScript involved).
pub fn to_json<T: Serialize>(value: &T, text: &str) -> Result<String, ApiError> {
    to_json_with(value, &Utf16Map::new(text))
}

fn to_json_with<T: Serialize>(value: &T, map: &Utf16Map) -> Result<String, ApiError> {
    serde_json::to_string(&WithUtf16 { value, map })
        .map_err(|e| ApiError::new(error::SERIALIZATION, format!("cannot convert result: {e}")))
}

/// Converts a result to JavaScript: [`to_json`], then `JSON.parse`. The one way results cross.
fn to_js<T: Serialize + Tsify>(value: &T, text: &str) -> Result<Ts<T>, ApiError> {
    let json = to_json(value, text)?;
    js_sys::JSON::parse(&json)
        .map(Ts::new_unchecked)
        .map_err(|_| {
            ApiError::new(
                error::SERIALIZATION,
                "cannot convert result: JSON.parse failed",
            )
        })
}

/// Reads a JavaScript value as `T`: `JSON.stringify`, then `serde_json`. The one way values come
/// in (see the crate docs for why not `serde-wasm-bindgen`).
fn from_js<T: serde::de::DeserializeOwned>(v: &JsValue) -> Result<T, String> {
    let json = js_sys::JSON::stringify(v).map_err(|e| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()));
        format!(
            "it cannot be converted to JSON: {}",
            why.unwrap_or_default()
        )
    })?;
    let json = JsValue::from(json)
        .as_string()
        .ok_or_else(|| "it cannot be converted to JSON".to_string())?;
    serde_json::from_str(&json).map_err(|e| e.to_string())
}

/// What a JavaScript value is, for messages ("number", "null", "array", …).
fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(v) {
        "array".into()
    } else {
        v.js_typeof().as_string().unwrap_or_default()
    }
}

/// Copies a JavaScript string into Rust, checking its type and size before copying.
fn read_text(v: &JsValue, what: &str, max_bytes: u32) -> Result<String, ApiError> {
    let Some(s) = v.dyn_ref::<js_sys::JsString>() else {
        return Err(ApiError::invalid_argument(format!(
            "{what} must be a string, got {}",
            type_name(v)
        )));
    };
    // A UTF-16 unit is at least one UTF-8 byte: reject without copying when it cannot fit.
    let units = s.length();
    if units > max_bytes {
        return Err(too_large(what, units as usize, max_bytes));
    }
    let text = String::from(s);
    if text.len() > max_bytes as usize {
        return Err(too_large(what, text.len(), max_bytes));
    }
    Ok(text)
}

/// Reads an options object (`undefined`/`null` = defaults).
fn read_options<T: Tsify + Default + serde::de::DeserializeOwned>(
    options: Option<Ts<T>>,
) -> Result<T, ApiError> {
    let Some(options) = options else {
        return Ok(T::default());
    };
    let v = options.js_value();
    if !v.is_object() || js_sys::Array::is_array(&v) {
        return Err(ApiError::invalid_argument(format!(
            "options must be an object, got {}",
            type_name(&v)
        )));
    }
    from_js(&v).map_err(|e| {
        ApiError::new(
            kehoach::ErrorKind::InvalidOption.code(),
            format!("invalid options: {e}"),
        )
    })
}

fn read_plan(plan: &Ts<Plan>) -> Result<Plan, ApiError> {
    let v = plan.js_value();
    if !v.is_object() || js_sys::Array::is_array(&v) {
        return Err(ApiError::invalid_argument(format!(
            "plan must be a Plan object (the `plan` of parsePlan), got {}",
            type_name(&v)
        )));
    }
    from_js(&v).map_err(|e| ApiError::invalid_argument(format!("not a Plan: {e}")))
}

fn read_format(format: &Ts<ExportFormat>) -> Result<ExportFormat, ApiError> {
    let v = format.js_value();
    if !v.is_string() {
        return Err(ApiError::invalid_argument(format!(
            "format must be a string, got {}",
            type_name(&v)
        )));
    }
    from_js(&v).map_err(|e| {
        ApiError::new(
            kehoach::ErrorKind::InvalidOption.code(),
            format!("unknown export format: {e}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_applies_lang_and_as_of() {
        let opts = ParsePlanOptions {
            lang: Some(Lang::En),
            as_of: Some("2026-11-28".parse().unwrap()),
            max_input_bytes: None,
        };
        let out = parse("no plan here", &opts);
        assert!(!out.diagnostics.is_empty());
        assert!(out.diagnostics.iter().all(|d| d.lang == Lang::En));
        let json = serde_json::to_value(&out.diagnostics[0]).unwrap();
        assert_eq!(json["lang"], "en");
        assert_eq!(json["message"], out.diagnostics[0].message.en.as_str());
    }

    #[test]
    fn seed_parses_to_44_tasks_and_exports() {
        let out = parse(kehoach::SEED_PLAN, &ParsePlanOptions::default());
        assert_eq!(out.plan.tasks().len(), 44);
        let text = export(&out.plan, ExportFormat::Text).unwrap();
        assert!(text.contains("d) Xây dựng các cơ chế"));
        let json = export(&out.plan, ExportFormat::Json).unwrap();
        let back: Plan = serde_json::from_str(&json).unwrap();
        assert_eq!(back, out.plan);
    }

    #[test]
    fn too_large_has_the_stable_code() {
        let e = too_large("text", 10, 5);
        assert_eq!(e.code(), "input-too-large");
        assert_eq!(
            e.message(),
            "text is larger than the limit: 10 > 5 bytes (option maxInputBytes)"
        );
    }

    #[test]
    fn options_deserialize_camel_case_and_reject_unknown_fields() {
        let o: ParsePlanOptions =
            serde_json::from_str(r#"{"asOf":"2026-01-31","lang":"en","maxInputBytes":100}"#)
                .unwrap();
        assert_eq!(o.as_of.unwrap().to_string(), "2026-01-31");
        assert_eq!(o.lang, Some(Lang::En));
        assert_eq!(o.max_input_bytes, Some(100));
        let e = serde_json::from_str::<ParsePlanOptions>(r#"{"asof":"2026-01-31"}"#).unwrap_err();
        assert!(e.to_string().contains("unknown field `asof`"), "{e}");
        let e = serde_json::from_str::<ExportFormat>(r#""ics""#).unwrap_err();
        assert!(e.to_string().contains("unknown variant `ics`"), "{e}");
    }
}
