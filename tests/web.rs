//! Tests that run inside headless Chromium (wasm-bindgen-test-runner):
//! the pipeline compiled to wasm gives the same answers as natively.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DEFAULT_ARTICLE: &str = include_str!("../www/articles/default.json");

#[wasm_bindgen_test]
fn default_article_parses_and_analyses_in_wasm() {
    let article = article_atlas::parse_article(DEFAULT_ARTICLE.as_bytes()).expect("default article parses");
    assert_eq!(article.lang, "ar");
    let analysis = article_atlas::analyze(&article);
    assert!(analysis.text.starts_with("مجموعة"));
    assert_eq!(analysis.blocks.len(), article.paragraphs.len() + 1);
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_not_a_panic() {
    assert!(article_atlas::parse_article(b"{\"title\": 1").is_err());
    assert!(article_atlas::parse_article(&[0xff, 0xfe, 0x00]).is_err());
}
