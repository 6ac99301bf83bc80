//! A shared immutable string: a token's text and normalised form, which
//! every occurrence of a spelling shares (in an article and, through the
//! kept [`SPELLINGS`], across articles), and which the words built from the
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

thread_local! {
    /// The spellings met: each text of a token, as the token's shared
    /// string, with its normal form. Most words of an article were in the
    /// articles before: kept ([`crate::memo::take_for_article`]), they are
    /// neither normalised nor copied again ([`crate::text::tokenize`]).
    pub(crate) static SPELLINGS: std::cell::RefCell<std::collections::HashMap<RcStr, RcStr, crate::hash::FnvBuild>> =
        Default::default();
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
