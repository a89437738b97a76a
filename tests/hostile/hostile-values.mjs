// Generators of hostile JS values, for the property and soak suites.
import fc from 'fast-check';

export const T = 1732780800000;
export const revoked = () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; };
const traps = ['get', 'has', 'ownKeys', 'getPrototypeOf', 'getOwnPropertyDescriptor', 'apply', 'construct', 'set', 'defineProperty'];
export const throwingProxy = (target = {}) => new Proxy(target, Object.fromEntries(traps.map((k) => [k, () => { throw new Error(`trap ${k}`); }])));
export const throwingGetter = () => ({ get boom() { throw new Error('getter'); } });
export const circular = () => { const m = { a: [1] }; m.a.push(m); m.self = m; return m; };
export const fakeDate = () => Object.create(Date.prototype);
export const fakeBytes = () => Object.create(Uint8Array.prototype);
export const detached = () => { const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] }); return b; };
export const throwingIterable = () => new Proxy([T], { get(t, k) { if (k === Symbol.iterator) throw new Error('iterator'); return t[k]; } });
export const throwingItem = () => Object.defineProperty([T, T], 1, { get() { throw new Error('item'); } });

// fast-check inspects the values it generates (`cloneMethod in value`), which
// a hostile value would throw at: generators yield markers, and the tests
// turn them into the real thing with `materialize`.
const MAKERS = {
  symbol: () => Symbol('s'),
  function: () => () => 1,
  date: () => new Date(T),
  regexp: () => /re/g,
  instance: () => new (class Foo { constructor() { this.a = 1; } })(),
  typedArray: () => new Uint16Array(3),
  sparse: () => [1, , 3], // eslint-disable-line no-sparse-arrays
  nullProto: () => Object.create(null),
  circular,
  throwingGetter,
  throwingProxy: () => throwingProxy(),
  throwingArrayProxy: () => throwingProxy([]),
  revoked,
  fakeDate,
  fakeBytes,
  detached,
  throwingIterable,
  throwingItem,
  frozen: () => Object.freeze({ a: Object.freeze([1]) }),
  protoKey: () => JSON.parse('{"__proto__":{"x":1}}'),
  symbolKey: () => ({ [Symbol('k')]: 1 }),
  map: () => new Map([[1, 2]]),
  deep: () => { let v = {}; for (let i = 0; i < 200; i++) v = { a: v }; return v; },
  bigString: () => 'x'.repeat(70_000),
};

/** A marker that `materialize` replaces with a hostile value. */
export class Hostile {
  constructor(kind) { this.kind = kind; }
  toString() { return `Hostile(${this.kind})`; }
}

/** One hostile leaf: something JSON cannot carry, or that throws when read. */
export const hostileLeaf = fc.oneof(
  fc.constantFrom(...Object.keys(MAKERS)).map((k) => new Hostile(k)),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, undefined, null, 2 ** 53 + 1, 8.64e15 + 1, 1.5, 1732780800),
  fc.bigInt(),
  fc.string({ unit: 'binary' }),
);

/** `v` with its markers replaced by hostile values (plain objects and arrays are copied). */
export function materialize(v) {
  if (v instanceof Hostile) return MAKERS[v.kind]();
  if (Array.isArray(v)) return v.map(materialize);
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out = {};
    for (const k of Object.keys(v)) {
      // defineProperty: a `__proto__` key stays a key.
      Object.defineProperty(out, k, { value: materialize(v[k]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return v;
}

/** Anything, with every option fast-check has for it. */
export const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true,
  stringUnit: 'binary',
  maxDepth: 4,
});

const fieldName = fc.oneof(
  fc.constantFrom('event', 'notes', 'eventDate', 'metadata', 'availabilityWindows', 'appointmentTimestamps', 'method', 'isDelayed', 'repairStartedAt', '__proto__', 'constructor', 'recievedBy', 'a/b', 'm~n', ''),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const value = fc.oneof(hostileLeaf, anything);
const name = fc.oneof(fc.constantFrom('repair_started', 'batched', 'resolved', 'repair_complete', 'x', ''), value);

/** Mostly event-like objects whose fields are hostile; sometimes anything at all. */
export const hostileEvent = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(name, fc.dictionary(fieldName, value, { maxKeys: 6 })).map(([event, fields]) => Object.assign({ event }, fields)) },
  { weight: 1, arbitrary: fc.tuple(name, fc.dictionary(fieldName, value, { maxKeys: 3 })).map(([event, fields]) => ({ metadata: { deep: [fields, { event }] }, event: 'x' })) },
  { weight: 1, arbitrary: value },
);

/** Orders and options: valid ones, and values that must be a TypeError. */
export const order = fc.oneof(
  fc.constantFrom(undefined, null),
  fc.record({ serviceType: fc.constantFrom('repair_depot', 'repair_onsite'), accepted: fc.option(fc.boolean(), { nil: undefined }), closed: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['serviceType'] }),
);
export const badOrder = fc.oneof(hostileLeaf, anything).filter((o) => o !== undefined && o !== null);
export const options = fc.oneof(
  fc.constantFrom(undefined, null, { strict: true }),
  fc.record({
    strict: fc.boolean(),
    limits: fc.record({
      maxBodyBytes: fc.nat(300), maxEventNameLength: fc.nat(20), maxStringLength: fc.nat(20),
      maxArrayItems: fc.nat(4), maxDepth: fc.nat(4), maxKeys: fc.nat(8),
    }, { requiredKeys: [] }),
  }, { requiredKeys: [] }),
);

/** JSON text: printed events, broken ones, random text and bytes. */
export const body = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.tuple(fc.jsonValue(), fc.nat(), fc.string({ unit: 'binary', maxLength: 4 })).map(([v, at, junk]) => {
    const s = JSON.stringify({ event: 'x', v });
    const i = at % (s.length + 1);
    return s.slice(0, i) + junk + s.slice(i + (at % 3));
  }),
  fc.string({ unit: 'binary' }),
  fc.uint8Array({ maxLength: 64 }),
  fc.uint8Array({ maxLength: 64 }).map((a) => a.buffer),
  fc.nat(3000).map((n) => '['.repeat(n)),
);
