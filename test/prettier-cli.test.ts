// prettier-plugin-dockfix through Prettier's real command line, in temporary projects, the way an
// editor extension or a pre-commit hook runs it: --plugin, .prettierrc with overrides for
// Dockerfile.*, .editorconfig, --check, and next to prettier-plugin-sh.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';

const require = createRequire(import.meta.url);
const prettierBin = path.join(repoRoot, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
const pluginPath = path.join(repoRoot, 'packages', 'prettier-plugin', 'dist', 'index.js');
const shPluginPath = require.resolve('prettier-plugin-sh');
const scratch = mkdtempSync(path.join(tmpdir(), 'dockfix-prettier-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const lines = (...content: string[]) => `${content.join('\n')}\n`;
const messy = lines('from alpine', 'run    apk add curl \\', '  && echo hi', '', '', '', 'from x as y', 'CMD ["a","b"]');
const tidy = lines('FROM alpine', 'RUN apk add curl \\', '    && echo hi', '', 'FROM x AS y', 'CMD ["a", "b"]');

/** A fresh project directory with the given files. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(scratch, 'project-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

function prettier(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [prettierBin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');

describe('prettier CLI with prettier-plugin-dockfix', () => {
  it('--plugin=<path> --write formats Dockerfile, Containerfile and *.dockerfile; --check then passes', () => {
    const dir = project({ Dockerfile: messy, Containerfile: messy, 'api.dockerfile': messy });
    const write = prettier(dir, `--plugin=${pluginPath}`, '--write', 'Dockerfile', 'Containerfile', 'api.dockerfile');
    expect(write.status, write.stderr).toBe(0);
    for (const name of ['Dockerfile', 'Containerfile', 'api.dockerfile']) expect(read(dir, name)).toBe(tidy);
    expect(prettier(dir, `--plugin=${pluginPath}`, '--check', 'Dockerfile', 'Containerfile', 'api.dockerfile').status).toBe(0);
  });

  it('--check fails on an unformatted Dockerfile and leaves it alone', () => {
    const dir = project({ Dockerfile: messy });
    const check = prettier(dir, `--plugin=${pluginPath}`, '--check', 'Dockerfile');
    expect(check.status).toBe(1);
    expect(check.stdout + check.stderr).toMatch(/Dockerfile/);
    expect(read(dir, 'Dockerfile')).toBe(messy);
  });

  it('formats Dockerfile.* through the documented .prettierrc overrides entry', () => {
    const config = { plugins: [pluginPath], overrides: [{ files: ['Dockerfile.*', 'Containerfile.*', '*.Dockerfile'], options: { parser: 'dockfix' } }] };
    const dir = project({ '.prettierrc': JSON.stringify(config), 'Dockerfile.prod': messy, 'Dockerfile.dev': messy });
    const write = prettier(dir, '--write', 'Dockerfile.prod', 'Dockerfile.dev');
    expect(write.status, write.stderr).toBe(0);
    expect(read(dir, 'Dockerfile.prod')).toBe(tidy);
    expect(read(dir, 'Dockerfile.dev')).toBe(tidy);
  });

  it('without the overrides entry, Prettier cannot tell what Dockerfile.prod is', () => {
    const dir = project({ '.prettierrc': JSON.stringify({ plugins: [pluginPath] }), 'Dockerfile.prod': messy });
    const write = prettier(dir, '--write', 'Dockerfile.prod');
    expect(write.status).not.toBe(0);
    expect(write.stderr).toMatch(/No parser could be inferred/);
    expect(read(dir, 'Dockerfile.prod')).toBe(messy);
  });

  it('honours .editorconfig indent_size and indent_style', () => {
    const text = lines('FROM alpine', 'RUN apk add \\', '        curl');
    const spaces = project({ '.editorconfig': '[*]\nindent_style = space\nindent_size = 2\n', Dockerfile: text });
    // Formatting only (with fixes on, `apk add` would also gain `--no-cache`).
    expect(prettier(spaces, `--plugin=${pluginPath}`, '--dockfix-fixes=none', '--write', 'Dockerfile').status).toBe(0);
    expect(read(spaces, 'Dockerfile')).toBe(lines('FROM alpine', 'RUN apk add \\', '  curl'));
    const tabs = project({ '.editorconfig': '[Dockerfile]\nindent_style = tab\n', Dockerfile: text });
    expect(prettier(tabs, `--plugin=${pluginPath}`, '--dockfix-fixes=none', '--write', 'Dockerfile').status).toBe(0);
    expect(read(tabs, 'Dockerfile')).toBe(lines('FROM alpine', 'RUN apk add \\', '\tcurl'));
  });

  it('honours --end-of-line and keeps CRLF with --end-of-line auto', () => {
    const dir = project({ Dockerfile: messy.replace(/\n/g, '\r\n') });
    expect(prettier(dir, `--plugin=${pluginPath}`, '--end-of-line', 'auto', '--write', 'Dockerfile').status).toBe(0);
    expect(read(dir, 'Dockerfile')).toBe(tidy.replace(/\n/g, '\r\n'));
  });

  it('--dockfix-fixes=none only formats', () => {
    const text = lines('FROM alpine', 'RUN apk update', 'RUN apk add curl');
    const dir = project({ Dockerfile: text });
    expect(prettier(dir, `--plugin=${pluginPath}`, '--dockfix-fixes=none', '--check', 'Dockerfile').status).toBe(0);
  });

  it('leaves a file it cannot format safely unchanged, exits 0 and says why on stderr', () => {
    // `FROM  alpine` would be reformatted, and no safe fix applies: the file must come back byte for byte.
    const broken = lines('FROM  alpine', 'RUN <<EOF', 'echo this heredoc never ends');
    const dir = project({ Dockerfile: broken });
    const write = prettier(dir, `--plugin=${pluginPath}`, '--write', 'Dockerfile');
    expect(write.status).toBe(0);
    expect(write.stderr).toMatch(/\[prettier-plugin-dockfix\] .*Dockerfile: not formatted: .*unterminated heredoc/);
    expect(read(dir, 'Dockerfile')).toBe(broken);
  });
});

describe('prettier CLI with both prettier-plugin-dockfix and prettier-plugin-sh', () => {
  // The file shows which printer ran: prettier-plugin-sh rewrites `ENV OLD style value` to
  // `ENV OLD=style value` (a different value) and drops the unknown instruction.
  const text = lines('FROM alpine', 'ENV OLD style value', 'FOO bar');

  it('the documented overrides entry (parser: "dockfix") makes dockfix format Dockerfiles whatever the plugin order', () => {
    const config = {
      plugins: [pluginPath, shPluginPath],
      overrides: [{ files: ['Dockerfile', 'Containerfile', '*.dockerfile', '*.Dockerfile', 'Dockerfile.*', 'Containerfile.*'], options: { parser: 'dockfix' } }],
    };
    const dir = project({ '.prettierrc': JSON.stringify(config), Dockerfile: text, 'Dockerfile.prod': text });
    const write = prettier(dir, '--write', 'Dockerfile', 'Dockerfile.prod');
    expect(write.status, write.stderr).toBe(0);
    expect(read(dir, 'Dockerfile')).toBe(text);
    expect(read(dir, 'Dockerfile.prod')).toBe(text);
  });

  it('without it, the plugin listed last formats Dockerfiles (here prettier-plugin-sh)', () => {
    const dir = project({ '.prettierrc': JSON.stringify({ plugins: [pluginPath, shPluginPath] }), Dockerfile: text });
    const write = prettier(dir, '--write', 'Dockerfile');
    expect(write.status, write.stderr).toBe(0);
    expect(read(dir, 'Dockerfile')).not.toBe(text);
  });
});
