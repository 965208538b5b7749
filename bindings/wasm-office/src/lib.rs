//! # kehoach-wasm-office
//!
//! The office documents of [`kehoach::office`] for the browser: a second, separate WebAssembly
//! module of the npm package `kehoach` (`pkg/office/`), which the `<kehoach-plan>` component
//! imports only when someone asks for a workbook or a report. The first render loads only the
//! main module, whose size is budgeted (`bindings/wasm/test/size.test.mjs`); the XLSX and DOCX
//! writers (rust_xlsxwriter, docx-rs, zip) live here.
//!
//! ```js
//! import init, { trackingWorkbook, progressReport } from "kehoach/office";
//! await init();
//! const plan = parsePlan(text).plan;                       // from the main module
//! const xlsx = trackingWorkbook(plan, { asOf: "2026-11-28", agency: "Sở Tài chính" });
//! const docx = progressReport(plan, { asOf: "2026-11-28", progress: { reports: [] } });
//! // Uint8Array each: new Blob([xlsx], { type: XLSX_MIME })
//! ```
//!
//! Bad input throws an `Error` with a stable `code`, as the main module does:
//! `invalid-argument` (not a plan, options not an object), `invalid-option` (an unknown option,
//! a missing `asOf`), `invalid-date`, and the codes of [`kehoach::Error`]. No path panics (the
//! workspace's clippy lints deny it).

use kehoach::office::{OfficeOptions, progress_report, tracking_workbook};
use kehoach::schedule::Progress;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// Options of both exports.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Options {
    /// "YYYY-MM-DD" (required: the library never reads the clock).
    as_of: String,
    /// Only this agency's tasks.
    #[serde(default)]
    agency: Option<String>,
    /// Progress reports received.
    #[serde(default)]
    progress: Option<Progress>,
}

/// An `Error` with a stable `code` property.
fn error(code: &str, message: &str) -> JsValue {
    let err = js_sys::Error::new(message);
    // Setting a property on a fresh Error cannot fail; if it did, the message still says why.
    let _ = js_sys::Reflect::set(&err, &"code".into(), &code.into());
    err.into()
}

fn is_object(v: &JsValue) -> bool {
    v.is_object() && !js_sys::Array::is_array(v)
}

/// `JSON.stringify`, then serde_json: the main module's path for values coming in (with
/// serde_json's nesting limit).
fn from_js<T: serde::de::DeserializeOwned>(v: &JsValue) -> Result<T, String> {
    let json = js_sys::JSON::stringify(v)
        .map_err(|_| "the value cannot be converted to JSON".to_string())?
        .as_string()
        .unwrap_or_default();
    serde_json::from_str(&json).map_err(|e| e.to_string())
}

fn read(plan: &JsValue, options: &JsValue) -> Result<(kehoach::Plan, OfficeOptions), JsValue> {
    if !is_object(plan) {
        return Err(error(
            "invalid-argument",
            "plan must be a Plan object (the `plan` of parsePlan)",
        ));
    }
    let plan: kehoach::Plan =
        from_js(plan).map_err(|e| error("invalid-argument", &format!("not a Plan: {e}")))?;
    if !is_object(options) {
        return Err(error(
            "invalid-argument",
            "options must be an object with asOf (\"YYYY-MM-DD\")",
        ));
    }
    let o: Options = from_js(options).map_err(|e| error("invalid-option", &e))?;
    let as_of: kehoach::Date = o
        .as_of
        .parse()
        .map_err(|e: kehoach::Error| error(e.code(), e.message()))?;
    let mut opts = OfficeOptions::new(as_of);
    opts.agency = o.agency.filter(|a| !a.trim().is_empty());
    opts.progress = o.progress;
    Ok((plan, opts))
}

/// The tracking workbook (XLSX bytes) of `plan` on `options.asOf`, for every task or
/// `options.agency`'s; with `options.progress`, the latest reports pre-filled.
#[wasm_bindgen(js_name = trackingWorkbook)]
pub fn tracking_workbook_js(plan: JsValue, options: JsValue) -> Result<Vec<u8>, JsValue> {
    let (plan, opts) = read(&plan, &options)?;
    tracking_workbook(&plan, &opts).map_err(|e| error(e.code(), e.message()))
}

/// The progress report (DOCX bytes) of `plan` on `options.asOf`, consolidated or for
/// `options.agency`, with `options.progress`'s reports.
#[wasm_bindgen(js_name = progressReport)]
pub fn progress_report_js(plan: JsValue, options: JsValue) -> Result<Vec<u8>, JsValue> {
    let (plan, opts) = read(&plan, &options)?;
    progress_report(&plan, &opts).map_err(|e| error(e.code(), e.message()))
}

/// The MIME types of the two documents, for `Blob`s.
#[wasm_bindgen(js_name = officeMimeTypes)]
pub fn office_mime_types() -> js_sys::Array {
    js_sys::Array::of2(
        &kehoach::office::XLSX_MIME.into(),
        &kehoach::office::DOCX_MIME.into(),
    )
}
