// Property-based fuzzing of lint, fix (safe and unsafe), format and the Prettier plugin on
// generated Dockerfiles, mutated corpus files and token soup (see arbitraries.ts, properties.ts).
//
// In `npm test` this is a bounded run with fixed seeds (1,200 cases, about a minute on 2 cores). `npm run fuzz` runs the
// same file with DOCKFIX_FUZZ_RUNS (total cases, split by the weights below) and DOCKFIX_FUZZ_SEED;
// a failure prints fast-check's seed and path, which replay it: `npm run fuzz -- --seed S --runs N`.
import fc from 'fast-check';
import { afterAll, describe, it, vi } from 'vitest';
import { anyDockerfile, generatedDockerfile, mutatedCorpusFile, tokenSoup } from './arbitraries.js';
import { checkAll, checkPrettier } from './properties.js';

const longRuns = Number(process.env.DOCKFIX_FUZZ_RUNS ?? 0);
const baseSeed = process.env.DOCKFIX_FUZZ_SEED === undefined ? undefined : Number(process.env.DOCKFIX_FUZZ_SEED);

/** Cases per property in the bounded run, and each property's share of a long run. */
const PLAN = {
  generated: { bounded: 400, share: 0.4, seed: 11 },
  corpus: { bounded: 400, share: 0.35, seed: 12 },
  soup: { bounded: 300, share: 0.15, seed: 13 },
  prettier: { bounded: 100, share: 0.1, seed: 14 },
} as const;

const counts: Record<string, { runs: number; seed: number }> = {};

function settings(name: keyof typeof PLAN): { numRuns: number; seed: number; endOnFailure: boolean } {
  const plan = PLAN[name];
  const numRuns = longRuns > 0 ? Math.max(1, Math.round(longRuns * plan.share)) : plan.bounded;
  const seed = baseSeed === undefined ? plan.seed : (baseSeed + plan.seed) | 0;
  counts[name] = { runs: numRuns, seed };
  return { numRuns, seed, endOnFailure: true };
}

// A long run takes as long as it needs; the bounded run must stay well inside vitest's budget.
const timeout = longRuns > 0 ? 24 * 3600_000 : 120_000;

afterAll(() => {
  const total = Object.values(counts).reduce((sum, { runs }) => sum + runs, 0);
  process.stderr.write(`fuzz: ${total} cases; ${Object.entries(counts).map(([name, { runs, seed }]) => `${name} ${runs} (seed ${seed})`).join(', ')}\n`);
});

describe('fuzz: lint, fix, format never break', () => {
  it('generated Dockerfiles', { timeout }, () => {
    fc.assert(fc.property(generatedDockerfile, checkAll), settings('generated'));
  });

  it('mutated corpus files (truncation, byte flips, deleted and duplicated lines, NULs)', { timeout }, () => {
    fc.assert(fc.property(mutatedCorpusFile, checkAll), settings('corpus'));
  });

  it('token soup', { timeout }, () => {
    fc.assert(fc.property(tokenSoup, checkAll), settings('soup'));
  });

  it('the Prettier plugin through prettier.format(), fixes on and off', { timeout }, async () => {
    // The plugin explains a file it leaves alone on console.warn; that is expected here.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await fc.assert(
        fc.asyncProperty(anyDockerfile, async (text) => {
          await checkPrettier(text, 'safe');
          await checkPrettier(text, 'none');
        }),
        settings('prettier'),
      );
    } finally {
      warn.mockRestore();
    }
  });
});
