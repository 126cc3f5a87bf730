// Every --format, end to end on the built binary, read back the way its consumer reads it: the
// official SARIF 2.1.0 schema and reviewdog's rdjson schema (ajv), GitHub's workflow-command
// escaping, GCC/problem-matcher line syntax, an XML parser for checkstyle and JUnit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { escapeData, escapeProperty } from '../../packages/cli/dist/cli/report/github.js';
import { repoRoot } from '../helpers/paths.js';
import { SELECT_KNOWN } from './fixtures.js';
import { makeProject, parseJsonReport, runCli, type JsonFile } from './run-cli.js';

/** NODE_APP with non-ASCII text before the fixes on line 4, so UTF-16 and UTF-8 columns differ. */
const APP = [
  'FROM node:20-alpine',
  'WORKDIR /app',
  'COPY package*.json ./',
  'RUN echo "héllo wörld 🐳" && npm install --only=production',
  'RUN npm run build',
  'COPY . .',
  'CMD ["node", "server.js"]',
  '',
].join('\n');

// Both are CommonJS whose module.exports is the function itself.
const require = createRequire(import.meta.url);
const Ajv04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

const schemas = path.join(repoRoot, 'test', 'fixtures', 'schemas');

function validator(file: string) {
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(schemas, file), 'utf8')) as object);
}

/** Offset of a 1-based line and UTF-16 column, computed independently of dockfix. */
function offsetOfUtf16(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += (lines[i] as string).length + 1;
  return offset + column - 1;
}

/** Offset of a 1-based line and UTF-8 byte column (reviewdog's unit). */
function offsetOfUtf8(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  const lineText = lines[line - 1] ?? '';
  const prefix = Buffer.from(lineText, 'utf8').subarray(0, column - 1).toString('utf8');
  return offsetOfUtf16(text, line, 1) + prefix.length;
}

/** Applies non-overlapping offset edits, as the JSON report gives them. */
function applyEdits(text: string, edits: readonly { start: number; end: number; text: string }[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** The JSON report of the same run: the reference every other format is compared with. */
async function jsonReport(cwd: string, args: readonly string[] = []): Promise<JsonFile[]> {
  const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'json', ...args], { cwd });
  expect(result.code).toBe(1);
  return parseJsonReport(result.stdout);
}

describe('compact and gnu', () => {
  // What a VS Code problem matcher for GCC-style output captures (file, line, column, severity, message, code).
  const PROBLEM_MATCHER = /^(.+?):(\d+):(\d+):\s+(error|warning|info|style):\s+(.*)\s+\[([^\]\s]+)\]$/;

  test.each(['compact', 'gnu'])('%s: every line parses with a problem-matcher regex and says what the JSON report says', async (format) => {
    const cwd = makeProject({ Dockerfile: APP });
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', format], { cwd });
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    const parsed = lines.map((line) => {
      const match = PROBLEM_MATCHER.exec(line);
      expect(match, line).not.toBeNull();
      const [, file, lineNo, column, severity, message, rule] = match as RegExpExecArray;
      return { file, line: Number(lineNo), column: Number(column), severity, message, rule };
    });
    const [file] = await jsonReport(cwd);
    expect(parsed).toEqual(
      (file as JsonFile).messages.map((m) => ({ file: 'Dockerfile', line: m.line, column: m.column, severity: m.severity, message: m.message, rule: m.ruleId })),
    );
  });
});

describe('sarif', () => {
  test('valid against the official SARIF 2.1.0 schema; rules, regions, fixes and base URIs as code scanning needs them', async () => {
    const cwd = makeProject({ 'docker/api/Dockerfile': APP, 'clean.Dockerfile': 'FROM alpine:3.20\nUSER nobody\nCMD ["sh"]\n' });
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'sarif'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const log = JSON.parse(result.stdout) as SarifLog;
    const validate = validator('sarif-schema-2.1.0.json');
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The schema really is enforced: a wrong level and a region with line 0 are rejected.
    const broken = JSON.parse(result.stdout) as { runs: { results: { level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    (broken.runs[0]?.results[0] as { level: string }).level = 'fatal';
    expect(validate(broken)).toBe(false);
    const badRegion = JSON.parse(result.stdout) as typeof broken;
    (badRegion.runs[0]?.results[0]?.locations[0]?.physicalLocation.region as { startLine: number }).startLine = 0;
    expect(validate(badRegion)).toBe(false);

    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    expect(run.tool.driver.name).toBe('dockfix');
    expect(run.originalUriBaseIds['%SRCROOT%']?.uri).toBe(`file://${cwd}/`);
    const ids = run.tool.driver.rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      expect(rule.helpUri).toMatch(new RegExp(`^https://.+/${rule.id}\\.md$`));
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }

    const [file] = await jsonReport(cwd, ['docker/api/Dockerfile']);
    const messages = (file as JsonFile).messages;
    expect(run.results).toHaveLength(messages.length);
    run.results.forEach((res, index) => {
      const expected = messages[index] as JsonFile['messages'][number];
      expect(run.tool.driver.rules[res.ruleIndex]?.id).toBe(res.ruleId);
      expect(res.ruleId).toBe(expected.ruleId);
      const location = res.locations[0]?.physicalLocation;
      expect(location?.artifactLocation).toEqual({ uri: 'docker/api/Dockerfile', uriBaseId: '%SRCROOT%' });
      expect(location?.region).toEqual({ startLine: expected.line, startColumn: expected.column, endLine: expected.endLine, endColumn: expected.endColumn });
      // Every fix is there, and applying its replacements gives what applying the JSON edits gives.
      expect(res.fixes?.length ?? 0).toBe(expected.fix ? 1 : 0);
      if (expected.fix && res.fixes) {
        const change = res.fixes[0]?.artifactChanges[0];
        expect(change?.artifactLocation.uri).toBe('docker/api/Dockerfile');
        const edits = (change?.replacements ?? []).map((r) => ({
          start: offsetOfUtf16(APP, r.deletedRegion.startLine, r.deletedRegion.startColumn),
          end: offsetOfUtf16(APP, r.deletedRegion.endLine, r.deletedRegion.endColumn),
          text: r.insertedContent.text,
        }));
        expect(applyEdits(APP, edits)).toBe(applyEdits(APP, expected.fix.edits));
      }
    });
    const fingerprints = run.results.map((res) => res.partialFingerprints['dockfix/v1']);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  test('a file outside the working directory gets an absolute file URI', async () => {
    const outside = makeProject({ Dockerfile: APP });
    const cwd = makeProject();
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'sarif', path.join(outside, 'Dockerfile')], { cwd });
    const log = JSON.parse(result.stdout) as SarifLog;
    expect(log.runs[0].results[0]?.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: `file://${outside}/Dockerfile` });
    const validate = validator('sarif-schema-2.1.0.json');
    expect(validate(log)).toBe(true);
  });
});

describe('github', () => {
  /** Reads a workflow command back the way the runner does (the inverse of @actions/core's command.ts escaping). */
  function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
    const match = /^::([a-z]+) ([^:]*)::(.*)$/.exec(line);
    if (!match) throw new Error(`not a workflow command: ${line}`);
    const [, command, props, data] = match as unknown as [string, string, string, string];
    const unescape = (text: string) => text.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
    const properties: Record<string, string> = {};
    for (const pair of props.split(',')) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
    }
    return { command, properties, message: unescape(data) };
  }

  test('escaping round-trips %, CR, LF in data and also : and , in properties, as @actions/core does', () => {
    const nasty = '100% done:\r\n a,b::c %0A';
    expect(escapeData(nasty)).toBe('100%25 done:%0D%0A a,b::c %250A');
    expect(escapeProperty(nasty)).toBe('100%25 done%3A%0D%0A a%2Cb%3A%3Ac %250A');
    const line = `::warning file=${escapeProperty(nasty)},title=${escapeProperty('t,:')}::${escapeData(nasty)}`;
    expect(parseCommand(line)).toEqual({ command: 'warning', properties: { file: nasty, title: 't,:' }, message: nasty });
  });

  test('one annotation per problem, with file, full range and title, read back like the runner does', async () => {
    // A comma and a colon in the path must survive the property escaping.
    const name = 'svc,a:b.Dockerfile';
    const cwd = makeProject({ [name]: APP });
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'github', name], { cwd });
    expect(result.code).toBe(1);
    const commands = result.stdout.trimEnd().split('\n').map(parseCommand);
    const [file] = await jsonReport(cwd, [name]);
    const level = { error: 'error', warning: 'warning', info: 'notice', style: 'notice' } as Record<string, string>;
    expect(commands).toEqual(
      (file as JsonFile).messages.map((m) => ({
        command: level[m.severity],
        properties: {
          file: name,
          line: String(m.line),
          col: String(m.column),
          endLine: String(m.endLine),
          endColumn: String(m.endColumn),
          title: `dockfix ${m.aliases.length > 0 ? `${m.ruleId} (${m.aliases.join(', ')})` : m.ruleId}`,
        },
        message: m.message,
      })),
    );
  });
});

describe('gitlab', () => {
  test('Code Quality issues with GitLab severities and fingerprints that survive inserting lines above', async () => {
    const cwd = makeProject({ 'app/Dockerfile': APP });
    const before = await runCli(['lint', ...SELECT_KNOWN, '-f', 'gitlab'], { cwd });
    expect(before.code).toBe(1);
    const issues = JSON.parse(before.stdout) as GitlabIssue[];
    expect(issues.length).toBeGreaterThan(3);
    for (const issue of issues) {
      expect(typeof issue.description).toBe('string');
      expect(typeof issue.check_name).toBe('string');
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(issue.location.path).toBe('app/Dockerfile');
      expect(Number.isInteger(issue.location.lines.begin)).toBe(true);
    }
    // GitLab collapses duplicate fingerprints: they must be unique.
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);

    // An unrelated edit above moves every problem down two lines and changes no fingerprint.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(cwd, 'app/Dockerfile'), `# syntax=docker/dockerfile:1\n# build the API\n${APP}`);
    const after = JSON.parse((await runCli(['lint', ...SELECT_KNOWN, '-f', 'gitlab'], { cwd })).stdout) as GitlabIssue[];
    expect(after.map((issue) => issue.fingerprint)).toEqual(issues.map((issue) => issue.fingerprint));
    expect(after.map((issue) => issue.location.lines.begin)).toEqual(issues.map((issue) => issue.location.lines.begin + 2));

    // Fixing one problem keeps the others' fingerprints.
    writeFileSync(path.join(cwd, 'app/Dockerfile'), APP.replace('--only=production', '--omit=dev'));
    const fixedOne = JSON.parse((await runCli(['lint', ...SELECT_KNOWN, '-f', 'gitlab'], { cwd })).stdout) as GitlabIssue[];
    const kept = issues.filter((issue) => issue.check_name !== 'npm-omit-dev' && issue.check_name !== 'npm-ci' && issue.check_name !== 'npm-cache-clean');
    for (const issue of kept) expect(fixedOne.map((i) => i.fingerprint)).toContain(issue.fingerprint);
  });
});

describe('checkstyle and junit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['file', 'error', 'testsuite', 'testcase'].includes(name) });

  test('checkstyle XML parses back to the same problems, with XML-special characters in names intact', async () => {
    const name = 'a&b<c>.Dockerfile';
    const cwd = makeProject({ [name]: APP, 'clean.Dockerfile': 'FROM alpine:3.20\nUSER nobody\nCMD ["sh"]\n' });
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'checkstyle', name, 'clean.Dockerfile'], { cwd });
    expect(result.code).toBe(1);
    const doc = parser.parse(result.stdout, true) as { checkstyle: { version: string; file: { name: string; error?: Record<string, string>[] }[] } };
    expect(doc.checkstyle.version).toBe('4.3');
    expect(doc.checkstyle.file.map((file) => file.name)).toEqual([name, 'clean.Dockerfile']);
    expect(doc.checkstyle.file[1]?.error).toBeUndefined();
    const [file] = await jsonReport(cwd, [name]);
    expect(doc.checkstyle.file[0]?.error).toEqual(
      (file as JsonFile).messages.map((m) => ({
        line: String(m.line),
        column: String(m.column),
        severity: m.severity === 'style' ? 'info' : m.severity,
        message: m.message,
        source: `dockfix.${m.ruleId}`,
      })),
    );
  });

  test('JUnit XML: a suite per file, a failing testcase per problem, a passing one for a clean file', async () => {
    const cwd = makeProject({ Dockerfile: APP, 'clean.Dockerfile': 'FROM alpine:3.20\nUSER nobody\nCMD ["sh"]\n' });
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'junit'], { cwd });
    expect(result.code).toBe(1);
    const doc = parser.parse(result.stdout, true) as {
      testsuites: { tests: string; failures: string; testsuite: { name: string; failures: string; testcase: { name: string; failure?: { message: string; '#text': string } }[] }[] };
    };
    const [dirty, clean] = doc.testsuites.testsuite;
    const [file] = await jsonReport(cwd, ['Dockerfile']);
    const messages = (file as JsonFile).messages;
    expect(dirty?.name).toBe('Dockerfile');
    expect(dirty?.failures).toBe(String(messages.length));
    expect(dirty?.testcase.map((tc) => [tc.name, tc.failure?.message])).toEqual(messages.map((m) => [`dockfix.${m.ruleId}`, m.message]));
    expect(dirty?.testcase[0]?.failure?.['#text']).toMatch(/^Dockerfile:\d+:\d+: /);
    expect(clean?.name).toBe('clean.Dockerfile');
    expect(clean?.testcase).toHaveLength(1);
    expect(clean?.testcase[0]?.failure).toBeUndefined();
    expect(doc.testsuites.failures).toBe(String(messages.length));
    expect(doc.testsuites.tests).toBe(String(messages.length + 1));
  });
});

describe('rdjson', () => {
  test("valid against reviewdog's schema; every fix edit is a suggestion whose UTF-8 range rebuilds the fix", async () => {
    const cwd = makeProject({ Dockerfile: APP });
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'rdjson'], { cwd });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as RdjsonResult;
    const validate = validator('rdjson-DiagnosticResult.json');
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate({ diagnostics: [{ message: 'm', severity: 'FATAL' }] })).toBe(false);
    expect(validate({ diagnostics: [{ message: 'm', suggestions: [{ text: 1 }] }] })).toBe(false);
    expect(report.source.name).toBe('dockfix');

    const [file] = await jsonReport(cwd);
    const messages = (file as JsonFile).messages;
    expect(report.diagnostics).toHaveLength(messages.length);
    report.diagnostics.forEach((d, index) => {
      const expected = messages[index] as JsonFile['messages'][number];
      expect(d.code.value).toBe(expected.ruleId);
      expect(d.code.url).toMatch(new RegExp(`/${expected.ruleId}\\.md$`));
      expect(d.location.path).toBe('Dockerfile');
      expect(['ERROR', 'WARNING', 'INFO']).toContain(d.severity);
      // Start and end as offsets: the same range the JSON report's line/column describe.
      expect(offsetOfUtf8(APP, d.location.range.start.line, d.location.range.start.column)).toBe(offsetOfUtf16(APP, expected.line, expected.column));
      expect(offsetOfUtf8(APP, d.location.range.end.line, d.location.range.end.column)).toBe(offsetOfUtf16(APP, expected.endLine, expected.endColumn));
      expect(d.suggestions?.length ?? 0).toBe(expected.fix?.edits.length ?? 0);
      if (expected.fix) {
        const edits = (d.suggestions ?? []).map((s) => ({
          start: offsetOfUtf8(APP, s.range.start.line, s.range.start.column),
          end: offsetOfUtf8(APP, s.range.end.line, s.range.end.column),
          text: s.text,
        }));
        expect(applyEdits(APP, edits)).toBe(applyEdits(APP, expected.fix.edits));
      }
    });
    // Line 4 has multi-byte characters before the npm-ci fix: byte columns differ from UTF-16 ones.
    const npmCi = report.diagnostics.find((d) => d.code.value === 'npm-ci');
    const npmCiJson = messages.find((m) => m.ruleId === 'npm-ci');
    expect(npmCi?.location.range.start.column).toBeGreaterThan(npmCiJson?.column ?? Infinity);
  });
});

interface SarifLog {
  version: string;
  runs: [
    {
      tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[] } };
      originalUriBaseIds: Record<string, { uri: string }>;
      results: {
        ruleId: string;
        ruleIndex: number;
        partialFingerprints: Record<string, string>;
        locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
        fixes?: {
          artifactChanges: {
            artifactLocation: { uri: string };
            replacements: { deletedRegion: { startLine: number; startColumn: number; endLine: number; endColumn: number }; insertedContent: { text: string } }[];
          }[];
        }[];
      }[];
    },
  ];
}

interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

interface RdPosition {
  line: number;
  column: number;
}

interface RdjsonResult {
  source: { name: string };
  diagnostics: {
    message: string;
    severity: string;
    code: { value: string; url?: string };
    location: { path: string; range: { start: RdPosition; end: RdPosition } };
    suggestions?: { range: { start: RdPosition; end: RdPosition }; text: string }[];
  }[];
}
