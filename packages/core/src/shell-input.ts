import type { Instruction } from './model.js';
import type { Source } from './source.js';

/**
 * The text a RUN hands to its shell, exactly as the Dockerfile frontend builds it, with where each
 * character came from in the Dockerfile. Tools that analyse the script on their own (ShellCheck) see
 * what the shell sees; their positions map back through {@link ShellInput.offsetAt}.
 */
export interface ShellInput {
  /** The script: continuations joined, comment and empty lines inside them dropped, CRs removed. */
  readonly text: string;
  /** The Dockerfile offset of the character at `index` of `text` (`index === text.length`: just after the last one). */
  offsetAt(index: number): number;
  /** The Dockerfile offset just after the character at `index - 1`: where a range that ends at `index` ends. */
  endOffsetAt(index: number): number;
}

/**
 * The shell input of a shell-form or heredoc RUN (its ONBUILD trigger too); null for exec form or an
 * empty body. As BuildKit's parser does: a line ending in the escape character (optionally followed by
 * blanks) continues on the next one, the escape character, the blanks and the line break are removed;
 * comment lines and blank lines inside a continuation are dropped. After the first line that does not
 * continue, heredoc bodies and their terminators follow verbatim (the shell reads them itself). A RUN that
 * is only a heredoc (`RUN <<EOF`) hands its body over as is.
 */
export function shellInputOf(source: Source, instruction: Instruction): ShellInput | null {
  const run = instruction.run;
  if (!run || run.form === 'exec' || !run.body) return null;
  const { start, end } = run.body;
  const text = source.text;
  const chars: string[] = [];
  const origins: number[] = [];
  const push = (from: number, to: number) => {
    for (let at = from; at < to; at++) {
      if (text[at] === '\r' && text[at + 1] === '\n') continue;
      chars.push(text[at] as string);
      origins.push(at);
    }
  };
  // A heredoc-only RUN: the body is the heredoc content, which no continuation rule touches.
  const bodyIsHeredoc = run.form === 'heredoc' && !(instruction.argsRange && instruction.argsRange.start === start);
  let at = start;
  if (!bodyIsHeredoc) {
    const continuation = new RegExp(`\\${source.escapeChar}[ \\t]*$`);
    let first = true;
    while (at < end) {
      const newline = text.indexOf('\n', at);
      const lineEnd = newline === -1 || newline >= end ? end : newline;
      const line = text.slice(at, lineEnd).replace(/\r$/, '');
      const next = lineEnd < end ? lineEnd + 1 : end;
      if (!first && (/^[ \t]*#/.test(line) || /^[ \t]*$/.test(line))) {
        at = next;
        continue;
      }
      first = false;
      const match = continuation.exec(line);
      if (match) {
        push(at, at + match.index);
        at = next;
        continue;
      }
      push(at, at + line.length);
      if (lineEnd < end) push(lineEnd, lineEnd + 1);
      at = next;
      break;
    }
  }
  push(at, end);
  if (chars.length === 0 || chars.join('').trim() === '') return null;
  const script = chars.join('');
  return {
    text: script,
    offsetAt: (index) => (index < origins.length ? (origins[index] as number) : end),
    endOffsetAt: (index) => (index <= 0 ? start : index <= origins.length ? (origins[index - 1] as number) + 1 : end),
  };
}
