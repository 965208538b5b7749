//! Assignment words: how an agency's name starts, for bullet lists of agencies and for
//! assignment phrases ("Sở X chủ trì, phối hợp với …").

/// Words that start an agency's name whatever follows ("Công an tỉnh", "UBND các huyện").
pub(crate) const AGENCY_HEADS: &[&str] = &[
    "ủy ban",
    "uỷ ban",
    "ubnd",
    "ubmttq",
    "hđnd",
    "công an",
    "văn phòng",
    "thanh tra",
    "kho bạc",
    "ngân hàng",
    "bảo hiểm xã hội",
    "cảnh sát",
    "hải quan",
    "thường trực",
    "chính phủ",
    "thủ tướng",
    "quốc hội",
    "mặt trận",
    "liên đoàn",
    "tỉnh đoàn",
    "thành đoàn",
    "đảng ủy",
    "đảng uỷ",
    "đảng đoàn",
    "tỉnh ủy",
    "tỉnh uỷ",
    "thành ủy",
    "huyện ủy",
    "hội đồng",
    "tòa án",
    "toà án",
    "viện kiểm sát",
    "bộ chỉ huy",
    "bộ đội",
    "thông tấn xã",
    "cục thuế",
    "các",
    "thủ trưởng",
    "chủ tịch",
    "giám đốc",
    "lãnh đạo",
    "bch",
    "bđbp",
    "vks",
    "tand",
    "ttxvn",
    "vtv",
    "vov",
    "ban chỉ đạo",
    "ban quản lý",
    "ban tuyên giáo",
    "ban dân vận",
    "ban tổ chức",
    "ban nội chính",
    "ban dân tộc",
    "ban thi đua",
    "tổ đảng",
    "chi bộ",
    "đảng bộ",
    "ban cán sự đảng",
    "ban thường vụ",
    "đoàn đại biểu quốc hội",
    "ban quản lý",
    "báo và phát thanh",
    "thuế tỉnh",
    "thuế thành phố",
    "thuế cơ sở",
    "tư lệnh",
    "trung ương hội",
    "trung ương đoàn",
];

/// Heads that name no particular body ("Các ngành, lĩnh vực khác" starts like an agency).
pub(crate) const GENERIC_HEADS: &[&str] = &[
    "các",
    "ngành",
    "địa phương",
    "lãnh đạo",
    "thủ trưởng",
    "chủ tịch",
    "giám đốc",
    "cơ quan",
    "đơn vị",
    "tổ chức",
];

/// Whether `s` starts with a head word that names a particular kind of body ("Sở", "Công an",
/// "Tổ đảng"), not a generic one ("Các", "Ngành").
pub(crate) fn starts_with_specific_head(s: &str) -> bool {
    starts_like_agency(s)
        && !GENERIC_HEADS
            .iter()
            .any(|h| crate::text::starts_with_lowercase(s.trim_start(), h))
}

/// Words that start an agency's name when a capitalised name follows ("Sở Nội vụ", "Bộ Tư pháp",
/// but not "Ban hành", "Báo cáo", "Tổ chức tập huấn").
pub(crate) const AGENCY_HEADS_NAMED: &[&str] = &[
    "sở",
    "bộ",
    "ban",
    "đài",
    "báo",
    "hội",
    "đoàn",
    "trường",
    "viện",
    "trung tâm",
    "phòng",
    "cục",
    "chi cục",
    "tổng cục",
    "học viện",
    "đại học",
    "tập đoàn",
    "tổng công ty",
    "công ty",
    "quỹ",
    "hiệp hội",
    "liên hiệp",
    "liên minh",
    "lực lượng",
    "kiểm toán",
    "tổ công tác",
    "cơ quan",
    "đơn vị",
    "bảo hiểm",
    "ngân hàng",
];

/// [`AGENCY_HEADS`] and [`AGENCY_HEADS_NAMED`] grouped by their first byte (built once).
type HeadBuckets = (Vec<Vec<&'static str>>, Vec<Vec<&'static str>>);
fn heads_by_first_byte() -> &'static HeadBuckets {
    static BUCKETS: std::sync::OnceLock<HeadBuckets> = std::sync::OnceLock::new();
    BUCKETS.get_or_init(|| {
        let group = |list: &[&'static str]| {
            let mut b: Vec<Vec<&'static str>> = vec![Vec::new(); 256];
            for h in list {
                if let Some(v) = h
                    .as_bytes()
                    .first()
                    .and_then(|&f| b.get_mut(usize::from(f)))
                {
                    v.push(h);
                }
            }
            b
        };
        (group(AGENCY_HEADS), group(AGENCY_HEADS_NAMED))
    })
}

/// The chars of the longest head ([`AGENCY_HEADS`], [`AGENCY_HEADS_NAMED`]) starting with each
/// ASCII byte (0: none), computed at compile time.
#[allow(clippy::indexing_slicing)] // evaluated at compile time: an index out of range fails the build
const LONGEST_HEAD_BY_ASCII: [u8; 128] = {
    let mut longest = [0u8; 128];
    let lists = [AGENCY_HEADS, AGENCY_HEADS_NAMED];
    let mut l = 0;
    while l < lists.len() {
        let mut h = 0;
        while h < lists[l].len() {
            let bytes = lists[l][h].as_bytes();
            // Chars: the bytes that do not continue a char.
            let (mut i, mut chars) = (0, 0u8);
            while i < bytes.len() {
                if bytes[i] & 0xC0 != 0x80 {
                    chars += 1;
                }
                i += 1;
            }
            let first = bytes[0] as usize;
            if first < 128 && chars > longest[first] {
                longest[first] = chars;
            }
            h += 1;
        }
        l += 1;
    }
    longest
};

/// Chars of the longest head of all (the most a text is lowercased for them).
const LONGEST_HEAD: usize = 22;

/// Whether `s` starts like an agency's name ("Sở Nội vụ;", "UBND các huyện", "các sở, ngành").
pub(crate) fn starts_like_agency(s: &str) -> bool {
    let s = s.trim_start();
    // The first chars lowercased once, only as many as the longest head that starts with the
    // same letter has (for a text that starts with an ASCII letter; most heads are short);
    // each head is then a plain prefix test.
    let n = match s.as_bytes().first() {
        Some(&b) if b.is_ascii() => usize::from(
            LONGEST_HEAD_BY_ASCII
                .get(usize::from(b.to_ascii_lowercase()))
                .copied()
                .unwrap_or(0),
        ),
        _ => LONGEST_HEAD,
    };
    let mut buf = [0u8; super::labels::PREFIX_BYTES];
    let (head, kept) = super::labels::prefix_lower_kept(s, n, &mut buf);
    let after = |h: &str| {
        super::labels::has_prefix(head, h)
            .then(|| s.get(super::labels::label_end(s, h, kept)..).unwrap_or(""))
    };
    let word_end = |rest: &str| rest.is_empty() || rest.starts_with([' ', ',', ';', '.', ':', '(']);
    // Only the heads that start with the text's first byte can match.
    let first = head.first().copied().unwrap_or(0);
    let (heads, named) = heads_by_first_byte();
    fn bucket<'b>(b: &'b [Vec<&'static str>], first: u8) -> &'b [&'static str] {
        b.get(usize::from(first)).map_or(&[], Vec::as_slice)
    }
    if bucket(heads, first)
        .iter()
        .any(|h| after(h).is_some_and(word_end))
    {
        return true;
    }
    bucket(named, first).iter().any(|h| {
        after(h).is_some_and(|rest| {
            rest.strip_prefix(' ')
                .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text is lowercased as far as the longest head its first letter may start.
    #[test]
    fn longest_heads_are_counted() {
        let all = AGENCY_HEADS.iter().chain(AGENCY_HEADS_NAMED);
        assert_eq!(
            all.clone().map(|h| h.chars().count()).max(),
            Some(LONGEST_HEAD)
        );
        for h in all {
            let first = h.as_bytes()[0];
            if first.is_ascii() {
                assert!(
                    usize::from(LONGEST_HEAD_BY_ASCII[usize::from(first)]) >= h.chars().count()
                );
            }
        }
        assert_eq!(LONGEST_HEAD_BY_ASCII[usize::from(b'b')], 17); // "báo và phát thanh"
        assert_eq!(LONGEST_HEAD_BY_ASCII[usize::from(b'x')], 0);
    }

    #[test]
    fn agency_starts() {
        for yes in [
            "Sở Nội vụ;",
            "UBND các huyện, thị xã, thành phố",
            "các sở, ngành",
            "Công an tỉnh",
            "Bộ Tư pháp",
            "Ủy ban nhân dân cấp huyện",
            "Thủ trưởng các cơ quan",
        ] {
            assert!(starts_like_agency(yes), "{yes}");
        }
        for no in [
            "Tổ chức tập huấn cho cán bộ",
            "Ban hành quy chế",
            "Báo cáo kết quả",
            "Xây dựng kế hoạch",
            "sở hữu trí tuệ",
        ] {
            assert!(!starts_like_agency(no), "{no}");
        }
    }
}

/// Whether an agency-like text describes rather than names ("Các cơ quan được phân công",
/// "Các ngành, lĩnh vực khác", "Các đơn vị").
pub(crate) fn is_description(agency: &str) -> bool {
    let l = crate::text::lower(agency.trim());
    [" được ", "lĩnh vực", "nhiệm vụ", "nội dung", "giải pháp"]
        .iter()
        .any(|w| l.contains(w))
        || [
            "các đơn vị",
            "các cơ quan",
            "các cơ quan, đơn vị",
            "các đơn vị liên quan",
        ]
        .contains(&l.as_str())
}

/// Verbs that end the agency of an assignment phrase ("Giao Công an tỉnh chủ trì, …",
/// "Sở Y tế chủ trì …", "Giao Sở Tư pháp theo dõi").
const ASSIGN_VERBS: &[&str] = &[
    " chủ trì",
    " tham mưu",
    " theo dõi",
    " thực hiện",
    " triển khai",
    " hướng dẫn",
];

/// An assignment phrase in a line: the agency text's byte range, and the range of the time
/// words after "hoàn thành"/"thời hạn"/"thời gian" in the same clause, if any.
///
/// Two shapes are read: "Giao X <verb>" anywhere after a clause start ("(Giao Công an tỉnh chủ
/// trì, phối hợp …; hoàn thành trước ngày 28/2/2023)"), and "X chủ trì" at the start of the
/// line, where X starts like an agency's name.
pub(crate) fn find_assignment(
    line: &str,
) -> Option<(std::ops::Range<usize>, Option<std::ops::Range<usize>>)> {
    // Most lines have neither phrase: told without the lowercase copy (natively; the wasm
    // package's first render has no bytes to spare).
    if !cfg!(target_arch = "wasm32") && !may_assign(line.as_bytes()) {
        return None;
    }
    let lower = crate::text::lower(line);
    // Lowercasing keeps byte offsets for Vietnamese letters (same UTF-8 length) but not for
    // every char: only use it when the lengths agree.
    if lower.len() != line.len() {
        return None;
    }
    let mut agency = None;
    let mut search = 0;
    // memmem: `str::find` builds a two-way searcher per call (a line, a few times a line).
    let find = |hay: &str, needle: &str| memchr::memmem::find(hay.as_bytes(), needle.as_bytes());
    while let Some(pos) = lower.get(search..).and_then(|s| find(s, "giao ")) {
        let at = search + pos;
        search = at + 5;
        let clause_start = at == 0
            || lower.get(..at).is_some_and(|b| {
                b.trim_end().ends_with(['(', ';', '.', ',', ':']) || b.trim_end().is_empty()
            });
        if !clause_start {
            continue;
        }
        let from = at + "giao ".len();
        let rest = line.get(from..)?;
        if !starts_like_agency(rest) {
            continue;
        }
        let end = first_spaced_word(lower.get(from..)?, ASSIGN_VERBS)?;
        if end > 0 && end <= 160 {
            agency = Some(from..from + end);
            break;
        }
    }
    if agency.is_none() && starts_like_agency(line) {
        let end = find(&lower, " chủ trì")?;
        let head = line.get(..end)?;
        if end <= 160 && !head.contains(['.', ';', '(', ':']) {
            agency = Some(0..end);
        }
    }
    if agency.is_none() {
        // "Trên cơ sở đề nghị của …, Sở Xây dựng chủ trì, …": the clause just before "chủ trì".
        let end = find(&lower, " chủ trì")?;
        let clause = lower.get(..end)?.rfind([',', ';']).map(|c| c + 1)?;
        let head = line.get(clause..end)?;
        let lead = head.len() - head.trim_start().len();
        let head = head.trim_start();
        if !head.is_empty()
            && head.len() <= 80
            && starts_like_agency(head)
            && !head.starts_with(char::is_lowercase)
        {
            agency = Some(clause + lead..end);
        }
    }
    let agency = agency?;
    if is_description(line.get(agency.clone()).unwrap_or("")) {
        return None;
    }
    // "… chủ trì cuộc họp", "chủ trì hội nghị": chairing a meeting assigns nothing.
    let after_verb = lower.get(agency.end..).unwrap_or("");
    let after_verb = after_verb
        .trim_start()
        .strip_prefix("chủ trì")
        .unwrap_or(after_verb)
        .trim_start();
    if ["cuộc", "hội nghị", "buổi", "phiên", "họp"]
        .iter()
        .any(|w| after_verb.starts_with(w))
    {
        return None;
    }
    // Time words after the assignment, in the same clause or parenthesis.
    let after = agency.end;
    let clause_end = lower
        .get(after..)
        .and_then(|s| s.find(')'))
        .map_or(line.len(), |e| after + e);
    let time = time_after(line, &lower, after, clause_end);
    Some((agency, time))
}

/// Whether `line` lowercased may contain "giao " or " chủ trì", which every assignment
/// [`find_assignment`] reads has: an "o" after "gia" and before a space, or an "ủ" after " ch",
/// in any case (no other char lowercases to these ASCII letters or to "ủ", E1 BB A7).
fn may_assign(line: &[u8]) -> bool {
    let is = |b: Option<&u8>, lower: u8| b.is_some_and(|&b| b | 0x20 == lower);
    let giao = memchr::memchr2_iter(b'o', b'O', line).any(|i| {
        i >= 3
            && line.get(i + 1) == Some(&b' ')
            && is(line.get(i - 3), b'g')
            && is(line.get(i - 2), b'i')
            && is(line.get(i - 1), b'a')
    });
    giao || memchr::memchr2_iter(b'h', b'H', line).any(|i| {
        i >= 2
            && line.get(i - 2) == Some(&b' ')
            && is(line.get(i - 1), b'c')
            && matches!(line.get(i + 1..i + 4), Some([0xE1, 0xBB, 0xA6 | 0xA7]))
    })
}

/// The time words after "hoàn thành"/"thời hạn"/"thời gian" in `line[from..to]` ("…, hoàn
/// thành phê duyệt phương án trong năm 2026. Việc …" → "trong năm 2026"), up to the end of the
/// clause or sentence. `lower` is `line` lowercased (same length).
pub(crate) fn time_after(
    line: &str,
    lower: &str,
    from: usize,
    to: usize,
) -> Option<std::ops::Range<usize>> {
    ["hoàn thành ", "thời hạn ", "thời gian "]
        .iter()
        .filter_map(|w| {
            lower
                .get(from..to)
                .and_then(|s| s.find(w))
                .map(|p| from + p + w.len())
        })
        .min()
        .and_then(|t0| time_words(line, lower, t0, to))
}

/// The time words of `line[t0..to]`, from the first word that starts a time (within 120 bytes),
/// up to the end of the clause or sentence.
pub(crate) fn time_words(
    line: &str,
    lower: &str,
    t0: usize,
    to: usize,
) -> Option<std::ops::Range<usize>> {
    Some(t0)
        .map(|t0| {
            // "hoàn thành phê duyệt phương án trong năm 2026": the time words, not the object.
            let t0 = TIME_STARTS
                .iter()
                .filter_map(|w| lower.get(t0..to).and_then(|s| s.find(w)))
                .filter(|&p| p <= 120)
                .min()
                .map_or(t0, |p| t0 + p);
            let end = lower
                .get(t0..to)
                .and_then(|s| [";", ". ", ", "].iter().filter_map(|sep| s.find(sep)).min())
                .map_or(to, |e| t0 + e);
            let v = line.get(t0..end).unwrap_or("").trim_end();
            let v = v.strip_suffix('.').unwrap_or(v);
            t0..t0 + v.len()
        })
        .filter(|r| r.end > r.start)
}

/// Verbs after which a lead value stops naming agencies ("Sở Nội vụ chủ trì tham mưu …; Sở Tư
/// pháp phối hợp", "Bộ Công an tiến hành rà soát …").
const LEAD_VERBS: &[&str] = &[
    " chủ trì",
    " tiến hành ",
    " có trách nhiệm",
    " chịu trách nhiệm",
    " tham mưu",
    " hướng dẫn ",
    " phối hợp với",
    " thực hiện ",
    " rà soát ",
    " xây dựng ",
    " chỉ đạo ",
];

/// The part of a lead value that names agencies: up to the first verb, when what comes before
/// it starts like an agency's name; the whole value otherwise.
///
/// ```ignore
/// assert_eq!(lead_part("Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp."), "Sở Nội vụ");
/// ```
pub(crate) fn lead_part(value: &str) -> &str {
    // Case-sensitive: "Ban Chỉ đạo" is a name, ", chỉ đạo các cơ quan" a verb. The verbs are
    // written in lowercase inside a value: most values have none.
    let Some(cut) = first_spaced_word(value, LEAD_VERBS) else {
        return value;
    };
    let head = value
        .get(..cut)
        .unwrap_or(value)
        .trim_end()
        .trim_end_matches(',')
        .trim_end();
    if head.is_empty() || !starts_like_agency(head) {
        return value;
    }
    head
}

/// The byte offset of the first of `words` in `s`, each word starting with a space: the first
/// space where one of them starts. One scan of `s` (`words.iter().filter_map(|w| s.find(w))
/// .min()` scanned it once per word: most values contain none of them).
pub(crate) fn first_spaced_word(s: &str, words: &[&str]) -> Option<usize> {
    let b = s.as_bytes();
    // The two bytes after the space, compared as one pair before the whole word.
    let pair = |x: &[u8]| -> [u8; 2] {
        [
            x.get(1).copied().unwrap_or(0),
            x.get(2).copied().unwrap_or(0),
        ]
    };
    memchr::memchr_iter(b' ', b).find(|&i| {
        let rest = b.get(i..).unwrap_or_default();
        let next = pair(rest);
        words.iter().any(|w| {
            let w = w.as_bytes();
            pair(w) == next && rest.starts_with(w)
        })
    })
}

/// Words a time starts with after "hoàn thành …".
const TIME_STARTS: &[&str] = &[
    "trong ",
    "trước ",
    "quý ",
    "năm 20",
    "tháng ",
    "chậm nhất",
    "đến ",
    "từ ",
    "ngày ",
    "hằng năm",
    "hàng năm",
    "thường xuyên",
];

#[cfg(test)]
mod phrase_tests {
    use super::*;
    use proptest::prelude::*;

    /// What [`first_spaced_word`] replaced: one search per word.
    fn first_by_find(s: &str, words: &[&str]) -> Option<usize> {
        words.iter().filter_map(|w| s.find(w)).min()
    }

    #[test]
    fn spaced_words_start_with_a_space_and_two_bytes() {
        for w in LEAD_VERBS.iter().chain(ASSIGN_VERBS) {
            assert!(w.starts_with(' ') && w.len() >= 3, "{w:?}");
        }
        let s = "Ban Chỉ đạo tỉnh chỉ đạo các sở, phối hợp với Sở Y tế chủ trì";
        assert_eq!(
            first_spaced_word(s, LEAD_VERBS),
            Some("Ban Chỉ đạo tỉnh".len())
        );
        assert_eq!(
            first_spaced_word(s, ASSIGN_VERBS),
            Some(s.len() - " chủ trì".len())
        );
        assert_eq!(first_spaced_word("Sở Y tế", LEAD_VERBS), None);
        assert_eq!(first_spaced_word(" chủ trì", LEAD_VERBS), Some(0));
    }

    proptest! {
        #[test]
        fn first_spaced_word_is_the_first_found(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just(" chủ trì"), Just(" chủ"), Just(" thực hiện "), Just(" thực hiện"),
                    Just(" tham mưu"), Just(" phối hợp với"), Just(" xây dựng "), Just(" "),
                    Just("Sở"), Just("chỉ đạo"), Just(" chỉ đạo "), Just(" có trách nhiệm"),
                    Just(" theo dõi"), Just("x"),
                ],
                0..12,
            )
        ) {
            let s = parts.concat();
            prop_assert_eq!(first_spaced_word(&s, LEAD_VERBS), first_by_find(&s, LEAD_VERBS));
            prop_assert_eq!(first_spaced_word(&s, ASSIGN_VERBS), first_by_find(&s, ASSIGN_VERBS));
        }

        /// The byte test passes every line whose lowercase has "giao " or " chủ trì" (pieces
        /// of both in mixed case, near misses and other letters around them).
        #[test]
        fn may_assign_passes_every_line_with_a_phrase(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("g"), Just("G"), Just("i"), Just("I"), Just("a"), Just("A"), Just("o"),
                    Just("O"), Just(" "), Just("c"), Just("C"), Just("h"), Just("H"), Just("ủ"),
                    Just("Ủ"), Just("u"), Just("ụ"), Just(" trì"), Just(" TRÌ"), Just("gia"),
                    Just("GIA"), Just(" ch"), Just(" CH"), Just("İ"), Just("K"), Just("đ"),
                ],
                0..16,
            )
        ) {
            let s = parts.concat();
            let l = crate::text::lower(&s);
            let has = l.contains("giao ") || l.contains(" chủ trì");
            prop_assert!(!has || may_assign(s.as_bytes()), "{:?}", s);
        }
    }

    #[test]
    fn may_assign_cases() {
        for yes in [
            "Giao Sở Y tế",
            "GIAO SỞ Y TẾ",
            "gIaO x",
            "Sở Y tế chủ trì",
            "SỞ Y TẾ CHỦ TRÌ",
        ] {
            assert!(may_assign(yes.as_bytes()), "{yes}");
        }
        for no in [
            "Giao",
            "giaox",
            "Sở Y tế chủ",
            "chủ trì",
            "Sở Y tế chu trì",
            "Hà Giang",
        ] {
            let l = crate::text::lower(no);
            assert!(!l.contains("giao ") && !l.contains(" chủ trì"), "{no}");
        }
        // "Sở Y tế chủ" has " chủ": the test passes it (a near miss), the search finds nothing.
        assert!(may_assign("Sở Y tế chủ".as_bytes()));
        assert!(!may_assign("Hà Giang".as_bytes()));
        assert!(!may_assign("giaox".as_bytes()));
    }

    #[test]
    fn assignment_phrases() {
        let s = "Rà soát quy hoạch (Giao Công an tỉnh chủ trì, phối hợp với các sở; hoàn thành trước ngày 28/2/2023)";
        let (a, t) = find_assignment(s).unwrap();
        assert_eq!(&s[a], "Công an tỉnh");
        assert_eq!(&s[t.unwrap()], "trước ngày 28/2/2023");
        let s = "Sở Y tế chủ trì, phối hợp với Sở Tài chính thực hiện.";
        let (a, t) = find_assignment(s).unwrap();
        assert_eq!((&s[a], t), ("Sở Y tế", None));
        assert!(find_assignment("Tổ chức tập huấn, do Sở Y tế chủ trì.").is_none());
        assert!(find_assignment("Ban hành kế hoạch chủ trì").is_none());
        assert!(find_assignment("Phó Thủ tướng Trần Hồng Hà chủ trì cuộc họp.").is_none());
        let s =
            "Trên cơ sở đề nghị của Ủy ban nhân dân quận, huyện, Sở Xây dựng chủ trì, phối hợp.";
        let (a, _) = find_assignment(s).unwrap();
        assert_eq!(&s[a], "Sở Xây dựng");
        assert_eq!(
            lead_part("Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp."),
            "Sở Nội vụ"
        );
        assert_eq!(
            lead_part("Bộ Công an tiến hành rà soát các văn bản"),
            "Bộ Công an"
        );
        assert_eq!(
            lead_part("Sở Y tế; Sở Tài chính."),
            "Sở Y tế; Sở Tài chính."
        );
    }
}
