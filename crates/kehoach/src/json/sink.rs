//! Output of any size through one small buffer: the JSON writer hands its text to a sink.

use super::JsonWriter;

/// Bytes of text the writer keeps before handing them to its sink.
const SINK_AT: usize = 64 * 1024;

impl<'a> JsonWriter<'a> {
    /// Hands the text written so far to `sink`, and clears it, whenever it holds 64 KiB or more
    /// at the start of an object or an array: a document of any size is written through one
    /// small buffer (the CLI's `kehoach json` of a 1.25 MB plan wrote 9 MB into one string, a
    /// page fault every 4 KB). The text that is left when writing ends stays in the writer's
    /// string: the caller takes it. The bytes, put together, are those written without a sink.
    ///
    /// ```
    /// use kehoach::json::{JsonWriter, ToJson};
    /// let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    /// let mut written = String::new();
    /// let mut sink = |chunk: &str| written.push_str(chunk);
    /// let mut rest = String::new();
    /// plan.write_json(&mut JsonWriter::new(&mut rest).pretty().with_sink(&mut sink));
    /// assert!(rest.len() < 80 * 1024);
    /// written.push_str(&rest);
    /// assert_eq!(written, kehoach::json::to_string_pretty(&plan));
    /// ```
    pub fn with_sink(mut self, sink: &'a mut dyn FnMut(&str)) -> Self {
        self.sink = Some(sink);
        self
    }

    /// Gives the text to the sink when it is long.
    pub(super) fn drain_if_long(&mut self) {
        if self.out.len() >= SINK_AT {
            if let Some(sink) = self.sink.as_mut() {
                sink(self.out);
                self.out.clear();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::ToJson;

    /// The chunks put together are the text written without a sink, for the seed repeated to
    /// ten times the sink's size; every chunk but the last is at least 64 KiB, and the text
    /// never grows far past it.
    #[test]
    fn chunks_make_the_same_text() {
        let text = crate::SEED_PLAN.repeat(20);
        let plan = crate::parse(&text).plan;
        let whole = crate::json::to_string_pretty(&plan);
        assert!(whole.len() > 10 * SINK_AT);
        let mut chunks: Vec<usize> = Vec::new();
        let mut joined = String::new();
        let mut sink = |chunk: &str| {
            chunks.push(chunk.len());
            joined.push_str(chunk);
        };
        let mut rest = String::new();
        plan.write_json(&mut JsonWriter::new(&mut rest).pretty().with_sink(&mut sink));
        assert!(chunks.len() >= 10);
        assert!(chunks.iter().all(|&n| (SINK_AT..2 * SINK_AT).contains(&n)));
        assert!(rest.len() < 2 * SINK_AT);
        joined.push_str(&rest);
        assert!(joined == whole);
    }
}
