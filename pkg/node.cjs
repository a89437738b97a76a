'use strict';
// Node, CommonJS: wasm-bindgen's `nodejs` glue compiles the module
// synchronously with fs.readFileSync, so `require` needs no init call.
const { createApi } = require('./dist/node/api.js');

module.exports = createApi(require('./dist/node/servicer_events.js'), require('./dist/node/data.js'));
