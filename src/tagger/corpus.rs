//! The annotated corpora the tagger trains on and the evaluation scores
//! against, read one way for both: one reader per format, one map from each
//! corpus's types to PER/ORG/LOC/MISC, one NewsFANE clitic glue, and the
//! fixed train / development / test splits.
//!
//! The splits (written here, and nowhere else):
//!
//! | corpus | train | development (tuning) | test (never tuned on) |
//! |---|---|---|---|
//! | NewsFANE | sentences 0–70% | 85–100% | 70–85% |
//! | ANERcorp_train.txt | 0–75% | 75–85% | 85–100% |
//! | WikiFANE Gold | 0–80% | 80–90% | 90–100% |
//! | Wojood sample | train.txt | val.txt | test.txt |
//! | CoNLL-2003 | eng.train documents 0–90% | eng.testa | eng.train documents 90–100% |
//!
//! Percentages are of sentences (of documents for CoNLL-2003), in file
//! order, rounded to the nearest whole one. The NewsFANE development part is
//! the one the project tuned on before these splits existed; its test part
//! was training data of the earlier models, never scored. ANERcorp is read
//! only from `ner_ar/anercorp/ANERcorp_train.txt`: the public corpus's tail
//! is a test set elsewhere and is not in that file.
//!
//! Files are read through a caller's function (relative path → text), so
//! the training tool can record which bytes it saw.

/// A word and its BIO tag ([`super::tag_of`] over [`super::KINDS`], 0 = O).
pub type Word = (String, usize);
/// One sentence.
pub type Sentence = Vec<Word>;
/// One document: its sentences.
pub type Doc = Vec<Sentence>;

use super::model::tag_of;

const PER: usize = 0;
const ORG: usize = 1;
const LOC: usize = 2;
const MISC: usize = 3;

/// Which part of a corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    Train,
    Dev,
    Test,
}

impl Split {
    pub fn name(self) -> &'static str {
        match self {
            Split::Train => "train",
            Split::Dev => "development",
            Split::Test => "test",
        }
    }
}

/// The share of each corpus's train documents that a held-out tagger
/// trains on (`train_tagger --no-refit --train-share 0.75 --out DIR`);
/// `eval ner-ar-tail` / `ner-en-tail` score the rest with those weights
/// (`ATLAS_TAGGER_DIR=DIR`): a second held-out part, larger than the
/// development one, for checking that a rule tuned there carries over.
pub const HELD_OUT_SHARE: f64 = 0.75;

/// How many of `len` train documents a share keeps (the first ones, or
/// the last with `train_tagger --train-tail`).
pub fn share_count(len: usize, share: f64) -> usize {
    (len as f64 * share).round() as usize
}

/// The annotated corpora.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corpus {
    NewsFane,
    AnerCorp,
    WikiFane,
    Wojood,
    Conll,
}

/// The Arabic corpora, in the order reports list them.
pub const ARABIC: [Corpus; 4] = [Corpus::NewsFane, Corpus::AnerCorp, Corpus::WikiFane, Corpus::Wojood];

impl Corpus {
    pub fn name(self) -> &'static str {
        match self {
            Corpus::NewsFane => "NewsFANE",
            Corpus::AnerCorp => "ANERcorp_train",
            Corpus::WikiFane => "WikiFANE Gold",
            Corpus::Wojood => "Wojood sample",
            Corpus::Conll => "CoNLL-2003",
        }
    }

    /// "ar" or "en".
    pub fn lang(self) -> &'static str {
        if self == Corpus::Conll {
            "en"
        } else {
            "ar"
        }
    }

    /// The file (relative to the development data folder) holding a split.
    pub fn file(self, split: Split) -> &'static str {
        match (self, split) {
            (Corpus::NewsFane, _) => "ner_ar/NewsFANE_Gold_2014_170K.txt",
            (Corpus::AnerCorp, _) => "ner_ar/anercorp/ANERcorp_train.txt",
            (Corpus::WikiFane, _) => "ner_ar/wikifane/WikiFANE_Gold_2014_500K.txt",
            (Corpus::Wojood, Split::Train) => "ner_ar/wojood_sample/train.txt",
            (Corpus::Wojood, Split::Dev) => "ner_ar/wojood_sample/val.txt",
            (Corpus::Wojood, Split::Test) => "ner_ar/wojood_sample/test.txt",
            (Corpus::Conll, Split::Dev) => "ner_en/conll2003_eng.testa",
            (Corpus::Conll, _) => "ner_en/conll2003_eng.train",
        }
    }

    /// The share of units (sentences; CoNLL documents) a split takes, as
    /// `[from, to)` fractions of the file; `None` for a whole file.
    pub fn range(self, split: Split) -> Option<(f64, f64)> {
        match (self, split) {
            (Corpus::NewsFane, Split::Train) => Some((0.0, 0.70)),
            (Corpus::NewsFane, Split::Test) => Some((0.70, 0.85)),
            (Corpus::NewsFane, Split::Dev) => Some((0.85, 1.0)),
            (Corpus::AnerCorp, Split::Train) => Some((0.0, 0.75)),
            (Corpus::AnerCorp, Split::Dev) => Some((0.75, 0.85)),
            (Corpus::AnerCorp, Split::Test) => Some((0.85, 1.0)),
            (Corpus::WikiFane, Split::Train) => Some((0.0, 0.80)),
            (Corpus::WikiFane, Split::Dev) => Some((0.80, 0.90)),
            (Corpus::WikiFane, Split::Test) => Some((0.90, 1.0)),
            (Corpus::Wojood, _) | (Corpus::Conll, Split::Dev) => None,
            (Corpus::Conll, Split::Train) => Some((0.0, 0.90)),
            (Corpus::Conll, Split::Test) => Some((0.90, 1.0)),
        }
    }

    /// Reads one split. Documents: CoNLL's own; elsewhere runs of
    /// `sentences_per_doc` sentences (the corpora mark no documents).
    pub fn load(
        self,
        split: Split,
        sentences_per_doc: usize,
        read: &mut dyn FnMut(&str) -> Result<String, String>,
    ) -> Result<Vec<Doc>, String> {
        self.load_as(split, sentences_per_doc, true, read)
    }

    /// [`Corpus::load`], with NewsFANE's and WikiFANE's clitics glued back
    /// to their words (as in running text) or left apart as annotated.
    pub fn load_as(
        self,
        split: Split,
        sentences_per_doc: usize,
        glued: bool,
        read: &mut dyn FnMut(&str) -> Result<String, String>,
    ) -> Result<Vec<Doc>, String> {
        let text = read(self.file(split))?;
        let docs: Vec<Doc> = match self {
            Corpus::NewsFane | Corpus::WikiFane => {
                let s: Vec<Sentence> =
                    if glued { read_fane(&text).iter().map(|s| glue(s)).collect() } else { read_fane(&text) };
                chunk(cut(s, self.range(split)), sentences_per_doc)
            }
            Corpus::AnerCorp => chunk(cut(read_anercorp(&text), self.range(split)), sentences_per_doc),
            Corpus::Wojood => chunk(read_wojood(&text), sentences_per_doc),
            Corpus::Conll => cut(read_conll(&text), self.range(split)),
        };
        Ok(docs)
    }
}

/// What a gold word is, for the word-list generators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gold {
    /// Inside a place name.
    Place,
    /// Inside a person's name.
    Person,
    /// Inside another kind of name (an organisation, a facility, a group).
    OtherName,
    /// An ordinary word (O).
    O,
}

/// The training parts of `corpora` as a generated list names its source:
/// "NewsFANE 0-70%, WikiFANE 0-80%, ...".
pub fn training_parts(corpora: &[Corpus]) -> String {
    let parts: Vec<String> = corpora
        .iter()
        .map(|c| {
            let (from, to) = c.range(Split::Train).unwrap_or((0.0, 1.0));
            format!("{} {:.0}-{:.0}%", c.name(), from * 100.0, to * 100.0)
        })
        .collect();
    parts.join(", ")
}

/// How often each Arabic word of `sentences` is, under its normalised key
/// (Arabic letters only, two or more): inside a person's name, inside
/// another name, and an ordinary word (O). What the generated lists of
/// words that are no names count (`examples/not_person_words.rs`,
/// `examples/word_gold_counts.rs` for `scripts/gen_names.py`).
pub fn arabic_word_counts(sentences: &[Vec<(String, Gold)>]) -> std::collections::BTreeMap<String, [usize; 3]> {
    let mut counts: std::collections::BTreeMap<String, [usize; 3]> = std::collections::BTreeMap::new();
    for (w, tag) in sentences.iter().flatten() {
        let key = crate::text::normalize_key(w);
        if key.chars().count() < 2 || !key.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c)) {
            continue;
        }
        let c = counts.entry(key).or_default();
        match tag {
            Gold::Person => c[0] += 1,
            Gold::Place | Gold::OtherName => c[1] += 1,
            Gold::O => c[2] += 1,
        }
    }
    counts
}

/// The sentences of the training parts of `corpora`, each word with what
/// the gold says it is: what the generated word lists
/// (`examples/ambiguous_places.rs`, `examples/not_person_words.rs`) count,
/// from the same files and splits as training. NewsFANE's and WikiFANE's
/// clitics stay apart, as annotated: the lists count stems, and the
/// generator of ambiguous places strips clitics itself.
pub fn training_words(
    corpora: &[Corpus],
    read: &mut dyn FnMut(&str) -> Result<String, String>,
) -> Result<Vec<Vec<(String, Gold)>>, String> {
    let mut out = Vec::new();
    for &c in corpora {
        for doc in c.load_as(Split::Train, 1, false, read)? {
            for sentence in doc {
                out.push(
                    sentence
                        .into_iter()
                        .map(|(w, t)| {
                            let gold = match super::model::kind_of(t) {
                                None => Gold::O,
                                Some(LOC) => Gold::Place,
                                Some(PER) => Gold::Person,
                                Some(_) => Gold::OtherName,
                            };
                            (w, gold)
                        })
                        .collect(),
                );
            }
        }
    }
    Ok(out)
}

fn cut<T>(mut v: Vec<T>, range: Option<(f64, f64)>) -> Vec<T> {
    let Some((from, to)) = range else { return v };
    let n = v.len() as f64;
    let (a, b) = ((n * from).round() as usize, (n * to).round() as usize);
    v.truncate(b);
    v.split_off(a.min(v.len()))
}

fn chunk(s: Vec<Sentence>, n: usize) -> Vec<Doc> {
    s.chunks(n.max(1)).map(<[Sentence]>::to_vec).collect()
}

fn clean(line: &str) -> String {
    line.chars().filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{FEFF}' | '\r')).collect()
}

fn bio(label: &str, kind: impl Fn(&str) -> Option<usize>) -> usize {
    let (inside, t) = match label.split_once('-') {
        Some(("B", t)) => (false, t),
        Some(("I", t)) => (true, t),
        _ => return 0,
    };
    kind(t).map_or(0, |k| tag_of(k, inside))
}

fn inside(t: usize) -> bool {
    t != 0 && t % 2 == 0
}

/// NewsFANE / WikiFANE fine type → kind (see their Readme.txt): people
/// (Police are officers), organisations, and geo-political entities and
/// natural locations as places. Facilities (Building-Grounds, Airport,
/// Path, Subarea-Facility, Plant), vehicles, works, products and Group
/// (nationalities and communities: "العرب") are misc: the project pins
/// places, and the scorer has always left facilities out.
pub fn fane_kind(fine: &str) -> Option<usize> {
    Some(match fine {
        "Politician" | "Athlete" | "Artist" | "Other_PER" | "Religious_PER" | "Scientist" | "Businessperson"
        | "Police" | "Lawyer" | "Engineer" => PER,
        "Government" | "Non-Governmental" | "Commercial" | "Educational" | "Media" | "Sports" | "Religious_ORG"
        | "Medical-Science" | "Entertainment" => ORG,
        "Nation"
        | "Population-Center"
        | "State-or-Province"
        | "County-or-District"
        | "GPE-Cluster"
        | "Continent"
        | "Water-Body"
        | "Land-Region-Natural" => LOC,
        _ => MISC,
    })
}

/// ANERcorp: PERS, ORG, LOC, MISC.
pub fn anercorp_kind(t: &str) -> Option<usize> {
    match t {
        "PERS" | "PER" => Some(PER),
        "ORG" => Some(ORG),
        "LOC" => Some(LOC),
        "MISC" => Some(MISC),
        _ => None,
    }
}

/// Wojood: PERS, ORG, GPE and LOC as places; FAC and NORP misc (as for
/// NewsFANE); dates, numbers and the rest are not names.
pub fn wojood_kind(t: &str) -> Option<usize> {
    match t {
        "PERS" => Some(PER),
        "ORG" => Some(ORG),
        "GPE" | "LOC" => Some(LOC),
        "NORP" | "FAC" => Some(MISC),
        _ => None,
    }
}

/// CoNLL-2003: PER, ORG, LOC, MISC.
pub fn conll_kind(t: &str) -> Option<usize> {
    match t {
        "PER" => Some(PER),
        "ORG" => Some(ORG),
        "LOC" => Some(LOC),
        "MISC" => Some(MISC),
        _ => None,
    }
}

/// NewsFANE and WikiFANE: `token<TAB>tag`, a line with no token between
/// sentences; clitics are still separate tokens (see [`glue`]).
pub fn read_fane(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for line in text.lines() {
        let line = clean(line);
        let (w, l) = line.split_once('\t').unwrap_or((line.as_str(), ""));
        let w = w.trim();
        if w.is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        cur.push((w.to_string(), bio(l.trim(), fane_kind)));
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Clitics NewsFANE writes as their own tokens and news writes attached
/// to the next word ("و الصادرات" → "والصادرات").
pub const PROCLITICS: &[&str] = &["و", "ف", "ب", "ل", "ك", "س"];
/// Clitics NewsFANE writes as their own tokens and news writes attached
/// to the previous word ("ان ه" → "انه").
pub const ENCLITICS: &[&str] = &["ه", "ها", "هم", "هما", "هن", "نا", "ني", "ي"];

/// Starts with an Arabic letter (a word clitics attach to).
fn arabic_word(w: &str) -> bool {
    w.chars().next().is_some_and(|c| ('\u{0621}'..='\u{064A}').contains(&c))
}

/// NewsFANE and WikiFANE write clitics as separate tokens ("و الصادرات",
/// "ان ه"); news has them attached ("والصادرات", "انه"), which is what the
/// tokenizer sees, so they are glued back: an enclitic outside any name
/// joins the word before (a taa marbuta before it becomes taa: "ولاية ه"
/// → "ولايته"); proclitics outside a name or inside one join the word
/// after, "ل" + "ال" losing the alif ("ل الأمم" → "للأمم"), and the word
/// takes the clitic's tag when it is inside a name and the word is not
/// (a conjunction inside a name keeps the name going).
pub fn glue(sentence: &[Word]) -> Sentence {
    let mut out: Sentence = Vec::new();
    let mut pending = String::new();
    let mut pending_tag = 0usize;
    for (w, t) in sentence {
        if *t == 0 && pending.is_empty() && ENCLITICS.contains(&w.as_str()) {
            if let Some(prev) = out.last_mut().filter(|p| arabic_word(&p.0)) {
                if prev.0.ends_with('ة') {
                    prev.0.pop();
                    prev.0.push('ت');
                }
                prev.0.push_str(w);
                continue;
            }
        }
        if PROCLITICS.contains(&w.as_str()) && (*t == 0 || inside(*t)) {
            if pending.is_empty() {
                pending_tag = *t;
            }
            pending.push_str(w);
            continue;
        }
        if !pending.is_empty() {
            if arabic_word(w) {
                let word = if pending.ends_with('ل') && w.starts_with("ال") {
                    format!("{pending}{}", w.get("ا".len()..).unwrap_or(""))
                } else {
                    format!("{pending}{w}")
                };
                pending.clear();
                let tag = if inside(pending_tag) && *t == 0 { pending_tag } else { *t };
                out.push((word, tag));
                continue;
            }
            out.push((std::mem::take(&mut pending), pending_tag));
        }
        out.push((w.clone(), *t));
    }
    if !pending.is_empty() {
        out.push((pending, pending_tag));
    }
    out
}

/// ANERcorp: `token TAG` a line, a blank line after each sentence.
pub fn read_anercorp(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for line in text.lines() {
        let line = clean(line);
        let mut parts = line.split_whitespace();
        let (Some(w), Some(l)) = (parts.next(), parts.next_back()) else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        };
        cur.push((w.to_string(), bio(l, anercorp_kind)));
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Wojood: `token tag [tag ...]`, nested; keeps, of the spans of the kinds
/// we tag, the longest that do not overlap (outermost first).
pub fn read_wojood(text: &str) -> Vec<Sentence> {
    let mut sents: Vec<Vec<(String, Vec<String>)>> = Vec::new();
    let mut cur = Vec::new();
    for line in text.lines() {
        let line = clean(line);
        let mut parts = line.split_whitespace();
        let Some(w) = parts.next() else {
            if !cur.is_empty() {
                sents.push(std::mem::take(&mut cur));
            }
            continue;
        };
        if w == "$#$" {
            continue;
        }
        cur.push((w.to_string(), parts.map(str::to_string).collect::<Vec<_>>()));
    }
    if !cur.is_empty() {
        sents.push(cur);
    }
    sents
        .into_iter()
        .map(|s| {
            let mut found: Vec<(usize, usize, usize)> = Vec::new();
            for (i, (_, tags)) in s.iter().enumerate() {
                for tag in tags {
                    let Some(ty) = tag.strip_prefix("B-") else { continue };
                    let Some(kind) = wojood_kind(ty) else { continue };
                    let inside = format!("I-{ty}");
                    let mut end = i + 1;
                    while end < s.len() && s[end].1.contains(&inside) {
                        end += 1;
                    }
                    found.push((i, end, kind));
                }
            }
            found.sort_by_key(|&(a, b, k)| (std::cmp::Reverse(b - a), a, k));
            let mut tags = vec![0usize; s.len()];
            for (a, b, k) in found {
                if tags[a..b].iter().all(|&t| t == 0) {
                    tags[a] = tag_of(k, false);
                    for t in &mut tags[a + 1..b] {
                        *t = tag_of(k, true);
                    }
                }
            }
            s.into_iter().map(|(w, _)| w).zip(tags).collect()
        })
        .collect()
}

/// CoNLL-2003: `token POS chunk NER`, IOB1 (I- starts an entity unless it
/// continues one of the same type; B- only between two adjacent ones),
/// documents after `-DOCSTART-`.
pub fn read_conll(text: &str) -> Vec<Doc> {
    let mut docs: Vec<Doc> = Vec::new();
    let mut doc: Doc = Vec::new();
    let mut cur: Sentence = Vec::new();
    let mut prev = String::new();
    for line in text.lines() {
        let line = clean(line);
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() || cols[0] == "-DOCSTART-" {
            if !cur.is_empty() {
                doc.push(std::mem::take(&mut cur));
            }
            if cols.first() == Some(&"-DOCSTART-") && !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            prev.clear();
            continue;
        }
        let (w, l) = (cols[0], cols[cols.len() - 1]);
        let tag = match l.split_once('-') {
            Some((p, ty)) => conll_kind(ty).map_or(0, |k| tag_of(k, p == "I" && prev == ty)),
            None => 0,
        };
        prev = l.split_once('-').map_or(String::new(), |(_, ty)| ty.to_string());
        cur.push((w.to_string(), tag));
    }
    if !cur.is_empty() {
        doc.push(cur);
    }
    if !doc.is_empty() {
        docs.push(doc);
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str, t: usize) -> Word {
        (s.to_string(), t)
    }

    #[test]
    fn glue_joins_clitics_as_news_writes_them() {
        let per_b = tag_of(PER, false);
        let org_b = tag_of(ORG, false);
        let org_i = tag_of(ORG, true);
        let s = vec![
            w("و", 0),
            w("قال", 0),
            w("ولاية", 0),
            w("ه", 0),
            w("ل", 0),
            w("الأمم", org_b),
            w("المتحدة", org_i),
            w("و", org_i),
            w("التنمية", org_i),
            w("أحمد", per_b),
        ];
        let g = glue(&s);
        let words: Vec<&str> = g.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["وقال", "ولايته", "للأمم", "المتحدة", "والتنمية", "أحمد"]);
        let tags: Vec<usize> = g.iter().map(|(_, t)| *t).collect();
        assert_eq!(tags, [0, 0, org_b, org_i, org_i, per_b]);
    }

    #[test]
    fn splits_do_not_overlap_and_cover_the_file() {
        for c in [Corpus::NewsFane, Corpus::AnerCorp, Corpus::WikiFane, Corpus::Conll] {
            let parts: Vec<Vec<usize>> = [Split::Train, Split::Dev, Split::Test]
                .into_iter()
                .filter(|&s| c.file(s) == c.file(Split::Train))
                .map(|s| cut((0..1000).collect(), c.range(s)))
                .collect();
            let mut all: Vec<usize> = parts.concat();
            all.sort_unstable();
            assert_eq!(all, (0..1000).collect::<Vec<_>>(), "{}", c.name());
        }
    }

    #[test]
    fn conll_iob1_becomes_bio() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\n\
                    -DOCSTART- -X- O O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n";
        let docs = read_conll(text);
        assert_eq!(docs.len(), 2);
        let tags: Vec<usize> = docs[1][0].iter().map(|(_, t)| *t).collect();
        assert_eq!(tags, [tag_of(PER, false), tag_of(PER, true)]);
        assert_eq!(docs[0][0][0].1, tag_of(ORG, false));
    }
}
