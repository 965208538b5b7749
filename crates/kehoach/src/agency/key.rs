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

/// The words of `text` (runs of alphanumeric characters), in order.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push(word(text, s, i));
        }
    }
    if let Some(s) = start {
        out.push(word(text, s, text.len()));
    }
    out
}

fn word(text: &str, start: usize, end: usize) -> Word {
    let raw = text.get(start..end).unwrap_or("");
    Word {
        start,
        end,
        norm: unify_tone(&raw.to_lowercase()),
    }
}

/// Abbreviation table: normalized abbreviation word → normalized expansion words.
pub(crate) type Abbrev = BTreeMap<String, String>;

/// The key of a sequence of words, expanding abbreviations.
pub(crate) fn key_of(words: &[Word], abbr: &Abbrev) -> String {
    let mut out = String::new();
    for w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        match abbr.get(&w.norm) {
            Some(exp) => out.push_str(exp),
            None => out.push_str(&w.norm),
        }
    }
    out
}

/// The key of a text.
pub(crate) fn key(text: &str, abbr: &Abbrev) -> String {
    key_of(&words(text), abbr)
}

/// Normalizes one lowercase word to the tone placement used in official names ("hóa", "ủy").
pub(crate) fn unify_tone(word: &str) -> String {
    const A: [char; 5] = ['á', 'à', 'ả', 'ã', 'ạ'];
    const E: [char; 5] = ['é', 'è', 'ẻ', 'ẽ', 'ẹ'];
    const Y: [char; 5] = ['ý', 'ỳ', 'ỷ', 'ỹ', 'ỵ'];
    const O: [char; 5] = ['ó', 'ò', 'ỏ', 'õ', 'ọ'];
    const U: [char; 5] = ['ú', 'ù', 'ủ', 'ũ', 'ụ'];
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let (Some(&prev), Some(&last)) = (
        n.checked_sub(2).and_then(|i| chars.get(i)),
        n.checked_sub(1).and_then(|i| chars.get(i)),
    ) else {
        return word.to_string();
    };
    let before = n.checked_sub(3).and_then(|i| chars.get(i)).copied();
    let moved = match prev {
        'o' => A
            .iter()
            .position(|&c| c == last)
            .map(|t| (O.get(t), 'a'))
            .or_else(|| E.iter().position(|&c| c == last).map(|t| (O.get(t), 'e'))),
        'u' if before != Some('q') => Y.iter().position(|&c| c == last).map(|t| (U.get(t), 'y')),
        _ => None,
    };
    match moved {
        Some((Some(&toned), base)) => {
            let mut s: String = chars.iter().take(n - 2).collect();
            s.push(toned);
            s.push(base);
            s
        }
        _ => word.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
