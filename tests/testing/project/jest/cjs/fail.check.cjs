const { test, expect } = require('@jest/globals');
require('../../matcher-cases.cjs').failing(test, expect);
