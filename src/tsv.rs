//! Data tables as the binary carries them: without the comment lines and,
//! where no code reads it, without the text of the last (source) column,
//! made at compile time ([`table!`]). The files keep both for who edits
//! them; tests that check the sources read the files themselves.

/// The text of a TSV file without its `#` comment lines, made at compile
/// time. With a column count `n`, every column after the first `n` is
/// emptied, its tab kept: a row still splits into as many fields, and the
/// fields read are the same.
macro_rules! table {
    ($path:literal) => {
        $crate::tsv::table!($path, usize::MAX)
    };
    ($path:literal, $keep:expr) => {{
        const SRC: &[u8] = include_bytes!($path);
        const LEN: usize = $crate::tsv::strip::<0>(SRC, $keep).1;
        const OUT: ([u8; LEN], usize) = $crate::tsv::strip::<LEN>(SRC, $keep);
        match std::str::from_utf8(&OUT.0) {
            Ok(s) => s,
            Err(_) => panic!("a table is not UTF-8"),
        }
    }};
}
pub(crate) use table;

/// `src` without its lines that start with `#`, each other line's fields
/// after the first `keep` emptied (tabs kept), in the first `N` bytes of
/// the array, and its whole length.
pub(crate) const fn strip<const N: usize>(src: &[u8], keep: usize) -> ([u8; N], usize) {
    let mut out = [0u8; N];
    let (mut i, mut n) = (0, 0);
    while i < src.len() {
        let end = line_end(src, i);
        if src[i] != b'#' {
            let (mut j, mut field) = (i, 0);
            // the line and its newline (the last line may have none)
            while j <= end && j < src.len() {
                let b = src[j];
                if b == b'\t' {
                    field += 1;
                }
                if field < keep || b == b'\t' || b == b'\n' {
                    if n < N {
                        out[n] = b;
                    }
                    n += 1;
                }
                j += 1;
            }
        }
        i = end + 1;
    }
    (out, n)
}

/// Where the line starting at byte `i` of `src` ends: its newline, or the
/// end of `src`.
pub(crate) const fn line_end(src: &[u8], i: usize) -> usize {
    let mut end = i;
    while end < src.len() && src[end] != b'\n' {
        end += 1;
    }
    end
}

/// Checks that `table` (a [`table!`] of `file`, its fields after the first
/// `keep` emptied) reads as `file` does: the same rows, the same fields but
/// the emptied ones, and no comment.
#[cfg(test)]
pub(crate) fn check_reads_as_file(file: &str, table: &str, keep: usize) {
    let rows = |t: &str| -> Vec<Vec<String>> {
        t.lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').enumerate().map(|(i, f)| if i < keep { f } else { "" }.to_string()).collect())
            .collect()
    };
    assert_eq!(rows(file), rows(table));
    assert!(table.len() < file.len() && !table.lines().any(|l| l.starts_with('#')));
}

#[cfg(test)]
mod tests {
    use super::strip;

    fn strip_str(s: &str, keep: usize) -> String {
        let (out, n) = strip::<256>(s.as_bytes(), keep);
        assert_eq!(n, strip::<0>(s.as_bytes(), keep).1, "the length does not depend on the room");
        String::from_utf8(out[..n].to_vec()).unwrap()
    }

    #[test]
    fn comments_go_and_kept_columns_stay() {
        let src = "# a comment\na\tb\tsource one\n\n# another\nc\td\tsource two";
        assert_eq!(strip_str(src, usize::MAX), "a\tb\tsource one\n\nc\td\tsource two");
        assert_eq!(strip_str(src, 2), "a\tb\t\n\nc\td\t");
        assert_eq!(strip_str("x\ty\n", 1), "x\t\n");
        assert_eq!(strip_str("#only\n", 3), "");
    }
}
