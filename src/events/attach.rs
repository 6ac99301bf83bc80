//! Which date of a clause is the event's own, and whether a trigger names
//! a happening at all, where the clause's verbs decide it.
//!
//! English news puts the date of a statement next to its verb ("Iran
//! Saturday condemned the bombing", "officials said last week that ... the
//! bombing", "paid tribute Tuesday to bombing victims"): that date is the
//! statement's, not the bombing's. A verb that carries its object
//! ("held talks Monday", "attended the summit", "a bombing killed 20
//! Friday") passes the date on. Arabic clauses are handled by the relative
//! clause and clause-scope rules of the finder.

use super::words::{has, EventWords};
use super::M;
use crate::model::{DateValue, Derivation};
use crate::recognise::lexicon::WordSet;
use crate::recognise::Word;
use crate::time::words::{past_form_en, w as time_words};

/// Words between a date and the verb it stands next to at most ("said
/// Friday", "paid tribute Tuesday").
const VERB_DATE_WORDS: usize = 3;

/// Words between a carrying verb and the trigger it carries at most
/// ("held two days of talks", "the talks, which began").
const CARRY_WORDS: usize = 3;

/// Words a measure of the object adds between a carrying verb and its
/// trigger ("a new round of", "two days of").
const PARTITIVE_WORDS: usize = 2;

/// Words between a trigger and the carrying verb it is the subject of at
/// most ("the talks between the two delegations began").
const SUBJECT_WORDS: usize = 5;

/// Words before a trigger in which a negation denies it ("had not signed",
/// "never visited", "لم يتم عقد").
const NEGATION_WORDS: usize = 2;

/// Words after a trigger in which an object that is no happening's stands
/// ("met with outrage", "meet the needs of").
const OBJECT_WORDS: usize = 5;

/// Whether word `j` of the clause reads as an English finite verb: a past
/// form ("said", "condemned", "met") or a verb of saying ("says"); not an
/// adjective after a determiner ("the planned meeting") or just before the
/// trigger ("renewed talks").
fn finite(sw: &[Word], j: usize, tk: usize, ew: &EventWords) -> bool {
    let w = &sw[j];
    if w.arabic || w.cap || j == tk {
        return false;
    }
    let tw = time_words();
    let listed = tw.past_markers.has(&w.key) || has(w, &ew.statement);
    let ed = past_form_en(&w.key);
    let after_det = j.checked_sub(1).is_some_and(|k| tw.determiners_en.has(&sw[k].key));
    (listed || (ed && j + 1 != tk)) && !after_det
}

/// The word range (start, end exclusive) of the date `m` in the clause.
fn span_of(sw: &[Word], m: &M<'_>) -> (usize, usize) {
    let a = sw.partition_point(|w| w.end <= m.start);
    let b = sw.partition_point(|w| w.start < m.end);
    (a, b.max(a + 1))
}

/// Whether verb `v` carries the trigger `tk`: a carrying verb ("held",
/// "attended", "killed") with the trigger as its object close by, or any
/// verb but one of saying with the trigger as its subject ("negotiations
/// broke off Thursday", "the talks between the delegations began"); no
/// comma or date between them.
fn carries(sw: &[Word], v: usize, tk: usize, ew: &EventWords) -> bool {
    let listed = has(&sw[v], &ew.carry);
    if v < tk && !listed || v > tk && !listed && has(&sw[v], &ew.statement) {
        return false;
    }
    // "evidence from the Nairobi bombing arrived": a trigger inside a
    // preposition's phrase is no subject.
    let in_phrase = sw[tk.saturating_sub(CARRY_WORDS)..tk]
        .iter()
        .rev()
        .take_while(|w| !w.comma_before)
        .any(|w| has(w, &ew.preposition));
    if v > tk && in_phrase {
        return false;
    }
    // "opened a new round of negotiations", "held two days of talks": a
    // measure before "of" is part of the object.
    let measure = usize::from(v < tk && tk >= 2 && time_words().of.has(&sw[tk - 1].key)) * PARTITIVE_WORDS;
    let (a, b, most) = if v < tk { (v, tk, CARRY_WORDS + measure) } else { (tk, v, SUBJECT_WORDS) };
    // "a conference to screen an advertisement made last week": an
    // infinitive or a relative clause between them is another verb's.
    let clause = |w: &Word| v > tk && matches!(w.key.as_str(), "to" | "that" | "which" | "who");
    b - a <= most + 1 && !sw[a + 1..=b].iter().any(|w| w.comma_before || w.f.time || clause(w))
}

/// Whether the date `m` of the clause belongs to another verb than the
/// trigger at `tk`: it stands next to that verb ("said Friday", "Saturday
/// condemned"), a verb of saying stands between them (", he said at a
/// news briefing today"), or the trigger is the object of that verb and
/// the date, counted from publication, follows ("condemned the bombing
/// ... on Thursday"). English clauses only.
pub(super) fn of_other_verb(sw: &[Word], tk: usize, m: &M<'_>, ew: &EventWords) -> bool {
    if sw.get(tk).is_none_or(|w| w.arabic) {
        return false;
    }
    let (d0, d1) = span_of(sw, m);
    let tw = time_words();
    // "the 1998 clinic bombing", "last year's Madrid summit", "Wednesday's
    // meeting": a date inside the trigger's own noun phrase is its own.
    let possessive = sw.get(d1 - 1).is_some_and(|w| w.text.ends_with("'s") || w.text.ends_with("’s"));
    let determined = d0.checked_sub(1).is_some_and(|k| tw.determiners_en.has(&sw[k].key));
    if d1 <= tk
        && tk - d1 <= CARRY_WORDS
        && (possessive || determined)
        && !sw[d1..=tk].iter().any(|w| w.comma_before || w.key == "and")
        && !(d1..tk).any(|j| finite(sw, j, tk, ew))
    {
        return false;
    }
    let to_trigger = if d0 > tk { d0 - tk } else { tk.saturating_sub(d1 - 1) };
    // the verb nearest the date, no comma between them
    let near = |j: usize| if j >= d1 { j + 1 - d1 } else { d0 - j };
    let verb = (d0.saturating_sub(VERB_DATE_WORDS)..(d1 + VERB_DATE_WORDS).min(sw.len()))
        .filter(|&j| (j < d0 || j >= d1) && finite(sw, j, tk, ew))
        .filter(|&j| {
            let (a, b) = if j < d0 { (j + 1, d0) } else { (d1, j) };
            !sw[a..=b.min(sw.len() - 1)].iter().any(|w| w.comma_before) || a > b
        })
        .min_by_key(|&j| near(j));
    if let Some(v) = verb {
        if near(v) <= to_trigger && !carries(sw, v, tk, ew) {
            return true;
        }
    }
    // "Sytenko is expected to visit Baghdad, Gremitskikh said at a news
    // briefing today"; "ministers meeting in Addis Ababa agreed to find who
    // shot down the plane on April 6, 1994": a verb between the trigger and
    // a date after it that does not carry the trigger takes the date.
    let (a, b) = if d0 > tk { (tk + 1, d0) } else { (d1, tk) };
    if sw.get(a..b).is_some_and(|ws| ws.iter().any(|w| !w.cap && has(w, &ew.statement))) {
        return true;
    }
    // ("the talks that are supposed to conclude by May": a relative clause
    // tells of the trigger itself)
    let described = sw.get(tk + 1).is_some_and(|w| has(w, &ew.relative));
    // "the talks that are supposed to conclude by May, invited Sinn Fein to
    // rejoin two weeks ago": past the comma that ends the relative clause
    // the date is the main clause's.
    if described && d0 > tk + 2 && sw[tk + 2..=d0].iter().any(|w| w.comma_before) {
        return true;
    }
    if d0 > tk
        && !described
        && (a..b).any(|j| finite(sw, j, tk, ew) && !tw.be_forms_en.has(&sw[j].key) && !carries(sw, j, tk, ew))
    {
        return true;
    }
    // "Thursday and meeting with police leaders Friday": the date of the
    // conjunct before.
    if d1 <= tk && d1 + 2 >= tk && sw.get(d1).is_some_and(|w| w.key == "and") {
        return true;
    }
    // "The Security Council condemned the bombing of the embassies on
    // Thursday": a date told from publication after the object of a verb
    // that does not carry it is that verb's.
    // Not when the trigger is a verb itself ("said the president met with
    // him Sunday"), nor when the verb has a date of its own already ("Saturday
    // condemned two attacks in Kenya Friday").
    let relative = m.date.is_some_and(|d| d.derivation != Derivation::Explicit);
    // Nor when a verb follows the trigger: then it is the subject of a
    // clause of its own ("said the conference would be held on April 20").
    let own_verb = (tk + 1..d0).any(|j| {
        let k = sw[j].key.as_str();
        finite(sw, j, tk, ew) || tw.future_markers.has(k) || tw.be_forms_en.has(k)
    });
    if relative && d0 > tk && !own_verb && !verbal(sw, tk) {
        let object_of =
            (tk.saturating_sub(CARRY_WORDS + 1)..tk).rev().find(|&j| finite(sw, j, tk, ew)).is_some_and(|v| {
                let det = sw.get(v + 1).is_some_and(|w| tw.determiners_en.has(&w.key) || super::is_count(w));
                let dated = sw.get(v.saturating_sub(VERB_DATE_WORDS)..v).is_some_and(|ws| ws.iter().any(|w| w.f.time));
                det && !dated && !carries(sw, v, tk, ew) && !sw[v + 1..=tk].iter().any(|w| w.comma_before || w.f.time)
            });
        if object_of {
            return true;
        }
    }
    false
}

/// Whether the trigger at `tk` is a verb ("met", "visited", "will meet",
/// "to visit"), not a noun.
fn verbal(sw: &[Word], tk: usize) -> bool {
    let (key, tw) = (sw[tk].key.as_str(), time_words());
    past_form_en(key)
        || tw.past_markers.has(key)
        || tk.checked_sub(1).is_some_and(|k| tw.future_markers.has(&sw[k].key) || sw[k].key == "to")
}

/// Whether the trigger at `tk` names no happening: denied ("had not
/// signed an agreement", "لم يعقد الاجتماع"), part of a fixed phrase that is
/// no event ("heart attack", "verbal attack"), or a meeting word with an
/// object no meeting has ("met with outrage", "meet the needs of",
/// "meeting the demand").
pub(super) fn no_happening(sw: &[Word], tk: usize, kind: &str, ew: &EventWords) -> bool {
    if governed(sw, tk, &[&ew.negation], NEGATION_WORDS, ew) {
        return true;
    }
    if tk > 0 && has(&sw[tk - 1], &ew.not_event_before) && !sw[tk].comma_before {
        return true;
    }
    if kind != "meeting" {
        return false;
    }
    // "the group would be met by Craig": a passive "met" is a welcome.
    if tk > 0 && time_words().be_forms_en.has(&sw[tk - 1].key) {
        return true;
    }
    let after = sw.get(tk + 1..(tk + 1 + OBJECT_WORDS).min(sw.len())).unwrap_or_default();
    let end = after.iter().position(|w| w.comma_before || w.f.time).unwrap_or(after.len());
    after[..end].iter().any(|w| has(w, &ew.not_event_object))
}

/// Years a date may span and still date a happening: a century ("the
/// fabled 11th century temple ... was attacked", "a 20th century
/// democrat") tells the age of something else.
const WIDEST_YEARS: i32 = 20;

/// Whether `d` is too wide to date a happening.
pub(super) fn too_wide(d: &DateValue) -> bool {
    d.end.year - d.start.year >= WIDEST_YEARS
}

/// Words before a trigger in which a modal or condition governs it at most
/// ("could start hostilities with Israel either through a direct attack").
const HYPOTHESIS_WORDS: usize = 8;

/// Words after a trigger in which a modal makes it the head of the modal's
/// subject at most ("talks in Geneva could resume").
const MODAL_SUBJECT_WORDS: usize = 3;

/// Words before a trigger in which "until" makes it still to come at most
/// ("until UN secretary general Kofi Annan visits Baghdad").
const PENDING_WORDS: usize = 6;

/// Whether a word of one of `sets` stands among the `span` words before
/// `tk` in its own clause (no comma, break or clause opener between), not
/// as a word of a date ("in May a bombing"): the one test of the words
/// that govern a trigger (negation, modal, condition, "until", "eve").
pub(super) fn governed(sw: &[Word], tk: usize, sets: &[&WordSet], span: usize, ew: &EventWords) -> bool {
    let before = sw.get(tk.saturating_sub(span)..tk).unwrap_or_default();
    let cut = before.iter().rposition(|w| w.comma_before || w.brk || has(w, &ew.clause_start)).unwrap_or(0);
    before[cut..].iter().any(|w| !w.f.time && sets.iter().any(|set| has(w, set)))
}

/// Whether the indefinite trigger at `tk` names only a possibility: a
/// modal or condition governs it ("Iraq could start hostilities ...
/// through a direct attack", "if he launches an attack", "لو عقد اجتماع"),
/// or it is the subject of a modal ("talks could resume").
/// The caller keeps definite triggers ("could resume after the attack"):
/// they refer to a happening told as a fact.
pub(super) fn hypothetical(sw: &[Word], tk: usize, ew: &EventWords) -> bool {
    // "talks could resume", "talks in Geneva could resume": the trigger
    // heads the modal's subject.
    let after = sw.get(tk + 1..(tk + 1 + MODAL_SUBJECT_WORDS).min(sw.len())).unwrap_or_default();
    let end = after.iter().position(|w| w.comma_before || w.brk).unwrap_or(after.len());
    let subject = after[..end].iter().any(|w| !w.f.time && has(w, &ew.modal));
    subject || governed(sw, tk, &[&ew.modal, &ew.condition], HYPOTHESIS_WORDS, ew)
}

/// Whether the indefinite trigger at `tk` is what a statement waits for
/// ("must hold off until Kofi Annan visits Baghdad"): still to come, and
/// the statement's date is not its own.
pub(super) fn pending(sw: &[Word], tk: usize, ew: &EventWords) -> bool {
    governed(sw, tk, &[&ew.pending], PENDING_WORDS, ew)
}
