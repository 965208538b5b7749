//! The JavaScript boundary: values in (`JSON.stringify` → `serde_json`), results out
//! (`kehoach::json`, or `serde_json` in the tools module, → `JSON.parse`), argument checks and the panic hook. Everything here needs a
//! JavaScript engine; the logic it wraps ([`crate::api`]) does not.

use crate::error::{self, ApiError};
use crate::utf16::Utf16Map;
use kehoach::json::ToJson;
#[cfg(feature = "tools")]
use serde::Serialize;
#[cfg(feature = "tools")]
use serde::de::DeserializeOwned;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// Installs the panic hook (see the crate docs) once per instance; every export calls it first.
/// (Not a `#[wasm_bindgen(start)]` function: that would be exported to JavaScript as `start`.)
pub(crate) fn install_panic_hook() {
    #[cfg(target_arch = "wasm32")]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            std::panic::set_hook(Box::new(|_| wasm_bindgen::handler::schedule_reinit()));
            // NFC by the host: the module carries no Unicode tables (kehoach's `host-nfc`).
            kehoach::nfc::set_host_nfc(|s| {
                String::from(js_sys::JsString::from(s).normalize("NFC"))
            });
            // Case mapping outside Latin by the host too: no case tables (`kehoach::text`).
            kehoach::text::set_host_case(
                |s| String::from(js_sys::JsString::from(s).to_lower_case()),
                |s| String::from(js_sys::JsString::from(s).to_upper_case()),
            );
        });
    }
}

/// Converts a result of the core to JavaScript: [`crate::written_json`] (the library's JSON
/// writer, spans written in UTF-16 units), then `JSON.parse`. No serde serializer is involved.
pub(crate) fn written_to_js<T: ToJson + ?Sized>(
    value: &T,
    map: &Utf16Map,
) -> Result<JsValue, ApiError> {
    parse_json(&crate::written_json(value, map))
}

/// [`written_to_js`], typed.
pub(crate) fn written_to_ts<T: ToJson + Tsify>(
    value: &T,
    map: &Utf16Map,
) -> Result<Ts<T>, ApiError> {
    written_to_js(value, map).map(Ts::new_unchecked)
}

/// `JSON.parse(json)`.
fn parse_json(json: &str) -> Result<JsValue, ApiError> {
    js_sys::JSON::parse(json).map_err(|_| {
        ApiError::new(
            error::SERIALIZATION,
            "cannot convert result: JSON.parse failed",
        )
    })
}

/// Converts a result of the tools module to JavaScript: [`crate::to_json_with`] (`serde_json`),
/// then `JSON.parse`.
#[cfg(feature = "tools")]
pub(crate) fn to_js_value<T: Serialize + ?Sized>(
    value: &T,
    map: &Utf16Map,
) -> Result<JsValue, ApiError> {
    parse_json(&crate::to_json_with(value, map)?)
}

/// [`to_js_value`], typed.
#[cfg(feature = "tools")]
pub(crate) fn to_js<T: Serialize + Tsify>(value: &T, map: &Utf16Map) -> Result<Ts<T>, ApiError> {
    to_js_value(value, map).map(Ts::new_unchecked)
}

#[cfg(feature = "tools")]
/// `JSON.stringify(v)` as a Rust string (throws, caught, on cycles and BigInts).
pub(crate) fn stringify(v: &JsValue) -> Result<String, String> {
    let json = js_sys::JSON::stringify(v).map_err(|e| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()));
        format!(
            "it cannot be converted to JSON: {}",
            why.unwrap_or_default()
        )
    })?;
    JsValue::from(json)
        .as_string()
        .ok_or_else(|| "it cannot be converted to JSON".to_string())
}

/// Reads a JavaScript value as `T`: `JSON.stringify`, then `serde_json` (the tools module's
/// amendment objects and export format; see the crate docs for why not `serde-wasm-bindgen`).
#[cfg(feature = "tools")]
pub(crate) fn from_js<T: DeserializeOwned>(v: &JsValue) -> Result<T, String> {
    let json = stringify(v)?;
    serde_json::from_str(&json).map_err(|e| e.to_string())
}

/// What a JavaScript value is, for messages ("number", "null", "array", …).
pub(crate) fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(v) {
        "array".into()
    } else {
        v.js_typeof().as_string().unwrap_or_default()
    }
}

/// A plain object (not null, not an array).
pub(crate) fn is_object(v: &JsValue) -> bool {
    v.is_object() && !js_sys::Array::is_array(v)
}

/// Copies a JavaScript string into Rust, checking its type and size before copying.
pub(crate) fn read_text(v: &JsValue, what: &str, max_bytes: u32) -> Result<String, ApiError> {
    let Some(s) = v.dyn_ref::<js_sys::JsString>() else {
        return Err(ApiError::invalid_argument(format!(
            "{what} must be a string, got {}",
            type_name(v)
        )));
    };
    // A UTF-16 unit is at least one UTF-8 byte: reject without copying when it cannot fit.
    let units = s.length();
    if units > max_bytes {
        return Err(crate::too_large(what, units as usize, max_bytes));
    }
    let text = String::from(s);
    if text.len() > max_bytes as usize {
        return Err(crate::too_large(what, text.len(), max_bytes));
    }
    Ok(text)
}

/// Reads an options object (`undefined`/`null` = defaults); `invalid-option` for bad values
/// ([`crate::read`]: no serde deserializer).
pub(crate) fn read_options<T: Tsify + crate::read::ReadOptions>(
    options: Option<Ts<T>>,
) -> Result<T, ApiError> {
    let Some(options) = options else {
        return Ok(T::default());
    };
    let v = options.js_value();
    if v.is_undefined() || v.is_null() {
        return Ok(T::default());
    }
    check_options_object(&v)?;
    crate::read::read_object(&v)
}

/// `invalid-argument` unless `v` is a plain object.
pub(crate) fn check_options_object(v: &JsValue) -> Result<(), ApiError> {
    if is_object(v) {
        Ok(())
    } else {
        Err(ApiError::invalid_argument(format!(
            "options must be an object, got {}",
            type_name(v)
        )))
    }
}
