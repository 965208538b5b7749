//! Tables kept as HTML markup (`<table><tr><td>…</td></tr></table>`, as a web page's source or
//! an HTML export gives them): rows and cells read from the tags, text decoded, then the same
//! header and row rules as every other table.

use super::lines::Line;
use super::model::{Plan, Unit};
use super::parse::DocParser;
use super::table::{cells_of, classify, is_table_header, row};

/// A cell: its decoded text and the normalized offset where its text starts.
type HtmlCell = (String, usize);

/// Reads an HTML table starting at `body[i]` (a line that starts with `<table`); returns how many
/// lines it consumed, or `None` when it is not a task table (then its lines are read as text).
pub(crate) fn html_table(
    p: &mut DocParser<'_>,
    body: &[Line<'_>],
    i: usize,
    stack: &mut Vec<Unit>,
    plan: &mut Plan,
) -> Option<usize> {
    let first = body.get(i)?;
    if !crate::text::starts_with_lowercase(first.text.trim_start(), "<table") {
        return None;
    }
    // The table's lines: up to the one that closes it.
    let mut end = i;
    while let Some(l) = body.get(end) {
        end += 1;
        if crate::text::lower(l.text).contains("</table>") {
            break;
        }
    }
    let last = body.get(end.saturating_sub(1))?;
    let text = p.norm.text().get(first.start..last.end())?;
    let rows = html_rows(text, first.start);
    let header = rows.first()?;
    let cols: Vec<_> = header.iter().map(|(c, _)| classify(p, c)).collect();
    if !is_table_header(&cols) {
        return None;
    }
    let labels: Vec<&str> = header.iter().map(|(c, _)| c.as_str()).collect();
    for r in rows.iter().skip(1) {
        if p.at_unit_limit() {
            break;
        }
        let Some(&(_, at)) = r.first() else { continue };
        let line_end = r.last().map_or(at, |(t, a)| a + t.len());
        let line = Line {
            start: at,
            text: p.norm.text().get(at..line_end.max(at)).unwrap_or(""),
        };
        let cells = cells_of(&cols, &labels, r.iter().map(|(t, a)| (t.as_str(), *a)));
        row(p, &cells, &line, stack, plan);
    }
    Some(end - i)
}

/// The rows of an HTML table: `<tr>` elements, each a list of `<td>`/`<th>` cells.
fn html_rows(html: &str, base: usize) -> Vec<Vec<HtmlCell>> {
    let lower = crate::text::lower(html);
    let same = lower.len() == html.len();
    let mut rows = Vec::new();
    let mut pos = 0;
    while let Some(tr) = find_tag(&lower, pos, "<tr") {
        let end = find_tag(&lower, tr + 3, "</tr")
            .or_else(|| find_tag(&lower, tr + 3, "<tr"))
            .unwrap_or(lower.len());
        let mut cells = Vec::new();
        let mut c = tr;
        // Searches stay inside the row: a row's cells cost its own length, never the rest.
        let row_text = lower.get(..end).unwrap_or("");
        while let Some(td) = find_cell_tag(row_text, c, "<t") {
            let open_end = row_text
                .get(td..)
                .and_then(|s| s.find('>'))
                .map_or(end, |e| td + e + 1);
            let close = find_cell_tag(row_text, open_end, "</t").unwrap_or(end);
            let inner = if same {
                html.get(open_end..close).unwrap_or("")
            } else {
                ""
            };
            let lead = first_text_offset(inner);
            cells.push((decode(inner), base + open_end + lead));
            c = close.max(td + 3);
        }
        if !cells.is_empty() {
            rows.push(cells);
        }
        pos = end.max(tr + 3);
    }
    rows
}

/// The next `<td`/`<th` (or `</td`/`</th` with `prefix` "</t") from `from`: one forward scan.
fn find_cell_tag(lower: &str, mut from: usize, prefix: &str) -> Option<usize> {
    loop {
        let at = find_tag(lower, from, prefix)?;
        let next = lower.as_bytes().get(at + prefix.len()).copied();
        if matches!(next, Some(b'd' | b'h')) {
            return Some(at);
        }
        from = at + prefix.len();
    }
}

fn find_tag(lower: &str, from: usize, tag: &str) -> Option<usize> {
    lower
        .get(from..)
        .and_then(|s| s.find(tag))
        .map(|p| from + p)
}

/// Offset of the first text character of a cell's inner HTML (after tags and spaces).
fn first_text_offset(inner: &str) -> usize {
    let mut in_tag = false;
    for (k, ch) in inner.char_indices() {
        match ch {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag && !c.is_whitespace() => return k,
            _ => {}
        }
    }
    inner.len()
}

/// The text of a cell: tags removed (`<br>` and `</p>` are spaces), entities decoded,
/// whitespace collapsed.
fn decode(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    let mut in_tag = false;
    let mut rest = inner;
    while let Some(ch) = rest.chars().next() {
        let n = ch.len_utf8();
        if in_tag {
            if ch == '>' {
                in_tag = false;
                out.push(' ');
            }
        } else if ch == '<' {
            in_tag = true;
        } else if ch == '&' {
            let ent = [
                ("&nbsp;", ' '),
                ("&amp;", '&'),
                ("&lt;", '<'),
                ("&gt;", '>'),
                ("&quot;", '"'),
                ("&#39;", '\''),
            ]
            .into_iter()
            .find(|(e, _)| rest.starts_with(e));
            match ent {
                Some((e, c)) => {
                    out.push(c);
                    rest = rest.get(e.len()..).unwrap_or("");
                    continue;
                }
                None => out.push('&'),
            }
        } else {
            out.push(ch);
        }
        rest = rest.get(n..).unwrap_or("");
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_cells() {
        let html = "<table><tr><th>TT</th><th>Nhiệm vụ</th></tr>\n<tr><td>1</td><td><p>Làm&nbsp;A<br>và B</p></td></tr></table>";
        let rows = html_rows(html, 10);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1][1].0, "Làm A và B");
        assert_eq!(
            rows[1][0],
            ("1".to_string(), 10 + html.find(">1<").unwrap_or(0) + 1)
        );
    }
}
