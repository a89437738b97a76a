// Node, ES modules: the same instance as `require` (one module, no
// dual-package hazard).
import api from './node.cjs';

export const { validateEvent, validateEventJson, buildEvent, fixEvent, eventCatalog, eventJsonSchema } = api;
