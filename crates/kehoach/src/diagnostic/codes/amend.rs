//! Constructors for amendment codes (`amend/*`), emitted by [`crate::amend`].
//!
//! Every amendment problem is an error: an amendment with one of them is not applied at all.

use super::*;
use crate::diagnostic::{Diagnostic, Localized, Severity};
use crate::span::Span;

fn error(code: &'static str, span: Span, vi: String, en: String) -> Diagnostic {
    Diagnostic::new(code, Severity::Error, span, Localized::new(vi, en))
}

/// `amend/invalid-json`: the amendment JSON cannot be read.
pub fn amend_invalid_json(span: Span, detail: &str) -> Diagnostic {
    error(
        AMEND_INVALID_JSON,
        span,
        format!("không đọc được văn bản sửa đổi dạng JSON: {detail}"),
        format!("cannot read the amendment json: {detail}"),
    )
}

/// `amend/empty`: the amendment has no operation.
pub fn amend_empty(span: Span) -> Diagnostic {
    error(
        AMEND_EMPTY,
        span,
        "văn bản sửa đổi không có nội dung sửa đổi nào".into(),
        "the amendment has no operation".into(),
    )
}

/// `amend/too-many-operations`: more operations than
/// [`MAX_OPERATIONS`](crate::amend::MAX_OPERATIONS); none is applied.
pub fn amend_too_many_operations(span: Span, limit: usize) -> Diagnostic {
    error(
        AMEND_TOO_MANY_OPERATIONS,
        span,
        format!("văn bản sửa đổi có hơn {limit} thao tác: không thao tác nào được áp dụng"),
        format!("the amendment has more than {limit} operations: none is applied"),
    )
}

/// `amend/too-many-changes`: operation `op` would make the changes hold more than
/// [`MAX_CHANGED_UNITS`](crate::amend::MAX_CHANGED_UNITS) units; none is applied.
pub fn amend_too_many_changes(span: Span, op: usize, limit: usize) -> Diagnostic {
    error(
        AMEND_TOO_MANY_CHANGES,
        span,
        format!(
            "thao tác {op}: các thay đổi của văn bản sửa đổi vượt quá {limit} đơn vị (mỗi thao tác tính đơn vị trước và sau khi sửa, cùng các đơn vị con): không thao tác nào được áp dụng, hãy chia thành nhiều văn bản"
        ),
        format!(
            "operation {op}: the changes of the amendment would hold more than {limit} units (each operation counts its unit before and after, with sub-units): none is applied; split the amendment"
        ),
    )
}

/// `amend/target-not-found`: no unit has this number path or id.
pub fn amend_target_not_found(span: Span, op: usize, target: &str) -> Diagnostic {
    error(
        AMEND_TARGET_NOT_FOUND,
        span,
        format!("thao tác {op}: không tìm thấy {target} trong kế hoạch"),
        format!("operation {op}: {target} not found in the plan"),
    )
}

/// `amend/ambiguous-target`: a number path names several units (a duplicated letter); the
/// notes list their ids.
pub fn amend_ambiguous_target(
    span: Span,
    op: usize,
    target: &str,
    eids: &[compact_str::CompactString],
) -> Diagnostic {
    error(
        AMEND_AMBIGUOUS_TARGET,
        span,
        format!(
            "thao tác {op}: {target} chỉ nhiều đơn vị ({} đơn vị trùng số hiệu)",
            eids.len()
        ),
        format!(
            "operation {op}: {target} names {} units (a duplicated number)",
            eids.len()
        ),
    )
    .with_note(Localized::new(
        format!("chỉ rõ bằng eid: {}", eids.join(", ")),
        format!("target one of them by eid: {}", eids.join(", ")),
    ))
}

/// `amend/number-taken`: the number an insert or renumber gives is already used by a sibling.
pub fn amend_number_taken(span: Span, op: usize, number: &str, by: &str) -> Diagnostic {
    error(
        AMEND_NUMBER_TAKEN,
        span,
        format!("thao tác {op}: số hiệu \"{number}\" đã có ({by})"),
        format!("operation {op}: number \"{number}\" is already taken ({by})"),
    )
}

/// `amend/invalid-number`: a number outside the Vietnamese sequence, of the wrong kind, or out
/// of order among its siblings.
pub fn amend_invalid_number(span: Span, op: usize, number: &str, why: Localized) -> Diagnostic {
    error(
        AMEND_INVALID_NUMBER,
        span,
        format!(
            "thao tác {op}: số hiệu \"{number}\" không hợp lệ: {}",
            why.vi
        ),
        format!("operation {op}: invalid number \"{number}\": {}", why.en),
    )
}

/// `amend/task-incomplete`: after the operation a task has no lead agency or no timeframe.
pub fn amend_task_incomplete(
    span: Span,
    op: usize,
    number: &str,
    missing: Localized,
) -> Diagnostic {
    error(
        AMEND_TASK_INCOMPLETE,
        span,
        format!(
            "thao tác {op}: nhiệm vụ {number} sẽ không còn {}",
            missing.vi
        ),
        format!(
            "operation {op}: task {number} would be left without {}",
            missing.en
        ),
    )
}

/// `amend/before-plan`: the amending document is dated before the plan it amends.
pub fn amend_before_plan(span: Span, date: crate::Date, plan_date: crate::Date) -> Diagnostic {
    error(
        AMEND_BEFORE_PLAN,
        span,
        format!("văn bản sửa đổi ngày {date} có trước kế hoạch (ngày {plan_date})"),
        format!("the amendment ({date}) is dated before the plan ({plan_date})"),
    )
}

/// `amend/out-of-order`: the amendment takes effect before the latest version of the plan.
pub fn amend_out_of_order(span: Span, effective: crate::Date, latest: crate::Date) -> Diagnostic {
    error(
        AMEND_OUT_OF_ORDER,
        span,
        format!(
            "văn bản sửa đổi có hiệu lực ngày {effective}, trước phiên bản mới nhất ({latest})"
        ),
        format!("the amendment takes effect on {effective}, before the latest version ({latest})"),
    )
}

/// `amend/missing-date`: a versioned plan needs the amendment's date or effective date.
pub fn amend_missing_date(span: Span) -> Diagnostic {
    error(
        AMEND_MISSING_DATE,
        span,
        "văn bản sửa đổi thiếu ngày ban hành và ngày hiệu lực".into(),
        "the amendment has neither a date nor an effective date".into(),
    )
}

/// `amend/correction-changes-content`: a `correct` (đính chính) would change content, not form.
pub fn amend_correction_changes_content(span: Span, op: usize, why: Localized) -> Diagnostic {
    error(
        AMEND_CORRECTION_CHANGES_CONTENT,
        span,
        format!(
            "thao tác {op}: đính chính chỉ được sửa lỗi hình thức, nhưng làm thay đổi nội dung: {}",
            why.vi
        ),
        format!(
            "operation {op}: a correction may only fix the form but changes content: {}",
            why.en
        ),
    )
    .with_note(Localized::new(
        "dùng \"Sửa đổi\" (substitute) hoặc \"Thay cụm từ\" (replacePhrase) để thay đổi nội dung",
        "use substitute or replacePhrase to change content",
    ))
}

/// `amend/phrase-not-found`: the phrase to replace or remove is not in the unit.
pub fn amend_phrase_not_found(span: Span, op: usize, phrase: &str, target: &str) -> Diagnostic {
    error(
        AMEND_PHRASE_NOT_FOUND,
        span,
        format!("thao tác {op}: không có cụm từ “{phrase}” tại {target}"),
        format!("operation {op}: phrase “{phrase}” not found in {target}"),
    )
}

/// `amend/invalid-operation`: an operation that is malformed or cannot apply (nothing to
/// substitute, text that would change the structure, repealing the only content, …).
pub fn amend_invalid_operation(span: Span, op: usize, why: Localized) -> Diagnostic {
    error(
        AMEND_INVALID_OPERATION,
        span,
        format!("thao tác {op} không hợp lệ: {}", why.vi),
        format!("operation {op} is invalid: {}", why.en),
    )
}

/// `amend/plan-replaced`: a `replacePlan` operation: the plan is replaced as a whole by the
/// document that says so, which no operation can produce; the new plan is read instead.
pub fn amend_plan_replaced(span: Span, op: usize, replaced: &str, plan: &str) -> Diagnostic {
    let (vi_other, en_other) = if plan.is_empty() || plan == replaced {
        (String::new(), String::new())
    } else {
        (
            format!(" (kế hoạch đang mở là {plan})"),
            format!(" (the plan open is {plan})"),
        )
    };
    error(
        AMEND_PLAN_REPLACED,
        span,
        format!(
            "thao tác {op}: Kế hoạch số {replaced} được thay thế toàn bộ{vi_other}; hãy đọc kế hoạch mới thay vì áp dụng sửa đổi"
        ),
        format!(
            "operation {op}: plan {replaced} is replaced as a whole{en_other}; read the new plan instead of applying an amendment"
        ),
    )
}

/// `amend/unrecognized-instruction`: Vietnamese instruction text that the parser cannot read;
/// it is reported, never guessed.
pub fn amend_unrecognized_instruction(span: Span, excerpt: &str, why: Localized) -> Diagnostic {
    error(
        AMEND_UNRECOGNIZED_INSTRUCTION,
        span,
        format!("không hiểu được câu sửa đổi “{excerpt}”: {}", why.vi),
        format!(
            "cannot read the amendment instruction “{excerpt}”: {}",
            why.en
        ),
    )
}
