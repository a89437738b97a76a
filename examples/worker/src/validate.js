// The one call into the library. Its options are built once per isolate.
import { eventCatalog, validateEventJson } from 'servicer-events';
import { MAX_SHOWN_ISSUES } from './rejection.js';

/** The library's limits and their defaults (the catalogue is parsed once, here). */
const LIBRARY_LIMITS = eventCatalog().limits;

/** The library's own `maxBodyBytes`; `MAX_BODY_BYTES` in wrangler.toml overrides it. */
export const DEFAULT_MAX_BODY_BYTES = LIBRARY_LIMITS.maxBodyBytes;

/** @type {Map<number, object>} options by maxBodyBytes */
const optionsCache = new Map();

/**
 * Validates the body bytes against the order, with the Worker's size limit.
 * Where the library has a `maxIssues` limit, it is asked to build no more
 * issues than a 422 shows, which bounds its work on a body crafted to raise
 * thousands; older versions without it are bounded by rejection.js alone.
 * @param {Uint8Array} bytes
 * @param {object | undefined} order
 * @param {number} maxBodyBytes
 */
export function validateBody(bytes, order, maxBodyBytes) {
  let options = optionsCache.get(maxBodyBytes);
  if (options === undefined) {
    const limits = { maxBodyBytes };
    if ('maxIssues' in LIBRARY_LIMITS) limits.maxIssues = MAX_SHOWN_ISSUES;
    options = { limits };
    optionsCache.set(maxBodyBytes, options);
  }
  return validateEventJson(bytes, order, options);
}
