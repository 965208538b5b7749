//! Cited document symbols: "50/NQ-CP" (state style), "52-NQ/TW" (Party style), "714/QĐ-TTg".

use super::model::{Citation, Spanned};
use super::vndate;
use crate::span::Locator;

/// Document kinds that precede a symbol ("Nghị quyết số 50/NQ-CP").
const DOC_KINDS: &[&str] = &[
    "nghị quyết",
    "kế hoạch",
    "quyết định",
    "chỉ thị",
    "kết luận",
    "thông tư",
    "nghị định",
    "thông báo",
    "công văn",
    "chương trình",
    "hướng dẫn",
    "luật",
    "đề án",
    "văn bản",
    "báo cáo",
];

fn is_symbol_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '&' | 'Đ' | 'đ')
}

/// Scans one line for document symbols (linear in the line).
pub(crate) fn scan_line(line: &str, loc: &Locator<'_>, out: &mut Vec<Citation>) {
    // Every symbol has a '/' (`looks_like_symbol`): most lines have none (one memchr).
    if memchr::memchr(b'/', line.as_bytes()).is_none() {
        return;
    }
    scan_from_slashes(line, loc, out, true);
}

/// The scan of [`scan_line`]. With `skip`, the bytes before the run of symbol chars around the
/// next '/' are skipped: a token that starts there holds no '/' (it would reach the next one
/// only through that run) and ends before the run, so the byte-by-byte reading would come to
/// the run's start without a symbol; past the last '/', nothing is read. Without `skip`
/// (tests), every byte is read.
fn scan_from_slashes(line: &str, loc: &Locator<'_>, out: &mut Vec<Citation>, skip: bool) {
    let mut i = 0;
    let bytes = line.as_bytes();
    // The first '/' at or after `i`, once found.
    let mut slash: Option<usize> = None;
    while i < line.len() {
        if skip && slash.is_none_or(|p| p < i) {
            let Some(p) = memchr::memchr(b'/', bytes.get(i..).unwrap_or_default()).map(|k| i + k)
            else {
                break;
            };
            slash = Some(p);
            let run: usize = line.get(i..p).map_or(0, |before| {
                before
                    .chars()
                    .rev()
                    .take_while(|&c| is_symbol_char(c))
                    .map(char::len_utf8)
                    .sum()
            });
            i = p - run;
        }
        let Some(b) = bytes.get(i).copied() else {
            break;
        };
        if !b.is_ascii_digit() {
            i += 1;
            continue;
        }
        let prev_ok = i == 0
            || line
                .get(..i)
                .and_then(|p| p.chars().next_back())
                .is_none_or(|c| !crate::text::is_alphanumeric(c));
        if !prev_ok {
            i += 1;
            continue;
        }
        // Token of symbol characters.
        let rest = line.get(i..).unwrap_or("");
        let mut len = rest
            .char_indices()
            .find(|(_, c)| !is_symbol_char(*c))
            .map_or(rest.len(), |(k, _)| k);
        // Drop trailing separators ("50/NQ-CP-" or "…/TW/").
        while len > 0 && matches!(rest.as_bytes().get(len - 1), Some(b'/' | b'-')) {
            len -= 1;
        }
        let token = rest.get(..len).unwrap_or("");
        if looks_like_symbol(token) {
            let start = i;
            let end = i + len;
            let doc_kind = kind_before(line, start);
            let (date, date_text, date_end) = date_after(line, end, loc);
            let issuer = issuer_after(line.get(date_end..).unwrap_or(""));
            out.push(Citation {
                doc_kind,
                symbol: token.to_string(),
                span: loc.span(start, end),
                date,
                date_text,
                issuer,
            });
        }
        i += len.max(1);
    }
}

/// A symbol has a number, a `/`, and letters: "50/NQ-CP", "271-KH/TU", "45/2025/NĐ-CP".
fn looks_like_symbol(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 6 {
        return false;
    }
    let rest = t.get(digits..).unwrap_or("");
    if !(rest.starts_with('/') || rest.starts_with('-')) || !rest.contains('/') {
        return false;
    }
    // At least two uppercase letters after the number.
    rest.chars().filter(|c| c.is_uppercase()).count() >= 2
}

fn kind_before(line: &str, start: usize) -> Option<String> {
    let before = line.get(..start)?.trim_end();
    let before = before
        .strip_suffix("số")
        .or_else(|| before.strip_suffix("Số"))
        .unwrap_or(before)
        .trim_end();
    // The last `n` chars of `before`, as a slice.
    let last_chars = |n: usize| {
        let from = before
            .char_indices()
            .rev()
            .take(n)
            .last()
            .map_or(before.len(), |(i, _)| i);
        before.get(from..).unwrap_or("")
    };
    // Each kind against as many chars of the end, compared lowercase without a copy.
    DOC_KINDS.iter().find_map(|k| {
        let tail = last_chars(k.chars().count());
        crate::text::eq_lowercase(tail, k).then(|| tail.to_string())
    })
}

/// The date right after a symbol, its text, and where the citation continues.
fn date_after(
    line: &str,
    end: usize,
    loc: &Locator<'_>,
) -> (Option<crate::Date>, Option<Spanned>, usize) {
    let after = line.get(end..).unwrap_or("");
    let trimmed = after.trim_start();
    let off = end + (after.len() - trimmed.len());
    // The first four chars lowercased are "ngày" (compared char by char, no String).
    let mut want = "ngày".chars();
    let head_matches = trimmed
        .chars()
        .take(4)
        .flat_map(crate::text::lower_char)
        .all(|c| want.next() == Some(c));
    if !(head_matches && want.next().is_none()) {
        return (None, None, end);
    }
    match vndate::date_at(line, off) {
        Some(d) => (
            vndate::to_date(&d),
            Some(Spanned {
                text: line.get(d.start..d.end).unwrap_or("").to_string(),
                span: loc.span(d.start, d.end),
            }),
            d.end,
        ),
        None => (None, None, end),
    }
}

/// Longest issuer looked at, in bytes: keeps a line of many citations linear.
const MAX_ISSUER_BYTES: usize = 256;

fn issuer_after(after: &str) -> Option<String> {
    // Only when "của" follows the symbol (and its date) directly.
    let rest = after.trim_start().strip_prefix("của ")?;
    let rest = rest
        .get(..crate::span::floor_char_boundary(rest, MAX_ISSUER_BYTES))
        .unwrap_or(rest);
    // The first of " về ", " ban hành", " thực hiện", " và " and the marks `,;().`, found in
    // one pass (every stop starts with an ASCII byte, so its offset is a char boundary).
    const WORDS: [&str; 4] = [" về ", " ban hành", " thực hiện", " và "];
    let stop = rest
        .bytes()
        .enumerate()
        .find(|&(i, b)| match b {
            b',' | b';' | b'(' | b')' | b'.' => true,
            b' ' => rest
                .get(i..)
                .is_some_and(|r| WORDS.iter().any(|w| r.starts_with(w))),
            _ => false,
        })
        .map_or(rest.len(), |(i, _)| i);
    let issuer = rest.get(..stop)?.trim();
    (!issuer.is_empty()).then(|| issuer.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::LineIndex;

    fn scan(s: &str) -> Vec<Citation> {
        let idx = LineIndex::new(s);
        let loc = Locator::new(&idx);
        let mut out = Vec::new();
        scan_line(s, &loc, &mut out);
        out
    }

    proptest::proptest! {
        /// Skipping to the runs around slashes finds what reading every byte finds.
        #[test]
        fn skipping_to_slashes_reads_the_same(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("50/NQ-CP"), proptest::strategy::Just("52-NQ/TW"),
                    proptest::strategy::Just("/"), proptest::strategy::Just("-"),
                    proptest::strategy::Just("2020"), proptest::strategy::Just("17"),
                    proptest::strategy::Just(" "), proptest::strategy::Just("số "),
                    proptest::strategy::Just("Đ"), proptest::strategy::Just("QĐ-TTg"),
                    proptest::strategy::Just("ngày 17/4/2020"), proptest::strategy::Just("a"),
                    proptest::strategy::Just("Nghị quyết "), proptest::strategy::Just("&"),
                    proptest::strategy::Just(" của Chính phủ"), proptest::strategy::Just("ờ"),
                ],
                0..14,
            )
        ) {
            let s = parts.concat();
            let idx = LineIndex::new(&s);
            let loc = Locator::new(&idx);
            let (mut skipped, mut every) = (Vec::new(), Vec::new());
            scan_from_slashes(&s, &loc, &mut skipped, true);
            scan_from_slashes(&s, &loc, &mut every, false);
            proptest::prop_assert_eq!(skipped, every);
        }
    }

    #[test]
    fn finds_state_and_party_symbols() {
        let c = scan(
            "Thực hiện Nghị quyết số 50/NQ-CP ngày 17/4/2020 của Chính phủ và Kế hoạch số 271-KH/TU ngày 27/3/2020 của Ban Thường vụ Tỉnh ủy",
        );
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].symbol, "50/NQ-CP");
        assert_eq!(c[0].doc_kind.as_deref(), Some("Nghị quyết"));
        assert_eq!(c[0].date.unwrap().to_string(), "2020-04-17");
        assert_eq!(c[0].issuer.as_deref(), Some("Chính phủ"));
        assert_eq!(c[1].symbol, "271-KH/TU");
        assert_eq!(c[1].issuer.as_deref(), Some("Ban Thường vụ Tỉnh ủy"));
    }

    #[test]
    fn ignores_years_and_percentages() {
        assert!(scan("giai đoạn 2021-2030, 80% trường, 4G, 5G, ngày 07/3/2019").is_empty());
        let c = scan("Quyết định số 714/QĐ-TTg ngày 22/5/2015");
        assert_eq!(c[0].symbol, "714/QĐ-TTg");
    }
}
