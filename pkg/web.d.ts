// Types of `servicer-events/web`: the API of the default entry, usable once
// `init` has resolved.
export * from './index.js';

/**
 * Instantiates the WebAssembly module (`servicer-events/servicer_events.wasm`)
 * from a URL, a `Response` (or a promise of one), its bytes or a compiled
 * `WebAssembly.Module`. The API throws until the promise resolves; later calls
 * return the same promise.
 */
export function init(
  wasm: string | URL | Response | PromiseLike<Response> | BufferSource | WebAssembly.Module,
): Promise<void>;
