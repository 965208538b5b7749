//! Constructors for text, document and numbering codes.

use super::*;
use crate::diagnostic::{Diagnostic, Localized, Severity};
use crate::span::Span;

/// `text/legacy-encoding`: the text is in a pre-Unicode Vietnamese encoding (TCVN3/VNI).
pub fn legacy_encoding(span: Span, sample: &str, encoding: &str) -> Diagnostic {
    Diagnostic::new(
        LEGACY_ENCODING,
        Severity::Error,
        span,
        Localized::new(
            format!("văn bản dùng bảng mã cũ {encoding} (ví dụ \"{sample}\"): hãy chuyển sang Unicode trước khi nhập"),
            format!("text is in the legacy {encoding} Vietnamese encoding (e.g. \"{sample}\"): convert it to Unicode first"),
        ),
    )
    .with_note(Localized::new(
        "dùng công cụ chuyển mã (ví dụ Unikey: TCVN3/VNI → Unicode dựng sẵn) rồi dán lại",
        "use a converter (e.g. Unikey: TCVN3/VNI → Unicode NFC) and paste again",
    ))
}

/// `text/mojibake`: UTF-8 bytes decoded as Latin-1/Windows-1252.
pub fn mojibake(span: Span, sample: &str) -> Diagnostic {
    Diagnostic::new(
        MOJIBAKE,
        Severity::Error,
        span,
        Localized::new(
            format!(
                "văn bản bị lỗi phông (UTF-8 bị đọc sai thành Latin-1, ví dụ \"{sample}\"): hãy mở lại tệp với bảng mã UTF-8"
            ),
            format!(
                "text is mojibake (UTF-8 read as Latin-1, e.g. \"{sample}\"): re-open the file as UTF-8"
            ),
        ),
    )
}

/// `text/control-character`: a control character that is not whitespace.
pub fn control_character(span: Span, ch: char) -> Diagnostic {
    let code = u32::from(ch);
    Diagnostic::new(
        CONTROL_CHARACTER,
        Severity::Warning,
        span,
        Localized::new(
            format!("ký tự điều khiển U+{code:04X} trong văn bản"),
            format!("control character U+{code:04X} in the text"),
        ),
    )
}

/// `input/too-large`: the input exceeds the size limit.
pub fn input_too_large(span: Span, len: usize, limit: usize) -> Diagnostic {
    Diagnostic::new(
        INPUT_TOO_LARGE,
        Severity::Error,
        span,
        Localized::new(
            format!("văn bản quá lớn ({len} byte, giới hạn {limit} byte)"),
            format!("input too large ({len} bytes, limit {limit} bytes)"),
        ),
    )
}

/// `input/too-many-units`: more units than [`ParseOptions::max_units`](crate::document::ParseOptions::max_units);
/// the rest of the text is kept as one paragraph.
pub fn too_many_units(span: Span, limit: usize) -> Diagnostic {
    Diagnostic::new(
        TOO_MANY_UNITS,
        Severity::Error,
        span,
        Localized::new(
            format!(
                "văn bản có hơn {limit} mục, phần, điểm: từ dòng này, phần còn lại được giữ nguyên văn, không phân tích"
            ),
            format!(
                "more than {limit} units (sections, parts, points): from this line on, the rest is kept verbatim, not parsed"
            ),
        ),
    )
}

/// `input/too-many-lines`: more lines than [`ParseOptions::max_lines`](crate::document::ParseOptions::max_lines);
/// the rest of the text is kept as one paragraph.
pub fn too_many_lines(span: Span, limit: usize) -> Diagnostic {
    Diagnostic::new(
        TOO_MANY_LINES,
        Severity::Error,
        span,
        Localized::new(
            format!(
                "văn bản có hơn {limit} dòng: từ dòng này, phần còn lại được giữ nguyên văn, không phân tích"
            ),
            format!(
                "more than {limit} lines: from this line on, the rest is kept verbatim, not parsed"
            ),
        ),
    )
}

/// `input/too-many-agencies`: more agencies than the limit (per value, or
/// [`ParseOptions::max_agencies`](crate::document::ParseOptions::max_agencies) per plan); the rest
/// is not split (the value keeps it as written).
pub fn too_many_agencies(span: Span, limit: usize) -> Diagnostic {
    Diagnostic::new(
        TOO_MANY_AGENCIES,
        Severity::Error,
        span,
        Localized::new(
            format!("quá {limit} cơ quan: từ đây, danh sách không được tách (vẫn giữ nguyên văn)"),
            format!(
                "more than {limit} agencies (list items): from here on the list is not split (it is kept as written)"
            ),
        ),
    )
}

/// `document/no-sections`: no Roman-numeral section was found.
pub fn no_sections(span: Span) -> Diagnostic {
    Diagnostic::new(
        NO_SECTIONS,
        Severity::Warning,
        span,
        Localized::new(
            "không tìm thấy mục nào đánh số La Mã (I., II., …)",
            "no Roman-numeral section (I., II., …) found",
        ),
    )
}

/// `numbering/duplicate-point`: the same point letter twice in one part.
///
/// `fix` is the letter the point should have (the one missing from the sequence), if any.
pub fn duplicate_point(
    span: Span,
    letter: &str,
    fix: Option<&str>,
    first: Option<Span>,
) -> Diagnostic {
    let mut d = Diagnostic::new(
        DUPLICATE_POINT,
        Severity::Error,
        span,
        Localized::new(
            format!("điểm \"{letter})\" bị trùng trong cùng khoản"),
            format!("point \"{letter})\" appears twice in the same part"),
        ),
    );
    if let Some(first) = first {
        d = d.with_label(
            first,
            Localized::new(
                format!("điểm \"{letter})\" đầu tiên ở đây"),
                format!("first \"{letter})\" here"),
            ),
        );
    }
    if let Some(fix) = fix {
        d = d.with_fix(span, fix).with_note(Localized::new(
            format!("theo thứ tự chữ cái tiếng Việt, điểm này phải là \"{fix})\""),
            format!("in Vietnamese alphabet order this point should be \"{fix})\""),
        ));
    }
    d
}

/// `numbering/point-order`: a point letter comes before one it should follow.
pub fn point_order(span: Span, letter: &str, previous: &str) -> Diagnostic {
    Diagnostic::new(
        POINT_ORDER,
        Severity::Error,
        span,
        Localized::new(
            format!(
                "điểm \"{letter})\" đứng sau điểm \"{previous})\", sai thứ tự chữ cái tiếng Việt"
            ),
            format!(
                "point \"{letter})\" follows \"{previous})\": out of Vietnamese alphabet order"
            ),
        ),
    )
}

/// `numbering/skipped-point`: letters between two points are missing.
pub fn skipped_point(span: Span, letter: &str, missing: &str) -> Diagnostic {
    Diagnostic::new(
        SKIPPED_POINT,
        Severity::Warning,
        span,
        Localized::new(
            format!("thiếu điểm \"{missing})\" trước điểm \"{letter})\""),
            format!("point \"{missing})\" is missing before \"{letter})\""),
        ),
    )
}

/// `numbering/invalid-point-letter`: a letter outside the Vietnamese point sequence.
pub fn invalid_point_letter(span: Span, letter: &str, suggestion: Option<&str>) -> Diagnostic {
    let mut d = Diagnostic::new(
        INVALID_POINT_LETTER,
        Severity::Error,
        span,
        Localized::new(
            format!(
                "\"{letter})\" không thuộc dãy chữ cái đánh số điểm (a b c d đ e g h i k l m n o p q r s t u v x y)"
            ),
            format!(
                "\"{letter})\" is not in the Vietnamese point sequence (a b c d đ e g h i k l m n o p q r s t u v x y)"
            ),
        ),
    );
    if let Some(s) = suggestion {
        d = d.with_fix(span, s);
    }
    d
}

/// `numbering/inserted-unit-misplaced`: an inserted unit (a1, 3a) not right after its base unit.
pub fn inserted_unit_misplaced(span: Span, num: &str, base: &str) -> Diagnostic {
    Diagnostic::new(
        INSERTED_UNIT_MISPLACED,
        Severity::Warning,
        span,
        Localized::new(
            format!("đơn vị bổ sung \"{num}\" phải đứng ngay sau \"{base}\""),
            format!("inserted unit \"{num}\" must come right after \"{base}\""),
        ),
    )
}

/// `numbering/section-order`: Roman sections out of order, repeated or skipped.
pub fn section_order(span: Span, found: &str, expected: &str) -> Diagnostic {
    Diagnostic::new(
        SECTION_ORDER,
        Severity::Error,
        span,
        Localized::new(
            format!("mục \"{found}\" sai thứ tự: cần \"{expected}\""),
            format!("section \"{found}\" out of order: expected \"{expected}\""),
        ),
    )
    .with_fix(span, expected)
}

/// `numbering/part-order`: Arabic parts out of order, repeated or skipped.
pub fn part_order(span: Span, found: &str, expected: &str) -> Diagnostic {
    Diagnostic::new(
        PART_ORDER,
        Severity::Error,
        span,
        Localized::new(
            format!("khoản \"{found}\" sai thứ tự: cần \"{expected}\""),
            format!("part \"{found}\" out of order: expected \"{expected}\""),
        ),
    )
    .with_fix(span, expected)
}

/// `task/missing-lead`: a task without a lead agency.
pub fn missing_lead(span: Span, number: &str) -> Diagnostic {
    Diagnostic::new(
        MISSING_LEAD,
        Severity::Warning,
        span,
        Localized::new(
            format!("nhiệm vụ {number} thiếu \"Cơ quan chủ trì\""),
            format!("task {number} has no lead agency (\"Cơ quan chủ trì\")"),
        ),
    )
}

/// `task/missing-timeframe`: a task without a timeframe.
pub fn missing_timeframe(span: Span, number: &str) -> Diagnostic {
    Diagnostic::new(
        MISSING_TIMEFRAME,
        Severity::Warning,
        span,
        Localized::new(
            format!("nhiệm vụ {number} thiếu \"Thời gian thực hiện\""),
            format!("task {number} has no timeframe (\"Thời gian thực hiện\")"),
        ),
    )
}

/// `task/duplicate-label`: a label given twice in one task (the first value is kept).
pub fn duplicate_label(span: Span, label: &str, first: Span) -> Diagnostic {
    Diagnostic::new(
        DUPLICATE_LABEL,
        Severity::Warning,
        span,
        Localized::new(
            format!("\"{label}\" được ghi hai lần trong cùng nhiệm vụ; dùng giá trị đầu tiên"),
            format!("\"{label}\" is given twice in one task; the first value is used"),
        ),
    )
    .with_label(first, Localized::new("lần đầu ở đây", "first given here"))
}

/// `task/empty-label`: a label with no value.
pub fn empty_label(span: Span, label: &str) -> Diagnostic {
    Diagnostic::new(
        EMPTY_LABEL,
        Severity::Warning,
        span,
        Localized::new(
            format!("\"{label}\" không có nội dung"),
            format!("\"{label}\" has no value"),
        ),
    )
}
