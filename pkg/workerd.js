// Cloudflare Workers (workerd): compiling WebAssembly from bytes at run time is
// disallowed there, so the .wasm is imported as a module (wrangler's default
// rule) and instantiated synchronously.
import wasmModule from './dist/web/servicer_events_bg.wasm';
import { initSync } from './dist/web/servicer_events.js';
import * as raw from './dist/web/servicer_events.js';
import { createApi } from './api.js';
import data from './dist/data.js';

initSync({ module: wasmModule });

export const { validateEvent, validateEventJson, buildEvent, fixEvent, eventCatalog, eventJsonSchema } = createApi(raw, data);
