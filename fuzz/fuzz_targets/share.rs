//! Any string as a share-link fragment: a link or a typed error, never a
//! panic, and never more than the documented decoded size.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Ok(link) = article_atlas::decode_share_link(s) {
        // what decodes must encode again
        let _ = article_atlas::encode_share_link(&link);
    }
    // the same bytes behind the version prefix reach the inflater
    let _ = article_atlas::decode_share_link(&format!("#v1.{s}"));
});
