//! The world map's outlines as the binary carries them. `world.tsv` writes
//! each country's outline as SVG path text on a 0.1 degree grid with
//! relative moves; here they are varints of integer tenths, made at compile
//! time by `build.rs` (which documents the format), and written back to the
//! same text on first use ([`Paths`]): the wasm 5.9 KB smaller (brotli,
//! 2026-12-02) than with the text, for the same map, and 1.7 KB smaller
//! again (2026-12-03) since a run of points that retraces an earlier
//! outline (a border two countries share) is written as a reference to it.

/// The outlines' rows (iso2, name, label latitude and longitude) without
/// comments; the path column is emptied, its text is in [`PATHS`].
pub(super) static ROWS: &str = crate::tsv::table!("../../data/gazetteer/world.tsv", 4);

/// The rows' paths, encoded (`build.rs`).
static PATHS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/world_paths.bin"));

/// The rows' paths as the file writes them, in order.
pub(super) struct Paths {
    at: usize,
    /// Every ring read so far, as its absolute points.
    rings: Vec<Vec<(i32, i32)>>,
}

impl Paths {
    pub(super) fn new() -> Self {
        Paths { at: 0, rings: Vec::new() }
    }

    /// The next varint, `None` at the end of the data.
    fn varint(&mut self) -> Option<u32> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let b = *PATHS.get(self.at)?;
            self.at += 1;
            v |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    /// The next signed number (zigzag).
    fn signed(&mut self) -> Option<i32> {
        self.varint().map(unzigzag)
    }

    /// The moves of a reference (after its 1) from `from`: the points of
    /// an earlier ring it retraces, as moves.
    fn reference(&mut self, from: (i32, i32)) -> Option<Vec<(i32, i32)>> {
        let back = self.varint()? as usize;
        let at = self.varint()? as usize;
        let len = self.signed()?;
        let ring = self.rings.get(self.rings.len().checked_sub(1 + back)?)?;
        let mut points = vec![from];
        for k in 1..=len.unsigned_abs() as usize {
            let i = if len > 0 { at.checked_add(k)? } else { at.checked_sub(k)? };
            points.push(*ring.get(i)?);
        }
        Some(points.windows(2).map(|w| (w[1].0 - w[0].0, w[1].1 - w[0].1)).collect())
    }
}

fn unzigzag(z: u32) -> i32 {
    (z >> 1) as i32 ^ -((z & 1) as i32)
}

impl Iterator for Paths {
    type Item = String;

    fn next(&mut self) -> Option<String> {
        let mut s = String::new();
        loop {
            // a 0 where a ring would start ends the row
            let Some(x) = self.varint()?.checked_sub(1).map(unzigzag) else { return Some(s) };
            let y = unzigzag(self.varint()?.checked_sub(1)?);
            s.push('M');
            push_number(&mut s, x, true);
            push_number(&mut s, y, false);
            s.push('l');
            let mut points = vec![(x, y)];
            loop {
                let here = points[points.len() - 1];
                let moves = match self.varint()? {
                    0 => break,
                    1 => self.reference(here)?,
                    v => vec![(unzigzag(v - 2), self.signed()?)],
                };
                for (dx, dy) in moves {
                    push_number(&mut s, dx, points.len() == 1);
                    push_number(&mut s, dy, false);
                    let last = points[points.len() - 1];
                    points.push((last.0 + dx, last.1 + dy));
                }
            }
            self.rings.push(points);
            s.push('z');
        }
    }
}

/// Appends `v` tenths as the generator writes it: at most one decimal, no
/// leading zero ("-.5", "12", "3.4"), after a space unless it is `first`
/// after a command or starts with a minus.
fn push_number(s: &mut String, v: i32, first: bool) {
    if v < 0 {
        s.push('-');
    } else if !first {
        s.push(' ');
    }
    let a = v.unsigned_abs();
    let (whole, tenth) = (a / 10, a % 10);
    if whole != 0 || tenth == 0 {
        let start = s.len();
        let mut w = whole;
        loop {
            s.insert(start, char::from(b'0' + (w % 10) as u8));
            w /= 10;
            if w == 0 {
                break;
            }
        }
    }
    if tenth != 0 {
        s.push('.');
        s.push(char::from(b'0' + tenth as u8));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every path reads back as the file writes it, and no more.
    #[test]
    fn paths_read_back_as_the_file_writes_them() {
        let file = include_str!("../../data/gazetteer/world.tsv");
        let want: Vec<&str> = file
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split('\t').nth(4).unwrap_or(""))
            .collect();
        let got: Vec<String> = Paths::new().collect();
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w);
        }
        assert!(want.len() > 170 && PATHS.len() < file.len() / 2);
        crate::tsv::check_reads_as_file(file, ROWS, 4);
    }

    #[test]
    fn numbers_as_the_generator_writes_them() {
        let write = |v: i32, first: bool| {
            let mut s = String::new();
            push_number(&mut s, v, first);
            s
        };
        assert_eq!(write(0, true), "0");
        assert_eq!(write(0, false), " 0");
        assert_eq!(write(-5, false), "-.5");
        assert_eq!(write(5, false), " .5");
        assert_eq!(write(-10, true), "-1");
        assert_eq!(write(1234, true), "123.4");
        assert_eq!(write(-3600, false), "-360");
    }
}
