//! Document features: what a word's stem does elsewhere in the run (the
//! article) — the contexts of its other occurrences ([`doc_cues`]), and,
//! on a second pass, how the first pass tagged them ([`pred_bits`]).

use super::features::{each_with, f1, f2, own_features, toks, Lang, Lexicon, Tok};
use super::lexicon::ORG_HEAD;
use crate::text::Token;

/// What one occurrence has around it, as bits: a title before (1), a given
/// name before (2), a name word after (4), an organisation head one or two
/// words before (8).
fn cue(toks: &[Tok], i: usize) -> u16 {
    use super::lexicon::{GIVEN, PERSON, SURNAME, TITLE};
    let cls = |j: Option<usize>| j.and_then(|j| toks.get(j)).map_or(0, |t| t.own | t.via);
    let (before, before2, after) = (cls(i.checked_sub(1)), cls(i.checked_sub(2)), cls(Some(i + 1)));
    let mut c = 0;
    if before & TITLE != 0 {
        c |= 1;
    }
    if before & GIVEN != 0 && before & TITLE == 0 {
        c |= 2;
    }
    if after & (GIVEN | SURNAME | PERSON) != 0 {
        c |= 4;
    }
    if (before | before2) & ORG_HEAD != 0 {
        c |= 8;
    }
    c
}

/// Sets every word's [`Tok::doc`]: the cues ([`cue`]) of the other
/// occurrences of its stem in the run (the article: a surname seen after a
/// given name or a title elsewhere is a name here too).
pub(super) fn doc_cues(tokens: &[Token], toks: &mut [Tok]) {
    const BITS: usize = 4;
    let mut counts: std::collections::HashMap<u64, [u16; BITS], crate::hash::FnvBuild> =
        std::collections::HashMap::with_capacity_and_hasher(toks.len() / 2, Default::default());
    let cues: Vec<u16> = (0..toks.len()).map(|i| cue(toks, i)).collect();
    for ((t, tok), &c) in tokens.iter().zip(toks.iter()).zip(&cues) {
        if t.is_word && c != 0 {
            let n = counts.entry(tok.stem).or_default();
            for (b, k) in n.iter_mut().enumerate() {
                if c & (1 << b) != 0 {
                    *k = k.saturating_add(1);
                }
            }
        }
    }
    for ((t, tok), &c) in tokens.iter().zip(toks.iter_mut()).zip(&cues) {
        if !t.is_word || ambiguous(tok) {
            continue;
        }
        if let Some(n) = counts.get(&tok.stem) {
            let mut d = 0u16;
            for (b, &k) in n.iter().enumerate() {
                if k > u16::from(c & (1 << b) != 0) {
                    d |= 1 << b;
                }
            }
            tok.doc = d;
        }
    }
}

/// [`extract`] of each block of a run (a sentence of a document): features
/// look no further than the block, but the document cues ([`Tok::doc`])
/// come from the whole run.
pub(super) fn extract_blocks(
    tokens: &[Token],
    blocks: &[std::ops::Range<usize>],
    lang: Lang,
    lex: &dyn Lexicon,
) -> Vec<Vec<Vec<u32>>> {
    let (toks, _, owns) = toks(tokens, lang, lex);
    let mut out = Vec::with_capacity(blocks.len());
    for r in blocks {
        let mut fs = Vec::with_capacity(r.len());
        if let (Some(chunk), Some(info), Some(own)) = (tokens.get(r.clone()), toks.get(r.clone()), owns.get(r.clone()))
        {
            each_with(chunk, info, lang, true, |i, rest| {
                let mut all = Vec::with_capacity(64);
                own_features(&info[i], &own[i], lang, &mut all);
                all.extend_from_slice(rest);
                fs.push(all);
            });
        }
        out.push(fs);
    }
    out
}

/// A nationality adjective ("المصري"): a surname after a given name, an
/// adjective after a title ("أحمد المصري" and "الرئيس المصري" in one
/// article), so what one occurrence is says nothing of the others.
fn ambiguous(t: &Tok) -> bool {
    (t.own | t.via) & super::lexicon::DEMONYM != 0
}

/// Per word of a run, the kinds the first pass gave the other occurrences
/// of its stem, as bits: person 1, organisation 2, place 4, misc 8, no
/// entity 16 (`tags`: the first pass's BIO tags, one per token).
pub(super) fn pred_bits(tokens: &[Token], toks: &[Tok], tags: &[usize]) -> Vec<u8> {
    let kind = |t: usize| super::model::kind_of(t).unwrap_or(4).min(4);
    let mut counts: std::collections::HashMap<u64, [u16; 5], crate::hash::FnvBuild> =
        std::collections::HashMap::with_capacity_and_hasher(toks.len() / 2, Default::default());
    for ((t, tok), &tag) in tokens.iter().zip(toks).zip(tags) {
        if t.is_word {
            if let Some(k) = counts.entry(tok.stem).or_default().get_mut(kind(tag)) {
                *k = k.saturating_add(1);
            }
        }
    }
    tokens
        .iter()
        .zip(toks)
        .zip(tags)
        .map(|((t, tok), &tag)| {
            let Some(n) = counts.get(&tok.stem).filter(|_| t.is_word && !ambiguous(tok)) else { return 0 };
            let mine = kind(tag);
            let mut bits = 0u8;
            for (b, &k) in n.iter().enumerate() {
                if k > u16::from(b == mine) {
                    bits |= 1 << b;
                }
            }
            bits
        })
        .collect()
}

/// The second pass's features of a word from its [`pred_bits`].
pub(super) fn pred_features(bits: u8, t: &Tok, out: &mut Vec<u32>) {
    if bits == 0 {
        return;
    }
    for b in 0..5u64 {
        if bits & (1 << b) != 0 {
            out.push(f1(60, b));
        }
    }
    out.push(f2(61, u64::from(bits), u64::from(t.own | t.via)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn a_stem_learns_what_its_other_occurrences_have() {
        let lex = super::super::lexicon::Lists::get();
        // "الحسني" follows a title once; the later bare "الحسني" knows it
        let tokens = tokenize("قال الرئيس الحسني إن الحسني سيزور بغداد");
        let toks = toks(&tokens, Lang::Ar, lex).0;
        let at = |w: &str| tokens.iter().rposition(|t| t.text == w).unwrap_or(usize::MAX);
        assert_eq!(cue(&toks, 2) & 1, 1);
        assert_eq!(toks[at("الحسني")].doc & 1, 1);
        assert_eq!(toks[at("بغداد")].doc, 0);
        // first-pass tags: the first "الحسني" a person (B-PER = 1), the
        // second missed; the second learns of the first, not of itself
        let mut tags = vec![0; tokens.len()];
        tags[2] = 1;
        let bits = pred_bits(&tokens, &toks, &tags);
        assert_eq!(bits[at("الحسني")], 1);
        assert_eq!(bits[2], 16);
        assert_eq!(bits[at("بغداد")], 0);
    }
}
