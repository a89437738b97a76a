// When the Worker gives a body's buffer back for the next request
// (examples/worker/src/body.js `sendBody`), run on Node's web streams: a
// large body's stream gives it back only when asked for more after its one
// chunk (workerd's pump asks only once that chunk's write has completed) or
// when cancelled, and once; a small body's string gives it back at once; a
// small body read into a buffer of its own is forwarded as that buffer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sendBody } from '../../examples/worker/src/body.js';

/** A body read of `size` bytes of JSON text, counting its releases. */
function readOf(size) {
  const bytes = new Uint8Array(size + 16).subarray(0, size).fill(0x20);
  bytes[0] = 0x7b; // {
  bytes[size - 1] = 0x7d; // }
  const read = { bytes, releases: 0 };
  read.release = () => (read.releases += 1);
  return read;
}

test('a large body: its buffer goes back on the read after its one chunk, once', async () => {
  const read = readOf(1 << 20);
  const body = sendBody(read);
  assert.ok(body instanceof ReadableStream);
  assert.equal(read.releases, 0, 'not before anything is read');
  const reader = body.getReader();
  const first = await reader.read();
  assert.equal(first.done, false);
  assert.equal(first.value.byteLength, 1 << 20);
  assert.equal(first.value.buffer, read.bytes.buffer, 'the bytes themselves, not a copy');
  assert.equal(read.releases, 0, 'not while its chunk may still be being written');
  const second = await reader.read();
  assert.equal(second.done, true);
  assert.equal(read.releases, 1);
  reader.releaseLock();
  await body.cancel();
  assert.equal(read.releases, 1, 'never twice');
});

test('a large body whose stream is cancelled: its buffer goes back, once', async () => {
  const read = readOf(600_000);
  const body = sendBody(read);
  const reader = body.getReader();
  await reader.read();
  await reader.cancel();
  assert.equal(read.releases, 1);
  const unread = readOf(600_000);
  await sendBody(unread).cancel();
  assert.equal(unread.releases, 1, 'cancelled before any read');
});

test('a small body: forwarded as the same text, its buffer back at once', () => {
  const read = readOf(1024);
  const body = sendBody(read);
  assert.equal(typeof body, 'string');
  assert.equal(body.length, 1024);
  assert.equal(read.releases, 1);
});

test('a small body that is not UTF-8: forwarded as a copy of its bytes, its buffer back at once', () => {
  const read = readOf(100);
  read.bytes[5] = 0xff;
  const body = sendBody(read);
  assert.ok(body instanceof Uint8Array);
  assert.notEqual(body.buffer, read.bytes.buffer);
  assert.deepEqual(body, read.bytes);
  assert.equal(read.releases, 1);
});

test('a small body read into a buffer of its own: that buffer is the body, never given back', () => {
  const read = { ...readOf(1024), own: true };
  read.release = () => (read.releases += 1);
  const body = sendBody(read);
  assert.equal(body, read.bytes, 'the bytes themselves: nothing reuses their buffer');
  assert.equal(read.releases, 0);
});
