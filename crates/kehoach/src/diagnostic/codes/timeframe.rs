//! Constructors for timeframe codes.

use super::*;
use crate::Date;
use crate::diagnostic::{Diagnostic, Localized, Severity};
use crate::span::Span;

/// `timeframe/unrecognized`: the grammar cannot read the timeframe; it is kept verbatim.
pub fn timeframe_unrecognized(span: Span, text: &str) -> Diagnostic {
    Diagnostic::new(
        TIMEFRAME_UNRECOGNIZED,
        Severity::Warning,
        span,
        Localized::new(
            format!("không đọc được thời gian thực hiện \"{text}\"; giữ nguyên văn bản, không suy đoán"),
            format!("unrecognized timeframe \"{text}\": kept verbatim, not guessed"),
        ),
    )
    .with_note(Localized::new(
        "các dạng được hiểu, ví dụ: \"Năm 2021\", \"Năm 2021 - 2025\", \"Quý III/2024\", \"Trước ngày 31/3/2022\", \"Năm 2021 và những năm tiếp theo\", \"Thường xuyên hằng năm\", \"Theo hướng dẫn của Bộ …\"",
        "forms understood include \"Năm 2021\", \"Năm 2021 - 2025\", \"Quý III/2024\", \"Trước ngày 31/3/2022\", \"Năm 2021 và những năm tiếp theo\", \"Thường xuyên hằng năm\", \"Theo hướng dẫn của Bộ …\"",
    ))
}

/// `timeframe/reversed-range`: a range whose end (`end`) is before its start (`start`).
pub fn timeframe_reversed(span: Span, start: &str, end: &str) -> Diagnostic {
    Diagnostic::new(
        TIMEFRAME_REVERSED,
        Severity::Error,
        span,
        Localized::new(
            format!("khoảng thời gian ngược: kết thúc ({end}) trước khi bắt đầu ({start})"),
            format!("reversed range: it ends ({end}) before it starts ({start})"),
        ),
    )
}

/// `timeframe/ended-before-plan`: every window ends (`end`) before the plan's date (`plan`).
pub fn timeframe_ended_before_plan(span: Span, end: Date, plan: Date) -> Diagnostic {
    Diagnostic::new(
        TIMEFRAME_ENDED_BEFORE_PLAN,
        Severity::Warning,
        span,
        Localized::new(
            format!(
                "thời gian thực hiện kết thúc ngày {end} trước ngày ban hành kế hoạch ({plan})"
            ),
            format!("the timeframe ends on {end}, before the plan's date ({plan})"),
        ),
    )
}

/// `timeframe/phase-overlap`: phase `phase` (1-based, at `span`) starts before the last year of
/// phase `previous` (at `previous_span`).
pub fn timeframe_phase_overlap(
    span: Span,
    phase: usize,
    previous_span: Span,
    previous: usize,
) -> Diagnostic {
    Diagnostic::new(
        TIMEFRAME_PHASE_OVERLAP,
        Severity::Warning,
        span,
        Localized::new(
            format!("giai đoạn {phase} chồng lấn giai đoạn {previous} quá một năm chuyển tiếp"),
            format!("phase {phase} overlaps phase {previous} by more than a boundary year"),
        ),
    )
    .with_label(
        previous_span,
        Localized::new(
            format!("giai đoạn {previous} ở đây"),
            format!("phase {previous} here"),
        ),
    )
}

/// `timeframe/beyond-horizon`: a window ends in `year`, after the plan's horizon `horizon`.
pub fn timeframe_beyond_horizon(span: Span, year: i32, horizon: i32) -> Diagnostic {
    Diagnostic::new(
        TIMEFRAME_BEYOND_HORIZON,
        Severity::Warning,
        span,
        Localized::new(
            format!(
                "thời gian thực hiện kéo dài đến năm {year}, quá phạm vi kế hoạch (đến năm {horizon})"
            ),
            format!("the timeframe runs to {year}, beyond the plan's horizon ({horizon})"),
        ),
    )
}

/// `timeframe/unrecognized` for a value that names no time at all ("Khi nào xong thì thôi"):
/// a warning, never read as a condition.
pub fn timeframe_no_time(span: Span, text: &str) -> Diagnostic {
    Diagnostic::new(
        TIMEFRAME_UNRECOGNIZED,
        Severity::Warning,
        span,
        Localized::new(
            format!(
                "thời gian thực hiện \"{text}\" không nêu thời điểm, thời hạn hay điều kiện nào"
            ),
            format!("the timeframe \"{text}\" names no time, deadline or condition"),
        ),
    )
    .with_note(Localized::new(
        "ghi rõ thời hạn, ví dụ: \"Quý IV/2025\", \"Trước ngày 31/12/2025\", \"Hằng năm\"",
        "state a time, for example \"Quý IV/2025\", \"Trước ngày 31/12/2025\", \"Hằng năm\"",
    ))
}

/// `timeframe/too-long`: a timeframe longer than the grammar reads
/// ([`MAX_TIMEFRAME_BYTES`](crate::timeframe::MAX_TIMEFRAME_BYTES),
/// [`MAX_TIMEFRAME_TOKENS`](crate::timeframe::MAX_TIMEFRAME_TOKENS)); kept verbatim.
pub fn timeframe_too_long(span: Span, len: usize) -> Diagnostic {
    Diagnostic::new(
        TIMEFRAME_TOO_LONG,
        Severity::Warning,
        span,
        Localized::new(
            format!("thời gian thực hiện quá dài để đọc ({len} byte); giữ nguyên văn bản"),
            format!("timeframe too long to read ({len} bytes): kept verbatim"),
        ),
    )
}
