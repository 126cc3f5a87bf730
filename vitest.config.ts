import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // vitest's default is one worker per core minus one: a single worker on a 2-core CI machine, which left
    // a core idle through the whole suite (most of it is CPU-bound rule and fixer work).
    maxWorkers: 2,
    // Each worker would otherwise wait ~1 s at exit for V8 to finish re-compiling tree-sitter's
    // WebAssembly with TurboFan; the baseline tier is fast enough (see packages/cli/bin/dockfix.js).
    execArgv: ['--liftoff-only'],
  },
});
