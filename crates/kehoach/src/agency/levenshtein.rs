//! The bounded edit distance behind the registry's suggestions for unknown names.

/// The Levenshtein distance (in chars) of `a` and `b` when it is at most `max`, else `None`.
/// Banded: a cell `(i, j)` with `|i - j| > max` is more than `max`, so a row computes only the
/// `2 max + 1` cells around its diagonal; values are capped at `max + 1` (capping commutes
/// with the recurrence's `min` and `+`, so every value up to `max` is exact). Stops as soon as
/// a whole row exceeds `max` (the row minimum never decreases). `rows` are reused buffers.
pub(crate) fn levenshtein_within(
    a: &str,
    b: &[char],
    max: usize,
    rows: &mut (Vec<usize>, Vec<usize>),
) -> Option<usize> {
    let n = b.len();
    let big = max.saturating_add(1);
    let (prev, cur) = rows;
    // Row 0 is `j`; a cell never written reads as `big` (outside every band so far: row `i`
    // reads columns up to `i + max`, which rows before it did not write).
    prev.clear();
    prev.extend((0..=n).map(|j| j.min(big)));
    cur.clear();
    cur.resize(n + 1, big);
    for (row, ca) in a.chars().enumerate() {
        let i = row + 1;
        let (lo, hi) = (i.saturating_sub(max).max(1), i.saturating_add(max).min(n));
        let first = i.min(big);
        if let Some(c) = cur.first_mut() {
            *c = first;
        }
        // The cell left of the band: column 0, or outside the band (more than `max`).
        let mut left = if lo == 1 { first } else { big };
        let mut row_min = left;
        for j in lo..=hi {
            let (Some(&diag), Some(&up), Some(&cb)) = (prev.get(j - 1), prev.get(j), b.get(j - 1))
            else {
                break;
            };
            let v = (diag + usize::from(ca != cb))
                .min(up + 1)
                .min(left + 1)
                .min(big);
            if let Some(c) = cur.get_mut(j) {
                *c = v;
            }
            row_min = row_min.min(v);
            left = v;
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(prev, cur);
    }
    prev.get(n).copied().filter(|&d| d <= max)
}

/// The set of chars of `s` as 64 bits (a–z, 0–9 and space each their own bit, the other chars
/// sharing the rest). An edit adds or removes at most one char of each string's set, so the
/// distance of `a` and `b` is at least half the bits in which their signatures differ: a
/// candidate whose signature differs in more than `2 max` bits is farther than `max`, known
/// without its table.
pub(crate) fn char_set_signature(s: &str) -> u64 {
    s.chars().fold(0u64, |m, c| {
        let bit = match c {
            'a'..='z' => u32::from(c) - u32::from('a'),
            '0'..='9' => 26 + u32::from(c) - u32::from('0'),
            ' ' => 36,
            _ => 37 + u32::from(c) % 27,
        };
        m | (1u64 << bit)
    })
}

/// The set of adjacent char pairs of `s` hashed into 64 bits (one bit a pair). An edit
/// removes at most two pairs and adds at most two, so two strings `d` edits apart differ in at
/// most `4 d` pairs, and each signature bit that differs stands for a pair only one of them has:
/// a candidate whose signature differs in more than `4 max` bits is farther than `max`. Names
/// share most letters (the char-set test passes them) but few pairs of letters in place.
/// (Natively: the wasm package does without this bound and the next.)
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn pair_signature(s: &str) -> u64 {
    let mut chars = s.chars();
    let Some(mut prev) = chars.next() else {
        return 0;
    };
    chars.fold(0u64, |m, c| {
        let pair = (u64::from(u32::from(prev)) << 21) | u64::from(u32::from(c));
        prev = c;
        m | (1u64 << (pair.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58))
    })
}

#[cfg(not(target_arch = "wasm32"))]
/// The bin of a char in [`CharCounts`]: a–z, space, digits, and four bins the other chars share.
fn count_bin(c: char) -> usize {
    match c {
        'a'..='z' => (u32::from(c) - u32::from('a')) as usize,
        ' ' => 26,
        '0'..='9' => 27,
        _ => 28 + (u32::from(c) % 4) as usize,
    }
}

/// How many chars of a string fall in each bin ([`count_bin`]). An edit changes at most two
/// counts by one each (a substitution; an insertion or a deletion changes one), so the counts
/// of two strings `d` edits apart differ by at most `2 d` in all: a bound that, unlike the
/// char sets, also sees letters repeated more or fewer times, as long names differ.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) struct CharCounts([u8; 32]);

#[cfg(not(target_arch = "wasm32"))]
impl CharCounts {
    pub(crate) fn of(s: &str) -> Self {
        let mut counts = [0u8; 32];
        for c in s.chars() {
            if let Some(n) = counts.get_mut(count_bin(c)) {
                *n = n.saturating_add(1);
            }
        }
        CharCounts(counts)
    }

    /// The sum over the bins of the difference between these counts and `s`'s (exact while
    /// no bin of this string's passes 255 chars: keys of the fuzzy match have at most 160 bytes).
    pub(crate) fn difference(&self, s: &str) -> usize {
        let mut left = self.0.map(i32::from);
        for c in s.chars() {
            if let Some(n) = left.get_mut(count_bin(c)) {
                *n -= 1;
            }
        }
        left.iter().map(|n| n.unsigned_abs() as usize).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::{CharCounts, char_set_signature, levenshtein_within, pair_signature};

    #[test]
    fn bounded_distance_agrees_with_strsim() {
        let words = [
            "",
            "a",
            "so y te",
            "so thong tin va truyen thong",
            "so thong tin va truyen thong",
            "so thong tin va truyen thongg",
            "so tai chinh",
            "so tai chnh",
            "ubnd tinh",
            "uy ban",
            "sở y tế",
            "abc",
            "cab",
        ];
        let mut rows = (Vec::new(), Vec::new());
        for a in words {
            for b in words {
                let d = strsim::levenshtein(a, b);
                let bc: Vec<char> = b.chars().collect();
                for max in 0..8 {
                    let got = levenshtein_within(a, &bc, max, &mut rows);
                    assert_eq!(got, (d <= max).then_some(d), "{a:?} {b:?} {max}");
                }
            }
        }
    }

    proptest::proptest! {
        /// Half the signature bits that differ never exceed the distance (the bound that
        /// skips a candidate is sound), for ASCII, digits and other chars.
        #[test]
        fn signature_difference_bounds_the_distance(
            a in "[abz09 đạ\\-]{0,14}",
            b in "[abz09 đạ\\-]{0,14}",
        ) {
            let differ = (char_set_signature(&a) ^ char_set_signature(&b)).count_ones() as usize;
            proptest::prop_assert!(differ <= 2 * strsim::levenshtein(&a, &b), "{} {}", a, b);
        }

        /// A quarter of the pair-signature bits that differ never exceed the distance, for
        /// short strings over a small alphabet (many repeated pairs, every edit position).
        #[test]
        fn pair_signature_difference_bounds_the_distance(
            a in "[abz đạ]{0,16}",
            b in "[abz đạ]{0,16}",
        ) {
            let differ = (pair_signature(&a) ^ pair_signature(&b)).count_ones() as usize;
            proptest::prop_assert!(differ <= 4 * strsim::levenshtein(&a, &b), "{} {}", a, b);
        }

        /// Half the difference of the char counts never exceeds the distance, for strings with
        /// repeated letters, spaces, digits and other chars.
        #[test]
        fn count_difference_bounds_the_distance(
            a in "[aabz9 đạ]{0,18}",
            b in "[aabz9 đạ]{0,18}",
        ) {
            let d = strsim::levenshtein(&a, &b);
            let differ = CharCounts::of(&a).difference(&b);
            proptest::prop_assert!(differ <= 2 * d, "{} {}", a, b);
        }

        /// Random strings over a small alphabet (so distances stay small and every band edge
        /// is reached), including multi-byte chars, against strsim's full table.
        #[test]
        fn banded_distance_agrees_with_strsim(
            a in "[abđ ạ]{0,14}",
            b in "[abđ ạ]{0,14}",
            max in 0usize..16,
        ) {
            let d = strsim::levenshtein(&a, &b);
            let bc: Vec<char> = b.chars().collect();
            let mut rows = (vec![7; 3], Vec::new());
            let got = levenshtein_within(&a, &bc, max, &mut rows);
            proptest::prop_assert_eq!(got, (d <= max).then_some(d));
        }
    }
}
