//! Assignment words: how an agency's name starts, for bullet lists of agencies and for
//! assignment phrases ("Sở X chủ trì, phối hợp với …").

/// Words that start an agency's name whatever follows ("Công an tỉnh", "UBND các huyện").
pub(crate) const AGENCY_HEADS: &[&str] = &[
    "ủy ban", "uỷ ban", "ubnd", "ubmttq", "hđnd", "công an", "văn phòng", "thanh tra", "kho bạc",
    "ngân hàng", "bảo hiểm xã hội", "cảnh sát", "hải quan", "thường trực", "chính phủ",
    "thủ tướng", "quốc hội", "mặt trận", "liên đoàn", "tỉnh đoàn", "thành đoàn", "đảng ủy",
    "đảng uỷ", "đảng đoàn", "tỉnh ủy", "tỉnh uỷ", "thành ủy", "huyện ủy", "hội đồng", "tòa án",
    "toà án", "viện kiểm sát", "bộ chỉ huy", "bộ đội", "thông tấn xã", "cục thuế", "các", "thủ trưởng",
    "chủ tịch", "giám đốc", "lãnh đạo", "bch", "bđbp", "vks", "tand", "ttxvn", "vtv", "vov",
    "ban chỉ đạo", "ban quản lý", "ban tuyên giáo", "ban dân vận", "ban tổ chức", "ban nội chính",
    "ban dân tộc", "ban thi đua",
];

/// Words that start an agency's name when a capitalised name follows ("Sở Nội vụ", "Bộ Tư pháp",
/// but not "Ban hành", "Báo cáo", "Tổ chức tập huấn").
pub(crate) const AGENCY_HEADS_NAMED: &[&str] = &[
    "sở", "bộ", "ban", "đài", "báo", "hội", "đoàn", "trường", "viện", "trung tâm", "phòng",
    "cục", "chi cục", "tổng cục", "học viện", "đại học", "tập đoàn", "tổng công ty", "công ty",
    "quỹ", "hiệp hội", "liên hiệp", "liên minh", "lực lượng", "kiểm toán", "tổ công tác",
    "cơ quan", "đơn vị", "bảo hiểm", "ngân hàng",
];

/// Whether `s` starts like an agency's name ("Sở Nội vụ;", "UBND các huyện", "các sở, ngành").
pub(crate) fn starts_like_agency(s: &str) -> bool {
    let s = s.trim_start();
    let after = |h: &str| {
        crate::text::starts_with_lowercase(s, h).then(|| {
            let n = h.chars().count();
            s.char_indices()
                .nth(n)
                .map_or("", |(i, _)| s.get(i..).unwrap_or(""))
        })
    };
    let word_end = |rest: &str| rest.is_empty() || rest.starts_with([' ', ',', ';', '.', ':', '(']);
    if AGENCY_HEADS
        .iter()
        .any(|h| after(h).is_some_and(word_end))
    {
        return true;
    }
    AGENCY_HEADS_NAMED.iter().any(|h| {
        after(h).is_some_and(|rest| {
            rest.strip_prefix(' ')
                .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_starts() {
        for yes in [
            "Sở Nội vụ;",
            "UBND các huyện, thị xã, thành phố",
            "các sở, ngành",
            "Công an tỉnh",
            "Bộ Tư pháp",
            "Ủy ban nhân dân cấp huyện",
            "Thủ trưởng các cơ quan",
        ] {
            assert!(starts_like_agency(yes), "{yes}");
        }
        for no in [
            "Tổ chức tập huấn cho cán bộ",
            "Ban hành quy chế",
            "Báo cáo kết quả",
            "Xây dựng kế hoạch",
            "sở hữu trí tuệ",
        ] {
            assert!(!starts_like_agency(no), "{no}");
        }
    }
}
