// "Disable <rule> for this instruction / for this file" over LSP, against the built
// `dockfix-language-server --stdio`: every diagnostic gets both actions, and applying one makes that
// diagnostic (for the file: that rule's) disappear while every other diagnostic stays as it was.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { applyEdits } from '@dockfix/core';
import { builtinLinter } from 'dockfix';
import { disableEdits } from '../packages/language-server/dist/disable.js';
import { makeProject } from './cli/run-cli.js';
import { repoRoot } from './helpers/paths.js';

const BIN = path.join(repoRoot, 'packages', 'language-server', 'bin', 'dockfix-language-server.js');

/**
 * A parser directive (the file pragma must go below it), a dockfix pragma that already names a rule
 * (the next id is appended to it, before its reason), an indented RUN continued over two lines (its
 * problems on the second line are silenced from above the first, indented like it), and rules with
 * two problems (merge-run), so "for this instruction" must leave the other one.
 */
const DOCKERFILE = [
  '# syntax=docker/dockerfile:1',
  'FROM node:20',
  'WORKDIR /app',
  'COPY . .',
  '# dockfix-ignore npm-cache-clean -- reviewed',
  'RUN npm install',
  '    RUN apt-get update && \\',
  '      apt-get install curl',
  'RUN echo hi',
  'CMD node server.js',
  '',
].join('\n');

class Client {
  private readonly waiting = new Map<string, (params: PublishDiagnosticsParams) => void>();
  readonly stderr: string[] = [];
  constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString('utf8')));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.waiting.get(params.uri)?.(params));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
  }

  /** Opens a document and returns the diagnostics the server publishes for it. */
  open(uri: string, text: string): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}; server stderr: ${this.stderr.join('')}`)), 15_000);
      this.waiting.set(uri, (params) => {
        clearTimeout(timer);
        this.waiting.delete(uri);
        resolve(params.diagnostics);
      });
      void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
    });
  }

  async actions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    return (result ?? []) as CodeAction[];
  }
}

/** What identifies a problem across an edit that inserts a line above it: rule, the text it covers, and its message with line numbers taken out. */
function identity(text: string, d: Diagnostic): string {
  const document = TextDocument.create('file:///x', 'dockerfile', 1, text);
  const covered = text.slice(document.offsetAt(d.range.start), document.offsetAt(d.range.end));
  const message = typeof d.message === 'string' ? d.message : d.message.value;
  return `${String(d.code)} | ${covered} | ${message.replace(/\bline \d+/g, 'line N')}`;
}

function applied(text: string, action: CodeAction, uri: string): string {
  const edits = action.edit?.changes?.[uri];
  expect(edits, `${action.title} carries an edit of the document`).toBeDefined();
  return TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, text), edits ?? []);
}

describe('disable-rule code actions', () => {
  let client: Client;
  let dir: string;
  let opened = 0;
  /** A fresh document in the project (so the same config applies), linted as the server sees it. */
  const lint = (text: string) => {
    const uri = pathToFileURL(path.join(dir, `variant-${++opened}.Dockerfile`)).href;
    return client.open(uri, text).then((diagnostics) => ({ uri, diagnostics }));
  };

  beforeAll(async () => {
    dir = makeProject({ Dockerfile: DOCKERFILE });
    const child = spawn(process.execPath, [BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    client = new Client(child, createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin)));
    await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: null, capabilities: {} });
    await client.connection.sendNotification(InitializedNotification.type, {});
  });

  afterAll(async () => {
    if (!client) return;
    const exited = new Promise<number | null>((resolve) => client.child.on('exit', resolve));
    await client.connection.sendRequest(ShutdownRequest.type);
    await client.connection.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
    client.connection.dispose();
  });

  test('each diagnostic has both actions; applying one removes exactly what it says and changes nothing else', async () => {
    const { uri, diagnostics } = await lint(DOCKERFILE);
    const before = diagnostics.map((d) => identity(DOCKERFILE, d));
    // The fixture's point: several rules, one of them twice, problems on a continuation line.
    expect(new Set(diagnostics.map((d) => d.code)).size).toBeGreaterThanOrEqual(8);
    expect(diagnostics.filter((d) => d.code === 'merge-run')).toHaveLength(2);
    expect(diagnostics.some((d) => d.range.start.line === 7)).toBe(true);

    for (const target of diagnostics) {
      const actions = await client.actions(uri, target);
      const forInstruction = actions.find((a) => a.title === `Disable ${String(target.code)} for this instruction`);
      const forFile = actions.find((a) => a.title === `Disable ${String(target.code)} for this file`);
      expect(forInstruction, `${identity(DOCKERFILE, target)}: instruction action`).toBeDefined();
      expect(forFile, `${identity(DOCKERFILE, target)}: file action`).toBeDefined();
      for (const action of [forInstruction, forFile] as CodeAction[]) {
        expect(action.kind).toBe('quickfix');
        expect(action.isPreferred).not.toBe(true);
        expect(action.diagnostics?.map((d) => d.code)).toEqual([target.code]);
      }

      const lineText = applied(DOCKERFILE, forInstruction as CodeAction, uri);
      const afterLine = (await lint(lineText)).diagnostics.map((d) => identity(lineText, d));
      const targetId = identity(DOCKERFILE, target);
      // One exception, merge-run's documented rule: a pragma line between two RUNs keeps them apart
      // (merging would move the pragma onto other commands), so the new line also ends the report
      // that this instruction could be merged into the RUN above.
      const insertedAt = (forInstruction as CodeAction).edit?.changes?.[uri]?.[0];
      const separated = insertedAt?.newText.endsWith('\n') ? diagnostics.filter((d) => d !== target && d.code === 'merge-run' && d.range.start.line === insertedAt.range.start.line) : [];
      const expectedLine = [...before];
      // One occurrence each: the two merge-run reports read the same once line numbers are taken out.
      for (const d of [target, ...separated]) expectedLine.splice(expectedLine.indexOf(identity(DOCKERFILE, d)), 1);
      expect(afterLine.sort(), `after "${(forInstruction as CodeAction).title}" on ${targetId}`).toEqual(expectedLine.sort());

      const fileText = applied(DOCKERFILE, forFile as CodeAction, uri);
      const afterFile = (await lint(fileText)).diagnostics.map((d) => identity(fileText, d));
      expect(afterFile.sort(), `after "${(forFile as CodeAction).title}"`).toEqual(before.filter((id) => !id.startsWith(`${String(target.code)} |`)).sort());
    }
  });

  test('the pragma text: indented like the instruction, appended to an existing list, below the parser directives', async () => {
    const { uri, diagnostics } = await lint(DOCKERFILE);
    const byCode = (code: string, line: number) => diagnostics.find((d) => d.code === code && d.range.start.line === line) as Diagnostic;
    const title = async (d: Diagnostic, suffix: string) => (await client.actions(uri, d)).find((a) => a.title.endsWith(suffix)) as CodeAction;

    // apt-get-yes is reported on the continuation line; the pragma goes above the RUN, with its indent.
    const aptYes = await title(byCode('apt-get-yes', 7), 'for this instruction');
    expect(applied(DOCKERFILE, aptYes, uri)).toContain('COPY . .\n# dockfix-ignore npm-cache-clean -- reviewed\nRUN npm install\n    # dockfix-ignore apt-get-yes\n    RUN apt-get update && \\\n');
    // npm-ci's instruction has a dockfix pragma already: the id joins its list, the reason stays.
    const npmCi = await title(byCode('npm-ci', 5), 'for this instruction');
    expect(applied(DOCKERFILE, npmCi, uri)).toContain('\n# dockfix-ignore npm-cache-clean,npm-ci -- reviewed\nRUN npm install\n');
    // The file pragma cannot go first: BuildKit reads parser directives only above every comment.
    const cmd = await title(byCode('exec-form-cmd', 9), 'for this file');
    expect(applied(DOCKERFILE, cmd, uri).startsWith('# syntax=docker/dockerfile:1\n# dockfix-ignore-file exec-form-cmd\nFROM node:20\n')).toBe(true);
  });

  test('a second file-level disable extends the file pragma; CRLF files get CRLF pragma lines', async () => {
    const text = ['FROM node:20', '# dockfix-ignore-file no-root-user', 'RUN npm install', 'CMD node server.js', ''].join('\r\n');
    const { uri, diagnostics } = await lint(text);
    expect(diagnostics.map((d) => d.code)).not.toContain('no-root-user');
    const cmd = diagnostics.find((d) => d.code === 'exec-form-cmd') as Diagnostic;
    const actions = await client.actions(uri, cmd);
    const forFile = actions.find((a) => a.title === 'Disable exec-form-cmd for this file') as CodeAction;
    expect(applied(text, forFile, uri)).toBe(text.replace('no-root-user', 'no-root-user,exec-form-cmd'));
    const forInstruction = actions.find((a) => a.title === 'Disable exec-form-cmd for this instruction') as CodeAction;
    expect(applied(text, forInstruction, uri)).toBe(text.replace('CMD node', '# dockfix-ignore exec-form-cmd\r\nCMD node'));
  });

  test('no disable action where a pragma cannot silence the problem: config disableIgnorePragma', async () => {
    const project = makeProject({ '.dockfix.json': JSON.stringify({ disableIgnorePragma: true }) });
    const uri = pathToFileURL(path.join(project, 'Dockerfile')).href;
    const diagnostics = await client.open(uri, DOCKERFILE);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) expect((await client.actions(uri, d)).filter((a) => a.title.startsWith('Disable '))).toEqual([]);
  });
});

describe('disableEdits (the pragma edit itself)', () => {
  const at = (text: string, ruleId: string) => {
    const diagnostic = builtinLinter.lint(text).diagnostics.find((d) => d.ruleId === ruleId);
    if (!diagnostic) throw new Error(`${ruleId} reports nothing on ${JSON.stringify(text)}`);
    const edits = disableEdits(text, diagnostic);
    if (!edits) throw new Error(`no disable edits for ${ruleId}`);
    return { instruction: edits.instruction ? applyEdits(text, [edits.instruction]) : undefined, file: applyEdits(text, [edits.file]) };
  };

  test('a BOM stays first; a tab indent is kept', () => {
    const text = '\uFEFFFROM node:20\n\tCMD node server.js\n';
    expect(at(text, 'exec-form-cmd')).toEqual({
      instruction: '\uFEFFFROM node:20\n\t# dockfix-ignore exec-form-cmd\n\tCMD node server.js\n',
      file: '\uFEFF# dockfix-ignore-file exec-form-cmd\nFROM node:20\n\tCMD node server.js\n',
    });
  });

  test('every parser directive stays above the file pragma (escape changes how the whole file parses)', () => {
    const text = '# syntax=docker/dockerfile:1\n# escape=`\nFROM node:20\nCMD node server.js\n';
    expect(at(text, 'exec-form-cmd').file).toBe('# syntax=docker/dockerfile:1\n# escape=`\n# dockfix-ignore-file exec-form-cmd\nFROM node:20\nCMD node server.js\n');
  });

  test('pragma rules and syntax errors get no disable edit: a pragma cannot silence them', () => {
    const fatal = builtinLinter.lint('').diagnostics[0];
    expect(fatal?.ruleId).toBe('syntax');
    expect(disableEdits('', fatal as NonNullable<typeof fatal>)).toBeUndefined();
    const text = 'FROM node:20-slim\n# dockfix-ignore no-such-rule\nRUN true\n';
    const unknown = builtinLinter.lint(text, { config: { select: ['ALL'] } }).diagnostics.find((d) => d.ruleId === 'unknown-pragma-rule');
    expect(unknown).toBeDefined();
    expect(disableEdits(text, unknown as NonNullable<typeof unknown>)).toBeUndefined();
  });
});
