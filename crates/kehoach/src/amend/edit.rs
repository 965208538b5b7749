//! Editing units: new unit text through the document parser, field values, phrases.

use crate::diagnostic::{Diagnostic, Localized};
use crate::document::{
    Block, BlockKind, FieldKey, ParseOptions, Unit, UnitKind, parse_fragment, render_unit_shallow,
};
use crate::span::Span;
use crate::span_walk::SpansMut;
use crate::text::Case as _;

/// Sets every span inside `x` (a unit, its blocks, leads, timeframe, agencies) to `span`.
///
/// Units made or edited by an amendment have no position in the original text: they point at
/// the amendment instruction (or carry `Span::default()` for JSON amendments). The walk
/// ([`SpansMut`]) reaches every span the JSON form has, in place: no JSON round trip.
pub(crate) fn respan<T: SpansMut + ?Sized>(x: &mut T, span: Span) {
    x.spans_mut(&mut |s| *s = span);
}

/// The marker that opens a unit of `kind` numbered `num` ("g)", "3a.", "III.").
pub(crate) fn marker(kind: UnitKind, num: &str) -> String {
    match kind {
        UnitKind::Point => format!("{num})"),
        UnitKind::Part | UnitKind::Section | UnitKind::Division => format!("{num}."),
        UnitKind::Item => "-".to_string(),
    }
}

/// Parses new unit text into one unit of `kind`. The text may start with the unit's marker
/// ("g) …"); otherwise `num` is required and the marker is added. Returns the unit (ids not yet
/// assigned, spans relative to the text) and the number it has.
pub(crate) fn unit_from_text(
    text: &str,
    kind: UnitKind,
    num: Option<&str>,
) -> Result<(Unit, Vec<Diagnostic>), Localized> {
    let opts = ParseOptions::default();
    let trimmed = text.trim_start();
    let (units, pre, diags) = parse_fragment(trimmed, &opts);
    let starts_with_marker = pre.is_empty()
        && units
            .first()
            .is_some_and(|u| u.kind == kind && u.span.start == 0);
    let (mut units, pre, diags) = if starts_with_marker {
        (units, pre, diags)
    } else {
        let Some(num) = num else {
            return Err(Localized::new(
                format!("thiếu số hiệu của {} mới", kind.vietnamese()),
                format!("the new {}'s number is missing", kind_en(kind)),
            ));
        };
        let full = format!("{} {}", marker(kind, num), trimmed);
        parse_fragment(&full, &opts)
    };
    if !pre.is_empty() || units.len() != 1 {
        return Err(Localized::new(
            format!(
                "nội dung phải là đúng một {} (tìm thấy {} đơn vị)",
                kind.vietnamese(),
                units.len()
            ),
            format!(
                "the text must be exactly one {} (found {} units)",
                kind_en(kind),
                units.len()
            ),
        ));
    }
    let Some(u) = units.pop() else {
        return Err(Localized::new("nội dung trống", "empty text"));
    };
    if u.kind != kind {
        return Err(Localized::new(
            format!("nội dung không phải là {}", kind.vietnamese()),
            format!("the text is not a {}", kind_en(kind)),
        ));
    }
    if let Some(n) = num {
        if u.num != n {
            return Err(Localized::new(
                format!("số hiệu trong nội dung (\"{}\") khác \"{n}\"", u.num),
                format!("the text's number (\"{}\") differs from \"{n}\"", u.num),
            ));
        }
    }
    Ok((u, diags))
}

/// English name of a unit kind.
pub(crate) fn kind_en(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Section => "section",
        UnitKind::Part => "part",
        UnitKind::Point => "point",
        UnitKind::Division => "division",
        UnitKind::Item => "bullet group",
    }
}

/// Re-derives a unit's blocks, leads, partners and timeframe from its (edited) blocks through
/// the document parser, so they are exactly what parsing the amended text gives. Sub-units are
/// kept. Fails when the edited text would change the structure (a line that opens a unit).
pub(crate) fn rebuild(u: &mut Unit, span: Span) -> Result<Vec<Diagnostic>, Localized> {
    let text = render_unit_shallow(u);
    let (mut units, pre, diags) = parse_fragment(&text, &ParseOptions::default());
    let fresh = match (units.pop(), units.is_empty() && pre.is_empty()) {
        (Some(f), true) if f.children.is_empty() && f.kind == u.kind && f.num == u.num => f,
        _ => {
            return Err(Localized::new(
                "nội dung mới chứa dòng mở đầu một đơn vị khác (mục, khoản, điểm)",
                "the new text has a line that opens another unit (section, part or point)",
            ));
        }
    };
    u.heading = fresh.heading;
    u.blocks = fresh.blocks;
    u.leads = fresh.leads;
    u.partners = fresh.partners;
    u.timeframe = fresh.timeframe;
    u.heading.iter_mut().for_each(|h| h.span = span);
    for b in &mut u.blocks {
        b.span = span;
    }
    respan(&mut u.leads, span);
    respan(&mut u.partners, span);
    respan(&mut u.timeframe, span);
    u.num_span = span;
    u.span = span;
    Ok(diags)
}

/// Default label for a field added by an amendment.
fn default_label(key: FieldKey) -> &'static str {
    match key {
        FieldKey::Lead => "Cơ quan chủ trì",
        FieldKey::Partner => "Cơ quan phối hợp",
        FieldKey::Timeframe => "Thời gian thực hiện",
        FieldKey::Output => "Sản phẩm",
    }
}

/// Sets the value of the unit's first field with `key`, adding the field if it has none.
pub(crate) fn set_field(u: &mut Unit, key: FieldKey, value: &str) {
    let value = crate::text::normalize(value).replace('\n', " ");
    match u.blocks.iter_mut().find(|b| b.key == Some(key)) {
        Some(b) => b.text = value.into(),
        None => u.blocks.push(Block {
            kind: BlockKind::Field,
            text: value.into(),
            span: Span::default(),
            label: Some(compact_str::CompactString::const_new(default_label(key))),
            key: Some(key),
        }),
    }
}

/// Replaces the unit's paragraphs and dash lines with `text` (one block per line); fields keep
/// their place after the text.
pub(crate) fn set_text(u: &mut Unit, text: &str) {
    let norm = crate::text::normalize(text);
    let mut blocks: Vec<Block> = norm
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Block {
            kind: BlockKind::Paragraph,
            text: l.into(),
            span: Span::default(),
            label: None,
            key: None,
        })
        .collect();
    blocks.extend(
        u.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Field)
            .cloned(),
    );
    u.blocks = blocks;
}

/// Replaces every occurrence of `find` in `hay` (exact first, then case-insensitive with exact
/// diacritics); `None` when there is none. Removing a phrase tidies the spaces around it.
pub(crate) fn replace_phrase(hay: &str, find: &str, replace: &str) -> Option<String> {
    if find.is_empty() {
        return None;
    }
    let out = if hay.contains(find) {
        hay.replace(find, replace)
    } else {
        let same_len = hay
            .chars()
            .all(|c| c.to_lower().map(char::len_utf8).sum::<usize>() == c.len_utf8());
        if !same_len {
            return None;
        }
        let (lh, lf) = (hay.to_lower(), find.to_lower());
        let mut out = String::with_capacity(hay.len());
        let mut last = 0;
        let mut any = false;
        for (i, _) in lh.match_indices(&lf) {
            out.push_str(hay.get(last..i)?);
            out.push_str(replace);
            last = i + lf.len();
            any = true;
        }
        if !any {
            return None;
        }
        out.push_str(hay.get(last..)?);
        out
    };
    if replace.is_empty() {
        let mut tidy = String::with_capacity(out.len());
        for part in out.split(' ').filter(|p| !p.is_empty()) {
            if !tidy.is_empty() && !part.starts_with([',', '.', ';', ':']) {
                tidy.push(' ');
            }
            tidy.push_str(part);
        }
        Some(tidy)
    } else {
        Some(out)
    }
}

/// How many times [`replace_phrase`] would replace `find` in `hay` (same matching: exact,
/// else case-insensitive when lowercasing keeps the byte lengths).
pub(crate) fn phrase_count(hay: &str, find: &str) -> usize {
    if find.is_empty() {
        return 0;
    }
    let exact = hay.matches(find).count();
    if exact > 0 {
        return exact;
    }
    let same_len = hay
        .chars()
        .all(|c| c.to_lower().map(char::len_utf8).sum::<usize>() == c.len_utf8());
    if !same_len {
        return 0;
    }
    hay.to_lower().matches(&find.to_lower()).count()
}

/// The bytes a phrase replacement adds to `u` and its sub-units (0 when it does not grow them).
pub(crate) fn phrase_growth(u: &Unit, find: &str, replace: &str) -> usize {
    let per = replace.len().saturating_sub(find.len());
    if per == 0 {
        return 0;
    }
    let mut n = 0usize;
    let mut count = |t: &str| n = n.saturating_add(phrase_count(t, find));
    if let Some(h) = &u.heading {
        count(&h.text);
    }
    u.blocks.iter().for_each(|b| count(&b.text));
    let own = n.saturating_mul(per);
    u.children.iter().fold(own, |acc, c| {
        acc.saturating_add(phrase_growth(c, find, replace))
    })
}

/// Replaces a phrase in a unit's heading and blocks (not sub-units); the count of texts
/// changed.
pub(crate) fn replace_in_unit(u: &mut Unit, find: &str, replace: &str) -> usize {
    let mut n = 0;
    if let Some(h) = &mut u.heading {
        if let Some(t) = replace_phrase(&h.text, find, replace) {
            h.text = t;
            n += 1;
        }
    }
    for b in &mut u.blocks {
        if let Some(t) = replace_phrase(&b.text, find, replace) {
            b.text = t.into();
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases() {
        assert_eq!(
            replace_phrase("Sở Công Thương, Sở Y tế.", ", Sở Y tế", "").as_deref(),
            Some("Sở Công Thương.")
        );
        assert_eq!(
            replace_phrase("Năm 2021 và những năm tiếp theo", "năm 2021", "năm 2022").as_deref(),
            Some("năm 2022 và những năm tiếp theo")
        );
        assert_eq!(replace_phrase("sức cạch tranh", "cạnh", "x"), None);
    }

    #[test]
    fn unit_text_with_or_without_marker() {
        let u = unit_from_text(
            "g) Làm mới.\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Năm 2022.",
            UnitKind::Point,
            None,
        )
        .unwrap()
        .0;
        assert_eq!(u.num, "g");
        assert_eq!(u.leads.unwrap().text, "Sở Y tế.");
        let u = unit_from_text(
            "Làm mới.\n- Thời gian: Năm 2022.",
            UnitKind::Point,
            Some("đ1"),
        )
        .unwrap()
        .0;
        assert_eq!((u.num.as_str(), u.text().as_str()), ("đ1", "Làm mới."));
        assert!(unit_from_text("Làm.\nb) Khác.", UnitKind::Point, Some("a")).is_err());
        assert!(unit_from_text("Làm.", UnitKind::Point, None).is_err());
    }
}
