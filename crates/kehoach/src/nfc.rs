//! NFC of short clusters (a starter and what follows it), from the Unicode tables or, with the
//! `host-nfc` feature, from a function the host registers (`set_host_nfc`).
//!
//! [`crate::text::Normalized`] copies most text as is and hands only clusters that may change
//! to this module. With the tables (the default) a cluster is a starter and its combining marks,
//! decided by the canonical combining class. With `host-nfc` the tables (about 50 KB of wasm)
//! are left out: a char in the stable ranges (ASCII, Latin up to U+02FF, the Vietnamese
//! letters of Latin Extended Additional, general punctuation) is its own NFC and nothing before
//! it composes with it, so a cluster is a stable char and the run of other chars after it, and
//! the host normalizes that run (the wasm package registers `String.prototype.normalize`).
//! Cutting text before stable chars only is exact: NFC never reorders or composes across them.

/// Chars that are their own NFC, have combining class 0 and are never the second char of a
/// composition, so NFC never changes text across them (checked against the tables by a test).
#[cfg(any(test, feature = "host-nfc"))]
pub(crate) fn is_stable(c: char) -> bool {
    matches!(c as u32, 0..=0x2FF | 0x1E00..=0x1EFF | 0x2002..=0x20CF)
}

/// The base letter of each char of U+00C0–U+024F, then of U+1E00–U+1EFF ('.': none, or not
/// an ASCII letter), from their canonical decompositions (a test checks it against them).
pub(crate) const LATIN_BASES: [&str; 2] = [
    concat!(
        "AAAAAA.CEEEEIIII.NOOOOO..UUUUY..aaaaaa.ceeeeiiii.nooooo..uuuuy.y",
        "AaAaAaCcCcCcCcDd..EeEeEeEeEeGgGgGgGgHh..IiIiIiIiI...JjKk.LlLlLl.",
        "...NnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTt..UuUuUuUuUuUuWwYyYZzZzZz.",
        "................................Oo.............Uu...............",
        ".............AaIiOoUuUuUuUuUu.AaAa....GgKkOoOo..j...Gg..NnAa....",
        "AaAaEeEeIiIiOoOoRrRrUuUuSsTt..Hh......AaEeOoOoOoOoYy............",
        "................",
    ),
    concat!(
        "AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMm",
        "MmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVv",
        "WwWwWwWwWwXxXxYyZzZzZzhtwy......AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEe",
        "EeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy......",
    ),
];

/// The lowercase ASCII base letter of a Latin letter with diacritics ("ệ" → 'e', "Ở" → 'o'),
/// from [`LATIN_BASES`]: what [`fold_char`] gives it, without decomposing it.
#[cfg(any(test, not(feature = "host-nfc")))]
fn latin_base(c: char) -> Option<char> {
    let cp = c as u32;
    let base = match cp {
        0xC0..=0x24F => LATIN_BASES[0].as_bytes().get((cp - 0xC0) as usize),
        0x1E00..=0x1EFF => LATIN_BASES[1].as_bytes().get((cp - 0x1E00) as usize),
        _ => None,
    };
    base.filter(|&&b| b != b'.')
        .map(|&b| char::from(b.to_ascii_lowercase()))
}

#[cfg(not(feature = "host-nfc"))]
mod tables {
    use unicode_normalization::IsNormalized;
    use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};

    /// A combining mark (non-zero combining class): it belongs to the cluster before it.
    pub(crate) fn is_mark(c: char) -> bool {
        !c.is_ascii() && canonical_combining_class(c) != 0
    }

    /// A starter that is its own NFC when no mark follows it.
    pub(crate) fn lone_is_nfc(c: char) -> bool {
        c.is_ascii()
            || (canonical_combining_class(c) == 0
                && unicode_normalization::is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
    }

    /// Whether `c` continues the cluster before it.
    pub(crate) fn joins_cluster(c: char) -> bool {
        is_mark(c)
    }

    /// [`crate::text::fold`] of one char: its canonical decomposition's starters, lowercased.
    pub(crate) fn fold_char(c: char, out: &mut String) {
        // A Latin letter with diacritics (most of a Vietnamese name's other chars): its base
        // letter without a search of the decomposition tables (a test checks they agree).
        if let Some(b) = super::latin_base(c) {
            out.push(b);
            return;
        }
        // NFD, keeping only starters (order is irrelevant once the marks are dropped).
        decompose_canonical(c, |d| {
            if canonical_combining_class(d) != 0 {
                return;
            }
            match d {
                'đ' | 'Đ' => out.push('d'),
                // The crate's case mapping: Rust's, without a table search for Latin letters.
                _ => out.extend(crate::text::lower_char(d)),
            }
        });
    }

    /// The NFC of a cluster, `None` when it is NFC already.
    pub(crate) fn cluster_nfc(cluster: &str) -> Option<String> {
        match vietnamese_cluster_nfc(cluster) {
            Some(composed) => composed,
            None => general_cluster_nfc(cluster),
        }
    }

    /// The combining class of the eight marks decomposed Vietnamese is written with (the five
    /// tones, circumflex, breve and horn), `None` for any other char.
    fn vietnamese_mark_class(c: char) -> Option<u8> {
        match c {
            '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{302}' | '\u{306}' => Some(230),
            '\u{323}' => Some(220),
            '\u{31B}' => Some(216),
            _ => None,
        }
    }

    /// An ASCII letter, or a Vietnamese letter with a modifier (â ê ô ă ơ ư) as its canonical
    /// decomposition: the ASCII letter and the modifier's mark.
    fn vietnamese_base(c: char) -> Option<(char, Option<char>)> {
        if c.is_ascii_alphabetic() {
            return Some((c, None));
        }
        let (base, mark) = match c {
            'â' => ('a', '\u{302}'),
            'Â' => ('A', '\u{302}'),
            'ê' => ('e', '\u{302}'),
            'Ê' => ('E', '\u{302}'),
            'ô' => ('o', '\u{302}'),
            'Ô' => ('O', '\u{302}'),
            'ă' => ('a', '\u{306}'),
            'Ă' => ('A', '\u{306}'),
            'ơ' => ('o', '\u{31B}'),
            'Ơ' => ('O', '\u{31B}'),
            'ư' => ('u', '\u{31B}'),
            'Ư' => ('U', '\u{31B}'),
            _ => return None,
        };
        Some((base, Some(mark)))
    }

    /// [`general_cluster_nfc`] of a decomposed Vietnamese syllable's cluster (a letter of
    /// [`vietnamese_base`] and at most three marks in all of [`vietnamese_mark_class`]), without
    /// the decomposition tables, the NFC check or an allocation but the result; `None` for any
    /// other cluster. The same steps on fewer chars: canonical order (a stable sort of the marks
    /// by class), then composition, a mark blocked by an uncomposed mark of its class or higher.
    /// Equal to the general path on every such cluster (tested exhaustively).
    pub(super) fn vietnamese_cluster_nfc(cluster: &str) -> Option<Option<String>> {
        let mut chars = cluster.chars();
        let (base, modifier) = vietnamese_base(chars.next()?)?;
        let mut marks = [(0u8, '\0'); 3];
        let mut n = 0;
        for m in modifier.into_iter().chain(chars) {
            let slot = marks.get_mut(n)?;
            *slot = (vietnamese_mark_class(m)?, m);
            n += 1;
        }
        let marks = marks.get_mut(..n)?;
        marks.sort_by_key(|&(class, _)| class);
        let mut starter = base;
        let mut left = [('\0'); 3];
        let mut kept = 0;
        let mut last_class: Option<u8> = None;
        for &(class, m) in marks.iter() {
            if last_class.is_none_or(|l| l < class) {
                if let Some(composed) = compose(starter, m) {
                    starter = composed;
                    continue;
                }
            }
            last_class = Some(class);
            if let Some(slot) = left.get_mut(kept) {
                *slot = m;
                kept += 1;
            }
        }
        let mut out = String::with_capacity(cluster.len());
        out.push(starter);
        out.extend(left.iter().take(kept));
        Some((out != cluster).then_some(out))
    }

    /// The NFC of any cluster, `None` when it is NFC already.
    pub(super) fn general_cluster_nfc(cluster: &str) -> Option<String> {
        if unicode_normalization::is_nfc_quick(cluster.chars()) == IsNormalized::Yes {
            return None;
        }
        let composed = nfc(cluster);
        (composed != cluster).then_some(composed)
    }

    /// NFC of `s` (used on short clusters: a starter and its combining marks).
    ///
    /// Written with `unicode_normalization::char` rather than its `nfc()`/`nfd()` iterators: those
    /// choose canonical or compatibility decomposition at run time, so they link the compatibility
    /// tables (about 60 KB of wasm, 27 KB gzipped) that NFC never uses.
    pub(crate) fn nfc(s: &str) -> String {
        // Canonical decomposition, with each char's combining class.
        let mut chars: Vec<(u8, char)> = Vec::with_capacity(s.len());
        for c in s.chars() {
            decompose_canonical(c, |d| chars.push((canonical_combining_class(d), d)));
        }
        // Canonical ordering: a stable sort of each run of non-starters by combining class.
        let mut rest = chars.as_mut_slice();
        while !rest.is_empty() {
            let run = rest.iter().take_while(|(cc, _)| *cc != 0).count();
            let (head, tail) = rest.split_at_mut(run.max(1));
            head.sort_by_key(|(cc, _)| *cc);
            rest = tail;
        }
        // Canonical composition: a char joins the last starter unless a char in between (not
        // itself composed away) is a starter or has a combining class >= its own.
        let mut out: Vec<char> = Vec::with_capacity(chars.len());
        let mut starter: Option<usize> = None;
        let mut last_cc: Option<u8> = None;
        for (cc, c) in chars {
            let blocked = last_cc.is_some_and(|l| l == 0 || l >= cc);
            if let Some(s) = starter.and_then(|i| out.get_mut(i)).filter(|_| !blocked) {
                if let Some(composed) = compose(*s, c) {
                    *s = composed;
                    continue;
                }
            }
            if cc == 0 {
                starter = Some(out.len());
                last_cc = None;
            } else {
                last_cc = Some(cc);
            }
            out.push(c);
        }
        out.into_iter().collect()
    }
}

#[cfg(all(test, not(feature = "host-nfc")))]
pub(crate) use tables::nfc;
#[cfg(not(feature = "host-nfc"))]
pub(crate) use tables::{cluster_nfc, fold_char, is_mark, joins_cluster, lone_is_nfc};

#[cfg(feature = "host-nfc")]
mod host {
    use super::{LATIN_BASES, is_stable};
    use std::sync::OnceLock;

    static HOST_NFC: OnceLock<fn(&str) -> String> = OnceLock::new();

    /// Registers the host's NFC (once; later calls are ignored). Until one is registered,
    /// clusters outside the stable ranges are kept as they are.
    pub fn set_host_nfc(nfc: fn(&str) -> String) {
        let _ = HOST_NFC.set(nfc);
    }

    /// [`crate::text::fold`] of one char without the tables: combining diacritics (U+0300–U+036F)
    /// dropped, the Latin letters to their base letter, anything else lowercased as it is.
    /// (It reads [`LATIN_BASES`] itself rather than through `latin_base`, as the tables' fold
    /// does: the shared helper cost the wasm first render 25 bytes, which its ceiling lacks.)
    pub(crate) fn fold_char(c: char, out: &mut String) {
        let cp = c as u32;
        let base = match cp {
            0x300..=0x36F => return,
            0xC0..=0x24F => LATIN_BASES[0].as_bytes().get((cp - 0xC0) as usize),
            0x1E00..=0x1EFF => LATIN_BASES[1].as_bytes().get((cp - 0x1E00) as usize),
            _ => None,
        };
        match (c, base) {
            ('đ' | 'Đ', _) => out.push('d'),
            (_, Some(&b)) if b != b'.' => out.push(char::from(b.to_ascii_lowercase())),
            _ => out.extend(crate::text::lower_char(c)),
        }
    }

    /// Anything outside the stable ranges may be a mark.
    pub(crate) fn is_mark(c: char) -> bool {
        !is_stable(c)
    }

    /// A stable char is its own NFC.
    pub(crate) fn lone_is_nfc(c: char) -> bool {
        is_stable(c)
    }

    /// The run after a cluster's first char: every char up to the next stable one, or the next
    /// whitespace, invisible or control char (the normalizer's own business).
    pub(crate) fn joins_cluster(c: char) -> bool {
        !is_stable(c) && !c.is_whitespace() && !c.is_control() && !crate::text::is_invisible(c)
    }

    /// The host's NFC of a cluster, `None` when it is NFC already (or no host is registered).
    pub(crate) fn cluster_nfc(cluster: &str) -> Option<String> {
        let composed = HOST_NFC.get()?(cluster);
        (composed != cluster).then_some(composed)
    }
}

#[cfg(feature = "host-nfc")]
pub use host::set_host_nfc;
#[cfg(feature = "host-nfc")]
pub(crate) use host::{cluster_nfc, fold_char, is_mark, joins_cluster, lone_is_nfc};

#[cfg(all(test, not(feature = "host-nfc")))]
mod vietnamese_tests {
    /// Every letter of the fast path (the ASCII letters, â ê ô ă ơ ư and their capitals) with
    /// every sequence of up to three of the eight marks, and a few other chars after it: the
    /// fast path's NFC equals the general one.
    #[test]
    fn the_vietnamese_path_equals_the_general_one() {
        let marks = [
            '\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}', '\u{302}', '\u{306}', '\u{31B}',
        ];
        let mut bases: Vec<char> = ('a'..='z').chain('A'..='Z').collect();
        bases.extend("âÂêÊôÔăĂơƠưƯ".chars());
        let mut sequences: Vec<Vec<char>> = vec![vec![]];
        for len in 1..=3 {
            let before: Vec<Vec<char>> = sequences
                .iter()
                .filter(|s| s.len() == len - 1)
                .cloned()
                .collect();
            for s in before {
                for m in marks {
                    let mut t = s.clone();
                    t.push(m);
                    sequences.push(t);
                }
            }
        }
        assert_eq!(sequences.len(), 1 + 8 + 64 + 512);
        let mut fast = 0;
        for b in &bases {
            for seq in &sequences {
                let cluster: String = std::iter::once(*b).chain(seq.iter().copied()).collect();
                let general = super::tables::general_cluster_nfc(&cluster);
                let got = super::tables::vietnamese_cluster_nfc(&cluster);
                // Three marks after a letter with a modifier are four: the general path's.
                if let Some(got) = got {
                    assert_eq!(got, general, "{cluster:?}");
                    fast += 1;
                }
                assert_eq!(super::cluster_nfc(&cluster), general, "{cluster:?}");
            }
        }
        assert_eq!(fast, 52 * 585 + 12 * (1 + 8 + 64));
        // Other clusters are the general path's.
        for cluster in [
            "đ\u{301}",
            "a\u{304}",
            "a\u{301}\u{304}",
            "\u{301}",
            "",
            "ế\u{323}",
            "e\u{301}x",
        ] {
            assert_eq!(
                super::tables::vietnamese_cluster_nfc(cluster),
                None,
                "{cluster:?}"
            );
        }
        assert_eq!(super::cluster_nfc("ế\u{323}").as_deref(), Some("ệ\u{301}"));
    }
}

#[cfg(test)]
mod tests {
    use super::is_stable;
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::{canonical_combining_class, compose};

    /// A letter's base from the table is its fold by decomposition: the starters of its
    /// canonical decomposition, lowercased, "đ" as "d" (what the tables' fold did before the
    /// table was asked first), for every char of the table's ranges; and the table knows the
    /// Vietnamese letters.
    #[test]
    fn latin_bases_are_the_decompositions_base_letters() {
        let mut based = 0;
        for c in (0xC0..=0x24Fu32)
            .chain(0x1E00..=0x1EFF)
            .filter_map(char::from_u32)
        {
            let Some(b) = super::latin_base(c) else {
                continue;
            };
            based += 1;
            let by_decomposition: String = c
                .nfd()
                .filter(|&d| canonical_combining_class(d) == 0)
                .flat_map(char::to_lowercase)
                .collect::<String>()
                .replace('đ', "d");
            assert_eq!(by_decomposition, b.to_string(), "U+{:04X}", c as u32);
        }
        assert_eq!(based, 488);
        for c in "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ".chars()
        {
            assert!(super::latin_base(c).is_some(), "{c}");
        }
    }

    #[test]
    fn stable_chars_are_nfc_starters_that_never_compose_with_what_precedes() {
        // Every char that could be the second of a composition, from the tables.
        let starters: Vec<char> = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
        let mut seconds = std::collections::HashSet::new();
        for &c in &starters {
            let mut d = c.nfd();
            if let (Some(a), Some(b), None) = (d.next(), d.next(), d.next()) {
                if compose(a, b) == Some(c) {
                    seconds.insert(b);
                }
            }
        }
        for c in starters.into_iter().filter(|&c| is_stable(c)) {
            let one = c.to_string();
            assert_eq!(one.nfc().collect::<String>(), one, "U+{:04X}", c as u32);
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
            assert!(!seconds.contains(&c), "U+{:04X}", c as u32);
        }
    }
}

#[cfg(all(test, feature = "host-nfc"))]
mod host_tests {
    use crate::text::Normalized;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn a_host_normalizer_gives_the_tables_result_and_the_map_back() {
        super::set_host_nfc(|s| s.nfc().collect());
        let nfc = "Sở Thông tin và Truyền thông; 中文 Ω K Å e\u{0301}\u{0323}";
        let input: String = nfc.nfd().collect();
        let n = Normalized::new(&input);
        assert_eq!(n.text(), nfc.nfc().collect::<String>());
        let p = n.text().find("Truyền").unwrap();
        let (s, e) = n.to_original(p, p + "Truyền".len());
        assert_eq!(input[s..e].nfc().collect::<String>(), "Truyền");
        assert_eq!(Normalized::new("Năm 2021 – 2025").text(), "Năm 2021 – 2025");
    }

    #[test]
    fn the_latin_fold_without_tables_is_the_decomposition_s_base_letter() {
        use unicode_normalization::char::canonical_combining_class;
        for c in (0xC0..=0x24Fu32)
            .chain(0x1E00..=0x1EFF)
            .chain(0x300..=0x36F)
            .filter_map(char::from_u32)
        {
            let starters: String = c
                .nfd()
                .filter(|&d| canonical_combining_class(d) == 0)
                .collect();
            let mut got = String::new();
            super::fold_char(c, &mut got);
            if (0x300..=0x36F).contains(&(c as u32)) {
                // Every combining diacritic dropped (U+034F, a joiner of class 0, too).
                assert_eq!(got, "", "U+{:04X}", c as u32);
                continue;
            }
            if starters
                .chars()
                .next()
                .is_some_and(|b| !b.is_ascii() && !matches!(b, 'đ' | 'Đ'))
            {
                // Æ, Ø, ʒ, ſ: kept (lowercased) rather than decomposed.
                assert_eq!(
                    got,
                    c.to_lowercase().collect::<String>(),
                    "U+{:04X}",
                    c as u32
                );
            } else {
                let want: String = starters.chars().flat_map(char::to_lowercase).collect();
                assert_eq!(got, want.replace('đ', "d"), "U+{:04X}", c as u32);
            }
        }
        assert_eq!(crate::text::fold("Đắk Lắk ỦY BAN"), "dak lak uy ban");
    }
}
