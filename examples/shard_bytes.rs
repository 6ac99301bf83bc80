//! Which late gazetteer shards articles want, for measuring what a page
//! that has none fetches: one line an article, its label then its shards
//! (comma-separated). `node scripts/shard-bytes.mjs` runs this and adds up
//! the brotli size of each article's shards. Run:
//! `cargo run --release --example shard_bytes -- FILE...` (JSON articles,
//! or JSON Lines of them; with no file: the default article, the US local
//! story fixture and the 50 SaudiNewsNet development articles).

use article_atlas::assets::shards_wanted;
use article_atlas::parse_articles;

fn main() {
    let mut paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    if paths.is_empty() {
        paths = vec![
            "www/articles/default.json".into(),
            "tests/e2e/articles/us-local-flood.json".into(),
            article_atlas::eval::devdata_dir().join("news_ar/saudinewsnet_dev50.jsonl"),
        ];
    }
    for path in paths {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let articles = parse_articles(&bytes).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        let name = path.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned());
        for (i, a) in articles.iter().enumerate() {
            println!("{name}#{i}\t{}", shards_wanted(a).join(","));
        }
    }
}
