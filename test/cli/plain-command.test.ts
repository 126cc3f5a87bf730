// `dockfix lint FILE…` and `dockfix fix FILE…` are read without yargs (main.ts plainCommand), which
// saves loading it on the commonest runs; the command must be exactly the one yargs reads.
import { describe, expect, test } from 'vitest';
import { parseCommandLine, plainCommand } from '../../packages/cli/dist/cli/main.js';
import { prng } from '../helpers/prng.js';

/** Lines the fast path must leave to yargs, or read as yargs does. */
const EDGES = ['Dockerfile', 'a b', 'dir/', '.', '..', './Dockerfile', '0123', '1e5', '0x1F', '.5', '+1', '-1', '-', '--', '', 'true', 'false', 'null', 'NaN', 'Infinity', 'a=b', 'help', 'version', '$0', '--help', '-h', 'services/**/Dockerfile', 'é', '1.Dockerfile', 'x,y'];

async function expectYargsAgrees(argv: readonly string[]): Promise<void> {
  const plain = plainCommand(argv);
  if (plain === null) return;
  const { command, usageError } = await parseCommandLine(argv);
  expect(usageError, argv.join(' ')).toBeNull();
  expect(plain, argv.join(' ')).toEqual(command);
}

describe('plainCommand', () => {
  test('reads the plain lines it is for', () => {
    for (const argv of [['lint', 'Dockerfile'], ['lint'], ['fix', 'a/Dockerfile', 'b.Dockerfile'], ['lint', 'services/**/Dockerfile']]) expect(plainCommand(argv), argv.join(' ')).not.toBeNull();
  });

  test('leaves options, stdin, numbers and other commands to yargs', () => {
    for (const argv of [['lint', '--format', 'json', 'Dockerfile'], ['lint', '-'], ['lint', '--', 'x'], ['lint', '0123'], ['lint', ''], ['lint', 'Dockerfile', 'help'], ['format', 'Dockerfile'], ['rules'], ['lint', '-q', 'x'], ['--version']]) {
      expect(plainCommand(argv), argv.join(' ')).toBeNull();
    }
  });

  test('gives what yargs gives, for each edge argument and pairs of them', async () => {
    for (const name of ['lint', 'fix']) {
      await expectYargsAgrees([name]);
      for (const a of EDGES) {
        await expectYargsAgrees([name, a]);
        for (const b of EDGES) await expectYargsAgrees([name, a, b]);
      }
    }
  });

  test('gives what yargs gives for random paths', async () => {
    const random = prng(4242);
    const alphabet = 'abcDEF019._-/*?[]{}!@#$%^&()=+,;: \'"\\é';
    const word = () => Array.from({ length: Math.floor(random() * 10) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 300; i++) await expectYargsAgrees([random() < 0.5 ? 'lint' : 'fix', ...Array.from({ length: 1 + Math.floor(random() * 3) }, word)]);
  });
});
