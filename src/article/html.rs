//! A small HTML-to-text converter for body fields. It never builds a DOM
//! and never keeps markup: tags are dropped, block tags become paragraph
//! breaks, the contents of script-like elements vanish, and character
//! references are decoded into plain characters (so "&lt;b&gt;" ends up as
//! the literal text "<b>", which the page shows as text, not markup).

/// Elements whose content is not text for the reader. Source: HTML Living
/// Standard (raw text and embedded content elements).
static DROP_CONTENT: &[&str] =
    &["iframe", "noscript", "object", "script", "select", "style", "svg", "template", "textarea", "title"];

/// Elements that start a new paragraph. Source: HTML Living Standard
/// (flow content that renders as a block).
static BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Named character references common in news markup. Source: HTML Living
/// Standard named character references (a subset).
static ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("apos", '\''),
    ("bull", '•'),
    ("copy", '©'),
    ("deg", '°'),
    ("euro", '€'),
    ("gt", '>'),
    ("hellip", '…'),
    ("laquo", '«'),
    ("ldquo", '“'),
    ("lrm", '\u{200E}'),
    ("lsquo", '‘'),
    ("lt", '<'),
    ("mdash", '—'),
    ("middot", '·'),
    ("nbsp", ' '),
    ("ndash", '–'),
    ("pound", '£'),
    ("quot", '"'),
    ("raquo", '»'),
    ("rdquo", '”'),
    ("reg", '®'),
    ("rlm", '\u{200F}'),
    ("rsquo", '’'),
    ("shy", '\u{AD}'),
    ("times", '×'),
    ("zwj", '\u{200D}'),
    ("zwnj", '\u{200C}'),
];

/// Whether a field looks like it holds markup or character references.
pub fn looks_like_html(s: &str) -> bool {
    let b = s.as_bytes();
    let tag = b.windows(2).any(|w| matches!(w, [b'<', c] if c.is_ascii_alphabetic() || matches!(c, b'/' | b'!')));
    let reference = b.windows(2).any(|w| matches!(w, [b'&', c] if c.is_ascii_alphabetic() || *c == b'#'));
    tag || (reference && s.contains(';'))
}

/// Decodes one character reference starting after '&'; returns the
/// character and how many chars (after '&') it used.
fn entity(rest: &[char]) -> Option<(char, usize)> {
    let end = rest.iter().take(12).position(|c| *c == ';')?;
    let body: String = rest.get(..end)?.iter().collect();
    let c = if let Some(num) = body.strip_prefix('#') {
        let v = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        // NUL, surrogates and out-of-range values become the replacement
        // character rather than anything a later step could misread.
        char::from_u32(v).filter(|c| *c != '\0').unwrap_or('\u{FFFD}')
    } else {
        let i = ENTITIES.binary_search_by(|(k, _)| (*k).cmp(body.as_str())).ok()?;
        ENTITIES.get(i)?.1
    };
    Some((c, end + 1))
}

/// Converts HTML to plain text: paragraphs separated by "\n", whitespace
/// inside a paragraph collapsed to single spaces.
pub fn to_text(html: &str) -> String {
    let chars: Vec<char> = html.chars().collect();
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    // Inside an element whose content is dropped: its name.
    let mut skipping: Option<String> = None;
    while let Some(&c) = chars.get(i) {
        if c == '<' {
            let rest = chars.get(i + 1..).unwrap_or(&[]);
            if rest.starts_with(&['!', '-', '-']) {
                // A comment runs to "-->" (or to the end when unclosed).
                let body = rest.get(3..).unwrap_or(&[]);
                let close = body.windows(3).position(|w| w == ['-', '-', '>']).map_or(body.len(), |p| p + 3);
                i += 4 + close;
                continue;
            }
            let is_tag = rest.first().is_some_and(|d| d.is_ascii_alphabetic() || matches!(d, '/' | '!' | '?'));
            if !is_tag {
                if skipping.is_none() {
                    out.push('<');
                }
                i += 1;
                continue;
            }
            let (name, closing, len) = tag(rest);
            i += 1 + len;
            if let Some(open) = &skipping {
                if closing && &name == open {
                    skipping = None;
                }
                continue;
            }
            if !closing && DROP_CONTENT.binary_search(&name.as_str()).is_ok() {
                skipping = Some(name);
                continue;
            }
            if BLOCKS.binary_search(&name.as_str()).is_ok() {
                out.push('\n');
            }
            continue;
        }
        if skipping.is_some() {
            i += 1;
            continue;
        }
        if c == '&' {
            if let Some((d, used)) = chars.get(i + 1..).and_then(entity) {
                out.push(d);
                i += 1 + used;
                continue;
            }
        }
        // Source line breaks are not paragraph breaks in HTML: only block tags are.
        out.push(if c.is_whitespace() { ' ' } else { c });
        i += 1;
    }
    // Block breaks are now the only newlines; collapse spaces inside each paragraph.
    let mut text = String::with_capacity(out.len());
    for (n, para) in out.split('\n').map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).enumerate() {
        if n > 0 {
            text.push('\n');
        }
        text.push_str(&para);
    }
    text
}

/// Reads a tag after '<': its lowercase name, whether it closes, and how
/// many chars it spans up to and including '>' (quoted attribute values may
/// hold '>').
fn tag(rest: &[char]) -> (String, bool, usize) {
    let closing = rest.first() == Some(&'/');
    let name: String = rest
        .iter()
        .skip(usize::from(closing))
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let mut quote: Option<char> = None;
    for (k, &c) in rest.iter().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '>' => return (name, closing, k + 1),
            None => {}
        }
    }
    (name, closing, rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_sorted() {
        assert!(DROP_CONTENT.windows(2).all(|w| w[0] < w[1]));
        assert!(BLOCKS.windows(2).all(|w| w[0] < w[1]));
        assert!(ENTITIES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn strips_markup_and_keeps_paragraphs() {
        let t =
            to_text("<p>One <b>bold</b>\n word.</p><script>alert(1)</script><p onclick=\"x()\">Two &amp; three</p>");
        assert_eq!(t, "\nOne bold word.\n\nTwo & three\n");
        assert_eq!(to_text("<img src=x onerror=alert(1)>text"), "text");
        assert_eq!(to_text("a <!-- hidden --> b"), "a b");
        assert_eq!(to_text("<a title='x>y'>link</a>"), "link");
        assert_eq!(to_text("&lt;script&gt; &#x627; &#0; &bogus;"), "<script> ا \u{FFFD} &bogus;");
        assert_eq!(to_text("1 < 2 and <scRipt >x</SCRIPT> ok"), "1 < 2 and ok");
    }
}
