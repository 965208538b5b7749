//! Native tests of the bindings' logic (no JavaScript): `api`, conversions and options.

use super::*;
use kehoach::{Date, Lang, Severity};

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn seed() -> kehoach::Plan {
    api::parse(kehoach::SEED_PLAN, &ParsePlanOptions::default()).plan
}

#[test]
fn parse_applies_lang_and_as_of() {
    let opts = ParsePlanOptions {
        lang: Some(Lang::En),
        as_of: Some(date("2026-11-28")),
        max_input_bytes: None,
        max_units: None,
        max_lines: None,
        max_agencies: None,
    };
    let out = api::parse("no plan here", &opts);
    assert!(!out.diagnostics.is_empty());
    assert!(out.diagnostics.iter().all(|d| d.lang == Lang::En));
    let json = serde_json::to_value(&out.diagnostics[0]).unwrap();
    assert_eq!(json["lang"], "en");
    assert_eq!(json["message"], out.diagnostics[0].message.en.as_str());
}

#[test]
fn seed_parses_to_44_tasks_and_exports() {
    let plan = seed();
    assert_eq!(plan.tasks().len(), 44);
    let text = api::export(&plan, ExportFormat::Text, None).unwrap();
    assert!(text.contains("d) Xây dựng các cơ chế"));
    let json = api::export(&plan, ExportFormat::Json, None).unwrap();
    let back: kehoach::Plan = serde_json::from_str(&json).unwrap();
    assert_eq!(back, plan);
}

#[test]
fn ics_and_csv_need_as_of() {
    let plan = seed();
    for f in [ExportFormat::Ics, ExportFormat::Csv] {
        let e = api::export(&plan, f, None).unwrap_err();
        assert_eq!(e.code(), "invalid-option");
        assert!(e.message().contains("asOf"), "{}", e.message());
    }
    let ics = api::export(&plan, ExportFormat::Ics, Some(date("2026-11-28"))).unwrap();
    assert_eq!(ics.matches("BEGIN:VTODO").count(), 44);
    let csv = api::export(&plan, ExportFormat::Csv, Some(date("2026-11-28"))).unwrap();
    assert!(csv.starts_with('\u{feff}'));
}

#[test]
fn check_text_and_check_plan_find_the_seed_errors() {
    let opts = CheckPlanOptions {
        as_of: Some(date("2026-11-28")),
        lang: None,
    };
    let diags = api::check_text(kehoach::SEED_PLAN, &opts);
    let errors: Vec<_> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errors[0].code, "numbering/duplicate-point");
    assert_eq!(errors[0].fix.as_ref().unwrap().replacement, "đ");
    assert_eq!(errors[1].code, "citation/symbol-style");
    // The plan object gives the same findings (no parse diagnostics on the seed).
    let from_plan = api::check_plan(seed(), &opts);
    let codes = |d: &[kehoach::Diagnostic]| d.iter().map(|d| d.code).collect::<Vec<_>>();
    assert_eq!(codes(&from_plan), codes(&diags));
}

#[test]
fn agencies_resolve_on_a_date_with_spans_in_the_input() {
    let out = api::agencies(
        "  Sở Thông tin và Truyền thông",
        &ResolveAgenciesOptions {
            on: Some(date("2026-11-28")),
            lang: None,
            province: Some("tỉnh Đắk Nông".into()),
        },
    );
    assert_eq!(out.agencies.len(), 1);
    let a = &out.agencies[0];
    assert_eq!(a.name, "Sở Thông tin và Truyền thông");
    assert_eq!((a.span.start, a.span.column), (2, 3));
    let current = a.current.as_ref().unwrap();
    assert_eq!(current[0].name, "Sở Khoa học và Công nghệ");
    assert_eq!(current[0].since, Some(date("2025-03-01")));
    assert_eq!(
        current[0].official_name.as_deref(),
        Some("Sở Khoa học và Công nghệ tỉnh Lâm Đồng")
    );
}

#[test]
fn span_walk_converts_to_utf16_like_the_json_rewrite() {
    // The tools module converts a plan's spans in place (`utf16::convert_spans`); the JSON
    // path (`to_json_with`) is what every result goes through. They must agree on the seed,
    // whose text has Vietnamese letters (2–3 UTF-8 bytes, 1 UTF-16 unit) before every unit.
    let out = kehoach::parse(kehoach::SEED_PLAN);
    let map = crate::utf16::Utf16Map::new(kehoach::SEED_PLAN);
    let json = crate::to_json_with(&out.plan, &map).unwrap();
    let via_json: kehoach::Plan = serde_json::from_str(&json).unwrap();
    let mut walked = out.plan.clone();
    crate::utf16::convert_spans(&mut walked, &map);
    assert_eq!(walked, via_json);
    let task = &walked.body[1].children[0].children[0];
    let was = &out.plan.body[1].children[0].children[0];
    assert_eq!(task.number, "II.1.a");
    assert!(task.span.start < was.span.start);
    assert_eq!(
        task.span.start as usize,
        kehoach::SEED_PLAN[..was.span.start as usize]
            .encode_utf16()
            .count()
    );
}

#[test]
fn amendment_spans_are_utf16_units_of_the_amendment() {
    let source = "Bãi bỏ điểm b khoản 3 Mục II.";
    let r = api::amend(seed(), source, Lang::Vi);
    assert!(r.applied);
    assert_eq!(r.changes[0].op, "repeal");
    assert_eq!(r.changes[0].eid, "sec_II__para_3__point_b");
    // Unreadable JSON: the diagnostic's span is in UTF-16 units of the source.
    let r = api::amend(seed(), "{ \"symbol\": \"đđ\", x }", Lang::En);
    assert!(!r.applied);
    assert_eq!(r.diagnostics[0].code, "amend/invalid-json");
    let units: Vec<u16> = "{ \"symbol\": \"đđ\", x }".encode_utf16().collect();
    assert!(r.diagnostics[0].span.start as usize <= units.len());
    assert_eq!(r.diagnostics[0].span.start, 18);
}

#[test]
fn too_large_has_the_stable_code() {
    let e = too_large("text", 10, 5);
    assert_eq!(e.code(), "input-too-large");
    assert_eq!(
        e.message(),
        "text is larger than the limit: 10 > 5 bytes (option maxInputBytes)"
    );
}

#[test]
fn options_deserialize_camel_case_and_reject_unknown_fields() {
    let o: ParsePlanOptions =
        serde_json::from_str(r#"{"asOf":"2026-01-31","lang":"en","maxInputBytes":100}"#).unwrap();
    assert_eq!(o.as_of.unwrap().to_string(), "2026-01-31");
    assert_eq!(o.lang, Some(Lang::En));
    assert_eq!(o.max_input_bytes, Some(100));
    let o: ParsePlanOptions = serde_json::from_str(r#"{"maxUnits":10}"#).unwrap();
    assert_eq!(o.max_units, Some(10));
    // The 11th unit of the seed (II.2) starts the verbatim rest.
    let out = api::parse(kehoach::SEED_PLAN, &o);
    let d: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.code == "input/too-many-units")
        .collect();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].span.line, 73);
    assert!(out.plan.find_number("II.2").is_empty());
    assert_eq!(out.plan.find_number("II.1.đ").len(), 1);
    let o: ParsePlanOptions = serde_json::from_str(r#"{"maxLines":40}"#).unwrap();
    let out = api::parse(kehoach::SEED_PLAN, &o);
    let d: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.code == "input/too-many-lines")
        .collect();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].span.line, 41);
    let o: ParsePlanOptions = serde_json::from_str(r#"{"maxAgencies":3}"#).unwrap();
    let out = api::parse(kehoach::SEED_PLAN, &o);
    let d: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.code == "input/too-many-agencies")
        .collect();
    assert_eq!(d.len(), 1);
    let read: usize = out
        .plan
        .tasks()
        .iter()
        .filter_map(|t| t.leads.as_ref())
        .map(|l| l.agencies.len())
        .sum();
    // The limit counts list items: "Các sở, ban, ngành" (three items) is one collective agency.
    assert_eq!(read, 1);
    let at = d[0].span.start as usize;
    assert!(kehoach::SEED_PLAN[at..].starts_with("UBND các huyện"));
    let e = serde_json::from_str::<ExportFormat>(r#""pdf""#).unwrap_err();
    assert!(e.to_string().contains("unknown variant `pdf`"), "{e}");
}

/// The seed, the synthetic seeds and every layout fixture.
fn fixtures() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut out = Vec::new();
    for dir in [root.to_string(), format!("{root}/layouts")] {
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        names.sort();
        for p in names {
            out.push((
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            ));
        }
    }
    out
}

#[test]
fn written_json_is_the_serde_json_path_with_utf16_spans() {
    let files = fixtures();
    assert!(files.len() >= 30, "{} fixtures", files.len());
    let opts = ParsePlanOptions {
        as_of: Some(date("2026-11-28")),
        ..ParsePlanOptions::default()
    };
    let check = CheckPlanOptions {
        as_of: Some(date("2026-11-28")),
        lang: Some(Lang::En),
    };
    for (name, text) in &files {
        let map = Utf16Map::new(text);
        let same = |written: String, old: String| assert_eq!(written, old, "{name}");
        let out = api::parse(text, &opts);
        same(written_json(&out, &map), to_json_with(&out, &map).unwrap());
        let diags = api::check_text(text, &check);
        same(
            written_json(&diags, &map),
            to_json_with(&diags, &map).unwrap(),
        );
        let s = api::schedule(&out.plan, date("2026-11-28"), None, None, Lang::En);
        same(written_json(&s, &map), to_json_with(&s, &map).unwrap());
        // Non-ASCII text: the spans did change.
        if !text.is_ascii() {
            assert_ne!(
                written_json(&out, &map),
                written_json(&out, &Utf16Map::identity())
            );
        }
    }
    for line in ["Năm 2021 - 2025; \"x\"\t😀", "Hằng năm, trước ngày 15/12"] {
        let map = Utf16Map::new(line);
        let tf = api::timeframe(line);
        assert_eq!(written_json(&tf, &map), to_json_with(&tf, &map).unwrap());
    }
    let list = "  Sở Thông tin và Truyền thông, UBND các huyện và Sở Nội vụ (*)";
    let agencies = api::agencies(
        list,
        &ResolveAgenciesOptions {
            on: Some(date("2026-11-28")),
            lang: None,
            province: Some("tỉnh Đắk Nông".into()),
        },
    );
    let map = Utf16Map::new(list);
    assert_eq!(
        written_json(&agencies, &map),
        to_json_with(&agencies, &map).unwrap()
    );
}
