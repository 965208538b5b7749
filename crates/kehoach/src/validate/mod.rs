//! Validation: every defect a reviewer would catch, as located bilingual [`Diagnostic`]s.
//!
//! [`check`] takes a [`ParseOutput`] and returns its parse diagnostics plus the findings of
//! each check family, sorted by position, in the language chosen in [`CheckOptions`];
//! [`check_text`] parses and checks in one call. One defect yields one diagnostic: numbering is
//! checked by aligning each list of siblings against the expected sequence (see
//! `numbering.rs`), so a duplicated "d)" is not also reported as a skipped "đ)".
//!
//! | family | codes | file |
//! |---|---|---|
//! | numbering | `numbering/*` | `numbering.rs` |
//! | tasks | `task/missing-lead`, `task/missing-timeframe` (the parser reports `task/duplicate-label`, `task/empty-label`) | `tasks.rs` |
//! | timeframes | `timeframe/*` | `timeframes.rs` (wired with the timeframe module) |
//! | agencies | `agency/*` | `agencies.rs` (wired with the agency registry) |
//! | citations | `citation/*` | `citations.rs` |
//! | metadata | `metadata/*` | `metadata.rs` |
//! | text | `text/legacy-encoding`, `text/mojibake` (found by the parser) | `text/mod.rs` |
//!
//! Text in a legacy 8-bit encoding (TCVN3, VNI) or mojibake is reported as the only error: the
//! other checks would describe garbage, so they do not run, and [`check_text`] returns an empty
//! plan for it.
//!
//! ```
//! use kehoach::validate::{check, CheckOptions};
//! use kehoach::{Lang, Severity};
//! let out = kehoach::parse(kehoach::SEED_PLAN);
//! let diags = check(&out, &CheckOptions::default().with_lang(Lang::En));
//! let errors: Vec<_> = diags.iter().filter(|d| d.severity == Severity::Error).collect();
//! assert_eq!(errors[0].code, "numbering/duplicate-point");
//! assert_eq!(errors[0].fix.as_ref().unwrap().replacement, "đ");
//! assert_eq!(errors[1].code, "citation/symbol-style");
//! assert_eq!(errors[1].fix.as_ref().unwrap().replacement, "29-NQ/TW");
//! ```

mod agencies;
mod citations;
mod metadata;
mod numbering;
mod tasks;
#[cfg(test)]
mod tests;
mod text;
mod timeframes;

pub use crate::diagnostic::codes::SymbolStyle;
pub use citations::{SymbolParts, parse_symbol};
pub use text::has_encoding_error;
pub use timeframes::stated_horizon;

use crate::date::Date;
use crate::diagnostic::{self, Diagnostic, Lang, Localized};
use crate::document::{ParseOptions, ParseOutput, Parser, Plan, Unit, UnitKind};

/// What to check and how to report it.
///
/// ```
/// use kehoach::validate::CheckOptions;
/// let opts = CheckOptions::default()
///     .with_as_of("2026-11-28".parse().unwrap())
///     .with_lang(kehoach::Lang::En)
///     .with_fragment(true);
/// assert_eq!(opts.as_of.unwrap().year(), 2026);
/// assert!(opts.fragment);
/// ```
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// The date to check against (agency successions); `None` skips date-dependent checks.
    pub as_of: Option<Date>,
    /// Language of the serialized messages (Vietnamese by default).
    pub lang: Lang,
    /// The text is a fragment (an amendment's new text, a pasted section), not a whole
    /// document: the header (number, date, issuer) is not required and the top-level
    /// numbering may start anywhere ("3. …"). Default `false`.
    pub fragment: bool,
}

impl CheckOptions {
    /// Sets the as-of date.
    pub fn with_as_of(mut self, as_of: Date) -> Self {
        self.as_of = Some(as_of);
        self
    }

    /// Sets the message language.
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// Marks the text as a fragment (see [`CheckOptions::fragment`]).
    pub fn with_fragment(mut self, fragment: bool) -> Self {
        self.fragment = fragment;
        self
    }

    /// The parser options matching these check options (for [`check_text`]).
    pub fn parse_options(&self) -> ParseOptions {
        ParseOptions {
            as_of: self.as_of,
            ..ParseOptions::default()
        }
    }
}

/// All diagnostics for a parsed plan: its parse diagnostics plus every check, sorted by
/// position (errors first at the same place), with `lang` set from the options.
///
/// When the parser found a legacy encoding or mojibake, that error is the only diagnostic
/// returned.
pub fn check(out: &ParseOutput, opts: &CheckOptions) -> Vec<Diagnostic> {
    let mut diags = out.diagnostics.clone();
    if has_encoding_error(&diags) {
        // The only finding worth showing: anything else would describe garbage.
        diags.retain(text::is_encoding_error);
    } else {
        let plan = &out.plan;
        numbering::check(plan, opts.fragment, &mut diags);
        tasks::check(plan, &mut diags);
        timeframes::check(plan, opts, &mut diags);
        agencies::check(plan, opts, &mut diags);
        citations::check(plan, &mut diags);
        if !opts.fragment {
            metadata::check(plan, &mut diags);
        }
    }
    diagnostic::sort(&mut diags);
    diagnostic::set_lang(&mut diags, opts.lang);
    diags
}

/// Parses `text` and checks it: the plan with all diagnostics (see [`check`]).
///
/// Text in a legacy encoding or mojibake yields an empty plan (only its span is set) and the
/// encoding error, never a tree of garbage tasks.
///
/// ```
/// use kehoach::validate::{check_text, CheckOptions};
/// let out = check_text("I. NHIỆM VỤ\n1. Chung\na) Một.\nb) Hai.\nb) Ba.\n",
///     &CheckOptions::default().with_fragment(true));
/// assert_eq!(out.diagnostics.len(), 1);
/// assert_eq!(out.diagnostics[0].code, "numbering/duplicate-point");
/// assert_eq!(out.diagnostics[0].fix.as_ref().unwrap().replacement, "c");
/// ```
pub fn check_text(text: &str, opts: &CheckOptions) -> ParseOutput {
    let mut out = Parser::new(opts.parse_options()).parse(text);
    let diagnostics = check(&out, opts);
    if has_encoding_error(&diagnostics) {
        out.plan = Plan {
            span: out.plan.span,
            ..Plan::default()
        };
    }
    out.diagnostics = diagnostics;
    out
}

/// Where a list of units sits ("khoản 2 Mục II" / "part 2 of section II"), for messages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Place {
    vi: String,
    en: String,
}

impl Place {
    /// The place inside the innermost of `ancestors` (outermost first).
    pub(crate) fn of(ancestors: &[&Unit]) -> Place {
        let vi: Vec<String> = ancestors
            .iter()
            .rev()
            .map(|u| {
                let kind = match u.kind {
                    UnitKind::Section => "Mục",
                    UnitKind::Part => "khoản",
                    UnitKind::Point => "điểm",
                    UnitKind::Division => "phần",
                    UnitKind::Item => "gạch đầu dòng",
                };
                format!("{kind} {}", u.num)
            })
            .collect();
        let en: Vec<String> = ancestors
            .iter()
            .rev()
            .map(|u| {
                let kind = match u.kind {
                    UnitKind::Section => "section",
                    UnitKind::Part => "part",
                    UnitKind::Point => "point",
                    UnitKind::Division => "division",
                    UnitKind::Item => "bullet group",
                };
                format!("{kind} {}", u.num)
            })
            .collect();
        Place {
            vi: vi.join(" "),
            en: en.join(" of "),
        }
    }

    /// Names the place in a diagnostic's message ("… trong khoản 2 Mục II").
    pub(crate) fn locate(&self, mut d: Diagnostic) -> Diagnostic {
        if self.vi.is_empty() {
            return d;
        }
        let Localized { vi, en } = &d.message;
        let vi = if vi.contains("trong cùng khoản") {
            vi.replace("trong cùng khoản", &format!("trong {}", self.vi))
        } else {
            format!("{vi} (trong {})", self.vi)
        };
        let en = if en.contains("in the same part") {
            en.replace("in the same part", &format!("in {}", self.en))
        } else {
            format!("{en} (in {})", self.en)
        };
        d.message = Localized { vi, en };
        d
    }
}
