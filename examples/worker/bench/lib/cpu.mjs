// CPU time of a workerd process per request, read from Linux's scheduler
// accounting (/proc/<pid>/task/<tid>/schedstat: nanoseconds each thread has
// run). Open-source workerd does not account CPU per request (a tail
// Worker's `cpuTime` is 0 there), so the whole process is measured over many
// requests, and a pass-through Worker measured the same way is the baseline:
// the difference is what the example's own work costs. Time spent waiting
// for the network, or for the CPU while other processes run, is not counted.
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';

/** Nanoseconds of CPU all threads of `pid` have used so far. */
export function cpuNanos(pid) {
  let total = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // A thread that ended between the listing and the read.
    }
  }
  return total;
}

/**
 * Minor page faults of `pid` so far (/proc/<pid>/stat, field 10): memory
 * the kernel had to map (and zero) on first touch. A Worker that allocates
 * a new megabyte per request outside the JavaScript heap pays for them.
 */
export function minorFaults(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
}

/** Whether this machine can measure: Linux with schedstat. */
export function canMeasure(pid) {
  try {
    return pid !== undefined && Number.isFinite(cpuNanos(pid));
  } catch {
    return false;
  }
}

/**
 * Sends one POST on a kept-alive connection and waits for the whole answer.
 * A connection the server closed while idle fails at once, before the
 * Worker sees anything: that request is sent again on a new one.
 * @param {http.Agent} agent
 * @param {URL} url
 * @param {Buffer} body
 * @param {{ chunked?: boolean, headers?: Record<string, string> }} options
 *   `chunked`: no Content-Length, the body in 64 KiB writes
 * @returns {Promise<number>} the status
 */
export async function post(agent, url, body, options = {}) {
  try {
    return await postOnce(agent, url, body, options);
  } catch (error) {
    if (error.reusedSocket && error.code === 'ECONNRESET') return postOnce(agent, url, body, options);
    throw error;
  }
}

function postOnce(agent, url, body, { chunked = false, headers = {} }) {
  return new Promise((ok, fail) => {
    const all = { 'content-type': 'application/json', ...headers };
    if (!chunked) all['content-length'] = String(body.length);
    const req = http.request(url, { method: 'POST', headers: all, agent, timeout: 60_000 }, (res) => {
      res.resume();
      res.on('end', () => ok(res.statusCode));
      res.on('error', fail);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} in 60 s`)));
    req.on('error', (error) => {
      error.reusedSocket = req.reusedSocket;
      fail(error);
    });
    if (chunked) {
      for (let i = 0; i < body.length; i += 65536) req.write(body.subarray(i, i + 65536));
      req.end();
    } else {
      req.end(body);
    }
  });
}

/**
 * CPU per request of each Worker for one body, measured in `rounds` rounds
 * of `requests` requests, the Workers taking turns so that a busy moment of
 * the machine falls on all of them alike. Each figure is the median of the
 * rounds, in microseconds.
 * @param {{ name: string, url: URL, pid: number }[]} workers
 * @param {Buffer} body
 * @param {{ path: string, requests: number, rounds: number, warmup?: number,
 *   chunked?: boolean, expect?: Record<string, number> }} plan
 *   `expect`: the status each Worker must answer, by name
 * @returns {Promise<Record<string, number>>}
 */
export async function cpuPerRequest(workers, body, plan) {
  const rounds = await cpuRounds(workers, body, plan);
  return Object.fromEntries(Object.entries(rounds).map(([name, list]) => [name, median(list)]));
}

/**
 * As `cpuPerRequest`, but every round's CPU per request (µs), by Worker, in
 * the order the rounds ran: round `i` of two Workers ran back to back, so
 * their difference (see `pairedDifference`) is not moved by the machine
 * getting busier or quieter between rounds.
 * @param {{ name: string, url: URL, pid: number }[]} workers
 * @param {Buffer} body
 * @param {Parameters<typeof cpuPerRequest>[2]} plan
 * @returns {Promise<Record<string, number[]>>}
 */
export async function cpuRounds(workers, body, plan) {
  const { path, requests, rounds, warmup = Math.min(requests, 20), chunked = false, expect = {} } = plan;
  const agents = new Map(workers.map((w) => [w.name, new http.Agent({ keepAlive: true, maxSockets: 1 })]));
  const samples = new Map(workers.map((w) => [w.name, []]));
  const send = async (worker, n) => {
    const url = new URL(path, worker.url);
    for (let i = 0; i < n; i += 1) {
      const status = await post(agents.get(worker.name), url, body, { chunked });
      if (expect[worker.name] !== undefined && status !== expect[worker.name]) {
        throw new Error(`${worker.name} answered ${status}, not ${expect[worker.name]}`);
      }
    }
  };
  try {
    for (const worker of workers) await send(worker, warmup);
    for (let round = 0; round < rounds; round += 1) {
      // Alternate the order too: neither Worker always goes first.
      const order = round % 2 === 0 ? workers : [...workers].reverse();
      for (const worker of order) {
        const before = cpuNanos(worker.pid);
        await send(worker, requests);
        samples.get(worker.name).push((cpuNanos(worker.pid) - before) / requests / 1000);
      }
    }
  } finally {
    for (const agent of agents.values()) agent.destroy();
  }
  return Object.fromEntries(samples);
}

/**
 * The difference `a − b` round by round (two Workers measured in the same
 * rounds): its median, and its quartiles as the spread.
 * @param {number[]} a
 * @param {number[]} b
 * @returns {{ median: number, low: number, high: number }}
 */
export function pairedDifference(a, b) {
  const sorted = a.map((x, i) => x - b[i]).sort((x, y) => x - y);
  return { median: median(sorted), low: quantile(sorted, 0.25), high: quantile(sorted, 0.75) };
}

/** The `q` quantile of a sorted list, interpolated between neighbours. */
function quantile(sorted, q) {
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
}

/** The median of a list of numbers. */
export function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
