/**
 * Reads a request body as bytes, stopping once `cap` bytes have been read:
 * a body larger than the limit is never buffered whole.
 * @param {Request} request
 * @param {number} cap
 * @returns {Promise<Uint8Array>} at most `cap` bytes
 */
export async function readBodyCapped(request, cap) {
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks = [];
  let length = 0;
  while (length < cap) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
  }
  if (length >= cap) await reader.cancel();
  const bytes = new Uint8Array(Math.min(length, cap));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
    if (offset === bytes.length) break;
  }
  return bytes;
}
