//! Options and progress reports read from JavaScript values field by field, without serde
//! deserializers: with them the first-render module was 29 KB gzipped larger (measured: serde's
//! generic visitors per type, and its error messages, which link float formatting). The rules
//! are those the serde derives had: unknown option names are refused (`invalid-option`),
//! `undefined` and `null` mean "not given", dates are `"YYYY-MM-DD"`, numbers must be integers in
//! range; a progress object follows the `--progress FILE` format (`invalid-json` otherwise).

use crate::error::ApiError;
use crate::js::{is_object, type_name};
#[cfg(feature = "tools")]
use crate::types::{AmendOptions, ExportOptions};
use crate::types::{CheckPlanOptions, ParsePlanOptions, ResolveAgenciesOptions};
use kehoach::schedule::{Progress, ProgressStatus, Report};
use kehoach::{Date, ErrorKind, Lang};
use wasm_bindgen::{JsCast, JsValue};

/// An options type read name by name.
pub(crate) trait ReadOptions: Default {
    /// The option names, as JavaScript spells them.
    const NAMES: &'static [&'static str];
    /// Sets the option `name` (one of [`Self::NAMES`]) from a value that is neither `undefined`
    /// nor `null`.
    fn set(&mut self, name: &str, v: &JsValue) -> Result<(), String>;
}

/// Calls `set` for each property of the plain object `v` that is not `undefined` or `null`;
/// a property not in `names` is an error (`unknown option`).
pub(crate) fn read_fields(
    v: &JsValue,
    names: &[&str],
    mut set: impl FnMut(&str, &JsValue) -> Result<(), String>,
) -> Result<(), String> {
    let obj: &js_sys::Object = v.unchecked_ref();
    for key in js_sys::Object::keys(obj).iter() {
        let name = key.as_string().unwrap_or_default();
        if !names.contains(&name.as_str()) {
            return Err(format!(
                "unknown option `{name}`, expected one of {}",
                names.join(", ")
            ));
        }
        let value = js_sys::Reflect::get(obj, &key).map_err(|_| format!("cannot read `{name}`"))?;
        if !value.is_undefined() && !value.is_null() {
            set(&name, &value).map_err(|e| format!("{name}: {e}"))?;
        }
    }
    Ok(())
}

/// Reads an options object whose type checked it is a plain object.
pub(crate) fn read_object<T: ReadOptions>(v: &JsValue) -> Result<T, ApiError> {
    let mut out = T::default();
    read_fields(v, T::NAMES, |name, value| out.set(name, value)).map_err(invalid_option)?;
    Ok(out)
}

/// The `invalid-option` error.
pub(crate) fn invalid_option(e: String) -> ApiError {
    ApiError::new(
        ErrorKind::InvalidOption.code(),
        format!("invalid options: {e}"),
    )
}

/// A string value.
pub(crate) fn string(v: &JsValue) -> Result<String, String> {
    v.as_string()
        .ok_or_else(|| format!("expected a string, got {}", type_name(v)))
}

/// A `"YYYY-MM-DD"` date.
pub(crate) fn date(v: &JsValue) -> Result<Date, String> {
    string(v)?.parse::<Date>().map_err(|e| e.to_string())
}

/// `"vi"` or `"en"`.
pub(crate) fn lang(v: &JsValue) -> Result<Lang, String> {
    match string(v)?.as_str() {
        "vi" => Ok(Lang::Vi),
        "en" => Ok(Lang::En),
        other => Err(format!("unknown language `{other}`, expected `vi` or `en`")),
    }
}

/// An integer number within `lo..=hi` (the message formats the bounds as integers: a float's
/// `Display` would link 14 KB of float formatting).
fn integer(v: &JsValue, lo: i64, hi: i64) -> Result<i64, String> {
    match v.as_f64() {
        Some(n) if n.is_finite() && n.trunc() == n && n >= lo as f64 && n <= hi as f64 => {
            Ok(n as i64)
        }
        Some(_) => Err(format!("expected an integer from {lo} to {hi}")),
        None => Err(format!("expected a number, got {}", type_name(v))),
    }
}

/// An unsigned 32-bit integer.
pub(crate) fn u32_value(v: &JsValue) -> Result<u32, String> {
    integer(v, 0, i64::from(u32::MAX)).and_then(|n| u32::try_from(n).map_err(|e| e.to_string()))
}

/// A signed 32-bit integer.
pub(crate) fn i32_value(v: &JsValue) -> Result<i32, String> {
    integer(v, i64::from(i32::MIN), i64::from(i32::MAX))
        .and_then(|n| i32::try_from(n).map_err(|e| e.to_string()))
}

impl ReadOptions for ParsePlanOptions {
    const NAMES: &'static [&'static str] = &[
        "asOf",
        "lang",
        "maxInputBytes",
        "maxUnits",
        "maxLines",
        "maxAgencies",
    ];
    fn set(&mut self, name: &str, v: &JsValue) -> Result<(), String> {
        match name {
            "asOf" => self.as_of = Some(date(v)?),
            "lang" => self.lang = Some(lang(v)?),
            "maxInputBytes" => self.max_input_bytes = Some(u32_value(v)?),
            "maxUnits" => self.max_units = Some(u32_value(v)?),
            "maxLines" => self.max_lines = Some(u32_value(v)?),
            _ => self.max_agencies = Some(u32_value(v)?),
        }
        Ok(())
    }
}

impl ReadOptions for CheckPlanOptions {
    const NAMES: &'static [&'static str] = &["asOf", "lang"];
    fn set(&mut self, name: &str, v: &JsValue) -> Result<(), String> {
        match name {
            "asOf" => self.as_of = Some(date(v)?),
            _ => self.lang = Some(lang(v)?),
        }
        Ok(())
    }
}

impl ReadOptions for ResolveAgenciesOptions {
    const NAMES: &'static [&'static str] = &["on", "lang", "province"];
    fn set(&mut self, name: &str, v: &JsValue) -> Result<(), String> {
        match name {
            "on" => self.on = Some(date(v)?),
            "lang" => self.lang = Some(lang(v)?),
            _ => self.province = Some(string(v)?),
        }
        Ok(())
    }
}

#[cfg(feature = "tools")]
impl ReadOptions for AmendOptions {
    const NAMES: &'static [&'static str] = &["lang"];
    fn set(&mut self, _name: &str, v: &JsValue) -> Result<(), String> {
        self.lang = Some(lang(v)?);
        Ok(())
    }
}

#[cfg(feature = "tools")]
impl ReadOptions for ExportOptions {
    const NAMES: &'static [&'static str] = &["asOf"];
    fn set(&mut self, _name: &str, v: &JsValue) -> Result<(), String> {
        self.as_of = Some(date(v)?);
        Ok(())
    }
}

impl crate::types::ScheduleArgs {
    /// The option names of `schedule` (read in `PlanHandle::schedule`: `asOf` is required).
    pub(crate) const NAMES: &'static [&'static str] = &["asOf", "progress", "horizon", "lang"];
}

/// The `invalid-json` error of a progress value.
fn invalid_progress(e: String) -> ApiError {
    ApiError::new(ErrorKind::InvalidJson.code(), format!("progress: {e}"))
}

/// The `progress` option: `{ reports: [...] }` as an object or as its JSON text (parsed by
/// `JSON.parse`). Unknown properties are ignored, as `Progress::from_json` does.
pub(crate) fn progress(v: &JsValue) -> Result<Progress, ApiError> {
    let parsed;
    let v = match v.as_string() {
        Some(s) => {
            parsed = js_sys::JSON::parse(&s).map_err(|e| {
                let why = e
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .unwrap_or_default();
                invalid_progress(format!("invalid JSON: {why}"))
            })?;
            &parsed
        }
        None => v,
    };
    if !is_object(v) {
        return Err(invalid_progress(format!(
            "expected an object {{ reports: [...] }}, got {}",
            type_name(v)
        )));
    }
    let reports = js_sys::Reflect::get(v, &JsValue::from_str("reports"))
        .map_err(|_| invalid_progress("cannot read `reports`".into()))?;
    let Some(reports) = reports.dyn_ref::<js_sys::Array>() else {
        return Err(invalid_progress(format!(
            "`reports` must be an array, got {}",
            type_name(&reports)
        )));
    };
    let mut out = Progress::default();
    for (i, r) in reports.iter().enumerate() {
        out.reports
            .push(report(&r).map_err(|e| invalid_progress(format!("reports[{i}]: {e}")))?);
    }
    Ok(out)
}

/// One report: `task`, `date` and `status` required, `note` and `by` optional.
fn report(v: &JsValue) -> Result<Report, String> {
    if !is_object(v) {
        return Err(format!("expected an object, got {}", type_name(v)));
    }
    let field = |name: &str| -> Result<Option<JsValue>, String> {
        let f = js_sys::Reflect::get(v, &JsValue::from_str(name))
            .map_err(|_| format!("cannot read `{name}`"))?;
        Ok((!f.is_undefined() && !f.is_null()).then_some(f))
    };
    let required = |name: &str| -> Result<JsValue, String> {
        field(name)?.ok_or_else(|| format!("missing field `{name}`"))
    };
    let optional = |name: &str| -> Result<Option<String>, String> {
        field(name)?
            .map(|f| string(&f).map_err(|e| format!("{name}: {e}")))
            .transpose()
    };
    let task = string(&required("task")?).map_err(|e| format!("task: {e}"))?;
    let date = date(&required("date")?).map_err(|e| format!("date: {e}"))?;
    let status = string(&required("status")?).map_err(|e| format!("status: {e}"))?;
    let status = ProgressStatus::ALL
        .into_iter()
        .find(|s| s.as_str() == status)
        .ok_or_else(|| {
            format!("status: unknown status `{status}`, expected notStarted, inProgress, done or dropped")
        })?;
    Ok(Report {
        task,
        date,
        status,
        note: optional("note")?,
        by: optional("by")?,
    })
}
