import { fstatSync, writeSync } from 'node:fs';

/** Where the CLI writes its text: standard output or standard error. */
export interface TextOutput {
  /** Writes all of `text`, after everything written to this output before. */
  write(text: string): void;
  /** True for a terminal (where colour is on by default). */
  readonly isTTY: boolean;
}

/** What of Node's process.stdout and process.stderr an output uses. */
type StreamLike = Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;

/**
 * An output that writes to a pipe or a file with `fs.writeSync`, without `process.stdout` or
 * `process.stderr`: making either loads Node's stream and net modules, ~3 ms of a one-file lint
 * that writes one report. Node's own streams write a file, and on Linux a pipe, synchronously
 * too, so the writes keep their order across stdout and stderr as before.
 *
 * A terminal (or anything else: a character device, an fd that is not open) gets Node's stream as
 * before: it knows whether it is a TTY, and its colour and width. So does every write once one has
 * failed: EAGAIN (a full pipe that its reader made non-blocking) is waited out by the stream, and
 * any other error (EPIPE: `dockfix lint | head`) is the stream's to report as it always did
 * (bin/dockfix.js exits quietly on EPIPE). Once the stream is used, every later write goes to it,
 * so nothing overtakes what it still holds.
 */
export class DescriptorOutput implements TextOutput {
  private stream: StreamLike | null = null;
  private direct: boolean | undefined;

  constructor(
    private readonly fd: number,
    private readonly nodeStream: () => StreamLike,
  ) {}

  get isTTY(): boolean {
    return this.writesDirectly() ? false : this.toStream().isTTY === true;
  }

  write(text: string): void {
    if (!this.writesDirectly()) {
      this.toStream().write(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) {
      const count = writeSome(this.fd, bytes, written);
      if (count === 0) {
        this.toStream().write(bytes.subarray(written));
        return;
      }
      written += count;
    }
  }

  private writesDirectly(): boolean {
    if (this.stream !== null) return false;
    this.direct ??= isPipeOrFile(this.fd);
    return this.direct;
  }

  private toStream(): StreamLike {
    this.stream ??= this.nodeStream();
    return this.stream;
  }
}

/** The bytes written from `offset` on: a blocking pipe or a file takes them all, a non-blocking pipe maybe part; 0 on an error. */
function writeSome(fd: number, bytes: Buffer, offset: number): number {
  try {
    return writeSync(fd, bytes, offset);
  } catch {
    return 0;
  }
}

/** True for a pipe, a socket or a regular file: never a terminal. */
function isPipeOrFile(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isFile() || stat.isSocket();
  } catch {
    return false;
  }
}

/** Standard output, for reports, diffs and fixed text. */
export const stdout: TextOutput = new DescriptorOutput(1, () => process.stdout);

/** Standard error, for messages. */
export const stderr: TextOutput = new DescriptorOutput(2, () => process.stderr);
