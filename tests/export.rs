//! Exports of an analysis (fixture: `tests/export_fixture.json`).

use article_atlas::{to_csv, to_geojson, to_ics, to_json, Analysis};
use serde_json::Value;

fn fixture() -> Analysis {
    serde_json::from_str(include_str!("export_fixture.json")).unwrap()
}

#[test]
fn geojson_is_a_feature_collection_of_places() {
    let g: Value = serde_json::from_str(&to_geojson(&fixture())).unwrap();
    assert_eq!(g["type"], "FeatureCollection");
    let f = g["features"].as_array().unwrap();
    assert_eq!(f.len(), 2, "only place entities");
    assert_eq!(f[0]["type"], "Feature");
    assert_eq!(f[0]["geometry"]["type"], "Point");
    assert_eq!(f[0]["geometry"]["coordinates"], serde_json::json!([4.3007, 52.0705]), "lon, lat order");
    assert_eq!(f[0]["properties"]["name_ar"], "لاهاي");
    assert_eq!(f[0]["properties"]["country"], "NL");
    assert_eq!(f[1]["properties"]["radius_km"], 300.0);
}

#[test]
fn json_round_trips() {
    let a = fixture();
    assert_eq!(serde_json::from_str::<Analysis>(&to_json(&a)).unwrap(), a);
}

#[test]
fn ics_is_rfc5545() {
    let ics = to_ics(&fixture());
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "every line ends in CRLF");
    assert!(!ics.contains("\r\n\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "unfolded line of {} octets: {line}", line.len());
    }
    let unfolded = ics.replace("\r\n ", "");
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 2, "undated events are left out");
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20221231\r\n"));
    assert!(unfolded.contains("DTEND;VALUE=DATE:20230101\r\n"), "exclusive end rolls over the year");
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20240201\r\nDTEND;VALUE=DATE:20240301\r\n"), "month, leap year");
    assert!(unfolded.contains("DTSTAMP:20221208T000000Z\r\n"));
    assert!(unfolded.contains("SUMMARY:Meeting in The Hague\\; ministers\\, officials \\\\ more — a very long label"));
    assert!(unfolded.contains("اجتماع المديرين السياسيين\r\n"), "folding keeps UTF-8 sequences whole");
    assert!(unfolded.contains("LOCATION:The Hague\r\n"));
    assert!(unfolded.contains("X-WR-CALNAME:Talks in The Hague\\, \"round 2\"\\; notes\\\\more\r\n"));
    assert!(unfolded.contains("\\n\\nIan McCary"), "participants after the sentence");
    assert!(unfolded.contains("UID:ev1-"));
    assert_eq!(ics, to_ics(&fixture()), "deterministic");
}

#[test]
fn csv_is_rfc4180_and_guards_formulas() {
    let csv = to_csv(&fixture());
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "id,type,name,name_ar,name_en,mentions,salience,lat,lon,country");
    assert_eq!(lines[1], "place:the-hague,place,The Hague,لاهاي,The Hague,2,0.9,52.0705,4.3007,NL");
    assert_eq!(lines[2], "place:syria,place,\"Syria, \"\"north-east\"\"\",,,1,0.5,35,38.5,SY");
    assert_eq!(lines[3], "person:evil,person,\"'=HYPERLINK(\"\"http://x\"\")\",,'+1 caller,1,0.2,,,");
    assert_eq!(lines[4], "org:x,organization,\"'@ministry, foreign\naffairs\",'-وزارة,,1,0.1,,,");
    assert!(csv.ends_with("\r\n"));
}

/// Nationality words count among a country's mentions and are told apart:
/// in the GeoJSON (`nationality_mentions`) and in the JSON (`form`).
#[test]
fn exports_tell_nationality_words_from_names() {
    let json = serde_json::json!({
        "lang": "en",
        "title": "Talks",
        "body": ["Russian officials met in Cairo. Russia said the Russians would stay."]
    })
    .to_string();
    let a = article_atlas::analyze(&article_atlas::parse_article(json.as_bytes()).unwrap());
    let g: Value = serde_json::from_str(&to_geojson(&a)).unwrap();
    let russia = g["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["gazetteer_id"] == "country:RU")
        .expect("Russia on the map");
    assert_eq!(russia["properties"]["mentions"], 3, "{russia}");
    assert_eq!(russia["properties"]["nationality_mentions"], 2, "{russia}");
    let j: Value = serde_json::from_str(&to_json(&a)).unwrap();
    let forms: Vec<(&str, Option<&str>)> = j["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["text"].as_str().is_some_and(|t| t.starts_with("Russia")))
        .map(|m| (m["text"].as_str().unwrap(), m["form"].as_str()))
        .collect();
    assert_eq!(forms, [("Russian", Some("demonym")), ("Russia", None), ("Russians", Some("demonym"))]);
}
