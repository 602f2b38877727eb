//! The generator's random numbers: its own SplitMix64, so that a seed writes
//! the same files whatever a dependency's random streams do.

/// SplitMix64: tiny, fast, and stable forever.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize
    }
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// Picks with a popularity skew: early items are much commoner, as names are.
    pub fn pick_popular<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        self.pick_skewed(items, 1.5)
    }
    /// Picks with a skew `u^skew`: the larger the skew, the heavier the head
    /// (3.0 gives the first of 50 items about a quarter of the draws).
    pub fn pick_skewed<'a, T>(&mut self, items: &'a [T], skew: f64) -> &'a T {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        &items[(u.powf(skew) * items.len() as f64) as usize]
    }
}
