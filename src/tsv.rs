//! Data tables as the binary carries them: without the comment lines and,
//! where no code reads it, without the text of the last (source) column,
//! made at compile time ([`table!`]). The files keep both for who edits
//! them; tests that check the sources read the files themselves.

/// The data rows of a table's text: comment lines (`#`) and blank lines
/// skipped, fields split on tabs (by [`crate::text::lines`] and
/// [`crate::text::fields`], which read the tables at start faster than
/// `str::lines` and `split`).
pub fn rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    crate::text::lines(src)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| crate::text::fields(l).collect())
}

/// The text of a TSV file without its `#` comment lines, made at compile
/// time. With a column count `n`, every column after the first `n` is
/// emptied, its tab kept: a row still splits into as many fields, and the
/// fields read are the same. With `ditto` too, a first field equal to the
/// row above's is emptied (the reader carries the one above down).
macro_rules! table {
    ($path:literal) => {
        $crate::tsv::table!($path, usize::MAX)
    };
    ($path:literal, $keep:expr) => {
        $crate::tsv::table!($path, $keep, false)
    };
    ($path:literal, $keep:expr, ditto) => {
        $crate::tsv::table!($path, $keep, true)
    };
    ($path:literal, $keep:expr, $ditto:expr) => {{
        const SRC: &[u8] = include_bytes!($path);
        const LEN: usize = $crate::tsv::strip::<0>(SRC, $keep, $ditto).1;
        const OUT: ([u8; LEN], usize) = $crate::tsv::strip::<LEN>(SRC, $keep, $ditto);
        match std::str::from_utf8(&OUT.0) {
            Ok(s) => s,
            Err(_) => panic!("a table is not UTF-8"),
        }
    }};
}
pub(crate) use table;

/// `src` without its lines that start with `#`, each other line's fields
/// after the first `keep` emptied (tabs kept) and, with `ditto`, its first
/// field emptied when the line above's is the same, in the first `N` bytes
/// of the array, and its whole length.
pub(crate) const fn strip<const N: usize>(src: &[u8], keep: usize, ditto: bool) -> ([u8; N], usize) {
    let mut out = [0u8; N];
    let (mut i, mut n) = (0, 0);
    // the first field of the line above: start, end
    let mut above = (0, 0);
    while i < src.len() {
        let end = line_end(src, i);
        if src[i] != b'#' {
            let first = (i, field_end(src, i));
            let (mut j, mut field) = (if ditto && same(src, above, first) { first.1 } else { i }, 0);
            above = first;
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

/// Where the field starting at byte `i` of `src` ends: its tab or newline,
/// or the end of `src`.
const fn field_end(src: &[u8], i: usize) -> usize {
    let mut end = i;
    while end < src.len() && src[end] != b'\t' && src[end] != b'\n' {
        end += 1;
    }
    end
}

/// Whether the bytes `a` and `b` (start, end) of `src` are the same.
const fn same(src: &[u8], a: (usize, usize), b: (usize, usize)) -> bool {
    if a.1 - a.0 != b.1 - b.0 {
        return false;
    }
    let mut k = 0;
    while k < a.1 - a.0 {
        if src[a.0 + k] != src[b.0 + k] {
            return false;
        }
        k += 1;
    }
    true
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
    check_reads_as_file_with(file, table, keep, false);
}

/// [`check_reads_as_file`] for a `ditto` table: an empty first field read
/// as the one above.
#[cfg(test)]
pub(crate) fn check_reads_as_file_with(file: &str, table: &str, keep: usize, ditto: bool) {
    let rows = |t: &str, ditto: bool| -> Vec<Vec<String>> {
        let mut above = String::new();
        t.lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| {
                let mut r: Vec<String> =
                    l.split('\t').enumerate().map(|(i, f)| if i < keep { f } else { "" }.to_string()).collect();
                if ditto && r[0].is_empty() {
                    r[0].clone_from(&above);
                }
                above.clone_from(&r[0]);
                r
            })
            .collect()
    };
    assert_eq!(rows(file, false), rows(table, ditto));
    assert!(table.len() < file.len() && !table.lines().any(|l| l.starts_with('#')));
}

#[cfg(test)]
mod tests {
    use super::strip;

    fn strip_str(s: &str, keep: usize) -> String {
        strip_with(s, keep, false)
    }

    fn strip_with(s: &str, keep: usize, ditto: bool) -> String {
        let (out, n) = strip::<256>(s.as_bytes(), keep, ditto);
        assert_eq!(n, strip::<0>(s.as_bytes(), keep, ditto).1, "the length does not depend on the room");
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

    #[test]
    fn ditto_empties_a_repeated_first_field() {
        let src = "# c\na\t1\ts\na\t2\ts\nab\t3\ts\n#\nab\t4\ts\na\nb\t5\ts\nb";
        assert_eq!(strip_with(src, 2, true), "a\t1\t\n\t2\t\nab\t3\t\n\t4\t\na\nb\t5\t\n");
        assert_eq!(strip_with(src, 2, false), "a\t1\t\na\t2\t\nab\t3\t\nab\t4\t\na\nb\t5\t\nb");
    }
}
