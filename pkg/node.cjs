'use strict';
// Node, CommonJS: the module is compiled synchronously from its inlined bytes
// (dist/node/wasm.js), so `require` needs no init call, and a server bundle
// (Next.js) that moves this file finds nothing missing. pkg/api.js
// instantiates it, and instantiates it again when an instance must be
// replaced (dist/node/glue.js).
const { createApi } = require('./dist/node/api.js');
const { instantiate } = require('./dist/node/glue.js');

const compiled = new WebAssembly.Module(require('./dist/node/wasm.js'));

module.exports = createApi(() => instantiate(compiled), require('./dist/node/data.js'));
