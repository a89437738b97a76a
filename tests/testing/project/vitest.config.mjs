// Vitest: the matchers come from the package's own setup entry.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['vitest/**/*.check.mjs'], setupFiles: ['./vitest/setup.mjs'] },
});
