//! Checks on operations: designations in the Vietnamese sequence, corrections that keep the
//! content, tasks that keep their lead and timeframe.

use crate::diagnostic::Localized;
use crate::document::{Unit, UnitKind};
use crate::numbering::{PartNum, PointNum, parse_roman};

/// A designation's place in its sequence, comparable among siblings of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Point(PointNum),
    Part(PartNum),
    Section(u32),
}

impl Key {
    fn parse(kind: UnitKind, num: &str) -> Option<Key> {
        match kind {
            UnitKind::Point => PointNum::parse(num).map(Key::Point),
            UnitKind::Part => PartNum::parse(num).map(Key::Part),
            UnitKind::Section => parse_roman(num).map(Key::Section),
            UnitKind::Division | UnitKind::Item => None,
        }
    }

    /// True for an original (not inserted) designation.
    fn is_plain(self) -> bool {
        match self {
            Key::Point(p) => p.insert() == 0,
            Key::Part(p) => !p.is_inserted(),
            Key::Section(_) => true,
        }
    }

    /// The plain designation that follows this one in the sequence.
    fn next_plain(self) -> Option<Key> {
        match self {
            Key::Point(p) => PointNum::new(p.index(), 0)?.next_letter().map(Key::Point),
            Key::Part(p) => PartNum::parse(&(p.number() + 1).to_string()).map(Key::Part),
            Key::Section(n) => Some(Key::Section(n + 1)),
        }
    }

    fn first(kind: UnitKind) -> Option<Key> {
        Key::parse(
            kind,
            match kind {
                UnitKind::Point => "a",
                UnitKind::Part => "1",
                UnitKind::Section => "I",
                UnitKind::Division | UnitKind::Item => "",
            },
        )
    }
}

fn sequence_hint(kind: UnitKind) -> Localized {
    match kind {
        UnitKind::Point => Localized::new(
            "điểm phải là một chữ cái a b c d đ e g h i k l m n o p q r s t u v x y, hoặc dạng bổ sung như đ1",
            "a point is one of the letters a b c d đ e g h i k l m n o p q r s t u v x y, or an inserted form like đ1",
        ),
        UnitKind::Part => Localized::new(
            "khoản phải là số tự nhiên, hoặc dạng bổ sung như 3a",
            "a part is a number, or an inserted form like 3a",
        ),
        UnitKind::Division | UnitKind::Item => Localized::new(
            "phần, chương, phụ lục và gạch đầu dòng không được đánh số lại",
            "divisions, appendices and bullet groups are not renumbered",
        ),
        UnitKind::Section => Localized::new(
            "mục phải là số La Mã (I, II, III, …)",
            "a section is a Roman numeral (I, II, III, …)",
        ),
    }
}

/// The designation a unit inserted right after `prev` gets (`đ` → `đ1`, `3` → `3a`); sections
/// have no such rule.
pub(crate) fn inserted_after(kind: UnitKind, prev: &str) -> Option<String> {
    match kind {
        UnitKind::Point => PointNum::parse(prev).map(|p| p.inserted_after().to_string()),
        UnitKind::Part => PartNum::parse(prev).map(|p| p.inserted_after().to_string()),
        UnitKind::Section | UnitKind::Division | UnitKind::Item => None,
    }
}

/// Checks that `num` is a designation of `kind` that fits between its new neighbours.
pub(crate) fn check_number(
    kind: UnitKind,
    num: &str,
    prev: Option<&str>,
    next: Option<&str>,
) -> Result<(), Localized> {
    let key = Key::parse(kind, num).ok_or_else(|| sequence_hint(kind))?;
    let prev_key = prev.and_then(|p| Key::parse(kind, p));
    let next_key = next.and_then(|n| Key::parse(kind, n));
    if let (Some(p), Some(pk)) = (prev, prev_key) {
        if key <= pk {
            return Err(Localized::new(
                format!("phải đứng sau \"{p}\" theo thứ tự"),
                format!("must come after \"{p}\" in sequence"),
            ));
        }
    }
    if let (Some(n), Some(nk)) = (next, next_key) {
        if key >= nk {
            return Err(Localized::new(
                format!("phải đứng trước \"{n}\" theo thứ tự"),
                format!("must come before \"{n}\" in sequence"),
            ));
        }
    }
    if next.is_none() && key.is_plain() {
        let expected = match prev_key {
            Some(pk) => pk.next_plain(),
            None if prev.is_none() => Key::first(kind),
            None => None,
        };
        if let Some(e) = expected.filter(|e| *e != key) {
            let shown = match e {
                Key::Point(p) => p.to_string(),
                Key::Part(p) => p.to_string(),
                Key::Section(n) => crate::numbering::to_roman(n).unwrap_or_default(),
            };
            return Err(Localized::new(
                format!("bỏ qua số hiệu trong dãy: tiếp theo phải là \"{shown}\""),
                format!("skips the sequence: the next one is \"{shown}\""),
            ));
        }
    }
    Ok(())
}

/// Orders two designations of one kind; `None` when either is outside its sequence.
pub(crate) fn compare_nums(kind: UnitKind, a: &str, b: &str) -> Option<std::cmp::Ordering> {
    Some(Key::parse(kind, a)?.cmp(&Key::parse(kind, b)?))
}

/// True when `num` is a designation of `kind` (a point letter, a part number, a Roman numeral,
/// or an inserted form).
pub(crate) fn is_valid_num(kind: UnitKind, num: &str) -> bool {
    Key::parse(kind, num).is_some()
}

/// Runs of ASCII digits in a text, in order ("Năm 2021 - 2025" → ["2021", "2025"]).
fn digit_runs(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .collect()
}

fn unit_texts(u: &Unit) -> Vec<String> {
    let mut out = Vec::new();
    u.walk(&mut |x| {
        if let Some(h) = &x.heading {
            out.push(h.text.clone());
        }
        out.extend(x.blocks.iter().map(|b| b.text.as_str().to_owned()));
    });
    out
}

fn timeframe_data(u: &Unit) -> serde_json::Value {
    let mut v = serde_json::to_value(&u.timeframe).unwrap_or(serde_json::Value::Null);
    strip(&mut v);
    v
}

fn strip(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            map.retain(|k, _| !(k == "span" || k.ends_with("Span") || k == "text"));
            map.values_mut().for_each(strip);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
        _ => {}
    }
}

/// Why a correction (đính chính) `find` → `replace` that turned `before` into `after` changes
/// content, if it does: numbers, document symbols or the parsed timeframe differ, or the edit
/// is more than a typo (Damerau–Levenshtein distance above max(2, a quarter of the phrase)).
pub(crate) fn correction_changes_content(
    before: &Unit,
    after: &Unit,
    find: &str,
    replace: &str,
) -> Option<Localized> {
    let (b, a) = (unit_texts(before), unit_texts(after));
    let nb: Vec<&str> = b.iter().flat_map(|t| digit_runs(t)).collect();
    let na: Vec<&str> = a.iter().flat_map(|t| digit_runs(t)).collect();
    if nb != na {
        return Some(Localized::new(
            "các con số (năm, số hiệu văn bản, tỷ lệ) thay đổi",
            "numbers (years, document symbols, percentages) change",
        ));
    }
    if timeframe_data(before) != timeframe_data(after) {
        return Some(Localized::new(
            "thời gian thực hiện thay đổi",
            "the timeframe changes",
        ));
    }
    let dist = strsim::damerau_levenshtein(find, replace);
    let limit = (find.chars().count() / 4).max(2);
    if dist > limit {
        return Some(Localized::new(
            format!("sửa {dist} ký tự, quá giới hạn sửa lỗi chính tả ({limit})"),
            format!("{dist} characters edited, more than a typo fix allows ({limit})"),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_sequence() {
        use UnitKind::*;
        assert!(check_number(Point, "g", Some("e"), None).is_ok());
        assert!(check_number(Point, "h", Some("e"), None).is_err());
        assert!(check_number(Point, "f", Some("e"), None).is_err());
        assert!(check_number(Point, "đ", Some("d"), Some("e")).is_ok());
        assert!(check_number(Point, "d", Some("d"), Some("e")).is_err());
        assert!(check_number(Point, "đ1", Some("đ"), Some("e")).is_ok());
        assert!(check_number(Point, "e1", Some("e"), None).is_ok());
        assert!(check_number(Part, "3a", Some("3"), Some("4")).is_ok());
        assert!(check_number(Part, "5", Some("3"), Some("4")).is_err());
        assert!(check_number(Section, "IV", Some("III"), None).is_ok());
        assert!(check_number(Section, "4", Some("III"), None).is_err());
        assert_eq!(inserted_after(Point, "đ").as_deref(), Some("đ1"));
        assert_eq!(inserted_after(Part, "3").as_deref(), Some("3a"));
    }
}
