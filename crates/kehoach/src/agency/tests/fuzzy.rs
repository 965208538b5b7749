//! The registry's fuzzy match against a plain reference: every candidate compared with the full
//! edit-distance table, no bound skipping any, over typos of every name the registry knows.

use super::super::key;
use super::super::registry::MAX_FUZZY_LEN;
use super::*;
use crate::text::fold;

/// The registry's folded keys as `Registry::fuzzy` is specified to compare them: each key once,
/// for the first entry naming it, in the order the names come (that order breaks ties).
fn folded_keys(reg: &Registry) -> Vec<(String, usize)> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (i, e) in reg.entries().iter().enumerate() {
        let names = std::iter::once(&e.name)
            .chain(e.abbreviations.iter())
            .chain(e.variants.iter());
        for n in names {
            let key = key::key(n, reg.abbr());
            let folded = fold(&key);
            if !key.is_empty() && seen.insert(folded.clone()) {
                out.push((folded, i));
            }
        }
    }
    out
}

/// The specified answer: among `keys` within the edit budget in bytes of length and of `kind`
/// when given, the nearest within the budget of edits (chars), the first of the nearest.
fn reference(
    reg: &Registry,
    keys: &[(String, usize)],
    k: &str,
    strict: bool,
    kind: Option<AgencyKind>,
) -> Option<usize> {
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
    let mut best: Option<(usize, usize)> = None;
    for (cand, i) in keys {
        if cand.len() + max < f.len() || cand.len() > f.len() + max {
            continue;
        }
        if kind.is_some_and(|k| reg.entries().get(*i).is_none_or(|e| e.kind != k)) {
            continue;
        }
        let d = strsim::levenshtein(cand, &f);
        if d <= max && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, *i));
        }
    }
    best.map(|(_, i)| i)
}

/// Typos of a name: a char dropped, replaced, doubled, and two neighbours swapped, at its start,
/// middle and end; words run together.
fn typos(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let n = chars.len();
    let mut out = vec![
        name.replace(' ', ""),
        format!("{name} x"),
        format!("x{name}"),
    ];
    for at in [0, n / 2, n.saturating_sub(1)] {
        let with = |f: &dyn Fn(&mut Vec<char>)| {
            let mut c = chars.clone();
            f(&mut c);
            c.into_iter().collect::<String>()
        };
        if at < n {
            out.push(with(&|c| {
                c.remove(at);
            }));
            out.push(with(&|c| c[at] = 'q'));
            out.push(with(&|c| c.insert(at, c[at])));
        }
        if at + 1 < n {
            out.push(with(&|c| c.swap(at, at + 1)));
        }
    }
    out
}

/// Compares `reg.fuzzy` with the reference on typos of every `step`-th name: (comparisons,
/// found).
fn compare(reg: &Registry, step: usize) -> (usize, usize) {
    let keys = folded_keys(reg);
    let mut compared = 0;
    let mut found = 0;
    for e in reg.entries().iter().step_by(step) {
        for query in typos(&e.name) {
            let key = reg.key(&query);
            for (strict, kind) in [(false, None), (true, Some(e.kind)), (true, None)] {
                let got = reg.fuzzy(&key, strict, kind).map(|g| g.id.to_string());
                let want = reference(reg, &keys, &key, strict, kind)
                    .and_then(|i| reg.entries().get(i))
                    .map(|w| w.id.to_string());
                assert_eq!(got, want, "{query:?} strict {strict} kind {kind:?}");
                compared += 1;
                found += usize::from(got.is_some());
            }
        }
    }
    (compared, found)
}

#[test]
fn fuzzy_equals_the_plain_reference_on_typos_of_every_name() {
    // The compiled-in tables (with the precomputed signatures), then the same data read from
    // JSON (the tables built at run time).
    use crate::agency::registry::{AGENCIES_JSON, NATIONAL_JSON, PROVINCES_JSON, SUCCESSION_JSON};
    let json = Registry::from_json(AGENCIES_JSON)
        .and_then(|r| r.with_json(NATIONAL_JSON))
        .and_then(|r| r.with_json(SUCCESSION_JSON))
        .and_then(|r| r.with_json(PROVINCES_JSON))
        .unwrap();
    // Every name of the compiled-in registry, every fourth of the JSON-built one (the tables'
    // code is shared but for the signatures' source; the debug test build stays fast).
    for (reg, step, least) in [(Registry::embedded(), 1, 8_000), (&json, 4, 2_000)] {
        let (compared, found) = compare(reg, step);
        // The names were tried, and most typos are found (the answers are compared, not only
        // the misses).
        assert!(compared > least, "{compared}");
        assert!(found * 2 > compared, "{found} of {compared}");
    }
}
