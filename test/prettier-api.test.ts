// prettier-plugin-dockfix through Prettier's own API, the way editor integrations call it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { format } from '@dockfix/core';
import { fix } from 'dockfix';
import * as prettier from 'prettier';
import * as plugin from 'prettier-plugin-dockfix';
import { formatDockerfile } from 'prettier-plugin-dockfix';
import * as sh from 'prettier-plugin-sh';
import { afterAll, describe, expect, it, vi } from 'vitest';

/** Option tests look at the printer alone: with fixes on, `apk add` would also gain `--no-cache`. */
const formatOnly = { dockfixFixes: 'none' } as prettier.Options;

const plugins = [plugin];
const lines = (...content: string[]) => `${content.join('\n')}\n`;
const scratch = mkdtempSync(path.join(tmpdir(), 'dockfix-prettier-api-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('prettier-plugin-dockfix through prettier.format()', () => {
  it('formats with parser "dockfix" exactly like the printer, with Prettier defaults', async () => {
    const text = lines('from alpine', 'run    apk add curl \\', '  && echo hi', '', '', '', 'from x as y', 'CMD ["a","b"]');
    const expected = format(text).output;
    expect(await prettier.format(text, { parser: 'dockfix', plugins, dockfixFixes: 'none' } as prettier.Options)).toBe(expected);
    expect(expected).toBe(lines('FROM alpine', 'RUN apk add curl \\', '    && echo hi', '', 'FROM x AS y', 'CMD ["a", "b"]'));
  });

  it.each(['Dockerfile', 'dockerfile', 'Containerfile', 'app.dockerfile', 'prod.Dockerfile', 'build.containerfile', 'sub/dir/Dockerfile'])(
    'infers the parser from the file name %s',
    async (name) => {
      expect((await prettier.getFileInfo(name, { plugins })).inferredParser).toBe('dockfix');
      expect(await prettier.format('from alpine\n', { filepath: name, plugins })).toBe('FROM alpine\n');
    },
  );

  it('does not claim Dockerfile.prod by itself (suffix names need an overrides entry, see the README)', async () => {
    expect((await prettier.getFileInfo('Dockerfile.prod', { plugins })).inferredParser).toBeNull();
  });

  it('honours tabWidth, useTabs, printWidth and endOfLine', async () => {
    const text = lines('FROM alpine', 'RUN apk add \\', ' curl', 'CMD ["node", \\', '  "server.js"]');
    expect(await prettier.format(text, { parser: 'dockfix', plugins, ...formatOnly, tabWidth: 2 })).toBe(lines('FROM alpine', 'RUN apk add \\', '  curl', 'CMD ["node", "server.js"]'));
    expect(await prettier.format(text, { parser: 'dockfix', plugins, ...formatOnly, useTabs: true })).toContain('RUN apk add \\\n\tcurl\n');
    expect(await prettier.format(text, { parser: 'dockfix', plugins, ...formatOnly, printWidth: 20 })).toContain('CMD ["node", \\\n    "server.js"]\n');
    expect(await prettier.format(text, { parser: 'dockfix', plugins, ...formatOnly, endOfLine: 'crlf' })).toBe(lines('FROM alpine', 'RUN apk add \\', '    curl', 'CMD ["node", "server.js"]').replace(/\n/g, '\r\n'));
    expect(await prettier.format(text.replace(/\n/g, '\r\n'), { parser: 'dockfix', plugins, ...formatOnly, endOfLine: 'auto' })).toMatch(/^FROM alpine\r\nRUN apk add \\\r\n {4}curl\r\n/);
  });

  it('indents continuation lines by 4 when nothing says otherwise (the plugin default)', async () => {
    expect(await prettier.format(lines('FROM alpine', 'RUN apk add \\', ' curl'), { parser: 'dockfix', plugins, ...formatOnly })).toBe(lines('FROM alpine', 'RUN apk add \\', '    curl'));
  });

  it('keeps the BOM', async () => {
    expect(await prettier.format('\uFEFFfrom alpine\n', { parser: 'dockfix', plugins })).toBe('\uFEFFFROM alpine\n');
  });

  it('applies exactly dockfix’s safe fixes by default, and none with dockfixFixes: "none"', async () => {
    const text = lines('FROM node:20', 'WORKDIR /app', 'RUN apt-get update', 'RUN apt-get install -y curl', 'COPY . .', 'RUN npm install --only=production', 'CMD ["node","server.js"]');
    const safe = fix(text);
    expect(safe.applied.length).toBeGreaterThan(0);
    expect(safe.applied.every((applied) => applied.safety === 'safe')).toBe(true);
    const withFixes = await prettier.format(text, { filepath: path.join(scratch, 'Dockerfile'), plugins });
    expect(withFixes).toBe(format(safe.output).output);
    const withoutFixes = await prettier.format(text, { filepath: path.join(scratch, 'Dockerfile'), plugins, dockfixFixes: 'none' } as prettier.Options);
    expect(withoutFixes).toBe(format(text).output);
    // Unsafe fixes never run on save.
    const unsafe = fix(text, { unsafe: true });
    if (unsafe.applied.some((applied) => applied.safety === 'unsafe')) expect(withFixes).not.toBe(format(unsafe.output).output);
    // The second save changes nothing.
    expect(await prettier.format(withFixes, { filepath: path.join(scratch, 'Dockerfile'), plugins })).toBe(withFixes);
  });

  it('reads the project’s dockfix config for the fixes', async () => {
    const project = mkdtempSync(path.join(scratch, 'project-'));
    const text = lines('FROM alpine', 'RUN apk update', 'RUN apk add curl');
    const applied = fix(text).applied.map((entry) => entry.ruleId);
    expect(applied.length).toBeGreaterThan(0);
    writeFileSync(path.join(project, '.dockfix.json'), JSON.stringify({ ignore: applied }));
    expect(await prettier.format(text, { filepath: path.join(project, 'Dockerfile'), plugins })).toBe(text);
  });

  it('does not apply fixes when the dockfix config is broken, and says why once', async () => {
    const project = mkdtempSync(path.join(scratch, 'broken-'));
    writeFileSync(path.join(project, '.dockfix.json'), '{ not json');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const text = lines('FROM alpine', 'RUN apk update', 'RUN apk add curl');
    expect(await prettier.format(text, { filepath: path.join(project, 'Dockerfile'), plugins })).toBe(text);
    expect(await prettier.format(text, { filepath: path.join(project, 'Dockerfile'), plugins })).toBe(text);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/prettier-plugin-dockfix.*not valid JSON/);
    warn.mockRestore();
  });

  it.each([
    ['a comments-only file', '# nothing here\n# at all\n', '# nothing here\n# at all\n'],
    ['an unterminated heredoc', lines('FROM alpine', 'RUN <<EOF', 'echo never ends'), null],
    ['an unknown instruction', lines('FROM alpine', 'FOO bar'), lines('FROM alpine', 'FOO bar')],
    ['RUN <<A … <<B', lines('FROM alpine', 'RUN <<A cat && <<B cat', 'a', 'A', 'b', 'B'), lines('FROM alpine', 'RUN <<A cat && <<B cat', 'a', 'A', 'b', 'B')],
    ['ENV OLD style value', lines('FROM alpine', 'ENV OLD style value'), lines('FROM alpine', 'ENV OLD style value')],
    ['an empty continuation line', lines('FROM alpine', 'RUN apk add curl \\', '', '    bash'), lines('FROM alpine', 'RUN apk add curl \\', '    bash')],
    ['garbage', '\u0000\\\\``"[<<', '\u0000\\\\``"[<<\n'],
    ['an empty file', '', ''],
  ])('never throws out of format() for %s', async (_name, text, expected) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const output = await prettier.format(text, { parser: 'dockfix', plugins, dockfixFixes: 'none' } as prettier.Options);
    expect(output).toBe(expected ?? text);
    warn.mockRestore();
  });

  it('reports why a file was left unchanged on stderr, once per file and reason', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const text = lines('FROM alpine', 'RUN <<EOF', 'echo never ends');
    await prettier.format(text, { filepath: 'warned/Dockerfile', plugins });
    await prettier.format(text, { filepath: 'warned/Dockerfile', plugins });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^\[prettier-plugin-dockfix\] warned\/Dockerfile: not formatted: .*unterminated heredoc/);
    warn.mockRestore();
  });

  it('exposes the printer as a function (async: finding the config may import a JavaScript config)', async () => {
    const output = await formatDockerfile('from alpine\n', { dockfixFixes: 'none' });
    expect(output).toBe('FROM alpine\n');
  });

  it('supports --require-pragma and --insert-pragma, keeping parser directives first', async () => {
    expect(await prettier.format('from alpine\n', { parser: 'dockfix', plugins, requirePragma: true })).toBe('from alpine\n');
    expect(await prettier.format('# @format\nfrom alpine\n', { parser: 'dockfix', plugins, requirePragma: true })).toBe('# @format\nFROM alpine\n');
    expect(await prettier.format('# syntax=docker/dockerfile:1\n# escape=`\nfrom alpine\n', { parser: 'dockfix', plugins, insertPragma: true })).toBe(
      '# syntax=docker/dockerfile:1\n# escape=`\n# @format\nFROM alpine\n',
    );
  });

  it('passes prettier.check() once formatted', async () => {
    const formatted = await prettier.format(lines('from alpine', 'run true'), { parser: 'dockfix', plugins });
    expect(await prettier.check(formatted, { parser: 'dockfix', plugins })).toBe(true);
  });
});

describe('next to prettier-plugin-sh', () => {
  const text = lines('FROM alpine', 'ENV OLD style value', 'FOO bar');

  it('the plugin listed last wins parser inference for Dockerfile', async () => {
    expect((await prettier.getFileInfo('Dockerfile', { plugins: [sh, plugin] })).inferredParser).toBe('dockfix');
    expect((await prettier.getFileInfo('Dockerfile', { plugins: [plugin, sh] })).inferredParser).toBe('dockerfile');
  });

  it('parser: "dockfix" picks dockfix whatever the order', async () => {
    expect(await prettier.format(text, { filepath: 'Dockerfile', parser: 'dockfix', plugins: [plugin, sh] })).toBe(text);
    // What prettier-plugin-sh does to the same file (its documented flaws: the legacy ENV form
    // rewritten, the unknown instruction dropped) shows which printer ran.
    const viaSh = await prettier.format(text, { filepath: 'Dockerfile', plugins: [plugin, sh] }).catch((error: unknown) => `threw: ${String(error)}`);
    expect(viaSh).not.toBe(text);
  });
});
