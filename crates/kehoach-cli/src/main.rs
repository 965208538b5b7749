//! The `kehoach` command-line tool.
fn main() {}
