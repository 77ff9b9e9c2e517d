//! How often a call is tried, and how long to wait between tries.

use std::time::Duration;

/// Attempts and exponential backoff with full jitter: before attempt `n + 1`, a random wait of up
/// to `min(max_backoff, base * 2^(n-1))`, so many clients throttled at once do not retry in step.
/// The defaults are the AWS SDKs' standard mode: 3 attempts, 1 s base, 20 s cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included; 1 never retries.
    pub max_attempts: u32,
    /// The first retry's longest wait.
    pub base: Duration,
    /// The longest wait before any retry.
    pub max_backoff: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base: Duration::from_secs(1),
            max_backoff: Duration::from_secs(20),
        }
    }
}

impl RetryPolicy {
    /// The longest wait after failed attempt `attempt` (1-based).
    pub fn ceiling(&self, attempt: u32) -> Duration {
        let doubled = self
            .base
            .saturating_mul(2_u32.saturating_pow(attempt.saturating_sub(1)));
        doubled.min(self.max_backoff)
    }

    /// A random wait after failed attempt `attempt`, at most its [`ceiling`](Self::ceiling).
    pub fn backoff(&self, attempt: u32) -> Duration {
        let mut random = [0_u8; 4];
        // Without a random source, waiting the whole ceiling is still a correct backoff.
        let fraction = match getrandom::fill(&mut random) {
            Ok(()) => f64::from(u32::from_le_bytes(random)) / f64::from(u32::MAX),
            Err(_) => 1.0,
        };
        self.ceiling(attempt).mul_f64(fraction)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ceiling_doubles_up_to_the_cap() {
        let policy = RetryPolicy::default();
        let ceilings: Vec<u64> = (1..=7).map(|n| policy.ceiling(n).as_secs()).collect();
        assert_eq!(ceilings, [1, 2, 4, 8, 16, 20, 20]);
        assert_eq!(policy.ceiling(u32::MAX), Duration::from_secs(20));
    }

    #[test]
    fn a_backoff_stays_under_its_ceiling() {
        let policy = RetryPolicy::default();
        for attempt in 1..=5 {
            assert!(policy.backoff(attempt) <= policy.ceiling(attempt));
        }
    }
}
