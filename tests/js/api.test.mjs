// The JS face as SPEC.md describes it: arguments, errors, buildEvent, the catalogue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateEvent, validateEventJson, buildEvent, eventCatalog, eventJsonSchema } from 'servicer-events';

const T = 1732780800000;

test('a bad order throws a TypeError with a clear message', () => {
  for (const order of ['repair_depot', 5, [], { serviceType: 'depot' }, {}, { serviceType: 'repair_depot', accepted: 'yes' }, { serviceType: 'repair_onsite', closed: 1 }]) {
    assert.throws(() => validateEvent({ event: 'x' }, order), (e) => e instanceof TypeError && /order/.test(e.message), JSON.stringify(order));
    assert.throws(() => validateEventJson('{"event":"x"}', order), TypeError);
  }
});

test('bad options throw a TypeError; undefined and null mean none', () => {
  for (const options of [true, 'strict', { strict: 'yes' }, { limits: 5 }, { limits: { maxDepht: 3 } }, { limits: { maxDepth: -1 } }, { limits: { maxDepth: 1.5 } }, { strikt: true }]) {
    assert.throws(() => validateEvent({ event: 'x' }, undefined, options), TypeError, JSON.stringify(options));
  }
  assert.equal(validateEvent({ event: 'x' }, null, null).valid, true);
  assert.equal(validateEvent({ event: 'x' }, undefined, undefined).valid, true);
});

test('a body of the wrong type throws a TypeError', () => {
  for (const body of [undefined, null, 5, {}, [1], new DataView(new ArrayBuffer(2))]) {
    assert.throws(() => validateEventJson(body), TypeError);
  }
});

test('a bad event never throws', () => {
  for (const event of [undefined, null, 0, 'x', [], () => 1, Symbol('s'), 10n, new Date(), { event: () => 1 }]) {
    const r = validateEvent(event);
    assert.equal(r.valid, false);
    assert.ok(Array.isArray(r.errors) && r.errors.length > 0);
  }
});

test('undefined fields are absent; null ones are invalid_type with a hint to omit them', () => {
  assert.deepEqual(validateEvent({ event: 'repair_started', repairStartedAt: undefined }).errors, []);
  const [e] = validateEvent({ event: 'repair_started', repairStartedAt: null }).errors;
  assert.equal(e.code, 'invalid_type');
  assert.equal(e.received, 'null');
  assert.match(e.message, /omit/);
});

test('issues carry expected, received and suggestion', () => {
  const { errors, warnings } = validateEvent({ event: 'part_management', partManagementEventType: 'Parts_Ordered', recievedBy: 'x' });
  assert.equal(errors[0].suggestion, 'parts_ordered');
  assert.match(errors[0].expected, /parts_needed/);
  assert.equal(warnings[0].suggestion, 'receivedBy');
  const [seconds] = validateEvent({ event: 'repair_started', repairStartedAt: 1732780800 }).warnings;
  assert.equal(seconds.suggestion, '1732780800000');
});

test('buildEvent converts Dates and ISO strings, drops empty fields, puts event first', () => {
  const built = buildEvent('customer_contact', {
    notes: undefined,
    method: 'phone',
    contactTimestamp: new Date(T),
    appointmentTimestamps: ['2024-11-28T08:00:00Z', new Date(T), T],
    delayReason: null,
  });
  assert.deepEqual(Object.keys(built), ['event', 'method', 'contactTimestamp', 'appointmentTimestamps']);
  assert.deepEqual(built, { event: 'customer_contact', method: 'phone', contactTimestamp: T, appointmentTimestamps: [T, T, T] });
  assert.equal(JSON.parse(JSON.stringify(built)).contactTimestamp, T);
});

test('buildEvent throws EventValidationError carrying errors and warnings', () => {
  try {
    buildEvent('repair_eta', { isDelayed: 'yes', estimatedRepairCompletionAt: 1732780800 }, { serviceType: 'repair_depot' });
    assert.fail('no throw');
  } catch (e) {
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'EventValidationError');
    assert.deepEqual(e.errors.map((i) => i.code), ['invalid_type']);
    assert.deepEqual(e.warnings.map((i) => i.code), ['timestamp_in_seconds']);
    assert.match(e.message, /isDelayed/);
  }
  assert.throws(() => buildEvent('repair_eta', {}, { serviceType: 'repair_onsite' }), { name: 'EventValidationError' });
  assert.throws(() => buildEvent('x', { receptionDate: 'next tuesday' }), { name: 'EventValidationError' });
});

test('buildEvent keeps a __proto__ key a key, and rejects it', () => {
  const fields = JSON.parse('{"__proto__": {"polluted": true}}');
  assert.throws(() => buildEvent('x', fields), (e) => e.errors[0].code === 'forbidden_key');
  assert.equal({}.polluted, undefined);
});

test('buildEvent argument errors are TypeErrors', () => {
  assert.throws(() => buildEvent(5), TypeError);
  assert.throws(() => buildEvent('x', 'fields'), TypeError);
  assert.throws(() => buildEvent('x', { event: 'y' }), TypeError);
});

test('eventCatalog lists every event with its service type and fields, as plain data', () => {
  const c = eventCatalog();
  assert.equal(c.events.length, 11);
  assert.deepEqual(c.serviceTypes, ['repair_depot', 'repair_onsite']);
  const eta = c.events.find((e) => e.name === 'repair_eta');
  assert.equal(eta.serviceType, 'repair_depot');
  assert.deepEqual(eta.fields, ['notes', 'estimatedRepairCompletionAt', 'isDelayed', 'delayReason']);
  const method = c.fields.find((f) => f.name === 'method');
  assert.deepEqual(method.values, ['email', 'phone', 'email_and_phone']);
  assert.equal(c.limits.maxBodyBytes, 1048576);
  assert.ok(!(c instanceof Map) && JSON.parse(JSON.stringify(c)));
  c.events.length = 0; // a copy: mutating it changes nothing
  assert.equal(eventCatalog().events.length, 11);
});

test('eventJsonSchema is a 2020-12 schema, per service type or for both', () => {
  assert.equal(eventJsonSchema().$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.notDeepEqual(eventJsonSchema('repair_depot'), eventJsonSchema('repair_onsite'));
  assert.throws(() => eventJsonSchema('depot'), TypeError);
});

test('issues whose paths and messages hold control characters cross intact', () => {
  const key = 'a\x1fb\x1ac\x1ed\x1de"\\';
  const body = `{"event":"x","metadata":{${JSON.stringify(key)}:1,${JSON.stringify(key)}:2}}`;
  const { errors } = validateEventJson(body);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].code, 'duplicate_key');
  assert.equal(errors[0].path, `/metadata/${key}`);
  assert.ok(errors[0].message.includes(key));
  assert.deepEqual(Object.keys(errors[0]), ['code', 'path', 'message', 'location']);
  const { offset, length } = errors[0].location;
  assert.equal(body.slice(offset, offset + length), JSON.stringify(key));
});

test('a value over a limit is skipped without being read: no getter inside it runs', () => {
  let reads = 0;
  const inner = {
    get x() {
      reads += 1;
      return 1;
    },
  };
  const event = { event: 'x', metadata: { a: { b: inner } }, list: [1, 2, 3, { b: inner }], notes: 5 };
  const result = validateEvent(event, undefined, { limits: { maxDepth: 2, maxArrayItems: 2 } });
  assert.equal(reads, 0);
  assert.deepEqual(
    result.errors.map(({ code, path }) => ({ code, path })),
    [
      { code: 'limit_exceeded', path: '/metadata/a/b' },
      { code: 'limit_exceeded', path: '/list' },
      { code: 'invalid_type', path: '/notes' },
    ],
  );
  assert.equal(result.kind, 'other');
});

test('strings the module only measures say what their text says, at every length around the limit', () => {
  // A note, an unknown field's value and metadata cross by their length
  // alone; past maxStringLength, with their text, whose characters count
  // (an emoji is two UTF-16 units and one character). The keys stay within
  // the limit (a longer key's value is not looked into).
  const words = (r) => [...r.errors, ...r.warnings].map(({ location, ...rest }) => rest);
  for (const max of [15, 16, 17]) {
    const options = { limits: { maxStringLength: max } };
    for (let emoji = 0; emoji <= 3; emoji++) {
      for (let units = max - 2; units <= max + 2; units++) {
        const note = 'a'.repeat(units - 2 * emoji) + '😀'.repeat(emoji);
        const event = { event: 'repair_started', repairStartedAt: T, notes: note, extra: [note], metadata: { k: note } };
        const fromObject = validateEvent(event, undefined, options);
        const fromText = validateEventJson(JSON.stringify(event), undefined, options);
        assert.deepEqual(words(fromObject), words(fromText), `${JSON.stringify(note)} at ${max}`);
        const over = [...note].length > max;
        assert.equal(fromObject.errors.length, over ? 3 : 0, `${JSON.stringify(note)} at ${max}`);
      }
    }
  }
  // A lone surrogate is still one, however short.
  const lone = validateEvent({ event: 'repair_started', repairStartedAt: T, notes: 'a\ud800b' });
  assert.deepEqual(lone.errors.map((e) => [e.code, e.path]), [['not_json', '/notes']]);
  // The event's name and an enum's value are read, not measured.
  const wrong = validateEvent({ event: 'customer_contact', customerContactEventType: 'appointment_remnder', method: 'phone', contactTimestamp: T });
  assert.deepEqual(wrong.errors.map((e) => [e.code, e.received, e.suggestion]), [
    ['invalid_enum_value', 'string "appointment_remnder"', 'appointment_reminder'],
  ]);
});
