//! Byte offsets → UTF-16 code units, applied to every [`kehoach::Span`] of a result's JSON.
//!
//! JavaScript strings are indexed in UTF-16 code units: the seed is 31,269 UTF-8 bytes but
//! 24,024 UTF-16 units, so a byte offset handed to `text.slice()` would be wrong. This is the one
//! place where spans are converted. [`convert_json`] rewrites the serialized JSON: every object
//! of the exact shape `{"start":N,"end":N,"line":N,"column":N}` is a `Span` (no other type
//! serializes so), and its `start` and `end` are converted, so every span of every output type
//! is converted, including types added later, without a visitor that would have to know where
//! spans live. The pattern cannot occur inside a JSON string (its `"` would be escaped). `line`
//! and `column` are left as they are (`column` counts Unicode scalar values).
//!
//! Working on the text rather than wrapping the serializer keeps one `Serialize`
//! monomorphization per type in the wasm (a wrapping serializer doubled them: about 40 KB
//! gzipped, measured).
//!
//! [`Utf16Map`] is built once per text in linear time: a checkpoint every [`STRIDE`] bytes, so a
//! lookup counts at most `STRIDE` bytes. Offsets past the end of the text map to its length.

use std::fmt::Write as _;

/// Bytes between two checkpoints.
pub const STRIDE: usize = 64;

/// Maps UTF-8 byte offsets of one text to UTF-16 code-unit offsets.
#[derive(Debug, Clone)]
pub struct Utf16Map<'a> {
    /// `None`: the identity map (spans are kept as they are).
    bytes: Option<&'a [u8]>,
    /// UTF-16 offset of byte `k * STRIDE`, counting the chars that start before it.
    checkpoints: Vec<u32>,
}

/// UTF-16 units contributed by the char starting with byte `b` (0 for continuation bytes).
fn units(b: u8) -> u32 {
    match b {
        0x80..=0xBF => 0,
        0xF0..=0xFF => 2,
        _ => 1,
    }
}

impl<'a> Utf16Map<'a> {
    /// Indexes `text` (linear time, `len / STRIDE` checkpoints).
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut acc = 0u32;
        for chunk in bytes.chunks(STRIDE) {
            checkpoints.push(acc);
            acc = acc.saturating_add(chunk.iter().map(|&b| units(b)).sum::<u32>());
        }
        checkpoints.push(acc);
        Utf16Map {
            bytes: Some(bytes),
            checkpoints,
        }
    }

    /// The map that keeps offsets as they are (for values whose spans are already converted or
    /// whose text is unknown, such as a plan passed back from JavaScript).
    pub fn identity() -> Self {
        Utf16Map {
            bytes: None,
            checkpoints: Vec::new(),
        }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text).
    pub fn utf16(&self, byte: u32) -> u32 {
        let Some(bytes) = self.bytes else {
            return byte;
        };
        let byte = (byte as usize).min(bytes.len());
        let k = byte / STRIDE;
        let base = self.checkpoints.get(k).copied().unwrap_or(0);
        let from = k * STRIDE;
        let rest: u32 = bytes
            .get(from..byte)
            .unwrap_or(&[])
            .iter()
            .map(|&b| units(b))
            .sum();
        base.saturating_add(rest)
    }
}

/// The pattern a serialized `Span` starts with.
const SPAN_START: &str = "{\"start\":";

/// Reads the unsigned integer at the start of `s`: (value, digits).
fn number(s: &str) -> Option<(u32, usize)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let n = s.get(..digits)?.parse().ok()?;
    Some((n, digits))
}

/// Parses `{"start":N,"end":N,"line":N,"column":N}` at the start of `s`: the four numbers and
/// the length of the object.
fn span_at(s: &str) -> Option<([u32; 4], usize)> {
    let mut out = [0u32; 4];
    let mut pos = 0;
    for (slot, key) in out.iter_mut().zip([
        "{\"start\":",
        ",\"end\":",
        ",\"line\":",
        ",\"column\":",
    ]) {
        pos += key.len();
        if s.get(pos - key.len()..pos)? != key {
            return None;
        }
        let (n, len) = number(s.get(pos..)?)?;
        *slot = n;
        pos += len;
    }
    (s.get(pos..pos + 1)? == "}").then_some((out, pos + 1))
}

/// Rewrites every serialized `Span` of `json` with `start`/`end` in UTF-16 units (see the
/// module docs). Linear in the length of `json`.
pub fn convert_json(json: String, map: &Utf16Map) -> String {
    if map.bytes.is_none() || !json.contains(SPAN_START) {
        return json;
    }
    let mut out = String::with_capacity(json.len());
    let mut rest = json.as_str();
    while let Some(at) = rest.find(SPAN_START) {
        out.push_str(rest.get(..at).unwrap_or(""));
        let tail = rest.get(at..).unwrap_or("");
        match span_at(tail) {
            Some(([start, end, line, column], len)) => {
                let (start, end) = (map.utf16(start), map.utf16(end));
                // Writing to a String cannot fail.
                let _ = write!(
                    out,
                    "{{\"start\":{start},\"end\":{end},\"line\":{line},\"column\":{column}}}"
                );
                rest = tail.get(len..).unwrap_or("");
            }
            None => {
                out.push('{');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(text: &str, byte: usize) -> u32 {
        text.get(..byte).unwrap().encode_utf16().count() as u32
    }

    #[test]
    fn offsets_match_encode_utf16_at_every_char_boundary() {
        // 1-, 2-, 3- and 4-byte chars across several checkpoints.
        let text = "Sở Thông tin và Truyền thông 😀 a\r\nđ ".repeat(9);
        let map = Utf16Map::new(&text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(map.utf16(i as u32), naive(&text, i), "byte {i}");
        }
        assert_eq!(map.utf16(u32::MAX), naive(&text, text.len()));
        assert_eq!(Utf16Map::identity().utf16(12345), 12345);
    }

    #[test]
    fn seed_spans_slice_the_same_text_in_utf16() {
        let text = kehoach::SEED_PLAN;
        let map = Utf16Map::new(text);
        assert_eq!(text.len(), 31_269);
        assert_eq!(map.utf16(text.len() as u32), 24_024);

        let out = kehoach::parse(text);
        let task = out
            .plan
            .tasks()
            .into_iter()
            .find(|t| t.number == "II.3.a")
            .unwrap();
        let leads = task.leads.unwrap();
        assert_eq!(leads.text, "Sở Thông tin và Truyền thông.");

        let json: serde_json::Value =
            serde_json::from_str(&convert_json(serde_json::to_string(&leads).unwrap(), &map))
                .unwrap();
        let units: Vec<u16> = text.encode_utf16().collect();
        let (s, e) = (
            json["span"]["start"].as_u64().unwrap() as usize,
            json["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(String::from_utf16(&units[s..e]).unwrap(), leads.text);
        assert!(s < leads.span.start as usize, "converted, not copied");
        assert_eq!(json["span"]["line"], leads.span.line);
        assert_eq!(json["span"]["column"], leads.span.column);
        // Nested spans (agencies inside leads) are converted too.
        assert_eq!(
            json["agencies"][0]["span"]["start"].as_u64(),
            Some(s as u64)
        );
    }

    #[test]
    fn only_span_shaped_objects_are_rewritten() {
        let map = Utf16Map::new("đđđ");
        let conv = |s: &str| convert_json(s.to_string(), &map);
        assert_eq!(
            conv(r#"[{"start":2,"end":6,"line":1,"column":2},{"start":2}]"#),
            r#"[{"start":1,"end":3,"line":1,"column":2},{"start":2}]"#
        );
        // Wrong order, extra fields, strings, truncation: left alone.
        for s in [
            r#"{"end":6,"start":2,"line":1,"column":1}"#,
            r#"{"start":2,"end":6,"line":1,"column":1,"x":1}"#,
            r#"{"start":"2","end":6,"line":1,"column":1}"#,
            r#"{"text":"{\"start\":2,\"end\":6,\"line\":1,\"column\":1}"}"#,
            r#"{"start":2,"end":6,"line":1,"column":"#,
            r#"{"start":99999999999,"end":6,"line":1,"column":1}"#,
            "{\"start\":",
        ] {
            assert_eq!(conv(s), s);
        }
        assert_eq!(
            convert_json(r#"{"start":2,"end":6,"line":1,"column":2}"#.into(), &Utf16Map::identity()),
            r#"{"start":2,"end":6,"line":1,"column":2}"#
        );
    }

    #[test]
    fn only_span_structs_are_rewritten_and_field_order_is_kept() {
        let text = "đđđ";
        let map = Utf16Map::new(text);
        let out = kehoach::parse(text);
        let native = serde_json::to_string(&out).unwrap();
        let json = convert_json(native.clone(), &map);
        assert!(native.contains(r#""span":{"start":0,"end":6,"line":1,"column":1}"#));
        assert!(json.contains(r#""span":{"start":0,"end":3,"line":1,"column":1}"#));
        assert_eq!(json.replace(r#""end":3"#, r#""end":6"#), native);
    }
}
