// Inputs the fuzzer broke, kept as tests with the seed and path that found them (fast-check replays a
// case exactly from the two, as long as test/fuzz/arbitraries.ts is unchanged).
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { generatedDockerfile } from './arbitraries.js';
import { checkAll, checkFormat, checkLint } from './properties.js';

describe('fuzz regressions', () => {
  // npm run fuzz, seed 20261208 chunk 2 (fast-check seed 20261220, path 902): lint threw a TypeError from
  // dockerfile-ast's getHeredocs on a heredoc whose only line is an escaped newline. Fixed in
  // packages/core/src/model.ts (such a RUN has no readable body, so no rule looks into it).
  it('RUN <<EOF with a lone backslash line (seed 20261220, path 902)', () => {
    for (const text of ['RUN <<EOF \n\\\n EOF\n', 'FROM alpine\nRUN <<EOF \n\\\n EOF\n', 'FROM alpine\r\nRUN <<EOF \r\n\\\r\n EOF\r\n']) {
      checkAll(text);
      checkLint(text);
      checkFormat(text);
    }
  });

  it('replays seed 20261220, path 902', { timeout: 60_000 }, () => {
    fc.assert(fc.property(generatedDockerfile, checkAll), { seed: 20261220, path: '902', numRuns: 1 });
  });
});
