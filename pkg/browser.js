// Browsers and bundlers: the module's bytes are inlined (dist/wasm.js) and
// compiled synchronously at import, so every bundler at its defaults takes the
// package as plain JS: no top-level await, no .wasm asset to emit or serve,
// no init call. pkg/api.js instantiates it (again, when an instance must be
// replaced). `servicer-events/web` (web.js) is for those who place the .wasm
// themselves.
// The glue, the API layer (pkg/api.js) and the data, as one module (scripts/core-module.mjs).
import { instantiate, createApi, data } from './dist/core.js';
import bytes from './dist/wasm.js';

const compiled = new WebAssembly.Module(bytes);

export const { validateEvent, validateEventJson, buildEvent, fixEvent, eventCatalog, eventJsonSchema } = createApi(
  () => instantiate(compiled),
  data,
);
