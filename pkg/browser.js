// Browsers and bundlers: fetch and instantiate the module once, with top-level
// await, so importers can call the API at once without an init call.
import init, * as raw from './dist/web/servicer_events.js';
import { createApi } from './api.js';
import data from './dist/data.js';

await init({ module_or_path: new URL('./dist/web/servicer_events_bg.wasm', import.meta.url) });

export const { validateEvent, validateEventJson, buildEvent, fixEvent, eventCatalog, eventJsonSchema } = createApi(raw, data);
