//! JSON values, read and written without serde in the browser build.
//!
//! serde_json with serde was about 12 KB of the wasm after brotli (its
//! parser, the derived serialisers of the model types, its float printer).
//! The wasm reads JSON with the parser in [`read`] and writes it with
//! [`write`]; native builds (CLI, tests, tools) keep serde_json, and the
//! tests check that both give the same values, the same errors at the same
//! positions, and the same text, on the sample articles and analyses, on
//! generated inputs and on edge cases.
//!
//! [`Value`] is the value both builds hand to the readers (the article
//! parser, [`crate::model_read`]): serde_json's shape (its `Map` is a
//! `BTreeMap`, so keys are sorted and the last of a repeated key wins; here
//! a [`crate::vecmap::VecMap`] that does the same), with
//! the accessors those readers use.

#[cfg(any(target_arch = "wasm32", test))]
pub(crate) mod read;
#[cfg(test)]
mod tests;
pub(crate) mod write;

use std::fmt;

/// The fields of a JSON object, sorted by key (serde_json's `Map`, a
/// `BTreeMap`).
pub type Map = crate::vecmap::VecMap<String, Value>;

/// A JSON number as serde_json keeps it: a whole number in `u64` or (when
/// negative) `i64`, else a finite `f64`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    PosInt(u64),
    NegInt(i64),
    Float(f64),
}

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

impl Number {
    /// The number as `i64`, when it is a whole number in range.
    pub fn as_i64(&self) -> Option<i64> {
        match *self {
            Number::PosInt(n) => i64::try_from(n).ok(),
            Number::NegInt(n) => Some(n),
            Number::Float(_) => None,
        }
    }

    /// The number as `u64`, when it is a whole number not below 0.
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            Number::PosInt(n) => Some(n),
            _ => None,
        }
    }

    /// The number as `f64` (rounded, for whole numbers beyond 2^53).
    pub fn as_f64(&self) -> f64 {
        match *self {
            Number::PosInt(n) => n as f64,
            Number::NegInt(n) => n as f64,
            Number::Float(f) => f,
        }
    }
}

/// As serde_json writes it (`1700000000`, `-3`, `1.5`, `1.0`, `1e+16`).
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match *self {
            Number::PosInt(n) => write!(f, "{n}"),
            Number::NegInt(n) => write!(f, "{n}"),
            Number::Float(x) => {
                let mut s = String::new();
                write::f64_to(&mut s, x);
                f.write_str(&s)
            }
        }
    }
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n.as_f64()),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_string())
    }
}

impl From<f64> for Value {
    /// serde_json's: a value that is not finite is `null`.
    fn from(f: f64) -> Self {
        if f.is_finite() {
            Value::Number(Number::Float(f))
        } else {
            Value::Null
        }
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Self {
        Value::Number(Number::PosInt(n as u64))
    }
}

/// Why JSON text could not be read: serde_json's message and position (a
/// 1-based line, and the column in bytes, as serde_json counts it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

/// serde_json's form: "expected value at line 1 column 2".
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.line == 0 {
            f.write_str(&self.message)
        } else {
            write!(f, "{} at line {} column {}", self.message, self.line, self.column)
        }
    }
}

/// The values of a text of one or more JSON documents (JSON Lines), one at
/// a time, with the byte offset after the last one read (serde_json's
/// `StreamDeserializer`).
#[cfg(target_arch = "wasm32")]
pub use read::Stream;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::{Error, Map, Number, Value};

    impl From<&serde_json::Value> for Value {
        fn from(v: &serde_json::Value) -> Self {
            match v {
                serde_json::Value::Null => Value::Null,
                serde_json::Value::Bool(b) => Value::Bool(*b),
                serde_json::Value::Number(n) => Value::Number(match (n.as_u64(), n.as_i64(), n.as_f64()) {
                    (Some(u), _, _) => Number::PosInt(u),
                    (None, Some(i), _) => Number::NegInt(i),
                    (None, None, f) => Number::Float(f.unwrap_or(f64::NAN)),
                }),
                serde_json::Value::String(s) => Value::String(s.clone()),
                serde_json::Value::Array(a) => Value::Array(a.iter().map(Value::from).collect()),
                serde_json::Value::Object(o) => {
                    Value::Object(o.iter().map(|(k, v)| (k.clone(), Value::from(v))).collect::<Map>())
                }
            }
        }
    }

    impl From<&serde_json::Error> for Error {
        fn from(e: &serde_json::Error) -> Self {
            // serde_json appends " at line X column Y" when it knows them
            let text = e.to_string();
            let message = match e.line() {
                0 => text,
                _ => text.rsplit_once(" at line ").map_or(text.as_str(), |(m, _)| m).to_string(),
            };
            Error { message, line: e.line(), column: e.column() }
        }
    }

    /// The values of a text of one or more JSON documents, by serde_json.
    pub struct Stream<'a> {
        inner: serde_json::StreamDeserializer<'a, serde_json::de::StrRead<'a>, serde_json::Value>,
    }

    impl<'a> Stream<'a> {
        pub fn new(text: &'a str) -> Self {
            Stream { inner: serde_json::Deserializer::from_str(text).into_iter() }
        }

        /// Bytes read up to the end of the last value.
        pub fn byte_offset(&self) -> usize {
            self.inner.byte_offset()
        }
    }

    impl Iterator for Stream<'_> {
        type Item = Result<Value, Error>;
        fn next(&mut self) -> Option<Self::Item> {
            self.inner.next().map(|r| r.map(|v| Value::from(&v)).map_err(|e| Error::from(&e)))
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::Stream;
