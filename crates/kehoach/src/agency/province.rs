//! Provinces and their 2025 arrangement (63 → 34 on 01/07/2025): lookup by name, and the step
//! that carries a provincial body of a merged province to the province it now belongs to.

use super::key;
use super::registry::Registry;
use super::succession::Step;
use super::{Change, Confidence, Text};
use crate::date::Date;
use serde::{Deserialize, Serialize};

/// One province or centrally-run city as it was before 01/07/2025, and what became of it.
///
/// ```
/// let reg = kehoach::agency::Registry::embedded();
/// let p = reg.province("tỉnh Đắk Nông").unwrap();
/// assert_eq!((&*p.name, &*p.now), ("Đắk Nông", "Lâm Đồng"));
/// assert!(p.basis.contains("202/2025/QH15"));
/// assert_eq!(reg.province("TP.HCM").unwrap().name, "Hồ Chí Minh");
/// assert_eq!(reg.provinces().len(), 64); // the 63 of 2024 and Huế (a city since 01/01/2025)
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Province {
    /// Short name ("Đắk Nông", "Hồ Chí Minh").
    pub name: Text,
    /// "tỉnh" or "thành phố".
    #[serde(rename = "type")]
    pub unit: Text,
    /// Statistical code (CV 915/CTK-CSCL), when the source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<Text>,
    /// The province it belongs to after the arrangement (its own name when kept).
    pub now: Text,
    /// "tỉnh" or "thành phố" of `now`.
    pub now_type: Text,
    /// What happened: merged (into `now`, or `now` kept its name and took others), renamed,
    /// unchanged.
    pub change: Change,
    /// Effective date.
    pub effective: Date,
    /// Legal basis.
    pub basis: Text,
    /// Main source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
    /// How sure the sources are.
    pub confidence: Confidence,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

impl Province {
    /// "tỉnh Đắk Nông", "thành phố Hà Nội".
    pub fn full_name(&self) -> String {
        format!("{} {}", self.unit, self.name)
    }
}

/// Words that may come before a province's name ("Ủy ban nhân dân tỉnh", "TP.").
const LEADS: &[&str] = &[
    "ủy ban nhân dân",
    "hội đồng nhân dân",
    "tỉnh",
    "tỉnh ủy",
    "thành ủy",
    "thành phố",
    "tp",
];

impl Registry {
    /// The province named by `text`: its short name, or with "tỉnh"/"thành phố"/"TP", or an
    /// issuer ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"). Case, punctuation and tone placement are
    /// ignored; the name must end the text.
    ///
    /// ```
    /// let reg = kehoach::agency::Registry::embedded();
    /// assert_eq!(reg.province("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI").unwrap().name, "Quảng Ngãi");
    /// assert_eq!(reg.province("Thừa Thiên Huế").unwrap().now, "Huế");
    /// assert!(reg.province("huyện Sơn Tịnh").is_none());
    /// assert_eq!(reg.province("TỈNH ỦY LÀO CAI").unwrap().name, "Lào Cai");
    /// ```
    pub fn province(&self, text: &str) -> Option<&Province> {
        // A province's own short name (the plan's province, passed to every succession
        // lookup): found without computing a key (a test checks it is the key's answer).
        if let Some(p) = self.provinces().iter().find(|p| p.name == text) {
            return Some(p);
        }
        let k = self.key(text);
        if k.is_empty() || k.starts_with(' ') || k.ends_with(' ') || k.contains("  ") {
            return self.province_of_words(&k);
        }
        // A key's words are separated by single spaces: each tail is a slice of it. Where the
        // tails of one to five words start (from the shortest); the whole key is one of them
        // when it has at most five words.
        let mut starts = [0usize; 5];
        let mut m = 0;
        for (i, _) in k.rmatch_indices(' ').take(5) {
            if let Some(slot) = starts.get_mut(m) {
                *slot = i + 1;
            }
            m += 1;
        }
        let count = if m < 5 { m + 1 } else { 5 };
        for len in (1..=count).rev() {
            let at = if len == m + 1 {
                0
            } else {
                starts.get(len - 1).copied().unwrap_or(0)
            };
            let Some(p) = k.get(at..).and_then(|tail| self.province_by_key(tail)) else {
                continue;
            };
            // Only whole-name matches: what precedes must be a lead word or nothing.
            let before = k.get(..at.saturating_sub(1)).unwrap_or("");
            let lead = |l: &&str| {
                before
                    .strip_suffix(*l)
                    .is_some_and(|r| r.is_empty() || r.ends_with(' '))
            };
            if before.is_empty() || LEADS.iter().any(lead) {
                return Some(p);
            }
        }
        None
    }

    /// [`Registry::province`] of a key with empty words (an abbreviation expanding to nothing).
    pub(super) fn province_of_words(&self, k: &str) -> Option<&Province> {
        let words: Vec<&str> = k.split(' ').filter(|w| !w.is_empty()).collect();
        // The name is at most five words ("Bà Rịa Vũng Tàu", "Hồ Chí Minh"); try the longest
        // tail first that is a province, with or without the leading words.
        let n = words.len();
        for len in (1..=n.min(5)).rev() {
            let tail = words.get(n - len..).unwrap_or(&[]).join(" ");
            if let Some(p) = self.province_by_key(&tail) {
                // Only whole-name matches: what precedes must be a lead word or nothing.
                let before = words.get(..n - len).unwrap_or(&[]).join(" ");
                let ends_with = |l: &&str| before == *l || before.ends_with(&format!(" {l}"));
                if before.is_empty() || LEADS.iter().any(ends_with) {
                    return Some(p);
                }
            }
        }
        None
    }

    /// The province of a plan's issuer ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" → Quảng Ngãi): the
    /// context in which the plan's agencies named without a province are read.
    ///
    /// ```
    /// let out = kehoach::parse(kehoach::SEED_PLAN);
    /// let reg = kehoach::agency::Registry::embedded();
    /// assert_eq!(reg.plan_province(&out.plan.meta).unwrap().name, "Quảng Ngãi");
    /// ```
    pub fn plan_province(&self, meta: &crate::document::Metadata) -> Option<&Province> {
        let issuer = meta.issuer.as_ref()?;
        let k = self.key(&issuer.text);
        // Only a province's own bodies give the context ("UBND tỉnh", "HĐND tỉnh", "Tỉnh ủy").
        (!k.starts_with("bộ ") && !k.starts_with("chính phủ"))
            .then(|| self.province(&issuer.text))
            .flatten()
    }

    /// The entry of key `k`, or of `k` without a province's name at its end ("báo và phát thanh
    /// truyền hình hưng yên").
    pub(crate) fn by_key_or_province(&self, k: &str) -> Option<&super::Entry> {
        if let Some(e) = self.by_key(k) {
            return Some(e);
        }
        // The last one to five words (a province's name) after a body: cut at each of the last
        // five spaces, the slices on either side are the body's and the province's keys.
        let spaces = k.bytes().enumerate().rev().filter(|&(_, b)| b == b' ');
        spaces.take(5).find_map(|(at, _)| {
            self.province_by_key(k.get(at + 1..)?)?;
            self.by_key(k.get(..at)?)
        })
    }

    /// The step that carries `holder` (a provincial body of `province`, named `name`) to the
    /// province it belongs to on `on`, if `province` was merged by then.
    pub(crate) fn province_step(&self, province: &Province, name: &str, on: Date) -> Option<Step> {
        if province.change != Change::Merged || province.effective > on {
            return None;
        }
        let kept = province.now == province.name;
        let to = if kept {
            let others: Vec<&str> = self
                .provinces()
                .iter()
                .filter(|p| p.now == province.now && p.name != province.now)
                .map(|p| p.name.as_ref())
                .collect();
            format!(
                "{name} {} {} ({} mới, hợp nhất với cơ quan tương ứng của {})",
                province.now_type,
                province.now,
                province.now_type,
                others.join(", ")
            )
        } else {
            format!("{name} {} {}", province.now_type, province.now)
        };
        Some(Step {
            from: format!("{name} {}", province.full_name()),
            to,
            change: Change::Merged,
            consolidation: true,
            date: Some(province.effective),
            basis: province.basis.to_string(),
            confidence: Confidence::Medium.min(province.confidence),
            source: province.source.as_deref().map(str::to_string),
            functions: Vec::new(),
        })
    }
}

/// The key a province is indexed by: its short name's key.
pub(crate) fn province_key(name: &str, abbr: &key::Abbrev) -> String {
    key::key(name, abbr)
}
