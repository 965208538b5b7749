//! A span's JSON: natively in pieces of constants, in the wasm package composed on the stack.

use super::JsonWriter;
#[cfg(target_arch = "wasm32")]
use super::raw::AsciiBuf;
#[cfg(not(target_arch = "wasm32"))]
use super::raw::{INDENT, INDENT_WIDTH, SEP_INDENT, push_decimal, push_head};
use crate::span::Span;

impl JsonWriter<'_> {
    /// Writes a span, `start` and `end` through the span map.
    ///
    /// ```
    /// use kehoach::json::JsonWriter;
    /// let mut out = String::new();
    /// let mut w = JsonWriter::new(&mut out);
    /// w.span(&kehoach::Span { start: 1, end: 2, line: 3, column: 4 });
    /// assert_eq!(out, r#"{"start":1,"end":2,"line":3,"column":4}"#);
    /// ```
    pub fn span(&mut self, s: &Span) {
        let (start, end) = match self.map {
            Some(m) => (m(s.start), m(s.end)),
            None => (s.start, s.end),
        };
        let numbers = [start, end, s.line, s.column];
        #[cfg(not(target_arch = "wasm32"))]
        {
            // Natively, pieces of `str` constants and the digits as whole triples: no buffer to
            // clear, no UTF-8 check of composed bytes (which the ASCII buffer below needs).
            const COMPACT: [&str; 4] = ["{\"start\":", ",\"end\":", ",\"line\":", ",\"column\":"];
            match self.indent {
                None => {
                    for (key, n) in COMPACT.iter().zip(numbers) {
                        self.out.push_str(key);
                        push_decimal(self.out, n);
                    }
                    self.out.push('}');
                    self.first = false;
                    return;
                }
                Some(depth) => {
                    // A comma, a line break and the indentation of the span's fields.
                    if 4 + 2 * depth <= SEP_INDENT.len() {
                        const KEYS: [&str; 4] =
                            ["\"start\": ", "\"end\": ", "\"line\": ", "\"column\": "];
                        self.out.push('{');
                        // The first field without the comma.
                        let mut from = SEP_INDENT.get(1..).unwrap_or(SEP_INDENT);
                        let mut len = 3 + 2 * depth;
                        for (key, n) in KEYS.iter().zip(numbers) {
                            push_head::<INDENT_WIDTH>(self.out, from, len);
                            self.out.push_str(key);
                            push_decimal(self.out, n);
                            (from, len) = (SEP_INDENT, 4 + 2 * depth);
                        }
                        push_head::<INDENT_WIDTH>(self.out, INDENT, 1 + 2 * depth);
                        self.out.push('}');
                        self.first = false;
                        return;
                    }
                }
            }
        }
        #[cfg(target_arch = "wasm32")]
        if self.indent.is_none() {
            // Compact (the wasm results: a span every few fields): the object composed on the
            // stack and appended at once.
            let [start, end, line, column] = numbers;
            let mut buf = AsciiBuf::<80>::default();
            buf.push(b"{\"start\":");
            buf.number(start);
            buf.push(b",\"end\":");
            buf.number(end);
            buf.push(b",\"line\":");
            buf.number(line);
            buf.push(b",\"column\":");
            buf.number(column);
            buf.push(b"}");
            self.out.push_str(buf.as_str());
            self.first = false;
            return;
        }
        // Deeper than the indentation constants reach (and pretty in the wasm package, which
        // never writes it): piece by piece.
        self.begin_object();
        self.key("start");
        self.u32(start);
        self.key("end");
        self.u32(end);
        self.key("line");
        self.u32(s.line);
        self.key("column");
        self.u32(s.column);
        self.end_object();
    }
}
