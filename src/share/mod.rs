//! Share links: the view state and the article (or a URL to fetch it from)
//! to and from a URL fragment. Pure and bounded; no DOM.
//!
//! ```
//! use article_atlas::{decode_share_link, encode_share_link, Selection, ShareLink, SharedArticle, ViewState};
//!
//! let view = ViewState { selected: Some(Selection::Entity("plc-2".into())), ..ViewState::default() };
//! let link = ShareLink { view, article: SharedArticle::Src("https://example.org/a.json".into()) };
//! let fragment = encode_share_link(&link);
//! assert!(fragment.starts_with("v1."));
//! assert_eq!(decode_share_link(&fragment), Ok(link));
//! assert!(decode_share_link("v1.x").is_err());
//! ```
//!
//! # Format (version 1)
//!
//! A fragment is `v1.` followed by base64url (no padding) of a *frame*, and,
//! when the link carries the article itself, `.` and base64url of a second
//! frame whose body is the article alone:
//!
//! ```text
//! fragment = "v1." b64(frame(body)) ["." b64(frame(article))]
//! frame = flags:u8  body_len:varint  data_len:varint  data  crc32(body):u32le
//!   flags bit 0: data is raw deflate (max level) of the body, else the body itself
//!   flags bit 1: strings use the packed text encoding, else UTF-8
//!   other bits must be zero
//! body  = content:u8 (0 view only, 1 inline article, 2 src URL,
//!         3 inline article in the second frame)  view  [article | src]
//! view  = present:u8 (bit 0 selection, 1 hidden types, 2 map window, 3 time window, 4 ui lang,
//!         5 place corrections)
//!         [sel_kind:u8 (0 entity, 1 event) id:str]  [n:varint type:u8 * n]
//!         [lon:str lat:str zoom:str (shortest round-trip decimals)]  [start:str end:str]  [lang:str]
//!         [n:varint (entity:str place:str) * n]
//! article = present:u8 (bit 0 subtitle, 1 section, 2 category, 3 published, 4 source,
//!         5 authors, 6 url, 7 published day)  title:str lang:str dir:u8 (0 ltr, 1 rtl)
//!         [subtitle] [section] [category] [raw:str [year:zigzag month:u8 day:u8]] [source]
//!         [n:varint author:str * n] [url]  n:varint paragraph:str * n
//!         m:varint (0 or n) then m paragraph directions, one bit each (1 = rtl), low bit first
//! str   = byte_len:varint bytes
//! ```
//!
//! Why binary rather than JSON: in a 1–2 KB payload deflate cannot win back
//! the cost of key names, and a fixed layout is easy to bound while decoding.
//! Why the packed text encoding: Arabic letters take two bytes in UTF-8; the
//! packed form maps U+0600–U+067F to single bytes 0x80–0xFF (and a few
//! common punctuation marks to spare control bytes), which both halves the
//! input and gives deflate's Huffman coder one symbol per letter. The encoder
//! tries raw/deflated × UTF-8/packed and keeps the shortest, so a link is
//! never longer than plain deflate of UTF-8 would make it.
//!
//! Why the article has a frame of its own: the view changes with every
//! gesture, the article does not. A page keeps the article's frame
//! ([`EncodedArticle`]) and only re-encodes the few bytes of the view, so
//! moving the map never compresses the article again. Links made before
//! that (content 1, the article inside the view's frame) still open.
//!
//! Decoding refuses a body that declares more than [`MAX_DECODED_BYTES`]
//! before inflating anything, and never inflates past that limit whatever
//! the stream claims, so a "zip bomb" costs at most the limit.

use crate::model::{Article, Dir, EntityType, Published, Ymd};
use crate::view::{MapWindow, PlaceFix, Selection, TimeWindow, ViewState};
use bytes::{base64url_decode, base64url_encode, crc32, unzigzag, write_varint, zigzag, Reader, Writer};
use std::fmt;

mod bytes;
#[cfg(any(target_arch = "wasm32", test))]
mod deflate;
#[cfg(any(target_arch = "wasm32", test))]
mod inflate;

/// The format version this code writes (and the newest it reads).
pub const SHARE_VERSION: u32 = 1;

/// The largest decoded body a link may declare (6 MiB): above the 5 MiB
/// article input limit, far below what a browser tab can hold. The article
/// a link carries is also held to the input limit once decoded (packed
/// Arabic text is half its UTF-8 size).
pub const MAX_DECODED_BYTES: usize = 6 * 1024 * 1024;

/// Longest fragment accepted at all (8 MiB of base64 characters).
pub const MAX_FRAGMENT_CHARS: usize = 8 * 1024 * 1024;

/// What a share link carries besides the view.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum SharedArticle {
    /// The view only (the page keeps or loads its own article).
    #[default]
    None,
    /// The article itself.
    Inline(Box<Article>),
    /// A URL to fetch the article from.
    Src(String),
}

/// The decoded content of a share link.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShareLink {
    pub view: ViewState,
    pub article: SharedArticle,
}

/// Why a fragment could not be read as a share link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The link ends before its data does (cut off when copied).
    Truncated,
    /// The link is not a valid share link or its checksum does not match.
    Corrupted,
    /// The link was made by a newer version of the format.
    NewerVersion(u32),
    /// The link declares more data than [`MAX_DECODED_BYTES`].
    TooLarge,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Truncated => f.write_str("share link is truncated"),
            ShareError::Corrupted => f.write_str("share link is corrupted"),
            ShareError::NewerVersion(v) => write!(f, "share link is from a newer version (v{v})"),
            ShareError::TooLarge => f.write_str("share link is too large"),
        }
    }
}

impl std::error::Error for ShareError {}

const FLAG_DEFLATE: u8 = 1;
const FLAG_PACKED: u8 = 2;
/// Body content code: the article is in the fragment's second frame.
const CONTENT_ARTICLE_FRAME: u8 = 3;

/// Encodes a link as a fragment (`v1.…`, without the `#`): each frame the
/// shortest of its four encodings.
pub fn encode(link: &ShareLink) -> String {
    match &link.article {
        SharedArticle::Inline(article) => encode_with(&link.view, &EncodedArticle::new(article)),
        SharedArticle::Src(src) => frame_fragment(&link.view, Carry::Src(src)),
        SharedArticle::None => frame_fragment(&link.view, Carry::Nothing),
    }
}

/// An article encoded once for the links of many views ([`encode_with`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodedArticle(String);

impl EncodedArticle {
    /// Encodes (and compresses) the article: the costly part of a link.
    pub fn new(article: &Article) -> Self {
        ARTICLES_ENCODED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        EncodedArticle(base64url_encode(&shortest_frame(|packed| {
            let mut w = Writer { out: Vec::new(), packed };
            write_article(&mut w, article);
            w.out
        })))
    }
}

static ARTICLES_ENCODED: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// How many articles this process has encoded for links ([`EncodedArticle::new`]):
/// lets tests and benchmarks check that a page encodes its article once.
pub fn articles_encoded() -> u32 {
    ARTICLES_ENCODED.load(std::sync::atomic::Ordering::Relaxed)
}

/// The fragment of a link carrying `view` and an article encoded before.
pub fn encode_with(view: &ViewState, article: &EncodedArticle) -> String {
    format!("{}.{}", frame_fragment(view, Carry::OwnFrame), article.0)
}

fn frame_fragment(view: &ViewState, carry: Carry) -> String {
    format!("v{SHARE_VERSION}.{}", base64url_encode(&shortest_frame(|packed| write_body(view, carry, packed))))
}

/// The shortest frame of `body` (raw or deflated, UTF-8 or packed).
fn shortest_frame(body_of: impl Fn(bool) -> Vec<u8>) -> Vec<u8> {
    let mut best: Option<Vec<u8>> = None;
    for packed in [false, true] {
        let body = body_of(packed);
        let crc = crc32(&body);
        let flags = if packed { FLAG_PACKED } else { 0 };
        #[cfg(not(target_arch = "wasm32"))]
        let deflated = miniz_oxide::deflate::compress_to_vec(&body, 10);
        // the browser build's own encoder (miniz_oxide's is 6 KB of brotli)
        #[cfg(target_arch = "wasm32")]
        let deflated = deflate::deflate(&body);
        for (flag, data) in [(0u8, &body), (FLAG_DEFLATE, &deflated)] {
            let mut frame = vec![flags | flag];
            write_varint(&mut frame, body.len() as u64);
            write_varint(&mut frame, data.len() as u64);
            frame.extend_from_slice(data);
            frame.extend_from_slice(&crc.to_le_bytes());
            if best.as_ref().is_none_or(|b| frame.len() < b.len()) {
                best = Some(frame);
            }
        }
    }
    best.unwrap_or_default()
}

/// Decodes a fragment (with or without its leading `#`).
pub fn decode(fragment: &str) -> Result<ShareLink, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(ShareError::TooLarge);
    }
    let rest = fragment.strip_prefix('v').ok_or(ShareError::Corrupted)?;
    let (version, payload) = rest.split_once('.').ok_or(ShareError::Corrupted)?;
    if version.is_empty() || version.len() > 9 || !version.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ShareError::Corrupted);
    }
    let version: u32 = version.parse().map_err(|_| ShareError::Corrupted)?;
    if version > SHARE_VERSION {
        return Err(ShareError::NewerVersion(version));
    }
    if version != SHARE_VERSION {
        return Err(ShareError::Corrupted);
    }
    let (first, second) = match payload.split_once('.') {
        Some((view, article)) => (view, Some(article)),
        None => (payload, None),
    };
    let (body, packed) = read_frame(first, MAX_DECODED_BYTES)?;
    let (mut link, in_own_frame) = read_body(&body, packed)?;
    match (in_own_frame, second) {
        (true, Some(b64)) if !b64.is_empty() => {
            let (article_body, packed) = read_frame(b64, MAX_DECODED_BYTES.saturating_sub(body.len()))?;
            let mut r = Reader { buf: &article_body, pos: 0 };
            let article = checked_article(read_article(&mut r, packed)?)?;
            if r.pos != article_body.len() {
                return Err(ShareError::Corrupted);
            }
            link.article = SharedArticle::Inline(Box::new(article));
        }
        // the link was cut before the article's frame
        (true, _) => return Err(ShareError::Truncated),
        (false, Some(_)) => return Err(ShareError::Corrupted),
        (false, None) => {}
    }
    Ok(link)
}

/// One frame's body (checked against its length and checksum) and whether
/// its strings are packed; `limit` bounds the body before anything is inflated.
fn read_frame(b64: &str, limit: usize) -> Result<(Vec<u8>, bool), ShareError> {
    let frame = base64url_decode(b64)?;
    let mut r = Reader { buf: &frame, pos: 0 };
    let flags = r.u8()?;
    if flags & !(FLAG_DEFLATE | FLAG_PACKED) != 0 {
        return Err(ShareError::Corrupted);
    }
    let body_len = usize::try_from(r.varint()?).map_err(|_| ShareError::TooLarge)?;
    if body_len > limit {
        return Err(ShareError::TooLarge);
    }
    // The declared data length tells a link cut short from one whose data was altered.
    let data_len = usize::try_from(r.varint()?).map_err(|_| ShareError::Corrupted)?;
    let rest = frame.get(r.pos..).unwrap_or_default();
    let expected = data_len.checked_add(4).ok_or(ShareError::Corrupted)?;
    if rest.len() < expected {
        return Err(ShareError::Truncated);
    }
    if rest.len() > expected {
        return Err(ShareError::Corrupted);
    }
    let (data, crc) = rest.split_at(data_len);
    let body = if flags & FLAG_DEFLATE != 0 { inflate(data)? } else { data.to_vec() };
    if body.len() != body_len {
        return Err(ShareError::Corrupted);
    }
    if crc32(&body).to_le_bytes() != crc {
        return Err(ShareError::Corrupted);
    }
    Ok((body, flags & FLAG_PACKED != 0))
}

/// The browser build's own decoder ([`inflate::inflate`], 4 KB brotli less).
#[cfg(target_arch = "wasm32")]
fn inflate(data: &[u8]) -> Result<Vec<u8>, ShareError> {
    inflate::inflate(data, MAX_DECODED_BYTES).map_err(|e| match e {
        inflate::InflateError::TooLarge => ShareError::TooLarge,
        inflate::InflateError::Corrupted => ShareError::Corrupted,
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn inflate(data: &[u8]) -> Result<Vec<u8>, ShareError> {
    use miniz_oxide::inflate::TINFLStatus;
    // Never more than the limit is produced; a stream that inflates past its
    // declared length but within the limit is corrupted (checked by the caller).
    match miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_DECODED_BYTES) {
        Ok(v) => Ok(v),
        Err(e) if e.status == TINFLStatus::HasMoreOutput => Err(ShareError::TooLarge),
        Err(_) => Err(ShareError::Corrupted),
    }
}

// ---------------------------------------------------------------- body

/// What a view's frame says about the article.
#[derive(Clone, Copy)]
enum Carry<'a> {
    Nothing,
    Src(&'a str),
    /// The article is in the fragment's second frame.
    OwnFrame,
}

fn write_body(view: &ViewState, carry: Carry, packed: bool) -> Vec<u8> {
    let mut w = Writer { out: Vec::new(), packed };
    w.out.push(match carry {
        Carry::Nothing => 0,
        Carry::Src(_) => 2,
        Carry::OwnFrame => CONTENT_ARTICLE_FRAME,
    });
    write_view(&mut w, view);
    if let Carry::Src(s) = carry {
        w.str(s);
    }
    w.out
}

/// The link a view's frame describes, and whether its article follows in
/// a frame of its own.
fn read_body(body: &[u8], packed: bool) -> Result<(ShareLink, bool), ShareError> {
    let mut r = Reader { buf: body, pos: 0 };
    let kind = r.u8()?;
    let view = read_view(&mut r, packed)?;
    let article = match kind {
        0 => SharedArticle::None,
        2 => SharedArticle::Src(r.str(packed)?),
        // links made before articles had their own frame
        1 => SharedArticle::Inline(Box::new(checked_article(read_article(&mut r, packed)?)?)),
        // filled in by `decode` from the second frame
        CONTENT_ARTICLE_FRAME => SharedArticle::None,
        _ => return Err(ShareError::Corrupted),
    };
    if r.pos != body.len() {
        return Err(ShareError::Corrupted);
    }
    Ok((ShareLink { view, article }, kind == CONTENT_ARTICLE_FRAME))
}

/// Packed Arabic doubles in UTF-8: link articles are held to the same
/// limit as any other input.
fn checked_article(article: Article) -> Result<Article, ShareError> {
    let text_bytes: usize = article.paragraphs.iter().map(String::len).sum::<usize>() + article.title.len();
    if text_bytes > crate::article::MAX_INPUT_BYTES {
        return Err(ShareError::TooLarge);
    }
    Ok(article)
}

fn type_code(t: EntityType) -> u8 {
    match t {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Place => 2,
        EntityType::Date => 3,
        EntityType::Event => 4,
    }
}

fn write_view(w: &mut Writer, v: &ViewState) {
    // Exhaustive on purpose: a new view field must get a place in the format
    // (and, if it changes the layout, a new version) before this compiles.
    let ViewState { selected: _, hidden: _, map: _, time: _, ui_lang: _, places: _ } = v;
    let present = u8::from(v.selected.is_some())
        | u8::from(!v.hidden.is_empty()) << 1
        | u8::from(v.map.is_some()) << 2
        | u8::from(v.time.is_some()) << 3
        | u8::from(v.ui_lang.is_some()) << 4
        | u8::from(!v.places.is_empty()) << 5;
    w.out.push(present);
    match &v.selected {
        Some(Selection::Entity(id)) => {
            w.out.push(0);
            w.str(id);
        }
        Some(Selection::Event(id)) => {
            w.out.push(1);
            w.str(id);
        }
        None => {}
    }
    if !v.hidden.is_empty() {
        write_varint(&mut w.out, v.hidden.len() as u64);
        w.out.extend(v.hidden.iter().map(|t| type_code(*t)));
    }
    if let Some(m) = &v.map {
        for x in [m.lon, m.lat, m.zoom] {
            w.str(&crate::float::display(x));
        }
    }
    if let Some(t) = &v.time {
        w.str(&t.start);
        w.str(&t.end);
    }
    if let Some(l) = &v.ui_lang {
        w.str(l);
    }
    if !v.places.is_empty() {
        write_varint(&mut w.out, v.places.len() as u64);
        for f in &v.places {
            w.str(&f.entity);
            w.str(&f.place);
        }
    }
}

fn read_view(r: &mut Reader, packed: bool) -> Result<ViewState, ShareError> {
    let present = r.u8()?;
    if present & !0x3f != 0 {
        return Err(ShareError::Corrupted);
    }
    let mut v = ViewState::default();
    if present & 1 != 0 {
        let kind = r.u8()?;
        let id = r.str(packed)?;
        v.selected = Some(match kind {
            0 => Selection::Entity(id),
            1 => Selection::Event(id),
            _ => return Err(ShareError::Corrupted),
        });
    }
    if present & 2 != 0 {
        let n = r.len()?;
        for _ in 0..n {
            let code = r.u8()?;
            v.hidden.push(*EntityType::ALL.get(usize::from(code)).ok_or(ShareError::Corrupted)?);
        }
    }
    if present & 4 != 0 {
        let mut num = || -> Result<f64, ShareError> {
            let s = r.str(packed)?;
            crate::float::parse_f64(&s).filter(|x| x.is_finite()).ok_or(ShareError::Corrupted)
        };
        let (lon, lat, zoom) = (num()?, num()?, num()?);
        v.map = Some(MapWindow { lon, lat, zoom });
    }
    if present & 8 != 0 {
        v.time = Some(TimeWindow { start: r.str(packed)?, end: r.str(packed)? });
    }
    if present & 16 != 0 {
        v.ui_lang = Some(r.str(packed)?);
    }
    if present & 32 != 0 {
        let n = r.len()?;
        for _ in 0..n {
            v.places.push(PlaceFix { entity: r.str(packed)?, place: r.str(packed)? });
        }
    }
    Ok(v)
}

fn write_article(w: &mut Writer, a: &Article) {
    // Exhaustive on purpose (see `write_view`); warnings are recomputed, not carried.
    let Article {
        title: _,
        subtitle: _,
        section: _,
        category: _,
        published: _,
        source: _,
        authors: _,
        url: _,
        lang: _,
        dir: _,
        paragraphs: _,
        paragraph_dirs: _,
        warnings: _,
    } = a;
    let date = a.published.as_ref().and_then(|p| p.date);
    let present = u8::from(a.subtitle.is_some())
        | u8::from(a.section.is_some()) << 1
        | u8::from(a.category.is_some()) << 2
        | u8::from(a.published.is_some()) << 3
        | u8::from(a.source.is_some()) << 4
        | u8::from(!a.authors.is_empty()) << 5
        | u8::from(a.url.is_some()) << 6
        | u8::from(date.is_some()) << 7;
    w.out.push(present);
    w.str(&a.title);
    w.str(&a.lang);
    w.out.push(match a.dir {
        Dir::Ltr => 0,
        Dir::Rtl => 1,
    });
    for s in [&a.subtitle, &a.section, &a.category].into_iter().flatten() {
        w.str(s);
    }
    if let Some(p) = &a.published {
        w.str(&p.raw);
        if let Some(d) = date {
            write_varint(&mut w.out, zigzag(d.year));
            w.out.push(d.month);
            w.out.push(d.day);
        }
    }
    if let Some(s) = &a.source {
        w.str(s);
    }
    if !a.authors.is_empty() {
        write_varint(&mut w.out, a.authors.len() as u64);
        for s in &a.authors {
            w.str(s);
        }
    }
    if let Some(s) = &a.url {
        w.str(s);
    }
    write_varint(&mut w.out, a.paragraphs.len() as u64);
    for p in &a.paragraphs {
        w.str(p);
    }
    write_varint(&mut w.out, a.paragraph_dirs.len() as u64);
    for chunk in a.paragraph_dirs.chunks(8) {
        w.out.push(chunk.iter().enumerate().fold(0u8, |b, (i, d)| b | u8::from(*d == Dir::Rtl) << i));
    }
}

fn read_article(r: &mut Reader, packed: bool) -> Result<Article, ShareError> {
    let present = r.u8()?;
    if present & 0x80 != 0 && present & 0x08 == 0 {
        return Err(ShareError::Corrupted);
    }
    let title = r.str(packed)?;
    let lang = r.str(packed)?;
    let dir = match r.u8()? {
        0 => Dir::Ltr,
        1 => Dir::Rtl,
        _ => return Err(ShareError::Corrupted),
    };
    let opt = |bit: u8, r: &mut Reader| -> Result<Option<String>, ShareError> {
        if present & bit != 0 {
            r.str(packed).map(Some)
        } else {
            Ok(None)
        }
    };
    let subtitle = opt(1, r)?;
    let section = opt(2, r)?;
    let category = opt(4, r)?;
    let published = match opt(8, r)? {
        Some(raw) => {
            let date = if present & 0x80 != 0 {
                let year = unzigzag(r.varint()?)?;
                let (month, day) = (r.u8()?, r.u8()?);
                if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
                    return Err(ShareError::Corrupted);
                }
                Some(Ymd { year, month, day })
            } else {
                None
            };
            Some(Published { raw, date })
        }
        None => None,
    };
    let source = opt(16, r)?;
    let mut authors = Vec::new();
    if present & 32 != 0 {
        for _ in 0..r.len()? {
            authors.push(r.str(packed)?);
        }
    }
    let url = opt(64, r)?;
    let mut paragraphs = Vec::new();
    for _ in 0..r.len()? {
        paragraphs.push(r.str(packed)?);
    }
    let n_dirs = usize::try_from(r.varint()?).map_err(|_| ShareError::Corrupted)?;
    if n_dirs != 0 && n_dirs != paragraphs.len() {
        return Err(ShareError::Corrupted);
    }
    let mut paragraph_dirs = Vec::with_capacity(n_dirs);
    while paragraph_dirs.len() < n_dirs {
        let bits = r.u8()?;
        for i in 0..(n_dirs - paragraph_dirs.len()).min(8) {
            paragraph_dirs.push(if bits >> i & 1 == 1 { Dir::Rtl } else { Dir::Ltr });
        }
    }
    Ok(Article {
        title,
        subtitle,
        section,
        category,
        published,
        source,
        authors,
        url,
        lang,
        dir,
        paragraphs,
        paragraph_dirs,
        ..Article::default()
    })
}

/// The article an analysis was made from, as far as the analysis keeps it
/// (everything `analyze` reads): what a link carries when the reader loaded
/// the article themselves.
pub fn article_of(a: &crate::model::Analysis) -> Article {
    let chars: Vec<char> = a.text.chars().collect();
    let block_text = |b: &crate::model::Block| -> String {
        chars.get(b.start.min(b.end)..b.end.min(chars.len())).unwrap_or_default().iter().collect()
    };
    let date = a.published.as_deref().and_then(crate::time::calendar::parse_iso_day);
    Article {
        title: a.title.clone(),
        subtitle: a.subtitle.clone(),
        section: a.section.clone(),
        published: a.published_raw.clone().map(|raw| Published { raw, date }),
        source: a.source.clone(),
        authors: a.authors.clone(),
        url: a.url.clone(),
        lang: a.lang.clone(),
        dir: a.dir,
        paragraphs: a.blocks.iter().skip(1).map(block_text).collect(),
        paragraph_dirs: a.blocks.iter().skip(1).map(|b| b.dir).collect(),
        ..Article::default()
    }
}
