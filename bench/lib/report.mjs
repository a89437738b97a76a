// The markdown report: the timing table, the valid/invalid breakdown, cold
// start, size, and the goals of issue 6 with PASS/FAIL.

import os from 'node:os';

const ns = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (x) => (x >= 10 ? x.toFixed(1) : x.toFixed(2));
const kb = (b) => `${(b / 1000).toFixed(1)} kB`;
const ms = (x) => x.toFixed(1);

/** The goals of issues 6 and 16, measured. Each: { goal, measured, pass } (pass null: not measurable). */
export function goals({ timing, cold, size, baseline }) {
  const t = (key) => timing.get(key)?.median;
  const out = [];
  const pkgObj = t('pkg-object/all');
  out.push({
    goal: '`validateEvent` on objects ≤ 0.5× Ajv compiled',
    measured: pkgObj !== undefined ? `${ratio(pkgObj / baseline)}× (${ns(pkgObj)} vs ${ns(baseline)} ns)` : 'package missing',
    pass: pkgObj !== undefined ? pkgObj / baseline <= 0.5 : null,
  });
  const bytes = t('pkg-bytes/all');
  const parse = t('parse/all');
  out.push({
    goal: '`validateEventJson` on a `Uint8Array` ≤ 1.0× `JSON.parse` alone',
    measured: bytes !== undefined ? `${ratio(bytes / parse)}× (${ns(bytes)} vs ${ns(parse)} ns)` : 'package missing',
    pass: bytes !== undefined ? bytes / parse <= 1.0 : null,
  });
  // Every entry of the package must start as fast: the slowest one is the measure.
  const entries = ['package', 'package-json', 'package-browser', 'package-web'].map((id) => cold?.get(id)).filter(Boolean);
  const c = entries.length ? entries.reduce((m, e) => (e.importMs > m.importMs ? e : m)) : undefined;
  const a = cold?.get('ajv-standalone');
  out.push({
    goal: 'cold start no slower than Ajv standalone (every entry measured: the slowest)',
    measured: c && a ? `${ms(c.importMs)} vs ${ms(a.importMs)} ms (${ratio(c.importMs / a.importMs)}×; ${c.label})` : 'not measured',
    pass: c && a ? c.importMs <= a.importMs : null,
  });
  if (size) {
    const worst = size.reduce((m, r) => (r.totalGzip > m.totalGzip ? r : m));
    const missing = size.some((r) => r.missing.length);
    const glueOnly = (r) => r.files.filter((f) => /(servicer_events(_bg\.wasm|\.js)|(^|\/)(wasm|glue)\.js)$/.test(f.file)).reduce((n, f) => n + f.gzip, 0);
    out.push({
      goal: '`.wasm` + JS ≤ 40 kB gzip (40,000 bytes; everything the largest target entry loads)',
      measured: `${kb(worst.totalGzip)} (${worst.target}); the .wasm and wasm-bindgen glue alone: ${kb(glueOnly(worst))}${missing ? '; some files missing' : ''}`,
      pass: !missing && worst.totalGzip <= 40_000,
    });
  } else {
    out.push({ goal: '`.wasm` + JS ≤ 40 kB gzip', measured: 'package missing', pass: null });
  }
  const ratioOf = (id) => {
    const v = t(`${id}/valid`);
    const i = t(`${id}/invalid`);
    return v && i ? i / v : undefined;
  };
  const [ro, rb] = [ratioOf('pkg-object'), ratioOf('pkg-bytes')];
  out.push({
    goal: 'an invalid event ≤ 1.5× the cost of a valid one (issue 16), on objects and on bytes',
    measured: ro !== undefined ? `invalid ÷ valid: ${ratio(ro)}× on objects, ${ratio(rb)}× on bytes` : 'package missing',
    pass: ro !== undefined ? ro <= 1.5 && rb <= 1.5 : null,
  });
  return out;
}

const verdict = (p) => (p === true ? '**PASS**' : p === false ? '**FAIL**' : 'n/a');

/** The whole report, markdown. */
export function renderReport(d) {
  const L = [];
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  L.push('## Performance', '');
  L.push(
    `Measured by \`bash bench/run.sh\` on ${d.date}: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `${os.type()} ${os.release()}, Node ${process.version}; servicer-events ${d.pkgVersion ?? '(not installed)'}. ` +
      'The machine is shared and noisy: only ratios within one run mean anything.',
  );
  L.push('');
  const s = d.corpus;
  L.push(
    `Corpus: ${s.count} events from seed ${d.seed}, ${s.avgBytes.toFixed(0)} bytes of JSON on average, ` +
      `${(s.invalidShare * 100).toFixed(1)} % invalid (${Object.keys(s.kinds).length} kinds), ${s.eventNames} event names ` +
      `(all 11 listed and others), ${(d.withOrder * 100).toFixed(0)} % passed with a service order. ` +
      (d.agreementOk
        ? `Every validator below gave the same verdict as ${d.reference} on every event before anything was timed (${d.agreement}).`
        : `**Not every check agreed** (see the agreement report printed before this table); the validators timed below did agree with \`validateEvent\`.`),
  );
  L.push(
    `JSON Schema for Ajv and @cfworker/json-schema: ${d.schemaSource === 'package' ? "the package's own `eventJsonSchema()`" : "hand-written in `bench/lib/peers/schema.mjs`"}` +
      `${d.schemaNote ? ` (${d.schemaNote})` : ''}.`,
  );
  L.push('');
  L.push(
    `Median of ${d.rounds} interleaved rounds in one process, nanoseconds per event (p25–p75 in brackets), and the ratio to Ajv 8 compiled (allErrors) in the same run:`,
  );
  L.push('');
  L.push('| validator | input | ns / event | p25–p75 | × Ajv compiled |', '| --- | --- | ---: | ---: | ---: |');
  for (const row of d.mainRows) {
    const t = d.timing.get(row.key);
    if (!t) continue;
    L.push(`| ${row.label} | ${row.input} | ${ns(t.median)} | ${ns(t.p25)}–${ns(t.p75)} | ${ratio(t.median / d.baseline)} |`);
  }
  L.push('');
  if (d.breakdown.length) {
    L.push('Valid and invalid events apart, and the floor of one call (`{"event":"repair_started"}`), ns / event:', '');
    L.push('| case | input | all | valid only | invalid only | invalid ÷ valid | floor |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |');
    for (const b of d.breakdown) {
      const g = (set) => d.timing.get(`${b.id}/${set}`)?.median;
      const [all, v, i, f] = [g('all'), g('valid'), g('invalid'), g('floor')];
      const fmt = (x) => (x === undefined ? '' : ns(x));
      L.push(`| ${b.label} | ${b.input} | ${fmt(all)} | ${fmt(v)} | ${fmt(i)} | ${v && i ? ratio(i / v) : ''} | ${fmt(f)} |`);
    }
    L.push('');
  }
  if (d.cold) {
    L.push(`Cold start: a fresh \`node\` process per run, import to first result (timed inside the process), median of ${[...d.cold.values()][0].runs} runs; the whole process for scale:`, '');
    L.push('| | import → first result (ms) | whole process (ms) |', '| --- | ---: | ---: |');
    for (const c of d.cold.values()) L.push(`| ${c.label} | ${ms(c.importMs)} | ${ms(c.processMs)} |`);
    L.push('');
  }
  if (d.size) {
    L.push('Package size as installed from the packed tarball: every file each entry of `exports` loads, each gzip -9 on its own:', '');
    L.push('| target (entry) | .wasm | .wasm gzip | JS | JS gzip | total | total gzip |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of d.size) {
      L.push(`| ${r.target} (\`${r.entry}\`)${r.missing.length ? ` (missing: ${r.missing.join(', ')})` : ''} | ${kb(r.wasmRaw)} | ${kb(r.wasmGzip)} | ${kb(r.jsRaw)} | ${kb(r.jsGzip)} | ${kb(r.totalRaw)} | ${kb(r.totalGzip)} |`);
    }
    L.push('');
    for (const r of d.size) L.push(`- ${r.target}: ${r.files.map((f) => `\`${f.file}\` ${kb(f.gzip)}`).join(', ')} (gzip)`);
    L.push('');
  }
  L.push('Goals of issues 6 and 16:', '');
  L.push('| goal | measured | |', '| --- | --- | --- |');
  for (const g of d.goals) L.push(`| ${g.goal} | ${g.measured} | ${g.info ? 'info' : verdict(g.pass)} |`);
  L.push('');
  return L.join('\n');
}
