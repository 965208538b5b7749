//! Errors thrown to JavaScript: a plain `Error` with a stable `code` property.
//!
//! | `err.code` | when |
//! |---|---|
//! | `invalid-argument` | an argument has the wrong type or shape (`parsePlan(42)`, a plan that is not a plan) |
//! | `invalid-option` | an option has a wrong value (`lang: "fr"`, an unknown option, an unknown export format) |
//! | `invalid-date` | a date option is not an existing `YYYY-MM-DD` date |
//! | `invalid-json` | a JSON string could not be read |
//! | `input-too-large` | the text is longer than `maxInputBytes` |
//! | `serialization` | the result could not be converted to JavaScript (a bug: please report it) |
//!
//! Codes of [`kehoach::Error`] are passed through unchanged.

use wasm_bindgen::JsValue;

/// Code for results that could not be converted to JavaScript values.
pub const SERIALIZATION: &str = "serialization";

/// An error for JavaScript: converted into an `Error` whose `code` is [`ApiError::code`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    code: &'static str,
    message: String,
}

impl ApiError {
    /// An error with a stable code and a lowercase message without a final period.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
        }
    }

    /// `invalid-argument`.
    pub fn invalid_argument(message: impl Into<String>) -> Self {
        Self::new(kehoach::ErrorKind::InvalidArgument.code(), message)
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl From<kehoach::Error> for ApiError {
    fn from(e: kehoach::Error) -> Self {
        ApiError::new(e.code(), e.message())
    }
}

impl From<ApiError> for JsValue {
    fn from(e: ApiError) -> JsValue {
        let err = js_sys::Error::new(&e.message);
        // Setting a property on a fresh Error object cannot fail; if it ever did, the error is
        // still thrown, only without its code.
        let _ = js_sys::Reflect::set(&err, &JsValue::from_str("code"), &JsValue::from_str(e.code));
        err.into()
    }
}
