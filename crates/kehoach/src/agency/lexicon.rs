//! The words the recognizer reads: positions, head words of bodies, group nouns and
//! qualifiers.

use super::{AgencyKind, Level};

use AgencyKind as K;

/// Positions named instead of bodies ("Giám đốc các sở").
pub(super) const POSITIONS: &[&str] = &[
    "tổng giám đốc",
    "phó giám đốc",
    "giám đốc",
    "phó chủ tịch",
    "chủ tịch",
    "thủ trưởng",
    "người đứng đầu",
    "trưởng ban",
    "chánh văn phòng",
    "chánh thanh tra",
    "chỉ huy trưởng",
    "tư lệnh",
    "bí thư",
    "lãnh đạo",
    "tổ đảng ở thường trực",
];

/// Head words of single bodies: (words, kind, level, needs a complement).
pub(super) const HEADS: &[(&str, AgencyKind, Option<Level>, bool)] = &[
    (
        "ủy ban mặt trận tổ quốc",
        K::Front,
        Some(Level::Province),
        false,
    ),
    ("mặt trận tổ quốc", K::Front, Some(Level::Province), false),
    ("bộ chỉ huy", K::Military, Some(Level::Province), true),
    ("bộ đội", K::Military, Some(Level::Province), true),
    ("bộ", K::Ministry, Some(Level::Central), true),
    ("sở", K::Department, Some(Level::Province), true),
    ("thanh tra", K::Department, Some(Level::Province), true),
    ("văn phòng", K::Office, Some(Level::Province), true),
    ("phòng", K::Office, Some(Level::District), true),
    ("trung tâm", K::Other, None, true),
    ("ban", K::Board, Some(Level::Province), true),
    ("công an", K::Police, Some(Level::Province), true),
    ("báo", K::Press, Some(Level::Province), true),
    ("đài", K::Press, Some(Level::Province), true),
    ("tạp chí", K::Press, None, true),
    (
        "liên đoàn",
        K::MassOrganization,
        Some(Level::Province),
        true,
    ),
    (
        "liên hiệp",
        K::MassOrganization,
        Some(Level::Province),
        true,
    ),
    ("hiệp hội", K::MassOrganization, Some(Level::Province), true),
    ("hội đồng nhân dân", K::Other, None, false),
    ("hội", K::MassOrganization, Some(Level::Province), true),
    (
        "tỉnh đoàn",
        K::MassOrganization,
        Some(Level::Province),
        false,
    ),
    ("đoàn", K::MassOrganization, Some(Level::Province), true),
    ("tổng công ty", K::Enterprise, None, true),
    ("công ty", K::Enterprise, None, true),
    ("tập đoàn", K::Enterprise, None, true),
    ("ngân hàng", K::Enterprise, None, true),
    ("điện lực", K::Enterprise, Some(Level::Province), false),
    ("viễn thông", K::Enterprise, Some(Level::Province), true),
    ("bưu điện", K::Enterprise, Some(Level::Province), false),
    ("viettel", K::Enterprise, None, false),
    ("vnpt", K::Enterprise, None, false),
    ("mobifone", K::Enterprise, None, false),
    ("trung tâm", K::Other, Some(Level::Province), true),
    ("chi cục", K::Other, Some(Level::Province), true),
    ("vụ", K::Other, Some(Level::Central), true),
    ("thuế", K::Other, Some(Level::Province), true),
    ("cục", K::Other, Some(Level::Province), true),
    ("bệnh viện", K::Other, None, true),
    ("viện", K::Other, None, true),
    ("trường", K::Other, None, true),
    ("kho bạc", K::Other, Some(Level::Province), true),
    ("bảo hiểm xã hội", K::Other, Some(Level::Province), false),
    ("tòa án", K::Other, None, true),
    ("tỉnh ủy", K::Other, Some(Level::Province), false),
    ("đảng ủy", K::Other, None, true),
    ("đảng đoàn", K::Other, None, true),
    ("ban cán sự đảng", K::Other, None, true),
    ("chi bộ", K::Other, None, true),
    ("huyện ủy", K::Other, Some(Level::District), false),
    ("thành ủy", K::Other, None, false),
    ("chính phủ", K::Other, Some(Level::Central), false),
    ("thủ tướng chính phủ", K::Other, Some(Level::Central), false),
    ("ủy ban", K::Other, None, true),
];

/// Group nouns after "các" ("các sở", "các đơn vị"): (words, kind, level).
pub(super) const GROUP_NOUNS: &[(&str, AgencyKind, Option<Level>)] = &[
    ("sở", K::Department, Some(Level::Province)),
    ("bộ", K::Ministry, Some(Level::Central)),
    ("tỉnh", K::PeoplesCommittee, Some(Level::Province)),
    ("quân khu", K::Military, None),
    ("tập đoàn", K::Enterprise, None),
    ("tổng công ty", K::Enterprise, None),
    ("ban", K::Board, Some(Level::Province)),
    ("ngành", K::Group, None),
    ("cơ quan báo chí", K::Press, None),
    ("cơ sở", K::Other, None),
    ("cấp ủy", K::Other, None),
    ("tổ chức đảng", K::Other, None),
    ("chi bộ", K::Other, None),
    ("đảng ủy", K::Other, None),
    ("cơ quan", K::Group, None),
    ("đơn vị", K::Group, None),
    ("địa phương", K::PeoplesCommittee, None),
    ("huyện", K::PeoplesCommittee, Some(Level::District)),
    ("thị xã", K::PeoplesCommittee, Some(Level::District)),
    ("thành phố", K::PeoplesCommittee, Some(Level::District)),
    ("quận", K::PeoplesCommittee, Some(Level::District)),
    ("xã", K::PeoplesCommittee, Some(Level::Commune)),
    ("phường", K::PeoplesCommittee, Some(Level::Commune)),
    ("thị trấn", K::PeoplesCommittee, Some(Level::Commune)),
    ("đặc khu", K::PeoplesCommittee, Some(Level::Commune)),
    ("tổ chức tín dụng", K::Enterprise, None),
    ("tổ chức chính trị", K::MassOrganization, None),
    ("tổ chức", K::Group, None),
    ("cá nhân", K::Group, None),
    ("doanh nghiệp", K::Enterprise, None),
    ("nhà mạng", K::Enterprise, None),
    ("ngân hàng", K::Enterprise, None),
    ("công ty", K::Enterprise, None),
    ("đoàn thể", K::MassOrganization, None),
    ("hiệp hội", K::MassOrganization, None),
    ("hội", K::MassOrganization, None),
    ("trường", K::Other, None),
    ("viện", K::Other, None),
    ("trung tâm", K::Other, None),
    ("bệnh viện", K::Other, None),
    ("chủ đầu tư", K::Other, None),
    ("bên", K::Group, None),
    ("ngành chức năng", K::Group, None),
];

/// Qualifiers after a name that do not change which body it is.
pub(super) const QUALIFIERS: &[&str] = &[
    "trên địa bàn tỉnh",
    "trên địa bàn",
    "các cấp",
    "cấp tỉnh",
    "có liên quan",
    "liên quan",
    "trực thuộc trung ương",
    "trực thuộc",
    "thành phố",
    "trung ương",
    "tỉnh",
];

/// The number of words of each of [`QUALIFIERS`], counted at compile time (each call counted
/// them again, a byte search a qualifier).
#[allow(clippy::indexing_slicing)] // evaluated at compile time: an index out of range fails the build
pub(super) const QUALIFIER_WORDS: [usize; QUALIFIERS.len()] = {
    let mut out = [1; QUALIFIERS.len()];
    let mut i = 0;
    while i < QUALIFIERS.len() {
        let bytes = QUALIFIERS[i].as_bytes();
        let mut j = 0;
        while j < bytes.len() {
            if bytes[j] == b' ' {
                out[i] += 1;
            }
            j += 1;
        }
        i += 1;
    }
    out
};

/// Group nouns that name a group without "các" ("doanh nghiệp công nghệ số").
pub(super) const PLAIN_GROUPS: &[&str] = &[
    "doanh nghiệp",
    "cơ sở",
    "cơ quan",
    "đơn vị",
    "tổ chức",
    "nhà mạng",
    "đoàn thể",
    "tập đoàn",
];
