/**
 * True for `application/json` and any `application/*+json` media type, with
 * or without parameters (`; charset=utf-8`), in any letter case.
 * @param {string | null} header
 */
export function isJsonContentType(header) {
  if (header === null) return false;
  const mediaType = header.split(';', 1)[0].trim().toLowerCase();
  return mediaType === 'application/json' || /^application\/[^/]+\+json$/.test(mediaType);
}
