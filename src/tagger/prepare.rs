//! What each token of a run contributes to the tagger's scores by its
//! spelling alone: its [`Tok`], the summed weights of its own features and
//! of the features it gives its neighbours. Worked out once per spelling of
//! the run and, for the embedded models with the word lists, kept across
//! articles ([`Memo`]): most words of an article were in the articles before.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use super::features::{self, Lexicon, Tok};
use super::model::{Model, NT};
use crate::hash::FnvBuild;
use crate::memo::{data_state, Kept};
use crate::text::Token;

/// What each token of a run contributes ([`prepare`]).
pub(super) struct Prepared {
    pub(super) toks: Vec<Tok>,
    /// Per token, its spelling: the index of its rows in `own` and `near`
    /// (kept once per spelling, not copied to every token: a token's rows
    /// are 180 bytes, and most tokens repeat a spelling).
    pub(super) at: Vec<u32>,
    /// Per spelling, the weights of its features that follow from the
    /// spelling alone ([`features::own_features`]), summed.
    pub(super) own: Vec<[i32; NT]>,
    /// Per spelling, what it gives the token at each offset of
    /// [`features::OFFSETS`] from it ([`features::neighbour_features`]).
    pub(super) near: Vec<[[i32; NT]; 4]>,
    /// The same of a run's edge, at each offset.
    pub(super) edge: [[i32; NT]; 4],
}

/// What one spelling contributes (its [`Tok`] before the document cues).
#[derive(Clone)]
struct Spelling {
    tok: Tok,
    own: [i32; NT],
    near: [[i32; NT]; 4],
}

/// The state of the data a spelling's word classes come from
/// ([`crate::memo::data_state`]).
type State = (bool, usize);

/// Spellings worked out before, for one embedded model with the word lists
/// ([`super::Lists`]), valid for one [`State`].
type Memo = Mutex<Kept<State, Box<str>, Spelling>>;

/// The [`Memo`] of each language's embedded model.
static MEMOS: [Memo; 2] = [Mutex::new(Kept::new()), Mutex::new(Kept::new())];

/// Spellings a [`Memo`] holds at most; it is cleared when full (a spelling
/// takes about 400 bytes).
const MEMO_LIMIT: usize = if cfg!(target_arch = "wasm32") { 1 << 12 } else { 1 << 14 };

/// [`Prepared`] for `tokens`: the same spelling's contribution copied within
/// the run, and (`embedded`: the model is [`super::embedded`]'s and `lex`
/// the word lists) taken from earlier runs worked out in the same
/// [`State`]. Integer sums: the order of the features does not matter.
pub(super) fn prepare(model: &Model, tokens: &[Token], lex: &dyn Lexicon, embedded: bool) -> Prepared {
    let lang = model.lang;
    let memo = MEMOS.get(usize::from(lang == features::Lang::En)).filter(|_| embedded);
    let sum = |t: Option<&Tok>, k: usize, fs: &mut Vec<u32>| {
        fs.clear();
        features::neighbour_features(t, k, lang, fs);
        model.emission(fs)
    };
    let mut fs = Vec::with_capacity(32);
    let mut work_out = |t: &Token| {
        let (tok, o) = features::tok(t, lang, lex);
        fs.clear();
        features::own_features(&tok, &o, lang, &mut fs);
        let own = model.emission(&fs);
        let near = std::array::from_fn(|k| sum(Some(&tok), k, &mut fs));
        Spelling { tok, own, near }
    };
    // the embedded models' spellings keyed by the address of the token's
    // text: the tokenizer gives the tokens of a spelling in an article one
    // shared string ([`crate::text::RcStr`]), found so without reading the
    // text (a spelling given in two strings is worked out twice, the same
    // way); by the text otherwise (training and evaluation join sentences
    // tokenized one by one); about one spelling per two tokens of an
    // article: few regrowths
    let mut at_address: HashMap<(usize, usize), usize, FnvBuild> =
        HashMap::with_capacity_and_hasher(if embedded { tokens.len() / 2 } else { 0 }, FnvBuild::default());
    let mut seen: HashMap<&str, usize, FnvBuild> =
        HashMap::with_capacity_and_hasher(if embedded { 0 } else { tokens.len() / 2 }, FnvBuild::default());
    let mut p = Prepared {
        toks: Vec::with_capacity(tokens.len()),
        at: Vec::with_capacity(tokens.len()),
        own: Vec::with_capacity(tokens.len()),
        near: Vec::with_capacity(tokens.len()),
        edge: [[0; NT]; 4],
    };
    // per spelling, the token it was first met at (whose Tok it copies)
    let mut first: Vec<usize> = Vec::with_capacity(tokens.len());
    // locked once for the run (nothing else takes it meanwhile: the word
    // classes looked up for a new spelling do not tag)
    let mut memo = memo.map(|m| m.lock().unwrap_or_else(PoisonError::into_inner));
    for (n, t) in tokens.iter().enumerate() {
        let i = if embedded {
            *at_address.entry((t.text.as_ptr() as usize, t.text.len())).or_insert(p.own.len())
        } else {
            *seen.entry(t.text.as_str()).or_insert(p.own.len())
        };
        if let Some(&f) = first.get(i) {
            p.toks.extend_from_within(f..f + 1);
        } else {
            let now = memo.as_ref().map(|_| data_state());
            let known = memo.as_deref().zip(now).and_then(|(m, now)| m.get(now, t.text.as_str()));
            match known {
                Some(s) => {
                    p.toks.push(s.tok);
                    p.own.push(s.own);
                    p.near.push(s.near);
                }
                None => {
                    let s = work_out(t);
                    // a shard parsed while the classes were looked up
                    // changed the state: not kept
                    if let (Some(m), Some(now)) = (memo.as_deref_mut(), now) {
                        if data_state() == now {
                            m.put(now, t.text.as_str().into(), s.clone(), MEMO_LIMIT);
                        }
                    }
                    p.toks.push(s.tok);
                    p.own.push(s.own);
                    p.near.push(s.near);
                }
            }
            first.push(n);
        }
        p.at.push(i as u32);
    }
    drop(memo);
    if lang == features::Lang::Ar {
        super::document::doc_cues(tokens, &mut p.toks);
    }
    p.edge = std::array::from_fn(|k| sum(None, k, &mut fs));
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_spellings_are_worked_out_again_the_same() {
        let lex = super::super::Lists::get();
        for (lang, text) in [
            (features::Lang::Ar, "وقال الرئيس العراقي في بغداد إن الرئيس سيزور للعراق والكويت."),
            (features::Lang::En, "The Prime Minister met McCain in New York, and McCain left."),
        ] {
            let Some(model) = super::super::embedded(lang) else { panic!("no model") };
            let tokens = crate::text::tokenize(text);
            let fresh = prepare(model, &tokens, lex, false);
            let _ = prepare(model, &tokens, lex, true);
            let again = prepare(model, &tokens, lex, true);
            assert_eq!(fresh.at, again.at);
            assert_eq!(fresh.own, again.own);
            assert_eq!(fresh.near, again.near);
            assert_eq!(fresh.edge, again.edge);
            let features = |p: &Prepared| {
                let mut all = Vec::new();
                features::each_with(&tokens, &p.toks, lang, true, |_, f| all.push(f.to_vec()));
                all
            };
            assert_eq!(features(&fresh), features(&again));
        }
    }
}
