//! Text: legacy 8-bit Vietnamese encodings (TCVN3/ABC, VNI) and mojibake (UTF-8 read as
//! Latin-1) are detected by the parser (`document/encoding.rs`) as `text/legacy-encoding` and
//! `text/mojibake`. Validation makes that error the primary and only finding: [`super::check`]
//! runs no other check on such text and [`super::check_text`] returns an empty plan, so the
//! user is told to convert the file instead of being shown garbage tasks.

use crate::diagnostic::{Diagnostic, codes};

/// True when the diagnostics contain a legacy-encoding or mojibake error.
///
/// ```
/// let out = kehoach::parse("KÕ ho¹ch thùc hiÖn NghÞ quyÕt sè 50 cña ChÝnh phñ");
/// assert!(kehoach::validate::has_encoding_error(&out.diagnostics));
/// assert!(!kehoach::validate::has_encoding_error(&kehoach::parse(kehoach::SEED_PLAN).diagnostics));
/// ```
pub fn has_encoding_error(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(is_encoding_error)
}

pub(super) fn is_encoding_error(d: &Diagnostic) -> bool {
    d.code == codes::LEGACY_ENCODING || d.code == codes::MOJIBAKE
}

#[cfg(test)]
mod tests;
