//! The national registry: ministries (01/03/2025), provinces (01/07/2025), the departments'
//! pattern in each province's context, the end of the district level.

use super::*;

const NOW: (i32, u8, u8) = (2026, 11, 28);

fn now() -> Date {
    date(NOW.0, NOW.1, NOW.2)
}

#[test]
fn merged_ministries_resolve_to_their_successors_with_basis() {
    let reg = Registry::embedded();
    let cases: &[(&str, &str, Change)] = &[
        ("Bộ Kế hoạch và Đầu tư", "Bộ Tài chính", Change::Merged),
        ("Bộ KH&ĐT", "Bộ Tài chính", Change::Merged),
        (
            "Bộ Thông tin và Truyền thông",
            "Bộ Khoa học và Công nghệ",
            Change::Merged,
        ),
        ("Bộ TT&TT", "Bộ Khoa học và Công nghệ", Change::Merged),
        ("Bộ Giao thông vận tải", "Bộ Xây dựng", Change::Merged),
        (
            "Bộ Tài nguyên và Môi trường",
            "Bộ Nông nghiệp và Môi trường",
            Change::Merged,
        ),
        (
            "Bộ Nông nghiệp và Phát triển nông thôn",
            "Bộ Nông nghiệp và Môi trường",
            Change::Merged,
        ),
        (
            "Bộ Lao động - Thương binh và Xã hội",
            "Bộ Nội vụ",
            Change::Merged,
        ),
        ("Ủy ban Dân tộc", "Bộ Dân tộc và Tôn giáo", Change::Renamed),
    ];
    for &(old, new, change) in cases {
        let c = reg.successors_on(old, now());
        assert_eq!(c[0].name, new, "{old}");
        assert_eq!(c[0].change, change, "{old}");
        assert_eq!(c[0].since, Some(date(2025, 3, 1)), "{old}");
        assert!(
            c[0].basis.as_deref().unwrap().contains("176/2025/QH15"),
            "{old}"
        );
        let then = reg.successors_on(old, date(2024, 1, 1));
        assert_eq!(then.len(), 1, "{old}");
        assert_eq!(then[0].change, Change::Unchanged, "{old}");
        assert_eq!(
            reg.lookup(&then[0].name).unwrap().id,
            reg.lookup(old).unwrap().id
        );
    }
    // The split of Bộ LĐTBXH: each successor with what it took.
    let ld = reg.successors_on("Bộ LĐTBXH", now());
    let names: Vec<&str> = ld.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Bộ Nội vụ",
            "Bộ Giáo dục và Đào tạo",
            "Bộ Y tế",
            "Bộ Nông nghiệp và Môi trường",
            "Bộ Công an"
        ]
    );
    assert!(ld[1].functions[0].contains("giáo dục nghề nghiệp"));
    // The kept ministries are unchanged, with the basis of the new Government.
    let tc = reg.successors_on("Bộ Tài chính", now());
    assert_eq!(
        (tc[0].name.as_str(), tc[0].change),
        ("Bộ Tài chính", Change::Unchanged)
    );
}

#[test]
fn national_bodies_are_known() {
    let reg = Registry::embedded();
    for (text, name, kind) in [
        ("VTV", "Đài Truyền hình Việt Nam", AgencyKind::Press),
        ("VOV", "Đài Tiếng nói Việt Nam", AgencyKind::Press),
        ("TTXVN", "Thông tấn xã Việt Nam", AgencyKind::Press),
        (
            "Ủy ban KH,CN&MT của Quốc hội",
            "Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội",
            AgencyKind::Other,
        ),
        (
            "Trung ương Đoàn TNCS Hồ Chí Minh",
            "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh",
            AgencyKind::MassOrganization,
        ),
        (
            "Tập đoàn VNPT",
            "Tập đoàn Bưu chính Viễn thông Việt Nam",
            AgencyKind::Enterprise,
        ),
    ] {
        let a = reg.recognize(text);
        assert!(a.known, "{text}");
        assert_eq!((a.name.as_str(), a.kind), (name, kind), "{text}");
    }
    let vtc = reg.successors_on("VTC", now());
    assert_eq!(vtc[0].name, "Đài Truyền hình Việt Nam");
    assert_eq!(vtc[0].change, Change::Abolished);
}

#[test]
fn every_former_province_resolves_to_its_province_of_today() {
    let reg = Registry::embedded();
    assert_eq!(reg.provinces().len(), 64);
    let now_units: std::collections::BTreeSet<&str> =
        reg.provinces().iter().map(|p| p.now.as_ref()).collect();
    assert_eq!(now_units.len(), 34);
    for p in reg.provinces() {
        let text = format!("UBND {} {}", p.unit, p.name);
        let a = reg.recognize(&text);
        assert!(a.known && a.id.is_some(), "{text}");
        let c = reg.holders_of(&a, now());
        assert_eq!(c.len(), 1, "{text}");
        let held = c[0].official_name.as_deref().unwrap_or(&c[0].name);
        let want = format!("Ủy ban nhân dân {} {}", p.now_type, p.now);
        assert!(
            reg.key(held).starts_with(&reg.key(&want)),
            "{text}: {held} (want {want})"
        );
        if p.now != p.name {
            assert_ne!(c[0].change, Change::Unchanged, "{text}");
            assert!(c[0].chain.iter().any(|s| s.basis.contains("202/2025/QH15")
                || s.basis.contains("175/2024/QH15")), "{text}");
        }
        let then = reg.holders_of(&a, date(2024, 1, 1));
        assert_eq!(then[0].change, Change::Unchanged, "{text}");
        assert!(then[0].chain.is_empty(), "{text}");
    }
    let dn = reg.successors_on("UBND tỉnh Đắk Nông", now());
    assert_eq!(dn[0].name, "Ủy ban nhân dân tỉnh Lâm Đồng");
    assert_eq!(dn[0].since, Some(date(2025, 7, 1)));
}

#[test]
fn any_district_committee_ends_on_1_july_2025() {
    let reg = Registry::embedded();
    for text in [
        "UBND huyện Sơn Tịnh",
        "Ủy ban nhân dân thị xã Đức Phổ",
        "UBND quận Ba Đình",
    ] {
        let a = reg.recognize(text);
        let c = reg.holders_of(&a, now());
        let names: Vec<&str> = c.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Ủy ban nhân dân các xã, phường, đặc khu",
                "Ủy ban nhân dân tỉnh"
            ],
            "{text}"
        );
        assert!(c.iter().all(|c| c.change == Change::Abolished));
        assert_eq!(c[0].since, Some(date(2025, 7, 1)));
        assert_eq!(c[0].chain[0].from, a.name);
        assert!(c[0].basis.as_deref().unwrap().contains("203/2025/QH15"));
        assert!(!c[0].functions.is_empty());
        let then = reg.holders_of(&a, date(2024, 1, 1));
        assert_eq!(then[0].name, a.name);
        assert_eq!(then[0].change, Change::Unchanged);
    }
    // In a merged province's context the province's share goes on to the new province.
    let a = reg.recognize("UBND huyện Đắk Mil");
    let c = reg.holders_in(&a, now(), Some("Đắk Nông"));
    assert_eq!(
        c[1].official_name.as_deref(),
        Some("Ủy ban nhân dân tỉnh Lâm Đồng")
    );
}

#[test]
fn tttt_in_every_province_goes_to_its_khcn_and_on() {
    let reg = Registry::embedded();
    for p in reg.provinces() {
        let c = reg.successors_in(TTTT, now(), Some(&p.name));
        assert_eq!(c[0].name, KHCN, "{}", p.name);
        assert_eq!(c[0].change, Change::Merged, "{}", p.name);
        assert_eq!(c[0].since, Some(date(2025, 3, 1)), "{}", p.name);
        if p.change == Change::Merged {
            let official = c[0].official_name.as_deref().unwrap();
            assert!(
                official.contains(&format!("{} {}", p.now_type, p.now)),
                "{}: {official}",
                p.name
            );
            assert_eq!(c[0].chain.len(), 2, "{}", p.name);
            assert!(c[0].chain[1].basis.contains("202/2025/QH15"), "{}", p.name);
        }
        let then = reg.successors_in(TTTT, date(2024, 1, 1), Some(&p.name));
        assert_eq!(
            (then[0].name.as_str(), then[0].change),
            (TTTT, Change::Unchanged)
        );
    }
    // Named with its province: both steps, each with its basis; the pattern says so.
    let a = reg.recognize("Sở Thông tin và Truyền thông tỉnh Đắk Nông");
    assert_eq!(a.province(), Some("Đắk Nông"));
    let c = reg.holders_of(&a, now());
    let steps: Vec<(&str, &str)> = c[0]
        .chain
        .iter()
        .map(|s| (s.from.as_str(), s.to.as_str()))
        .collect();
    assert_eq!(
        steps,
        [
            (TTTT, KHCN),
            (
                "Sở Khoa học và Công nghệ tỉnh Đắk Nông",
                "Sở Khoa học và Công nghệ tỉnh Lâm Đồng"
            )
        ]
    );
    assert!(c[0].chain[0].basis.contains("45/2025/NĐ-CP"));
    assert_eq!(c[0].confidence, Some(Confidence::Medium));
    assert!(
        c[0].uncertain
            .iter()
            .any(|u| u.contains("national pattern"))
    );
    // The province named in the piece wins over the context.
    let c2 = reg.holders_in(&a, now(), Some("Hà Nội"));
    assert_eq!(c2, c);
}

#[test]
fn a_plans_issuer_gives_the_province() {
    let text = "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK NÔNG\n\nKẾ HOẠCH\nChuyển đổi số\n\nI. NHIỆM VỤ\n1. Hạ tầng số\n- Cơ quan chủ trì: Sở Thông tin và Truyền thông.\n- Thời gian thực hiện: Năm 2024.\n";
    let opts = crate::document::ParseOptions {
        as_of: Some(now()),
        ..Default::default()
    };
    let out = crate::document::Parser::new(opts).parse(text);
    let reg = Registry::embedded();
    assert_eq!(
        reg.plan_province(&out.plan.meta).map(|p| p.name.as_ref()),
        Some("Đắk Nông")
    );
    let tasks = out.plan.tasks();
    let a = &tasks[0].leads.as_ref().unwrap().agencies[0];
    let cur = a.current.as_ref().unwrap();
    assert_eq!(cur[0].name, KHCN);
    assert_eq!(
        cur[0].official_name.as_deref(),
        Some("Sở Khoa học và Công nghệ tỉnh Lâm Đồng")
    );
}

#[test]
fn ha_noi_and_hcm_follow_their_own_records() {
    let reg = Registry::embedded();
    let hn = Some("Hà Nội");
    let c = reg.successors_in(TTTT, now(), hn);
    let names: Vec<&str> = c.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, [KHCN, "Sở Văn hóa và Thể thao", "Công an tỉnh"]);
    assert!(c[0].basis.as_deref().unwrap().contains("06/NQ-HĐND"));
    assert_eq!(
        c[0].official_name.as_deref(),
        Some("Sở Khoa học và Công nghệ thành phố Hà Nội")
    );
    let dl = reg.successors_in("Sở Du lịch", now(), hn);
    assert_eq!(
        (dl[0].name.as_str(), dl[0].change),
        ("Sở Du lịch", Change::Unchanged)
    );
    // Elsewhere Sở Du lịch follows the pattern into Sở VHTTDL.
    let dl = reg.successors_in("Sở Du lịch", now(), Some("Khánh Hòa"));
    assert_eq!(dl[0].name, "Sở Văn hóa, Thể thao và Du lịch");
    // TP.HCM: GTVT renamed Giao thông Công chánh (01/03/2025), merged into Xây dựng (01/05/2025),
    // then the city merged with Bình Dương and Bà Rịa - Vũng Tàu (01/07/2025).
    let hcm = reg.successors_in("Sở GTVT", now(), Some("TP.HCM"));
    assert_eq!(hcm.len(), 1);
    assert_eq!(hcm[0].name, "Sở Xây dựng");
    assert_eq!(hcm[0].since, Some(date(2025, 5, 1)));
    let steps: Vec<(Change, Option<Date>)> =
        hcm[0].chain.iter().map(|s| (s.change, s.date)).collect();
    assert_eq!(
        steps,
        [
            (Change::Renamed, Some(date(2025, 3, 1))),
            (Change::Merged, Some(date(2025, 5, 1))),
            (Change::Merged, Some(date(2025, 7, 1)))
        ]
    );
    assert!(
        hcm[0]
            .official_name
            .as_deref()
            .unwrap()
            .contains("Bình Dương")
    );
    let mid = reg.successors_in("Sở GTVT", date(2025, 4, 1), Some("Hồ Chí Minh"));
    assert_eq!(mid[0].name, "Sở Giao thông Công chánh");
    let tn = reg.successors_in("Sở NN&PTNT", now(), Some("Hồ Chí Minh"));
    assert_eq!(tn[0].name, "Sở Nông nghiệp và Môi trường");
    assert_eq!(tn[0].change, Change::Renamed);
}

#[test]
fn the_compiled_in_registry_is_the_json_data() {
    use crate::agency::registry::{AGENCIES_JSON, NATIONAL_JSON, PROVINCES_JSON, SUCCESSION_JSON};
    let json = Registry::from_json(AGENCIES_JSON)
        .and_then(|r| r.with_json(NATIONAL_JSON))
        .and_then(|r| r.with_json(SUCCESSION_JSON))
        .and_then(|r| r.with_json(PROVINCES_JSON))
        .unwrap();
    let reg = Registry::embedded();
    assert_eq!(reg.entries(), json.entries());
    assert_eq!(reg.events(), json.events());
    assert_eq!(reg.provinces(), json.provinces());
    // The compiled-in lookup tables (build.rs) are the ones the registry builds at run time.
    assert_eq!(reg.index_tables(), json.index_tables());
    // Every key is found by the compiled-in binary search (the packed keys of build.rs), and
    // a key that is not there is not.
    let ([by_id, by_key, by_fold, by_province], ..) = reg.index_tables();
    let entry = |n: usize| Some(&reg.entries()[n]);
    for (k, n) in by_id {
        assert_eq!(reg.entry(&k), entry(n), "{k}");
        assert_eq!(reg.entry(&format!("{k}~")), None);
    }
    for (k, n) in by_key {
        assert_eq!(reg.by_key(&k), entry(n), "{k}");
    }
    for (k, n) in by_fold {
        assert_eq!(reg.by_fold(&k), entry(n), "{k}");
    }
    for (k, n) in by_province {
        assert_eq!(reg.province_by_key(&k), Some(&reg.provinces()[n]), "{k}");
    }
    for text in [
        "UBND TP HCM",
        "các DNVT",
        "BCĐ TW",
        "Sở LĐ-TB&XH",
        "KKT Dung Quất",
    ] {
        assert_eq!(reg.key(text), json.key(text), "{text}");
    }
    // Coverage of the data.
    let ministries = reg
        .entries()
        .iter()
        .filter(|e| e.kind == AgencyKind::Ministry && !e.collective)
        .count();
    assert_eq!(ministries, 23); // 14 + 6 merged ministries, Ủy ban Dân tộc, NHNN, Thanh tra CP
    assert_eq!((reg.entries().len(), reg.events().len()), (209, 149));
}

#[test]
fn province_by_slices_equals_province_by_words() {
    let reg = Registry::embedded();
    let mut texts: Vec<String> = vec![
        String::new(),
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI".into(),
        "TỈNH ỦY LÀO CAI".into(),
        "huyện Sơn Tịnh".into(),
        "Thừa Thiên Huế".into(),
        "UBND TP. Hồ Chí Minh".into(),
        "Sở Y tế tỉnh Quảng Ngãi".into(),
        "một hai ba bốn năm sáu Bà Rịa Vũng Tàu".into(),
        " , ;".into(),
    ];
    texts.extend(reg.entries().iter().map(|e| e.name.to_string()));
    for p in reg.provinces() {
        texts.push(p.name.to_string());
        texts.push(format!("Ủy ban nhân dân tỉnh {}", p.name));
        texts.push(format!("Sở Tài chính {}", p.name));
        texts.push(format!("thành phố {}", p.name));
    }
    for t in &texts {
        let k = reg.key(t);
        assert_eq!(
            reg.province(t).map(|p| &p.name),
            reg.province_of_words(&k).map(|p| &p.name),
            "{t:?}"
        );
    }
}

#[test]
fn a_province_short_name_finds_what_its_key_finds() {
    // `Registry::province` answers a province's exact short name without computing a key;
    // the answer must be the key's, i.e. that of the full name ("tỉnh Đắk Nông").
    let reg = Registry::embedded();
    assert_eq!(reg.provinces().len(), 64);
    for p in reg.provinces() {
        let by_name = reg.province(&p.name).map(|x| &*x.name);
        assert_eq!(by_name, Some(&*p.name));
        assert_eq!(reg.province(&p.full_name()).map(|x| &*x.name), by_name);
        assert_eq!(
            reg.province(&p.name.to_uppercase()).map(|x| &*x.name),
            by_name
        );
    }
}
