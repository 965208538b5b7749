//! Tokens of Vietnamese amendment wording and the cursor the grammar reads them with.

use super::model::Target;
use super::reference::Ref;
use crate::text::Case as _;

/// A token of an instruction's head, with byte offsets into the instruction text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Tok {
    /// A run of letters and digits; `lower` is its lowercase.
    Word {
        text: String,
        lower: String,
        start: usize,
    },
    /// A quoted phrase (“…”, «…» or "…"), without the quotes.
    Quote { text: String, start: usize },
    /// `,` `.` `:` `;`
    Punct { ch: char, start: usize },
}

impl Tok {
    pub fn start(&self) -> usize {
        match self {
            Tok::Word { start, .. } | Tok::Quote { start, .. } | Tok::Punct { start, .. } => *start,
        }
    }
}

pub(crate) fn closing_quote(open: char) -> Option<char> {
    match open {
        '“' => Some('”'),
        '«' => Some('»'),
        '"' => Some('"'),
        _ => None,
    }
}

/// The byte offset in `inner` (the text after an opening `open`) of the quote mark that closes
/// it: quotes of a distinct closing mark nest (“… “Trung tâm …” tại …”), `"` does not.
pub(crate) fn quote_end(inner: &str, open: char, close: char) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in inner.char_indices() {
        if c == close {
            if depth == 0 {
                return Some(i);
            }
            depth -= 1;
        } else if c == open && open != close {
            depth += 1;
        }
    }
    None
}

/// Tokenizes (linear). An unclosed quote runs to the end.
pub(crate) fn tokenize(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if let Some(close) = closing_quote(c) {
            let start = i + c.len_utf8();
            let mut end = s.len();
            let mut depth = 0usize;
            for (j, d) in it.by_ref() {
                if d == close {
                    if depth == 0 {
                        end = j;
                        break;
                    }
                    depth -= 1;
                } else if d == c && c != close {
                    depth += 1;
                }
            }
            out.push(Tok::Quote {
                text: s.get(start..end).unwrap_or("").to_string(),
                start: i,
            });
        } else if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if !d.is_alphanumeric() {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            let text = s.get(i..end).unwrap_or("").to_string();
            out.push(Tok::Word {
                lower: text.to_lower(),
                text,
                start: i,
            });
        } else if matches!(c, ',' | '.' | ':' | ';') {
            out.push(Tok::Punct { ch: c, start: i });
        }
    }
    out
}

/// A cursor over tokens.
pub(crate) struct Cursor<'t> {
    pub(super) toks: &'t [Tok],
    pub pos: usize,
    /// The unit of the enclosing lead-in ("Sửa đổi, bổ sung một số khoản của Điều 9"): each
    /// reference read is completed with its higher levels.
    pub(super) base: Option<Ref>,
}

impl<'t> Cursor<'t> {
    pub fn new(toks: &'t [Tok]) -> Self {
        Cursor {
            toks,
            pos: 0,
            base: None,
        }
    }

    /// A cursor whose references are completed with the levels of `base`.
    pub fn with_base(toks: &'t [Tok], base: Option<Ref>) -> Self {
        Cursor { toks, pos: 0, base }
    }

    /// The enclosing lead-in's unit, as a target.
    pub fn base_target(&self) -> Option<Target> {
        self.base.as_ref().map(Ref::target)
    }

    /// `r` completed with the enclosing lead-in's unit.
    pub fn complete(&self, mut r: Ref) -> Ref {
        if let Some(b) = &self.base {
            r.complete_from(b);
        }
        r
    }

    pub fn peek(&self) -> Option<&'t Tok> {
        self.toks.get(self.pos)
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The token at `i`.
    pub fn toks_at(&self, i: usize) -> Option<&'t Tok> {
        self.toks.get(i)
    }

    pub fn peek_word(&self) -> Option<&'t str> {
        self.word_at(self.pos)
    }

    pub fn word_at(&self, i: usize) -> Option<&'t str> {
        match self.toks.get(i) {
            Some(Tok::Word { lower, .. }) => Some(lower.as_str()),
            _ => None,
        }
    }

    /// Consumes the words if they come next (lowercase; `,` matches a comma token).
    pub fn eat(&mut self, words: &[&str]) -> bool {
        let mut i = self.pos;
        for w in words {
            let ok = match self.toks.get(i) {
                Some(Tok::Word { lower, .. }) => lower == w,
                Some(Tok::Punct { ch, .. }) => w.chars().eq(std::iter::once(*ch)),
                _ => false,
            };
            if !ok {
                return false;
            }
            i += 1;
        }
        self.pos = i;
        true
    }

    pub fn eat_punct(&mut self, c: char) -> bool {
        if matches!(self.peek(), Some(Tok::Punct { ch, .. }) if *ch == c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    pub fn quote(&mut self) -> Option<String> {
        match self.peek() {
            Some(Tok::Quote { text, .. }) => {
                self.pos += 1;
                Some(text.clone())
            }
            _ => None,
        }
    }

    pub(super) fn word_text(&mut self) -> Option<String> {
        match self.peek() {
            Some(Tok::Word { text, .. }) => {
                self.pos += 1;
                Some(text.clone())
            }
            _ => None,
        }
    }

    pub(super) fn ordinal(&mut self) -> Option<u32> {
        let save = self.pos;
        if !self.eat(&["thứ"]) {
            return None;
        }
        let n = match self.peek_word() {
            Some("nhất") => Some(1),
            Some("hai") => Some(2),
            Some("ba") => Some(3),
            Some("tư" | "bốn") => Some(4),
            Some("năm") => Some(5),
            Some(w) => w.parse().ok(),
            None => None,
        };
        if n.is_some() {
            self.pos += 1;
        } else {
            self.pos = save;
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_single_tokens() {
        let t = tokenize("Thay cụm từ “Sở Y tế, Sở Nội vụ” bằng \"X\".");
        assert!(matches!(&t[3], Tok::Quote { text, .. } if text == "Sở Y tế, Sở Nội vụ"));
        assert!(matches!(&t[5], Tok::Quote { text, .. } if text == "X"));
    }
}
