//! Compact JSON text as serde_json writes it: strings with its escapes,
//! numbers in its forms, objects with their fields in order. The model types
//! say how they are written in [`crate::model_write`]; the tests check the
//! text against serde_json's.

use super::{Map, Value};

/// A value that writes itself as JSON text.
pub(crate) trait ToJson {
    fn write_json(&self, out: &mut String);
}

/// The compact JSON text of `v`.
pub(crate) fn to_string<T: ToJson + ?Sized>(v: &T) -> String {
    let mut out = String::new();
    v.write_json(&mut out);
    out
}

/// A string with serde_json's escapes: `"` and `\`, the short forms of
/// backspace, tab, line feed, form feed and carriage return, `\u00XX` for
/// the other control characters; everything else as it is.
pub(crate) fn str_to(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    loop {
        let i = next_escape(bytes, start);
        let Some(&b) = bytes.get(i) else { break };
        let short = match b {
            b'"' => '"',
            b'\\' => '\\',
            0x08 => 'b',
            b'\t' => 't',
            b'\n' => 'n',
            0x0c => 'f',
            b'\r' => 'r',
            _ => 'u',
        };
        out.push_str(s.get(start..i).unwrap_or_default());
        out.push('\\');
        out.push(short);
        if short == 'u' {
            out.push_str("00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

/// A string known to need no escape (a field's name, a unit variant's), as
/// [`str_to`] writes it.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(crate) fn plain_str_to(out: &mut String, s: &str) {
    debug_assert_eq!(next_escape(s.as_bytes(), 0), s.len());
    out.push('"');
    out.push_str(s);
    out.push('"');
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// The index of the first byte from `from` on that needs an escape (or the
/// length). Every character escaped is ASCII, and no byte of a longer
/// UTF-8 sequence is below 0x80, so the text need not be decoded; eight
/// bytes at a time are passed over while none of them needs one (most of
/// an article's text), by [`crate::swar`]'s tests. The reader ends a
/// string's plain runs here too.
pub(super) fn next_escape(bytes: &[u8], from: usize) -> usize {
    use crate::swar::{below, eq, word};
    let mut i = from;
    while let Some(w) = word(bytes, i) {
        if below(w, 0x20) | eq(w, b'"') | eq(w, b'\\') != 0 {
            break;
        }
        i += 8;
    }
    let rest = bytes.get(i..).unwrap_or_default();
    rest.iter().position(|&b| b < 0x20 || b == b'"' || b == b'\\').map_or(bytes.len(), |p| i + p)
}

/// An `f64` as serde_json writes it (its float printer, zmij): the shortest
/// digits that read back as the same number, in plain notation for decimal
/// exponents -5 to 15 with at least one digit after the point (`1.0`,
/// `0.00001`, `1000000000000000.0`), else as `1.5e+16`, `1e-6`; `null` for
/// infinities and NaN. Natively zmij's own; in the browser
/// [`f64_digits_to`], without zmij's tables.
pub(crate) fn f64_to(out: &mut String, f: f64) {
    #[cfg(not(target_arch = "wasm32"))]
    match f.is_finite() {
        true => out.push_str(zmij::Buffer::new().format_finite(f)),
        false => out.push_str("null"),
    }
    #[cfg(target_arch = "wasm32")]
    f64_digits_to(out, f);
}

/// [`f64_to`] by [`crate::float::text`]'s digits.
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) fn f64_digits_to(out: &mut String, f: f64) {
    let digits = f.is_finite().then(|| crate::float::text::shortest_f64(f, true));
    layout(out, f.is_sign_negative(), digits, -5..=15);
}

/// An `f32` the same way (exponents -6 to 12 in plain notation).
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) fn f32_to(out: &mut String, f: f32) {
    let digits = f.is_finite().then(|| crate::float::text::shortest_f32(f, true));
    layout(out, f.is_sign_negative(), digits, -6..=12);
}

/// Lays out the shortest digits (of those, the nearest to the value, a tie
/// to the even digit, as zmij picks) as zmij does; `None` is `null`.
#[cfg(any(target_arch = "wasm32", test))]
fn layout(
    out: &mut String,
    negative: bool,
    d: Option<crate::float::text::Digits>,
    plain: std::ops::RangeInclusive<i32>,
) {
    let Some(d) = d else {
        out.push_str("null");
        return;
    };
    if negative {
        out.push('-');
    }
    let digits: String = d.digits.iter().map(|&c| char::from(b'0' + c)).collect();
    let (n, exp) = (digits.len() as i32, d.k - 1);
    let zeros = |out: &mut String, k: i32| out.extend(std::iter::repeat_n('0', k.max(0) as usize));
    if plain.contains(&exp) {
        if n - 1 <= exp {
            out.push_str(&digits);
            zeros(out, exp + 1 - n);
            out.push_str(".0");
        } else if exp >= 0 {
            let (whole, frac) = digits.split_at(exp as usize + 1);
            out.push_str(whole);
            out.push('.');
            out.push_str(frac);
        } else {
            out.push_str("0.");
            zeros(out, -exp - 1);
            out.push_str(&digits);
        }
    } else {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push_str(if exp < 0 { "e-" } else { "e+" });
        out.push_str(&exp.unsigned_abs().to_string());
    }
}

/// The fields of an object being written: `{` at the start, `}` at `end`.
pub(crate) struct Obj<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Obj<'a> {
    pub(crate) fn new(out: &'a mut String) -> Self {
        out.push('{');
        Obj { out, first: true }
    }

    /// A field by its name (which needs no escape).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn field<T: ToJson + ?Sized>(&mut self, key: &'static str, v: &T) -> &mut Self {
        self.comma();
        plain_str_to(self.out, key);
        self.out.push(':');
        v.write_json(self.out);
        self
    }

    /// A field by any key.
    fn entry<T: ToJson + ?Sized>(&mut self, key: &str, v: &T) -> &mut Self {
        self.comma();
        str_to(self.out, key);
        self.out.push(':');
        v.write_json(self.out);
        self
    }

    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn comma(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
    }

    /// A field serde skips when it is `None`.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn some<T: ToJson>(&mut self, key: &'static str, v: &Option<T>) -> &mut Self {
        if let Some(v) = v {
            self.field(key, v);
        }
        self
    }

    /// A field serde skips when it is empty.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn items<T: ToJson>(&mut self, key: &'static str, v: &[T]) -> &mut Self {
        if !v.is_empty() {
            self.field(key, v);
        }
        self
    }

    pub(crate) fn end(&mut self) {
        self.out.push('}');
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        str_to(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        str_to(out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

// The browser build prints numbers itself ([`f64_to`], [`f32_to`], core's
// whole numbers); native builds (the CLI writes every analysis this way)
// call serde_json's own printers, the same by definition and faster.

#[cfg(target_arch = "wasm32")]
impl ToJson for f64 {
    fn write_json(&self, out: &mut String) {
        f64_to(out, *self);
    }
}

#[cfg(target_arch = "wasm32")]
impl ToJson for f32 {
    fn write_json(&self, out: &mut String) {
        f32_to(out, *self);
    }
}

#[cfg(target_arch = "wasm32")]
macro_rules! whole_numbers {
    ($($t:ty),+) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                out.push_str(&self.to_string());
            }
        }
    )+};
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::ToJson;

    // serde_json's printers: zmij's `format_finite`, itoa's `format`.

    impl ToJson for f64 {
        fn write_json(&self, out: &mut String) {
            match self.is_finite() {
                true => out.push_str(zmij::Buffer::new().format_finite(*self)),
                false => out.push_str("null"),
            }
        }
    }

    impl ToJson for f32 {
        fn write_json(&self, out: &mut String) {
            match self.is_finite() {
                true => out.push_str(zmij::Buffer::new().format_finite(*self)),
                false => out.push_str("null"),
            }
        }
    }

    macro_rules! whole_numbers {
        ($($t:ty),+) => {$(
            impl ToJson for $t {
                fn write_json(&self, out: &mut String) {
                    out.push_str(itoa::Buffer::new().format(*self));
                }
            }
        )+};
    }
    whole_numbers!(usize, u8, i32, u64, i64);
}

#[cfg(target_arch = "wasm32")]
whole_numbers!(usize, u8, i32, u64, i64);

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            v.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl ToJson for Map {
    fn write_json(&self, out: &mut String) {
        let mut o = Obj::new(out);
        for (k, v) in self {
            o.entry(k, v);
        }
        o.end();
    }
}

impl ToJson for Value {
    fn write_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => b.write_json(out),
            Value::Number(n) => out.push_str(&n.to_string()),
            Value::String(s) => str_to(out, s),
            Value::Array(a) => a.write_json(out),
            Value::Object(o) => o.write_json(out),
        }
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&to_string(self))
    }
}
