// Bounded work (issue 12), through the installed package, at reduced sizes:
// the crafted bodies of the adversarial bench (bench/lib/hostile-bodies.mjs)
// stay within a generous multiple of JSON.parse / the benign body (measured
// in this process), results hold at most maxIssues + 1 issues, messages
// quote at most 200 characters, memory stays bounded, and the module
// recovers from a trap. Deterministic inputs; the only timing assertions are
// ratios measured here, with wide margins.
import test from 'node:test';
import assert from 'node:assert/strict';
import { validateEvent, validateEventJson } from 'servicer-events';
import { FAMILIES, family } from '../../bench/lib/hostile-bodies.mjs';
import { assertShape, assertStillWorks } from './helpers.mjs';

const instance = validateEvent[Symbol.for('servicer-events.instance')];
const MiB = 1 << 20;
const SIZE = 128 * 1024;
/** The memory ceiling of pkg/api.js at the default limits, with the module's own start. */
const CEILING = 3 * MiB + 4 * MiB + 2 * MiB;

/**
 * The fastest of `runs` runs of `f`, in milliseconds, after a warm-up long
 * enough for the engine to optimise the module's hot functions (a first call
 * runs baseline code several times slower). The fastest, not the median: on
 * a shared machine, other work only ever adds time.
 */
function fastest(f, runs = 9) {
  const start = performance.now();
  for (let i = 0; i < 50 && (i < 3 || performance.now() - start < 100); i++) f();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return Math.min(...times);
}

/** The check of a family's input at `size`, and the JSON reference of the same input. */
function prepare(f, size) {
  if (f.json) {
    const body = f.json(size);
    const parse = () => {
      try {
        JSON.parse(body);
      } catch {
        // the family that is not JSON
      }
    };
    return { run: () => validateEventJson(body), reference: parse };
  }
  const value = f.value(size);
  const stringify = () => {
    try {
      JSON.stringify(value);
    } catch {
      // too deep for JSON.stringify itself
    }
  };
  return { run: () => validateEvent(value), reference: stringify };
}

/**
 * Whether `within()` holds in one of `rounds` measurements. Other work on a
 * shared machine only ever adds time, so a bound that holds once holds; work
 * that is really superlinear fails every round.
 */
function holdsInSomeRound(within, rounds = 3) {
  let last;
  for (let i = 0; i < rounds; i++) {
    last = within();
    if (last.ok) return last;
  }
  return last;
}

test('every crafted body costs a bounded multiple of JSON.parse or of the benign 1 MiB body', () => {
  const benign = prepare(family('benign: one long string'), MiB);
  // Before issue 12 the long-key attack alone cost 10,000 times the benign
  // body; quadratic work shows as hundreds. The bench measures the real ratios.
  const MARGIN = 40;
  for (const f of FAMILIES) {
    const p = prepare(f, SIZE);
    const r = holdsInSomeRound(() => {
      const ms = fastest(p.run);
      const bound = MARGIN * Math.max(fastest(p.reference), fastest(benign.run), 0.05);
      return { ok: ms <= bound, ms, bound };
    });
    assert.ok(r.ok, `${f.name}: ${r.ms.toFixed(2)} ms, bound ${r.bound.toFixed(2)} ms`);
  }
});

test('bodies of many items are within the SPEC bound, measured at 128 KiB with a margin of 3', () => {
  // SPEC "Bounded work": no body costs more than max(1 × JSON.parse of it,
  // 5 × the benign body). Here against the benign body of the same size, so
  // the bound scales with the body; the margin covers a call's fixed cost,
  // which weighs more at 128 KiB, and a loaded machine. Per-item overhead of
  // the kind issue 12 found (issue floods and arrays of numbers at 8 to 10
  // × this bound before the walk's fast lane, about 1 × after) fails it.
  // Families of keys are left to the generous bound above: at 128 KiB their
  // keys are all walked, where at 1 MiB maxKeys cuts the walk short, so the
  // two sizes do not compare. The bench measures the real ratios at 1 MiB.
  const MARGIN = 3;
  const ITEMS = [
    'issue flood: seconds',
    'issue flood: wrong types',
    'long key × many issues',
    'long keys, deep path',
    'deep nesting',
    'wide nesting (valid)',
    'numbers (valid)',
    'long numbers',
    'escape-heavy strings (valid)',
    'not JSON at the end',
  ];
  const benign = prepare(family('benign: one long string'), SIZE);
  for (const name of ITEMS) {
    const f = family(name);
    const p = prepare(f, SIZE);
    const r = holdsInSomeRound(() => {
      const ms = fastest(p.run);
      const bound = MARGIN * Math.max(fastest(p.reference), 5 * fastest(benign.run), 0.05);
      return { ok: ms <= bound, ms, bound };
    });
    assert.ok(r.ok, `${f.name}: ${r.ms.toFixed(2)} ms, bound ${r.bound.toFixed(2)} ms`);
  }
});

test('work grows linearly: eight times the body costs at most 24 times as much (quadratic work: 64)', () => {
  for (const name of ['near-miss key flood', 'issue flood: seconds', 'escaped keys (valid)', 'duplicate keys', 'long keys, deep path']) {
    const f = family(name);
    const [small, large] = [prepare(f, SIZE / 8).run, prepare(f, SIZE).run];
    const r = holdsInSomeRound(() => {
      const [s, l] = [fastest(small), fastest(large)];
      return { ok: l <= 24 * Math.max(s, 0.05), s, l };
    });
    assert.ok(r.ok, `${name}: ${r.s.toFixed(2)} ms, then ${r.l.toFixed(2)} ms`);
  }
});

test('a result holds at most maxIssues issues and one too_many_issues, last; valid and kind stay exact', () => {
  for (const f of FAMILIES) {
    const r = assertShape(prepare(f, SIZE).run(), f.name);
    const all = [...r.errors, ...r.warnings];
    assert.ok(all.length <= 101, `${f.name}: ${all.length} issues`);
    const capped = all.filter((i) => i.code === 'too_many_issues');
    assert.ok(capped.length <= 1, f.name);
    if (capped.length === 1) {
      const list = r.valid ? r.warnings : r.errors;
      assert.equal(list.at(-1).code, 'too_many_issues', f.name);
      assert.equal(list.at(-1).path, '', f.name);
      assert.match(list.at(-1).message, /^\d+ more issues? (was|were) left out/, f.name);
    }
  }
  // A valid event whose warnings pass the cap: valid, its kind, the cap in warnings.
  const windows = JSON.stringify({ event: 'batched', availabilityWindows: new Array(1000).fill(1) });
  const seconds = validateEventJson(windows);
  assert.deepEqual([seconds.valid, seconds.kind, seconds.errors.length], [true, 'onsite', 0]);
  assert.equal(seconds.warnings.length, 101);
  assert.equal(seconds.warnings.at(-1).code, 'too_many_issues');
  assert.match(seconds.warnings.at(-1).message, /^900 more issues were left out/);
  // maxIssues is a limit like the others.
  const five = validateEventJson(windows, null, { limits: { maxIssues: 5 } });
  assert.equal(five.warnings.length, 6);
  const none = validateEventJson('{"event":"repair_eta","isDelayed":"yes"}', null, { limits: { maxIssues: 0 } });
  assert.deepEqual([none.valid, none.kind, none.errors.map((i) => i.code)], [false, 'depot', ['too_many_issues']]);
  assert.throws(() => validateEvent({ event: 'x' }, null, { limits: { maxIssues: -1 } }), TypeError);
});

test('messages quote at most 200 characters of a key, a path or a value; paths stay exact', () => {
  const key = 'k'.repeat(5000);
  const body = `{"event":"x","method":"${'m'.repeat(5000)}","metadata":{"${key}":[1e999,{"__proto__":1}]}}`;
  const r = validateEventJson(body);
  assert.deepEqual(r.errors.map((i) => i.code), ['invalid_enum_value', 'not_json', 'forbidden_key']);
  assert.equal(r.errors[1].path, `/metadata/${key}/0`);
  for (const issue of r.errors) {
    for (const text of [issue.message, issue.expected, issue.received]) {
      if (text === undefined) continue;
      for (const run of text.match(/([km])\1*/g) ?? []) assert.ok(run.length <= 200, `${issue.code}: a run of ${run.length}`);
    }
  }
  assert.match(r.errors[1].message, /^metadata\/k+…k+\/0 is Infinity/);
  const value = validateEvent({ event: 'x', metadata: { [key]: [Number.NaN] } });
  assert.equal(value.errors[0].path, `/metadata/${key}/0`);
  assert.ok(value.errors[0].message.length < 300, value.errors[0].message);
});

test('the long-key attack answers in milliseconds, within the budget, and the module answers correctly after it', () => {
  const body = family('long key × many issues').json(126 * 1024);
  const r = validateEventJson(body);
  assert.equal(r.valid, false);
  assert.ok(r.errors.length <= 101);
  assert.equal(r.errors.at(-1).code, 'too_many_issues');
  const size = r.errors.reduce((n, i) => n + i.path.length + i.message.length, 0);
  assert.ok(size <= 64 * 1024 + body.length, `${size} characters of issues`);
  const value = family('value: long key × NaN').value();
  assert.equal(validateEvent(value).errors.at(-1).code, 'too_many_issues');
  assert.ok(instance.memoryBytes() <= CEILING, `${instance.memoryBytes()} bytes`);
  assertStillWorks('the long-key attack');
});

test('WebAssembly memory stays bounded across many hostile calls of every family', () => {
  let peak = 0;
  for (const f of FAMILIES) {
    const p = prepare(f, 16 * 1024);
    for (let i = 0; i < 100; i++) {
      p.run();
      peak = Math.max(peak, instance.memoryBytes());
    }
  }
  assert.ok(peak <= CEILING, `${peak} bytes`);
  // A value far larger than any body (no limit bounds JSON.stringify's text):
  // the instance that held it is replaced after the call.
  const before = instance.instances();
  const r = validateEvent({ event: 'x', notes: 'n'.repeat(24 * MiB) });
  assert.equal(r.errors[0].code, 'limit_exceeded');
  assert.equal(instance.instances(), before + 1);
  assert.ok(instance.memoryBytes() <= CEILING, `${instance.memoryBytes()} bytes`);
  assertStillWorks('a huge value');
});

test('a trap is forced: the instance is replaced, and the call and the next ones answer correctly', () => {
  // Grow the memory to WebAssembly's maximum: the next allocation fails,
  // which aborts the module (a RuntimeError, as a 3.9 GiB attack once did).
  const { memory } = instance.exports();
  const pages = memory.buffer.byteLength / 65536;
  try {
    memory.grow(65536 - pages - 1);
  } catch {
    assert.fail('this engine would not grow WebAssembly memory to 4 GiB: the trap cannot be forced');
  }
  const before = instance.instances();
  const r = validateEventJson(JSON.stringify({ event: 'repair_started', notes: 'x'.repeat(200_000) }));
  assert.deepEqual([r.valid, r.kind, r.errors.map((i) => i.code)], [false, 'depot', ['limit_exceeded']]);
  assert.equal(instance.instances(), before + 1);
  assert.ok(instance.memoryBytes() <= CEILING);
  assertStillWorks('a forced trap');
});
