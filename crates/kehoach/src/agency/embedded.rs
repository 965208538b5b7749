//! The registry compiled into the crate: statics generated at build time from data/*.json
//! (build.rs), turned into a [`Registry`] on first use without parsing JSON; its lookup tables
//! (matching keys, folded keys, ids, provinces, succession records by id) are compiled in too,
//! as sorted slices, so first use computes no key and builds no map.

use super::key::Abbrev;
use super::province::Province;
use super::registry::{Entry, Registry};
use super::succession::{Event, Target};
use super::{AgencyKind, Change, Confidence, Level};
use crate::date::Date;

/// An [`Entry`] as compiled in.
pub(super) struct StaticEntry {
    pub id: &'static str,
    pub name: &'static str,
    pub kind: AgencyKind,
    pub level: Option<Level>,
    pub collective: bool,
    pub abbreviations: &'static [&'static str],
    pub variants: &'static [&'static str],
    pub established: Option<(i32, u8, u8)>,
    pub note: Option<&'static str>,
}

/// A [`Target`] as compiled in.
pub(super) struct StaticTarget {
    pub id: &'static str,
    pub name: Option<&'static str>,
    pub functions: &'static [&'static str],
}

/// An [`Event`] as compiled in.
pub(super) struct StaticEvent {
    pub from: &'static str,
    pub from_name: Option<&'static str>,
    pub province: Option<&'static str>,
    pub change: Change,
    pub consolidation: bool,
    pub effective: Option<(i32, u8, u8)>,
    pub not_before: Option<(i32, u8, u8)>,
    pub to: &'static [StaticTarget],
    pub basis: &'static str,
    pub source: Option<&'static str>,
    pub sources: &'static [&'static str],
    pub confidence: Confidence,
    pub uncertain: &'static [&'static str],
    pub note: Option<&'static str>,
    pub wave: Option<&'static str>,
}

/// A [`Province`] as compiled in.
pub(super) struct StaticProvince {
    pub name: &'static str,
    pub unit: &'static str,
    pub code: Option<&'static str>,
    pub now: &'static str,
    pub now_type: &'static str,
    pub change: Change,
    pub effective: (i32, u8, u8),
    pub basis: &'static str,
    pub source: Option<&'static str>,
    pub confidence: Confidence,
    pub note: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/registry_data.rs"));

fn date((y, m, d): (i32, u8, u8)) -> Option<Date> {
    Date::from_ymd(y, m, d).ok()
}

fn strings(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|x| x.to_string()).collect()
}

/// The compiled-in registry, indexed.
pub(super) fn registry() -> Registry {
    let entries = ENTRIES.iter().map(|e| Entry {
        id: e.id.to_string(),
        name: e.name.to_string(),
        kind: e.kind,
        level: e.level,
        collective: e.collective,
        abbreviations: strings(e.abbreviations),
        variants: strings(e.variants),
        established: e.established.and_then(date),
        note: e.note.map(str::to_string),
    });
    let events = EVENTS.iter().map(|v| Event {
        from: v.from.to_string(),
        from_name: v.from_name.map(str::to_string),
        province: v.province.map(str::to_string),
        change: v.change,
        consolidation: v.consolidation,
        effective: v.effective.and_then(date),
        not_before: v.not_before.and_then(date),
        to: v
            .to
            .iter()
            .map(|t| Target {
                id: t.id.to_string(),
                name: t.name.map(str::to_string),
                functions: strings(t.functions),
            })
            .collect(),
        basis: v.basis.to_string(),
        source: v.source.map(str::to_string),
        sources: strings(v.sources),
        confidence: v.confidence,
        uncertain: strings(v.uncertain),
        note: v.note.map(str::to_string),
        wave: v.wave.map(str::to_string),
    });
    let provinces = PROVINCES.iter().filter_map(|p| {
        Some(Province {
            name: p.name.to_string(),
            unit: p.unit.to_string(),
            code: p.code.map(str::to_string),
            now: p.now.to_string(),
            now_type: p.now_type.to_string(),
            change: p.change,
            effective: date(p.effective)?,
            basis: p.basis.to_string(),
            source: p.source.map(str::to_string),
            confidence: p.confidence,
            note: p.note.map(str::to_string),
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
