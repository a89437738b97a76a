// Cloudflare Workers (workerd): compiling WebAssembly from bytes at run time is
// disallowed there, so the .wasm is imported as a module (wrangler's default
// rule) and instantiated synchronously.
import wasmModule from './dist/web/servicer_events_bg.wasm';
import { initSync } from './dist/web/servicer_events.js';

initSync({ module: wasmModule });

export {
  validateEvent,
  validateEventJson,
  buildEvent,
  eventCatalog,
  eventJsonSchema,
} from './dist/web/servicer_events.js';
