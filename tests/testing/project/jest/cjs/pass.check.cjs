const { test, expect } = require('@jest/globals');
require('../../matcher-cases.cjs').passing(test, expect);
