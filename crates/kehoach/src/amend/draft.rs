//! Drafting: the amending instructions, in standard Vietnamese wording, that turn a plan into an
//! edited version of it.
//!
//! Units are matched by element id (a unit keeps its id while its number stays). A unit of the
//! edited version that the old one lacks is inserted ("Bổ sung điểm g vào sau điểm e khoản 8 Mục
//! II như sau: “…”"); one the edited version lacks is repealed ("Bãi bỏ …"); one whose own
//! content changed gets, in order of preference: one phrase replaced ("Thay thế cụm từ “X” bằng
//! cụm từ “Y” tại …", grouped over the units with the same edit) when the edit is one phrase
//! that occurs once in the unit; its changed fields substituted ("Sửa đổi thời gian thực hiện
//! tại …"); the whole unit substituted. The instructions are read back with
//! [`parse_instructions`](super::parse_instructions) for the amendment JSON beside them, so the
//! text and the JSON never disagree.

use super::address::address;
use super::model::{Amendment, Target};
use crate::document::{BlockKind, FieldKey, Plan, Unit, UnitKind, render_unit};
use std::collections::HashMap;

/// Drafted amending instructions and the amendment they read as.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The instructions, one per paragraph, quoted new text under "như sau:".
    pub text: String,
    /// The same instructions as an amendment (`parse_instructions(&text)`).
    pub amendment: Amendment,
    /// Edits that standard wording cannot say (a unit kind with no Vietnamese address, such as
    /// a bullet group or an appendix row); each names the unit's path.
    pub unworded: Vec<String>,
}

/// The instructions that amend `old` into `new`.
///
/// ```
/// let old = kehoach::parse(kehoach::SEED_PLAN).plan;
/// let edited = kehoach::SEED_PLAN.replacen("Năm 2022-2025.", "Năm 2022-2027.", 1);
/// let new = kehoach::parse(&edited).plan;
/// let d = kehoach::amend::draft(&old, &new);
/// assert_eq!(d.text, "Thay thế cụm từ “2022-2025” bằng cụm từ “2022-2027” tại điểm c khoản 1 Mục II.\n");
/// let r = kehoach::amend::amend_text(&old, &d.text);
/// assert!(r.applied);
/// assert_eq!(kehoach::document::content_json(&r.plan), kehoach::document::content_json(&new));
/// ```
pub fn draft(old: &Plan, new: &Plan) -> Draft {
    let mut old_by_eid: HashMap<&str, &Unit> = HashMap::new();
    old.walk(&mut |u| {
        old_by_eid.insert(u.eid.as_str(), u);
    });
    let mut new_eids: HashMap<&str, ()> = HashMap::new();
    new.walk(&mut |u| {
        new_eids.insert(u.eid.as_str(), ());
    });
    let mut out = Drafter::default();
    // Repeals first: an insertion then never lands next to a unit about to go.
    repeals(&old.body, &new_eids, &mut out);
    edits(&new.body, None, &old_by_eid, &mut out);
    out.flush_phrases();
    let parsed = super::parse_instructions(&out.text);
    Draft {
        text: out.text,
        amendment: parsed.amendment,
        unworded: out.unworded,
    }
}

#[derive(Default)]
struct Drafter {
    text: String,
    unworded: Vec<String>,
    /// Phrase replacements waiting to be grouped: (find, replace) → addresses, in order.
    phrases: Vec<((String, String), Vec<String>)>,
}

impl Drafter {
    fn line(&mut self, s: &str) {
        self.text.push_str(s);
        self.text.push('\n');
    }

    fn phrase(&mut self, find: String, replace: String, addr: String) {
        match self
            .phrases
            .iter_mut()
            .find(|(k, _)| k.0 == find && k.1 == replace)
        {
            Some((_, addrs)) => addrs.push(addr),
            None => self.phrases.push(((find, replace), vec![addr])),
        }
    }

    fn flush_phrases(&mut self) {
        for ((find, replace), addrs) in std::mem::take(&mut self.phrases) {
            let at = addrs.join(", ");
            let s = if replace.is_empty() {
                format!("Bãi bỏ cụm từ “{find}” tại {at}.")
            } else {
                format!("Thay thế cụm từ “{find}” bằng cụm từ “{replace}” tại {at}.")
            };
            self.line(&s);
        }
    }
}

/// The address of a unit, when standard wording can say it.
fn addr(u: &Unit) -> Option<String> {
    if !matches!(u.kind, UnitKind::Section | UnitKind::Part | UnitKind::Point) {
        return None;
    }
    let a = address(&Target::number(u.number.clone()));
    (a != u.number || u.number.is_empty()).then_some(a)
}

fn level_word(kind: UnitKind) -> Option<&'static str> {
    match kind {
        UnitKind::Section => Some("Mục"),
        UnitKind::Part => Some("khoản"),
        UnitKind::Point => Some("điểm"),
        UnitKind::Division | UnitKind::Item => None,
    }
}

/// "Bãi bỏ …" for each unit of `old` that the new version lacks (not its sub-units).
fn repeals(units: &[Unit], new_eids: &HashMap<&str, ()>, out: &mut Drafter) {
    for u in units {
        if new_eids.contains_key(u.eid.as_str()) {
            repeals(&u.children, new_eids, out);
            continue;
        }
        match addr(u) {
            Some(a) => out.line(&format!("Bãi bỏ {a}.")),
            None => out.unworded.push(u.number.as_str().to_owned()),
        }
    }
}

/// Insertions and changes, in the new version's order.
fn edits(units: &[Unit], parent: Option<&Unit>, old: &HashMap<&str, &Unit>, out: &mut Drafter) {
    for (i, u) in units.iter().enumerate() {
        match old.get(u.eid.as_str()) {
            None => insert(units, i, parent, old, out),
            Some(o) => {
                // A unit substituted whole carries its sub-units as they are now.
                if !change(o, u, out) {
                    edits(&u.children, Some(u), old, out);
                }
            }
        }
    }
}

fn quoted(text: &str) -> String {
    format!("“{}”", text.trim_end())
}

/// "Bổ sung điểm g vào sau điểm e … như sau:" with the unit and its sub-units quoted.
fn insert(
    siblings: &[Unit],
    i: usize,
    parent: Option<&Unit>,
    old: &HashMap<&str, &Unit>,
    out: &mut Drafter,
) {
    let Some(u) = siblings.get(i) else { return };
    let (Some(level), Some(_)) = (level_word(u.kind), addr(u)) else {
        out.unworded.push(u.number.as_str().to_owned());
        return;
    };
    // After the sibling before it (already there: old, or inserted just before); else before
    // the first following sibling the old version has; else as the parent's last sub-unit.
    let place = match i.checked_sub(1).and_then(|k| siblings.get(k)) {
        Some(prev) => addr(prev).map(|a| format!("vào sau {a}")),
        None => match siblings
            .iter()
            .skip(i + 1)
            .find(|s| old.contains_key(s.eid.as_str()))
        {
            Some(next) => addr(next).map(|a| format!("vào trước {a}")),
            None => parent.and_then(addr).map(|a| format!("vào {a}")),
        },
    };
    let Some(place) = place else {
        out.unworded.push(u.number.as_str().to_owned());
        return;
    };
    out.line(&format!(
        "Bổ sung {level} {} {place} như sau:\n{}",
        u.num,
        quoted(&render_unit(u))
    ));
}

/// The own content of a unit that an instruction may change: heading, body lines, fields.
#[derive(PartialEq)]
struct Own<'u> {
    heading: Option<&'u str>,
    body: Vec<(BlockKind, &'u str)>,
    fields: Vec<(Option<FieldKey>, &'u str, &'u str)>,
}

fn own(u: &Unit) -> Own<'_> {
    Own {
        heading: u.heading.as_ref().map(|h| h.text.as_str()),
        body: u
            .blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Field)
            .map(|b| (b.kind, b.text.as_str()))
            .collect(),
        fields: u
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Field)
            .map(|b| (b.key, b.label.as_deref().unwrap_or(""), b.text.as_str()))
            .collect(),
    }
}

/// Every text of a unit and its sub-units (to count a phrase's occurrences).
fn all_texts<'u>(u: &'u Unit, out: &mut Vec<&'u str>) {
    if let Some(h) = &u.heading {
        out.push(&h.text);
    }
    for b in &u.blocks {
        out.push(&b.text);
    }
    for c in &u.children {
        all_texts(c, out);
    }
}

/// The one phrase that differs between two texts, widened to whole words: (old, new).
fn one_phrase(a: &str, b: &str) -> Option<(String, String)> {
    let pre = a
        .char_indices()
        .zip(b.chars())
        .take_while(|((_, x), y)| x == y)
        .last()
        .map_or(0, |((i, x), _)| i + x.len_utf8());
    let suf = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum::<usize>();
    let suf = suf.min(a.len() - pre).min(b.len() - pre);
    let is_sep = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.' | ':' | '(' | ')');
    // Widen to word boundaries in both texts alike (the shared prefix and suffix are equal).
    let mut start = pre;
    while start > 0 {
        let prev = a.get(..start).and_then(|s| s.chars().next_back())?;
        if is_sep(prev) {
            break;
        }
        start -= prev.len_utf8();
    }
    let mut end_suf = suf;
    while end_suf > 0 {
        let next = a.get(a.len() - end_suf..).and_then(|s| s.chars().next())?;
        if is_sep(next) {
            break;
        }
        end_suf -= next.len_utf8();
    }
    let old = a.get(start..a.len() - end_suf)?.trim();
    let new = b.get(start..b.len() - end_suf)?.trim();
    (!old.is_empty() && !old.contains(['“', '”', '"'])).then(|| (old.to_string(), new.to_string()))
}

/// The instruction for a unit whose own content changed; true when it substituted the whole
/// unit (sub-units included).
fn change(o: &Unit, u: &Unit, out: &mut Drafter) -> bool {
    let (before, after) = (own(o), own(u));
    if before == after {
        return false;
    }
    let Some(a) = addr(u) else {
        out.unworded.push(u.number.as_str().to_owned());
        return false;
    };
    // One phrase in one text: a phrase replacement, when the phrase occurs once in the unit.
    let pairs: Vec<(&str, &str)> = {
        let mut v = Vec::new();
        if before.heading != after.heading {
            v.push((before.heading.unwrap_or(""), after.heading.unwrap_or("")));
        }
        if before.body.len() == after.body.len() {
            for (x, y) in before.body.iter().zip(&after.body) {
                if x != y {
                    v.push((x.1, y.1));
                }
            }
        }
        if before.fields.len() == after.fields.len() {
            for (x, y) in before.fields.iter().zip(&after.fields) {
                if x != y {
                    v.push((x.2, y.2));
                }
            }
        }
        v
    };
    let same_shape = before.body.len() == after.body.len()
        && before.fields.len() == after.fields.len()
        && before.heading.is_some() == after.heading.is_some()
        && before.body.iter().zip(&after.body).all(|(x, y)| x.0 == y.0)
        && before
            .fields
            .iter()
            .zip(&after.fields)
            .all(|(x, y)| x.0 == y.0 && x.1 == y.1);
    if same_shape {
        if let [(x, y)] = pairs.as_slice() {
            if let Some((find, replace)) = one_phrase(x, y) {
                let mut texts = Vec::new();
                all_texts(o, &mut texts);
                let count: usize = texts.iter().map(|t| t.matches(find.as_str()).count()).sum();
                if count == 1 {
                    out.phrase(find, replace, a);
                    return false;
                }
            }
        }
    }
    // Whole unit: its own content and its sub-units as they are now (the sub-units' own
    // edits are then already in it).
    out.line(&format!(
        "Sửa đổi, bổ sung {a} như sau:\n{}",
        quoted(&render_unit(u))
    ));
    true
}
