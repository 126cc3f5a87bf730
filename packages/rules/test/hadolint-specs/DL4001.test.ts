import { describe, expect, it } from 'vitest';
import { lintWith, specTable } from './spec-table.js';

specTable('DL4001', 'curl-or-wget', [
  ['wget and curl', 'FROM node as foo\nRUN wget my.xyz\nRUN curl localhost\n', true],
  ['wget and curl in one instruction', 'FROM node as foo\nRUN wget my.xyz && curl localhost\n', true],
  ['only wget', 'FROM node as foo\nRUN wget my.xyz\n', false],
  ['curl and wget in different stages', 'FROM node as foo\nRUN wget my.xyz\nFROM scratch\nRUN curl localhost\n', false],
  ['both in one of two stages', 'FROM node as foo\nRUN wget my.xyz\nRUN curl localhost\nFROM scratch\nRUN curl localhost\n', true],
]);

/**
 * hadolint's counted examples. hadolint reports every RUN with either tool once a stage has used both;
 * curl-or-wget reports the uses of the tool the stage took up second, the ones to replace, so a later
 * `wget` in a stage that started with wget is not reported.
 */
const counted: readonly (readonly [name: string, text: string, hadolint: number, dockfix: number])[] = [
  ['reports only the RUN that adds the second tool', 'FROM node as foo\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\n', 1, 1],
  ['later uses of the first tool', 'FROM node as foo\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\nRUN wget foo.com\n', 2, 1],
];

describe('hadolint DL4001 spec → curl-or-wget, counted', () => {
  for (const [name, text, hadolint, dockfix] of counted) {
    const why = hadolint === dockfix ? '' : ` (hadolint reports ${hadolint}: only the second tool's uses are reported)`;
    it(`${dockfix} report${dockfix === 1 ? '' : 's'}: ${name}${why}`, () => {
      const found = lintWith('DL4001', text);
      expect(found.every((d) => d.ruleId === 'curl-or-wget')).toBe(true);
      expect(found).toHaveLength(dockfix);
    });
  }
});
