//! Succession queries, current holders, the registry's JSON.

use super::*;

/// The Quảng Ngãi context: the seed plan's issuer, whose own records these tests check.
const QN: Option<&str> = Some("Quảng Ngãi");

#[test]
fn tttt_on_two_dates() {
    let reg = Registry::embedded();
    let now = reg.successors_in(TTTT, date(2026, 11, 28), QN);
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
    let mid = reg.successors_in(TTTT, date(2025, 4, 1), QN);
    assert_eq!(mid[0].chain.len(), 1);
    assert_eq!(
        mid[0].official_name.as_deref(),
        Some("Sở Khoa học và Công nghệ tỉnh Quảng Ngãi")
    );
    let then = reg.successors_in(TTTT, date(2024, 1, 1), QN);
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
    let gtvt = reg.successors_in("Sở GTVT", on, QN);
    assert_eq!(names_of(&gtvt), ["Sở Xây dựng"]);
    assert_eq!(gtvt[0].change, Change::Merged);
    let split = reg.successors_in(LDTBXH, on, QN);
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
    let huyen = reg.successors_in("UBND cấp huyện", on, QN);
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
    let before = reg.successors_in("UBND cấp huyện", date(2025, 6, 30), QN);
    assert_eq!(before[0].name, UBH);
    // Unchanged bodies keep their name; the date is the wave that confirmed it.
    let yte = reg.successors_in("Sở Y tế", on, QN);
    assert_eq!(
        (yte[0].name.as_str(), yte[0].change),
        ("Sở Y tế", Change::Unchanged)
    );
    assert_eq!(yte[0].since, Some(date(2025, 3, 1)));
    // A body formed in 2025 has no holder before it existed.
    assert!(
        reg.successors_in("Sở NN&MT", date(2024, 1, 1), QN)
            .is_empty()
    );
    // Unknown date: the BQL record applies from its notBefore date, dated null.
    let bql = reg.successors_in(BQL, on, QN);
    assert_eq!(bql[0].name, BQL);
    assert_eq!(bql[0].change, Change::Unchanged);
    assert_eq!(bql[0].chain[0].date, None);
    assert!(reg.successors_in("Cơ quan không có", on, QN).is_empty());
}

fn names_of(c: &[Current]) -> Vec<&str> {
    c.iter().map(|c| c.name.as_str()).collect()
}

#[test]
fn current_and_succeeded_on_split_agencies() {
    let reg = Registry::embedded();
    let (mut a, _) = split("Sở Công Thương; Sở Giao thông vận tải.");
    for x in &mut a {
        x.current = Some(reg.holders_in(x, date(2026, 11, 28), QN).into());
    }
    let cur = a[1].current.as_ref().unwrap();
    assert_eq!(cur[0].name, "Sở Xây dựng");
    assert!(check_current(&a[0], date(2026, 11, 28)).is_none());
    let d = check_current_in_province(&a[1], date(2026, 11, 28), reg, QN).unwrap();
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
                reg.lookup(n).map(|x| x.id.as_ref()),
                Some(e.id.as_ref()),
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

#[test]
fn position_with_note_resolves_to_its_body() {
    let text = "Sở Lao động - Thương binh và Xã hội; Chủ tịch UBND tỉnh (chỉ đạo)";
    let (mut a, d) = split(text);
    assert!(d.is_empty());
    for x in &mut a {
        x.current = Some(
            Registry::embedded()
                .holders_in(x, date(2026, 11, 28), QN)
                .into(),
        );
    }
    assert_eq!(a[1].text, "Chủ tịch UBND tỉnh");
    assert_eq!(a[1].span.slice(text), Some("Chủ tịch UBND tỉnh"));
    assert_eq!(a[1].position(), Some("Chủ tịch"));
    assert_eq!(a[1].note(), Some("chỉ đạo"));
    assert_eq!(a[1].id.as_deref(), Some("ubnd-tinh"));
    let cur = a[1].current.as_ref().unwrap();
    assert_eq!(cur[0].change, Change::Unchanged);
    assert_eq!(cur[0].since, Some(date(2025, 7, 1)));
    assert!(cur[0].official_name.as_deref().unwrap().contains("Kon Tum"));
    assert_eq!(a[0].current.as_ref().unwrap().len(), 4);
}

#[test]
fn holders_cache_answers_as_the_registry_per_id_and_province() {
    let reg = Registry::embedded();
    let on = date(2026, 11, 28);
    let mut cache = HoldersCache::default();
    // The same body named without a province, then with Hà Nội's; and a name the registry does
    // not list (not remembered: its holders depend on its name).
    let plain = reg.recognize(TTTT);
    let mut hanoi = reg.recognize(TTTT);
    hanoi.details_mut().province = Some("Hà Nội".to_string());
    let unknown = reg.recognize("Ban Quản lý dự án ABC");
    assert_eq!(unknown.id, None);
    for a in [&plain, &hanoi, &unknown, &plain, &hanoi, &unknown] {
        let cached = cache.holders(reg, a, on, QN);
        assert_eq!(&*cached, reg.holders_in(a, on, QN).as_slice());
    }
    let first = cache.holders(reg, &plain, on, QN);
    assert!(std::sync::Arc::ptr_eq(
        &first,
        &cache.holders(reg, &plain, on, QN)
    ));
    assert!(!std::sync::Arc::ptr_eq(
        &first,
        &cache.holders(reg, &hanoi, on, QN)
    ));
    assert_eq!(names_of(&first), [KHCN]);
    assert_ne!(names_of(&cache.holders(reg, &hanoi, on, QN)), [KHCN]);
}
