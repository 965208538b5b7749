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
    w.qfield(q!("plan"), plan);
    w.qfield(q!("diagnostics"), diagnostics);
    w.end_object();
}

impl ToJson for Plan {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qfield(q!("meta"), &self.meta);
        w.qfield(q!("preamble"), &self.preamble);
        w.qfield(q!("body"), &self.body);
        w.qfield(q!("citations"), &self.citations);
        w.qnonempty_field(q!("responsibilities"), &self.responsibilities);
        w.qopt_field(q!("wrapper"), &self.wrapper);
        w.qfield(q!("span"), &self.span);
        w.end_object();
    }
}

impl ToJson for Spanned {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qfield(q!("text"), &self.text);
        w.qfield(q!("span"), &self.span);
        w.end_object();
    }
}

impl ToJson for Metadata {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qopt_field(q!("issuer"), &self.issuer);
        w.qopt_field(q!("number"), &self.number);
        w.qopt_field(q!("place"), &self.place);
        w.qopt_field(q!("date"), &self.date);
        w.qopt_field(q!("dateLine"), &self.date_line);
        w.qopt_field(q!("docType"), &self.doc_type);
        w.qopt_field(q!("title"), &self.title);
        w.qfield(q!("implements"), &self.implements);
        w.qnonempty_field(q!("replaces"), &self.replaces);
        w.qopt_field(q!("signer"), &self.signer);
        w.qopt_field(q!("signerPosition"), &self.signer_position);
        w.qfield(q!("recipients"), &self.recipients);
        w.qfield(q!("closingLines"), &self.closing_lines);
        w.qfield(q!("headerLines"), &self.header_lines);
        w.end_object();
    }
}

impl ToJson for Wrapper {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qopt_field(q!("site"), &self.site);
        w.qopt_field(q!("heading"), &self.heading);
        w.qopt_field(q!("title"), &self.title);
        w.qfield(q!("fields"), &self.fields);
        w.qfield(q!("other"), &self.other);
        w.end_object();
    }
}

impl ToJson for WrapperField {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qfield(q!("label"), &self.label);
        w.qfield(q!("value"), &self.value);
        w.qfield(q!("span"), &self.span);
        w.end_object();
    }
}

impl ToJson for Citation {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qopt_field(q!("docKind"), &self.doc_kind);
        w.qfield(q!("symbol"), &self.symbol);
        w.qfield(q!("span"), &self.span);
        w.qopt_field(q!("date"), &self.date);
        w.qopt_field(q!("dateText"), &self.date_text);
        w.qopt_field(q!("issuer"), &self.issuer);
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
        w.qfield(q!("agency"), &self.agency);
        w.qfield(q!("number"), &self.number);
        w.qfield(q!("text"), &self.text);
        w.qfield(q!("span"), &self.span);
        w.end_object();
    }
}

impl ToJson for Block {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qfield(q!("kind"), &self.kind);
        w.qfield(q!("text"), &self.text);
        w.qfield(q!("span"), &self.span);
        w.qopt_field(q!("label"), &self.label);
        w.qopt_field(q!("key"), &self.key);
        w.end_object();
    }
}

impl ToJson for Leads {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qfield(q!("label"), &self.label);
        w.qfield(q!("text"), &self.text);
        w.qfield(q!("span"), &self.span);
        w.qfield(q!("agencies"), &self.agencies);
        w.end_object();
    }
}

impl ToJson for Unit {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qfield(q!("eid"), &self.eid);
        w.qopt_field(q!("wId"), &self.w_id);
        w.qfield(q!("kind"), &self.kind);
        w.qfield(q!("num"), &self.num);
        w.qfield(q!("number"), &self.number);
        w.qfield(q!("numSpan"), &self.num_span);
        w.qopt_field(q!("heading"), &self.heading);
        w.qfield(q!("blocks"), &self.blocks);
        w.qopt_field(q!("leads"), &self.leads);
        w.qopt_field(q!("partners"), &self.partners);
        w.qopt_field(q!("timeframe"), &self.timeframe);
        w.qopt_field(q!("source"), &self.source);
        w.qfield(q!("children"), &self.children);
        w.qfield(q!("span"), &self.span);
        w.end_object();
    }
}

impl ToJson for Task {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qfield(q!("eid"), &self.eid);
        w.qfield(q!("number"), &self.number);
        w.qopt_field(q!("heading"), &self.heading);
        w.qfield(q!("text"), &self.text);
        w.qfield(q!("span"), &self.span);
        w.qopt_field(q!("leads"), &self.leads);
        w.qopt_field(q!("partners"), &self.partners);
        w.qopt_field(q!("timeframe"), &self.timeframe);
        w.qfield(q!("section"), &self.section);
        w.qopt_field(q!("source"), &self.source);
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
        w.qfield(q!("vi"), &self.vi);
        w.qfield(q!("en"), &self.en);
        w.end_object();
    }
}

impl ToJson for Fix {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qfield(q!("span"), &self.span);
        w.qfield(q!("replacement"), &self.replacement);
        w.end_object();
    }
}

/// As `Serialize for Diagnostic` (its wire form): texts in the diagnostic's `lang`, both
/// languages of the message under `messages`.
impl ToJson for Diagnostic {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        let lang = self.lang;
        w.begin_object();
        w.qfield(q!("code"), self.code);
        w.qfield(q!("severity"), &self.severity);
        w.qfield(q!("message"), self.message.get(lang));
        w.qfield(q!("span"), &self.span);
        w.qkey(q!("labels"));
        w.begin_array();
        for l in &self.labels {
            w.element(&LabelRef(l, lang));
        }
        w.end_array();
        w.qkey(q!("notes"));
        w.begin_array();
        for n in &self.notes {
            w.element(n.get(lang));
        }
        w.end_array();
        w.qopt_field(q!("fix"), &self.fix);
        w.qfield(q!("lang"), &lang);
        w.qfield(q!("messages"), &self.message);
        w.end_object();
    }
}

struct LabelRef<'a>(&'a crate::diagnostic::Label, Lang);

impl ToJson for LabelRef<'_> {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.qfield(q!("span"), &self.0.span);
        w.qfield(q!("message"), self.0.message.get(self.1));
        w.end_object();
    }
}
