//! The lead-agency list splitter.
//!
//! The value is scanned once into segments: `;` and line breaks end a part; `,`, the word "và"
//! and a list colon separate segments inside a part; nothing inside parentheses separates.
//! Each part is then read left to right: at each segment the longest run of at most
//! [`MAX_RUN`] segments that the registry knows is one agency; otherwise the segment is read
//! by the recognizer and may absorb what continues it (bare group nouns after a collective:
//! "các sở, ban, ngành"; a capitalized tail after "và" that starts no name of its own:
//! "Sở Văn hóa và Thể thao"). Cost is linear in the value: every segment takes part in at most
//! `MAX_RUN` candidate lookups.

use super::Agency;
use super::key;
use super::recognize::{
    self, group_kind, group_kind_in, is_bare_group_noun, is_bare_group_noun_in, is_related_units,
    is_related_units_in, split_note, starts_name, starts_name_key,
};
use super::registry::Registry;
use crate::diagnostic::{Diagnostic, codes};
use crate::span::Locator;

/// Longest run of segments tried as one registry name.
const MAX_RUN: usize = 8;
/// Pieces per value that get a fuzzy (edit-distance) suggestion.
const FUZZY_BUDGET: u32 = 16;

/// "các Sở: Tài chính, Nội vụ" heads: (key, prefix for each item).
const LIST_HEADS: &[(&str, &str)] = &[
    ("các sở", "Sở "),
    ("các bộ", "Bộ "),
    ("các ban", "Ban "),
    ("các hội", "Hội "),
    ("ủy ban nhân dân các huyện", "Ủy ban nhân dân huyện "),
    ("ủy ban nhân dân các thị xã", "Ủy ban nhân dân thị xã "),
    (
        "ủy ban nhân dân các thành phố",
        "Ủy ban nhân dân thành phố ",
    ),
    ("ủy ban nhân dân các xã", "Ủy ban nhân dân xã "),
    ("ủy ban nhân dân các phường", "Ủy ban nhân dân phường "),
    ("các huyện", "Ủy ban nhân dân huyện "),
    ("các xã", "Ủy ban nhân dân xã "),
    // "Các địa phương: Hà Nội, Đà Nẵng, Hồ Chí Minh": each item names its province.
    ("các địa phương", "Ủy ban nhân dân tỉnh "),
];

/// What separates a segment from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Start,
    Comma,
    And,
    Colon,
}

/// A trimmed stretch of the value between separators.
#[derive(Debug, Clone, Copy)]
struct Seg {
    start: usize,
    end: usize,
    sep: Sep,
}

/// Splits a lead-agency value into agencies, with diagnostics for unknown and duplicate pieces.
///
/// `text` is the NFC-normalized label value; spans come from `loc` (byte offsets into `text`).
/// A trailing period is not part of the last name.
///
/// ```
/// use kehoach::{agency::{split_agencies, Registry}, LineIndex, Locator};
/// let text = "Sở Công Thương; Sở Giao thông vận tải.";
/// let idx = LineIndex::new(text);
/// let (a, d) = split_agencies(text, &Locator::new(&idx), Registry::embedded());
/// assert_eq!(a.len(), 2);
/// assert_eq!(a[1].name, "Sở Giao thông vận tải");
/// assert_eq!(a[1].span.slice(text), Some("Sở Giao thông vận tải"));
/// assert!(d.is_empty());
/// ```
pub fn split_agencies(
    text: &str,
    loc: &Locator,
    registry: &Registry,
) -> (Vec<Agency>, Vec<Diagnostic>) {
    split_agencies_max(text, loc, registry, DEFAULT_MAX_AGENCIES)
}

/// Default of the most agencies read from one value ([`split_agencies`]) and from one plan
/// ([`ParseOptions::max_agencies`](crate::document::ParseOptions::max_agencies)).
pub const DEFAULT_MAX_AGENCIES: usize = 100_000;

/// [`split_agencies`] reading at most `max` list items (the stretches between commas,
/// semicolons, line breaks and "và"; an agency is one item or several: "các sở, ban, ngành" is
/// one), so at most `max` agencies. Past them the rest of the value is not split, and one
/// `input/too-many-agencies` error points at it (the value keeps it as written). An agency
/// costs about a kilobyte with its diagnostics: 1 MB of "a, a, …" took 800 MB unbounded.
///
/// ```
/// use kehoach::{agency::{split_agencies_max, Registry}, LineIndex, Locator};
/// let text = "Sở Y tế, Sở Nội vụ, Sở Tài chính";
/// let idx = LineIndex::new(text);
/// let (a, d) = split_agencies_max(text, &Locator::new(&idx), Registry::embedded(), 2);
/// assert_eq!(a.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["Sở Y tế", "Sở Nội vụ"]);
/// assert_eq!(d[0].code, "input/too-many-agencies");
/// assert_eq!(d[0].span.slice(text), Some("Sở Tài chính"));
/// ```
pub fn split_agencies_max(
    text: &str,
    loc: &Locator,
    registry: &Registry,
    max: usize,
) -> (Vec<Agency>, Vec<Diagnostic>) {
    let (agencies, diagnostics, _) = split_bounded(text, loc, registry, max);
    (agencies, diagnostics)
}

/// [`split_agencies_max`], and the least `max` from which the result is the same for every
/// larger one (`None` when the value was cut at `max`): what [`super::memo`] may reuse.
pub(super) fn split_bounded(
    text: &str,
    loc: &Locator,
    registry: &Registry,
    max: usize,
) -> (Vec<Agency>, Vec<Diagnostic>, Option<usize>) {
    let (segs, rest) = scan(text, max);
    let segments = segs.len();
    let mut out = Vec::new();
    let mut budget = FUZZY_BUDGET;
    // A part's first segment, and only it, starts after `Sep::Start` (see `scan`).
    for part in segs.chunk_by(|_, next| next.sep != Sep::Start) {
        read_part(text, part, loc, registry, &mut budget, &mut out);
    }
    // Every segment was scanned and every agency kept: a larger `max` reads the same.
    let same_from = (rest.is_none() && out.len() <= max).then_some(segments.max(out.len()));
    // A segment is read as at most one agency; the truncation only keeps the bound explicit.
    out.truncate(max);
    let mut diagnostics = diagnose(&out, registry);
    // `scan` gives the rest already past blanks and separators.
    if let Some(at) = rest {
        let end = at + text.get(at..).unwrap_or("").trim_end().len();
        diagnostics.push(codes::too_many_agencies(loc.span(at, end.max(at)), max));
    }
    (out, diagnostics, same_from)
}

/// Scans `text` into segments, in parts (split at `;` and line breaks): a part's first segment,
/// and only it, has [`Sep::Start`] (one vector for all: a vector a part was a few allocations
/// a list). Stops after `max` segments: the second value is then where the rest of the value
/// starts (if anything but blanks and separators follows).
fn scan(text: &str, max: usize) -> (Vec<Seg>, Option<usize>) {
    let rest_from = |at: usize| {
        let tail = text.get(at..).unwrap_or("");
        let skip = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '-');
        let t = tail.trim_start_matches(skip);
        (!t.is_empty()).then(|| at + (tail.len() - t.len()))
    };
    if max == 0 {
        return (Vec::new(), rest_from(0));
    }
    let balanced = parens_balanced(text);
    let mut count = 0usize;
    let mut segs: Vec<Seg> = Vec::new();
    // No segment yet in the current part: the next one is pushed with `Sep::Start` (a first
    // segment's own separator is read by nothing; ": Sở Y tế" would otherwise give `Colon`).
    let mut part_empty = true;
    let mut depth = 0usize;
    let mut seg_start = 0usize;
    let mut sep = Sep::Start;
    let mut prev: Option<char> = None;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let mut cut: Option<(usize, Sep, bool)> = None; // (resume at, next sep, ends part)
        match c {
            '(' if balanced => depth += 1,
            ')' if balanced => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            ';' | '\n' => cut = Some((i + c.len_utf8(), Sep::Start, true)),
            ',' => cut = Some((i + 1, Sep::Comma, false)),
            ':' => cut = Some((i + 1, Sep::Colon, false)),
            'v' | 'V' if prev.is_none_or(char::is_whitespace) => {
                let rest = text.get(i..).unwrap_or("");
                let mut cs = rest.chars();
                let (_, a2, after) = (cs.next(), cs.next(), cs.next());
                if matches!(a2, Some('à' | 'À')) && after.is_none_or(char::is_whitespace) {
                    let len = 1 + 'à'.len_utf8();
                    cut = Some((i + len, Sep::And, false));
                    // Skip the rest of the word.
                    it.next();
                }
            }
            _ => {}
        }
        if let Some((resume, next_sep, ends_part)) = cut {
            let first = if part_empty { Sep::Start } else { sep };
            let pushed = push_seg(text, &mut segs, seg_start, i, first);
            part_empty &= !pushed;
            count += usize::from(pushed);
            if count == max {
                return (segs, rest_from(resume));
            }
            if ends_part {
                sep = Sep::Start;
                part_empty = true;
            } else if pushed {
                sep = next_sep;
            } else {
                // Nothing between two separators (", và"): keep the stronger one.
                sep = match (sep, next_sep) {
                    (Sep::Colon, _) | (_, Sep::Colon) => Sep::Colon,
                    (Sep::Start, _) => Sep::Start,
                    (Sep::And, _) | (_, Sep::And) => Sep::And,
                    _ => Sep::Comma,
                };
            }
            seg_start = resume;
            prev = Some(' ');
            continue;
        }
        prev = Some(c);
    }
    let first = if part_empty { Sep::Start } else { sep };
    let _ = push_seg(text, &mut segs, seg_start, text.len(), first);
    (segs, None)
}

fn parens_balanced(text: &str) -> bool {
    let mut depth = 0i64;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// Pushes the trimmed segment `start..end`, if not empty.
fn push_seg(text: &str, segs: &mut Vec<Seg>, start: usize, end: usize, sep: Sep) -> bool {
    let raw = text.get(start..end).unwrap_or("");
    let lead = |c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '+' | '*' | '•' | '.');
    let trail = |c: char| c.is_whitespace() || matches!(c, '.' | '/' | '-' | '–' | '—');
    let t1 = raw.trim_start_matches(lead);
    let s = start + (raw.len() - t1.len());
    let t2 = t1.trim_end_matches(trail);
    let e = s + t2.len();
    if e > s {
        segs.push(Seg {
            start: s,
            end: e,
            sep,
        });
    }
    e > s
}

/// Reads one part (between semicolons) into agencies.
fn read_part(
    text: &str,
    segs: &[Seg],
    loc: &Locator,
    reg: &Registry,
    budget: &mut u32,
    out: &mut Vec<Agency>,
) {
    // "các Sở: Tài chính, Nội vụ, Y tế"
    if let (Some(head), Some(first)) = (segs.first(), segs.get(1)) {
        if first.sep == Sep::Colon {
            let head_text = text.get(head.start..head.end).unwrap_or("");
            let hk = reg.key(head_text);
            if let Some((_, prefix)) = LIST_HEADS.iter().find(|(k, _)| *k == hk) {
                read_run(
                    text,
                    segs.get(1..).unwrap_or(&[]),
                    Some(prefix),
                    loc,
                    reg,
                    budget,
                    out,
                );
                return;
            }
        }
    }
    read_run(text, segs, None, loc, reg, budget, out);
}

/// Longest piece (in words) checked for two registry names written without a separator.
const MAX_GLUED_WORDS: usize = 24;

/// Where a piece made of two registry names with no separator between them ("Bộ Thông tin và
/// Truyền thông Bộ Khoa học và Công nghệ", a line break lost in extraction) is cut: the end of
/// the first name and the start of the second, as byte offsets into `t`.
fn glued_cut(reg: &Registry, t: &str) -> Option<(usize, usize)> {
    let mut buf = String::new();
    let ws = key::words(t, reg.abbr(), &mut buf);
    if ws.len() > MAX_GLUED_WORDS {
        return None;
    }
    let single = |k: String| reg.by_key(&k).is_some_and(|e| !e.collective);
    let k = (1..ws.len()).find(|&k| {
        let upper = ws
            .get(k)
            .and_then(|w| t.get(w.start..))
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase);
        upper
            && single(key::key_of(ws.get(..k).unwrap_or(&[])))
            && single(key::key_of(ws.get(k..).unwrap_or(&[])))
    })?;
    Some((ws.get(k - 1)?.end, ws.get(k)?.start))
}

/// The text to recognize for a piece: the list prefix (unless the item repeats it) + the core.
fn full_name(reg: &Registry, prefix: Option<&str>, core: &str) -> String {
    match prefix {
        Some(p) => {
            let pk = reg.key(p);
            let ck = reg.key(core);
            let head = pk.split(' ').next().unwrap_or("");
            if ck.split(' ').next() == Some(head) {
                core.to_string()
            } else {
                format!("{p}{core}")
            }
        }
        None => core.to_string(),
    }
}

fn read_run(
    text: &str,
    segs: &[Seg],
    prefix: Option<&str>,
    loc: &Locator,
    reg: &Registry,
    budget: &mut u32,
    out: &mut Vec<Agency>,
) {
    let n = segs.len();
    let piece = |i: usize, j: usize| -> (usize, usize) {
        let s = segs.get(i).map_or(0, |s| s.start);
        let e = segs.get(j - 1).map_or(s, |s| s.end);
        (s, e)
    };
    // The prefix's key and head word, computed once: every candidate below is looked up by key.
    let prefix_key = prefix.map(|p| reg.key(p));
    let prefix_head = prefix_key
        .as_deref()
        .map(|k| k.split(' ').next().unwrap_or(""));
    // The key of `full_name(prefix, core)`: prefixes end with a space, so the key of the
    // concatenation is the prefix's key, a space and the core's key.
    // The words of the part, once: a candidate's key is then assembled from them.
    let part_start = segs.first().map_or(0, |s| s.start);
    let part_end = segs.last().map_or(0, |s| s.end);
    let mut words_buf = String::new();
    let part_words: Vec<key::Word> = text.get(part_start..part_end).map_or_else(Vec::new, |t| {
        let mut ws = key::words(t, reg.abbr(), &mut words_buf);
        for w in &mut ws {
            w.start += part_start;
            w.end += part_start;
        }
        ws
    });
    // Written into one buffer for every candidate (a `String` each was ≈ 4 % of a seed parse's
    // allocations).
    let full_key_into = |out: &mut String, core_start: usize, core: &str| {
        match key::words_in(&part_words, core_start, core_start + core.len()) {
            Some(ws) => key::key_into(out, ws),
            None => {
                out.clear();
                out.push_str(&reg.key(core));
            }
        }
        if let (Some(pk), Some(head)) = (prefix_key.as_deref(), prefix_head) {
            if out.split(' ').next() != Some(head) {
                if out.is_empty() {
                    out.push_str(pk);
                } else {
                    out.insert(0, ' ');
                    out.insert_str(0, pk);
                }
            }
        }
    };
    // Room for the longest candidate's key (abbreviations expand: "UBND"), grown if need be.
    let mut fk = String::with_capacity(2 * (part_end - part_start) + prefix.map_or(0, str::len));
    // Recognizes the piece `core` starting at `s`: with the part's words when there is no
    // prefix (`full_name` is then `core` itself) and no word straddles the piece.
    // (The piece's words go into one vector for every piece.)
    let mut piece_words: Vec<key::Word> = Vec::new();
    let mut recognize_core = |s: usize, core: &str, budget: &mut u32| {
        if prefix.is_none()
            && key::words_of_range_into(&part_words, s, s + core.len(), &mut piece_words)
        {
            recognize::recognize_split(reg, core, &piece_words, budget)
        } else {
            recognize::recognize(reg, &full_name(reg, prefix, core), budget)
        }
    };
    let mut i = 0;
    while i < n {
        // Longest registry match.
        let mut j = i + 1;
        let mut registry_hit = false;
        for cand in (i + 1..=n.min(i + MAX_RUN)).rev() {
            let (s, e) = piece(i, cand);
            let (core, _) = split_note(text.get(s..e).unwrap_or(""));
            full_key_into(&mut fk, s, core);
            // "Lãnh đạo Ban Dân nguyện", "Tổ đảng ở Thường trực Ủy ban Tài chính, Ngân sách": a
            // position before a registry name that has commas of its own.
            let after_position = || {
                recognize::position_key_len(&fk)
                    .and_then(|n| fk.get(n..))
                    .is_some_and(|rest| reg.by_key_or_province(rest.trim_start()).is_some())
            };
            if reg.by_key_or_province(&fk).is_some() || (cand > i + 1 && after_position()) {
                j = cand;
                registry_hit = true;
                break;
            }
        }
        // Continuations.
        let (s, e) = piece(i, j);
        let (core, _) = split_note(text.get(s..e).unwrap_or(""));
        let pre = recognize_core(s, core, &mut 0);
        let ends_with_note = core.len() < text.get(s..e).map_or(0, str::len);
        let pre_j = j;
        let mut grouped = false;
        if !ends_with_note {
            let lone = !pre.known && !registry_hit && prefix.is_none();
            (j, grouped) = continue_piece(
                text,
                segs,
                j,
                reg,
                &pre,
                registry_hit,
                lone,
                core,
                &part_words,
            );
        }
        let unchanged = j == pre_j;
        let (s, e) = piece(i, j);
        let raw = text.get(s..e).unwrap_or("");
        let (core, note) = split_note(raw);
        let core_end = s + core.len();
        // A registry body read before the continuations is the answer (the fuzzy budget only
        // matters for names the registry does not know); another piece they left unchanged is
        // that reading finished with the budget ([`recognize::DEFERS`]).
        let rec = if unchanged && pre.id.is_some() {
            pre
        } else if unchanged && recognize::DEFERS {
            pre.finished(reg, budget)
        } else {
            recognize_core(s, core, budget)
        };
        if rec.id.is_none() && note.is_none() && prefix.is_none() {
            if let Some((end, start)) = glued_cut(reg, core) {
                for (a, b) in [(s, s + end), (s + start, core_end)] {
                    let t = text.get(a..b).unwrap_or("");
                    let mut one =
                        recognize::recognize(reg, t, budget).into_agency(t, loc.span(a, b), None);
                    reg.set_province(&mut one);
                    out.push(one);
                }
                i = j;
                continue;
            }
        }
        let mut agency = rec.into_agency(core, loc.span(s, core_end), note.map(str::to_string));
        agency.and_previous = i > 0 && segs.get(i).is_some_and(|g| g.sep == Sep::And);
        reg.set_province(&mut agency);
        if grouped {
            agency.collective = true;
            agency.known = true;
            if let Some(d) = agency.details.as_mut() {
                d.suggestion = None;
            }
            agency.details = agency.details.take().and_then(|d| d.boxed());
        }
        let sugg = agency.details.as_mut().and_then(|d| d.suggestion.as_mut());
        if let (Some(p), Some(sugg)) = (prefix, sugg) {
            if let Some(rest) = sugg.strip_prefix(p) {
                *sugg = rest.to_string();
            }
        }
        out.push(agency);
        i = j;
    }
}

/// Extends the piece ending before segment `j` over the segments that continue it; returns the
/// new end and whether a bare group noun took the next group nouns of its kind ("Tập đoàn,
/// doanh nghiệp công nghệ số"). A segment continues the piece when it is:
/// - after a collective, a bare group noun ("các sở, ban, ngành") or, after "và", its related
///   units ("các DNVT và các đơn vị có liên quan");
/// - after a bare group noun, a group noun of the same kind;
/// - after a name of a pattern (not a registry name), a capitalized tail after "và" that starts
///   no name of its own ("Sở Văn hóa và Thể thao");
/// - after a known name and a comma, a lowercase tail that starts no name and no group ("Các bộ
///   quản lý ngành, lĩnh vực theo chức năng", "Đồng chí Phó chủ tịch, phụ trách lĩnh vực …").
#[allow(clippy::too_many_arguments)] // the reading state of `read_run`
fn continue_piece(
    text: &str,
    segs: &[Seg],
    mut j: usize,
    reg: &Registry,
    pre: &recognize::Rec,
    registry_hit: bool,
    lone: bool,
    core: &str,
    part_words: &[key::Word],
) -> (usize, bool) {
    let lone_kind = if lone && is_bare_group_noun(core) {
        group_kind(core)
    } else {
        None
    };
    let mut grouped = false;
    // Bare group nouns so far ("các sở, ban"): a last group noun with a qualifier qualifies
    // them all ("các sở, ban, ngành trực thuộc UBND tỉnh", "các cơ quan, đơn vị theo quy định").
    // Computed when first needed (most lists never ask): None = not yet.
    let bare_core = || {
        pre.collective && {
            let body = without_position(core, pre);
            let l = crate::text::lower(body);
            let n = ["các ", "những "]
                .iter()
                .find(|a| l.starts_with(**a))
                .map_or(0, |a| a.len());
            is_bare_group_noun(body.get(n..).unwrap_or(body))
        }
    };
    let mut bare_so_far: Option<bool> = None;
    // A level noun so far ("Ủy ban nhân dân xã"): more level nouns name the same bodies at
    // those levels ("Ủy ban nhân dân xã, phường").
    let ends_at_level = || !pre.collective && ends_with_level_noun(core);
    let mut colon_list = false;
    while let Some(next) = segs.get(j) {
        let t = text.get(next.start..next.end).unwrap_or("");
        // The segment's words, from the part's (read once): the questions below are asked of
        // them instead of splitting the segment again each time.
        let ws = key::words_in(part_words, next.start, next.end);
        let bare_noun = || ws.map_or_else(|| is_bare_group_noun(t), is_bare_group_noun_in);
        let kind_of = || ws.map_or_else(|| group_kind(t), group_kind_in);
        let related = || ws.map_or_else(|| is_related_units(t), is_related_units_in);
        let starts_a_name = || match ws {
            Some(ws) => starts_name_key(reg, &key::key_of(ws)),
            None => starts_name(reg, t),
        };
        let first = t.chars().next();
        let upper = first.is_some_and(char::is_uppercase);
        let lower = first.is_some_and(char::is_lowercase);
        let listed = matches!(next.sep, Sep::Comma | Sep::And);
        let bare = pre.collective && listed && bare_noun();
        let comma_lower = next.sep == Sep::Comma && lower;
        let qualified_last = comma_lower
            && !bare
            && pre.collective
            && *bare_so_far.get_or_insert_with(bare_core)
            && kind_of().is_some()
            && reg
                .by_key(&ws.map_or_else(|| reg.key(t), key::key_of))
                .is_none();
        let more_levels = comma_lower && is_level_noun(t) && ends_at_level();
        // "Các trường: Đại học, Cao đẳng, Trung cấp trên địa bàn tỉnh": the kinds of one group.
        let kinds = pre.collective
            && (next.sep == Sep::Colon || (colon_list && next.sep == Sep::Comma))
            && !starts_a_name();
        if kinds {
            colon_list = true;
        }
        let takes = if pre.collective {
            bare || qualified_last || kinds || (next.sep == Sep::And && related())
        } else if more_levels {
            true
        } else if lone_kind.is_some() && !grouped {
            listed && kind_of() == lone_kind
        } else {
            false
        };
        if qualified_last {
            bare_so_far = Some(false);
        }
        if more_levels {
            grouped = true;
        }
        let tail_and = pre.known
            && pre.id.is_none()
            && !registry_hit
            && next.sep == Sep::And
            && upper
            && !starts_a_name();
        let tail_comma =
            pre.known && next.sep == Sep::Comma && lower && !starts_a_name() && kind_of().is_none();
        if !(takes || tail_and || tail_comma) {
            break;
        }
        if takes && lone_kind.is_some() {
            grouped = true;
        }
        // "… và các cơ quan, tổ chức khác có liên quan": the related units are bare group
        // nouns that a last qualified one may close.
        if pre.collective && next.sep == Sep::And && related() {
            bare_so_far = Some(true);
        }
        j += 1;
    }
    (j, grouped)
}

/// The body part of a piece read with a position before it ("Thủ trưởng các sở" → "các sở").
fn without_position<'t>(core: &'t str, pre: &recognize::Rec) -> &'t str {
    pre.position
        .as_deref()
        .and_then(|p| core.get(p.len()..))
        .map_or(core, str::trim_start)
}

/// Administrative level nouns that follow one another in a list ("xã, phường, thị trấn").
const LEVEL_NOUNS: &[&str] = &[
    "xã",
    "phường",
    "thị trấn",
    "đặc khu",
    "huyện",
    "quận",
    "thị xã",
    "thành phố",
];

/// Whether `t` is exactly a level noun ("phường").
fn is_level_noun(t: &str) -> bool {
    let l = crate::text::lower(t.trim());
    LEVEL_NOUNS.contains(&l.as_str())
}

/// Whether the name `core` ends with a level noun ("Ủy ban nhân dân xã").
fn ends_with_level_noun(core: &str) -> bool {
    let l = crate::text::lower(core.trim_end());
    LEVEL_NOUNS
        .iter()
        .any(|n| l.strip_suffix(n).is_some_and(|r| r.ends_with(' ')))
}

/// `agency/unknown` and `agency/duplicate` diagnostics for a split list.
fn diagnose(agencies: &[Agency], reg: &Registry) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    // Most lists name a few agencies: compared one by one; a long list is hashed (linear).
    const FEW: usize = 16;
    let few = agencies.len() <= FEW;
    let mut seen_few: Vec<(String, usize)> = Vec::new();
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (n, a) in agencies.iter().enumerate() {
        if !a.known {
            diags.push(codes::agency_unknown(a.span, &a.text, a.suggestion()));
        }
        let k = match &a.id {
            // The same body of two provinces ("Các địa phương: Hà Nội, Đà Nẵng") is two.
            Some(id) => {
                let province = a.province().unwrap_or("");
                let mut k = String::with_capacity(id.len() + province.len() + 2);
                for part in ["#", id, "@", province] {
                    k.push_str(part);
                }
                k
            }
            None => key::key(&a.name, reg.abbr()),
        };
        let first = if few {
            seen_few.iter().find(|(s, _)| *s == k).map(|&(_, f)| f)
        } else {
            seen.get(&k).copied()
        };
        match first.and_then(|f| agencies.get(f)) {
            Some(first) => diags.push(codes::agency_duplicate(a.span, &a.name, first.span)),
            None if few => seen_few.push((k, n)),
            None => {
                seen.insert(k, n);
            }
        }
    }
    diags
}
