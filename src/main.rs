//! The `article-atlas` command line: `article-atlas analyze [FILE|-]`.

use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: article-atlas analyze [FILE|-]\n\nReads one article (JSON, JSON Lines or plain text) and prints its analysis as JSON.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze") => {
            let path = args.get(1).map(String::as_str).unwrap_or("-");
            let mut input = Vec::new();
            let read = if path == "-" {
                std::io::stdin().read_to_end(&mut input).map(|_| ())
            } else {
                std::fs::read(path).map(|b| input = b)
            };
            if let Err(e) = read {
                eprintln!("article-atlas: cannot read {path}: {e}");
                return ExitCode::from(2);
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
