// split-arguments.ts against the dockerfile-ast splitter it rewrites: for every instruction of the
// corpus and of random Dockerfiles full of escapes, continuations, comments and line endings, the
// arguments (text and range) must be exactly those of Instruction.prototype.getRawArguments.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { splitArguments, type SplittableInstruction } from '../src/split-arguments.js';
import { corpusRoot, listCorpusFiles } from '../../../test/helpers/paths.js';
import { prng } from '../../../test/helpers/prng.js';

type Split = { getRawArguments(): { getValue(): string; getRange(): unknown }[] };

/** The instructions of a text whose two splits differ, with both answers. */
function disagreements(text: string): { instruction: string; original: unknown; rewritten: unknown }[] {
  const view = (args: ReturnType<Split['getRawArguments']>) => args.map((arg) => [arg.getValue(), arg.getRange()]);
  // ONBUILD triggers are instructions of their own, split by the same method.
  const instructions = DockerfileParser.parse(text).getInstructions();
  const all: Instruction[] = [...instructions, ...instructions.flatMap((node) => ('getTriggerInstruction' in node ? [(node as { getTriggerInstruction(): Instruction | null }).getTriggerInstruction()].filter((t): t is Instruction => t !== null) : []))];
  return all.flatMap((node) => {
    const original = view((node as unknown as Split).getRawArguments());
    const rewritten = view(splitArguments(node as unknown as SplittableInstruction));
    return JSON.stringify(original) === JSON.stringify(rewritten) ? [] : [{ instruction: node.getKeyword(), original, rewritten }];
  });
}

// Pieces that walk every branch of the splitter: escapes before blanks, line breaks (LF and CRLF), `$`
// and the end of the text, comment lines inside continuations, tabs, quotes and the backtick escape.
const PIECES = ['a', 'bc', ' ', '  ', '\t', '\\', '\\ ', '\\\n', '\\\r\n', '\\  \n', '\\ \t\r\n', '\\$', '\\x', '$X', '"q r"', "'s'", '#', '# c\n', '\n  # c\n', '\n', '\r\n', '`', '` \n', '`\n', '\\ x', '=', '[', ']', ',', '"'];
const KEYWORDS = ['RUN', 'COPY', 'ENV', 'LABEL', 'CMD', 'ONBUILD RUN', 'ARG', 'FROM', 'EXPOSE'];

function randomDockerfile(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const escape = random() < 0.2 ? '# escape=`\n' : '';
  let text = escape + 'FROM a\n';
  for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
    text += `${pick(KEYWORDS)} `;
    for (let k = Math.floor(random() * 12); k > 0; k--) text += pick(PIECES);
    text += pick(['\n', '\r\n', '']);
  }
  return text;
}

describe('splitArguments', () => {
  it('splits every instruction of the corpus as dockerfile-ast does', () => {
    const wrong = listCorpusFiles().flatMap((file) => disagreements(readFileSync(path.join(corpusRoot, file), 'utf8')).map((d) => ({ file, ...d })));
    expect(wrong).toEqual([]);
  });

  it.each([1, 2, 3])('splits random instructions as dockerfile-ast does (seed %i)', (seed) => {
    const random = prng(seed);
    const wrong: { text: string }[] = [];
    let instructions = 0;
    for (let n = 0; n < 3000; n++) {
      const text = randomDockerfile(random);
      instructions += DockerfileParser.parse(text).getInstructions().length;
      if (disagreements(text).length > 0) wrong.push({ text });
    }
    expect(wrong).toEqual([]);
    // The generator makes real instructions, not only comments: the comparison above is not idle.
    expect(instructions).toBeGreaterThan(6000);
  });
});
