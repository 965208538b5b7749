//! JSON of the plan model (`document::model`) and of diagnostics, field for field as their
//! serde attributes say.

use super::{JsonWriter, ToJson};
use crate::diagnostic::{Diagnostic, Fix, Lang, Localized, Severity};
use crate::document::{
    Block, BlockKind, Citation, FieldKey, Leads, Metadata, ParseOutput, Plan, Responsibility,
    Spanned, Task, TaskSource, Unit, UnitKind, Wrapper, WrapperField,
};

impl ToJson for ParseOutput {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        write_parse_output(w, &self.plan, &self.diagnostics);
    }
}

/// Writes `{ plan, diagnostics }` (the JSON of a [`ParseOutput`]) from its parts, so that a
/// caller holding them apart need not move them into one.
///
/// ```
/// let out = kehoach::parse(kehoach::SEED_PLAN);
/// let mut json = String::new();
/// kehoach::json::write_parse_output(&mut kehoach::json::JsonWriter::new(&mut json), &out.plan, &out.diagnostics);
/// assert_eq!(json, kehoach::json::to_string(&out));
/// ```
pub fn write_parse_output(w: &mut JsonWriter<'_>, plan: &Plan, diagnostics: &[Diagnostic]) {
    w.begin_object();
    w.field("plan", plan);
    w.field("diagnostics", diagnostics);
    w.end_object();
}

impl ToJson for Plan {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("meta", &self.meta);
        w.field("preamble", &self.preamble);
        w.field("body", &self.body);
        w.field("citations", &self.citations);
        w.nonempty_field("responsibilities", &self.responsibilities);
        w.opt_field("wrapper", &self.wrapper);
        w.field("span", &self.span);
        w.end_object();
    }
}

impl ToJson for Spanned {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("text", &self.text);
        w.field("span", &self.span);
        w.end_object();
    }
}

impl ToJson for Metadata {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.opt_field("issuer", &self.issuer);
        w.opt_field("number", &self.number);
        w.opt_field("place", &self.place);
        w.opt_field("date", &self.date);
        w.opt_field("dateLine", &self.date_line);
        w.opt_field("docType", &self.doc_type);
        w.opt_field("title", &self.title);
        w.field("implements", &self.implements);
        w.nonempty_field("replaces", &self.replaces);
        w.opt_field("signer", &self.signer);
        w.opt_field("signerPosition", &self.signer_position);
        w.field("recipients", &self.recipients);
        w.field("closingLines", &self.closing_lines);
        w.field("headerLines", &self.header_lines);
        w.end_object();
    }
}

impl ToJson for Wrapper {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.opt_field("site", &self.site);
        w.opt_field("heading", &self.heading);
        w.opt_field("title", &self.title);
        w.field("fields", &self.fields);
        w.field("other", &self.other);
        w.end_object();
    }
}

impl ToJson for WrapperField {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("label", &self.label);
        w.field("value", &self.value);
        w.field("span", &self.span);
        w.end_object();
    }
}

impl ToJson for Citation {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.opt_field("docKind", &self.doc_kind);
        w.field("symbol", &self.symbol);
        w.field("span", &self.span);
        w.opt_field("date", &self.date);
        w.opt_field("dateText", &self.date_text);
        w.opt_field("issuer", &self.issuer);
        w.end_object();
    }
}

impl ToJson for UnitKind {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.str(match self {
            UnitKind::Division => "division",
            UnitKind::Section => "section",
            UnitKind::Part => "part",
            UnitKind::Point => "point",
            UnitKind::Item => "item",
        });
    }
}

impl ToJson for TaskSource {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.str(match self {
            TaskSource::Label => "label",
            TaskSource::Inline => "inline",
            TaskSource::Table => "table",
            TaskSource::Phrase => "phrase",
        });
    }
}

impl ToJson for FieldKey {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.str(match self {
            FieldKey::Lead => "lead",
            FieldKey::Partner => "partner",
            FieldKey::Timeframe => "timeframe",
            FieldKey::Output => "output",
        });
    }
}

impl ToJson for BlockKind {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.str(match self {
            BlockKind::Paragraph => "paragraph",
            BlockKind::Dash => "dash",
            BlockKind::Field => "field",
        });
    }
}

impl ToJson for Responsibility {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("agency", &self.agency);
        w.field("number", &self.number);
        w.field("text", &self.text);
        w.field("span", &self.span);
        w.end_object();
    }
}

impl ToJson for Block {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("kind", &self.kind);
        w.field("text", &self.text);
        w.field("span", &self.span);
        w.opt_field("label", &self.label);
        w.opt_field("key", &self.key);
        w.end_object();
    }
}

impl ToJson for Leads {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("label", &self.label);
        w.field("text", &self.text);
        w.field("span", &self.span);
        w.field("agencies", &self.agencies);
        w.end_object();
    }
}

impl ToJson for Unit {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("eid", &self.eid);
        w.opt_field("wId", &self.w_id);
        w.field("kind", &self.kind);
        w.field("num", &self.num);
        w.field("number", &self.number);
        w.field("numSpan", &self.num_span);
        w.opt_field("heading", &self.heading);
        w.field("blocks", &self.blocks);
        w.opt_field("leads", &self.leads);
        w.opt_field("partners", &self.partners);
        w.opt_field("timeframe", &self.timeframe);
        w.opt_field("source", &self.source);
        w.field("children", &self.children);
        w.field("span", &self.span);
        w.end_object();
    }
}

impl ToJson for Task {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("eid", &self.eid);
        w.field("number", &self.number);
        w.opt_field("heading", &self.heading);
        w.field("text", &self.text);
        w.field("span", &self.span);
        w.opt_field("leads", &self.leads);
        w.opt_field("partners", &self.partners);
        w.opt_field("timeframe", &self.timeframe);
        w.field("section", &self.section);
        w.opt_field("source", &self.source);
        w.end_object();
    }
}

impl ToJson for Severity {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.str(self.as_str());
    }
}

impl ToJson for Lang {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.str(match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        });
    }
}

impl ToJson for Localized {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("vi", &self.vi);
        w.field("en", &self.en);
        w.end_object();
    }
}

impl ToJson for Fix {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("span", &self.span);
        w.field("replacement", &self.replacement);
        w.end_object();
    }
}

/// As `Serialize for Diagnostic` (its wire form): texts in the diagnostic's `lang`, both
/// languages of the message under `messages`.
impl ToJson for Diagnostic {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        let lang = self.lang;
        w.begin_object();
        w.field("code", self.code);
        w.field("severity", &self.severity);
        w.field("message", self.message.get(lang));
        w.field("span", &self.span);
        w.key("labels");
        w.begin_array();
        for l in &self.labels {
            w.element(&LabelRef(l, lang));
        }
        w.end_array();
        w.key("notes");
        w.begin_array();
        for n in &self.notes {
            w.element(n.get(lang));
        }
        w.end_array();
        w.opt_field("fix", &self.fix);
        w.field("lang", &lang);
        w.field("messages", &self.message);
        w.end_object();
    }
}

struct LabelRef<'a>(&'a crate::diagnostic::Label, Lang);

impl ToJson for LabelRef<'_> {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("span", &self.0.span);
        w.field("message", self.0.message.get(self.1));
        w.end_object();
    }
}
