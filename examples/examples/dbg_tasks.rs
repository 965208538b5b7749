//! Debug helper: parse a file (argument) and print its tasks and diagnostics.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let out = kehoach::parse(&text);
    for t in out.plan.tasks() {
        let leads: Vec<String> = t
            .leads
            .as_ref()
            .map(|l| {
                l.agencies
                    .iter()
                    .map(|a| format!("{}{}", a.name, if a.known { "" } else { "(?)" }))
                    .collect()
            })
            .unwrap_or_default();
        println!(
            "{:10} {:28} | {:?} | {}",
            t.number,
            t.eid,
            leads,
            t.timeframe.as_ref().map_or("-", |x| x.text.as_str())
        );
    }
    let m = &out.plan.meta;
    println!(
        "meta: {:?} {:?} {:?} {:?} {:?}",
        m.number.as_ref().map(|x| &x.text),
        m.date,
        m.title.as_ref().map(|x| &x.text),
        m.signer.as_ref().map(|x| &x.text),
        m.signer_position.as_ref().map(|x| &x.text)
    );
    for d in &out.diagnostics {
        println!(
            "{} {}:{} {}",
            d.code, d.span.line, d.span.column, d.message.en
        );
    }
}
