//! One 64-bit hash for blocking keys and name fingerprints on every target.
//!
//! rustc-hash's `FxHasher` keeps its state in a `usize`: on wasm32 its keys
//! had 32 bits, so among a registry's hundreds of thousands of keys some met
//! by chance and joined unrelated blocks (the package compared a pair the
//! CLI did not; a block grown so could even pass its cap). This is the same
//! step on a `u64`, so a key is the same number in the CLI, the package and
//! the worker (on 64-bit targets, for the integers hashed here, the very
//! number `FxHasher` gives).

use std::hash::Hasher;

/// `FxHasher`'s multiplier for 64 bits.
const K: u64 = 0xf135_7aea_2e62_a9c5;

/// A 64-bit Fx-style hasher: fast, not for untrusted collision resistance
/// (keys only group records; every pair is compared in full).
#[derive(Debug, Default, Clone, Copy)]
pub struct Hash64(u64);

impl Hash64 {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = self.0.wrapping_add(word).wrapping_mul(K);
    }
}

impl Hasher for Hash64 {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            for (slot, byte) in word.iter_mut().zip(chunk) {
                *slot = *byte;
            }
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u16(&mut self, i: u16) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // As FxHasher: the multiply's good bits are its top ones.
        self.0.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hash;

    #[test]
    fn keys_have_64_bits_and_match_fx_on_this_target() {
        let hash = |value: (u8, (u32, u32))| {
            let mut ours = Hash64::default();
            value.hash(&mut ours);
            ours.finish()
        };
        // Beyond 32 bits, whatever the target.
        assert!(hash((1, (7, 19_820_202))) > u64::from(u32::MAX));
        assert_ne!(hash((1, (7, 19_820_202))), hash((1, (8, 19_820_202))));
        #[cfg(target_pointer_width = "64")]
        {
            let mut fx = rustc_hash::FxHasher::default();
            (1u8, (7u32, 19_820_202u32)).hash(&mut fx);
            assert_eq!(hash((1, (7, 19_820_202))), fx.finish());
        }
    }
}
