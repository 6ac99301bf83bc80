//! Floats to decimal text, exactly, with big integers: the shortest digits
//! that read back as the number, and a fixed number of decimals.
//!
//! Core's printers (Grisu with Dragon4 behind it, and their tables) were
//! about 22 KB of the browser build's code before wasm-opt; this is the
//! textbook algorithm (Steele and White's, as Burger and Dybvig give it),
//! slow but small, for the browser's few numbers. The tests hold it to
//! core's and serde_json's text.

use std::cmp::Ordering;

/// An unsigned integer as base-2^32 limbs, least significant first, no
/// zero limb at the top.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn new(n: u64) -> Big {
        let mut b = Big(vec![n as u32, (n >> 32) as u32]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for x in &mut self.0 {
            let t = u64::from(*x) * u64::from(m) + carry;
            *x = t as u32;
            carry = t >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow2(&mut self, n: u32) {
        if !self.0.is_empty() {
            self.0.splice(0..0, std::iter::repeat_n(0, (n / 32) as usize));
            self.mul_small(1 << (n % 32));
        }
    }

    fn mul_pow10(&mut self, mut n: u32) {
        while n > 0 {
            let k = n.min(9);
            self.mul_small(10u32.pow(k));
            n -= k;
        }
    }

    fn add(&self, o: &Big) -> Big {
        let mut out = Vec::with_capacity(self.0.len().max(o.0.len()) + 1);
        let mut carry = 0u64;
        for i in 0..self.0.len().max(o.0.len()) {
            let t = u64::from(*self.0.get(i).unwrap_or(&0)) + u64::from(*o.0.get(i).unwrap_or(&0)) + carry;
            out.push(t as u32);
            carry = t >> 32;
        }
        out.push(carry as u32);
        let mut b = Big(out);
        b.trim();
        b
    }

    /// `self -= o`, `o` being at most `self`.
    fn sub(&mut self, o: &Big) {
        let mut borrow = 0i64;
        for (i, x) in self.0.iter_mut().enumerate() {
            let t = i64::from(*x) - i64::from(*o.0.get(i).unwrap_or(&0)) - borrow;
            *x = t as u32;
            borrow = i64::from(t < 0);
        }
        self.trim();
    }

    fn cmp(&self, o: &Big) -> Ordering {
        self.0.len().cmp(&o.0.len()).then_with(|| self.0.iter().rev().cmp(o.0.iter().rev()))
    }

    /// The next decimal digit of `self / s` (below ten): `self` becomes
    /// the remainder.
    fn digit(&mut self, s: &Big) -> u8 {
        let mut d = 0;
        while self.cmp(s) != Ordering::Less {
            self.sub(s);
            d += 1;
        }
        d
    }
}

/// A positive float as `mant × 2^exp`, and whether the float below it is
/// nearer than the one above (the lowest mantissa of a binade).
struct Parts {
    mant: u64,
    exp: i32,
    lower_closer: bool,
}

/// The parts of a float's magnitude from its bits.
fn parts(bits: u64, mant_bits: u32, exp_bits: u32) -> Parts {
    let frac = bits & ((1 << mant_bits) - 1);
    let biased = (bits >> mant_bits & ((1 << exp_bits) - 1)) as i32;
    let bias = (1 << (exp_bits - 1)) - 1 + mant_bits as i32;
    match biased {
        0 => Parts { mant: frac, exp: 1 - bias, lower_closer: false },
        _ => Parts { mant: frac | 1 << mant_bits, exp: biased - bias, lower_closer: biased > 1 && frac == 0 },
    }
}

/// Decimal digits (each 0 to 9, the first not 0) and the exponent `k` of
/// their value `0.d1d2... × 10^k`.
pub struct Digits {
    pub digits: Vec<u8>,
    pub k: i32,
}

/// `v = r / s` and the halfway points to its neighbours, `(r - mm) / s` and
/// `(r + mp) / s`, scaled so that `v < 10^k` (`k` the smallest such).
struct Scaled {
    r: Big,
    s: Big,
    mp: Big,
    mm: Big,
    k: i32,
}

fn scale(p: &Parts, above: impl Fn(&Big, &Big, &Big) -> bool) -> Scaled {
    let (mut r, mut s) = (Big::new(p.mant << 2), Big::new(4));
    let (mut mp, mut mm) = (Big::new(2), Big::new(if p.lower_closer { 1 } else { 2 }));
    if p.exp >= 0 {
        for b in [&mut r, &mut mp, &mut mm] {
            b.mul_pow2(p.exp as u32);
        }
    } else {
        s.mul_pow2(p.exp.unsigned_abs());
    }
    // about log10 of v's top bit, then corrected
    let top = p.exp + 64 - p.mant.leading_zeros() as i32;
    let k = (top * 1233) >> 12;
    if k >= 0 {
        s.mul_pow10(k as u32);
    } else {
        for b in [&mut r, &mut mp, &mut mm] {
            b.mul_pow10(k.unsigned_abs());
        }
    }
    let mut at = Scaled { r, s, mp, mm, k };
    while above(&at.r, &at.mp, &at.s) {
        at.s.mul_small(10);
        at.k += 1;
    }
    loop {
        let (mut r, mut mp) = (at.r.clone(), at.mp.clone());
        r.mul_small(10);
        mp.mul_small(10);
        if above(&r, &mp, &at.s) {
            break;
        }
        for b in [&mut at.r, &mut at.mp, &mut at.mm] {
            b.mul_small(10);
        }
        at.k -= 1;
    }
    at
}

/// The fewest digits that read back as the float (round half to even
/// reading), of those the nearest to its value; a tie between two goes to
/// the even digit when `tie_even`, else up (core's `{}` and `{:e}` break it
/// upwards, serde_json's printer to even).
fn shortest(p: &Parts, tie_even: bool) -> Digits {
    let inclusive = p.mant % 2 == 0;
    // whether `(r + mp) / s` reaches 1: rounding up is within the float's
    // reach (an even float takes its halfway points)
    let high = move |r: &Big, mp: &Big, s: &Big| {
        r.add(mp).cmp(s) >= if inclusive { Ordering::Equal } else { Ordering::Greater }
    };
    let Scaled { mut r, s, mut mp, mut mm, k } = scale(p, high);
    let mut digits = Vec::with_capacity(17);
    loop {
        for b in [&mut r, &mut mp, &mut mm] {
            b.mul_small(10);
        }
        let d = r.digit(&s);
        let low = r.cmp(&mm) <= if inclusive { Ordering::Equal } else { Ordering::Less };
        let up = high(&r, &mp, &s);
        if !low && !up {
            digits.push(d);
            continue;
        }
        let round_up = match (low, up) {
            (true, false) => false,
            (false, true) => true,
            _ => match r.add(&r).cmp(&s) {
                Ordering::Less => false,
                Ordering::Greater => true,
                Ordering::Equal => !tie_even || d % 2 == 1,
            },
        };
        digits.push(d + u8::from(round_up));
        debug_assert!(digits.last() < Some(&10));
        return Digits { digits, k };
    }
}

/// See [`shortest`]: of `x`'s magnitude (finite), zero as one digit `0`.
pub fn shortest_f64(x: f64, tie_even: bool) -> Digits {
    let x = x.abs();
    few_decimals(x).unwrap_or_else(|| nonzero(parts(x.to_bits(), 52, 11), tie_even))
}

/// `10^d` for `d` up to 22, each exact in a double.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// [`shortest`]'s digits of a positive `x` found with doubles, or `None`
/// where that is not certain (the big integers decide then). What the
/// analysis writes are coordinates, scores and counts with a few
/// decimals, for which the exact algorithm cost 2% of a browser analysis.
///
/// For `d` = 0, 1, 2, … decimals: `c / 10^d` with `c` below 2^53 is
/// exact in both operands, so the division rounds it as a decimal reader
/// does (to nearest, ties to even), and `c / 10^d == x` says that `c`'s
/// digits read back as `x`. Any `c` that does lies within half a spacing
/// of doubles from `x × 10^d`; while that spacing times `10^d` is below
/// one, only the integers next to the rounded product can, so none of
/// them reading back means no `d`-decimal number does. The first `d`
/// with exactly one of them is the fewest digits, and one alone is no tie.
fn few_decimals(x: f64) -> Option<Digits> {
    const LIMIT: f64 = 9_007_199_254_740_992.0; // 2^53
    if !(1e-7..LIMIT).contains(&x) {
        return None;
    }
    // the spacing of doubles above x (below it the same or half)
    let spacing = f64::from_bits(x.to_bits() + 1) - x;
    for (d, &p) in POW10.iter().enumerate() {
        let v = x * p;
        if v >= LIMIT || spacing * p >= 1.0 {
            return None;
        }
        let c = v.round() as u64;
        let reads_back = |c: u64| c > 0 && c as f64 / p == x;
        let (here, below, above) = (reads_back(c), c > 0 && reads_back(c - 1), reads_back(c + 1));
        match (here, below, above) {
            (true, false, false) => {
                let mut digits = Vec::with_capacity(17);
                let mut n = c;
                while n > 0 {
                    digits.push((n % 10) as u8);
                    n /= 10;
                }
                digits.reverse();
                let k = digits.len() as i32 - d as i32;
                while digits.last() == Some(&0) {
                    digits.pop();
                }
                return Some(Digits { digits, k });
            }
            (false, false, false) => {}
            _ => return None,
        }
    }
    None
}

/// See [`shortest_f64`].
pub fn shortest_f32(x: f32, tie_even: bool) -> Digits {
    nonzero(parts(u64::from(x.to_bits()), 23, 8), tie_even)
}

fn nonzero(p: Parts, tie_even: bool) -> Digits {
    match p.mant {
        0 => Digits { digits: vec![0], k: 1 },
        _ => shortest(&p, tie_even),
    }
}

fn ascii(digits: &[u8]) -> impl Iterator<Item = char> + '_ {
    digits.iter().map(|&d| char::from(b'0' + d))
}

/// Writes `0.d1d2... × 10^k` in plain notation: `decimals` digits after
/// the point, or only as many as there are (none: no point).
fn plain(out: &mut String, d: &Digits, decimals: Option<usize>) {
    let n = d.digits.len() as i32;
    let whole = d.k.clamp(0, n) as usize;
    if d.k <= 0 {
        out.push('0');
    } else {
        out.extend(ascii(&d.digits[..whole]));
        out.extend(std::iter::repeat_n('0', (d.k - n).max(0) as usize));
    }
    let frac_digits = (n - d.k).max(0) as usize;
    let decimals = decimals.unwrap_or(frac_digits);
    if decimals > 0 {
        out.push('.');
        let lead = (-d.k).clamp(0, decimals as i32) as usize;
        out.extend(std::iter::repeat_n('0', lead));
        out.extend(ascii(&d.digits[whole..]).take(decimals - lead));
        out.extend(std::iter::repeat_n('0', decimals.saturating_sub(frac_digits)));
    }
}

/// `x.to_string()`: the shortest digits, in plain notation.
pub fn display(x: f64) -> String {
    let mut out = String::new();
    if x.is_sign_negative() && !x.is_nan() {
        out.push('-');
    }
    match x.abs() {
        a if a.is_nan() => out.push_str("NaN"),
        a if a.is_infinite() => out.push_str("inf"),
        0.0 => out.push('0'),
        a => plain(&mut out, &shortest_f64(a, false), None),
    }
    out
}

/// `format!("{x:.decimals$}")`: the value rounded half to even at that
/// decimal, in plain notation.
pub fn fixed(x: f64, decimals: usize) -> String {
    let mut out = String::new();
    if x.is_sign_negative() && !x.is_nan() {
        out.push('-');
    }
    let d = match x.abs() {
        a if a.is_nan() => return "NaN".into(),
        a if a.is_infinite() => {
            out.push_str("inf");
            return out;
        }
        0.0 => Digits { digits: Vec::new(), k: 0 },
        a => rounded(&parts(a.to_bits(), 52, 11), decimals as i32),
    };
    plain(&mut out, &d, Some(decimals));
    out
}

/// The value's digits down to the `decimals`-th after the point, rounded
/// half to even there (none if it rounds to zero).
fn rounded(p: &Parts, decimals: i32) -> Digits {
    let Scaled { mut r, s, k, .. } = scale(p, |r, _, s| r.cmp(s) != Ordering::Less);
    let mut digits = Vec::new();
    for _ in 0..(k + decimals).max(0) {
        r.mul_small(10);
        digits.push(r.digit(&s));
    }
    // the rest, `r / s`, in units of the last digit kept (or of a digit
    // below the first when none is)
    if k + decimals < 0 {
        return Digits { digits, k: 0 };
    }
    let last_odd = digits.last().is_some_and(|d| d % 2 == 1);
    let up = match r.add(&r).cmp(&s) {
        Ordering::Less => false,
        Ordering::Greater => true,
        Ordering::Equal => last_odd,
    };
    let mut k = k;
    if up {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, 1);
                k += 1;
                break;
            }
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    if digits.is_empty() {
        k = 0;
    }
    Digits { digits, k }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Vec<f64> {
        let mut v = vec![
            1e-7,
            1e21,
            1e22,
            1e23,
            5e-324,
            1e-323,
            2.2250738585072014e-308,
            2.225073858507201e-308,
            f64::MAX,
            f64::MIN_POSITIVE,
            0.1,
            0.2,
            0.3,
            0.5,
            1.5,
            2.5,
            0.25,
            0.35,
            0.05,
            0.15,
            9.95,
            9.96,
            99.5,
            999.95,
            2119373530608493.0 + 0.25,
            9007199254740994.0,
            123456789.0,
            1.0,
            7.0,
            45.0,
            180.0,
            0.30000000000000004,
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        // fewer in an unoptimised build (`cargo test`), where this is slow
        for _ in 0..if cfg!(debug_assertions) { 3_000 } else { 60_000 } {
            v.push(f64::from_bits(next() >> 1));
            // near ties: few bits after the point, at all sizes
            let q = (next() % 60) as i32;
            v.push((next() % (1 << 53)) as f64 / 2f64.powi(q));
            // numbers like coordinates, sizes and scores
            v.push((next() % 36_000_000) as f64 / 10f64.powi((next() % 9) as i32));
            v.push((next() % 100_000) as f64 / 8.0 + 0.05 * (next() % 40) as f64);
            // powers of two (the lower neighbour nearer)
            v.push(2f64.powi((next() % 2000) as i32 - 1000));
        }
        let neg: Vec<f64> = v.iter().map(|x| -x).collect();
        v.extend(neg);
        v.extend([0.0, -0.0, f64::INFINITY, f64::NEG_INFINITY, f64::NAN]);
        v.retain(|x| !x.is_finite() || x.abs() < 1e300 || x.to_bits() % 64 == 0);
        v
    }

    #[test]
    fn few_decimals_are_the_exact_digits() {
        let (mut fast, mut all) = (0, 0);
        for x in values().into_iter().filter(|x| x.is_finite() && *x > 0.0) {
            all += 1;
            if let Some(d) = few_decimals(x) {
                fast += 1;
                for tie_even in [false, true] {
                    let exact = nonzero(parts(x.to_bits(), 52, 11), tie_even);
                    assert_eq!((&d.digits, d.k), (&exact.digits, exact.k), "{x:e}");
                }
            }
        }
        // the values like coordinates and scores take the fast way
        assert!(fast * 4 > all, "{fast} of {all}");
    }

    #[test]
    fn display_is_cores() {
        for x in values() {
            assert_eq!(display(x), x.to_string(), "{x:e}");
        }
    }

    #[test]
    fn fixed_is_cores() {
        for (i, x) in values().into_iter().enumerate() {
            let p = [0, 1, 2, 5, i % 20][i % 5];
            if x.abs() < 1e30 || i % 16 == 0 {
                assert_eq!(fixed(x, p), format!("{x:.p$}"), "{x:e} .{p}");
            }
        }
    }

    #[test]
    fn shortest_is_cores_exponent_form() {
        for x in values().into_iter().filter(|x| x.is_finite() && *x > 0.0) {
            let d = shortest_f64(x, false);
            let digits: String = ascii(&d.digits).collect();
            let core = format!("{x:e}");
            let (m, e) = core.split_once('e').unwrap();
            assert_eq!(digits, m.replace('.', ""), "{x:e}");
            assert_eq!(d.k - 1, e.parse::<i32>().unwrap(), "{x:e}");
            let f = x as f32;
            if f.is_finite() && f > 0.0 {
                let d = shortest_f32(f, false);
                let core = format!("{f:e}");
                let (m, _) = core.split_once('e').unwrap();
                assert_eq!(ascii(&d.digits).collect::<String>(), m.replace('.', ""), "{f:e}");
            }
        }
    }
}
