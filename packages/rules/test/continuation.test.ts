// lib/continuation.ts reads a line's trailing escape from its end instead of with BuildKit's regex; it
// must answer exactly what the regex answers, for both escape characters, on any line.
import { describe, expect, it } from 'vitest';
import type { Instruction, Source } from '@dockfix/core';
import { continuedLines, continues, type ContinuedLine } from '../src/lib/continuation.js';
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

/** continuedLines as it was written first, slicing and trimming each line: the reading it must keep. */
function continuedLinesBySlicing(text: string, escape: string, from: number): ContinuedLine[] {
  const lines: ContinuedLine[] = [];
  let start = from;
  let end = text.indexOf('\n', start);
  if (end === -1 || !continues(text, start, end, escape)) return lines;
  for (;;) {
    start = end + 1;
    if (start >= text.length) return lines;
    end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    const range = { start, end: end === text.length ? end : end + 1 };
    if (line.trim() === '') lines.push({ range, kind: 'empty' });
    else if (line.trimStart().startsWith('#')) lines.push({ range, kind: 'comment' });
    else {
      lines.push({ range, kind: 'text' });
      if (!continues(text, start, start + line.length, escape)) return lines;
    }
  }
}

describe('continuedLines', () => {
  it.each(['\\', '`'])('reads the lines as slicing and trimming them does, for escape %s', (escape) => {
    const random = prng(escape.charCodeAt(0) + 1);
    // Blanks that trim() removes (no-break space, line separator, BOM) and one it keeps (U+0085).
    const pieces = ['a', ' ', '\t', '\r', '\n', '\n', '\\', '`', '#', '\u00a0', '\u2028', '\ufeff', '\u0085', '\v'];
    const kinds = { empty: 0, comment: 0, text: 0 };
    for (let n = 0; n < 20000; n++) {
      let text = 'RUN x ' + escape + '\n';
      for (let k = Math.floor(random() * 14); k > 0; k--) text += pieces[Math.floor(random() * pieces.length)];
      const expected = continuedLinesBySlicing(text, escape, 0);
      const source = { text, escapeChar: escape } as unknown as Source;
      const instruction = { range: { start: 0, end: text.length } } as unknown as Instruction;
      expect(continuedLines(source, instruction), JSON.stringify(text)).toEqual(expected);
      for (const line of expected) kinds[line.kind]++;
    }
    // Every kind of line occurs often, or the comparison would be idle.
    for (const count of Object.values(kinds)) expect(count).toBeGreaterThan(1000);
  });
});
