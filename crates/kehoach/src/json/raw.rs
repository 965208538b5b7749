//! What the JSON writer appends without escaping: runs with nothing to escape, numbers, a
//! compact span composed on the stack.

/// The length of the longest prefix of whole 8-byte words with no byte to escape (`"`, `\\`,
/// or below 0x20), or the whole length when the last bytes (fewer than eight) have none either:
/// most strings end clean, and are then copied whole without a test of each of their last
/// bytes.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn clean_prefix(bytes: &[u8]) -> usize {
    // Where the target has vector instructions, whole blocks first: a text's paragraphs and
    // messages are mostly longer than one.
    let mut n = 0;
    if crate::text::VECTOR_SCANS {
        while let Some(block) = bytes
            .get(n..n + BLOCK)
            .and_then(|b| <&[u8; BLOCK]>::try_from(b).ok())
        {
            if !clean_block(block) {
                break;
            }
            n += BLOCK;
        }
    }
    n + clean_prefix_words(bytes.get(n..).unwrap_or_default())
}

/// Bytes [`clean_block`] tests at once.
#[cfg(not(target_arch = "wasm32"))]
const BLOCK: usize = 32;

/// Whether no byte of `block` needs an escape: comparisons of whole bytes, which the compiler
/// turns into vector instructions (no branch per byte or word).
#[cfg(not(target_arch = "wasm32"))]
fn clean_block<const N: usize>(block: &[u8; N]) -> bool {
    let mut bad = false;
    for &b in block {
        bad |= (b < 0x20) | (b == b'"') | (b == b'\\');
    }
    !bad
}

/// Whether no byte of `bytes` needs an escape (the common case, tested before [`clean_prefix`]
/// looks for where the first escape is): blocks of a size fixed by the length's range, the last
/// one overlapping the one before, so that a string is read in a few vector tests with no
/// branch on its bytes and no test of its last bytes one by one.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn all_clean(bytes: &[u8]) -> bool {
    fn at<const N: usize>(bytes: &[u8], i: usize) -> bool {
        bytes
            .get(i..i + N)
            .and_then(|b| <&[u8; N]>::try_from(b).ok())
            .is_none_or(clean_block)
    }
    let n = bytes.len();
    if n >= 32 {
        let mut i = 0;
        while i + 32 < n {
            if !at::<32>(bytes, i) {
                return false;
            }
            i += 32;
        }
        at::<32>(bytes, n - 32)
    } else if n >= 16 {
        at::<16>(bytes, 0) & at::<16>(bytes, n - 16)
    } else if n >= 8 {
        at::<8>(bytes, 0) & at::<8>(bytes, n - 8)
    } else if n >= 4 {
        at::<4>(bytes, 0) & at::<4>(bytes, n - 4)
    } else {
        bytes.iter().all(|&b| b >= 0x20 && b != b'"' && b != b'\\')
    }
}

/// [`clean_prefix`] eight bytes at a time.
#[cfg(not(target_arch = "wasm32"))]
fn clean_prefix_words(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if escapes(u64::from_le_bytes(word)) != 0 {
            return n;
        }
        n += 8;
    }
    // The last bytes, padded with a letter.
    let tail = chunks.remainder();
    let mut word = [b'a'; 8];
    if let Some(dst) = word.get_mut(..tail.len()) {
        dst.copy_from_slice(tail);
    }
    if escapes(u64::from_le_bytes(word)) == 0 {
        bytes.len()
    } else {
        n
    }
}

/// The length of the longest prefix of whole 8-byte words with no byte to escape (the wasm
/// package tests the last bytes one by one: the test of the padded last word cost its first
/// render 187 bytes).
#[cfg(target_arch = "wasm32")]
pub(super) fn clean_prefix(bytes: &[u8]) -> usize {
    let mut n = 0;
    for chunk in bytes.chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if escapes(u64::from_le_bytes(word)) != 0 {
            break;
        }
        n += 8;
    }
    n
}

/// The high bit of each byte of `v` that needs an escape: below 0x20, `"` or `\\`.
fn escapes(v: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    (v.wrapping_sub(ONES * 0x20) & !v & HIGH)
        | zero_byte(v ^ (ONES * u64::from(b'"')))
        | zero_byte(v ^ (ONES * u64::from(b'\\')))
}

/// ASCII composed on the stack and appended at once: a compact span's text in the wasm package
/// (4 keys of 29 bytes, braces and commas 5, four `u32`s ≤ 40), whose module is smaller with
/// it than with the pieces written natively ([`push_decimal`]'s table).
#[cfg(any(target_arch = "wasm32", test))]
pub(super) struct AsciiBuf<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

/// A line break and the indentation of 31 levels (two spaces each), sliced to a depth.
pub(super) const INDENT: &str = "\n                                                              ";
/// A comma, then [`INDENT`]: what separates two elements of a pretty object or array.
#[cfg(not(target_arch = "wasm32"))]
pub(super) const SEP_INDENT: &str =
    ",\n                                                              ";
/// How many bytes of [`INDENT`] or [`SEP_INDENT`] are copied at once ([`push_head`]): the
/// indentation of fifteen levels.
#[cfg(not(target_arch = "wasm32"))]
pub(super) const INDENT_WIDTH: usize = 32;

#[cfg(any(target_arch = "wasm32", test))]
impl<const N: usize> Default for AsciiBuf<N> {
    fn default() -> Self {
        AsciiBuf {
            bytes: [0; N],
            len: 0,
        }
    }
}

#[cfg(any(target_arch = "wasm32", test))]
impl<const N: usize> AsciiBuf<N> {
    pub(super) fn push(&mut self, s: &[u8]) {
        let end = self.len + s.len();
        if let Some(dst) = self.bytes.get_mut(self.len..end) {
            dst.copy_from_slice(s);
            self.len = end;
        }
    }

    /// Appends the decimal digits of `n`, written in place.
    pub(super) fn number(&mut self, n: u32) {
        // The digit count without a division per digit.
        let digits = n.checked_ilog10().map_or(1, |l| l as usize + 1);
        let end = self.len + digits;
        if let Some(dst) = self.bytes.get_mut(self.len..end) {
            let mut n = n;
            for d in dst.iter_mut().rev() {
                *d = b'0' + (n % 10) as u8;
                n /= 10;
            }
            self.len = end;
        }
    }

    pub(super) fn as_str(&self) -> &str {
        // Only ASCII is pushed: the check passes on the fast path.
        std::str::from_utf8(self.bytes.get(..self.len).unwrap_or(&[])).unwrap_or("")
    }
}

/// "000", "001", … "999": the three digits of each number below a thousand.
#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::indexing_slicing)] // evaluated at compile time: an index out of range fails the build
const TRIPLES: &str = {
    const BYTES: [u8; 3000] = {
        let mut t = [0u8; 3000];
        let mut n = 0;
        while n < 1000 {
            t[3 * n] = b'0' + (n / 100) as u8;
            t[3 * n + 1] = b'0' + (n / 10 % 10) as u8;
            t[3 * n + 2] = b'0' + (n % 10) as u8;
            n += 1;
        }
        t
    };
    // A constant's initializer: this `panic!` can only fail the build, never a running program.
    match std::str::from_utf8(&BYTES) {
        Ok(s) => s,
        Err(_) => panic!("digits are ASCII"),
    }
};

/// [`LEADS`]' entry width: a number below 1000 left-aligned, padded with spaces.
#[cfg(not(target_arch = "wasm32"))]
const LEAD_WIDTH: usize = 4;

/// The digits of each number below 1000 without leading zeros, left-aligned in four bytes and
/// padded with spaces ("7   ", "42  ", "123 "): a number's first group is appended as four
/// fixed bytes and cut to its length ([`push_head`]).
#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::indexing_slicing)] // evaluated at compile time: an index out of range fails the build
const LEADS: &str = {
    const BYTES: [u8; 1000 * LEAD_WIDTH] = {
        let mut t = [b' '; 1000 * LEAD_WIDTH];
        let mut n = 0;
        while n < 1000 {
            let at = LEAD_WIDTH * n;
            let digits = [(n / 100) as u8, (n / 10 % 10) as u8, (n % 10) as u8];
            let skip = (n < 100) as usize + (n < 10) as usize;
            let mut i = skip;
            while i < 3 {
                t[at + i - skip] = b'0' + digits[i];
                i += 1;
            }
            n += 1;
        }
        t
    };
    // A constant's initializer: this `panic!` can only fail the build, never a running program.
    match std::str::from_utf8(&BYTES) {
        Ok(s) => s,
        Err(_) => panic!("digits are ASCII"),
    }
};

/// Appends the first `len` bytes of `padded`, an ASCII text of at least `W` bytes (else, or
/// when `len > W`, as a plain copy): `W` fixed bytes copied and the string cut back to `len`.
/// A copy of a constant size is a few moves; a short copy of a variable one is a call to
/// `memcpy` (the pretty JSON's separators and indentation, a number's first digits).
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
pub(super) fn push_head<const W: usize>(out: &mut String, padded: &str, len: usize) {
    match padded.get(..W) {
        Some(chunk) if len <= W => {
            let end = out.len() + len;
            out.push_str(chunk);
            // `end` is on a char boundary: `chunk` is ASCII.
            out.truncate(end);
        }
        _ => out.push_str(padded.get(..len).unwrap_or(padded)),
    }
}

/// Appends `k` (below 1000) without leading zeros.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn push_lead(out: &mut String, k: u32) {
    let at = LEAD_WIDTH * k as usize;
    let digits = 1 + usize::from(k >= 10) + usize::from(k >= 100);
    push_head::<LEAD_WIDTH>(out, LEADS.get(at..).unwrap_or("0   "), digits);
}

/// Appends the decimal digits of `n`: three at a time, the first group from [`LEADS`], the
/// others as slices of [`TRIPLES`] (no division per digit, no buffer to check as UTF-8, no
/// copy of a variable length).
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn push_decimal(out: &mut String, n: u32) {
    let triple = |k: u32| {
        let at = 3 * k as usize;
        TRIPLES.get(at..at + 3).unwrap_or("000")
    };
    if n < 1000 {
        push_lead(out, n);
    } else if n < 1_000_000 {
        push_lead(out, n / 1000);
        out.push_str(triple(n % 1000));
    } else if n < 1_000_000_000 {
        push_lead(out, n / 1_000_000);
        out.push_str(triple(n / 1000 % 1000));
        out.push_str(triple(n % 1000));
    } else {
        push_lead(out, n / 1_000_000_000);
        out.push_str(triple(n / 1_000_000 % 1000));
        out.push_str(triple(n / 1000 % 1000));
        out.push_str(triple(n % 1000));
    }
}

/// The decimal digits of `n`, written at the end of `buf` (20 bytes hold `u64::MAX`).
fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        if let Some(d) = buf.get_mut(i) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    buf.get(i..).unwrap_or(&[])
}

pub(super) fn push_u64(out: &mut String, n: u64) {
    let mut buf = [0u8; 20];
    out.extend(decimal(n, &mut buf).iter().map(|&d| char::from(d)));
}

/// What `serde_json` writes for a float: `ryu`'s shortest round-trip form (through
/// `serde_json::Number`, whose `Display` is that), `null` for NaN and infinities. No serializer
/// is instantiated, and no `{:e}` formatting (14 KB of wasm).
pub(super) fn push_f64(out: &mut String, v: f64) {
    use std::fmt::Write as _;
    match serde_json::Number::from_f64(v) {
        Some(n) => {
            let _ = write!(out, "{n}");
        }
        None => out.push_str("null"),
    }
}

#[cfg(test)]
mod decimal_tests {
    use super::*;

    #[test]
    fn digits_equal_display_at_every_width() {
        // Every width, each side of every power of ten (the groups of three), and zeros inside
        // groups.
        let mut values = vec![
            0,
            7,
            42,
            1_005,
            12_034_056,
            1_000_000_007,
            u64::MAX,
            u64::from(u32::MAX),
        ];
        let mut p = 1u64;
        while let Some(next) = p.checked_mul(10) {
            values.extend([p - 1, p, p + 1]);
            p = next;
        }
        for n in values {
            let mut buf = [0u8; 20];
            assert_eq!(decimal(n, &mut buf), n.to_string().as_bytes(), "{n}");
            let mut out = String::from("x");
            push_u64(&mut out, n);
            assert_eq!(out, format!("x{n}"));
            if let Ok(small) = u32::try_from(n) {
                let mut out = String::from("x");
                push_decimal(&mut out, small);
                assert_eq!(out, format!("x{n}"));
                let mut a = AsciiBuf::<80>::default();
                a.push(b"[");
                a.number(small);
                assert_eq!(a.as_str(), format!("[{small}"));
            }
        }
    }

    /// Every first group (below 1000) and a number starting with each: the left-aligned table
    /// and its cut give the digits and nothing after them.
    #[test]
    fn every_first_group_is_written_without_padding() {
        for k in 0..1000u32 {
            for n in [k, k * 1000 + 5, k * 1_000_000 + 60_007] {
                let mut out = String::from("ạ");
                push_decimal(&mut out, n);
                out.push('|');
                assert_eq!(out, format!("ạ{n}|"));
            }
        }
    }

    /// A head of every length up to past the fixed width, after text with multi-byte chars.
    #[test]
    fn heads_of_every_length_are_the_prefix() {
        let padded = SEP_INDENT;
        for len in 0..=padded.len() {
            let mut four = String::from("Sở");
            push_head::<4>(&mut four, padded, len);
            let mut wide = String::from("Sở");
            push_head::<INDENT_WIDTH>(&mut wide, padded, len);
            let want = format!("Sở{}", &padded[..len]);
            assert_eq!(
                (four.as_str(), wide.as_str()),
                (want.as_str(), want.as_str()),
                "{len}"
            );
        }
        // Shorter than the width: copied as it is.
        let mut out = String::new();
        push_head::<INDENT_WIDTH>(&mut out, ",\n  ", 3);
        assert_eq!(out, ",\n ");
    }

    /// A string is all clean exactly when no byte needs an escape: at every length to past
    /// three blocks, with one byte to escape at each position (the overlapping windows of each
    /// length class reach every byte), and with none.
    #[test]
    fn all_clean_is_no_byte_to_escape() {
        for n in 0..=100 {
            let clean: Vec<u8> = (0..n).map(|i| b"a\xe1\xba\xbf ~"[i % 6]).collect();
            assert!(all_clean(&clean), "{n}");
            for at in 0..n {
                for bad in [b'"', b'\\', b'\n', 0x00, 0x1f] {
                    let mut b = clean.clone();
                    b[at] = bad;
                    assert!(!all_clean(&b), "{n} {at} {bad}");
                }
            }
        }
    }

    /// The clean prefix is clean, and ends within eight bytes of the first byte to escape, or
    /// is the whole text (also where the text's last bytes are fewer than eight).
    #[test]
    fn clean_prefixes_stop_before_the_first_escape() {
        let special = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
        // Past the 32-byte blocks: an escape in the first, second or third block, at its first
        // or last byte, and none at all over several blocks.
        let long: Vec<String> = [(31, "\""), (32, "\\"), (63, "\n"), (64, "\u{1f}"), (70, "")]
            .iter()
            .flat_map(|&(at, esc)| {
                [
                    format!("{}{esc}{}", "a".repeat(at), "b".repeat(40)),
                    format!("{}{esc}", "ạ".repeat(at / 3)),
                ]
            })
            .collect();
        for text in long
            .iter()
            .map(String::as_str)
            .chain(["x".repeat(100).as_str()])
        {
            check(text, special);
        }
        fn check(text: &str, special: impl Fn(u8) -> bool) {
            let b = text.as_bytes();
            let n = clean_prefix(b);
            match b.iter().position(|&c| special(c)) {
                None => assert_eq!(n, b.len(), "{text:?}"),
                Some(f) => assert!(n <= f && f < n + 8 && n % 8 == 0, "{text:?}: {n} {f}"),
            }
        }
        for text in [
            "",
            "a",
            "Sở Y tế",
            "Kế hoạch số 66/KH-UBND",
            "1234567\"",
            "12345678\"",
            "a\\b",
            "xxxxxxxxxxxxxxxx\n",
            "đơn vị\t",
            "\u{1f}",
        ] {
            let b = text.as_bytes();
            let n = clean_prefix(b);
            let first = b.iter().position(|&c| special(c));
            match first {
                None => assert_eq!(n, b.len(), "{text:?}"),
                Some(f) => assert!(n <= f && f < n + 8 && n % 8 == 0, "{text:?}: {n} {f}"),
            }
        }
    }
}
