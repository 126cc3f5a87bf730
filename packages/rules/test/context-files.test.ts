import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter, type FileStat, type FileSystemHost } from '@dockfix/core';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';

const linter = createLinter({ rules });
const APP = 'FROM node:24-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev && npm run build\nCMD ["node", "index.js"]\n';

/** A tree in memory, as an editor or a test would hand it to the linter. */
function memoryHost(files: Record<string, string>): FileSystemHost {
  return {
    stat: (path): FileStat | null => {
      if (path in files) return { kind: 'file', size: Buffer.byteLength(files[path] ?? '') };
      return Object.keys(files).some((file) => file.startsWith(`${path}/`)) ? { kind: 'directory', size: 0 } : null;
    },
    readText: (path) => files[path] ?? null,
  };
}

describe('rules read the files beside the Dockerfile through ctx.files', () => {
  it('every result lists the files its rules looked at, found or not, and not the Dockerfile itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockfix-context-'));
    writeFileSync(join(dir, 'Dockerfile'), APP);
    writeFileSync(join(dir, '.git'), 'gitdir: elsewhere\n');
    const result = linter.lint(APP, { filePath: join(dir, 'Dockerfile') });
    expect(result.fileDependencies).toContain(join(dir, 'Dockerfile.dockerignore'));
    expect(result.fileDependencies).toContain(join(dir, '.dockerignore'));
    expect(result.fileDependencies).toContain(join(dir, 'package.json'));
    expect(result.fileDependencies).not.toContain(join(dir, 'Dockerfile'));
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('missing-dockerignore');
    // fix: the union over every pass.
    expect(linter.fix(APP, { filePath: join(dir, 'Dockerfile'), unsafe: true }).fileDependencies).toEqual(expect.arrayContaining([...result.fileDependencies]));
  });

  it('a host answers instead of the disk: an unsaved .dockerignore and package.json count', () => {
    const onDisk = linter.lint(APP, { filePath: '/project/Dockerfile', fileSystem: memoryHost({ '/project/Dockerfile': APP, '/project/.git/HEAD': '' }) });
    expect(onDisk.diagnostics.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['missing-dockerignore', 'build-without-dev-deps']));
    const inMemory = linter.lint(APP, {
      filePath: '/project/Dockerfile',
      fileSystem: memoryHost({ '/project/Dockerfile': APP, '/project/.dockerignore': 'node_modules\n', '/project/package.json': '{"dependencies":{}}' }),
    });
    expect(inMemory.diagnostics.map((d) => d.ruleId)).not.toContain('missing-dockerignore');
    // No devDependencies in the package.json: nothing is missing from the build.
    expect(inMemory.diagnostics.map((d) => d.ruleId)).not.toContain('build-without-dev-deps');
  });

  it('text without a path looks at nothing', () => {
    expect(linter.lint(APP).fileDependencies).toEqual([]);
  });

  it('no rule reaches the disk through node:fs', () => {
    // lib/docs.ts locates the shipped rule pages and lib/shellcheck-process.ts hands a script to the
    // shellcheck binary: neither reads the linted project.
    const allowed = new Set(['lib/docs.ts', 'lib/shellcheck-process.ts']);
    const root = join(import.meta.dirname, '..', 'src');
    const offenders = (readdirSync(root, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts') && !allowed.has(file.replaceAll('\\', '/')))
      .filter((file) => /from ['"](?:node:)?fs(?:\/promises)?['"]/.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
