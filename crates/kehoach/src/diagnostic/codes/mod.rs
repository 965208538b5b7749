//! Every diagnostic code, with one constructor each.
//!
//! Codes are stable strings `area/name`; portals and CI scripts match on them, so a code is never
//! renamed or reused. The constructors live in one submodule per area and are re-exported here.
//!
//! | code | severity | meaning |
//! |---|---|---|
//! | `text/legacy-encoding` | error | text in TCVN3/VNI decoded as Unicode ("KÕ ho¹ch"): convert it first |
//! | `text/mojibake` | error | UTF-8 read as Latin-1 ("Káº¿ hoáº¡ch"): re-open the file as UTF-8 |
//! | `text/control-character` | warning | a control character inside the text |
//! | `input/too-large` | error | input beyond the configured size limit |
//! | `input/too-many-units` | error | more units than the configured limit: the rest is kept verbatim as one paragraph |
//! | `input/too-many-lines` | error | more lines than the configured limit: the rest is kept verbatim as one paragraph |
//! | `input/too-many-agencies` | error | more agencies than the limit (per list, or per plan): the rest is not split |
//! | `document/no-sections` | warning | no Roman-numeral section found |
//! | `document/unplaced-text` | info | a line outside every unit (kept in the preamble or closing) |
//! | `numbering/duplicate-point` | error | the same point letter twice in a part |
//! | `numbering/point-order` | error | point letters out of order |
//! | `numbering/skipped-point` | warning | a letter of the sequence is missing |
//! | `numbering/invalid-point-letter` | error | a letter outside `a b c d đ e g h i k l m n o p q r s t u v x y` |
//! | `numbering/inserted-unit-misplaced` | warning | an inserted unit (a1, 3a) not right after its base |
//! | `numbering/section-order` | error | Roman sections out of order, repeated or skipped |
//! | `numbering/part-order` | error | Arabic parts out of order, repeated or skipped |
//! | `task/missing-lead` | warning | a task without a lead agency label |
//! | `task/missing-timeframe` | warning | a task without a timeframe label |
//! | `task/duplicate-label` | warning | a label given twice in one task |
//! | `task/empty-label` | warning | a label with no value |
//! | `timeframe/unrecognized` | warning | a timeframe the grammar cannot read (kept verbatim) |
//! | `timeframe/too-long` | warning | a timeframe beyond 8 KiB or 1 024 tokens: not read (kept verbatim) |
//! | `timeframe/reversed-range` | error | a range whose end is before its start |
//! | `timeframe/ended-before-plan` | warning | a window that ends before the plan's date |
//! | `timeframe/phase-overlap` | warning | phases overlapping by more than a boundary year |
//! | `timeframe/beyond-horizon` | warning | a window beyond the plan's stated horizon |
//! | `agency/unknown` | warning | a lead agency not in the registry |
//! | `agency/duplicate` | warning | the same agency twice in one list |
//! | `agency/succeeded` | warning | an agency that no longer exists on the as-of date |
//! | `citation/symbol-style` | error | a document symbol in the wrong style for its issuer |
//! | `citation/impossible-date` | error | a date that does not exist (31/2/2020) |
//! | `citation/after-plan` | warning | a cited document dated after the plan |
//! | `metadata/missing-number` | error | no "Số: …" number and symbol |
//! | `metadata/missing-date` | error | no "…, ngày … tháng … năm …" line |
//! | `metadata/missing-issuer` | error | no issuing body |
//! | `metadata/date-mismatch` | warning | document date differs from the wrapper's "Ngày ban hành" |
//! | `amend/invalid-json` | error | the amendment JSON cannot be read |
//! | `amend/empty` | error | an amendment without operations |
//! | `amend/too-many-operations` | error | more than `amend::MAX_OPERATIONS` (2 000) operations: none is applied |
//! | `amend/too-many-changes` | error | the changes would hold more than `amend::MAX_CHANGED_UNITS` (20 000) units, before and after: none is applied |
//! | `amend/target-not-found` | error | an operation's target (number path or eid) does not exist |
//! | `amend/ambiguous-target` | error | a number path names several units (duplicated letter): use the eid |
//! | `amend/number-taken` | error | an insert or renumber uses a number a sibling already has |
//! | `amend/invalid-number` | error | a number outside the Vietnamese sequence, of the wrong kind or out of order |
//! | `amend/task-incomplete` | error | an operation would leave a task without lead agency or timeframe |
//! | `amend/before-plan` | error | the amending document is dated before the plan |
//! | `amend/out-of-order` | error | the amendment takes effect before the plan's latest version |
//! | `amend/missing-date` | error | a versioned plan needs the amendment's date |
//! | `amend/correction-changes-content` | error | a `correct` (đính chính) that changes content, not form |
//! | `amend/phrase-not-found` | error | the phrase to replace or remove is not in the unit |
//! | `amend/invalid-operation` | error | a malformed operation, or text that would change the structure |
//! | `amend/unrecognized-instruction` | error | Vietnamese amendment wording the parser cannot read |
//! | `amend/plan-replaced` | error | the plan is replaced as a whole ("Kế hoạch này thay thế Kế hoạch số …"): read the new plan |
//! | `schedule/unknown-task` | warning | a progress report names a task the plan does not have |
//! | `schedule/ambiguous-task` | warning | a progress report names a number several tasks share (use the eid) |
//! | `office/not-a-workbook` | error | a `--progress` workbook that is not a readable XLSX |
//! | `office/too-large` | error | a workbook over the size limit, packed or unpacked (zip bomb): not read |
//! | `office/missing-sheet` | error | the tracking workbook's task sheet ("Nhiệm vụ") is missing |
//! | `office/missing-column` | error | a column of the task sheet's header row is missing |
//! | `office/merged-cells` | error | merged cells among the rows to fill: those rows are not read |
//! | `office/unknown-task` | error | a workbook row names a task the plan does not have |
//! | `office/ambiguous-task` | error | a workbook row names a shared number and no eid |
//! | `office/bad-status` | error | a progress status outside the drop-down's list |
//! | `office/bad-date` | error | a report date that is not a date |
//! | `office/missing-date` | error | a progress status without its report date |
//! | `office/missing-status` | error | a report date or note without a progress status |
//! | `office/too-many-rows` | error | more rows than the reader's limit: the rest is not read |

mod agency;
mod amend;
mod foundation;
mod office;
mod schedule;
pub use schedule::*;
mod timeframe;
mod validate;
pub use agency::*;
pub use amend::*;
pub use foundation::*;
pub use office::*;
pub use timeframe::*;
pub use validate::*;

/// Placeholder for codes read back from JSON that this version does not know.
pub const UNKNOWN: &str = "unknown";

macro_rules! codes {
    ($($name:ident = $code:literal;)*) => {
        $(
            #[doc = concat!("`", $code, "`")]
            pub const $name: &str = $code;
        )*
        /// Every code this version emits.
        pub const ALL: &[&str] = &[$($code),*];
    };
}

codes! {
    LEGACY_ENCODING = "text/legacy-encoding";
    MOJIBAKE = "text/mojibake";
    CONTROL_CHARACTER = "text/control-character";
    INPUT_TOO_LARGE = "input/too-large";
    TOO_MANY_UNITS = "input/too-many-units";
    TOO_MANY_LINES = "input/too-many-lines";
    TOO_MANY_AGENCIES = "input/too-many-agencies";
    NO_SECTIONS = "document/no-sections";
    UNPLACED_TEXT = "document/unplaced-text";
    DUPLICATE_POINT = "numbering/duplicate-point";
    POINT_ORDER = "numbering/point-order";
    SKIPPED_POINT = "numbering/skipped-point";
    INVALID_POINT_LETTER = "numbering/invalid-point-letter";
    INSERTED_UNIT_MISPLACED = "numbering/inserted-unit-misplaced";
    SECTION_ORDER = "numbering/section-order";
    PART_ORDER = "numbering/part-order";
    MISSING_LEAD = "task/missing-lead";
    MISSING_TIMEFRAME = "task/missing-timeframe";
    DUPLICATE_LABEL = "task/duplicate-label";
    EMPTY_LABEL = "task/empty-label";
    TIMEFRAME_UNRECOGNIZED = "timeframe/unrecognized";
    TIMEFRAME_TOO_LONG = "timeframe/too-long";
    TIMEFRAME_REVERSED = "timeframe/reversed-range";
    TIMEFRAME_ENDED_BEFORE_PLAN = "timeframe/ended-before-plan";
    TIMEFRAME_PHASE_OVERLAP = "timeframe/phase-overlap";
    TIMEFRAME_BEYOND_HORIZON = "timeframe/beyond-horizon";
    AGENCY_UNKNOWN = "agency/unknown";
    AGENCY_DUPLICATE = "agency/duplicate";
    AGENCY_SUCCEEDED = "agency/succeeded";
    CITATION_SYMBOL_STYLE = "citation/symbol-style";
    CITATION_IMPOSSIBLE_DATE = "citation/impossible-date";
    CITATION_AFTER_PLAN = "citation/after-plan";
    METADATA_MISSING_NUMBER = "metadata/missing-number";
    METADATA_BLANK_NUMBER = "metadata/blank-number";
    METADATA_MISSING_DATE = "metadata/missing-date";
    METADATA_MISSING_ISSUER = "metadata/missing-issuer";
    METADATA_DATE_MISMATCH = "metadata/date-mismatch";
    AMEND_INVALID_JSON = "amend/invalid-json";
    AMEND_EMPTY = "amend/empty";
    AMEND_TOO_MANY_OPERATIONS = "amend/too-many-operations";
    AMEND_TOO_MANY_CHANGES = "amend/too-many-changes";
    AMEND_TARGET_NOT_FOUND = "amend/target-not-found";
    AMEND_AMBIGUOUS_TARGET = "amend/ambiguous-target";
    AMEND_NUMBER_TAKEN = "amend/number-taken";
    AMEND_INVALID_NUMBER = "amend/invalid-number";
    AMEND_TASK_INCOMPLETE = "amend/task-incomplete";
    AMEND_BEFORE_PLAN = "amend/before-plan";
    AMEND_OUT_OF_ORDER = "amend/out-of-order";
    AMEND_MISSING_DATE = "amend/missing-date";
    AMEND_CORRECTION_CHANGES_CONTENT = "amend/correction-changes-content";
    AMEND_PHRASE_NOT_FOUND = "amend/phrase-not-found";
    AMEND_INVALID_OPERATION = "amend/invalid-operation";
    AMEND_UNRECOGNIZED_INSTRUCTION = "amend/unrecognized-instruction";
    AMEND_PLAN_REPLACED = "amend/plan-replaced";
    SCHEDULE_UNKNOWN_TASK = "schedule/unknown-task";
    SCHEDULE_AMBIGUOUS_TASK = "schedule/ambiguous-task";
    OFFICE_NOT_A_WORKBOOK = "office/not-a-workbook";
    OFFICE_TOO_LARGE = "office/too-large";
    OFFICE_MISSING_SHEET = "office/missing-sheet";
    OFFICE_MISSING_COLUMN = "office/missing-column";
    OFFICE_MERGED_CELLS = "office/merged-cells";
    OFFICE_UNKNOWN_TASK = "office/unknown-task";
    OFFICE_AMBIGUOUS_TASK = "office/ambiguous-task";
    OFFICE_BAD_STATUS = "office/bad-status";
    OFFICE_BAD_DATE = "office/bad-date";
    OFFICE_MISSING_DATE = "office/missing-date";
    OFFICE_MISSING_STATUS = "office/missing-status";
    OFFICE_TOO_MANY_ROWS = "office/too-many-rows";
}

/// The `&'static str` for a code read from JSON, if this version knows it.
pub fn intern(code: &str) -> Option<&'static str> {
    ALL.iter().copied().find(|c| *c == code)
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::BTreeSet::new();
        for c in super::ALL {
            assert!(seen.insert(*c), "duplicate code {c}");
            let (area, name) = c.split_once('/').expect("area/name");
            assert!(!area.is_empty() && !name.is_empty());
            assert!(
                c.bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'/' || b == b'-')
            );
        }
    }
}
