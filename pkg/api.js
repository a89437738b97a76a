// The public API over the module's raw exports (src/wasm/mod.rs): argument
// checks (a bad order, options or body type is a TypeError), the fast path for
// objects, and results as plain objects. Every rule lives in the module; what
// this file needs of the rule table (service types, limit names) it reads from
// the module's catalogue, and how results cross from the module it reads
// from the wire definition (src/wire.rs), both in the package data.
//
// This file is ES module source; scripts/build.sh writes a CommonJS copy for
// Node's `require` (pkg/dist/node/api.js).

/** Thrown by `buildEvent` when the event it built is invalid. */
class EventValidationError extends Error {
  constructor(result) {
    const lines = result.errors.map((i) => `  ${i.path || '(event)'}: ${i.message} (${i.code})`);
    super(`The event is invalid:\n${lines.join('\n')}`);
    this.name = 'EventValidationError';
    this.errors = result.errors;
    this.warnings = result.warnings;
  }
}

/** Describes a value in a TypeError message. */
function describe(value) {
  if (value === null) return 'null';
  if (isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** `Array.isArray`, which throws for a revoked Proxy: that is no array. */
function isArray(value) {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** Whether `value` is a readable non-array object (a revoked Proxy is not). */
function isObject(value) {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * Reads a caller's argument: a getter or Proxy trap that throws makes the
 * argument unusable, which is a TypeError like any other bad argument.
 */
function read(what, get) {
  try {
    return get();
  } catch (e) {
    throw new TypeError(`${what} cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

// For runtimes without isWellFormed and toWellFormed (which lack regex
// lookbehind too): a pair, or a surrogate alone, which becomes U+FFFD.
const SURROGATES = /[\ud800-\udbff][\udc00-\udfff]|([\ud800-\udfff])/g;
const replaceLone = (s) => s.replace(SURROGATES, (pair, lone) => (lone === undefined ? pair : '\ufffd'));
const wellFormed =
  typeof String.prototype.isWellFormed === 'function' ? (s) => s.isWellFormed() : (s) => replaceLone(s) === s;
const toWellFormed = typeof String.prototype.toWellFormed === 'function' ? (s) => s.toWellFormed() : replaceLone;

/**
 * A tape buffer up to this size is kept for the next value: allocating one
 * (fresh pages, zeroed) costs more than writing a large value's tape.
 * Larger ones (a value far past the default limits) are one-offs.
 */
const KEPT_TAPE_BYTES = 4 << 20;

/** A tape's header: its tokens' length and where its text starts (src/tape.rs). */
const TAPE_HEADER = 8;

/**
 * The room a tape is written in, in place in the module's input buffer:
 * the tokens in its first half, the text in its second. A value whose tape
 * outgrows either (far larger than an event) is written on in the writer's
 * own buffers and copied in.
 */
const TAPE_ROOM = 64 << 10;

/**
 * Strings from this length are encoded on their own: joined to the short
 * ones, `encodeInto` would copy them once more (V8 flattens the joined
 * string first).
 */
const LONG_TEXT = 256;

/**
 * Strings shorter than this are copied a character at a time when they can
 * be (see `string`); longer ones too while the text is within SMALL_TEXT.
 */
const SHORT_TEXT = 32;

/**
 * A value's first this many bytes of text are copied a character at a time
 * whatever the length of a string below LONG_TEXT: for a small event (its
 * notes included) that is cheaper than the `encodeInto` call at the end;
 * for a large value, one call for all of its text is the cheaper.
 */
const SMALL_TEXT = 1024;

/**
 * The writer of tapes (src/tape.rs, whose tags `tags` are, `foreign`
 * the kinds of values JSON cannot carry, `knownKeys` the keys written
 * by index, `textKeys`, by index, whether the walk reads the text of a
 * string that is that key's value in the event, and `knownValues` the
 * strings written by index where it does): `write(value, limits)` walks a
 * value once, as the careful walk of the module would see it, and writes
 * its tokens into `bytes` as it goes: plain objects and arrays, strings,
 * numbers (NaN too), booleans and null, and what JSON cannot carry
 * (functions, symbols, BigInts, undefined items, objects of a class,
 * strings with a lone surrogate), which the module reports. What the
 * module will not look into is not written: the items of an array past
 * `maxArrayItems`, a container nested past `maxDepth`, the text of a
 * string the module only measures. The text of the keys and strings goes into `text`,
 * after the tokens: short strings are joined as they come (V8 joins
 * strings without copying them) and encoded together, one call of
 * `encodeInto` instead of one per string. The tape is written in place,
 * in the module's input buffer, so that nothing is copied for a value of
 * the usual size. It returns the tape's length, or -1 for anything else (cycles,
 * symbol keys, a getter or Proxy trap that throws…), which takes
 * the careful path and is reported there precisely. Measured against the
 * walk, `JSON.stringify`, `TextEncoder` and the module's JSON parser it
 * replaced, the tape is the cheaper by far: nothing is escaped, printed or
 * parsed.
 */
function tapeWriter(tags, foreign, knownKeys, textKeys, knownValues) {
  // The tokens: the tape starts at `base` of `bytes` (its header first),
  // written up to `at`, with room up to `end`.
  let bytes;
  let view;
  let base = 0;
  let at = 0;
  let end = 0;
  // The text: from `textBase` of `text`, encoded up to `textAt`, with room
  // up to `textEnd`; `texts` joins the short strings since.
  let text;
  let textBase = 0;
  let textAt = 0;
  let textEnd = 0;
  let texts = '';
  // Whether `bytes` and `text` are the module's memory (the tape written in
  // place), or the writer's own buffers, kept from value to value.
  let direct = false;
  let ownBytes;
  let ownText;
  let limits;
  // The containers being written, outermost first (at most maxDepth + 1 of them).
  const open = [];
  // Keys as the walk counts them; past maxKeys it skims: it reads on only
  // for the event's name, so nothing else is written.
  let keys = 0;
  let skimming = false;
  // A getter that calls validateEvent while a tape is being written gets the careful path.
  let busy = false;
  const {
    string: STRING,
    key: KEY,
    number: NUMBER,
    integer: INTEGER,
    foreign: FOREIGN,
    knownKey: KNOWN_KEY,
    measuredString: MEASURED,
    knownString: KNOWN_STRING,
  } = tags;
  // The event's name and the fields of the rule table, by their index on the
  // tape (src/tape.rs): a known key is two bytes, no text to copy or find.
  const known = new Map(knownKeys.map((key, index) => [key, index]));
  // The names a string the walk reads most often is (an event's, an enum's value), by their index.
  const values = new Map(knownValues.map((value, index) => [value, index]));

  /** Makes room for `more` bytes at `at` (what is written before `at` is kept). */
  function grow(more) {
    if (direct) return spill(more, 0);
    const bigger = new Uint8Array(Math.max(bytes.length * 2, at + more));
    bigger.set(bytes.subarray(0, at));
    ownBytes = bytes = bigger;
    view = new DataView(bigger.buffer);
    end = bigger.length;
  }

  /**
   * Moves what was written in the module's memory to the writer's own
   * buffers, with room for `more` bytes of tokens and `moreText` of text:
   * a value whose tape outgrows its room, or a getter that calls the API
   * (`leave`).
   */
  function spill(more, moreText) {
    const tokens = at - base;
    const written = textAt - textBase;
    if (ownBytes === undefined || ownBytes.length < tokens + more) {
      ownBytes = new Uint8Array(Math.max(4096, tokens * 2, tokens + more));
    }
    if (ownText === undefined || ownText.length < written + moreText) {
      ownText = new Uint8Array(Math.max(4096, written * 2, written + moreText));
    }
    ownBytes.set(bytes.subarray(base, at));
    ownText.set(text.subarray(textBase, textAt));
    direct = false;
    bytes = ownBytes;
    view = new DataView(ownBytes.buffer);
    [base, at, end] = [0, tokens, ownBytes.length];
    text = ownText;
    [textBase, textAt, textEnd] = [0, written, ownText.length];
  }

  /**
   * A key's or a string's tag and UTF-16 length, and its text; false for a
   * string with a lone surrogate, unless it is `lossy` (a key, a class's
   * name: U+FFFD for it, as the careful walk reads those). An ASCII string
   * while nothing waits in `texts` is copied a character at a time when it
   * is short, or while the text is small (SMALL_TEXT): cheaper than joining
   * it and a call out. The buffer and the position are read into locals
   * first: the loop's store into `text` would otherwise reload both from
   * the closure at every character.
   */
  function string(tag, s, lossy) {
    const n = s.length;
    if (texts.length === 0 && (n < SHORT_TEXT || (n < LONG_TEXT && textAt - textBase + n <= SMALL_TEXT))) {
      if (textAt + n > textEnd) textRoom(n);
      const into = text;
      const start = textAt;
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        into[start + i] = c;
      }
      if (i === n) {
        textAt += n;
        token(tag, n);
        return true;
      }
    }
    // Two halves of a pair that met in `texts` would make one character of two strings.
    if (!wellFormed(s)) {
      if (!lossy) return false;
      s = toWellFormed(s); // as long
    }
    token(tag, n);
    if (n < LONG_TEXT) {
      texts += s;
    } else {
      encode();
      texts = s;
      encode();
    }
    return true;
  }

  /** A key's or a string's tag and UTF-16 length. */
  function token(tag, n) {
    if (at + 5 > end) grow(5);
    bytes[at] = tag;
    view.setUint32(at + 1, n, true);
    at += 5;
  }

  /** Encodes `texts` at `textAt`. */
  function encode() {
    const n = texts.length;
    if (n === 0) return;
    textRoom(n); // a byte per UTF-16 unit: ASCII
    let { read, written } = encoder.encodeInto(texts, text.subarray(textAt, textEnd));
    if (read < n) {
      // Not ASCII after all: room for the most UTF-8 can take, and again.
      textRoom(n * 3);
      written = encoder.encodeInto(texts, text.subarray(textAt, textEnd)).written;
    }
    textAt += written;
    texts = '';
  }

  /** Makes room for `more` bytes of text at `textAt`. */
  function textRoom(more) {
    if (textAt + more <= textEnd) return;
    if (direct) return spill(0, more);
    const bigger = new Uint8Array(Math.max(text.length * 2, textAt + more));
    bigger.set(text.subarray(0, textAt));
    ownText = text = bigger;
    textEnd = bigger.length;
  }

  function number(v) {
    if (at + 9 > end) grow(9);
    // Most numbers are small integers: 5 bytes instead of 9 (-0 is written as 0, as JSON says it).
    if ((v | 0) === v) {
      bytes[at] = INTEGER;
      view.setInt32(at + 1, v, true);
      at += 5;
    } else {
      bytes[at] = NUMBER;
      view.setFloat64(at + 1, v, true);
      at += 9;
    }
  }

  /** A known key's or a known value's tag and index. */
  function indexed(tag, index) {
    if (at + 2 > end) grow(2);
    bytes[at] = tag;
    bytes[at + 1] = index;
    at += 2;
  }

  /** The tag of a value JSON cannot carry, and what it is (`foreign`). */
  function other(kind) {
    if (at + 2 > end) grow(2);
    bytes[at] = FOREIGN;
    bytes[at + 1] = kind;
    at += 2;
  }

  /**
   * `value` at `depth`, or an array's item (`undefined` is an item too);
   * `read` if the walk reads the text of a string here (src/tape.rs,
   * `measured`): else one within maxStringLength goes by its length alone,
   * no text copied.
   */
  function value(v, depth, item, read) {
    switch (typeof v) {
      case 'string':
        if (!read) {
          if (v.length <= limits.maxStringLength && wellFormed(v)) token(MEASURED, v.length);
          else if (!string(STRING, v, false)) other(foreign.loneSurrogate);
        } else {
          const index = values.get(v);
          if (index !== undefined) indexed(KNOWN_STRING, index);
          else if (!string(STRING, v, false)) other(foreign.loneSurrogate);
        }
        return true;
      case 'number':
        number(v);
        return true;
      case 'boolean':
        if (at + 1 > end) grow(1);
        bytes[at++] = v ? tags.true : tags.false;
        return true;
      case 'object':
        break;
      case 'function':
        other(foreign.function);
        return true;
      case 'symbol':
        other(foreign.symbol);
        return true;
      case 'bigint':
        other(foreign.bigint);
        return true;
      case 'undefined':
        other(item ? foreign.undefinedItem : foreign.undefined);
        return true;
      default:
        return false;
    }
    if (at + 1 > end) grow(1);
    if (v === null) {
      bytes[at++] = tags.null;
      return true;
    }
    const isArray = Array.isArray(v);
    const proto = isArray ? undefined : Object.getPrototypeOf(v);
    if (!isArray && proto !== Object.prototype && proto !== null && Object.getPrototypeOf(proto) !== null) {
      // An object of a class (a Date, a Map…): said by its class's name, as the careful walk says it.
      const constructor = proto.constructor;
      const name = constructor === undefined || constructor === null ? undefined : constructor.name;
      if (typeof name === 'string' && name !== '') {
        other(foreign.classObject);
        string(STRING, name, true);
      } else other(foreign.customPrototype);
      return true;
    }
    // An array's length is read first, as the careful walk reads it. Not a
    // whole uint32 (only a Proxy's can be anything else): the careful path.
    const length = isArray ? v.length : 0;
    if (length >>> 0 !== length) return false;
    // A container inside itself: the careful walk names the cycle.
    if (open.includes(v)) return false;
    // The walk counts the top-level members' values as depth 1.
    if (depth - 1 > limits.maxDepth) {
      // Reported and not looked into: empty says as much.
      if (at + 2 > end) grow(2);
      bytes[at++] = isArray ? tags.arrayStart : tags.objectStart;
      bytes[at++] = isArray ? tags.arrayEnd : tags.objectEnd;
      return true;
    }
    if (isArray) {
      // The walk reads one item past maxArrayItems (any will do: it is skipped), then the end.
      const n = Math.min(length, limits.maxArrayItems);
      bytes[at++] = tags.arrayStart;
      open.push(v);
      for (let i = 0; i < n; i++) {
        const item = v[i];
        if (typeof item === 'number') {
          number(item);
        } else {
          if (!value(item, depth + 1, true, false)) return false;
          // Only a container's keys start skimming; then the walk skips the rest.
          if (skimming) break;
        }
      }
      open.pop();
      if (at + 2 > end) grow(2);
      if (length > n && !skimming) bytes[at++] = tags.null;
      bytes[at++] = tags.arrayEnd;
      return true;
    }
    if (Object.getOwnPropertySymbols(v).length > 0) return false;
    const names = Object.keys(v);
    bytes[at++] = tags.objectStart;
    open.push(v);
    for (let i = 0; i < names.length; i++) {
      // Skimming, the walk skips what is left of every container but the event's members.
      if (skimming && depth > 1) break;
      const name = names[i];
      const item = v[name];
      // `undefined` counts as absent, as in JSON.stringify.
      if (item === undefined) continue;
      const index = known.get(name);
      if (index === undefined) string(KEY, name, true);
      else indexed(KNOWN_KEY, index);
      keys += 1;
      if (keys > limits.maxKeys) skimming = true;
      // What the walk does not look into (any value will do: it is skipped): the value of a
      // key once skimming or over maxStringLength; but the event's name it always reads.
      // (The length in units is a cheap first test: a key has no more characters than units.)
      const skipped =
        (skimming || (name.length > limits.maxStringLength && overLong(name))) && !(depth === 1 && name === 'event');
      if (skipped) {
        if (at + 1 > end) grow(1);
        bytes[at++] = tags.null;
      } else if (!value(item, depth + 1, false, depth === 1 && index !== undefined && textKeys[index])) return false;
    }
    open.pop();
    if (at + 1 > end) grow(1);
    bytes[at++] = tags.objectEnd;
    return true;
  }

  /**
   * Whether the walk finds `key` over maxStringLength: it counts characters,
   * not UTF-16 units (a lone surrogate, U+FFFD on the tape, is one).
   */
  function overLong(key) {
    let chars = key.length;
    for (let i = 0; i + 1 < key.length; i++) {
      const c = key.charCodeAt(i);
      const next = key.charCodeAt(i + 1);
      if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        chars -= 1; // a pair
        i += 1;
      }
    }
    return chars > limits.maxStringLength;
  }

  /**
   * The text encoded, then the header: the tokens' length, and where the
   * text starts (in place: where it was written; in the writer's own
   * buffers: right after the tokens, where `copy` puts it). The tape's length.
   */
  function finish() {
    encode(); // first: it may spill
    const tokens = at - base;
    view.setUint32(base, tokens - TAPE_HEADER, true);
    view.setUint32(base + 4, direct ? textBase - base : tokens, true);
    return direct ? textAt - base : tokens + textAt;
  }

  /**
   * Writes the tape of `root` in place: from `address` of the module's
   * `memory` (`memoryView` a DataView of it), in `room` bytes there, the
   * tokens in the first half and the text in the second; a value whose
   * tape outgrows either goes on in the writer's own buffers (then
   * `spilled()`, and `copy` puts it in module memory).
   */
  function write(root, limitsNow, memory, memoryView, address, room) {
    if (busy) return -1;
    if (ownBytes !== undefined && ownBytes.length > KEPT_TAPE_BYTES) ownBytes = undefined;
    if (ownText !== undefined && ownText.length > KEPT_TAPE_BYTES) ownText = undefined;
    direct = true;
    bytes = memory;
    view = memoryView;
    base = address;
    at = address + TAPE_HEADER;
    end = address + (room >>> 1);
    text = memory;
    textBase = end;
    textAt = end;
    textEnd = address + room;
    texts = '';
    if (open.length > 0) open.length = 0;
    keys = 0;
    skimming = false;
    limits = limitsNow;
    busy = true;
    try {
      return value(root, 1, false, false) ? finish() : -1;
    } catch {
      return -1; // a getter or Proxy trap threw (the stack ran out, or the text passed a string's largest length): the careful path reports it
    } finally {
      texts = '';
      if (open.length > 0) open.length = 0; // no caller's value is kept
      bytes = text = view = undefined; // nor the module's memory
      busy = false;
    }
  }

  /**
   * Moves a tape being written in place to the writer's own buffers: a
   * getter is about to call into the module, which may write over the
   * input buffer, grow the memory or replace the instance.
   */
  function leave() {
    if (busy && direct) spill(0, 0);
  }

  /** Whether the tape just written is in the writer's own buffers, not in place. */
  function spilled() {
    return !direct;
  }

  /** Copies the tape just written in the writer's own buffers to `address` of `memory`. */
  function copy(memory, address) {
    memory.set(ownBytes.subarray(0, at), address);
    memory.set(ownText.subarray(0, textAt), address + at);
  }
  return { write, leave, spilled, copy };
}

/**
 * The reader of a check's issues, for the layout `wire` defines
 * (src/wire.rs), read in place in the module's memory: a header (where the
 * text is, how many errors and warnings), a record of numbers per issue
 * (its code, the UTF-16 start and length of each text field, its
 * location), and the text the issues were written into, decoded once and
 * cut by the numbers.
 */
function issueReader(wire) {
  const { codes, textFields, location, absent, headerWords, recordWords } = wire;
  // Each field is set by name, in a statement of its own: a loop over the
  // names from the wire makes V8's stores megamorphic.
  // A layout that no longer matches fails at load, never in a result.
  if (
    `${textFields}` !== 'path,message,expected,received,suggestion' ||
    `${location}` !== 'line,column,offset,length' ||
    recordWords !== 1 + 2 * textFields.length + 1 + location.length
  ) {
    throw new Error('servicer-events: the issue layout (src/wire.rs) changed: update readIssues in api.js');
  }
  // Made at the first issue: a valid event (the first call at a cold start) needs none.
  let decoder;
  /** The errors and the warnings whose header is at `address`. */
  return function readIssues(words, bytes, address) {
    const header = address >>> 2;
    const start = words[header];
    decoder ??= new TextDecoder();
    const text = decoder.decode(bytes.subarray(start, start + words[header + 1]));
    let at = header + headerWords;
    const groups = [];
    for (let group = 0; group < 2; group++) {
      const list = new Array(words[header + 2 + group]);
      for (let n = 0; n < list.length; n++, at += recordWords) {
        let from = words[at + 1];
        const path = text.slice(from, from + words[at + 2]);
        from = words[at + 3];
        const issue = { code: codes[words[at]], path, message: text.slice(from, from + words[at + 4]) };
        let length = words[at + 6];
        if (length !== absent) issue.expected = text.slice((from = words[at + 5]), from + length);
        length = words[at + 8];
        if (length !== absent) issue.received = text.slice((from = words[at + 7]), from + length);
        length = words[at + 10];
        if (length !== absent) issue.suggestion = text.slice((from = words[at + 9]), from + length);
        if (words[at + 11] === 1) {
          issue.location = { line: words[at + 12], column: words[at + 13], offset: words[at + 14], length: words[at + 15] };
        }
        list[n] = issue;
      }
      groups.push(list);
    }
    return groups;
  };
}

/**
 * The reads the module makes of a caller's value on the careful path
 * (src/wasm/readers.rs). None of them ever throws: a failed read returns the
 * marker, because an exception caught at the module's boundary would cost a
 * slot of wasm-bindgen's externref table that is never given back.
 */
const MARKER = Symbol('servicer-events: the read threw');
/** The result of `read()`, or the marker if it throws. */
function attempt(read) {
  try {
    return read();
  } catch {
    return MARKER;
  }
}
const readers = {
  isMarker: (value) => value === MARKER,
  get: (object, key) => attempt(() => object[key]),
  keys: (object) => attempt(() => Object.keys(object)),
  symbols: (object) => attempt(() => Object.getOwnPropertySymbols(object)),
  proto: (object) => attempt(() => Object.getPrototypeOf(object)),
  time: (value) => attempt(() => Date.prototype.getTime.call(value)),
  items: (value) => attempt(() => Array.from(value)),
  // 1 or 0; 2 when it throws (a revoked Proxy).
  isArray(value) {
    try {
      return Array.isArray(value) ? 1 : 0;
    } catch {
      return 2;
    }
  },
};

/**
 * A copy of `event` with `fixes` (issues that carry a suggestion) applied, and
 * the fixes applied; undefined when the event cannot be read (the validator
 * has said why). A suggestion replaces what the issue's path names: the event
 * name, a field's name (a `possible_typo` of a key), a timestamp in seconds
 * (also an item of a timestamp array), an enum value.
 */
function applyFixes(event, fixes) {
  if (!isObject(event)) return undefined;
  const edits = { renames: new Map(), values: new Map(), items: new Map() };
  const applied = [];
  for (const issue of fixes) {
    const [key, index, ...deeper] = pointerSegments(issue.path);
    if (key === undefined || deeper.length > 0) continue;
    let value;
    if (issue.code === 'timestamp_in_seconds') value = Number(issue.suggestion);
    else if (issue.code === 'invalid_enum_value' || (issue.code === 'possible_typo' && key === 'event')) value = issue.suggestion;
    if (value === undefined) {
      if (issue.code !== 'possible_typo' || index !== undefined) continue;
      edits.renames.set(key, issue.suggestion);
    } else if (index === undefined) {
      edits.values.set(key, value);
    } else {
      if (!edits.items.has(key)) edits.items.set(key, new Map());
      edits.items.get(key).set(Number(index), value);
    }
    applied.push(issue);
  }
  const copy = attempt(() => copyObject(event, edits));
  if (copy === MARKER) return undefined;
  return { event: copy.event, applied: applied.filter((issue) => !copy.skipped.has(issue.path)) };
}

/**
 * A copy of an object in its own key order with `edits` made: keys renamed,
 * values replaced, array items replaced (in a copy of the array). A rename onto
 * a key that is taken (by a field or an earlier rename) is not made; `skipped`
 * holds its path. Keys are defined, not assigned, so `__proto__` stays a key.
 */
function copyObject(source, { renames, values, items } = NO_EDITS) {
  const event = {};
  const skipped = new Set();
  const keys = Object.keys(source);
  const taken = new Set(keys.filter((k) => !renames.has(k)));
  for (const key of keys) {
    let name = key;
    if (renames.has(key)) {
      const to = renames.get(key);
      if (taken.has(to)) skipped.add(`/${escapePointer(key)}`);
      else name = to;
      taken.add(name);
    }
    let value = values.has(key) ? values.get(key) : source[key];
    if (items.has(key) && Array.isArray(value)) {
      value = value.slice();
      for (const [i, item] of items.get(key)) value[i] = item;
    }
    Object.defineProperty(event, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return { event, skipped };
}
const NO_EDITS = { renames: new Map(), values: new Map(), items: new Map() };

/** RFC 6901: the unescaped segments of a JSON Pointer. */
function pointerSegments(path) {
  if (path === '') return [];
  return path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** RFC 6901: one segment, escaped. */
function escapePointer(segment) {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

const encoder = new TextEncoder();
let scratch = new Uint8Array(4096);

/**
 * Strings whose UTF-8 may take up to this many bytes are encoded straight
 * into the module's input buffer (reserved at 3 bytes per UTF-16 unit, the
 * most UTF-8 can take); longer ones are encoded here first, so the module
 * is asked for only the bytes they really take.
 */
const DIRECT_ROOM = 64 << 10;

/**
 * The UTF-8 bytes of `text`, in a buffer reused from call to call (the module
 * copies them in at once). `encodeInto` is native and beats wasm-bindgen's
 * character-by-character string passing.
 */
function utf8(text) {
  const room = text.length * 3; // UTF-8 bytes per UTF-16 unit, at most
  if (room > scratch.length) {
    if (room > 1 << 20) return encoder.encode(text); // a huge one-off: not kept
    scratch = new Uint8Array(Math.max(room, scratch.length * 2));
  }
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.subarray(0, written);
}

/**
 * A body's bytes, or a TypeError. Only real views and buffers pass: a fake
 * (an object that merely inherits from Uint8Array.prototype) or a detached
 * buffer would throw inside the glue, after it had reserved module memory.
 */
function asBytes(body) {
  // A real typed array (isView checks the internal slot) of this realm.
  if (ArrayBuffer.isView(body) && body instanceof Uint8Array) return body;
  let tag;
  try {
    tag = Object.prototype.toString.call(body);
  } catch {
    tag = 'a value whose Symbol.toStringTag cannot be read';
  }
  try {
    if (ArrayBuffer.isView(body) && tag === '[object Uint8Array]') return new Uint8Array(body.buffer, body.byteOffset, body.length);
    if (tag === '[object ArrayBuffer]') return new Uint8Array(body);
  } catch {
    throw new TypeError('the body cannot be read: its buffer is detached or it is not a real Uint8Array or ArrayBuffer');
  }
  throw new TypeError(`the body must be a string, a Uint8Array or an ArrayBuffer, not ${describe(body)}`);
}

/**
 * WebAssembly memory a call may leave the instance holding beyond its own
 * start, besides three times the largest body allowed (the body's copy, the
 * result, the path and key buffers): past it, the instance is replaced, since
 * WebAssembly memory never shrinks (a Worker has 128 MB for everything).
 */
const SPARE_MEMORY = 4 << 20;

/**
 * Builds the public API over instances of the module.
 * @param {() => object} instantiate a fresh instance's raw exports, and
 *   `exports`, the instance's own (dist/glue.js, from the compiled module)
 * @param {{ catalog: string, serviceTypes: string[], limits: Record<string, number>, schemas: Record<string, string>, wire: object }} data
 *   the catalogue's text, its service types and default limits, and the JSON
 *   Schema texts by service type (`all` for either), generated from the rule
 *   table by examples/package_data.rs, and the wire layout of results (src/wire.rs)
 */
export function createApi(instantiate, data) {
  // The catalogue's text is parsed when asked for (`eventCatalog`), not at
  // import: what the calls need of it comes as values (`serviceTypes`, `limits`).
  const { catalog: catalogText, serviceTypes, limits: defaults, schemas, wire } = data;
  const readIssues = issueReader(wire);
  const { tape: TAPE, bytes: BYTES_BODY, string: STRING_BODY } = wire.textModes;
  // Made at the first `validateEvent`: an import, or a caller of
  // `validateEventJson` alone, does not pay for its buffers.
  let tape;
  /** How an order crosses as bits (src/wire.rs). */
  const ORDER = wire.order;
  const limitNames = Object.keys(defaults); // the order the module reads values in

  let raw = instantiate();
  let instances = 1;
  /** What checkTape returns for a value the careful path checks. */
  const CAREFUL = {};
  const memoryOf = (instance) => instance.exports.memory.buffer.byteLength;
  const startMemory = memoryOf(raw);

  /**
   * Runs `call` with the instance (and `arg`, `bits`, `o` and `mode`, its
   * arguments, passed on so that no closure is made per call). A call that throws out of the module (a
   * RuntimeError: a trap; or an exception that crossed its frames, which
   * skips their epilogues) leaves it in an unknown state: it is replaced and
   * the call made once more on the fresh one. A call that left the memory
   * over its ceiling also gets a fresh instance, for the next call.
   * `mayThrow` names errors the call throws by design (buildEvent's TypeErrors).
   */
  function guarded(call, arg, bits, o, mode, mayThrow = false) {
    // A getter calling the API while a tape is written in place: the tape
    // leaves the module's memory before this call can change it.
    if (tape !== undefined) tape.leave();
    let out;
    try {
      out = call(raw, arg, bits, o, mode);
    } catch (e) {
      if (mayThrow && e instanceof TypeError) throw e;
      replace();
      try {
        out = call(raw, arg, bits, o, mode);
      } catch (again) {
        if (!(mayThrow && again instanceof TypeError)) replace();
        throw again;
      }
    }
    const ceiling = startMemory + 3 * Math.max(o.limits.maxBodyBytes, defaults.maxBodyBytes) + SPARE_MEMORY;
    // The view's length is the memory's size, unless the memory grew since
    // it was taken (which detaches it: length 0): no read of the buffer per call.
    if ((memory.length === 0 ? memoryOf(raw) : memory.length) > ceiling) replace();
    return out;
  }

  function replace() {
    raw = instantiate();
    instances += 1;
    memory = EMPTY;
  }

  // Views of the instance's memory, kept while the memory does not grow
  // (growing detaches them: their length drops to 0), as wasm-bindgen's glue does.
  const EMPTY = new Uint8Array(0);
  let memory = EMPTY;
  let words = new Uint32Array(0);
  let memoryView;

  /** The memory's views, taken again if it grew. */
  function refresh() {
    if (memory.length === 0) {
      memory = new Uint8Array(raw.exports.memory.buffer);
      words = new Uint32Array(memory.buffer);
      memoryView = new DataView(memory.buffer);
    }
  }

  /**
   * Writes JSON text (a string, or UTF-8 bytes) into the input buffer of
   * the instance (src/wasm/input.rs) and returns its length in bytes: a call
   * allocates nothing in the module, and a string is encoded only once.
   */
  function writeInput(text) {
    const direct = typeof text === 'string' && text.length * 3 <= DIRECT_ROOM;
    const bytes = direct ? undefined : typeof text === 'string' ? utf8(text) : text;
    const room = direct ? text.length * 3 : bytes.length;
    const at = raw.reserveInput(room);
    refresh();
    if (direct) return encoder.encodeInto(text, memory.subarray(at, at + room)).written;
    memory.set(bytes, at);
    return room;
  }

  /** The order as bits, in the layout of `wire.order` (src/wire.rs). */
  function encodeOrder(order) {
    if (order === undefined || order === null) return 0;
    if (!isObject(order)) {
      throw new TypeError(
        `order must be an object like { serviceType: '${serviceTypes[0]}', accepted: true, closed: false }, not ${describe(order)}`,
      );
    }
    const { serviceType, accepted, closed } = read('order', () => ({
      serviceType: order.serviceType,
      accepted: order.accepted,
      closed: order.closed,
    }));
    const type = serviceTypes.indexOf(serviceType);
    if (type < 0) {
      throw new TypeError(
        `order.serviceType must be ${serviceTypes.map((t) => `'${t}'`).join(' or ')}, not ${describe(serviceType)}`,
      );
    }
    return (
      (type + 1) |
      (flag(accepted, 'order.accepted') << ORDER.acceptedShift) |
      (flag(closed, 'order.closed') << ORDER.closedShift)
    );
  }

  /** A flag's bits: its position in the wire's list (absent, false, true). */
  function flag(value, what) {
    if (value !== undefined && typeof value !== 'boolean') {
      throw new TypeError(`${what} must be true or false, not ${describe(value)}`);
    }
    return ORDER.flag.indexOf(value === undefined ? null : value);
  }

  const noOptions = { strict: false, values: undefined, limits: defaults };

  function decodeOptions(options) {
    if (options === undefined || options === null) return noOptions;
    if (!isObject(options)) {
      throw new TypeError(`options must be an object like { strict: true, limits: { maxDepth: 8 } }, not ${describe(options)}`);
    }
    const { keys, strict: givenStrict, limits: given } = read('options', () => ({
      keys: Object.keys(options),
      strict: options.strict,
      limits: options.limits,
    }));
    for (const key of keys) {
      if (key !== 'strict' && key !== 'limits') {
        throw new TypeError(`options.${key} is not an option: the options are strict and limits`);
      }
    }
    const strict = givenStrict === undefined ? false : givenStrict;
    if (typeof strict !== 'boolean') throw new TypeError(`options.strict must be true or false, not ${describe(strict)}`);
    if (given === undefined || given === null) return { strict, values: undefined, limits: defaults };
    if (!isObject(given)) throw new TypeError(`options.limits must be an object, not ${describe(given)}`);
    const limits = { ...defaults };
    const entries = read('options.limits', () => Object.keys(given).map((key) => [key, given[key]]));
    for (const [key, value] of entries) {
      if (!Object.hasOwn(defaults, key)) {
        throw new TypeError(`options.limits.${key} is not a limit: the limits are ${limitNames.join(', ')}`);
      }
      if (value === undefined) continue;
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new TypeError(`options.limits.${key} must be a non-negative integer, not ${describe(value)}`);
      }
      limits[key] = value;
    }
    return { strict, values: new Float64Array(limitNames.map((name) => limits[name])), limits };
  }

  /** The result of a check whose code `instance` returned. */
  function result(instance, code) {
    const kind = wire.kinds[code & wire.kindMask];
    if ((code & wire.hasIssues) === 0) return { valid: true, kind, errors: [], warnings: [] };
    const address = instance.issues();
    refresh();
    const [errors, warnings] = readIssues(words, memory, address);
    return { valid: errors.length === 0, kind, errors, warnings };
  }

  /**
   * Writes the tape of `event` into the input buffer of the instance
   * (src/wasm/input.rs) and checks it; CAREFUL when the tape cannot carry
   * the value (the careful path then).
   */
  function checkTape(m, event, bits, o) {
    const address = m.reserveInput(TAPE_ROOM);
    refresh();
    const length = tape.write(event, o.limits, memory, memoryView, address, TAPE_ROOM);
    if (length < 0) return CAREFUL;
    // In the writer's own buffers (a value larger than the room, or a getter
    // that called the API meanwhile, which may have replaced the instance):
    // copied into the current instance.
    if (tape.spilled()) {
      const at = raw.reserveInput(length);
      refresh();
      tape.copy(memory, at);
    }
    return result(raw, raw.checkInput(length, TAPE, bits, o.strict, o.values));
  }

  // The checks `guarded` runs, with what each needs as arguments.
  const checkCareful = (m, event, bits, o) => result(m, m.checkValue(event, readers, bits, o.strict, o.values));
  const checkOversized = (m, length, bits, o) => result(m, m.checkOversized(length, bits, o.strict, o.values));
  function checkBody(m, text, bits, o, mode) {
    const length = writeInput(text);
    if (length > o.limits.maxBodyBytes) return checkOversized(m, length, bits, o);
    return result(m, m.checkInput(length, mode, bits, o.strict, o.values));
  }

  function validateEvent(event, order, options) {
    const bits = encodeOrder(order);
    const o = decodeOptions(options);
    // Not only objects: an array or a string is plain data too, reported
    // (not_an_object) from its tape as from the careful walk.
    tape ??= tapeWriter(wire.tapeTags, wire.tapeForeign, wire.tapeKeys, wire.tapeTextKeys, wire.tapeValues);
    const out = guarded(checkTape, event, bits, o);
    return out === CAREFUL ? guarded(checkCareful, event, bits, o) : out;
  }

  function validateEventJson(body, order, options) {
    const bits = encodeOrder(order);
    const o = decodeOptions(options);
    const text = typeof body === 'string' ? body : asBytes(body);
    const mode = typeof body === 'string' ? STRING_BODY : BYTES_BODY;
    // UTF-8 takes at least a byte per UTF-16 unit: a longer string is over the
    // limit, and is not encoded at all.
    if (text.length > o.limits.maxBodyBytes) return guarded(checkOversized, text.length, bits, o);
    return guarded(checkBody, text, bits, o, mode);
  }

  function buildEvent(name, fields, order, options) {
    if (typeof name !== 'string') throw new TypeError(`buildEvent: the event name must be a string, not ${describe(name)}`);
    if (fields !== undefined && fields !== null && !isObject(fields)) {
      throw new TypeError(`buildEvent: fields must be an object, not ${describe(fields)}`);
    }
    encodeOrder(order);
    const o = decodeOptions(options);
    const event = guarded((m) => m.assembleEvent(name, fields, readers), undefined, 0, o, 0, true);
    const checked = validateEvent(event, order, options);
    if (!checked.valid) throw new EventValidationError(checked);
    return event;
  }

  /**
   * The event with every issue that has a `suggestion` fixed, and those issues.
   * A fix can reveal another (a renamed field's value in seconds), so the copy
   * is checked again until nothing more applies; each round only renames keys
   * or replaces values, so two rounds suffice and three bound it.
   */
  function fixEvent(event, order, options) {
    let fixed;
    const applied = [];
    for (let round = 0; round < 3; round++) {
      const { errors, warnings } = validateEvent(fixed ?? event, order, options);
      const fixes = [...errors, ...warnings].filter((issue) => issue.suggestion !== undefined);
      const next = fixes.length === 0 ? undefined : applyFixes(fixed ?? event, fixes);
      if (next === undefined || next.applied.length === 0) break;
      fixed = next.event;
      applied.push(...next.applied);
    }
    if (fixed === undefined && isObject(event)) {
      // Nothing to fix: still a copy, so the caller may change it freely.
      const copy = attempt(() => copyObject(event).event);
      if (copy !== MARKER) fixed = copy;
    }
    return { event: fixed ?? event, applied };
  }

  function eventCatalog() {
    return JSON.parse(catalogText);
  }

  function eventJsonSchema(serviceType) {
    if (serviceType !== undefined && serviceType !== null && !serviceTypes.includes(serviceType)) {
      throw new TypeError(
        `serviceType must be ${serviceTypes.map((t) => `'${t}'`).join(' or ')} (or nothing, for both), not ${describe(serviceType)}`,
      );
    }
    return JSON.parse(schemas[serviceType ?? 'all']);
  }

  // For the hostile suite (tests/hostile/instance.test.mjs), which must
  // force a trap to prove the module recovers; not part of the API.
  Object.defineProperty(validateEvent, Symbol.for('servicer-events.instance'), {
    value: Object.freeze({
      exports: () => raw.exports,
      instances: () => instances,
      memoryBytes: () => memoryOf(raw),
    }),
  });

  return { validateEvent, validateEventJson, buildEvent, fixEvent, eventCatalog, eventJsonSchema };
}
