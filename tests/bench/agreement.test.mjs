// The bench's agreement check, without timing: on a few thousand generated
// events, every peer (Ajv compiled and standalone, @cfworker/json-schema,
// zod 4, valibot, the hand-written validator, and the package's own
// eventJsonSchema() when it has one) gives the verdict of validateEvent, and
// validateEventJson gives it on the same text as a string and as bytes.
//
// Needs the bench's dependencies and the packed package installed in bench/:
//   bash scripts/build.sh && bash bench/setup.sh
// No timing is asserted here, or anywhere in the tests.

import { test } from 'node:test';
import assert from 'node:assert/strict';

const SETUP = 'run: bash scripts/build.sh && bash bench/setup.sh';

async function load() {
  try {
    const [gen, peers, agreement, rules] = await Promise.all([
      import('../../bench/lib/generate.mjs'),
      import('../../bench/lib/peers/index.mjs'),
      import('../../bench/lib/agreement.mjs'),
      import('../../bench/lib/rules.mjs'),
    ]);
    return { ...gen, ...peers, ...agreement, ...rules };
  } catch (e) {
    throw new Error(`the bench's dependencies are not installed (${e.message}); ${SETUP}`);
  }
}

test('the generator is seeded and covers every listed event and every kind of invalid event', async () => {
  const { generate, describe, DEPOT_EVENTS, ONSITE_EVENTS } = await load();
  const a = generate({ count: 3000, seed: 7 });
  const b = generate({ count: 3000, seed: 7 });
  assert.deepEqual(a.map((it) => it.json), b.map((it) => it.json));
  const d = describe(a);
  assert.ok(d.invalidShare > 0.15 && d.invalidShare < 0.25, `invalid share ${d.invalidShare}`);
  assert.ok(d.avgBytes > 120 && d.avgBytes < 260, `average size ${d.avgBytes}`);
  const names = new Set(a.map((it) => it.event?.event));
  for (const e of [...DEPOT_EVENTS, ...ONSITE_EVENTS]) assert.ok(names.has(e), `no ${e} generated`);
  for (const kind of ['wrong_type', 'null_field', 'string_timestamp', 'fractional_timestamp', 'negative_timestamp',
    'too_large_timestamp', 'bad_enum', 'missing_event', 'empty_event_name', 'metadata_not_object',
    'service_type_mismatch', 'not_an_object']) {
    assert.ok(d.kinds[kind] > 0, `no ${kind} generated`);
  }
});

for (const seed of [1, 2]) {
  test(`every peer and the package agree on validity (seed ${seed})`, async () => {
    const { generate, loadPackage, buildCases, checkAgreement, explainWith } = await load();
    const pkg = await loadPackage();
    if (pkg instanceof Error) throw new Error(`${pkg.message}; ${SETUP}`);
    const items = generate({ count: 2500, seed });
    const { cases } = buildCases({ pkg, schemaSource: 'bench' });
    assert.ok(cases.some((c) => c.id === 'pkg-bytes'));
    const result = checkAgreement(items, cases, { explain: explainWith(pkg.mod.validateEvent) });
    assert.ok(result.ok, result.report);
  });
}
