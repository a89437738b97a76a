// Browsers, for those who place the .wasm themselves (a strict CSP, a CDN, the
// module cached apart): `await init(wasm)` once, then the same API as the
// default entry. The .wasm is the `servicer-events/servicer_events.wasm` subpath.
// The glue, the API layer (pkg/api.js) and the data, as one module (scripts/core-module.mjs).
import { instantiate, createApi, data } from './dist/core.js';

let api;
let pending;

/** The compiled module from what `init` was given. */
async function compile(wasm) {
  if (wasm instanceof WebAssembly.Module) return wasm;
  if (wasm instanceof ArrayBuffer || ArrayBuffer.isView(wasm)) return WebAssembly.compile(wasm);
  const response = await (typeof wasm === 'string' || wasm instanceof URL ? fetch(wasm) : wasm);
  if (typeof Response === 'undefined' || !(response instanceof Response)) {
    throw new TypeError('init needs the module: a URL, a Response, its bytes or a WebAssembly.Module');
  }
  if (!response.ok) throw new Error(`servicer-events/web: fetching ${response.url} answered ${response.status}`);
  // Streaming compiles while the bytes arrive, but needs the application/wasm type.
  if (response.headers.get('content-type')?.startsWith('application/wasm')) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Compiles and instantiates the module from a URL (or its string), a
 * `Response` (or a promise of one), its bytes or a compiled
 * `WebAssembly.Module`. Resolves when the API is ready; later calls return the
 * same promise, and a failed one may be retried.
 */
export function init(wasm) {
  if (wasm === undefined || wasm === null) {
    throw new TypeError(
      "init needs the module: a URL, a Response, its bytes or a WebAssembly.Module (e.g. import url from 'servicer-events/servicer_events.wasm?url' with Vite)",
    );
  }
  pending ??= compile(wasm).then(
    (compiled) => {
      api = createApi(() => instantiate(compiled), data);
    },
    (error) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

function ready() {
  if (api === undefined) {
    throw new Error("servicer-events/web: await init(wasm) first (the default 'servicer-events' entry needs no init)");
  }
  return api;
}

export const validateEvent = (event, order, options) => ready().validateEvent(event, order, options);
export const validateEventJson = (body, order, options) => ready().validateEventJson(body, order, options);
export const buildEvent = (name, fields, order, options) => ready().buildEvent(name, fields, order, options);
export const fixEvent = (event, order, options) => ready().fixEvent(event, order, options);
export const eventCatalog = () => ready().eventCatalog();
export const eventJsonSchema = (serviceType) => ready().eventJsonSchema(serviceType);
