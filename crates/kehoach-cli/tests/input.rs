//! The CLI's inputs: a file that is not UTF-8, standard input read in blocks, many files
//! checked at once.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // test code

mod common;

use common::{all_documents, json, kehoach, kehoach_bytes};

#[test]
fn a_file_that_is_not_utf8_is_read_byte_per_char_and_reported_as_legacy() {
    // TCVN3 bytes ("Kế hoạch thực hiện Nghị quyết số 50 của Chính phủ, Quảng Ngãi" in that
    // encoding): not UTF-8, so each byte is one Latin-1 char, which the encoding check reports.
    let latin1 = "KÕ ho¹ch thùc hiÖn NghÞ quyÕt sè 50 cña ChÝnh phñ, Qu¶ng Ng·i\n";
    let bytes: Vec<u8> = latin1.chars().map(|c| c as u8).collect();
    assert!(std::str::from_utf8(&bytes).is_err());
    let path = std::env::temp_dir().join(format!("kehoach-tcvn3-{}.txt", std::process::id()));
    std::fs::write(&path, &bytes).unwrap();
    let o = kehoach(&["check", path.to_str().unwrap(), "--format", "json"], None);
    std::fs::remove_file(&path).ok();
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let first = &v.as_array().unwrap()[0];
    assert_eq!(first["code"], "text/legacy-encoding");
    assert_eq!(
        (
            first["span"]["line"].as_u64(),
            first["span"]["column"].as_u64()
        ),
        (Some(1), Some(1))
    );
}

#[test]
fn stdin_lines_are_read_across_blocks_with_crlf_and_blank_lines() {
    // 30 000 lines (≈ 400 KB, several read blocks), every third one ending in CRLF, blank
    // lines between, and a line of 100 000 bytes that spans blocks.
    let mut input = String::new();
    for i in 0..30_000u32 {
        input.push_str(&format!("Năm {}", 2000 + i % 30));
        input.push_str(if i % 3 == 0 { "\r\n" } else { "\n" });
        if i % 1000 == 0 {
            input.push_str("\n   \n");
        }
        if i == 15_000 {
            input.push_str(&format!("Quý II/2024{}\n", " ".repeat(100_000)));
        }
    }
    let o = kehoach_bytes(&["timeframe"], input.as_bytes());
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8(o.stdout).unwrap();
    let years: Vec<u64> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|v| v["at"]["year"].as_u64().unwrap())
        .collect();
    assert_eq!(years.len(), 30_001);
    assert_eq!(years[0], 2000);
    assert_eq!(years[15_001], 2024); // the long line, after line 15 000
    assert_eq!(years[30_000], 2000 + 29_999 % 30);
}

#[test]
fn stdin_that_stops_being_utf8_is_read_up_to_that_line() {
    let mut input = b"N\xc4\x83m 2021\nN\xc4\x83m 2022\n".to_vec();
    input.extend_from_slice(b"N\xffm 2023\nN\xc4\x83m 2024\n");
    let o = kehoach_bytes(&["timeframe"], &input);
    assert_eq!(o.status.code(), Some(2));
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(String::from_utf8_lossy(&o.stderr).contains("stream did not contain valid UTF-8"));
}

#[test]
fn many_files_are_reported_in_the_order_named_up_to_one_that_cannot_be_read() {
    // More files than one chunk of work (64), checked on every core: each file's report in
    // order, as file by file; a missing file stops the command after the files before it.
    let check = |format: &str, files: &[String]| {
        let mut args = vec![
            "check",
            "--as-of",
            "2026-01-01",
            "--lang",
            "en",
            "--format",
            format,
        ];
        args.extend(files.iter().map(String::as_str));
        kehoach(&args, None)
    };
    let docs = all_documents();
    let mut files: Vec<String> = docs.iter().chain(&docs).cloned().collect();
    assert!(files.len() > 64, "{}", files.len());
    let out = String::from_utf8(check("human", &files).stdout).unwrap();
    let summaries: Vec<&str> = out
        .lines()
        .filter(|l| files.iter().any(|f| l.starts_with(&format!("{f}: "))))
        .collect();
    assert_eq!(summaries.len(), files.len());
    for (line, f) in summaries.iter().zip(&files) {
        assert!(line.starts_with(&format!("{f}: ")), "{line} / {f}");
    }
    let v = json(&check("json", &files));
    let named: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    assert_eq!(named, files);

    files.insert(66, "/nonexistent/plan.txt".to_string());
    let o = check("json", &files);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        o.stdout.is_empty(),
        "JSON is written only when every file was read"
    );
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("/nonexistent/plan.txt"), "{err}");
    let o = check("human", &files);
    assert_eq!(o.status.code(), Some(2));
    let out = String::from_utf8(o.stdout).unwrap();
    let last = out.lines().last().unwrap();
    assert!(last.starts_with(&format!("{}: ", files[65])), "{last}");
}
