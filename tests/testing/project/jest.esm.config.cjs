// Jest, native ES modules (run with --experimental-vm-modules): the setup
// file imports the package's setup entry, the tests import the helpers.
module.exports = {
  testMatch: ['<rootDir>/jest/esm/**/*.check.mjs'],
  setupFilesAfterEnv: ['<rootDir>/jest/esm/setup.mjs'],
  transform: {},
};
