//! A hand-written JSON writer for the output types: the bytes of `serde_json`, spans mapped.
//!
//! [`ToJson`] writes a value straight into one `String` (no per-type serializer, no temporary
//! strings for keys or escapes), compact as `serde_json::to_string` or indented as
//! `serde_json::to_string_pretty`, with the same field order, skipped fields, renames, enum tags,
//! escapes and numbers as the serde derives of the same types. Every [`Span`]'s `start` and `end`
//! go through the writer's span map: the identity natively, UTF-16 code units in the wasm
//! package (which so needs no second pass over the text). The serde derives stay; this is an
//! additional, faster path for output.
//!
//! ```
//! let out = kehoach::parse(kehoach::SEED_PLAN);
//! let json = kehoach::json::to_string(&out);
//! assert_eq!(json, serde_json::to_string(&out).unwrap());
//! ```

/// A key of the writer's own types as [`JsonWriter::qkey`] takes it: natively quoted, with the
/// `": "` of the pretty form after it (the compact form drops the space), so that the writer
/// appends it at once; in the wasm package the bare key (its module keeps one copy of each).
#[cfg(not(target_arch = "wasm32"))]
macro_rules! q {
    ($key:literal) => {
        concat!("\"", $key, "\": ")
    };
}
#[cfg(target_arch = "wasm32")]
macro_rules! q {
    ($key:literal) => {
        $key
    };
}

mod agency;
mod model;
mod quoted;
mod raw;
mod schedule;
mod sink;
mod span;
#[cfg(test)]
mod tests;
mod timeframe;

pub use model::write_parse_output;
pub use timeframe::write_timeframe_fields;

use crate::span::Span;
use raw::{INDENT, clean_prefix, push_f64, push_u64};
#[cfg(not(target_arch = "wasm32"))]
use raw::{INDENT_WIDTH, SEP_INDENT, all_clean, push_head};

/// A value that can write itself as JSON (the same text as its `serde::Serialize`).
///
/// ```
/// use kehoach::json::{JsonWriter, ToJson};
/// let mut out = String::new();
/// kehoach::Span { start: 1, end: 2, line: 1, column: 2 }.write_json(&mut JsonWriter::new(&mut out));
/// assert_eq!(out, r#"{"start":1,"end":2,"line":1,"column":2}"#);
/// ```
pub trait ToJson {
    /// Writes `self` as one JSON value.
    fn write_json(&self, w: &mut JsonWriter<'_>);
}

/// Writes JSON into a `String`: compact or pretty (two spaces, as `serde_json`), spans mapped.
///
/// ```
/// use kehoach::json::{JsonWriter, ToJson};
/// let span = kehoach::Span { start: 3, end: 9, line: 1, column: 4 };
/// let mut out = String::new();
/// let double = |b: u32| b * 2;
/// span.write_json(&mut JsonWriter::new(&mut out).with_span_map(&double));
/// assert_eq!(out, r#"{"start":6,"end":18,"line":1,"column":4}"#);
/// ```
pub struct JsonWriter<'a> {
    out: &'a mut String,
    /// `None`: compact; `Some(depth)`: pretty, at this nesting depth.
    indent: Option<usize>,
    /// No element written yet in the innermost open object or array.
    first: bool,
    /// Applied to `start` and `end` of every span; `None` keeps them.
    map: Option<&'a dyn Fn(u32) -> u32>,
    /// Takes the text written so far when it is long (see [`JsonWriter::with_sink`]).
    sink: Option<&'a mut dyn FnMut(&str)>,
}

impl<'a> JsonWriter<'a> {
    /// A compact writer appending to `out`, spans kept as they are.
    ///
    /// ```
    /// let mut out = String::new();
    /// kehoach::json::JsonWriter::new(&mut out).str("a\"b");
    /// assert_eq!(out, r#""a\"b""#);
    /// ```
    pub fn new(out: &'a mut String) -> Self {
        JsonWriter {
            out,
            indent: None,
            first: true,
            map: None,
            sink: None,
        }
    }

    /// Indented as `serde_json::to_string_pretty` (two spaces, `": "` after keys).
    ///
    /// ```
    /// use kehoach::json::{JsonWriter, ToJson};
    /// let mut out = String::new();
    /// vec![1u32, 2].write_json(&mut JsonWriter::new(&mut out).pretty());
    /// assert_eq!(out, "[\n  1,\n  2\n]");
    /// ```
    pub fn pretty(mut self) -> Self {
        self.indent = Some(0);
        self
    }

    /// Maps every span's `start` and `end` (byte offsets) through `map`, e.g. to UTF-16 units.
    ///
    /// ```
    /// use kehoach::json::{JsonWriter, ToJson};
    /// let mut out = String::new();
    /// let plus = |b: u32| b + 1;
    /// kehoach::Span::default().write_json(&mut JsonWriter::new(&mut out).with_span_map(&plus));
    /// assert!(out.starts_with(r#"{"start":1,"end":1,"#));
    /// ```
    pub fn with_span_map(mut self, map: &'a dyn Fn(u32) -> u32) -> Self {
        self.map = Some(map);
        self
    }

    fn newline(&mut self) {
        if let Some(depth) = self.indent {
            match INDENT.get(..1 + 2 * depth) {
                #[cfg(not(target_arch = "wasm32"))]
                Some(_) => push_head::<INDENT_WIDTH>(self.out, INDENT, 1 + 2 * depth),
                #[cfg(target_arch = "wasm32")]
                Some(s) => self.out.push_str(s),
                None => {
                    self.out.push('\n');
                    for _ in 0..depth {
                        self.out.push_str("  ");
                    }
                }
            }
        }
    }

    /// Before an element of the open object or array: the comma and, pretty, the line break.
    fn sep(&mut self) {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(depth) = self.indent {
            // Pretty (natively): the comma, the line break and the indentation at once.
            let first = usize::from(self.first);
            if 2 + 2 * depth <= SEP_INDENT.len() {
                let from = SEP_INDENT.get(first..).unwrap_or(SEP_INDENT);
                push_head::<INDENT_WIDTH>(self.out, from, 2 + 2 * depth - first);
                self.first = false;
                return;
            }
        }
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.newline();
    }

    /// Opens an object.
    ///
    /// ```
    /// use kehoach::json::JsonWriter;
    /// let mut out = String::new();
    /// let mut w = JsonWriter::new(&mut out);
    /// w.begin_object();
    /// w.end_object();
    /// assert_eq!(out, "{}");
    /// ```
    pub fn begin_object(&mut self) {
        self.open('{');
    }

    /// Closes the innermost object.
    ///
    /// ```
    /// use kehoach::json::JsonWriter;
    /// let mut out = String::new();
    /// let mut w = JsonWriter::new(&mut out);
    /// w.begin_object();
    /// w.field("a", &1u32);
    /// w.end_object();
    /// assert_eq!(out, r#"{"a":1}"#);
    /// ```
    pub fn end_object(&mut self) {
        self.close('}');
    }

    /// Opens an array.
    ///
    /// ```
    /// use kehoach::json::JsonWriter;
    /// let mut out = String::new();
    /// let mut w = JsonWriter::new(&mut out);
    /// w.begin_array();
    /// w.end_array();
    /// assert_eq!(out, "[]");
    /// ```
    pub fn begin_array(&mut self) {
        self.open('[');
    }

    /// Closes the innermost array.
    ///
    /// ```
    /// use kehoach::json::JsonWriter;
    /// let mut out = String::new();
    /// let mut w = JsonWriter::new(&mut out);
    /// w.begin_array();
    /// w.element("x");
    /// w.end_array();
    /// assert_eq!(out, r#"["x"]"#);
    /// ```
    pub fn end_array(&mut self) {
        self.close(']');
    }

    fn open(&mut self, c: char) {
        self.drain_if_long();
        self.out.push(c);
        self.first = true;
        if let Some(d) = &mut self.indent {
            *d += 1;
        }
    }

    fn close(&mut self, c: char) {
        if let Some(d) = &mut self.indent {
            *d = d.saturating_sub(1);
            if !self.first {
                self.newline();
            }
        }
        self.out.push(c);
        self.first = false;
    }

    /// Writes an object key (an identifier: not escaped) and the `:` after it.
    ///
    /// ```
    /// use kehoach::json::JsonWriter;
    /// let mut out = String::new();
    /// let mut w = JsonWriter::new(&mut out);
    /// w.begin_object();
    /// w.key("n");
    /// w.null();
    /// w.end_object();
    /// assert_eq!(out, r#"{"n":null}"#);
    /// ```
    pub fn key(&mut self, key: &str) {
        self.sep();
        self.out.push('"');
        self.out.push_str(key);
        self.out
            .push_str(if self.indent.is_some() { "\": " } else { "\":" });
    }

    /// Writes an array element.
    ///
    /// ```
    /// use kehoach::json::JsonWriter;
    /// let mut out = String::new();
    /// let mut w = JsonWriter::new(&mut out);
    /// w.begin_array();
    /// w.element(&1u32);
    /// w.element(&true);
    /// w.end_array();
    /// assert_eq!(out, "[1,true]");
    /// ```
    pub fn element<T: ToJson + ?Sized>(&mut self, v: &T) {
        self.sep();
        v.write_json(self);
    }

    /// Writes `"key": value`.
    ///
    /// ```
    /// use kehoach::json::JsonWriter;
    /// let mut out = String::new();
    /// let mut w = JsonWriter::new(&mut out);
    /// w.begin_object();
    /// w.field("s", "é");
    /// w.end_object();
    /// assert_eq!(out, r#"{"s":"é"}"#);
    /// ```
    pub fn field<T: ToJson + ?Sized>(&mut self, key: &str, v: &T) {
        self.key(key);
        v.write_json(self);
    }

    /// Writes `"key": value` when `v` is `Some` (`skip_serializing_if = "Option::is_none"`).
    ///
    /// ```
    /// use kehoach::json::JsonWriter;
    /// let mut out = String::new();
    /// let mut w = JsonWriter::new(&mut out);
    /// w.begin_object();
    /// w.opt_field("a", &Some(1u32));
    /// w.opt_field::<u32>("b", &None);
    /// w.end_object();
    /// assert_eq!(out, r#"{"a":1}"#);
    /// ```
    pub fn opt_field<T: ToJson>(&mut self, key: &str, v: &Option<T>) {
        if let Some(v) = v {
            self.field(key, v);
        }
    }

    /// Writes `"key": [..]` when `v` is not empty (`skip_serializing_if = "Vec::is_empty"`).
    ///
    /// ```
    /// use kehoach::json::JsonWriter;
    /// let mut out = String::new();
    /// let mut w = JsonWriter::new(&mut out);
    /// w.begin_object();
    /// w.nonempty_field::<u32>("a", &[]);
    /// w.nonempty_field("b", &[2u32]);
    /// w.end_object();
    /// assert_eq!(out, r#"{"b":[2]}"#);
    /// ```
    pub fn nonempty_field<T: ToJson>(&mut self, key: &str, v: &[T]) {
        if !v.is_empty() {
            self.field(key, v);
        }
    }

    /// Writes a string value, escaped as `serde_json` does.
    ///
    /// ```
    /// use kehoach::json::JsonWriter;
    /// let mut out = String::new();
    /// let mut w = JsonWriter::new(&mut out);
    /// w.str("a\u{1}\n");
    /// assert_eq!(out, r#""a\u0001\n""#);
    /// ```
    pub fn str(&mut self, s: &str) {
        self.out.push('"');
        let bytes = s.as_bytes();
        #[cfg(not(target_arch = "wasm32"))]
        if all_clean(bytes) {
            // Natively, most strings (names, paragraphs) are shown to need no escape at once.
            self.out.push_str(s);
            self.out.push('"');
            return;
        }
        let mut copied = 0;
        // Eight bytes at a time up to the first that needs an escape (most strings have none),
        // and again after each escape: a message quoting a text ("… \"Sở Tài chính\" …") is
        // not read a byte at a time after its first quote.
        let mut i = clean_prefix(bytes);
        while let Some(&b) = bytes.get(i) {
            let esc: &str = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => {
                    i += 1;
                    continue;
                }
            };
            // `i` is an ASCII byte: a char boundary.
            self.out.push_str(s.get(copied..i).unwrap_or(""));
            copied = i + 1;
            i += 1 + clean_prefix(bytes.get(i + 1..).unwrap_or_default());
            if esc.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                for nibble in [b >> 4, b & 0xf] {
                    let d = HEX.get(usize::from(nibble)).copied().unwrap_or(b'0');
                    self.out.push(char::from(d));
                }
            } else {
                self.out.push_str(esc);
            }
        }
        self.out.push_str(s.get(copied..).unwrap_or(""));
        self.out.push('"');
    }

    /// Writes an unsigned integer.
    ///
    /// ```
    /// use kehoach::json::JsonWriter;
    /// let mut out = String::new();
    /// let mut w = JsonWriter::new(&mut out);
    /// w.u32(4_000_000_000);
    /// assert_eq!(out, "4000000000");
    /// ```
    pub fn u32(&mut self, n: u32) {
        push_u64(self.out, u64::from(n));
    }

    /// Writes a signed integer.
    ///
    /// ```
    /// use kehoach::json::JsonWriter;
    /// let mut out = String::new();
    /// let mut w = JsonWriter::new(&mut out);
    /// w.i32(i32::MIN);
    /// assert_eq!(out, "-2147483648");
    /// ```
    pub fn i32(&mut self, n: i32) {
        if n < 0 {
            self.out.push('-');
        }
        push_u64(self.out, u64::from(n.unsigned_abs()));
    }

    /// Writes `true` or `false`.
    ///
    /// ```
    /// use kehoach::json::JsonWriter;
    /// let mut out = String::new();
    /// let mut w = JsonWriter::new(&mut out);
    /// w.bool(false);
    /// assert_eq!(out, "false");
    /// ```
    pub fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }

    /// Writes `null`.
    ///
    /// ```
    /// use kehoach::json::JsonWriter;
    /// let mut out = String::new();
    /// let mut w = JsonWriter::new(&mut out);
    /// w.null();
    /// assert_eq!(out, "null");
    /// ```
    pub fn null(&mut self) {
        self.out.push_str("null");
    }

    /// Writes a float as `serde_json` does (`ryu`'s shortest round-trip form; `null` for NaN
    /// and infinities).
    ///
    /// ```
    /// use kehoach::json::JsonWriter;
    /// let mut out = String::new();
    /// let mut w = JsonWriter::new(&mut out);
    /// w.f64(80.0);
    /// assert_eq!(out, "80.0");
    /// ```
    pub fn f64(&mut self, v: f64) {
        push_f64(self.out, v);
    }
}

/// Compact JSON of `v`, as `serde_json::to_string`.
///
/// ```
/// assert_eq!(kehoach::json::to_string(&kehoach::Span::default()), r#"{"start":0,"end":0,"line":0,"column":0}"#);
/// ```
pub fn to_string<T: ToJson + ?Sized>(v: &T) -> String {
    let mut out = String::new();
    v.write_json(&mut JsonWriter::new(&mut out));
    out
}

/// Indented JSON of `v`, as `serde_json::to_string_pretty`.
///
/// ```
/// let out = kehoach::parse("");
/// assert_eq!(kehoach::json::to_string_pretty(&out), serde_json::to_string_pretty(&out).unwrap());
/// ```
pub fn to_string_pretty<T: ToJson + ?Sized>(v: &T) -> String {
    let mut out = String::new();
    v.write_json(&mut JsonWriter::new(&mut out).pretty());
    out
}

impl ToJson for Span {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.span(self);
    }
}

impl ToJson for str {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.str(self);
    }
}

impl ToJson for String {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.str(self);
    }
}

impl ToJson for compact_str::CompactString {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.str(self);
    }
}

impl ToJson for u32 {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.u32(*self);
    }
}

impl ToJson for u8 {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.u32(u32::from(*self));
    }
}

impl ToJson for i32 {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.i32(*self);
    }
}

impl ToJson for bool {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.bool(*self);
    }
}

impl ToJson for f64 {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.f64(*self);
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_array();
        for v in self {
            w.element(v);
        }
        w.end_array();
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        self.as_slice().write_json(w);
    }
}

/// `null` for `None` (fields that serde writes as `null` rather than skipping).
impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        match self {
            Some(v) => v.write_json(w),
            None => w.null(),
        }
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        (**self).write_json(w);
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        (**self).write_json(w);
    }
}

impl ToJson for crate::date::Date {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.str(&self.to_string());
    }
}
