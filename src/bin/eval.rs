//! `eval [ner-ar|ner-en|geo-en|geo-ar|all]`: scores the analysis against the
//! annotated data in `../shared/devdata` (or `ATLAS_DEVDATA`); `ner-ar-dev`
//! and `ner-en-dev` score only the development parts (for tuning),
//! `ner-ar-test` and `ner-en-test` only the test parts.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let which = std::env::args().nth(1).unwrap_or_else(|| "all".to_string());
    let dir = article_atlas::eval::devdata_dir();
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
