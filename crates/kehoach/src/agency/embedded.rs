//! The registry compiled into the crate: statics generated at build time from data/*.json
//! (build.rs), turned into a [`Registry`] on first use without parsing JSON; its lookup tables
//! (matching keys, folded keys, ids, provinces, succession records by id) are compiled in too,
//! as sorted slices, so first use computes no key and builds no map.

use super::key::Abbrev;
use super::province::Province;
use super::registry::{Entry, Registry};
use super::succession::{Event, Target};
use super::{AgencyKind, Change, Confidence, Level, Text};
use crate::date::Date;

/// A string of [`BLOB`] (every string of the compiled-in tables is one text, so the tables hold
/// a 4-byte number each instead of a pointer and a length): its byte offset << 10 | its length
/// in bytes; [`S::NONE`] is an absent one.
#[derive(Clone, Copy)]
pub(super) struct S(u32);

impl S {
    const NONE: S = S(u32::MAX);

    /// The length in bytes.
    pub(super) fn len(self) -> usize {
        usize::try_from(self.0 & 0x3ff).unwrap_or(0)
    }

    pub(super) fn get(self) -> &'static str {
        let at = usize::try_from(self.0 >> 10).unwrap_or(usize::MAX);
        BLOB.get(at..at.saturating_add(self.len())).unwrap_or("")
    }

    /// The bytes of [`S::get`], without its char-boundary checks: what the binary searches
    /// compare (`str` orders as its bytes do), ≈ 11 comparisons a lookup.
    fn bytes(self) -> &'static [u8] {
        let at = usize::try_from(self.0 >> 10).unwrap_or(usize::MAX);
        BLOB.as_bytes()
            .get(at..at.saturating_add(self.len()))
            .unwrap_or(&[])
    }

    fn text(self) -> Text {
        Text::Borrowed(self.get())
    }

    fn opt(self) -> Option<Text> {
        (self.0 != S::NONE.0).then(|| self.text())
    }
}

/// A run of a table (`LISTS`, `TARGETS`, `EVENT_NUMBERS`): start << 8 | count.
#[derive(Clone, Copy)]
pub(super) struct Run(u32);

impl Run {
    pub(super) fn of<T>(self, table: &'static [T]) -> &'static [T] {
        let start = usize::try_from(self.0 >> 8).unwrap_or(usize::MAX);
        let count = usize::try_from(self.0 & 0xff).unwrap_or(0);
        table.get(start..start.saturating_add(count)).unwrap_or(&[])
    }

    fn strings(self) -> Vec<Text> {
        self.of(LISTS).iter().map(|&s| S(s).text()).collect()
    }
}

/// A compiled-in lookup table: `keys` sorted, `values[i]` that of `keys[i]`, and the keys'
/// hash slots ([`super::key_slots`]; none in the wasm package).
pub(super) struct Keys<V: 'static> {
    pub keys: &'static [S],
    pub values: &'static [V],
    pub slots: &'static [u32],
}

impl<V: Copy> Keys<V> {
    /// The value of a key: one probe of the hash slots natively (most keys looked up are not
    /// there), a binary search in the wasm package.
    pub(super) fn find(&self, k: &str) -> Option<V> {
        let k = k.as_bytes();
        let i = if cfg!(target_arch = "wasm32") || self.slots.is_empty() {
            self.keys.binary_search_by(|x| x.bytes().cmp(k)).ok()?
        } else {
            let key_at = |row: usize| self.keys.get(row).map_or(&[][..], |s| s.bytes());
            super::key_slots::find(self.slots, k, key_at)?
        };
        self.values.get(i).copied()
    }

    /// Every key with its value, in order.
    #[cfg(test)]
    pub(super) fn iter(&self) -> impl Iterator<Item = (&'static str, V)> + use<V> {
        let keys = self.keys.iter().map(|k| k.get());
        keys.zip(self.values.iter().copied())
    }
}

/// An [`Entry`] as compiled in.
pub(super) struct StaticEntry {
    pub id: S,
    pub name: S,
    pub kind: AgencyKind,
    pub level: Option<Level>,
    pub collective: bool,
    pub abbreviations: Run,
    pub variants: Run,
    pub established: Ymd,
    pub note: S,
}

/// A [`Target`] as compiled in.
pub(super) struct StaticTarget {
    pub id: S,
    pub name: S,
    pub functions: Run,
}

/// An [`Event`] as compiled in.
pub(super) struct StaticEvent {
    pub from: S,
    pub from_name: S,
    pub province: S,
    pub change: Change,
    pub consolidation: bool,
    pub effective: Ymd,
    pub not_before: Ymd,
    /// A run of `TARGETS`.
    pub to: Run,
    pub basis: S,
    pub source: S,
    pub sources: Run,
    pub confidence: Confidence,
    pub uncertain: Run,
    pub note: S,
    pub wave: S,
}

/// A [`Province`] as compiled in.
pub(super) struct StaticProvince {
    pub name: S,
    pub unit: S,
    pub code: S,
    pub now: S,
    pub now_type: S,
    pub change: Change,
    pub effective: Ymd,
    pub basis: S,
    pub source: S,
    pub confidence: Confidence,
    pub note: S,
}

include!(concat!(env!("OUT_DIR"), "/registry_data.rs"));

/// A date as compiled in: year << 9 | month << 5 | day; 0 when absent.
pub(super) type Ymd = u32;

fn date(ymd: Ymd) -> Option<Date> {
    let y = i32::try_from(ymd >> 9).ok().filter(|&y| y > 0)?;
    let (m, d) = (ymd >> 5 & 15, ymd & 31);
    Date::from_ymd(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?).ok()
}

/// The compiled-in registry, indexed.
pub(super) fn registry() -> Registry {
    let entries = ENTRIES.iter().map(|e| Entry {
        id: e.id.text(),
        name: e.name.text(),
        kind: e.kind,
        level: e.level,
        collective: e.collective,
        abbreviations: e.abbreviations.strings(),
        variants: e.variants.strings(),
        established: date(e.established),
        note: e.note.opt(),
    });
    let events = EVENTS.iter().map(|v| Event {
        from: v.from.text(),
        from_name: v.from_name.opt(),
        province: v.province.opt(),
        change: v.change,
        consolidation: v.consolidation,
        effective: date(v.effective),
        not_before: date(v.not_before),
        to: v
            .to
            .of(TARGETS)
            .iter()
            .map(|t| Target {
                id: t.id.text(),
                name: t.name.opt(),
                functions: t.functions.strings(),
            })
            .collect(),
        basis: v.basis.text(),
        source: v.source.opt(),
        sources: v.sources.strings(),
        confidence: v.confidence,
        uncertain: v.uncertain.strings(),
        note: v.note.opt(),
        wave: v.wave.opt(),
    });
    let provinces = PROVINCES.iter().filter_map(|p| {
        Some(Province {
            name: p.name.text(),
            unit: p.unit.text(),
            code: p.code.opt(),
            now: p.now.text(),
            now_type: p.now_type.text(),
            change: p.change,
            effective: date(p.effective)?,
            basis: p.basis.text(),
            source: p.source.opt(),
            confidence: p.confidence,
            note: p.note.opt(),
        })
    });
    let provinces: Vec<Province> = provinces.collect();
    debug_assert_eq!(
        provinces.len(),
        PROVINCES.len(),
        "a province date is invalid"
    );
    Registry::compiled(
        Abbrev::fixed(ABBR_KEYS),
        Abbrev::fixed(ABBR_DISPLAY),
        entries.collect(),
        events.collect(),
        provinces,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The row the slots give for `k`, and the one the binary search gives.
    fn rows<V>(t: &Keys<V>, k: &str) -> (Option<usize>, Option<usize>) {
        let key_at = |row: usize| t.keys.get(row).map_or(&[][..], |s| s.bytes());
        let hashed = super::super::key_slots::find(t.slots, k.as_bytes(), key_at);
        let searched = t
            .keys
            .binary_search_by(|x| x.bytes().cmp(k.as_bytes()))
            .ok();
        (hashed, searched)
    }

    fn check<V>(name: &str, t: &Keys<V>) {
        let n = t.keys.len();
        assert!(n > 0, "{name}");
        // Twice as many slots as keys at least, a power of two: every probe meets a free slot.
        assert!(
            t.slots.len().is_power_of_two() && t.slots.len() >= 2 * n,
            "{name}"
        );
        assert_eq!(t.slots.iter().filter(|&&s| s != 0).count(), n, "{name}");
        for (row, key) in t.keys.iter().enumerate() {
            let k = key.get();
            assert_eq!(rows(t, k), (Some(row), Some(row)), "{name}: {k}");
            // Keys it does not hold (or holds elsewhere): the same answer as the search.
            let longer = format!("{k} x");
            let (a, b) = rows(t, &longer);
            assert_eq!(a, b, "{name}: {longer}");
            for (at, _) in k.match_indices(' ') {
                let shorter = k.get(..at).unwrap_or("");
                let (a, b) = rows(t, shorter);
                assert_eq!(a, b, "{name}: {shorter}");
            }
        }
        for absent in ["", "x", "sở", "ủy ban nhân dân tỉnh quảng ngãi x"] {
            let (a, b) = rows(t, absent);
            assert_eq!(a, b, "{name}: {absent:?}");
        }
    }

    #[test]
    fn the_folded_signatures_are_the_folded_keys_signatures() {
        assert_eq!(FOLDED_SIGNATURES.len(), FOLDED_KEYS.len());
        for (&(row, _), &signature) in FOLDED_KEYS.iter().zip(FOLDED_SIGNATURES) {
            let key = BY_FOLD.keys.get(usize::from(row)).map(|s| s.get());
            let key = key.unwrap_or_default();
            assert_eq!(
                signature,
                super::super::levenshtein::char_set_signature(key),
                "{key}"
            );
        }
        assert_eq!(FOLDED_PAIRS.len(), FOLDED_KEYS.len());
        for (&(row, _), &pairs) in FOLDED_KEYS.iter().zip(FOLDED_PAIRS) {
            let key = BY_FOLD.keys.get(usize::from(row)).map(|s| s.get());
            let key = key.unwrap_or_default();
            assert_eq!(
                pairs,
                super::super::levenshtein::pair_signature(key),
                "{key}"
            );
        }
    }

    #[test]
    fn the_hash_slots_find_every_key_and_only_the_keys() {
        check("BY_ID", &BY_ID);
        check("BY_KEY", &BY_KEY);
        check("BY_FOLD", &BY_FOLD);
        check("PROVINCES_BY_KEY", &PROVINCES_BY_KEY);
        check("EVENTS_FROM", &EVENTS_FROM);
        // A key of the table: its row through `Keys::find` (the slots natively).
        let key = BY_KEY.keys.first().map(|s| s.get()).unwrap_or_default();
        assert_eq!(BY_KEY.find(key), BY_KEY.values.first().copied());
        assert_eq!(BY_KEY.find("không phải cơ quan nào"), None);
    }
}
