// lib/continuation.ts reads a line's trailing escape from its end instead of with BuildKit's regex; it
// must answer exactly what the regex answers, for both escape characters, on any line.
import { describe, expect, it } from 'vitest';
import { continues } from '../src/lib/continuation.js';
import { prng } from '../../../test/helpers/prng.js';

/** BuildKit's rule as a regex: the escape ends the line (then blanks and one `\r`), not itself escaped. */
const REGEX: Record<string, RegExp> = { '\\': /(?:[^\\]|^)\\[ \t]*\r?$/, '`': /(?:[^`]|^)`[ \t]*\r?$/ };

describe('continues', () => {
  it.each(['\\', '`'])('answers as the regex does for escape %s', (escape) => {
    const random = prng(escape.charCodeAt(0));
    const pieces = ['a', ' ', '\t', '\r', '\\', '`', 'C:', '#', '\u00a0'];
    let yes = 0;
    for (let n = 0; n < 20000; n++) {
      let line = '';
      for (let k = Math.floor(random() * 7); k > 0; k--) line += pieces[Math.floor(random() * pieces.length)];
      // The line sits inside a longer text, as an instruction's line does.
      const text = `x\n${line}\ny`;
      const expected = REGEX[escape]!.test(line);
      expect(continues(text, 2, 2 + line.length, escape), JSON.stringify(line)).toBe(expected);
      if (expected) yes++;
    }
    // Both answers occur often, or the comparison would be idle.
    expect(yes).toBeGreaterThan(1000);
    expect(yes).toBeLessThan(19000);
  });
});
