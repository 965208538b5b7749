//! The crate's error type for entry points that can fail (bad options, bad JSON, misuse).
//!
//! Parsing a document never returns an error: it returns the plan plus diagnostics. [`Error`] is
//! for everything else; its [`code`](Error::code) is a stable string that the wasm bindings put on
//! the JavaScript `Error` (`err.code`), and its message is lowercase without a final period.

use crate::span::Span;

/// What went wrong, as a stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An option had an invalid value (`invalid-option`).
    InvalidOption,
    /// JSON input could not be read (`invalid-json`).
    InvalidJson,
    /// The input exceeds the configured size limit (`input-too-large`).
    InputTooLarge,
    /// A date could not be read or does not exist (`invalid-date`).
    InvalidDate,
    /// A referenced unit, task or agency does not exist (`not-found`).
    NotFound,
    /// An amendment could not be applied or read (`invalid-amendment`).
    InvalidAmendment,
    /// An argument had the wrong type or shape (`invalid-argument`).
    InvalidArgument,
}

impl ErrorKind {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::InvalidOption => "invalid-option",
            ErrorKind::InvalidJson => "invalid-json",
            ErrorKind::InputTooLarge => "input-too-large",
            ErrorKind::InvalidDate => "invalid-date",
            ErrorKind::NotFound => "not-found",
            ErrorKind::InvalidAmendment => "invalid-amendment",
            ErrorKind::InvalidArgument => "invalid-argument",
        }
    }
}

/// A hard error with a stable code, an optional location and a message.
///
/// ```
/// let err = "2026-02-30".parse::<kehoach::Date>().unwrap_err();
/// assert_eq!(err.code(), "invalid-date");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    kind: ErrorKind,
    span: Option<Span>,
    message: String,
}

impl Error {
    /// A new error.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            span: None,
            message: message.into(),
        }
    }

    /// Attaches a location.
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// `invalid-option` for option `name` with value `value`.
    pub fn invalid_option(name: &str, value: &str, why: &str) -> Self {
        Error::new(
            ErrorKind::InvalidOption,
            format!("invalid value {value:?} for option `{name}`: {why}"),
        )
    }

    /// The kind.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The stable code (`invalid-json`, …).
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// Where in the input, when known.
    pub fn span(&self) -> Option<Span> {
        self.span
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        let msg = e.to_string();
        let line = u32::try_from(e.line()).unwrap_or(u32::MAX);
        let column = u32::try_from(e.column()).unwrap_or(u32::MAX);
        Error::new(ErrorKind::InvalidJson, format!("invalid json: {msg}")).with_span(Span {
            start: 0,
            end: 0,
            line,
            column,
        })
    }
}
