//! [`super::sanitize`] against the way it was first written (replace, map,
//! filter), on random text of the characters it treats.

use super::sanitize;

fn sanitize_plainly(s: &str) -> String {
    if !super::needs_sanitizing(s) {
        return s.to_string();
    }
    let s = s.replace("\r\n", "\n");
    s.chars()
        .map(|c| if c == '\r' { '\n' } else { c })
        .filter(|c| {
            !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
                && (!c.is_control() || *c == '\n' || *c == '\t')
        })
        .collect()
}

#[test]
fn sanitize_gives_what_the_plain_way_gives() {
    let alphabet = [
        'a',
        ' ',
        'ب',
        '\r',
        '\n',
        '\t',
        '\u{0}',
        '\u{7f}',
        '\u{85}',
        '\u{9f}',
        '\u{a0}',
        '\u{202A}',
        '\u{202E}',
        '\u{202F}',
        '\u{2066}',
        '\u{2069}',
        '\u{200F}',
        'é',
        '\u{1F600}',
    ];
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..20_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let len = (x % 12) as usize;
        let mut y = x;
        let s: String = (0..len)
            .map(|_| {
                y = y.rotate_left(5) ^ 0x9e37_79b9_7f4a_7c15;
                alphabet[(y % alphabet.len() as u64) as usize]
            })
            .collect();
        assert_eq!(sanitize(&s), sanitize_plainly(&s), "{s:?}");
    }
}
