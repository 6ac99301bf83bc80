//! The recogniser's view of the text: word tokens with their normalised
//! readings (clitics and possessives stripped) and where phrases may not run.

use std::rc::Rc;

use crate::text::{self, RcStr, Token};

/// One way to read a word for lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// Code points of the original word before the part the key covers
    /// (attached proclitics such as و ب ل ال).
    pub pre: usize,
    /// Code points of the original word after the part the key covers
    /// (a possessive "'s").
    pub post: usize,
    /// Normalised key of the covered part (the first reading's is the
    /// token's normal form, shared with it).
    pub key: RcStr,
}

/// A word token and what lookups may use.
#[derive(Debug, Clone)]
pub struct Word {
    /// Index in the token list.
    pub tok: usize,
    /// Code points into the text.
    pub start: usize,
    pub end: usize,
    /// The word as written (shared with its token).
    pub text: RcStr,
    /// Normalised word (shared with its token).
    pub key: RcStr,
    /// Readings, the word itself first, then with ever more stripped
    /// (shared by every occurrence of the same spelling).
    pub readings: Rc<[Reading]>,
    pub arabic: bool,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Written all in capitals (two letters or more), like an acronym.
    pub upper: bool,
    /// A phrase may not run from the previous word into this one
    /// (punctuation other than a hyphen, or a new sentence, between them).
    pub brk: bool,
    /// A comma (Arabic or Latin) stands right before this word.
    pub comma_before: bool,
    /// A dash between words stands right before this word (an em or en
    /// dash, or a hyphen with spaces: "WASHINGTON — Officials").
    pub dash_before: bool,
    /// A hyphen joins this word to the previous one, no space on either
    /// side ("al-Assad", the "3" of a tennis score "6-3").
    pub hyphen_before: bool,
    /// A quotation mark stands between the previous word and this one.
    pub quote_before: bool,
    /// An opening parenthesis or bracket stands right before this word
    /// ("(رويترز)", a photo credit).
    pub open_before: bool,
    /// A closing parenthesis or bracket, or a colon, stands right after
    /// this word, before the next one ("(أ ف ب)", "القاهرة - د ب أ:": a
    /// credit or a dateline's sign-off ends there).
    pub close_after: bool,
    /// Written right after a "#": the word starts a hashtag ("#معان",
    /// "#سد_الوالة").
    pub hashtag: bool,
    /// Joined to the previous word by an underscore, as a hashtag joins
    /// its words ("سد_الوالة").
    pub underscore_before: bool,
    /// Part of a web address or an @handle ("https://t.co/VvdK4OI5Nw",
    /// "@user"): no word of the text's language.
    pub link: bool,
    /// First word of its sentence.
    pub sent_start: bool,
    /// Index of its sentence.
    pub sent: usize,
    /// What the word lists say about it (filled once, looked up often).
    pub f: Feat,
}

impl Word {
    /// Whether a reading of the word (its clitics stripped) is in `list`.
    pub fn reads_as(&self, list: &super::lexicon::WordSet) -> bool {
        self.readings.iter().any(|r| list.contains(&r.key))
    }
}

/// Word-list facts about a word, computed once per word.
#[derive(Debug, Clone, Default)]
pub struct Feat {
    pub ar_stop: bool,
    pub en_stop: bool,
    pub time: bool,
    /// Some reading is a title ("الرئيس", "President").
    pub title: bool,
    /// Some reading is an event trigger.
    pub trigger: bool,
    /// Some reading is an event trigger or starts one ("phone call").
    pub trigger_start: bool,
    pub demonym: Option<&'static str>,
    pub given: Option<super::lexicon::GivenName>,
    /// The word itself is an Arabic organisation head.
    pub org_head: bool,
    /// The reading that is an Arabic organisation head ("للتحالف" → "تحالف").
    pub org_head_reading: Option<usize>,
    pub org_adj: bool,
    pub particle: bool,
    pub connector: bool,
    pub en_org_head: bool,
    /// English: the word may show that a name beside it is a firm's
    /// ("shares", "chairman", "analyst", "firm"): [`super::firms`].
    pub firm_cue: bool,
    /// Some reading may start a curated organisation name.
    pub org_start: bool,
    /// Some reading may start a well-known person's name.
    pub people_start: bool,
    /// Some reading may start a title.
    pub title_start: bool,
    /// Some reading is a compass word ([`super::lexicon::compass`]).
    pub compass: bool,
    /// Some reading is the first word of a demonym ("Russian", "كوري" of
    /// "كوري شمالي"): only such words are looked up as demonyms, at every
    /// word of the text.
    pub demonym_start: bool,
    /// Arabic: some reading may start a listed club's name
    /// ([`super::lexicon::clubs`]), a news agency's
    /// ([`super::lexicon::agencies`]).
    pub club_start: bool,
    pub agency_start: bool,
    /// Some reading is a word of sport (both scripts: [`super::lists::sport_words`]).
    pub sport: bool,
}

/// Code points of `word` (as written) that produce the first `n` code
/// points of its normalised form (ligatures of presentation forms count
/// for all their letters).
pub fn orig_prefix(word: &str, n: usize) -> usize {
    text::orig_prefix(word, n)
}

/// Whether a gazetteer name may start at `tok`: an Arabic word, or a
/// Latin-script word with a capital (or "the"). The recogniser looks up
/// nothing else, the tagger's place features look up nothing else
/// ([`crate::tagger`]), and the page fetches the gazetteer shards of just
/// these words' [`lookup_keys`] ([`crate::assets::needed`]): every lookup
/// the analysis makes is in a shard the page fetched.
pub(crate) fn may_start_name(tok: &Token) -> bool {
    tok.is_word && (tok.arabic || tok.capitalized || tok.norm == "the")
}

/// The keys a name starting at `tok` is looked up by: the word, then its
/// readings (clitics, a possessive, the dots of an abbreviation stripped).
pub(crate) fn lookup_keys(tok: &Token) -> impl Iterator<Item = String> {
    let rs = readings_of(tok);
    (0..rs.len()).map(move |i| String::from(rs[i].key.as_str()))
}

/// The readings of `tok`: the word itself (its normal form, shared), then
/// the other readings, in one allocation.
fn readings_of(tok: &Token) -> Rc<[Reading]> {
    let whole = Reading { pre: 0, post: 0, key: tok.norm.clone() };
    // most words have no other reading: no list for them
    let mut more: Vec<Reading> = Vec::new();
    let mut push = |key: &str, pre: usize, post: usize| {
        if whole.key.as_str() != key && !more.iter().any(|o| o.key.as_str() == key) {
            more.push(Reading { pre, post, key: RcStr::from(key) });
        }
    };
    if tok.arabic {
        // the stems with the article put back, built in one buffer (a
        // `format!` each cost more than the rest of the word's readings)
        let mut with = String::new();
        for r in text::readings(&tok.norm).into_iter().skip(1) {
            let pre = orig_prefix(&tok.text, r.prefix_len);
            push(r.stem, pre, 0);
            if r.had_article {
                with.clear();
                with.push_str("ال");
                with.push_str(r.stem);
                push(&with, pre, 0);
            }
        }
    } else {
        let n = tok.norm.chars().count();
        if let Some(stem) = tok.norm.strip_suffix("'s").or_else(|| tok.norm.strip_suffix('\'')) {
            if !stem.is_empty() {
                let post = n - stem.chars().count();
                push(stem, 0, post);
            }
        }
        // "U.S." meets "us", "U.N." meets "un"
        if tok.norm.contains('.') {
            let key: String = tok.norm.chars().filter(|c| *c != '.').collect();
            if !key.is_empty() {
                push(&key, 0, 0);
            }
        }
    }
    if more.is_empty() {
        Rc::from([whole])
    } else {
        std::iter::once(whole).chain(more).collect()
    }
}

/// The words of `tokens`, with sentence and phrase boundaries.
pub fn words(tokens: &[Token], sentences: &[(usize, usize)]) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(tokens.len());
    let mut sent = 0usize;
    let mut brk = true;
    let mut comma = false;
    let mut quote = false;
    let mut dash = false;
    let mut hash = false;
    let mut underscore = false;
    let mut hyphen = false;
    let mut open = false;
    // inside a web address or an @handle: from "http", "https", "www" or
    // "@" up to the next white space
    let mut link = false;
    let mut last_sent = usize::MAX;
    // words repeat within an article and across articles: each spelling
    // read once, kept ([`READINGS`])
    let mut cache = crate::memo::take_for_article(&READINGS);
    // (so are the joined place names found in the spellings)
    if !crate::memo::ACROSS_ARTICLES {
        super::joined_places::forget();
    }
    let now = crate::memo::data_state();
    for (i, t) in tokens.iter().enumerate() {
        let joined = i > 0 && tokens[i - 1].end == t.start;
        link = (link && joined)
            || (!t.is_word && t.text.ends_with('@'))
            || (t.is_word && matches!(t.norm.as_str(), "http" | "https" | "www"));
        if !t.is_word {
            // "St. Louis", "Ft. Worth": the dot of an abbreviation that opens
            // a place name, before a capitalised word, is inside the name
            let abbreviation = t.text == "."
                && out.last().is_some_and(|w| {
                    w.tok + 1 == i
                        && w.end == t.start
                        && w.cap
                        && super::lists::en_name_abbreviations().contains(&w.key)
                })
                && tokens.get(i + 1).is_some_and(|n| n.is_word && n.capitalized && n.start == t.end + 1);
            if t.text != "-" && t.text != "_" && !abbreviation {
                brk = true;
            }
            comma = matches!(t.text.as_str(), "," | "،");
            // a dash, or a hyphen with a space before it: a hyphen that
            // joins two words is part of the name ("al-Assad", "U.S.-led")
            let spaced = i > 0 && tokens[i - 1].end < t.start;
            // (and a spaced underscore: the New York Times wire's dateline
            // dash, "ATLANTA _ Good for ...")
            dash |= t.text.chars().any(|c| matches!(c, '—' | '–')) || (matches!(t.text.as_str(), "-" | "_") && spaced);
            quote |= t.text.chars().any(|c| matches!(c, '"' | '«' | '»' | '“' | '”' | '„'));
            hash = t.text.ends_with('#');
            underscore = t.text == "_" && i > 0 && tokens[i - 1].end == t.start;
            hyphen = t.text == "-" && !spaced && tokens.get(i + 1).is_some_and(|n| n.start == t.end);
            open |= t.text.contains(['(', '[']);
            if t.text.contains([')', ']', ':']) {
                if let Some(w) = out.last_mut() {
                    w.close_after = true;
                }
            }
            continue;
        }
        while sent + 1 < sentences.len() && t.start >= sentences[sent].1 {
            sent += 1;
        }
        let sent_start = sent != last_sent;
        last_sent = sent;
        // the spelling's readings and word-list facts, kept ([`READINGS`])
        let kept = match cache.get_mut(t.text.as_str()) {
            Some(k) => k,
            None => cache.entry(t.text.clone()).or_insert_with(|| (readings_of(t), None)),
        };
        let f = match &kept.1 {
            Some((at, f)) if *at == now => f.clone(),
            _ => {
                let f = super::feat_of(&kept.0, t.arabic);
                kept.1 = Some((now, f.clone()));
                f
            }
        };
        // every letter a capital, two letters or more: one pass, which most
        // words leave at their first letter
        let upper = !t.arabic && {
            let mut letters = 0usize;
            t.text.chars().filter(|c| c.is_alphabetic()).all(|c| {
                letters += 1;
                c.is_uppercase()
            }) && letters >= 2
        };
        out.push(Word {
            tok: i,
            start: t.start,
            end: t.end,
            text: t.text.clone(),
            key: t.norm.clone(),
            readings: Rc::clone(&kept.0),
            arabic: t.arabic,
            cap: t.capitalized,
            upper,
            brk: brk || sent_start,
            comma_before: comma,
            dash_before: dash,
            hyphen_before: hyphen,
            quote_before: quote,
            open_before: open,
            close_after: false,
            hashtag: hash && i > 0 && tokens[i - 1].end == t.start,
            underscore_before: underscore && i > 0 && tokens[i - 1].end == t.start,
            link,
            sent_start,
            sent,
            f,
        });
        brk = false;
        comma = false;
        dash = false;
        quote = false;
        hash = false;
        underscore = false;
        hyphen = false;
        open = false;
    }
    crate::memo::keep(&READINGS, cache);
    ali_where_ala_apart(&mut out);
    out
}

/// "علي" (Ali) and "على" (on) share a key (ى and ي fold together), so the
/// word lists call it a function word and an ambiguous given name. A text
/// that writes the preposition with its ى somewhere writes the two apart:
/// there "علي" is the name ("الدكتور علي الغامدي").
fn ali_where_ala_apart(words: &mut [Word]) {
    if words.iter().any(|w| w.arabic && w.text.ends_with("على")) {
        for w in words.iter_mut().filter(|w| w.text == "علي") {
            w.f.ar_stop = false;
            w.f.given = Some(super::lexicon::GivenName { ambiguous: false });
        }
    }
}

/// A spelling's readings, and its [`Feat`] with the state of the data it
/// was worked out in (whether the word lists are at hand, the gazetteer's
/// answers: [`crate::memo::data_state`]).
type KeptWord = (Rc<[Reading]>, Option<((bool, usize), Feat)>);

thread_local! {
    /// The readings and word-list facts of each spelling (a token's text)
    /// met, kept ([`crate::memo::take_for_article`]): they follow from the
    /// spelling alone (the facts, in one state of the data).
    static READINGS: std::cell::RefCell<std::collections::HashMap<RcStr, KeptWord, crate::hash::FnvBuild>> =
        Default::default();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{sentences, tokenize};

    #[test]
    fn clitics_are_outside_the_key() {
        let t = "ودعم بالعراق Syria's";
        let w = words(&tokenize(t), &sentences(t));
        let r = w[1].readings.iter().find(|r| r.key == "العراق").unwrap();
        assert_eq!(r.pre, 1);
        let r = w[2].readings.iter().find(|r| r.key == "syria").unwrap();
        assert_eq!(r.post, 2);
    }

    #[test]
    fn demonyms_start_at_flagged_words_only() {
        let t = "Russian officials met السعوديين";
        let w = words(&tokenize(t), &sentences(t));
        let flagged: Vec<bool> = w.iter().map(|w| w.f.demonym_start).collect();
        assert_eq!(flagged, [true, false, false, true]);
    }

    #[test]
    fn prefix_maps_through_tashkeel() {
        assert_eq!(orig_prefix("بِالعراق", 1), 2);
    }
}
