//! End-to-end place scoring by kind on GeoVirus (English WikiNews) and
//! IDRISI-D train (Arabic tweets), with longer lists of the most frequent
//! misses and wrong resolutions than `eval -- geo-en` / `geo-ar` print: the
//! same scorer (`article_atlas::eval`). Development figures: the resolver is
//! tuned on these corpora.
//!
//! Run: `cargo run --release --example eval_places [DEVDATA_DIR] [--list N]`
//! (default: the devdata folder beside the project; `--list` 25).

use std::path::PathBuf;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let mut dir: Option<PathBuf> = None;
    let mut list = 25usize;
    while let Some(a) = args.next() {
        if a == "--list" {
            list = args.next().and_then(|n| n.parse().ok()).unwrap_or(list);
        } else {
            dir = Some(PathBuf::from(a));
        }
    }
    let dir = dir.unwrap_or_else(article_atlas::eval::devdata_dir);
    let run = |which| article_atlas::eval::run_listing(which, &dir, list);
    match run("geo-en").and_then(|en| Ok(en + &run("geo-ar")?)) {
        Ok(report) => {
            print!("{report}");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("eval_places: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
