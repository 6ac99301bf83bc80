//! Any text as an article body (and the first line as title) through the
//! whole analysis: never a panic, and every span inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut lines = text.splitn(2, '\n');
    let title = lines.next().unwrap_or_default();
    let body = lines.next().unwrap_or_default();
    let lang = if text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) { "ar" } else { "en" };
    let json = serde_json_like(title, body, lang);
    let Ok(article) = article_atlas::parse_article(json.as_bytes()) else { return };
    let analysis = article_atlas::analyze(&article);
    let len = analysis.text.chars().count();
    for m in &analysis.mentions {
        assert!(m.start < m.end && m.end <= len, "mention out of range");
    }
    for e in &analysis.events {
        assert!(e.start <= e.end && e.end <= len, "event out of range");
    }
});

/// Builds a JSON article without pulling serde_json into the fuzz crate.
fn serde_json_like(title: &str, body: &str, lang: &str) -> String {
    fn esc(s: &str) -> String {
        let mut o = String::with_capacity(s.len() + 2);
        for c in s.chars() {
            match c {
                '"' => o.push_str("\\\""),
                '\\' => o.push_str("\\\\"),
                c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
                c => o.push(c),
            }
        }
        o
    }
    format!(
        "{{\"title\": \"{}\", \"body\": \"{}\", \"lang\": \"{}\", \"published\": \"2022-12-08\"}}",
        esc(title),
        esc(body),
        lang
    )
}
