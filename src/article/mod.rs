//! Input formats: parse whatever the user has into [`Article`]s.
//!
//! Accepted, detected automatically:
//! - the native schema: `title`, `subtitle`, `section`, `category`,
//!   `published`, `source`, `author` (string or list), `url`, `lang`, and
//!   `body` or `text` (a string, or a list of paragraph strings);
//! - schema.org `NewsArticle`/`Article` JSON-LD (`headline`, `articleBody`,
//!   `datePublished`, `author`, `publisher.name`, `inLanguage`, `url`), also
//!   inside a `@graph` or a list;
//! - news-API objects (`title`, `description`, `content`, `publishedAt`,
//!   `source.name`, `url`) and responses wrapping them in `articles`;
//! - a JSON array of any of these, JSON Lines, plain text (a short first
//!   line is the title; a heading block of short lines may also give the
//!   section, date and source), and whole HTML pages (their embedded
//!   JSON-LD article, else `<h1>` and the `<article>` text).
//!
//! HTML in text fields is turned into plain text with its paragraphs kept
//! (only real tags count as markup: "n < 5" is text); character references
//! are decoded with the full HTML5 table; plain text is split into the
//! paragraphs its writer meant (blank lines, indents, soft wraps: see
//! `reflow.rs`); bidi override controls and control characters are
//! removed. Nothing that leaves this module is markup.
//!
//! Limits: [`MAX_INPUT_BYTES`] of input and [`MAX_DEPTH`] levels of JSON
//! nesting; invalid UTF-8 and NUL bytes are refused with their position.

pub(crate) mod html;
mod lang;
mod reflow;
mod sanitize;
#[cfg(test)]
mod sanitize_tests;

pub use sanitize::sanitize;

use crate::json::{Map, Value};
use crate::model::{Article, Published};
use std::fmt;

/// Largest input accepted: 5 MB (5 × 1024 × 1024 bytes). A news article is
/// rarely over 100 KB; the limit keeps a pasted or fetched file from
/// stalling the page.
pub const MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;

/// Deepest JSON nesting accepted. Articles need fewer than ten levels;
/// serde_json's own limit (128) would be reached with a less helpful error,
/// so the depth is checked before parsing.
pub const MAX_DEPTH: usize = 64;

/// What kind of problem an [`InputError`] is, set where the error is made,
/// so that an interface can say it in the reader's language without reading
/// the (English) message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputErrorKind {
    /// The input is larger than [`MAX_INPUT_BYTES`].
    TooLarge,
    /// The input is not text: invalid UTF-8 or a nul byte.
    NotText,
    /// The input is empty or only white space.
    Empty,
    /// The input cannot be read as JSON (syntax, nesting too deep).
    Unreadable,
    /// An article's body is missing or empty.
    NoBody,
    /// A field holds the wrong kind of value ([`InputError::field`] names it).
    WrongType,
    /// The input holds no article, or not the structure an article has.
    #[default]
    NoArticle,
}

/// Why an input could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// What kind of problem this is.
    pub kind: InputErrorKind,
    /// What is wrong and where, lowercase ("article body is missing").
    pub message: String,
    /// 1-based line in the input, when known.
    pub line: Option<usize>,
    /// 1-based column (in characters) in the input, when known.
    pub column: Option<usize>,
    /// The field at fault, when one is.
    pub field: Option<String>,
}

impl InputError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        InputError { kind: InputErrorKind::NoArticle, message: message.into(), line: None, column: None, field: None }
    }
    pub(crate) fn of_kind(kind: InputErrorKind, message: impl Into<String>) -> Self {
        InputError { kind, ..InputError::new(message) }
    }
    fn at(kind: InputErrorKind, message: impl Into<String>, (line, column): (usize, usize)) -> Self {
        InputError { line: Some(line), column: Some(column), ..InputError::of_kind(kind, message) }
    }
    fn field(kind: InputErrorKind, field: &str, message: impl Into<String>) -> Self {
        InputError { field: Some(field.to_string()), ..InputError::of_kind(kind, message) }
    }
    /// Prefixes the message with which article of several it concerns.
    fn within(mut self, label: Option<&str>) -> Self {
        if let Some(l) = label {
            self.message = format!("{l}: {}", self.message);
        }
        self
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for InputError {}

/// Parses one article (the first, if the input holds several).
pub fn parse_article(input: &[u8]) -> Result<Article, InputError> {
    first(articles_of(parse_items(input)?))
}

/// [`parse_article`] of input that is text already (a JS string, in the
/// browser build): its UTF-8 is not checked again.
#[cfg(any(target_arch = "wasm32", test))]
pub fn parse_article_text(text: &str) -> Result<Article, InputError> {
    first(articles_of(items_of_text(text)?))
}

fn first(articles: Result<Vec<Article>, InputError>) -> Result<Article, InputError> {
    articles?.into_iter().next().ok_or_else(|| InputError::new("input holds no article"))
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let before = text.get(..byte).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// One article of an input holding several, or why it could not be read.
#[derive(Debug, Clone)]
pub struct Item {
    /// Which article of the input it is ("json line 3", "article 2"),
    /// when the input holds several.
    pub label: Option<String>,
    pub result: Result<Article, InputError>,
}

/// Parses every article in the input. With several articles, one bad
/// article does not sink the others: it is skipped and named in the first
/// good article's warnings (the CLI's batch mode reports it in place, see
/// [`parse_items`]).
pub fn parse_articles(input: &[u8]) -> Result<Vec<Article>, InputError> {
    articles_of(parse_items(input)?)
}

fn articles_of(items: Vec<Item>) -> Result<Vec<Article>, InputError> {
    let several = items.len() > 1;
    let mut good = Vec::new();
    let mut skipped = Vec::new();
    let mut first_err = None;
    for item in items {
        match item.result {
            Ok(a) => good.push(a),
            Err(e) if several => {
                let e = e.within(item.label.as_deref());
                skipped.push(format!("skipped {}", e.message));
                first_err.get_or_insert(e);
            }
            Err(e) => return Err(e.within(item.label.as_deref())),
        }
    }
    match good.first_mut() {
        Some(a) => {
            a.warnings.extend(skipped);
            Ok(good)
        }
        None => Err(first_err.unwrap_or_else(|| InputError::new("input holds no article"))),
    }
}

/// Parses the input into its articles, each with its own result; `Err`
/// when the input as a whole cannot be read (not UTF-8, too large, broken
/// JSON, no article at all).
pub fn parse_items(input: &[u8]) -> Result<Vec<Item>, InputError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(too_large(input.len()));
    }
    let text = std::str::from_utf8(input).map_err(|e| {
        let ok = input.get(..e.valid_up_to()).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("");
        let pos = line_col(ok, ok.len());
        InputError::at(
            InputErrorKind::NotText,
            format!("input is not valid utf-8 at byte {} (line {}, column {})", e.valid_up_to(), pos.0, pos.1),
            pos,
        )
    })?;
    items_of_text(text)
}

/// [`parse_items`] of input known to be UTF-8.
fn items_of_text(text: &str) -> Result<Vec<Item>, InputError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(too_large(text.len()));
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if let Some(b) = text.find('\0') {
        let pos = line_col(text, b);
        return Err(InputError::at(
            InputErrorKind::NotText,
            format!("input contains a nul byte at line {}, column {}", pos.0, pos.1),
            pos,
        ));
    }
    if text.trim().is_empty() {
        return Err(InputError::of_kind(InputErrorKind::Empty, "input is empty"));
    }
    let one = |r: Result<Article, InputError>| vec![Item { label: None, result: r }];
    if looks_like_json(text) {
        parse_json(text)
    } else if html::looks_like_page(text) {
        Ok(one(html::parse_page(text)))
    } else {
        Ok(one(parse_plain(text)))
    }
}

fn too_large(n: usize) -> InputError {
    let message = format!("input is too large: {n} bytes, the limit is {MAX_INPUT_BYTES} bytes (5 MB)");
    InputError::of_kind(InputErrorKind::TooLarge, message)
}

/// Input starting with "{" is JSON (a broken object should get a JSON
/// error, not be read as prose); "[" counts only when a value or "]"
/// follows, so "[Breaking] Talks resume" is a plain-text headline.
pub fn looks_like_json(text: &str) -> bool {
    let mut chars = text.trim_start().chars();
    let first = chars.next();
    let second = chars.find(|c| !c.is_whitespace());
    match (first, second) {
        (Some('{'), _) => true,
        (Some('['), Some(c)) => matches!(c, '{' | '[' | '"' | ']' | '-' | '0'..='9' | 't' | 'f' | 'n'),
        (Some('['), None) => true,
        _ => false,
    }
}

/// Refuses JSON nested deeper than [`MAX_DEPTH`], without parsing it.
fn check_depth(text: &str) -> Result<(), InputError> {
    let bytes = text.as_bytes();
    let (mut depth, mut i) = (0usize, 0usize);
    while let Some(&b) = bytes.get(i) {
        match b {
            // a string, passed over whole (most of an article's bytes)
            b'"' => {
                i = crate::text::json_string_end(bytes, i);
                continue;
            }
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    let pos = line_col(text, i);
                    return Err(InputError::at(
                        InputErrorKind::Unreadable,
                        format!(
                            "input nests too deeply: more than {MAX_DEPTH} levels at line {}, column {}",
                            pos.0, pos.1
                        ),
                        pos,
                    ));
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

fn json_error(text: &str, e: &crate::json::Error) -> InputError {
    let msg = &e.message;
    // serde_json counts the column in bytes; people (and editors) count characters.
    let line = text.split('\n').nth(e.line.saturating_sub(1)).unwrap_or("");
    let mut cut = e.column.saturating_sub(1).min(line.len());
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    let col = line.get(..cut).map_or(0, |p| p.chars().count()) + usize::from(e.column > 0);
    let pos = (e.line, col);
    InputError::at(InputErrorKind::Unreadable, format!("invalid json at line {}, column {}: {msg}", pos.0, pos.1), pos)
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn parse_json(text: &str) -> Result<Vec<Item>, InputError> {
    check_depth(text)?;
    let mut values: Vec<(usize, Value)> = Vec::new();
    let mut stream = crate::json::Stream::new(text);
    let mut start = 0;
    while let Some(item) = stream.next() {
        let v = item.map_err(|e| json_error(text, &e))?;
        let line = line_col(text, start + text.get(start..).map_or(0, |s| s.len() - s.trim_start().len())).0;
        values.push((line, v));
        start = stream.byte_offset();
    }
    let mut items: Vec<(Option<String>, &Map)> = Vec::new();
    if values.len() > 1 {
        // JSON Lines (or several concatenated documents).
        for (line, v) in &values {
            let label = format!("json line {line}");
            match v {
                Value::Object(o) => collect(o, Some(label), &mut items)?,
                other => {
                    return Err(InputError::new(format!("{label}: expected an article object, found {}", kind(other))))
                }
            }
        }
    } else if let Some((_, v)) = values.first() {
        match v {
            Value::Object(o) => collect(o, None, &mut items)?,
            Value::Array(a) => list(a, "article", &mut items)?,
            other => {
                return Err(InputError::new(format!("input must be a json object or array, found {}", kind(other))))
            }
        }
    }
    if items.is_empty() {
        return Err(InputError::new("input holds no article"));
    }
    Ok(items.into_iter().map(|(label, obj)| Item { label, result: from_object(obj) }).collect())
}

fn list<'a>(a: &'a [Value], what: &str, items: &mut Vec<(Option<String>, &'a Map)>) -> Result<(), InputError> {
    for (i, v) in a.iter().enumerate() {
        let label = format!("{what} {}", i + 1);
        match v {
            Value::Object(o) => collect(o, Some(label), items)?,
            other => return Err(InputError::new(format!("{label} must be an object, found {}", kind(other)))),
        }
    }
    Ok(())
}

/// True for schema.org types that are articles (NewsArticle, BlogPosting, ...).
fn is_article_type(v: Option<&Value>) -> bool {
    let one = |s: &str| {
        let s = s.rsplit(['/', ':']).next().unwrap_or(s);
        s.ends_with("Article") || s == "BlogPosting" || s == "LiveBlogPosting" || s == "Report"
    };
    match v {
        Some(Value::String(s)) => one(s),
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(one)),
        _ => false,
    }
}

/// Adds the articles an object stands for: itself, or those of its
/// `articles` list (news APIs) or `@graph` (JSON-LD).
fn collect<'a>(
    o: &'a Map,
    label: Option<String>,
    items: &mut Vec<(Option<String>, &'a Map)>,
) -> Result<(), InputError> {
    if let Some(Value::Array(a)) = o.get("articles") {
        return list(a, "article", items);
    }
    if let Some(Value::Array(g)) = o.get("@graph") {
        let before = items.len();
        for v in g {
            if let Value::Object(node) = v {
                if is_article_type(node.get("@type")) {
                    items.push((label.clone(), node));
                }
            }
        }
        if items.len() == before {
            return Err(InputError::new("json-ld @graph holds no article").within(label.as_deref()));
        }
        return Ok(());
    }
    items.push((label, o));
    Ok(())
}

/// The first of `names` present (and not null) in `o`.
fn pick<'a>(o: &'a Map, names: &[&'static str]) -> Option<(&'static str, &'a Value)> {
    names.iter().find_map(|n| o.get(*n).filter(|v| !v.is_null()).map(|v| (*n, v)))
}

fn wrong_type(field: &str, want: &str, v: &Value) -> InputError {
    InputError::field(InputErrorKind::WrongType, field, format!("field `{field}` must be {want}, found {}", kind(v)))
}

/// A string field; `None` when absent or null.
fn string_field(o: &Map, names: &[&'static str]) -> Result<Option<(&'static str, String)>, InputError> {
    match pick(o, names) {
        None => Ok(None),
        Some((n, Value::String(s))) => Ok(Some((n, s.clone()))),
        Some((n, v)) => Err(wrong_type(n, "a string", v)),
    }
}

/// A name given as a string, an object with `name`, or a list of those.
fn names_field(o: &Map, names: &[&'static str]) -> Result<Vec<String>, InputError> {
    let Some((n, v)) = pick(o, names) else { return Ok(Vec::new()) };
    let one = |v: &Value| -> Result<Option<String>, InputError> {
        match v {
            Value::String(s) => Ok(Some(s.clone())),
            Value::Object(m) => match m.get("name") {
                Some(Value::String(s)) => Ok(Some(s.clone())),
                None | Some(Value::Null) => Ok(None),
                Some(other) => Err(wrong_type(&format!("{n}.name"), "a string", other)),
            },
            Value::Null => Ok(None),
            other => Err(wrong_type(n, "a string, an object with a name, or a list of them", other)),
        }
    };
    let raw: Vec<String> = match v {
        Value::Array(a) => a.iter().map(one).collect::<Result<Vec<_>, _>>()?.into_iter().flatten().collect(),
        other => one(other)?.into_iter().collect(),
    };
    Ok(raw.iter().map(|s| clean_inline(s)).filter(|s| !s.is_empty()).collect())
}

/// A one-line field (title, author): markup removed, whitespace collapsed.
fn clean_inline(s: &str) -> String {
    let t = if html::has_markup(s) { html::to_text(s) } else { html::decode_references(s) };
    sanitize(&t).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A text block: markup removed, split into paragraphs. Markup marks its
/// paragraphs with tags; plain text with blank lines, indents and line
/// breaks, read by [`reflow::paragraphs`].
fn clean_block(s: &str) -> Vec<String> {
    if html::has_markup(s) {
        let t = sanitize(&html::to_text(s));
        t.split('\n').map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect()
    } else {
        reflow::paragraphs(&sanitize(&html::decode_references(s)))
    }
}

/// News APIs cut `content` short and append "… [+1234 chars]".
fn strip_truncation(p: &mut String) -> bool {
    // the marker ends the text: no search through a paragraph without it
    let Some(open) = p.ends_with("chars]").then(|| p.rfind("[+")).flatten() else { return false };
    let tail = p.get(open..).unwrap_or("");
    let is_marker = tail.ends_with("chars]")
        && tail.get(2..tail.len().saturating_sub(6)).is_some_and(|n| n.trim().bytes().all(|b| b.is_ascii_digit()));
    if is_marker {
        p.truncate(open);
        let kept = p.trim_end().trim_end_matches(['…', '.']).trim_end().len();
        p.truncate(kept);
        p.push('…');
    }
    is_marker
}

fn from_object(o: &Map) -> Result<Article, InputError> {
    let mut warnings = Vec::new();
    let title = string_field(o, &["title", "headline", "name"])?.map(|(_, s)| clean_inline(&s)).unwrap_or_default();
    let description = string_field(o, &["subtitle", "alternativeHeadline", "description", "summary"])?;

    let mut paragraphs = Vec::new();
    match pick(o, &["body", "text", "articleBody", "content"]) {
        Some((_, Value::String(s))) => paragraphs = clean_block(s),
        Some((n, Value::Array(a))) => {
            for (i, item) in a.iter().enumerate() {
                match item {
                    Value::String(s) => paragraphs.extend(clean_block(s)),
                    // CMS block lists: [{"type": "paragraph", "text": "..."}]
                    Value::Object(block) => {
                        if let Some(Value::String(s)) = ["text", "content", "body", "value", "html"]
                            .iter()
                            .find_map(|k| block.get(*k).filter(|v| v.is_string()))
                        {
                            paragraphs.extend(clean_block(s));
                        }
                    }
                    Value::Null => {}
                    other => {
                        return Err(InputError::field(
                            InputErrorKind::WrongType,
                            n,
                            format!("field `{n}` item {} must be a string, found {}", i + 1, kind(other)),
                        ))
                    }
                }
            }
        }
        Some((n, v)) => return Err(wrong_type(n, "a string or a list of strings", v)),
        None => match &description {
            // A news-API item without content: its description is all there is.
            Some((n, d)) if *n == "description" => {
                paragraphs = clean_block(d);
                warnings.push("article body is missing; the description is used instead".to_string());
            }
            _ => return Err(InputError::field(InputErrorKind::NoBody, "body", "article body is missing")),
        },
    }
    if let Some(last) = paragraphs.last_mut() {
        if strip_truncation(last) {
            warnings.push("article body is cut short by its source (a news-api preview)".to_string());
        }
    }
    if paragraphs.is_empty() {
        return Err(InputError::field(InputErrorKind::NoBody, "body", "article body is empty"));
    }
    let subtitle = description
        .map(|(_, d)| clean_inline(&d))
        .filter(|d| !d.is_empty() && paragraphs.first().is_none_or(|p| !p.starts_with(d.trim_end_matches('…'))));

    let published = match pick(o, &["published", "datePublished", "publishedAt", "pubDate", "date", "dateCreated"]) {
        None => None,
        Some((_, Value::String(s))) => {
            // Kept as given, except markup: it is shown on the page too.
            let raw = clean_inline(s);
            let date = crate::time::parse_date_string(&raw);
            if date.is_none() {
                warnings.push(format!("publication date `{raw}` could not be read"));
            }
            Some(Published { raw, date })
        }
        Some((_, Value::Number(n))) => {
            // A Unix timestamp, in seconds or (when implausibly large) milliseconds.
            let secs = n.as_i64().map(|v| if v.abs() > 100_000_000_000 { v / 1000 } else { v });
            let date = secs.and_then(|s| {
                crate::time::add_days(crate::model::Ymd { year: 1970, month: 1, day: 1 }, s.div_euclid(86_400))
            });
            if date.is_none() {
                warnings.push(format!("publication date `{n}` could not be read"));
            }
            Some(Published { raw: n.to_string(), date })
        }
        Some((n, v)) => return Err(wrong_type(n, "a string", v)),
    };

    let source = names_field(o, &["source", "publisher", "siteName", "site_name"])?.into_iter().next();
    let authors = names_field(o, &["author", "authors", "byline", "creator"])?
        .into_iter()
        .map(|a| a.strip_prefix("By ").or_else(|| a.strip_prefix("by ")).unwrap_or(&a).trim().to_string())
        .filter(|a| !a.is_empty())
        .collect();
    let section = names_field(o, &["section", "articleSection"])?.into_iter().next();
    let category = {
        let c = names_field(o, &["category", "categories", "genre"])?;
        (!c.is_empty()).then(|| c.join(", "))
    };

    let url = match pick(o, &["url", "link", "mainEntityOfPage"]) {
        None => None,
        Some((_, Value::String(s))) => Some(s.as_str()),
        Some((_, Value::Object(m))) => m.get("@id").and_then(Value::as_str),
        Some((n, v)) => return Err(wrong_type(n, "a string", v)),
    };
    let url = url.map(|u| sanitize(u).trim().to_string()).filter(|u| !u.is_empty()).and_then(|u| {
        let lower = u.to_ascii_lowercase();
        if (lower.starts_with("https://") || lower.starts_with("http://")) && !u.contains(char::is_whitespace) {
            Some(u)
        } else {
            // "javascript:", "data:" and the like must never become a link.
            warnings.push("field `url` is not an http(s) address and was dropped".to_string());
            None
        }
    });

    let declared = match pick(o, &["lang", "language", "inLanguage"]) {
        None => None,
        // schema.org also allows a Language object: {"name": "Arabic", "alternateName": "ar"}.
        Some((_, Value::Object(m))) => {
            let tag = ["alternateName", "name"]
                .iter()
                .filter_map(|k| m.get(*k).and_then(Value::as_str))
                .find_map(|v| lang::primary_subtag(v).or_else(|| lang::from_name(v)));
            if tag.is_none() {
                warnings.push("field `inLanguage` names no language; the language was detected from the text".into());
            }
            tag
        }
        Some((_, Value::String(s))) => {
            let p = lang::primary_subtag(s).or_else(|| lang::from_name(s));
            if p.is_none() {
                warnings.push("field `lang` is not a language tag; the language was detected from the text".into());
            }
            p
        }
        Some((n, v)) => return Err(wrong_type(n, "a string", v)),
    };
    if title.is_empty() {
        warnings.push("article has no title".to_string());
    }
    Ok(finish(Article {
        title,
        subtitle,
        section,
        category,
        published,
        source,
        authors,
        url,
        lang: declared.unwrap_or_default(),
        paragraphs,
        warnings,
        ..Article::default()
    }))
}

/// Fills in language (detected when not declared) and directions.
fn finish(mut a: Article) -> Article {
    if a.lang.is_empty() {
        let mut sample = a.title.clone();
        for p in a.paragraphs.iter().take(20) {
            sample.push('\n');
            sample.push_str(p);
        }
        a.lang = lang::detect(&sample);
    }
    a.dir = lang::dir_of(&a.lang);
    a.paragraph_dirs = a.paragraphs.iter().map(|p| lang::paragraph_dir(p, a.dir)).collect();
    a
}

/// Longest line taken as a heading line of a plain-text article.
const MAX_HEADING_CHARS: usize = 200;

/// Plain text: leading short lines are the heading block (title, and a
/// date, section or source line when there are several), the rest is the
/// body, one paragraph per line.
fn parse_plain(text: &str) -> Result<Article, InputError> {
    let lines = clean_block(text);
    let is_heading = |l: &String| {
        let n = l.chars().count();
        n <= MAX_HEADING_CHARS && !l.ends_with(['.', ':', '۔']) && n > 0
    };
    // At most six heading lines, and at least one line left for the body.
    let max_head = lines.len().saturating_sub(1).min(6);
    let head_len = lines.iter().take(max_head).take_while(|l| is_heading(l)).count();
    let (head, body) = lines.split_at(head_len);
    let mut a = Article { paragraphs: body.to_vec(), ..Article::default() };
    if a.paragraphs.is_empty() {
        return Err(InputError::field(InputErrorKind::NoBody, "body", "article body is empty"));
    }
    let mut rest: Vec<&String> = Vec::new();
    for l in head {
        let short = l.chars().count() <= 60;
        if a.published.is_none() && short {
            if let Some(d) = crate::time::parse_date_string(l) {
                a.published = Some(Published { raw: l.clone(), date: Some(d) });
                continue;
            }
        }
        rest.push(l);
    }
    // The title is the longest heading line; short lines before it are
    // section and category, the first after it is the source.
    if let Some((ti, t)) = rest.iter().enumerate().max_by_key(|(i, l)| (l.chars().count(), usize::MAX - i)) {
        a.title = clean_inline(t);
        let before: Vec<&&String> = rest.iter().take(ti).collect();
        a.section = before.first().map(|s| clean_inline(s));
        a.category = before.get(1).map(|s| clean_inline(s));
        a.source = rest.get(ti + 1).map(|s| clean_inline(s));
    } else {
        a.warnings.push("article has no title".to_string());
    }
    Ok(finish(a))
}

#[cfg(test)]
mod tests {
    use super::sanitize::needs_sanitizing;
    use super::*;
    use crate::model::Dir;

    #[test]
    fn text_is_read_as_its_bytes_are() {
        let page = "<!DOCTYPE html><html lang=\"ar\"><h1>عنوان</h1><article><p>نص في بغداد.</p></article></html>";
        for input in [
            r#"{"title": "Talks", "body": "Ministers met in Baghdad."}"#,
            "{\"title\": \"a\"}\n{\"title\": \"b\", \"body\": \"text\"}",
            "\u{FEFF}Plain title\n\nA paragraph.",
            page,
            "",
            "  ",
            "a\0b",
            "[1, 2",
        ] {
            let (text, bytes) = (parse_article_text(input), parse_article(input.as_bytes()));
            assert_eq!(format!("{text:?}"), format!("{bytes:?}"), "{input:?}");
        }
    }

    #[test]
    fn depth_counts_brackets_outside_strings_only() {
        // the byte-by-byte reading of the same JSON (the exports' walker)
        let walked = |t: &str| {
            let (mut depth, mut most, mut inside, mut escaped) = (0usize, 0usize, false, false);
            let mut structural = |b: u8| {
                if inside {
                    match b {
                        _ if escaped => escaped = false,
                        b'\\' => escaped = true,
                        b'"' => inside = false,
                        _ => {}
                    }
                    false
                } else {
                    inside = b == b'"';
                    !inside
                }
            };
            for b in t.bytes().filter(|&b| structural(b)) {
                match b {
                    b'{' | b'[' => {
                        depth += 1;
                        most = most.max(depth);
                    }
                    b'}' | b']' => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            most <= MAX_DEPTH
        };
        let deep = |n: usize, inner: &str| format!("{}{inner}{}", "[".repeat(n), "]".repeat(n));
        let cases = [
            deep(MAX_DEPTH, "1"),
            deep(MAX_DEPTH + 1, "1"),
            deep(MAX_DEPTH, &format!("\"{}\"", "[".repeat(100))),
            deep(MAX_DEPTH, "\"a\\\"[[\""),
            deep(MAX_DEPTH, "\"a\\\\\"[1]"),
            deep(MAX_DEPTH - 1, "\"\\\\\"[1]"),
            format!("{{\"a\":\"{}\\", "[".repeat(80)),
            "\"unterminated [[[".into(),
            "\\".into(),
        ];
        for t in &cases {
            assert_eq!(check_depth(t).is_ok(), walked(t), "{t}");
        }
        assert!(check_depth(&cases[0]).is_ok() && check_depth(&cases[1]).is_err());
    }

    #[test]
    fn plain_text_heading_block() {
        let t = "الشأن السوري\n\nميداني\n\nمجموعة التحالف المصغرة في لاهاي\n\nالخميس, 8 ديسمبر - 2022\n\nالطريق\n\n\nأكدت المجموعة المصغرة للتحالف الدولي أن مراكز الاحتجاز مصدر قلق.\n";
        let a = parse_article(t.as_bytes()).unwrap();
        assert_eq!(a.title, "مجموعة التحالف المصغرة في لاهاي");
        assert_eq!(a.section.as_deref(), Some("الشأن السوري"));
        assert_eq!(a.category.as_deref(), Some("ميداني"));
        assert_eq!(a.source.as_deref(), Some("الطريق"));
        assert_eq!(a.published.and_then(|p| p.date).map(|d| d.day), Some(8));
        assert_eq!(a.lang, "ar");
        assert_eq!(a.dir, Dir::Rtl);
        assert_eq!(a.paragraphs.len(), 1);
    }

    /// The byte test finds exactly the characters the slow path changes.
    #[test]
    fn sanitizing_is_skipped_only_when_it_changes_nothing() {
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            let changed = s.chars().any(|c| c == '\r' || (c.is_control() && c != '\n' && c != '\t'))
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            assert_eq!(needs_sanitizing(&s), changed, "{:x}", c as u32);
            assert_eq!(sanitize(&s) != s, changed, "{:x}", c as u32);
        }
    }

    #[test]
    fn positions() {
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        let e = parse_articles(b"{\n  \"title\": 1,\n").unwrap_err();
        assert!(e.message.starts_with("invalid json at line"), "{}", e.message);
    }
}
