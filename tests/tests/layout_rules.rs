//! One small document per layout rule of the general parser, with the exact tasks it must give
//! (path, lead agencies as written, timeframe verbatim, where the values came from). The real
//! documents are in `seeds/layouts/` (see `layouts.rs`); these pin each rule down on its own.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // test code: a panic is a failure report

use kehoach::document::TaskSource;

/// A task as compared here: path, lead agencies as written, timeframe verbatim, source.
type Row = (String, Vec<String>, Option<String>, Option<TaskSource>);

/// (path, leads, timeframe, source) of every task.
fn tasks(text: &str) -> Vec<Row> {
    kehoach::parse(text)
        .plan
        .tasks()
        .into_iter()
        .map(|t| {
            (
                t.number.into_string(),
                t.leads
                    .map(|l| {
                        l.agencies
                            .into_iter()
                            .map(|a| a.text.into_string())
                            .collect()
                    })
                    .unwrap_or_default(),
                t.timeframe.map(|f| f.text.into_string()),
                t.source,
            )
        })
        .collect()
}

fn t(path: &str, leads: &[&str], time: Option<&str>, source: TaskSource) -> Row {
    (
        path.to_string(),
        leads.iter().map(|s| s.to_string()).collect(),
        time.map(str::to_string),
        Some(source),
    )
}

const HEAD: &str = "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 12/KH-UBND\nNinh Bình, ngày 2 tháng 3 năm 2025\nKẾ HOẠCH\nTriển khai nhiệm vụ\n";

#[test]
fn labelled_blocks_are_fields_of_the_enclosing_unit() {
    let doc = format!(
        "{HEAD}II. NHIỆM VỤ\n1. Xây dựng cơ sở dữ liệu\n1.1. Nội dung: rà soát dữ liệu.\n1.2. Cơ quan chủ trì, phối hợp:\na) Cơ quan chủ trì:\n- Sở Khoa học và Công nghệ;\n- Sở Tài chính.\nb) Cơ quan phối hợp: Các sở, ngành.\n1.3. Thời gian thực hiện: Năm 2025 và các\nnăm tiếp theo.\n"
    );
    assert_eq!(
        tasks(&doc),
        [t(
            "II.1",
            &["Sở Khoa học và Công nghệ", "Sở Tài chính"],
            Some("Năm 2025 và các năm tiếp theo."),
            TaskSource::Label
        )]
    );
}

#[test]
fn lettered_fields_are_one_task() {
    let doc = format!(
        "{HEAD}II. NHIỆM VỤ\n2. Chuyển đổi số\na) Nội dung thực hiện: số hóa hồ sơ.\nb) Đơn vị chủ trì: Sở Nội vụ\nc) Thời gian thực hiện: Quý IV/2025.\n"
    );
    assert_eq!(
        tasks(&doc),
        [t(
            "II.2",
            &["Sở Nội vụ"],
            Some("Quý IV/2025."),
            TaskSource::Label
        )]
    );
}

#[test]
fn labels_inside_a_line() {
    let doc = format!(
        "{HEAD}II. NHIỆM VỤ\n3. Đào tạo\n- Tổ chức tập huấn. Cơ quan chủ trì: Sở Nội vụ; thời gian hoàn thành: Quý IV/2025.\n"
    );
    assert_eq!(
        tasks(&doc),
        [t(
            "II.3",
            &["Sở Nội vụ"],
            Some("Quý IV/2025."),
            TaskSource::Inline
        )]
    );
}

#[test]
fn assignment_phrases_in_parentheses_and_prose() {
    let doc = format!(
        "{HEAD}II. NHIỆM VỤ\n1. Rà soát quy chế bảo vệ bí mật (Giao Công an tỉnh chủ trì, phối hợp với Sở Tư pháp; hoàn thành trước ngày 28/2/2023).\n2. Chuyển đổi số\nSở Khoa học và Công nghệ chủ trì, phối hợp với các sở thực hiện, hoàn thành\ntrong năm 2026. Việc khác.\n3. Tuyên truyền rộng rãi trong nhân dân.\n"
    );
    assert_eq!(
        tasks(&doc),
        [
            t(
                "II.1",
                &["Công an tỉnh"],
                Some("trước ngày 28/2/2023"),
                TaskSource::Phrase
            ),
            t(
                "II.2",
                &["Sở Khoa học và Công nghệ"],
                Some("trong năm 2026"),
                TaskSource::Phrase
            ),
        ]
    );
}

#[test]
fn labelled_bullet_groups_are_one_task_each() {
    let doc = format!(
        "{HEAD}III. NHIỆM VỤ\n4. Các nhiệm vụ khác\n- Triển khai nền tảng số.\n+ Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n+ Thời gian thực hiện: Năm 2025.\n- Đánh giá kết quả.\n+ Cơ quan chủ trì: Văn phòng UBND tỉnh.\n+ Thời gian thực hiện: Tháng 12/2025.\n"
    );
    assert_eq!(
        tasks(&doc),
        [
            t(
                "III.4-1",
                &["Sở Khoa học và Công nghệ"],
                Some("Năm 2025."),
                TaskSource::Label
            ),
            t(
                "III.4-2",
                &["Văn phòng UBND tỉnh"],
                Some("Tháng 12/2025."),
                TaskSource::Label
            ),
        ]
    );
}

#[test]
fn labels_without_colon_and_sections_without_dot() {
    let doc = format!(
        "{HEAD}II NHIỆM VỤ KHÁC\n1. Việc khác\nCơ quan chủ trì Công an tỉnh\nThời gian thực hiện Năm 2026\n"
    );
    assert_eq!(
        tasks(&doc),
        [t(
            "II.1",
            &["Công an tỉnh"],
            Some("Năm 2026"),
            TaskSource::Label
        )]
    );
}

#[test]
fn pipe_table_in_an_appendix_with_groups_restarts_and_continuations() {
    let doc = format!(
        "{HEAD}I. MỤC ĐÍCH\n1. Nâng cao nhận thức.\nNơi nhận:\n- Như trên;\nCHỦ TỊCH\nNguyễn Văn A\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n|---|---|---|---|---|\n| **I.** | THỂ CHẾ |  |  |  |\n| 1. | Ban hành quy chế | Sở Tư pháp | Các sở | Quý II/2025 |\n|  | (kèm hướng dẫn) |  |  |  |\n| II | HẠ TẦNG |  |  |  |\n| 1 | Xây dựng trung tâm dữ liệu | Sở Khoa học và Công nghệ |  | 2025 - 2026 |\n"
    );
    assert_eq!(
        tasks(&doc),
        [
            t(
                "PL.I.1",
                &["Sở Tư pháp"],
                Some("Quý II/2025"),
                TaskSource::Table
            ),
            t(
                "PL.II.1",
                &["Sở Khoa học và Công nghệ"],
                Some("2025 - 2026"),
                TaskSource::Table
            ),
        ]
    );
}

#[test]
fn one_cell_per_line_with_broken_cells() {
    let doc = format!(
        "{HEAD}PHỤ LỤC\nTT\nNhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian triển\nkhai\n1\nRà soát toàn diện các luật\nBộ Khoa học và\nCông nghệ\nCác bộ, ngành\n2026\n2\nXây dựng nền tảng\nBộ Xây dựng\n2026-2027\n"
    );
    assert_eq!(
        tasks(&doc),
        [
            t(
                "PL.1",
                &["Bộ Khoa học và Công nghệ"],
                Some("2026"),
                TaskSource::Table
            ),
            t(
                "PL.2",
                &["Bộ Xây dựng"],
                Some("2026-2027"),
                TaskSource::Table
            ),
        ]
    );
}

#[test]
fn html_tables() {
    let doc = format!(
        "{HEAD}II. NHIỆM VỤ\n<table>\n<tr><th>STT</th><th>Nội dung</th><th>Đơn vị chủ trì</th><th>Thời gian thực hiện</th></tr>\n<tr><td>1</td><td>Số hóa&nbsp;hồ sơ</td><td><p>Sở Nội vụ</p></td><td>Quý III/2025</td></tr>\n</table>\n"
    );
    assert_eq!(
        tasks(&doc),
        [t(
            "II.1",
            &["Sở Nội vụ"],
            Some("Quý III/2025"),
            TaskSource::Table
        )]
    );
}

#[test]
fn decision_wrapped_plan_with_part_letters_and_decimal_headings() {
    let doc = "THỦ TƯỚNG CHÍNH PHỦ\nSố: 367/QĐ-TTg\nHà Nội, ngày 28 tháng 02 năm 2026\nQUYẾT ĐỊNH\nBan hành Kế hoạch\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\nNơi nhận:\n- Như Điều 2;\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nNguyễn Chí Dũng\nKẾ HOẠCH\nTriển khai\n(Kèm theo Quyết định số 367/QĐ-TTg)\nA. MỤC TIÊU\nI. MỤC ĐÍCH\n1. Bảo đảm thống nhất.\nB. NHIỆM VỤ\nI. NHIỆM VỤ CHUNG\n1.1. Rà soát văn bản\n- Cơ quan chủ trì: Bộ Tư pháp.\n- Thời gian thực hiện: Năm 2026.\n1.2.1 Tập huấn\n- Cơ quan chủ trì: Bộ Nội vụ.\n";
    assert_eq!(
        tasks(doc),
        [
            t(
                "B.I.1.1",
                &["Bộ Tư pháp"],
                Some("Năm 2026."),
                TaskSource::Label
            ),
            t("B.I.1.2.1", &["Bộ Nội vụ"], None, TaskSource::Label),
        ]
    );
}

#[test]
fn phan_and_chuong_divisions() {
    let doc = format!(
        "{HEAD}PHẦN THỨ HAI. NHIỆM VỤ\nChương II\nI. CHUNG\n1. Việc A\n- Cơ quan chủ trì: Sở Y tế.\n"
    );
    assert_eq!(
        tasks(&doc),
        [t("P2.C2.I.1", &["Sở Y tế"], None, TaskSource::Label)]
    );
}

#[test]
fn agency_headings_lead_tasks_and_organize_responsibilities() {
    let doc = format!(
        "{HEAD}III. PHÂN CÔNG NHIỆM VỤ\n1. Công an tỉnh\n- Đôn đốc các cơ quan.\n2. Sở Tài chính: bố trí kinh phí.\n3. Các ngành, lĩnh vực khác\n- Tự rà soát.\nIV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: theo dõi, tổng hợp, báo cáo.\n2. Giao Công an tỉnh chủ trì, phối hợp với các sở hướng dẫn thực hiện.\n"
    );
    assert_eq!(
        tasks(&doc),
        [
            t("III.1", &["Công an tỉnh"], None, TaskSource::Phrase),
            t("III.2", &["Sở Tài chính"], None, TaskSource::Phrase),
            t("IV.2", &["Công an tỉnh"], None, TaskSource::Phrase),
        ]
    );
    let plan = kehoach::parse(&doc).plan;
    let r: Vec<_> = plan
        .responsibilities
        .iter()
        .map(|r| (r.number.as_str(), r.agency.text.as_str()))
        .collect();
    assert_eq!(r, [("IV.1", "Sở Nội vụ")]);
}

#[test]
fn the_plans_own_period_and_objectives_are_not_tasks() {
    let doc = format!(
        "{HEAD}I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\na) Nâng cao nhận thức.\nb) Đến năm 2025, 100% cơ quan kết nối.\n3. Thời gian thực hiện: Từ năm 2026 - 2030.\nII. NỘI DUNG\n1. Tuyên truyền.\n"
    );
    assert_eq!(tasks(&doc), []);
}

#[test]
fn a_draft_number_is_a_warning_and_names_no_province() {
    let doc = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG\nSố:      /KH-STTTT\nĐà Nẵng, ngày    tháng 5 năm 2025\nKẾ HOẠCH\nChuyển đổi số\nI. NHIỆM VỤ\n1. Số hóa\n- Cơ quan chủ trì: Phòng Bưu chính.\n";
    let out = kehoach::parse(doc);
    let diags = kehoach::validate::check(&out, &kehoach::validate::CheckOptions::default());
    let blank: Vec<_> = diags
        .iter()
        .filter(|d| d.code == "metadata/blank-number")
        .collect();
    assert_eq!(blank.len(), 1);
    assert_eq!(blank[0].severity, kehoach::Severity::Warning);
    assert_eq!((blank[0].span.line, blank[0].span.column), (2, 10));
    assert!(diags.iter().all(|d| !d.message.vi.contains("Quảng Ngãi")));
}

#[test]
fn bullets_that_each_assign_are_tasks_of_their_own() {
    // The first assigning bullet alone assigns the unit (II.1); a second one makes both bullet
    // tasks numbered by their place (II.2-1, II.2-3); a later bullet naming known agencies
    // before a colon is one too (II.3-2).
    let doc = format!(
        "{HEAD}II. NHIỆM VỤ\n1. Rà soát thủ tục\n- Sở Tư pháp chủ trì, phối hợp với các sở rà soát thủ tục.\n2. Thành lập mới các cụm công nghiệp\n- Sở Công Thương chủ trì tham mưu thủ tục thành lập.\n- Hướng dẫn nhà đầu tư.\n- Sở Xây dựng chủ trì thẩm định quy hoạch, hoàn thành trong năm 2026.\n3. Hoàn thiện hạ tầng\n- Đầu tư hạ tầng kỹ thuật.\n- Ủy ban nhân dân cấp xã: giải phóng mặt bằng.\n"
    );
    assert_eq!(
        tasks(&doc),
        [
            t("II.1", &["Sở Tư pháp"], None, TaskSource::Phrase),
            t("II.2-1", &["Sở Công Thương"], None, TaskSource::Phrase),
            t(
                "II.2-3",
                &["Sở Xây dựng"],
                Some("trong năm 2026"),
                TaskSource::Phrase
            ),
            t(
                "II.3-2",
                &["Ủy ban nhân dân cấp xã"],
                None,
                TaskSource::Phrase
            ),
        ]
    );
}

#[test]
fn a_table_ordered_by_time_after_the_sections_is_the_appendix() {
    // No border, a header over two lines, group numbers in the time column, merged time cells
    // empty in the rows below, numbering that starts again from I.
    let doc = format!(
        "{HEAD}I. MỤC ĐÍCH\nBảo đảm tiến độ.\nII. TỔ CHỨC THỰC HIỆN\nCác đơn vị thực hiện theo biểu.\nBIỂU TIẾN ĐỘ\nThời gian | Nội dung công việc | Thực hiện\n |  | Đơn vị chủ trì | Đơn vị phối hợp\nI | GIAI ĐOẠN 1\n1 | Lập nhiệm vụ\n10-11/2025 | Xây dựng khung. | Sở Xây dựng | - Sở Tài chính.\n | Lấy ý kiến. | Sở Tư pháp | \n12/2025 | Phê duyệt. | |\n"
    );
    assert_eq!(
        tasks(&doc),
        [
            t(
                "PL.I.1-1",
                &["Sở Xây dựng"],
                Some("10-11/2025"),
                TaskSource::Table
            ),
            t(
                "PL.I.1-2",
                &["Sở Tư pháp"],
                Some("10-11/2025"),
                TaskSource::Table
            ),
            t("PL.I.1-3", &[], Some("12/2025"), TaskSource::Table),
        ]
    );
}

#[test]
fn a_legal_sites_related_documents_after_the_text_are_not_the_plan() {
    // thuvienphapluat's "Văn bản liên quan" box after the last table: its "Ban hành / Hiệu lực"
    // fields and a counter cell once read as an appendix row.
    let doc = format!(
        "{HEAD}II. NHIỆM VỤ\n| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n|---|---|---|---|\n| 1 | Rà soát | Sở Tư pháp | Năm 2025 |\n## Văn bản liên quan\nBan hành:\n19/11/2025\nHiệu lực: Đã biết\n402\n|\nNỘI DUNG SỬA ĐỔI, HƯỚNG DẪN\nVăn bản bị thay thế\n|\nChú thích:\n"
    );
    let out = kehoach::parse(&doc);
    assert_eq!(
        tasks(&doc),
        [t(
            "II.1",
            &["Sở Tư pháp"],
            Some("Năm 2025"),
            TaskSource::Table
        )]
    );
    let w = out.plan.wrapper.as_ref().expect("the box is the wrapper");
    assert_eq!(
        w.heading.as_ref().map(|h| h.text.as_str()),
        Some("Văn bản liên quan")
    );
}
