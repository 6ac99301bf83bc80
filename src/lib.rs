//! article-atlas: a news article in, its people, organisations, places,
//! dates and meetings out, highlighted, mapped and placed on a timeline,
//! entirely in the reader's browser. Arabic first, English equally.
//!
//! The core is one pure function, [`analyze`], used by the web page, the CLI
//! and the tests alike:
//!
//! ```
//! let article = article_atlas::parse_article(br#"{"title": "Talks in Baghdad", "body": "Ministers met in Baghdad on Thursday."}"#).unwrap();
//! let analysis = article_atlas::analyze(&article);
//! assert!(analysis.text.starts_with("Talks in Baghdad"));
//! ```

mod analyze;
mod article;
pub mod assets;
mod correct;
#[cfg(any(target_arch = "wasm32", test))]
mod css;
mod events;
mod export;
mod float;
mod gazetteer;
mod hash;
mod json;
mod layout;
mod lists;
mod memo;
mod model;
mod model_read;
mod model_write;
mod rcstr;
mod recognise;
mod resolve;
mod share;
mod sort;
mod swar;
mod tagger;
mod text;
mod time;
mod tsv;
mod vecmap;
mod view;
#[cfg(test)]
mod xorshift;

pub use analyze::analyze;
pub use article::{
    parse_article, parse_articles, parse_items, InputError, InputErrorKind, Item, MAX_DEPTH, MAX_INPUT_BYTES,
};
pub use correct::{apply as correct_places, search as search_places};
pub use export::{to_csv, to_geojson, to_ics, to_json};
pub use model::{
    Analysis, Approx, Article, Block, Candidate, DateMention, DateValue, Derivation, Dir, Entity, EntityType, Event,
    Mention, MentionForm, Names, PlaceInfo, PlaceKind, Precision, Published, Relation, Ymd,
};
pub use share::{
    article_of, articles_encoded as share_articles_encoded, decode as decode_share_link, encode as encode_share_link,
    encode_with as encode_share_link_with, EncodedArticle, ShareError, ShareLink, SharedArticle, MAX_DECODED_BYTES,
    SHARE_VERSION,
};
pub use view::{MapWindow, Panels, PlaceFix, Selection, TimeWindow, ViewState};

/// Lower-level building blocks, exposed for tools, benchmarks and fuzzing.
pub mod internals {
    pub use crate::article::html::decode_references as decode_html_references;
    pub use crate::float::{
        display as float_display, fixed as float_fixed, parse_f64, shape as float_shape, Shape as FloatShape,
    };
    pub use crate::text::{
        fold_presentation, normalize, normalize_key, orig_prefix, sentences, stems, tokenize, RcStr, Token,
    };
    pub use crate::time::{
        add_days, days_from_civil, find_dates, find_time_refs, parse_date_string, weekday, FoundDate, RefKind, TimeRef,
    };

    /// The embedded gazetteer and world map.
    pub mod gazetteer {
        pub use crate::gazetteer::*;
    }

    /// The learned entity tagger, its training and its model format.
    pub mod tagger {
        pub use crate::tagger::{
            corpus, embedded, kind_of, provide, spans, tag, tag_blocks_with, tag_of, tag_with, train, Example, Lang,
            Lexicon, Lists, Model, ModelError, NoLexicon, Params, RawSpan, TaggedSpan, KINDS, NT,
        };
    }
}

/// Batches of articles without loss, on all cores (the CLI's; it compiles
/// for wasm too, where nothing calls it and the linker drops it).
pub mod batch;

/// Scoring against annotated development data (native tools only).
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub mod eval;

#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg(target_arch = "wasm32")]
mod memcmp;
#[cfg(target_arch = "wasm32")]
mod ui;

/// Native builds (CLI, benchmarks, tests) allocate with mimalloc: about a
/// tenth less work per article than the system allocator (Cargo.toml).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: native_alloc::Mi = native_alloc::Mi;

/// mimalloc through its plain entry points where the alignment asked for
/// is one every block has (8 bytes), as `std`'s system allocator does: the
/// `mimalloc` crate's allocator calls the aligned ones for every request,
/// which cost about twice the work of a plain allocation.
#[cfg(not(target_arch = "wasm32"))]
mod native_alloc {
    extern crate mimalloc as _;
    use std::alloc::{GlobalAlloc, Layout};
    use std::ffi::c_void;

    extern "C" {
        fn mi_malloc(size: usize) -> *mut c_void;
        fn mi_zalloc(size: usize) -> *mut c_void;
        fn mi_realloc(p: *mut c_void, size: usize) -> *mut c_void;
        fn mi_malloc_aligned(size: usize, align: usize) -> *mut c_void;
        fn mi_zalloc_aligned(size: usize, align: usize) -> *mut c_void;
        fn mi_realloc_aligned(p: *mut c_void, size: usize, align: usize) -> *mut c_void;
        fn mi_free(p: *mut c_void);
    }

    /// The alignment of every block mimalloc gives.
    const PLAIN: usize = 8;

    pub struct Mi;

    // SAFETY: mimalloc's functions meet `GlobalAlloc`'s contract; the plain
    // ones only for alignments of at most `PLAIN`, the others all.
    unsafe impl GlobalAlloc for Mi {
        unsafe fn alloc(&self, l: Layout) -> *mut u8 {
            if l.align() <= PLAIN { mi_malloc(l.size()) } else { mi_malloc_aligned(l.size(), l.align()) }.cast()
        }
        unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
            if l.align() <= PLAIN { mi_zalloc(l.size()) } else { mi_zalloc_aligned(l.size(), l.align()) }.cast()
        }
        unsafe fn dealloc(&self, p: *mut u8, _: Layout) {
            mi_free(p.cast());
        }
        unsafe fn realloc(&self, p: *mut u8, l: Layout, size: usize) -> *mut u8 {
            if l.align() <= PLAIN { mi_realloc(p.cast(), size) } else { mi_realloc_aligned(p.cast(), size, l.align()) }
                .cast()
        }
    }
}
