//! Stylesheets as the wasm carries them: without their comments and with
//! each run of white space as one space, made at compile time
//! ([`without_comments!`]).

/// The text of a stylesheet without its comments, made at compile time:
/// the comments are for who edits the file, and were 0.9 KB of the
/// first download (brotli). Runs of white space outside strings become
/// one space (none at the start): the indentation and line breaks were
/// 0.2 KB more.
macro_rules! without_comments {
    ($path:literal) => {{
        const SRC: &[u8] = include_bytes!($path);
        const LEN: usize = $crate::css::strip_comments::<0>(SRC).1;
        const OUT: ([u8; LEN], usize) = $crate::css::strip_comments::<LEN>(SRC);
        match std::str::from_utf8(&OUT.0) {
            Ok(s) => s,
            Err(_) => panic!("a stylesheet is not UTF-8"),
        }
    }};
}
pub(crate) use without_comments;

/// `src` without its `/* … */` comments (not those inside a quoted
/// string) and with each run of white space outside strings as one space,
/// in the first `N` bytes of the array, and its whole length.
pub(crate) const fn strip_comments<const N: usize>(src: &[u8]) -> ([u8; N], usize) {
    let mut out = [0u8; N];
    // `space`: the last byte written is a space put for white space (or
    // nothing is written yet)
    let (mut i, mut n, mut quote, mut space) = (0, 0, 0u8, true);
    while i < src.len() {
        let b = src[i];
        if quote == 0 && matches!(b, b' ' | b'\n' | b'\t' | b'\r' | b'\x0c') {
            if !space {
                if n < N {
                    out[n] = b' ';
                }
                n += 1;
                space = true;
            }
            i += 1;
            continue;
        }
        if quote == 0 && b == b'/' && i + 1 < src.len() && src[i + 1] == b'*' {
            i += 2;
            while i < src.len() && !(src[i] == b'*' && i + 1 < src.len() && src[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
            continue;
        }
        space = false;
        if quote == 0 && (b == b'"' || b == b'\'') {
            quote = b;
        } else if quote != 0 && b == quote {
            quote = 0;
        } else if quote != 0 && b == b'\\' && i + 1 < src.len() {
            // an escaped character, even a quote, stays in the string
            if n < N {
                out[n] = b;
            }
            n += 1;
            i += 1;
        }
        if n < N {
            out[n] = src[i];
        }
        n += 1;
        i += 1;
    }
    (out, n)
}

#[cfg(test)]
mod tests {
    use super::strip_comments;

    fn strip(s: &str) -> String {
        let (out, n) = strip_comments::<256>(s.as_bytes());
        assert_eq!(n, strip_comments::<0>(s.as_bytes()).1, "the length does not depend on the room");
        String::from_utf8(out[..n].to_vec()).unwrap()
    }

    #[test]
    fn comments_go_and_strings_stay() {
        assert_eq!(strip("a { b: c; } /* note */\nd {}"), "a { b: c; } d {}");
        assert_eq!(strip("\n  a  b {\n\tc: d;\r\n}\n"), "a b { c: d; } ");
        assert_eq!(strip("a::after { content: \"  two  spaces \"; }"), "a::after { content: \"  two  spaces \"; }");
        assert_eq!(strip(".x::before { content: \"/* × */\"; }"), ".x::before { content: \"/* × */\"; }");
        assert_eq!(strip("a { content: 'it\\'s /* */'; } /* b */"), "a { content: 'it\\'s /* */'; } ");
        assert_eq!(strip("a {} /* never closed"), "a {} ");
        let css = include_str!("../www/style.css");
        let (_, n) = strip_comments::<0>(css.as_bytes());
        assert!(n < css.len() && !crate::css::without_comments!("../www/style.css").contains("/*"));
    }
}
