//! Lead-ins ("Sửa đổi, bổ sung một số điểm, khoản của Điều 10 như sau:"), which give the
//! instructions under them a unit or a verb, and a plan replaced as a whole.

use super::reference::{Ref, level_at};
use super::tokens::{Cursor, Tok, tokenize};
use crate::text::Case as _;

/// An open lead-in ("Sửa đổi, bổ sung một số khoản của Điều 9 như sau:"): how far it reaches
/// (the rank of its enumerator), the unit its items are inside, the verb of verbless items.
pub(super) struct LeadIn {
    pub rank: u8,
    pub base: Option<Ref>,
    pub verb: Option<&'static str>,
}

/// The rank of a line's enumerator: "Điều 1." 40, "I." 35, "1." 30, "a)"/"i." 20, "-" 10, none 0.
pub(super) fn enumerator_rank(t: &str) -> u8 {
    let lower: String = t
        .chars()
        .take(8)
        .flat_map(crate::text::lower_char)
        .collect();
    if lower.starts_with("điều ")
        && t.get("điều ".len()..)
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    {
        return 40;
    }
    if t.starts_with(['-', '+', '–', '•']) {
        return 10;
    }
    let head_len = t.find(|c: char| !c.is_alphanumeric()).unwrap_or(t.len());
    let head = t.get(..head_len).unwrap_or("");
    if head.is_empty() || !t.get(head_len..).is_some_and(|r| r.starts_with(['.', ')'])) {
        return 0;
    }
    if head.bytes().all(|b| b.is_ascii_digit()) {
        30
    } else if head.chars().all(|c| c.is_uppercase())
        && crate::numbering::parse_roman(head).is_some()
    {
        35
    } else if head.chars().count() <= 3 && head.chars().all(char::is_lowercase) {
        20
    } else {
        0
    }
}

/// How far a lead-in reaches: to the next line of its own rank or higher; one without an
/// enumerator to the next article.
pub(super) fn lead_rank(rank: u8) -> u8 {
    if rank == 0 { 39 } else { rank }
}

/// An item that names only units or phrases ("điểm c khoản 2 Điều 4;", "Cụm từ “X” vào sau …").
pub(super) fn verbless_item(t: &str) -> bool {
    let toks = tokenize(t);
    let c = Cursor::new(&toks);
    c.level().is_some()
        || matches!(toks.first(), Some(Tok::Quote { .. }))
        || matches!(
            (c.word_at(0), c.word_at(1)),
            (Some("cụm"), Some("từ")) | (Some("từ"), _) | (Some("các"), Some("cụm"))
        )
}

/// A lead-in: "Sửa đổi, bổ sung một số điểm, khoản của Điều 10 (như sau:)", "Bãi bỏ một số
/// điểm, khoản, điều sau đây:", "Bổ sung các cụm từ sau đây:", or, when instructions follow
/// (`items_follow`), "Sửa đổi, bổ sung Điều 12 như sau:" with nothing after the colon.
pub(super) fn lead_in(own: &str, items_follow: bool) -> Option<LeadIn> {
    let toks = tokenize(own);
    let mut c = Cursor::new(&toks);
    let mut verbs: Vec<&'static str> = Vec::new();
    loop {
        if c.eat(&["sửa", "đổi"]) {
            verbs.push("Sửa đổi");
        } else if c.eat(&["bổ", "sung"]) {
            verbs.push("Bổ sung");
        } else if c.eat(&["bãi", "bỏ"]) {
            verbs.push("Bãi bỏ");
        } else if c.eat(&["thay", "thế"]) {
            verbs.push("Thay thế");
        } else if c.eat(&["điều", "chỉnh"]) {
            verbs.push("Điều chỉnh");
        } else if c.eat(&["đính", "chính"]) {
            verbs.push("Đính chính");
        } else if !(c.eat_punct(',') || c.eat(&["và"])) {
            break;
        }
    }
    if verbs.is_empty() {
        return None;
    }
    // Where the lead-in's colon is, and whether anything follows it.
    let colon = toks
        .iter()
        .position(|t| matches!(t, Tok::Punct { ch: ':', .. }));
    let after_colon = colon.map_or("", |k| {
        own.get(toks.get(k).map_or(own.len(), |t| t.start() + 1)..)
            .unwrap_or("")
    });
    if !after_colon.trim().is_empty() {
        return None;
    }
    let head = toks.get(..colon.unwrap_or(toks.len())).unwrap_or(&[]);
    let verb = match verbs.as_slice() {
        [one] if *one != "Sửa đổi" && *one != "Điều chỉnh" => Some(*one),
        _ => None,
    };
    // "một số …" (with or without a colon); "các …"/"những …" only before an empty colon and
    // without a quoted phrase ("Thay thế các cụm từ “A”, “B” …" is an instruction).
    let quoted = head.iter().any(|t| matches!(t, Tok::Quote { .. }));
    let mut some = c.eat(&["một", "số"])
        || (colon.is_some() && !quoted && (c.eat(&["các"]) || c.eat(&["những"])));
    // "Bổ sung, thay thế, bãi bỏ cụm từ và một số điều, khoản của Nghị định …", "Đính chính
    // lỗi kỹ thuật tại Thông tư số …": a heading over the instructions, with no quote and no
    // unit of its own before "một số" or the amended text.
    if !some && !quoted {
        let from = c.pos;
        let at = (from..head.len())
            .find(|&i| matches!((c.word_at(i), c.word_at(i + 1)), (Some("một"), Some("số"))));
        let unit_before = (from..at.unwrap_or(head.len())).any(|i| level_at(head, i));
        if let Some(i) = at.filter(|_| !unit_before) {
            c.pos = i + 2;
            some = true;
        } else if verbs == ["Đính chính"] && !unit_before {
            c.pos = head.len();
            some = true;
        }
    }
    if some {
        // The unit the items are inside: the first "của/tại/trong" + one reference.
        let mut base = None;
        while c.pos < head.len() {
            if (c.eat(&["của"]) || c.eat(&["tại"]) || c.eat(&["trong"])) && c.level().is_some()
            {
                let save = c.pos;
                if let Some(mut rs) = c.references() {
                    if rs.len() == 1 {
                        base = rs.pop();
                    }
                    break;
                }
                c.pos = save;
            } else {
                c.pos += 1;
            }
        }
        return Some(LeadIn {
            rank: 0,
            base,
            verb,
        });
    }
    // "Sửa đổi, bổ sung Điều 12 như sau:" or the article heading "Điều 10. Sửa đổi, bổ sung
    // khoản 4 Điều 19", followed by its own instructions.
    if !items_follow || c.level().is_none() {
        return None;
    }
    let mut rs = c.references()?;
    let rest_ok = if colon.is_some() {
        c.eat(&["như", "sau"]) && c.pos == head.len()
    } else {
        c.pos == head.len()
    };
    if rs.len() != 1 || !rest_ok {
        return None;
    }
    Some(LeadIn {
        rank: 0,
        base: rs.pop(),
        verb: None,
    })
}

/// Kinds of document that name themselves ("Kế hoạch này …") or another ("… Quyết định số …").
const DOCUMENT_KINDS: &[&str] = &[
    "kế hoạch",
    "quyết định",
    "nghị quyết",
    "chương trình",
    "văn bản",
    "thông tư",
    "chỉ thị",
    "nghị định",
];

/// The byte length of "Kế hoạch này " (any document kind) at the start of `t`, if there.
pub(super) fn this_document(t: &str) -> Option<usize> {
    let lower: String = t
        .chars()
        .take(24)
        .flat_map(crate::text::lower_char)
        .collect();
    DOCUMENT_KINDS.iter().find_map(|k| {
        let own = format!("{k} này ");
        lower.starts_with(&own).then(|| {
            t.char_indices()
                .nth(own.chars().count())
                .map_or(t.len(), |(i, _)| i)
        })
    })
}

/// The symbols of the documents a sentence says it replaces as a whole ("Kế hoạch này thay
/// thế Kế hoạch số 076/KH-UBND ngày …" → ["076/KH-UBND"]; "Quyết định này … thay thế Quyết
/// định số 59/2024/QĐ-UBND … và Quyết định số 58/2024/QĐ-UBND …" → both): only a document
/// naming itself ("… này") and numbered symbols named right after "thay thế", "và" or ",".
pub(super) fn replaced_symbols(s: &str) -> Vec<String> {
    let t = s.trim_start().trim_start_matches(['(', '*', '_']);
    let mut out = Vec::new();
    if this_document(t).is_none() {
        return out;
    }
    let Some(at) = t.find("thay thế ") else {
        return out;
    };
    let rest = t.get(at + "thay thế ".len()..).unwrap_or("");
    let mut found: Vec<(usize, String)> = Vec::new();
    for kind in DOCUMENT_KINDS {
        let mut cap = kind.to_string();
        if let Some(first) = cap.get(..1) {
            let upper = first.to_upper();
            cap.replace_range(..1, &upper);
        }
        for k in [kind.to_string(), cap] {
            let needle = format!("{k} số ");
            let mut from = 0;
            while let Some(p) = rest.get(from..).and_then(|r| r.find(&needle)) {
                let p = from + p;
                from = p + needle.len();
                let before = rest.get(..p).unwrap_or("").trim_end();
                if !(before.is_empty() || before.ends_with(" và") || before.ends_with(',')) {
                    continue;
                }
                let sym: String = rest
                    .get(p + needle.len()..)
                    .unwrap_or("")
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '.' | '&'))
                    .collect();
                let sym = sym.trim_end_matches('.');
                if sym.contains('/') && sym.starts_with(|c: char| c.is_ascii_digit()) {
                    found.push((p, sym.to_string()));
                }
            }
        }
    }
    found.sort();
    found.dedup_by(|a, b| a.1 == b.1);
    out.extend(found.into_iter().map(|(_, s)| s));
    out
}

/// The title of an amending document ("Sửa đổi, bổ sung một số nội dung của Kế hoạch số
/// 66/KH-UBND …", "Về việc sửa đổi, bổ sung Quyết định số …"): verbs, then the amended
/// document named, with no unit, no quote and no colon.
pub(super) fn document_title(own: &str) -> bool {
    let toks = tokenize(own);
    if toks.iter().enumerate().any(|(i, t)| {
        matches!(t, Tok::Quote { .. } | Tok::Punct { ch: ':', .. }) || level_at(&toks, i)
    }) {
        return false;
    }
    let words: Vec<&str> = toks
        .iter()
        .filter_map(|t| match t {
            Tok::Word { lower, .. } => Some(lower.as_str()),
            _ => None,
        })
        .collect();
    let starts_with_verb = matches!(
        words.as_slice(),
        ["sửa", "đổi", ..]
            | ["bổ", "sung", ..]
            | ["bãi", "bỏ", ..]
            | ["thay", "thế", ..]
            | ["điều", "chỉnh", ..]
            | ["đính", "chính", ..]
            | ["về", "việc", ..]
    );
    starts_with_verb
        && [
            "kế hoạch",
            "quyết định",
            "nghị quyết",
            "chương trình",
            "thông tư",
            "nghị định",
            "quy định",
            "quy chế",
            "đề án",
        ]
        .iter()
        .any(|kind| {
            let k: Vec<&str> = kind.split(' ').collect();
            words.windows(k.len()).any(|w| w == k.as_slice())
        })
}
