// A Worker in front of the update-repair endpoint: a malformed event is
// answered here (422, 413, 415, 405) and never reaches the backend; a valid
// one is forwarded with its method, path, query, headers and body bytes
// unchanged, and the backend's response comes back unchanged.
import { validateEventJson } from 'servicer-events';
import { readBodyCapped } from './body.js';
import { isJsonContentType } from './content-type.js';
import { lookupServiceOrder, ServiceOrderLookupError } from './service-order.js';
import { jsonResponse } from './responses.js';

/** `/service-orders/{serviceOrderId}/update-repair`, nothing before or after. */
const UPDATE_REPAIR_PATH = /^\/service-orders\/[^/]+\/update-repair$/;

/** The library's default `maxBodyBytes`; `MAX_BODY_BYTES` in wrangler.toml overrides it. */
const DEFAULT_MAX_BODY_BYTES = 1_048_576;

export default {
  /**
   * @param {Request} request
   * @param {{ UPSTREAM_ORIGIN: string, MAX_BODY_BYTES?: string }} env
   */
  async fetch(request, env) {
    const url = new URL(request.url);
    if (!UPDATE_REPAIR_PATH.test(url.pathname)) {
      return forward(request, env, request.body);
    }
    if (request.method !== 'POST') {
      return jsonResponse(405, { error: 'Only POST is allowed here.' }, { Allow: 'POST' });
    }
    if (!isJsonContentType(request.headers.get('Content-Type'))) {
      return jsonResponse(415, { error: 'The body must be JSON (Content-Type: application/json).' });
    }

    let order;
    try {
      order = await lookupServiceOrder(request, env);
    } catch (error) {
      if (error instanceof ServiceOrderLookupError) {
        return jsonResponse(400, { error: error.message });
      }
      throw error;
    }

    const maxBodyBytes = Number(env.MAX_BODY_BYTES) || DEFAULT_MAX_BODY_BYTES;
    // At most maxBodyBytes + 1 bytes are read: enough for the validator to
    // see that the body is too large, without buffering a hostile upload.
    const body = await readBodyCapped(request, maxBodyBytes + 1);
    const result = validateEventJson(body, order, { limits: { maxBodyBytes } });
    if (!result.valid) {
      const tooLarge = result.errors.some((e) => e.code === 'limit_exceeded' && e.path === '');
      return jsonResponse(tooLarge ? 413 : 422, {
        errors: result.errors,
        warnings: result.warnings,
      });
    }
    // Warnings of a valid event are not added to the forwarded request nor to
    // the response: both go through byte for byte.
    return forward(request, env, body);
  },
};

/**
 * Sends the request to the same path and query on the upstream origin, and
 * returns the upstream's response as it is (redirects included).
 * @param {Request} request
 * @param {{ UPSTREAM_ORIGIN: string }} env
 * @param {BodyInit | null} body
 */
function forward(request, env, body) {
  const url = new URL(request.url);
  const target = new URL(url.pathname + url.search, env.UPSTREAM_ORIGIN);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return fetch(target, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? body : null,
    redirect: 'manual',
  });
}
