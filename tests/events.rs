//! Table-driven tests of events (rows in `events_cases.json`): each row is
//! an article and the events expected in it, in order, with kind, date
//! value (or none), relation to publication and, where a row gives them,
//! place, participants and the cue of an approximate placement. Also: the iCalendar export
//! carries every dated event.

use article_atlas::internals::parse_date_string;
use article_atlas::{analyze, to_ics, Article, Dir, Published};
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    kind: String,
    date: Option<String>,
    relation: String,
    /// The place's name ("" for none); unchecked when absent.
    #[serde(default)]
    place: Option<String>,
    /// The participants' names in order; unchecked when absent.
    #[serde(default)]
    who: Option<Vec<String>>,
    /// The cue of an approximate placement ("" for none); unchecked when
    /// absent.
    #[serde(default)]
    approx: Option<String>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    lang: String,
    published: String,
    /// A headline (none by default).
    #[serde(default)]
    title: String,
    text: String,
    expect: Vec<Expected>,
}

fn article(c: &Case) -> Article {
    Article {
        title: c.title.clone(),
        lang: c.lang.clone(),
        dir: if c.lang == "ar" { Dir::Rtl } else { Dir::Ltr },
        paragraphs: vec![c.text.clone()],
        published: Some(Published { raw: c.published.clone(), date: parse_date_string(&c.published) }),
        ..Article::default()
    }
}

fn cases() -> Vec<Case> {
    let raw = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/events_cases.json")).unwrap();
    serde_json::from_str(&raw).unwrap()
}

#[test]
fn event_cases() {
    let cases = cases();
    assert!(cases.len() >= 10, "only {} cases", cases.len());
    assert!(cases.iter().any(|c| c.lang == "ar") && cases.iter().any(|c| c.lang == "en"));
    let mut failures = Vec::new();
    for c in &cases {
        let a = analyze(&article(c));
        let got: Vec<(String, Option<String>, String)> = a
            .events
            .iter()
            .map(|e| {
                let rel = serde_json::to_value(e.relation).ok().and_then(|v| v.as_str().map(String::from));
                (e.kind.clone(), e.date.as_ref().map(|d| d.value.clone()), rel.unwrap_or_default())
            })
            .collect();
        let want: Vec<(String, Option<String>, String)> =
            c.expect.iter().map(|e| (e.kind.clone(), e.date.clone(), e.relation.clone())).collect();
        if got != want {
            failures.push(format!("{}:\n  want {want:?}\n  got  {got:?}", c.name));
            continue;
        }
        let name = |id: &str| a.entities.iter().find(|x| x.id == id).map_or(String::new(), |x| x.name.clone());
        for (e, x) in a.events.iter().zip(&c.expect) {
            let place = e.place.as_deref().map(name).unwrap_or_default();
            if x.place.as_ref().is_some_and(|p| *p != place) {
                failures.push(format!("{}: place {place:?}, want {:?}", c.name, x.place));
            }
            let who: Vec<String> = e.participants.iter().map(|p| name(p)).collect();
            if x.who.as_ref().is_some_and(|w| *w != who) {
                failures.push(format!("{}: participants {who:?}, want {:?}", c.name, x.who));
            }
            let cue = e.approx.as_ref().map(|x| x.cue.clone()).unwrap_or_default();
            if x.approx.as_ref().is_some_and(|w| *w != cue) {
                failures.push(format!("{}: approximately {cue:?}, want {:?}", c.name, x.approx));
            }
            // an approximate placement is never a date, and says which side
            // of the publication it is on
            if let Some(ap) = &e.approx {
                let pubd = parse_date_string(&c.published);
                assert!(e.date.is_none(), "{}: dated and approximate", c.name);
                assert!(ap.after.is_some() || ap.before.is_some(), "{}: open both ways", c.name);
                assert!(ap.before.is_none_or(|b| Some(b) <= pubd) || ap.after.is_some(), "{}", c.name);
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn ics_carries_every_dated_event() {
    for c in &cases() {
        let a = analyze(&article(c));
        let ics = to_ics(&a);
        let dated = a.events.iter().filter(|e| e.date.is_some()).count();
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), dated, "{}", c.name);
        for e in a.events.iter().filter_map(|e| e.date.as_ref()) {
            let day = format!("{:04}{:02}{:02}", e.start.year, e.start.month, e.start.day);
            assert!(ics.contains(&format!("DTSTART;VALUE=DATE:{day}")), "{}: {day} missing", c.name);
        }
    }
}
