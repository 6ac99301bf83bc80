//! A shared immutable string: a token's text and normalised form, which
//! every occurrence of a spelling shares (in an article and, through the
//! kept [`Spellings`], across articles), and which the words built from the
//! tokens share again, instead of one copy each.
//! Single-threaded ([`Rc`]): one analysis runs on one thread.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// An immutable string whose clone copies a pointer, not the text; it reads
/// as a `str` (deref, comparisons, display, debug).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct RcStr(Rc<str>);

impl RcStr {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for RcStr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for RcStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for RcStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for RcStr {
    fn from(s: &str) -> RcStr {
        RcStr(Rc::from(s))
    }
}

impl From<String> for RcStr {
    fn from(s: String) -> RcStr {
        RcStr(Rc::from(s))
    }
}

impl From<&RcStr> for String {
    fn from(s: &RcStr) -> String {
        s.as_str().to_string()
    }
}

impl fmt::Debug for RcStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for RcStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl PartialEq<str> for RcStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for RcStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for RcStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<RcStr> for str {
    fn eq(&self, other: &RcStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<RcStr> for &str {
    fn eq(&self, other: &RcStr) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<RcStr> for String {
    fn eq(&self, other: &RcStr) -> bool {
        self.as_str() == other.as_str()
    }
}

/// The spellings kept across articles: each text of a token met, as the
/// token's shared string, with its normal form.
pub(crate) type Spellings = std::collections::HashMap<RcStr, RcStr, crate::hash::FnvBuild>;

/// Spellings kept at most; the map starts again empty when full (a spelling
/// takes about 100 bytes).
const SPELLINGS_LIMIT: usize = 1 << 14;

/// Whether the kept maps ([`take_spellings`], the recogniser's readings)
/// last across articles: natively, where a batch runs through many; not in
/// wasm, where a page analyses one article at a time, so a map keeps its
/// room there but is emptied for each article (and the browser benchmark,
/// which times each article several times, times what a reader waits for).
pub(crate) const KEPT_ACROSS_ARTICLES: bool = !cfg!(target_arch = "wasm32");

thread_local! {
    /// Most words of an article were in the articles before: kept, they are
    /// neither normalised nor copied again ([`crate::text::tokenize`]).
    static SPELLINGS: std::cell::RefCell<Spellings> = Default::default();
}

/// The spellings kept (none once the limit is reached); hand them back
/// with [`keep_spellings`].
pub(crate) fn take_spellings() -> Spellings {
    let mut s = SPELLINGS.with(|s| std::mem::take(&mut *s.borrow_mut()));
    if !KEPT_ACROSS_ARTICLES || s.len() >= SPELLINGS_LIMIT {
        s.clear();
    }
    s
}

/// Keeps `s` for the next [`take_spellings`].
pub(crate) fn keep_spellings(s: Spellings) {
    SPELLINGS.with(|k| *k.borrow_mut() = s);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_as_its_text() {
        let a = RcStr::from("Syria's");
        let b = a.clone();
        assert!(Rc::ptr_eq(&a.0, &b.0));
        assert_eq!(a, "Syria's");
        assert_eq!("Syria's", a);
        assert_eq!(a, String::from("Syria's"));
        assert_eq!(format!("{a} {a:?}"), "Syria's \"Syria's\"");
        assert_eq!(a.len(), 7);
        assert_eq!(RcStr::default(), "");
    }
}
