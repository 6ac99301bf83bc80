//! Real copy for the tests, read at run time and never committed: the
//! development data in `../shared/devdata` (TimeBank and AQUAINT wire and
//! broadcast text, 50 SaudiNewsNet Arabic articles) and the Reuters-21578
//! wire sample that `scripts/wire-sample.sh` unpacks into
//! `target/wire-sample`. A missing source yields no documents; each test
//! says what it read.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn devdata() -> PathBuf {
    std::env::var_os("ATLAS_DEVDATA").map_or_else(|| root().join("../shared/devdata"), PathBuf::from)
}

/// One document: its title and its paragraphs as the source gives them.
pub struct Doc {
    pub name: String,
    pub title: String,
    pub paragraphs: Vec<String>,
    pub lang: &'static str,
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let a = s.find(open)? + open.len();
    let b = s.get(a..)?.find(close)? + a;
    s.get(a..b)
}

/// Removes tags and decodes the XML escapes (the inputs are XML files).
pub fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// TimeBank and AQUAINT: the `<TEXT>` element, paragraphs at blank lines.
pub fn timebank() -> Vec<Doc> {
    let mut docs = Vec::new();
    for sub in ["TimeBank", "AQUAINT"] {
        let dir = devdata().join("temporal/TBAQ-cleaned").join(sub);
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let Ok(s) = std::fs::read_to_string(&p) else { continue };
            let Some(text) = between(&s, "<TEXT>", "</TEXT>") else { continue };
            let title = between(&s, "<TITLE>", "</TITLE>").map(xml_text).unwrap_or_default();
            let paragraphs = xml_text(text)
                .split("\n\n")
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|p| !p.is_empty())
                .collect();
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            docs.push(Doc { name, title: title.trim().to_string(), paragraphs, lang: "en" });
        }
    }
    docs
}

/// The 50 SaudiNewsNet development articles: one paragraph a line.
pub fn saudinewsnet() -> Vec<Doc> {
    let Ok(s) = std::fs::read_to_string(devdata().join("news_ar/saudinewsnet_dev50.jsonl")) else { return Vec::new() };
    s.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| Doc {
            name: v["id"].as_str().unwrap_or_default().to_string(),
            title: v["title"].as_str().unwrap_or_default().trim().to_string(),
            paragraphs: v["content"]
                .as_str()
                .unwrap_or_default()
                .split('\n')
                // bidi embedding controls are removed on input
                .map(|p| p.replace(['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}'], ""))
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|p| !p.is_empty())
                .collect(),
            lang: "ar",
        })
        .collect()
}

/// A Reuters-21578 story as it came over the wire: the headline line,
/// then the dateline and body, hard-wrapped, each paragraph indented.
pub struct Wire {
    pub name: String,
    pub copy: String,
    /// Paragraphs the copy marks: the headline, the first body line and
    /// every indented line after it.
    pub marked: usize,
}

pub fn wire_dir() -> PathBuf {
    std::env::var_os("ATLAS_WIRE_SAMPLE").map_or_else(|| root().join("target/wire-sample"), PathBuf::from)
}

fn xml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            xml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "xml") {
            out.push(p);
        }
    }
}

pub fn wire() -> Vec<Wire> {
    let mut paths = Vec::new();
    xml_files(&wire_dir(), &mut paths);
    paths.sort();
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for p in paths {
        let Ok(s) = std::fs::read_to_string(&p) else { continue };
        for story in s.split("<REUTERS").skip(1) {
            let id = between(story, "NEWID=\"", "\"").unwrap_or_default().to_string();
            let (Some(title), Some(body)) =
                (between(story, "<TITLE>", "</TITLE>"), between(story, "<BODY>", "</BODY>"))
            else {
                continue;
            };
            if !seen.insert(id.clone()) {
                continue;
            }
            let dateline = between(story, "<DATELINE>", "</DATELINE>").map(xml_text).unwrap_or_default();
            let body = xml_text(body);
            let copy = format!("{}\n    {} {}", xml_text(title).trim(), dateline.trim(), body.trim_end());
            let marked =
                2 + body.lines().skip(1).filter(|l| l.starts_with([' ', '\t']) && !l.trim().is_empty()).count();
            out.push(Wire { name: format!("reuters {id}"), copy, marked });
        }
    }
    out
}

/// Greedy word wrap at `width` columns, the first line of each paragraph
/// indented by `indent` spaces.
pub fn wrap(paragraph: &str, width: usize, indent: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = " ".repeat(indent);
    let mut len = indent;
    let mut empty = true;
    for w in paragraph.split_whitespace() {
        let n = w.chars().count();
        if !empty && len + 1 + n > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
            empty = true;
        }
        if !empty {
            line.push(' ');
            len += 1;
        }
        line.push_str(w);
        len += n;
        empty = false;
    }
    if !empty {
        lines.push(line);
    }
    lines
}

/// Runs `article-atlas analyze ARGS` (the binary this test run built) with
/// `input` on its standard input: (exit code, stdout, stderr, time taken).
/// Fails the test when the process is still running after `limit`.
pub fn run_cli(args: &[&str], input: Vec<u8>, limit: Duration) -> (Option<i32>, String, String, Duration) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-atlas"))
        .arg("analyze")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cli starts");
    let mut stdin = child.stdin.take().expect("piped stdin");
    // written from another thread: the output pipe must be read meanwhile
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = std::thread::spawn(move || child.wait_with_output());
    while !out.is_finished() {
        assert!(start.elapsed() < limit, "cli did not finish within {limit:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = writer.join();
    let output = out.join().expect("cli waiter").expect("cli output");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        start.elapsed(),
    )
}
