//! Agencies — TODO(lead): wire when `crate::agency` lands (it is a placeholder
//! `Agency { text, span }` on this branch, and the `agency/*` constructors live in the agency
//! module's branch).
//!
//! What this family must report, for every `Leads` list of a unit (`u.leads`, `u.partners`):
//! - `agency/unknown` (warning): an agency the registry does not know, with the nearest known
//!   name as a machine-applicable fix when it is close (compare exact NFC first, `fold` only as
//!   a fallback for the suggestion). Generic groups ("Các sở, ban, ngành") are not unknown;
//!   if `split_agencies` already reports unknowns at parse time, do not duplicate them here;
//! - `agency/duplicate` (warning): the same agency (same registry id) twice in one list, span
//!   = the second mention, label = the first;
//! - `agency/succeeded` (warning, only when `opts.as_of` is set): an agency that no longer
//!   exists on `opts.as_of`, naming its successor(s), the effective date and the legal basis
//!   (from `agency-succession.json`); on the seed as of 2026-11-28 this fires for the merged
//!   departments (e.g. Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ).
//!   The parser already resolves `resolve_current(a, as_of)` when `ParseOptions::as_of` is set
//!   (`CheckOptions::parse_options` passes it): read the resolution from the agency rather than
//!   resolving again.

use super::CheckOptions;
use crate::diagnostic::Diagnostic;
use crate::document::Plan;

/// Checks every agency list (TODO(lead): see the module docs; a no-op until wired).
pub(super) fn check(_plan: &Plan, _opts: &CheckOptions, _out: &mut Vec<Diagnostic>) {}
