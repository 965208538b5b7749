fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let piece = match which.as_str() {
        "comma" => "a,",
        "semi" => "Sở Y tế; ",
        _ => "x, ",
    };
    let mb: usize = std::env::args()
        .nth(2)
        .unwrap_or("1".into())
        .parse()
        .unwrap();
    let t = piece.repeat(mb * 1024 * 1024 / piece.len());
    let idx = kehoach::LineIndex::new(&t);
    let out = kehoach::agency::split_agencies(
        &t,
        &kehoach::Locator::new(&idx),
        kehoach::agency::Registry::embedded(),
    );
    eprintln!("n={} d={}", out.0.len(), out.1.len());
    eprintln!("{which}: {:?}", std::mem::size_of_val(&out));
    drop(out);
}
