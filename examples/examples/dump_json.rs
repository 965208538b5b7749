//! Prints the seed plan's parse output as JSON.
fn main() {
    let out = kehoach::parse(kehoach::SEED_PLAN);
    println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
}
