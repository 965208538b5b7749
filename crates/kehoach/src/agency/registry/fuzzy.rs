//! The registry's bounded fuzzy match: the nearest known name to a key within a budget of edits.

use super::super::AgencyKind;
#[cfg(not(target_arch = "wasm32"))]
use super::super::levenshtein::{CharCounts, pair_signature};
use super::super::levenshtein::{char_set_signature, levenshtein_within};
use super::{Entry, Index, Registry};
use crate::text::fold;

/// Longest piece (in bytes) for which a fuzzy suggestion is computed.
pub(in crate::agency) const MAX_FUZZY_LEN: usize = 160;

impl Registry {
    /// The nearest known name to `key` by edit distance on folded keys, if close enough (and of
    /// `kind`, when given). Bounded: only keys within the edit budget in length are compared (a
    /// range of the length-sorted keys), with a banded distance, and long pieces are skipped.
    /// `strict` allows fewer edits (for names a pattern already accepts).
    pub(crate) fn fuzzy(&self, k: &str, strict: bool, kind: Option<AgencyKind>) -> Option<&Entry> {
        let f = fold(k);
        if f.is_empty() || f.len() > MAX_FUZZY_LEN {
            return None;
        }
        let chars = f.chars().count();
        let max = if strict {
            (chars / 12).max(1)
        } else {
            (chars / 6).max(2)
        };
        let mut best: Option<(usize, usize, usize)> = None;
        let target: Vec<char> = f.chars().collect();
        let target_chars = char_set_signature(&f);
        #[cfg(not(target_arch = "wasm32"))]
        let target_pairs = pair_signature(&f);
        #[cfg(not(target_arch = "wasm32"))]
        let target_counts = CharCounts::of(&f);
        let mut rows = (Vec::new(), Vec::new());
        let (min_len, max_len) = (f.len().saturating_sub(max), f.len() + max);
        // `signature`: the candidate's char-set signature when the table holds it; `pairs`
        // (natively), its char-pair signature when the table holds it.
        let mut consider =
            |cand: &str,
             i: usize,
             seq: usize,
             signature: Option<u64>,
             #[cfg(not(target_arch = "wasm32"))] pairs: Option<u64>| {
                if kind.is_some_and(|k| self.entries.get(i).is_none_or(|e| e.kind != k)) {
                    return;
                }
                // Most candidates differ in more chars than the budget allows: ruled out by their
                // char sets before the distance table.
                let signature = signature.unwrap_or_else(|| char_set_signature(cand));
                if (signature ^ target_chars).count_ones() as usize > 2 * max {
                    return;
                }
                // Natively, most of the rest too: names share their letters, but not the pairs of
                // letters in place, nor how many times each letter comes (a long name's budget of
                // edits is too large for the char sets alone). Both bounds are exact, as the char
                // sets': the answer is the same, found with fewer distance tables (the 37 real
                // documents' fuzzy scans: 17.0 → 8.8 M instructions).
                #[cfg(not(target_arch = "wasm32"))]
                if pairs.is_some_and(|p| (p ^ target_pairs).count_ones() as usize > 4 * max)
                    || target_counts.difference(cand) > 2 * max
                {
                    return;
                }
                let Some(d) = levenshtein_within(cand, &target, max, &mut rows) else {
                    return;
                };
                if best.is_none_or(|(bd, _, bs)| (d, seq) < (bd, bs)) {
                    best = Some((d, i, seq));
                }
            };
        match &self.index {
            Index::Compiled => {
                let (c, fold) = (
                    super::super::embedded::FOLDED_KEYS,
                    &super::super::embedded::BY_FOLD,
                );
                let row = |r: u16| {
                    let r = usize::from(r);
                    fold.keys.get(r).zip(fold.values.get(r))
                };
                let len = |r: u16| row(r).map_or(0, |(k, _)| k.len());
                let lo = c.partition_point(|&(r, _)| len(r) < min_len);
                let hi = c.partition_point(|&(r, _)| len(r) <= max_len);
                // Natively the signatures are precomputed, one a folded key; the wasm package
                // computes them (the table and its reading would cost the first render bytes).
                let signatures = super::super::embedded::FOLDED_SIGNATURES.get(lo..hi);
                #[cfg(not(target_arch = "wasm32"))]
                let pairs = super::super::embedded::FOLDED_PAIRS.get(lo..hi);
                for (k, &(r, seq)) in c.get(lo..hi).unwrap_or(&[]).iter().enumerate() {
                    // Natively, the two precomputed signatures rule out most candidates here,
                    // before their row is read and `consider` called (which tests them again,
                    // in three instructions).
                    #[cfg(not(target_arch = "wasm32"))]
                    {
                        let far = |table: Option<&[u64]>, target: u64, per_edit: usize| {
                            table.and_then(|t| t.get(k)).is_some_and(|&s| {
                                (s ^ target).count_ones() as usize > per_edit * max
                            })
                        };
                        if far(signatures, target_chars, 2) || far(pairs, target_pairs, 4) {
                            continue;
                        }
                    }
                    if let Some((cand, &i)) = row(r) {
                        let signature = if cfg!(target_arch = "wasm32") {
                            None
                        } else {
                            signatures.and_then(|s| s.get(k)).copied()
                        };
                        consider(
                            cand.get(),
                            usize::from(i),
                            usize::from(seq),
                            signature,
                            #[cfg(not(target_arch = "wasm32"))]
                            pairs.and_then(|p| p.get(k)).copied(),
                        );
                    }
                }
            }
            Index::Built(ix) => {
                let keys = &ix.folded_keys;
                let lo = keys.partition_point(|(c, ..)| c.len() < min_len);
                let hi = keys.partition_point(|(c, ..)| c.len() <= max_len);
                for (cand, i, seq) in keys.get(lo..hi).unwrap_or(&[]) {
                    consider(
                        cand,
                        *i,
                        *seq,
                        None,
                        #[cfg(not(target_arch = "wasm32"))]
                        None,
                    );
                }
            }
        }
        best.and_then(|(_, i, _)| self.entries.get(i))
    }
}
