//! A synthetic "national corpus": realistic implementation plans of many provinces, generated
//! deterministically from a seed (no randomness crate: a small xorshift generator).
//!
//! Each plan has the front matter of a provincial People's Committee plan (issuer, national
//! motto, number, place and date, title citing a resolution), a preamble, sections with parts
//! and lettered points (đ and inserted `a1)` included), task fields under the label variants
//! plans use ("Cơ quan chủ trì", "Đơn vị chủ trì", "Thời gian thực hiện", "Tiến độ", …), agency
//! lists, timeframes, and the closing (recipients, signer). About one plan in five arrives as
//! CRLF, one in ten as NFD, with a BOM, or with NBSP after the labels, as copied text does.
//!
//! ```
//! let plans = kehoach_tests::corpus_gen::generate(3, 7);
//! assert_eq!(plans.len(), 3);
//! let out = kehoach::parse(&plans[0]);
//! assert!(!out.plan.tasks().is_empty());
//! ```

use unicode_normalization::UnicodeNormalization;

/// A small deterministic pseudo-random generator (xorshift64*).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (any value).
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next value.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A value in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        let span = u64::from(hi.saturating_sub(lo)) + 1;
        lo + u32::try_from(self.next_u64() % span).unwrap_or(0)
    }

    /// True with probability `1/n`.
    pub fn one_in(&mut self, n: u32) -> bool {
        self.range(1, n.max(1)) == 1
    }

    /// A random element.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let i = self.next_u64() % items.len().max(1) as u64;
        &items[usize::try_from(i).unwrap_or(0)]
    }
}

const PROVINCES: &[&str] = &[
    "Quảng Ngãi",
    "Bình Định",
    "Quảng Nam",
    "Đà Nẵng",
    "Thừa Thiên Huế",
    "Nghệ An",
    "Thanh Hóa",
    "Hà Tĩnh",
    "Lâm Đồng",
    "Đắk Lắk",
    "Gia Lai",
    "Kon Tum",
    "Khánh Hòa",
    "Phú Yên",
    "An Giang",
    "Cần Thơ",
    "Đồng Tháp",
    "Bến Tre",
    "Lào Cai",
    "Yên Bái",
    "Sơn La",
    "Điện Biên",
    "Bắc Ninh",
    "Hải Dương",
];

const AGENCIES: &[&str] = &[
    "Sở Y tế",
    "Sở Tài chính",
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Công Thương",
    "Sở Xây dựng",
    "Sở Giao thông vận tải",
    "Sở Kế hoạch và Đầu tư",
    "Sở Khoa học và Công nghệ",
    "Sở Thông tin và Truyền thông",
    "Sở Giáo dục và Đào tạo",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Tài nguyên và Môi trường",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Công an tỉnh",
    "Văn phòng UBND tỉnh",
    "Ban Quản lý Khu kinh tế",
    "Đài Phát thanh - Truyền hình tỉnh",
    "Các sở, ban, ngành, UBND các huyện, thị xã, thành phố",
];

const VERBS: &[&str] = &[
    "Tổ chức triển khai",
    "Xây dựng và ban hành",
    "Rà soát, hoàn thiện",
    "Nghiên cứu, đề xuất",
    "Tuyên truyền, phổ biến",
    "Đẩy mạnh ứng dụng",
    "Kiểm tra, giám sát việc thực hiện",
    "Bố trí nguồn lực cho",
];

const OBJECTS: &[&str] = &[
    "kế hoạch chuyển đổi số của cơ quan, đơn vị",
    "cơ sở dữ liệu chuyên ngành dùng chung",
    "các cơ chế, chính sách hỗ trợ doanh nghiệp khởi nghiệp sáng tạo",
    "hệ thống thông tin giải quyết thủ tục hành chính",
    "chương trình đào tạo nguồn nhân lực chất lượng cao",
    "mô hình đô thị thông minh",
    "hạ tầng viễn thông băng rộng đến các thôn, bản",
    "nền tảng chia sẻ, tích hợp dữ liệu cấp tỉnh",
    "các tiêu chí đánh giá mức độ sẵn sàng",
];

const TOPICS: &[&str] = &[
    "một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư",
    "chuyển đổi số quốc gia",
    "phát triển kinh tế tập thể",
    "cải cách hành chính nhà nước giai đoạn 2021 - 2030",
    "phát triển nguồn nhân lực",
];

const LEAD_LABELS: &[&str] = &[
    "Cơ quan chủ trì",
    "Cơ quan chủ trì",
    "Đơn vị chủ trì",
    "Cơ quan chủ trì thực hiện",
];
const PARTNER_LABELS: &[&str] = &["Cơ quan phối hợp", "Đơn vị phối hợp"];
const TIME_LABELS: &[&str] = &[
    "Thời gian thực hiện",
    "Thời gian thực hiện",
    "Thời gian hoàn thành",
    "Tiến độ",
];
const LETTERS: &[&str] = &["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k"];
const QUARTERS: &[&str] = &["I", "II", "III", "IV"];

fn agency_list(r: &mut Rng) -> String {
    let n = r.range(1, 3);
    let mut out: Vec<&str> = Vec::new();
    for _ in 0..n {
        let a = *r.pick(AGENCIES);
        if !out.contains(&a) {
            out.push(a);
        }
    }
    let sep = if r.one_in(3) { "; " } else { ", " };
    out.join(sep)
}

fn timeframe(r: &mut Rng, year: u32) -> String {
    let y = year + r.range(0, 4);
    match r.range(0, 8) {
        0 => format!("Năm {y}"),
        1 => format!("Quý {}/{y}", r.pick(QUARTERS)),
        2 => format!("Trước ngày {}/{}/{y}", r.range(1, 28), r.range(1, 12)),
        3 => "Thường xuyên".to_string(),
        4 => "Hằng năm".to_string(),
        5 => format!("Giai đoạn {y} - {}", y + 5),
        6 => format!("Tháng {}/{y}", r.range(1, 12)),
        7 => format!("Năm {y} và những năm tiếp theo"),
        _ => format!("6 tháng đầu năm {y}"),
    }
}

/// One plan (LF, NFC).
pub fn plan(r: &mut Rng) -> String {
    let prov = *r.pick(PROVINCES);
    let prov_up = prov.to_uppercase();
    let year = r.range(2019, 2024);
    let (day, month) = (r.range(1, 28), r.range(1, 12));
    let (res_no, res_year) = (r.range(1, 150), year - r.range(0, 1));
    let topic = *r.pick(TOPICS);
    let mut s = String::with_capacity(24 * 1024);
    s.push_str(&format!(
        "ỦY BAN NHÂN DÂN\nTỈNH {prov_up}\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
         Độc lập - Tự do - Hạnh phúc\n---------------\n\nSố: {}/KH-UBND\n\n\
         {prov}, ngày {day:02} tháng {month} năm {year}\n\nKẾ HOẠCH\n\n\
         THỰC HIỆN NGHỊ QUYẾT SỐ {res_no}/NQ-CP NGÀY {}/{}/{res_year} CỦA CHÍNH PHỦ VỀ {}\n\n\
         Thực hiện Nghị quyết số {res_no}/NQ-CP ngày {}/{}/{res_year} của Chính phủ về {topic}, \
         Ủy ban nhân dân tỉnh {prov} ban hành Kế hoạch triển khai thực hiện như sau:\n\n",
        r.range(1, 300),
        day,
        month,
        topic.to_uppercase(),
        day,
        month,
    ));
    s.push_str("I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n");
    for _ in 0..r.range(1, 3) {
        s.push_str(&format!(
            "- {} {} trên địa bàn tỉnh {prov}.\n\n",
            r.pick(VERBS),
            r.pick(OBJECTS)
        ));
    }
    s.push_str("2. Yêu cầu\n\n");
    s.push_str(&format!(
        "- Xác định các nhiệm vụ cụ thể của các sở, ban, ngành và UBND các huyện, thị xã, thành \
         phố nhằm triển khai thực hiện Nghị quyết số {res_no}/NQ-CP.\n\n"
    ));
    s.push_str("II. NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN\n\n");
    let lead_label = *r.pick(LEAD_LABELS);
    let time_label = *r.pick(TIME_LABELS);
    let partner_label = *r.pick(PARTNER_LABELS);
    for part in 1..=r.range(3, 9) {
        s.push_str(&format!(
            "{part}. {} {}\n\n",
            r.pick(VERBS),
            r.pick(OBJECTS)
        ));
        let points = r.range(2, 7) as usize;
        for (k, letter) in LETTERS.iter().take(points).enumerate() {
            s.push_str(&format!(
                "{letter}) {} {}, bảo đảm phù hợp với điều kiện thực tế của tỉnh {prov}.\n\n",
                r.pick(VERBS),
                r.pick(OBJECTS)
            ));
            s.push_str(&format!("- {lead_label}: {}.\n\n", agency_list(r)));
            if r.one_in(3) {
                s.push_str(&format!("- {partner_label}: {}.\n\n", agency_list(r)));
            }
            s.push_str(&format!("- {time_label}: {}.\n\n", timeframe(r, year)));
            if k == 0 && r.one_in(8) {
                s.push_str(&format!(
                    "a1) {} {}.\n\n- {lead_label}: {}.\n\n- {time_label}: {}.\n\n",
                    r.pick(VERBS),
                    r.pick(OBJECTS),
                    agency_list(r),
                    timeframe(r, year)
                ));
            }
        }
    }
    s.push_str(
        "III. KINH PHÍ THỰC HIỆN\n\n- Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân \
         cấp hiện hành và các nguồn hợp pháp khác.\n\n",
    );
    s.push_str(&format!(
        "IV. TỔ CHỨC THỰC HIỆN\n\n1. Các sở, ban, ngành, UBND các huyện, thị xã, thành phố \
         xây dựng kế hoạch cụ thể, định kỳ báo cáo UBND tỉnh.\n\n2. {}: theo dõi, đôn đốc, \
         tổng hợp kết quả thực hiện, báo cáo UBND tỉnh./.\n\n",
        r.pick(AGENCIES)
    ));
    s.push_str(
        "Nơi nhận:\n- Thường trực Tỉnh ủy;\n- Thường trực HĐND tỉnh;\n- CT, các PCT UBND tỉnh;\n\
         - Các sở, ban, ngành tỉnh;\n- UBND các huyện, thị xã, thành phố;\n- Lưu: VT.\n\n\
         TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n",
    );
    let names = [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Hoàng Cường",
        "Phạm Minh Đức",
    ];
    let signer = *r.pick(&names);
    s.push_str(signer);
    s.push('\n');
    s
}

/// Applies the copied-text variants some plans arrive in (CRLF, NFD, BOM, NBSP).
pub fn vary(r: &mut Rng, s: String) -> String {
    let mut s = s;
    if r.one_in(10) {
        s = s.replace(": ", ":\u{a0}");
    }
    if r.one_in(10) {
        s = s.nfd().collect();
    }
    if r.one_in(5) {
        s = s.replace('\n', "\r\n");
    }
    if r.one_in(10) {
        s.insert(0, '\u{feff}');
    }
    s
}

/// `n` plans from `seed` (with variants).
pub fn generate(n: usize, seed: u64) -> Vec<String> {
    let mut r = Rng::new(seed);
    (0..n)
        .map(|_| {
            let p = plan(&mut r);
            vary(&mut r, p)
        })
        .collect()
}

/// Plans from `seed` until their total size reaches `bytes`.
pub fn corpus_of_size(bytes: usize, seed: u64) -> Vec<String> {
    let mut r = Rng::new(seed);
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let p = plan(&mut r);
        let p = vary(&mut r, p);
        total += p.len();
        out.push(p);
    }
    out
}
