//! Metadata: the header must give the number and symbol ("Số: 66/KH-UBND"), the place and date
//! ("Quảng Ngãi, ngày 18 tháng 5 năm 2020") and the issuing body; a date that does not exist
//! is reported as such; the date must match the source site's "Ngày ban hành" when the text was
//! copied from one.

use super::citations::{scan_dates, sub_span};
use crate::Date;
use crate::diagnostic::{Diagnostic, codes};
use crate::document::Plan;
use crate::span::Span;
use crate::text::Case as _;

/// Checks the plan's header.
pub(super) fn check(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let meta = &plan.meta;
    // Where a missing item would go: the top of the document's header.
    let top = meta
        .issuer
        .as_ref()
        .or(meta.number.as_ref())
        .or(meta.doc_type.as_ref())
        .map_or(
            Span {
                start: plan.span.start,
                end: plan.span.start,
                line: plan.span.line.max(1),
                column: plan.span.column.max(1),
            },
            |s| s.span,
        );
    if meta.issuer.is_none() {
        out.push(codes::missing_issuer(top));
    }
    match &meta.number {
        None => out.push(codes::missing_number(top)),
        Some(n) if n.text.starts_with('/') => out.push(codes::blank_number(n.span, &n.text)),
        Some(_) => {}
    }
    match (&meta.date, &meta.date_line) {
        (Some(_), _) => {}
        (None, Some(line)) => match scan_dates(&line.text).first() {
            Some(f) => out.push(codes::impossible_date(
                sub_span(&line.text, line.span, f.start, f.end),
                line.text.get(f.start..f.end).unwrap_or(&line.text),
                f.day,
                f.month,
                f.year,
            )),
            None => out.push(codes::missing_date(line.span)),
        },
        (None, None) => out.push(codes::missing_date(top)),
    }
    if let (Some(date), Some(w)) = (meta.date, &plan.wrapper) {
        let field = w
            .fields
            .iter()
            .find(|f| f.label.to_lower() == "ngày ban hành");
        if let Some(f) = field {
            if let Some(site) = parse_dmy(&f.value) {
                if site != date {
                    let span = meta.date_line.as_ref().map_or(top, |l| l.span);
                    out.push(codes::date_mismatch(span, date, f.value.trim(), f.span));
                }
            }
        }
    }
}

/// "18/05/2020" (or with `-`/`.`); `None` for anything else ("Đang cập nhật").
fn parse_dmy(s: &str) -> Option<Date> {
    let mut it = s.trim().split(['/', '-', '.']);
    let (d, m, y) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 || d.len() > 2 || m.len() > 2 {
        return None;
    }
    Date::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)] // tests

    use crate::validate::tests::{DOC, run_doc, summary};
    use crate::{SEED_PLAN, Severity};

    #[test]
    fn complete_header_passes() {
        assert_eq!(run_doc(DOC), []);
        assert_eq!(run_doc(SEED_PLAN).len(), 2); // only the seed's two known defects
    }

    #[test]
    fn missing_number_issuer_and_date() {
        let t = DOC.replace("Số: 12/KH-UBND\n", "");
        let d = run_doc(&t);
        assert_eq!(
            summary(&t, &d),
            [(
                "metadata/missing-number",
                Severity::Error,
                "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI",
                1,
                1,
                None
            )]
        );
        let t = DOC.replace("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n", "");
        let d = run_doc(&t);
        assert_eq!(
            summary(&t, &d),
            [(
                "metadata/missing-issuer",
                Severity::Error,
                "12/KH-UBND",
                2,
                5,
                None
            )]
        );
        let t = DOC.replace("Quảng Ngãi, ngày 18 tháng 5 năm 2020\n", "");
        let d = run_doc(&t);
        assert_eq!(
            summary(&t, &d),
            [(
                "metadata/missing-date",
                Severity::Error,
                "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI",
                1,
                1,
                None
            )]
        );
        assert!(
            d[0].message
                .vi
                .starts_with("văn bản thiếu địa danh và ngày ban hành")
        );
    }

    #[test]
    fn impossible_document_date() {
        let t = DOC.replace("ngày 18 tháng 5 năm 2020", "ngày 31 tháng 4 năm 2020");
        let d = run_doc(&t);
        assert_eq!(
            summary(&t, &d),
            [(
                "citation/impossible-date",
                Severity::Error,
                "ngày 31 tháng 4 năm 2020",
                6,
                13,
                None
            )]
        );
        assert_eq!(
            d[0].message.vi,
            "ngày \"ngày 31 tháng 4 năm 2020\" không tồn tại"
        );
        assert_eq!(d[0].notes[0].vi, "tháng 4 năm 2020 chỉ có 30 ngày");
    }

    #[test]
    fn wrapper_date_must_match() {
        let t = SEED_PLAN.replace("Ngày ban hành: 18/05/2020", "Ngày ban hành: 19/05/2020");
        let d: Vec<_> = run_doc(&t)
            .into_iter()
            .filter(|d| d.code.starts_with("metadata/"))
            .collect();
        assert_eq!(
            summary(&t, &d),
            [(
                "metadata/date-mismatch",
                Severity::Warning,
                "Quảng Ngãi, ngày 18 tháng 5 năm 2020",
                13,
                1,
                None
            )]
        );
        assert_eq!(
            d[0].message.vi,
            "ngày ban hành ghi trong văn bản (18/5/2020) khác với \"Ngày ban hành\" của trang nguồn (19/05/2020)"
        );
        assert!(
            d[0].labels[0]
                .span
                .slice(&t)
                .unwrap()
                .contains("19/05/2020")
        );
        // "Đang cập nhật" or another field is not a date to compare.
        assert_eq!(super::parse_dmy("Đang cập nhật"), None);
        assert_eq!(
            super::parse_dmy("18/05/2020").map(|d| d.to_string()),
            Some("2020-05-18".to_string())
        );
    }
}
