//! Vietnamese amendment instructions → [`Operation`]s.
//!
//! # Grammar
//!
//! The text is split into instructions: a line (outside quotes) that starts, after an optional
//! enumerator (`1.`, `a)`, `-`, `Điều 1.`), with one of the verbs below begins one. Quoted text
//! (“…”, «…», "…"; “…” nest) may span lines and never starts an instruction. Lines before the
//! first instruction are the header: a `Số: …` line gives the symbol, the first date the date
//! of issue, other lines (issuer, title, "Căn cứ …") are skipped unless they name a unit
//! ("điểm b khoản 3"): such a line is an instruction the parser does not understand, and is
//! reported; a line with "có hiệu lực" (anywhere) gives the effective date ("kể từ ngày ký":
//! the date of issue).
//!
//! **Lead-ins** ([`super::lead_in`]): "Sửa đổi, bổ sung một số điểm, khoản của Điều 10 (như
//! sau:)", "Bãi bỏ một số điểm, khoản, điều sau đây:", "Bổ sung các cụm từ sau đây:", or an
//! instruction with nothing after its colon followed by instructions ("Sửa đổi, bổ sung Điều 12
//! như sau:" then "c) Bổ sung khoản 4a …"; also the article heading "Điều 10. Sửa đổi, bổ sung
//! khoản 4 Điều 19"). They give nothing themselves; until the next enumerator of their rank
//! ("Điều 1." > "I." > "1." > "a)" > "-"), the references under them are completed with their
//! unit ("tại điểm a khoản 1" → `Đ10.1.a`), a phrase with no place applies to their unit, and
//! an item with no verb ("a) điểm c khoản 2 Điều 4;", "- Cụm từ “X” vào sau cụm từ “Y” tại …")
//! takes their verb.
//!
//! ```text
//! LEVEL = "gạch đầu dòng" "thứ" ORD | "tiết" DEC | "điểm" (LETTER[DIGITS] | NUM) ["thứ" ORD]
//!       | "khoản" NUM | "tiểu mục" DEC | "mục" (ROMAN | NUM) | "Điều" NUM[LETTERS]
//!       | "Mẫu" ["số"] NUM | "Chương" N | "Phần" N | "Phụ lục" ["số"] [N]
//! REF   = ["tên" ["của"]] LEVEL {["của" | "tại"] LEVEL}        (ascending levels)
//! REFS  = ["các"] REF {("," | ";" | "và") ["tại"] (REF | DESIGNATION)}
//!         missing higher levels come from the reference to the right (not into an Điều or a
//!         Phụ lục, which are complete as written), then from the enclosing lead-in
//! PREP  = "tại" | "ở" | "trong" | "của"
//! PLACE = PREP REFS | PREP "toàn bộ"? "Kế hoạch …" | nothing (the lead-in's unit, else the whole text)
//! Bãi bỏ ["quy định tại"] REFS.                                    → repeal (each)
//! (Bãi) bỏ (các) (cụm) từ “X” PLACE {; “X” PLACE}.                 → replacePhrase X → ""
//! Bãi bỏ quy định “X” PLACE.                                        → replacePhrase X → ""
//! Thay (thế)[:] (các) cụm từ “X”{, “X”} bằng|thành (cụm từ) “Y” {, “X” bằng “Y”} PLACE
//!     {; cụm từ “X” bằng “Y” PLACE}                                 → replacePhrase X → Y
//! Bổ sung cụm từ “X” vào (sau|trước) cụm từ “Y” PLACE.              → replacePhrase Y → "Y X"
//! Đính chính cụm từ “X” thành|bằng (cụm từ) “Y” PLACE.              → correct
//! (Sửa đổi, bổ sung | Sửa đổi | Thay thế | Điều chỉnh) [FIELD PREP] REFS như sau: BODY
//!                                                   → substitute (each unit its part of BODY)
//! Sửa đổi số thứ tự và tên của REF[. old name] như sau: “Điều 11. Name”
//!                                                   → substitute heading, then renumber
//! Bổ sung LEVEL NUM{, NUM} [vào] (sau|trước) REF (như sau: BODY | “BODY”)
//!                                                   → insert after/before (each after the last)
//! Bổ sung LEVEL NUM vào REF | LEVEL NUM REF như sau: BODY          → insert into (last)
//! Bổ sung LEVEL NUMa như sau: BODY                                  → insert after NUM
//! Bổ sung vào REF nội dung: “TEXT”                                  → insert into, no number
//! (Đánh số lại | Sửa ký hiệu | Điều chỉnh số thứ tự) REF thành [LEVEL] NUM. → renumber
//! (X) này [… và] thay thế (Kế hoạch …) số SYMBOL {và (…) số SYMBOL}  → replacePlan (each)
//! (Quyết định) này VERB …                                          → as VERB …
//! (Chỉnh sửa | Đính chính) cụm từ “X” thành (cụm từ) “Y” PLACE      → correct
//! Cụm từ “X” PLACE [kèm theo …] được sửa thành “Y” (under "Đính chính …:") → correct
//! Tại [đoạn đầu] REF [đã in]: “OLD” / Nay sửa thành: “NEW”          → correct OLD → NEW
//! ```
//! An article heading that amends nothing ("Điều 3. Tổ chức thực hiện") and the lines under it
//! are skipped unless they name a unit; "Nơi nhận:" ends the text. "có hiệu lực" inside a
//! quoted passage is not the effective date.
//! A reference's path: `PL2` (Phụ lục II; `PL` without a number), `P4` (Phần IV), `C3`
//! (Chương III), `M11` (Mẫu số 11), `Đ12` (Điều 12), Roman Mục, then khoản and điểm; a
//! decimal tiểu mục or tiết drops its parent's repeated number ("tiểu mục 2.1 Mục 2" → `2.1`);
//! a dash line is `-1`. "tên …" makes a phrase operation apply to the unit's name only
//! (`headingOnly`). FIELD is a field label ("thời gian thực hiện", "cơ quan chủ trì", …),
//! "nội dung" (the body text) or "tên"/"tiêu đề" (the heading, written without its
//! designation). A substitute BODY that starts with the unit's marker ("c) …") replaces the
//! whole unit; otherwise its field lines (`- Thời gian thực hiện: …`) replace those fields and
//! its other lines the body text. Several instructions in one sentence ("…; thay thế từ “huyện”
//! bằng từ “xã” tại …") are read in turn. A phrase after the references naming the amended
//! text ("của Kế hoạch …", "ban hành kèm theo Thông tư số …") is allowed. Anything else is an
//! `amend/unrecognized-instruction` diagnostic with the instruction's span: the parser never
//! guesses.

use super::grammar::grammar;
use super::lead_in::{
    LeadIn, document_title, enumerator_rank, lead_in, lead_rank, replaced_symbols, this_document,
    verbless_item,
};
use super::model::{Amendment, Operation};
use super::reference::{Ref, level_at};
use super::tokens::{Cursor, Tok, closing_quote, tokenize};
use crate::diagnostic::{Diagnostic, Localized, codes};
use crate::span::{LineIndex, Locator, Span};
use crate::text::Case as _;
use crate::text::{Normalized, starts_with_lowercase};

/// Instruction text read into an amendment.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedInstructions {
    /// The amendment (symbol, dates from the header; operations in order).
    pub amendment: Amendment,
    /// The span of each operation's instruction in the source (parallel to `operations`).
    pub spans: Vec<Span>,
    /// Instructions that could not be read.
    pub diagnostics: Vec<Diagnostic>,
}

const VERBS: &[&str] = &[
    "sửa đổi",
    "bổ sung",
    "bãi bỏ",
    "bỏ ",
    "thay thế",
    "thay ",
    "đính chính",
    "chỉnh sửa",
    "điều chỉnh",
    "đánh số lại",
    "sửa ký hiệu",
    "sửa lại ký hiệu",
    "sửa số thứ tự",
];

/// Kinds of document an instruction may name after its units ("… Điều 2 Thông tư số …").
const AMENDED_DOCUMENTS: &[&str] = &[
    "kế hoạch",
    "quyết định",
    "nghị quyết",
    "nghị định",
    "thông tư",
    "quy định",
    "quy chế",
    "luật",
    "chương trình",
    "đề án",
];

/// Byte offset after an enumerator ("1. ", "a) ", "- ", "Điều 1. ").
fn strip_enumerator(line: &str) -> usize {
    let mut off = 0;
    for _ in 0..3 {
        let rest = line.get(off..).unwrap_or("");
        let lower = rest.to_lower();
        let mut k = 0;
        if lower.starts_with("điều ") && lower.len() == rest.len() {
            k = "điều ".len();
            k += rest
                .get(k..)
                .unwrap_or("")
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
        } else if rest.starts_with(['-', '+', '–', '•']) {
            k = rest.chars().next().map_or(0, char::len_utf8);
        } else {
            let alnum = rest
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(rest.len(), |(i, _)| i);
            let head = rest.get(..alnum).unwrap_or("");
            let short = head.chars().count() <= 4
                && (head.bytes().all(|b| b.is_ascii_digit())
                    || head.chars().count() == 1
                    || crate::numbering::parse_roman(head).is_some());
            if alnum > 0
                && short
                && rest
                    .get(alnum..)
                    .is_some_and(|r| r.starts_with(['.', ')', ':']))
            {
                k = alnum + 1;
            }
        }
        if k == 0 {
            break;
        }
        let after = rest.get(k..).unwrap_or("");
        if k > 0 && !(after.is_empty() || after.starts_with(' ') || after.starts_with(['.', ':'])) {
            break;
        }
        let after_trim = after.trim_start_matches(['.', ':', ' ']);
        off += rest.len() - after_trim.len();
    }
    off
}

fn starts_with_verb(s: &str) -> bool {
    let lower: String = s
        .chars()
        .take(16)
        .flat_map(crate::text::lower_char)
        .collect();
    VERBS.iter().any(|v| lower.starts_with(v))
}

/// Reads Vietnamese amendment instructions.
///
/// ```
/// use kehoach::amend::{parse_instructions, Operation, Target};
/// let p = parse_instructions("Bãi bỏ điểm b khoản 3, điểm d khoản 8 Mục II.");
/// assert!(p.diagnostics.is_empty());
/// assert_eq!(p.amendment.operations, vec![
///     Operation::Repeal { target: Target::number("II.3.b") },
///     Operation::Repeal { target: Target::number("II.8.d") },
/// ]);
/// let bad = parse_instructions("Sửa lại điểm b cho hợp lý.");
/// assert_eq!(bad.diagnostics[0].code, "amend/unrecognized-instruction");
/// ```
pub fn parse_instructions(source: &str) -> ParsedInstructions {
    let index = LineIndex::new(source);
    let norm = Normalized::new(source);
    let loc = Locator::within(&index, &norm, 0);
    let text = norm.text();
    let mut amendment = Amendment::default();
    let mut spans = Vec::new();
    let mut diagnostics = Vec::new();

    // Lines with the quote state at their start.
    let mut lines: Vec<(usize, &str, bool)> = Vec::new();
    // The open quote (its opening and closing marks) and how deep “…” quotes nest in it.
    let mut open: Option<(char, char)> = None;
    let mut depth = 0usize;
    let mut start = 0;
    for line in text.split('\n') {
        lines.push((start, line, open.is_none()));
        for c in line.chars() {
            match open {
                Some((_, close)) if c == close && depth == 0 => open = None,
                Some((_, close)) if c == close => depth -= 1,
                Some((o, close)) if c == o && o != close => depth += 1,
                Some(_) => {}
                None => open = closing_quote(c).map(|close| (c, close)),
            }
        }
        start += line.len() + 1;
    }

    #[derive(PartialEq)]
    enum Kind {
        Blank,
        Instruction(usize),
        Effective,
        /// The heading of an article that is no instruction ("Điều 2. Hiệu lực thi hành").
        Article,
        /// "Nơi nhận:" and what follows (recipients, signature).
        Trailer,
        Other,
    }
    let kind = |line: &str, top: bool| -> Kind {
        if !top {
            return Kind::Other;
        }
        let t = line.trim();
        if t.is_empty() {
            return Kind::Blank;
        }
        let off = strip_enumerator(t);
        let lead = line.len() - line.trim_start().len();
        let own = t.get(off..).unwrap_or("");
        if starts_with_verb(own) {
            return Kind::Instruction(lead + off);
        }
        // Outside quotes: a corrected passage may say "có hiệu lực" itself.
        let effective = unquoted(t).to_lower().contains("có hiệu lực");
        // "Tại điểm đ khoản 3 Điều 16 (đã in): “…”" then "Nay sửa thành: “…”": a correction
        // of a passage.
        if starts_with_lowercase(own, "tại ") && own.contains(':') && mentions_unit(own) {
            return Kind::Instruction(lead + off);
        }
        // "(Kế hoạch này thay thế Kế hoạch số 076/KH-UBND …)": a plan replaced as a whole (on
        // an effective-date line too: "Nghị quyết này có hiệu lực … và thay thế …").
        if !replaced_symbols(own).is_empty() {
            return if effective {
                Kind::Effective
            } else {
                Kind::Instruction(lead + off)
            };
        }
        // "Quyết định này bãi bỏ số thứ tự thứ 5 Phụ lục IIb …": the document's own verb.
        if let Some(k) = this_document(own) {
            if starts_with_verb(own.get(k..).unwrap_or("")) && !effective {
                return Kind::Instruction(lead + off + k);
            }
        }
        if effective {
            return Kind::Effective;
        }
        // "Điều 2. Hiệu lực thi hành", "Điều 3. Tổ chức thực hiện": an article that amends
        // nothing by its heading.
        if enumerator_rank(t) == 40 && article_heading(own) {
            return Kind::Article;
        }
        if starts_with_lowercase(t, "nơi nhận") {
            return Kind::Trailer;
        }
        Kind::Other
    };

    let mut seen_instruction = false;
    // Inside an article that amends nothing ("Điều 3. Tổ chức thực hiện"): its lines are
    // skipped unless they name a unit.
    let mut plain_article = false;
    let mut current: Option<Segment> = None;
    let mut segments: Vec<Segment> = Vec::new();
    let mut open_leads: Vec<LeadIn> = Vec::new();
    for (li, &(off, line, top)) in lines.iter().enumerate() {
        // Past the most operations an amendment may have (or as many problems), reading stops:
        // the amendment is refused anyway, and a hostile text of a million lines would
        // otherwise take seconds and hundreds of megabytes first.
        if segments.len() > super::MAX_OPERATIONS || diagnostics.len() > super::MAX_OPERATIONS {
            break;
        }
        let mut line_kind = kind(line, top);
        // An item of a lead-in that gave the verb ("Bãi bỏ một số điểm sau đây:" then "a) điểm
        // c khoản 2 Điều 4;"): an instruction with that verb.
        let mut prefix = None;
        if line_kind == Kind::Other && top {
            if let Some(verb) = open_leads.last().and_then(|l| l.verb) {
                let t = line.trim_start();
                let k = strip_enumerator(t);
                // An item has its enumerator, or starts with the phrase ("Cụm từ “X” tại …").
                let phrase_first =
                    starts_with_lowercase(t, "cụm từ “") || starts_with_lowercase(t, "cụm từ \"");
                if (k > 0 || phrase_first) && verbless_item(t.get(k..).unwrap_or("")) {
                    line_kind = Kind::Instruction(line.len() - t.len() + k);
                    prefix = Some(verb);
                }
            }
        }
        match line_kind {
            Kind::Instruction(k) => {
                segments.extend(current.take());
                let rank = enumerator_rank(line.trim_start());
                while open_leads.last().is_some_and(|l| l.rank <= rank) {
                    open_leads.pop();
                }
                let own = line.get(k..).unwrap_or("");
                let base = open_leads.last().and_then(|l| l.base.clone());
                let next_is_item = lines
                    .get(li + 1..)
                    .unwrap_or(&[])
                    .iter()
                    .find(|(_, l, _)| !l.trim().is_empty())
                    .is_some_and(|&(_, l, t)| {
                        matches!(kind(l, t), Kind::Instruction(_))
                            && enumerator_rank(l.trim_start()) < lead_rank(rank)
                    });
                // The amending document's title in its header ("Sửa đổi, bổ sung Kế hoạch ban
                // hành kèm theo Quyết định số 254/QĐ-UBND", no enumerator, no unit, no colon):
                // a header line, not an instruction.
                if !seen_instruction && rank == 0 && document_title(own) {
                    continue;
                }
                seen_instruction = true;
                plain_article = false;
                if prefix.is_none() {
                    if let Some(mut lead) = lead_in(own, next_is_item) {
                        lead.rank = lead_rank(rank);
                        if let (Some(b), Some(outer)) = (&mut lead.base, &base) {
                            b.complete_from(outer);
                        } else if lead.base.is_none() {
                            lead.base = base;
                        }
                        open_leads.push(lead);
                        continue;
                    }
                }
                current = Some(Segment {
                    start: off + k,
                    end: off + line.len(),
                    base,
                    prefix,
                });
            }
            Kind::Article => {
                segments.extend(current.take());
                open_leads.retain(|l| l.rank > 40);
                plain_article = true;
            }
            Kind::Trailer => {
                segments.extend(current.take());
                break;
            }
            Kind::Effective => {
                segments.extend(current.take());
                // "… có hiệu lực … và thay thế Nghị quyết số 41/NQ-CP …": also an instruction.
                let t = line.trim_start();
                let k = strip_enumerator(t);
                if !replaced_symbols(t.get(k..).unwrap_or("")).is_empty() {
                    let start = off + (line.len() - t.len()) + k;
                    segments.push(Segment {
                        start,
                        end: off + line.len(),
                        base: None,
                        prefix: None,
                    });
                }
                let lower = line.to_lower();
                if lower.contains("kể từ ngày ký") || lower.contains("từ ngày ký") {
                    amendment.effective = amendment.date;
                } else if let Some(d) = crate::document::find_date(line, 0) {
                    amendment.effective = crate::document::to_date(&d);
                }
            }
            Kind::Blank => {}
            Kind::Other => match &mut current {
                // An instruction goes on over the next lines only for its "như sau:" text or a
                // quoted new text (lines inside quotes are always its own).
                Some(seg)
                    if !top
                        || line.trim_start().starts_with(['“', '"', '«'])
                        || starts_with_lowercase(line.trim_start(), "nay sửa")
                        || starts_with_lowercase(line.trim_start(), "nay đính chính")
                        || text
                            .get(seg.start..seg.end)
                            .is_some_and(|t| t.to_lower().contains("như sau")) =>
                {
                    seg.end = off + line.len();
                }
                Some(_) => {
                    segments.extend(current.take());
                    diagnostics.push(not_an_instruction(&loc, off, line));
                }
                None if plain_article && !mentions_unit(line) => {}
                None if !seen_instruction && mentions_unit(line) => {
                    diagnostics.push(not_an_instruction(&loc, off, line));
                }
                None if !seen_instruction => {
                    let t = line.trim();
                    // "Số:" / "Số " in any case, matched on `t` itself: offsets into a
                    // lowercased copy do not map back ("İ" lowercases to 3 bytes from 2).
                    let head = t.char_indices().nth(3).map_or(t.len(), |(i, _)| i);
                    let number_label = t
                        .get(..head)
                        .map(<str as crate::text::Case>::to_lower)
                        .is_some_and(|h| h == "số:" || h == "số ");
                    if number_label {
                        let raw = t.get(head..).unwrap_or("").trim();
                        if amendment.symbol.is_empty() && raw.contains('/') {
                            amendment.symbol = raw.to_string();
                        }
                    } else if amendment.date.is_none() {
                        if let Some(d) = crate::document::find_date(line, 0) {
                            amendment.date = crate::document::to_date(&d);
                        }
                    }
                }
                None => diagnostics.push(not_an_instruction(&loc, off, line)),
            },
        }
    }
    segments.extend(current.take());

    for seg in segments {
        if amendment.operations.len() > super::MAX_OPERATIONS {
            break;
        }
        let (s, e) = (seg.start, seg.end);
        let body = text.get(s..e).unwrap_or("").trim_end();
        let span = loc.span(s, s + body.len());
        let owned;
        let read = match seg.prefix {
            Some(verb) => {
                owned = format!("{verb} {body}");
                owned.as_str()
            }
            None => body,
        };
        match parse_one(read, seg.base) {
            Ok(ops) => {
                for op in ops {
                    amendment.operations.push(op);
                    spans.push(span);
                }
            }
            Err(why) => diagnostics.push(codes::amend_unrecognized_instruction(
                span,
                &excerpt(body),
                why,
            )),
        }
    }
    if amendment.operations.is_empty() && diagnostics.is_empty() {
        diagnostics.push(codes::amend_empty(loc.span(0, text.len())));
    }
    ParsedInstructions {
        amendment,
        spans,
        diagnostics,
    }
}

/// An instruction's place in the text and what its enclosing lead-ins give it.
struct Segment {
    start: usize,
    end: usize,
    base: Option<Ref>,
    prefix: Option<&'static str>,
}

/// "Điều 2. Hiệu lực thi hành": a short article heading with no verb, quote or unit.
fn article_heading(own: &str) -> bool {
    let toks = tokenize(own);
    toks.len() <= 16
        && !toks.iter().any(|t| matches!(t, Tok::Quote { .. }))
        && !(0..toks.len()).any(|i| level_at(&toks, i))
}

/// `t` without its quoted parts.
fn unquoted(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut open: Option<char> = None;
    for c in t.chars() {
        match open {
            Some(close) if c == close => open = None,
            Some(_) => {}
            None => match closing_quote(c) {
                Some(close) => open = Some(close),
                None => out.push(c),
            },
        }
    }
    out
}

/// True when a line names a unit ("điểm b khoản 3"): a header line never does, so such a line
/// is an instruction the parser does not understand, not one to skip.
fn mentions_unit(line: &str) -> bool {
    let toks = tokenize(line);
    let mut c = Cursor::new(&toks);
    (0..toks.len()).any(|i| {
        c.pos = i;
        c.level().is_some() && c.references().is_some()
    })
}

fn not_an_instruction(loc: &Locator<'_>, off: usize, line: &str) -> Diagnostic {
    let t = line.trim_end();
    codes::amend_unrecognized_instruction(
        loc.span(off, off + t.len()),
        &excerpt(line),
        Localized::new(
            "dòng không phải câu sửa đổi (bắt đầu bằng Sửa đổi, Bổ sung, Bãi bỏ, Thay thế, Đính chính…)",
            "the line is not an instruction (one starts with Sửa đổi, Bổ sung, Bãi bỏ, Thay thế, Đính chính…)",
        ),
    )
}

fn excerpt(s: &str) -> String {
    let one = s.trim().replace('\n', " ");
    if one.chars().count() <= 60 {
        one
    } else {
        let mut t: String = one.chars().take(57).collect();
        t.push('…');
        t
    }
}

fn err(vi: impl Into<String>, en: impl Into<String>) -> Localized {
    Localized::new(vi, en)
}

/// Parses one instruction into operations (none for a lead-in).
fn parse_one(seg: &str, base: Option<Ref>) -> Result<Vec<Operation>, Localized> {
    let replaced = replaced_symbols(seg);
    if !replaced.is_empty() {
        return Ok(replaced
            .into_iter()
            .map(|replaced| Operation::ReplacePlan { replaced })
            .collect());
    }
    let toks = tokenize(seg);
    // "như sau:" splits the head from the body.
    // "như sau:" (or "thành:", "Sửa đổi tên của Mục 3 thành: “…”") splits the head from the
    // body.
    let split = toks
        .windows(3)
        .position(|w| {
            matches!(w, [Tok::Word { lower: a, .. }, Tok::Word { lower: b, .. }, Tok::Punct { ch: ':', .. }] if a == "như" && b == "sau")
        })
        .map(|k| (k, 2))
        .or_else(|| {
            toks.windows(2)
                .position(|w| matches!(w, [Tok::Word { lower: a, .. }, Tok::Punct { ch: ':', .. }] if a == "thành"))
                .map(|k| (k, 1))
        });
    let (head, body) = match split {
        Some((k, colon_at)) => {
            let colon = toks.get(k + colon_at).map_or(seg.len(), |t| t.start() + 1);
            (
                toks.get(..k).unwrap_or(&[]),
                Some(seg.get(colon..).unwrap_or("")),
            )
        }
        None => (toks.as_slice(), None),
    };
    let has_ref = (0..head.len()).any(|i| level_at(head, i));
    let has_quote = head.iter().any(|t| matches!(t, Tok::Quote { .. }));
    if !has_ref && !has_quote && body.is_some_and(|b| b.trim().is_empty()) {
        return Ok(Vec::new()); // lead-in: "Sửa đổi, bổ sung một số nội dung … như sau:"
    }
    let body = body.map(extract_body).transpose()?;
    let mut c = Cursor::with_base(head, base);
    let mut ops = grammar(&mut c, body.as_deref())?;
    // What may remain: punctuation, or "của Kế hoạch …".
    while c.eat_punct('.') || c.eat_punct(';') || c.eat_punct(',') {}
    // "…; thay thế từ “huyện” bằng từ “xã” tại …": another instruction in the same sentence.
    while body.is_none() && super::grammar::starts_verb(&c, c.pos) {
        ops.extend(grammar(&mut c, None)?);
        while c.eat_punct('.') || c.eat_punct(';') || c.eat_punct(',') {}
    }
    // "… của Kế hoạch …", "… Thông tư số 04/2022/TT-BTP": the amended document named.
    let save = c.pos;
    let _ = c.eat(&["của"])
        || c.eat(&["trong"])
        || c.eat(&["tại"])
        || c.eat(&["ban", "hành", "kèm", "theo"])
        || c.eat(&["kèm", "theo"]);
    // "… Phụ lục IIb Danh mục các văn bản … ban hành kèm theo Quyết định số …": an
    // appendix's title, then the document.
    let names_document = c.eat(&["danh", "mục"])
        || AMENDED_DOCUMENTS.iter().any(|d| {
            let words: Vec<&str> = d.split(' ').collect();
            c.eat(&words)
        });
    // Only when nothing after it names a unit ("… Điều 2 Nghị quyết và điểm c khoản 1 Điều 3"
    // goes on with units: not read, reported).
    let units_follow = (c.pos..head.len()).any(|i| level_at(head, i));
    if names_document && !units_follow {
        c.pos = head.len();
    } else {
        c.pos = save;
    }
    if let Some(t) = c.peek() {
        let at = seg.get(t.start()..).map(excerpt).unwrap_or_default();
        return Err(err(
            format!("không hiểu phần “{at}”"),
            format!("unexpected “{at}”"),
        ));
    }
    Ok(ops)
}

/// The body after "như sau:": quoted segments joined by newlines, or the text as is.
fn extract_body(body: &str) -> Result<String, Localized> {
    let t = body.trim();
    let Some(first) = t.chars().next() else {
        return Err(err(
            "thiếu nội dung sau “như sau:”",
            "nothing after “như sau:”",
        ));
    };
    if closing_quote(first).is_none() {
        return Ok(t.trim_end_matches("./.").to_string());
    }
    let mut parts = Vec::new();
    let mut rest = t;
    while let Some(open) = rest.chars().next().filter(|c| closing_quote(*c).is_some()) {
        let close = closing_quote(open).unwrap_or('”');
        let inner = rest.get(open.len_utf8()..).unwrap_or("");
        let Some(end) = super::tokens::quote_end(inner, open, close) else {
            return Err(err("thiếu dấu đóng ngoặc kép", "unclosed quote"));
        };
        parts.push(inner.get(..end).unwrap_or("").trim().to_string());
        rest = inner
            .get(end + close.len_utf8()..)
            .unwrap_or("")
            .trim_start_matches(['.', ';', ',', '/'])
            .trim_start();
    }
    if !rest.is_empty() {
        return Err(err(
            format!("còn nội dung sau dấu ngoặc kép: “{}”", excerpt(rest)),
            format!("text after the closing quote: “{}”", excerpt(rest)),
        ));
    }
    Ok(parts.join("\n"))
}
