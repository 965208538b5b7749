//! The `kehoach` command-line tool: a thin layer over the `kehoach` library.
//!
//! Run `kehoach --help` for the commands. Without FILE the embedded seed plan is used.

mod args;
mod check;
mod diag;
mod office;
mod report;

use args::{Args, Format, Usage};
use std::borrow::Cow;
use std::io::{self, Read, Write};
use std::process::ExitCode;

/// With the `mimalloc` feature: fewer instructions per allocation than the system's, and large
/// buffers without a page fault per 4 KB page (see the workspace's Cargo.toml for the figures).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit status: 0 ok, 1 the input has errors, 2 usage or I/O error.
enum Outcome {
    Ok,
    InputErrors,
}

/// A CLI failure (exit code 2).
enum Fail {
    Usage(String),
    Io(String),
    Lib(kehoach::Error),
}

impl From<Usage> for Fail {
    fn from(u: Usage) -> Self {
        Fail::Usage(u.0)
    }
}

impl From<kehoach::Error> for Fail {
    fn from(e: kehoach::Error) -> Self {
        Fail::Lib(e)
    }
}

impl From<io::Error> for Fail {
    fn from(e: io::Error) -> Self {
        Fail::Io(e.to_string())
    }
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    let result = args::parse(raw).map_err(Fail::from).and_then(run);
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::InputErrors) => ExitCode::from(1),
        Err(f) => {
            let msg = match f {
                Fail::Usage(m) => format!("usage error: {m}\n\n{}", args::HELP),
                Fail::Io(m) => format!("i/o error: {m}"),
                Fail::Lib(e) => format!("error[{}]: {}", e.code(), e),
            };
            let _ = writeln!(io::stderr(), "kehoach: {msg}");
            ExitCode::from(2)
        }
    }
}

/// An input document: its display name and bytes.
pub struct Input {
    /// File name for messages.
    pub name: String,
    /// The bytes as read (the embedded seed's borrowed).
    bytes: Cow<'static, [u8]>,
}

impl Input {
    /// The text: the bytes themselves when they are UTF-8 (checked with SIMD, far faster than
    /// `String::from_utf8` on Vietnamese text, and never copied: a copy of a 1.25 MB plan was
    /// ≈ 300 fresh pages). Otherwise an 8-bit legacy file (TCVN3/VNI/Windows-1258), decoded
    /// byte per char so the parser's encoding check reports it, instead of refusing to look at
    /// it. Each call checks the bytes again: call it once per use of the whole text.
    pub fn text(&self) -> Cow<'_, str> {
        match simdutf8::basic::from_utf8(&self.bytes) {
            Ok(t) => Cow::Borrowed(t),
            Err(_) => Cow::Owned(self.bytes.iter().map(|&b| char::from(b)).collect()),
        }
    }

    /// [`Input::text`] as an owned string.
    pub fn into_text(self) -> String {
        self.text().into_owned()
    }
}

/// Reads FILE, `-` (stdin), or the embedded seed when `path` is `None`.
fn read_input(path: Option<&str>) -> Result<Input, Fail> {
    let (name, bytes) = match path {
        None => {
            return Ok(Input {
                name: "seeds/66-KH-UBND-2020-quang-ngai.txt (embedded)".to_string(),
                bytes: Cow::Borrowed(kehoach::SEED_PLAN.as_bytes()),
            });
        }
        Some("-") => {
            let mut b = Vec::new();
            io::stdin().read_to_end(&mut b)?;
            ("<stdin>".to_string(), b)
        }
        Some(p) => (
            p.to_string(),
            std::fs::read(p).map_err(|e| Fail::Io(format!("{p}: {e}")))?,
        ),
    };
    Ok(Input {
        name,
        bytes: Cow::Owned(bytes),
    })
}

fn today() -> kehoach::Date {
    let now = time::OffsetDateTime::now_utc().date();
    kehoach::Date::from_time(now)
}

/// Parses (and, for `check`/`report`, validates) an input. `as_of` comes from `--as-of`; the
/// commands that answer "as of today" pass `today()` as the default, the data commands (`json`,
/// `tasks`) do not, so their output does not depend on the day it is run.
fn parse_input(
    input: &Input,
    a: &Args,
    default_as_of: Option<kehoach::Date>,
    validate: bool,
) -> kehoach::ParseOutput {
    let as_of = a.as_of.or(default_as_of);
    let mut opts = kehoach::validate::CheckOptions::default().with_lang(a.lang);
    if let Some(d) = as_of {
        opts = opts.with_as_of(d);
    }
    let parse_opts = a.limits.apply(opts.parse_options());
    let mut out = kehoach::document::Parser::new(parse_opts).parse(&input.text());
    if validate {
        // As `validate::check_text`, with the command line's limits.
        let diagnostics = kehoach::validate::check(&out, &opts);
        if kehoach::validate::has_encoding_error(&diagnostics) {
            out.plan = kehoach::Plan {
                span: out.plan.span,
                ..kehoach::Plan::default()
            };
        }
        out.diagnostics = diagnostics;
    }
    kehoach::diagnostic::set_lang(&mut out.diagnostics, a.lang);
    out
}

fn print_json<T: serde::Serialize>(v: &T, pretty: bool) -> Result<(), Fail> {
    // Written through a buffer, without the whole text in memory first.
    let mut o = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    if pretty {
        serde_json::to_writer_pretty(&mut o, v)
    } else {
        serde_json::to_writer(&mut o, v)
    }
    .map_err(kehoach::Error::from)?;
    o.write_all(b"\n")?;
    o.flush()?;
    Ok(())
}

/// Writes `v` as `print_json(v, true)` does (the same bytes), with the library's JSON writer,
/// through one buffer of at most about 128 KB that is written out whenever it fills (a large
/// plan's JSON is never held whole).
fn print_written<T: kehoach::json::ToJson + ?Sized>(v: &T) -> Result<(), Fail> {
    let mut o = io::stdout().lock();
    let mut failed: Option<io::Error> = None;
    let mut text = String::with_capacity(128 * 1024);
    {
        let mut sink = |chunk: &str| {
            if failed.is_none() {
                if let Err(e) = o.write_all(chunk.as_bytes()) {
                    failed = Some(e);
                }
            }
        };
        v.write_json(
            &mut kehoach::json::JsonWriter::new(&mut text)
                .pretty()
                .with_sink(&mut sink),
        );
    }
    if let Some(e) = failed {
        return Err(e.into());
    }
    text.push('\n');
    o.write_all(text.as_bytes())?;
    o.flush()?;
    Ok(())
}

/// Ends a one-document command's use of what it read and parsed without dropping it: `main`
/// returns next and the process's memory goes back to the system at once, where dropping the
/// model would visit every unit, block and string (≈ 2 % of `json` of a 1.25 MB plan). Only for
/// values held at the very end of a command that reads one document (never in a loop).
fn left_to_exit<T>(values: T) {
    std::mem::forget(values);
}

fn has_errors(ds: &[kehoach::Diagnostic]) -> bool {
    ds.iter().any(kehoach::Diagnostic::is_error)
}

fn run(a: Args) -> Result<Outcome, Fail> {
    if a.version {
        println!("kehoach {}", env!("CARGO_PKG_VERSION"));
        return Ok(Outcome::Ok);
    }
    if a.help || a.command == "help" {
        print!("{}", args::HELP);
        return Ok(Outcome::Ok);
    }
    match a.command.as_str() {
        "report" => {
            let input = read_input(a.positional.first().map(String::as_str))?;
            let out = parse_input(&input, &a, Some(today()), true);
            let text = report::report(&input, &out, &a, a.as_of.unwrap_or_else(today));
            io::stdout().lock().write_all(text.as_bytes())?;
            // The report is the main job and lists the plan's errors itself: it exits 0 when it
            // could be produced (`cargo run` must not look like a failure on the issued seed,
            // which has two defects). `kehoach check` is the command that gates on errors.
            Ok(Outcome::Ok)
        }
        "tasks" => {
            let input = read_input(a.positional.first().map(String::as_str))?;
            let out = parse_input(&input, &a, a.on, false);
            let tasks = match &a.agency {
                Some(holder) => {
                    let on = a.on.or(a.as_of);
                    out.plan
                        .tasks_led_by(holder, on, kehoach::agency::Registry::embedded())
                }
                None => out.plan.tasks(),
            };
            match a.format.unwrap_or(Format::Human) {
                Format::Json => print_written(&tasks)?,
                Format::Csv => {
                    io::stdout()
                        .lock()
                        .write_all(report::tasks_csv(&tasks).as_bytes())?;
                }
                Format::Human => {
                    io::stdout()
                        .lock()
                        .write_all(report::tasks_human(&out.plan, &tasks, a.lang).as_bytes())?;
                }
            }
            Ok(Outcome::Ok)
        }
        "json" => {
            let input = read_input(a.positional.first().map(String::as_str))?;
            let out = parse_input(&input, &a, None, false);
            print_written(&out)?;
            let outcome = if has_errors(&out.diagnostics) {
                Outcome::InputErrors
            } else {
                Outcome::Ok
            };
            left_to_exit((input, out));
            Ok(outcome)
        }
        "check" => check::run(&a, today()),
        "instructions" => {
            // One argument naming a file (or "-") is read; otherwise the arguments are the text
            // (one instruction each), or standard input when there are none.
            let text = match a.positional.as_slice() {
                [] => read_input(Some("-"))?.into_text(),
                [one] if one == "-" || std::path::Path::new(one).is_file() => {
                    read_input(Some(one))?.into_text()
                }
                many => many.join("\n"),
            };
            let parsed = kehoach::amend::parse_instructions(&text);
            let mut diags = parsed.diagnostics;
            kehoach::diagnostic::set_lang(&mut diags, a.lang);
            let operations = parsed
                .amendment
                .operations
                .iter()
                .zip(&parsed.spans)
                .map(|(op, span)| {
                    let mut v = serde_json::to_value(op).map_err(kehoach::Error::from)?;
                    if let Some(o) = v.as_object_mut() {
                        let written = span.slice(&text).unwrap_or("");
                        o.insert("instruction".into(), written.into());
                        o.insert("address".into(), kehoach::amend::address_of(op).into());
                        o.insert(
                            "span".into(),
                            serde_json::to_value(span).map_err(kehoach::Error::from)?,
                        );
                    }
                    Ok(v)
                })
                .collect::<Result<Vec<_>, Fail>>()?;
            let unread = !diags.is_empty() || operations.is_empty();
            print_json(
                &serde_json::json!({ "operations": operations, "diagnostics": diags }),
                true,
            )?;
            Ok(if unread {
                Outcome::InputErrors
            } else {
                Outcome::Ok
            })
        }
        "timeframe" => {
            let mut any_unrecognized = false;
            // One buffered writer for all lines: a write call per line was most of the cost.
            let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
            // One line's JSON, reused.
            let mut json = String::new();
            let mut handle = |line: &str| -> Result<(), Fail> {
                // As `text::normalize`, borrowed when the line needs no change (the usual case).
                let norm = kehoach::text::Normalized::new(line);
                let text = norm.text().trim_matches('\n');
                let idx = kehoach::LineIndex::new(text);
                let (tf, diags) =
                    kehoach::timeframe::parse_timeframe(text, &kehoach::Locator::new(&idx));
                any_unrecognized |= has_errors(&diags) || !tf.is_recognized();
                let mut diagnostics = diags;
                kehoach::diagnostic::set_lang(&mut diagnostics, a.lang);
                // Written straight from the values, without a JSON tree in between.
                // The timeframe's fields, then its diagnostics when it has any.
                json.clear();
                let mut w = kehoach::json::JsonWriter::new(&mut json);
                w.begin_object();
                kehoach::json::write_timeframe_fields(&mut w, &tf);
                w.nonempty_field("diagnostics", &diagnostics);
                w.end_object();
                json.push('\n');
                out.write_all(json.as_bytes())?;
                Ok(())
            };
            for_each_line(&a.positional, &mut handle)?;
            out.flush()?;
            Ok(if any_unrecognized {
                Outcome::InputErrors
            } else {
                Outcome::Ok
            })
        }
        "agency" => {
            let on = a.on.or(a.as_of).unwrap_or_else(today);
            let registry = kehoach::agency::Registry::embedded();
            let province =
                match a.province.as_deref() {
                    Some(p) => Some(registry.province(p).map(|p| p.name.clone()).ok_or_else(
                        || Fail::Usage(format!("--province: unknown province `{p}`")),
                    )?),
                    None => None,
                };
            let mut any_unknown = false;
            let mut handle = |line: &str| -> Result<(), Fail> {
                // As `text::normalize`, borrowed when the line needs no change (the usual case).
                let norm = kehoach::text::Normalized::new(line);
                let text = norm.text().trim_matches('\n');
                let idx = kehoach::LineIndex::new(text);
                let (mut agencies, mut diags) =
                    kehoach::agency::split_agencies(text, &kehoach::Locator::new(&idx), registry);
                for ag in &mut agencies {
                    ag.current = Some(registry.holders_in(ag, on, province.as_deref()).into());
                    any_unknown |= !ag.known;
                }
                kehoach::diagnostic::set_lang(&mut diags, a.lang);
                print_json(
                    &serde_json::json!({ "text": text, "on": on, "agencies": agencies, "diagnostics": diags }),
                    false,
                )
            };
            for_each_line(&a.positional, &mut handle)?;
            Ok(if any_unknown {
                Outcome::InputErrors
            } else {
                Outcome::Ok
            })
        }
        "amend" => amend(&a),
        "schedule" => {
            let input = read_input(a.positional.first().map(String::as_str))?;
            let out = parse_input(&input, &a, None, false);
            let (opts, workbook_diagnostics) = schedule_options(&a, &out.plan)?;
            let mut sched = kehoach::schedule::schedule(&out.plan, &opts);
            sched.diagnostics.splice(0..0, workbook_diagnostics);
            kehoach::diagnostic::set_lang(&mut sched.diagnostics, a.lang);
            if a.format == Some(Format::Json) {
                print_written(&sched)?;
            } else {
                let mut o = io::stdout().lock();
                o.write_all(kehoach::schedule::render_human(&sched, a.lang).as_bytes())?;
                for d in &sched.diagnostics {
                    writeln!(
                        o,
                        "{}: [{}] {}",
                        d.severity.as_str(),
                        d.code,
                        d.message_in(a.lang)
                    )?;
                }
            }
            let outcome = if has_errors(&sched.diagnostics) {
                Outcome::InputErrors
            } else {
                Outcome::Ok
            };
            left_to_exit((input, out, sched));
            Ok(outcome)
        }
        "export" => {
            let input = read_input(a.positional.first().map(String::as_str))?;
            let out = parse_input(&input, &a, None, false);
            let to = a.to.as_deref().ok_or_else(|| {
                Fail::Usage("export needs --to ics|csv|text|json|xlsx|docx".into())
            })?;
            if office::is_office_format(to) {
                let progress = match &a.progress {
                    Some(p) => Some(office::read_progress(p, &out.plan.tasks())?),
                    None => None,
                };
                let as_of = a.as_of.unwrap_or_else(today);
                let agency = a.agency.as_deref();
                return office::export(
                    &out.plan,
                    to,
                    as_of,
                    agency,
                    progress,
                    a.out.as_deref(),
                    a.lang,
                );
            }
            let (opts, workbook_diagnostics) = schedule_options(&a, &out.plan)?;
            let text = kehoach::export::export(&out.plan, to, &opts)?;
            for d in &workbook_diagnostics {
                let m = d.message_in(a.lang);
                writeln!(io::stderr(), "{}: [{}] {m}", d.severity.as_str(), d.code)?;
            }
            match &a.out {
                Some(path) => {
                    std::fs::write(path, text).map_err(|e| Fail::Io(format!("{path}: {e}")))?
                }
                None => io::stdout().lock().write_all(text.as_bytes())?,
            }
            let outcome = if has_errors(&workbook_diagnostics) {
                Outcome::InputErrors
            } else {
                Outcome::Ok
            };
            left_to_exit((input, out));
            Ok(outcome)
        }
        other => Err(Fail::Usage(format!(
            "command `{other}` is not available yet"
        ))),
    }
}

/// Calls `f` on each TEXT argument, or on each non-empty stdin line when there are none.
fn for_each_line(
    texts: &[String],
    f: &mut dyn FnMut(&str) -> Result<(), Fail>,
) -> Result<(), Fail> {
    if !texts.is_empty() {
        for t in texts {
            f(t)?;
        }
        return Ok(());
    }
    // Standard input in blocks: the complete lines of a block are validated as UTF-8 at once
    // (with SIMD; a check per line was 5 % of `kehoach timeframe`), the unfinished last line
    // waits for the next block.
    let mut stdin = io::stdin().lock();
    let mut block = vec![0u8; 1 << 16];
    let mut pending: Vec<u8> = Vec::new();
    loop {
        let n = match stdin.read(&mut block) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        };
        let new = block.get(..n).unwrap_or(&[]);
        // A line ends in this block or not at all: the lines before it were handled.
        let Some(last) = new.iter().rposition(|&b| b == b'\n') else {
            pending.extend_from_slice(new);
            continue;
        };
        pending.extend_from_slice(new.get(..=last).unwrap_or(&[]));
        each_line(&pending, f)?;
        pending.clear();
        pending.extend_from_slice(new.get(last + 1..).unwrap_or(&[]));
    }
    each_line(&pending, f)
}

/// The non-blank lines of complete UTF-8 `bytes` (`\n` or `\r\n` ends), each without its end.
fn each_line(bytes: &[u8], f: &mut dyn FnMut(&str) -> Result<(), Fail>) -> Result<(), Fail> {
    let text = match simdutf8::basic::from_utf8(bytes) {
        Ok(t) => t,
        Err(_) => {
            // As a reader of one line at a time: the lines before the one that is not UTF-8
            // are handled, then reading stops with an error.
            let valid = simdutf8::compat::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| 0);
            let whole = bytes
                .get(..valid)
                .and_then(|b| b.iter().rposition(|&c| c == b'\n'))
                .map_or(0, |nl| nl + 1);
            each_line(bytes.get(..whole).unwrap_or(&[]), f)?;
            return Err(Fail::Io("stream did not contain valid UTF-8".into()));
        }
    };
    for line in text.split_terminator('\n') {
        let l = line.trim_end_matches('\r');
        if !l.trim().is_empty() {
            f(l)?;
        }
    }
    Ok(())
}

/// `amend --draft OLD NEW`: the instructions that turn OLD into NEW, with their amendment JSON.
fn draft(a: &Args) -> Result<Outcome, Fail> {
    let [old, new] = a.positional.as_slice() else {
        return Err(Fail::Usage(
            "amend --draft needs OLD and NEW plan files".into(),
        ));
    };
    let (old, new) = (read_input(Some(old))?, read_input(Some(new))?);
    let old = parse_input(&old, a, None, false).plan;
    let new = parse_input(&new, a, None, false).plan;
    let d = kehoach::amend::draft(&old, &new);
    if a.format == Some(Format::Json) {
        print_json(
            &serde_json::json!({ "text": d.text, "amendment": d.amendment, "unworded": d.unworded }),
            true,
        )?;
    } else {
        let mut o = io::stdout().lock();
        o.write_all(d.text.as_bytes())?;
        for n in &d.unworded {
            let msg = match a.lang {
                kehoach::Lang::Vi => "không diễn đạt được bằng câu sửa đổi chuẩn",
                kehoach::Lang::En => "cannot be worded as a standard instruction",
            };
            writeln!(io::stderr(), "{n}: {msg}")?;
        }
    }
    Ok(if d.unworded.is_empty() {
        Outcome::Ok
    } else {
        Outcome::InputErrors
    })
}

/// `kehoach amend FILE (--json FILE | --text "…")`.
fn amend(a: &Args) -> Result<Outcome, Fail> {
    if a.draft {
        return draft(a);
    }
    let input = read_input(a.positional.first().map(String::as_str))?;
    let (source_name, source) = match (&a.json, &a.text) {
        (Some(f), None) => (f.clone(), read_input(Some(f))?.into_text()),
        (None, Some(t)) => ("--text".to_string(), t.clone()),
        _ => {
            return Err(Fail::Usage(
                "amend needs exactly one of --json FILE or --text \"…\"".into(),
            ));
        }
    };
    let out = parse_input(&input, a, None, false);
    let mut result = kehoach::amend::amend_text_owned(out.plan, &source);
    kehoach::diagnostic::set_lang(&mut result.diagnostics, a.lang);
    if a.format == Some(Format::Json) {
        print_json(&result, true)?;
    } else {
        let mut o = io::stdout().lock();
        if result.applied {
            o.write_all(kehoach::testing::render_result(&result, a.lang).as_bytes())?;
        } else {
            let msg = match a.lang {
                kehoach::Lang::Vi => "không áp dụng (kế hoạch giữ nguyên)",
                kehoach::Lang::En => "not applied (the plan is unchanged)",
            };
            writeln!(o, "{msg}")?;
        }
        for d in &result.diagnostics {
            writeln!(o, "{}", diag::render(d, &source, &source_name, a.lang))?;
        }
    }
    if let (Some(path), true) = (&a.out, result.applied) {
        std::fs::write(path, kehoach::document::render(&result.plan))
            .map_err(|e| Fail::Io(format!("{path}: {e}")))?;
    }
    Ok(if result.applied {
        Outcome::Ok
    } else {
        Outcome::InputErrors
    })
}

/// Schedule options from `--as-of` (default today) and `--progress FILE` (JSON, or a filled
/// tracking workbook, whose unreadable rows are the diagnostics returned).
fn schedule_options(
    a: &Args,
    plan: &kehoach::Plan,
) -> Result<(kehoach::schedule::ScheduleOptions, Vec<kehoach::Diagnostic>), Fail> {
    let mut opts = kehoach::schedule::ScheduleOptions::new(a.as_of.unwrap_or_else(today));
    let mut diagnostics = Vec::new();
    if let Some(path) = &a.progress {
        let (progress, d) = office::read_progress(path, &plan.tasks())?;
        opts = opts.with_progress(progress);
        diagnostics = d;
    }
    Ok((opts, diagnostics))
}
