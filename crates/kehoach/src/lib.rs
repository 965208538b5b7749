//! # kehoach
//!
//! Turns Vietnamese government implementation plans ("Kế hoạch … thực hiện Nghị quyết …") into
//! checked, schedulable data: a tree of sections (mục, I., II.), parts (khoản, 1., 2.) and points
//! (điểm, a), b), … đ) …), each task with its lead agencies ("Cơ quan chủ trì") and timeframe
//! ("Thời gian thực hiện"), with located bilingual diagnostics.
//!
//! ```ignore
//! let out = kehoach::parse(kehoach::SEED_PLAN);
//! let tasks = out.plan.tasks();
//! assert_eq!(tasks.len(), 44);
//! assert_eq!(tasks[0].number, "II.1.a");
//! ```ignore

pub mod date;
pub mod diagnostic;
pub mod error;
pub mod numbering;
pub mod span;
pub mod text;
pub mod timeframe;

pub use date::Date;
pub use diagnostic::{Diagnostic, Lang, Severity};
pub use error::{Error, ErrorKind};
pub use span::{LineIndex, Locator, Span};
pub use timeframe::{Timeframe, TimeframeKind, TimeframeParser, parse_timeframe};
