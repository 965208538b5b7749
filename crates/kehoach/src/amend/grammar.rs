//! The grammar of one instruction's head (see [`super::instruction`] for the whole).

use super::model::{Operation, Target};
use super::reference::Ref;
use super::tokens::{Cursor, Tok};
use super::units::{
    Field, field_of, insertion, last_designation, split_marker, split_units, substitution,
};
use crate::diagnostic::Localized;

pub(super) fn err(vi: impl Into<String>, en: impl Into<String>) -> Localized {
    Localized::new(vi, en)
}

pub(super) fn need_body(body: Option<&str>) -> Result<&str, Localized> {
    body.ok_or_else(|| {
        err(
            "thiếu “như sau:” và nội dung",
            "missing “như sau:” and the text",
        )
    })
}

fn no_body(body: Option<&str>) -> Result<(), Localized> {
    match body {
        Some(_) => Err(err(
            "câu này không có phần “như sau:”",
            "this instruction takes no “như sau:” text",
        )),
        None => Ok(()),
    }
}

fn refs(c: &mut Cursor<'_>) -> Result<Vec<Target>, Localized> {
    let rs = unit_refs(c)?;
    if rs.iter().any(|r| r.heading) {
        return Err(err(
            "“tên …” chỉ dùng với thao tác cụm từ hoặc “Sửa đổi tên …”",
            "“tên …” (a unit's name) is read only in phrase operations and “Sửa đổi tên …”",
        ));
    }
    Ok(rs.iter().map(Ref::target).collect())
}

fn unit_refs(c: &mut Cursor<'_>) -> Result<Vec<Ref>, Localized> {
    let _ = c.eat(&["tại"]) || c.eat(&["ở"]) || c.eat(&["trong"]) || c.eat(&["của"]);
    c.references().ok_or_else(|| {
        err(
            "thiếu điểm/khoản/mục được sửa đổi (ví dụ “điểm b khoản 3 Mục II”)",
            "missing the unit reference (e.g. “điểm b khoản 3 Mục II”)",
        )
    })
}

/// The units of a phrase operation: a list of units, or the whole plan ("trong toàn bộ Kế
/// hoạch", "tại Kế hoạch số …", "trong Kế hoạch này"): the rest of the sentence names the plan.
fn phrase_refs(c: &mut Cursor<'_>) -> Result<Vec<(Target, bool)>, Localized> {
    let save = c.pos;
    let _ = c.eat(&["tại"]) || c.eat(&["ở"]) || c.eat(&["trong"]) || c.eat(&["của"]);
    let _ = c.eat(&["toàn", "bộ"]) || c.eat(&["toàn", "văn"]);
    let _ = c.eat(&["nội", "dung"]);
    if c.eat(&["kế", "hoạch"]) {
        // "… Kế hoạch số 66/KH-UBND ngày 18/5/2020", "… Kế hoạch này": the plan itself.
        while c
            .peek()
            .is_some_and(|t| !matches!(t, Tok::Punct { ch: '.' | ';', .. }))
        {
            c.pos += 1;
        }
        return Ok(vec![(Target::whole_plan(), false)]);
    }
    c.pos = save;
    // No place at all ("Thay thế cụm từ “X” bằng cụm từ “Y”."): the unit of the enclosing
    // lead-in, or the whole amended text.
    let ends = match c.peek() {
        None => true,
        Some(Tok::Punct { ch: '.' | ';', .. }) => {
            c.toks_at(c.pos + 1).is_none()
                || starts_verb(c, c.pos + 1)
                || matches!(c.toks_at(c.pos + 1), Some(Tok::Quote { .. }))
                || matches!(
                    (c.word_at(c.pos + 1), c.word_at(c.pos + 2)),
                    (Some("cụm"), Some("từ")) | (Some("từ"), _)
                )
        }
        Some(_) => starts_verb(c, c.pos),
    };
    if ends {
        return Ok(vec![(
            c.base_target().unwrap_or_else(Target::whole_plan),
            false,
        )]);
    }
    Ok(unit_refs(c)?
        .iter()
        .map(|r| (r.target(), r.heading))
        .collect())
}

/// True when an amending verb starts at token `i` ("… “Sở Nội vụ” Thay thế cụm từ …": two
/// instructions on one line).
pub(crate) fn starts_verb(c: &Cursor<'_>, i: usize) -> bool {
    matches!(
        (c.word_at(i), c.word_at(i + 1)),
        (Some("thay"), Some("thế" | "cụm" | "từ"))
            | (Some("bãi"), Some("bỏ"))
            | (Some("bổ"), Some("sung"))
            | (Some("sửa"), Some("đổi"))
            | (Some("bỏ"), Some("cụm" | "từ" | "các"))
            | (Some("đính"), Some("chính"))
    )
}

/// "Tại [đoạn đầu] REF [đã in|viết là]: “OLD” Nay sửa thành: “NEW”" → correct OLD → NEW in
/// REF (an elision "..." or "…" that ends a quote is not part of the passage).
fn corrected_passage(c: &mut Cursor<'_>, body: Option<&str>) -> Result<Vec<Operation>, Localized> {
    let not_read = || {
        err(
            "không đọc được câu đính chính (dạng “Tại … đã in: “…” Nay sửa thành: “…””)",
            "cannot read the correction (form “Tại … đã in: “…” Nay sửa thành: “…””)",
        )
    };
    // Words before the unit ("đoạn đầu"), at most a few.
    let mut skipped = 0;
    while c.level().is_none() && c.peek_word().is_some() && skipped < 4 {
        c.pos += 1;
        skipped += 1;
    }
    let target = one_ref(c)?;
    let mut skipped = 0;
    while !c.eat_punct(':') {
        if c.peek_word().is_none() || skipped >= 4 {
            return Err(not_read());
        }
        c.pos += 1;
        skipped += 1;
    }
    let old = c.quote().ok_or_else(not_read)?;
    // "Nay sửa thành" / "Nay sửa lại là" / "Nay đính chính là": the head's tail before the
    // body's colon.
    if !(c.eat(&["nay"]) && (c.eat(&["sửa"]) || c.eat(&["đính", "chính"]))) {
        return Err(not_read());
    }
    let _ = c.eat(&["lại"]);
    let _ = c.eat(&["thành"]) || c.eat(&["là"]);
    c.eat_punct(':');
    let new = match (c.quote(), body) {
        (Some(q), _) => q,
        (None, Some(b)) => b.trim().to_string(),
        _ => return Err(not_read()),
    };
    let trim = |s: &str| {
        s.trim()
            .trim_end_matches("...")
            .trim_end_matches('…')
            .trim_end()
            .to_string()
    };
    Ok(vec![Operation::Correct {
        target,
        find: trim(&old),
        replace: trim(&new),
        heading_only: false,
    }])
}

/// Phrase pairs (find, replace) and the units they apply to.
type PhraseGroup = (Vec<(String, String)>, Vec<(Target, bool)>);

pub(super) fn one_ref(c: &mut Cursor<'_>) -> Result<Target, Localized> {
    let mut r = refs(c)?;
    // "vào trước Điều 9, Mục 3": the section named after an article is where it is.
    if let [first, second] = r.as_slice() {
        let article = matches!(first, Target::Number { path, .. } if path.starts_with('Đ'));
        let section_only = matches!(second, Target::Number { path, .. }
            if !path.contains('.') && !path.starts_with('Đ') && !path.starts_with("PL") && !path.starts_with('M'));
        if article && section_only {
            r.pop();
        }
    }
    match (r.pop(), r.is_empty()) {
        (Some(t), true) => Ok(t),
        _ => Err(err(
            "chỉ được nêu một đơn vị",
            "only one unit may be named here",
        )),
    }
}

/// "Thay thế cụm từ …", "Thay cụm từ …", "Thay thế từ …", "Thay thế các cụm từ …", "Thay thế:
/// cụm từ …": consumes the verb when a phrase follows.
fn starts_phrase_replacement(c: &mut Cursor<'_>) -> bool {
    let save = c.pos;
    if !(c.eat(&["thay", "thế"]) || c.eat(&["thay"])) {
        return false;
    }
    c.eat_punct(':');
    let next = c.peek_word();
    if matches!(next, Some("cụm" | "từ" | "các")) || matches!(c.peek(), Some(Tok::Quote { .. }))
    {
        return true;
    }
    c.pos = save;
    false
}

fn phrase(c: &mut Cursor<'_>) -> Result<String, Localized> {
    let _ = c.eat(&["các"]);
    let _ = c.eat(&["cụm", "từ"]) || c.eat(&["từ"]);
    c.eat_punct(':');
    c.quote()
        .ok_or_else(|| err("thiếu cụm từ trong ngoặc kép", "missing the quoted phrase"))
}

/// Two phrases joined as an inserted phrase joins its anchor ("Bổ sung cụm từ “X” vào sau
/// cụm từ “Y”" gives `join_phrase(Y, X)`): a space between them, none before a comma,
/// semicolon, full stop, colon or closing bracket, nor after an opening one.
///
/// ```
/// use kehoach::amend::join_phrase;
/// assert_eq!(join_phrase("truyện ngắn", ", truyện tranh"), "truyện ngắn, truyện tranh");
/// assert_eq!(join_phrase("trên", "bao bì sản phẩm"), "trên bao bì sản phẩm");
/// ```
pub fn join_phrase(left: &str, right: &str) -> String {
    let tight = right.starts_with([',', ';', '.', ':', ')', '…']) || left.ends_with(['(', '“']);
    if tight {
        format!("{left}{right}")
    } else {
        format!("{left} {right}")
    }
}

pub(crate) fn grammar(c: &mut Cursor<'_>, body: Option<&str>) -> Result<Vec<Operation>, Localized> {
    // "Tại đoạn đầu Điều 21 đã in: “…” Nay sửa thành: “…”": a passage corrected.
    if c.eat(&["tại"]) {
        return corrected_passage(c, body);
    }
    // Phrase operations.
    let phrase_op = if c.eat(&["đính", "chính"]) || c.eat(&["chỉnh", "sửa"]) {
        Some(("correct", ["thành", "bằng"]))
    } else if starts_phrase_replacement(c) {
        Some(("replace", ["bằng", "thành"]))
    } else {
        None
    };
    if let Some((kind, joiners)) = phrase_op {
        no_body(body)?;
        let joined = |c: &mut Cursor<'_>| c.eat(&[joiners[0]]) || c.eat(&[joiners[1]]);
        // "cụm từ “A”, “B” bằng …": several phrases, one replacement.
        let mut finds = vec![phrase(c)?];
        while matches!(c.peek(), Some(Tok::Punct { ch: ',' | ';', .. }))
            && matches!(c.toks_at(c.pos + 1), Some(Tok::Quote { .. }))
        {
            c.pos += 1;
            finds.extend(c.quote());
        }
        let mut pairs: Vec<(String, String)> = Vec::new();
        // Pairs that name their own units ("… tại điểm b khoản 2 Điều 9; cụm từ “C” bằng cụm
        // từ “D” tại khoản 2 Điều 13"): each group with its units.
        let mut groups: Vec<PhraseGroup> = Vec::new();
        let targets = if joined(c) {
            let y = phrase(c)?;
            pairs.extend(finds.into_iter().map(|f| (f, y.clone())));
            // "…, cụm từ “C” bằng cụm từ “D” tại …": more pairs before the units.
            loop {
                let save = c.pos;
                if !(c.eat_punct(',') || c.eat_punct(';') || c.eat(&["và"])) {
                    break;
                }
                let _ = c.eat(&["cụm", "từ"]) || c.eat(&["từ"]);
                match c.quote() {
                    Some(f) if joined(c) => {
                        let y = phrase(c)?;
                        pairs.push((f, y));
                    }
                    _ => {
                        c.pos = save;
                        break;
                    }
                }
            }
            let t = phrase_refs(c)?;
            loop {
                let save = c.pos;
                if !(c.eat_punct(';') || c.eat_punct(',')) {
                    break;
                }
                let _ = c.eat(&["cụm", "từ"]) || c.eat(&["từ"]);
                let Some(f) = c.quote() else {
                    c.pos = save;
                    break;
                };
                // "cụm từ “A”, cụm từ “B” bằng …": several phrases, one replacement.
                let mut fs = vec![f];
                loop {
                    let s2 = c.pos;
                    if !c.eat_punct(',') {
                        break;
                    }
                    let _ = c.eat(&["cụm", "từ"]) || c.eat(&["từ"]);
                    match c.quote() {
                        Some(q) => fs.push(q),
                        None => {
                            c.pos = s2;
                            break;
                        }
                    }
                }
                if !joined(c) {
                    c.pos = save;
                    break;
                }
                let y = phrase(c)?;
                let units = phrase_refs(c)?;
                groups.push((fs.into_iter().map(|f| (f, y.clone())).collect(), units));
            }
            t
        } else {
            let t = phrase_refs(c)?;
            // "Cụm từ “X” tại … kèm theo Thông tư số … được sửa thành “Y”": the amended
            // text named, then the passive verb.
            if c.eat(&["kèm", "theo"]) || c.eat(&["ban", "hành", "kèm", "theo"]) {
                while c.peek().is_some()
                    && !matches!(c.peek_word(), Some("được" | "thành" | "bằng"))
                {
                    c.pos += 1;
                }
            }
            let _ = c.eat(&["được", "sửa"])
                || c.eat(&["được", "đính", "chính"])
                || c.eat(&["được", "thay", "thế"]);
            if !joined(c) {
                return Err(err("thiếu “bằng …”", "missing “bằng …”"));
            }
            let y = phrase(c)?;
            pairs.extend(finds.into_iter().map(|f| (f, y.clone())));
            t
        };
        // A phrase inside another one ("huyện, xã" in "cấp huyện, xã") is replaced after it, or
        // the longer one would no longer be found.
        let nested = pairs.iter().enumerate().any(|(i, (a, _))| {
            pairs
                .iter()
                .enumerate()
                .any(|(j, (b, _))| i != j && a.contains(b.as_str()))
        });
        if nested {
            pairs.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        }
        groups.insert(0, (pairs, targets));
        let mut ops = Vec::new();
        for (pairs, targets) in groups {
            for (find, replace) in pairs {
                for (target, heading_only) in &targets {
                    let (target, find, replace) = (target.clone(), find.clone(), replace.clone());
                    let heading_only = *heading_only;
                    ops.push(match kind {
                        "correct" => Operation::Correct {
                            target,
                            find,
                            replace,
                            heading_only,
                        },
                        _ => Operation::ReplacePhrase {
                            target,
                            find,
                            replace,
                            heading_only,
                        },
                    });
                }
            }
        }
        return Ok(ops);
    }
    let removal = c.eat(&["bãi", "bỏ", "cụm"])
        || c.eat(&["bỏ", "cụm"])
        || c.eat(&["bãi", "bỏ", "từ"])
        || c.eat(&["bỏ", "từ"])
        || c.eat(&["bãi", "bỏ", "các", "cụm"])
        || c.eat(&["bỏ", "các", "cụm"]);
    if removal {
        c.pos -= 1;
        no_body(body)?;
        // "Bỏ các cụm từ: “huyện đảo” tại Điều 76; “cấp huyện” tại khoản 1 Điều 122": each
        // phrase with its own units.
        let mut ops = Vec::new();
        loop {
            let find = phrase(c)?;
            ops.extend(phrase_refs(c)?.into_iter().map(|(target, heading_only)| {
                Operation::ReplacePhrase {
                    target,
                    find: find.clone(),
                    replace: String::new(),
                    heading_only,
                }
            }));
            let save = c.pos;
            let more = c.eat_punct(';') && {
                let _ = c.eat(&["cụm", "từ"]) || c.eat(&["từ"]);
                matches!(c.peek(), Some(Tok::Quote { .. }))
            };
            if !more {
                c.pos = save;
                break;
            }
        }
        return Ok(ops);
    }
    if c.eat(&["bổ", "sung", "cụm"]) || c.eat(&["bổ", "sung", "từ"]) {
        c.pos -= 1;
        no_body(body)?;
        // "“X” vào sau cụm từ “Y”, cụm từ “Z” vào trước cụm từ “W” tại …": each pair over
        // the units.
        let mut pairs = Vec::new();
        loop {
            let add = phrase(c)?;
            c.eat(&["vào"]);
            let after = if c.eat(&["sau"]) {
                true
            } else if c.eat(&["trước"]) {
                false
            } else {
                return Err(err(
                    "thiếu “vào sau/trước cụm từ …”",
                    "missing “vào sau/trước cụm từ …”",
                ));
            };
            let anchor = phrase(c)?;
            let replace = if after {
                join_phrase(&anchor, &add)
            } else {
                join_phrase(&add, &anchor)
            };
            pairs.push((anchor, replace));
            let save = c.pos;
            let more = c.eat_punct(',') && {
                let _ = c.eat(&["cụm", "từ"]) || c.eat(&["từ"]);
                matches!(c.peek(), Some(Tok::Quote { .. }))
            };
            c.pos = save;
            if !more {
                break;
            }
            c.eat_punct(',');
        }
        let targets = phrase_refs(c)?;
        let mut ops = Vec::with_capacity(pairs.len() * targets.len());
        for (anchor, replace) in pairs {
            for (target, heading_only) in &targets {
                ops.push(Operation::ReplacePhrase {
                    target: target.clone(),
                    find: anchor.clone(),
                    replace: replace.clone(),
                    heading_only: *heading_only,
                });
            }
        }
        return Ok(ops);
    }
    // "Bãi bỏ quy định “Tiêu chí 4: …” tại …": the quoted words are removed.
    let save = c.pos;
    if c.eat(&["bãi", "bỏ", "quy", "định"]) && matches!(c.peek(), Some(Tok::Quote { .. })) {
        no_body(body)?;
        let find = c.quote().unwrap_or_default();
        return Ok(phrase_refs(c)?
            .into_iter()
            .map(|(target, heading_only)| Operation::ReplacePhrase {
                target,
                find: find.clone(),
                replace: String::new(),
                heading_only,
            })
            .collect());
    }
    c.pos = save;
    if c.eat(&["bãi", "bỏ"]) {
        no_body(body)?;
        // "Bãi bỏ quy định tại khoản 2 Điều 20": the unit.
        let save = c.pos;
        if !(c.eat(&["quy", "định", "tại"]) || c.eat(&["nội", "dung", "tại"])) {
            c.pos = save;
        }
        return Ok(refs(c)?
            .into_iter()
            .map(|target| Operation::Repeal { target })
            .collect());
    }
    // "Đánh số lại điểm đ thành điểm e", "Sửa ký hiệu điểm d thứ hai … thành điểm đ",
    // "Điều chỉnh số thứ tự khoản 5 thành khoản 4".
    if c.eat(&["đánh", "số", "lại"])
        || c.eat(&["sửa", "ký", "hiệu"])
        || c.eat(&["sửa", "lại", "ký", "hiệu"])
        || c.eat(&["sửa", "đổi", "ký", "hiệu"])
        || c.eat(&["điều", "chỉnh", "ký", "hiệu"])
        || c.eat(&["sửa", "số", "thứ", "tự"])
        || c.eat(&["điều", "chỉnh", "số", "thứ", "tự"])
    {
        no_body(body)?;
        let target = one_ref(c)?;
        if !c.eat(&["thành"]) {
            return Err(err("thiếu “thành …”", "missing “thành …”"));
        }
        if let Some((_, words)) = c.level() {
            c.pos += words;
        }
        let to = match c.peek() {
            Some(Tok::Word { text, .. }) => text.clone(),
            _ => return Err(err("thiếu số hiệu mới", "missing the new number")),
        };
        c.pos += 1;
        return Ok(vec![Operation::Renumber { target, to }]);
    }
    if c.eat(&["bổ", "sung"]) {
        return insertion(c, body);
    }
    let substitute = c.eat(&["sửa", "đổi", ",", "bổ", "sung"])
        || c.eat(&["sửa", "đổi", "và", "bổ", "sung"])
        || c.eat(&["sửa", "đổi"])
        || c.eat(&["thay", "thế"])
        || c.eat(&["điều", "chỉnh"]);
    if !substitute {
        return Err(err(
            "không nhận ra động từ sửa đổi",
            "unknown amending verb",
        ));
    }
    // "Sửa đổi số thứ tự và tên của Điều 10. Hiệu lực thi hành như sau: “Điều 11. Hiệu lực
    // thi hành”": the name, then the designation (both address the unit as numbered before).
    if c.eat(&["số", "thứ", "tự", "và", "tên"]) || c.eat(&["ký", "hiệu", "và", "tên"])
    {
        let target = one_ref(c)?;
        // The unit's present name may follow its address ("Điều 10. Hiệu lực thi hành").
        if c.eat_punct('.') {
            c.pos = c.len();
        }
        let body = need_body(body)?;
        let Some((to, name)) = split_marker(body.trim()) else {
            return Err(err(
                "nội dung mới không bắt đầu bằng số thứ tự mới (ví dụ “Điều 11. …”)",
                "the new text does not start with the new designation (e.g. “Điều 11. …”)",
            ));
        };
        let mut sub = Operation::substitute(target.clone());
        if let Operation::Substitute { heading, .. } = &mut sub {
            *heading = Some(name.to_string());
        }
        return Ok(vec![sub, Operation::Renumber { target, to }]);
    }
    // Optional field phrase before the reference.
    let mut words = Vec::new();
    while let Some(w) = c.peek_word() {
        if c.level().is_some() || matches!(w, "tại" | "của" | "ở" | "trong") {
            break;
        }
        words.push(w);
        c.pos += 1;
    }
    // "Điều chỉnh nhiệm vụ tại số thứ tự thứ 5 …": the task, i.e. the whole unit.
    let whole = matches!(words.as_slice(), ["nhiệm", "vụ"] | ["toàn", "bộ"]);
    let field = if words.is_empty() || whole {
        None
    } else {
        let p = words.join(" ");
        Some(field_of(&p).ok_or_else(|| {
            err(
                format!("không biết phần “{p}” (dùng nhãn như “thời gian thực hiện”, “cơ quan chủ trì”, “nội dung”, “tên”)"),
                format!("unknown part “{p}” (use a label such as “thời gian thực hiện”, “cơ quan chủ trì”, “nội dung”, “tên”)"),
            )
        })?)
    };
    let targets = refs(c)?;
    let body = need_body(body)?;
    // "Sửa đổi, bổ sung tên của khoản 6 và điểm a khoản 6 như sau: “6. … a) …”": the name
    // of the first, the whole of the others.
    let name_then_units = matches!(field, Some(Field::Heading)) && targets.len() > 1;
    if targets.len() == 1 || (field.is_some() && !name_then_units) {
        let mut targets = targets;
        if targets.len() > 1 {
            return Err(err(
                "chỉ được nêu một đơn vị",
                "only one unit may be named here",
            ));
        }
        let Some(target) = targets.pop() else {
            return Err(err("thiếu đơn vị", "missing the unit"));
        };
        return Ok(vec![substitution(target, field, body)?]);
    }
    // "Sửa đổi, bổ sung điểm a, c khoản 1 như sau: a) … c) …": the text of each unit, by
    // its marker.
    let marks: Vec<String> = targets.iter().map(last_designation).collect();
    let parts = split_units(body, &marks).ok_or_else(|| {
        err(
            "nhiều đơn vị nhưng không tách được nội dung theo ký hiệu của từng đơn vị",
            "several units, but the text does not split at each unit's designation",
        )
    })?;
    targets
        .into_iter()
        .zip(parts)
        .enumerate()
        .map(|(i, (t, text))| {
            let f = if i == 0 && name_then_units {
                Some(Field::Heading)
            } else {
                None
            };
            substitution(t, f, &text)
        })
        .collect()
}
