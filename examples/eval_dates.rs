//! Scores `find_dates` against the TIMEX3 DATE annotations of TimeBank and
//! AQUAINT (TempEval-3 training data, English news in TimeML), and its
//! Arabic spans against the DATE mentions of the Wojood sample (Arabic,
//! nested NER; no normalised values there, so spans only, and relative
//! dates resolved against an arbitrary publication date).
//!
//! Run: `cargo run --release --example eval_dates [DEVDATA_DIR]`
//! (default: ../shared/devdata or ../../shared/devdata). Each document's
//! `<DCT>` is the publication date. Reported: precision and recall of exact
//! spans, of exact span and value, and of overlapping spans.
//!
//! `--errors` lists the English errors grouped by pattern, biggest group
//! first: wrong values (by the expression's shape, the gold value's shape
//! and the direction of the difference), spans found that TimeML does not
//! mark, and gold dates missed; each group with its count and a few
//! examples in context. `SHOW=1` prints every error one per line instead.
//!
//! TimeML writes a week as "1998-W02" where `find_dates` gives its days
//! ("1998-01-05/1998-01-11"); a Monday-to-Sunday range is compared as the
//! ISO week, a decade's range as "199" and a century's as "19". A range joined from two dates
//! ("between 1994 and 1997") counts as its two ends, which TimeML marks. Gold weeks without the
//! zero ("2000-W8"), decades as "199X" and centuries as "19XX" are read as
//! "2000-W08", "199" and "19".
//! Nothing else is mapped.

use article_atlas::internals::{days_from_civil, find_dates, find_time_refs, parse_date_string, tokenize, weekday};
use article_atlas::{Precision, Ymd};
use std::path::PathBuf;

/// A date or time reference found, with its value as TimeML writes it.
struct Item {
    start: usize,
    end: usize,
    value: String,
}

struct Gold {
    start: usize,
    end: usize,
    value: String,
}

fn decode(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let from = tag.find(&key)? + key.len();
    let len = tag.get(from..)?.find('"')?;
    tag.get(from..from + len).map(String::from)
}

/// Plain text of the `<TEXT>` part and its DATE timexes (code point spans).
fn read_tml(xml: &str) -> Option<(String, Vec<Gold>, Option<Ymd>)> {
    let dct_tag = xml.split("<DCT>").nth(1)?;
    let dct = attr(dct_tag, "value").and_then(|v| parse_date_string(&v));
    let body = xml.split("<TEXT>").nth(1)?.split("</TEXT>").next()?;
    let mut text = String::new();
    let mut len = 0usize;
    let mut gold = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        let chunk = decode(rest.get(..lt)?);
        len += chunk.chars().count();
        text.push_str(&chunk);
        let gt = rest.get(lt..)?.find('>')? + lt;
        let tag = rest.get(lt..=gt)?;
        if tag.starts_with("<TIMEX3") && attr(tag, "type").as_deref() == Some("DATE") {
            open = attr(tag, "value").map(|v| (len, gold_form(&v)));
        } else if tag.starts_with("</TIMEX3") {
            if let Some((start, value)) = open.take() {
                gold.push(Gold { start, end: len, value });
            }
        }
        rest = rest.get(gt + 1..)?;
    }
    text.push_str(&decode(rest));
    Some((text, gold, dct))
}

/// A gold value in the one form of its meaning that `as_timeml` writes:
/// some TimeBank weeks lack the zero ("2000-W8" is "2000-W08"), and
/// decades come both as "199" (the TIMEX3 form) and "199X".
fn gold_form(v: &str) -> String {
    if let Some((y, w)) = v.split_once("-W") {
        if y.len() == 4 && w.len() == 1 && w.bytes().all(|b| b.is_ascii_digit()) {
            return format!("{y}-W0{w}");
        }
    }
    if v.len() == 4 && v.ends_with("XX") && v.get(..2).is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit())) {
        return v.get(..2).unwrap_or(v).to_string();
    }
    if v.len() == 4 && v.ends_with('X') && v.get(..3).is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit())) {
        return v.get(..3).unwrap_or(v).to_string();
    }
    v.to_string()
}

fn as_timeml(v: &article_atlas::DateValue) -> String {
    // The written range, not the days it narrows to: "earlier this week"
    // is the week ("2000-W06") whose days before publication it covers.
    let mut v = v.clone();
    if let Some((a, b)) = v.value.split_once('/') {
        if let (Some(a), Some(b)) = (parse_date_string(a), parse_date_string(b)) {
            (v.start, v.end) = (a, b);
        }
    }
    let len = days_from_civil(v.end) - days_from_civil(v.start);
    if v.precision == Precision::Range && v.start.day == 1 && (89..=91).contains(&len) {
        // Quarters and (meteorological) seasons.
        let season = match v.start.month {
            3 => "SP",
            6 => "SU",
            9 => "FA",
            12 => "WI",
            m if (m - 1) % 3 == 0 => return format!("{:04}-Q{}", v.start.year, (m - 1) / 3 + 1),
            _ => "",
        };
        if !season.is_empty() {
            return format!("{:04}-{season}", v.start.year);
        }
    }
    if v.precision == Precision::Range
        && (v.start.month, v.start.day, v.end.month, v.end.day) == (1, 1, 12, 31)
        && v.start.year % 10 == 0
        && v.end.year == v.start.year + 9
    {
        return format!("{:03}", v.start.year / 10);
    }
    if v.precision == Precision::Range
        && (v.start.month, v.start.day, v.end.month, v.end.day) == (1, 1, 12, 31)
        && v.start.year % 100 == 0
        && v.end.year == v.start.year + 99
    {
        return format!("{:02}", v.start.year / 100);
    }
    if v.precision == Precision::Range && weekday(v.start) == 5 && len == 1 {
        return format!("{}-WE", iso_week(v.start));
    }
    if v.precision == Precision::Range
        && weekday(v.start) == 0
        && days_from_civil(v.end) - days_from_civil(v.start) == 6
    {
        return iso_week(v.start);
    }
    v.value
}

/// "1998-W02" for the ISO week holding `d`: the week's Thursday decides the year.
fn iso_week(d: Ymd) -> String {
    let thu = days_from_civil(d) - i64::from(weekday(d)) + 3;
    let mut year = d.year + 1;
    let mut jan1 = days_from_civil(Ymd { year, month: 1, day: 1 });
    while thu < jan1 {
        year -= 1;
        jan1 = days_from_civil(Ymd { year, month: 1, day: 1 });
    }
    format!("{year:04}-W{:02}", (thu - jan1) / 7 + 1)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let grouped = args.iter().any(|a| a == "--errors");
    let arg = args.iter().find(|a| !a.starts_with("--")).map(PathBuf::from);
    let root = arg
        .or_else(|| {
            ["../shared/devdata", "../../shared/devdata", "/work/shared/devdata"]
                .iter()
                .map(PathBuf::from)
                .find(|p| p.is_dir())
        })
        .unwrap_or_default();
    let dir = root.join("temporal/TBAQ-cleaned");
    let mut files: Vec<PathBuf> = Vec::new();
    for sub in ["TimeBank", "AQUAINT"] {
        if let Ok(rd) = std::fs::read_dir(dir.join(sub)) {
            files.extend(
                rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "tml")),
            );
        }
    }
    files.sort();
    if files.is_empty() {
        eprintln!("no .tml files under {}", dir.display());
        std::process::exit(2);
    }
    let (mut n_gold, mut n_found, mut span_ok, mut value_ok, mut overlap_ok) = (0, 0, 0, 0, 0);
    let (mut dates_only_ok, mut dates_only_found) = (0, 0);
    // TempEval-3 style: a hit overlaps a gold span and has its value.
    let mut overlap_value_ok = 0;
    let show_misses = std::env::var("SHOW").is_ok();
    // `TSV=1`: every overlap + value error, one tab-separated line
    // (kind, text, found value, gold value, publication date, context).
    let tsv = std::env::var("TSV").is_ok();
    let mut errors = Errors::default();
    for path in &files {
        let Some((text, gold, dct)) = std::fs::read_to_string(path).ok().as_deref().and_then(read_tml) else {
            continue;
        };
        let tokens = tokenize(&text);
        let dates = find_dates(&text, &tokens, "en", dct);
        let refs = find_time_refs(&tokens, &dates);
        // Dates alone: the figure comparable with rounds before references.
        // A range joined from two dates counts as its two ends, as TimeML
        // marks them ("between [1994] and [1997]").
        let date_items: Vec<Item> = dates
            .iter()
            .flat_map(|f| if f.parts.is_empty() { std::slice::from_ref(f) } else { f.parts.as_slice() })
            .map(|f| Item { start: f.start, end: f.end, value: as_timeml(&f.value) })
            .collect();
        for f in &date_items {
            if gold.iter().any(|g| g.start < f.end && f.start < g.end && g.value == f.value) {
                dates_only_ok += 1;
            }
        }
        dates_only_found += date_items.len();
        let mut found = date_items;
        found.extend(refs.iter().map(|r| Item { start: r.start, end: r.end, value: r.kind.timeml().to_string() }));
        found.sort_by_key(|f| f.start);
        n_gold += gold.len();
        n_found += found.len();
        for f in &found {
            if let Some(g) = gold.iter().find(|g| g.start == f.start && g.end == f.end) {
                span_ok += 1;
                if f.value == g.value {
                    value_ok += 1;
                } else {
                    let key = format!(
                        "value  {:<28} want {:<11} got {:<11} {}",
                        shape(&sub(&text, f.start, f.end)),
                        value_shape(&g.value),
                        value_shape(&f.value),
                        direction(&g.value, &f.value)
                    );
                    let ex = format!("{} -> {}", g.value, f.value);
                    errors.add(key, &text, f.start, f.end, ex);
                }
                if show_misses && f.value != g.value {
                    println!(
                        "value  {:?} want {} got {} (dct {:?}) | {}",
                        sub(&text, f.start, f.end),
                        g.value,
                        f.value,
                        dct.map(|d| (d.year, d.month, d.day)),
                        sub(&text, f.start.saturating_sub(100), f.end + 60).replace('\n', " ")
                    );
                }
            } else {
                let near = gold.iter().find(|g| g.start < f.end && f.start < g.end);
                let key = match near {
                    Some(g) => format!(
                        "span   {:<28} gold {}",
                        shape(&sub(&text, f.start, f.end)),
                        shape(&sub(&text, g.start, g.end))
                    ),
                    None => format!("extra  {:<28} {}", shape(&sub(&text, f.start, f.end)), value_shape(&f.value)),
                };
                errors.add(key, &text, f.start, f.end, f.value.clone());
            }
            if show_misses && !gold.iter().any(|g| g.start == f.start && g.end == f.end) {
                let near = gold.iter().find(|g| g.start < f.end && f.start < g.end);
                println!(
                    "span   {:?} (gold {:?})",
                    sub(&text, f.start, f.end),
                    near.map(|g| sub(&text, g.start, g.end))
                );
            }
            if let Some(g) = gold.iter().find(|g| g.start < f.end && f.start < g.end) {
                overlap_ok += 1;
                if f.value == g.value {
                    overlap_value_ok += 1;
                } else if tsv {
                    tsv_line("wrong", &text, f.start, f.end, &f.value, &g.value, dct);
                }
            } else if tsv {
                tsv_line("extra", &text, f.start, f.end, &f.value, "", dct);
            }
        }
        for g in &gold {
            if tsv && !found.iter().any(|f| g.start < f.end && f.start < g.end) {
                tsv_line("missed", &text, g.start, g.end, "", &g.value, dct);
            }
            if !found.iter().any(|f| g.start < f.end && f.start < g.end) {
                let key = format!("missed {:<28} {}", shape(&sub(&text, g.start, g.end)), value_shape(&g.value));
                errors.add(key, &text, g.start, g.end, g.value.clone());
            }
        }
        if show_misses {
            for g in &gold {
                if !found.iter().any(|f| g.start < f.end && f.start < g.end) {
                    println!(
                        "missed {:?} {} | {}",
                        sub(&text, g.start, g.end),
                        g.value,
                        sub(&text, g.start.saturating_sub(40), g.end + 30).replace('\n', " ")
                    );
                }
            }
        }
    }
    println!(
        "find_dates + find_time_refs on TimeBank + AQUAINT: {} documents, {n_gold} gold DATE timexes, {n_found} found",
        files.len()
    );
    println!("exact span:          P {:.3}  R {:.3}", ratio(span_ok, n_found), ratio(span_ok, n_gold));
    println!("exact span + value:  P {:.3}  R {:.3}", ratio(value_ok, n_found), ratio(value_ok, n_gold));
    println!("overlapping span:    P {:.3}", ratio(overlap_ok, n_found));
    let (p, r) = (ratio(overlap_value_ok, n_found), ratio(overlap_value_ok, n_gold));
    println!(
        "overlap + value:     P {p:.3}  R {r:.3}  F1 {:.3}",
        if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }
    );
    let (p, r) = (ratio(dates_only_ok, dates_only_found), ratio(dates_only_ok, n_gold));
    println!(
        "dates alone (no PRESENT/PAST/FUTURE_REF), overlap + value:  P {p:.3}  R {r:.3}  F1 {:.3}",
        if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }
    );
    if grouped {
        errors.print();
    }
    wojood(&root, show_misses);
}

/// Errors grouped by a key that names their pattern.
#[derive(Default)]
struct Errors {
    groups: std::collections::HashMap<String, Vec<String>>,
}

impl Errors {
    fn add(&mut self, key: String, text: &str, start: usize, end: usize, note: String) {
        let ctx = format!(
            "{}[{}]{}",
            sub(text, start.saturating_sub(60), start),
            sub(text, start, end),
            sub(text, end, end + 30)
        )
        .replace('\n', " ");
        self.groups.entry(key).or_default().push(format!("{note:<24} | {ctx}"));
    }

    fn print(&self) {
        let mut groups: Vec<(&String, &Vec<String>)> = self.groups.iter().collect();
        groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(b.0)));
        let total: usize = groups.iter().map(|g| g.1.len()).sum();
        println!("\n{total} English errors in {} groups (count, pattern, examples):", groups.len());
        for (key, list) in groups {
            println!("{:>4}  {key}", list.len());
            for ex in list.iter().take(3) {
                println!("        {ex}");
            }
        }
        println!();
    }
}

/// The shape of a date expression: lower case, numbers by digit count,
/// month and weekday names by class ("last <weekday>", "<month> 99, 9999").
fn shape(s: &str) -> String {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    s.split_whitespace()
        .map(|w| {
            let l = w.to_lowercase();
            let bare = l.trim_end_matches(['.', ',', '\'', 's']);
            if DAYS.iter().any(|d| l.starts_with(d)) {
                "<weekday>".to_string()
            } else if bare.len() >= 3 && MONTHS.iter().any(|m| bare.starts_with(m)) && !bare.starts_with("mon")
                || matches!(bare, "june" | "july")
            {
                "<month>".to_string()
            } else {
                l.chars().map(|c| if c.is_ascii_digit() { '9' } else { c }).collect()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The shape of a TimeML value: digits as 9 ("9999-W99", "9999-Q9").
fn value_shape(v: &str) -> String {
    v.chars().map(|c| if c.is_ascii_digit() { '9' } else { c }).collect()
}

/// Whether a wrong value lies before or after the gold one (by their first
/// day), for values of the same shape.
fn direction(want: &str, got: &str) -> &'static str {
    if value_shape(want) != value_shape(got) {
        return "";
    }
    match got.cmp(want) {
        std::cmp::Ordering::Less => "(too early)",
        std::cmp::Ordering::Greater => "(too late)",
        std::cmp::Ordering::Equal => "",
    }
}

/// Arabic: DATE spans of the Wojood sample (every nesting layer).
fn wojood(root: &std::path::Path, show: bool) {
    let (mut n_gold, mut n_found, mut span_ok, mut overlap_ok, mut gold_hit) = (0, 0, 0, 0, 0);
    let published = Some(Ymd { year: 2015, month: 6, day: 15 });
    let mut n_sent = 0;
    for part in ["train", "val", "test"] {
        let Ok(raw) = std::fs::read_to_string(root.join(format!("ner_ar/wojood_sample/{part}.txt"))) else {
            continue;
        };
        for block in raw.split("\n\n") {
            let mut text = String::new();
            let mut len = 0usize;
            let mut gold: Vec<(usize, usize)> = Vec::new();
            // Open DATE span per layer: its start.
            let mut open: Vec<Option<usize>> = Vec::new();
            let mut last_end = 0usize;
            for line in block.lines().filter(|l| !l.trim().is_empty()) {
                let mut cols = line.split_whitespace();
                let Some(tok) = cols.next() else { continue };
                // The corpus is tokenised; put punctuation back against its
                // neighbours as news text writes it ("(26/4/1947)", "2015،").
                let glue_left = matches!(tok, ")" | "," | "." | ":" | "،" | "؛" | "؟" | "!" | "/")
                    || text.ends_with('(')
                    || text.ends_with('/');
                if !text.is_empty() && !glue_left {
                    text.push(' ');
                    len += 1;
                }
                let start = len;
                text.push_str(tok);
                len += tok.chars().count();
                let tags: Vec<&str> = cols.collect();
                if open.len() < tags.len() {
                    open.resize(tags.len(), None);
                }
                for (layer, slot) in open.iter_mut().enumerate() {
                    let tag = tags.get(layer).copied().unwrap_or("O");
                    if tag != "I-DATE" {
                        if let Some(s) = slot.take() {
                            gold.push((s, last_end));
                        }
                    }
                    if tag == "B-DATE" {
                        *slot = Some(start);
                    }
                }
                last_end = len;
            }
            for s in open.into_iter().flatten() {
                gold.push((s, last_end));
            }
            gold.sort_unstable();
            gold.dedup();
            n_sent += 1;
            let tokens = tokenize(&text);
            let found = find_dates(&text, &tokens, "ar", published);
            n_gold += gold.len();
            n_found += found.len();
            for f in &found {
                let exact = gold.contains(&(f.start, f.end));
                span_ok += usize::from(exact);
                overlap_ok += usize::from(gold.iter().any(|g| g.0 < f.end && f.start < g.1));
                if show && !exact {
                    println!("ar span   {:?}", sub(&text, f.start, f.end));
                }
            }
            for g in &gold {
                let hit = found.iter().any(|f| g.0 < f.end && f.start < g.1);
                gold_hit += usize::from(hit);
                if show && !hit {
                    println!("ar missed {:?}", sub(&text, g.0, g.1));
                }
            }
        }
    }
    if n_sent == 0 {
        return;
    }
    println!("find_dates on the Wojood sample (Arabic): {n_sent} sentences, {n_gold} gold DATE spans, {n_found} found");
    println!("exact span:          P {:.3}  R {:.3}", ratio(span_ok, n_found), ratio(span_ok, n_gold));
    println!("overlapping span:    P {:.3}  R {:.3}", ratio(overlap_ok, n_found), ratio(gold_hit, n_gold));
}

fn tsv_line(kind: &str, text: &str, s: usize, e: usize, found: &str, gold: &str, dct: Option<Ymd>) {
    let ctx = format!("{}[{}]{}", sub(text, s.saturating_sub(80), s), sub(text, s, e), sub(text, e, e + 40));
    let dct = dct.map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)).unwrap_or_default();
    println!("TSV\t{kind}\t{}\t{found}\t{gold}\t{dct}\t{}", sub(text, s, e), ctx.replace(['\n', '\t'], " "));
}

fn sub(text: &str, s: usize, e: usize) -> String {
    text.chars().skip(s).take(e - s).collect()
}
