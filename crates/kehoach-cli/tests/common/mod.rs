//! Helpers of the CLI tests: run the binary, read its JSON, list the repository's documents.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    dead_code
)] // test code; each test file uses some of the helpers

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `kehoach` with `args`, and `stdin` as its standard input (none: /dev/null).
pub fn kehoach(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kehoach"));
    cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd.spawn().expect("run kehoach");
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap()
}

/// The JSON on standard output.
pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)))
}

/// Runs `kehoach` with `args` and raw bytes on its standard input (written from a thread, so a
/// large input cannot block against the output).
pub fn kehoach_bytes(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kehoach");
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&bytes));
    let out = child.wait_with_output().unwrap();
    let _ = writer.join();
    out
}

/// Every document of the repository, in name order.
pub fn all_documents() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut files = Vec::new();
    for dir in [root.to_string(), format!("{root}/layouts")] {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                files.push(p.display().to_string());
            }
        }
    }
    files.sort();
    files
}
