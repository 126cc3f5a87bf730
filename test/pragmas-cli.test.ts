// Pragmas end to end: fixes never touch what a pragma guards for their rule (CLI fix, CLI format
// --fixes safe, Prettier on save), unknown names are reported, unused ones with --report-unused-pragmas.
import path from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, test } from 'vitest';
import { makeProject, parseJsonReport, runCli } from './cli/run-cli.js';
import { repoRoot } from './helpers/paths.js';

const plugins = [path.join(repoRoot, 'packages', 'prettier-plugin', 'dist', 'index.js')];
const GUARDED = 'FROM alpine:3.22\n# hadolint ignore=DL3059\nRUN mkdir -p /app\nRUN mkdir -p /data\n';
const CONFIG = JSON.stringify({ select: ['merge-run'] });

describe('fixes respect pragmas', () => {
  test('merge-run leaves a RUN that `# hadolint ignore=DL3059` guards alone: fix, format --fixes safe, Prettier', async () => {
    const cwd = makeProject({ '.dockfix.json': CONFIG, Dockerfile: GUARDED, 'unguarded/Dockerfile': GUARDED.replace('# hadolint ignore=DL3059\n', '') });
    // The unguarded copy shows the fix exists.
    expect((await runCli(['fix', '--stdout', 'unguarded/Dockerfile'], { cwd })).stdout).toContain('mkdir -p /app && \\');
    expect((await runCli(['fix', '--stdout', '--unsafe', 'Dockerfile'], { cwd })).stdout).toBe(GUARDED);
    expect((await runCli(['format', '--fixes', 'safe', '--stdin-filename', 'Dockerfile'], { cwd, input: GUARDED })).stdout).toBe(GUARDED);
    expect(await prettier.format(GUARDED, { filepath: path.join(cwd, 'Dockerfile'), plugins })).toBe(GUARDED);
  });
});

describe('pragma names', () => {
  test('an unknown name is a warning on the name; --report-unused-pragmas reports names that silence nothing', async () => {
    // No comment between the RUNs: a comment line keeps two RUNs apart for merge-run.
    const text = 'FROM alpine:3.22\n# dockfix-ignore: merge-rn\nRUN mkdir -p /app\nRUN mkdir -p /data\n# dockfix-ignore: npm-ci\nWORKDIR /app\n';
    // unknown-pragma-rule is on by default, but `select` replaces the defaults.
    const cwd = makeProject({ '.dockfix.json': JSON.stringify({ select: ['merge-run', 'unknown-pragma-rule'] }), Dockerfile: text });
    const plain = parseJsonReport((await runCli(['lint', '-f', 'json'], { cwd })).stdout)[0]?.messages ?? [];
    expect(plain.map((m) => [m.ruleId, m.line, m.message])).toEqual([
      ['unknown-pragma-rule', 2, 'Unknown rule "merge-rn" in a pragma; did you mean "merge-run"?'],
      ['merge-run', 4, 'Merge this RUN into the one on line 3 to save a layer'],
    ]);
    const unused = parseJsonReport((await runCli(['lint', '-f', 'json', '--report-unused-pragmas'], { cwd })).stdout)[0]?.messages ?? [];
    expect(unused.map((m) => [m.ruleId, m.line])).toEqual([
      ['unknown-pragma-rule', 2],
      ['merge-run', 4],
      ['unused-pragma', 5],
    ]);
    const fromConfig = makeProject({ '.dockfix.json': JSON.stringify({ select: ['merge-run'], reportUnusedPragmas: 'error' }), Dockerfile: text });
    const configured = parseJsonReport((await runCli(['lint', '-f', 'json'], { cwd: fromConfig })).stdout)[0]?.messages ?? [];
    expect(configured.find((m) => m.ruleId === 'unused-pragma')?.severity).toBe('error');
  });
});
