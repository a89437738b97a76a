// `servicer-events/testing/jest` adds the matchers to Jest's types: the
// `expect` of `@jest/globals` (the `expect` package) and the global `jest`
// namespace of `@types/jest`, for `expect(x).…` and asymmetric `expect.…`.
import type { ServiceOrderEventMatchers } from './index.cjs';

declare module 'expect' {
  interface Matchers<R extends void | Promise<void>, T = unknown> extends ServiceOrderEventMatchers<R> {}
  interface AsymmetricMatchers extends ServiceOrderEventMatchers<void> {}
}

declare global {
  namespace jest {
    interface Matchers<R, T = {}> extends ServiceOrderEventMatchers<R> {}
    interface Expect extends ServiceOrderEventMatchers<void> {}
  }
}
