// Timing that repeats on a shared, loaded machine: several functions timed
// in interleaved rounds (each round calls every one once, in an order that
// rotates from round to round), so that whatever else the machine is doing
// at a moment weighs on all of them alike, and nothing is compared with a
// measurement taken seconds earlier under another load.

/**
 * Milliseconds of one call of `f`: the smaller of its wall time and the
 * CPU time the process spent in it. Both bound the main thread's own work
 * from above: wall time also holds the time the thread waited while other
 * processes ran (on a loaded machine, most of a 10 ms call can be that), and
 * the process's CPU time also holds what its other threads did meanwhile
 * (parallel garbage collection, background compilation).
 */
function once(f) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  f();
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return Math.min(wall, (used.user + used.system) / 1000);
}

/**
 * Times `fns` in `rounds` interleaved rounds after `warm` calls of each;
 * returns each one's samples (milliseconds), in the order of `fns`.
 */
export function interleaved(fns, rounds, warm = 3) {
  for (let i = 0; i < warm; i++) for (const f of fns) f();
  const samples = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < fns.length; k++) {
      const i = (r + k) % fns.length;
      samples[i].push(once(fns[i]));
    }
  }
  return samples;
}

/**
 * The fastest sample: the time of the work itself. Other processes, the
 * scheduler and a garbage collection started by an earlier call only ever
 * add time, and they do so unevenly (a 15 ms call is preempted more often
 * than a 1 ms one), so the median moves with the load and the minimum does
 * not.
 */
export const fastest = (samples) => Math.min(...samples);

/** The median sample, to show how much the load added. */
export function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}
