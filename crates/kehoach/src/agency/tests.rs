//! Tests over the seed plan's lead-agency values and list shapes from other plans.

use super::*;
use crate::diagnostic::Diagnostic;
use crate::span::{LineIndex, Locator};

const SEED: &str = include_str!("../../../../seeds/66-KH-UBND-2020-quang-ngai.txt");
const LABEL: &str = "- Cơ quan chủ trì: ";

fn split(text: &str) -> (Vec<Agency>, Vec<Diagnostic>) {
    let idx = LineIndex::new(text);
    split_agencies(text, &Locator::new(&idx), Registry::embedded())
}

fn names(a: &[Agency]) -> Vec<&str> {
    a.iter().map(|a| a.name.as_str()).collect()
}

fn texts(a: &[Agency]) -> Vec<&str> {
    a.iter().map(|a| a.text.as_str()).collect()
}

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::from_ymd(y, m, d).unwrap()
}

const TTTT: &str = "Sở Thông tin và Truyền thông";
const KHCN: &str = "Sở Khoa học và Công nghệ";
const KHDT: &str = "Sở Kế hoạch và Đầu tư";
const CT: &str = "Sở Công Thương";
const GDDT: &str = "Sở Giáo dục và Đào tạo";
const TNMT: &str = "Sở Tài nguyên và Môi trường";
const LDTBXH: &str = "Sở Lao động - Thương binh và Xã hội";
const BQL: &str = "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi";
const SBN: &str = "Các sở, ban, ngành";
const UBH: &str = "Ủy ban nhân dân các huyện, thị xã, thành phố";

/// Every "Cơ quan chủ trì" of the seed, in document order: (point, canonical names).
const SEED_EXPECTED: &[(&str, &[&str])] = &[
    ("II.1.a", &[SBN, UBH, "Các tổ chức, cá nhân liên quan"]),
    ("II.1.b", &[TTTT]),
    ("II.1.c", &[TTTT]),
    ("II.1.d", &[SBN, UBH, "Các tổ chức, cá nhân liên quan"]),
    (
        "II.1.đ",
        &[
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            "Các tổ chức chính trị - xã hội",
        ],
    ),
    ("II.2.a", &[KHDT, KHCN, CT]),
    ("II.2.b", &[KHCN]),
    (
        "II.2.c",
        &[
            SBN,
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            "Các tổ chức chính trị - xã hội",
            UBH,
        ],
    ),
    ("II.2.d", &["Sở Xây dựng"]),
    ("II.2.đ", &[LDTBXH]),
    ("II.2.e", &[TNMT]),
    ("II.2.g", &[TNMT]),
    ("II.3.a", &[TTTT]),
    ("II.3.b", &[TTTT]),
    ("II.3.c", &[TTTT]),
    ("II.3.d", &[KHCN]),
    ("II.3.đ", &[TTTT]),
    ("II.3.e", &[TTTT]),
    ("II.3.g", &[CT, "Sở Giao thông vận tải"]),
    ("II.3.h", &[TTTT]),
    ("II.4.a", &[KHCN]),
    ("II.4.b", &[KHCN]),
    ("II.4.c", &[KHCN]),
    ("II.4.d", &[KHCN, KHDT]),
    ("II.4.đ", &[KHCN]),
    ("II.5.a", &[GDDT]),
    ("II.5.b", &[GDDT]),
    ("II.5.c", &[GDDT]),
    ("II.5.d", &[LDTBXH]),
    ("II.5.đ", &[TTTT]),
    ("II.5.e", &[KHCN]),
    ("II.6.a", &[KHDT, BQL]),
    ("II.6.b", &[TTTT]),
    ("II.6.c", &[CT]),
    ("II.6.d", &["Sở Y tế"]),
    ("II.6.đ", &["Sở Nông nghiệp và Phát triển nông thôn"]),
    ("II.7.a", &[KHCN]),
    ("II.7.b", &[KHDT, BQL]),
    ("II.8.a", &[TTTT]),
    ("II.8.b", &[TTTT]),
    ("II.8.c", &[TTTT]),
    ("II.8.d", &[TTTT]),
    ("II.8.đ", &["Sở Nội vụ"]),
    ("II.8.e", &["Văn phòng Ủy ban nhân dân tỉnh"]),
];

/// The "Cơ quan chủ trì" values of the seed with the point letter written before each.
fn seed_values() -> Vec<(String, usize, &'static str)> {
    let mut out = Vec::new();
    let mut letter = String::new();
    let mut offset = 0;
    for line in SEED.split_inclusive('\n') {
        let t = line.trim_end();
        if let Some((l, _)) = t.split_once(") ") {
            if l.chars().count() == 1 {
                letter = l.to_string();
            }
        }
        if let Some(v) = t.strip_prefix(LABEL) {
            out.push((letter.clone(), offset + LABEL.len(), v));
        }
        offset += line.len();
    }
    out
}

#[test]
fn seed_lead_agencies_split_exactly() {
    let values = seed_values();
    assert_eq!(values.len(), 44);
    assert_eq!(values.len(), SEED_EXPECTED.len());
    let idx = LineIndex::new(SEED);
    let mut failures = Vec::new();
    for ((letter, base, value), (number, expected)) in values.iter().zip(SEED_EXPECTED) {
        let written = number.rsplit('.').next().unwrap();
        // The seed writes II.2.đ as a second "d)".
        let expected_letter = if *number == "II.2.đ" { "d" } else { written };
        assert_eq!(letter, expected_letter, "point order at {number}");
        let loc = Locator::new(&idx).offset(*base);
        let (agencies, diags) = split_agencies(value, &loc, Registry::embedded());
        if names(&agencies) != *expected || !diags.is_empty() {
            failures.push(format!("{number}: {:?} {diags:?}", texts(&agencies)));
        }
        for a in &agencies {
            assert!(a.known, "{number}: {a:?}");
            assert_eq!(a.span.slice(SEED), Some(a.text.as_str()), "{number}");
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn seed_pieces_keep_their_text_and_kinds() {
    let (a, _) = split(
        "Các sở, ban, ngành, Ủy ban Mặt trận Tổ quốc Việt Nam và các đoàn thể tỉnh, UBND các huyện, thị xã, thành phố.",
    );
    assert_eq!(
        texts(&a),
        [
            "Các sở, ban, ngành",
            "Ủy ban Mặt trận Tổ quốc Việt Nam",
            "các đoàn thể tỉnh",
            "UBND các huyện, thị xã, thành phố"
        ]
    );
    let kinds: Vec<AgencyKind> = a.iter().map(|a| a.kind).collect();
    assert_eq!(
        kinds,
        [
            AgencyKind::Group,
            AgencyKind::Front,
            AgencyKind::MassOrganization,
            AgencyKind::PeoplesCommittee
        ]
    );
    let collective: Vec<bool> = a.iter().map(|a| a.collective).collect();
    assert_eq!(collective, [true, false, true, true]);
    assert_eq!(a[3].level, Some(Level::District));
    let (b, _) = split("Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội các cấp.");
    assert_eq!(
        texts(&b),
        [
            "Mặt trận Tổ quốc Việt Nam",
            "các đoàn thể chính trị - xã hội các cấp"
        ]
    );
}

#[test]
fn ministries_split_at_semicolons() {
    let (a, d) = split("Bộ Công an; Bộ Quốc phòng");
    assert_eq!(names(&a), ["Bộ Công an", "Bộ Quốc phòng"]);
    assert!(a.iter().all(|a| a.kind == AgencyKind::Ministry));
    assert!(a.iter().all(|a| a.level == Some(Level::Central)));
    assert!(d.is_empty());
    // A ministry the registry does not list is still recognized by its head word.
    let (b, d) = split("Bộ Văn hóa và Thông tin, Bộ Tài chính");
    assert_eq!(names(&b), ["Bộ Văn hóa và Thông tin", "Bộ Tài chính"]);
    assert!(b[0].known && b[0].id.is_none());
    assert_eq!(b[1].id.as_deref(), Some("bo-tai-chinh"));
    assert!(d.is_empty());
}

#[test]
fn positions_name_their_bodies() {
    let (a, d) = split("Giám đốc các sở; Chủ tịch UBND các xã, phường");
    assert_eq!(
        texts(&a),
        ["Giám đốc các sở", "Chủ tịch UBND các xã, phường"]
    );
    assert_eq!(a[0].position.as_deref(), Some("Giám đốc"));
    assert_eq!(a[0].kind, AgencyKind::Department);
    assert!(a[0].collective && a[0].known);
    assert_eq!(a[1].position.as_deref(), Some("Chủ tịch"));
    assert_eq!(a[1].name, "Ủy ban nhân dân các xã, phường, thị trấn");
    assert_eq!(a[1].kind, AgencyKind::PeoplesCommittee);
    assert_eq!(a[1].level, Some(Level::Commune));
    assert!(d.is_empty());
}

#[test]
fn abbreviations_with_a_tail() {
    let (a, d) = split("Các TCTD và các đơn vị liên quan");
    assert_eq!(texts(&a), ["Các TCTD", "các đơn vị liên quan"]);
    assert_eq!(
        names(&a),
        ["Các tổ chức tín dụng", "Các cơ quan, đơn vị liên quan"]
    );
    assert_eq!(a[0].kind, AgencyKind::Enterprise);
    assert!(a.iter().all(|a| a.collective));
    assert!(d.is_empty());
    let (b, _) = split("Sở KH&CN, Sở TT&TT, Sở LĐ-TB&XH và BQL KKT Dung Quất");
    assert_eq!(names(&b), [KHCN, TTTT, LDTBXH, BQL]);
}

#[test]
fn parenthesised_note_is_kept_apart() {
    let text = "Sở Y tế (Giao Phòng Nghiệp vụ Y), Sở Tài chính.";
    let (a, d) = split(text);
    assert_eq!(names(&a), ["Sở Y tế", "Sở Tài chính"]);
    assert_eq!(a[0].note.as_deref(), Some("Giao Phòng Nghiệp vụ Y"));
    assert_eq!(a[0].span.slice(text), Some("Sở Y tế"));
    assert!(d.is_empty());
    // Separators inside the note do not split.
    let (b, _) = split("Sở Y tế (chủ trì, phối hợp với các đơn vị và địa phương)");
    assert_eq!(b.len(), 1);
}

#[test]
fn list_after_cac_so_colon() {
    let text = "các Sở: Tài chính, Nội vụ, Y tế và Kế hoạch và Đầu tư";
    let (a, d) = split(text);
    assert_eq!(
        names(&a),
        [
            "Sở Tài chính",
            "Sở Nội vụ",
            "Sở Y tế",
            "Sở Kế hoạch và Đầu tư"
        ]
    );
    assert_eq!(
        texts(&a),
        ["Tài chính", "Nội vụ", "Y tế", "Kế hoạch và Đầu tư"]
    );
    assert_eq!(a[2].span.slice(text), Some("Y tế"));
    assert!(
        a.iter()
            .all(|a| a.kind == AgencyKind::Department && a.known)
    );
    assert!(d.is_empty());
}

#[test]
fn names_with_va_and_commas_inside() {
    let (a, _) = split("Sở Văn hóa, Thể thao và Du lịch, Sở Công Thương và Sở Xây dựng");
    assert_eq!(
        names(&a),
        ["Sở Văn hóa, Thể thao và Du lịch", CT, "Sở Xây dựng"]
    );
    // Unlisted: the capitalized tail after "và" belongs to the department's name.
    let (b, _) = split("Sở Văn hóa và Thể thao và các đơn vị liên quan");
    assert_eq!(
        texts(&b),
        ["Sở Văn hóa và Thể thao", "các đơn vị liên quan"]
    );
    let (c, _) = split("UBND tỉnh Kon Tum và UBND các huyện, thị xã");
    assert_eq!(names(&c), ["Ủy ban nhân dân tỉnh Kon Tum", UBH]);
    assert_eq!(c[0].level, Some(Level::Province));
    // A collective absorbs bare group nouns.
    let (d, _) = split("Các sở, ngành, địa phương và các doanh nghiệp viễn thông");
    assert_eq!(
        texts(&d),
        ["Các sở, ngành, địa phương", "các doanh nghiệp viễn thông"]
    );
    assert_eq!(d[1].kind, AgencyKind::Enterprise);
}

#[test]
fn near_miss_gets_a_suggestion_and_a_fix() {
    let text = "Sở Thông tin và Truyền thong; Sở Tài chinh";
    let (a, d) = split(text);
    assert_eq!(texts(&a), ["Sở Thông tin và Truyền thong", "Sở Tài chinh"]);
    assert!(a.iter().all(|a| !a.known));
    assert_eq!(a[0].suggestion.as_deref(), Some(TTTT));
    assert_eq!(a[1].suggestion.as_deref(), Some("Sở Tài chính"));
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].code, "agency/unknown");
    let fix = d[0].fix.as_ref().unwrap();
    assert_eq!(fix.span.slice(text), Some("Sở Thông tin và Truyền thong"));
    assert_eq!(fix.replacement, TTTT);
    // Edit distance on folded names, for typos that are not only diacritics.
    let (b, d) = split("Sở Khoa hoc và Cong ngh");
    assert!(!b[0].known);
    assert_eq!(b[0].suggestion.as_deref(), Some(KHCN));
    assert_eq!(d.len(), 1);
    // Case and tone placement do not matter; diacritics do.
    let (c, d) = split("SỞ Y TẾ, Uỷ ban nhân dân tỉnh, Văn phòng UBND tỉnh Quảng Ngãi");
    assert_eq!(
        names(&c),
        [
            "Sở Y tế",
            "Ủy ban nhân dân tỉnh",
            "Văn phòng Ủy ban nhân dân tỉnh"
        ]
    );
    assert!(d.is_empty());
}

#[test]
fn unknown_and_duplicate_pieces_are_reported() {
    let text = "Sở Y tế, Phòng Nghiệp vụ Y và Sở Y tế";
    let (a, d) = split(text);
    assert_eq!(texts(&a), ["Sở Y tế", "Phòng Nghiệp vụ Y", "Sở Y tế"]);
    assert!(!a[1].known);
    let codes: Vec<&str> = d.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["agency/unknown", "agency/duplicate"]);
    assert_eq!(d[1].span.start, text.rfind("Sở Y tế").unwrap() as u32);
    assert_eq!(d[1].labels[0].span.start, 0);
}

#[test]
fn qualifier_after_a_registry_name() {
    let a = Registry::embedded().recognize("Sở Y tế tỉnh Quảng Ngãi");
    assert_eq!(a.name, "Sở Y tế");
    assert_eq!(a.qualifier.as_deref(), Some("tỉnh Quảng Ngãi"));
    assert_eq!(a.id.as_deref(), Some("so-y-te"));
}

#[test]
fn odd_inputs_do_not_panic() {
    for t in [
        "",
        ".",
        " ; ; ",
        "và và , ,",
        "(",
        "Sở Y tế (",
        ")Sở(",
        "các Sở:",
        ":",
        "Giám đốc",
        "Sở",
        "các",
        "ở đâu và",
        "v",
        "và",
        "Sở Y tế./.",
    ] {
        let (a, _) = split(t);
        for x in &a {
            assert!(x.span.slice(t).is_some(), "{t:?}");
        }
    }
    let (a, _) = split("Sở Y tế (");
    assert_eq!(a.len(), 1);
}

#[test]
fn long_lists_are_linear() {
    let text = "Sở Y tế, Sở Tài chính; ".repeat(5000);
    let (a, d) = split(&text);
    assert_eq!(a.len(), 10_000);
    assert_eq!(d.len(), 9_998); // every repeat after the first two is a duplicate
}

#[test]
fn tttt_on_two_dates() {
    let reg = Registry::embedded();
    let now = reg.successors_on(TTTT, date(2026, 11, 28));
    assert_eq!(now.len(), 1);
    let c = &now[0];
    assert_eq!(c.name, KHCN);
    assert_eq!(c.since, Some(date(2025, 3, 1)));
    assert_eq!(c.change, Change::Merged);
    assert!(c.basis.as_deref().unwrap().contains("19/02/2025"));
    assert!(c.basis.as_deref().unwrap().contains("NĐ 45/2025/NĐ-CP"));
    assert_eq!(c.confidence, Some(Confidence::Medium));
    assert_eq!(
        c.official_name.as_deref(),
        Some(
            "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi (tỉnh mới, hợp nhất với cơ quan tương ứng của tỉnh Kon Tum)"
        )
    );
    let steps: Vec<(Change, bool, Option<Date>)> = c
        .chain
        .iter()
        .map(|s| (s.change, s.consolidation, s.date))
        .collect();
    assert_eq!(
        steps,
        [
            (Change::Merged, false, Some(date(2025, 3, 1))),
            (Change::Merged, true, Some(date(2025, 7, 1)))
        ]
    );
    assert!(c.uncertain.iter().any(|u| u.contains("báo chí")));
    // Between the two waves: the chain stops at the first step.
    let mid = reg.successors_on(TTTT, date(2025, 4, 1));
    assert_eq!(mid[0].chain.len(), 1);
    assert_eq!(
        mid[0].official_name.as_deref(),
        Some("Sở Khoa học và Công nghệ tỉnh Quảng Ngãi")
    );
    let then = reg.successors_on(TTTT, date(2024, 1, 1));
    assert_eq!(then.len(), 1);
    assert_eq!(then[0].name, TTTT);
    assert_eq!(then[0].change, Change::Unchanged);
    assert_eq!(then[0].since, None);
    assert!(then[0].chain.is_empty());
    let json = serde_json::to_value(&now[0]).unwrap();
    assert_eq!(json["since"], "2025-03-01");
    assert_eq!(json["change"], "merged");
    assert_eq!(json["chain"][1]["consolidation"], true);
}

#[test]
fn chains_splits_and_abolitions() {
    let reg = Registry::embedded();
    let on = date(2026, 11, 28);
    let gtvt = reg.successors_on("Sở GTVT", on);
    assert_eq!(names_of(&gtvt), ["Sở Xây dựng"]);
    assert_eq!(gtvt[0].change, Change::Merged);
    let split = reg.successors_on(LDTBXH, on);
    assert_eq!(
        names_of(&split),
        ["Sở Nội vụ", GDDT, "Sở Y tế", "Sở Nông nghiệp và Môi trường"]
    );
    assert_eq!(
        split[2].functions,
        ["trẻ em", "phòng, chống tệ nạn xã hội", "bảo trợ xã hội"]
    );
    assert_eq!(split[3].functions, ["giảm nghèo"]);
    assert!(split.iter().all(|c| c.since == Some(date(2025, 3, 1))));
    let huyen = reg.successors_on("UBND cấp huyện", on);
    assert_eq!(
        names_of(&huyen),
        [
            "Ủy ban nhân dân các xã, phường, đặc khu",
            "Ủy ban nhân dân tỉnh"
        ]
    );
    assert!(huyen.iter().all(|c| c.change == Change::Abolished));
    assert!(huyen.iter().all(|c| c.since == Some(date(2025, 7, 1))));
    // Before the abolition the committees are themselves.
    let before = reg.successors_on("UBND cấp huyện", date(2025, 6, 30));
    assert_eq!(before[0].name, UBH);
    // Unchanged bodies keep their name; the date is the wave that confirmed it.
    let yte = reg.successors_on("Sở Y tế", on);
    assert_eq!(
        (yte[0].name.as_str(), yte[0].change),
        ("Sở Y tế", Change::Unchanged)
    );
    assert_eq!(yte[0].since, Some(date(2025, 3, 1)));
    // A body formed in 2025 has no holder before it existed.
    assert!(reg.successors_on("Sở NN&MT", date(2024, 1, 1)).is_empty());
    // Unknown date: the BQL record applies from its notBefore date, dated null.
    let bql = reg.successors_on(BQL, on);
    assert_eq!(bql[0].name, BQL);
    assert_eq!(bql[0].change, Change::Unchanged);
    assert_eq!(bql[0].chain[0].date, None);
    assert!(reg.successors_on("Cơ quan không có", on).is_empty());
}

fn names_of(c: &[Current]) -> Vec<&str> {
    c.iter().map(|c| c.name.as_str()).collect()
}

#[test]
fn current_and_succeeded_on_split_agencies() {
    let reg = Registry::embedded();
    let (mut a, _) = split("Sở Công Thương; Sở Giao thông vận tải.");
    for x in &mut a {
        resolve_current(x, date(2026, 11, 28), reg);
    }
    let cur = a[1].current.as_ref().unwrap();
    assert_eq!(cur[0].name, "Sở Xây dựng");
    assert!(check_current(&a[0], date(2026, 11, 28)).is_none());
    let d = check_current(&a[1], date(2026, 11, 28)).unwrap();
    assert_eq!(d.code, "agency/succeeded");
    assert!(
        d.message
            .en
            .contains("merged into Sở Xây dựng on 2025-03-01")
    );
    assert!(d.notes[0].vi.starts_with("căn cứ: "));
    let json = serde_json::to_value(&a[1]).unwrap();
    assert_eq!(json["current"][0]["name"], "Sở Xây dựng");
    assert_eq!(json["current"][0]["since"], "2025-03-01");
    let back: Agency = serde_json::from_value(json).unwrap();
    assert_eq!(back, a[1]);
}

#[test]
fn same_agency_and_leads() {
    let reg = Registry::embedded();
    let a = reg.recognize("Sở TT&TT");
    let b = reg.recognize("Sở Thông tin và Truyền thông");
    assert!(reg.same_agency(&a, &b));
    assert!(!reg.same_agency(&a, &reg.recognize("Sở KH&CN")));
    assert!(reg.leads("Sở TTTT", &a, None));
    assert!(reg.leads("Sở KH&CN", &a, Some(date(2026, 11, 28))));
    assert!(!reg.leads("Sở KH&CN", &a, Some(date(2024, 1, 1))));
    assert!(!reg.leads("Sở KH&CN", &a, None));
}

#[test]
fn registry_json_is_validated_and_layered() {
    assert_eq!(
        Registry::from_json(r#"{ "agencies": [{ "id": "", "name": "x", "kind": "other" }] }"#)
            .unwrap_err()
            .code(),
        "invalid-argument"
    );
    let bad_event = r#"{ "succession": [{ "from": "nope", "change": "merged",
        "effective": "2025-03-01", "to": [], "basis": "b", "confidence": "high" }] }"#;
    assert_eq!(
        Registry::from_json(bad_event).unwrap_err().code(),
        "not-found"
    );
    assert_eq!(
        Registry::from_json(r#"{ "agencis": [] }"#)
            .unwrap_err()
            .code(),
        "invalid-json"
    );
    // Override an entry's name and add a succession record for another province.
    let overlay = r#"{ "agencies": [{ "id": "so-y-te", "name": "Sở Y tế tỉnh Kon Tum",
        "kind": "department", "variants": ["Sở Y tế"] }],
      "succession": [{ "from": "so-ngoai-vu", "change": "merged", "effective": "2025-03-01",
        "to": [{ "id": "so-noi-vu" }], "basis": "test", "confidence": "low" }] }"#;
    let reg = Registry::embedded().with_json(overlay).unwrap();
    assert_eq!(reg.lookup("Sở Y tế").unwrap().name, "Sở Y tế tỉnh Kon Tum");
    let c = reg.successors_on("Sở Ngoại vụ", date(2025, 3, 2));
    assert_eq!(c[0].name, "Sở Nội vụ");
    assert_eq!(c[0].confidence, Some(Confidence::Low));
    let mut empty = Registry::default();
    empty.extend(&reg).unwrap();
    assert_eq!(empty.entries().len(), reg.entries().len());
}

#[test]
fn embedded_data_is_consistent() {
    let reg = Registry::embedded();
    assert!(reg.entries().len() >= 80);
    assert!(reg.events().len() >= 30);
    // Every canonical name, abbreviation and variant finds its own entry.
    for e in reg.entries() {
        for n in std::iter::once(&e.name)
            .chain(&e.abbreviations)
            .chain(&e.variants)
        {
            assert_eq!(
                reg.lookup(n).map(|x| x.id.as_str()),
                Some(e.id.as_str()),
                "{n}"
            );
        }
    }
    // Every record keeps its basis and confidence; uncertain facts are marked.
    assert!(reg.events().iter().all(|e| !e.basis.is_empty()));
    let bql = reg
        .events()
        .iter()
        .find(|e| e.from == "bql-kkt-dung-quat")
        .unwrap();
    assert_eq!(bql.effective, None);
    assert!(!bql.uncertain.is_empty());
}
