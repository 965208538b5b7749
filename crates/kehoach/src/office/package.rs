//! A workbook's package checked before anything parses it: its size, its parts unpacked once
//! under a byte limit (zip bombs), and its sheets' cell references within Excel's grid.

use super::read_workbook::WorkbookLimits;
use crate::diagnostic::{Diagnostic, codes};
use std::io::{Cursor, Read};

/// The package's size, part count and unpacked size against the limits, unpacking each part
/// into nothing (bounded time, constant memory).
#[allow(clippy::result_large_err)] // called once per file; the error is the diagnostic itself
pub(super) fn check_package(bytes: &[u8], limits: &WorkbookLimits) -> Result<(), Diagnostic> {
    let size = bytes.len() as u64;
    if size > limits.max_file_bytes {
        return Err(codes::office_too_large("file", size, limits.max_file_bytes));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| codes::office_not_a_workbook(&e.to_string()))?;
    if zip.len() > limits.max_parts {
        return Err(codes::office_not_a_workbook(&format!(
            "{} parts, at most {}",
            zip.len(),
            limits.max_parts
        )));
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let part = zip
            .by_index(i)
            .map_err(|e| codes::office_not_a_workbook(&e.to_string()))?;
        let is_sheet = part
            .name()
            .is_ok_and(|n| n.starts_with("xl/worksheets/") && n.ends_with(".xml"));
        let room = limits.max_unpacked_bytes.saturating_sub(total);
        let mut limited = part.take(room + 1);
        let n = if is_sheet {
            // Sheets are read whole (within the limit) to check their cell references first.
            let mut xml = Vec::new();
            limited
                .read_to_end(&mut xml)
                .map_err(|e| codes::office_not_a_workbook(&e.to_string()))?;
            if let Some(bad) = bad_reference(&xml) {
                return Err(codes::office_not_a_workbook(&format!(
                    "cell reference “{bad}” outside a worksheet's A1:XFD1048576"
                )));
            }
            xml.len() as u64
        } else {
            std::io::copy(&mut limited, &mut std::io::sink())
                .map_err(|e| codes::office_not_a_workbook(&e.to_string()))?
        };
        total += n;
        if total > limits.max_unpacked_bytes {
            return Err(codes::office_too_large(
                "unpacked content",
                total,
                limits.max_unpacked_bytes,
            ));
        }
    }
    Ok(())
}

/// The first cell or row reference of a sheet's XML (`r="I7"`, `<row r="7"`, `ref="A1:L45"`)
/// that is not within Excel's grid (columns A..XFD, rows 1..1 048 576). calamine 0.38 adds up
/// their digits in a `u32` without checking (an overflow: a panic in debug builds, a wrapped,
/// wrong row in release), so they are checked here before it sees them.
fn bad_reference(xml: &[u8]) -> Option<String> {
    let mut rest = xml;
    while let Some(at) = find_attribute(rest) {
        let (name_len, value_start) = at;
        let value = rest.get(value_start..).unwrap_or_default();
        let end = value.iter().position(|&b| b == b'"').unwrap_or(value.len());
        let v = value.get(..end).unwrap_or_default();
        let ok = if name_len == 3 {
            // ref="A1:L45" (dimension, mergeCell, autoFilter)
            v.split(|&b| b == b':').all(cell_in_grid)
        } else {
            cell_in_grid(v)
        };
        if !ok {
            return Some(String::from_utf8_lossy(v).chars().take(40).collect());
        }
        rest = value.get(end + 1..).unwrap_or_default();
    }
    None
}

/// The next ` r="` or ` ref="` attribute: (length of its name, offset of its value).
fn find_attribute(xml: &[u8]) -> Option<(usize, usize)> {
    let mut i = 0;
    while let Some(p) = xml.get(i..)?.iter().position(|&b| b == b'"') {
        let q = i + p; // the opening quote
        let before = xml.get(..q)?;
        for name in [&b" r="[..], b" ref="] {
            if before.ends_with(name) {
                return Some((name.len() - 2, q + 1));
            }
        }
        // Skip to the closing quote of this value.
        let close = xml.get(q + 1..)?.iter().position(|&b| b == b'"')?;
        i = q + 1 + close + 1;
    }
    None
}

/// "I7", "XFD1048576" or a bare row "7": within Excel's grid.
fn cell_in_grid(v: &[u8]) -> bool {
    let letters = v.iter().take_while(|b| b.is_ascii_uppercase()).count();
    let (cols, rows) = v.split_at(letters.min(v.len()));
    if cols.len() > 3 || rows.is_empty() || rows.len() > 7 || !rows.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let col = cols
        .iter()
        .fold(0u32, |n, b| n * 26 + u32::from(b - b'A') + 1);
    let row = rows.iter().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    col <= 16_384 && (1..=1_048_576).contains(&row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_outside_the_grid() {
        assert_eq!(bad_reference(br#"<c r="I7" s="1"/><row r="7">"#), None);
        assert_eq!(bad_reference(br#"<dimension ref="A1:XFD1048576"/>"#), None);
        assert_eq!(
            bad_reference(br#"<c r="I7"/><c r="I4294967297"/>"#).as_deref(),
            Some("I4294967297")
        );
        assert_eq!(bad_reference(br#"<c r="XFE1"/>"#).as_deref(), Some("XFE1"));
        assert_eq!(bad_reference(br#"<c r="A0"/>"#).as_deref(), Some("A0"));
        assert_eq!(bad_reference(br#"<c r=""/>"#).as_deref(), Some(""));
        assert_eq!(bad_reference(br#"<c t="s" xr="Q"/>"#), None);
        assert_eq!(
            bad_reference(br#"<mergeCell ref="A1:B99999999"/>"#).as_deref(),
            Some("A1:B99999999")
        );
    }
}
