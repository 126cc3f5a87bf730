// `dockfix fix` end to end: in-place writes, --diff, --check, --stdout, --unsafe.
import { chmodSync, readFileSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLEAN_APP, NODE_APP, OMIT_DEV_ONLY, SELECT_KNOWN, TWO_RUNS } from './fixtures.js';
import { makeProject, parseJsonReport, ruleIds, runCli } from './run-cli.js';

const read = (dir: string, name = 'Dockerfile') => readFileSync(path.join(dir, name), 'utf8');

/** What NODE_APP looks like after the safe fixes, checked by content rather than byte-for-byte (the rules own the exact text). */
function expectSafeFixesOnly(text: string): void {
  expect(text).toContain('--omit=dev');
  expect(text).not.toContain('--only=production');
  expect(text).toContain('npm cache clean --force');
  expect(text.match(/^RUN /gm)).toHaveLength(1); // merge-run merged the two RUNs
  expect(text).toContain('npm install'); // npm-ci is unsafe
  expect(text).not.toMatch(/^USER /m); // no-root-user is unsafe
}

describe('fix in place', () => {
  test('applies safe fixes, reports what remains, hints at --unsafe, exits 1 while problems remain', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const result = await runCli(['fix', ...SELECT_KNOWN], { cwd });
    expect(result.code).toBe(1);
    expectSafeFixesOnly(read(cwd));
    expect(result.stdout).toMatch(/^Dockerfile$/m);
    expect(result.stdout).toMatch(/\[!\] .+ {2}npm-ci$/m);
    expect(result.stdout).toMatch(/\[!\] .+ {2}no-root-user \(DL3002\)$/m);
    expect(result.stdout).toContain('Fixed 3 problems in 1 file; 2 remaining');
    expect(result.stderr).toBe('2 more fixes available with --unsafe\n');

    // A second run has nothing left to apply.
    const again = await runCli(['fix', ...SELECT_KNOWN], { cwd });
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('No fixes applied; 2 remaining');
  });

  test('--unsafe applies the unsafe fixes too: exit 0, no hint', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const result = await runCli(['fix', '--unsafe', ...SELECT_KNOWN], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    // The estimate compares the file before and after: one RUN merged away, the apt lists deleted.
    expect(result.stdout).toBe('Fixed 5 problems in 1 file; 0 remaining\nEstimate: 1 layer fewer, 1 cache no longer kept in a layer\n');
    const text = read(cwd);
    expect(text).toMatch(/^RUN npm ci --omit=dev && npm cache clean --force/m);
    expect(text).toMatch(/^USER node$/m);
    expect((await runCli(['lint', ...SELECT_KNOWN], { cwd })).code).toBe(0);
  });

  test('keeps the file mode; replaces the file atomically (new inode)', async () => {
    const cwd = makeProject({ Dockerfile: OMIT_DEV_ONLY });
    const file = path.join(cwd, 'Dockerfile');
    chmodSync(file, 0o640);
    const before = statSync(file);
    const result = await runCli(['fix', ...SELECT_KNOWN], { cwd });
    expect(result.code).toBe(0);
    const after = statSync(file);
    expect(read(cwd)).toContain('npm ci --omit=dev');
    expect(after.mode & 0o7777).toBe(0o640);
    expect(after.ino).not.toBe(before.ino); // written to a temp file and renamed over
  });

  test('keeps CRLF line endings and a UTF-8 BOM', async () => {
    const crlf = OMIT_DEV_ONLY.replace(/\n/g, '\r\n');
    const cwd = makeProject({ 'crlf.Dockerfile': crlf, 'bom.Dockerfile': `\uFEFF${OMIT_DEV_ONLY}`, 'both.Dockerfile': `\uFEFF${crlf}` });
    const result = await runCli(['fix', ...SELECT_KNOWN], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Fixed 3 problems in 3 files; 0 remaining');
    const crlfOut = read(cwd, 'crlf.Dockerfile');
    expect(crlfOut).toBe(crlf.replace('--only=production', '--omit=dev'));
    expect(crlfOut.split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);
    const bomBytes = readFileSync(path.join(cwd, 'bom.Dockerfile'));
    expect([...bomBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(read(cwd, 'bom.Dockerfile')).toBe(`\uFEFF${OMIT_DEV_ONLY.replace('--only=production', '--omit=dev')}`);
    expect(read(cwd, 'both.Dockerfile')).toBe(`\uFEFF${crlf.replace('--only=production', '--omit=dev')}`);
  });

  test('never touches a file that needs no change (same inode, same mtime)', async () => {
    const cwd = makeProject({ 'clean/Dockerfile': CLEAN_APP, 'dirty/Dockerfile': OMIT_DEV_ONLY });
    const clean = path.join(cwd, 'clean', 'Dockerfile');
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(clean, past, past);
    const before = statSync(clean);
    const result = await runCli(['fix', ...SELECT_KNOWN], { cwd });
    expect(result.code).toBe(0);
    const after = statSync(clean);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(past.getTime());
    expect(read(cwd, 'dirty/Dockerfile')).toContain('--omit=dev');
  });

  test('--format json: stdout is the JSON report of what remains; the summary goes to stderr', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const result = await runCli(['fix', ...SELECT_KNOWN, '-f', 'json'], { cwd });
    expect(result.code).toBe(1);
    const [file] = parseJsonReport(result.stdout);
    expect(ruleIds(file).sort()).toEqual(['no-root-user', 'npm-ci']);
    expect(file?.messages.every((message) => message.fix?.safety === 'unsafe')).toBe(true);
    expect(result.stderr).toBe('Fixed 3 problems in 1 file; 2 remaining\nEstimate: 1 layer fewer, 1 cache no longer kept in a layer\n2 more fixes available with --unsafe\n');
  });
});

describe('fix without writing', () => {
  test('--diff prints a unified diff and writes nothing; exit reflects what would remain', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP, 'omit.Dockerfile': OMIT_DEV_ONLY });
    const result = await runCli(['fix', '--diff', ...SELECT_KNOWN], { cwd });
    expect(read(cwd)).toBe(NODE_APP);
    expect(read(cwd, 'omit.Dockerfile')).toBe(OMIT_DEV_ONLY);
    expect(result.stdout).toContain('--- a/Dockerfile\n+++ b/Dockerfile\n');
    expect(result.stdout).toContain('--- a/omit.Dockerfile\n+++ b/omit.Dockerfile\n');
    expect(result.stdout).toContain('-RUN npm ci --only=production && npm cache clean --force\n+RUN npm ci --omit=dev && npm cache clean --force\n');
    // The report of what would remain goes to stderr, keeping stdout a clean patch.
    expect(result.stderr).toContain('Would fix 4 problems in 2 files; 2 remaining');
    expect(result.stderr).toContain('2 more fixes available with --unsafe');
    expect(result.code).toBe(1);

    const safeOnly = await runCli(['fix', '--diff', ...SELECT_KNOWN, 'omit.Dockerfile'], { cwd });
    expect(safeOnly.code).toBe(0); // nothing would remain, and no --check
    expect(read(cwd, 'omit.Dockerfile')).toBe(OMIT_DEV_ONLY);
  });

  test('--diff --check exits 1 when anything would change, 0 with an empty diff', async () => {
    const cwd = makeProject({ 'omit.Dockerfile': OMIT_DEV_ONLY, 'clean.Dockerfile': CLEAN_APP });
    const dirty = await runCli(['fix', '--diff', '--check', ...SELECT_KNOWN, 'omit.Dockerfile'], { cwd });
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toContain('+++ b/omit.Dockerfile');
    expect(read(cwd, 'omit.Dockerfile')).toBe(OMIT_DEV_ONLY);
    const clean = await runCli(['fix', '--diff', '--check', ...SELECT_KNOWN, 'clean.Dockerfile'], { cwd });
    expect(clean).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('--check alone writes nothing and exits 1 when a fix would apply', async () => {
    const cwd = makeProject({ 'omit.Dockerfile': OMIT_DEV_ONLY });
    const result = await runCli(['fix', '--check', ...SELECT_KNOWN], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Would fix 1 problem in 1 file; 0 remaining');
    expect(read(cwd, 'omit.Dockerfile')).toBe(OMIT_DEV_ONLY);
  });

  test('the summary ends with an estimate of what the rewrite saves, with the base-image sizes and their date', async () => {
    const cwd = makeProject({ Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nUSER nobody\nCMD ["python", "app.py"]\n' });
    const result = await runCli(['fix', '--unsafe', '--select', 'prefer-slim-base,pip-no-cache-dir', 'Dockerfile'], { cwd });
    expect(result.stdout).toMatch(/^Estimate: base images ~325 MB smaller \(table: python:3\.12 ~370 MB → python:3\.12-slim ~45 MB\), 1 cache no longer kept in a layer; compressed amd64 sizes from dockfix's table of \d{4}-\d\d-\d\d$/m);
  });

  test('--stdout prints the fixed file and leaves it alone', async () => {
    const cwd = makeProject({ Dockerfile: TWO_RUNS });
    const result = await runCli(['fix', '--stdout', '--select', 'DL3059', 'Dockerfile'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout.match(/^RUN /gm)).toHaveLength(1);
    expect(result.stdout).toContain('apk add --no-cache curl');
    expect(result.stdout).toContain('apk add --no-cache git');
    // Two RUNs became one: one layer fewer; both already used --no-cache, so no cache is counted.
    expect(result.stderr).toBe('Fixed 1 problem in 1 file; 0 remaining\nEstimate: 1 layer fewer\n');
    expect(read(cwd)).toBe(TWO_RUNS);
    // An unchanged file is printed as it is.
    const unchanged = await runCli(['fix', '--stdout', ...SELECT_KNOWN], { cwd: makeProject({ Dockerfile: CLEAN_APP }) });
    expect(unchanged).toEqual({ code: 0, stdout: CLEAN_APP, stderr: '' });
  });

  test('--stdout with several files is a usage error', async () => {
    const cwd = makeProject({ 'a/Dockerfile': TWO_RUNS, 'b/Dockerfile': TWO_RUNS });
    const result = await runCli(['fix', '--stdout'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^dockfix: --stdout takes one file, but 2 were found; .+\n$/);
    expect(read(cwd, 'a/Dockerfile')).toBe(TWO_RUNS);
  });

  test('stdin: `fix -` prints the fixed text; the report goes to stderr', async () => {
    const cwd = makeProject();
    const result = await runCli(['fix', '-', ...SELECT_KNOWN, '--stdin-filename', 'Dockerfile'], { cwd, input: NODE_APP });
    expect(result.code).toBe(1);
    expectSafeFixesOnly(result.stdout);
    expect(result.stderr).toContain('Fixed 3 problems in 1 file; 2 remaining');
    expect(result.stderr).toMatch(/^Dockerfile$/m);
    const diff = await runCli(['fix', '-', '--diff', ...SELECT_KNOWN, '--stdin-filename', 'app/Dockerfile'], { cwd, input: OMIT_DEV_ONLY });
    expect(diff.stdout).toContain('--- a/app/Dockerfile\n+++ b/app/Dockerfile\n');
  });

  test('stdin that does not parse is echoed unchanged (an editor filter must not lose the buffer), exit 2', async () => {
    const broken = 'FROM alpine:3.20\nRUNN echo hi\n';
    const result = await runCli(['fix', '-'], { cwd: makeProject(), input: broken });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(broken);
    expect(result.stderr).toMatch(/^dockfix: <stdin>:2:1: unknown instruction "RUNN"; /);
  });
});

describe('files a fix asks for', () => {
  const WHOLE_CONTEXT = 'FROM node:24-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev && npm cache clean --force\nCOPY . .\nENV NODE_ENV=production\nUSER node\nCMD ["node", "index.js"]\n';

  test('fix --unsafe creates the missing .dockerignore beside the Dockerfile and stops reporting it', async () => {
    const cwd = makeProject({ 'app/Dockerfile': WHOLE_CONTEXT });
    const dry = await runCli(['fix', '--unsafe', '--diff', 'app/Dockerfile'], { cwd });
    expect(dry.stdout).toContain('+++ b/app/.dockerignore');
    expect(() => statSync(path.join(cwd, 'app/.dockerignore'))).toThrow();
    const result = await runCli(['fix', '--unsafe', 'app/Dockerfile', '-f', 'json'], { cwd });
    expect(result.stderr).toContain('Created app/.dockerignore');
    expect(readFileSync(path.join(cwd, 'app/.dockerignore'), 'utf8')).toContain('node_modules');
    expect(ruleIds(parseJsonReport(result.stdout)[0])).not.toContain('missing-dockerignore');
    expect(result.code).toBe(0);
  });

  test('fix --stdout writes nothing to disk: it says the file would be created, on stderr', async () => {
    const cwd = makeProject({ 'app/Dockerfile': WHOLE_CONTEXT });
    const result = await runCli(['fix', '--unsafe', '--stdout', 'app/Dockerfile'], { cwd });
    expect(() => statSync(path.join(cwd, 'app/.dockerignore'))).toThrow();
    expect(result.stdout).toBe(read(path.join(cwd, 'app')));
    expect(result.stderr).toContain('Would create app/.dockerignore');
  });

  test('never without --unsafe, and never over an existing file', async () => {
    const cwd = makeProject({ Dockerfile: WHOLE_CONTEXT });
    await runCli(['fix', 'Dockerfile'], { cwd });
    expect(() => statSync(path.join(cwd, '.dockerignore'))).toThrow();
    const mine = makeProject({ Dockerfile: WHOLE_CONTEXT, '.dockerignore': 'mine\n' });
    await runCli(['fix', '--unsafe', 'Dockerfile'], { cwd: mine });
    expect(readFileSync(path.join(mine, '.dockerignore'), 'utf8')).toBe('mine\n');
  });
});
