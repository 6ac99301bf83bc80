//! Paragraphs as the writer meant them, from plain text.
//!
//! Plain text carries paragraphs in three ways: blank lines (e-mail, most
//! pasted text), an indented first line (wire copy: Reuters and AP stories
//! are hard-wrapped at about 65 characters and mark each paragraph with
//! an indent), or one line per paragraph (text fields filled by a CMS).
//! Hard-wrapped text also has line breaks that are not paragraph breaks:
//! the writer's (or the wire system's, or the PDF's) soft wraps.
//!
//! # How the rule decides
//!
//! 1. **Blank lines** always end a paragraph.
//! 2. **Is the text hard-wrapped at all?** Its wrap width `W` is the 90th
//!    percentile of the widths of its lines of more than one word (leading
//!    indent included, a tab as four columns). The text counts as wrapped when `W` lies between
//!    [`MIN_WRAP`] and [`MAX_WRAP`] columns and at least half of its
//!    *full* lines (at least three quarters of `W` wide) that are followed
//!    by a line which neither is indented nor starts a list item break off
//!    mid-sentence, that is, do not end in . ! ? ؟ … : ; ۔ (closing quotes
//!    and brackets aside). One-paragraph-per-line text fails this test:
//!    its lines are long, or end their sentences. In text that is not
//!    wrapped every line is its own paragraph.
//! 3. In wrapped text a line break is **hard** (kept as a paragraph break)
//!    when the next line
//!    - is indented deeper than the text's body indent (the least indent of
//!      lines that do not open a blank-line section), except a continuation
//!      indented to the text of the list item above it;
//!    - starts a list item (a bullet, or a number or letter followed by
//!      `.`, `)` or `-`) after a list item, a line ending in a colon, or
//!      (bullets, and a first item "1." "a)" "أ-") a line ending its
//!      sentence; elsewhere a dash or number at a line start just goes on
//!      with the sentence ("- حفظه الله -", "Nov. / 15.");
//!    - or could have been put on the line before: `width(line) + 1 +
//!      width(first word of next line) <= W`. A wrapper only breaks a line
//!      when the next word does not fit, so a line that stops short ends a
//!      paragraph, a list entry, a verse or an address line. This is what
//!      keeps short lines, poetry, addresses and signatures apart.
//!
//!    Every other break is a **soft wrap**: the two lines are joined with
//!    one space. A line that ends in a hyphen (or soft hyphen) right after
//!    a letter, before a line that starts with a letter, is always a soft
//!    wrap: the word was broken because it did not fit whole.
//! 4. **Hyphenation** at a soft wrap: a soft hyphen (U+00AD) at the line
//!    end is the writer's word break and goes. A hyphen after a letter,
//!    followed by a letter, joins without a space; the hyphen itself stays
//!    when the text elsewhere writes the hyphenated form, goes when it
//!    elsewhere writes the closed form, and otherwise goes only when the
//!    next line goes on in lowercase ("inter-/national" → "international",
//!    "anti-/American" → "anti-American", "mid-/1987" → "mid-1987").
//!
//! The same holds for Arabic, except rule 4: Arabic is not hyphenated, so a
//! hyphen after an Arabic word at a line end is a dash and joins with a
//! space. Widths are counted in characters.

/// Narrowest wrap width taken as hard-wrapped prose; narrower text is a
/// list, verse or a column of short lines, and its breaks are kept.
pub const MIN_WRAP: usize = 30;

/// Widest wrap width taken as hard-wrapped prose: nobody wraps prose at
/// 130 columns; lines that long are paragraphs of their own.
pub const MAX_WRAP: usize = 120;

/// Columns a tab counts for in an indent.
const TAB: usize = 4;

struct Line<'a> {
    indent: usize,
    body: &'a str,
    width: usize,
    /// First line after a blank line (or of the text).
    opens: bool,
}

fn lines(text: &str) -> Vec<Option<Line<'_>>> {
    let mut out = Vec::new();
    let mut after_blank = true;
    for raw in text.split('\n') {
        let body = raw.trim();
        if body.is_empty() {
            out.push(None);
            after_blank = true;
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        let indent = raw.get(..lead).unwrap_or("").chars().map(|c| if c == '\t' { TAB } else { 1 }).sum::<usize>();
        let width = indent + body.chars().count();
        out.push(Some(Line { indent, body, width, opens: after_blank }));
        after_blank = false;
    }
    out
}

/// Whether a line ends its sentence (closing quotes and brackets aside).
fn ends_sentence(body: &str) -> bool {
    let core = body.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*']);
    core.ends_with(['.', '!', '?', '؟', '…', ':', ';', '۔', '؛'])
}

/// A list marker: a bullet, or a number or letter (`first`: the one a list
/// starts with, 1, a, أ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Bullet,
    Numbered { first: bool },
}

/// Columns where the text of a list item starts, if the line is one.
fn list_item(body: &str) -> Option<usize> {
    marker(body).map(|(c, _)| c)
}

/// The list marker a line starts with, and the column of the item's text.
fn marker(body: &str) -> Option<(usize, Marker)> {
    let mut chars = body.char_indices();
    let (_, first) = chars.next()?;
    let after = |i: usize| -> Option<usize> {
        let rest = body.get(i..)?;
        let gap = rest.len() - rest.trim_start().len();
        (gap > 0).then(|| body.get(..i + gap).map_or(0, |s| s.chars().count()))
    };
    if matches!(first, '-' | '*' | '•' | '·' | '–' | '—' | '‣' | '◦' | '▪' | '●' | '○' | '■' | '□' | '➢' | '►')
    {
        return after(first.len_utf8()).map(|c| (c, Marker::Bullet));
    }
    // "1." "12)" "a)" "(3)" "١-" "أ-": a number, or one letter, then a mark.
    let digits = body.chars().take_while(|c| c.is_numeric()).count();
    let open = usize::from(first == '(');
    let head: String = body.chars().skip(open).take_while(|c| c.is_alphanumeric()).collect();
    let n = head.chars().count();
    let letter = digits == 0 && n == 1 && head.chars().all(char::is_alphabetic);
    if !(digits > 0 && digits <= 3 && digits == n || letter) {
        return None;
    }
    let mark_at = open + n;
    let mark = body.chars().nth(mark_at)?;
    // "A. Smith" is an initial, not an item: a capital letter needs ")" or "-".
    let initial = letter && mark == '.' && head.chars().any(char::is_uppercase);
    if !matches!(mark, '.' | ')' | '-' | '–') || (open == 1 && mark != ')') || initial {
        return None;
    }
    let byte = body.char_indices().nth(mark_at + 1).map_or(body.len(), |(b, _)| b);
    let value = crate::text::normalize(&head);
    let first_item = matches!(value.as_str(), "1" | "a" | "ا" | "i");
    after(byte).map(|c| (c, Marker::Numbered { first: first_item }))
}

/// The wrap width of the text, when it is hard-wrapped prose.
fn wrap_width(lines: &[Option<Line<'_>>], body_indent: usize) -> Option<usize> {
    // A line of one word (a link, a long number) says nothing of the width.
    let mut widths: Vec<usize> = lines.iter().flatten().filter(|l| l.body.contains(' ')).map(|l| l.width).collect();
    if widths.len() < 2 {
        return None;
    }
    crate::sort::sort(&mut widths);
    let w = *widths.get(widths.len() * 9 / 10)?;
    if !(MIN_WRAP..=MAX_WRAP).contains(&w) {
        return None;
    }
    // Full lines whose break nothing else explains (the next line is
    // there, not indented, not a list item): wraps end them mid-sentence.
    let mut full = 0;
    let mut open = 0;
    for pair in lines.windows(2) {
        if let [Some(l), Some(next)] = pair {
            if l.width * 4 >= w * 3 && next.indent <= body_indent && list_item(next.body).is_none() {
                full += 1;
                open += usize::from(!ends_sentence(l.body));
            }
        }
    }
    (open >= 1 && open * 2 >= full).then_some(w)
}

/// Splits plain text into paragraphs (see the module doc for the rule).
/// Each paragraph is trimmed and has no line breaks.
pub fn paragraphs(text: &str) -> Vec<String> {
    let lines = lines(text);
    let body_indent = {
        let inner = lines.iter().flatten().filter(|l| !l.opens).map(|l| l.indent).min();
        inner.or_else(|| lines.iter().flatten().map(|l| l.indent).min()).unwrap_or(0)
    };
    let wrap = wrap_width(&lines, body_indent);
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    // The line before, and where the text of its list item starts.
    let mut prev: Option<(&Line<'_>, Option<usize>)> = None;
    for line in &lines {
        let Some(line) = line else {
            flush(&mut cur, &mut out);
            prev = None;
            continue;
        };
        let mark = marker(line.body);
        let item = mark.map(|(c, _)| c + line.indent);
        let soft = match (prev, wrap) {
            (Some((p, p_item)), Some(w)) => {
                let continues_item = p_item.is_some_and(|c| c == line.indent);
                let indented = line.indent > body_indent && !continues_item;
                // A dash or number at the start of a wrapped line may just
                // go on with the sentence ("- حفظه الله -", "Nov. / 15."):
                // it starts an item after a list, a colon, or a sentence
                // end (for numbers, only the first item: "1.", "a)").
                let starts_item = mark.is_some_and(|(_, m)| {
                    p_item.is_some()
                        || p.body.ends_with([':', '：'])
                        || match m {
                            Marker::Bullet => ends_sentence(p.body),
                            Marker::Numbered { first } => first && ends_sentence(p.body),
                        }
                });
                let first_word = line.body.split_whitespace().next().map_or(0, |f| f.chars().count());
                !indented && !starts_item && (p.width + 1 + first_word > w || broken_word(p.body, line.body))
            }
            _ => false,
        };
        if soft {
            join(&mut cur, line.body, text);
        } else {
            flush(&mut cur, &mut out);
            cur.push_str(line.body);
        }
        // A list item's continuation lines keep the item's text column.
        let carried = if item.is_some() && !soft { item } else { prev.and_then(|(_, c)| c).filter(|_| soft) };
        prev = Some((line, carried));
    }
    flush(&mut cur, &mut out);
    out
}

/// A word broken at the line end: "infla-" then "tion". Arabic script is
/// not hyphenated: a hyphen after an Arabic word is a dash.
fn broken_word(line: &str, next: &str) -> bool {
    let mut end = line.chars().rev();
    matches!(end.next(), Some('-' | '\u{2010}' | '\u{AD}'))
        && end.next().is_some_and(|c| c.is_alphabetic() && !crate::text::is_arabic(c))
        && next.chars().next().is_some_and(|c| c.is_alphanumeric())
}

fn flush(cur: &mut String, out: &mut Vec<String>) {
    if !cur.is_empty() {
        out.push(std::mem::take(cur));
    }
}

/// Appends the next line of a paragraph at a soft wrap (rule 4).
fn join(cur: &mut String, next: &str, whole: &str) {
    if let Some(stem) = cur.strip_suffix('\u{AD}') {
        let keep = stem.len();
        cur.truncate(keep);
        cur.push_str(next);
        return;
    }
    let hyphen = cur.chars().last().filter(|c| matches!(c, '-' | '\u{2010}'));
    let before = cur.chars().rev().nth(1);
    let after = next.chars().next();
    if let (Some(h), Some(b), Some(a)) = (hyphen, before, after) {
        if b.is_alphabetic() && !crate::text::is_arabic(b) && a.is_alphanumeric() {
            let stem = &cur[..cur.len() - h.len_utf8()];
            let left: String = {
                let mut l: Vec<char> = stem.chars().rev().take_while(|c| c.is_alphabetic()).collect();
                l.reverse();
                l.into_iter().collect()
            };
            let right: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
            let hyphenated = format!("{left}{h}{right}");
            let closed = format!("{left}{right}");
            // The text's own spelling decides; the break at hand is one
            // occurrence of the hyphenated form.
            let drop = if whole.contains(hyphenated.as_str()) {
                false
            } else if whole.contains(closed.as_str()) {
                true
            } else {
                a.is_lowercase()
            };
            if drop {
                let keep = stem.len();
                cur.truncate(keep);
            }
            cur.push_str(next);
            return;
        }
    }
    cur.push(' ');
    cur.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items() {
        assert_eq!(list_item("- apples"), Some(2));
        assert_eq!(list_item("12. twelve"), Some(4));
        assert_eq!(list_item("(a) first"), Some(4));
        assert_eq!(list_item("١- بند"), Some(3));
        assert_eq!(list_item("1987 was a year"), None);
        assert_eq!(list_item("A. Smith said"), None);
        assert_eq!(list_item("b. second"), Some(3));
        assert_eq!(list_item("-5 degrees"), None);
        assert_eq!(list_item("Talks resumed."), None);
    }
}
