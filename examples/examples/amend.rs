//! Applies an amendment to the seed plan and prints what changed, as `kehoach amend` would.
//!
//! ```text
//! cargo run -p kehoach-examples --example amend -- "Bãi bỏ điểm b khoản 3 Mục II."
//! cargo run -p kehoach-examples --example amend -- '{ "operations": [{ "op": "repeal", "target": "II.3.b" }] }'
//! ```
use kehoach::Lang;
use kehoach::amend::amend_text;
use kehoach::testing::render_result;

fn main() {
    let source = std::env::args().nth(1).unwrap_or_else(|| {
        "Sửa đổi thời gian thực hiện tại điểm c khoản 6 Mục II như sau: “Năm 2021 - 2027.”".into()
    });
    let plan = kehoach::parse(kehoach::SEED_PLAN).plan;
    let result = amend_text(&plan, &source);
    print!("{}", render_result(&result, Lang::Vi));
    std::process::exit(if result.applied { 0 } else { 1 });
}
