//! Constructors for citation and metadata codes (emitted by [`crate::validate`]).

use super::*;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Localized, Severity};
use crate::span::Span;

/// Which family of documents a symbol belongs to: its issuer decides how it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SymbolStyle {
    /// Party documents: number `-` type `/` issuer ("52-NQ/TW", "271-KH/TU").
    Party,
    /// State documents: number `/` type `-` issuer ("50/NQ-CP", "714/QĐ-TTg"), optionally with
    /// the year for legal documents ("45/2025/NĐ-CP").
    State,
}

impl SymbolStyle {
    fn body(self) -> Localized {
        match self {
            SymbolStyle::Party => Localized::new("cơ quan của Đảng", "a Party body"),
            SymbolStyle::State => Localized::new("cơ quan nhà nước", "a state body"),
        }
    }

    fn style(self) -> Localized {
        match self {
            SymbolStyle::Party => Localized::new("kiểu văn bản của Đảng", "Party style"),
            SymbolStyle::State => Localized::new("kiểu văn bản nhà nước", "state style"),
        }
    }

    fn other(self) -> SymbolStyle {
        match self {
            SymbolStyle::Party => SymbolStyle::State,
            SymbolStyle::State => SymbolStyle::Party,
        }
    }
}

/// A date as Vietnamese write it: `18/5/2020`.
fn vi_date(d: Date) -> String {
    format!("{}/{}/{}", d.day(), d.month(), d.year())
}

/// `citation/symbol-style`: a cited symbol written in the other family's style.
///
/// `issuer_code` is the issuer part of the symbol ("TW"); `issuer` the issuing body named after
/// "của" when it confirms the family ("Ban Chấp hành Trung ương Đảng").
///
/// ```
/// use kehoach::diagnostic::codes::{self, SymbolStyle};
/// let d = codes::symbol_style(kehoach::Span::default(), "29/NQ-TW", "29-NQ/TW", "TW",
///     SymbolStyle::Party, Some("Ban Chấp hành Trung ương Đảng"));
/// assert_eq!(d.fix.unwrap().replacement, "29-NQ/TW");
/// ```
pub fn symbol_style(
    span: Span,
    found: &str,
    fixed: &str,
    issuer_code: &str,
    style: SymbolStyle,
    issuer: Option<&str>,
) -> Diagnostic {
    let (body, written, right) = (style.body(), style.other().style(), style.style());
    let mut d = Diagnostic::new(
        CITATION_SYMBOL_STYLE,
        Severity::Error,
        span,
        Localized::new(
            format!(
                "số ký hiệu \"{found}\" viết theo {}, nhưng \"{issuer_code}\" là {}: phải viết \"{fixed}\"",
                written.vi, body.vi
            ),
            format!(
                "symbol \"{found}\" is written in {} but \"{issuer_code}\" is {}: write \"{fixed}\"",
                written.en, body.en
            ),
        ),
    )
    .with_fix(span, fixed)
    .with_note(Localized::new(
        "văn bản của Đảng ghi số ký hiệu dạng số-loại/cơ quan (52-NQ/TW, 271-KH/TU); văn bản của cơ quan nhà nước ghi dạng số/loại-cơ quan (50/NQ-CP, 714/QĐ-TTg)",
        "Party documents are numbered number-type/issuer (52-NQ/TW, 271-KH/TU); state documents number/type-issuer (50/NQ-CP, 714/QĐ-TTg)",
    ));
    if let Some(issuer) = issuer {
        d = d.with_note(Localized::new(
            format!(
                "văn bản được dẫn là của \"{issuer}\", {}, nên phải ghi theo {}",
                body.vi, right.vi
            ),
            format!(
                "the cited document is issued by \"{issuer}\", {}, so it takes {}",
                body.en, right.en
            ),
        ));
    }
    d
}

/// `citation/impossible-date`: a date that does not exist ("ngày 31/2/2020").
pub fn impossible_date(span: Span, written: &str, day: u32, month: u32, year: i32) -> Diagnostic {
    let last = u8::try_from(month)
        .ok()
        .and_then(|m| Date::last_of_month(year, m));
    let why = match last {
        None => Localized::new(
            format!("không có tháng {month}"),
            format!("there is no month {month}"),
        ),
        Some(_) if day == 0 => Localized::new("không có ngày 0", "there is no day 0"),
        Some(last) => Localized::new(
            format!("tháng {month} năm {year} chỉ có {} ngày", last.day()),
            format!("month {month} of {year} has only {} days", last.day()),
        ),
    };
    Diagnostic::new(
        CITATION_IMPOSSIBLE_DATE,
        Severity::Error,
        span,
        Localized::new(
            format!("ngày \"{written}\" không tồn tại"),
            format!("date \"{written}\" does not exist"),
        ),
    )
    .with_note(why)
}

/// `citation/after-plan`: a cited document dated after the plan itself.
pub fn cited_after_plan(
    span: Span,
    symbol: &str,
    cited: Date,
    plan: Date,
    plan_span: Option<Span>,
) -> Diagnostic {
    let mut d = Diagnostic::new(
        CITATION_AFTER_PLAN,
        Severity::Warning,
        span,
        Localized::new(
            format!(
                "văn bản \"{symbol}\" được dẫn với ngày {}, sau ngày ban hành kế hoạch ({}): kiểm tra lại ngày hoặc số ký hiệu",
                vi_date(cited),
                vi_date(plan)
            ),
            format!(
                "cited document \"{symbol}\" is dated {cited}, after the plan's own date ({plan}): check the date or the symbol"
            ),
        ),
    );
    if let Some(s) = plan_span {
        d = d.with_label(
            s,
            Localized::new("ngày ban hành kế hoạch", "the plan's date"),
        );
    }
    d
}

/// `metadata/missing-number`: no "Số: …" line.
pub fn missing_number(span: Span) -> Diagnostic {
    Diagnostic::new(
        METADATA_MISSING_NUMBER,
        Severity::Error,
        span,
        Localized::new(
            "văn bản thiếu số, ký hiệu (dòng \"Số: …/KH-…\" dưới tên cơ quan ban hành)",
            "the document has no number and symbol (a \"Số: …/KH-…\" line under the issuing body)",
        ),
    )
}

/// `metadata/blank-number`: "Số:      /KH-…" — the number left blank, as in a draft.
pub fn blank_number(span: Span, symbol: &str) -> Diagnostic {
    Diagnostic::new(
        METADATA_BLANK_NUMBER,
        Severity::Warning,
        span,
        Localized::new(
            format!(
                "số văn bản để trống (\"Số: {symbol}\"): văn bản là dự thảo hoặc chưa được cấp số"
            ),
            format!("the number is left blank (\"Số: {symbol}\"): a draft, or not yet numbered"),
        ),
    )
}

/// `metadata/missing-date`: no "…, ngày … tháng … năm …" line.
pub fn missing_date(span: Span) -> Diagnostic {
    Diagnostic::new(
        METADATA_MISSING_DATE,
        Severity::Error,
        span,
        Localized::new(
            "văn bản thiếu địa danh và ngày ban hành (dòng \"…, ngày … tháng … năm …\")",
            "the document has no place and date of issue (a \"…, ngày … tháng … năm …\" line)",
        ),
    )
}

/// `metadata/missing-issuer`: no issuing body above the number.
pub fn missing_issuer(span: Span) -> Diagnostic {
    Diagnostic::new(
        METADATA_MISSING_ISSUER,
        Severity::Error,
        span,
        Localized::new(
            "văn bản thiếu tên cơ quan ban hành (ví dụ \"ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\")",
            "the document has no issuing body (e.g. \"ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\")",
        ),
    )
}

/// `metadata/date-mismatch`: the document's date differs from the wrapper's "Ngày ban hành".
pub fn date_mismatch(span: Span, document: Date, wrapper: &str, wrapper_span: Span) -> Diagnostic {
    Diagnostic::new(
        METADATA_DATE_MISMATCH,
        Severity::Warning,
        span,
        Localized::new(
            format!(
                "ngày ban hành ghi trong văn bản ({}) khác với \"Ngày ban hành\" của trang nguồn ({wrapper})",
                vi_date(document)
            ),
            format!(
                "the document's date ({document}) differs from the source site's \"Ngày ban hành\" ({wrapper})"
            ),
        ),
    )
    .with_label(
        wrapper_span,
        Localized::new("\"Ngày ban hành\" của trang nguồn", "the site's \"Ngày ban hành\""),
    )
    .with_note(Localized::new(
        "ngày ghi trong văn bản là ngày ban hành chính thức; hãy đối chiếu với bản gốc",
        "the date written in the document is authoritative; check against the original",
    ))
}
