//! Debug helper: parse stdin, print JSON and the rendering.
use std::io::Read;
fn main() {
    let mut s = String::new();
    let _ = std::io::stdin().read_to_string(&mut s);
    let out = kehoach::parse(&s);
    println!(
        "{}",
        serde_json::to_string(&kehoach::document::content_json(&out.plan)).unwrap_or_default()
    );
    let r = kehoach::document::render(&out.plan);
    println!("--- render:\n{r}---");
    println!(
        "{}",
        serde_json::to_string(&kehoach::document::content_json(&kehoach::parse(&r).plan))
            .unwrap_or_default()
    );
}
