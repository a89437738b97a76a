// A Worker in front of the update-repair endpoint: a malformed event is
// answered here (422, 413, 415, 405, 400) and never reaches the backend; a
// valid one is forwarded with its method, path, query, headers and body
// bytes unchanged, and the backend's response comes back unchanged. Every
// answer the Worker makes itself, and every failure, is one log line.
import { readBody, sendBody } from './body.js';
import { isJsonContentType } from './content-type.js';
import { failurePolicy } from './failure-policy.js';
import { countCodes, describeError, logLine } from './log.js';
import { rejectionBody } from './rejection.js';
import { jsonResponse } from './responses.js';
import { lookupServiceOrder, ServiceOrderLookupError } from './service-order.js';
import { DEFAULT_MAX_BODY_BYTES, validateBody } from './validate.js';

/** `/service-orders/{serviceOrderId}/update-repair`, nothing before or after. */
const UPDATE_REPAIR_PATH = /^\/service-orders\/[^/]+\/update-repair$/;

/**
 * @typedef {{ UPSTREAM_ORIGIN: string, MAX_BODY_BYTES?: string, VALIDATION_FAILURE?: string }} Env
 */

export default {
  /**
   * @param {Request} request
   * @param {Env} env
   */
  async fetch(request, env) {
    const requestId = requestIdOf(request);
    // Parsed once: the forward reuses it.
    const url = new URL(request.url);
    if (!UPDATE_REPAIR_PATH.test(url.pathname)) {
      return forward(request, url, env, request.body, requestId);
    }
    try {
      return await prevalidate(request, url, env, requestId);
    } catch (error) {
      // Anything not handled below (a lookup that throws, a bug): seen in
      // the logs rather than a bare runtime 500.
      logLine('error', 'worker_failed', { requestId, error: describeError(error) });
      return jsonResponse(500, { error: 'The request could not be handled.', requestId });
    }
  },
};

/**
 * Checks one update-repair request and answers it or forwards it.
 * @param {Request} request
 * @param {URL} url the request's URL, parsed
 * @param {Env} env
 * @param {string} requestId
 */
async function prevalidate(request, url, env, requestId) {
  if (request.method !== 'POST') {
    return refuse(requestId, 405, 'method_not_allowed', 'Only POST is allowed here.', { Allow: 'POST' });
  }
  if (!isJsonContentType(request.headers.get('Content-Type'))) {
    return refuse(requestId, 415, 'unsupported_media_type', 'The body must be JSON (Content-Type: application/json).');
  }

  let order;
  try {
    order = await lookupServiceOrder(request, env);
  } catch (error) {
    if (!(error instanceof ServiceOrderLookupError)) throw error;
    return refuse(requestId, 400, 'bad_service_order', error.message);
  }

  const maxBodyBytes = Number(env.MAX_BODY_BYTES) || DEFAULT_MAX_BODY_BYTES;
  let read;
  try {
    read = await readBody(request, maxBodyBytes);
  } catch (error) {
    // The client went away or sent a broken stream: nothing to validate.
    logLine('warn', 'body_unreadable', { requestId, error: describeError(error) });
    return jsonResponse(400, { error: 'The request body could not be read.', requestId });
  }
  if ('tooLarge' in read) return tooLarge(requestId, read.size, maxBodyBytes);

  // The body's buffer goes back for the next request once it is answered,
  // or once what is forwarded no longer needs it (see sendBody). (Should
  // anything below throw, the buffer is merely not reused.)
  const answer = judge(read.bytes, order, env, maxBodyBytes, requestId);
  if (answer !== null) {
    read.release();
    return answer;
  }
  return forward(request, url, env, sendBody(read), requestId);
}

/**
 * Validates the body and answers it (422, or 503), or returns null: forward it.
 * @param {Uint8Array} bytes
 * @param {object | undefined} order
 * @param {Env} env
 * @param {number} maxBodyBytes
 * @param {string} requestId
 * @returns {Response | null}
 */
function judge(bytes, order, env, maxBodyBytes, requestId) {
  let result;
  let answer;
  try {
    result = validateBody(bytes, order, maxBodyBytes);
    answer = result.valid ? null : rejectionBody(result, requestId);
  } catch (error) {
    return validationFailed(env, requestId, bytes, error);
  }
  if (answer !== null) {
    logLine('info', 'event_rejected', {
      requestId,
      status: 422,
      bodyBytes: bytes.byteLength,
      kind: result.kind,
      errorCount: answer.errorCount,
      warningCount: answer.warningCount,
      codes: countCodes([...result.errors, ...result.warnings]),
    });
    return jsonResponse(422, answer);
  }
  if (result.warnings.length > 0) {
    // Forwarded as sent; the warnings only reach the operator.
    logLine('info', 'event_warnings', {
      requestId,
      bodyBytes: bytes.byteLength,
      kind: result.kind,
      codes: countCodes(result.warnings),
    });
  }
  return null;
}

/**
 * The validator threw: log it, then reject (503) or forward, as configured.
 * @param {Env} env
 * @param {string} requestId
 * @param {Uint8Array} bytes
 * @param {unknown} error
 * @returns {Response | null} null: forward it
 */
function validationFailed(env, requestId, bytes, error) {
  const policy = failurePolicy(env);
  logLine('error', 'validation_failed', {
    requestId,
    bodyBytes: bytes.byteLength,
    policy,
    error: describeError(error),
  });
  if (policy === 'forward') return null;
  return jsonResponse(503, {
    error: 'The event could not be validated, so it was not sent on. Try again later.',
    requestId,
  });
}

/**
 * A 413 with the same issue layout as a 422, made without reading the body.
 * @param {string} requestId
 * @param {number | null} size the declared length, or null when only known to be over
 * @param {number} maxBodyBytes
 */
function tooLarge(requestId, size, maxBodyBytes) {
  const received = size === null ? `more than ${maxBodyBytes} bytes` : `${size} bytes`;
  logLine('info', 'event_rejected', {
    requestId,
    status: 413,
    bodyBytes: size,
    kind: null,
    errorCount: 1,
    warningCount: 0,
    codes: { limit_exceeded: 1 },
  });
  return jsonResponse(413, {
    requestId,
    errorCount: 1,
    warningCount: 0,
    errors: [
      {
        code: 'limit_exceeded',
        path: '',
        message: `The body is ${received}; at most ${maxBodyBytes} bytes are accepted.`,
        expected: `at most ${maxBodyBytes} bytes (maxBodyBytes)`,
        received,
      },
    ],
    warnings: [],
  });
}

/**
 * An answer refusing the request before its body is read, logged.
 * @param {string} requestId
 * @param {number} status
 * @param {string} reason
 * @param {string} error
 * @param {Record<string, string>} [headers]
 */
function refuse(requestId, status, reason, error, headers) {
  logLine('info', 'request_refused', { requestId, status, reason });
  return jsonResponse(status, { error, requestId }, headers);
}

/**
 * Cloudflare's ray id names a request in every log and dashboard; outside
 * Cloudflare (wrangler dev, tests) there is none, so one is made up.
 * @param {Request} request
 */
function requestIdOf(request) {
  return request.headers.get('CF-Ray') ?? crypto.randomUUID();
}

/**
 * Sends the request to the same path and query on the upstream origin, and
 * returns the upstream's response as it is (redirects included); a 502 when
 * the upstream cannot be reached.
 * @param {Request} request
 * @param {URL} url the request's URL, parsed
 * @param {{ UPSTREAM_ORIGIN: string }} env
 * @param {BodyInit | null} body
 * @param {string} requestId
 */
async function forward(request, url, env, body, requestId) {
  const target = new URL(url.pathname + url.search, env.UPSTREAM_ORIGIN);
  const method = request.method;
  const hasBody = method !== 'GET' && method !== 'HEAD';
  try {
    return await fetch(target, {
      method,
      headers: request.headers,
      body: hasBody ? body : null,
      redirect: 'manual',
    });
  } catch (error) {
    logLine('error', 'upstream_failed', { requestId, error: describeError(error) });
    return jsonResponse(502, { error: 'The backend could not be reached.', requestId });
  }
}
