//! Constructors for lead-agency codes.

use super::*;
use crate::agency::Change;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Localized, Severity};
use crate::span::Span;

/// `agency/unknown`: a lead agency neither the registry nor the name patterns know.
///
/// `suggestion` is the nearest known name; it becomes the fix.
///
/// ```
/// use kehoach::{diagnostic::codes, Span};
/// let d = codes::agency_unknown(Span::default(), "Sở Thông tin và Truyền thong",
///                               Some("Sở Thông tin và Truyền thông"));
/// assert_eq!(d.code, "agency/unknown");
/// assert_eq!(d.fix.unwrap().replacement, "Sở Thông tin và Truyền thông");
/// ```
pub fn agency_unknown(span: Span, text: &str, suggestion: Option<&str>) -> Diagnostic {
    let mut d = Diagnostic::new(
        AGENCY_UNKNOWN,
        Severity::Warning,
        span,
        Localized::new(
            format!("không nhận ra cơ quan \"{text}\""),
            format!("unknown agency \"{text}\""),
        ),
    );
    if let Some(s) = suggestion {
        d = d
            .with_note(Localized::new(
                format!("có phải là \"{s}\"?"),
                format!("did you mean \"{s}\"?"),
            ))
            .with_fix(span, s);
    } else {
        d = d.with_note(Localized::new(
            "nếu đây là một cơ quan có thật, hãy bổ sung vào danh mục cơ quan",
            "if this is a real body, add it to the agency registry",
        ));
    }
    d
}

/// `agency/duplicate`: the same agency twice in one list.
pub fn agency_duplicate(span: Span, name: &str, first: Span) -> Diagnostic {
    Diagnostic::new(
        AGENCY_DUPLICATE,
        Severity::Warning,
        span,
        Localized::new(
            format!("cơ quan \"{name}\" được ghi hai lần trong cùng danh sách"),
            format!("agency \"{name}\" is listed twice"),
        ),
    )
    .with_label(first, Localized::new("lần đầu ở đây", "first listed here"))
}

/// `agency/succeeded`: the agency no longer exists as named on the as-of date.
pub fn agency_succeeded(
    span: Span,
    name: &str,
    successors: &[String],
    change: Change,
    since: Option<Date>,
    basis: Option<&str>,
) -> Diagnostic {
    let list = successors.join(", ");
    let (vi_change, en_change) = match change {
        Change::Merged => ("đã hợp nhất vào", "was merged into"),
        Change::Renamed => ("đã đổi tên thành", "was renamed"),
        Change::Split => ("đã tách, nhiệm vụ chuyển cho", "was split between"),
        Change::Abolished => (
            "đã kết thúc hoạt động, nhiệm vụ chuyển cho",
            "was abolished; its duties went to",
        ),
        Change::Unchanged => ("nay do", "is now held by"),
    };
    let (vi_when, en_when) = match since {
        Some(d) => (
            format!(" từ ngày {:02}/{:02}/{}", d.day(), d.month(), d.year()),
            format!(" on {d}"),
        ),
        None => (String::new(), String::new()),
    };
    let mut d = Diagnostic::new(
        AGENCY_SUCCEEDED,
        Severity::Warning,
        span,
        Localized::new(
            format!("\"{name}\" {vi_change} {list}{vi_when}"),
            format!("\"{name}\" {en_change} {list}{en_when}"),
        ),
    );
    if let Some(b) = basis {
        d = d.with_note(Localized::new(
            format!("căn cứ: {b}"),
            format!("basis: {b}"),
        ));
    }
    d
}
