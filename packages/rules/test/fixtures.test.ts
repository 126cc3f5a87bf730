import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixtures, renderSnapshot, ruleById, TEST_DIR } from './helpers.js';

// Each rule alone on each of its fixtures: diagnostics with a code frame, then what `fix` and
// `fix --unsafe` make of the file. The snapshots are reviewed by eye: they must show right behaviour.
describe('rule fixtures', () => {
  for (const fixture of loadFixtures()) {
    it(`${fixture.ruleId} ${fixture.name}`, async () => {
      const snapshot = renderSnapshot(ruleById(fixture.ruleId), fixture.text, fixture.options, fixture.path);
      await expect(snapshot).toMatchFileSnapshot(join(TEST_DIR, '__snapshots__', fixture.ruleId, `${fixture.name}.snap`));
    });
  }
});
