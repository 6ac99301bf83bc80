//! The tests' random source: xorshift64 (shifts 13, 7, 17) from a fixed
//! seed, so that a failing case comes back on every run.

pub(crate) struct Xorshift(pub(crate) u64);

impl Xorshift {
    /// The seed most tests start from.
    pub(crate) const SEED: u64 = 0x2545_f491_4f6c_dd1d;

    pub(crate) fn new() -> Xorshift {
        Xorshift(Self::SEED)
    }

    pub(crate) fn next(&mut self) -> u64 {
        let x = &mut self.0;
        *x ^= *x << 13;
        *x ^= *x >> 7;
        *x ^= *x << 17;
        *x
    }
}
