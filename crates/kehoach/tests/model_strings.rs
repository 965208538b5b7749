//! The model's strings: short values inline, the embedded registry's names shared, not copied.

fn leads(text: &str) -> Vec<Vec<kehoach::Agency>> {
    kehoach::parse(text)
        .plan
        .tasks()
        .into_iter()
        .map(|t| t.leads.map(|l| l.agencies).unwrap_or_default())
        .collect()
}

#[test]
fn registry_names_and_ids_are_borrowed_from_the_registry() {
    let text = "Nhiệm vụ\n\
                1. Làm A.\n- Cơ quan chủ trì: Sở Giao thông vận tải.\n\
                2. Làm B.\n- Cơ quan chủ trì: Sở Giao thông vận tải.\n\
                3. Làm C.\n- Cơ quan chủ trì: Sở GTVT.\n";
    let tasks = leads(text);
    assert_eq!(tasks.len(), 3);
    for (i, agencies) in tasks.iter().enumerate() {
        let [a] = agencies.as_slice() else {
            panic!("task {i}: {agencies:?}");
        };
        assert_eq!(a.name, "Sở Giao thông vận tải", "task {i}");
        // The second list is the memo's copy of the first: still no copy of the name.
        assert!(a.name.as_static_str().is_some(), "task {i}: name copied");
        assert!(
            a.id.as_ref().is_some_and(|id| !id.is_heap_allocated()),
            "task {i}: {:?}",
            a.id
        );
    }
    // Written as registered (24 bytes or more): the text is the registry's name.
    assert_eq!(tasks[0][0].text, "Sở Giao thông vận tải");
    assert!(tasks[0][0].text.as_static_str().is_some());
    assert!(tasks[1][0].text.as_static_str().is_some());
    // Written otherwise: the text is the document's own.
    assert_eq!(tasks[2][0].text, "Sở GTVT");
    assert!(tasks[2][0].text.as_static_str().is_none());
}

#[test]
fn short_ids_and_paths_are_inline_long_ones_on_the_heap() {
    let text =
        "I. NHIỆM VỤ\n1. Hoàn thiện thể chế\na) Rà soát văn bản.\n- Cơ quan chủ trì: Sở Tư pháp.\n";
    let out = kehoach::parse(text);
    let point = &out.plan.body[0].children[0].children[0];
    assert_eq!(point.eid, "sec_I__para_1__point_a");
    assert_eq!(point.number, "I.1.a");
    assert_eq!(point.num, "a");
    for s in [&point.eid, &point.number, &point.num] {
        assert!(!s.is_heap_allocated(), "{s}");
    }
    // The label is inline too; the paragraph (over 24 bytes) is not.
    let field = &point.blocks[1];
    assert_eq!(field.label.as_deref(), Some("Cơ quan chủ trì"));
    assert!(field.label.as_ref().is_some_and(|l| !l.is_heap_allocated()));
    assert_eq!(point.blocks[0].text, "Rà soát văn bản.");
    // The JSON is the same as with `String`s: plain strings.
    let json = serde_json::to_value(point).unwrap_or_default();
    assert_eq!(json["eid"], "sec_I__para_1__point_a");
    assert_eq!(json["blocks"][1]["label"], "Cơ quan chủ trì");
    // A path longer than 24 bytes is kept whole on the heap.
    let deep = "I. A\n1. B\n1.1. C\n1.1.1. D\na) Làm E.\n";
    let out = kehoach::parse(deep);
    let mut long = Vec::new();
    out.plan.walk(&mut |u| {
        if u.eid.len() > 24 {
            long.push((u.eid.clone(), u.eid.is_heap_allocated()));
        }
    });
    assert!(!long.is_empty(), "no id over 24 bytes");
    assert!(long.iter().all(|(_, heap)| *heap), "{long:?}");
}
