//! Runs one entry point on the seed-based input at a scale, `REPS` times: the workload of
//! `scripts/scaling-instructions`, which counts instructions with callgrind (deterministic on a
//! loaded machine, unlike wall time).
//!
//! It also prints the least CPU time of one call (ns, from `/proc/thread-self/schedstat` on
//! Linux: time on the CPU, so time lost to other processes on a loaded machine is not counted).
//!
//! `cargo run --release -p kehoach-tests --example scale_probe -- ENTRY SCALE REPS`
//! ENTRY: parse | normalize | normalize_clean (the seed's normalized text) | agency | timeframe | check | schedule | amend | export | a_lines | a_lines_unbounded | nested | long_line | agency_line |
//! citation_line | huge_year | lone_marks | corpus (k MB of `corpus_gen` plans, each parsed) |
//! documents (the real documents of `seeds/`, read from the working directory, each parsed); and, to tell work from memory effects, model_clone
//! (clone and drop the parsed long plan) | tasks (`Plan::tasks`) | plan_json (`serde_json` of it).
//!
//! `amend` is `amend_text(&plan, …)`, which copies the plan first; `amend_owned` is
//! `amend_text_owned(plan, …)` on copies made before the clock starts and dropped after it
//! stops (as divan's `with_inputs` does): the amendment's own work. Its instruction count
//! (`REPS`) includes the copy.

use kehoach::agency::{Registry, split_agencies};
use kehoach::schedule::ScheduleOptions;
use kehoach::{LineIndex, Locator, SEED_PLAN};
use kehoach_tests::adversarial as adv;
use kehoach_tests::long_plan::{long_amendment, long_plan};
use std::hint::black_box;

fn values(label: &str) -> String {
    let v: Vec<&str> = SEED_PLAN
        .lines()
        .filter_map(|l| l.strip_prefix(label))
        .map(|v| v.trim().trim_end_matches('.'))
        .collect();
    v.join(if label.contains("chủ trì") {
        "; "
    } else {
        ". "
    })
}

/// The text of every `.txt` file under `seeds/` (the seed, the layout fixtures), by path.
fn documents() -> Vec<String> {
    let mut paths = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from("seeds")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                paths.push(p);
            }
        }
    }
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// CPU time of this thread so far (ns), when the kernel reports it.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str).unwrap_or("");
    let entry = arg(0);
    let k: usize = arg(1).parse().unwrap_or(1);
    let reps: usize = arg(2).parse().unwrap_or(1);
    // Warm the registry so every REPS difference is the entry point alone.
    let _ = Registry::embedded();
    // The synthetic national corpus: k MB of generated plans, each parsed on its own.
    let corpus = match entry {
        "corpus" => kehoach_tests::corpus_gen::corpus_of_size(1_000_000 * k, 2026),
        "documents" => (0..k).flat_map(|_| documents()).collect(),
        _ => Vec::new(),
    };
    let doc = match entry {
        "corpus" | "documents" => corpus.concat(),
        "parse" | "normalize" => SEED_PLAN.repeat(k),
        "normalize_clean" => kehoach::text::Normalized::new(SEED_PLAN).text().repeat(k),
        "check" | "schedule" | "amend" | "amend_owned" | "export" | "model_clone" | "tasks"
        | "plan_json" => long_plan(k),
        "agency" => vec![values("- Cơ quan chủ trì:"); k].join("; "),
        "timeframe" => vec![values("- Thời gian thực hiện:"); k].join(". "),
        "a_lines" | "a_lines_unbounded" => adv::a_lines(100_000 * k),
        "nested" => adv::nested_numbering(10_000 * k),
        "long_line" => adv::long_line(100_000 * k),
        "agency_line" => adv::long_agency_line(1_000 * k),
        "citation_line" => adv::long_citation_line(1_000 * k),
        "huge_year" => adv::huge_year(10_000 * k),
        "lone_marks" => adv::lone_marks(10_000 * k),
        _ => {
            eprintln!("unknown entry {entry:?}");
            std::process::exit(2);
        }
    };
    let idx = LineIndex::new(&doc);
    // The parser without a unit limit (every "a)" line a unit).
    let unbounded = kehoach::document::Parser::new(kehoach::document::ParseOptions {
        max_units: usize::MAX,
        ..Default::default()
    });
    // The entry points that work on a parsed plan get it (and the amendment) before timing.
    let plan = match entry {
        "schedule" | "amend" | "amend_owned" | "export" | "model_clone" | "tasks" | "plan_json" => {
            kehoach::parse(&doc).plan
        }
        _ => kehoach::Plan::default(),
    };
    let amendment = long_amendment(k);
    let Ok(as_of) = kehoach::Date::from_ymd(2026, 11, 28) else {
        return;
    };
    let check_opts = kehoach::CheckOptions::default().with_as_of(as_of);
    let schedule_opts = ScheduleOptions::new(as_of);
    let call = || match entry {
        "check" => {
            black_box(kehoach::validate::check_text(black_box(&doc), &check_opts));
        }
        "schedule" => {
            black_box(kehoach::schedule(black_box(&plan), &schedule_opts));
        }
        "amend" => {
            black_box(kehoach::amend::amend_text(black_box(&plan), &amendment));
        }
        "amend_owned" => {
            black_box(kehoach::amend::amend_text_owned(plan.clone(), &amendment));
        }
        "export" => {
            black_box(kehoach::export::export(black_box(&plan), "ics", &schedule_opts).ok());
        }
        "normalize" | "normalize_clean" => {
            black_box(kehoach::text::Normalized::new(black_box(&doc)));
        }
        "model_clone" => {
            black_box(black_box(&plan).clone());
        }
        "tasks" => {
            black_box(black_box(&plan).tasks());
        }
        "plan_json" => {
            black_box(serde_json::to_string(black_box(&plan)).ok());
        }
        "agency" => {
            black_box(split_agencies(
                black_box(&doc),
                &Locator::new(&idx),
                Registry::embedded(),
            ));
        }
        "timeframe" => {
            // The grammar itself: without the length limits (8 KiB by default).
            let parser = kehoach::timeframe::TimeframeParser::new().limits(usize::MAX, usize::MAX);
            black_box(parser.parse(black_box(&doc), &Locator::new(&idx)));
        }
        "a_lines_unbounded" => {
            black_box(unbounded.parse(black_box(&doc)));
        }
        "corpus" | "documents" => {
            for p in &corpus {
                black_box(kehoach::parse(black_box(p)));
            }
        }
        _ => {
            black_box(kehoach::parse(black_box(&doc)));
        }
    };
    for _ in 0..reps {
        call();
    }
    // CPU time: batches of calls of at least 300 ms (the kernel's counter advances at
    // scheduler events), least of 3 batches, per call.
    let mut best: Option<u64> = None;
    if entry == "amend_owned" && std::env::var("CPU").is_ok_and(|v| v == "1") {
        // Batches of copies made untimed, amended timed, dropped untimed.
        let single = {
            let (t, p) = (std::time::Instant::now(), plan.clone());
            black_box(kehoach::amend::amend_text_owned(p, &amendment));
            t.elapsed().as_nanos().max(1)
        };
        let batch = usize::try_from(300_000_000 / single)
            .unwrap_or(1)
            .clamp(1, 2000);
        for _ in 0..3 {
            let copies: Vec<kehoach::Plan> = (0..batch).map(|_| plan.clone()).collect();
            let before = cpu_ns();
            let results: Vec<_> = copies
                .into_iter()
                .map(|p| black_box(kehoach::amend::amend_text_owned(p, &amendment)))
                .collect();
            if let (Some(a), Some(b)) = (before, cpu_ns()) {
                let d = b.saturating_sub(a) / batch as u64;
                best = Some(best.map_or(d, |x| x.min(d)));
            }
            drop(results);
        }
    } else if std::env::var("CPU").is_ok_and(|v| v == "1") {
        for _ in 0..3 {
            let (start, before) = (std::time::Instant::now(), cpu_ns());
            let mut calls = 0u64;
            while calls == 0 || start.elapsed().as_millis() < 300 {
                call();
                calls += 1;
            }
            if let (Some(a), Some(b)) = (before, cpu_ns()) {
                let d = b.saturating_sub(a) / calls;
                best = Some(best.map_or(d, |x| x.min(d)));
            }
        }
    }
    println!(
        "{entry} {k} {} bytes, least CPU time per call: {} ns",
        doc.len(),
        best.unwrap_or(0)
    );
}
