//! The labels that start a line, found without testing every label (native builds).
//!
//! The labels are kept in byte order, each with the position of its longest proper prefix
//! among them (its parent). The labels that are prefixes of a text `s` all lie on the parent
//! chain of the last label not greater than `s`: a label `p` that is a prefix of `s` sorts
//! between itself and `s`, and every text between `p` and `s` starts with `p`. So one binary
//! search and a walk of a few parents replace a test of each of the table's 47 labels for
//! every line that may start with a label (measured: the seed's parse −0.74 %, the real
//! layouts' −0.45 % in instructions). The wasm package scans the table instead: its
//! first-render module has no bytes to spare.

use super::{FieldKey, has_prefix};
use std::borrow::Cow;

/// The parent of a label that has no other label as a prefix.
pub(super) const NO_PARENT: u32 = u32::MAX;

/// `NO_PARENT`, short for the list below.
const N: u32 = NO_PARENT;

/// The default table's list (`DEFAULT_ENTRIES` by text), written out so that the default table
/// costs nothing to make; a test checks it against the list built from the entries.
pub(super) static DEFAULT_BY_TEXT: [(u32, u32); 47] = [
    (45, N),  // 0: chủ trì
    (28, 0),  // 1: chủ trì thực hiện
    (9, N),   // 2: cơ quan chịu trách nhiệm
    (36, N),  // 3: cơ quan chủ trì
    (4, 3),   // 4: cơ quan chủ trì soạn thảo
    (5, 3),   // 5: cơ quan chủ trì thực hiện
    (1, 3),   // 6: cơ quan chủ trì và phối hợp
    (6, 3),   // 7: cơ quan chủ trì, phối hợp
    (2, 3),   // 8: cơ quan chủ trì, thực hiện
    (33, N),  // 9: cơ quan phối hợp
    (3, 9),   // 10: cơ quan phối hợp thực hiện
    (29, N),  // 11: cơ quan thực hiện
    (14, 11), // 12: cơ quan thực hiện chính
    (15, N),  // 13: cơ quan, đơn vị chủ trì
    (10, N),  // 14: cơ quan, đơn vị phối hợp
    (7, N),   // 15: cơ quan, đơn vị thực hiện
    (18, N),  // 16: cơ quan/đơn vị chủ trì
    (16, N),  // 17: cơ quan/đơn vị phối hợp
    (11, N),  // 18: cơ quan/đơn vị thực hiện
    (34, N),  // 19: kết quả sản phẩm
    (42, N),  // 20: phối hợp
    (24, 20), // 21: phối hợp thực hiện
    (43, N),  // 22: sản phẩm
    (41, N),  // 23: thời gian
    (19, 23), // 24: thời gian hoàn thành
    (25, 23), // 25: thời gian hoàn tất
    (21, 23), // 26: thời gian thực hiện
    (20, 23), // 27: thời gian triển khai
    (37, 23), // 28: thời gian trình
    (44, N),  // 29: thời hạn
    (30, 29), // 30: thời hạn ban hành
    (22, 29), // 31: thời hạn hoàn thành
    (31, 29), // 32: thời hạn hoàn tất
    (26, 29), // 33: thời hạn thực hiện
    (39, 29), // 34: thời hạn trình
    (46, N),  // 35: tiến độ
    (27, 35), // 36: tiến độ hoàn thành
    (32, 35), // 37: tiến độ thực hiện
    (0, N),   // 38: trách nhiệm chỉ đạo thực hiện
    (23, N),  // 39: trách nhiệm chủ trì
    (17, N),  // 40: đơn vị chịu trách nhiệm
    (40, N),  // 41: đơn vị chủ trì
    (12, 41), // 42: đơn vị chủ trì thực hiện
    (13, 41), // 43: đơn vị chủ trì, phối hợp
    (38, N),  // 44: đơn vị phối hợp
    (8, 44),  // 45: đơn vị phối hợp thực hiện
    (35, N),  // 46: đơn vị thực hiện
];

/// A table's labels in byte order: `(entry, parent)`, where `entry` indexes the table's
/// entries and `parent` is the position in this list of the longest other label that is a
/// proper prefix of this one ([`NO_PARENT`] when none is).
pub(super) type ByText = [(u32, u32)];

/// The [`ByText`] list of `entries` (distinct labels).
pub(super) fn by_text(entries: &[(Cow<'static, str>, FieldKey)]) -> Vec<(u32, u32)> {
    let label = |e: u32| -> &[u8] {
        entries
            .get(e as usize)
            .map_or(&[][..], |(l, _)| l.as_bytes())
    };
    let mut order: Vec<u32> = (0..entries.len())
        .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
        .collect();
    crate::sort::sort_by(&mut order, |&a, &b| label(a).cmp(label(b)));
    let mut list: Vec<(u32, u32)> = Vec::with_capacity(order.len());
    for &e in &order {
        // The longest proper prefix of this label is the label before it or on that label's
        // parent chain (the argument of the module's comment, with this label as `s`).
        let mut cand = list.len().checked_sub(1);
        let parent = loop {
            let Some(c) = cand else { break NO_PARENT };
            let Some(&(ce, cp)) = list.get(c) else {
                break NO_PARENT;
            };
            if label(e).starts_with(label(ce)) {
                break u32::try_from(c).unwrap_or(NO_PARENT);
            }
            cand = (cp != NO_PARENT).then_some(cp as usize);
        };
        list.push((e, parent));
    }
    list
}

/// The entries (indexes into the table's entries) whose labels are prefixes of `s`, longest
/// first: the order in which the table's longest-first entries would pass `has_prefix`.
pub(super) struct Prefixes<'t> {
    entries: &'t [(Cow<'static, str>, FieldKey)],
    list: &'t ByText,
    s: &'t [u8],
    /// Position in `list` of the next label to test.
    next: Option<usize>,
}

impl<'t> Prefixes<'t> {
    pub(super) fn new(
        entries: &'t [(Cow<'static, str>, FieldKey)],
        list: &'t ByText,
        s: &'t [u8],
    ) -> Self {
        let last_not_greater = list.partition_point(|&(e, _)| {
            entries
                .get(e as usize)
                .is_some_and(|(l, _)| l.as_bytes() <= s)
        });
        Prefixes {
            entries,
            list,
            s,
            next: last_not_greater.checked_sub(1),
        }
    }
}

impl<'t> Iterator for Prefixes<'t> {
    type Item = &'t (Cow<'static, str>, FieldKey);

    fn next(&mut self) -> Option<Self::Item> {
        while let Some(at) = self.next {
            let &(e, parent) = self.list.get(at)?;
            self.next = (parent != NO_PARENT).then_some(parent as usize);
            let entry = self.entries.get(e as usize)?;
            if has_prefix(self.s, &entry.0) {
                return Some(entry);
            }
        }
        None
    }
}
