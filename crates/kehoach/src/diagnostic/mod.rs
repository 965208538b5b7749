//! Diagnostics: located, bilingual findings about a document.
//!
//! A [`Diagnostic`] is plain data (as in codespan-reporting): a stable [`code`](Diagnostic::code),
//! a [`Severity`], a message, a primary [`Span`], secondary [`Label`]s, notes and an optional
//! machine-applicable [`Fix`]. Every text exists in Vietnamese and English ([`Localized`]); the
//! JSON carries the language chosen with [`Diagnostic::with_lang`] (Vietnamese by default, for
//! portal users) in `message`, and both languages under `messages`.
//!
//! All codes and their constructors live in [`codes`].

pub mod codes;

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// How serious a diagnostic is.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// Informational: worth knowing, nothing to fix.
    Info,
    /// Probably wrong; the document is still usable.
    Warning,
    /// Wrong: the document (or amendment) must be fixed.
    Error,
}

impl Severity {
    /// Lowercase English name (`error`, `warning`, `info`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Language of messages.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Vietnamese (tiếng Việt), the default: messages for portal users.
    #[default]
    Vi,
    /// English, for developers.
    En,
}

impl std::str::FromStr for Lang {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" | "vie" | "vn" => Ok(Lang::Vi),
            "en" | "eng" => Ok(Lang::En),
            other => Err(crate::Error::invalid_option(
                "lang",
                other,
                "expected vi or en",
            )),
        }
    }
}

/// A text in Vietnamese and English.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Localized {
    /// Vietnamese.
    pub vi: String,
    /// English.
    pub en: String,
}

impl Localized {
    /// Both languages.
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Localized {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// A secondary location with its own message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is there.
    pub message: Localized,
}

/// A machine-applicable fix: replace the text at `span` with `replacement`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// The text to replace.
    pub span: Span,
    /// Its replacement.
    pub replacement: String,
}

/// A located finding.
///
/// ```
/// use kehoach::{diagnostic::{codes, Lang, Severity}, Span};
/// let d = codes::duplicate_point(Span::default(), "d", Some("đ"), None);
/// assert_eq!(d.code, "numbering/duplicate-point");
/// assert_eq!(d.severity, Severity::Error);
/// let json = serde_json::to_value(d.with_lang(Lang::En)).unwrap();
/// assert_eq!(json["fix"]["replacement"], "đ");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code, e.g. `numbering/duplicate-point` (see [`codes`]).
    pub code: &'static str,
    /// Severity.
    pub severity: Severity,
    /// The message in both languages.
    pub message: Localized,
    /// Primary location.
    pub span: Span,
    /// Secondary locations.
    pub labels: Vec<Label>,
    /// Further explanation, in both languages.
    pub notes: Vec<Localized>,
    /// A machine-applicable fix.
    pub fix: Option<Fix>,
    /// Language used for `message` when serialized.
    pub lang: Lang,
}

impl Diagnostic {
    /// A diagnostic with no labels, notes or fix.
    pub fn new(code: &'static str, severity: Severity, span: Span, message: Localized) -> Self {
        Diagnostic {
            code,
            severity,
            message,
            span,
            labels: Vec::new(),
            notes: Vec::new(),
            fix: None,
            lang: Lang::default(),
        }
    }

    /// Adds a secondary label.
    pub fn with_label(mut self, span: Span, message: Localized) -> Self {
        self.labels.push(Label { span, message });
        self
    }

    /// Adds a note.
    pub fn with_note(mut self, note: Localized) -> Self {
        self.notes.push(note);
        self
    }

    /// Sets the fix.
    pub fn with_fix(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.fix = Some(Fix {
            span,
            replacement: replacement.into(),
        });
        self
    }

    /// Chooses the language of the serialized message.
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// Overrides the severity.
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> &str {
        self.message.get(lang)
    }

    /// True for [`Severity::Error`].
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A secondary location of a diagnostic, as serialized.
#[cfg_attr(feature = "ts", derive(tsify::Tsify), tsify(rename = "Label"))]
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct LabelWire {
    /// Where.
    span: Span,
    /// What is there, in the diagnostic's `lang`.
    message: String,
}

/// A located finding, as serialized: `message` (and label and note texts) in `lang`, both
/// languages under `messages`.
#[cfg_attr(feature = "ts", derive(tsify::Tsify), tsify(rename = "Diagnostic"))]
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct DiagnosticWire {
    /// Stable code, e.g. `numbering/duplicate-point`.
    code: String,
    /// Severity.
    severity: Severity,
    /// The message in `lang`.
    message: String,
    /// Primary location.
    span: Span,
    /// Secondary locations.
    #[serde(default)]
    #[cfg_attr(feature = "ts", tsify(type = "Label[]"))]
    labels: Vec<LabelWire>,
    /// Further explanation, in `lang`.
    #[serde(default)]
    notes: Vec<String>,
    /// A machine-applicable fix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fix: Option<Fix>,
    /// Language of `message`, label messages and notes.
    #[serde(default)]
    lang: Lang,
    /// The message in both languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    messages: Option<Localized>,
}

impl Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let lang = self.lang;
        DiagnosticWire {
            code: self.code.to_string(),
            severity: self.severity,
            message: self.message.get(lang).to_string(),
            span: self.span,
            labels: self
                .labels
                .iter()
                .map(|l| LabelWire {
                    span: l.span,
                    message: l.message.get(lang).to_string(),
                })
                .collect(),
            notes: self.notes.iter().map(|n| n.get(lang).to_string()).collect(),
            fix: self.fix.clone(),
            lang,
            messages: Some(self.message.clone()),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Diagnostic {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let w = DiagnosticWire::deserialize(d)?;
        let code = codes::intern(&w.code).unwrap_or(codes::UNKNOWN);
        let one = |s: String| Localized::new(s.clone(), s);
        Ok(Diagnostic {
            code,
            severity: w.severity,
            message: w.messages.unwrap_or_else(|| one(w.message)),
            span: w.span,
            labels: w
                .labels
                .into_iter()
                .map(|l| Label {
                    span: l.span,
                    message: one(l.message),
                })
                .collect(),
            notes: w.notes.into_iter().map(one).collect(),
            fix: w.fix,
            lang: w.lang,
        })
    }
}

/// Sets the language of every diagnostic in a list.
pub fn set_lang(diagnostics: &mut [Diagnostic], lang: Lang) {
    for d in diagnostics {
        d.lang = lang;
    }
}

/// Sorts diagnostics by position, then severity (errors first), then code.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    crate::sort::sort_by(diagnostics, |a, b| {
        (a.span.start, std::cmp::Reverse(a.severity), a.code).cmp(&(
            b.span.start,
            std::cmp::Reverse(b.severity),
            b.code,
        ))
    });
}
