//! Command-line arguments (hand-written: a dozen flags do not need a parser crate).

use std::fmt;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Csv,
}

/// Parsed arguments.
#[derive(Debug, Default)]
pub struct Args {
    pub command: String,
    pub positional: Vec<String>,
    pub format: Option<Format>,
    pub as_of: Option<kehoach::Date>,
    pub on: Option<kehoach::Date>,
    pub lang: kehoach::Lang,
    pub progress: Option<String>,
    pub to: Option<String>,
    pub json: Option<String>,
    pub text: Option<String>,
    /// `amend --draft OLD NEW`: write the instructions instead of applying them.
    pub draft: bool,
    pub out: Option<String>,
    pub agency: Option<String>,
    /// `--province`: the province context of `agency` ("Đắk Nông").
    pub province: Option<String>,
    /// Parse limits (`--max-bytes`, `--max-units`, `--max-lines`, `--max-agencies`); `None`
    /// keeps the library default.
    pub limits: Limits,
    pub help: bool,
    pub version: bool,
}

/// Parse limits given on the command line (see `ParseOptions`).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_bytes: Option<usize>,
    pub max_units: Option<usize>,
    pub max_lines: Option<usize>,
    pub max_agencies: Option<usize>,
}

impl Limits {
    /// `opts` with the limits that were given.
    pub fn apply(
        self,
        mut opts: kehoach::document::ParseOptions,
    ) -> kehoach::document::ParseOptions {
        if let Some(n) = self.max_bytes {
            opts.max_input_bytes = n;
        }
        if let Some(n) = self.max_units {
            opts.max_units = n;
        }
        if let Some(n) = self.max_lines {
            opts.max_lines = n;
        }
        if let Some(n) = self.max_agencies {
            opts.max_agencies = n;
        }
        opts
    }
}

/// A usage error (exit code 2).
#[derive(Debug)]
pub struct Usage(pub String);

impl fmt::Display for Usage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub const COMMANDS: &[&str] = &[
    "report",
    "tasks",
    "json",
    "check",
    "timeframe",
    "instructions",
    "agency",
    "schedule",
    "export",
    "amend",
    "help",
];

/// A count: digits, with `_` allowed as a thousands separator ("100_000").
fn count(flag: &str, v: &str) -> Result<usize, Usage> {
    let digits: String = v.chars().filter(|&c| c != '_').collect();
    digits
        .parse()
        .map_err(|_| Usage(format!("{flag}: expected a whole number, got {v:?}")))
}

fn date(flag: &str, v: &str) -> Result<kehoach::Date, Usage> {
    v.parse()
        .map_err(|e: kehoach::Error| Usage(format!("{flag}: {e}")))
}

pub fn parse(raw: Vec<String>) -> Result<Args, Usage> {
    let mut a = Args::default();
    let mut it = raw.into_iter();
    let mut rest_positional = false;
    while let Some(arg) = it.next() {
        if rest_positional || arg == "-" || !arg.starts_with('-') {
            if a.command.is_empty() && a.positional.is_empty() && COMMANDS.contains(&arg.as_str()) {
                a.command = arg;
            } else {
                a.positional.push(arg);
            }
            continue;
        }
        if arg == "--" {
            rest_positional = true;
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f.to_string(), Some(v.to_string())),
            None => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, Usage> {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| Usage(format!("{name} needs a value")))
        };
        match flag.as_str() {
            "-h" | "--help" => a.help = true,
            "-V" | "--version" => a.version = true,
            "--format" | "-f" => {
                a.format = Some(match value("--format")?.as_str() {
                    "human" | "text" => Format::Human,
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    other => {
                        return Err(Usage(format!(
                            "--format: unknown format {other:?} (human, json, csv)"
                        )));
                    }
                })
            }
            "--as-of" => a.as_of = Some(date("--as-of", &value("--as-of")?)?),
            "--on" => a.on = Some(date("--on", &value("--on")?)?),
            "--lang" => {
                a.lang = value("--lang")?
                    .parse()
                    .map_err(|e: kehoach::Error| Usage(format!("--lang: {e}")))?
            }
            "--progress" => a.progress = Some(value("--progress")?),
            "--to" => a.to = Some(value("--to")?),
            "--json" => a.json = Some(value("--json")?),
            "--text" => a.text = Some(value("--text")?),
            "--draft" => a.draft = true,
            "--out" | "-o" => a.out = Some(value("--out")?),
            "--agency" => a.agency = Some(value("--agency")?),
            "--province" => a.province = Some(value("--province")?),
            "--max-bytes" => {
                a.limits.max_bytes = Some(count("--max-bytes", &value("--max-bytes")?)?)
            }
            "--max-units" => {
                a.limits.max_units = Some(count("--max-units", &value("--max-units")?)?)
            }
            "--max-lines" => {
                a.limits.max_lines = Some(count("--max-lines", &value("--max-lines")?)?)
            }
            "--max-agencies" => {
                a.limits.max_agencies = Some(count("--max-agencies", &value("--max-agencies")?)?)
            }
            other => return Err(Usage(format!("unknown option {other}"))),
        }
    }
    if a.command.is_empty() {
        a.command = "report".to_string();
    }
    Ok(a)
}

pub const HELP: &str = "\
kehoach — Vietnamese implementation plans (Kế hoạch) as checked, schedulable data

USAGE:
  kehoach [report] [FILE] [--as-of DATE] [--lang vi|en]   what the plan holds, what is wrong, what is due
  kehoach tasks [FILE] [--format human|json|csv] [--agency NAME [--on DATE]]   (per-agency view)
  kehoach json [FILE]                                     { plan, diagnostics }
  kehoach check [FILE...] [--as-of DATE] [--lang vi|en] [--format human|json]
  kehoach timeframe [TEXT...]                             stdin lines when no TEXT; JSON lines
  kehoach agency [TEXT...] [--on DATE] [--province NAME]  stdin lines when no TEXT; JSON lines
  kehoach schedule [FILE] [--as-of DATE] [--progress FILE] [--format human|json]
  kehoach export [FILE] --to ics|csv|text|json [--as-of DATE] [--out FILE]
  kehoach export [FILE] --to xlsx|docx [--agency NAME] [--as-of DATE] [--progress FILE] --out FILE
                                                        tracking workbook to fill in / progress report
  kehoach instructions [TEXT...|FILE|-]                   amendment wording read without a plan: { operations, diagnostics }
  kehoach amend FILE (--json FILE | --text \"Bãi bỏ điểm b khoản 3 Mục II.\") [--format human|json] [--out FILE]
  kehoach amend --draft OLD NEW [--format human|json]     the instructions that turn OLD into NEW

--progress FILE is the progress JSON or a filled tracking workbook (.xlsx, at most 16 MiB).
amend --json FILE reads either form from a file: amendment JSON or Vietnamese instructions.
FILE is a UTF-8 text file, '-' is standard input; without FILE the embedded seed plan
(Kế hoạch 66/KH-UBND, Quảng Ngãi, 18/5/2020) is used. DATE is YYYY-MM-DD (default: today).
Exit codes: 0 ok (warnings allowed), 1 the input has errors, 2 usage or I/O error.
Limits of every command that reads a plan: --max-bytes N (default 33554432), --max-units N
(100000), --max-lines N (1000000), --max-agencies N (100000). A text over --max-bytes is not
parsed (input/too-large); past another limit the rest of the text is kept verbatim and an
input/too-many-* error says where reading stopped.
The report always exits 0 once produced (it lists the errors); use `check` to gate on them.
check of several files checks them on every core and reports them in the order named.
";
