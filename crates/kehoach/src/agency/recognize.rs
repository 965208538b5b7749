//! Recognition of one agency name: the registry first, then name patterns the registry cannot
//! list ("Sở &lt;lĩnh vực&gt;", "Bộ &lt;lĩnh vực&gt;", "UBND tỉnh &lt;X&gt;", "các <nhóm>", a position before a
//! body), then a suggestion for near misses.

use super::key::{self, STACK_WORDS, Word, key_words, norms_of};
use super::registry::{Entry, Registry};
use super::{Agency, AgencyDetails, AgencyKind, Level};
use crate::span::Span;
use crate::text::fold;
use compact_str::CompactString;

use super::lexicon::{GROUP_NOUNS, HEADS, PLAIN_GROUPS, POSITIONS, QUALIFIER_WORDS, QUALIFIERS};

use AgencyKind as K;

/// What the recognizer found for one name.
#[derive(Debug, Clone)]
pub(crate) struct Rec {
    pub name: CompactString,
    pub kind: AgencyKind,
    pub collective: bool,
    pub known: bool,
    pub id: Option<CompactString>,
    pub level: Option<Level>,
    pub position: Option<String>,
    pub qualifier: Option<String>,
    pub suggestion: Option<String>,
    /// The edit-distance step a reading without budget left undone ([`DEFERS`]; see
    /// [`Rec::finished`]).
    pub pending: Option<Fuzzy>,
}

/// Whether a reading without fuzzy budget keeps its edit-distance step in [`Rec::pending`], for
/// [`Rec::finished`]: the agency reader reads a piece without budget before its continuations,
/// and when they add nothing, finishes that reading instead of reading the piece again (the 37
/// documents −2.6 % instructions). Natively: in the wasm package, where it cost the first
/// render 350 bytes gzipped, the piece is read again.
pub(crate) const DEFERS: bool = !cfg!(target_arch = "wasm32");

/// An edit-distance step left for the budget.
#[derive(Debug, Clone)]
pub(crate) struct Fuzzy {
    /// The name's key (as [`key::key_of`] makes it).
    key: String,
    /// The name follows a position ("Giám đốc <Sở …>"), which a near miss keeps.
    after_position: bool,
    /// `Some(kind)`: a name the patterns accept, checked strictly against names of its kind for
    /// a typo; `None`: an unknown name, given the nearest name as a suggestion.
    strict_kind: Option<AgencyKind>,
}

impl Rec {
    /// A reading made without budget, completed with `budget`: its pending edit-distance step
    /// when the budget allows it (one unit spent). Equals [`recognize`] of the same text with
    /// the same budget, and spends the same.
    pub(crate) fn finished(mut self, reg: &Registry, budget: &mut u32) -> Rec {
        let Some(f) = self.pending.take().filter(|_| *budget > 0) else {
            return self;
        };
        *budget -= 1;
        match f.strict_kind {
            Some(kind) => {
                if let Some(e) = reg.fuzzy(&f.key, true, Some(kind)) {
                    // The pattern's reading names the name as a near miss does (as written,
                    // abbreviations expanded); a position of its own ("Đồng chí …") is not kept.
                    let position = self.position.filter(|_| f.after_position);
                    return Rec {
                        position,
                        ..near_miss_named(self.name, e)
                    };
                }
            }
            None => self.suggestion = reg.fuzzy(&f.key, false, None).map(|e| e.name.to_string()),
        }
        self
    }

    pub(crate) fn into_agency(self, text: &str, span: Span, note: Option<String>) -> Agency {
        // Written as the registry names it: the text shares the registry's name (no copy).
        let text = match self.name.as_static_str() {
            Some(name) if name == text => self.name.clone(),
            _ => CompactString::new(text),
        };
        Agency {
            text,
            name: self.name,
            kind: self.kind,
            collective: self.collective,
            known: self.known,
            span,
            id: self.id,
            level: self.level,
            details: AgencyDetails {
                position: self.position,
                qualifier: self.qualifier,
                province: None,
                note,
                suggestion: self.suggestion,
            }
            .boxed(),
            current: None,
            and_previous: false,
        }
    }
}

fn from_entry(e: &Entry) -> Rec {
    Rec {
        name: super::shared_text(&e.name),
        kind: e.kind,
        collective: e.collective,
        known: true,
        id: Some(super::shared_text(&e.id)),
        level: e.level,
        position: None,
        qualifier: None,
        suggestion: None,
        pending: None,
    }
}

impl Registry {
    /// Recognizes one agency name (no list splitting): the registry, then name patterns, then a
    /// suggestion for near misses. A trailing parenthesised note is kept in [`Agency::note`].
    ///
    /// ```
    /// use kehoach::agency::{AgencyKind, Level, Registry};
    /// let reg = Registry::embedded();
    /// let a = reg.recognize("UBND tỉnh Kon Tum");
    /// assert_eq!((a.name.as_str(), a.kind, a.level), ("Ủy ban nhân dân tỉnh Kon Tum",
    ///            AgencyKind::PeoplesCommittee, Some(Level::Province)));
    /// let b = reg.recognize("Sở Thông tin và Truyền thong");
    /// assert!(!b.known);
    /// assert_eq!(b.suggestion(), Some("Sở Thông tin và Truyền thông"));
    /// ```
    pub fn recognize(&self, text: &str) -> Agency {
        let (core, note) = split_note(text.trim());
        let core = core.trim();
        let mut a = recognize(self, core, &mut 1).into_agency(
            core,
            Span::default(),
            note.map(str::to_string),
        );
        self.set_province(&mut a);
        a
    }

    /// Sets [`Agency::province`](AgencyDetails::province) from a province the piece names: in its qualifier ("Sở Y tế
    /// tỉnh Đắk Nông") or as its own end ("UBND tỉnh Đắk Nông").
    pub(crate) fn set_province(&self, a: &mut Agency) {
        let named = a.qualifier().and_then(|q| self.province(q));
        let named = named.or_else(|| {
            (a.kind == AgencyKind::PeoplesCommittee && !a.collective)
                .then(|| self.province(&a.text))
                .flatten()
        });
        if let Some(p) = named {
            a.details_mut().province = Some(p.name.to_string());
        }
    }
}

/// Splits a trailing parenthesised note: "Sở Y tế (Giao Phòng Nghiệp vụ Y)" → ("Sở Y tế",
/// Some("Giao Phòng Nghiệp vụ Y")).
pub(crate) fn split_note(text: &str) -> (&str, Option<&str>) {
    let t = text.trim_end();
    if !t.ends_with(')') {
        return (text, None);
    }
    let mut depth = 0usize;
    for (i, c) in t.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let core = t.get(..i).unwrap_or("").trim_end();
                    let note = t.get(i + 1..t.len() - 1).unwrap_or("").trim();
                    if core.is_empty() {
                        return (text, None);
                    }
                    return (core, (!note.is_empty()).then_some(note));
                }
            }
            _ => {}
        }
    }
    (text, None)
}

/// Number of leading words of `words` equal to the space-separated `pat`, if all match.
fn prefix_len(words: &[&str], pat: &str) -> Option<usize> {
    // Word by word along `pat` without splitting it: most patterns fail on the first word.
    let mut rest = pat;
    let mut n = 0;
    loop {
        let word = words.get(n)?;
        // Most differ in their first byte: told without a call to compare them whole
        // (natively: in the wasm package it left 1 byte of the first render's ceiling).
        if let (false, Some(a), Some(b)) = (
            cfg!(target_arch = "wasm32"),
            rest.as_bytes().first(),
            word.as_bytes().first(),
        ) {
            if a != b {
                return None;
            }
        }
        let after = rest.strip_prefix(word)?;
        n += 1;
        if after.is_empty() {
            return Some(n);
        }
        rest = after.strip_prefix(' ')?;
    }
}

/// The length in bytes of the position a key starts with ("lãnh đạo ban dân nguyện" → 9), if
/// a name follows it.
pub(crate) fn position_key_len(k: &str) -> Option<usize> {
    POSITIONS
        .iter()
        .filter(|p| {
            k.len() > p.len() && k.starts_with(**p) && k.as_bytes().get(p.len()) == Some(&b' ')
        })
        .map(|p| p.len())
        .max()
}

/// Recognizes `text` (a name without note).
///
/// `budget` counts the fuzzy suggestions still allowed (each costs a bounded registry scan).
pub(crate) fn recognize(reg: &Registry, text: &str, budget: &mut u32) -> Rec {
    let mut buf = String::new();
    let ws = key::words(text, reg.abbr(), &mut buf);
    recognize_split(reg, text, &ws, budget)
}

/// [`recognize`] with the words of `text` already split (as `key::words(text, reg.abbr(), _)`
/// splits them).
pub(crate) fn recognize_split(reg: &Registry, text: &str, ws: &[Word], budget: &mut u32) -> Rec {
    let (mut stack, mut heap) = ([""; STACK_WORDS], Vec::new());
    let norms = norms_of(ws, &mut stack, &mut heap);
    // A position before the body: "Giám đốc các sở", "Chủ tịch UBND các xã".
    for p in POSITIONS {
        if let Some(n) = prefix_len(norms, p) {
            if let (Some(last), Some(next)) = (ws.get(n - 1), ws.get(n)) {
                let body = text.get(next.start..).unwrap_or("");
                let mut rec = recognize_body(reg, body, budget);
                rec.position = Some(text.get(..last.end).unwrap_or("").to_string());
                if let (true, Some(f)) = (DEFERS, &mut rec.pending) {
                    f.after_position = true;
                }
                return rec;
            }
        }
    }
    recognize_words(reg, text, ws, budget)
}

fn recognize_body(reg: &Registry, text: &str, budget: &mut u32) -> Rec {
    let mut buf = String::new();
    recognize_words(reg, text, &key::words(text, reg.abbr(), &mut buf), budget)
}

/// [`recognize_body`] with the words of `text` already split.
fn recognize_words(reg: &Registry, text: &str, ws: &[Word], budget: &mut u32) -> Rec {
    let k = key::key_of(ws);
    if let Some(e) = reg.by_key(&k) {
        return from_entry(e);
    }
    if let Some(rec) = strip_qualifier(reg, text, ws, &k) {
        return rec;
    }
    if let Some(e) = reg.by_fold(&fold(&k)) {
        return near_miss(reg, text, ws, e);
    }
    // Without budget, the step is kept for later ([`DEFERS`]).
    let defer = |rec: &mut Rec, key: String, strict_kind| {
        rec.pending = Some(Fuzzy {
            key,
            after_position: false,
            strict_kind,
        });
    };
    if let Some(mut rec) = pattern(reg, text, ws, &k) {
        // A name the patterns accept may still be a typo of a registry name ("Sở Khoa hoc và
        // Cong ngh"): a strict edit-distance check against names of the same kind, within the
        // fuzzy budget. An enterprise's own name ("Công ty …", "Tập đoàn …") is not a typo of
        // another's.
        let checked = !rec.collective && rec.kind != K::Enterprise;
        if checked && *budget > 0 {
            *budget -= 1;
            if let Some(e) = reg.fuzzy(&k, true, Some(rec.kind)) {
                return near_miss(reg, text, ws, e);
            }
        } else if checked && DEFERS {
            let kind = rec.kind;
            defer(&mut rec, k, Some(kind));
        }
        return rec;
    }
    let mut rec = unknown(reg, text, ws);
    // An abbreviation the registry does not know ("VNPTT") is not a typo of a name.
    if (*budget > 0 || DEFERS) && !is_abbreviation(text) {
        if *budget > 0 {
            *budget -= 1;
            rec.suggestion = reg.fuzzy(&k, false, None).map(|e| e.name.to_string());
        } else {
            defer(&mut rec, k, None);
        }
    }
    rec
}

/// A registry name followed by a qualifier: "Sở Y tế tỉnh Quảng Ngãi", "các đoàn thể các cấp".
/// `k`: the key of `ws` ([`key::key_of`]).
fn strip_qualifier(reg: &Registry, text: &str, ws: &[Word], k: &str) -> Option<Rec> {
    let n = ws.len();
    // The keys of the words before a cut and after it, sliced from `k` (no allocation).
    let mut owned = String::new();
    let mut cuts: Vec<usize> = Vec::new();
    for (q, &qn) in QUALIFIERS.iter().zip(&QUALIFIER_WORDS) {
        if n > qn {
            // The last `qn` words are the qualifier's, word for word.
            let tail = ws.get(n - qn..).unwrap_or_default();
            if tail.iter().map(|w| w.norm).eq(q.split(' ')) {
                cuts.push(n - qn);
            }
        }
    }
    // "tỉnh <Tên>" with one to three capitalized words.
    for back in 2..=4 {
        let Some(i) = n.checked_sub(back) else { break };
        if i == 0 {
            break;
        }
        let is_tinh = ws.get(i).is_some_and(|w| w.norm == "tỉnh");
        let capitalized = ws.iter().skip(i + 1).all(|w| {
            text.get(w.start..)
                .and_then(|s| s.chars().next())
                .is_some_and(char::is_uppercase)
        });
        if is_tinh && capitalized {
            cuts.push(i);
        }
    }
    // A province's name without "tỉnh": "Báo và Phát thanh, Truyền hình Hưng Yên".
    for back in 1..=5 {
        let Some(i) = n.checked_sub(back) else { break };
        if i == 0 {
            break;
        }
        if reg
            .province_by_key(key::key_of_words(k, ws, i..n, &mut owned))
            .is_some()
        {
            cuts.push(i);
        }
    }
    crate::sort::sort_by(&mut cuts, usize::cmp);
    for cut in cuts {
        if cut > n {
            return None;
        }
        if let Some(e) = reg.by_key(key::key_of_words(k, ws, 0..cut, &mut owned)) {
            let mut rec = from_entry(e);
            let start = ws.get(cut).map_or(text.len(), |w| w.start);
            let q = text.get(start..).unwrap_or("").trim();
            rec.level = match q {
                "cấp tỉnh" => Some(Level::Province),
                "các cấp" => None,
                _ => rec.level,
            };
            rec.qualifier = Some(q.to_string());
            return Some(rec);
        }
    }
    None
}

fn near_miss(reg: &Registry, text: &str, ws: &[Word], e: &Entry) -> Rec {
    near_miss_named(reg.expand_display(text, ws).into(), e)
}

/// A near miss of `e` named `name`.
fn near_miss_named(name: CompactString, e: &Entry) -> Rec {
    Rec {
        name,
        kind: e.kind,
        collective: e.collective,
        known: false,
        id: None,
        level: e.level,
        position: None,
        qualifier: None,
        suggestion: Some(e.name.to_string()),
        pending: None,
    }
}

/// `ws`: the words of `text`.
fn unknown(reg: &Registry, text: &str, ws: &[Word]) -> Rec {
    Rec {
        name: reg.expand_display(text, ws).into(),
        kind: K::Other,
        collective: false,
        known: false,
        id: None,
        level: None,
        position: None,
        qualifier: None,
        suggestion: None,
        pending: None,
    }
}

/// Name patterns on the expanded key words.
fn pattern(reg: &Registry, text: &str, ws: &[Word], k: &str) -> Option<Rec> {
    let (mut stack, mut heap) = ([""; STACK_WORDS], Vec::new());
    let words = key_words(k, &mut stack, &mut heap);
    let first = *words.first()?;
    let mut rec = unknown(reg, text, ws);
    if first == "các" || first == "những" {
        rec.collective = true;
        if let Some((kind, level)) = group_noun(words.get(1..).unwrap_or(&[])) {
            rec.kind = kind;
            rec.level = level;
            rec.known = true;
        } else {
            rec.kind = K::Group;
        }
        return Some(rec);
    }
    // A person named by position ("Đồng chí Phó chủ tịch Thường trực, phụ trách …").
    if prefix_len(words, "đồng chí").is_some() && words.len() > 2 {
        rec.known = true;
        rec.position = Some(text.to_string());
        return Some(rec);
    }
    if let Some(n) = prefix_len(words, "ủy ban nhân dân") {
        let rest = words.get(n..).unwrap_or(&[]);
        rec.kind = K::PeoplesCommittee;
        rec.known = true;
        match rest.first().copied() {
            Some("các") => {
                rec.collective = true;
                rec.level = group_noun(rest.get(1..).unwrap_or(&[])).and_then(|(_, l)| l);
            }
            Some("cấp") => {
                rec.collective = true;
                rec.level = unit_level(rest.get(1..).unwrap_or(&[]));
            }
            _ => rec.level = unit_level(rest),
        }
        return Some(rec);
    }
    for (head, kind, level, needs_more) in HEADS {
        if let Some(n) = prefix_len(words, head) {
            if *needs_more && words.len() <= n {
                return None;
            }
            rec.kind = *kind;
            rec.level = *level;
            // An enterprise's own name ("Công ty Điện lực Quảng Nam", "Tập đoàn Sun Group") has a
            // known shape but is not in the registry: its kind is read, it stays unknown.
            rec.known = *kind != K::Enterprise;
            return Some(rec);
        }
    }
    // A group named without "các" ("doanh nghiệp công nghệ số", "cơ sở giáo dục").
    if let Some((kind, level)) = group_noun(words).filter(|_| words.len() > 1) {
        if PLAIN_GROUPS.iter().any(|g| prefix_len(words, g).is_some()) {
            rec.kind = kind;
            rec.level = level;
            rec.collective = true;
            rec.known = true;
            return Some(rec);
        }
    }
    None
}

/// Level of "tỉnh …", "huyện …", "xã …".
fn unit_level(rest: &[&str]) -> Option<Level> {
    match rest {
        ["tỉnh", ..] => Some(Level::Province),
        ["huyện", ..] | ["quận", ..] | ["thị", "xã", ..] => Some(Level::District),
        ["xã", ..] | ["phường", ..] | ["thị", "trấn", ..] | ["đặc", "khu", ..] => {
            Some(Level::Commune)
        }
        _ => None,
    }
}

/// The group noun starting `words` (longest first), with its kind and level.
fn group_noun(words: &[&str]) -> Option<(AgencyKind, Option<Level>)> {
    let mut best: Option<(usize, AgencyKind, Option<Level>)> = None;
    for (noun, kind, level) in GROUP_NOUNS {
        if let Some(n) = prefix_len(words, noun) {
            if best.is_none_or(|(bn, _, _)| n > bn) {
                best = Some((n, *kind, *level));
            }
        }
    }
    best.map(|(_, k, l)| (k, l))
}

/// True when `text` is only a group noun with an optional qualifier ("ban", "thị xã",
/// "đơn vị liên quan"): it continues the collective before it ("các sở, ban, ngành").
pub(crate) fn is_bare_group_noun(text: &str) -> bool {
    let mut buf = String::new();
    is_bare_group_noun_in(&key::words(text, &key::NO_ABBREVIATIONS, &mut buf))
}

/// [`is_bare_group_noun`] of a text's words (from [`key::words`]).
pub(crate) fn is_bare_group_noun_in(ws: &[Word]) -> bool {
    let (mut stack, mut heap) = ([""; STACK_WORDS], Vec::new());
    let norms = norms_of(ws, &mut stack, &mut heap);
    let mut n = norms.len();
    for (q, &qn) in QUALIFIERS.iter().zip(&QUALIFIER_WORDS) {
        if n > qn && prefix_len(norms.get(n - qn..).unwrap_or(&[]), q) == Some(qn) {
            n -= qn;
            break;
        }
    }
    let core = norms.get(..n).unwrap_or(&[]);
    GROUP_NOUNS
        .iter()
        .any(|(noun, _, _)| prefix_len(core, noun) == Some(core.len()) && !core.is_empty())
}

/// True when `text` starts like a name of its own: a registry name, a head word, a collective,
/// a people's committee or a position. Used to decide whether "A và B" is one name or two.
pub(crate) fn starts_name(reg: &Registry, text: &str) -> bool {
    starts_name_key(reg, &reg.key(text))
}

/// [`starts_name`] of a text's key.
pub(crate) fn starts_name_key(reg: &Registry, k: &str) -> bool {
    if reg.by_key(k).is_some() {
        return true;
    }
    let (mut stack, mut heap) = ([""; STACK_WORDS], Vec::new());
    let words = key_words(k, &mut stack, &mut heap);
    let Some(&first) = words.first() else {
        return false;
    };
    first == "các"
        || first == "những"
        || prefix_len(words, "ủy ban nhân dân").is_some()
        || HEADS.iter().any(|(h, ..)| prefix_len(words, h).is_some())
        || POSITIONS.iter().any(|p| prefix_len(words, p).is_some())
}

/// The kind of the group noun `text` starts with ("doanh nghiệp công nghệ số" → enterprise).
pub(crate) fn group_kind(text: &str) -> Option<AgencyKind> {
    let mut buf = String::new();
    group_kind_in(&key::words(text, &key::NO_ABBREVIATIONS, &mut buf))
}

/// [`group_kind`] of a text's words.
pub(crate) fn group_kind_in(ws: &[Word]) -> Option<AgencyKind> {
    let (mut stack, mut heap) = ([""; STACK_WORDS], Vec::new());
    group_noun(norms_of(ws, &mut stack, &mut heap)).map(|(k, _)| k)
}

/// "các đơn vị (có) liên quan", "các cơ quan liên quan": after "và", the related units of the
/// collective before it ("các DNVT và các đơn vị có liên quan" is one group).
pub(crate) fn is_related_units(text: &str) -> bool {
    let mut buf = String::new();
    is_related_units_in(&key::words(text, &key::NO_ABBREVIATIONS, &mut buf))
}

/// [`is_related_units`] of a text's words.
pub(crate) fn is_related_units_in(ws: &[Word]) -> bool {
    let (mut stack, mut heap) = ([""; STACK_WORDS], Vec::new());
    matches!(
        norms_of(ws, &mut stack, &mut heap),
        ["các", "đơn", "vị", "có", "liên", "quan"]
            | ["các", "đơn", "vị", "liên", "quan"]
            | ["các", "cơ", "quan", "có", "liên", "quan"]
            | ["các", "cơ", "quan", "liên", "quan"]
            | ["các", "cơ", "quan"]
    )
}

/// One word of capitals, digits and "&" ("VTV", "KH&ĐT"): an abbreviation.
fn is_abbreviation(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().count() <= 10
        && t.chars().any(char::is_uppercase)
        && t.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '&' | '-' | '.'))
}

#[cfg(test)]
mod tests {
    use super::prefix_len;

    /// A reading without budget, finished with the budget, is the reading with the budget, and
    /// spends the same: registry names, a qualifier, typos (folded, strict, after a position,
    /// suggested), an unknown abbreviation, collectives, an enterprise.
    #[test]
    fn finishing_a_reading_is_recognizing() {
        use super::recognize;
        let reg = super::Registry::embedded();
        let names = [
            "Sở Y tế",
            "Sở Y tế tỉnh Quảng Ngãi",
            "Sở Khoa hoc và Cong nghe",
            "Sở Thông tin và Truyền thong",
            "Sở Thông tin và Truyền thongg",
            "Giám đốc Sở Khoa hoc và Cong nghe",
            "Giám đốc Sở Khoa học và Công ngh",
            "Chủ tịch UBND các xã",
            "Đồng chí Phó chủ tịch Thường trực",
            "Vụ Pháp chế",
            "Cục Biến đổi khí hậu",
            "Phòng Quản lý Năng lượng",
            "VNPTT",
            "Bảo hiểm xã hội tỉnhh",
            "Ban quan ly du an",
            "các sở, ban, ngành",
            "Công ty Điện lực Quảng Nam",
            "",
        ];
        for name in names {
            for budget in [0u32, 1, 3] {
                let (mut b1, mut b2) = (budget, budget);
                let mut expected = recognize(reg, name, &mut b1);
                // A step left undone (no budget) is not part of the reading's result.
                expected.pending = None;
                let finished = recognize(reg, name, &mut 0).finished(reg, &mut b2);
                assert_eq!(
                    format!("{finished:?}"),
                    format!("{expected:?}"),
                    "{name:?} {budget}"
                );
                assert_eq!(b2, b1, "{name:?} {budget}");
            }
        }
        // The cases reach each step: a strict typo after a position is a near miss that keeps
        // the position; an unknown name gets a suggestion; an abbreviation spends nothing.
        let mut b = 1;
        let typo = recognize(reg, "Giám đốc Sở Khoa học và Công ngh", &mut b);
        assert_eq!((typo.known, b), (false, 0));
        assert_eq!(typo.suggestion.as_deref(), Some("Sở Khoa học và Công nghệ"));
        assert_eq!(typo.position.as_deref(), Some("Giám đốc"));
        assert_eq!(typo.name, "Sở Khoa học và Công ngh");
        let mut b = 1;
        let unknown = recognize(reg, "Bảo hiểm xã hội tỉnhh", &mut b);
        assert_eq!(
            (unknown.kind, unknown.known, b),
            (super::K::Other, false, 0)
        );
        assert_eq!(unknown.suggestion.as_deref(), Some("Bảo hiểm xã hội tỉnh"));
        let mut b = 1;
        let abbr = recognize(reg, "VNPTT", &mut b);
        assert_eq!((abbr.suggestion, b), (None, 1));
    }

    /// The qualifiers' word counts made at compile time are their words.
    #[test]
    fn qualifier_words_are_counted() {
        use super::{QUALIFIER_WORDS, QUALIFIERS};
        let counted: Vec<usize> = QUALIFIERS.iter().map(|q| q.split(' ').count()).collect();
        assert_eq!(QUALIFIER_WORDS.to_vec(), counted);
        assert_eq!(QUALIFIER_WORDS.first(), Some(&4)); // "trên địa bàn tỉnh"
    }

    /// The word-by-word walk gives what comparing `pat.split(' ')` with the words gives.
    #[test]
    fn prefix_len_is_the_split_comparison() {
        let reference = |words: &[&str], pat: &str| -> Option<usize> {
            let parts: Vec<&str> = pat.split(' ').collect();
            (words.len() >= parts.len() && words.iter().zip(&parts).all(|(w, p)| w == p))
                .then_some(parts.len())
        };
        let word_lists: [&[&str]; 6] = [
            &["giám", "đốc", "sở"],
            &["giám", "đốc"],
            &["giám"],
            &[],
            &["", "giám"],
            &["giámđốc"],
        ];
        let pats = [
            "giám đốc",
            "giám",
            "giám đốc sở y",
            "",
            " giám",
            "giám ",
            "giámđốc",
            "giá",
        ];
        for words in word_lists {
            for pat in pats {
                assert_eq!(
                    prefix_len(words, pat),
                    reference(words, pat),
                    "{words:?} {pat:?}"
                );
            }
        }
        assert_eq!(prefix_len(&["giám", "đốc", "sở"], "giám đốc"), Some(2));
    }
}
