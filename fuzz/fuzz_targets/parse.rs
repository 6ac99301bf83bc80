//! Any bytes through every input format: an article or an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = article_atlas::parse_articles(data);
});
