// require('dockfix').init() turns on Node's compile cache (Node >= 22.1) before it imports the
// ES modules: that is the one place a call covers them all. Node 20 has no enableCompileCache, so
// the call is checked with a stand-in, and its absence must not matter.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from './helpers/paths.js';

const ENTRY = path.join(repoRoot, 'packages', 'cli', 'cjs', 'index.cjs');

function run(setup: string): unknown {
  const code = `${setup}
const dockfix = require(${JSON.stringify(ENTRY)});
Promise.all([dockfix.init(), dockfix.init()]).then(() => {
  process.stdout.write(JSON.stringify({ calls: globalThis.calls ?? null, ruleIds: dockfix.lint('FROM node:20\\nRUN npm install\\n').diagnostics.map((d) => d.ruleId) }));
});`;
  const result = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}

describe("require('dockfix').init()", () => {
  test('enables the compile cache once, before the ES modules load', () => {
    const stub = `const nodeModule = require('node:module');
globalThis.calls = [];
nodeModule.enableCompileCache = () => { globalThis.calls.push(Object.keys(require.cache).some((file) => file.includes('/yaml/') || file.includes('/dockerfile-ast/'))); return { status: 0 }; };`;
    const report = run(stub) as { calls: boolean[]; ruleIds: string[] };
    // One call, made while none of the engine's dependencies was loaded yet.
    expect(report.calls).toEqual([false]);
    expect(report.ruleIds).toContain('npm-ci');
  });

  test('works where Node has no enableCompileCache (Node < 22.1)', () => {
    const report = run("delete require('node:module').enableCompileCache;") as { ruleIds: string[] };
    expect(report.ruleIds).toContain('npm-ci');
  });
});
