'use strict';
// `require('servicer-events/testing/jest')` (or `import`) in a Jest setup file
// listed in `setupFilesAfterEnv` registers the matchers on Jest's `expect`.
// `@jest/globals` works whether or not Jest injects globals.
const { expect } = require('@jest/globals');
const { matchers } = require('./matchers.cjs');

expect.extend(matchers);
