//! Tokens of a timeframe: words, digit runs and punctuation, with byte offsets.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok {
    /// A run of letters (and combining marks).
    Word,
    /// A run of ASCII digits: its value when it has at most 9 digits, and its length.
    Num(Option<u32>, usize),
    /// `-`, `–`, `—` and the other dashes.
    Dash,
    /// Any other non-space character.
    Punct(char),
}

/// A token and where it is in the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2015}'
            | '\u{2212}'
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
        || (!c.is_ascii() && unicode_normalization::char::canonical_combining_class(c) != 0)
}

/// Splits `text` into tokens (linear time; whitespace separates and is dropped).
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 3 + 1);
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = i + c.len_utf8();
        let tok = if c.is_ascii_digit() {
            let mut value: Option<u32> = Some(u32::from(c as u8 - b'0'));
            let mut len = 1usize;
            while let Some(&(j, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                len += 1;
                value = if len <= 9 {
                    value.map(|v| v * 10 + u32::from(d as u8 - b'0'))
                } else {
                    None
                };
                end = j + 1;
                it.next();
            }
            Tok::Num(value, len)
        } else if is_word_char(c) {
            while let Some(&(j, d)) = it.peek() {
                if !is_word_char(d) {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            Tok::Word
        } else if is_dash(c) {
            Tok::Dash
        } else {
            Tok::Punct(c)
        };
        out.push(Token { tok, start: i, end });
    }
    out
}

/// True when `word` equals the lowercase literal `lit`, ignoring case (diacritics must match).
pub(crate) fn word_eq(word: &str, lit: &str) -> bool {
    let mut a = word.chars().flat_map(char::to_lowercase);
    let mut b = lit.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_of_a_quarter_and_a_huge_number() {
        let t = tokenize("Quý III/2024 – 80% 12345678901");
        let kinds: Vec<Tok> = t.iter().map(|t| t.tok).collect();
        assert_eq!(
            kinds,
            vec![
                Tok::Word,
                Tok::Word,
                Tok::Punct('/'),
                Tok::Num(Some(2024), 4),
                Tok::Dash,
                Tok::Num(Some(80), 2),
                Tok::Punct('%'),
                Tok::Num(None, 11),
            ]
        );
        assert_eq!((t[0].start, t[0].end), (0, "Quý".len()));
        assert!(word_eq("NĂM", "năm"));
        assert!(!word_eq("nam", "năm"));
        assert!(word_eq("ĐẾN", "đến"));
    }
}
