//! Times `kehoach::parse` of the seed plan natively, for comparison with the wasm package
//! (`bindings/wasm` prints its figure in `npm test`). Run with
//! `cargo run --release -p kehoach-examples --example parse_timing`.
use std::time::Instant;

fn main() {
    let text = kehoach::SEED_PLAN;
    for _ in 0..20 {
        std::hint::black_box(kehoach::parse(std::hint::black_box(text)));
    }
    let n = 200u32;
    let t0 = Instant::now();
    for _ in 0..n {
        std::hint::black_box(kehoach::parse(std::hint::black_box(text)));
    }
    let parse = t0.elapsed() / n;
    let t0 = Instant::now();
    for _ in 0..n {
        let out = kehoach::parse(std::hint::black_box(text));
        std::hint::black_box(serde_json::to_string(&out).unwrap_or_default());
    }
    let with_serde = t0.elapsed() / n;
    // What the wasm package does natively: the parse, then kehoach::json (the same bytes).
    let t0 = Instant::now();
    for _ in 0..n {
        let out = kehoach::parse(std::hint::black_box(text));
        std::hint::black_box(kehoach::json::to_string(&out));
    }
    let with_writer = t0.elapsed() / n;
    println!(
        "native parse of the seed: {} µs/parse; with kehoach::json::to_string: {} µs; with \
         serde_json::to_string: {} µs ({n} runs each)",
        parse.as_micros(),
        with_writer.as_micros(),
        with_serde.as_micros()
    );
}
