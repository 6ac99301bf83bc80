//! The place a text puts a place in ("Springfield, Illinois", "Zinjibar in
//! Abyan province", "Fife, Scotland"), told apart from a list of places of
//! one rank ("Delaware, Idaho, Maine", "China, Japan and Brazil"), and the
//! rank of a name that is a country's or a region's ("Egypt" is the
//! country, not Egypt, Pennsylvania, unless the text says so), and a US
//! county in a state the story names ("Monroe County" with Michigan).

use super::{contains, Choice};
use crate::gazetteer::{self, Place};
use crate::model::PlaceKind;
use crate::recognise::{Found, What, Word};

fn is_place(f: &Found) -> bool {
    // a nationality word names no area to contain a town ("said in Athens
    // the Americans could leave" is not Athens, Georgia; an Arabic town's
    // own adjective, "جدة السعودية", is read with the town's mention)
    !f.demonym && matches!(&f.what, What::Place { dir: None, cands, .. } if !cands.is_empty())
}

/// Whether a name with these candidates is of the rank of `outer`, so that
/// "A, B" lists them side by side rather than putting A inside B: a
/// country, continent or region beside a country or region ("China,
/// Japan", "England, Scotland"), a first-level division beside one of the
/// same country ("Delaware, Idaho").
fn same_rank(inner: &[(usize, f64)], outer: &Place) -> bool {
    let places = gazetteer::places();
    let area = |k: PlaceKind| matches!(k, PlaceKind::Country | PlaceKind::Continent | PlaceKind::Region);
    inner.iter().filter_map(|&(c, _)| places.get(c)).any(|p| match outer.kind {
        k if area(k) => area(p.kind),
        PlaceKind::Province => p.kind == PlaceKind::Province && p.country == outer.country,
        _ => false,
    })
}

/// The mention after mention `i` (the first that starts at or after its end).
fn next_of(found: &[Found], i: usize) -> Option<usize> {
    (i + 1..found.len()).find(|&j| found[j].w0 >= found[i].w1)
}

/// Whether places `a` and `b` stand side by side as in a list: `b` right
/// after `a`, after a comma or one lowercase word ("Canada and Mexico",
/// "Utah, Washington").
fn listed(words: &[Word], a: &Found, b: &Found) -> bool {
    is_place(a)
        && is_place(b)
        && (b.w0 == a.w1 && words.get(b.w0).is_some_and(|w| w.comma_before)
            || b.w0 == a.w1 + 1 && words.get(a.w1).is_some_and(|w| !w.cap && !w.brk && !w.arabic))
}

/// Whether the place mention `j` goes on into a list.
fn goes_on(found: &[Found], words: &[Word], j: usize) -> bool {
    next_of(found, j).is_some_and(|k| listed(words, &found[j], &found[k]))
}

/// A figure or a number word between two places counts cases or people
/// in each, as in a list ("seven in Rio de Janeiro, four in Santa
/// Catarina"): the second does not contain the first.
fn counted_between(words: &[Word], from: usize, to: usize) -> bool {
    let tw = crate::time::words::w();
    words.get(from..to).is_some_and(|ws| {
        ws.iter().any(|w| {
            w.text.chars().any(|c| c.is_ascii_digit())
                || w.readings
                    .iter()
                    .any(|r| tw.numbers.get(&r.key).is_some() || tw.spoken_numbers_en.get(&r.key).is_some())
        })
    })
}

/// Whether names stand between two places as items of one list ("Akershus,
/// Oslo, Hedmark, Oppland, Vest-Agder": Oslo is not in Agder): a word
/// between them after a comma, besides the one right after the first.
fn listed_between(words: &[Word], from: usize, to: usize) -> bool {
    words.get(from + 1..to).is_some_and(|ws| ws.iter().any(|w| w.comma_before))
        || (to > from && words.get(to).is_some_and(|w| w.comma_before))
}

/// Whether a coordinator joins the place at words `..a1` to the one that
/// starts at word `b0` (code point `b_start`): "and" or "or" between them
/// ("New York City and Florida"), the Arabic "و" or "أو" written apart
/// ("حائل و القصيم", as tweets and hashtag lists write it), or "و" written
/// on the second ("القاهرة والجيزة"). Places so joined stand side by side,
/// never one inside the other.
fn coordinated(words: &[Word], a1: usize, b0: usize, b_start: usize) -> bool {
    let and = |w: &Word| if w.arabic { w.key == "و" || w.key == "او" } else { w.key == "and" || w.key == "or" };
    let between = words.get(a1..b0).is_some_and(|ws| ws.iter().any(and));
    let clitic = words.get(b0).is_some_and(|w| w.arabic && b_start > w.start && w.text.starts_with('و'));
    between || clitic
}

/// How near a big city's point a town must be to be one of its districts.
const DISTRICT_KM: f64 = 25.0;

/// Raised score of a big city over the province around it when the name
/// before it is one of its districts: above what a province gains from the
/// other divisions named near it (a sibling, nearness).
const DISTRICT: f64 = 2.0;

/// Whether town `inner` is a district of city `outer` ("Queens, New York",
/// "Brooklyn, New York": the city, not the state): a smaller town of the
/// same country near a big city's point.
fn district_of(outer: &Place, inner: &Place) -> bool {
    outer.kind == PlaceKind::City
        && inner.kind == PlaceKind::City
        && outer.country == inner.country
        && outer.population >= BIG_TOWN
        && inner.population < outer.population
        && gazetteer::within_km(outer.lat, outer.lon, inner.lat, inner.lon, DISTRICT_KM)
}

/// Containment: a place right after another in the same sentence, with at
/// most three words between ("Springfield, Illinois", "Zinjibar in Abyan
/// province", "زنجبار عاصمة محافظة أبين"), raises the candidates that lie
/// in one another; when none does, the inner name is pinned on the outer
/// place (a province, or a country or region right after a comma at the
/// end of a list: "Fife, Scotland" with only other Fifes in the gazetteer).
pub(super) fn containment(found: &[Found], words: &[Word], out: &mut [Choice], own: &mut [bool], ctx: &[(&str, f64)]) {
    let places = gazetteer::places();
    let place_of = |i: usize| places.get(i);
    for i in 0..found.len() {
        if !is_place(&found[i]) {
            continue;
        }
        let Some(j) = next_of(found, i) else { continue };
        let (a, b) = (&found[i], &found[j]);
        let same_sentence = words.get(a.w0).zip(words.get(b.w0)).is_some_and(|(x, y)| x.sent == y.sent);
        // "#حائل #القصيم": hashtags side by side are a list of tags
        let tags = words.get(a.w0).is_some_and(|w| w.hashtag) && words.get(b.w0).is_some_and(|w| w.hashtag);
        if !is_place(b)
            || !same_sentence
            || (tags && b.w0 == a.w1)
            || b.w0 > a.w1 + 3
            || counted_between(words, a.w1, b.w0)
            || listed_between(words, a.w1, b.w0)
            || coordinated(words, a.w1, b.w0, b.start)
        {
            continue;
        }
        let Some(outer_best) = out[j].scored.first().and_then(|&(c, _)| place_of(c)) else { continue };
        if same_rank(&out[i].scored, outer_best) {
            continue;
        }
        // pairs (inner candidate, outer candidate) where the outer contains the inner
        let outer_cands: Vec<usize> = out[j].scored.iter().map(|&(c, _)| c).collect();
        let holds = |po: &Place, pi: &Place| contains(po, pi) || district_of(po, pi);
        let mut matched = false;
        for (ci, si) in out[i].scored.iter_mut() {
            let Some(pi) = place_of(*ci) else { continue };
            if outer_cands.iter().any(|&co| place_of(co).is_some_and(|po| co != *ci && holds(po, pi))) {
                *si += 3.0;
                matched = true;
            }
        }
        if matched {
            own[i] = true;
            let inner: Vec<usize> = out[i].scored.iter().map(|&(c, _)| c).collect();
            for (co, so) in out[j].scored.iter_mut() {
                let Some(po) = place_of(*co) else { continue };
                if inner.iter().any(|&ci| ci != *co && place_of(ci).is_some_and(|pi| holds(po, pi))) {
                    *so += 3.0;
                }
                // the city whose district the inner name is, over the
                // province around both ("Brooklyn, New York": the city,
                // though New Jersey named nearby raises the state)
                if inner.iter().any(|&ci| ci != *co && place_of(ci).is_some_and(|pi| district_of(po, pi))) {
                    *so += DISTRICT;
                }
            }
            own[j] = true;
        } else if let (Some(&(best_o, _)), Some(&(best_i, _))) = (out[j].scored.first(), out[i].scored.first()) {
            // the text puts a town in a province where the gazetteer has no
            // town of that name: pinned on the province, not on a namesake abroad
            let (Some(po), Some(pi)) = (place_of(best_o), place_of(best_i)) else { continue };
            let in_focus = ctx.iter().any(|(c, w)| *c == po.country && *w >= 1.0);
            let town = matches!(pi.kind, PlaceKind::City | PlaceKind::Site);
            // ("Springfield, Illinois" when the gazetteer knows only other Springfields)
            let province = po.kind == PlaceKind::Province && (in_focus || pi.country == po.country);
            // ("Fife, Scotland", "Surrey, UK": a comma, and no list going on)
            let area = matches!(po.kind, PlaceKind::Country | PlaceKind::Region)
                && pi.country != po.country
                && b.w0 == a.w1
                && words.get(b.w0).is_some_and(|w| w.comma_before)
                && !goes_on(found, words, j);
            if town && (province || area) {
                out[i].within = Some(best_o);
                own[i] = true;
            }
        }
    }
}

/// A name that is a country's, a continent's or a region's names that
/// area, not a town of another country (Egypt, Pennsylvania; China, a
/// village in Japan), however many places of that other country the
/// article names, unless the mention's own words decide it (containment,
/// an adjective): such towns fall below the area, and so does a country's
/// own division of the same name. A capital or a big city
/// keeps its own score (عمان: Oman, or Amman when the article is Jordan's).
const BIG_TOWN: u64 = 100_000;

pub(super) fn towns_below_areas(found: &[Found], out: &mut [Choice], own: &[bool]) {
    let places = gazetteer::places();
    for (i, c) in out.iter_mut().enumerate() {
        // "مدينة عمان": the text says it is a town
        if own[i] || !matches!(&found[i].what, What::Place { dir: None, settlement: false, .. }) {
            continue;
        }
        let area = c.scored.iter().find_map(|&(p, s)| {
            places
                .get(p)
                .filter(|x| matches!(x.kind, PlaceKind::Country | PlaceKind::Continent | PlaceKind::Region))
                .map(|x| (x.country, x.kind, s))
        });
        let Some((cc, kind, s_area)) = area else { continue };
        let mut moved = false;
        for (p, s) in c.scored.iter_mut() {
            let town = places.get(*p).is_some_and(|x| {
                let town_abroad = matches!(x.kind, PlaceKind::City | PlaceKind::Site)
                    && (cc.is_empty() || x.country != cc)
                    && !x.capital
                    && x.population < BIG_TOWN;
                // "Mexico" is the country, not its State of México, unless
                // the text says "state" (then the mention decides alone)
                let own_division = kind == PlaceKind::Country && x.kind == PlaceKind::Province && x.country == cc;
                town_abroad || own_division
            });
            if town && *s >= s_area {
                *s = s_area - 0.01;
                moved = true;
            }
        }
        if moved {
            super::sort_scored(&mut c.scored);
        }
    }
}

/// A name in a list of first-level divisions ("Utah, Washington and
/// Wisconsin", "British Columbia, Alberta, Manitoba, Ontario and New
/// Brunswick") is a division of that country too: a name listed right
/// after or before one ([`listed`]) has the division candidates of that
/// one's country raised. Likewise a name joined by "and" or "or" to a
/// town is a big town ("from New York and Toronto": the city, not the state).
/// The caller sorts the candidates afterwards.
pub(super) fn divisions_in_lists(found: &[Found], words: &[Word], out: &mut [Choice]) {
    let places = gazetteer::places();
    let best = |c: &Choice| c.scored.first().and_then(|&(b, _)| places.get(b));
    // (mention, kind to raise, country of the division raised)
    let mut raise: Vec<(usize, PlaceKind, &str)> = Vec::new();
    // the lists: runs of mentions each listed right after the one before
    let mut run: Vec<usize> = Vec::new();
    for i in 0..found.len() {
        let next = next_of(found, i).filter(|&j| listed(words, &found[i], &found[j]));
        run.push(i);
        if let Some(j) = next {
            // "New York and Toronto": a town beside a town
            let (a, b) = (&found[i], &found[j]);
            if coordinated(words, a.w1, b.w0, b.start) {
                if best(&out[j]).is_some_and(|p| p.kind == PlaceKind::City) {
                    raise.push((i, PlaceKind::City, ""));
                }
                if best(&out[i]).is_some_and(|p| p.kind == PlaceKind::City) {
                    raise.push((j, PlaceKind::City, ""));
                }
            }
            continue;
        }
        // a division anywhere in the list makes every other name in it one
        // of its country's, also past a name read as a town ("Manitoba,
        // Ontario and New Brunswick" with Ontario, California first)
        for &m in &run {
            for &o in run.iter().filter(|&&o| o != m) {
                if let Some(p) = best(&out[o]).filter(|p| p.kind == PlaceKind::Province) {
                    raise.push((m, PlaceKind::Province, p.country));
                }
            }
        }
        run.clear();
    }
    crate::sort::sort_by(&mut raise, |a, b| a.0.cmp(&b.0).then(a.2.cmp(b.2)).then(a.1.cmp(&b.1)));
    raise.dedup();
    for (i, kind, cc) in raise {
        for (c, s) in out[i].scored.iter_mut() {
            // a big town only: "New York City and Florida" is the state, not Florida, New York
            let big = |p: &Place| kind != PlaceKind::City || p.population >= BIG_TOWN;
            if places.get(*c).is_some_and(|p| p.kind == kind && big(p) && (cc.is_empty() || p.country == cc)) {
                *s += 1.5;
            }
        }
    }
}

/// Raised score of a US county in a state the story names, or a town in a
/// county it names: above nearness, which a state's wide radius gives
/// counties of its neighbours too.
const NAMED_STATE: f64 = 2.0;

/// "Monroe County" in a story that names Michigan is Michigan's, not
/// Indiana's: a county candidate (`us-county:` and its FIPS code) whose
/// state (the code's first two digits, data/gazetteer/us_states.tsv) is the
/// best reading of another mention.
pub(super) fn counties_in_named_states(found: &[Found], out: &mut [Choice]) {
    let places = gazetteer::places();
    let cw = super::context::context_words();
    let named: Vec<&str> = out
        .iter()
        .filter_map(|c| c.scored.first().and_then(|&(b, _)| places.get(b)))
        .filter_map(|p| p.id.strip_prefix("province:US-"))
        .collect();
    if named.is_empty() {
        return;
    }
    let state_of = |id: &str| {
        let fips = id.strip_prefix("us-county:")?.get(..2)?;
        let i = cw.county_state.binary_search_by(|(f, _)| f.as_str().cmp(fips)).ok()?;
        cw.county_state.get(i).map(|&(_, st)| st)
    };
    for (f, c) in found.iter().zip(out.iter_mut()) {
        if !matches!(f.what, What::Place { dir: None, .. }) {
            continue;
        }
        let mut raised = false;
        for (p, s) in c.scored.iter_mut() {
            if places.get(*p).and_then(|p| state_of(p.id)).is_some_and(|st| named.contains(&st)) {
                *s += NAMED_STATE;
                raised = true;
            }
        }
        if raised {
            super::sort_scored(&mut c.scored);
        }
    }
    // then a town in a county the story names ("deputies in Paris" in a
    // story about Lamar County, Texas: Paris, Texas, its seat)
    let counties: Vec<&Place> = out
        .iter()
        .filter_map(|c| c.scored.first().and_then(|&(b, _)| places.get(b)))
        .filter(|p| p.id.starts_with("us-county:"))
        .collect();
    for (f, c) in found.iter().zip(out.iter_mut()) {
        if counties.is_empty() || !matches!(f.what, What::Place { dir: None, .. }) {
            continue;
        }
        let mut raised = false;
        for (p, s) in c.scored.iter_mut() {
            let town = places.get(*p).filter(|p| p.kind == PlaceKind::City);
            if town.is_some_and(|t| counties.iter().any(|k| contains(k, t))) {
                *s += NAMED_STATE;
                raised = true;
            }
        }
        if raised {
            super::sort_scored(&mut c.scored);
        }
    }
}
