// The language server under abuse, over raw stdio bytes (no client library to tidy the input):
// malformed framing and JSON, unknown methods, edits to unknown documents and out of range, a 10 MB
// document and 1,000 rapid edits. It must answer with JSON-RPC errors where the protocol says so,
// never exit, and keep its memory flat (RSS read from /proc/<pid>/status).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot } from './helpers/paths.js';

const BIN = path.join(repoRoot, 'packages', 'language-server', 'bin', 'dockfix-language-server.js');

interface Received {
  readonly id?: number | string | null;
  readonly method?: string;
  readonly result?: unknown;
  readonly error?: { code: number; message: string };
  readonly params?: { uri?: string; version?: number; diagnostics?: { code?: string }[] };
}

/** A server process spoken to in raw bytes, with the messages it sent back. */
class RawServer {
  readonly received: Received[] = [];
  private pending = Buffer.alloc(0);
  private waiters: { test: (m: Received) => boolean; resolve: (m: Received) => void }[] = [];
  readonly child: ChildProcessWithoutNullStreams;
  stderr = '';

  constructor() {
    this.child = spawn(process.execPath, [BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.pending = Buffer.concat([this.pending, chunk]);
      for (;;) {
        const end = this.pending.indexOf('\r\n\r\n');
        if (end === -1) break;
        const length = Number(/Content-Length: (\d+)/i.exec(this.pending.subarray(0, end).toString('ascii'))?.[1]);
        if (this.pending.length < end + 4 + length) break;
        const message = JSON.parse(this.pending.subarray(end + 4, end + 4 + length).toString('utf8')) as Received;
        this.pending = this.pending.subarray(end + 4 + length);
        this.received.push(message);
        this.waiters = this.waiters.filter((waiter) => (waiter.test(message) ? (waiter.resolve(message), false) : true));
      }
    });
  }

  raw(bytes: string): void {
    this.child.stdin.write(bytes);
  }

  send(message: object): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.raw(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  /** The next message (already received ones count from `since`) that passes `test`. */
  next(test: (m: Received) => boolean, since = 0, timeoutMs = 60_000): Promise<Received> {
    const seen = this.received.slice(since).find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ test, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  private nextId = 100;
  /** Sends a request and waits for its answer. */
  async request(method: string, params: object = {}): Promise<Received> {
    const id = this.nextId++;
    const since = this.received.length;
    this.send({ id, method, params });
    return this.next((m) => m.id === id, since);
  }

  /** Resident memory of the server process, in KB. */
  rssKb(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  }
}

const uri = 'file:///nonexistent-dir/Dockerfile';
const TEXT = 'FROM alpine:3.20\nRUN apk add curl\nUSER nobody\nCMD ["sh"]\n';

describe('dockfix-language-server under abuse', () => {
  let server: RawServer;

  beforeAll(async () => {
    server = new RawServer();
    const init = await server.request('initialize', { processId: null, rootUri: null, capabilities: {} });
    expect(init.result).toBeDefined();
    server.send({ method: 'initialized', params: {} });
  }, 60_000);

  afterAll(async () => {
    const exited = new Promise<number | null>((resolve) => server.child.on('exit', resolve));
    await server.request('shutdown');
    server.send({ method: 'exit' });
    expect(await exited).toBe(0);
  });

  const alive = async () => {
    expect(server.child.exitCode).toBeNull();
    expect((await server.request('shutdown-probe/unknown')).error?.code).toBe(-32601);
  };

  test('a body that is not JSON: ParseError (-32700, id null), and the next request is answered', async () => {
    const since = server.received.length;
    const body = '{"jsonrpc": "2.0", "id": 7, "method": ';
    server.raw(`Content-Length: ${body.length}\r\n\r\n${body}`);
    const answer = await server.next((m) => m.error?.code === -32700, since);
    expect(answer.id).toBeNull();
    await alive();
  });

  test('JSON that is not a JSON-RPC message: InvalidRequest (-32600)', async () => {
    for (const body of ['[1, 2]', '42', '{"id": 1, "method": "x"}']) {
      const since = server.received.length;
      server.raw(`Content-Length: ${body.length}\r\n\r\n${body}`);
      expect((await server.next((m) => m.error?.code === -32600, since)).id).toBeNull();
    }
    await alive();
  });

  test('a bad Content-Length header: an error answer, and the server reads the next message', async () => {
    const since = server.received.length;
    server.raw('Content-Length: abc\r\n\r\n{"jsonrpc":"2.0"}');
    expect((await server.next((m) => m.error?.code === -32600, since)).id).toBeNull();
    server.raw('Content-Type: application/json\r\n\r\n');
    await alive();
  });

  test('unknown methods: MethodNotFound (-32601) for a request, nothing for a notification', async () => {
    const answer = await server.request('dockfix/no-such-method', { x: 1 });
    expect(answer.error).toMatchObject({ code: -32601 });
    const since = server.received.length;
    server.send({ method: 'dockfix/no-such-notification', params: {} });
    await alive();
    expect(server.received.slice(since).filter((m) => m.id === undefined && m.error)).toEqual([]);
  });

  test('didChange of a document never opened, and out-of-range incremental edits, do not break it', async () => {
    server.send({ method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///never/opened', version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'x' }] } });
    let since = server.received.length;
    server.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'dockerfile', version: 1, text: TEXT } } });
    await server.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.version === 1, since);
    since = server.received.length;
    server.send({
      method: 'textDocument/didChange',
      params: {
        textDocument: { uri, version: 2 },
        contentChanges: [
          { range: { start: { line: 999, character: 5 }, end: { line: 1000, character: 0 } }, text: '# appended\n' },
          { range: { start: { line: 1, character: 500 }, end: { line: 1, character: 9999 } }, text: ' git' },
          { range: { start: { line: -3, character: -1 }, end: { line: 0, character: 0 } }, text: '' },
        ],
      },
    });
    const published = await server.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.version === 2, since);
    expect(Array.isArray(published.params?.diagnostics)).toBe(true);
    expect((await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 500, character: 500 } })).error).toBeUndefined();
    expect((await server.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } })).error).toBeUndefined();
    await alive();
  });

  test('1,000 rapid edits: diagnostics for the last version, RSS within 2× of that after 10 edits', { timeout: 180_000 }, async () => {
    const editUri = 'file:///nonexistent-dir/edits.Dockerfile';
    let version = 1;
    let since = server.received.length;
    server.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: editUri, languageId: 'dockerfile', version, text: TEXT } } });
    await server.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === editUri, since);
    const edit = (n: number) => {
      for (let i = 0; i < n; i++) {
        version++;
        // Type a character at the end of line 2, then delete it: the text oscillates, as when typing.
        const change = version % 2 === 0
          ? { range: { start: { line: 1, character: 16 }, end: { line: 1, character: 16 } }, text: 'x' }
          : { range: { start: { line: 1, character: 16 }, end: { line: 1, character: 17 } }, text: '' };
        server.send({ method: 'textDocument/didChange', params: { textDocument: { uri: editUri, version }, contentChanges: [change] } });
      }
    };
    const settle = async () => {
      await server.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === editUri && m.params?.version === version, since);
      // Requests that lint the current version, as an editor asks for code actions on every change.
      await server.request('textDocument/codeAction', { textDocument: { uri: editUri }, range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } }, context: { diagnostics: [] } });
    };
    since = server.received.length;
    edit(10);
    await settle();
    const after10 = server.rssKb();
    for (let batch = 0; batch < 10; batch++) {
      since = server.received.length;
      edit(99);
      await settle();
    }
    since = server.received.length;
    edit(10);
    await settle();
    const after1000 = server.rssKb();
    console.log(`language server RSS: ${after10} kB after 10 edits, ${after1000} kB after ${version - 1} edits`);
    expect(version - 1).toBeGreaterThanOrEqual(1_000);
    expect(after1000).toBeLessThan(2 * after10);
    await alive();
  });
  test('a 10 MB document: one "too large" diagnostic instead of a lint, answered quickly', { timeout: 120_000 }, async () => {
    const big = `FROM alpine:3.20\n${'RUN echo hello world && true\n'.repeat(Math.ceil((10 * 1024 * 1024) / 29))}`;
    const bigUri = 'file:///nonexistent-dir/big.Dockerfile';
    const since = server.received.length;
    const started = Date.now();
    server.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: bigUri, languageId: 'dockerfile', version: 1, text: big } } });
    const published = await server.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === bigUri, since);
    expect(published.params?.diagnostics?.map((d) => d.code)).toEqual(['too-large']);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect((await server.request('textDocument/formatting', { textDocument: { uri: bigUri }, options: { tabSize: 4, insertSpaces: true } })).result).toEqual([]);
    server.send({ method: 'textDocument/didClose', params: { textDocument: { uri: bigUri } } });
    await alive();
  });
});
