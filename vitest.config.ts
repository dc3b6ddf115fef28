import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node resolves a bare `graphql` to its CommonJS build (the package has no "exports"), for Pothos, Yoga and
    // graphql-jit alike; Vite would pick the ESM build for our sources. Two builds make two sets of classes, and
    // graphql's instanceof checks refuse a schema type from the other one, so tests load what production loads.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Records which schema fields the tests' documents select, for scripts/check-selected-fields.ts.
    globalSetup: ['test/setup/clear-selected-fields.ts'],
    setupFiles: ['test/setup/record-selected-fields.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
