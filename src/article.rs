//! Input formats: parse whatever the user has into [`Article`]s.

use crate::model::{Article, Dir, Published};
use std::fmt;

/// Why an input could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for InputError {}

/// Parses one article (the first, if the input holds several).
pub fn parse_article(input: &[u8]) -> Result<Article, InputError> {
    parse_articles(input)?.into_iter().next().ok_or_else(|| InputError { message: "input holds no article".into() })
}

/// Parses every article in the input.
pub fn parse_articles(input: &[u8]) -> Result<Vec<Article>, InputError> {
    let text = std::str::from_utf8(input)
        .map_err(|e| InputError { message: format!("input is not valid utf-8 at byte {}", e.valid_up_to()) })?;
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| InputError {
        message: format!("invalid json at line {}, column {}: {e}", e.line(), e.column()),
    })?;
    let title = v.get("title").and_then(|t| t.as_str()).unwrap_or_default().to_string();
    let paragraphs: Vec<String> = match v.get("body").or_else(|| v.get("text")) {
        Some(serde_json::Value::String(s)) => {
            s.split('\n').map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect()
        }
        Some(serde_json::Value::Array(a)) => a.iter().filter_map(|p| p.as_str()).map(String::from).collect(),
        _ => return Err(InputError { message: "article body is missing".into() }),
    };
    let lang = v.get("lang").and_then(|t| t.as_str()).unwrap_or("en").to_string();
    let published = v
        .get("published")
        .and_then(|t| t.as_str())
        .map(|raw| Published { raw: raw.to_string(), date: crate::time::parse_date_string(raw) });
    Ok(vec![Article {
        dir: if lang == "ar" { Dir::Rtl } else { Dir::Ltr },
        title,
        lang,
        paragraphs,
        published,
        source: v.get("source").and_then(|t| t.as_str()).map(String::from),
        section: v.get("section").and_then(|t| t.as_str()).map(String::from),
        ..Article::default()
    }])
}
