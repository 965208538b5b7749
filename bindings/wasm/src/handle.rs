//! The plan handle: a parsed (or amended) plan kept in wasm memory, so that no plan crosses
//! back into wasm as JSON to be deserialized (issue 22).
//!
//! `parsePlan` builds a [`PlanHandle`]; the JavaScript entry (`js/kehoach.js`) takes its output
//! once (`takeOutput`: the plain `{ plan, diagnostics }` objects portals read) and keeps the
//! handle in a `WeakMap` keyed by that `plan` object. `schedule(plan)` and `checkPlan(plan)` look
//! the handle up and call its methods: the Rust `Plan` is used as it is, never read back from the
//! JavaScript object. The handle is freed by `free()` (`freePlan(plan)` in the entry) or, at the
//! latest, by wasm-bindgen's `FinalizationRegistry` once the `plan` object is collected.
//!
//! Spans inside the handle are UTF-8 byte offsets of `text` (as the core makes them) and are
//! converted to UTF-16 units while serializing ([`Utf16Map`]); a handle made by the on-demand
//! module from an amendment holds spans already in UTF-16 units (`text` is `None`).

use crate::error::ApiError;
use crate::js::{self, read_options, written_to_js, written_to_ts};
use crate::types::{CheckPlanOptions, ScheduleArgs};
use crate::utf16::Utf16Map;
use crate::{api, install_panic_hook, read};
use kehoach::document::{ParseOutput, Plan};
use kehoach::json::{JsonWriter, ToJson};
use kehoach::schedule::Schedule;
use kehoach::{Diagnostic, ErrorKind};
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// A plan in wasm memory (see the module docs). Free it with `free()`; a handle that is never
/// freed is released when its JavaScript wrapper is garbage-collected.
#[wasm_bindgen]
pub struct PlanHandle {
    pub(crate) plan: Plan,
    /// The text the spans are byte offsets of; `None` when they are UTF-16 units already.
    pub(crate) text: Option<String>,
    /// What `takeOutput` returns besides the plan, until it is taken.
    pub(crate) pending: Pending,
}

/// The part of a result that goes out once, with the plan, by `takeOutput`.
pub(crate) enum Pending {
    /// Nothing left (already taken).
    Taken,
    /// `parsePlan`: the parse diagnostics.
    Parse(Vec<Diagnostic>),
    /// `applyAmendment`: the result without its plan.
    #[cfg(feature = "tools")]
    Amend(Box<crate::tools::AmendRest>),
}

/// `ParseOutput` by reference: the same JSON, without moving the plan out of the handle.
struct ParseOutputRef<'a> {
    plan: &'a Plan,
    diagnostics: &'a [Diagnostic],
}

impl ToJson for ParseOutputRef<'_> {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        kehoach::json::write_parse_output(w, self.plan, self.diagnostics);
    }
}

impl PlanHandle {
    /// A handle over a parse result, spans in bytes of `text`.
    pub(crate) fn parsed(out: ParseOutput, text: String) -> Self {
        PlanHandle {
            plan: out.plan,
            text: Some(text),
            pending: Pending::Parse(out.diagnostics),
        }
    }

    /// The map of the handle's spans to UTF-16 units.
    pub(crate) fn map(&self) -> Utf16Map<'_> {
        match &self.text {
            Some(t) => Utf16Map::new(t),
            None => Utf16Map::identity(),
        }
    }
}

#[wasm_bindgen]
impl PlanHandle {
    /// The result that made this handle, as plain objects: `{ plan, diagnostics }` for
    /// `parsePlan`. Once: the diagnostics are dropped from wasm memory after it.
    #[wasm_bindgen(js_name = takeOutput, unchecked_return_type = "ParseOutput")]
    pub fn take_output(&mut self) -> Result<JsValue, ApiError> {
        install_panic_hook();
        let pending = std::mem::replace(&mut self.pending, Pending::Taken);
        let map = self.map();
        match pending {
            Pending::Taken => Err(ApiError::new(
                crate::error::SERIALIZATION,
                "the output of this plan was already taken",
            )),
            Pending::Parse(diagnostics) => written_to_js(
                &ParseOutputRef {
                    plan: &self.plan,
                    diagnostics: &diagnostics,
                },
                &map,
            ),
            #[cfg(feature = "tools")]
            Pending::Amend(rest) => crate::tools::amend_output(&self.plan, *rest),
        }
    }

    /// Drops what `takeOutput` would return (a handle re-made from text needs only its plan).
    #[wasm_bindgen(js_name = dropOutput)]
    pub fn drop_output(&mut self) {
        self.pending = Pending::Taken;
    }

    /// Checks the plan (`checkPlan(plan)`): every diagnostic, sorted by position, spans derived
    /// from the plan's own (exact: they are still offsets of the text it was parsed from).
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    pub fn check(&self, options: Option<Ts<CheckPlanOptions>>) -> Result<JsValue, ApiError> {
        install_panic_hook();
        let opts = read_options(options)?;
        let diags = api::check_plan(self.plan.clone(), &opts);
        written_to_js(&diags, &self.map())
    }

    /// The schedule of the plan as of `options.asOf` (see the package's `schedule`).
    pub fn schedule(&self, options: Ts<ScheduleArgs>) -> Result<Ts<Schedule>, ApiError> {
        install_panic_hook();
        let v = options.js_value();
        js::check_options_object(&v)?;
        let (mut as_of, mut progress, mut horizon, mut lang) = (None, None, None, None);
        read::read_fields(&v, ScheduleArgs::NAMES, |name, value| {
            match name {
                "asOf" => as_of = Some(read::date(value)?),
                "horizon" => horizon = Some(read::i32_value(value)?),
                "lang" => lang = Some(read::lang(value)?),
                _ => progress = Some(value.clone()),
            }
            Ok(())
        })
        .map_err(read::invalid_option)?;
        let as_of = as_of.ok_or_else(|| read::invalid_option("missing field `asOf`".into()))?;
        let progress = progress.map(|p| read::progress(&p)).transpose()?;
        let s = api::schedule(
            &self.plan,
            as_of,
            progress,
            horizon,
            lang.unwrap_or_default(),
        );
        written_to_ts(&s, &self.map())
    }
}

/// `invalid-argument` for a plan argument that is not a handle's plan.
pub fn not_a_plan(what: &str) -> ApiError {
    ApiError::new(
        ErrorKind::InvalidArgument.code(),
        format!("{what} must be a Plan returned by parsePlan or applyAmendment"),
    )
}
