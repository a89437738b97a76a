// Browsers and bundlers: fetch and compile the module once, with top-level
// await, so importers can call the API at once without an init call.
// pkg/api.js instantiates it (again, when an instance must be replaced).
import { instantiate } from './dist/glue.js';
import { createApi } from './api.js';
import data from './dist/data.js';

const url = new URL('./dist/web/servicer_events_bg.wasm', import.meta.url);
// Streaming needs the application/wasm MIME type; some servers do not send it.
const compiled = await WebAssembly.compileStreaming(fetch(url)).catch(async () =>
  WebAssembly.compile(await (await fetch(url)).arrayBuffer()),
);

export const { validateEvent, validateEventJson, buildEvent, fixEvent, eventCatalog, eventJsonSchema } = createApi(
  () => instantiate(compiled),
  data,
);
