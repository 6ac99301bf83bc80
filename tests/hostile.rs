//! Hostile inputs through the CLI: each ends in a result or a clear error,
//! within a bounded time, never a crash. Cases are rows in
//! `tests/hostile_cases.json`; big inputs are generated from a row's `gen`.

mod common;

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Generous, as CI machines are shared; a hang or an accidental quadratic
/// blow-up on these inputs takes far longer.
const LIMIT: Duration = Duration::from_secs(60);

fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

fn generate(gen: &Value) -> Vec<u8> {
    let kind = gen["kind"].as_str().unwrap();
    let unit = gen["unit"].as_str().unwrap_or("");
    let bytes = gen["bytes"].as_u64().unwrap_or(0) as usize;
    let count = gen["count"].as_u64().unwrap_or(0) as usize;
    match kind {
        "text" => repeat_to(unit, bytes).into_bytes(),
        "json_body" => serde_json::json!({"title": "t", "body": repeat_to(unit, bytes)}).to_string().into_bytes(),
        "json_paragraphs" => serde_json::json!({"title": "t", "body": vec![unit; count]}).to_string().into_bytes(),
        "nested" => format!("{}{}", "[".repeat(count), "]".repeat(count)).into_bytes(),
        "nested_field" => format!(
            "{{\"title\": \"t\", \"body\": \"Talks in Baghdad.\", \"extra\": {}1{}}}",
            "[".repeat(count),
            "]".repeat(count)
        )
        .into_bytes(),
        "bytes" => {
            let hex = gen["hex"].as_str().unwrap();
            (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect()
        }
        "literal" => gen["text"].as_str().unwrap().as_bytes().to_vec(),
        "jsonl" => vec![unit; count].join("\n").into_bytes(),
        other => panic!("unknown generator {other}"),
    }
}

#[test]
fn hostile_inputs_end_in_a_result_or_a_clear_error() {
    // The inputs are megabytes: an unoptimised build takes minutes on them.
    // `make test` runs this test with `--release`.
    if cfg!(debug_assertions) {
        eprintln!("skipped in a debug build: run `cargo test --release --test hostile`");
        return;
    }
    let cases: Vec<Value> = serde_json::from_str(include_str!("hostile_cases.json")).unwrap();
    assert!(cases.len() >= 20);
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let (code, stdout, stderr, took) = common::run_cli(&["-"], generate(&case["gen"]), LIMIT);
        eprintln!("{name}: exit {code:?} in {took:?}");
        let expect = case["expect"].as_str().unwrap();
        let crashed = code.is_none() || stderr.contains("panicked");
        if crashed {
            failures.push(format!("{name}: crashed: {stderr}"));
            continue;
        }
        match expect {
            "ok" => {
                if code != Some(0) {
                    failures.push(format!("{name}: expected a result, got exit {code:?}: {stderr}"));
                    continue;
                }
                for line in stdout.lines() {
                    let v: Value = match serde_json::from_str(line) {
                        Ok(v) => v,
                        Err(e) => {
                            failures.push(format!("{name}: output is not json: {e}"));
                            break;
                        }
                    };
                    let text = v["text"].as_str().unwrap_or_default();
                    for bad in case["absent"].as_array().into_iter().flatten() {
                        let bad = bad.as_str().unwrap();
                        if text.contains(bad) || v["title"].as_str().unwrap_or_default().contains(bad) {
                            failures.push(format!("{name}: output text still holds {bad:?}"));
                        }
                    }
                }
            }
            "error" => {
                let message = stderr.to_lowercase();
                if code == Some(0) {
                    failures.push(format!("{name}: expected an error, got a result"));
                } else if message.trim().is_empty() {
                    failures.push(format!("{name}: error without a message"));
                } else if let Some(m) = case["message"].as_str() {
                    if !message.contains(m) {
                        failures.push(format!("{name}: error {stderr:?} does not mention {m:?}"));
                    }
                }
            }
            other => panic!("bad expectation {other}"),
        }
    }
    assert!(failures.is_empty(), "{} hostile cases failed:\n{}", failures.len(), failures.join("\n"));
}

/// Peak resident memory of a running process, from /proc (Linux).
fn peak_kb(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let l = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    l.split_whitespace().nth(1)?.parse().ok()
}

/// Runs the CLI on `lines` JSON Lines of 200 KB each; returns its peak
/// resident memory (KB) and the number of lines it printed.
fn stream_peak(lines: usize) -> (u64, usize) {
    let line = serde_json::json!({"title": "t", "body": "a".repeat(200_000)}).to_string() + "\n";
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-atlas"))
        .args(["analyze", "--threads", "2", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cli starts");
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        for _ in 0..lines {
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    // Count the output lines without keeping them.
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 16];
        let mut newlines = 0usize;
        while let Ok(n) = std::io::Read::read(&mut stdout, &mut buf) {
            if n == 0 {
                break;
            }
            newlines += buf[..n].iter().filter(|b| **b == b'\n').count();
        }
        newlines
    });
    let start = Instant::now();
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < LIMIT * 4, "cli did not finish");
        peak = peak_kb(pid).unwrap_or(peak).max(peak);
        std::thread::sleep(Duration::from_millis(10));
    }
    writer.join().unwrap();
    let out_lines = reader.join().unwrap();
    assert!(child.wait().unwrap().success());
    eprintln!(
        "{} KB of JSON Lines: {out_lines} output lines, peak {peak} KB, {:?}",
        lines * 200_000 / 1024,
        start.elapsed()
    );
    (peak, out_lines)
}

/// JSON Lines are streamed: 117 MB of input (24 times the single-input
/// limit) is analysed article by article, so memory does not grow with the
/// input: ten times the lines cost less than half of the extra input (read
/// whole, they would cost all of it). Compared with a shorter run rather
/// than with the input, so the program's own size does not count; each the
/// lower peak of two runs, as the allocator (mimalloc) gives freed pages
/// back after a delay and its peak wanders by a few tens of MB from run to
/// run whatever the input's length (2026-12-04: 105-147 MB for 60 to 1,500
/// lines).
#[test]
fn json_lines_stream_in_bounded_memory() {
    if cfg!(debug_assertions) || !std::path::Path::new("/proc/self/status").exists() {
        eprintln!("skipped: needs a release build and /proc (`cargo test --release --test hostile`)");
        return;
    }
    let lower = |lines: usize| {
        let (a, n) = stream_peak(lines);
        let (b, m) = stream_peak(lines);
        assert_eq!((n, m), (lines, lines));
        a.min(b)
    };
    let (short_peak, peak) = (lower(60), lower(600));
    let extra_kb = (540 * 200_000 / 1024) as u64;
    assert!(
        short_peak > 0 && peak < short_peak + extra_kb / 2,
        "peak memory {peak} KB for 600 lines, {short_peak} KB for 60: it grows with the input"
    );
}
