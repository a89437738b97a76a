//! How the property tests run: a fixed count of cases and one fixed seed,
//! so the same commit gets the same verdict every run. `PROPTEST_CASES` and
//! `PROPTEST_RNG_SEED` pick others, to explore; a failure is reproduced
//! from the seed, with no files written in tests/.

use proptest::test_runner::{Config, RngSeed};

/// `cases` cases from `seed`, unless the environment says otherwise.
pub fn config(cases: u32, seed: u64) -> Config {
    let defaults = Config::default();
    Config {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            defaults.cases
        } else {
            cases
        },
        rng_seed: if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
            defaults.rng_seed
        } else {
            RngSeed::Fixed(seed)
        },
        failure_persistence: None,
        ..defaults
    }
}
