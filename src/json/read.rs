//! A JSON parser for the browser build, giving what serde_json gives for the
//! same text (its `Value` parse with its default features): the same
//! values, numbers included (whole numbers as `u64`/`i64`, others as its
//! fast `significand × 10^exponent` in `f64`), and the same first error with
//! the same message at the same line and column. Nesting stops at 128
//! levels, as serde_json's does. Not carried over: serde_json's private
//! key for raw values (`$serde_json::private::RawValue`) is an ordinary key
//! here.

use super::{Error, Number, Value};

const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const EOF_VALUE: &str = "EOF while parsing a value";
const EXPECTED_COLON: &str = "expected `:`";
const EXPECTED_LIST_END: &str = "expected `,` or `]`";
const EXPECTED_OBJECT_END: &str = "expected `,` or `}`";
const EXPECTED_IDENT: &str = "expected ident";
const EXPECTED_VALUE: &str = "expected value";
const INVALID_ESCAPE: &str = "invalid escape";
const INVALID_NUMBER: &str = "invalid number";
const OUT_OF_RANGE: &str = "number out of range";
const CONTROL_CHARACTER: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY_NOT_STRING: &str = "key must be a string";
const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING_CHARACTERS: &str = "trailing characters";
const HEX_ESCAPE_END: &str = "unexpected end of hex escape";
const TOO_DEEP: &str = "recursion limit exceeded";

type Result<T> = std::result::Result<T, Error>;

struct Parser<'a> {
    /// The text read, and its bytes.
    s: &'a str,
    b: &'a [u8],
    i: usize,
    /// Levels of nesting left (serde_json's 128).
    depth: u32,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser { s: text, b: text.as_bytes(), i: 0, depth: 128 }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.i += 1;
        Some(c)
    }

    fn digit(&self) -> Option<u8> {
        self.peek().filter(u8::is_ascii_digit).map(|c| c - b'0')
    }

    /// An error at byte `at`: its line, and its column as serde_json counts
    /// (the bytes from the line's start up to `at`).
    fn error_at(&self, at: usize, message: &str) -> Error {
        let before = &self.b[..at];
        let line_start = before.iter().rposition(|&c| c == b'\n').map_or(0, |p| p + 1);
        let line = 1 + before[..line_start].iter().filter(|&&c| c == b'\n').count();
        Error { message: message.to_string(), line, column: at - line_start }
    }

    /// An error about the byte just read.
    fn error(&self, message: &str) -> Error {
        self.error_at(self.i, message)
    }

    /// An error about the byte not yet read.
    fn peek_error(&self, message: &str) -> Error {
        self.error_at(self.b.len().min(self.i + 1), message)
    }

    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Result<Value> {
        let Some(c) = self.whitespace() else { return Err(self.peek_error(EOF_VALUE)) };
        match c {
            b'n' => self.ident(b"null", Value::Null),
            b't' => self.ident(b"true", Value::Bool(true)),
            b'f' => self.ident(b"false", Value::Bool(false)),
            b'-' => {
                self.i += 1;
                self.integer(false).map(Value::Number)
            }
            b'0'..=b'9' => self.integer(true).map(Value::Number),
            b'"' => {
                self.i += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => {
                self.depth -= 1;
                if self.depth == 0 {
                    return Err(self.peek_error(TOO_DEEP));
                }
                self.i += 1;
                let v = if c == b'[' { self.list() } else { self.object() };
                self.depth += 1;
                v
            }
            _ => Err(self.peek_error(EXPECTED_VALUE)),
        }
    }

    fn ident(&mut self, word: &[u8], v: Value) -> Result<Value> {
        self.i += 1;
        for &want in &word[1..] {
            match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(c) if c != want => return Err(self.error(EXPECTED_IDENT)),
                Some(_) => {}
            }
        }
        Ok(v)
    }

    /// After `[`, up to and with the `]`.
    fn list(&mut self) -> Result<Value> {
        let mut items = Vec::new();
        loop {
            match self.whitespace() {
                None => return Err(self.peek_error(EOF_LIST)),
                Some(b']') => break,
                Some(_) if items.is_empty() => {}
                Some(b',') => {
                    self.i += 1;
                    match self.whitespace() {
                        Some(b']') => return Err(self.peek_error(TRAILING_COMMA)),
                        Some(_) => {}
                        None => return Err(self.peek_error(EOF_VALUE)),
                    }
                }
                Some(_) => return Err(self.peek_error(EXPECTED_LIST_END)),
            }
            items.push(self.value()?);
        }
        self.i += 1;
        Ok(Value::Array(items))
    }

    /// After `{`, up to and with the `}`.
    fn object(&mut self) -> Result<Value> {
        // sorted once at the end (the last of a repeated key wins)
        let mut fields: Vec<(String, Value)> = Vec::new();
        let mut first = true;
        loop {
            match self.whitespace() {
                None => return Err(self.peek_error(EOF_OBJECT)),
                Some(b'}') => break,
                Some(c) if first => {
                    if c != b'"' {
                        return Err(self.peek_error(KEY_NOT_STRING));
                    }
                }
                Some(b',') => {
                    self.i += 1;
                    match self.whitespace() {
                        Some(b'"') => {}
                        Some(b'}') => return Err(self.peek_error(TRAILING_COMMA)),
                        Some(_) => return Err(self.peek_error(KEY_NOT_STRING)),
                        None => return Err(self.peek_error(EOF_VALUE)),
                    }
                }
                Some(_) => return Err(self.peek_error(EXPECTED_OBJECT_END)),
            }
            first = false;
            self.i += 1;
            let key = self.string()?;
            match self.whitespace() {
                Some(b':') => self.i += 1,
                Some(_) => return Err(self.peek_error(EXPECTED_COLON)),
                None => return Err(self.peek_error(EOF_OBJECT)),
            }
            let v = self.value()?;
            fields.push((key, v));
        }
        self.i += 1;
        Ok(Value::Object(fields.into_iter().collect()))
    }

    /// After the opening `"`, up to and with the closing one.
    fn string(&mut self) -> Result<String> {
        let mut out = String::new();
        let mut start = self.i;
        loop {
            self.i = super::write::next_escape(self.b, self.i);
            let Some(c) = self.peek() else { return Err(self.error(EOF_STRING)) };
            // the run stops at ASCII: whole characters of the text, taken
            // as they are (not checked as UTF-8 again)
            out.push_str(self.s.get(start..self.i).unwrap_or_default());
            self.i += 1;
            match c {
                b'"' => return Ok(out),
                b'\\' => self.escape(&mut out)?,
                _ => return Err(self.error(CONTROL_CHARACTER)),
            }
            start = self.i;
        }
    }

    /// After a `\`.
    fn escape(&mut self, out: &mut String) -> Result<()> {
        let Some(c) = self.next() else { return Err(self.error(EOF_STRING)) };
        out.push(match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let n = self.hex()?;
                let code = match n {
                    0xDC00..=0xDFFF => return Err(self.error(LONE_SURROGATE)),
                    0xD800..=0xDBFF => {
                        for want in [b'\\', b'u'] {
                            match self.next() {
                                None => return Err(self.error(EOF_STRING)),
                                Some(c) if c != want => return Err(self.error(HEX_ESCAPE_END)),
                                Some(_) => {}
                            }
                        }
                        let low = self.hex()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(self.error(LONE_SURROGATE));
                        }
                        0x1_0000 + ((n - 0xD800) << 10 | (low - 0xDC00))
                    }
                    _ => n,
                };
                char::from_u32(code).unwrap_or_default()
            }
            _ => return Err(self.error(INVALID_ESCAPE)),
        });
        Ok(())
    }

    /// Four hex digits of a `\u` escape.
    fn hex(&mut self) -> Result<u32> {
        let Some(four) = self.b.get(self.i..self.i + 4) else {
            self.i = self.b.len();
            return Err(self.error(EOF_STRING));
        };
        self.i += 4;
        four.iter()
            .try_fold(0u32, |n, &c| Some(n << 4 | (c as char).to_digit(16)?))
            .ok_or_else(|| self.error(INVALID_ESCAPE))
    }

    /// A number, after its `-` if it has one.
    fn integer(&mut self, positive: bool) -> Result<Number> {
        let first = match self.next() {
            None => return Err(self.error(EOF_VALUE)),
            Some(c @ b'0'..=b'9') => u64::from(c - b'0'),
            Some(_) => return Err(self.error(INVALID_NUMBER)),
        };
        let mut sig = first;
        if first == 0 {
            if self.digit().is_some() {
                return Err(self.peek_error(INVALID_NUMBER));
            }
        } else {
            while let Some(d) = self.digit() {
                let Some(next) = sig.checked_mul(10).and_then(|s| s.checked_add(u64::from(d))) else {
                    // more digits than a u64 holds: the rest only scale it
                    let mut exp = 0;
                    while self.digit().is_some() {
                        self.i += 1;
                        exp += 1;
                    }
                    return self.fraction(positive, sig, exp).map(Number::Float);
                };
                self.i += 1;
                sig = next;
            }
        }
        Ok(match self.peek() {
            Some(b'.' | b'e' | b'E') => Number::Float(self.fraction(positive, sig, 0)?),
            _ if positive => Number::PosInt(sig),
            // -0 and below i64::MIN are floats
            _ => match (sig as i64).wrapping_neg() {
                n if n >= 0 => Number::Float(-(sig as f64)),
                n => Number::NegInt(n),
            },
        })
    }

    /// The decimals and exponent of a number, if any, after its whole part.
    fn fraction(&mut self, positive: bool, mut sig: u64, mut exp: i32) -> Result<f64> {
        if self.peek() == Some(b'.') {
            self.i += 1;
            let (mut decimals, mut any) = (0, false);
            while let Some(d) = self.digit() {
                any = true;
                match sig.checked_mul(10).and_then(|s| s.checked_add(u64::from(d))) {
                    Some(next) => {
                        sig = next;
                        decimals += 1;
                    }
                    None => {
                        // the digits beyond a u64 are dropped
                        while self.digit().is_some() {
                            self.i += 1;
                        }
                        break;
                    }
                }
                self.i += 1;
            }
            if !any {
                return Err(self.peek_error(if self.peek().is_some() { INVALID_NUMBER } else { EOF_VALUE }));
            }
            exp -= decimals;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            let up = match self.peek() {
                Some(b'+') => {
                    self.i += 1;
                    true
                }
                Some(b'-') => {
                    self.i += 1;
                    false
                }
                _ => true,
            };
            let mut e: i32 = match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(c @ b'0'..=b'9') => i32::from(c - b'0'),
                Some(_) => return Err(self.error(INVALID_NUMBER)),
            };
            while let Some(d) = self.digit() {
                self.i += 1;
                match e.checked_mul(10).and_then(|x| x.checked_add(i32::from(d))) {
                    Some(next) => e = next,
                    None => {
                        // an exponent beyond i32: infinity is an error, zero is zero
                        if sig != 0 && up {
                            return Err(self.error(OUT_OF_RANGE));
                        }
                        while self.digit().is_some() {
                            self.i += 1;
                        }
                        return Ok(if positive { 0.0 } else { -0.0 });
                    }
                }
            }
            exp = if up { exp.saturating_add(e) } else { exp.saturating_sub(e) };
        }
        self.float(positive, sig, exp)
    }

    /// `sig × 10^exp` as serde_json computes it: one multiplication or
    /// division by a power of ten, the division repeated by 1e308 below that.
    fn float(&self, positive: bool, sig: u64, mut exp: i32) -> Result<f64> {
        let mut f = sig as f64;
        loop {
            let n = exp.unsigned_abs() as usize;
            if n <= 308 {
                if exp >= 0 {
                    f *= pow10(n);
                    if f.is_infinite() {
                        return Err(self.error(OUT_OF_RANGE));
                    }
                } else {
                    f /= pow10(n);
                }
                break;
            }
            if f == 0.0 {
                break;
            }
            if exp >= 0 {
                return Err(self.error(OUT_OF_RANGE));
            }
            f /= 1e308;
            exp += 308;
        }
        Ok(if positive { f } else { -f })
    }
}

/// 10^n (n ≤ 308) rounded to the nearest `f64`, as the literal `1en` is:
/// exact products up to 10^22, then from 5^n in whole numbers (10^n = 5^n ×
/// 2^n), its top 53 bits rounded half to even.
pub(crate) fn pow10(n: usize) -> f64 {
    if n <= 22 {
        return (0..n).fold(1.0, |f, _| f * 10.0);
    }
    let mut limbs: Vec<u32> = vec![1];
    for _ in 0..n {
        let mut carry = 0;
        for l in limbs.iter_mut() {
            let x = u64::from(*l) * 5 + carry;
            *l = x as u32;
            carry = x >> 32;
        }
        if carry > 0 {
            limbs.push(carry as u32);
        }
    }
    let bits = limbs.len() * 32 - limbs.last().map_or(32, |l| l.leading_zeros() as usize);
    let bit = |k: usize| u64::from(limbs[k / 32] >> (k % 32) & 1);
    // the top 53 bits, the one after them, and whether any below is set
    let top = (bits - 54..bits).rev().fold(0u64, |m, k| m << 1 | bit(k));
    let below = (0..bits - 54).any(|k| bit(k) == 1);
    let mut m = top >> 1;
    if top & 1 == 1 && (below || m & 1 == 1) {
        m += 1;
    }
    // the value is m × 2^e
    let mut e = (bits - 53 + n) as u64;
    if m == 1 << 53 {
        m >>= 1;
        e += 1;
    }
    f64::from_bits((e + 52 + 1023) << 52 | (m & ((1 << 52) - 1)))
}

/// One JSON document (white space around it allowed) read as a `T` by
/// `read`, as serde_json's `from_str` reads a type whose `Deserialize` goes
/// through a `Value`: a syntax error with its position, else the reader's
/// error as it is, else trailing characters with their position.
pub fn from_str_as<T>(
    text: &str,
    read: impl FnOnce(&Value) -> std::result::Result<T, String>,
) -> std::result::Result<T, String> {
    let mut p = Parser::new(text);
    let v = p.value().map_err(|e| e.to_string())?;
    let t = read(&v)?;
    match p.whitespace() {
        Some(_) => Err(p.peek_error(TRAILING_CHARACTERS).to_string()),
        None => Ok(t),
    }
}

/// The values of a text of one or more JSON documents, one at a time
/// (serde_json's `StreamDeserializer`): a number, `true`, `false` or `null`
/// must be followed by white space, the end, or punctuation.
pub struct Stream<'a> {
    p: Parser<'a>,
    offset: usize,
    failed: bool,
}

impl<'a> Stream<'a> {
    pub fn new(text: &'a str) -> Self {
        Stream { p: Parser::new(text), offset: 0, failed: false }
    }

    /// Bytes read up to the end of the last value.
    pub fn byte_offset(&self) -> usize {
        self.offset
    }
}

impl Iterator for Stream<'_> {
    type Item = Result<Value>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let first = self.p.whitespace();
        self.offset = self.p.i;
        let delimited = matches!(first?, b'[' | b'{' | b'"');
        let result = self.p.value();
        if result.is_ok() {
            self.offset = self.p.i;
        } else {
            self.failed = true;
        }
        Some(result.and_then(|v| match self.p.peek() {
            _ if delimited => Ok(v),
            None | Some(b' ' | b'\n' | b'\t' | b'\r' | b'"' | b'[' | b']' | b'{' | b'}' | b',' | b':') => Ok(v),
            Some(_) => Err(self.p.peek_error(TRAILING_CHARACTERS)),
        }))
    }
}
