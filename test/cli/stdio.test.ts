// The CLI writes to a pipe or a file with fs.writeSync, without Node's process.stdout/stderr streams
// (cli/stdio.ts): what it writes, and in which order, must be what the streams gave, and a failed
// write must end as the stream's did.
import { spawnSync } from 'node:child_process';
import { closeSync, constants, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DescriptorOutput } from '../../packages/cli/dist/cli/stdio.js';
import { BIN, cleanEnv, makeProject } from './run-cli.js';

/** A stand-in for process.stdout that keeps what it is given. */
function fakeStream() {
  const chunks: Buffer[] = [];
  return {
    made: 0,
    chunks,
    text: () => Buffer.concat(chunks).toString('utf8'),
    write(chunk: string | Uint8Array) {
      chunks.push(Buffer.from(chunk));
      return true;
    },
    isTTY: false,
  };
}

describe('DescriptorOutput', () => {
  test('writes a file itself, and never makes the stream', () => {
    const file = path.join(makeProject(), 'out.txt');
    const fd = openSync(file, 'w');
    const stream = fakeStream();
    const output = new DescriptorOutput(fd, () => {
      stream.made++;
      return stream;
    });
    try {
      expect(output.isTTY).toBe(false);
      output.write('first é\n');
      output.write('second\n');
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8')).toBe('first é\nsecond\n');
    expect(stream.made).toBe(0);
  });

  test('hands the rest to the stream when a non-blocking pipe is full, and keeps to it', () => {
    const fifo = path.join(makeProject(), 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // Both ends non-blocking: the writer gets EAGAIN once the pipe's buffer (64 KiB on Linux) is full.
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    const stream = fakeStream();
    const output = new DescriptorOutput(writer, () => stream);
    const text = Array.from({ length: 20_000 }, (_, i) => `line ${i}\n`).join('');
    try {
      output.write(text);
      output.write('after\n');
      const received: Buffer[] = [];
      const buffer = Buffer.alloc(1 << 16);
      for (let count = readSync(reader, buffer); count > 0; count = readSafely(reader, buffer)) received.push(Buffer.from(buffer.subarray(0, count)));
      const direct = Buffer.concat(received).toString('utf8');
      expect(direct.length).toBeGreaterThan(0);
      expect(stream.chunks.length).toBeGreaterThan(0);
      expect(direct + stream.text()).toBe(`${text}after\n`);
      expect(stream.text().endsWith('after\n')).toBe(true);
    } finally {
      closeSync(writer);
      closeSync(reader);
    }
  });

  test('uses the stream for anything that is not a pipe or a file', () => {
    const stream = fakeStream();
    stream.isTTY = true;
    const fd = openSync('/dev/null', 'w');
    try {
      const output = new DescriptorOutput(fd, () => stream);
      expect(output.isTTY).toBe(true);
      output.write('to the stream\n');
    } finally {
      closeSync(fd);
    }
    expect(stream.text()).toBe('to the stream\n');
  });
});

/** Reads what is there; 0 once a non-blocking pipe is empty (EAGAIN). */
function readSafely(fd: number, buffer: Buffer): number {
  try {
    return readSync(fd, buffer);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return 0;
    throw error;
  }
}

describe('the CLI on pipes', () => {
  const bash = (script: string, cwd: string) => spawnSync('bash', ['-c', script], { cwd, env: cleanEnv(), encoding: 'utf8' });
  const dockfix = `"${process.execPath}" "${BIN}"`;

  test('exits quietly when the reader has gone (`dockfix lint | head`)', () => {
    const cwd = makeProject({ Dockerfile: 'FROM node:20\nRUN npm install\n' });
    // `true` exits at once, so the report meets a closed pipe: EPIPE. The exit code is the lint's (problems: 1).
    for (const command of ['lint Dockerfile', 'lint --format json Dockerfile']) {
      const result = bash(`${dockfix} ${command} | true; echo "status \${PIPESTATUS[0]}"`, cwd);
      expect(result.stderr, command).toBe('');
      expect(result.stdout, command).toBe('status 1\n');
    }
  });

  test('keeps the order of stdout and stderr on one pipe', () => {
    const cwd = makeProject({ Dockerfile: 'FROM node:20\nRUN npm install\n' });
    const result = bash(`${dockfix} lint missing.Dockerfile Dockerfile 2>&1 | cat`, cwd);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^dockfix: missing\.Dockerfile: /);
    expect(lines[1]).toBe('Dockerfile');
  });

  test('a lint to a pipe loads none of Node stream modules', () => {
    const cwd = makeProject({ Dockerfile: 'FROM alpine:3.20\nRUN apk add curl\n' });
    const loader = path.join(path.dirname(BIN), 'load-bundle.js');
    // fs.writeSync, not process.stderr.write: that would make the stream it looks for.
    const probe = `const { loadBundle } = require(${JSON.stringify(loader)}); loadBundle().main(['lint', 'Dockerfile']).then(() => require('node:fs').writeSync(2, JSON.stringify(process.moduleLoadList)));`;
    const result = spawnSync(process.execPath, ['-e', probe], { cwd, env: cleanEnv({ TMPDIR: cwd }), encoding: 'utf8' });
    expect(result.stdout).toContain('apk');
    const loaded = (JSON.parse(result.stderr) as string[]).filter((name) => name.startsWith('NativeModule ')).map((name) => name.slice('NativeModule '.length));
    expect(loaded.filter((name) => ['net', 'stream', 'tty', 'v8'].includes(name))).toEqual([]);
  });
});
