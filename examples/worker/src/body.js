// Reads a request body for validation into a buffer kept from request to
// request, and forwards it from that buffer. Both choices come from
// measuring in workerd (bench/): a new ArrayBuffer of 1 MiB per request
// (arrayBuffer(), a fresh BYOB buffer, a copy to forward) costs about
// 0.5 ms of CPU each, while a BYOB read into a buffer already held costs
// next to nothing; turning the bytes into a string or a Blob to send them
// costs as much as a fresh buffer. A JS loop over a stream's chunks cost
// 7 ms per MiB, so the body is filled by one native read (readAtLeast)
// however it arrives.

/**
 * @typedef {{ bytes: Uint8Array, release: () => void }} BodyRead
 *   `bytes` is a view of a reused buffer: valid until `release()` (or
 *   `sendBody`), which gives the buffer back for the next request.
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
 * The body's bytes, or `tooLarge` when it is over `maxBodyBytes`: a body
 * declared larger is not read at all, and one streamed without a length is
 * read no further than `maxBodyBytes + 1` bytes, so it is never buffered whole.
 * @param {Request} request
 * @param {number} maxBodyBytes
 * @returns {Promise<BodyRead | BodyTooLarge>}
 */
export async function readBody(request, maxBodyBytes) {
  const declared = contentLength(request.headers);
  if (request.body === null || declared === 0) return { bytes: new Uint8Array(0), release() {} };
  if (declared !== null && declared > maxBodyBytes) {
    await request.body.cancel();
    return { tooLarge: true, size: declared };
  }
  // One more byte than allowed: a streamed body that fills it is over.
  const size = maxBodyBytes + 1;
  const buffer = spare.pop() ?? new ArrayBuffer(size);
  // The runtime delivers exactly Content-Length bytes; reading up to the
  // cap even then keeps the promise of this function should one not.
  const { filled, length } = await fill(request.body, buffer.byteLength === size ? buffer : new ArrayBuffer(size));
  if (length > maxBodyBytes) {
    keep(filled);
    return { tooLarge: true, size: declared };
  }
  return { bytes: new Uint8Array(filled, 0, length), release: () => keep(filled) };
}

/**
 * A body for `fetch` that is exactly the bytes read, sent straight from
 * their buffer, which goes back for the next read once the runtime has
 * written them. fetch() keeps a reference to a buffer body rather than
 * copying it, and sends it on after the response has come back, so a
 * buffer given as the body could never safely be reused; a write to a
 * FixedLengthStream resolves only when the runtime is done with the bytes
 * (and the length keeps the upstream's Content-Length). Should the send
 * fail, the buffer is simply not reused.
 * @param {BodyRead} read
 * @returns {ReadableStream<Uint8Array> | Uint8Array}
 */
export function sendBody({ bytes, release }) {
  if (bytes.byteLength === 0) return bytes;
  const { readable, writable } = new FixedLengthStream(bytes.byteLength);
  const writer = writable.getWriter();
  writer.write(bytes).then(release, () => {});
  writer.close().catch(() => {});
  return readable;
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
 * Reads `stream` into `buffer` until it ends or the buffer is full.
 * `readAtLeast` (workerd's BYOB extension) waits natively until it has the
 * bytes asked for or the stream ends, so a whole body is one call whatever
 * its chunks. A BYOB read transfers the buffer: the filled view's buffer
 * replaces it. A stream that fails leaves the buffer detached; it is dropped.
 * @param {ReadableStream<Uint8Array>} stream
 * @param {ArrayBuffer} buffer
 * @returns {Promise<{ filled: ArrayBuffer, length: number }>}
 */
async function fill(stream, buffer) {
  const reader = stream.getReader({ mode: 'byob' });
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
      return { filled: buffer, length };
    }
  }
  // Full: over the limit, the rest is not wanted.
  await reader.cancel();
  return { filled: buffer, length };
}
