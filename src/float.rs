//! Decimal text to `f64`, the same value as `str::parse::<f64>`.
//!
//! Natively this is `str::parse`. In the browser, core's parser would bring
//! its table of 696 128-bit powers of five (11 KB of data brotli cannot
//! shrink, plus 6 KB of code) into the first download, while the JS engine
//! next to it already converts decimal text correctly rounded: the text is
//! checked against Rust's float grammar here ([`shape`]) and only a number
//! that Rust accepts is handed to `Number.parseFloat`, whose grammar for
//! such text is the same. The infinities and NaN are read here.

/// What a text is under Rust's float grammar (`f64::from_str`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Sign, digits with at most one `.` and at least one digit, then an
    /// optional exponent (`e`/`E`, optional sign, one digit or more).
    Number,
    /// `inf` or `infinity`, any case; `true` when negative.
    Infinity(bool),
    /// `nan`, any case; `true` when negative.
    Nan(bool),
}

/// The shape of `s`, or `None` when `s.parse::<f64>()` refuses it.
pub fn shape(s: &str) -> Option<Shape> {
    let b = s.as_bytes();
    let (negative, rest) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    if rest.eq_ignore_ascii_case(b"inf") || rest.eq_ignore_ascii_case(b"infinity") {
        return Some(Shape::Infinity(negative));
    }
    if rest.eq_ignore_ascii_case(b"nan") {
        return Some(Shape::Nan(negative));
    }
    let digits = |from: usize| from + rest[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let int_end = digits(0);
    let (mut end, mut any) = (int_end, int_end > 0);
    if rest.get(end) == Some(&b'.') {
        let frac_end = digits(end + 1);
        any |= frac_end > end + 1;
        end = frac_end;
    }
    if !any {
        return None;
    }
    if matches!(rest.get(end), Some(b'e' | b'E')) {
        end += 1;
        if matches!(rest.get(end), Some(b'+' | b'-')) {
            end += 1;
        }
        let exp_end = digits(end);
        if exp_end == end {
            return None;
        }
        end = exp_end;
    }
    (end == rest.len()).then_some(Shape::Number)
}

/// `s.parse::<f64>().ok()`.
pub fn parse_f64(s: &str) -> Option<f64> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        s.parse().ok()
    }
    #[cfg(target_arch = "wasm32")]
    {
        let signed = |negative: bool, x: f64| if negative { -x } else { x };
        Some(match shape(s)? {
            Shape::Number => js_sys::Number::parse_float(s),
            Shape::Infinity(negative) => signed(negative, f64::INFINITY),
            Shape::Nan(negative) => signed(negative, f64::NAN),
        })
    }
}

#[cfg(any(target_arch = "wasm32", test))]
pub mod text;

/// `x.clamp(lo, hi)` without its check that `lo <= hi`, whose panic
/// message prints both bounds with `{:?}` and so kept all of core's float
/// printers in the browser build.
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}

/// `x.to_string()`; in the browser [`text::display`], so that the first
/// download does not carry core's float printers.
pub fn display(x: f64) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    {
        x.to_string()
    }
    #[cfg(target_arch = "wasm32")]
    {
        text::display(x)
    }
}

/// `format!("{x:.decimals$}")`; in the browser [`text::fixed`] (see [`display`]).
pub fn fixed(x: f64, decimals: usize) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    {
        format!("{x:.decimals$}")
    }
    #[cfg(target_arch = "wasm32")]
    {
        text::fixed(x, decimals)
    }
}

/// `x.sin()`, `x.cos()` and `x.asin()`: natively core's; in the browser
/// the JS engine's `Math` (fdlibm's algorithms, as Rust's libm port), so
/// that the first download does not carry libm's argument reduction and
/// kernels a second time (about 6 KB of code before brotli).
#[cfg(not(target_arch = "wasm32"))]
pub fn sin(x: f64) -> f64 {
    x.sin()
}

/// See [`sin`].
#[cfg(not(target_arch = "wasm32"))]
pub fn cos(x: f64) -> f64 {
    x.cos()
}

/// See [`sin`].
#[cfg(not(target_arch = "wasm32"))]
pub fn asin(x: f64) -> f64 {
    x.asin()
}

#[cfg(target_arch = "wasm32")]
pub use js_sys::Math::{asin, cos, sin};

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text of up to four characters over an alphabet that covers
    /// the grammar: `shape` accepts exactly what core's parser accepts.
    #[test]
    fn shape_accepts_what_core_accepts() {
        const ALPHABET: &[u8] = b"09.eE+-inIfN a";
        let mut texts: Vec<String> = vec![String::new()];
        let mut last = texts.clone();
        for _ in 0..4 {
            last = last.iter().flat_map(|t| ALPHABET.iter().map(move |&c| format!("{t}{}", c as char))).collect();
            texts.extend(last.iter().cloned());
        }
        texts.extend(
            ["infinity", "-Infinity", "+INFINITY", "infinit", "nan", "-NaN", "inf", "1e+10", "12.5e-3x", "1_0"]
                .map(String::from),
        );
        for t in &texts {
            assert_eq!(shape(t).is_some(), t.parse::<f64>().is_ok(), "{t:?}");
        }
    }

    #[test]
    fn shape_tells_infinities_and_nan() {
        assert_eq!(shape("-inf"), Some(Shape::Infinity(true)));
        assert_eq!(shape("Infinity"), Some(Shape::Infinity(false)));
        assert_eq!(shape("+nan"), Some(Shape::Nan(false)));
        assert_eq!(shape("-1.5e3"), Some(Shape::Number));
        assert_eq!(shape("."), None);
    }
}
