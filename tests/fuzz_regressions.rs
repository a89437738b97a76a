//! The fuzz targets' checks (`fuzz/harness/`), run deterministically under
//! plain `cargo test`: every committed regression input in
//! `fuzz/regressions/`, every shared vector under several option bytes, and
//! a fixed-seed, fixed-count pass of mutations of those. The same commit
//! gets the same verdict on every run; open-ended fuzzing is
//! `bash scripts/fuzz.sh`, outside the test command.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/harness/mod.rs"]
mod harness;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// Mutations in the fixed pass, each run through both targets.
const MUTATIONS: usize = 20_000;
/// The pass's seed: fixed, so every run tries the same inputs.
const SEED: u64 = 0x5eed_0011;
/// Option bytes each vector is tried with: defaults, strict, each order,
/// tiny limits of several sizes, and a closed, unaccepted order.
const OPTION_BYTES: [u8; 8] = [0x00, 0x02, 0x04, 0x0c, 0x11, 0x53, 0x97, 0xfd];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file of one regression folder, sorted, with its name.
fn regressions(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = root().join("fuzz/regressions").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (name(&p), std::fs::read(&p).unwrap()))
        .collect()
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// The bodies of the shared vectors: `body` as written, or `event` as text.
fn vector_bodies() -> Vec<Vec<u8>> {
    let dir = root().join("tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut bodies = Vec::new();
    for file in files {
        let cases: Vec<serde_json::Value> =
            serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
        for case in cases {
            if let Some(body) = case.get("body").and_then(|b| b.as_str()) {
                bodies.push(body.as_bytes().to_vec());
            } else if let Some(event) = case.get("event") {
                bodies.push(serde_json::to_vec(event).unwrap());
            }
        }
    }
    assert!(bodies.len() > 50, "vectors not found");
    bodies
}

/// The dictionary the fuzzer uses (`fuzz/json.dict`), as tokens to splice in.
fn dictionary() -> Vec<Vec<u8>> {
    let text = std::fs::read_to_string(root().join("fuzz/json.dict")).unwrap();
    text.lines()
        .filter_map(|l| l.trim().strip_prefix('"')?.strip_suffix('"'))
        .map(|t| unescape_dict(t.as_bytes()))
        .collect()
}

/// libFuzzer dictionary escapes: `\\`, `\"` and `\xAB`.
fn unescape_dict(t: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        match (t[i], t.get(i + 1)) {
            (b'\\', Some(b'x')) if i + 4 <= t.len() => {
                let hex = std::str::from_utf8(&t[i + 2..i + 4]).unwrap_or("");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(b'?'));
                i += 4;
            }
            (b'\\', Some(&c)) => {
                out.push(c);
                i += 2;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Runs `f`, turning a panic into the failure's description.
fn attempt(what: &str, f: impl FnOnce()) -> Result<(), String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|e| {
        let message = e
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        format!("{what}: {message}")
    })
}

fn assert_none_failed(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_json_regression_passes() {
    let inputs = regressions("json");
    assert!(!inputs.is_empty(), "fuzz/regressions/json/ is empty");
    let failures = inputs
        .iter()
        .filter_map(|(name, data)| attempt(name, || harness::json::run(data)).err())
        .collect();
    assert_none_failed(failures);
}

#[test]
fn every_value_regression_passes() {
    let failures = regressions("value")
        .iter()
        .filter_map(|(name, data)| attempt(name, || harness::value::run(data)).err())
        .collect();
    assert_none_failed(failures);
}

#[test]
fn every_vector_passes_the_fuzz_checks_under_every_option_byte() {
    let mut failures = Vec::new();
    for body in vector_bodies() {
        for b in OPTION_BYTES {
            let data = [&[b][..], &body].concat();
            let what = format!("{:?}", String::from_utf8_lossy(&data));
            failures.extend(attempt(&what, || harness::json::run(&data)).err());
        }
    }
    assert_none_failed(failures);
}

/// SplitMix64: a tiny generator whose stream depends on the seed alone.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One to four mutations of `input`, as libFuzzer's do: flip, insert a
/// dictionary token, delete, duplicate, truncate, splice, change options.
fn mutate(rng: &mut Rng, input: &[u8], pool: &[Vec<u8>], dict: &[Vec<u8>]) -> Vec<u8> {
    let mut data = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(7) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 => {
                let token = &dict[rng.below(dict.len())];
                data.splice(at..at, token.iter().copied());
            }
            2 => {
                let end = (at + rng.below(8)).min(data.len());
                data.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(16)).min(data.len());
                let copy = data[at..end].to_vec();
                data.splice(end..end, copy);
            }
            4 => data.truncate(at),
            5 => {
                let other = &pool[rng.below(pool.len())];
                let from = rng.below(other.len() + 1);
                data.truncate(at);
                data.extend_from_slice(&other[from..]);
            }
            _ if !data.is_empty() => data[0] = rng.next() as u8,
            _ => data.push(rng.next() as u8),
        }
    }
    data
}

#[test]
fn a_fixed_seed_pass_of_mutations_passes_both_targets() {
    let mut pool: Vec<Vec<u8>> = regressions("json").into_iter().map(|(_, d)| d).collect();
    pool.extend(
        vector_bodies()
            .into_iter()
            .map(|b| [&[0u8][..], &b].concat()),
    );
    let dict = dictionary();
    assert!(dict.len() > 10, "fuzz/json.dict not read");
    let mut rng = Rng(SEED);
    let mut failures = Vec::new();
    for n in 0..MUTATIONS {
        let base = &pool[rng.below(pool.len())];
        let data = mutate(&mut rng, base, &pool, &dict);
        let what = format!("mutation {n} {:?}", String::from_utf8_lossy(&data));
        failures.extend(attempt(&what, || harness::json::run(&data)).err());
        failures.extend(attempt(&what, || harness::value::run(&data)).err());
        if failures.len() >= 10 {
            break;
        }
    }
    assert_none_failed(failures);
}
