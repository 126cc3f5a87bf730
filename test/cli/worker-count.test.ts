// How many worker threads `--jobs` starts (run-checks.ts workerCount), for machines of other sizes than
// this one: the core count is what node:os reports, stood in for here.
import { afterEach, describe, expect, it, vi } from 'vitest';

let cores = 2;
vi.mock('node:os', async (original) => ({ ...(await original<typeof import('node:os')>()), availableParallelism: () => cores }));
const { workerCount } = await import('../../packages/cli/dist/cli/run-checks.js');

describe('workerCount', () => {
  afterEach(() => {
    cores = 2;
  });

  it('auto: no workers below 200 files, whatever the machine', () => {
    cores = 64;
    expect(workerCount('auto', 1)).toBe(0);
    expect(workerCount('auto', 199)).toBe(0);
  });

  it('auto: none on 2 or 3 logical cores (one thread already keeps ~1.4 cores busy), at most half the cores above', () => {
    for (const n of [1, 2, 3]) {
      cores = n;
      expect(workerCount('auto', 5_000)).toBeLessThanOrEqual(1);
    }
    cores = 4;
    expect(workerCount('auto', 5_000)).toBe(2);
    cores = 16;
    expect(workerCount('auto', 5_000)).toBe(8);
  });

  it('auto: one worker per 100 files until the cap', () => {
    cores = 16;
    expect(workerCount('auto', 250)).toBe(2);
    expect(workerCount('auto', 799)).toBe(7);
    expect(workerCount('auto', 10_000)).toBe(8);
  });

  it('a number: as asked, but no more than one per file', () => {
    cores = 2;
    expect(workerCount(6, 1_000)).toBe(6);
    expect(workerCount(6, 3)).toBe(3);
    expect(workerCount(1, 1_000)).toBe(1);
  });
});
