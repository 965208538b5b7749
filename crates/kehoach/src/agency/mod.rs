//! Agencies (placeholder until the registry lands; replaced by the agency module).
#![allow(missing_docs)]
use crate::diagnostic::Diagnostic;
use crate::span::{Locator, Span};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agency {
    pub text: String,
    pub span: Span,
}

pub struct Registry;

impl Registry {
    pub fn embedded() -> &'static Registry {
        &Registry
    }
}

pub fn split_agencies(text: &str, loc: &Locator, _r: &Registry) -> (Vec<Agency>, Vec<Diagnostic>) {
    (
        vec![Agency {
            text: text.to_string(),
            span: loc.span(0, text.len()),
        }],
        Vec::new(),
    )
}

pub fn resolve_current(_a: &mut Agency, _on: crate::Date, _r: &Registry) {}
