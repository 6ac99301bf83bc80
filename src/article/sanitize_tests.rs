//! [`super::sanitize`] against the way it was first written (a test of
//! every byte, then replace, map, filter), on random text of the
//! characters it treats.

use super::sanitize;

fn needs_sanitizing_plainly(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| match x {
        b'\n' | b'\t' => false,
        0..=0x1f | 0x7f => true,
        0xc2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        0xe2 => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(n)) => (0xaa..=0xae).contains(n),
            (Some(0x81), Some(n)) => (0xa6..=0xa9).contains(n),
            _ => false,
        },
        _ => false,
    })
}

fn sanitize_plainly(s: &str) -> String {
    if !needs_sanitizing_plainly(s) {
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
    let special = [
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
        '\u{2019}',
        'é',
        '\u{1F600}',
    ];
    let mut rng = crate::xorshift::Xorshift::new();
    let mut next = move || rng.next();
    for round in 0..20_000 {
        // short texts, and long ones whose bytes run over several of the
        // blocks the test for bytes to clean reads at once, mostly letters
        // (whole blocks with nothing to clean)
        let (len, odds) = if round % 4 == 0 { (next() % 300, 40) } else { (next() % 12, 2) };
        let s: String = (0..len)
            .map(|_| match next() {
                r if r % odds == 0 => special[(r / odds % special.len() as u64) as usize],
                r if r % 2 == 0 => 'a',
                _ => 'ب',
            })
            .collect();
        assert_eq!(super::sanitize::needs_sanitizing(&s), needs_sanitizing_plainly(&s), "{s:?}");
        assert_eq!(sanitize(&s), sanitize_plainly(&s), "{s:?}");
    }
}

#[test]
fn the_word_test_passes_over_no_byte_to_look_at() {
    let mut rng = crate::xorshift::Xorshift(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20_000 {
        let x = rng.next();
        let len = (x % 70) as usize;
        let pick = [b'a', b' ', 0xd8, 0x80, b'\n', 0x1f, 0x7f, 0xc2, 0xe2, 0x20, 0x81, 0xc3];
        let chunk: Vec<u8> = (0..len).map(|k| pick[((x >> (k % 60)) as usize + k) % pick.len()]).collect();
        let any = chunk.iter().any(|&b| b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2);
        assert_eq!(super::sanitize::may_need_by_words(&chunk), any, "{chunk:?}");
    }
}
