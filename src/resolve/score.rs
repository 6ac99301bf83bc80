//! Scores of a place mention's gazetteer candidates: a context-free prior
//! (kind, population, capital), the countries the article names, an
//! adjective or a settlement word next to the name, and whether a name that
//! reads like a common word has the support it needs.

use crate::gazetteer::{self, Place};
use crate::model::PlaceKind;
use crate::recognise::{Found, Weak, What, Word};
use crate::text::normalize_key;

/// Population under which a town that shares a country's name does not
/// make the name ambiguous for the article's country context.
const MINOR_NAMESAKE: u64 = 100_000;

/// Countries the article points to, with weights: unambiguous country
/// names and demonyms anywhere in the text.
pub fn country_context(words: &[Word], found: &[Found]) -> Vec<(&'static str, f64)> {
    let places = gazetteer::places();
    let mut ctx: Vec<(&'static str, f64)> = Vec::new();
    let mut add = |cc: &'static str, w: f64| {
        if cc.is_empty() {
            return;
        }
        match ctx.iter_mut().find(|(c, _)| *c == cc) {
            Some(e) => e.1 += w,
            None => ctx.push((cc, w)),
        }
    };
    for f in found {
        // a common word needs context; it cannot be its own (two "سيول",
        // floods, made South Korea the article's country)
        if let What::Place { weak: Weak::Common | Weak::Adjective | Weak::Focus, .. } = &f.what {
            continue;
        }
        if let What::Place { cands, .. } = &f.what {
            let countries: Vec<&Place> =
                cands.iter().filter_map(|&i| places.get(i as usize)).filter(|p| p.kind == PlaceKind::Country).collect();
            // an ambiguous name ("عمان": Oman or Amman) says little; one
            // whose other places are only small towns ("Canada" and the
            // villages called Cañada) names the country as surely as a
            // name of its own
            let minor = |p: &Place| p.kind == PlaceKind::City && !p.capital && p.population < MINOR_NAMESAKE;
            let others_minor = || {
                cands.iter().filter_map(|&i| places.get(i as usize)).all(|p| p.kind == PlaceKind::Country || minor(p))
            };
            if countries.len() == 1 {
                add(countries[0].country, if cands.len() == 1 || others_minor() { 1.0 } else { 0.3 });
            } else if let Some(cc) = one_country(cands) {
                // one place, or several all in one country ("Alabama": the
                // state and its namesake towns)
                add(cc, 0.5);
            }
        }
    }
    for w in words {
        if let Some(cc) = w.f.demonym {
            add(cc, 1.0);
        }
    }
    ctx
}

/// The country every candidate lies in, if they share one.
fn one_country(cands: &[u32]) -> Option<&'static str> {
    let places = gazetteer::places();
    let mut all = cands.iter().map(|&i| places.get(i as usize).map(|p| p.country));
    let first = all.next()??;
    (!first.is_empty() && all.all(|c| c == Some(first))).then_some(first)
}

/// Context-free prior: countries and regions first, then big cities and
/// capitals, provinces, sites and small towns.
fn prior(p: &Place) -> f64 {
    let size = 0.35 * ((p.population as f64).max(1.0).log10() - 4.0).max(0.0);
    match p.kind {
        PlaceKind::Country => 3.0,
        PlaceKind::Continent => 2.9,
        PlaceKind::Region => 2.6,
        PlaceKind::Province => 1.7 + size * 0.5,
        PlaceKind::City => 1.5 + size + if p.capital { 0.6 } else { 0.0 },
        PlaceKind::Site => 1.6,
    }
}

/// Minor places (towns, provinces, sites) are kept for a name that reads
/// like a common word only with support from the context.
fn supported(p: &Place, weak: Weak, supported_by_context: bool) -> bool {
    let minor = matches!(p.kind, PlaceKind::City | PlaceKind::Province | PlaceKind::Site);
    match weak {
        Weak::No | Weak::Named | Weak::Hashtag | Weak::Focus => true,
        Weak::Adjective => false,
        _ if !minor || supported_by_context => true,
        Weak::Indefinite => p.population >= 20_000 || p.capital,
        Weak::Definite => p.population >= 500_000 || p.capital,
        Weak::DefiniteLocative => p.population >= 50_000 || p.capital,
        Weak::Common => false,
    }
}

/// Population from which a city is known the world over: a village of its
/// name gains little from the article's country ([`score_candidates`]).
const WORLD_CITY: u64 = 1_000_000;

/// Population from which a city's own name outweighs another town's
/// other name for it.
const BIG_OWN_NAME: u64 = 100_000;

/// Scores every candidate of a place mention (`key`: the name as read),
/// best first.
pub fn score_candidates(
    cands: &[u32],
    key: Option<&str>,
    adj_country: Option<&str>,
    settlement: bool,
    weak: Weak,
    ctx: &[(&str, f64)],
) -> Vec<(usize, f64)> {
    let places = gazetteer::places();
    // A town's other, older or foreign name gives way to a big city or a
    // country whose own name it is: "Philadelphia" is the US city, not
    // Amman (its ancient name, and a capital, which the prior favours). A
    // province's name does not count: "Rangoon" stays the city, not the
    // Yangon Region GeoNames calls so.
    // (normalize_key, not the index's gazetteer::name_key: that one cost
    // 371 B of the first download, and differs only for names with
    // punctuation, "Washington, D.C.")
    let own = |p: &Place| {
        key.is_some_and(|k| [Some(p.name_en), p.name_ar].into_iter().flatten().any(|n| normalize_key(n) == k))
    };
    let big_own = cands.len() > 1
        && cands.iter().filter_map(|&i| places.get(i as usize)).any(|p| {
            (p.kind == PlaceKind::Country || p.kind == PlaceKind::City && p.population >= BIG_OWN_NAME) && own(p)
        });
    // a world city of the name, and no noun of place before it ("لواء
    // الجيزة" is a district of Jordan, beside Giza)
    let world_city = !settlement
        && weak == Weak::No
        && cands
            .iter()
            .filter_map(|&i| places.get(i as usize))
            .any(|p| p.kind == PlaceKind::City && p.population >= WORLD_CITY);
    let mut scored: Vec<(usize, f64)> = cands
        .iter()
        .filter_map(|&i| places.get(i as usize).map(|p| (i as usize, p)))
        .filter(|(_, p)| {
            let in_ctx = ctx.iter().any(|(c, w)| !p.country.is_empty() && *c == p.country && *w >= 1.0);
            let adj = adj_country.is_some_and(|a| a == p.country);
            supported(p, weak, in_ctx || adj || (settlement && p.kind == PlaceKind::City))
        })
        .map(|(i, p)| {
            let mut s = prior(p);
            if let Some(&(_, w)) = ctx.iter().find(|(c, _)| !p.country.is_empty() && *c == p.country) {
                // a village gains 3/4 (measured): with Palestine named, الدوحة is still Doha;
                // a quarter beside a world city of its name ("the Montreal
                // wine and spirits concern" in a story of US towns is not
                // Montreal, Wisconsin)
                let village = p.kind == PlaceKind::City && p.population < 10_000;
                let f = match (village, world_city) {
                    (true, true) => 0.25,
                    (true, false) => 0.75,
                    _ => 1.0,
                };
                s += (1.0 + 0.25 * w.min(4.0)) * f;
            }
            if adj_country.is_some_and(|a| a == p.country) {
                s += 4.0;
            }
            if settlement && p.kind == PlaceKind::City {
                s += 1.5;
            }
            if big_own && p.kind == PlaceKind::City && !own(p) {
                s -= 1.0;
            }
            (i, s)
        })
        .collect();
    super::sort_scored(&mut scored);
    scored
}
