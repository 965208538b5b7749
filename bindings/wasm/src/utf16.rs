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

    /// True for [`Utf16Map::identity`].
    pub fn is_identity(&self) -> bool {
        self.bytes.is_none()
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

/// The keys of a serialized `Span`, in order (each followed by an unsigned integer).
const SPAN_KEYS: [&[u8]; 4] = [b"{\"start\":", b",\"end\":", b",\"line\":", b",\"column\":"];

/// Parses `{"start":N,"end":N,"line":N,"column":N}` at the start of `s`: the four numbers and
/// the length of the object. Byte by byte, without `str::parse` or `fmt`: this runs once per
/// span of every result (thousands for a plan), and in wasm at `opt-level = "z"`.
fn span_at(s: &[u8]) -> Option<([u32; 4], usize)> {
    let mut out = [0u32; 4];
    let mut pos = 0;
    for (slot, key) in out.iter_mut().zip(SPAN_KEYS) {
        if s.get(pos..pos + key.len())? != key {
            return None;
        }
        pos += key.len();
        let digits = s
            .get(pos..)?
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 || digits > 10 {
            return None;
        }
        let mut n = 0u64;
        for &b in s.get(pos..pos + digits)? {
            n = n * 10 + u64::from(b - b'0');
        }
        *slot = u32::try_from(n).ok()?;
        pos += digits;
    }
    (s.get(pos) == Some(&b'}')).then_some((out, pos + 1))
}

/// Rewrites every serialized `Span` of `json` with `start`/`end` in UTF-16 units (see the
/// module docs). Linear in the length of `json`.
pub fn convert_json(json: String, map: &Utf16Map) -> String {
    if map.bytes.is_none() || !json.contains(SPAN_START) {
        return json;
    }
    let bytes = json.as_bytes();
    let mut out = String::with_capacity(json.len());
    // `json[copied..]` is not yet in `out`; the search resumes at `from`.
    let (mut copied, mut from) = (0usize, 0usize);
    while let Some(at) = bytes
        .get(from..)
        .and_then(|r| r.iter().position(|&b| b == b'{'))
        .map(|i| from + i)
    {
        let Some(([start, end, line, column], len)) = bytes.get(at..).and_then(span_at) else {
            from = at + 1;
            continue;
        };
        // Every byte before `at` is outside the span object, which starts at an ASCII '{'.
        out.push_str(json.get(copied..at).unwrap_or(""));
        for (key, n) in SPAN_KEYS
            .iter()
            .zip([map.utf16(start), map.utf16(end), line, column])
        {
            out.push_str(std::str::from_utf8(key).unwrap_or(""));
            kehoach::json::JsonWriter::new(&mut out).u32(n);
        }
        out.push('}');
        copied = at + len;
        from = copied;
    }
    out.push_str(json.get(copied..).unwrap_or(""));
    out
}

/// Converts every span inside `x` to UTF-16 units of `map`'s text, in place (kehoach's span
/// walk; the same conversion as [`convert_json`] on its JSON, without the round trip).
pub fn convert_spans(x: &mut dyn kehoach::span_walk::SpansMut, map: &Utf16Map) {
    if map.bytes.is_none() {
        return;
    }
    x.spans_mut(&mut |s| {
        s.start = map.utf16(s.start);
        s.end = map.utf16(s.end);
    });
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
            convert_json(
                r#"{"start":2,"end":6,"line":1,"column":2}"#.into(),
                &Utf16Map::identity()
            ),
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
