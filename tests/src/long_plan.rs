//! The seed plan made `k` times longer without changing its shape: the four sections (I.–IV.)
//! are repeated `k` times and renumbered (I.–IV., V.–VIII., …), between the seed's own header
//! and closing, so every task keeps a unique path ("Mục VI" is the second copy of "Mục II").
//! Input for the scaling of the entry points that work on a parsed plan (check, schedule,
//! amend, export).

use kehoach::SEED_PLAN;

/// Roman numeral of `n` (1-based), as the library writes them.
pub fn roman(n: usize) -> String {
    u32::try_from(n)
        .ok()
        .and_then(kehoach::numbering::to_roman)
        .unwrap_or_default()
}

/// Sections per copy of the seed body.
pub const SEED_SECTIONS: usize = 4;

/// The seed with its body (sections I.–IV.) repeated `k` times, renumbered.
pub fn long_plan(k: usize) -> String {
    let lines: Vec<&str> = SEED_PLAN.split_inclusive('\n').collect();
    let is_section = |l: &str| {
        let t = l.trim_start_matches('\u{feff}');
        let head = t.split('.').next().unwrap_or("");
        !head.is_empty()
            && head.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
            && t.len() > head.len()
    };
    let start = lines.iter().position(|l| is_section(l)).unwrap_or(0);
    let end = lines
        .iter()
        .position(|l| l.starts_with("Nơi nhận"))
        .unwrap_or(lines.len());
    let (head, body, tail) = (&lines[..start], &lines[start..end], &lines[end..]);
    let mut out = String::with_capacity(SEED_PLAN.len() * k);
    head.iter().for_each(|l| out.push_str(l));
    for copy in 0..k {
        let mut section = copy * SEED_SECTIONS;
        for l in body {
            if is_section(l) {
                section += 1;
                let rest = l.split_once('.').map_or("", |(_, r)| r);
                out.push_str(&roman(section));
                out.push('.');
                out.push_str(rest);
            } else {
                out.push_str(l);
            }
        }
    }
    tail.iter().for_each(|l| out.push_str(l));
    out
}

/// One amendment instruction per copy of [`long_plan`]`(k)`: the timeframe of point c of part 6
/// in each copy's section II.
pub fn long_amendment(k: usize) -> String {
    (0..k)
        .map(|copy| {
            format!(
                "Sửa đổi thời gian thực hiện tại điểm c khoản 6 Mục {} như sau: “Năm 2021 - 2027.”\n",
                roman(copy * SEED_SECTIONS + 2)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_renumbered_and_amendable() {
        assert_eq!(roman(14), "XIV");
        let out = kehoach::parse(&long_plan(3));
        assert_eq!(out.plan.tasks().len(), 3 * 44);
        assert_eq!(out.plan.body.len(), 12);
        assert_eq!(out.plan.body[5].num, "VI");
        let r = kehoach::amend::amend_text(&out.plan, &long_amendment(3));
        assert!(r.applied, "{:?}", r.diagnostics);
        assert_eq!(r.changes.len(), 3);
    }
}
