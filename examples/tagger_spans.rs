//! The learned tagger's own spans for one text, before any rule or merge:
//! kind, confidence and words, one line each (misc names show as `Event`).
//! With `ATLAS_TAGGER_DIR=DIR` it reads `DIR/{ar,en}.bin` instead of the
//! embedded weights, to compare two models on the same sentence (the
//! train-only weights of `train_tagger --no-refit --out DIR` against the
//! shipped ones). A report, not a test. Run:
//! `cargo run --release --example tagger_spans -- "text" [ar|en]`

use article_atlas::internals::{tagger, tokenize};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(text) = args.get(1) else {
        eprintln!("usage: tagger_spans \"text\" [ar|en]");
        std::process::exit(2);
    };
    let lang = args.get(2).map_or("en", String::as_str);
    let Some(code) = tagger::Lang::from_code(lang) else {
        eprintln!("tagger_spans: the language is ar or en, not {lang}");
        std::process::exit(2);
    };
    if let Some(dir) = std::env::var_os("ATLAS_TAGGER_DIR") {
        let path = std::path::Path::new(&dir).join(format!("{lang}.bin"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| {
            eprintln!("tagger_spans: {}: {e}", path.display());
            std::process::exit(1);
        });
        if let Err(e) = tagger::provide(code, &bytes) {
            eprintln!("tagger_spans: {}: {e:?}", path.display());
            std::process::exit(1);
        }
    }
    let tokens = tokenize(text);
    for s in tagger::tag(&tokens, lang) {
        let words: Vec<&str> = tokens[s.start_token..s.end_token].iter().map(|t| &*t.text).collect();
        println!("{:?}\t{:.2}\t{}", s.kind, s.score, words.join(" "));
    }
}
