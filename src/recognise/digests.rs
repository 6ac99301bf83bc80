//! Newspapers heading the items of a press digest. A wire's digest of the
//! day's papers names each paper on a line of its own in capitals and
//! gives its stories below it, each line opened by a dash:
//!
//! ```text
//! FRATERNITE MATIN
//! - Cabinet meeting establishes ...
//! CINCO DIAS
//! - Banco Santander starts conquest of the east.
//! ```
//!
//! The paper's name reads as nothing, a place ("LA PRESSE": Los Angeles)
//! or a person to the tagger. A line in capitals with no figure, of at
//! most [`OUTLET_WORDS`] words, right before a line that opens with a
//! dash, is the paper when the article has at least [`OUTLET_LINES`] such
//! lines (a digest lists several papers), unless every word of it is a
//! section's ("FRONT PAGE", "BUSINESS PAGES": `en_digest_section` of
//! `data/curated/recognise_words.tsv`) or the line is a country, a region
//! or a continent (digests of several countries head each country's
//! papers with its name: "IRAQ").
//!
//! In CoNLL-2003's training part, 59 of the 77 such lines (without the
//! article condition) are organisations; of the others 8 are sections,
//! 2 countries and 1 a dateline (which has a figure).

use super::lists::en_digest_sections;
use super::merge::first_kind;
use super::{span, Found, What, Word};
use crate::model::{EntityType, PlaceKind};

/// Most words of a paper's name on its line ("NIDA'A AL-WATAN").
const OUTLET_WORDS: usize = 5;

/// Fewest paper lines that make an article a press digest.
const OUTLET_LINES: usize = 2;

/// Whether `w` is written in capitals: every letter (a one-letter word
/// too: "A", "L").
fn capitals(w: &Word) -> bool {
    !w.arabic && (w.upper || (w.cap && w.text.chars().filter(|c| c.is_alphabetic()).count() == 1))
}

/// The word ranges of the lines in capitals before a line that opens
/// with a dash (see the module doc).
fn outlet_lines(words: &[Word]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut a = 0;
    while a < words.len() {
        let mut b = a + 1;
        while b < words.len() && !words[b].sent_start {
            b += 1;
        }
        // the title is no paper's line
        let line = words[a].sent > 0
            && b - a <= OUTLET_WORDS
            && words.get(b).is_some_and(|n| n.dash_before)
            && words[a..b].iter().all(|w| capitals(w) && !w.f.time && !w.key.bytes().any(|c| c.is_ascii_digit()));
        if line {
            out.push((a, b));
        }
        a = b;
    }
    out
}

/// Marks the papers of a press digest as organisations (module doc), in
/// place of what was read on their words.
pub(super) fn mark(words: &[Word], accepted: &mut Vec<Found>) {
    let lines = outlet_lines(words);
    if lines.len() < OUTLET_LINES {
        return;
    }
    let national = [PlaceKind::Country, PlaceKind::Continent, PlaceKind::Region];
    let mut added = false;
    for (a, b) in lines {
        let section = words[a..b].iter().all(|w| en_digest_sections().contains(&w.key));
        let country = accepted.iter().any(|f| {
            f.w0 == a && f.w1 == b && matches!(&f.what, What::Place { cands, .. } if first_kind(cands, &national))
        });
        let done = accepted.iter().any(|f| f.w0 == a && f.w1 == b && f.kind == EntityType::Organization);
        if section || country || done {
            continue;
        }
        accepted.retain(|f| f.kind == EntityType::Date || f.w1 <= a || b <= f.w0);
        let key = super::key_of(words, a, b, &words[a].key);
        accepted.push(Found::new(
            (a, b),
            span(words, a, b, 0),
            EntityType::Organization,
            What::Org { curated: None, key },
            0,
        ));
        added = true;
    }
    if added {
        crate::sort::sort_by_key(accepted, |f| (f.start, f.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`mark`] alone marks in `text` (paragraphs a line each, the
    /// first the title).
    fn papers(text: &str) -> Vec<String> {
        super::super::marked_by(&text.replace('\n', "\n\n"), mark).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn papers_heading_their_items_are_organisations() {
        let digest = "PRESS DIGEST - Tunisia - Aug 28\nThese are the leading stories.\nLA PRESSE\n- After Tunisia \
                      called on France to act, talks resume.\nAL-THAWRA\n- Shares fall.";
        assert_eq!(papers(digest), ["LA PRESSE", "AL-THAWRA"]);
        // and in the whole analysis, over the place read on "LA"
        let a = crate::analyze::analyze(&crate::model::Article {
            title: "PRESS DIGEST - Tunisia - Aug 28".into(),
            lang: "en".into(),
            paragraphs: digest.lines().skip(1).map(str::to_string).collect(),
            ..Default::default()
        });
        let la = a.mentions.iter().find(|m| m.text.starts_with("LA")).expect("LA PRESSE marked");
        assert_eq!((la.text.as_str(), la.kind), ("LA PRESSE", EntityType::Organization));
    }

    #[test]
    fn sections_countries_lone_lines_and_figures_are_not() {
        let got =
            papers("DIGEST\nFRONT PAGE\n- Talks resume.\nAL-THAWRA\n- Shares fall.\nBUSINESS PAGES\n- Shares fall.");
        assert_eq!(got, ["AL-THAWRA"]);
        // one line in capitals before a dash is no digest
        assert!(papers("DIGEST\nThe leading story.\nCINCO DIAS\n- Banco Santander starts.").is_empty());
        // a dateline has figures; the title is no paper's line
        assert!(papers("AL-THAWRA\n- Shares fall.\nLONDON 1996-08-22\n- Shares fall.").is_empty());
    }
}
