//! Element ids of units: a designation repeated among siblings (the seed's two "d)" points in
//! II.2) gets `_2`, `_3`, … (`sec_II__para_2__point_d_2`).

use crate::map_hasher::MapHasher;
use hashbrown::HashTable;
use std::hash::BuildHasher;

/// How many units so far have each id, counted per parent.
///
/// A unit's id is its parent's id, `__`, and its own part (`point_d`). Own parts are ASCII
/// letters and digits after a kind prefix (section numbers are Roman numerals), so two units
/// can share an id only when they share a parent and an own part, and ids stay unique if the
/// count is kept among siblings. That keeps each table as small as one unit's children: one
/// table of every id in the plan was random access over tens of megabytes at 10⁶ units, and
/// parsing grew faster than the input. The own parts of one parent's children live in one
/// buffer that is reused for the next parent, so counting allocates nothing per unit.
#[derive(Debug, Default)]
pub(crate) struct SiblingIds {
    /// One table per depth (a unit at depth 0 is top-level); depth is at most 3 in a parse.
    levels: Vec<Level>,
    hasher: MapHasher,
}

#[derive(Debug, Default)]
struct Level {
    /// Id of the parent whose children are counted here ("" for top-level units).
    parent: String,
    /// The own parts of those children, one after another.
    parts: String,
    /// (start, length) in `parts` and count of each distinct own part.
    table: HashTable<(usize, usize, u32)>,
}

impl SiblingIds {
    /// Records one more unit with own part `own` under `parent` (its id, "" at the top level)
    /// at `depth`, and returns how many units under that parent now have it: 1 the first
    /// time, 2 for the first repeat (whose id gets `_2`), …
    pub(crate) fn occurrence(&mut self, depth: usize, parent: &str, own: &str) -> u32 {
        if self.levels.len() <= depth {
            self.levels.resize_with(depth + 1, Level::default);
        }
        let Some(Level {
            parent: owner,
            parts,
            table,
        }) = self.levels.get_mut(depth)
        else {
            return 1;
        };
        if owner != parent {
            owner.clear();
            owner.push_str(parent);
            parts.clear();
            table.clear();
        }
        let hasher = &self.hasher;
        let hash = hasher.hash_one(own);
        if let Some(entry) = table.find_mut(hash, |e| part(parts, (e.0, e.1)) == own) {
            entry.2 = entry.2.saturating_add(1);
            return entry.2;
        }
        let start = parts.len();
        parts.push_str(own);
        let parts = &*parts;
        table.insert_unique(hash, (start, own.len(), 1), |e| {
            hasher.hash_one(part(parts, (e.0, e.1)))
        });
        1
    }
}

/// The own part at `start`, `len` bytes long, in `parts`.
fn part(parts: &str, (start, len): (usize, usize)) -> &str {
    parts.get(start..).and_then(|p| p.get(..len)).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::SiblingIds;

    #[test]
    fn repeats_are_counted_per_parent() {
        let mut ids = SiblingIds::default();
        assert_eq!(ids.occurrence(0, "", "sec_II"), 1);
        assert_eq!(ids.occurrence(1, "sec_II", "para_2"), 1);
        assert_eq!(ids.occurrence(2, "sec_II__para_2", "point_d"), 1);
        assert_eq!(ids.occurrence(2, "sec_II__para_2", "point_dd"), 1);
        assert_eq!(ids.occurrence(2, "sec_II__para_2", "point_d"), 2);
        assert_eq!(ids.occurrence(2, "sec_II__para_2", "point_d"), 3);
        // A new parent starts over; the top level keeps its count.
        assert_eq!(ids.occurrence(1, "sec_II", "para_3"), 1);
        assert_eq!(ids.occurrence(2, "sec_II__para_3", "point_d"), 1);
        assert_eq!(ids.occurrence(0, "", "sec_II"), 2);
        assert_eq!(ids.occurrence(1, "sec_II_2", "para_2"), 1);
    }

    #[test]
    fn many_siblings_grow_the_table() {
        let mut ids = SiblingIds::default();
        for round in 1..=3 {
            for i in 0..10_000 {
                assert_eq!(ids.occurrence(0, "", &format!("point_a{i}")), round);
            }
        }
    }
}
