import 'servicer-events/testing/vitest';
