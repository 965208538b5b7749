//! The on-demand half of the package (feature `tools`, built as `kehoach_tools`): amendments
//! and exports, as methods of [`PlanHandle`]. The first-render module leaves them out.

use crate::error::{self, ApiError};
use crate::handle::{Pending, PlanHandle};
use crate::js::{is_object, read_options, read_text, to_js, to_js_value, type_name};
use crate::types::{AmendOptions, DraftOutput, ExportFormat, ExportOptions, InstructionsOutput};
use crate::utf16::Utf16Map;
use crate::{DEFAULT_MAX_INPUT_BYTES, api, install_panic_hook};
use kehoach::Diagnostic;
use kehoach::amend::{Amendment, Change};
use kehoach::document::Plan;
use serde::Serialize;
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// An amendment result without its plan (the plan is the new handle's).
pub(crate) struct AmendRest {
    applied: bool,
    changes: Vec<Change>,
    diagnostics: Vec<Diagnostic>,
    amendment: Option<Amendment>,
}

/// `AmendmentResult` by reference: the same JSON.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AmendmentResultRef<'a> {
    applied: bool,
    plan: &'a Plan,
    changes: &'a [Change],
    diagnostics: &'a [Diagnostic],
    #[serde(skip_serializing_if = "Option::is_none")]
    amendment: &'a Option<Amendment>,
}

/// The `AmendmentResult` object of an amended handle (its spans are UTF-16 units already).
pub(crate) fn amend_output(plan: &Plan, rest: AmendRest) -> Result<JsValue, ApiError> {
    to_js_value(
        &AmendmentResultRef {
            applied: rest.applied,
            plan,
            changes: &rest.changes,
            diagnostics: &rest.diagnostics,
            amendment: &rest.amendment,
        },
        &Utf16Map::identity(),
    )
}

impl PlanHandle {
    /// The plan with every span in UTF-16 units (amendments mix the plan's spans with the
    /// amendment text's, so both are converted before they meet; see `api::amend`). The spans
    /// are converted in place by kehoach's span walk: no JSON round trip, and no plan
    /// deserializer in the module.
    pub(crate) fn utf16_plan(&self) -> Plan {
        let mut plan = self.plan.clone();
        if let Some(text) = &self.text {
            crate::utf16::convert_spans(&mut plan, &Utf16Map::new(text));
        }
        plan
    }
}

#[wasm_bindgen]
impl PlanHandle {
    /// Applies an amendment (instruction text, amendment JSON text or an amendment object; see
    /// the package's `applyAmendment`): a new handle whose `takeOutput()` is the
    /// `AmendmentResult`. This handle is unchanged.
    pub fn amend(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Amendment")] amendment: JsValue,
        options: Option<Ts<AmendOptions>>,
    ) -> Result<PlanHandle, ApiError> {
        install_panic_hook();
        let opts = read_options(options)?;
        let source = if amendment.is_string() {
            read_text(&amendment, "amendment", DEFAULT_MAX_INPUT_BYTES)?
        } else if is_object(&amendment) {
            crate::js::stringify(&amendment)
                .map_err(|e| ApiError::invalid_argument(format!("amendment: {e}")))?
        } else {
            return Err(ApiError::invalid_argument(format!(
                "amendment must be instruction text, amendment JSON or an amendment object, got {}",
                type_name(&amendment)
            )));
        };
        let r = api::amend(self.utf16_plan(), &source, opts.lang.unwrap_or_default());
        Ok(PlanHandle {
            plan: r.plan,
            text: None,
            pending: Pending::Amend(Box::new(AmendRest {
                applied: r.applied,
                changes: r.changes,
                diagnostics: r.diagnostics,
                amendment: r.amendment,
            })),
        })
    }

    /// Exports the plan as `"ics"`, `"csv"`, `"text"` or `"json"` (see the package's
    /// `exportPlan`).
    pub fn export(
        &self,
        format: Ts<ExportFormat>,
        options: Option<Ts<ExportOptions>>,
    ) -> Result<String, ApiError> {
        install_panic_hook();
        let format = crate::read_format(&format.js_value())?;
        let opts = read_options(options)?;
        if format != ExportFormat::Json {
            return api::export(&self.plan, format, opts.as_of);
        }
        // Pretty-printed by JSON.stringify (the same layout as serde_json's pretty printer), so
        // the wasm carries one JSON serializer for the plan types, not two.
        let out = crate::to_json_with(&self.plan, &self.map())?;
        js_sys::JSON::parse(&out)
            .and_then(|v| {
                js_sys::JSON::stringify_with_replacer_and_space(&v, &JsValue::NULL, &2.into())
            })
            .ok()
            .and_then(|s| JsValue::from(s).as_string())
            .ok_or_else(|| ApiError::new(error::SERIALIZATION, "cannot format the plan as JSON"))
    }
}

/// Reads amendment instructions without a plan ("Bãi bỏ điểm b khoản 3 Mục II."): `{
/// operations, spans, addresses, diagnostics }`, to check what a sentence will do before it is
/// applied (the package's `parseInstructions`). Spans are UTF-16 units of `text`.
///
/// Throws `invalid-argument` when `text` is not a string.
#[wasm_bindgen(js_name = parseInstructions)]
pub fn parse_instructions(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<Ts<InstructionsOutput>, ApiError> {
    install_panic_hook();
    let text = read_text(&text, "text", DEFAULT_MAX_INPUT_BYTES)?;
    let p = kehoach::amend::parse_instructions(&text);
    let out = InstructionsOutput {
        addresses: p
            .amendment
            .operations
            .iter()
            .map(kehoach::amend::address_of)
            .collect(),
        operations: p.amendment.operations,
        spans: p.spans,
        diagnostics: p.diagnostics,
    };
    to_js(&out, &Utf16Map::new(&text))
}

#[wasm_bindgen]
impl PlanHandle {
    /// The amending instructions that turn this plan into `after` (the package's
    /// `draftAmendment`): `{ text, amendment, unworded }`.
    pub fn draft(&self, after: &PlanHandle) -> Result<Ts<DraftOutput>, ApiError> {
        install_panic_hook();
        let d = kehoach::amend::draft(&self.utf16_plan(), &after.utf16_plan());
        let out = DraftOutput {
            text: d.text,
            amendment: d.amendment,
            unworded: d.unworded,
        };
        to_js(&out, &Utf16Map::identity())
    }
}
