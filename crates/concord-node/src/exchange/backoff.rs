//! When to try a partner again after a failed push.

use std::time::Duration;

use rand::Rng;

/// How long to wait before pushing a message again after a failed attempt.
///
/// The wait doubles with each failure up to `max`, and a random part of it ("jitter",
/// up to half) keeps many nodes that lost the same link from all retrying at once when
/// it returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// The wait after the first failure.
    pub first: Duration,
    /// The longest wait.
    pub max: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Self {
            first: Duration::from_secs(2),
            max: Duration::from_secs(300),
        }
    }
}

impl Backoff {
    /// The wait after `failures` failed attempts in a row (1 for the first).
    pub fn delay(&self, failures: u32, rng: &mut impl Rng) -> Duration {
        let exponent = failures.saturating_sub(1).min(30);
        let full = self.first.saturating_mul(1 << exponent).min(self.max);
        let half = full / 2;
        half + rng.gen_range(Duration::ZERO..=full - half)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn the_wait_doubles_up_to_the_maximum_and_jitter_keeps_it_between_half_and_all() {
        let backoff = Backoff {
            first: Duration::from_secs(2),
            max: Duration::from_secs(60),
        };
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        for (failures, full) in [(1, 2), (2, 4), (3, 8), (5, 32), (6, 60), (40, 60)] {
            let full = Duration::from_secs(full);
            for _ in 0..200 {
                let wait = backoff.delay(failures, &mut rng);
                assert!(wait >= full / 2 && wait <= full, "{failures} failures: {wait:?}");
            }
        }
        let waits: std::collections::BTreeSet<_> = (0..50).map(|_| backoff.delay(3, &mut rng)).collect();
        assert!(waits.len() > 40, "jitter spreads the retries");
    }
}
