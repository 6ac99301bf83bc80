//! Exports of an [`Analysis`]: GeoJSON of the places, iCalendar of the dated
//! events, CSV of the entities, and the analysis itself as JSON. Pure
//! functions of the analysis; the page and the JS API only wrap them in files.

use crate::json::write::to_string;
use crate::json::{Map, Value};
use crate::model::{Analysis, EntityType, MentionForm, Ymd};
use crate::time::calendar;

/// A GeoJSON FeatureCollection (RFC 7946) with one Point per place entity.
/// Objects are written with their keys sorted, as serde_json's `json!` made
/// them.
pub fn to_geojson(a: &Analysis) -> String {
    let object = |fields: Vec<(&str, Value)>| -> Value {
        Value::Object(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    };
    let features: Vec<Value> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Place)
        .filter_map(|e| {
            let p = e.place.as_ref()?;
            let mut props = Map::new();
            let mut prop = |k: &str, v: Value| props.insert(k.to_string(), v);
            prop("id", e.id.as_str().into());
            prop("name", e.name.as_str().into());
            if let Some(n) = &e.names.ar {
                prop("name_ar", n.as_str().into());
            }
            if let Some(n) = &e.names.en {
                prop("name_en", n.as_str().into());
            }
            prop("kind", p.kind.name().into());
            if let Some(c) = &p.country {
                prop("country", c.as_str().into());
            }
            if let Some(r) = p.radius_km {
                prop("radius_km", r.into());
            }
            prop("mentions", e.mentions.into());
            // of those, nationality words ("Russian", "السفارة السعودية")
            // rather than names of the place
            let nationality = a.mentions.iter().filter(|m| m.entity == e.id && m.form == MentionForm::Demonym).count();
            if nationality > 0 {
                prop("nationality_mentions", nationality.into());
            }
            prop("salience", e.salience.into());
            prop("gazetteer_id", p.gazetteer_id.as_str().into());
            if p.corrected {
                // moved by the reader: the analysed choice is the first candidate
                prop("corrected", Value::Bool(true));
            }
            let point =
                object(vec![("type", "Point".into()), ("coordinates", Value::Array(vec![p.lon.into(), p.lat.into()]))]);
            Some(object(vec![
                ("type", "Feature".into()),
                ("id", e.id.as_str().into()),
                ("geometry", point),
                ("properties", Value::Object(props)),
            ]))
        })
        .collect();
    let fc = object(vec![("type", "FeatureCollection".into()), ("features", Value::Array(features))]);
    pretty(&to_string(&fc))
}

/// The analysis as pretty-printed JSON (the same shape `analyze` returns in JS).
pub fn to_json(a: &Analysis) -> String {
    pretty(&to_string(a))
}

/// What `serde_json::to_string_pretty` writes (two spaces an indent, `": "`
/// after a key, `[]` and `{}` when empty), made from the compact text: the
/// wasm then carries one serialiser of an analysis, the compact one the JS
/// API uses, instead of a second, pretty copy of it.
fn pretty(compact: &str) -> String {
    fn newline(out: &mut Vec<u8>, depth: usize) {
        out.push(b'\n');
        out.extend(std::iter::repeat_n(b' ', 2 * depth));
    }
    let b = compact.as_bytes();
    let mut out = Vec::with_capacity(b.len() * 2);
    let mut depth = 0usize;
    let mut k = 0;
    while let Some(&c) = b.get(k) {
        if c == b'"' {
            let end = crate::text::json_string_end(b, k);
            out.extend_from_slice(&b[k..end]);
            k = end;
            continue;
        }
        k += 1;
        match c {
            b'{' | b'[' => {
                out.push(c);
                let close = if c == b'{' { b'}' } else { b']' };
                if b.get(k) == Some(&close) {
                    out.push(close);
                    k += 1;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            b',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(c),
        }
    }
    // only ASCII was put between the input's bytes, never inside a character
    String::from_utf8(out).unwrap_or_default()
}

/// An iCalendar file (RFC 5545) with one all-day VEVENT per dated event.
/// Deterministic: UIDs come from the event ids and the article, DTSTAMP from
/// the publication date (or the event's own date).
pub fn to_ics(a: &Analysis) -> String {
    let mut out = String::new();
    let mut line = |s: &str| fold_line(&mut out, s);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//article-atlas//article-atlas//EN");
    line("CALSCALE:GREGORIAN");
    line(&format!("X-WR-CALNAME:{}", ics_escape(&a.title)));
    let article_key = crate::hash::fnv1a64(a.text.as_bytes());
    let chars: Vec<char> = a.text.chars().collect();
    let name_of = |id: &str| a.entities.iter().find(|e| e.id == id).map(|e| e.name.clone());
    for ev in &a.events {
        let Some(date) = &ev.date else { continue };
        line("BEGIN:VEVENT");
        line(&format!("UID:{}-{article_key:016x}@article-atlas", ics_escape(&ev.id)));
        let stamp = a.published.as_deref().and_then(calendar::parse_iso_day).unwrap_or(date.start);
        line(&format!("DTSTAMP:{}T000000Z", ymd_basic(stamp)));
        line(&format!("DTSTART;VALUE=DATE:{}", ymd_basic(date.start)));
        line(&format!("DTEND;VALUE=DATE:{}", ymd_basic(calendar::add_days(date.end, 1).unwrap_or(date.end))));
        line(&format!("SUMMARY:{}", ics_escape(&ev.label)));
        if let Some(place) = ev.place.as_deref().and_then(name_of) {
            line(&format!("LOCATION:{}", ics_escape(&place)));
        }
        let sentence: String =
            chars.get(ev.start.min(chars.len())..ev.end.min(chars.len())).unwrap_or_default().iter().collect();
        let who: Vec<String> = ev.participants.iter().filter_map(|p| name_of(p)).collect();
        let mut desc = sentence.trim().to_string();
        if !who.is_empty() {
            desc.push_str("\n\n");
            desc.push_str(&who.join(", "));
        }
        if !desc.is_empty() {
            line(&format!("DESCRIPTION:{}", ics_escape(&desc)));
        }
        if let Some(u) = &a.url {
            line(&format!("URL:{}", u.replace(['\r', '\n'], "")));
        }
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// TEXT escaping of RFC 5545 §3.3.11.
fn ics_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            ';' => o.push_str("\\;"),
            ',' => o.push_str("\\,"),
            '\n' => o.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => o.push(c),
        }
    }
    o
}

/// Writes a content line folded at 75 octets (RFC 5545 §3.1), never inside a
/// UTF-8 sequence, ending in CRLF.
fn fold_line(out: &mut String, s: &str) {
    let mut width = 0;
    for c in s.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn ymd_basic(d: Ymd) -> String {
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

/// The entities as CSV (RFC 4180: CRLF, quoted when needed). Text cells that
/// a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
/// tab or CR) get a leading `'`.
pub fn to_csv(a: &Analysis) -> String {
    let mut out = String::from("id,type,name,name_ar,name_en,mentions,salience,lat,lon,country\r\n");
    for e in &a.entities {
        let p = e.place.as_ref();
        let cells = [
            text_cell(&e.id),
            text_cell(e.kind.as_str()),
            text_cell(&e.name),
            text_cell(e.names.ar.as_deref().unwrap_or_default()),
            text_cell(e.names.en.as_deref().unwrap_or_default()),
            e.mentions.to_string(),
            crate::float::display(e.salience),
            p.map(|p| crate::float::display(p.lat)).unwrap_or_default(),
            p.map(|p| crate::float::display(p.lon)).unwrap_or_default(),
            text_cell(p.and_then(|p| p.country.as_deref()).unwrap_or_default()),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fn text_cell(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_is_serde_jsons_pretty_form() {
        let v = serde_json::json!({
            "a": [], "b": {}, "c": [1, -2.5, true, null, {"d": [[]], "e": "x,y:{z}[]"}],
            "f": "quote \" backslash \\ \\\" tab\t newline\n عربي ✓", "g": {"h": {"i": [{}]}},
        });
        assert_eq!(pretty(&v.to_string()), serde_json::to_string_pretty(&v).unwrap());
        assert_eq!(pretty("[]"), "[]");
        assert_eq!(pretty("\"s\""), "\"s\"");
        for text in [include_str!("../www/articles/default.json"), include_str!("../www/articles/english.json")] {
            let a = crate::analyze(&crate::parse_article(text.as_bytes()).unwrap());
            assert!(!a.entities.is_empty());
            assert_eq!(to_json(&a), serde_json::to_string_pretty(&a).unwrap());
            let geo: serde_json::Value = serde_json::from_str(&to_geojson(&a)).unwrap();
            assert_eq!(to_geojson(&a), serde_json::to_string_pretty(&geo).unwrap());
        }
    }
}
