//! The `article-atlas` command line: `article-atlas analyze [FILE|-]`.

use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: article-atlas analyze [FILE|-]

Reads articles from FILE (or standard input for `-` or no FILE) and prints
one analysis as JSON per line. Accepted, detected automatically: the native
JSON schema, schema.org NewsArticle JSON-LD (also in @graph or a list),
news-API objects and {\"articles\": [...]} responses, JSON arrays, JSON Lines,
HTML pages and plain text (a short first line is the title). Inputs over 5 MB
are refused.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze") => {
            let path = args.get(1).map(String::as_str).unwrap_or("-");
            let mut input = Vec::new();
            // Read one byte past the limit so an oversized input is refused
            // by the parser with its usual message, without reading it all.
            let limit = u64::try_from(article_atlas::MAX_INPUT_BYTES).unwrap_or(u64::MAX).saturating_add(1);
            let read = if path == "-" {
                std::io::stdin().take(limit).read_to_end(&mut input).map(|_| ())
            } else {
                std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut input)).map(|_| ())
            };
            if let Err(e) = read {
                eprintln!("article-atlas: cannot read {path}: {e}");
                return ExitCode::from(2);
            }
            if input.len() > article_atlas::MAX_INPUT_BYTES {
                // Only the limit and one byte were read: the size itself is unknown.
                eprintln!(
                    "article-atlas: input is too large: more than {} bytes (5 MB)",
                    article_atlas::MAX_INPUT_BYTES
                );
                return ExitCode::FAILURE;
            }
            match article_atlas::parse_articles(&input) {
                Ok(articles) => {
                    for a in &articles {
                        let analysis = article_atlas::analyze(a);
                        match serde_json::to_string(&analysis) {
                            Ok(s) => println!("{s}"),
                            Err(e) => {
                                eprintln!("article-atlas: {e}");
                                return ExitCode::FAILURE;
                            }
                        }
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("article-atlas: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
