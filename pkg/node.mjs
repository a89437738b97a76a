// Node, ES modules: the same instance as `require` (one module, no dual-package
// hazard); Node detects the CommonJS glue's named exports.
export {
  validateEvent,
  validateEventJson,
  buildEvent,
  eventCatalog,
  eventJsonSchema,
} from './dist/node/servicer_events.js';
