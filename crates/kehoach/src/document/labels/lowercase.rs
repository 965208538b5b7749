//! The lowercase start of a line, and its byte-wise comparison with labels: every line of a
//! plan that may start with a label is lowercased this far and compared, without allocating.

use crate::text::Case as _;

/// Chars of a line lowercased for label matching (labels are short; this keeps matching linear).
pub(super) const PREFIX_CHARS: usize = 48;
/// Room for [`PREFIX_CHARS`] lowercased chars: a char's lowercase has at most 4 bytes ("İ",
/// the only char that lowercases to two, has 3; a test checks every char). Every call zeroes
/// a buffer this long: at 12 bytes a char, zeroing took half as long as lowercasing.
pub(crate) const PREFIX_BYTES: usize = PREFIX_CHARS * 4;

/// Lowercase of the first [`PREFIX_CHARS`] chars of `s`, written into `buf` (every line of a
/// plan is matched: a `String` per line was a temporary allocation per line).
#[cfg(test)]
pub(super) fn prefix_lower<'b>(s: &str, buf: &'b mut [u8; PREFIX_BYTES]) -> &'b str {
    std::str::from_utf8(prefix_lower_n(s, PREFIX_CHARS, buf)).unwrap_or_default()
}

/// `s.starts_with(p)` on bytes, eight at a time from the front and without a call to `memcmp`:
/// every label line is tested against every label, and labels share long beginnings ("cơ quan
/// chủ trì", "thời gian"), which a two-byte test let through to `memcmp` one by one.
pub(crate) fn has_prefix(s: &[u8], p: &str) -> bool {
    let p = p.as_bytes();
    let Some(s) = s.get(..p.len()) else {
        return false;
    };
    // Most misses differ in the first two bytes.
    if s.get(..2) != p.get(..2) {
        return false;
    }
    let word = |b: &[u8]| {
        let mut w = [0u8; 8];
        if let Some(dst) = w.get_mut(..b.len()) {
            dst.copy_from_slice(b);
        }
        u64::from_ne_bytes(w)
    };
    let (mut a, mut b) = (s.chunks_exact(8), p.chunks_exact(8));
    for (x, y) in (&mut a).zip(&mut b) {
        if word(x) != word(y) {
            return false;
        }
    }
    word(a.remainder()) == word(b.remainder())
}

/// [`prefix_lower`] of the first `n` (at most [`PREFIX_CHARS`]) chars, as UTF-8 bytes (compared
/// by [`has_prefix`]: no validation of what was just encoded).
pub(crate) fn prefix_lower_n<'b>(s: &str, n: usize, buf: &'b mut [u8; PREFIX_BYTES]) -> &'b [u8] {
    prefix_lower_kept(s, n, buf).0
}

/// [`prefix_lower_n`], and whether every char's lowercase has the char's length in bytes (the
/// letters of Vietnamese text do): then a lowercase prefix of `b` bytes is the lowercase of
/// `s[..b]`, found without counting chars. Always `false` in the wasm package.
pub(crate) fn prefix_lower_kept<'b>(
    s: &str,
    n: usize,
    buf: &'b mut [u8; PREFIX_BYTES],
) -> (&'b [u8], bool) {
    let bytes = s.as_bytes();
    let (mut i, mut len) = (0, 0);
    // The wasm package never tells: the shortcut cost its first-render module 54 bytes, over
    // its ceiling, and a constant `false` costs none.
    let mut kept = !cfg!(target_arch = "wasm32");
    for _ in 0..n.min(PREFIX_CHARS) {
        let Some(&b) = bytes.get(i) else { break };
        // ASCII (spaces, most consonants) from its byte.
        if b.is_ascii() {
            let Some(slot) = buf.get_mut(len) else { break };
            *slot = b.to_ascii_lowercase();
            len += 1;
            i += 1;
            continue;
        }
        // Ạ ạ … Ỹ ỹ (U+1EA0–U+1EF9, bytes E1 BA xx and E1 BB xx): the lowercase is the odd code
        // point, which sets the last byte's lowest bit; copied without decoding.
        if let [0xE1, b1 @ (0xBA | 0xBB), b2, ..] = *bytes.get(i..).unwrap_or_default() {
            if (b1 == 0xBA && b2 >= 0xA0) || (b1 == 0xBB && b2 <= 0xB9) {
                let Some(slot) = buf.get_mut(len..len + 3) else {
                    break;
                };
                slot.copy_from_slice(&[0xE1, b1, b2 | 1]);
                len += 3;
                i += 3;
                continue;
            }
        }
        // À–ỹ's two-byte letters (â ê ô ă đ ơ ư, the Latin-1 ones, U+00C0–U+01BF): decoded
        // from their two bytes, and their lowercase has two bytes too.
        if let [b0 @ 0xC3..=0xC6, b1, ..] = *bytes.get(i..).unwrap_or_default() {
            let cp = (u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F);
            if let Some(l) = char::from_u32(cp).and_then(crate::text::vietnamese_lower) {
                let l = l as u32;
                let Some(slot) = buf.get_mut(len..len + 2) else {
                    break;
                };
                // `l` is below U+0800 (the map stays within U+00C0–U+01BF).
                slot.copy_from_slice(&[0xC0 | (l >> 6) as u8, 0x80 | (l & 0x3F) as u8]);
                len += 2;
                i += 2;
                continue;
            }
        }
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        let before = len;
        // The Vietnamese letters without the general case mapping.
        if let Some(l) = crate::text::vietnamese_lower(c) {
            let Some(slot) = buf.get_mut(len..len + l.len_utf8()) else {
                break;
            };
            len += l.encode_utf8(slot).len();
        } else {
            for l in c.to_lower() {
                let Some(slot) = buf.get_mut(len..len + l.len_utf8()) else {
                    return (buf.get(..len).unwrap_or_default(), false);
                };
                len += l.encode_utf8(slot).len();
            }
        }
        kept &= len - before == c.len_utf8();
    }
    (buf.get(..len).unwrap_or_default(), kept)
}
