//! A small seeded random number generator (SplitMix64, Steele, Lea & Flood 2014), so that
//! fitting is deterministic on every platform, the browser included, without a dependency.

/// SplitMix64: one 64-bit state, advanced by a constant and mixed.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in [0, 1) with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// A seed for one named stream (a skill) derived from a run's seed, so that a skill's fit does
/// not depend on which other skills are in the data or in which order they are fitted.
pub fn stream_seed(seed: u64, name: &str) -> u64 {
    // FNV-1a over the name, then mixed with the run's seed.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in name.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    SplitMix64::new(seed ^ hash).next_u64()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_numbers_and_all_in_the_unit_interval() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        for _ in 0..1000 {
            let x = a.next_f64();
            assert_eq!(x, b.next_f64());
            assert!((0.0..1.0).contains(&x));
        }
        assert_ne!(stream_seed(0, "7"), stream_seed(0, "8"));
    }

    #[test]
    fn the_mean_of_many_draws_is_near_one_half() {
        let mut r = SplitMix64::new(42);
        let mean = (0..100_000).map(|_| r.next_f64()).sum::<f64>() / 100_000.0;
        // Standard error of the mean is 0.289/√100000 ≈ 0.0009; allow 5 of them.
        assert!((mean - 0.5).abs() < 0.005, "{mean}");
    }
}
