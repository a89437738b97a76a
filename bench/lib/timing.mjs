// Throughput timing in one process: every entry is warmed up, then timed in
// interleaved rounds (a fresh shuffled order each round, so drift and noise
// from the shared machine fall on all entries alike); the result is the median
// of the rounds, in nanoseconds per event.

import { runnerFn } from './cases.mjs';
import { rng } from './generate.mjs';

const now = () => process.hrtime.bigint();

/**
 * entries: [{ key, case, items }]. Returns Map key -> { median, p25, p75, min, samples, reps }.
 * Throws if a runner's count of valid items changes between passes (a sign of
 * a broken or non-deterministic validator).
 */
export function timeEntries(entries, { rounds = 30, sampleMs = 25, warmupMs = 250, seed = 1, log = () => {} } = {}) {
  const prepared = entries.map((e) => ({ ...e, run: runnerFn(e.case), samples: [] }));

  for (const p of prepared) {
    const start = now();
    let passes = 0;
    let first;
    while (passes < 3 || (passes < 200 && Number(now() - start) / 1e6 < warmupMs)) {
      const n = p.run(p.items);
      if (first === undefined) first = n;
      else if (n !== first) throw new Error(`${p.key}: ${n} valid in one pass, ${first} in another`);
      passes++;
    }
    p.valid = first;
    const perPassMs = Number(now() - start) / 1e6 / passes;
    p.reps = Math.max(1, Math.round(sampleMs / perPassMs));
  }
  log(`warmed up ${prepared.length} entries; timing ${rounds} rounds`);

  const r = rng(seed);
  for (let round = 0; round < rounds; round++) {
    const order = prepared.slice();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r.next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const p of order) {
      const t0 = now();
      for (let k = 0; k < p.reps; k++) p.run(p.items);
      const ns = Number(now() - t0) / (p.reps * p.items.length);
      p.samples.push(ns);
    }
    if ((round + 1) % 10 === 0) log(`  round ${round + 1}/${rounds}`);
  }

  const out = new Map();
  for (const p of prepared) {
    const s = p.samples.slice().sort((a, b) => a - b);
    out.set(p.key, {
      median: quantile(s, 0.5),
      p25: quantile(s, 0.25),
      p75: quantile(s, 0.75),
      min: s[0],
      samples: s.length,
      reps: p.reps,
      valid: p.valid,
    });
  }
  return out;
}

export function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (xs) => quantile(xs.slice().sort((a, b) => a - b), 0.5);
