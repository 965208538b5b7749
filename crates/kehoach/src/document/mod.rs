//! Documents: the plan model, the parser for plan text as people have it, and the canonical
//! text rendering.
//!
//! The parser reads raw text as issued or copied from a legal-document website (a leading
//! site-name line and a trailing "HIỆU LỰC VĂN BẢN" block are recognized as the wrapper and
//! kept apart, never mistaken for plan content). It tolerates CRLF, BOM, NBSP, tabs, NFD
//! Vietnamese, trailing spaces and blank-line variations: the text is normalized (see
//! [`crate::text`]) and every span maps back to the input as given.
//!
//! Structure: Roman sections (`I.`), Arabic parts (`1.`), lettered points (`a)`, …, `đ)`,
//! inserted `a1)`), paragraphs and dash lines, and labelled fields from a [`LabelTable`].
//!
//! Element ids follow Akoma Ntoso: `sec_II__para_2__point_d`; a repeated designation among
//! siblings gets `_2`, `_3`; `đ` is written `dd` (`point_dd`) so ids stay ASCII.

mod assign;
mod body;
mod bullet_assign;
mod citation;
mod compact;
mod continued;
mod encoding;
mod encoding_bound;
mod fields;
mod groups;
mod header;
mod heading_assign;
mod ids;
mod labels;
mod limits;
mod lines;
mod model;
mod parse;
mod render;
mod table;
mod table_cells;
mod table_html;
mod table_pipe;
mod vndate;

pub use header::{DOC_TYPES, SITE_NAMES, WRAPPER_HEADINGS};
pub use labels::{DEFAULT_LABELS, FieldMatch, LabelTable};
pub use model::*;
pub(crate) use parse::parse_fragment;
pub use parse::{DEFAULT_MAX_LINES, DEFAULT_MAX_UNITS, ParseOptions, Parser};
pub use render::{content_json, render};
pub(crate) use render::{render_unit, render_unit_shallow};
pub(crate) use vndate::{find_date, to_date};

/// Parses a plan with the default options.
///
/// ```
/// let out = kehoach::parse("I. MỤC ĐÍCH\n1. Mục đích\n- Tuyên truyền.\n");
/// assert_eq!(out.plan.body[0].children[0].number, "I.1");
/// ```
pub fn parse(text: &str) -> ParseOutput {
    Parser::default().parse(text)
}
