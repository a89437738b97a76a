// Types of `servicer-events/testing` for `import`: the same declarations as the
// CommonJS build, which index.mjs re-exports.
export * from './index.cjs';
