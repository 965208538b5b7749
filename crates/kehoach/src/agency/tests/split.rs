//! Splitting: the seed's 44 values and list shapes from other plans.

use super::*;

const SEED: &str = include_str!("../../../../../seeds/66-KH-UBND-2020-quang-ngai.txt");
const LABEL: &str = "- Cơ quan chủ trì: ";

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
    assert_eq!(a[0].position(), Some("Giám đốc"));
    assert_eq!(a[0].kind, AgencyKind::Department);
    assert!(a[0].collective && a[0].known);
    assert_eq!(a[1].position(), Some("Chủ tịch"));
    assert_eq!(a[1].name, "Ủy ban nhân dân các xã, phường, thị trấn");
    assert_eq!(a[1].kind, AgencyKind::PeoplesCommittee);
    assert_eq!(a[1].level, Some(Level::Commune));
    assert!(d.is_empty());
}

#[test]
fn abbreviations_with_a_tail() {
    // "và các đơn vị liên quan" after a collective: its related units, one group (issue 20).
    let (a, d) = split("Các TCTD và các đơn vị liên quan");
    assert_eq!(texts(&a), ["Các TCTD và các đơn vị liên quan"]);
    assert_eq!(names(&a), ["Các tổ chức tín dụng và các đơn vị liên quan"]);
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
    assert_eq!(a[0].note(), Some("Giao Phòng Nghiệp vụ Y"));
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

/// A list head does not reach over a semicolon, even when the next part starts with a colon
/// of its own: the parts are read apart ("Tài chính" alone names nothing).
#[test]
fn list_head_stops_at_a_semicolon_before_a_colon() {
    let (a, d) = split("các Sở; : Tài chính, Nội vụ");
    assert_eq!(names(&a), ["Các Sở", "Tài chính", "Nội vụ"]);
    assert_eq!(
        a.iter().map(|a| a.known).collect::<Vec<_>>(),
        [true, false, false]
    );
    assert_eq!(
        d.iter().map(|d| d.code).collect::<Vec<_>>(),
        ["agency/unknown", "agency/unknown"]
    );
    let (a, d) = split("Sở Tài chính; : Sở Y tế");
    assert_eq!(names(&a), ["Sở Tài chính", "Sở Y tế"]);
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
    assert_eq!(a[0].suggestion(), Some(TTTT));
    assert_eq!(a[1].suggestion(), Some("Sở Tài chính"));
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].code, "agency/unknown");
    let fix = d[0].fix.as_ref().unwrap();
    assert_eq!(fix.span.slice(text), Some("Sở Thông tin và Truyền thong"));
    assert_eq!(fix.replacement, TTTT);
    // Edit distance on folded names, for typos that are not only diacritics.
    let (b, d) = split("Sở Khoa hoc và Cong ngh");
    assert!(!b[0].known);
    assert_eq!(b[0].suggestion(), Some(KHCN));
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
    let text = "Sở Y tế, Tổ chuyên gia Y và Sở Y tế";
    let (a, d) = split(text);
    assert_eq!(texts(&a), ["Sở Y tế", "Tổ chuyên gia Y", "Sở Y tế"]);
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
    assert_eq!(a.qualifier(), Some("tỉnh Quảng Ngãi"));
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
fn suggestions_only_for_near_names_of_the_same_kind() {
    let reg = Registry::embedded();
    // An unknown abbreviation or an enterprise's own name is not a typo of another name.
    for text in ["VNPTT", "Công ty Điện lực Quảng Nam", "Tập đoàn Sun Group"] {
        let a = reg.recognize(text);
        assert_eq!(a.suggestion(), None, "{text}");
    }
    assert!(!reg.recognize("VNPTT").known);
    // Its kind is read from its shape; not in the registry, it stays unknown (no suggestion).
    let c = reg.recognize("Công ty Điện lực Quảng Nam");
    assert!(!c.known);
    assert_eq!(c.kind, AgencyKind::Enterprise);
    // A typo of a department is still offered its department.
    let b = reg.recognize("Sở Khoa hoc và Công nghệ");
    assert!(!b.known);
    assert_eq!(b.suggestion(), Some(KHCN));
    assert_eq!(b.kind, AgencyKind::Department);
}

/// Lists whose commas are inside one name: group nouns sharing a last qualifier, level nouns
/// after a people's committee; and lists whose commas separate established categories.
#[test]
fn commas_inside_one_name_and_between_categories() {
    let texts = |t: &str| -> Vec<String> {
        split(t)
            .0
            .into_iter()
            .map(|a| a.text.into_string())
            .collect()
    };
    assert_eq!(
        texts(
            "Thủ trưởng các sở, ban, ngành trực thuộc UBND tỉnh, Chủ tịch UBND các huyện, thành phố"
        ),
        [
            "Thủ trưởng các sở, ban, ngành trực thuộc UBND tỉnh",
            "Chủ tịch UBND các huyện, thành phố"
        ]
    );
    assert_eq!(
        texts("Các cơ quan, đơn vị theo quy định"),
        ["Các cơ quan, đơn vị theo quy định"]
    );
    assert_eq!(
        texts("Các sở, ban, ngành khác"),
        ["Các sở, ban, ngành khác"]
    );
    let (a, _) = split("Ủy ban nhân dân xã, phường");
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].text, "Ủy ban nhân dân xã, phường");
    assert!(a[0].collective);
    // Established categories stay apart; a qualified group after an already qualified one too.
    assert_eq!(
        texts("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"),
        ["Các bộ", "cơ quan ngang bộ", "cơ quan thuộc Chính phủ"]
    );
    assert_eq!(
        texts("Doanh nghiệp công nghệ số, cơ sở nghiên cứu, cơ sở giáo dục"),
        [
            "Doanh nghiệp công nghệ số",
            "cơ sở nghiên cứu",
            "cơ sở giáo dục"
        ]
    );
    // "và" joins two bodies: two agencies, the second marked.
    let (a, _) = split("Sở Y tế, Cục Lâm nghiệp và Cục Kiểm lâm");
    assert_eq!(
        a.iter()
            .map(|a| (a.text.as_str(), a.and_previous))
            .collect::<Vec<_>>(),
        [
            ("Sở Y tế", false),
            ("Cục Lâm nghiệp", false),
            ("Cục Kiểm lâm", true)
        ]
    );
}

#[test]
fn duplicates_are_the_same_body_of_the_same_province_or_the_same_unknown_name() {
    let codes = |text: &str| -> Vec<(&'static str, u32)> {
        let (_, d) = split(text);
        d.iter().map(|d| (d.code, d.span.start)).collect()
    };
    // Two provinces' people's committees are two; the same province's twice is a duplicate.
    let text = "Các địa phương: Hà Nội, Đà Nẵng, Hà Nội";
    let (a, _) = split(text);
    assert_eq!(a.len(), 3);
    assert_eq!(a[0].id, a[1].id);
    assert_ne!(a[0].province(), a[1].province());
    assert_eq!(
        codes(text),
        [("agency/duplicate", text.rfind("Hà Nội").unwrap() as u32)]
    );
    // An unknown name, written twice with other spacing and case, is one.
    let text = "Tổ chuyên gia Y, Tổ  chuyên gia y";
    let second = text.find("Tổ  chuyên").unwrap() as u32;
    assert_eq!(
        codes(text),
        [
            ("agency/unknown", 0),
            ("agency/unknown", second),
            ("agency/duplicate", second)
        ]
    );
    // A long list (hashed): the same answers past sixteen agencies.
    let many: Vec<String> = (1..=17).map(|i| format!("Tổ công tác số {i}")).collect();
    let text = format!("{}, Sở Y tế, Tổ công tác số 3, Sở Y tế", many.join(", "));
    let dups: Vec<u32> = codes(&text)
        .into_iter()
        .filter(|(c, _)| *c == "agency/duplicate")
        .map(|(_, at)| at)
        .collect();
    let at = |s: &str| text.rfind(s).unwrap() as u32;
    assert_eq!(dups, [at("Tổ công tác số 3"), at("Sở Y tế")]);
}
