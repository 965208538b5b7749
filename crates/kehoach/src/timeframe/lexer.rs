//! Tokens of a timeframe: words, digit runs and punctuation, with byte offsets.

use crate::text::Case as _;

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
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    // Fast path for the Latin blocks Vietnamese uses (× and ÷ are not letters).
    if matches!(c, '\u{c0}'..='\u{24f}' | '\u{1ea0}'..='\u{1ef9}') && c != '×' && c != '÷' {
        return true;
    }
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

/// A lowercase copy of `text` with the same byte offsets: a character whose lowercase is not a
/// single character of the same UTF-8 length is kept as is (it then matches no keyword, which
/// errs towards "unrecognized", never towards a wrong reading).
pub(crate) fn lower_aligned(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut l = c.to_lower();
        match (l.next(), l.next()) {
            (Some(x), None) if x.len_utf8() == c.len_utf8() => out.push(x),
            _ => out.push(c),
        }
    }
    out
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
        assert_eq!(lower_aligned("NĂM ĐẾN Quý"), "năm đến quý");
        // The Kelvin sign lowercases to a shorter 'k': kept, so offsets stay aligned.
        assert_eq!(lower_aligned("\u{212a}HI").len(), "\u{212a}HI".len());
    }
}
