//! Lead agencies ("Cơ quan chủ trì"): a registry of known bodies, recognition of names the
//! registry cannot list, a list splitter, and succession over time (who holds an agency's duties
//! on a given date).
//!
//! # Splitting
//!
//! A "Cơ quan chủ trì" value is a list whose separators also occur inside names:
//! "Sở Lao động - Thương binh và Xã hội" is one agency, "Các sở, ban, ngành, UBND các huyện, thị
//! xã, thành phố và các tổ chức cá nhân liên quan" is three groups. [`split_agencies`] cuts at
//! `;` always, and at `,` and "và" only between complete names: at each position it takes the
//! longest run of up to eight segments that the [`Registry`] knows, falls back to the patterns of
//! the recognizer ("Sở …", "Bộ …", "UBND tỉnh …", "các …"), then lets a collective absorb bare
//! group nouns ("…, ban, ngành", "…, thị xã, thành phố"). Parenthesised notes ("Sở Y tế (Giao
//! Phòng Nghiệp vụ Y)") never split and become [`Agency::note`]; "các Sở: Tài chính, Nội vụ"
//! expands to one department per item.
//!
//! ```
//! use kehoach::{agency::{split_agencies, AgencyKind, Registry}, LineIndex, Locator};
//! let text = "Các sở, ban, ngành, UBND các huyện, thị xã, thành phố và các tổ chức cá nhân liên quan.";
//! let idx = LineIndex::new(text);
//! let (agencies, diagnostics) = split_agencies(text, &Locator::new(&idx), Registry::embedded());
//! let texts: Vec<&str> = agencies.iter().map(|a| a.text.as_str()).collect();
//! assert_eq!(texts, ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố",
//!                    "các tổ chức cá nhân liên quan"]);
//! assert_eq!(agencies[1].name, "Ủy ban nhân dân các huyện, thị xã, thành phố");
//! assert_eq!(agencies[1].kind, AgencyKind::PeoplesCommittee);
//! assert!(agencies.iter().all(|a| a.collective && a.known));
//! assert!(diagnostics.is_empty());
//! ```
//!
//! # Matching
//!
//! Names are compared on a key: lowercase, punctuation dropped, old/new tone placement unified
//! ("Uỷ"/"Ủy", "hoá"/"hóa"), registry abbreviations expanded ("UBND" → "ủy ban nhân dân").
//! Diacritics are kept: "Sở Thông tin và Truyền thong" is *not* known; the diacritic-folded key
//! finds "Sở Thông tin và Truyền thông" as a [`suggestion`](Agency::suggestion) and an
//! `agency/unknown` diagnostic carries it as a fix.
//!
//! # Succession
//!
//! The registry holds a dated record of reorganizations ([`Event`]): merged, renamed, split (with
//! the functions each successor took) and abolished, each with its effective date, legal basis,
//! source and confidence. [`Registry::successors_on`] follows the chain to the date asked.
//!
//! The embedded records are national (the ministries of 01/03/2025, the provinces of
//! 01/07/2025, the provincial departments' pattern of NĐ 45/2025/NĐ-CP, the end of the district
//! level) and those of one province's own decisions (Quảng Ngãi). A provincial body is read in
//! a province's context ([`Registry::successors_in`], [`Registry::holders_in`]): the province it
//! names ("Sở TT&TT tỉnh Đắk Nông", kept in [`Agency::province`]), else the plan's issuer's.
//! It follows that province's own records where there are any, else the national pattern, and
//! then into the province it belongs to since 01/07/2025. Without a context only the national
//! records apply.
//!
//! Positions ("Chủ tịch UBND các tỉnh", "Tư lệnh các quân khu") are read as the body they head,
//! with the position kept in [`Agency::position`].
//!
//! Steps that only consolidate a body with its counterpart of another province and keep its name
//! (the 01/07/2025 merger of Quảng Ngãi and Kon Tum) are marked
//! [`consolidation`](Event::consolidation): they are listed in [`Current::chain`] and give
//! [`Current::official_name`] ("Sở Khoa học và Công nghệ tỉnh Quảng Ngãi (tỉnh mới, …)"), but
//! they do not change [`Current::name`], [`Current::since`] or [`Current::change`], which come
//! from the last step that moved the duties. So "Sở Thông tin và Truyền thông" on 2026-11-28 is
//! held by "Sở Khoa học và Công nghệ" since 2025-03-01 (merged), with both steps in the chain.
//!
//! ```
//! use kehoach::{agency::{Change, Registry}, Date};
//! let reg = Registry::embedded();
//! let qn = Some("Quảng Ngãi");
//! let now = reg.successors_in("Sở TT&TT", Date::from_ymd(2026, 11, 28).unwrap(), qn);
//! assert_eq!(now.len(), 1);
//! assert_eq!(now[0].name, "Sở Khoa học và Công nghệ");
//! assert_eq!(now[0].change, Change::Merged);
//! assert_eq!(now[0].since, Some(Date::from_ymd(2025, 3, 1).unwrap()));
//! assert_eq!(now[0].chain.len(), 2);
//! let then = reg.successors_in("Sở TT&TT", Date::from_ymd(2024, 1, 1).unwrap(), qn);
//! assert_eq!(then[0].name, "Sở Thông tin và Truyền thông");
//! assert_eq!(then[0].change, Change::Unchanged);
//! ```

mod details;
mod embedded;
mod holders_memo;
mod key;
mod key_slots;
mod levenshtein;
mod lexicon;
mod memo;
mod province;
mod recognize;
mod registry;
mod split;
mod succession;
#[cfg(test)]
mod tests;

pub use details::AgencyDetails;
pub(crate) use memo::SplitMemo;
pub use province::Province;
pub use registry::{Entry, Registry};
pub use split::{DEFAULT_MAX_AGENCIES, split_agencies, split_agencies_max};
pub use succession::{
    Event, Step, Target, check_current, check_current_in, check_current_in_province,
    resolve_current,
};
pub(crate) use succession::{HoldersCache, succeeded};

use crate::date::Date;
use crate::span::Span;

/// A registry string: borrowed from the compiled-in data (the embedded registry is built
/// without copying its text: no allocation per name, basis or source at first use), owned
/// when read from JSON.
pub type Text = std::borrow::Cow<'static, str>;

/// A registry text as an agency's field: the embedded registry's `&'static str` is kept by
/// reference (no allocation, also when the agency is copied), another one inline or copied.
pub(crate) fn shared_text(t: &Text) -> CompactString {
    match t {
        std::borrow::Cow::Borrowed(s) => CompactString::const_new(s),
        std::borrow::Cow::Owned(s) => CompactString::new(s),
    }
}
use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// What kind of body an agency is.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AgencyKind {
    /// A provincial department (sở), or a body of that rank (Thanh tra tỉnh).
    Department,
    /// A people's committee (Ủy ban nhân dân) at any level.
    PeoplesCommittee,
    /// An office (Văn phòng UBND, Văn phòng Chính phủ).
    Office,
    /// A board (ban: Ban Dân tộc, Ban Quản lý Khu kinh tế …).
    Board,
    /// A central ministry or ministry-level body (Bộ …, Ngân hàng Nhà nước).
    Ministry,
    /// The Fatherland Front (Mặt trận Tổ quốc Việt Nam).
    Front,
    /// A mass or socio-political organisation (Hội, Đoàn, Liên đoàn, đoàn thể).
    MassOrganization,
    /// The police (Công an).
    Police,
    /// The military (Bộ Chỉ huy Quân sự, Bộ đội Biên phòng).
    Military,
    /// An enterprise (doanh nghiệp, viễn thông, điện lực, tổ chức tín dụng).
    Enterprise,
    /// The press (Báo, Đài, cơ quan báo chí).
    Press,
    /// A generic group of bodies ("các sở, ban, ngành", "các đơn vị liên quan").
    Group,
    /// Anything else.
    Other,
}

impl AgencyKind {
    /// The wire name (`department`, `peoplesCommittee`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            AgencyKind::Department => "department",
            AgencyKind::PeoplesCommittee => "peoplesCommittee",
            AgencyKind::Office => "office",
            AgencyKind::Board => "board",
            AgencyKind::Ministry => "ministry",
            AgencyKind::Front => "front",
            AgencyKind::MassOrganization => "massOrganization",
            AgencyKind::Police => "police",
            AgencyKind::Military => "military",
            AgencyKind::Enterprise => "enterprise",
            AgencyKind::Press => "press",
            AgencyKind::Group => "group",
            AgencyKind::Other => "other",
        }
    }
}

/// Administrative level of a body.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Level {
    /// Central (Bộ, Chính phủ).
    Central,
    /// Province (tỉnh, thành phố trực thuộc trung ương).
    Province,
    /// District (huyện, thị xã, thành phố thuộc tỉnh); abolished from 01/07/2025.
    District,
    /// Commune (xã, phường, thị trấn, đặc khu).
    Commune,
}

/// How an agency's duties passed on.
#[cfg_attr(feature = "ts", derive(tsify::Tsify), tsify(rename = "AgencyChange"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Change {
    /// Merged into another body (or into a body formed from several).
    Merged,
    /// Renamed (same body, new name).
    Renamed,
    /// Split: its functions went to several bodies.
    Split,
    /// Abolished: its duties went to other levels or bodies.
    Abolished,
    /// Still the same body.
    Unchanged,
}

impl Change {
    /// The wire name (`merged`, `renamed`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Merged => "merged",
            Change::Renamed => "renamed",
            Change::Split => "split",
            Change::Abolished => "abolished",
            Change::Unchanged => "unchanged",
        }
    }
}

/// How sure the source of a succession record is.
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Confidence {
    /// Low: inferred or weakly sourced.
    Low,
    /// Medium: partly sourced or inferred from the national frame.
    Medium,
    /// High: stated by the sources.
    High,
}

/// One holder of an agency's duties on a date (`current` of an [`Agency`]).
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Current {
    /// Human-usable name of the holder ("Sở Khoa học và Công nghệ").
    pub name: String,
    /// Since when it holds the duties: the date of the last step that moved them (consolidation
    /// steps excepted, see the module docs); `null` when no reorganization is recorded.
    pub since: Option<Date>,
    /// How the duties reached it.
    #[cfg_attr(feature = "ts", tsify(type = "AgencyChange"))]
    pub change: Change,
    /// Legal basis of that step; `null` when no reorganization is recorded.
    pub basis: Option<String>,
    /// Registry id of the holder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The holder's name as the last step (consolidations included) states it, with the province
    /// qualifier ("Sở Khoa học và Công nghệ tỉnh Quảng Ngãi (tỉnh mới, …)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official_name: Option<String>,
    /// Confidence of the step that gave `since` (the lowest along the chain when lower).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// What a split successor took over ("giáo dục nghề nghiệp").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<String>,
    /// Source of the step that gave `since`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// What the sources mark uncertain along the chain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uncertain: Vec<String>,
    /// Every step from the agency as named to this holder, in date order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chain: Vec<Step>,
}

/// One agency named in a lead-agency list.
///
/// A position, qualifier, province, note or suggestion is read through [`Agency::details`]
/// (or [`Agency::qualifier`] and its siblings); the JSON lists them with the other fields.
///
/// ```
/// use kehoach::agency::{Agency, AgencyKind};
/// let a = kehoach::agency::Registry::embedded().recognize("Sở KH&CN");
/// assert_eq!(a.name, "Sở Khoa học và Công nghệ");
/// assert_eq!(a.kind, AgencyKind::Department);
/// assert!(a.known && !a.collective);
/// let json = serde_json::to_value(&a).unwrap();
/// assert_eq!(json["kind"], "department");
/// assert_eq!(json["text"], "Sở KH&CN");
/// ```
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Agency {
    /// The piece as written (without a parenthesised note).
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub text: CompactString,
    /// Canonical full name ("Ủy ban nhân dân tỉnh"); for unknown pieces, the text with known
    /// abbreviations expanded.
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub name: CompactString,
    /// Kind of body.
    pub kind: AgencyKind,
    /// A group of bodies ("các sở, ban, ngành") rather than one.
    pub collective: bool,
    /// Recognized by the registry or by a name pattern.
    pub known: bool,
    /// Where the piece is in the document.
    #[serde(default)]
    pub span: Span,
    /// Registry id, when the registry knows the agency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(type = "string"))]
    pub id: Option<CompactString>,
    /// Administrative level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// What few pieces carry beside their name: a position, a qualifier, a province, a note or
    /// a suggestion (see [`AgencyDetails`]; read them with [`Agency::position`] and its
    /// siblings). Boxed, so that an agency stays small: a plan names hundreds of agencies and
    /// most have none of these. In JSON they are the agency's own fields, as before.
    #[serde(
        flatten,
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "details::deserialize"
    )]
    // In TypeScript the fields are the agency's own (all optional), as in JSON.
    #[cfg_attr(feature = "ts", tsify(type = "AgencyDetails"))]
    pub details: Option<Box<AgencyDetails>>,
    /// Who holds its duties on the as-of date (filled by [`resolve_current`]).
    ///
    /// Shared (`Arc`): a plan names the same few dozen agencies in hundreds of tasks, and a
    /// holder list with its chain of steps is a registry fact, not a per-task copy. Serialized
    /// as a plain array, like a `Vec`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(type = "Current[]"))]
    pub current: Option<Arc<[Current]>>,
    /// Joined to the agency before it by "và" ("Cục Lâm nghiệp và Cục Kiểm lâm"): two bodies,
    /// one lead as the document lists its leads (see
    /// [`Leads::written`](crate::document::Leads::written)).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "ts", tsify(optional))]
    pub and_previous: bool,
}
