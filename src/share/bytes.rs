//! The byte-level parts of the share-link format ([`super`]): the writer
//! and reader of a frame body, varints, the packed text encoding,
//! base64url without padding and CRC-32.

use super::ShareError;

pub(super) struct Writer {
    pub(super) out: Vec<u8>,
    pub(super) packed: bool,
}

impl Writer {
    pub(super) fn str(&mut self, s: &str) {
        if self.packed {
            let mut bytes = Vec::with_capacity(s.len());
            pack_text(s, &mut bytes);
            write_varint(&mut self.out, bytes.len() as u64);
            self.out.extend_from_slice(&bytes);
        } else {
            write_varint(&mut self.out, s.len() as u64);
            self.out.extend_from_slice(s.as_bytes());
        }
    }
}

pub(super) struct Reader<'a> {
    pub(super) buf: &'a [u8],
    pub(super) pos: usize,
}

impl Reader<'_> {
    pub(super) fn u8(&mut self) -> Result<u8, ShareError> {
        let b = *self.buf.get(self.pos).ok_or(ShareError::Truncated)?;
        self.pos += 1;
        Ok(b)
    }

    pub(super) fn varint(&mut self) -> Result<u64, ShareError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ShareError::Corrupted)
    }

    /// A count or length: never more than the bytes left (each item takes at least one).
    pub(super) fn len(&mut self) -> Result<usize, ShareError> {
        let n = self.varint()?;
        let left = self.buf.len() - self.pos.min(self.buf.len());
        usize::try_from(n).ok().filter(|n| *n <= left).ok_or(ShareError::Corrupted)
    }

    pub(super) fn bytes(&mut self) -> Result<&[u8], ShareError> {
        let n = self.len()?;
        let s = self.buf.get(self.pos..self.pos + n).ok_or(ShareError::Corrupted)?;
        self.pos += n;
        Ok(s)
    }

    pub(super) fn str(&mut self, packed: bool) -> Result<String, ShareError> {
        let b = self.bytes()?;
        if packed {
            unpack_text(b)
        } else {
            String::from_utf8(b.to_vec()).map_err(|_| ShareError::Corrupted)
        }
    }
}

pub(super) fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub(super) fn zigzag(v: i32) -> u64 {
    u64::from(((v << 1) ^ (v >> 31)) as u32)
}

pub(super) fn unzigzag(v: u64) -> Result<i32, ShareError> {
    let v = u32::try_from(v).map_err(|_| ShareError::Corrupted)?;
    Ok(((v >> 1) as i32) ^ -((v & 1) as i32))
}

/// Characters outside ASCII and U+0600–U+067F that get a spare control byte
/// in the packed text encoding. Part of format v1: never reorder or change.
const PACKED_EXTRAS: [(u8, char); 29] = [
    (0x01, '\u{00A0}'), // no-break space
    (0x02, '«'),
    (0x03, '»'),
    (0x04, 'é'),
    (0x05, 'ü'),
    (0x06, 'ö'),
    (0x07, 'á'),
    (0x08, 'í'),
    (0x0B, 'ڤ'),
    (0x0C, 'ک'),
    (0x0E, 'گ'),
    (0x0F, 'ی'),
    (0x10, 'چ'),
    (0x11, '–'),
    (0x12, '—'),
    (0x13, '‘'),
    (0x14, '’'),
    (0x15, '“'),
    (0x16, '”'),
    (0x17, '•'),
    (0x18, '…'),
    (0x19, '\u{200B}'), // zero width space
    (0x1A, '\u{200C}'), // zero width non-joiner
    (0x1B, '\u{200D}'), // zero width joiner
    (0x1C, '\u{200E}'), // left-to-right mark
    (0x1D, '\u{200F}'), // right-to-left mark
    (0x1E, '€'),
    (0x1F, '£'),
    (0x7F, '°'),
];

/// Escape byte: a varint code point follows.
const PACKED_ESCAPE: u8 = 0x00;

fn pack_text(s: &str, out: &mut Vec<u8>) {
    for ch in s.chars() {
        let c = ch as u32;
        match c {
            0x09 | 0x0A | 0x0D | 0x20..=0x7E => out.push(c as u8),
            0x600..=0x67F => out.push(0x80 + (c - 0x600) as u8),
            _ => match PACKED_EXTRAS.iter().find(|(_, x)| *x == ch) {
                Some((b, _)) => out.push(*b),
                None => {
                    out.push(PACKED_ESCAPE);
                    write_varint(out, u64::from(c));
                }
            },
        }
    }
}

fn unpack_text(b: &[u8]) -> Result<String, ShareError> {
    let mut s = String::with_capacity(b.len());
    let mut r = Reader { buf: b, pos: 0 };
    while r.pos < b.len() {
        let byte = r.u8()?;
        let ch = match byte {
            0x09 | 0x0A | 0x0D | 0x20..=0x7E => char::from(byte),
            0x80..=0xFF => char::from_u32(0x600 + u32::from(byte - 0x80)).ok_or(ShareError::Corrupted)?,
            PACKED_ESCAPE => {
                let c = u32::try_from(r.varint()?).map_err(|_| ShareError::Corrupted)?;
                char::from_u32(c).ok_or(ShareError::Corrupted)?
            }
            _ => PACKED_EXTRAS.iter().find(|(k, _)| *k == byte).map(|(_, c)| *c).ok_or(ShareError::Corrupted)?,
        };
        s.push(ch);
    }
    Ok(s)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5).
pub(super) fn base64url_encode(data: &[u8]) -> String {
    let mut s = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            s.push(char::from(B64[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    s
}

/// Decodes base64url (padding tolerated). A dangling single character means
/// the text was cut short.
pub(super) fn base64url_decode(s: &str) -> Result<Vec<u8>, ShareError> {
    let s = s.trim_end_matches('=');
    let mut out = Vec::with_capacity(s.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in s.bytes() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return Err(ShareError::Corrupted),
        };
        acc = (acc << 6 | u32::from(v)) & 0xffffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    if s.len() % 4 == 1 {
        return Err(ShareError::Truncated);
    }
    Ok(out)
}

static CRC_TABLE: [u32; 256] = crc_table();

const fn crc_table() -> [u32; 256] {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
}

/// CRC-32 (IEEE 802.3), as in zip and PNG.
pub(super) fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |c, b| CRC_TABLE[((c ^ u32::from(*b)) & 0xff) as usize] ^ (c >> 8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc4648_vectors() {
        for (raw, enc) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url_encode(raw.as_bytes()), enc);
            assert_eq!(base64url_decode(enc).unwrap(), raw.as_bytes());
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    }
}
