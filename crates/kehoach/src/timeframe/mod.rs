//! Timeframes (placeholder until the grammar lands; replaced by the timeframe module).
#![allow(missing_docs)]
use crate::diagnostic::Diagnostic;
use crate::span::{Locator, Span};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeframe {
    pub text: String,
    pub span: Span,
}

pub fn parse_timeframe(text: &str, loc: &Locator) -> (Timeframe, Vec<Diagnostic>) {
    (
        Timeframe {
            text: text.to_string(),
            span: loc.span(0, text.len()),
        },
        Vec::new(),
    )
}
