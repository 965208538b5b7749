//! Instructions on whole units: the new text of substitutions and insertions, split at each
//! unit's designation.

use super::grammar::{err, need_body, one_ref};
use super::model::{Operation, Target};
use super::reference::{Level, Ref};
use super::tokens::{Cursor, Tok};
use crate::diagnostic::Localized;
use crate::document::{FieldKey, LabelTable, ParseOptions, UnitKind, parse_fragment};
use crate::text::Case as _;

/// The last segment of a target's path ("II.3.b" → "b", "Đ4.6" → "6").
pub(super) fn last_designation(t: &Target) -> String {
    match t {
        Target::Number { path, .. } => path.rsplit(['.', '-']).next().unwrap_or("").to_string(),
        Target::Eid(e) => e.clone(),
    }
}

/// The text of each unit in a body that holds several, each starting with its designation
/// ("a) …", "2a. …") at the start of a line or after a sentence's end; `None` unless every
/// designation is found, in order, the first at the start.
pub(super) fn split_units(body: &str, marks: &[String]) -> Option<Vec<String>> {
    let mut starts = Vec::with_capacity(marks.len());
    let mut from = 0;
    for (k, m) in marks.iter().enumerate() {
        let at = (from..=body.len()).find(|&i| {
            body.is_char_boundary(i)
                && body.get(i..).is_some_and(|r| {
                    r.strip_prefix(m.as_str())
                        .is_some_and(|after| after.starts_with(['.', ')']))
                })
                && (i == 0 || {
                    let before = body.get(..i).unwrap_or("").trim_end_matches([' ', '\t']);
                    before.is_empty()
                        || before.ends_with('\n')
                        || (k > 0 && before.ends_with(['.', ';', ':', '…', '”', '"']))
                })
        })?;
        if k == 0 && !body.get(..at).unwrap_or("").trim().is_empty() {
            return None;
        }
        starts.push(at);
        from = at + m.len();
    }
    let mut out = Vec::with_capacity(starts.len());
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(body.len());
        out.push(body.get(s..e).unwrap_or("").trim().to_string());
    }
    Some(out)
}

/// "Bổ sung điểm g vào sau điểm e …", "Bổ sung khoản 2a, 2b vào sau khoản 2 …", "Bổ sung
/// khoản 5 Điều 54 như sau", "Bổ sung vào mục 7 nội dung: “…”".
pub(super) fn insertion(
    c: &mut Cursor<'_>,
    body: Option<&str>,
) -> Result<Vec<Operation>, Localized> {
    let Some((level, words)) = c.level() else {
        // "Bổ sung vào mục 7 nội dung: “…”": text appended to a unit, no designation.
        if c.eat(&["vào"]) {
            let into = one_ref(c)?;
            let _ = c.eat(&["nội", "dung"]);
            c.eat_punct(':');
            let text = match (c.quote(), body) {
                (Some(q), None) => q,
                (None, Some(b)) => b.to_string(),
                _ => return Err(err("thiếu nội dung bổ sung", "missing the added text")),
            };
            return Ok(vec![Operation::Insert {
                after: None,
                before: None,
                into: Some(into),
                number: None,
                kind: None,
                text,
            }]);
        }
        return Err(err(
            "thiếu “điểm/khoản/mục …” được bổ sung",
            "missing the inserted “điểm/khoản/mục …”",
        ));
    };
    let kind = match level {
        Level::Point => Some(UnitKind::Point),
        Level::Part => Some(UnitKind::Part),
        Level::Section => Some(UnitKind::Section),
        _ => None,
    };
    c.pos += words;
    // The new designations: "khoản 2a, 2b", "khoản 7 và khoản 8".
    let mut numbers: Vec<String> = Vec::new();
    loop {
        match c.peek() {
            Some(Tok::Word { text, lower, .. })
                if c.level().is_none()
                    && lower != "vào"
                    && lower != "sau"
                    && lower != "trước"
                    && lower != "như" =>
            {
                let t = if level == Level::Section || level == Level::Chapter {
                    text.to_upper()
                } else {
                    text.clone()
                };
                c.pos += 1;
                numbers.push(t);
            }
            _ => break,
        }
        let save = c.pos;
        if c.eat_punct(',') || c.eat(&["và"]) {
            if c.level().is_some_and(|(l, _)| l == level) {
                c.pos += c.level().map_or(0, |(_, w)| w);
            }
            if matches!(c.peek(), Some(Tok::Word { lower, .. }) if lower != "vào" && lower != "sau" && lower != "trước")
                && c.level().is_none()
            {
                continue;
            }
        }
        c.pos = save;
        break;
    }
    let into = c.eat(&["vào"]);
    let (after, before, into_t) = if c.eat(&["sau"]) {
        (Some(one_ref(c)?), None, None)
    } else if c.eat(&["trước"]) {
        (None, Some(one_ref(c)?), None)
    } else if into {
        (None, None, Some(one_ref(c)?))
    } else if !numbers.is_empty() && c.level().is_some() {
        // "Bổ sung khoản 5 Điều 54 như sau": the unit it goes into follows the number.
        (None, None, Some(one_ref(c)?))
    } else if let (Some(prev), 1) = (numbers.first().and_then(|n| predecessor(n)), numbers.len()) {
        // "Bổ sung khoản 4a như sau": an inserted designation goes after the one it extends.
        let mut r = Ref::default();
        r.set(level, prev);
        (Some(c.complete(r).target()), None, None)
    } else {
        return Err(err("thiếu “vào sau/trước …”", "missing “vào sau/trước …”"));
    };
    // The new text: after "như sau:", or quoted right after the address ("… điểm a khoản 2
    // Điều 10 “a1) …”").
    let text = match body {
        Some(b) => b.to_string(),
        None => match c.quote() {
            Some(q) => q,
            None => need_body(None)?.to_string(),
        },
    };
    if numbers.len() <= 1 {
        return Ok(vec![Operation::Insert {
            after,
            before,
            into: into_t,
            number: numbers.pop(),
            kind,
            text,
        }]);
    }
    // Several new units: each after the one before it (the first at the given place).
    let parts = split_units(&text, &numbers).ok_or_else(|| {
        err(
            "bổ sung nhiều đơn vị nhưng không tách được nội dung theo ký hiệu của từng đơn vị",
            "several new units, but the text does not split at each one's designation",
        )
    })?;
    let mut ops = Vec::with_capacity(numbers.len());
    let mut prev: Option<String> = None;
    for (number, text) in numbers.into_iter().zip(parts) {
        let (a, b, i) = match &prev {
            None => (after.clone(), before.clone(), into_t.clone()),
            Some(p) => {
                let anchor = after.as_ref().or(before.as_ref()).or(into_t.as_ref());
                let path = match anchor {
                    Some(Target::Number { path, .. }) if into_t.is_none() => {
                        match path.rfind(['.', '-']) {
                            Some(k) => format!("{}{}", path.get(..=k).unwrap_or(""), p),
                            None => p.clone(),
                        }
                    }
                    Some(Target::Number { path, .. }) => format!("{path}.{p}"),
                    _ => p.clone(),
                };
                (Some(Target::number(path)), None, None)
            }
        };
        prev = Some(number.clone());
        ops.push(Operation::Insert {
            after: a,
            before: b,
            into: i,
            number: Some(number),
            kind,
            text,
        });
    }
    Ok(ops)
}

/// A unit's text split after its designation: "Điều 11. Hiệu lực" → ("11", "Hiệu lực"),
/// "Chương III. HOẠT ĐỘNG" → ("III", …), "2. Hỗ trợ" → ("2", …), "c) Tên" → ("c", …).
pub(super) fn split_marker(t: &str) -> Option<(String, &str)> {
    let mut rest = t;
    for word in ["Điều ", "Chương ", "Mục ", "Phần ", "Phụ lục "] {
        if let Some(r) = t.strip_prefix(word) {
            rest = r;
            break;
        }
    }
    let end = rest.find(|c: char| !c.is_alphanumeric())?;
    let (d, after) = rest.split_at(end);
    let name = after.strip_prefix(['.', ')'])?.trim_start();
    (!d.is_empty() && d.chars().count() <= 6 && !name.is_empty()).then(|| (d.to_string(), name))
}

/// The designation an inserted one extends ("4a" → "4", "a1" → "a", "20a" → "20").
pub(super) fn predecessor(n: &str) -> Option<String> {
    let digits = n.bytes().take_while(u8::is_ascii_digit).count();
    let (head, tail) = if digits > 0 {
        n.split_at(digits)
    } else {
        let first = n.chars().next()?.len_utf8();
        n.split_at(first)
    };
    let ok = if digits > 0 {
        !tail.is_empty() && tail.chars().all(|c| c.is_ascii_lowercase())
    } else {
        !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit())
    };
    ok.then(|| head.to_string())
}

/// A substitute of `target` from the text after "như sau:" (a field, the whole unit, or the
/// fields and body lines it gives).
pub(super) fn substitution(
    target: Target,
    field: Option<Field>,
    body: &str,
) -> Result<Operation, Localized> {
    let mut op = Operation::substitute(target);
    if let Operation::Substitute {
        heading,
        text,
        leads,
        partners,
        timeframe,
        unit,
        ..
    } = &mut op
    {
        match field {
            Some(f) => {
                let v = field_value(body);
                match f {
                    Field::Text => *text = Some(body.to_string()),
                    // "“2. Hỗ trợ …”", "“Chương III. HOẠT ĐỘNG …”": the name without its
                    // designation.
                    Field::Heading => {
                        *heading = Some(split_marker(&v).map_or(v.clone(), |(_, n)| n.to_string()))
                    }
                    Field::Key(FieldKey::Lead) => *leads = Some(v),
                    Field::Key(FieldKey::Partner) => *partners = Some(v),
                    Field::Key(FieldKey::Timeframe) => *timeframe = Some(v),
                    Field::Key(FieldKey::Output) => {
                        return Err(err(
                            "chưa hỗ trợ sửa đổi trường “sản phẩm”",
                            "substituting the output field is not supported",
                        ));
                    }
                }
            }
            None => {
                let (units, pre, _) = parse_fragment(body, &ParseOptions::default());
                if pre.is_empty() && units.len() == 1 {
                    *unit = Some(body.to_string());
                } else {
                    let labels = LabelTable::defaults();
                    let mut rest = Vec::new();
                    for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
                        let l = line.trim_start_matches(['-', '+', '–']).trim_start();
                        match labels.match_field(l) {
                            Some(m) => {
                                let v = l.get(m.value_start..).unwrap_or("").to_string();
                                match m.key {
                                    FieldKey::Lead => *leads = Some(v),
                                    FieldKey::Partner => *partners = Some(v),
                                    FieldKey::Timeframe => *timeframe = Some(v),
                                    FieldKey::Output => rest.push(line),
                                }
                            }
                            None => rest.push(line),
                        }
                    }
                    if !rest.is_empty() {
                        *text = Some(rest.join("\n"));
                    }
                }
            }
        }
    }
    Ok(op)
}

pub(super) enum Field {
    Text,
    Heading,
    Key(FieldKey),
}

pub(super) fn field_of(p: &str) -> Option<Field> {
    match p {
        "nội dung" => return Some(Field::Text),
        "tên" | "tiêu đề" | "tên gọi" => return Some(Field::Heading),
        _ => {}
    }
    LabelTable::defaults()
        .entries()
        .find(|(l, _)| *l == p)
        .map(|(_, k)| Field::Key(k))
}

/// A field's new value: the body, without a leading "- Label:" if it repeats the label.
pub(super) fn field_value(body: &str) -> String {
    let l = body.trim().trim_start_matches(['-', '+', '–']).trim_start();
    let v = match LabelTable::defaults().match_field(l) {
        Some(m) => l.get(m.value_start..).unwrap_or(l),
        None => body.trim(),
    };
    v.lines().map(str::trim).collect::<Vec<_>>().join(" ")
}
