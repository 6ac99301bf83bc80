//! `eval [ner-ar|ner-en|geo-en|geo-ar|all]`: scores the analysis against the
//! annotated data in `../shared/devdata` (or `ATLAS_DEVDATA`); `ner-ar-dev`
//! and `ner-en-dev` score only the development parts (for tuning),
//! `ner-ar-test` and `ner-en-test` only the test parts, `ner-ar-tail` and
//! `ner-en-tail` the last quarter of the train parts (held out only from
//! weights trained on the first three quarters). `ATLAS_TAGGER_DIR`
//! scores other tagger weights (`ar.bin`, `en.bin` in that folder, as
//! `train_tagger --out` writes them) instead of the embedded ones. Where
//! `data/tagger/README.md` says the embedded ones were refit on train +
//! development it warns that their development figures are not held out.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let which = std::env::args().nth(1).unwrap_or_else(|| "all".to_string());
    let dir = article_atlas::eval::devdata_dir();
    // the generator's own account of the embedded weights says whether
    // they were refit on the development parts
    let refit = include_str!("../../data/tagger/README.md").contains("Shipped: the model refit on train + development");
    if refit && std::env::var_os("ATLAS_TAGGER_DIR").is_none() && !which.ends_with("-test") && !which.starts_with("geo")
    {
        eprintln!(
            "eval: the embedded taggers were refit on train + development, so their development figures are \
             not held out; for held-out ones: train_tagger --no-refit --out DIR, then ATLAS_TAGGER_DIR=DIR"
        );
    }
    if which.ends_with("-tail") && std::env::var_os("ATLAS_TAGGER_DIR").is_none() {
        eprintln!(
            "eval: the embedded taggers were trained on the train parts' tail; score it with weights that were not: \
             train_tagger --no-refit --train-share 0.75 --out DIR, then ATLAS_TAGGER_DIR=DIR eval {which}"
        );
        return std::process::ExitCode::FAILURE;
    }
    if let Some(weights) = std::env::var_os("ATLAS_TAGGER_DIR") {
        use article_atlas::internals::tagger::{provide, Lang};
        for lang in [Lang::Ar, Lang::En] {
            let path = std::path::Path::new(&weights).join(format!("{}.bin", lang.code()));
            match std::fs::read(&path)
                .map_err(|e| e.to_string())
                .and_then(|b| provide(lang, &b).map_err(|e| e.0.to_string()))
            {
                Ok(_) => eprintln!("eval: tagger weights from {}", path.display()),
                Err(e) => eprintln!("eval: {} not used: {e}", path.display()),
            }
        }
    }
    match article_atlas::eval::run(&which, &dir) {
        Ok(report) => {
            print!("{report}");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("eval: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
