// `import 'servicer-events/testing/vitest'` adds the matchers to Vitest's types.
import type { ServiceOrderEventMatchers } from './index.cjs';

declare module 'vitest' {
  // Vitest 3.2+ merges `Matchers` into `expect(x)` and into asymmetric `expect.*`.
  // They return void, like Jest's: Vitest also merges the global `jest.Matchers`
  // (which servicer-events/testing/jest augments) and the two must agree.
  interface Matchers<T = any> extends ServiceOrderEventMatchers<void> {}
}
