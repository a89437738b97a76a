'use strict';
// Node, CommonJS: wasm-bindgen's `nodejs` glue compiles the module
// synchronously with fs.readFileSync, so `require` needs no init call.
module.exports = require('./dist/node/servicer_events.js');
