// Cloudflare Workers (workerd): compiling WebAssembly from bytes at run time is
// disallowed there, so the .wasm is imported as a compiled module (wrangler's
// default rule); pkg/api.js instantiates it synchronously (again, when an
// instance must be replaced).
import compiled from './dist/web/servicer_events_bg.wasm';
// The glue, the API layer (pkg/api.js) and the data, as one module (scripts/core-module.mjs).
import { instantiate, createApi, data } from './dist/core.js';

export const { validateEvent, validateEventJson, buildEvent, fixEvent, eventCatalog, eventJsonSchema } = createApi(
  () => instantiate(compiled),
  data,
);
