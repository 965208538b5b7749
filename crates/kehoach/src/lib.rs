//! # kehoach
//!
//! Turns Vietnamese government implementation plans ("Kế hoạch … thực hiện Nghị quyết …") into
//! checked, schedulable data: a tree of sections (mục, I., II.), parts (khoản, 1., 2.) and points
//! (điểm, a), b), … đ) …), each task with its lead agencies ("Cơ quan chủ trì") and timeframe
//! ("Thời gian thực hiện"), with located bilingual diagnostics.
//!
//! ```
//! let out = kehoach::parse(kehoach::SEED_PLAN);
//! let tasks = out.plan.tasks();
//! assert_eq!(tasks.len(), 44);
//! assert_eq!(tasks[0].number, "II.1.a");
//! ```

pub mod agency;
pub mod amend;
pub mod date;
pub mod diagnostic;
pub mod document;
pub mod error;
pub mod export;
pub mod json;
mod map_hasher;
pub mod nfc;
pub mod numbering;
#[cfg(feature = "office")]
pub mod office;
pub mod schedule;
mod sort;
pub mod span;
pub mod span_walk;
pub mod testing;
pub mod text;
pub mod timeframe;
pub mod validate;

pub use agency::{Agency, AgencyKind, Registry, split_agencies};
/// The string type of the model's values (unit ids, designations and paths, labels, block,
/// lead and timeframe texts, agency texts, names and ids): up to 24 bytes are kept inline,
/// without an allocation, and the embedded registry's names are borrowed, not copied; it
/// dereferences to `str` and compares with `&str` and `String`. Re-exported from the
/// `compact_str` crate.
///
/// ```
/// let out = kehoach::parse("Nhiệm vụ\n1. Làm A.\n");
/// let eid: &kehoach::CompactString = &out.plan.body[0].eid;
/// assert_eq!(eid, "para_1");
/// assert_eq!(eid.as_str(), "para_1");
/// ```
pub use compact_str::CompactString;
pub use date::Date;
pub use diagnostic::{Diagnostic, Lang, Severity};
pub use document::{ParseOutput, Plan, Task, Unit, parse};
pub use error::{Error, ErrorKind};
pub use schedule::{Schedule, ScheduleOptions, Status, schedule};
pub use span::{LineIndex, Locator, Span};
pub use validate::{CheckOptions, check, check_text};

/// The seed plan, Kế hoạch 66/KH-UBND (UBND tỉnh Quảng Ngãi, 18/5/2020), as copied from a
/// legal-document website: the default input of the CLI and the test corpus's first file.
pub const SEED_PLAN: &str = include_str!("../../../seeds/66-KH-UBND-2020-quang-ngai.txt");
pub use timeframe::{Timeframe, TimeframeKind, TimeframeParser, parse_timeframe};
