// `import 'servicer-events/testing/vitest'` in a Vitest setup file (or a test)
// registers the matchers on Vitest's `expect`.
import { expect } from 'vitest';
import { matchers } from './index.cjs';

expect.extend(matchers);
