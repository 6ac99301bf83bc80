//! The `article-atlas` command line: `article-atlas analyze [--threads N] [FILE|-]`.

use std::io::{BufReader, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: article-atlas analyze [--threads N] [FILE|-]

Reads articles from FILE (or standard input for `-` or no FILE) and prints
exactly one JSON line per article, in input order: its analysis, or an error
object {\"error\": reason, \"input\": \"json line 7\", \"line\": 7} naming the
input and the reason. Ends with a one-line summary on standard error
(n analysed, n failed) and exits 1 when any article failed.

Accepted, detected automatically: the native JSON schema, schema.org
NewsArticle JSON-LD (also in @graph or a list), news-API objects and
{\"articles\": [...]} responses, JSON arrays, JSON Lines, HTML pages and plain
text (a short first line is the title). JSON Lines and JSON arrays are read
as a stream, in bounded memory, and analysed on all cores (--threads N
to choose); each line or single input is limited to 5 MB.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze") => analyze(args.get(1..).unwrap_or_default()),
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

fn analyze(args: &[String]) -> ExitCode {
    let mut path = "-";
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut i = 0;
    while let Some(a) = args.get(i) {
        match a.as_str() {
            "--threads" | "-j" => match args.get(i + 1).and_then(|n| n.parse::<usize>().ok()).filter(|n| *n > 0) {
                Some(n) => {
                    threads = n;
                    i += 1;
                }
                None => {
                    eprintln!("article-atlas: --threads needs a positive number\n\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            p => path = p,
        }
        i += 1;
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = if path == "-" {
        article_atlas::batch::analyze_batch(BufReader::with_capacity(1 << 16, std::io::stdin()), &mut out, threads)
    } else {
        match std::fs::File::open(path) {
            Ok(f) => article_atlas::batch::analyze_batch(BufReader::with_capacity(1 << 16, f), &mut out, threads),
            Err(e) => {
                eprintln!("article-atlas: cannot read {path}: {e}");
                return ExitCode::from(2);
            }
        }
    };
    let _ = out.flush();
    match result {
        Ok(s) => {
            let first = s.first_error.map(|e| format!("; first: {e}")).unwrap_or_default();
            eprintln!("article-atlas: {} analysed, {} failed{first}", s.analysed, s.failed);
            if s.failed > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("article-atlas: cannot read {path}: {e}");
            ExitCode::from(2)
        }
    }
}
