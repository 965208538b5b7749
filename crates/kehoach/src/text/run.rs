//! Where normalization or lowercasing would copy text unchanged: scans thirty-two or eight bytes
//! at a time, one char at a time where they hold anything but plain Vietnamese text.

use super::{is_hspace, is_invisible, is_newline};

/// Where the run of `s` from byte `from` (a char boundary) that normalization would copy
/// unchanged stops: printable ASCII, `\n`, single spaces between two other characters of a line,
/// and non-ASCII characters that are stable NFC starters (neither spaces, line breaks, invisible
/// or control characters, nor combining marks). `line_start`: `from` starts a line (a space there
/// would be dropped). The run may end with a space, or before a combining mark that joins its
/// last character: [`super::Normalized`]'s full pass trims it.
///
/// Eight bytes are read as one word and accepted at once when they hold only printable ASCII,
/// line breaks, single spaces inside a line and the precomposed Latin letters of Vietnamese
/// (see [`plain_word`]); a word holding anything else is read one char at a time by
/// [`char_step`], which decides.
pub(super) fn normal_run(s: &str, from: usize, line_start: bool) -> usize {
    let b = s.as_bytes();
    let mut i = from;
    loop {
        // Thirty-two bytes at a time while they are all plain; the word loop below finds where
        // a chunk that is not stops.
        while VECTOR_SCANS {
            // Past the run's first chunk, the byte before and the byte after each byte are the
            // text's own: the three views are read in place (no copy into a window).
            let plain = if i > from {
                let view = |at: usize| {
                    b.get(at..at + CHUNK)
                        .and_then(|v| <&[u8; CHUNK]>::try_from(v).ok())
                };
                match (view(i - 1), view(i), view(i + 1)) {
                    (Some(prev), Some(bytes), Some(next)) => plain_views(prev, bytes, next),
                    _ => break,
                }
            } else {
                let Some(rest) = b.get(i..i + CHUNK + 1) else {
                    break;
                };
                let prev = if line_start { b'\n' } else { 0 };
                let mut window = [prev; CHUNK + 2];
                if let Some(dst) = window.get_mut(1..) {
                    dst.copy_from_slice(rest);
                }
                plain_chunk(&window)
            };
            if !plain {
                break;
            }
            i += CHUNK;
        }
        while let Some(&[b0, b1, b2, b3, b4, b5, b6, b7, next]) = b.get(i..i + 9) {
            let prev_nl = if i == from {
                line_start
            } else {
                b.get(i - 1) == Some(&b'\n')
            };
            if !plain_word([b0, b1, b2, b3, b4, b5, b6, b7], next, prev_nl) {
                break;
            }
            i += 8;
        }
        // The word may start inside a char whose lead byte an earlier word accepted: back to
        // that lead byte (never before `from`, a char boundary), then char by char past the word.
        let word_end = i + 8;
        while i > from && b.get(i).is_some_and(|&c| c & 0xC0 == 0x80) {
            i -= 1;
        }
        while i < word_end {
            match char_step(s, i, from, line_start) {
                Some(next) => i = next,
                None => return i,
            }
        }
    }
}

/// Whether the target has vector instructions that the compiler uses without a flag (x86-64's
/// SSE2, AArch64's NEON, wasm's simd128 where enabled): the 32-byte chunk scans pay off there.
/// Elsewhere (the wasm package, built without simd128) they would run byte by byte, slower
/// than the eight-byte word scans, which are used alone.
pub(crate) const VECTOR_SCANS: bool = cfg!(any(
    target_arch = "x86_64",
    target_arch = "aarch64",
    target_feature = "simd128"
));

/// Bytes the chunk scans read at once ([`plain_chunk`], [`lowercase_but_ascii_chunk`], the encoding
/// check's bounds).
pub(crate) const CHUNK: usize = 32;

/// A chunk's window seen three times, one byte further each: bytes `0..CHUNK`, `1..=CHUNK` and
/// `2..CHUNK + 2`. Zipped, they give each byte of the first view with the two after it, which
/// the chunk scans compare without a branch.
pub(crate) fn shifted(window: &[u8; CHUNK + 2]) -> [&[u8]; 3] {
    let (first, _) = window.split_at(CHUNK);
    let (second, _) = window.split_at(1).1.split_at(CHUNK);
    let (_, third) = window.split_at(2);
    [first, second, third]
}

/// Whether [`plain_word`] would accept each of the four words of `window[1..=CHUNK]`, given
/// the byte before them (`window[0]`: a line break when they start a line) and the one after
/// (`window[CHUNK + 1]`). The same test written as comparisons of whole bytes with their
/// neighbours, which the compiler turns into vector instructions: no table, no branch.
fn plain_chunk(window: &[u8; CHUNK + 2]) -> bool {
    let [prev, bytes, next] = shifted(window).map(|v| <&[u8; CHUNK]>::try_from(v).ok());
    match (prev, bytes, next) {
        (Some(prev), Some(bytes), Some(next)) => plain_views(prev, bytes, next),
        _ => false,
    }
}

/// [`plain_chunk`] of the bytes `bytes`, each with the byte before it (`prev[k]`) and the byte
/// after it (`next[k]`).
fn plain_views(prev: &[u8; CHUNK], bytes: &[u8; CHUNK], next: &[u8; CHUNK]) -> bool {
    let mut bad = false;
    for ((&b, &p), &n) in bytes.iter().zip(prev).zip(next) {
        let control = (b < 0x20) & (b != b'\n');
        let other = (b == 0x7F) | (b == b'<');
        let lead = (b >= 0xC0) & (b.wrapping_sub(0xC3) > 0xC8 - 0xC3) & (b != 0xE1);
        let space = (b == b' ') & ((n == b' ') | (n == b'\n') | (p == b'\n'));
        let e1 = (b == 0xE1) & (n.wrapping_sub(0xB8) > 0xBB - 0xB8);
        bad |= control | other | lead | space | e1;
    }
    !bad
}

/// Whether every char that starts in `window[..CHUNK]` (given the two bytes after them) is an
/// ASCII capital or its own lowercase: true for bytes that are not lead bytes, and for the leads
/// of lowercase Vietnamese letters: ß–ÿ (C3 9F–BF), ă đ ĩ ũ ơ ư, and ạ … ỹ (E1 BA A0 – E1 BB
/// B9, odd code points). Anything else (a capital outside ASCII, another script) returns
/// false, and the chars decide one by one. Comparisons of whole bytes with their neighbours:
/// vector instructions, no branch.
pub(super) fn lowercase_but_ascii_chunk(window: &[u8; CHUNK + 2]) -> bool {
    let [bytes, next, next2] = shifted(window);
    let mut bad = false;
    for ((&b, &n), &n2) in bytes.iter().zip(next).zip(next2) {
        let latin1 = (b == 0xC3) & (n >= 0x9F);
        let extended_a = ((b == 0xC4) & ((n == 0x83) | (n == 0x91) | (n == 0xA9)))
            | ((b == 0xC5) & (n == 0xA9))
            | ((b == 0xC6) & ((n == 0xA1) | (n == 0xB0)));
        let toned = (b == 0xE1)
            & (((n == 0xBA) & (n2 >= 0xA0)) | ((n == 0xBB) & (n2 <= 0xB9)))
            & (n2 & 1 == 1);
        bad |= (b >= 0xC0) & !(latin1 | extended_a | toned);
    }
    !bad
}

/// The low bit of each byte lane of a little-endian word.
pub(crate) const LANES: u64 = 0x0101_0101_0101_0101;

/// The classes `table` gives eight bytes, one per lane of a little-endian word (the first byte
/// in the lowest): what the word-at-a-time scans check together, with shifts for neighbours,
/// instead of a branch per byte.
pub(crate) fn class_lanes(table: &[u8; 256], bytes: [u8; 8]) -> u64 {
    u64::from_le_bytes(bytes.map(|b| table.get(usize::from(b)).copied().unwrap_or(0)))
}

/// [`BYTE_CLASS`] bits: a byte [`plain_word`] never accepts…
const BAD: u8 = 0x01;
/// …a space…
const SPACE: u8 = 0x02;
/// …a line break…
const NEWLINE: u8 = 0x04;
/// …the lead byte E1 (U+1000–U+1FFF)…
const E1: u8 = 0x08;
/// …and B8–BB, the second byte of U+1E00–U+1EFF after E1.
const TONED: u8 = 0x10;

/// What [`plain_word`] needs to know of each byte. Bad: ASCII controls but `\n`, DEL, `<`, and
/// the lead bytes other than C3–C8 (U+00C0–U+023F: Latin-1 Supplement to Latin Extended-B) and
/// E1; printable ASCII, continuation bytes and those leads carry no bit but their own.
#[allow(clippy::indexing_slicing)] // evaluated at compile time: an index out of range fails the build
const BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 0x20 {
        t[c] = BAD;
        c += 1;
    }
    t[b'\n' as usize] = NEWLINE;
    t[b' ' as usize] = SPACE;
    t[0x7F] = BAD;
    t[b'<' as usize] = BAD;
    let mut c = 0xB8;
    while c <= 0xBB {
        t[c] = TONED;
        c += 1;
    }
    let mut c = 0xC0;
    while c <= 0xFF {
        if !(c >= 0xC3 && c <= 0xC8) && c != 0xE1 {
            t[c] = BAD;
        }
        c += 1;
    }
    t[0xE1] = E1;
    t
};

/// Whether [`char_step`] would accept all eight `bytes`, given the byte after them (`next`) and
/// whether the byte before them is a line break or the start of a line (`prev_nl`). True only
/// for printable ASCII but `<`, `\n`, spaces with neither a line break before them nor a space or
/// line break after them, UTF-8 continuation bytes, the lead bytes C3–C8 and E1 followed by
/// B8–BB (U+1E00–U+1EFF: Latin Extended Additional, the toned vowels). The input is valid UTF-8,
/// so a continuation byte belongs to the lead byte before it, accepted in this word or an
/// earlier one. Anything else (other leads, controls, `<`, a space at a line's edge) returns
/// false, and the chars decide one by one. No branch per byte: the bytes' classes are read
/// from a table into the lanes of one word and checked together, their neighbours by shifts.
fn plain_word(bytes: [u8; 8], next: u8, prev_nl: bool) -> bool {
    let class = |b: u8| BYTE_CLASS.get(usize::from(b)).copied().unwrap_or(BAD);
    let lanes = class_lanes(&BYTE_CLASS, bytes);
    let after = u64::from(class(next)) << 56;
    // Each check ends on the lanes' SPACE bit.
    let space = lanes & (LANES * u64::from(SPACE));
    let newline = (lanes >> 1) & (LANES * u64::from(SPACE));
    // The next lane's bits; for the last lane, those of `next`.
    let next_lanes = (lanes >> 8) | after;
    let break_after = next_lanes | (next_lanes >> 1);
    let newline_before = (newline << 8) | (u64::from(prev_nl) << 1);
    let bad_space = space & (break_after | newline_before);
    let e1 = lanes >> 2;
    let bad_e1 = e1 & !(next_lanes >> 3) & (LANES * u64::from(SPACE));
    (lanes & (LANES * u64::from(BAD))) | bad_space | bad_e1 == 0
}

/// The char at byte `i` of `s` (a char boundary): the byte after it when normalization copies it
/// unchanged there, `None` when the run stops at `i` (see [`normal_run`]; `from` and
/// `line_start` are its arguments). The precomposed Latin letters of Vietnamese are recognized
/// from their UTF-8 lead bytes without decoding.
fn char_step(s: &str, i: usize, from: usize, line_start: bool) -> Option<usize> {
    let b = s.as_bytes();
    let c = *b.get(i)?;
    // The common bytes first: printable ASCII but '<' and ' ', and the lead bytes of
    // U+00C0–U+023F (C3–C8: Latin-1 to Latin Extended-B, stable starters, see
    // `is_stable_starter`) skip by the table.
    let step = RUN_STEP.get(usize::from(c)).copied().unwrap_or(0);
    match step {
        1 | 2 => return Some(i + usize::from(step)),
        // E1 B8–BB: U+1E00–U+1EFF, Latin Extended Additional (the toned vowels).
        3 if matches!(b.get(i + 1), Some(0xB8..=0xBB)) => return Some(i + 3),
        // A space: one, neither first nor last on its line.
        4 => {
            let first = if i == from {
                line_start
            } else {
                b.get(i - 1) == Some(&b'\n')
            };
            if first || matches!(b.get(i + 1), None | Some(b' ' | b'\n')) {
                return None;
            }
            return Some(i + 1);
        }
        _ => {}
    }
    let len = match c {
        b'<' => {
            if matches!(b.get(i + 1), Some(b'b' | b'B')) {
                return None;
            }
            1
        }
        b'\n' => 1,
        // U+0240–U+024F (C9 80–8F): the end of Latin Extended-B.
        0xC9 if matches!(b.get(i + 1), Some(0x80..=0x8F)) => 2,
        0x80.. => {
            let ch = s.get(i..).and_then(|r| r.chars().next())?;
            let kept = !(is_hspace(ch) || is_invisible(ch) || is_newline(ch) || ch.is_control())
                && crate::nfc::lone_is_nfc(ch);
            if !kept {
                return None;
            }
            ch.len_utf8()
        }
        _ => return None,
    };
    Some(i + len)
}

/// How [`char_step`] reads a byte: printable ASCII but '<' and lead bytes C3–C8 are stepped
/// over (1, 2), E1 (3) and ' ' (4) are checked at once, the rest (0) is decoded.
#[allow(clippy::indexing_slicing)] // evaluated at compile time: an index out of range fails the build
const RUN_STEP: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0x21;
    while c <= 0x7E {
        t[c] = 1;
        c += 1;
    }
    t[b'<' as usize] = 0;
    t[b' ' as usize] = 4;
    t[0xE1] = 3;
    let mut c = 0xC3;
    while c <= 0xC8 {
        t[c] = 2;
        c += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The run read one char at a time only: what [`normal_run`] must equal.
    fn run_char_by_char(s: &str, from: usize, line_start: bool) -> usize {
        let mut i = from;
        while let Some(next) = char_step(s, i, from, line_start) {
            i = next;
        }
        i
    }

    #[test]
    fn plain_words_and_what_stops_them() {
        let plain = |s: &str, next: u8, prev_nl: bool| {
            assert_eq!(s.len(), 8, "{s:?}");
            let bytes: [u8; 8] = s.as_bytes().try_into().unwrap_or([0; 8]);
            plain_word(bytes, next, prev_nl)
        };
        assert!(plain("Sở Nam", b' ', false)); // "ở": E1 BB 9F
        assert!(plain("đi và ", b'b', true)); // "đ": C4 91, "à": C3 A0
        assert!(plain("ban,\nđi", b'x', false));
        assert!(!plain("ban, \nxy", b'x', false)); // a space before a line break
        assert!(!plain(" ban, xy", b'x', true)); // a space at a line's start
        assert!(plain(" ban, xy", b'x', false));
        assert!(!plain("ban, xy ", b' ', false)); // two spaces
        assert!(!plain("ban, xy ", b'\n', false));
        assert!(!plain("ban,\n xy", b'x', false));
        assert!(!plain("a\u{a0}bcdef", b'x', false)); // NBSP: C2 A0
        assert!(!plain("ab\tcdefg", b'x', false));
        assert!(!plain("ab\rcdefg", b'x', false));
        assert!(!plain("ab<cdefg", b'x', false));
        assert!(!plain("ab“cde", b'x', false)); // E2 80 9C: decoded by the char step
        assert!(!plain("abcdefg\u{7f}", b'x', false));
        let cut = [b'a', b'b', b'c', b'd', b'e', b'f', b'g', 0xE1]; // E1 in the last lane
        assert!(plain_word(cut, 0xBB, false));
        assert!(!plain_word(cut, 0xBC, false));
        let other = [b'a', b'b', b'c', b'd', b'e', 0xE1, 0xBC, 0x80]; // U+1F00
        assert!(!plain_word(other, b'x', false));
    }

    #[test]
    fn runs_stop_where_char_by_char_stops() {
        let s = "Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan.\nNăm 2021  và những năm";
        assert_eq!(normal_run(s, 0, true), s.find("  ").unwrap_or(0));
        let s = "Sở Tài chính chủ trì\u{a0}thực hiện";
        assert_eq!(normal_run(s, 0, true), s.find('\u{a0}').unwrap_or(0));
        // From inside a line: a space at `from` is kept unless `from` starts a line.
        let s = " và Sở Y tế, Sở Giáo dục";
        assert_eq!(normal_run(s, 0, false), s.len());
        assert_eq!(normal_run(s, 0, true), 0);
    }

    /// [`normal_run`] of the concatenated `parts`, from the start of their `skip`-th char,
    /// equals [`run_char_by_char`].
    fn same_as_char_by_char(
        parts: &[&str],
        skip: usize,
        line_start: bool,
    ) -> Result<(), TestCaseError> {
        let s: String = parts.concat();
        let from = s
            .char_indices()
            .map(|(k, _)| k)
            .nth(skip)
            .unwrap_or(s.len());
        prop_assert_eq!(
            normal_run(&s, from, line_start),
            run_char_by_char(&s, from, line_start)
        );
        Ok(())
    }

    proptest! {
        #[test]
        fn word_at_a_time_equals_char_by_char(
            parts in proptest::collection::vec(prop_oneof![
                Just("a"), Just("Z"), Just(" "), Just("\n"), Just("<"), Just("b"), Just("ở"),
                Just("đ"), Just("à"), Just("Ḁ"), Just("ỹ"), Just("ἀ"), Just("“"), Just("\u{a0}"),
                Just("\t"), Just("\r"), Just("\u{301}"), Just("ɀ"), Just("\u{7f}"), Just("\u{200b}"),
                Just("𝐀"), Just("ε"), Just("\u{0}"), Just("Sở Nội vụ "), Just("các cấp"),
            ], 0..60),
            skip in 0usize..60,
            line_start: bool,
        ) {
            same_as_char_by_char(&parts, skip, line_start)?;
        }

        /// Long plain stretches with a rare stop: runs of several chunks (each read in place,
        /// with the text's own byte before and after it), stopped anywhere in a chunk, at its
        /// edges, by a space before or after a line break or by a toned letter cut at the edge.
        #[test]
        fn chunks_read_in_place_equal_char_by_char(
            parts in proptest::collection::vec(prop_oneof![
                20 => Just("Sở Nội vụ "), 20 => Just("các cấp"), 10 => Just("a"), 6 => Just("\n"),
                6 => Just("ở"), 3 => Just(" "), 1 => Just("\u{a0}"), 1 => Just("\t"),
                1 => Just("\u{301}"), 1 => Just("ἀ"), 1 => Just("<"),
            ], 0..120),
            skip in 0usize..40,
            line_start: bool,
        ) {
            same_as_char_by_char(&parts, skip, line_start)?;
        }
    }
}
