//! Native benchmark of the analysis pipeline on real articles.
//!
//! `cargo run --profile cli --bin bench [-- --devdata DIR] [--rounds N] [--batch-min N] [--only-batch] [--summary FILE]`
//!
//! `--summary FILE` also writes the headline figures as JSON (words/s per
//! language, whole `analyze`), which `scripts/bench-summary.mjs` sets beside
//! the budgets.
//!
//! Corpus: the default article, plus, when the development data is present
//! (`../shared/devdata` or `--devdata`), the 50 SaudiNewsNet Arabic articles
//! and the 229 GeoVirus English articles. Each article is analysed once to
//! warm up, then `rounds` times; the median time per article is summed, so a
//! slow outlier round (another process on the machine) does not count.
//! Those stage figures time an article met just before, whose spellings the
//! analysis keeps natively; the batch figures below do not.
//!
//! Per language, also the CLI's batch path on one thread over that
//! language's articles in turn (the whole process but for start-up: JSON in
//! and out; the budget is for this figure).
//!
//! Batch: the whole corpus as JSON Lines (passed through until at least
//! `--batch-min` articles, 1,000 by default, each pass on a fresh thread so
//! that what the analysis keeps across articles is only that pass's) through
//! `article_atlas::batch::analyze_batch`, the CLI's batch path, on one thread
//! and on all cores; wall-clock time of the best of three runs.

use std::time::{Duration, Instant};

struct Doc {
    lang: &'static str,
    json: String,
    words: usize,
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn load_corpus(devdata: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    if let Ok(s) = std::fs::read_to_string("www/articles/default.json") {
        docs.push(Doc { lang: "ar", words: words(&s), json: s });
    }
    if let Ok(s) = std::fs::read_to_string(format!("{devdata}/news_ar/saudinewsnet_dev50.jsonl")) {
        for line in s.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            let title = v.get("title").and_then(|t| t.as_str()).unwrap_or_default();
            let body = v.get("content").and_then(|t| t.as_str()).unwrap_or_default();
            let json =
                serde_json::json!({"title": title, "body": body, "lang": "ar", "published": v.get("date_extracted")});
            docs.push(Doc { lang: "ar", words: words(title) + words(body), json: json.to_string() });
        }
    }
    if let Ok(s) = std::fs::read_to_string(format!("{devdata}/geo/GeoVirus.xml")) {
        for chunk in s.split("<text>").skip(1) {
            let Some(end) = chunk.find("</text>") else { continue };
            let body = xml_unescape(&chunk[..end]);
            let json = serde_json::json!({"title": "", "body": body, "lang": "en"});
            docs.push(Doc { lang: "en", words: words(&body), json: json.to_string() });
        }
    }
    docs
}

fn xml_unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let devdata = arg("--devdata")
        .or_else(|| std::env::var("ATLAS_DEVDATA").ok())
        .unwrap_or_else(|| "../shared/devdata".to_string());
    let rounds: usize = arg("--rounds").and_then(|r| r.parse().ok()).unwrap_or(7);
    let docs = load_corpus(&devdata);
    let batch_min = arg("--batch-min").and_then(|n| n.parse().ok()).unwrap_or(1000);
    if args.iter().any(|a| a == "--only-batch") {
        batch(&docs, batch_min);
        return;
    }
    println!(
        "corpus: {} articles ({} Arabic, {} English) from www/articles and {devdata}",
        docs.len(),
        docs.iter().filter(|d| d.lang == "ar").count(),
        docs.iter().filter(|d| d.lang == "en").count()
    );

    // Stages timed one by one on the same article: parsing, tokenising
    // (normalisation included), dates, the learned tagger, and the whole of
    // `analyze`; the rules, resolution and events are what `analyze` takes
    // beyond the three stages it shares with them.
    let stage_names = ["tokenise", "dates", "tagger", "rules+resolve+events"];
    let mut summary = serde_json::Map::new();
    for lang in ["ar", "en", "all"] {
        let set: Vec<&Doc> = docs.iter().filter(|d| lang == "all" || d.lang == lang).collect();
        if set.is_empty() {
            continue;
        }
        let total_words: usize = set.iter().map(|d| d.words).sum();
        let mut parse_t = Duration::ZERO;
        let mut stage_t = vec![Duration::ZERO; stage_names.len()];
        let mut whole_t = Duration::ZERO;
        for d in &set {
            let Ok(article) = article_atlas::parse_article(d.json.as_bytes()) else { continue };
            let analysis = article_atlas::analyze(&article);
            let published = article.published.as_ref().and_then(|p| p.date);
            let text = analysis.text.as_str();
            let time = |f: &dyn Fn()| {
                let mut runs = Vec::with_capacity(rounds);
                f();
                for _ in 0..rounds {
                    let t = Instant::now();
                    f();
                    runs.push(t.elapsed());
                }
                median(runs)
            };
            parse_t += time(&|| {
                std::hint::black_box(article_atlas::parse_article(d.json.as_bytes()).ok());
            });
            let tokens = article_atlas::internals::tokenize(text);
            let tok_t = time(&|| {
                std::hint::black_box(article_atlas::internals::tokenize(text));
                std::hint::black_box(article_atlas::internals::sentences(text));
            });
            let date_t = time(&|| {
                std::hint::black_box(article_atlas::internals::find_dates(text, &tokens, &article.lang, published));
            });
            let tag_t = time(&|| {
                std::hint::black_box(article_atlas::internals::tagger::tag(&tokens, &article.lang));
            });
            let all_t = time(&|| {
                std::hint::black_box(article_atlas::analyze(&article));
            });
            stage_t[0] += tok_t;
            stage_t[1] += date_t;
            stage_t[2] += tag_t;
            stage_t[3] += all_t.saturating_sub(tok_t + date_t + tag_t);
            whole_t += all_t;
        }
        let wps = |t: Duration| if t.is_zero() { f64::INFINITY } else { total_words as f64 / t.as_secs_f64() };
        println!("\n[{lang}] {} articles, {total_words} words, median of {rounds} rounds", set.len());
        println!("  {:<22} {:>12} {:>16}", "stage", "total ms", "words/s");
        println!("  {:<22} {:>12.2} {:>16.0}", "parse", parse_t.as_secs_f64() * 1e3, wps(parse_t));
        for (name, t) in stage_names.iter().zip(&stage_t) {
            println!("  {:<22} {:>12.2} {:>16.0}", name, t.as_secs_f64() * 1e3, wps(*t));
        }
        println!("  {:<22} {:>12.2} {:>16.0}", "analyze", whole_t.as_secs_f64() * 1e3, wps(whole_t));
        println!("  per 1,000 words: {:.3} ms", whole_t.as_secs_f64() * 1e3 * 1000.0 / total_words.max(1) as f64);
        // the whole process's share on one core: JSON Lines in, one JSON
        // line per article out, the articles one after another (no article
        // twice in a row, so nothing is warm from its own last run)
        let batch_wps = if lang == "all" || batch_min == 0 { None } else { one_core_batch(&set, batch_min) };
        if let Some(b) = batch_wps {
            println!("  CLI batch, one core: {b:.0} words/s (best of 3; JSON in and out, articles in turn)");
        }
        summary.insert(
            lang.to_string(),
            serde_json::json!({"articles": set.len(), "words": total_words, "words_per_s": wps(whole_t).round(),
                "batch_words_per_s": batch_wps.map(f64::round)}),
        );
    }
    if let Some(path) = arg("--summary") {
        if let Some(dir) = std::path::Path::new(&path).parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Err(e) = std::fs::write(&path, serde_json::Value::Object(summary).to_string()) {
            eprintln!("bench: cannot write {path}: {e}");
        }
    }

    batch(&docs, batch_min);
}

/// `docs` as JSON Lines, repeated to at least `min` articles: the text,
/// the number of articles and of words. `min` must not be 0 with no docs.
fn json_lines<'a>(docs: impl Iterator<Item = &'a Doc> + Clone, min: usize) -> (String, usize, usize) {
    let mut input = String::new();
    let (mut articles, mut total_words) = (0usize, 0usize);
    while articles < min {
        for d in docs.clone() {
            input.push_str(&d.json.replace('\n', " "));
            input.push('\n');
            articles += 1;
            total_words += d.words;
        }
    }
    (input, articles, total_words)
}

/// The corpus `input` (JSON Lines of `articles` articles) through the
/// CLI's batch path `passes` times, each pass on a thread of its own: the
/// spellings the analysis keeps across articles (per thread, natively) are
/// then those of one pass, as in a run over that many distinct articles,
/// not the same articles met again. The time of the passes summed, and
/// the articles that failed (an empty body), or `None` when one was lost.
fn passes(input: &str, articles: usize, passes: usize, threads: usize) -> Option<(Duration, usize)> {
    let mut took = Duration::ZERO;
    let mut failed = 0;
    for _ in 0..passes {
        let (t, r) = std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    let t = Instant::now();
                    let r = article_atlas::batch::analyze_batch(
                        std::io::Cursor::new(input.as_bytes()),
                        &mut std::io::sink(),
                        threads,
                    );
                    (t.elapsed(), r)
                })
                .join()
                .expect("the batch thread panicked")
        });
        match r {
            Ok(s) if s.analysed + s.failed == articles => failed = s.failed,
            Ok(s) => {
                println!("  batch lost articles: {} analysed, {} failed of {articles}", s.analysed, s.failed);
                return None;
            }
            Err(e) => {
                println!("  batch failed: {e}");
                return None;
            }
        }
        took += t;
    }
    Some((took, failed))
}

/// Words per second of the CLI's batch path on one thread over `docs`,
/// passed through until at least `min` articles ([`passes`]; best of three
/// runs).
fn one_core_batch(docs: &[&Doc], min: usize) -> Option<f64> {
    let (input, articles, words) = json_lines(docs.iter().copied(), 1);
    let n = min.div_ceil(articles.max(1)).max(1);
    let best = (0..3).filter_map(|_| passes(&input, articles, n, 1)).map(|(t, _)| t).min()?;
    Some((words * n) as f64 / best.as_secs_f64())
}

/// Batch throughput on one thread and on all cores (the CLI's path:
/// JSON Lines in, one JSON line per article out, in order).
fn batch(docs: &[Doc], min: usize) {
    // `--batch-min 0`: no batch section (it printed a division by zero)
    if docs.is_empty() || min == 0 {
        return;
    }
    let (input, once, once_words) = json_lines(docs.iter(), 1);
    let n = min.div_ceil(once.max(1)).max(1);
    let (articles, total_words) = (once * n, once_words * n);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "\n[batch] {articles} articles, {total_words} words, {} MB of JSON Lines, best of 3 runs",
        input.len() * n / 1_000_000
    );
    println!("  {:<22} {:>12} {:>16} {:>16}", "threads", "total ms", "articles/s", "words/s");
    let mut one = None;
    let mut failed = 0;
    let mut counts = vec![1];
    if cores > 1 {
        counts.push(cores);
    }
    for threads in counts {
        let mut best = Duration::MAX;
        for _ in 0..3 {
            // The corpus has articles with an empty body: they fail, in place.
            if let Some((took, f)) = passes(&input, once, n, threads) {
                best = best.min(took);
                failed = f * n;
            }
        }
        let secs = best.as_secs_f64();
        let label = if threads == 1 { "1 (one core)".to_string() } else { format!("{threads} (all cores)") };
        println!(
            "  {:<22} {:>12.1} {:>16.0} {:>16.0}",
            label,
            secs * 1e3,
            articles as f64 / secs,
            total_words as f64 / secs
        );
        match one {
            None => one = Some(secs),
            Some(o) => println!("  speed-up on {threads} cores: {:.2}x", o / secs),
        }
    }
    println!("  ({failed} of the {articles} articles have an empty body and give an error line)");
}
