//! `kehoach check FILE...`: the files read, parsed and checked on every core, reported in order.

use crate::args::{Args, Format};
use crate::{Fail, Input, Outcome, diag, has_errors, parse_input, print_json, read_input, report};
use kehoach::{Date, Diagnostic};
use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Files checked at once: their texts and diagnostics are kept until written, so a chunk
/// bounds the memory of a long list (an archive of thousands of plans).
const CHUNK: usize = 64;

/// A file read and checked, or why it could not be read.
type Checked = Result<(Input, Vec<Diagnostic>), Fail>;

/// Checks every file named (the embedded seed when none), writing each file's diagnostics and
/// summary (or one JSON document) in the order the files were named. A file that cannot be
/// read stops the command there, after the files before it were reported.
pub(crate) fn run(a: &Args, today: Date) -> Result<Outcome, Fail> {
    let files: Vec<Option<&str>> = if a.positional.is_empty() {
        vec![None]
    } else {
        a.positional.iter().map(|s| Some(s.as_str())).collect()
    };
    // Standard input is read by one reader, in order: no threads when it is named.
    let stdin = files.contains(&Some("-"));
    let workers = if stdin {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    };
    let mut any_error = false;
    let mut json_out = Vec::new();
    // One buffer for the human report (stdout is line-buffered: the seed's report was 21 write
    // calls), written out before an error stops the command.
    let mut o = io::BufWriter::new(io::stdout().lock());
    for chunk in files.chunks(CHUNK) {
        for checked in check_all(chunk, a, today, workers) {
            let (input, diagnostics) = match checked {
                Ok(c) => c,
                Err(e) => {
                    o.flush()?;
                    return Err(e);
                }
            };
            any_error |= has_errors(&diagnostics);
            if a.format == Some(Format::Json) {
                json_out
                    .push(serde_json::json!({ "file": input.name, "diagnostics": diagnostics }));
            } else {
                let text = input.text();
                for d in &diagnostics {
                    writeln!(o, "{}", diag::render(d, &text, &input.name, a.lang))?;
                }
                writeln!(
                    o,
                    "{}",
                    report::summary_line(&input.name, &diagnostics, a.lang)
                )?;
            }
        }
    }
    o.flush()?;
    drop(o);
    if a.format == Some(Format::Json) {
        if let [single] = json_out.as_slice() {
            print_json(&single.get("diagnostics"), true)?;
        } else {
            print_json(&json_out, true)?;
        }
    }
    Ok(if any_error {
        Outcome::InputErrors
    } else {
        Outcome::Ok
    })
}

fn check_one(file: Option<&str>, a: &Args, today: Date) -> Checked {
    let input = read_input(file)?;
    let out = parse_input(&input, a, Some(today), true);
    Ok((input, out.diagnostics))
}

/// The files of `chunk` checked by up to `workers` threads, each taking the next file not yet
/// taken; the results in the order of `chunk`.
fn check_all(chunk: &[Option<&str>], a: &Args, today: Date, workers: usize) -> Vec<Checked> {
    let workers = workers.min(chunk.len());
    if workers <= 1 {
        return chunk.iter().map(|&f| check_one(f, a, today)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<Checked>> = (0..chunk.len()).map(|_| None).collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&file) = chunk.get(i) else { break };
                        done.push((i, check_one(file, a, today)));
                    }
                    done
                })
            })
            .collect();
        for h in handles {
            // A thread that panicked leaves its files' slots empty: reported below.
            for (i, checked) in h.join().unwrap_or_default() {
                if let Some(slot) = slots.get_mut(i) {
                    *slot = Some(checked);
                }
            }
        }
    });
    slots
        .into_iter()
        .map(|s| s.unwrap_or_else(|| Err(Fail::Io("a checking thread stopped".into()))))
        .collect()
}
