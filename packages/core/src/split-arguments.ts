// dockerfile-ast 0.7.1's argument splitter (Instruction.prototype.getRawArguments), rewritten to build
// each argument's text from slices of the instruction instead of one character at a time.
// Why: the original appends every character to a string (`escapedArg = escapedArg + char`), so a RUN body
// of n characters costs n string allocations; over the corpus that was a sixth of everything lint()
// allocates, and the split itself about 5% of its time. The loop below is the original's, statement for
// statement; only the appends differ: a run of characters appended at consecutive positions is kept as a
// pending slice and added in one go before anything else reads or changes the text, and the characters
// after one up to the next blank or escape, which the original appends one pass of the loop at a time
// with nothing else changing, are taken in one step.
// source.ts uses it only with the dockerfile-ast version it was written from (package.json pins it), and
// test/split-arguments.test.ts compares it with the original over the corpus and random instructions.
import { Argument } from 'dockerfile-ast';
import type { Position } from './source.js';

/** The private parts of a dockerfile-ast Instruction the splitter reads. */
export interface SplittableInstruction {
  readonly document: { positionAt(offset: number): Position; offsetAt(position: Position): number };
  readonly escapeChar: string;
  getInstructionRange(): { start: Position; end: Position };
  getTextContent(): string;
}

const isNewline = (char: string): boolean => char === '\r' || char === '\n';
const isWhitespace = (char: string): boolean => char === ' ' || char === '\t' || isNewline(char);

/** The arguments dockerfile-ast's getRawArguments returns for `instruction`, computed the same way. */
export function splitArguments(instruction: SplittableInstruction): Argument[] {
  const document = instruction.document;
  const escapeChar = instruction.escapeChar;
  const escapeCode = escapeChar.charCodeAt(0);
  const args: Argument[] = [];
  const range = instruction.getInstructionRange();
  const extra = document.offsetAt(range.end) - document.offsetAt(range.start);
  const content = instruction.getTextContent();
  const fullArgs = content.substring(extra);
  const offset = document.offsetAt(range.start) + extra;
  let start = false;
  let comment = false;
  let found = -1;
  // whether a space or tab that is part of an escaped newline sequence was found
  let escapedWhitespaceDetected = false;
  // whether the splitter is in an escaped newline sequence
  let escaping = false;
  let escapeMarker = -1;
  let escapedArg = '';
  // The pending slice fullArgs[runStart, runEnd) not yet added to escapedArg (runStart -1: none).
  let runStart = -1;
  let runEnd = -1;
  const text = (): string => {
    if (runStart !== -1) {
      escapedArg += fullArgs.slice(runStart, runEnd);
      runStart = -1;
    }
    return escapedArg;
  };
  const push = (from: number, to: number): void => {
    args.push(new Argument(text(), { start: document.positionAt(offset + from), end: document.positionAt(offset + to) }));
  };
  for (let i = 0; i < fullArgs.length; i++) {
    const char = fullArgs.charAt(i);
    if (isWhitespace(char)) {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (isNewline(char)) {
          // a newline: any whitespace seen before it does not count
          escapedWhitespaceDetected = false;
          if (comment) {
            // a newline ends a comment
            comment = false;
            start = true;
          }
        }
        continue;
      } else if (found !== -1) {
        push(found, escapeMarker === -1 ? i : escapeMarker);
        escapeMarker = -1;
        escapedArg = '';
        runStart = -1;
        found = -1;
      }
    } else if (char === escapeChar) {
      const next = fullArgs.charAt(i + 1);
      if (next === ' ' || next === '\t') {
        whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
          const newlineCheck = fullArgs.charAt(j);
          switch (newlineCheck) {
            case ' ':
            case '\t':
              continue;
            case '\r':
              j++;
            // falls through, as in the original: `\r\n` is one line break
            case '\n':
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1) {
                escapeMarker = i;
              }
              i = j;
              break whitespaceCheck;
            default:
              escapeMarker = i;
              if (found === -1) {
                i = j - 1;
              }
              break whitespaceCheck;
          }
        }
      } else if (next === '\r') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) {
          escapeMarker = i;
        }
        i += 2;
      } else if (next === '\n') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) {
          escapeMarker = i;
        }
        i++;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          push(found, escapeMarker);
          escapedArg = '';
          runStart = -1;
          found = -1;
        }
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === '$') {
          escapedArg = text() + char + next;
        } else if (next === '') {
          // the end of the text
          break;
        } else {
          escapedArg = text() + next;
        }
        if (found === -1) {
          found = i;
        }
        i++;
      }
    } else if (!comment) {
      if (start && char === '#') {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          push(found, escapeMarker);
          escapedArg = '';
          runStart = -1;
          found = -1;
        }
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        // `escapedArg + char`, deferred: extend the pending slice, or start one after adding the last.
        if (runStart !== -1 && runEnd === i) {
          runEnd = i + 1;
        } else {
          text();
          runStart = i;
          runEnd = i + 1;
        }
        if (found === -1) {
          found = i;
        }
        // The characters up to the next blank or escape would each come back to this branch with
        // nothing to do but extend the slice (start is false from here on): take them in one step.
        let next = i + 1;
        while (next < fullArgs.length) {
          const code = fullArgs.charCodeAt(next);
          if (code === 32 || code === 9 || code === 10 || code === 13 || code === escapeCode) break;
          next++;
        }
        runEnd = next;
        i = next - 1;
      }
      // a character other than whitespace: no longer at the start of a line
      start = false;
    }
  }
  if (found !== -1) {
    push(found, escapeMarker === -1 ? fullArgs.length : escapeMarker);
  }
  return args;
}
