// The VS Code extension as a user gets it: `vsce package --no-dependencies` (with the network cut
// off) makes a .vsix; a zip reader lists it and unpacks it outside the repository, where no
// node_modules can help; the bundled language server starts from there and answers over stdio, with
// rule-doc links into the unpacked extension; the client bundle loads with only `vscode` provided.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from './helpers/paths.js';

/** The part of yauzl's API used here (it ships no types; it is the zip reader vsce itself uses). */
interface ZipEntry {
  readonly fileName: string;
}
interface ZipFile {
  readEntry(): void;
  openReadStream(entry: ZipEntry, callback: (error: Error | null, stream: NodeJS.ReadableStream) => void): void;
  close(): void;
  on(event: 'entry', listener: (entry: ZipEntry) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
}
const yauzl = createRequire(import.meta.url)('yauzl') as {
  open(file: string, options: { lazyEntries: true }, callback: (error: Error | null, zip: ZipFile) => void): void;
};

/** Every entry of the zip, each written under `into` when given. */
function readZip(file: string, into?: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (openError, zip) => {
      if (openError) return reject(openError);
      const names: string[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(names));
      zip.on('entry', (entry) => {
        names.push(entry.fileName);
        if (!into || entry.fileName.endsWith('/')) return zip.readEntry();
        const target = path.join(into, entry.fileName);
        if (!target.startsWith(into + path.sep)) return reject(new Error(`zip entry outside the target: ${entry.fileName}`));
        mkdirSync(path.dirname(target), { recursive: true });
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          pipeline(stream, createWriteStream(target)).then(() => zip.readEntry(), reject);
        });
      });
      zip.readEntry();
    });
  });
}

const packageDir = path.join(repoRoot, 'packages', 'vscode');
const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  main: string;
  activationEvents: string[];
  engines: { vscode: string };
  contributes: { configuration: { properties: Record<string, unknown> } };
};
let work = '';
let vsix = '';
let unpacked = '';
let entries: string[] = [];

beforeAll(async () => {
  if (!existsSync(path.join(repoRoot, 'packages', 'language-server', 'dist', 'index.js'))) throw new Error('not built: run `npx tsc -b` first');
  work = mkdtempSync(path.join(tmpdir(), 'dockfix-vsix-'));
  vsix = path.join(work, 'dockfix.vsix');
  // No network: a proxy nobody listens on, and npm told to stay offline. vsce's `package` must not need one.
  const offline = { HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', https_proxy: 'http://127.0.0.1:9', http_proxy: 'http://127.0.0.1:9', npm_config_offline: 'true' };
  const env: NodeJS.ProcessEnv = { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))), ...offline };
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  // vsce runs `vscode:prepublish` (scripts/bundle.mjs) first, so the package holds bundles of the current dist/.
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: packageDir, env, encoding: 'utf8', timeout: 170_000 });
  if (result.status !== 0) throw new Error(`vsce package exited ${String(result.status)}:\n${result.stderr}\n${result.stdout}`);
  unpacked = path.join(work, 'unpacked');
  entries = await readZip(vsix, unpacked);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the .vsix', () => {
  test('holds the manifest, the two bundles, tree-sitter, every rule doc, README and LICENSE, and no sources or node_modules', () => {
    for (const name of ['extension.vsixmanifest', '[Content_Types].xml', 'extension/package.json', 'extension/readme.md', 'extension/LICENSE.txt']) expect(entries).toContain(name);
    expect(entries).toContain(`extension/${manifest.main.replace(/^\.\//, '')}`);
    for (const name of ['server.mjs', 'web-tree-sitter.wasm', 'tree-sitter-bash.wasm']) expect(entries).toContain(`extension/dist/server/${name}`);
    const docs = entries.filter((name) => name.startsWith('extension/dist/server/docs/rules/'));
    const expected = readFileSync(path.join(repoRoot, 'docs', 'rules', 'README.md'), 'utf8').match(/^\| \[[a-z0-9-]+\]/gm) ?? [];
    expect(docs).toHaveLength(expected.length + 1);
    expect(entries.filter((name) => /(^|\/)node_modules\/|\/src\/|\.ts$|\.map$|\.vsix$/.test(name))).toEqual([]);
    expect(readFileSync(path.join(unpacked, 'extension', 'LICENSE.txt'), 'utf8')).toBe(readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8'));
    // The .vsixmanifest VS Code reads names the package and its version.
    const vsixManifest = readFileSync(path.join(unpacked, 'extension.vsixmanifest'), 'utf8');
    expect(vsixManifest).toContain(`Id="${manifest.name}"`);
    expect(vsixManifest).toContain(`Version="${manifest.version}"`);
  });

  test('the manifest activates on Dockerfiles, and declares the settings the client reads', () => {
    const packed = JSON.parse(readFileSync(path.join(unpacked, 'extension', 'package.json'), 'utf8')) as typeof manifest;
    expect(packed.activationEvents).toEqual(['onLanguage:dockerfile']);
    expect(packed.engines.vscode).toMatch(/^\^1\.\d+\.\d+$/);
    const client = readFileSync(path.join(packageDir, 'src', 'extension.ts'), 'utf8');
    const read = [...client.matchAll(/settings\.get<\w+>\('([\w.]+)'/g)].map((match) => `dockfix.${match[1] as string}`);
    expect(read.length).toBeGreaterThan(0);
    // Every setting the client reads is declared, and every declared one is used (trace.server by vscode-languageclient itself, for the client id "dockfix").
    expect(Object.keys(packed.contributes.configuration.properties).sort()).toEqual([...read, 'dockfix.trace.server'].sort());
    expect(client).toContain("new LanguageClient('dockfix'");
  });

  test('the client bundle loads with nothing but the `vscode` module provided', () => {
    // A stand-in for VS Code's API whose every member is a class (the client subclasses some at load),
    // reached through the prototype, which is what esbuild's CommonJS interop copies from.
    const script = `
      const Module = require('node:module');
      const original = Module._load;
      const anything = new Proxy({}, { get: (_target, key) => (typeof key === 'symbol' ? undefined : class {}) });
      const vscode = Object.create(anything);
      Module._load = function (request, ...rest) {
        if (request === 'vscode') return vscode;
        return original.call(this, request, ...rest);
      };
      const extension = require(process.argv[1]);
      process.stdout.write(JSON.stringify({ activate: typeof extension.activate, deactivate: typeof extension.deactivate }));
    `;
    const result = spawnSync(process.execPath, ['-e', script, path.join(unpacked, 'extension', manifest.main)], { cwd: work, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ activate: 'function', deactivate: 'function' });
  });

  test('the bundled server starts from the unpacked extension and lints over stdio, with doc links into it', async () => {
    const project = path.join(work, 'project');
    mkdirSync(project);
    // Rules that load packages at run time (the .dockerignore matcher, the SPDX list), from a config file.
    const rules = { 'invalid-label-license': ['warning', { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } }] };
    writeFileSync(path.join(project, '.dockfix.json'), JSON.stringify({ select: ['copy-ignored-file', 'invalid-label-license', 'npm-ci'], rules }));
    writeFileSync(path.join(project, '.dockerignore'), 'secrets.env\n');
    const text = 'FROM node:20-slim\nLABEL org.opencontainers.image.licenses="Apache 2"\nCOPY secrets.env /app/\nRUN npm install\n';
    writeFileSync(path.join(project, 'Dockerfile'), text);
    const uri = pathToFileURL(path.join(project, 'Dockerfile')).href;

    const server = path.join(unpacked, 'extension', 'dist', 'server', 'server.mjs');
    const version = spawnSync(process.execPath, [server, '--version'], { cwd: work, encoding: 'utf8' });
    expect({ status: version.status, stdout: version.stdout, stderr: version.stderr }).toEqual({
      status: 0,
      stdout: `${(JSON.parse(readFileSync(path.join(repoRoot, 'packages', 'language-server', 'package.json'), 'utf8')) as { version: string }).version}\n`,
      stderr: '',
    });
    const child = spawn(process.execPath, [server, '--stdio'], { cwd: work, stdio: ['pipe', 'pipe', 'pipe'] });
    const stderr: string[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
    connection.listen();
    try {
      const init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(project).href, workspaceFolders: null, capabilities: {} });
      expect(init.serverInfo?.name).toBe('dockfix-language-server');
      expect(init.capabilities.codeActionProvider).toBeTruthy();
      await connection.sendNotification(InitializedNotification.type, {});
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
      const { diagnostics } = await published;
      expect(diagnostics.map((d) => d.code).sort(), stderr.join('')).toEqual(['copy-ignored-file', 'invalid-label-license', 'npm-ci']);
      const docs = pathToFileURL(path.join(unpacked, 'extension', 'dist', 'server', 'docs', 'rules')).href;
      for (const d of diagnostics) {
        expect(d.codeDescription?.href).toBe(`${docs}/${String(d.code)}.md`);
        expect(readFileSync(fileURLToPath(d.codeDescription?.href ?? ''), 'utf8')).toBe(readFileSync(path.join(repoRoot, 'docs', 'rules', `${String(d.code)}.md`), 'utf8'));
      }
      const npmCi = diagnostics.find((d) => d.code === 'npm-ci') as Diagnostic;
      const actions = (await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: npmCi.range, context: { diagnostics: [] } })) as CodeAction[];
      expect(actions.map((a) => a.title)).toEqual(expect.arrayContaining(['Disable npm-ci for this instruction', 'Disable npm-ci for this file']));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      expect(await exited).toBe(0);
    } finally {
      connection.dispose();
      child.kill();
    }
  }, 30_000);
});
