//! Memory a parsed plan keeps (issue 23's memory goal: the model ≤ 4× the input bytes), for
//! the seed and every layout fixture: 50 parses of each document are kept alive (all of them,
//! to the end, so that no freed memory is reused) and the growth of the resident set
//! (`/proc/self/statm`, Linux) is divided by 50, after a warm-up parse has
//! built the one-time registry and tables. Coarse (allocator slack is counted, as a process
//! would pay it), but needs no `unsafe` counting allocator, which the workspace forbids. Run with
//! `cargo run --release -p kehoach-examples --example model_memory`.

/// Resident bytes of this process.
fn resident() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: usize = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

fn main() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let mut files = vec![format!("{root}/seeds/66-KH-UBND-2020-quang-ngai.txt")];
    let mut layouts: Vec<String> = std::fs::read_dir(format!("{root}/seeds/layouts"))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path().display().to_string())
                .filter(|p| p.ends_with(".txt"))
                .collect()
        })
        .unwrap_or_default();
    layouts.sort();
    files.extend(layouts);
    drop(kehoach::parse(kehoach::SEED_PLAN)); // the one-time registry and tables
    const N: usize = 50;
    let mut all = Vec::new();
    let (mut total_in, mut total_model, mut worst) = (0usize, 0usize, (0.0f64, String::new()));
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        let before = resident();
        let kept: Vec<_> = (0..N).map(|_| kehoach::parse(&text)).collect();
        let model = resident().saturating_sub(before) / N;
        let ratio = model as f64 / text.len() as f64;
        let name = f.rsplit('/').next().unwrap_or(f);
        println!(
            "{name}: {} B in, ≈ {model} B kept ({ratio:.1}×)",
            text.len()
        );
        if ratio > worst.0 {
            worst = (ratio, name.to_string());
        }
        total_in += text.len();
        total_model += model;
        all.push(kept);
    }
    println!(
        "all {} documents: {total_in} B in, ≈ {total_model} B kept ({:.1}×); worst {:.1}× ({})",
        files.len(),
        total_model as f64 / total_in as f64,
        worst.0,
        worst.1
    );
}
