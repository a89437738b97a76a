// `servicer-events/testing` for `import`: re-exports the CommonJS build, so
// `import` and `require` share one module instance, as the main entry does.
export {
  assertValidEvent,
  assertValidEventJson,
  assertInvalidEvent,
  assertInvalidEventJson,
  matchers,
  toBeValidServiceOrderEvent,
  toHaveEventIssue,
  formatIssue,
} from './index.cjs';
