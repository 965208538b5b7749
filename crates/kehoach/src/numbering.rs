//! Unit numbering: Roman sections (mục), Arabic parts (khoản), Vietnamese point letters (điểm).
//!
//! Points use the Vietnamese alphabet without ă â ê ô ơ ư and without f j w z (NĐ 30/2020
//! Phụ lục I and official practice): `a b c d đ e g h i k l m n o p q r s t u v x y`.
//! A unit inserted by an amendment takes its base's designation plus a suffix (NĐ 78/2025
//! Điều 69): a point after `đ` is `đ1`, a part after `3` is `3a`.
//!
//! In element ids ([`eid_token`]) `đ` is written `dd` (the Telex convention), so ids stay ASCII
//! (`sec_II__para_2__point_dd`) and never collide with `d`.

use std::fmt;

/// The Vietnamese point letters, in order.
/// The point letters in order (23 letters).
pub const POINT_SEQUENCE: &[char] = &[
    'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't',
    'u', 'v', 'x', 'y',
];

/// Position of a letter in [`POINT_SEQUENCE`] (0-based), `None` if it is not a point letter.
pub fn letter_index(c: char) -> Option<usize> {
    POINT_SEQUENCE.iter().position(|&l| l == c)
}

/// The letter at a position of [`POINT_SEQUENCE`].
pub fn letter_at(i: usize) -> Option<char> {
    POINT_SEQUENCE.get(i).copied()
}

/// A point designation: a letter, optionally with an insertion number (`a1`, `đ2`).
///
/// ```
/// use kehoach::numbering::PointNum;
/// let p = PointNum::parse("đ1").unwrap();
/// assert_eq!((p.letter(), p.insert()), ('đ', 1));
/// assert!(PointNum::parse("d").unwrap() < PointNum::parse("đ").unwrap());
/// assert!(PointNum::parse("f").is_none());
/// assert_eq!(PointNum::parse("đ").unwrap().eid_token(), "dd");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PointNum {
    index: u8,
    insert: u16,
}

impl PointNum {
    /// Parses `a`, `đ`, `a1`…; `None` for letters outside the sequence.
    pub fn parse(s: &str) -> Option<Self> {
        let mut chars = s.chars();
        let c = chars.next()?;
        let index = u8::try_from(letter_index(c)?).ok()?;
        let rest = chars.as_str();
        let insert = if rest.is_empty() {
            0
        } else if rest.len() <= 4
            && rest.bytes().all(|b| b.is_ascii_digit())
            && !rest.starts_with('0')
        {
            rest.parse().ok()?
        } else {
            return None;
        };
        Some(PointNum { index, insert })
    }

    /// From a sequence index and an insertion number.
    pub fn new(index: usize, insert: u16) -> Option<Self> {
        letter_at(index)?;
        Some(PointNum {
            index: u8::try_from(index).ok()?,
            insert,
        })
    }

    /// The letter.
    pub fn letter(self) -> char {
        letter_at(self.index as usize).unwrap_or('a')
    }

    /// Position of the letter in the sequence.
    pub fn index(self) -> usize {
        self.index as usize
    }

    /// Insertion number (0 for an original point).
    pub fn insert(self) -> u16 {
        self.insert
    }

    /// The next original letter (`d` → `đ`), `None` after `y`.
    pub fn next_letter(self) -> Option<Self> {
        PointNum::new(self.index() + 1, 0)
    }

    /// The designation for a unit inserted right after this one (`đ` → `đ1`, `a1` → `a2`).
    pub fn inserted_after(self) -> Self {
        PointNum {
            index: self.index,
            insert: self.insert.saturating_add(1),
        }
    }

    /// ASCII token for element ids (`đ` → `dd`).
    pub fn eid_token(self) -> String {
        let mut s = letter_token(self.letter()).to_string();
        if self.insert > 0 {
            s.push_str(&self.insert.to_string());
        }
        s
    }
}

impl fmt::Display for PointNum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.letter())?;
        if self.insert > 0 {
            write!(f, "{}", self.insert)?;
        }
        Ok(())
    }
}

/// ASCII form of a letter for ids: `đ` → `dd`, other Vietnamese letters lose their marks.
pub fn letter_token(c: char) -> &'static str {
    match c {
        'đ' => "dd",
        'a' => "a",
        'b' => "b",
        'c' => "c",
        'd' => "d",
        'e' => "e",
        'g' => "g",
        'h' => "h",
        'i' => "i",
        'k' => "k",
        'l' => "l",
        'm' => "m",
        'n' => "n",
        'o' => "o",
        'p' => "p",
        'q' => "q",
        'r' => "r",
        's' => "s",
        't' => "t",
        'u' => "u",
        'v' => "v",
        'x' => "x",
        'y' => "y",
        'f' => "f",
        'j' => "j",
        'w' => "w",
        'z' => "z",
        _ => "x_",
    }
}

/// ASCII token for any designation as written (`đ1` → `dd1`, `3a` → `3a`, `ă` → `x_`).
pub fn eid_token(num: &str) -> String {
    let mut out = String::with_capacity(num.len() + 1);
    push_eid_token(&mut out, num);
    out
}

/// Appends [`eid_token`]`(num)` to `out` (the parser builds each id in one buffer).
pub(crate) fn push_eid_token(out: &mut String, num: &str) {
    for c in num.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c == 'đ' || c == 'Đ' {
            out.push_str("dd");
        } else {
            let folded = crate::text::fold(&c.to_string());
            let ok: String = folded.chars().filter(char::is_ascii_alphanumeric).collect();
            if ok.is_empty() {
                out.push('x');
            } else {
                out.push_str(&ok);
            }
        }
    }
}

/// Parses a Roman numeral (I–MMMCMXCIX, uppercase); `None` if not canonical.
///
/// ```
/// assert_eq!(kehoach::numbering::parse_roman("IV"), Some(4));
/// assert_eq!(kehoach::numbering::parse_roman("IIII"), None);
/// ```
pub fn parse_roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let val = |c: u8| -> Option<i64> {
        match c {
            b'I' => Some(1),
            b'V' => Some(5),
            b'X' => Some(10),
            b'L' => Some(50),
            b'C' => Some(100),
            b'D' => Some(500),
            b'M' => Some(1000),
            _ => None,
        }
    };
    let bytes = s.as_bytes();
    let mut total: i64 = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let v = val(b)?;
        let next = bytes.get(i + 1).and_then(|&n| val(n)).unwrap_or(0);
        if v < next {
            total -= v;
        } else {
            total += v;
        }
    }
    let total = u32::try_from(total).ok()?;
    is_roman_of(total, s).then_some(total)
}

/// Whether `s` is the canonical Roman numeral of `n` (what [`to_roman`] writes), without
/// writing it: every section line of a plan is checked.
fn is_roman_of(mut n: u32, s: &str) -> bool {
    if n == 0 || n > 3999 {
        return false;
    }
    let mut rest = s;
    for (v, r) in ROMAN {
        while n >= v {
            match rest.strip_prefix(r) {
                Some(after) => rest = after,
                None => return false,
            }
            n -= v;
        }
    }
    rest.is_empty()
}

/// Roman digits, largest first (subtractive pairs included).
const ROMAN: [(u32, &str); 13] = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
];

/// Formats a number as an uppercase Roman numeral (1–3999).
pub fn to_roman(mut n: u32) -> Option<String> {
    if n == 0 || n > 3999 {
        return None;
    }
    let mut out = String::new();
    for (v, s) in ROMAN {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    Some(out)
}

/// A part designation: a number, optionally with an inserted-unit letter (`3a`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartNum {
    number: u32,
    insert: Option<usize>,
}

impl PartNum {
    /// Parses `3`, `3a`, `3đ`.
    pub fn parse(s: &str) -> Option<Self> {
        let digits_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let (d, rest) = (s.get(..digits_end)?, s.get(digits_end..)?);
        if d.is_empty() || d.len() > 6 || d.starts_with('0') {
            return None;
        }
        let number = d.parse().ok()?;
        let insert = if rest.is_empty() {
            None
        } else {
            let mut it = rest.chars();
            let c = it.next()?;
            if it.next().is_some() {
                return None;
            }
            Some(letter_index(c)?)
        };
        Some(PartNum { number, insert })
    }

    /// The number.
    pub fn number(self) -> u32 {
        self.number
    }

    /// True for an inserted part (`3a`).
    pub fn is_inserted(self) -> bool {
        self.insert.is_some()
    }

    /// The designation for a part inserted right after this one (`3` → `3a`, `3a` → `3b`).
    pub fn inserted_after(self) -> Self {
        PartNum {
            number: self.number,
            insert: Some(self.insert.map_or(0, |i| i + 1)),
        }
    }
}

impl fmt::Display for PartNum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number)?;
        if let Some(c) = self.insert.and_then(letter_at) {
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_round_trip() {
        for n in 1..60 {
            let r = to_roman(n).unwrap();
            assert_eq!(parse_roman(&r), Some(n), "{r}");
        }
        assert_eq!(parse_roman("VX"), None);
        assert_eq!(parse_roman("MĐ"), None);
    }

    /// Every numeral 1–3999 reads back, and every string of up to 4 Roman letters is accepted
    /// exactly when it is the canonical numeral of its value (as when `to_roman` was compared).
    #[test]
    fn roman_check_without_writing_matches_to_roman() {
        for n in 1..4000 {
            let r = to_roman(n).unwrap();
            assert!(is_roman_of(n, &r), "{n} {r}");
            assert_eq!(parse_roman(&r), Some(n), "{r}");
            assert!(!is_roman_of(n, &format!("{r}I")) && !is_roman_of(n + 1, &r));
        }
        let letters = ["I", "V", "X", "L", "C", "D", "M"];
        let mut all = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = all
                .iter()
                .flat_map(|s| letters.iter().map(move |l| format!("{s}{l}")))
                .collect();
            all.extend(longer);
        }
        let numerals: std::collections::HashMap<String, u32> =
            (1..4000).map(|n| (to_roman(n).unwrap(), n)).collect();
        for s in &all {
            assert_eq!(parse_roman(s), numerals.get(s).copied(), "{s}");
        }
    }

    #[test]
    fn point_order_follows_vietnamese_alphabet() {
        let seq: Vec<PointNum> = ["a", "b", "c", "d", "đ", "đ1", "đ2", "e", "g", "y"]
            .iter()
            .map(|s| PointNum::parse(s).unwrap())
            .collect();
        assert!(seq.windows(2).all(|w| w[0] < w[1]));
        for bad in ["f", "ă", "â", "w", "z", "j", "a0", ""] {
            assert!(PointNum::parse(bad).is_none(), "{bad}");
        }
        assert_eq!(
            PointNum::parse("d")
                .unwrap()
                .next_letter()
                .unwrap()
                .to_string(),
            "đ"
        );
    }

    #[test]
    fn part_numbers() {
        let p = PartNum::parse("3").unwrap();
        assert_eq!(p.inserted_after().to_string(), "3a");
        assert_eq!(
            PartNum::parse("3a").unwrap().inserted_after().to_string(),
            "3b"
        );
        assert!(PartNum::parse("03").is_none());
    }

    #[test]
    fn eid_tokens() {
        assert_eq!(eid_token("đ"), "dd");
        assert_eq!(eid_token("đ1"), "dd1");
        assert_eq!(eid_token("ă"), "a");
        assert_eq!(eid_token("3a"), "3a");
    }
}
