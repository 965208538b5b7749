//! The embedded registry's holders on a date, remembered across the plans a thread reads.
//!
//! A plan's parse (with an as-of date), its check and its schedule each resolve the holders of
//! the bodies it names, and a portal parses the same plan again on every edit: the same walk
//! over the succession records, the same copies of their bases and sources (≈ 8 000
//! instructions a body). The embedded registry never changes, so its answers are remembered
//! here, per thread, keyed by everything they depend on: the body's registry id, the date, and
//! the province the body is read in. Memory stays bounded: past [`MAX_ENTRIES`] the memo is
//! emptied and fills again. Natively only: the wasm package resolves every plan's afresh.

use super::{Current, Registry};
use crate::Date;
use crate::map_hasher::MapHasher;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// Answers kept at most (a body's holders take a few hundred bytes; a province's plans name
/// a few hundred bodies).
pub(crate) const MAX_ENTRIES: usize = 1024;

/// (registry id, date, province the body is read in).
type Key = (String, Date, Option<String>);

thread_local! {
    static MEMO: RefCell<HashMap<Key, Arc<[Current]>, MapHasher>> =
        RefCell::new(HashMap::default());
}

/// The holders of the body `id` of `registry` on `on`, read in province `ctx`: `compute()`
/// (which must be what they are: [`Registry::holders_of_id_in`]'s answer for these three) the
/// first time, the remembered answer after, when `registry` is the embedded one. Any other
/// registry (built at run time, and so changeable) is asked every time, and so is every
/// registry in the wasm package.
pub(crate) fn holders_of_id(
    registry: &Registry,
    id: &str,
    on: Date,
    ctx: Option<&str>,
    compute: impl FnOnce() -> Vec<Current>,
) -> Arc<[Current]> {
    // (Natively: in the wasm package the memo's map cost 1.3 KB of the first render.)
    if cfg!(target_arch = "wasm32") || !std::ptr::eq(registry, Registry::embedded()) {
        return compute().into();
    }
    let key: Key = (id.to_string(), on, ctx.map(str::to_string));
    // `try_with`: during the thread's exit (a destructor parsing a plan) the memo may be gone;
    // then the answer is computed and not kept.
    let found = MEMO
        .try_with(|m| m.try_borrow().ok()?.get(&key).cloned())
        .ok()
        .flatten();
    if let Some(h) = found {
        return h;
    }
    let h: Arc<[Current]> = compute().into();
    let _ = MEMO.try_with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            if m.len() >= MAX_ENTRIES {
                m.clear();
            }
            m.insert(key, Arc::clone(&h));
        }
    });
    h
}

/// Answers remembered on this thread (tests).
#[cfg(test)]
pub(crate) fn remembered() -> usize {
    MEMO.with(|m| m.borrow().len())
}

/// Forgets this thread's answers (tests: one thread may run several).
#[cfg(test)]
pub(crate) fn forget() {
    MEMO.with(|m| m.borrow_mut().clear());
}

#[cfg(test)]
mod tests {
    use super::{MAX_ENTRIES, forget, holders_of_id, remembered};
    use crate::Date;
    use crate::agency::Registry;

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::from_ymd(y, m, d).unwrap()
    }

    /// A plan parsed twice on a date: the second parse's holders are the remembered ones, and
    /// every one of them is what the registry answers when asked afresh.
    #[test]
    fn remembered_holders_are_the_registry_s_answers() {
        let on = date(2026, 11, 28);
        let opts = crate::document::ParseOptions {
            as_of: Some(on),
            ..Default::default()
        };
        let parser = crate::document::Parser::new(opts);
        let first = parser.parse(crate::SEED_PLAN).plan;
        let kept = remembered();
        assert!(kept >= 10, "{kept}");
        let second = parser.parse(crate::SEED_PLAN).plan;
        assert_eq!(remembered(), kept);
        assert_eq!(first, second);
        let reg = Registry::embedded();
        let mut checked = 0;
        for t in second.tasks() {
            for a in t.leads.iter().flat_map(|l| l.agencies.iter()) {
                let fresh = reg.holders_in(a, on, Some("Quảng Ngãi"));
                assert_eq!(a.current.as_deref(), Some(fresh.as_slice()), "{}", a.name);
                checked += 1;
            }
        }
        assert!(checked >= 44, "{checked}");
        // Sở Thông tin và Truyền thông (II.1.b) was merged into Sở Khoa học và Công nghệ.
        let tasks = second.tasks();
        let tttt = tasks
            .iter()
            .find(|t| t.number == "II.1.b")
            .and_then(|t| t.leads.as_ref())
            .map(|l| &l.agencies[0])
            .unwrap();
        assert_eq!(tttt.name, "Sở Thông tin và Truyền thông");
        let current = tttt.current.as_deref().unwrap();
        assert_eq!(current[0].name, "Sở Khoa học và Công nghệ");
    }

    /// Districts' people's committees follow the district level's records, remembered once:
    /// each still gets its own name at the start of its chain, as the registry answers.
    #[test]
    fn districts_share_the_level_s_records_under_their_own_names() {
        let reg = Registry::embedded();
        let on = date(2026, 11, 28);
        forget();
        let mut cache = crate::agency::HoldersCache::default();
        for name in [
            "UBND huyện Sơn Tịnh",
            "UBND huyện Bình Sơn",
            "UBND huyện Sơn Tịnh",
        ] {
            let a = reg.recognize(name);
            assert_eq!(a.id, None, "{name}");
            let got = cache.holders(reg, &a, on, Some("Quảng Ngãi"));
            let fresh = reg.holders_in(&a, on, Some("Quảng Ngãi"));
            assert_eq!(&*got, fresh.as_slice(), "{name}");
            assert_eq!(got[0].name, "Ủy ban nhân dân các xã, phường, đặc khu");
            assert_eq!(got[0].chain[0].from, a.name);
        }
        assert_eq!(remembered(), 1);
        // Before the district level ended: unrecorded, under the body's own name.
        let a = reg.recognize("UBND huyện Bình Sơn");
        let mut cache_then = crate::agency::HoldersCache::default();
        let then = cache_then.holders(reg, &a, date(2024, 1, 1), Some("Quảng Ngãi"));
        assert_eq!(
            &*then,
            reg.holders_in(&a, date(2024, 1, 1), Some("Quảng Ngãi"))
                .as_slice()
        );
        assert_eq!(then[0].name, a.name);
        assert!(then[0].chain.is_empty());
    }

    /// A destructor run at the thread's exit, after the memo's own, still gets its answer
    /// (computed, not kept) instead of a panic.
    #[test]
    fn a_destructor_at_thread_exit_gets_its_answer() {
        struct AtExit(std::sync::mpsc::Sender<usize>);
        impl Drop for AtExit {
            fn drop(&mut self) {
                let on = date(2026, 11, 28);
                let h = holders_of_id(Registry::embedded(), "so-tai-chinh", on, None, || {
                    Registry::embedded().holders_of_id_in("so-tai-chinh", on, None)
                });
                let _ = self.0.send(h.len());
            }
        }
        thread_local! {
            static AT_EXIT: std::cell::RefCell<Option<AtExit>> =
                const { std::cell::RefCell::new(None) };
        }
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            // Registered before the memo: destroyed after it (the reverse order).
            AT_EXIT.with(|e| *e.borrow_mut() = Some(AtExit(tx)));
            let on = date(2026, 11, 28);
            holders_of_id(Registry::embedded(), "so-tai-chinh", on, None, Vec::new);
            assert_eq!(remembered(), 1);
        })
        .join()
        .unwrap();
        assert_eq!(rx.recv().unwrap(), 1);
    }

    /// Past the bound the memo starts again; another registry is never remembered.
    #[test]
    fn the_memo_is_bounded_and_only_for_the_embedded_registry() {
        let reg = Registry::embedded();
        forget();
        let mut calls = 0;
        let mut on = date(2020, 1, 1);
        for _ in 0..MAX_ENTRIES + 10 {
            on = on.next_day().unwrap();
            holders_of_id(reg, "so-tttt", on, None, || {
                calls += 1;
                Vec::new()
            });
            assert!(remembered() <= MAX_ENTRIES);
        }
        assert_eq!(calls, MAX_ENTRIES + 10);
        assert_eq!(remembered(), 10);
        holders_of_id(reg, "so-tttt", on, None, || unreachable!("remembered"));
        let other = reg.with_json("{}").unwrap();
        let mut asked = 0;
        for _ in 0..2 {
            holders_of_id(&other, "so-tttt", on, None, || {
                asked += 1;
                Vec::new()
            });
        }
        assert_eq!(asked, 2);
    }
}
