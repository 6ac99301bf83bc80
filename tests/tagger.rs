//! The learned entity tagger: the embedded models load and tag real-looking
//! sentences sensibly (cases in `tagger_cases.json`, one row each), no input
//! or corrupt model makes it panic, and training is deterministic.

use article_atlas::internals::tagger::{
    embedded, tag, tag_with, train, Example, Lang, Lexicon, Model, NoLexicon, Params, NT,
};
use article_atlas::internals::{tokenize, Token};

#[test]
fn embedded_models_load() {
    for lang in [Lang::Ar, Lang::En] {
        let m = embedded(lang).unwrap_or_else(|| panic!("the {} model does not decode", lang.code()));
        assert_eq!(m.lang, lang);
        assert!(m.keys.len() > 1000, "the {} model is nearly empty", lang.code());
    }
}

#[test]
fn tags_real_looking_sentences() {
    let cases: serde_json::Value = serde_json::from_str(include_str!("tagger_cases.json")).unwrap();
    let mut failures = Vec::new();
    for case in cases.as_array().unwrap() {
        let lang = case["lang"].as_str().unwrap();
        let text = case["text"].as_str().unwrap();
        let tokens = tokenize(text);
        let found: Vec<(String, &str)> = tag(&tokens, lang)
            .into_iter()
            .map(|s| {
                let (a, b) = (tokens[s.start_token].start, tokens[s.end_token - 1].end);
                assert!((0.0..=1.0).contains(&s.score), "score {} out of range", s.score);
                (text.chars().skip(a).take(b - a).collect(), s.kind.as_str())
            })
            .collect();
        for e in case["expect"].as_array().unwrap() {
            let (name, kind) = (e[0].as_str().unwrap(), e[1].as_str().unwrap());
            if let Some(why) = e.get(2).and_then(|w| w.as_str()) {
                eprintln!("{text}: {kind} {name:?} not checked: {why}");
                continue;
            }
            if !found.iter().any(|(n, k)| n == name && *k == kind) {
                failures.push(format!("{text}: expected {kind} {name:?}, found {found:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A small deterministic generator, so the fuzz-like inputs are the same on
/// every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn arbitrary_tokens_never_panic() {
    let alphabet: Vec<char> =
        "aZ9 .,!?؟،؛-'\"()«»\u{200e}\u{feff}\u{064b}ـأإآةىؤئابتثجحخدذرزسشصضطظعغفقكلمنهوي٠٩ÄéßİЖ中😀\n\t"
            .chars()
            .collect();
    let mut rng = Lcg(7);
    for _ in 0..300 {
        let len = (rng.next() % 120) as usize;
        let text: String = (0..len).map(|_| alphabet[(rng.next() as usize) % alphabet.len()]).collect();
        let tokens = tokenize(&text);
        for lang in ["ar", "en", "", "x", "عربي"] {
            for s in tag(&tokens, lang) {
                assert!(s.start_token < s.end_token && s.end_token <= tokens.len());
            }
        }
    }
    // tokens that no tokenizer would make
    let odd = vec![
        Token { start: 5, end: 1, text: "".into(), norm: "".into(), is_word: true, arabic: true, capitalized: true },
        Token {
            start: 0,
            end: 0,
            text: "ال".into(),
            norm: "ال".into(),
            is_word: true,
            arabic: false,
            capitalized: false,
        },
        Token { start: 0, end: 9, text: ".".into(), norm: ".".into(), is_word: true, arabic: true, capitalized: false },
    ];
    for lang in ["ar", "en"] {
        let _ = tag(&odd, lang);
        let _ = tag(&[], lang);
    }
}

#[test]
fn corrupt_model_bytes_never_panic() {
    let good = embedded(Lang::En).unwrap().to_bytes();
    let tokens = tokenize("President Joe Biden met Ayman Safadi in Amman.");
    let mut rng = Lcg(11);
    for round in 0..200 {
        let mut b = good.clone();
        match round % 3 {
            0 => b.truncate((rng.next() as usize) % b.len()),
            1 => {
                for _ in 0..4 {
                    let i = (rng.next() as usize) % b.len();
                    b[i] = rng.next() as u8;
                }
            }
            _ => b = (0..(rng.next() % 200)).map(|_| rng.next() as u8).collect(),
        }
        if let Ok(m) = Model::from_bytes(&b) {
            let _ = tag_with(&m, &tokens, &NoLexicon);
        }
    }
}

fn tiny_examples() -> Vec<Example> {
    let rows = [
        ("Ann Lee visited Paris .", [1, 2, 0, 5, 0].as_slice()),
        ("The Acme Corp hired Bob Stone in Rome .", &[0, 3, 4, 0, 1, 2, 0, 5, 0]),
        ("زار أحمد علي بغداد .", &[0, 1, 2, 5, 0]),
        ("Paris and Rome welcomed Ann .", &[5, 0, 5, 0, 1, 0]),
    ];
    rows.iter()
        .enumerate()
        .map(|(doc, (text, tags))| {
            let tokens = tokenize(text);
            assert_eq!(tokens.len(), tags.len(), "{text}");
            assert!(tags.iter().all(|&t| t < NT));
            Example { tokens, tags: tags.to_vec(), doc }
        })
        .collect()
}

#[test]
fn training_is_deterministic() {
    let ex = tiny_examples();
    let mut params = Params::new(Lang::En);
    params.epochs = 5;
    params.hash_bits = 14;
    params.max_weights = 100_000;
    let a = train(&ex, &params, &NoLexicon, |_, _| {}).to_bytes();
    let b = train(&ex, &params, &NoLexicon, |_, _| {}).to_bytes();
    assert_eq!(a, b);
    let m = Model::from_bytes(&a).unwrap();
    assert_eq!(m.to_bytes(), a);
    // it learned its own training data
    let spans = tag_with(&m, &ex[0].tokens, &NoLexicon);
    let got: Vec<(usize, usize, usize)> = spans.iter().map(|s| (s.start_token, s.end_token, s.kind)).collect();
    assert_eq!(got, vec![(0, 2, 0), (3, 4, 2)]);
}

/// A lexicon (in the app: the gazetteer) plugs in through [`Lexicon`]: train
/// and tag with the same one and its classes become features.
struct Places;

const PLACES: [&str; 11] = ["baku", "bern", "doha", "kilo", "kyiv", "lima", "oslo", "paris", "riga", "rome", "sofia"];

impl Lexicon for Places {
    fn classes(&self, norm: &str) -> u16 {
        u16::from(PLACES.contains(&norm))
    }
}

#[test]
fn a_lexicon_plugs_in_as_features() {
    let others = ["apple", "table", "chair", "green", "water", "stone", "music", "river", "light", "bread"];
    let mut ex = Vec::new();
    // "kilo" is kept out of training: only the lexicon knows it; every
    // word is capitalised, as a lower-case Latin word gets no place bit
    let cap = |w: &str| w[..1].to_uppercase() + &w[1..];
    for (place, other) in PLACES.iter().filter(|&&p| p != "kilo").zip(others) {
        for (word, tag) in [(cap(place), 5), (cap(other), 0)] {
            let tokens = tokenize(&format!("the {word} is here ."));
            ex.push(Example { tokens, tags: vec![0, tag, 0, 0, 0], doc: ex.len() });
        }
    }
    let mut params = Params::new(Lang::En);
    params.hash_bits = 16;
    params.max_weights = 10_000;
    let m = Model::from_bytes(&train(&ex, &params, &Places, |_, _| {}).to_bytes()).unwrap();
    let kinds =
        |text: &str| -> Vec<usize> { tag_with(&m, &tokenize(text), &Places).into_iter().map(|s| s.kind).collect() };
    assert_eq!(kinds("the Kilo is here ."), vec![2]);
    assert!(kinds("the Cloud is here .").is_empty());
    // without the lexicon the unseen name is nothing special
    assert!(tag_with(&m, &tokenize("the Kilo is here ."), &NoLexicon).is_empty());
    // nor is a lower-case word (the page looks no such word up)
    assert!(kinds("the kilo is here .").is_empty());
}
