//! Amendments (sửa đổi, bổ sung, thay thế, bãi bỏ, đính chính) applied as data.
//!
//! A later decision amends a plan: "Bãi bỏ điểm b khoản 3 Mục II", "Sửa đổi điểm c khoản 6
//! Mục II như sau: …", "Bổ sung điểm g vào sau điểm e khoản 8 Mục II như sau: …". This module
//! applies such amendments by machine:
//!
//! - [`Amendment`]: the amending document (symbol, date, effective date) and its
//!   [`Operation`]s, as serde JSON (camelCase, tagged by `"op"`) or read from the Vietnamese
//!   wording by [`parse_instructions`] (grammar in its docs);
//! - [`apply`] / [`amend_text`]: atomic application. Either every operation succeeds and the
//!   [`AmendmentResult`] holds the new plan and the list of [`Change`]s, or nothing changes and
//!   every problem is an `amend/*` diagnostic (see [`crate::diagnostic::codes`]);
//! - [`apply_owned`] / [`amend_text_owned`]: the same on a plan handed over by value, edited in
//!   place (no copy of the plan; a failure takes every change back), for callers that parsed
//!   the plan only to amend it;
//! - [`VersionedPlan`]: the plan with its history, the plan as at any date, repealed units with
//!   the document that repealed them, the history of a unit;
//! - [`diff`]: the structural diff between two versions by element id, and
//!   [`render_diff`] / [`render_changes`] for people.
//!
//! # JSON
//!
//! ```
//! use kehoach::amend::{Amendment, Operation, Target};
//! let json = r#"{
//!   "symbol": "35/KH-UBND",
//!   "date": "2021-03-01",
//!   "effective": "2021-03-15",
//!   "title": "Sửa đổi, bổ sung Kế hoạch số 66/KH-UBND",
//!   "operations": [
//!     { "op": "repeal", "target": "II.3.b" },
//!     { "op": "substitute", "target": { "number": "II.6.c" }, "timeframe": "Năm 2021 - 2027." },
//!     { "op": "substitute", "target": "II.6.d", "leads": "Sở Y tế; Sở Tài chính.",
//!       "text": "Xây dựng và thực hiện Đề án y tế thông minh." },
//!     { "op": "substitute", "target": "II.7.a", "unit":
//!       "a) Hợp tác quốc tế về chuyển đổi số.\n- Cơ quan chủ trì: Sở Ngoại vụ.\n- Thời gian thực hiện: Năm 2022." },
//!     { "op": "insert", "after": "II.8.e", "number": "g", "text":
//!       "Xây dựng nền tảng dữ liệu.\n- Cơ quan chủ trì: Sở Thông tin và Truyền thông.\n- Thời gian thực hiện: Năm 2022." },
//!     { "op": "insert", "after": "II.5.đ", "text":
//!       "Đào tạo kỹ năng số.\n- Cơ quan chủ trì: Sở Nội vụ.\n- Thời gian thực hiện: Năm 2023." },
//!     { "op": "renumber", "target": { "eid": "sec_II__para_2__point_d_2" }, "to": "đ" },
//!     { "op": "replacePhrase", "target": "II.1.a", "find": "và các tổ chức cá nhân liên quan", "replace": "" },
//!     { "op": "correct", "target": "II.4.đ", "find": "cạch tranh", "replace": "cạnh tranh" }
//!   ]
//! }"#;
//! let a: Amendment = serde_json::from_str(json).unwrap();
//! assert_eq!(a.operations.len(), 9);
//! assert_eq!(a.operations[0], Operation::Repeal { target: Target::number("II.3.b") });
//!
//! let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
//! let r = kehoach::amend::apply(&plan, &a);
//! assert!(r.applied, "{:?}", r.diagnostics);
//! let numbers: Vec<&str> = r.changes.iter().map(|c| c.number.as_str()).collect();
//! assert_eq!(numbers, ["II.3.b", "II.6.c", "II.6.d", "II.7.a", "II.8.g", "II.5.đ1", "II.2.đ", "II.1.a", "II.4.đ"]);
//! ```
//!
//! Operations (`"op"`), each with a `target` unless noted:
//!
//! | op | fields | effect |
//! |---|---|---|
//! | `substitute` | `heading`?, `text`?, `leads`?, `partners`?, `timeframe`? — or `unit` | replace those parts, or the whole unit (id and number kept) |
//! | `insert` | one of `after`/`before`/`into` (targets), `number`?, `kind`?, `text` | a new unit; without `number`, the marker in `text` or the inserted-unit rule after a unit (`đ` → `đ1`, `3` → `3a`) |
//! | `repeal` | | the unit and its sub-units leave the plan (kept in the history) |
//! | `renumber` | `to` | a new designation; new eid, the original kept as `wId` |
//! | `replacePhrase` | `find`, `replace` (empty: remove) | every occurrence in the unit and its sub-units |
//! | `correct` | `find`, `replace` | đính chính: numbers, symbols and timeframe must not change, and the edit must be a typo fix |
//!
//! Targets: `{ "number": "II.3.b" }`, `{ "number": "II.2.d", "occurrence": 2 }` for a
//! duplicated designation, `{ "eid": "sec_II__para_2__point_d_2" }` (also matches the `wId` of
//! a renumbered unit), or a plain string (an eid if it contains `__` or starts with `sec_`,
//! else a number path). Operations apply in order: a later one sees the earlier ones' effect.
//!
//! Unit text (`text`, `unit`) is written as in the plan, one line per paragraph, dash line or
//! field (`- Cơ quan chủ trì: …`), and is parsed by the document parser, so leads, timeframe and
//! blocks are what parsing the amended plan would give (the amended plan's rendering parses
//! back to the same tasks; property-tested).
//!
//! # Ids and spans
//!
//! Element ids follow Akoma Ntoso. The eid of a unit no operation touches never changes. A
//! renumbered unit gets the eid of its new number (`sec_II__para_2__point_d_2` renumbered to
//! `đ` becomes `sec_II__para_2__point_dd`) and keeps its original id as `wId`; its sub-units
//! follow. A whole-unit substitute keeps the unit's eid. Inserted units get the eid of their
//! number (`_2`, `_3` if it is taken).
//!
//! Units made or edited by an amendment have no position in the plan's text: their spans (and
//! those of their blocks, leads and timeframe) are the span of the instruction in the amendment
//! text for Vietnamese wording, and `Span::default()` for JSON. Untouched units keep theirs.
//!
//! # Checks
//!
//! An amendment is rejected (nothing applied) with: `amend/target-not-found`,
//! `amend/ambiguous-target`, `amend/number-taken`, `amend/invalid-number` (outside the
//! Vietnamese sequence — `f`, `w` — out of order, or skipping: after `e` comes `g`),
//! `amend/task-incomplete` (a touched task left without lead or timeframe),
//! `amend/before-plan`, `amend/correction-changes-content`, `amend/phrase-not-found`,
//! `amend/invalid-operation`, `amend/empty`, `amend/invalid-json`,
//! `amend/unrecognized-instruction`; [`VersionedPlan`] adds `amend/missing-date` and
//! `amend/out-of-order`. Warnings the parser gives on new text (an unreadable timeframe) come
//! with an applied result, located at the instruction.
mod address;
mod apply;
pub(crate) mod check;
mod diff;
mod draft;
mod edit;
mod grammar;
mod instruction;
mod lead_in;
mod model;
mod reference;
mod tokens;
mod tree;
mod units;
mod versions;
mod wire;

pub use address::{address, address_of};
pub use apply::{
    MAX_CHANGED_UNITS, MAX_OPERATIONS, MAX_PHRASE_GROWTH, apply, apply_owned, apply_spanned,
};
pub use diff::{DiffEntry, DiffKind, UnitSummary, diff, render_changes, render_diff};
pub use draft::{Draft, draft};
pub use grammar::join_phrase;
pub use instruction::{ParsedInstructions, parse_instructions};
pub use model::*;
pub use versions::{RepealedUnit, UnitEvent, Version, VersionedPlan};

use crate::document::Plan;

/// Applies an amendment given as JSON (first non-space character `{`) or as Vietnamese
/// instruction text. Unreadable JSON is an `amend/invalid-json` diagnostic and unreadable
/// instructions are `amend/unrecognized-instruction` diagnostics: in both cases nothing is
/// applied and the plan comes back unchanged.
///
/// ```
/// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
/// let r = kehoach::amend::amend_text(&plan, "Bãi bỏ điểm b khoản 3 Mục II.");
/// assert!(r.applied);
/// assert!(r.plan.find_number("II.3.b").is_empty());
/// let r = kehoach::amend::amend_text(&plan, r#"{ "operations": [{ "op": "repeal", "target": "II.9" }] }"#);
/// assert_eq!(r.codes(), ["amend/target-not-found"]);
/// ```
pub fn amend_text(plan: &Plan, amendment_source: &str) -> AmendmentResult {
    amend_text_owned(plan.clone(), amendment_source)
}

/// [`amend_text`] on a plan the caller hands over (see [`apply_owned`]): no copy of the plan;
/// the result holds it amended, or exactly as given when anything fails.
///
/// ```
/// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
/// let r = kehoach::amend::amend_text_owned(plan, "Bãi bỏ điểm b khoản 3 Mục II.");
/// assert!(r.applied);
/// assert!(r.plan.find_number("II.3.b").is_empty());
/// let again = kehoach::amend::amend_text_owned(r.plan, "Bãi bỏ điểm b khoản 3 Mục II.");
/// assert_eq!(again.codes(), ["amend/target-not-found"]);
/// assert!(again.plan.find_number("II.3.a").len() == 1);
/// ```
pub fn amend_text_owned(plan: Plan, amendment_source: &str) -> AmendmentResult {
    match read_amendment(amendment_source) {
        Ok((amendment, spans)) => apply::apply_owned(plan, &amendment, &spans),
        Err((amendment, diagnostics)) => AmendmentResult {
            applied: false,
            plan,
            changes: Vec::new(),
            diagnostics,
            amendment,
        },
    }
}

/// The outcome of reading an amendment source that could not be read.
type ReadFailure = (Option<Amendment>, Vec<crate::Diagnostic>);

/// Reads an amendment from JSON or Vietnamese instruction text, with the span of each
/// operation in the source (`Span::default()` for JSON).
pub fn read_amendment(source: &str) -> Result<(Amendment, Vec<crate::Span>), ReadFailure> {
    if source.trim_start().starts_with('{') {
        return match serde_json::from_str::<Amendment>(source) {
            Ok(a) => {
                let n = a.operations.len();
                Ok((a, vec![crate::Span::default(); n]))
            }
            Err(e) => {
                let idx = crate::LineIndex::new(source);
                let line = e.line();
                let offset = source
                    .split_inclusive('\n')
                    .take(line.saturating_sub(1))
                    .map(str::len)
                    .sum::<usize>()
                    + e.column().saturating_sub(1);
                let span = idx.span(offset, offset);
                Err((
                    None,
                    vec![crate::diagnostic::codes::amend_invalid_json(
                        span,
                        &e.to_string(),
                    )],
                ))
            }
        };
    }
    let p = parse_instructions(source);
    if p.diagnostics.is_empty() {
        Ok((p.amendment, p.spans))
    } else {
        Err((Some(p.amendment), p.diagnostics))
    }
}
