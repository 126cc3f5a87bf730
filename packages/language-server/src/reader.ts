// The stdio message reader. vscode-jsonrpc's own reader drops a body that is not JSON without an
// answer, and after a header with a bad Content-Length it never reads another message: the editor then
// waits forever on a live but deaf server. This one frames messages itself, answers a body that is not
// JSON with ParseError (-32700) and one that is not a JSON-RPC message with InvalidRequest (-32600), as
// JSON-RPC 2.0 says, and resynchronises on the next `Content-Length:` header after a broken one.
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';

/** A JSON-RPC error answer the reader asks the connection to send (`id: null`: the request was unreadable). */
export interface FramingError {
  readonly jsonrpc: '2.0';
  readonly id: null;
  readonly error: { readonly code: -32700 | -32600; readonly message: string };
}

const HEADER_END = Buffer.from('\r\n\r\n');
const HEADER_START = Buffer.from('Content-Length:');

/** Reads `Content-Length`-framed JSON-RPC messages from a stream, surviving malformed input. */
export class ResilientMessageReader extends AbstractMessageReader {
  private buffer: Buffer = Buffer.alloc(0);
  private callback: DataCallback | undefined;

  /** `answer` sends the error response for an unreadable message. */
  constructor(
    private readonly stream: NodeJS.ReadableStream,
    private readonly answer: (error: FramingError) => void,
  ) {
    super();
  }

  /** Starts reading; vscode-jsonrpc calls it once. */
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    };
    this.stream.on('data', onData);
    this.stream.on('error', (error: Error) => this.fireError(error));
    this.stream.on('close', () => this.fireClose());
    return { dispose: () => this.stream.off('data', onData) };
  }

  private drain(): void {
    for (;;) {
      const end = this.buffer.indexOf(HEADER_END);
      if (end === -1) return;
      const headers = this.buffer.subarray(0, end).toString('ascii');
      const match = /(?:^|\r\n)content-length:[ \t]*(\d{1,10})[ \t]*(?:\r\n|$)/i.exec(headers);
      if (!match) {
        // No usable length: skip to the next header that could start a message.
        const next = this.buffer.indexOf(HEADER_START, 1);
        this.buffer = next === -1 ? Buffer.alloc(0) : this.buffer.subarray(next);
        this.answer(invalid(-32600, `invalid message header (no valid Content-Length): ${JSON.stringify(headers.slice(0, 80))}`));
        continue;
      }
      const length = Number(match[1]);
      const start = end + HEADER_END.length;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      let message: unknown;
      try {
        message = JSON.parse(body);
      } catch (error) {
        this.answer(invalid(-32700, `parse error: ${(error as Error).message}`));
        continue;
      }
      if (typeof message !== 'object' || message === null || Array.isArray(message) || (message as { jsonrpc?: unknown }).jsonrpc !== '2.0') {
        this.answer(invalid(-32600, 'invalid request: not a JSON-RPC 2.0 message object'));
        continue;
      }
      this.callback?.(message as Message);
    }
  }
}

function invalid(code: -32700 | -32600, message: string): FramingError {
  return { jsonrpc: '2.0', id: null, error: { code, message } };
}
