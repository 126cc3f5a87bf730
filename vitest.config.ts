import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // Each worker would otherwise wait ~1 s at exit for V8 to finish re-compiling tree-sitter's
    // WebAssembly with TurboFan; the baseline tier is fast enough (see packages/cli/bin/dockfix.js).
    execArgv: ['--liftoff-only'],
  },
});
