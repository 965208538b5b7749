//! Tracking workbooks read back (`office::read_tracking_workbook`): the task sheet's XML from
//! the fuzzer inside the seed's real workbook (the package stays valid, so the sheet reader is
//! what gets exercised), or, when the input starts with `PK`, the input as the whole file.
//! Never panics; every diagnostic is located on a sheet; no report names a task the plan lacks.
#![no_main]

use kehoach::office::{OfficeOptions, read_tracking_workbook, tracking_workbook};
use kehoach::{Plan, SEED_PLAN, Task};
use libfuzzer_sys::fuzz_target;
use std::io::{Cursor, Read, Write};
use std::sync::OnceLock;

struct Seed {
    plan: Plan,
    tasks: Vec<Task>,
    /// The seed's workbook, its parts in order.
    parts: Vec<(String, Vec<u8>)>,
}

fn seed() -> &'static Seed {
    static SEED: OnceLock<Seed> = OnceLock::new();
    SEED.get_or_init(|| {
        let plan = kehoach::parse(SEED_PLAN).plan;
        let as_of = "2026-11-28".parse().expect("date");
        let xlsx = tracking_workbook(&plan, &OfficeOptions::new(as_of)).expect("workbook");
        let mut zip = zip::ZipArchive::new(Cursor::new(xlsx)).expect("zip");
        let mut parts = Vec::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).expect("part");
            let mut data = Vec::new();
            f.read_to_end(&mut data).expect("read");
            parts.push((f.name().expect("name").into_owned(), data));
        }
        let tasks = plan.tasks();
        Seed { plan, tasks, parts }
    })
}

/// The seed's workbook with the task sheet replaced (stored, not compressed: fast).
fn with_sheet(sheet: &[u8]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    for (name, data) in &seed().parts {
        out.start_file(name.as_str(), opts).expect("start");
        let body = if name == "xl/worksheets/sheet1.xml" { sheet } else { data };
        out.write_all(body).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

fuzz_target!(|input: &[u8]| {
    let s = seed();
    let bytes = if input.starts_with(b"PK") { input.to_vec() } else { with_sheet(input) };
    let back = read_tracking_workbook(&bytes, &s.tasks);
    for r in &back.progress.reports {
        assert!(
            s.tasks.iter().any(|t| t.eid == r.task || t.number == r.task),
            "a report names a task the plan lacks: {}",
            r.task
        );
    }
    for d in &back.diagnostics {
        assert!(d.code.starts_with("office/"), "{}", d.code);
    }
    let _ = &s.plan;
});
