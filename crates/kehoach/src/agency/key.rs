//! Matching keys for agency names.
//!
//! A key is the name's words, lowercased, with old and new tone placement unified ("uỷ" →
//! "ủy", "hoá" → "hóa"), abbreviations expanded and punctuation dropped, joined by single
//! spaces: "Sở LĐ-TB&XH" → "sở lđ tb xh", "UBND tỉnh" → "ủy ban nhân dân tỉnh". Diacritics stay;
//! [`crate::text::fold`] of a key is the fallback used only for suggestions.

use std::collections::BTreeMap;

/// A word of a text: byte range and its normalized form.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub start: usize,
    pub end: usize,
    /// Lowercased, tone placement unified.
    pub norm: String,
}

/// True for the characters words are made of ([`crate::text::is_alphanumeric`]).
fn is_word_char(c: char) -> bool {
    crate::text::is_alphanumeric(c)
}

/// Calls `f(start, end)` for each word of `text` (runs of alphanumeric characters), in order.
fn for_each_word(text: &str, mut f: impl FnMut(usize, usize)) {
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            f(s, i);
        }
    }
    if let Some(s) = start {
        f(s, text.len());
    }
}

/// The words of `text` (runs of alphanumeric characters), in order.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for_each_word(text, |start, end| {
        let mut norm = String::with_capacity(end - start);
        push_norm(text.get(start..end).unwrap_or(""), &mut norm);
        out.push(Word { start, end, norm });
    });
    out
}

/// Appends the normalized form of one word (lowercased, tone placement unified) to `out`.
fn push_norm(raw: &str, out: &mut String) {
    let from = out.len();
    for c in raw.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == 'Σ' {
            // Only `str::to_lowercase` knows the final-sigma rule.
            out.truncate(from);
            out.push_str(&raw.to_lowercase());
            break;
        } else {
            out.extend(c.to_lowercase());
        }
    }
    unify_tone_tail(out, from);
}

/// Abbreviation table: normalized abbreviation word → normalized expansion words.
pub(crate) type Abbrev = BTreeMap<String, String>;

/// Appends one word's key form (its abbreviation expansion, if any) to `out`, space-separated.
fn push_key_word(out: &mut String, norm: &str, abbr: &Abbrev) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(abbr.get(norm).map_or(norm, String::as_str));
}

/// The key of a sequence of words, expanding abbreviations.
pub(crate) fn key_of(words: &[Word], abbr: &Abbrev) -> String {
    let mut out = String::new();
    for w in words {
        push_key_word(&mut out, &w.norm, abbr);
    }
    out
}

/// The key of `text[start..end]` from the precomputed `words` of `text` (sorted, as [`words`]
/// returns them), or `None` when a word straddles `start` or `end` (the caller then keys the
/// slice itself). Equal to `key(&text[start..end])` otherwise.
pub(crate) fn key_of_range(
    words: &[Word],
    start: usize,
    end: usize,
    abbr: &Abbrev,
) -> Option<String> {
    let first = words.partition_point(|w| w.end <= start);
    let mut out = String::new();
    for w in words.get(first..).unwrap_or(&[]) {
        if w.start >= end {
            break;
        }
        if w.start < start || w.end > end {
            return None;
        }
        push_key_word(&mut out, &w.norm, abbr);
    }
    Some(out)
}

/// The key of a text.
pub(crate) fn key(text: &str, abbr: &Abbrev) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    for_each_word(text, |start, end| {
        word.clear();
        push_norm(text.get(start..end).unwrap_or(""), &mut word);
        push_key_word(&mut out, &word, abbr);
    });
    out
}

/// Normalizes one lowercase word to the tone placement used in official names ("hóa", "ủy").
pub(crate) fn unify_tone(word: &str) -> String {
    let mut s = word.to_string();
    unify_tone_tail(&mut s, 0);
    s
}

/// Unifies the tone placement of the word `s[from..]` in place ("oá" → "óa", "uỷ" → "ủy",
/// except after "q": "quý").
fn unify_tone_tail(s: &mut String, from: usize) {
    const A: [char; 5] = ['á', 'à', 'ả', 'ã', 'ạ'];
    const E: [char; 5] = ['é', 'è', 'ẻ', 'ẽ', 'ẹ'];
    const Y: [char; 5] = ['ý', 'ỳ', 'ỷ', 'ỹ', 'ỵ'];
    const O: [char; 5] = ['ó', 'ò', 'ỏ', 'õ', 'ọ'];
    const U: [char; 5] = ['ú', 'ù', 'ủ', 'ũ', 'ụ'];
    let Some(word) = s.get(from..) else {
        return;
    };
    let mut rev = word.char_indices().rev();
    let (Some((_, last)), Some((prev_at, prev))) = (rev.next(), rev.next()) else {
        return;
    };
    let before = rev.next().map(|(_, c)| c);
    let moved = match prev {
        'o' => A
            .iter()
            .position(|&c| c == last)
            .map(|t| (O.get(t), 'a'))
            .or_else(|| E.iter().position(|&c| c == last).map(|t| (O.get(t), 'e'))),
        'u' if before != Some('q') => Y.iter().position(|&c| c == last).map(|t| (U.get(t), 'y')),
        _ => None,
    };
    if let Some((Some(&toned), base)) = moved {
        s.truncate(from + prev_at);
        s.push(toned);
        s.push(base);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_equal_key_of_words() {
        let abbr = Abbrev::new();
        for t in [
            "ΟΔΟΣ Σ",
            "Uỷ BAN  nhân-dân",
            "",
            "  ",
            "HOÁ chất; khoẻ",
            "İstanbul",
        ] {
            assert_eq!(key(t, &abbr), key_of(&words(t), &abbr), "{t:?}");
        }
        assert_eq!(key("ΟΔΟΣ", &abbr), "οδος");
    }

    #[test]
    fn range_keys_equal_keys_of_slices() {
        let mut abbr = Abbrev::new();
        abbr.insert("ubnd".into(), "ủy ban nhân dân".into());
        let text = "Sở Nội vụ, UBND các huyện và Sở Y tế (chủ trì)";
        let ws = words(text);
        for (s, _) in text.char_indices() {
            for (e, _) in text.char_indices().chain([(text.len(), ' ')]) {
                if e < s {
                    continue;
                }
                if let Some(k) = key_of_range(&ws, s, e, &abbr) {
                    assert_eq!(k, key(&text[s..e], &abbr), "{s}..{e}");
                }
            }
        }
        assert_eq!(key_of_range(&ws, 0, 3, &abbr), None, "cuts \"Sở\"");
        assert_eq!(
            key_of_range(&ws, 17, 34, &abbr).as_deref(),
            Some("ủy ban nhân dân các huyện")
        );
    }

    #[test]
    fn tone_placement_is_unified() {
        assert_eq!(unify_tone("uỷ"), "ủy");
        assert_eq!(unify_tone("hoá"), "hóa");
        assert_eq!(unify_tone("khoẻ"), "khỏe");
        assert_eq!(unify_tone("thuỷ"), "thủy");
        assert_eq!(unify_tone("quý"), "quý");
        assert_eq!(unify_tone("huỳnh"), "huỳnh");
        assert_eq!(unify_tone("hóa"), "hóa");
    }

    #[test]
    fn keys_drop_punctuation_and_expand() {
        let mut abbr = Abbrev::new();
        abbr.insert("ubnd".into(), "ủy ban nhân dân".into());
        assert_eq!(key("UBND tỉnh", &abbr), "ủy ban nhân dân tỉnh");
        assert_eq!(key("Uỷ ban nhân dân tỉnh", &abbr), "ủy ban nhân dân tỉnh");
        assert_eq!(key("Sở LĐ-TB&XH.", &abbr), "sở lđ tb xh");
        assert_eq!(
            key("Sở Lao động - Thương binh và Xã hội", &abbr),
            "sở lao động thương binh và xã hội"
        );
        let w = words("Sở  Y tế");
        assert_eq!((w[1].start, w[1].end), (6, 7));
    }
}
