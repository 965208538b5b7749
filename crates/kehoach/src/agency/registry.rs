//! The agency registry: known bodies with their variants, abbreviations and succession records.

use super::key::{self, Abbrev};
use super::province::{Province, province_key};
use super::succession::Event;
use super::{Agency, AgencyKind, Current, Level, Text};
use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::text::Case as _;
use crate::text::fold;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// The data the registry is compiled from (build.rs turns them into statics; the tests read
/// them back as JSON and check both agree): provincial bodies of Quảng Ngãi, common provincial
/// bodies, central ministries, collectives and abbreviations.
#[cfg(test)]
pub(super) const AGENCIES_JSON: &str = include_str!("../../data/agencies.json");
/// The national registry: ministries and national bodies, the provinces before and after
/// 01/07/2025, the provincial departments' pattern and the end of the district level.
#[cfg(test)]
pub(super) const NATIONAL_JSON: &str = include_str!("../../data/national-2025.json");
/// The succession records of Quảng Ngãi (2025), scoped to that province.
#[cfg(test)]
pub(super) const SUCCESSION_JSON: &str = include_str!("../../data/succession-quang-ngai-2025.json");
/// The records of other provinces' own decisions (Hà Nội, TP.HCM), scoped to them.
#[cfg(test)]
pub(super) const PROVINCES_JSON: &str = include_str!("../../data/succession-provinces-2025.json");

mod fuzzy;
#[cfg(test)]
pub(super) use fuzzy::MAX_FUZZY_LEN;

/// One known body.
///
/// ```
/// let e = kehoach::agency::Registry::embedded().lookup("UBND tỉnh").unwrap();
/// assert_eq!(e.id, "ubnd-tinh");
/// assert_eq!(e.name, "Ủy ban nhân dân tỉnh");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Entry {
    /// Stable id ("so-khcn").
    pub id: Text,
    /// Canonical full name.
    pub name: Text,
    /// Kind of body.
    pub kind: AgencyKind,
    /// Administrative level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// A group of bodies rather than one.
    #[serde(default)]
    pub collective: bool,
    /// Abbreviated forms ("Sở KH&CN", "Sở KHCN").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub abbreviations: Vec<Text>,
    /// Other spellings and forms ("Sở Lao động, Thương binh và Xã hội").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Text>,
    /// Date the body came into existence, when it is recent (bodies formed in 2025).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub established: Option<Date>,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// The JSON document of a registry (all keys optional).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Doc {
    #[serde(default, rename = "$comment")]
    _comment: Option<String>,
    #[serde(default, rename = "description")]
    _description: Option<String>,
    /// Abbreviation word → expansion ("UBND" → "Ủy ban nhân dân").
    #[serde(default)]
    abbreviations: BTreeMap<String, String>,
    #[serde(default)]
    agencies: Vec<Entry>,
    #[serde(default)]
    succession: Vec<Event>,
    #[serde(default)]
    provinces: Vec<Province>,
}

/// Known agencies, abbreviations and reorganizations, indexed for lookup by name.
///
/// The embedded registry covers Quảng Ngãi (the seed plan) and the bodies other plans name. A
/// registry for another province is read with [`Registry::from_json`], or layered over the
/// embedded one with [`Registry::with_json`]. The JSON document is
/// `{ "abbreviations": { "UBND": "Ủy ban nhân dân" }, "agencies": [Entry…], "succession":
/// [Event…] }`, every key optional.
///
/// ```
/// use kehoach::agency::{AgencyKind, Registry};
/// let extra = r#"{ "agencies": [{ "id": "so-ngoai-vu-kt", "name": "Sở Ngoại vụ tỉnh Kon Tum",
///                  "kind": "department", "level": "province", "abbreviations": ["SNV KT"] }] }"#;
/// let reg = Registry::embedded().with_json(extra).unwrap();
/// assert_eq!(reg.lookup("SNV KT").unwrap().name, "Sở Ngoại vụ tỉnh Kon Tum");
/// assert_eq!(reg.lookup("Sở Y tế").unwrap().kind, AgencyKind::Department);
/// assert_eq!(Registry::from_json("{ oops").unwrap_err().code(), "invalid-json");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// Abbreviations as given (for display expansion), by normalized word.
    abbr_display: Abbrev,
    /// Abbreviations by normalized word → normalized expansion (for keys).
    abbr: Abbrev,
    entries: Vec<Entry>,
    events: Vec<Event>,
    provinces: Vec<Province>,
    index: Index,
}

/// A registry's lookup tables: compiled in (the embedded registry's, sorted static slices that
/// build.rs computes from the data) or built from the entries at run time (a registry read from
/// or layered with JSON).
#[derive(Debug, Clone)]
enum Index {
    Compiled,
    Built(Box<Built>),
}

impl Default for Index {
    fn default() -> Self {
        Index::Built(Box::default())
    }
}

/// The lookup tables of a registry built at run time.
#[derive(Debug, Clone, Default)]
struct Built {
    by_id: HashMap<String, usize>,
    by_key: HashMap<String, usize>,
    by_fold: HashMap<String, usize>,
    /// Keys with their folded form, for bounded fuzzy suggestions.
    /// Sorted by length (then data order, the third field), so that a length window is a range.
    folded_keys: Vec<(String, usize, usize)>,
    events_from: HashMap<String, Vec<usize>>,
    provinces_by_key: HashMap<String, usize>,
}

/// The entry number of `k` in a compiled-in table sorted by key.
fn find(table: &super::embedded::Keys<u16>, k: &str) -> Option<usize> {
    table.find(k).map(usize::from)
}

impl Registry {
    /// The embedded registry: compiled into the crate (data/*.json, turned into statics at
    /// build time), indexed once, on first use; no JSON is parsed.
    pub fn embedded() -> &'static Registry {
        static EMBEDDED: OnceLock<Registry> = OnceLock::new();
        EMBEDDED.get_or_init(super::embedded::registry)
    }

    /// The compiled-in registry: its parts and the compiled-in lookup tables.
    pub(super) fn compiled(
        abbr: Abbrev,
        abbr_display: Abbrev,
        entries: Vec<Entry>,
        events: Vec<Event>,
        provinces: Vec<Province>,
    ) -> Registry {
        Registry {
            abbr_display,
            abbr,
            entries,
            events,
            provinces,
            index: Index::Compiled,
        }
    }

    fn add_abbreviation(&mut self, a: &str, exp: &str) {
        let k = key::unify_tone(&a.to_lower());
        let exp_key = key::key(exp, &Abbrev::new());
        self.abbr.insert(k.clone(), exp_key);
        self.abbr_display.insert(k, crate::text::normalize(exp));
    }

    /// A registry read from JSON (see the type docs for the shape).
    ///
    /// Errors: `invalid-json` when the JSON does not parse or has unknown fields,
    /// `invalid-argument` for an empty id or name, `not-found` for a succession record naming an
    /// id that no entry has.
    pub fn from_json(json: &str) -> Result<Registry, Error> {
        Registry::default().with_json(json)
    }

    /// A copy of this registry with a JSON document layered over it: entries with an existing id
    /// replace it, new ones are added; abbreviations are added or replaced; succession records are
    /// appended.
    pub fn with_json(&self, json: &str) -> Result<Registry, Error> {
        let doc: Doc = serde_json::from_str(json)?;
        let mut reg = self.clone();
        for (a, exp) in doc.abbreviations {
            reg.add_abbreviation(&a, &exp);
        }
        for mut e in doc.agencies {
            if e.id.trim().is_empty() || e.name.trim().is_empty() {
                return Err(Error::new(
                    ErrorKind::InvalidArgument,
                    "an agency entry has an empty id or name",
                ));
            }
            e.name = crate::text::normalize(&e.name).into();
            match reg.entries.iter().position(|x| x.id == e.id) {
                Some(i) => {
                    if let Some(slot) = reg.entries.get_mut(i) {
                        *slot = e;
                    }
                }
                None => reg.entries.push(e),
            }
        }
        reg.events.extend(doc.succession);
        for p in doc.provinces {
            match reg.provinces.iter().position(|x| x.name == p.name) {
                Some(i) => {
                    if let Some(slot) = reg.provinces.get_mut(i) {
                        *slot = p;
                    }
                }
                None => reg.provinces.push(p),
            }
        }
        reg.rebuild()?;
        Ok(reg)
    }

    /// Adds the entries, abbreviations and succession records of `other` (its entries replace
    /// those with the same id).
    pub fn extend(&mut self, other: &Registry) -> Result<(), Error> {
        for (k, v) in other.abbr.iter() {
            self.abbr.insert(k.to_string(), v.to_string());
        }
        for (k, v) in other.abbr_display.iter() {
            self.abbr_display.insert(k.to_string(), v.to_string());
        }
        for e in &other.entries {
            match self.entries.iter().position(|x| x.id == e.id) {
                Some(i) => {
                    if let Some(slot) = self.entries.get_mut(i) {
                        *slot = e.clone();
                    }
                }
                None => self.entries.push(e.clone()),
            }
        }
        self.events.extend(other.events.iter().cloned());
        for p in &other.provinces {
            match self.provinces.iter().position(|x| x.name == p.name) {
                Some(i) => {
                    if let Some(slot) = self.provinces.get_mut(i) {
                        *slot = p.clone();
                    }
                }
                None => self.provinces.push(p.clone()),
            }
        }
        self.rebuild()
    }

    /// Builds the lookup tables from the entries (build.rs computes the same for the
    /// compiled-in registry: change both together).
    fn rebuild(&mut self) -> Result<(), Error> {
        let mut ix = Built::default();
        for (i, p) in self.provinces.iter().enumerate() {
            ix.provinces_by_key
                .entry(province_key(&p.name, &self.abbr))
                .or_insert(i);
        }
        for (i, e) in self.entries.iter().enumerate() {
            ix.by_id.insert(e.id.to_string(), i);
        }
        for (i, e) in self.entries.iter().enumerate() {
            let names = std::iter::once(&e.name)
                .chain(e.abbreviations.iter())
                .chain(e.variants.iter());
            for n in names {
                let k = key::key(n, &self.abbr);
                if k.is_empty() {
                    continue;
                }
                let f = fold(&k);
                // The first entry naming a key keeps it (canonical names come first in the data).
                ix.by_key.entry(k).or_insert(i);
                if !ix.by_fold.contains_key(&f) {
                    let seq = ix.folded_keys.len();
                    ix.folded_keys.push((f.clone(), i, seq));
                    ix.by_fold.insert(f, i);
                }
            }
        }
        ix.folded_keys.sort_by_key(|(f, _, seq)| (f.len(), *seq));
        // Succession: validate ids, index by `from`, in date order.
        for (n, ev) in self.events.iter().enumerate() {
            let ids = std::iter::once(&ev.from).chain(ev.to.iter().map(|t| &t.id));
            for id in ids {
                if !ix.by_id.contains_key(id.as_ref()) {
                    return Err(Error::new(
                        ErrorKind::NotFound,
                        format!("succession record {n} names unknown agency id `{id}`"),
                    ));
                }
            }
            ix.events_from
                .entry(ev.from.to_string())
                .or_default()
                .push(n);
        }
        let events = &self.events;
        for list in ix.events_from.values_mut() {
            list.sort_by_key(|&n| events.get(n).and_then(|e| e.effective.or(e.not_before)));
        }
        self.index = Index::Built(Box::new(ix));
        Ok(())
    }

    /// The lookup tables in one comparable form: (by id, by key, by fold, by province key —
    /// each sorted —, folded keys in order, records by `from` id — sorted —, abbreviations,
    /// display abbreviations).
    #[cfg(test)]
    #[allow(clippy::type_complexity)]
    pub(super) fn index_tables(
        &self,
    ) -> (
        [Vec<(String, usize)>; 4],
        Vec<(String, usize, usize)>,
        Vec<(String, Vec<usize>)>,
        [BTreeMap<String, String>; 2],
    ) {
        use super::embedded as c;
        let owned = |t: &c::Keys<u16>| -> Vec<(String, usize)> {
            t.iter()
                .map(|(k, n)| (k.to_string(), usize::from(n)))
                .collect()
        };
        let sorted = |m: &HashMap<String, usize>| -> Vec<(String, usize)> {
            let mut v: Vec<_> = m.iter().map(|(k, &n)| (k.clone(), n)).collect();
            v.sort();
            v
        };
        let abbr = |a: &Abbrev| -> BTreeMap<String, String> {
            a.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let abbrs = [abbr(&self.abbr), abbr(&self.abbr_display)];
        match &self.index {
            Index::Compiled => (
                [
                    owned(&c::BY_ID),
                    owned(&c::BY_KEY),
                    owned(&c::BY_FOLD),
                    owned(&c::PROVINCES_BY_KEY),
                ],
                c::FOLDED_KEYS
                    .iter()
                    .filter_map(|&(row, s)| {
                        let row = usize::from(row);
                        let f = c::BY_FOLD.keys.get(row)?.get().to_string();
                        let i = usize::from(*c::BY_FOLD.values.get(row)?);
                        Some((f, i, usize::from(s)))
                    })
                    .collect(),
                c::EVENTS_FROM
                    .iter()
                    .map(|(id, l)| {
                        let l = l.of(c::EVENT_NUMBERS);
                        (id.to_string(), l.iter().map(|&n| usize::from(n)).collect())
                    })
                    .collect(),
                abbrs,
            ),
            Index::Built(ix) => {
                let mut ev: Vec<_> = ix
                    .events_from
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                ev.sort();
                (
                    [
                        sorted(&ix.by_id),
                        sorted(&ix.by_key),
                        sorted(&ix.by_fold),
                        sorted(&ix.provinces_by_key),
                    ],
                    ix.folded_keys.clone(),
                    ev,
                    abbrs,
                )
            }
        }
    }

    /// Every entry, in data order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Every province of 2024 (and Huế), in data order.
    pub fn provinces(&self) -> &[Province] {
        &self.provinces
    }

    pub(crate) fn province_by_key(&self, k: &str) -> Option<&Province> {
        let i = match &self.index {
            Index::Compiled => find(&super::embedded::PROVINCES_BY_KEY, k),
            Index::Built(ix) => ix.provinces_by_key.get(k).copied(),
        };
        i.and_then(|i| self.provinces.get(i))
    }

    /// Every succession record, in data order.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        let i = match &self.index {
            Index::Compiled => find(&super::embedded::BY_ID, id),
            Index::Built(ix) => ix.by_id.get(id).copied(),
        };
        i.and_then(|i| self.entries.get(i))
    }

    /// The entry whose name, abbreviation or variant matches `text` exactly (case-insensitive,
    /// punctuation and tone placement ignored, diacritics respected).
    pub fn lookup(&self, text: &str) -> Option<&Entry> {
        self.by_key(&key::key(text, &self.abbr))
    }

    /// The registry id for `text`, if the registry knows it.
    pub fn canonical_id(&self, text: &str) -> Option<&str> {
        self.lookup(text).map(|e| e.id.as_ref())
    }

    /// True when two agencies are the same body: same registry id, or (when either is not in the
    /// registry) the same name key.
    pub fn same_agency(&self, a: &Agency, b: &Agency) -> bool {
        match (&a.id, &b.id) {
            (Some(x), Some(y)) => x == y,
            _ => self.key(&a.name) == self.key(&b.name),
        }
    }

    /// True when `holder` (a name, abbreviation or variant) holds `agency`'s duties on `on`
    /// (or, without a date, when it is the agency as named): the matching primitive of the
    /// per-agency view.
    pub fn leads(&self, holder: &str, agency: &Agency, on: Option<Date>) -> bool {
        self.leads_in(holder, agency, on, None)
    }

    /// [`Registry::leads`] in a province's context (the plan's issuer; see
    /// [`Registry::successors_in`]).
    pub fn leads_in(
        &self,
        holder: &str,
        agency: &Agency,
        on: Option<Date>,
        province: Option<&str>,
    ) -> bool {
        let holder_id = self.canonical_id(holder);
        let holder_key = self.key(holder);
        let is = |id: Option<&str>, name: &str| match (holder_id, id) {
            (Some(h), Some(i)) => h == i,
            _ => holder_key == self.key(name),
        };
        match on {
            None => is(agency.id.as_deref(), &agency.name),
            Some(date) => self
                .holders_in(agency, date, province)
                .iter()
                .any(|c| is(c.id.as_deref(), &c.name)),
        }
    }

    /// Who holds the duties of `agency` on `on` (as [`super::resolve_current`] fills them).
    pub fn holders_of(&self, agency: &Agency, on: Date) -> Vec<Current> {
        self.holders_in(agency, on, None)
    }

    /// [`Registry::holders_of`] in a province's context (the plan's issuer; see
    /// [`Registry::successors_in`]); the agency's own [`province`](Agency::province) wins.
    /// A district's people's committee ("UBND huyện Sơn Tịnh") follows the end of the district
    /// level.
    ///
    /// ```
    /// use kehoach::{agency::{Change, Registry}, Date};
    /// let reg = Registry::embedded();
    /// let a = reg.recognize("UBND huyện Sơn Tịnh");
    /// let now = reg.holders_in(&a, Date::from_ymd(2026, 11, 28).unwrap(), Some("Quảng Ngãi"));
    /// assert_eq!(now[0].name, "Ủy ban nhân dân các xã, phường, đặc khu");
    /// assert_eq!(now[0].change, Change::Abolished);
    /// assert_eq!(now[0].chain[0].from, "Ủy ban nhân dân huyện Sơn Tịnh");
    /// assert_eq!(now[1].name, "Ủy ban nhân dân tỉnh");
    /// let then = reg.holders_in(&a, Date::from_ymd(2024, 1, 1).unwrap(), None);
    /// assert_eq!(then[0].name, "Ủy ban nhân dân huyện Sơn Tịnh");
    /// assert_eq!(then[0].change, Change::Unchanged);
    /// ```
    pub fn holders_in(&self, agency: &Agency, on: Date, province: Option<&str>) -> Vec<Current> {
        let ctx = agency.province().or(province);
        match (&agency.id, self.district_fallback(agency)) {
            (Some(id), _) => self.holders_of_id_in(id, on, ctx),
            (None, Some(id)) => fallback_holders(agency, self.holders_of_id_in(id, on, ctx)),
            (None, None) => vec![super::succession::unrecorded(&agency.name, None)],
        }
    }

    /// The registry id whose records a body the registry cannot list follows: one district's
    /// people's committee follows the district level's ("ubnd-huyen").
    pub(crate) fn district_fallback(&self, a: &Agency) -> Option<&'static str> {
        let district = a.kind == super::AgencyKind::PeoplesCommittee
            && a.level == Some(super::Level::District)
            && !a.collective
            && a.position().is_none();
        (district && self.entry("ubnd-huyen").is_some()).then_some("ubnd-huyen")
    }

    /// Who holds the duties of the agency named `name` on `on`; empty when the name is not in the
    /// registry. Same as [`Registry::successors_on`].
    pub fn holders_on(&self, name: &str, on: Date) -> Vec<Current> {
        self.successors_on(name, on)
    }

    /// The normalized matching key of a name (see the module docs).
    pub fn key(&self, text: &str) -> String {
        key::key(text, &self.abbr)
    }

    pub(crate) fn abbr(&self) -> &Abbrev {
        &self.abbr
    }

    pub(crate) fn by_key(&self, k: &str) -> Option<&Entry> {
        let i = match &self.index {
            Index::Compiled => find(&super::embedded::BY_KEY, k),
            Index::Built(ix) => ix.by_key.get(k).copied(),
        };
        i.and_then(|i| self.entries.get(i))
    }

    pub(crate) fn by_fold(&self, folded: &str) -> Option<&Entry> {
        let i = match &self.index {
            Index::Compiled => find(&super::embedded::BY_FOLD, folded),
            Index::Built(ix) => ix.by_fold.get(folded).copied(),
        };
        i.and_then(|i| self.entries.get(i))
    }

    pub(crate) fn events_from(&self, id: &str) -> impl Iterator<Item = (usize, &Event)> {
        let (compiled, built): (&[u16], &[usize]) = match &self.index {
            Index::Compiled => {
                let c = &super::embedded::EVENTS_FROM;
                let list = c.find(id).map(|l| l.of(super::embedded::EVENT_NUMBERS));
                (list.unwrap_or(&[]), &[])
            }
            Index::Built(ix) => (&[], ix.events_from.get(id).map_or(&[], Vec::as_slice)),
        };
        let numbers = compiled.iter().map(|&n| usize::from(n));
        numbers
            .chain(built.iter().copied())
            .filter_map(|n| self.events.get(n).map(|e| (n, e)))
    }

    /// Expands abbreviation words in `text` for display ("UBND tỉnh" → "Ủy ban nhân dân tỉnh"),
    /// given its words `ws` (from [`key::words`], whatever its abbreviations: a word's
    /// normalized form and place do not depend on them).
    pub(crate) fn expand_display(&self, text: &str, ws: &[key::Word]) -> String {
        let mut out = String::with_capacity(text.len() + 16);
        let mut last = 0;
        for w in ws {
            if let Some(exp) = self.abbr_display.get(w.norm) {
                out.push_str(text.get(last..w.start).unwrap_or(""));
                out.push_str(exp);
                last = w.end;
            }
        }
        out.push_str(text.get(last..).unwrap_or(""));
        capitalize_owned(out)
    }
}

/// Uppercases the first character; the string itself when it already starts uppercase (or
/// with no letter), as names mostly do.
pub(crate) fn capitalize_owned(s: String) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if !c.to_upper().eq(std::iter::once(c)) => {
            let mut out = String::with_capacity(s.len() + 2);
            out.extend(c.to_upper());
            out.push_str(chars.as_str());
            out
        }
        _ => s,
    }
}

/// The holders of a body the registry cannot list (`agency`, one district's people's
/// committee), from `out`, those of the records it follows ([`Registry::district_fallback`]):
/// each chain starts from the body's own name; with no chain at all, the body is unrecorded.
pub(crate) fn fallback_holders(agency: &Agency, mut out: Vec<Current>) -> Vec<Current> {
    if out.iter().all(|c| c.chain.is_empty()) {
        return vec![super::succession::unrecorded(&agency.name, None)];
    }
    for c in &mut out {
        if let Some(first) = c.chain.first_mut() {
            first.from = agency.name.as_str().to_owned();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::capitalize_owned;
    use crate::text::Case as _;

    proptest::proptest! {
        /// The first char uppercased, the rest unchanged: equal to mapping the first char and
        /// collecting the rest, for any text (ASCII, Vietnamese, chars that uppercase to two).
        #[test]
        fn capitalize_equals_mapping_the_first_char(s in "[aĐđủỦß1 ]{0,4}\\PC{0,6}") {
            let mut chars = s.chars();
            let expected: String = match chars.next() {
                Some(c) => c.to_upper().chain(chars).collect(),
                None => String::new(),
            };
            proptest::prop_assert_eq!(capitalize_owned(s.clone()), expected);
        }
    }

    #[test]
    fn capitalize_names() {
        assert_eq!(
            capitalize_owned("ủy ban nhân dân tỉnh".into()),
            "Ủy ban nhân dân tỉnh"
        );
        assert_eq!(capitalize_owned("Sở Tài chính".into()), "Sở Tài chính");
        assert_eq!(capitalize_owned("đài".into()), "Đài");
        assert_eq!(capitalize_owned(String::new()), "");
    }
}
