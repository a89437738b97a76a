'use strict';
// Node, CommonJS: the module is compiled synchronously from the .wasm beside
// it, so `require` needs no init call. pkg/api.js instantiates it, and
// instantiates it again when an instance must be replaced (dist/node/glue.js).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { createApi } = require('./dist/node/api.js');
const { instantiate } = require('./dist/node/glue.js');

const compiled = new WebAssembly.Module(readFileSync(join(__dirname, 'dist/web/servicer_events_bg.wasm')));

module.exports = createApi(() => instantiate(compiled), require('./dist/node/data.js'));
