//! Batches without loss: many articles in, exactly one output line per
//! article out, in input order, on all cores, in bounded memory.
//!
//! The input is read as a stream:
//! - **JSON Lines** (the first line is a whole JSON value): line by line;
//!   each non-blank line is one input item. A line over
//!   [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES) is skipped, not buffered.
//! - **a JSON array**: element by element, without reading the whole array.
//! - anything else (one JSON document over several lines, plain text, an
//!   HTML page): as one input of at most `MAX_INPUT_BYTES`.
//!
//! Each item gives one line per article it holds (a news-API response
//! holds several): the analysis as JSON, or an error object
//! `{"error": reason, "input": "json line 7", "line": 7, "field": "body"}`
//! naming the input line and the reason. The analyses run on worker
//! threads; a window of items in flight bounds memory and the output keeps
//! the input order.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Read, Write};
use std::sync::mpsc::{channel, sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};

use serde::de::{DeserializeSeed, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::article::{self, InputError, InputErrorKind};
use crate::json::write::ToJson;
use crate::MAX_INPUT_BYTES;

/// What a batch did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Articles analysed (one output line each).
    pub analysed: usize,
    /// Articles or input items that failed (one error line each).
    pub failed: usize,
    /// The first failure, as "input: reason".
    pub first_error: Option<String>,
}

/// One unit of input and where it came from.
struct Job {
    seq: usize,
    /// "json line 7", "article 3", "input".
    input: String,
    line: Option<usize>,
    what: Payload,
}

enum Payload {
    /// One JSON document (a JSON Lines line, an array element).
    Json(Vec<u8>),
    /// A whole non-streamed input.
    Whole(Vec<u8>),
    /// The item could not even be read.
    Failed(InputError),
}

/// Output lines of one job.
struct Done {
    seq: usize,
    /// The lines, each ending in a newline.
    text: String,
    analysed: usize,
    failed: usize,
    first_error: Option<String>,
}

/// Items in flight per worker: enough to keep every core busy while the
/// output waits for a slow article, few enough to bound memory.
const WINDOW_PER_THREAD: usize = 8;

/// Reads articles from `input`, analyses them on `threads` threads and
/// writes one JSON line per article to `out`, in input order. Errors
/// reading the input or writing the output end the batch with `Err`; a bad
/// article is an error line and counts in [`Summary::failed`].
pub fn analyze_batch<R: BufRead + Send, W: Write>(input: R, out: &mut W, threads: usize) -> io::Result<Summary> {
    let threads = threads.max(1);
    if threads == 1 {
        return analyze_inline(input, out);
    }
    let window = threads * WINDOW_PER_THREAD;
    let (job_tx, job_rx) = sync_channel::<Job>(window);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (done_tx, done_rx) = channel::<Done>();
    // Permits for items in flight: the reader takes one per item, the
    // writer gives it back once the item is written.
    let (permit_tx, permit_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        let _ = permit_tx.send(());
    }
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let mut to = |job: Job| permit_rx.recv().is_ok() && job_tx.send(job).is_ok();
            read_input(input, &mut to)
        });
        for _ in 0..threads {
            let rx = Arc::clone(&job_rx);
            let tx = done_tx.clone();
            scope.spawn(move || work(&rx, &tx));
        }
        drop(done_tx);
        let written = write_in_order(&done_rx, out, &permit_tx);
        drop(permit_tx);
        drop(done_rx);
        let read = reader.join().unwrap_or_else(|_| Err(io::Error::other("the input reader failed")));
        let summary = written?;
        read?;
        Ok(summary)
    })
}

/// One thread: each item read, analysed and written in turn on the
/// caller's thread, with no hand-off between threads (the same lines, in
/// the same order, as on worker threads).
fn analyze_inline<R: BufRead, W: Write>(input: R, out: &mut W) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let mut failed = None;
    // one buffer for every item's lines, grown to the longest
    let mut text = String::new();
    let mut to = |job: Job| match write_done(out, &mut summary, run(job, std::mem::take(&mut text))) {
        Ok(mut t) => {
            t.clear();
            text = t;
            true
        }
        Err(e) => {
            failed = Some(e);
            false
        }
    };
    let read = read_input(input, &mut to);
    if let Some(e) = failed {
        return Err(e);
    }
    out.flush()?;
    read?;
    Ok(summary)
}

fn work(rx: &Mutex<Receiver<Job>>, tx: &std::sync::mpsc::Sender<Done>) {
    loop {
        let job = match rx.lock() {
            Ok(guard) => guard.recv(),
            Err(_) => return,
        };
        let Ok(job) = job else { return };
        if tx.send(run(job, String::new())).is_err() {
            return;
        }
    }
}

fn error_line(input: &str, line: Option<usize>, e: &InputError) -> String {
    let mut o = serde_json::Map::new();
    o.insert("error".into(), e.message.clone().into());
    o.insert("input".into(), input.into());
    if let Some(l) = e.line.filter(|_| line.is_none()).or(line) {
        o.insert("line".into(), l.into());
    }
    if let Some(f) = &e.field {
        o.insert("field".into(), f.clone().into());
    }
    serde_json::Value::Object(o).to_string()
}

/// Parses and analyses one item, its lines written into `text` (empty).
fn run(job: Job, text: String) -> Done {
    let mut done = Done { seq: job.seq, text, analysed: 0, failed: 0, first_error: None };
    let fail = |done: &mut Done, input: &str, line: Option<usize>, e: &InputError| {
        done.text.push_str(&error_line(input, line, e));
        done.text.push('\n');
        done.failed += 1;
        done.first_error.get_or_insert_with(|| format!("{input}: {}", e.message));
    };
    let items = match &job.what {
        Payload::Json(b) => article::parse_items(b).map_err(|mut e| {
            // Positions in a one-line document: the column is what counts.
            if !b.contains(&b'\n') && e.line == Some(1) {
                e.message = e.message.replacen(" at line 1, column ", " at column ", 1);
                e.line = None;
            }
            e
        }),
        Payload::Whole(b) => article::parse_items(b),
        Payload::Failed(e) => Err(e.clone()),
    };
    match items {
        Err(e) => fail(&mut done, &job.input, job.line, &e),
        Ok(items) => {
            for item in items {
                match item.result {
                    Ok(a) => {
                        let analysis = crate::analyze(&a);
                        // the line written straight into the buffer, sized
                        // for it (about four bytes per byte of text), by the
                        // writer the browser build uses too: the same text as
                        // serde_json's (its tests), strings passed over eight
                        // bytes at a time where serde_json goes byte by byte
                        done.text.reserve(analysis.text.len() * 4 + 1024);
                        analysis.write_json(&mut done.text);
                        done.text.push('\n');
                        done.analysed += 1;
                    }
                    Err(e) => {
                        // A line or element holding several articles names each.
                        let input = match (&item.label, matches!(job.what, Payload::Whole(_))) {
                            (Some(l), true) => l.clone(),
                            (Some(l), false) => format!("{}, {l}", job.input),
                            (None, _) => job.input.clone(),
                        };
                        fail(&mut done, &input, job.line, &e)
                    }
                }
            }
        }
    }
    done
}

fn write_in_order<W: Write>(rx: &Receiver<Done>, out: &mut W, permits: &SyncSender<()>) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
    let mut next = 0;
    for done in rx {
        pending.insert(done.seq, done);
        while let Some(d) = pending.remove(&next) {
            write_done(out, &mut summary, d)?;
            next += 1;
            let _ = permits.send(());
        }
    }
    out.flush()?;
    Ok(summary)
}

/// Writes the lines of one job and counts them in `summary`; gives back
/// the buffer they were in.
fn write_done<W: Write>(out: &mut W, summary: &mut Summary, d: Done) -> io::Result<String> {
    out.write_all(d.text.as_bytes())?;
    summary.analysed += d.analysed;
    summary.failed += d.failed;
    if summary.first_error.is_none() {
        summary.first_error = d.first_error;
    }
    Ok(d.text)
}

/// Numbers the jobs in order and hands each on (to a worker thread, or to
/// the analysis on this thread).
struct Sender<'a> {
    to: &'a mut dyn FnMut(Job) -> bool,
    seq: usize,
}

impl Sender<'_> {
    /// `false` once the batch is over (the writer stopped).
    fn send(&mut self, input: String, line: Option<usize>, what: Payload) -> bool {
        let job = Job { seq: self.seq, input, line, what };
        self.seq += 1;
        (self.to)(job)
    }
}

fn read_input<R: BufRead>(mut input: R, to: &mut dyn FnMut(Job) -> bool) -> io::Result<()> {
    let mut tx = Sender { to, seq: 0 };
    // Peek past a byte-order mark and white space at the start.
    let (first, head) = {
        let buf = input.fill_buf()?;
        let buf = buf.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(buf);
        let head = String::from_utf8_lossy(buf.get(..buf.len().min(64)).unwrap_or(buf)).into_owned();
        (buf.iter().copied().find(|b| !b.is_ascii_whitespace()), head)
    };
    match first {
        Some(b'[') if article::looks_like_json(&head) => read_array(input, &mut tx),
        Some(b'{') => read_lines(input, &mut tx),
        _ => {
            let whole = read_whole(&mut input, Vec::new())?;
            tx.send("input".into(), None, whole);
            Ok(())
        }
    }
}

/// The rest of the input as one item, or a size error.
fn read_whole<R: BufRead>(input: &mut R, mut start: Vec<u8>) -> io::Result<Payload> {
    let limit = u64::try_from(MAX_INPUT_BYTES.saturating_sub(start.len())).unwrap_or(u64::MAX).saturating_add(1);
    input.take(limit).read_to_end(&mut start)?;
    if start.len() > MAX_INPUT_BYTES {
        return Ok(Payload::Failed(InputError::of_kind(
            InputErrorKind::TooLarge,
            format!("input is too large: more than {MAX_INPUT_BYTES} bytes (5 MB)"),
        )));
    }
    Ok(Payload::Whole(start))
}

/// Reads one line of at most [`MAX_INPUT_BYTES`] (without its newline);
/// `None` at the end of the input, `Some(Err(len))` for a longer line,
/// which is read past but not kept.
fn next_line<R: BufRead>(input: &mut R, line: &mut Vec<u8>) -> io::Result<Option<Result<(), usize>>> {
    line.clear();
    let mut len = 0usize;
    let mut any = false;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match crate::text::newline(buf) {
            Some(i) => (buf.get(..i).unwrap_or(buf), Some(i + 1)),
            None => (buf, None),
        };
        len += chunk.len();
        if len <= MAX_INPUT_BYTES {
            line.extend_from_slice(chunk);
        }
        let used = done.unwrap_or(buf.len());
        input.consume(used);
        if done.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(Some(if len > MAX_INPUT_BYTES { Err(len) } else { Ok(()) }))
}

/// JSON Lines, or one JSON object written over several lines (then its
/// first line is not a whole value and the input is read whole).
fn read_lines<R: BufRead>(mut input: R, tx: &mut Sender<'_>) -> io::Result<()> {
    let mut line = Vec::new();
    let mut n = 0usize;
    let mut first = true;
    while let Some(read) = next_line(&mut input, &mut line)? {
        n += 1;
        if line.iter().all(u8::is_ascii_whitespace) && read.is_ok() {
            continue;
        }
        if first {
            first = false;
            let text = line.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(&line);
            let incomplete =
                read.is_ok() && serde_json::from_slice::<serde::de::IgnoredAny>(text).is_err_and(|e| e.is_eof());
            if incomplete {
                let mut start = std::mem::take(&mut line);
                start.push(b'\n');
                let whole = read_whole(&mut input, start)?;
                tx.send("input".into(), None, whole);
                return Ok(());
            }
        }
        let label = format!("json line {n}");
        let what = match read {
            Ok(()) => match kind(&line) {
                // An array on a line is a list of articles.
                "object" | "array" => Payload::Json(std::mem::take(&mut line)),
                other => Payload::Failed(InputError::new(format!("expected an article object, found {other}"))),
            },
            Err(len) => Payload::Failed(InputError::of_kind(
                InputErrorKind::TooLarge,
                format!("line is too large: {len} bytes, the limit is {MAX_INPUT_BYTES} bytes (5 MB)"),
            )),
        };
        if !tx.send(label, Some(n), what) {
            return Ok(());
        }
    }
    Ok(())
}

/// What a JSON document is, by its first byte ("object" for an article).
fn kind(json: &[u8]) -> &'static str {
    let json = json.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(json);
    let start = json.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(json.len());
    let rest = json.get(start..).unwrap_or_default();
    match rest.first() {
        Some(b'{') => "object",
        Some(b'[') => "array",
        Some(b'"') => "string",
        Some(b'-' | b'0'..=b'9') => "number",
        _ if rest.starts_with(b"true") || rest.starts_with(b"false") => "boolean",
        _ if rest.starts_with(b"null") => "null",
        _ => "text that is not json",
    }
}

/// Counts the lines a reader has given (to name an element's line).
struct Counting<R> {
    inner: R,
    newlines: Arc<Mutex<usize>>,
}

impl<R: io::Read> io::Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let nl = buf.get(..n).map_or(0, |b| b.iter().filter(|c| **c == b'\n').count());
        if nl > 0 {
            if let Ok(mut g) = self.newlines.lock() {
                *g += nl;
            }
        }
        Ok(n)
    }
}

/// A JSON array, element by element.
fn read_array<R: BufRead>(input: R, tx: &mut Sender<'_>) -> io::Result<()> {
    let newlines = Arc::new(Mutex::new(0usize));
    let counting = Counting { inner: input, newlines: Arc::clone(&newlines) };
    let mut de = serde_json::Deserializer::from_reader(counting);
    let mut count = 0;
    let seed = Elements { tx, newlines: &newlines, count: &mut count };
    let result = seed.deserialize(&mut de).and_then(|()| de.end());
    if let Err(e) = result {
        if e.is_io() {
            return Err(io::Error::other(e.to_string()));
        }
        // The array itself is broken: nothing after this point can be read.
        let line = e.line();
        let msg = e.to_string();
        let msg = msg.rsplit_once(" at line ").map_or(msg.as_str(), |(m, _)| m);
        let reason = if msg.contains("recursion limit") {
            format!("input nests too deeply: more than {} levels", crate::MAX_DEPTH)
        } else {
            format!("invalid json at line {line}: {msg}; the rest of the array is not read")
        };
        tx.send(
            format!("article {}", count + 1),
            Some(line),
            Payload::Failed(InputError::of_kind(InputErrorKind::Unreadable, reason)),
        );
    }
    Ok(())
}

struct Elements<'a, 'b> {
    tx: &'a mut Sender<'b>,
    newlines: &'a Mutex<usize>,
    count: &'a mut usize,
}

impl<'de> DeserializeSeed<'de> for Elements<'_, '_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Elements<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a json array of articles")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut open = true;
        while let Some(raw) = seq.next_element::<Box<RawValue>>()? {
            *self.count += 1;
            let text = raw.get();
            // The reader has given the element's last byte: its first line
            // is that many lines back.
            let seen = self.newlines.lock().map_or(0, |g| *g);
            let line = (seen + 1).saturating_sub(text.bytes().filter(|b| *b == b'\n').count());
            if open {
                let what = match kind(text.as_bytes()) {
                    // A nested array is a list of articles (or too deep).
                    "object" | "array" => Payload::Json(text.as_bytes().to_vec()),
                    other => Payload::Failed(InputError::new(format!("expected an article object, found {other}"))),
                };
                open = self.tx.send(format!("article {}", *self.count), Some(line), what);
            }
        }
        Ok(())
    }
}
