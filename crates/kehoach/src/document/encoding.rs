//! Detection of legacy Vietnamese encodings and mojibake, so they are reported instead of
//! being parsed into garbage.
//!
//! - TCVN3 (ABC) or VNI text decoded as Windows-1252/Latin-1 shows Latin-1 symbols and
//!   letters where Vietnamese letters belong: "KÕ ho¹ch", "Qu¶ng Ng·i" (TCVN3),
//!   "Keá hoaïch" (VNI).
//! - UTF-8 decoded as Latin-1/Windows-1252 shows "Ã", "áº", "á»", "Æ°", "Ä‘": "Káº¿ hoáº¡ch".
//!
//! The check counts markers over the text once (linear) and fires only when markers are
//! frequent and genuine Vietnamese letters (U+1EA0–U+1EF9, ă đ ơ ư) are rare.

use crate::diagnostic::{Diagnostic, codes};
use crate::span::Locator;

fn is_viet_letter(c: char) -> bool {
    matches!(
        c,
        '\u{1ea0}'
            ..='\u{1ef9}' | 'ă' | 'Ă' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ'
    )
}

/// Latin-1 characters that TCVN3 text shows (never used in Vietnamese Unicode text).
pub(super) const fn is_tcvn3_marker(c: char) -> bool {
    matches!(
        c,
        '¸' | '¹'
            | 'µ'
            | '¶'
            | '·'
            | '¨'
            | '©'
            | 'ª'
            | '«'
            | '¬'
            | '®'
            | '¯'
            | '°'
            | '±'
            | '²'
            | '³'
            | '´'
            | '½'
            | '¾'
            | '¼'
            | '¿'
            | 'Þ'
            | 'ß'
            | 'Õ'
            | 'Ö'
            | '×'
            | 'Ø'
            | 'Ü'
            | 'Ý'
            | 'Ê'
            | 'Ë'
            | 'Ï'
            | 'Ñ'
            | 'Ò'
            | 'Ó'
            | 'Ô'
            | '¦'
            | '§'
            | '£'
            | '¤'
            | '¥'
            | '¢'
            | '¡'
            | 'î'
            | 'ï'
            | 'ñ'
            | 'þ'
            | 'ø'
            | 'ö'
            | 'ç'
            | 'æ'
            | 'å'
            | 'ä'
            | 'ë'
            | 'ü'
            | 'û'
            | 'Ç'
            | 'Å'
            | 'Æ'
            | 'Ä'
            | 'Ð'
            | 'Û'
            | 'Ù'
            | 'Ú'
    )
}

/// The length of the run of ASCII bytes `bytes` starts with, read a word at a time (Vietnamese
/// text has a non-ASCII letter every few bytes: one word and a count of trailing zeros per run).
fn ascii_run_len(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0x80; 8]));
        let high = x & HIGH;
        if high != 0 {
            // Little-endian: the first non-ASCII byte is the lowest set high bit.
            return n + (high.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + chunks
        .remainder()
        .iter()
        .take_while(|b| b.is_ascii())
        .count()
}

/// Scans the text; returns one diagnostic at the first marker when the text is not Unicode
/// Vietnamese.
pub(crate) fn check(text: &str, loc: &Locator<'_>) -> Option<Diagnostic> {
    // Most texts are ruled out by bounds read without a branch per byte.
    if super::encoding_bound::Bounds::of(text).rule_out_check() {
        return None;
    }
    let Counts {
        viet,
        tcvn,
        moji,
        first_tcvn,
        first_moji,
    } = Counts::of(text);
    let sample = |at: usize| -> (usize, usize, String) {
        let start = crate::span::floor_char_boundary(text, at.saturating_sub(6));
        let end = crate::span::floor_char_boundary(text, (at + 12).min(text.len()));
        let s = text.get(start..end).unwrap_or("").replace('\n', " ");
        (start, end, s)
    };
    if mojibake_fires(moji, viet) {
        let at = first_moji.unwrap_or(0);
        let (s, e, sample) = sample(at);
        return Some(codes::mojibake(loc.span(s, e), sample.trim()));
    }
    if legacy_fires(tcvn, viet) {
        let at = first_tcvn.unwrap_or(0);
        let (s, e, sample) = sample(at);
        return Some(codes::legacy_encoding(
            loc.span(s, e),
            sample.trim(),
            "TCVN3/VNI",
        ));
    }
    None
}

/// The check's threshold for mojibake: frequent markers, rare genuine letters. More markers or
/// fewer letters never turn it off (bounds rely on that).
pub(super) fn mojibake_fires(moji: usize, viet: usize) -> bool {
    moji >= 3 && moji * 2 > viet
}

/// The check's threshold for TCVN3/VNI text, monotone as [`mojibake_fires`].
pub(super) fn legacy_fires(tcvn: usize, viet: usize) -> bool {
    tcvn >= 5 && tcvn > viet * 2
}

/// What the check counts, char by char.
#[derive(Debug, Default)]
pub(super) struct Counts {
    /// Genuine Vietnamese letters (U+1EA0–U+1EF9, ă đ ơ ư ĩ ũ).
    pub viet: usize,
    /// Latin-1 chars TCVN3 text shows.
    pub tcvn: usize,
    /// Continuation-range chars after a lead byte shown as a Latin-1 letter.
    pub moji: usize,
    /// Where the first TCVN3 marker is.
    pub first_tcvn: Option<usize>,
    /// Where the first mojibake pair starts.
    pub first_moji: Option<usize>,
}

impl Counts {
    /// Counts over `text` once.
    pub(super) fn of(text: &str) -> Counts {
        let mut viet = 0usize;
        let mut tcvn = 0usize;
        let mut moji = 0usize;
        let mut first_tcvn: Option<usize> = None;
        let mut first_moji: Option<usize> = None;
        let mut prev: Option<char> = None;
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // ASCII is none of the letters or marks looked for: its run is skipped eight bytes at
            // a time.
            if b.is_ascii() {
                prev = None;
                i += ascii_run_len(bytes.get(i..).unwrap_or_default());
                continue;
            }
            // U+1E80–U+1EFF (E1 BA xx, E1 BB xx), the toned Vietnamese letters: counted from the
            // bytes; none of them is a marker, a lead or a continuation of mojibake.
            if b == 0xE1 {
                if let (Some(&b1 @ (0xBA | 0xBB)), Some(&b2)) = (bytes.get(i + 1), bytes.get(i + 2))
                {
                    let cp = 0x1E00 | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
                    if (0x1EA0..=0x1EF9).contains(&cp) {
                        viet += 1;
                    }
                    prev = None;
                    i += 3;
                    continue;
                }
            }
            let (c, next) = if b < 0xE0 {
                // A two-byte char (â, ê, ô, ă, đ, ơ, ư and the Latin-1 letters), decoded from its
                // bytes: `text` is UTF-8, so a continuation byte follows the lead.
                let b1 = bytes.get(i + 1).copied().unwrap_or(0x80);
                let cp = (u32::from(b & 0x1F) << 6) | u32::from(b1 & 0x3F);
                (
                    char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER),
                    i + 2,
                )
            } else {
                let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                    break;
                };
                (c, i + c.len_utf8())
            };
            if is_viet_letter(c) {
                viet += 1;
            }
            // Mojibake: a lead byte shown as Ã Â Ä Æ á followed by a continuation-range char.
            if let Some(p) = prev {
                let cont = matches!(
                    c,
                    '\u{80}'
                        ..='\u{bf}'
                            | '€'
                            | '‚'
                            | 'ƒ'
                            | '„'
                            | '…'
                            | '†'
                            | '‡'
                            | 'ˆ'
                            | '‰'
                            | 'Š'
                            | '‹'
                            | 'Œ'
                            | 'Ž'
                            | '‘'
                            | '’'
                            | '“'
                            | '”'
                            | '•'
                            | '–'
                            | '—'
                            | '˜'
                            | '™'
                            | 'š'
                            | '›'
                            | 'œ'
                            | 'ž'
                            | 'Ÿ'
                );
                if cont && matches!(p, 'Ã' | 'Â' | 'Ä' | 'Æ' | 'á' | 'Å' | 'Ê' | 'Ë') {
                    moji += 1;
                    first_moji.get_or_insert(i.saturating_sub(p.len_utf8()));
                }
            }
            if is_tcvn3_marker(c) {
                tcvn += 1;
                first_tcvn.get_or_insert(i);
            }
            prev = Some(c);
            i = next;
        }
        Counts {
            viet,
            tcvn,
            moji,
            first_tcvn,
            first_moji,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::LineIndex;

    fn run(t: &str) -> Option<&'static str> {
        let idx = LineIndex::new(t);
        check(t, &Locator::new(&idx)).map(|d| d.code)
    }

    proptest::proptest! {
        /// The word-at-a-time ASCII run equals counting byte by byte.
        #[test]
        fn ascii_run_len_equals_a_byte_count(t in "[ab ờ\\n]{0,40}", skip in 0usize..40) {
            let b = t.as_bytes();
            let b = b.get(skip.min(b.len())..).unwrap_or_default();
            proptest::prop_assert_eq!(
                ascii_run_len(b),
                b.iter().take_while(|c| c.is_ascii()).count()
            );
        }
    }

    #[test]
    fn detects_legacy_and_mojibake() {
        assert_eq!(
            run("KÕ ho¹ch thùc hiÖn NghÞ quyÕt sè 50 cña ChÝnh phñ, Qu¶ng Ng·i"),
            Some("text/legacy-encoding")
        );
        assert_eq!(
            run("Káº¿ hoáº¡ch thá»±c hiá»‡n Nghá»‹ quyáº¿t"),
            Some("text/mojibake")
        );
        assert_eq!(
            run("Kế hoạch thực hiện Nghị quyết số 50/NQ-CP, Quảng Ngãi"),
            None
        );
        assert_eq!(run("Xây dựng kế hoạch GlobalGAP, VietGAP, ISO"), None);
    }
}
