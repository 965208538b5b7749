//! Prints every task of the seed plan: number, eid, leads, timeframe.
fn main() {
    let out = kehoach::parse(kehoach::SEED_PLAN);
    for t in out.plan.tasks() {
        let leads = t.leads.as_ref().map_or("-", |l| l.text.as_str());
        let tf = t.timeframe.as_ref().map_or("-", |t| t.text.as_str());
        println!("{:8} {:32} | {} | {}", t.number, t.eid, leads, tf);
    }
    println!("tasks: {}", out.plan.tasks().len());
    for d in &out.diagnostics {
        println!("{} {:?}", d.code, d.span);
    }
}
