//! Metadata: the header must give the number and symbol ("Số: 66/KH-UBND"), the place and date
//! ("Quảng Ngãi, ngày 18 tháng 5 năm 2020") and the issuing body; a date that does not exist
//! is reported as such; the date must match the source site's "Ngày ban hành" when the text was
//! copied from one.

use super::citations::scan_dates;
use crate::Date;
use crate::diagnostic::{Diagnostic, codes};
use crate::document::Plan;
use crate::span::Span;

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
    if meta.number.is_none() {
        out.push(codes::missing_number(top));
    }
    match (&meta.date, &meta.date_line) {
        (Some(_), _) => {}
        (None, Some(line)) => match scan_dates(&line.text).first() {
            Some(f) => out.push(codes::impossible_date(
                line.span,
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
            .find(|f| f.label.to_lowercase() == "ngày ban hành");
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
