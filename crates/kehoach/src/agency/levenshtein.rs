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

#[cfg(test)]
mod tests {
    use super::{char_set_signature, levenshtein_within};

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
