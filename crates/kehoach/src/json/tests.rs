//! The writer against `serde_json`, byte for byte: the seeds, every layout fixture, timeframes
//! of every kind, and generated documents and strings.

use super::*;
use crate::document::{ParseOptions, ParseOutput, Parser};
use crate::timeframe::parse_timeframe;
use crate::{LineIndex, Locator};
use proptest::prelude::*;

/// Both forms, compact and pretty, equal to `serde_json`'s.
fn assert_same<T: ToJson + serde::Serialize + ?Sized>(v: &T, what: &str) {
    let compact = serde_json::to_string(v).unwrap();
    assert_eq!(to_string(v), compact, "compact: {what}");
    let pretty = serde_json::to_string_pretty(v).unwrap();
    assert_eq!(to_string_pretty(v), pretty, "pretty: {what}");
}

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

fn as_of() -> ParseOptions {
    crate::validate::CheckOptions::default()
        .with_as_of("2026-11-28".parse().unwrap())
        .parse_options()
}

#[test]
fn seeds_and_layouts_are_written_as_serde_json_writes_them() {
    let files = fixtures();
    assert!(files.len() >= 30, "{} fixtures", files.len());
    for (name, text) in &files {
        let out = crate::parse(text);
        assert_same(&out, name);
        assert_same(&out.plan.tasks(), name);
        // With an as-of date, agencies carry their current holders and succession chains.
        let dated = Parser::new(as_of()).parse(text);
        assert_same(&dated, name);
        let checked = crate::validate::check_text(
            text,
            &crate::validate::CheckOptions::default()
                .with_as_of("2026-11-28".parse().unwrap())
                .with_lang(crate::Lang::En),
        );
        assert_same(&checked, name);
        let opts = crate::ScheduleOptions::new("2026-11-28".parse().unwrap());
        assert_same(&crate::schedule(&dated.plan, &opts), name);
    }
}

/// Timeframe phrases covering every kind (ranges, deadlines, recurrences with due days and
/// seasons, phases with targets and percents, conditions, horizons, compounds).
const TIMEFRAMES: &[&str] = &[
    "Năm 2021 - 2030.",
    "Năm 2021.",
    "Quý II/2021",
    "6 tháng đầu năm 2022",
    "Tháng 6/2021",
    "Ngày 15/6/2021",
    "Trước ngày 30/6/2021",
    "Trong tháng 12/2021",
    "Từ năm 2021",
    "Năm 2021 và những năm tiếp theo.",
    "Thường xuyên.",
    "Thường xuyên hàng năm.",
    "Hằng năm, trước ngày 15/12",
    "Hằng quý",
    "Định kỳ 6 tháng",
    "Hằng tháng, trước ngày 20",
    "Hằng năm, từ tháng 5 đến tháng 8",
    "Theo hướng dẫn của Bộ Thông tin và Truyền thông và theo thực tiễn.",
    "Khi có yêu cầu",
    "Sau khi Đề án được phê duyệt",
    "Năm 2022 - 2024: Xây dựng quy hoạch. Năm 2025 và những năm tiếp theo: Triển khai thực hiện.",
    "Năm 2025 - 2030: 80% trường THPT được tổ chức dạy thí điểm; 50,5% trường THCS được tổ chức dạy thí điểm. Năm 2030 - 2045: triển khai đại trà cho tất cả các trường THCS, THPT.",
    "Giai đoạn 2021 - 2025, tầm nhìn đến năm 2030",
    "Năm 2021 và năm 2023",
    "Quý I và quý III năm 2022",
    "không rõ \"khi nào\"\t\u{1}",
];

#[test]
fn timeframes_of_every_kind_are_written_as_serde_json_writes_them() {
    let mut kinds = std::collections::BTreeSet::new();
    for s in TIMEFRAMES {
        let idx = LineIndex::new(s);
        let (tf, diags) = parse_timeframe(s, &Locator::new(&idx));
        kinds.insert(tf.kind_name());
        assert_same(&tf, s);
        assert_same(&diags, s);
    }
    assert!(kinds.len() >= 8, "{kinds:?}");
}

#[test]
fn strings_are_escaped_as_serde_json_escapes_them() {
    let mut all = String::new();
    for c in (0u32..0x80).chain([0x7f, 0xa0, 0x2028, 0x2029, 0xfeff, 0x1f600]) {
        all.extend(char::from_u32(c));
    }
    assert_same(all.as_str(), "all ASCII and a few others");
    assert_same("", "empty");
    assert_same("Sở Tài chính\u{0301}", "NFD mark");
    // Escapes apart, together, at either end and at every offset within an 8-byte word.
    for gap in 0..18 {
        let run = "ở".repeat(gap / 2) + &"a".repeat(gap % 2);
        let s = format!("\"{run}\\{run}\n\u{1}{run}\"\"{run}\t");
        assert_same(s.as_str(), "escapes with clean runs between");
    }
}

#[test]
fn floats_are_laid_out_as_ryu_does() {
    for v in [
        0.0,
        -0.0,
        1.0,
        50.5,
        80.0,
        0.1,
        1e-5,
        1.5e-7,
        123456.789,
        1e15,
        1e16,
        1.2345e17,
        1e21,
        1e22,
        1e300,
        5e-324,
        f64::MAX,
        f64::MIN_POSITIVE,
        f64::NAN,
        f64::INFINITY,
        -f64::INFINITY,
        -3.25,
    ] {
        assert_same(&v, &v.to_string());
    }
    assert_same(&vec![Some(1.0f64), None], "options");
}

#[test]
fn an_empty_parse_and_nested_empty_arrays_are_written_as_serde_json_writes_them() {
    let out: ParseOutput = crate::parse("");
    assert_same(&out, "empty");
    let nested: Vec<Vec<u32>> = vec![vec![], vec![1], vec![]];
    assert_same(&nested, "nested");
}

#[test]
fn spans_go_through_the_map() {
    let out = crate::parse(crate::SEED_PLAN);
    let mut mapped = String::new();
    let map = |b: u32| b + 1_000_000;
    out.write_json(&mut JsonWriter::new(&mut mapped).with_span_map(&map));
    let v: serde_json::Value = serde_json::from_str(&mapped).unwrap();
    let span = &v["plan"]["body"][0]["span"];
    assert_eq!(
        span["start"].as_u64().unwrap(),
        u64::from(out.plan.body[0].span.start) + 1_000_000
    );
    assert_eq!(
        span["line"].as_u64().unwrap(),
        u64::from(out.plan.body[0].span.line)
    );
}

/// Text pieces a mutation inserts: control characters, quotes, backslashes, non-ASCII, NFD.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("\u{1}\u{8}\u{c}\u{1f}\t".to_string()),
        Just("\r\n".to_string()),
        Just("Cơ quan chủ trì: Sở Tài chính, \"UBND\" các huyện".to_string()),
        Just("Thời gian thực hiện: Năm 2021 - 2025; 75,5% số xã".to_string()),
        Just("Cơ quan chủ trì: So\u{31b} Nội vu\u{323}".to_string()),
        Just("\n3. Nhiệm vụ mới\n".to_string()),
        Just("\n\u{7f}\u{a0}\u{2028}😀\n".to_string()),
        "[\\PC\\u{0}-\\u{1f}]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn mutated_seeds_are_written_as_serde_json_writes_them(
        edits in prop::collection::vec((any::<prop::sample::Index>(), piece()), 1..6),
    ) {
        let mut text = crate::SEED_PLAN.to_string();
        for (at, p) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            text.insert_str(i, &p);
        }
        let out = crate::parse(&text);
        prop_assert_eq!(to_string(&out), serde_json::to_string(&out).unwrap());
        prop_assert_eq!(to_string_pretty(&out), serde_json::to_string_pretty(&out).unwrap());
    }

    #[test]
    fn any_string_and_float_is_written_as_serde_json_writes_it(s in any::<String>(), f in any::<f64>()) {
        prop_assert_eq!(to_string(s.as_str()), serde_json::to_string(&s).unwrap());
        prop_assert_eq!(to_string(&f), serde_json::to_string(&f).unwrap());
    }
}

#[test]
fn compact_spans_are_written_as_the_generic_writer_would() {
    let values = [0u32, 9, 10, 99, 100, 65_535, 1_000_000_007, u32::MAX];
    for (i, &a) in values.iter().enumerate() {
        let b = values[(i + 3) % values.len()];
        let span = Span {
            start: a,
            end: b,
            line: b,
            column: a,
        };
        let mut out = String::new();
        JsonWriter::new(&mut out).span(&span);
        assert_eq!(
            out,
            format!(r#"{{"start":{a},"end":{b},"line":{b},"column":{a}}}"#)
        );
        // Through a span map, and as a field between others (the separators stay right).
        let plus = |x: u32| x.wrapping_add(1);
        let mut out = String::new();
        let mut w = JsonWriter::new(&mut out).with_span_map(&plus);
        w.begin_object();
        w.field("x", &1u32);
        w.field("span", &span);
        w.field("y", &2u32);
        w.end_object();
        let (a1, b1) = (a.wrapping_add(1), b.wrapping_add(1));
        assert_eq!(
            out,
            format!(
                r#"{{"x":1,"span":{{"start":{a1},"end":{b1},"line":{b},"column":{a}}},"y":2}}"#
            )
        );
    }
}

/// What `write` writes with a compact or pretty writer, and what serde_json writes of `expected`
/// the same way.
fn written_and_serde<T: serde::Serialize>(
    pretty: bool,
    expected: &T,
    write: impl FnOnce(&mut JsonWriter<'_>),
) -> (String, String) {
    let mut out = String::new();
    let mut w = JsonWriter::new(&mut out);
    if pretty {
        w = w.pretty();
    }
    write(&mut w);
    let want = if pretty {
        serde_json::to_string_pretty(expected).unwrap()
    } else {
        serde_json::to_string(expected).unwrap()
    };
    (out, want)
}

/// A span inside `.0` nested one-element arrays, for serde.
struct Nest<'a>(usize, &'a crate::Span);

impl serde::Serialize for Nest<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        if self.0 == 0 {
            return self.1.serialize(s);
        }
        let mut seq = s.serialize_seq(Some(1))?;
        seq.serialize_element(&Nest(self.0 - 1, self.1))?;
        seq.end()
    }
}

#[test]
fn spans_at_every_depth_are_written_as_serde_json_writes_them() {
    // The pretty span is composed on the stack up to depth 14, then written field by field.
    let span = crate::Span {
        start: 0,
        end: 4_000_000_000,
        line: 12,
        column: 345,
    };
    for depth in 0..40 {
        let expected = Nest(depth, &span);
        for pretty in [false, true] {
            let (out, want) = written_and_serde(pretty, &expected, |w| {
                for _ in 0..depth {
                    w.begin_array();
                    w.sep();
                }
                w.span(&span);
                for _ in 0..depth {
                    w.end_array();
                }
            });
            assert_eq!(out, want, "depth {depth}, pretty {pretty}");
        }
    }
}

/// `.0` objects nested in each other, each `{"a": 0, key: <the next>}`, the innermost `1`.
struct KeyNest<'a>(usize, &'a str);

impl serde::Serialize for KeyNest<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if self.0 == 0 {
            return s.serialize_u32(1);
        }
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("a", &0u32)?;
        map.serialize_entry(self.1, &KeyNest(self.0 - 1, self.1))?;
        map.end()
    }
}

#[test]
fn keys_of_every_length_at_every_depth_are_written_as_serde_json_writes_them() {
    // Keys written piece by piece (the comma, the indentation, the quoted key, its colon):
    // each object has two keys, the second after a comma; keys empty, ASCII and not.
    let keys: Vec<String> = (0..30)
        .map(|n| "kế".chars().cycle().take(n).collect())
        .chain((0..30).map(|n| "k".repeat(n)))
        .collect();
    for key in &keys {
        for depth in 0..20 {
            let want = KeyNest(depth, key);
            for pretty in [false, true] {
                let (out, want) = written_and_serde(pretty, &want, |w| {
                    for _ in 0..depth {
                        w.begin_object();
                        w.field("a", &0u32);
                        w.key(key);
                    }
                    1u32.write_json(w);
                    for _ in 0..depth {
                        w.end_object();
                    }
                });
                assert_eq!(out, want, "key {key:?}, depth {depth}, pretty {pretty}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn strings_of_escapes_and_clean_runs_are_written_as_serde_json_writes_them(
        s in "[aởđ \"\\\\\n\t\u{1}\u{1f}\u{7f}]{0,80}"
    ) {
        prop_assert_eq!(to_string(s.as_str()), serde_json::to_string(&s).unwrap());
    }
}
