// Hostile input for the printer: random slices of real Dockerfiles (cut mid-line, mid-quote,
// mid-heredoc), spliced together and sprinkled with escapes, quotes, heredoc markers and odd line
// breaks. format() must never throw or fail internally, must be idempotent, and whatever it
// changes must still read as the same instructions.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { format } from '@dockfix/core';
import { prng as random } from '../../../test/helpers/prng.js';

const corpusRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'corpus');

function corpusTexts(): string[] {
  if (!existsSync(corpusRoot)) throw new Error(`the Dockerfile corpus is missing: expected it at ${corpusRoot}`);
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (dir !== corpusRoot) texts.push(readFileSync(full, 'utf8'));
    }
  };
  walk(corpusRoot);
  return texts;
}


const NOISE = ['\\', '\\\n', '\\ \n', '"', "'", '`', '<<EOF\n', '<<-EOF\n', '\nEOF\n', '\r\n', '\r', '\n\n\n', '#', '# escape=`\n', '[', '"]', '$(', '${', '&& \\\n', '\t', '\uFEFF', '\u00a0', 'FROM ', 'run ', 'ONBUILD ', 'ENV a b \\\n'];

function mutate(texts: readonly string[], next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  let out = '';
  const pieces = 1 + Math.floor(next() * 3);
  for (let p = 0; p < pieces; p++) {
    const text = pick(texts);
    const start = Math.floor(next() * text.length);
    const length = Math.floor(next() * Math.min(2000, text.length - start + 1));
    out += text.slice(start, start + length);
  }
  const insertions = Math.floor(next() * 6);
  for (let n = 0; n < insertions; n++) {
    const at = Math.floor(next() * (out.length + 1));
    out = out.slice(0, at) + pick(NOISE) + out.slice(at);
  }
  return out;
}

function keywords(text: string): string[] {
  return DockerfileParser.parse(text)
    .getInstructions()
    .map((instruction) => instruction.getKeyword());
}

describe('format on hostile input', () => {
  const texts = corpusTexts();
  const seeds = Array.from({ length: 8 }, (_unused, index) => 1000 + index);

  it.each(seeds)('seed %i: never throws, is idempotent, keeps the instruction list', (seed) => {
    const next = random(seed);
    for (let round = 0; round < 150; round++) {
      const input = mutate(texts, next);
      const result = format(input);
      const context = `seed ${seed}, round ${round}: ${JSON.stringify(input.slice(0, 300))}`;
      expect(result.error ?? '', context).not.toMatch(/^internal error/);
      if (result.error) {
        expect(result.output, context).toBe(input);
        continue;
      }
      expect(format(result.output).output, context).toBe(result.output);
      if (result.changed) expect(keywords(result.output), context).toEqual(keywords(input));
    }
  });

  it('survives pathological strings', () => {
    const inputs = ['\\', '\\\n', '`', '#', '# escape=`', '# escape=`\n`', '<<', 'RUN <<', 'RUN <<EOF', 'FROM\\', '\n'.repeat(10_000), 'RUN a \\\n'.repeat(2000), '["', 'CMD ["\\', '\uFEFF', '\uFEFF\uFEFF', '\u0000', 'RUN echo $((1+\\\n2))', 'RUN $(((', 'RUN "${', `RUN ${"'".repeat(999)}`];
    for (const input of inputs) {
      const result = format(input);
      expect(result.error ?? '').not.toMatch(/^internal error/);
      expect(format(result.output).output).toBe(result.output);
    }
  });
});
