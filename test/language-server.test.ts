// The language server end to end: the built `dockfix-language-server --stdio` driven over its real
// stdio streams by vscode-languageserver-protocol's client connection, as an editor drives it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CodeActionRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type MarkupContent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { makeProject } from './cli/run-cli.js';
import { repoRoot } from './helpers/paths.js';

const BIN = path.join(repoRoot, 'packages', 'language-server', 'bin', 'dockfix-language-server.js');
if (!existsSync(path.join(repoRoot, 'packages', 'language-server', 'dist', 'main.js'))) {
  throw new Error('the language server is not built: run `npx tsc -b` before its tests');
}

/** merge-run (safe fix, DL3059) on line 3, npm-ci (unsafe fix) on line 5; lower-case `run` and a spaced array for the formatter. */
const DOCKERFILE = ['FROM node:20-alpine', 'run apk add --no-cache git', 'RUN apk add --no-cache curl', 'COPY . .', 'RUN npm install', 'USER node', 'CMD ["node",  "server.js"]', ''].join('\n');
const CONFIG = JSON.stringify({ select: ['merge-run', 'npm-ci'] });

/** A server process with a client connection that records what the server pushes. */
class Client {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  private waiters: { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly stderr: string[] = [];

  constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString('utf8')));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.push(params);
      this.waiters = this.waiters.filter((waiter) => {
        if (waiter.uri !== params.uri || !waiter.test(params)) return true;
        waiter.resolve(params);
        return false;
      });
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params);
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
  }

  /** The next diagnostics published for `uri` that pass `test` (already received ones count when `since` says so). */
  nextDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}; server stderr: ${this.stderr.join('')}`)), 10_000);
      this.waiters.push({ uri, test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }
}

function startServer(): Client {
  const child = spawn(process.execPath, [BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  return new Client(child, connection);
}

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => d.code).sort();
const applyWholeEdit = (edits: TextEdit[] | null | undefined) => {
  expect(edits).toHaveLength(1);
  return (edits as TextEdit[])[0]?.newText as string;
};

describe('dockfix-language-server over stdio', () => {
  let client: Client;
  let dir: string;
  let uri: string;

  beforeAll(async () => {
    dir = makeProject({ Dockerfile: DOCKERFILE, '.dockfix.json': CONFIG });
    uri = pathToFileURL(path.join(dir, 'Dockerfile')).href;
    client = startServer();
    const init = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'project' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    expect(init.capabilities).toMatchObject({ documentFormattingProvider: true, hoverProvider: true });
    expect(init.capabilities.codeActionProvider).toMatchObject({ codeActionKinds: expect.arrayContaining(['quickfix', 'source.fixAll.dockfix']) });
    await client.connection.sendNotification(InitializedNotification.type, {});
  });

  afterAll(async () => {
    if (!client) return;
    const exited = new Promise<number | null>((resolve) => client.child.on('exit', (code) => resolve(code)));
    await client.connection.sendRequest(ShutdownRequest.type);
    await client.connection.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
    client.connection.dispose();
  });

  test('didOpen publishes diagnostics at once: severity, code = rule id, source, doc link', async () => {
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dockerfile', version: 1, text: DOCKERFILE } });
    const { diagnostics, version } = await published;
    expect(version).toBe(1);
    expect(codes(diagnostics)).toEqual(['merge-run', 'npm-ci']);
    const merge = diagnostics.find((d) => d.code === 'merge-run') as Diagnostic;
    expect(merge).toMatchObject({ source: 'dockfix', severity: 3, range: { start: { line: 2, character: 0 } } });
    expect(merge.message).toContain('DL3059');
    // The doc @dockfix/rules ships, as a file: it opens offline and is the installed version's.
    const href = merge.codeDescription?.href ?? '';
    expect(href).toBe(pathToFileURL(path.join(repoRoot, 'packages', 'rules', 'docs', 'rules', 'merge-run.md')).href);
    expect(readFileSync(fileURLToPath(href), 'utf8')).toBe(readFileSync(path.join(repoRoot, 'docs', 'rules', 'merge-run.md'), 'utf8'));
    const npmCi = diagnostics.find((d) => d.code === 'npm-ci') as Diagnostic;
    expect(npmCi).toMatchObject({ severity: 2, range: { start: { line: 4 } } });
  });

  test('code actions: a quick fix per fixable problem (unsafe marked, not preferred) and the fix-all actions', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } };
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [] } })) as CodeAction[];
    // The disable-rule actions are quick fixes too (test/language-server-disable.test.ts covers them).
    const quickFixes = actions.filter((a) => a.kind === 'quickfix' && !a.title.startsWith('Disable '));
    expect(quickFixes).toHaveLength(2);
    expect(actions.filter((a) => a.title.startsWith('Disable ')).map((a) => a.title)).toEqual([
      'Disable merge-run for this instruction',
      'Disable npm-ci for this instruction',
      'Disable merge-run for this file',
      'Disable npm-ci for this file',
    ]);
    const unsafe = quickFixes.find((a) => a.title.endsWith('(unsafe)')) as CodeAction;
    expect(unsafe.isPreferred).toBe(false);
    expect(unsafe.diagnostics?.[0]?.code).toBe('npm-ci');
    const npmEdits = unsafe.edit?.changes?.[uri] ?? [];
    expect(npmEdits.length).toBeGreaterThan(0);
    expect(npmEdits.every((edit) => edit.range.start.line === 4)).toBe(true);
    expect(npmEdits.map((edit) => edit.newText).join('')).toContain('ci');
    const safe = quickFixes.find((a) => a !== unsafe) as CodeAction;
    expect(safe).toMatchObject({ isPreferred: true, diagnostics: [{ code: 'merge-run' }] });

    const fixAll = actions.find((a) => a.kind === 'source.fixAll.dockfix') as CodeAction;
    const safeText = applyWholeEdit(fixAll.edit?.changes?.[uri]);
    expect(safeText.match(/^RUN /gim)).toHaveLength(2); // the two apk RUNs merged; npm install untouched
    expect(safeText).toContain('npm install');
    const unsafeAll = actions.find((a) => a.kind === 'source.dockfix.fixAllUnsafe') as CodeAction;
    expect(unsafeAll.title).toMatch(/unsafe/i);
    expect(applyWholeEdit(unsafeAll.edit?.changes?.[uri])).toContain('npm ci');

    // Fix-on-save asks for source.fixAll: it gets the safe fix-all and nothing else.
    const onSave = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    expect(onSave.map((a) => a.kind)).toEqual(['source.fixAll.dockfix']);
  });

  test('formatting goes through format() and respects tabSize/insertSpaces', async () => {
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const text = applyWholeEdit(edits);
    expect(text).toContain('\nRUN apk add --no-cache git\n');
    expect(text).toContain('CMD ["node", "server.js"]');
    expect(text.match(/^RUN /gm)).toHaveLength(3); // formatting applies no fixes
  });

  test('didChange: diagnostics follow the text after the debounce', async () => {
    const published = client.nextDiagnostics(uri, (p) => p.version === 3);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 4, character: 4 }, end: { line: 4, character: 15 } }, text: 'npm ' }],
    });
    // A second keystroke within the debounce: only the last version is linted.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 4, character: 4 }, end: { line: 4, character: 8 } }, text: 'npm ci' }],
    });
    const { diagnostics } = await published;
    expect(codes(diagnostics)).toEqual(['merge-run']);
    expect(client.diagnostics.some((p) => p.version === 2)).toBe(false);
  });

  test('hover on a diagnostic shows the rule description and the doc link', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 1 } });
    const value = (hover?.contents as MarkupContent).value;
    expect(value).toContain('`merge-run`');
    expect(value).toMatch(/\[Rule documentation\]\(.+\/docs\/rules\/merge-run\.md\)/);
    expect(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 2 } })).toBeNull();
  });

  test('config changes are picked up; a broken config is one diagnostic and one notification, not a crash', async () => {
    const configFile = path.join(dir, '.dockfix.json');
    writeFileSync(configFile, JSON.stringify({ select: ['merge-run'], ignore: ['merge-run'] }));
    let published = client.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(configFile).href, type: FileChangeType.Changed }] });
    await published;

    writeFileSync(configFile, '{"select": [');
    published = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'config'));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    const broken = await published;
    expect(broken.diagnostics).toHaveLength(1);
    expect(broken.diagnostics[0]?.message).toMatch(/\.dockfix\.json: config file is not valid JSON/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(client.messages.filter((m) => m.message.includes('.dockfix.json'))).toHaveLength(1);

    writeFileSync(configFile, CONFIG);
    published = client.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'merge-run'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(configFile).href, type: FileChangeType.Changed }] });
    expect(codes((await published).diagnostics)).toEqual(['merge-run']);
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe(DOCKERFILE); // the server never writes files
  });
});
