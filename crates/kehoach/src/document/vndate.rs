//! Vietnamese dates in running text: "ngày 18 tháng 5 năm 2020", "ngày 17/4/2020".

/// A date found in text, possibly impossible (31/2): validity is checked by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FoundDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    /// Byte range of the whole expression, from "ngày".
    pub start: usize,
    pub end: usize,
}

fn number_at(s: &str, i: usize, max_digits: usize) -> Option<(u32, usize)> {
    let rest = s.get(i..)?;
    let n = rest.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > max_digits {
        return None;
    }
    let v = rest.get(..n)?.parse().ok()?;
    Some((v, i + n))
}

fn skip_spaces(s: &str, mut i: usize) -> usize {
    while s.as_bytes().get(i) == Some(&b' ') {
        i += 1;
    }
    i
}

fn word_at(s: &str, i: usize, word: &str) -> Option<usize> {
    let rest = s.get(i..)?;
    let head = rest.get(..word.len())?;
    if crate::text::eq_lowercase(head, word) {
        Some(i + word.len())
    } else {
        None
    }
}

/// Parses a date starting exactly at `i` ("ngày …" or a bare "17/4/2020").
pub(crate) fn date_at(s: &str, i: usize) -> Option<FoundDate> {
    let start = i;
    let mut j = match word_at(s, i, "ngày") {
        Some(k) => skip_spaces(s, k),
        None => i,
    };
    let (day, k) = number_at(s, j, 2)?;
    j = k;
    let b = s.as_bytes();
    if matches!(b.get(j), Some(b'/' | b'-' | b'.')) {
        let sep = *b.get(j)?;
        let (month, k) = number_at(s, j + 1, 2)?;
        if b.get(k) != Some(&sep) {
            return None;
        }
        let (year, k) = number_at(s, k + 1, 4)?;
        if !(1000..=9999).contains(&year) {
            return None;
        }
        return Some(FoundDate {
            year: i32::try_from(year).ok()?,
            month,
            day,
            start,
            end: k,
        });
    }
    j = skip_spaces(s, j);
    j = word_at(s, j, "tháng")?;
    j = skip_spaces(s, j);
    let (month, k) = number_at(s, j, 2)?;
    j = skip_spaces(s, k);
    j = word_at(s, j, "năm")?;
    j = skip_spaces(s, j);
    let (year, k) = number_at(s, j, 4)?;
    if !(1000..=9999).contains(&year) {
        return None;
    }
    Some(FoundDate {
        year: i32::try_from(year).ok()?,
        month,
        day,
        start,
        end: k,
    })
}

/// Finds the first "ngày …" date in `s` at or after byte `from` (linear).
pub(crate) fn find_date(s: &str, from: usize) -> Option<FoundDate> {
    let mut i = from;
    // Search for "gày" and check the byte before is n/N: one pass, linear.
    while let Some(rel) = s.get(i..).and_then(|r| r.find("gày")) {
        let at = i + rel;
        if at > 0 && matches!(s.as_bytes().get(at - 1), Some(b'n' | b'N')) {
            if let Some(d) = date_at(s, at - 1) {
                return Some(d);
            }
        }
        i = at + "gày".len();
    }
    None
}

/// The date as a [`crate::Date`] if it exists.
pub(crate) fn to_date(d: &FoundDate) -> Option<crate::Date> {
    crate::Date::from_ymd(
        d.year,
        u8::try_from(d.month).ok()?,
        u8::try_from(d.day).ok()?,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms() {
        let s = "Quảng Ngãi, ngày 18 tháng 5 năm 2020";
        let d = find_date(s, 0).unwrap();
        assert_eq!((d.year, d.month, d.day), (2020, 5, 18));
        assert_eq!(&s[d.start..d.end], "ngày 18 tháng 5 năm 2020");
        let s = "Nghị quyết số 50/NQ-CP ngày 17/4/2020 của Chính phủ";
        let d = find_date(s, 0).unwrap();
        assert_eq!((d.year, d.month, d.day), (2020, 4, 17));
        assert_eq!(&s[d.start..d.end], "ngày 17/4/2020");
        let d = find_date("ngày 31/2/2020", 0).unwrap();
        assert!(to_date(&d).is_none());
    }
}
