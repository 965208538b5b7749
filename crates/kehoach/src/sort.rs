//! One sort for the crate's first-render paths (issue 22: wasm size).
//!
//! Every `slice::sort*` call is a separate instantiation of the standard library's sort for its
//! element type and comparator, 1 to 4 KB of wasm code each (driftsort or ipnsort, with their
//! small-sort networks and pivot selection). [`sort_by`] sorts positions (`usize`) with a
//! comparator behind `&dyn`, by one small merge sort ([`order`]) for all call sites; what stays
//! generic per element type is the small permutation loop of [`permute`]. The result is that of
//! the stable `slice::sort_by`: equal items keep their order.

use std::cmp::Ordering;

#[cfg(any(target_arch = "wasm32", test))]
/// The positions `0..len` in the order `cmp` (comparing the items at two positions) puts them,
/// equal items by position: a bottom-up merge sort of the positions, written out because it is
/// a quarter of the size of the library's sort, instantiated even once (issue 22).
fn order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..len).collect();
    let mut to: Vec<usize> = vec![0; len];
    let mut width = 1usize;
    while width < len {
        // Merges the sorted runs [start, mid) and [mid, end) of `from` into `to`.
        let mut start = 0;
        while start < len {
            let mid = start.saturating_add(width).min(len);
            let end = mid.saturating_add(width).min(len);
            let (mut i, mut j) = (start, mid);
            for slot in to.get_mut(start..end).unwrap_or(&mut []) {
                let left = from.get(i).copied().filter(|_| i < mid);
                let right = from.get(j).copied().filter(|_| j < end);
                *slot = match (left, right) {
                    // The left one on ties: equal items keep their order.
                    (Some(x), Some(y)) if cmp(y, x) == Ordering::Less => {
                        j += 1;
                        y
                    }
                    (Some(x), _) => {
                        i += 1;
                        x
                    }
                    (None, Some(y)) => {
                        j += 1;
                        y
                    }
                    (None, None) => break,
                };
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width = width.saturating_mul(2);
    }
    from
}

#[cfg(any(target_arch = "wasm32", test))]
/// Moves the items so that the item at `order[k]` ends at `k` (`order` is a permutation of the
/// positions of `items`), following each cycle once.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut cur = start;
        while let Some(&next) = order.get(cur) {
            if next == cur || next >= items.len() {
                break;
            }
            if let Some(done) = order.get_mut(cur) {
                *done = cur;
            }
            if next == start {
                break;
            }
            items.swap(cur, next);
            cur = next;
        }
    }
}

/// Sorts `items` by `cmp`, stably: the result of `items.sort_by(cmp)`. In wasm with the one
/// shared merge sort (see the module docs); natively with the library's sort, which is faster
/// (the seed's check: 1.9 % fewer instructions) and whose size does not matter there.
pub(crate) fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    merge_sort_by(items, cmp);
    #[cfg(not(target_arch = "wasm32"))]
    items.sort_by(cmp);
}

/// [`sort_by`] with the shared merge sort.
#[cfg(any(target_arch = "wasm32", test))]
fn merge_sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order(items.len(), &|a, b| match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => Ordering::Equal,
    });
    permute(items, order);
}

/// Sorts `items` by `key`, stably: the result of `items.sort_by_key(key)` (see [`sort_by`]).
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_the_library_stable_sort() {
        // Pairs sorted by their first field only: the second shows the order of equal keys.
        let mut seed = 12345u32;
        for len in [0usize, 1, 2, 3, 7, 20, 33, 100, 257] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((seed >> 16) as u8 % 5, i)
                })
                .collect();
            let mut ours = items.clone();
            merge_sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = items.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "len {len}");
            let mut rev = items;
            merge_sort_by(&mut rev, |a, b| b.cmp(a));
            assert!(rev.windows(2).all(|w| w[0] >= w[1]));
        }
    }
}
