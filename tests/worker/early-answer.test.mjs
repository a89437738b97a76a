// A body the Worker forwards reaches the backend whole and unchanged, with
// its Content-Length, even when the backend answers before reading it and
// the next requests arrive meanwhile. The Worker reads bodies into buffers
// it reuses and forwards a large one as a stream of its buffer, given back
// only once the runtime has written it (src/body.js); fetch() goes on
// sending a body after the response has come back. On loopback the
// kernel's socket buffers take a whole 1 MiB body at once, so this test
// cannot hold a write pending the way a slow origin far away can: it checks
// the bodies and the early answer, and body-release.test.mjs checks when
// the buffer is given back.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { assertSetup, startExample } from './harness.mjs';

const ENDPOINT = '/service-orders/SO-3/update-repair';
/** How long the backend waits, having answered, before it reads a body. */
const READ_DELAY_MS = 300;

let worker;
let upstream;
/** Each body the backend read, whole or cut short. */
const received = [];
let server;

before(async () => {
  assertSetup();
  // Answers as soon as it has the request's head, then reads the body only
  // later: in the meantime the Worker's write of it stays pending (the
  // socket's buffers fill), and the next requests arrive. Plain TCP, one
  // request per connection: Node's HTTP server would drop a body left
  // unread once it has answered.
  server = net.createServer((socket) => {
    let data = Buffer.alloc(0);
    let length = null;
    let answered = false;
    socket.on('data', (chunk) => {
      data = Buffer.concat([data, chunk]);
      if (!answered) {
        const end = data.indexOf('\r\n\r\n');
        if (end < 0) return;
        length = Number(/content-length:\s*(\d+)/i.exec(data.subarray(0, end).toString('latin1'))?.[1]);
        data = data.subarray(end + 4);
        answered = true;
        socket.write('HTTP/1.1 202 Accepted\r\ncontent-length: 8\r\nconnection: close\r\n\r\naccepted');
        socket.pause();
        setTimeout(() => socket.resume(), READ_DELAY_MS);
      }
      if (data.length >= length) {
        received.push({ body: data, complete: true });
        socket.end();
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      if (answered && data.length < length) received.push({ body: data, complete: false });
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  upstream = `http://127.0.0.1:${server.address().port}`;
  worker = await startExample('early-answer', { bindings: { UPSTREAM_ORIGIN: upstream } });
}, { timeout: 180_000 });

after(async () => {
  await worker?.dispose();
  await new Promise((ok) => (server ? server.close(() => ok()) : ok()));
});

/**
 * A valid event of about `size` bytes, named by `letter` in its notes, its
 * bulk metadata strings of that letter repeated (within the library's
 * string length limit).
 */
function bodyOf(letter, size) {
  const parts = [];
  for (let i = 0; parts.length * 4010 < size; i += 1) parts.push(`"p${i}":"${letter.repeat(4000)}"`);
  return Buffer.from(`{"event":"repair_eta","isDelayed":false,"notes":"body ${letter}","metadata":{${parts.join(',')}}}`);
}

/** POSTs `body` on its own connection; resolves with the status. */
function post(body) {
  return new Promise((ok, fail) => {
    const headers = { 'content-type': 'application/json', 'content-length': String(body.length) };
    const req = http.request(new URL(ENDPOINT, worker.url), { method: 'POST', headers, agent: false, timeout: 60_000 }, (res) => {
      res.resume();
      res.on('end', () => ok(res.statusCode));
    });
    req.on('timeout', () => req.destroy(new Error('no answer in 60 s')));
    req.on('error', fail);
    req.end(body);
  });
}

test('a backend that answers before reading still reads each body as sent', { timeout: 120_000 }, async () => {
  // Sizes on both sides of the Worker's two ways of forwarding (a string
  // below 512 KiB, a stream of its buffer from there).
  const sizes = [100_000, 1_000_000, 700_000, 1_000_000, 300_000, 1_000_000];
  const bodies = sizes.map((size, i) => bodyOf('abcdefghijklmnop'[i], size));
  for (const body of bodies) assert.equal(await post(body), 202);
  const deadline = Date.now() + 30_000;
  while (received.length < bodies.length && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 50));
  assert.equal(received.length, bodies.length, 'the backend read every request');
  for (const { body, complete } of received) {
    const sent = bodies.find((b) => b.subarray(0, 60).equals(body.subarray(0, 60)));
    assert.ok(sent !== undefined, `a body the backend read matches none sent: ${body.subarray(0, 60)}`);
    // Whole and unchanged: no other request's bytes in it.
    assert.ok(complete && body.equals(sent), `the ${sent.length}-byte body arrived changed (${body.length} bytes${complete ? '' : ', cut short'})`);
  }
});
