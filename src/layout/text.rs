//! The article text: cutting a block into plain and highlighted segments.

/// A stretch of one block of text: plain, or one highlighted mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Code points into `Analysis::text`.
    pub start: usize,
    pub end: usize,
    /// Index into the highlight list given to [`segments`].
    pub highlight: Option<usize>,
    /// Indexes of the sentence ranges given to [`segments`] that cover it.
    pub sentences: Vec<usize>,
}

/// Cuts the block `block` into segments at highlight and sentence
/// boundaries. Highlights that overlap an earlier one or fall outside the
/// block are dropped; sentence ranges may overlap anything.
pub fn segments(block: (usize, usize), highlights: &[(usize, usize)], sentences: &[(usize, usize)]) -> Vec<Segment> {
    let (bs, be) = block;
    if be <= bs {
        return Vec::new();
    }
    let mut order: Vec<usize> = (0..highlights.len()).collect();
    crate::sort::sort_by_key(&mut order, |&i| highlights.get(i).map(|h| (h.0, usize::MAX - h.1)));
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    let mut cursor = bs;
    for i in order {
        let Some(&(s, e)) = highlights.get(i) else { continue };
        if s >= cursor && e > s && e <= be {
            kept.push((s, e, i));
            cursor = e;
        }
    }
    let mut cuts: Vec<usize> = vec![bs, be];
    for &(s, e, _) in &kept {
        cuts.push(s);
        cuts.push(e);
    }
    for &(s, e) in sentences {
        for c in [s, e] {
            if c > bs && c < be && !kept.iter().any(|k| c > k.0 && c < k.1) {
                cuts.push(c);
            }
        }
    }
    crate::sort::sort(&mut cuts);
    cuts.dedup();
    cuts.windows(2)
        .filter_map(|w| match w {
            [s, e] if e > s => Some((*s, *e)),
            _ => None,
        })
        .map(|(s, e)| Segment {
            start: s,
            end: e,
            highlight: kept.iter().find(|k| k.0 == s && k.1 == e).map(|k| k.2),
            sentences: sentences
                .iter()
                .enumerate()
                .filter(|(_, r)| r.0 < e && s < r.1 && r.0 <= s && e <= r.1)
                .map(|(i, _)| i)
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_cut_at_mentions_and_sentences() {
        let s = segments((10, 40), &[(12, 15), (13, 20), (30, 35), (38, 45)], &[(25, 40)]);
        let hl: Vec<_> = s.iter().filter_map(|x| x.highlight.map(|h| (x.start, x.end, h))).collect();
        assert_eq!(hl, vec![(12, 15, 0), (30, 35, 2)]);
        assert_eq!(s.first().map(|x| x.start), Some(10));
        assert_eq!(s.last().map(|x| x.end), Some(40));
        assert!(s.windows(2).all(|w| w[0].end == w[1].start));
        assert!(s.iter().filter(|x| x.start >= 25).all(|x| x.sentences == vec![0]));
        assert!(segments((5, 5), &[], &[]).is_empty());
    }
}
