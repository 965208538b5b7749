//! How an operation's units are written in Vietnamese ("điểm b khoản 3 Mục II"), for people
//! checking what an instruction will do and for drafted instructions.

use super::model::{Operation, Target};

/// Ordinals as amending documents write them ("điểm d thứ hai").
const ORDINALS: &[&str] = &[
    "", "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười",
];

/// The Vietnamese address of a target: "điểm b khoản 3 Mục II", "điểm d thứ hai khoản 2 Mục
/// II"; an element id or a path this wording cannot say (an appendix row, a bullet group) is
/// given as it is ("PL.I.1-1").
///
/// ```
/// use kehoach::amend::{address, Target};
/// assert_eq!(address(&Target::number("II.3.b")), "điểm b khoản 3 Mục II");
/// let t: Target = serde_json::from_str(r#"{ "number": "II.2.d", "occurrence": 2 }"#).unwrap();
/// assert_eq!(address(&t), "điểm d thứ hai khoản 2 Mục II");
/// assert_eq!(address(&Target::number("Đ8.2.a")), "điểm a khoản 2 Điều 8");
/// assert_eq!(address(&Target::number("PL.I.1-1")), "PL.I.1-1");
/// ```
pub fn address(target: &Target) -> String {
    let (path, occurrence) = match target {
        Target::Number { path, occurrence } => (path.as_str(), *occurrence),
        Target::Eid(e) => return e.clone(),
    };
    if path.is_empty() {
        return "toàn bộ Kế hoạch".to_string();
    }
    let mut words: Vec<String> = Vec::new();
    for d in path.split('.') {
        if let Some(n) = d
            .strip_prefix('Đ')
            .filter(|n| n.starts_with(|c: char| c.is_ascii_digit()))
        {
            words.push(format!("Điều {n}"));
            continue;
        }
        let level = if words.is_empty() && crate::numbering::parse_roman(d).is_some() {
            "Mục"
        } else if d.starts_with(|c: char| c.is_ascii_digit())
            && d.chars().all(|c| c.is_ascii_alphanumeric())
        {
            "khoản"
        } else if d.starts_with(char::is_lowercase) && d.chars().all(char::is_alphanumeric) {
            "điểm"
        } else {
            return path.to_string();
        };
        words.push(format!("{level} {d}"));
    }
    if words.is_empty() {
        return path.to_string();
    }
    if let (Some(n), Some(last)) = (occurrence.filter(|&n| n > 1), words.last_mut()) {
        match ORDINALS.get(n as usize) {
            Some(w) => last.push_str(&format!(" thứ {w}")),
            None => last.push_str(&format!(" thứ {n}")),
        }
    }
    words.reverse();
    words.join(" ")
}

/// The units an operation names, in Vietnamese: the target's address, or where an insertion
/// goes ("vào sau điểm e khoản 8 Mục II").
///
/// ```
/// use kehoach::amend::{address_of, Operation, Target};
/// let op = Operation::Repeal { target: Target::number("II.3.b") };
/// assert_eq!(address_of(&op), "điểm b khoản 3 Mục II");
/// ```
pub fn address_of(op: &Operation) -> String {
    match op {
        Operation::Substitute { target, .. }
        | Operation::Repeal { target }
        | Operation::Renumber { target, .. } => address(target),
        Operation::ReplacePhrase {
            target,
            heading_only,
            ..
        }
        | Operation::Correct {
            target,
            heading_only,
            ..
        } => {
            if *heading_only {
                format!("tên {}", address(target))
            } else {
                address(target)
            }
        }
        Operation::ReplacePlan { replaced } => format!("Kế hoạch số {replaced}"),
        Operation::Insert {
            after,
            before,
            into,
            ..
        } => match (after, before, into) {
            (Some(t), _, _) => format!("vào sau {}", address(t)),
            (_, Some(t), _) => format!("vào trước {}", address(t)),
            (_, _, Some(t)) => format!("vào {}", address(t)),
            _ => String::new(),
        },
    }
}
