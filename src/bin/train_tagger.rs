//! Trains the Arabic and English entity taggers from the annotated data in
//! ../shared/devdata (read in place, never copied), prints development
//! scores and speed, and writes `data/tagger/{ar,en}.bin` and
//! `data/tagger/README.md`.
//!
//! ```text
//! cargo run --release --bin train_tagger -- --devdata ../shared/devdata --out data/tagger
//! ```
//!
//! With `--check` instead of writing it retrains and exits 1 unless the
//! files in `--out` are byte for byte what it produced.
//!
//! Data and splits: [`article_atlas::internals::tagger::corpus`] (one
//! reader per corpus, one type map, one NewsFANE clitic glue, the fixed
//! train / development / test splits). Arabic trains on the train parts of
//! NewsFANE, ANERcorp_train.txt, WikiFANE Gold and the Wojood sample
//! (`--without NAME` leaves one out); English on CoNLL-2003 eng.train minus
//! its last 10% of documents (the test part). The O penalty and the
//! confidence temperature are tuned on the development parts (all of a
//! language's, pooled); no test part is read here. Same data and parameters
//! give the same bytes.
//!
//! `--refit` adds a last step: the model is trained again on train +
//! development with the epochs, O penalty and temperature chosen on
//! development, and that is the one written (its development figures are
//! then not held out; the printed tables and the README's stay the
//! train-only model's). `REFIT` says which is the default. Learning curves:
//! `--train-share F` trains on the first F of each corpus's train documents
//! (`--train-tail`: the last), and with the refit also scores both models
//! on the train documents left out.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use article_atlas::internals::tagger::corpus::{self, Corpus, Split, Word};
use article_atlas::internals::tagger::{spans, tag_blocks_with, train, Example, Lang, Lists, Model, Params, KINDS, NT};
use article_atlas::internals::tokenize;

const PER: usize = 0;
const ORG: usize = 1;
const LOC: usize = 2;

/// Whether the written model is refit on train + development by default
/// (`--refit`, `--no-refit` choose either way).
const REFIT: bool = true;

struct Args {
    devdata: PathBuf,
    out: PathBuf,
    langs: Vec<Lang>,
    epochs: Option<usize>,
    max_weights: Option<usize>,
    clip: Option<f64>,
    seed: Option<u64>,
    hash_bits: Option<u8>,
    min_count: Option<u32>,
    margin: Option<i32>,
    stack_folds: Option<usize>,
    write: bool,
    check: bool,
    without: Vec<Corpus>,
    train_share: f64,
    /// `--wikifane-share F`: only the first share F of WikiFANE's training
    /// documents (after `--train-share`), to weigh encyclopaedia text
    /// against the news corpora.
    wikifane_share: f64,
    /// `--train-share` takes the last documents instead of the first.
    train_tail: bool,
    refit: bool,
}

/// A share in (0, 1] given after `flag`; exits with a message otherwise.
fn fraction(value: Option<String>, flag: &str) -> f64 {
    value.and_then(|e| e.parse().ok()).filter(|f: &f64| *f > 0.0 && *f <= 1.0).unwrap_or_else(|| {
        eprintln!("{flag} needs a fraction in (0, 1]");
        std::process::exit(2)
    })
}

fn parse_args() -> Args {
    let mut a = Args {
        devdata: PathBuf::from("../shared/devdata"),
        out: PathBuf::from("data/tagger"),
        langs: vec![Lang::Ar, Lang::En],
        epochs: None,
        max_weights: None,
        clip: None,
        seed: None,
        hash_bits: None,
        min_count: None,
        margin: None,
        stack_folds: None,
        write: true,
        check: false,
        without: Vec::new(),
        train_share: 1.0,
        wikifane_share: 1.0,
        train_tail: false,
        refit: REFIT,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--devdata" => a.devdata = PathBuf::from(it.next().expect("--devdata needs a folder")),
            "--out" => a.out = PathBuf::from(it.next().expect("--out needs a folder")),
            "--lang" => {
                let l = it.next().expect("--lang needs ar or en");
                a.langs = vec![Lang::from_code(&l).expect("--lang needs ar or en")];
            }
            "--stack-folds" => {
                a.stack_folds = Some(it.next().and_then(|e| e.parse().ok()).expect("--stack-folds needs a number"))
            }
            "--margin" => a.margin = Some(it.next().and_then(|e| e.parse().ok()).expect("--margin needs a number")),
            "--epochs" => a.epochs = Some(it.next().and_then(|e| e.parse().ok()).expect("--epochs needs a number")),
            "--max-weights" => {
                a.max_weights = Some(it.next().and_then(|e| e.parse().ok()).expect("--max-weights needs a number"))
            }
            "--clip" => a.clip = Some(it.next().and_then(|e| e.parse().ok()).expect("--clip needs a quantile")),
            "--seed" => a.seed = Some(it.next().and_then(|e| e.parse().ok()).expect("--seed needs a number")),
            "--hash-bits" => {
                a.hash_bits = Some(it.next().and_then(|e| e.parse().ok()).expect("--hash-bits needs a number"))
            }
            "--min-count" => {
                a.min_count = Some(it.next().and_then(|e| e.parse().ok()).expect("--min-count needs a number"))
            }
            "--train-share" => a.train_share = fraction(it.next(), "--train-share"),
            "--wikifane-share" => a.wikifane_share = fraction(it.next(), "--wikifane-share"),
            "--train-tail" => a.train_tail = true,
            "--refit" => a.refit = true,
            "--no-refit" => a.refit = false,
            "--dry-run" => a.write = false,
            "--without" => {
                let name = it.next().unwrap_or_default();
                let c = corpus::ARABIC
                    .into_iter()
                    .find(|c| c.name().to_lowercase().starts_with(&name.to_lowercase()))
                    .expect("--without needs newsfane, anercorp, wikifane or wojood");
                a.without.push(c);
            }
            "--check" => {
                a.write = false;
                a.check = true;
            }
            _ => {
                eprintln!("usage: train_tagger [--devdata DIR] [--out DIR] [--lang ar|en] [--epochs N] [--max-weights N] [--clip Q] [--seed N] [--hash-bits N] [--min-count N] [--margin N] [--stack-folds N] [--train-share F [--train-tail]] [--wikifane-share F] [--refit | --no-refit] [--without newsfane|anercorp|wikifane|wojood] [--dry-run | --check]");
                std::process::exit(2);
            }
        }
    }
    a
}

/// FNV-1a, 64 bits, of a file's bytes: recorded so that a regeneration can
/// tell whether it saw the same data.
fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

struct Source {
    rel: String,
    size: usize,
    hash: u64,
}

fn read(devdata: &Path, rel: &str, sources: &mut Vec<Source>) -> Result<String, String> {
    let path = devdata.join(rel);
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if !sources.iter().any(|s| s.rel == rel) {
        sources.push(Source { rel: rel.to_string(), size: bytes.len(), hash: fnv64(&bytes) });
    }
    String::from_utf8(bytes).map_err(|e| format!("{} is not UTF-8: {e}", path.display()))
}

/// Sentences a document holds where a corpus marks none (as `eval` reads
/// them): the document features look across a document's sentences.
const SENTENCES_PER_DOC: usize = 20;

/// The documents of one split of a corpus, as their sentences.
fn documents(c: Corpus, split: Split, devdata: &Path, sources: &mut Vec<Source>) -> Vec<Vec<Vec<Word>>> {
    c.load(split, SENTENCES_PER_DOC, &mut |rel| read(devdata, rel, sources)).unwrap_or_else(|e| panic!("{e}"))
}

/// Examples of documents, numbered from `first`.
fn examples(docs: &[Vec<Vec<Word>>], first: usize) -> Vec<Example> {
    docs.iter().enumerate().flat_map(|(d, doc)| doc.iter().map(move |s| to_example(s, first + d))).collect()
}

/// The tagger's spans (start, end, kind, score) in every example, each
/// document (consecutive examples with one `doc`) tagged as one run.
fn predict(model: &Model, dev: &[Example]) -> Vec<Vec<(usize, usize, usize, f32)>> {
    let mut out = Vec::with_capacity(dev.len());
    for doc in dev.chunk_by(|a, b| a.doc == b.doc) {
        let mut tokens = Vec::new();
        let mut blocks = Vec::with_capacity(doc.len());
        for ex in doc {
            blocks.push(tokens.len()..tokens.len() + ex.tokens.len());
            tokens.extend(ex.tokens.iter().cloned());
        }
        let spans = tag_blocks_with(model, &tokens, &blocks, Lists::get());
        for r in &blocks {
            out.push(
                spans
                    .iter()
                    .filter(|s| s.start_token >= r.start && s.end_token <= r.end)
                    .map(|s| (s.start_token - r.start, s.end_token - r.start, s.kind, s.score))
                    .collect(),
            );
        }
    }
    out
}

fn model_inside(t: usize) -> bool {
    t != 0 && t % 2 == 0
}

/// Runs the project's tokenizer over the words (joined by spaces), so the
/// model trains on exactly the tokens it will see; sub-tokens of one word
/// share its tag (B- becomes I- after the first).
fn to_example(words: &[Word], doc: usize) -> Example {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(words.len());
    let mut pos = 0usize;
    for (w, _) in words {
        if !text.is_empty() {
            text.push(' ');
            pos += 1;
        }
        starts.push(pos);
        text.push_str(w);
        pos += w.chars().count();
    }
    let tokens = tokenize(&text);
    let mut tags = Vec::with_capacity(tokens.len());
    let mut wi = 0usize;
    let mut last_word = usize::MAX;
    for t in &tokens {
        while wi + 1 < starts.len() && starts[wi + 1] <= t.start {
            wi += 1;
        }
        let tag = words[wi].1;
        let tag = if wi == last_word && tag != 0 && !model_inside(tag) { tag + 1 } else { tag };
        last_word = wi;
        tags.push(tag);
    }
    // repair an I- left without its B- (a vanished token)
    for i in 0..tags.len() {
        if model_inside(tags[i]) && (i == 0 || tags[i - 1] == 0 || (tags[i - 1] - 1) / 2 != (tags[i] - 1) / 2) {
            tags[i] -= 1;
        }
    }
    Example { tokens, tags, doc }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn prf(self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp == 0 { 0.0 } else { self.tp as f64 / (self.tp + self.fp) as f64 };
        let r = if self.tp + self.fn_ == 0 { 0.0 } else { self.tp as f64 / (self.tp + self.fn_) as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }
}

/// Exact-span counts per kind, plus the micro total over PER/ORG/LOC.
fn evaluate(model: &Model, dev: &[Example]) -> ([Counts; 4], Counts) {
    let mut c = [Counts::default(); 4];
    for (ex, pred) in dev.iter().zip(predict(model, dev)) {
        let gold: BTreeSet<(usize, usize, usize)> =
            spans(&ex.tags, &[]).into_iter().map(|s| (s.start_token, s.end_token, s.kind)).collect();
        let pred: BTreeSet<(usize, usize, usize)> = pred.into_iter().map(|s| (s.0, s.1, s.2)).collect();
        for s in &pred {
            if gold.contains(s) {
                c[s.2].tp += 1;
            } else {
                c[s.2].fp += 1;
            }
        }
        for s in gold.difference(&pred) {
            c[s.2].fn_ += 1;
        }
    }
    let mut all = Counts::default();
    for k in [PER, ORG, LOC] {
        all.tp += c[k].tp;
        all.fp += c[k].fp;
        all.fn_ += c[k].fn_;
    }
    (c, all)
}

fn score_table(c: &[Counts; 4], all: Counts) -> String {
    let mut s = String::from("| type | precision | recall | F1 | gold spans |\n|---|---|---|---|---|\n");
    for (k, name) in KINDS.iter().enumerate() {
        let (p, r, f) = c[k].prf();
        let _ = writeln!(s, "| {name} | {p:.3} | {r:.3} | {f:.3} | {} |", c[k].tp + c[k].fn_);
    }
    let (p, r, f) = all.prf();
    let _ = writeln!(s, "| PER+ORG+LOC (micro) | {p:.3} | {r:.3} | {f:.3} | {} |", all.tp + all.fn_);
    s
}

fn micro(c: &[Counts; 4]) -> Counts {
    let mut all = Counts::default();
    for k in [PER, ORG, LOC] {
        all.tp += c[k].tp;
        all.fp += c[k].fp;
        all.fn_ += c[k].fn_;
    }
    all
}

/// A perceptron trained on text that is mostly O is shy of entities. A
/// penalty on every transition into O (so once per O token) trades
/// precision for recall; the one from a fixed grid with the best
/// development micro F1 is folded into the transitions (ties: the smaller).
fn tune_o_penalty(model: &mut Model, dev: &[Example]) -> i16 {
    let base = model.clone();
    let mut best = (micro(&evaluate(&base, dev).0).prf().2, 0i16);
    for penalty in (10..=200).step_by(10) {
        let mut m = base.clone();
        fold_o_penalty(&mut m, penalty);
        let f = micro(&evaluate(&m, dev).0).prf().2;
        if f > best.0 {
            best = (f, penalty);
        }
    }
    *model = base;
    fold_o_penalty(model, best.1);
    best.1
}

fn fold_o_penalty(model: &mut Model, penalty: i16) {
    for row in model.trans.chunks_mut(NT) {
        row[0] = row[0].saturating_sub(penalty);
    }
}

/// The temperature that makes span scores most honest on the development
/// split: the one, from a fixed grid, maximising the log-likelihood of
/// "this span is right" under the span's score. Changes no tag.
fn calibrate(model: &Model, dev: &[Example]) -> f32 {
    let mut best = (f64::NEG_INFINITY, 1.0f32);
    for step in 0..=24 {
        // 1, 2^-0.5, 2^-1, ... 2^-12
        let t = 2f32.powf(-(step as f32) / 2.0);
        let mut m = model.clone();
        m.temperature = t;
        let mut ll = 0.0f64;
        for (ex, pred) in dev.iter().zip(predict(&m, dev)) {
            let gold: BTreeSet<(usize, usize, usize)> =
                spans(&ex.tags, &[]).into_iter().map(|s| (s.start_token, s.end_token, s.kind)).collect();
            for s in pred {
                let p = f64::from(s.3).clamp(1e-4, 1.0 - 1e-4);
                ll += if gold.contains(&(s.0, s.1, s.2)) { p.ln() } else { (1.0 - p).ln() };
            }
        }
        if ll > best.0 {
            best = (ll, t);
        }
    }
    best.1
}

/// CPU time this process has run, from /proc/self/schedstat (Linux):
/// the machine is shared, so wall time would measure the neighbours too.
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Words tagged per second of CPU time (wall time where that is unknown).
fn words_per_second(model: &Model, dev: &[Example]) -> f64 {
    let words: usize = dev.iter().map(|e| e.tokens.iter().filter(|t| t.is_word).count()).sum();
    let (wall, cpu) = (Instant::now(), cpu_seconds());
    let elapsed = || match (cpu, cpu_seconds()) {
        (Some(a), Some(b)) => b - a,
        _ => wall.elapsed().as_secs_f64(),
    };
    let mut rounds = 0usize;
    while rounds == 0 || elapsed() < 1.0 {
        std::hint::black_box(predict(model, dev));
        rounds += 1;
    }
    (words * rounds) as f64 / elapsed()
}

struct Report {
    lang: Lang,
    params: Params,
    sources: Vec<Source>,
    n_train: (usize, usize),
    n_dev: (usize, usize),
    /// Sentences and tokens of train + development, when the shipped model
    /// was refit on them.
    n_refit: Option<(usize, usize)>,
    table: String,
    /// Per development part: corpus name, sentences, micro P/R/F1.
    parts: Vec<(String, usize, (f64, f64, f64))>,
    corpora: Vec<Corpus>,
    bytes: Vec<u8>,
    keys: usize,
    penalty: i16,
}

fn run(lang: Lang, args: &Args) -> Report {
    let mut sources = Vec::new();
    let corpora: Vec<Corpus> = match lang {
        Lang::Ar => corpus::ARABIC.into_iter().filter(|c| !args.without.contains(c)).collect(),
        Lang::En => vec![Corpus::Conll],
    };
    let mut train_set: Vec<Vec<Vec<Word>>> = Vec::new();
    let mut dev_parts: Vec<(Corpus, Vec<Vec<Vec<Word>>>)> = Vec::new();
    // the train documents a share leaves out: scored below when refitting
    let mut rest_set: Vec<Vec<Vec<Word>>> = Vec::new();
    for &c in &corpora {
        let mut docs = documents(c, Split::Train, &args.devdata, &mut sources);
        // learning curves: the first (or last) share of each corpus's train documents
        let keep = corpus::share_count(docs.len(), args.train_share);
        if args.train_tail {
            rest_set.extend(docs.drain(..docs.len() - keep));
        } else {
            rest_set.extend(docs.split_off(keep));
        }
        if c == Corpus::WikiFane {
            docs.truncate(corpus::share_count(docs.len(), args.wikifane_share));
        }
        train_set.extend(docs);
        dev_parts.push((c, documents(c, Split::Dev, &args.devdata, &mut sources)));
    }
    let dev_set: Vec<Vec<Vec<Word>>> = dev_parts.iter().flat_map(|(_, s)| s.iter().cloned()).collect();
    let train_ex = examples(&train_set, 0);
    let dev_ex = examples(&dev_set, 0);
    let count = |v: &[Example]| (v.len(), v.iter().map(|e| e.tokens.len()).sum::<usize>());
    let (n_train, n_dev) = (count(&train_ex), count(&dev_ex));
    println!("[{}] train {} sentences / {} tokens, dev {} / {}", lang.code(), n_train.0, n_train.1, n_dev.0, n_dev.1);
    let mut params = Params::new(lang);
    if let Some(e) = args.epochs {
        params.epochs = e;
    }
    if let Some(m) = args.max_weights {
        params.max_weights = m;
    }
    if let Some(s) = args.seed {
        params.seed = s;
    }
    if let Some(m) = args.min_count {
        params.min_count = m;
    }
    if let Some(b) = args.hash_bits {
        params.hash_bits = b;
    }
    if let Some(c) = args.clip {
        params.clip_quantile = c;
    }
    if let Some(m) = args.margin {
        params.margin = m;
    }
    if let Some(k) = args.stack_folds {
        params.stack_folds = k;
    }
    let started = Instant::now();
    let mut model = train(&train_ex, &params, Lists::get(), |epoch, m| {
        let (_, all) = evaluate(m, &dev_ex);
        let (p, r, f) = all.prf();
        println!(
            "[{}] epoch {epoch}: dev P {p:.3} R {r:.3} F1 {f:.3} ({} weights kept, {:.0}s)",
            lang.code(),
            m.keys.len(),
            started.elapsed().as_secs_f64()
        );
    });
    let (plain, _) = evaluate(&model, &dev_ex);
    let penalty = tune_o_penalty(&mut model, &dev_ex);
    println!("[{}] O penalty {penalty} (micro F1 {:.3} without it)", lang.code(), micro(&plain).prf().2);
    model.temperature = calibrate(&model, &dev_ex);
    params.temperature = model.temperature;
    println!("[{}] confidence temperature {}", lang.code(), model.temperature);
    let bytes = model.to_bytes();
    if let Some(dir) = std::env::var_os("TAGGER_PROBE") {
        // experiments: drop the bytes where a size probe can measure them
        let _ = std::fs::write(Path::new(&dir).join(format!("{}.bin", lang.code())), &bytes);
    }
    // score what ships: the bytes, decoded as the app decodes them
    let shipped = Model::from_bytes(&bytes).expect("fresh model decodes");
    let (c, all) = evaluate(&shipped, &dev_ex);
    if let Some(dir) = std::env::var_os("TAGGER_PROBE") {
        let mut dump = String::new();
        for (ex, pred) in dev_ex.iter().zip(predict(&shipped, &dev_ex)) {
            let show = |v: Vec<(usize, usize, usize)>| -> String {
                v.iter()
                    .map(|&(a, b, k)| {
                        let words: Vec<&str> = ex.tokens[a..b].iter().map(|t| t.text.as_str()).collect();
                        format!("{}[{}]", KINDS[k], words.join(" "))
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let gold: Vec<_> = spans(&ex.tags, &[]).into_iter().map(|s| (s.start_token, s.end_token, s.kind)).collect();
            let pred: Vec<_> = pred.into_iter().map(|s| (s.0, s.1, s.2)).collect();
            if gold != pred {
                let text: Vec<&str> = ex.tokens.iter().map(|t| t.text.as_str()).collect();
                let _ = writeln!(dump, "{}\n  gold: {}\n  pred: {}", text.join(" "), show(gold), show(pred));
            }
        }
        let _ = std::fs::write(Path::new(&dir).join(format!("{}.errors.txt", lang.code())), dump);
    }
    let table = score_table(&c, all);
    let mut parts = Vec::new();
    for (corp, sents) in &dev_parts {
        let ex = examples(sents, 0);
        let (_, all) = evaluate(&shipped, &ex);
        println!(
            "[{}] development {}: micro P/R/F1 {:.3} {:.3} {:.3}",
            lang.code(),
            corp.name(),
            all.prf().0,
            all.prf().1,
            all.prf().2
        );
        parts.push((corp.name().to_string(), ex.len(), all.prf()));
    }
    println!("[{}] development scores (exact span match):\n{table}", lang.code());
    let (bytes, shipped, n_refit) = if args.refit {
        let (bytes, n) = refit(lang, &params, penalty, &train_set, &dev_set, &dev_ex);
        let model = Model::from_bytes(&bytes).expect("fresh model decodes");
        if !rest_set.is_empty() {
            // what adding the development part gives on train documents
            // neither model saw
            let rest = examples(&rest_set, 0);
            for (name, m) in [("train share alone", &shipped), ("refit with development", &model)] {
                let (c, all) = evaluate(m, &rest);
                println!("[{}] left-out train documents, {name}:\n{}", lang.code(), score_table(&c, all));
            }
        }
        (bytes, model, Some(n))
    } else {
        (bytes, shipped, None)
    };
    println!(
        "[{}] model {} bytes, {} buckets, {} weights",
        lang.code(),
        bytes.len(),
        shipped.keys.len(),
        shipped.vals.iter().filter(|&&v| v != 0).count()
    );
    println!(
        "[{}] speed: {:.0} words/s (native, 1 thread, CPU time)",
        lang.code(),
        words_per_second(&shipped, &dev_ex)
    );
    let keys = shipped.keys.len();
    Report { lang, params, sources, n_train, n_dev, n_refit, table, parts, corpora, keys, bytes, penalty }
}

/// The last step: the model trained again on train and development
/// together with the epochs, O penalty and temperature chosen on
/// development, its bytes and the (sentences, tokens) it saw. Its
/// development scores are printed but are no longer held out.
fn refit(
    lang: Lang,
    params: &Params,
    penalty: i16,
    train_set: &[Vec<Vec<Word>>],
    dev_set: &[Vec<Vec<Word>>],
    dev_ex: &[Example],
) -> (Vec<u8>, (usize, usize)) {
    let mut all = examples(train_set, 0);
    all.extend(examples(dev_set, train_set.len()));
    let n = (all.len(), all.iter().map(|e| e.tokens.len()).sum::<usize>());
    println!("[{}] refit on train + development: {} sentences / {} tokens", lang.code(), n.0, n.1);
    let mut model = train(&all, params, Lists::get(), |epoch, m| {
        println!("[{}] refit epoch {epoch} ({} weights kept)", lang.code(), m.keys.len());
    });
    fold_o_penalty(&mut model, penalty);
    model.temperature = params.temperature;
    let bytes = model.to_bytes();
    let seen = Model::from_bytes(&bytes).expect("fresh model decodes");
    let (p, r, f) = evaluate(&seen, dev_ex).1.prf();
    println!(
        "[{}] refit model on development (seen in training, not held out): P {p:.3} R {r:.3} F1 {f:.3}",
        lang.code()
    );
    (bytes, n)
}

fn readme(reports: &[Report]) -> String {
    let mut s = String::new();
    s.push_str("# Entity tagger weights\n\n");
    s.push_str("@generated by `src/bin/train_tagger.rs`; do not edit. Regenerate with:\n\n");
    s.push_str("```\ncargo run --release --bin train_tagger -- --devdata ../shared/devdata --out data/tagger\n```\n\n");
    s.push_str(
        "Same data and hyper-parameters give the same bytes; add `--check` to verify the committed\n\
         files against a fresh run without writing. The data is read in place from the development\n\
         data folder; file sizes and FNV-1a 64-bit hashes below say which files were used. Scores\n\
         are for the quantised weights trained on the train parts alone, on the development splits\n\
         (tuned on: development figures), exact span match; MISC is learned but not reported to the\n\
         app. With `--refit` the weights written are trained again on train + development with the\n\
         settings chosen there (a language's section then says so); `--no-refit --out DIR` writes the\n\
         train-only weights, which `ATLAS_TAGGER_DIR=DIR` makes `eval` score (held-out development\n\
         figures, for tuning). Test figures: `cargo run --release --bin eval -- all`.\n",
    );
    s.push_str(
        "\n## What the model is\n\n\
         A first-order structured perceptron over BIO tags (O, then B- and I- of PER, ORG, LOC, MISC), decoded\n\
         by Viterbi with the BIO constraint (I-X only after B-X or I-X) in training and tagging alike. Each\n\
         token has some 40 to 60 hashed features (`src/tagger/features.rs`, FNV-1a and murmur3's finaliser into\n\
         2^hash-bits buckets): the normalised word and its neighbours within two, word bigrams, word shape\n\
         and its neighbours, length, prefixes and suffixes of 1 to 4 code points of the clitic-stripped\n\
         stem, membership of the word, its readings and its neighbours in the word lists\n\
         (`src/tagger/lexicon.rs`); for Arabic the stem, the stripped proclitics and stem bigrams within\n\
         two, the nearest organisation head up to four words before (its distance and stem), and\n\
         document cues: whether the stem's other occurrences in the run (the article; in training and\n\
         development scores, a run of 20 sentences) follow a title, a given name or an organisation\n\
         head, or come before a name; for English the text as written, capitalisation patterns,\n\
         headline and dateline cues. Arabic is tagged in two passes with the one model: the second adds\n\
         features of the kinds the first pass gave the stem's other occurrences in the run (person,\n\
         organisation, place, misc, none; with the word's list classes); in training these come from\n\
         models trained without the document (stack folds, by document). Training is\n\
         loss-augmented: every wrong tag gets the margin's extra score while decoding, so an update comes\n\
         whenever the gold path does not win by that margin. The weights are averaged over all updates\n\
         (integer updates, a seeded shuffle per epoch: the same data give the same bytes), scaled to i8, and only the largest kept; the transitions are i16 with the O\n\
         penalty folded in. Span confidence is the lowest per-token probability of the chosen tags under a\n\
         softmax at the fitted temperature. No word clusters or embeddings.\n\n\
         In the app (`src/recognise/merge.rs`) the tagger leads: its spans are taken first (Arabic from\n\
         confidence 0.3, English 0.5), curated lists, compass phrases and some gazetteer places fill the\n\
         gaps; a place it finds is mapped through the gazetteer, or kept unmapped at confidence 0.5 when\n\
         the gazetteer does not know the name.\n",
    );
    for r in reports {
        let name = match r.lang {
            Lang::Ar => "Arabic",
            Lang::En => "English",
        };
        let _ = writeln!(s, "\n## {name}: `{}.bin`\n", r.lang.code());
        let names: Vec<&str> = r.corpora.iter().map(|c| c.name()).collect();
        let _ = writeln!(
            s,
            "Train: the train parts of {}; development: their development parts, pooled (splits and type maps: \
             `src/tagger/corpus.rs`; the test parts are never read by training). Features include membership in \
             the word lists of `src/tagger/lexicon.rs` (gazetteer keys, titles, names, organisation heads).\n",
            names.join(", ")
        );
        s.push_str("| data file | bytes | fnv1a64 |\n|---|---|---|\n");
        for src in &r.sources {
            let _ = writeln!(s, "| {} | {} | {:016x} |", src.rel, src.size, src.hash);
        }
        let p = &r.params;
        let _ = writeln!(
            s,
            "\nHyper-parameters: averaged perceptron, epochs {}, hash bits {}, shuffle seed {:#x}, clip quantile {}, \
             weights kept {}, training margin {} (loss-augmented decoding while training), stack folds {}, \
             confidence temperature {} (fitted on the development split; it changes no tag).\n",
            p.epochs,
            p.hash_bits,
            p.seed,
            p.clip_quantile,
            p.max_weights,
            p.margin,
            if p.lang == Lang::Ar { p.stack_folds } else { 0 },
            p.temperature
        );
        let _ = writeln!(
            s,
            "Penalty on entering O: {} (in weight units; the value from 0, 10, ..., 200 with the best development \
             micro F1, folded into the transitions: the scores below are tuned on this split to that extent).\n",
            r.penalty
        );
        let _ = writeln!(
            s,
            "Training: {} sentences, {} tokens. Development: {} sentences, {} tokens.\n",
            r.n_train.0, r.n_train.1, r.n_dev.0, r.n_dev.1
        );
        if let Some((n, t)) = r.n_refit {
            let _ = writeln!(
                s,
                "Shipped: the model refit on train + development ({n} sentences, {t} tokens) with the epochs, O \
                 penalty and temperature above. The scores below are the train-only model's, held out from its \
                 training; the shipped model has seen the development parts, so its own development figures \
                 (`eval -- ner-{}-dev`) are not held out.\n",
                r.lang.code()
            );
        }
        s.push_str(&r.table);
        s.push_str("\n| development part | sentences | P | R | F1 |\n|---|---|---|---|---|\n");
        for (name, n, (p, rr, f)) in &r.parts {
            let _ = writeln!(s, "| {name} | {n} | {p:.3} | {rr:.3} | {f:.3} |");
        }
        let _ =
            writeln!(s, "\nModel: {} bytes, {} weight rows, fnv1a64 {:016x}.", r.bytes.len(), r.keys, fnv64(&r.bytes));
    }
    s
}

fn main() {
    let args = parse_args();
    let reports: Vec<Report> = args.langs.iter().map(|&l| run(l, &args)).collect();
    if args.check {
        // the committed weights must be exactly what this run produced
        let mut stale = Vec::new();
        for r in &reports {
            let path = args.out.join(format!("{}.bin", r.lang.code()));
            if std::fs::read(&path).ok().as_deref() != Some(r.bytes.as_slice()) {
                stale.push(path.display().to_string());
            }
        }
        if reports.len() == 2 && std::fs::read_to_string(args.out.join("README.md")).ok() != Some(readme(&reports)) {
            stale.push(args.out.join("README.md").display().to_string());
        }
        if stale.is_empty() {
            println!("check: the committed tagger files equal a fresh training run");
            return;
        }
        eprintln!("check: these files differ from a fresh training run: {}", stale.join(", "));
        std::process::exit(1);
    }
    if !args.write {
        return;
    }
    std::fs::create_dir_all(&args.out).expect("cannot create the output folder");
    for r in &reports {
        let path = args.out.join(format!("{}.bin", r.lang.code()));
        std::fs::write(&path, &r.bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        println!("wrote {}", path.display());
    }
    if reports.len() == 2 {
        let path = args.out.join("README.md");
        std::fs::write(&path, readme(&reports)).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        println!("wrote {}", path.display());
    }
}
