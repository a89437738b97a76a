// Jest, CommonJS test files: the matchers come from the package's setup entry.
module.exports = {
  testMatch: ['<rootDir>/jest/cjs/**/*.check.cjs'],
  setupFilesAfterEnv: ['servicer-events/testing/jest'],
  transform: {},
};
