// Reads a request body for validation into a buffer kept from request to
// request (a small one into a buffer of its own), and makes what is
// forwarded from it. Measured in workerd (bench/body-variants.mjs): a new
// 1 MiB ArrayBuffer per request (arrayBuffer(), a fresh BYOB buffer, a copy
// to forward) costs about 0.4 ms of CPU, a BYOB read into a buffer already
// held next to nothing (below 16 KiB a new buffer is the cheaper, see
// OWN_BUFFER_MAX_BYTES); a JS loop over a stream's chunks cost 6 ms per
// MiB, so the body is filled by one native read (readAtLeast) however it
// arrives. An over-limit body is read through and dropped, so that its
// client sees the 413.

/**
 * @typedef {{ bytes: Uint8Array, release: () => void, own?: true }} BodyRead
 *   `bytes` is a view of a reused buffer: valid until `release()` (or
 *   what `sendBody` makes of it is done with), which gives the buffer back
 *   for the next request. With `own`, a buffer of the body's own that is
 *   never reused (`release()` does nothing).
 * @typedef {{ tooLarge: true, size: number | null }} BodyTooLarge
 *   `size` is the declared Content-Length, or null when the body was
 *   streamed and only known to be over the limit.
 */

/**
 * Buffers free for the next read. A read takes one (or makes one when
 * requests overlap), so each buffer holds one body at a time; at most
 * `SPARE_BUFFERS` are kept, the rest left to the garbage collector.
 * @type {ArrayBuffer[]}
 */
const spare = [];
const SPARE_BUFFERS = 2;

/**
 * The most of an over-limit body read (and dropped) so that its client sees
 * the 413 (see `discard`). Reading costs workerd about what passing the
 * bytes through costs, some 0.5 ms of CPU per MiB.
 */
const DISCARD_MAX_BYTES = 16 << 20;

/** Decodes only what encodes back to the same bytes (see `sendBody`). */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The body's bytes, or `tooLarge` when it is over `maxBodyBytes`: a body
 * declared larger, or streamed without a length past `maxBodyBytes + 1`
 * bytes, is never buffered whole; the rest of it is read and dropped (see
 * `discard`).
 * @param {Request} request
 * @param {number} maxBodyBytes
 * @returns {Promise<BodyRead | BodyTooLarge>}
 */
export async function readBody(request, maxBodyBytes) {
  const declared = contentLength(request.headers);
  // First, so that a small body costs no look at `request.body` (a call
  // into the runtime): a request with a Content-Length above 0 has a body.
  if (declared !== null && declared > 0 && declared < OWN_BUFFER_MAX_BYTES && declared <= maxBodyBytes) {
    // The runtime delivers exactly Content-Length bytes; the check keeps
    // the promise of this function should one not.
    const own = await request.arrayBuffer();
    if (own.byteLength > maxBodyBytes) return { tooLarge: true, size: declared };
    return { bytes: new Uint8Array(own), release() {}, own: true };
  }
  if (request.body === null || declared === 0) return { bytes: new Uint8Array(0), release() {} };
  // One more byte than allowed: a streamed body that fills it is over.
  const size = maxBodyBytes + 1;
  const spareBuffer = spare.pop();
  const buffer = spareBuffer?.byteLength === size ? spareBuffer : new ArrayBuffer(size);
  const reader = request.body.getReader({ mode: 'byob' });
  if (declared !== null && declared > maxBodyBytes) {
    keep(await discard(reader, buffer, declared));
    return { tooLarge: true, size: declared };
  }
  // The runtime delivers exactly Content-Length bytes; reading up to the
  // cap even then keeps the promise of this function should one not.
  const { filled, length, done } = await fill(reader, buffer);
  if (length > maxBodyBytes) {
    keep(done ? filled : await discard(reader, filled, null));
    return { tooLarge: true, size: declared };
  }
  return { bytes: new Uint8Array(filled, 0, length), release: () => keep(filled) };
}

/**
 * Bodies declared smaller than this are read by one `arrayBuffer()` into a
 * buffer of their own and forwarded as that buffer (see `sendBody`): no
 * reader, no 1 MiB view, no decode. Measured in workerd, the example Worker
 * so built against itself with the kept buffer, paired rounds: 46 to 135
 * µs less CPU per request at 1 KiB (four runs), 76 and 140 µs at 8 KiB, 98
 * µs at 15,000 B. Between Workers doing only the read and the forward
 * (bench/body-variants.mjs), a new buffer forwarded was no cheaper than
 * the kept one decoded at 16 and 64 KiB, and 0.75 ms dearer at 1 MiB.
 */
const OWN_BUFFER_MAX_BYTES = 16 << 10;

/**
 * Bodies of this many bytes or more are forwarded as a stream of their
 * kept buffer, smaller ones (from `OWN_BUFFER_MAX_BYTES`) as a string (see
 * `sendBody`). Measured in workerd
 * against each other in paired runs, the stream cost 0.1 to 0.5 ms less
 * than the string at 1 MiB in five runs of six, as much from 128 to 512
 * KiB, and about 0.2 ms more at 1 KiB.
 */
const STREAM_MIN_BYTES = 512 << 10;

/**
 * A body for `fetch` that is exactly the bytes read, and gives their buffer
 * back for the next read only once nothing can still be sending it. fetch()
 * keeps a reference to a buffer body rather than copying it, and may still
 * be sending it after the response has come back, so the buffer itself is
 * never the body:
 * - a buffer of the body's own (`own`, a small body) is the body: nothing
 *   reuses it;
 * - from `STREAM_MIN_BYTES`, a stream of it (`streamOf`), given back once
 *   the runtime has written it;
 * - below, a string: UTF-8 (every valid event is) is decoded, and the
 *   runtime encodes it back to the same bytes (the decoder keeps a BOM and
 *   refuses anything that would not round-trip); anything else is copied.
 *   The buffer goes back at once.
 * @param {BodyRead} read
 * @returns {string | Uint8Array | ReadableStream<Uint8Array>}
 */
export function sendBody({ bytes, release, own }) {
  if (own) return bytes;
  if (bytes.byteLength >= STREAM_MIN_BYTES) return streamOf(bytes, release);
  let body;
  try {
    body = utf8.decode(bytes);
  } catch {
    body = bytes.slice();
  }
  release();
  return body;
}

/**
 * A stream of `bytes` in one chunk that calls `release` once the runtime is
 * done with them. workerd pumps a stream body into the request by reading a
 * chunk, writing it, and reading the next only when that write has
 * completed; with no queue (high-water mark 0) the source is pulled only
 * for a read, so the second pull means the bytes are written. A cancel means
 * they never will be (a write in progress is cancelled before the stream
 * is). A stream neither pulled nor cancelled keeps its buffer, which is then
 * simply not reused. A value stream, unlike a byte stream, hands the view
 * over without detaching its buffer; `expectedLength` (workerd's) keeps the
 * request's Content-Length, which would otherwise become chunked.
 * @param {Uint8Array} bytes
 * @param {() => void} release
 * @returns {ReadableStream<Uint8Array>}
 */
function streamOf(bytes, release) {
  let sent = false;
  let released = false;
  const done = () => {
    if (released) return;
    released = true;
    release();
  };
  return new ReadableStream(
    {
      expectedLength: bytes.byteLength,
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(bytes);
          return;
        }
        controller.close();
        done();
      },
      cancel: done,
    },
    { highWaterMark: 0 },
  );
}

/** Gives a buffer back for the next read. */
function keep(buffer) {
  if (spare.length < SPARE_BUFFERS) spare.push(buffer);
}

/**
 * The Content-Length header as a number, or null when it is absent or not a
 * plain decimal (then the body is read as a stream, with the cap).
 * @param {Headers} headers
 */
function contentLength(headers) {
  const value = headers.get('Content-Length');
  if (value === null || !/^\s*\d{1,15}\s*$/.test(value)) return null;
  return Number(value);
}

/**
 * Reads into `buffer` until the stream ends or the buffer is full.
 * `readAtLeast` (workerd's BYOB extension) waits natively until it has the
 * bytes asked for or the stream ends, so a whole body is one call whatever
 * its chunks. A BYOB read transfers the buffer: the filled view's buffer
 * replaces it. A stream that fails leaves the buffer detached; it is dropped.
 * @param {ReadableStreamBYOBReader} reader
 * @param {ArrayBuffer} buffer
 * @returns {Promise<{ filled: ArrayBuffer, length: number, done: boolean }>}
 *   `done`: the stream ended (and the reader is released)
 */
async function fill(reader, buffer) {
  let length = 0;
  while (length < buffer.byteLength) {
    const room = buffer.byteLength - length;
    const { done, value } = await reader.readAtLeast(room, new Uint8Array(buffer, length, room));
    if (value !== undefined) {
      buffer = value.buffer;
      length += value.byteLength;
    }
    if (done) {
      reader.releaseLock();
      return { filled: buffer, length, done };
    }
  }
  return { filled: buffer, length, done: false };
}

/**
 * Reads what is left of a body over the limit and drops it, so that the
 * client gets its 413: answered unread, the body is left in the connection,
 * workerd closes it, and a client still sending sees the connection reset
 * rather than the answer (8 MiB uploads did, one time in two). A body
 * declared or found larger than `DISCARD_MAX_BYTES` is not read through:
 * its client may see a reset. Returns the buffer (reused for the reads).
 * @param {ReadableStreamBYOBReader} reader
 * @param {ArrayBuffer} buffer
 * @param {number | null} declared the Content-Length, when there is one
 * @returns {Promise<ArrayBuffer>}
 */
async function discard(reader, buffer, declared) {
  if (declared !== null && declared > DISCARD_MAX_BYTES) {
    await reader.cancel();
    return buffer;
  }
  let read = 0;
  for (;;) {
    if (read > DISCARD_MAX_BYTES) {
      await reader.cancel();
      return buffer;
    }
    const { done, value } = await reader.readAtLeast(buffer.byteLength, new Uint8Array(buffer));
    if (value !== undefined) {
      buffer = value.buffer;
      read += value.byteLength;
    }
    if (done) {
      reader.releaseLock();
      return buffer;
    }
  }
}
