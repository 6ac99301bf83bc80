//! Tests of the gazetteer's tables (a child module of `data`).

use super::*;
use std::collections::HashSet;

#[test]
fn tables_read_as_their_files() {
    crate::tsv::check_reads_as_file(include_str!("../../data/gazetteer/shards.tsv"), SHARDS_TSV, usize::MAX);
}

/// Every Arabic first word of a late key passes the filter; other
/// Arabic words rarely do; damaged filter data never panics.
/// The core as the page fetches it: scripts/assets.mjs writes places.tsv
/// and index.tsv as `P` and `K` rows.
fn core_asset() -> String {
    let rows = |text: &'static str, prefix: &str| data_rows(text).map(|l| format!("{prefix}{l}\n")).collect::<String>();
    rows(PLACES_TSV, "P\t") + &rows(INDEX_TSV, "K\t")
}

#[test]
fn filter_passes_every_late_first_word() {
    let g = gazetteer();
    let filter = g.filter.get().expect("native builds embed the filter");
    assert!(filter.modulus > 0 && !filter.values.is_empty());
    let mut late_first = HashSet::new();
    load_all();
    for t in g.shards.iter().filter_map(|s| s.table.get()) {
        for key in &t.keys {
            let first = key.split(' ').next().unwrap_or(key);
            if first.chars().next().is_some_and(crate::text::is_arabic) {
                assert!(filter.may_start(first), "{first:?} of {key:?}");
                late_first.insert(first);
            }
        }
    }
    assert!(late_first.len() > 1000, "{}", late_first.len());
    // Arabic first words of core keys that start no late key
    let core = g.core.get().expect("native builds embed the core");
    let others: HashSet<&str> = core
        .table
        .keys
        .iter()
        .filter_map(|k| k.split(' ').next())
        .filter(|w| w.chars().next().is_some_and(crate::text::is_arabic) && !late_first.contains(w))
        .collect();
    let passed = others.iter().filter(|w| filter.may_start(w)).count();
    assert!(others.len() > 1000 && passed * 100 < others.len(), "{passed} of {} pass", others.len());
    assert!(filter.may_start("Springfield"), "a Latin word is not filtered");
    for cut in [0, 1, 7, FIRST_WORDS_BIN.len() / 2] {
        let _ = Filter::decode(&FIRST_WORDS_BIN[..cut], 3301, 10);
    }
    assert!(Filter::decode(&[0xff; 64], 10, 10).is_none(), "a value past the modulus is refused");
}

/// The core as the page fetches it (scripts/assets.mjs writes places.tsv
/// and index.tsv as `P` and `K` rows) folds in as the embedded one does;
/// a damaged copy is refused.
#[test]
fn core_asset_folds_in_like_the_embedded_core() {
    let text = core_asset();
    let bare = build_bare();
    assert!(bare.core.get().is_none() && bare.places.iter().all(|p| p.get().is_none()));
    assert!(fold_core_text(&bare, "not\ta\tcore\n").is_err());
    assert_eq!(fold_core_text(&bare, Box::leak(text.into_boxed_str())), Ok(true));
    let (a, b) = (gazetteer().core.get().unwrap(), bare.core.get().unwrap());
    assert_eq!(a.table.keys, b.table.keys);
    assert_eq!(a.table.ids, b.table.ids);
    assert_eq!(a.by_id, b.by_id);
    assert!(a.table.keys.len() > 5000 && b.by_id.len() > 2000, "{} {}", a.table.keys.len(), b.by_id.len());
    assert_eq!(bare.loaded_places.load(Ordering::Relaxed), b.by_id.len());
    for &row in &b.by_id {
        let place = |g: &Gazetteer| g.places[row as usize].get().map(|p| p.id);
        assert_eq!(place(gazetteer()), place(&bare));
    }
}

/// A shard given before the core (a host providing files in directory
/// order) is kept and folded in when the core arrives.
#[test]
fn a_shard_before_the_core_waits_for_it() {
    let core = core_asset();
    let bare = build_bare();
    let shard = include_str!("../../data/gazetteer/late/gaz-0000.tsv");
    assert_eq!(provide_shard_to(&bare, "gaz-0000", shard.to_string()), Ok(true));
    assert_eq!(provide_shard_to(&bare, "gaz-0000", shard.to_string()), Ok(false));
    assert!(provide_shard_to(&bare, "gaz-9999", shard.to_string()).is_err());
    assert!(bare.shards[0].table.get().is_none(), "not folded before the core");
    assert_eq!(fold_core_text(&bare, Box::leak(core.into_boxed_str())), Ok(true));
    let table = bare.shards[0].table.get().expect("folded with the core");
    assert!(!table.keys.is_empty());
    assert_eq!(provide_shard_to(&bare, "gaz-0000", shard.to_string()), Ok(false));
    // the core and the given shard may each change a lookup's answer
    assert_eq!(bare.answers.load(Ordering::Relaxed), 2);
}

/// An embedded shard parsed on first need is folded in but changes no
/// lookup's answer: the lookups that it may answer parse it first.
#[test]
fn an_embedded_shard_parsed_changes_no_answer() {
    let g = build();
    let count = |c: &AtomicUsize| c.load(Ordering::Relaxed);
    let answers = count(&g.answers);
    let shard = g.shards.iter().find(|s| s.table.get().is_none()).expect("a shard not parsed yet");
    assert!(shard_table(&g, shard).is_some());
    assert!(shard.table.get().is_some(), "folded in");
    assert_eq!(count(&g.answers), answers);
}

/// The hashed step answers as the binary search of the sorted keys
/// does, for every key of the core and the shards, every start of one
/// and near misses.
#[test]
fn hashed_step_agrees_with_sorted_keys() {
    let g = gazetteer();
    let tables = g.core.get().map(|c| &c.table).into_iter().chain(g.shards.iter().filter_map(|s| s.table.get()));
    let mut checked = 0;
    for t in tables {
        t.hash_now();
        for key in &t.keys {
            let mut probes: Vec<String> = vec![key.to_string(), format!("{key} "), format!("{key} x")];
            probes.extend(key.match_indices(' ').map(|(i, _)| key[..i].to_string()));
            let mut cut = key.to_string();
            cut.pop();
            probes.push(cut);
            for p in &probes {
                assert_eq!(t.step(p), t.step_sorted(p), "{p:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 10_000, "{checked}");
}

#[test]
fn late_arabic_names_leave_the_taggers_place_feature_alone() {
    // flags column: "N" notable, "A" its Arabic names came after the taggers
    let row = |flags: &str| format!("7\tgeonames:1\tcity\t32.27\t35.01\t44000\tIL\t0\t{flags}\tTaibe\tالطيبة\t");
    assert!(row_notable(&row("N"), false) && row_notable(&row("N"), true));
    assert!(row_notable(&row("NA"), false));
    assert!(!row_notable(&row("NA"), true));
    assert!(!row_notable(&row("A"), false) && !row_notable(&row(""), false));
    let (_, parsed) = parse_place(Box::leak(row("NA").into_boxed_str())).unwrap();
    assert!(parsed.notable && parsed.arabic_late);
    // Et Taiyiba (Israel) gained "الطيبة" once GeoNames' vowel marks were
    // dropped: its Latin name still counts, the new Arabic one does not
    load_all();
    let taibe = lookup("taibe").iter().filter_map(|&i| gazetteer().places.get(i as usize)).find_map(Row::get);
    let taibe = taibe.expect("taibe in the gazetteer");
    assert!(taibe.notable && taibe.arabic_late, "{taibe:?}");
    assert!(notable_step("taibe").0);
    assert!(lookup("الطيبه").iter().any(|&i| gazetteer().places.get(i as usize).and_then(Row::get) == Some(taibe)));
    assert!(!notable_step("الطيبه").0);
}

/// A late shard's table answers [`Table::notable_head`] when asked as the
/// heads [`Table::mark_notable`] would have marked: for every start of
/// every key, and for whole keys and words no key continues.
#[test]
fn notable_heads_of_shards_as_marked() {
    let g = gazetteer();
    load_all();
    let notable = |i: u32, arabic: bool| g.places.get(i as usize).is_some_and(|r| r.notable_for(arabic));
    let mut asked = 0;
    for t in g.shards.iter().filter_map(|s| s.table.get()) {
        let mut marked = HashSet::new();
        for (key, &(s, e)) in t.keys.iter().zip(&t.spans) {
            let arabic = key.chars().next().is_some_and(crate::text::is_arabic);
            if t.ids[s as usize..e as usize].iter().any(|&i| notable(i, arabic)) {
                marked.extend(key.match_indices(' ').map(|(i, _)| &key[..i]));
            }
        }
        for key in &t.keys {
            let starts = key.match_indices(' ').map(|(i, _)| &key[..i]);
            for word in starts.chain([*key, "xqzvkw"]) {
                assert_eq!(t.notable_head(word, notable), marked.contains(word), "{word:?}");
                asked += 1;
            }
        }
    }
    assert!(asked > 200_000, "{asked}");
}
