//! The page and the CLI give the same analysis.
//!
//! The CLI (and every native build) embeds the whole gazetteer; the page
//! gets it in parts: the core, the filter of Arabic first words, then the
//! late shards [`assets::needed`] names for the article, in rounds, each
//! round analysing again. A lookup the analysis makes in a shard the page
//! was never told to fetch reads differently in the page.
//!
//! This test binary (no libtest harness: it needs a fresh process per
//! article) runs the CLI on every article, then itself once per article as
//! the page ([`gazetteer::as_the_page`]: nothing embedded is at hand, only
//! what is provided, from the files the page fetches), and compares the
//! two analyses byte for byte. Articles: tests/e2e/articles,
//! ../shared/articles, the sentences of page_parity_cases.txt, 30 GeoVirus
//! stories, 20 SaudiNewsNet development articles and 12 TimeBank ones (the
//! development data is read when present).

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use article_atlas::assets;
use article_atlas::internals::gazetteer;

/// Set in a child run: read one article (JSON) on standard input and
/// print its analysis as the page ends up with it.
const CHILD: &str = "ATLAS_PAGE_PARITY_CHILD";

fn main() {
    if std::env::var_os(CHILD).is_some() {
        let mut input = Vec::new();
        std::io::stdin().read_to_end(&mut input).expect("article on stdin");
        let out = as_the_page(&input);
        std::io::stdout().write_all(out.as_bytes()).expect("stdout");
        return;
    }
    let failures = compare_all();
    if failures > 0 {
        std::process::exit(1);
    }
}

/// The bytes the page fetches for asset `name` (scripts/assets.mjs writes
/// the same from the same files).
fn asset_bytes(name: &str) -> Vec<u8> {
    let data = common::root().join("data");
    let rows = |file: &str, prefix: &str| -> String {
        let text = std::fs::read_to_string(data.join("gazetteer").join(file)).expect("core file");
        text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| format!("{prefix}{l}\n")).collect()
    };
    match name {
        gazetteer::CORE_ASSET => (rows("places.tsv", "P\t") + &rows("index.tsv", "K\t")).into_bytes(),
        gazetteer::FILTER_ASSET => std::fs::read(data.join("gazetteer/first_words.bin")).expect("filter file"),
        shard => std::fs::read(data.join(format!("gazetteer/late/{shard}.tsv"))).expect("shard file"),
    }
}

/// The article's analysis in a page that starts with nothing of the
/// gazetteer: analyse, fetch what is needed, provide it, again until
/// nothing more is needed. Then one more line: the rounds, the shards
/// fetched and their bytes.
fn as_the_page(input: &[u8]) -> String {
    assert!(gazetteer::as_the_page(), "the gazetteer was in use before the page began");
    assert!(!gazetteer::has_core() && !gazetteer::has_filter());
    let article = article_atlas::parse_article(input).expect("article parses");
    let (mut rounds, mut shards, mut bytes) = (0, 0, 0);
    loop {
        // the page shows each round's analysis; later rounds must not
        // depend on what an earlier one looked up
        let _ = article_atlas::analyze(&article);
        let names = assets::needed(&article);
        if names.is_empty() {
            break;
        }
        rounds += 1;
        assert!(rounds < 10, "still needing {names:?}");
        for name in names {
            let b = asset_bytes(name);
            if name.starts_with("gaz-") && name != gazetteer::CORE_ASSET && name != gazetteer::FILTER_ASSET {
                shards += 1;
                bytes += b.len();
            }
            assert!(assets::provide(name, &b).expect("asset folds in"), "{name} was at hand already");
        }
    }
    let analysis = serde_json::to_string(&article_atlas::analyze(&article)).expect("analysis serialises");
    format!("{analysis}\n{rounds}\t{shards}\t{bytes}\n")
}

/// Runs this binary as the page on `article`: (analysis, rounds, shards, bytes).
fn page_run(article: &str) -> (String, String) {
    let mut child = Command::new(std::env::current_exe().expect("own path"))
        .env(CHILD, "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("child starts");
    child.stdin.take().expect("stdin").write_all(article.as_bytes()).expect("article written");
    let out = child.wait_with_output().expect("child ends");
    assert!(out.status.success(), "the page run failed on {article}");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut lines = text.lines();
    (lines.next().unwrap_or_default().to_string(), lines.next().unwrap_or_default().to_string())
}

/// Every article to compare, as one JSON object each: (label, JSON).
fn articles() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let cases = std::fs::read_to_string(common::root().join("tests/page_parity_cases.txt")).expect("cases");
    for (i, line) in cases.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).enumerate() {
        let json = serde_json::json!({"lang": "en", "title": "", "body": line});
        out.push((format!("case {} ({line})", i + 1), json.to_string()));
    }
    for dir in [common::root().join("tests/e2e/articles"), common::root().join("../shared/articles")] {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths.iter().filter(|p| p.extension().is_some_and(|x| x == "json")) {
            let text = std::fs::read_to_string(p).expect("article file");
            // one line of JSON Lines for the CLI
            let v: serde_json::Value = serde_json::from_str(&text).expect("article JSON");
            out.push((label(p), v.to_string()));
        }
    }
    // GeoVirus: WikiNews stories of outbreaks, many local (read in place)
    let geovirus = std::fs::read_to_string(common::devdata().join("geo/GeoVirus.xml")).unwrap_or_default();
    for (i, text) in geovirus.split("<text>").skip(1).filter_map(|t| t.split("</text>").next()).take(30).enumerate() {
        let json = serde_json::json!({"lang": "en", "title": "", "body": common::xml_text(text)});
        out.push((format!("GeoVirus {i}"), json.to_string()));
    }
    let docs = common::saudinewsnet().into_iter().take(20).chain(common::timebank().into_iter().take(12));
    for d in docs {
        let json = serde_json::json!({"lang": d.lang, "title": d.title, "body": d.paragraphs});
        out.push((d.name, json.to_string()));
    }
    out
}

fn label(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// What differs between two analyses: the mentions and the places, one line each.
fn differences(cli: &str, page: &str) -> Vec<String> {
    let parse = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap_or_default();
    let (a, b) = (parse(cli), parse(page));
    let mentions = |v: &serde_json::Value| -> Vec<String> {
        let places: std::collections::HashMap<String, String> = v["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| (e["id"].as_str().unwrap_or("").to_string(), e["gazetteer_id"].as_str().unwrap_or("").to_string()))
            .collect();
        v["mentions"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|m| {
                let place = places.get(m["entity"].as_str().unwrap_or("")).cloned().unwrap_or_default();
                format!("{}..{} {:?} {} {place}", m["start"], m["end"], m["text"].as_str().unwrap_or(""), m["type"])
            })
            .collect()
    };
    let (ma, mb) = (mentions(&a), mentions(&b));
    let mut out: Vec<String> = ma.iter().filter(|m| !mb.contains(m)).map(|m| format!("  CLI only:  {m}")).collect();
    out.extend(mb.iter().filter(|m| !ma.contains(m)).map(|m| format!("  page only: {m}")));
    if out.is_empty() {
        out.push("  (mentions and places agree; other fields differ)".to_string());
    }
    out
}

/// Compares the CLI's analysis of every article with the page's; prints
/// each difference and returns the number of articles that differ.
fn compare_all() -> usize {
    let articles = articles();
    let input: String = articles.iter().map(|(_, j)| format!("{j}\n")).collect();
    let (code, stdout, stderr, _) = common::run_cli(&["--threads", "1"], input.into_bytes(), Duration::from_secs(300));
    assert_eq!(code, Some(0), "the CLI failed: {stderr}");
    let cli: Vec<&str> = stdout.lines().collect();
    assert_eq!(cli.len(), articles.len(), "one CLI line per article");
    let mut failures = 0;
    let (mut en_shards, mut en_bytes, mut en_n) = (0usize, 0usize, 0usize);
    for ((name, json), cli) in articles.iter().zip(cli) {
        let (page, stats) = page_run(json);
        let same = page == cli;
        println!("{} {name}: rounds, shards, bytes {stats}", if same { "same" } else { "DIFFERS" });
        if json.contains("\"lang\":\"en\"") && !name.starts_with("case") {
            let f: Vec<usize> = stats.split('\t').filter_map(|x| x.parse().ok()).collect();
            en_shards += f.get(1).copied().unwrap_or(0);
            en_bytes += f.get(2).copied().unwrap_or(0);
            en_n += 1;
        }
        if !same {
            failures += 1;
            for d in differences(cli, &page) {
                println!("{d}");
            }
        }
    }
    if let (Some(shards), Some(bytes)) = (en_shards.checked_div(en_n), en_bytes.checked_div(en_n)) {
        println!("English articles: {shards} shards, {bytes} bytes (uncompressed) fetched on average");
    }
    println!("page_parity: {} articles, {failures} differ", articles.len());
    failures
}
