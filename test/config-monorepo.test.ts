// Configuration per file, the same everywhere: in a monorepo with services/api/.dockfix.json, the CLI
// run from the root, Prettier (prettier-plugin-dockfix) and the language server all use the config
// nearest the file. Before, the CLI read the root's config and merged RUNs the service's config
// turns off.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, test } from 'vitest';
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
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { makeProject, parseJsonReport, ruleIds, runCli } from './cli/run-cli.js';
import { repoRoot } from './helpers/paths.js';

const SERVER = path.join(repoRoot, 'packages', 'language-server', 'bin', 'dockfix-language-server.js');
const plugins = [path.join(repoRoot, 'packages', 'prettier-plugin', 'dist', 'index.js')];

// merge-run has a safe fix here (two one-command RUNs); apt-get-yes too.
const DOCKERFILE = 'FROM debian:bookworm-slim\nRUN mkdir -p /app\nRUN apt-get install --no-install-recommends curl\n';

function monorepo(): { root: string; file: string } {
  const root = makeProject({
    '.dockfix.json': JSON.stringify({ select: ['merge-run', 'apt-get-yes'] }),
    'services/api/.dockfix.json': JSON.stringify({ select: ['apt-get-yes'] }),
    'services/api/Dockerfile': DOCKERFILE,
  });
  mkdirSync(path.join(root, '.git'));
  return { root, file: path.join(root, 'services', 'api', 'Dockerfile') };
}

/** What the language server publishes for the file, and the text its "fix all safe" action produces. */
async function languageServer(root: string, file: string): Promise<{ codes: string[]; fixAll: string | undefined }> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(file).href;
  const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    if (p.uri === uri) resolve(p);
  }));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  try {
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {} });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dockerfile', version: 1, text: DOCKERFILE } });
    const diagnostics = (await published).diagnostics;
    const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
    const actions = (await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll.dockfix'] } })) as CodeAction[];
    const fixAll = actions[0]?.edit?.changes?.[uri]?.[0]?.newText;
    return { codes: diagnostics.map((d) => String(d.code)).sort(), fixAll };
  } finally {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    connection.dispose();
    child.kill();
  }
}

describe('a monorepo with services/api/.dockfix.json', () => {
  test('the CLI from the root, Prettier and the language server use the config nearest the file', async () => {
    const { root, file } = monorepo();
    const relative = path.join('services', 'api', 'Dockerfile');

    const lint = await runCli(['lint', '-f', 'json', relative], { cwd: root });
    expect(ruleIds(parseJsonReport(lint.stdout)[0])).toEqual(['apt-get-yes']);

    const fixed = await runCli(['fix', '--stdout', relative], { cwd: root });
    expect(fixed.stdout).toContain('apt-get install -y');
    expect(fixed.stdout).toContain('RUN mkdir -p /app\n'); // not merged: the service's config does not select merge-run

    const formatted = await runCli(['format', '--fixes', 'safe', '--diff', relative], { cwd: root });
    expect(formatted.code).toBe(0);
    const cliFormatted = await runCli(['format', '--fixes', 'safe', '--stdin-filename', relative], { cwd: root, input: DOCKERFILE });
    const onSave = await prettier.format(readFileSync(file, 'utf8'), { filepath: file, plugins });
    expect(onSave).toBe(cliFormatted.stdout);
    expect(onSave).toBe(fixed.stdout);

    const server = await languageServer(root, file);
    expect(server.codes).toEqual(['apt-get-yes']);
    expect(server.fixAll).toBe(fixed.stdout);
  });

  test('the root config still applies to a Dockerfile at the root (the search goes up per file)', async () => {
    const { root } = monorepo();
    const result = await runCli(['lint', '-f', 'json', '.'], { cwd: root, input: undefined });
    // Only services/api/Dockerfile exists; add one at the root through stdin with a name at the root.
    const atRoot = await runCli(['lint', '-f', 'json', '--stdin-filename', 'Dockerfile'], { cwd: root, input: DOCKERFILE });
    expect(ruleIds(parseJsonReport(atRoot.stdout)[0])).toEqual(['merge-run', 'apt-get-yes']);
    expect(ruleIds(parseJsonReport(result.stdout)[0])).toEqual(['apt-get-yes']);
  });
});
