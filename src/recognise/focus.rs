//! Nouns that name the story's own country without naming it: "المملكة"
//! (the Kingdom) in Saudi, Jordanian, Moroccan or Bahraini news, "السلطنة"
//! (the Sultanate) in Omani news. They are references, not names (news NER
//! corpora leave them unmarked), but a reader follows them to a country and
//! geoparsing corpora count them as places. The noun gets the countries it
//! may stand for (`focus_country` rows of data/curated/place_context.tsv)
//! as candidates; [`crate::resolve`] keeps it only when the article itself
//! names one of them (or a place in one) and pins it there.

use super::words::Word;
use super::{span, EntityType, Found, Weak, What};
use crate::gazetteer;
use crate::lists::{text as late_list, Late, List};
use std::sync::OnceLock;

/// A focus noun: its key, its countries' codes and, once the gazetteer's
/// core holds them all, their places.
struct Noun {
    key: String,
    countries: Vec<&'static str>,
    places: OnceLock<Vec<u32>>,
}

fn table() -> &'static [Noun] {
    static T: Late<Vec<Noun>> = Late::new();
    T.get(|| {
        let mut out: Vec<Noun> = Vec::new();
        for row in crate::resolve::data_rows(late_list(List::PlaceContext)) {
            if let ["focus_country", _, phrase, countries, _] = row.as_slice() {
                let countries = countries.split('|').collect();
                out.push(Noun { key: gazetteer::name_key(phrase), countries, places: OnceLock::new() });
            }
        }
        crate::sort::sort_by(&mut out, |a, b| a.key.cmp(&b.key));
        out
    })
}

/// The places of the countries a focus noun at this reading key may stand
/// for (none while the gazetteer's core has not arrived).
fn countries(key: &str) -> Option<&'static [u32]> {
    let t = table();
    let noun = &t[t.binary_search_by(|n| n.key.as_str().cmp(key)).ok()?];
    if let Some(p) = noun.places.get() {
        return Some(p);
    }
    let places: Vec<u32> =
        noun.countries.iter().filter_map(|cc| gazetteer::place_by_id(&format!("country:{cc}"))).collect();
    if places.len() < noun.countries.len() {
        return None;
    }
    Some(noun.places.get_or_init(|| places))
}

/// Whether the word after a focus noun continues a name or describes the
/// noun ("المملكة المتحدة", "المملكة الأردنية الهاشمية", "المملكة
/// العربية"): a definite adjective, which the gazetteer's longer names
/// cover when it knows them.
fn qualified(words: &[Word], j: usize) -> bool {
    words.get(j).is_some_and(|w| {
        !w.brk && w.arabic && w.key.starts_with("ال") && (w.key.ends_with('ه') || w.key.ends_with('ي'))
    })
}

fn unknown(f: &Found) -> bool {
    matches!(&f.what, What::Place { cands, .. } if cands.is_empty())
}

/// Adds the focus nouns among `words` that no accepted mention covers, as
/// place references with [`Weak::Focus`]; a place the tagger drew over
/// such a noun alone, or over it and words the gazetteer does not know,
/// becomes one.
pub fn mark(words: &[Word], accepted: &mut Vec<Found>) {
    if table().is_empty() {
        return;
    }
    super::by_position(accepted);
    let mut added: Vec<Found> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !w.arabic || qualified(words, i + 1) {
            continue;
        }
        let Some((r, cands)) = w.readings.iter().filter(|r| r.post == 0).find_map(|r| Some((r, countries(&r.key)?)))
        else {
            continue;
        };
        let (start, end) = span(words, i, i + 1, r.pre);
        let what = What::Place {
            cands,
            key: String::from(r.key.as_str()),
            dir: None,
            adj_country: None,
            settlement: false,
            weak: Weak::Focus,
        };
        let mut mention = Found::new((i, i + 1), (start, end), EntityType::Place, what, 0);
        mention.reference = true;
        let lo = accepted.partition_point(|f| f.end <= start);
        let hi = accepted.partition_point(|f| f.start < end);
        match accepted.get_mut(lo..hi) {
            Some([]) | None => added.push(mention),
            // the tagger's place over the noun, or over it and the next
            // words when the gazetteer knows no such place ("المملكة ينمو")
            Some([f])
                if f.w0 == i && f.kind == EntityType::Place && f.link.is_none() && (f.w1 == i + 1 || unknown(f)) =>
            {
                *f = mention
            }
            Some(_) => {}
        }
    }
    accepted.extend(added);
}
