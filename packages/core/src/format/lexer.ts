// Which characters of an instruction's joined line are whitespace whose amount does not matter.
// The printer may only change whitespace there: re-indenting a continuation line changes the
// characters at the join, and inside a quoted string (or a legacy `ENV key value`) they are data.
import { isGoSpace } from './lines.js';

/** How an instruction's arguments are read. */
export type LexMode =
  /** POSIX shell (RUN/CMD/ENTRYPOINT shell form under sh/bash…). */
  | 'shell'
  /** BuildKit's word splitting (ARG, ENV key=value, LABEL, COPY, FROM…): quotes and the escape character. */
  | 'words'
  /** An exec-form JSON array. */
  | 'json';

/** Classes of joined-line characters. */
export const CharClass = {
  /** Data: inside quotes, escaped, in a comment, or in a context we do not follow. */
  Significant: 0,
  /** A space or tab that only separates words: its amount does not matter. */
  Blank: 1,
  /** A shell control operator character (`;`, `&`, `|`) outside quotes. */
  Operator: 2,
  /** Any other character outside quotes. */
  Plain: 3,
} as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

/** The result of lexing one joined line. */
export interface Lexed {
  /** One class per character of the joined line. */
  readonly classes: Uint8Array;
  /** `safe[i]`: a change of blanks just before character `i` cannot change what the line means. */
  readonly safe: Uint8Array;
}

/** What the shell lexer is inside of. */
const Frame = {
  SingleQuote: 0,
  DoubleQuote: 1,
  AnsiQuote: 2,
  Backtick: 3,
  CommandSub: 4,
  Paren: 5,
  Arith: 6,
  Param: 7,
  Comment: 8,
} as const;
type Frame = (typeof Frame)[keyof typeof Frame];

/** Frames inside which blanks are still insignificant (nested shell code). */
function isCodeFrame(frame: Frame | undefined): boolean {
  return frame === undefined || frame === Frame.CommandSub || frame === Frame.Paren || frame === Frame.Arith;
}

// Character codes the lexer compares against.
const BACKSLASH = 92;
const SINGLE = 39;
const DOUBLE = 34;
const BACKTICK = 96;
const DOLLAR = 36;
const HASH = 35;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const SPACE = 32;
const TAB = 9;
const SEMICOLON = 59;
const AMPERSAND = 38;
const PIPE = 124;
const LESS = 60;
const GREATER = 62;

/** Characters after which a `#` starts a shell comment. */
function endsWord(code: number): boolean {
  return code === SPACE || code === TAB || code === 10 || code === 13 || code === SEMICOLON || code === AMPERSAND || code === PIPE || code === OPEN_PAREN || code === CLOSE_PAREN || code === LESS || code === GREATER;
}

const MODE_WORDS = 0;
const MODE_SHELL = 1;
const MODE_JSON = 2;

/**
 * Lexes `joined`, switching to `mode` at each `modes` start (sorted). Characters before the first
 * mode start are lexed as `words`.
 */
export function lexJoined(joined: string, modes: readonly { readonly start: number; readonly mode: LexMode }[], escapeChar: string): Lexed {
  const length = joined.length;
  const classes = new Uint8Array(length);
  const safe = new Uint8Array(length + 1);
  const escape = escapeChar.charCodeAt(0);
  const stack: Frame[] = [];
  let sensitive = 0;
  let modeIndex = -1;
  let mode = MODE_WORDS;
  let nextModeStart = modes.length > 0 ? (modes[0] as { start: number }).start : Infinity;
  let quote = 0;

  const push = (frame: Frame) => {
    stack.push(frame);
    if (!isCodeFrame(frame)) sensitive++;
  };
  const pop = () => {
    const frame = stack.pop();
    if (frame !== undefined && !isCodeFrame(frame)) sensitive--;
  };

  for (let i = 0; i < length; i++) {
    while (i >= nextModeStart) {
      modeIndex++;
      const next = modes[modeIndex] as { mode: LexMode };
      mode = next.mode === 'shell' ? MODE_SHELL : next.mode === 'json' ? MODE_JSON : MODE_WORDS;
      nextModeStart = modeIndex + 1 < modes.length ? (modes[modeIndex + 1] as { start: number }).start : Infinity;
      // A mode starts at a word boundary; whatever was open is closed by then in valid input.
      stack.length = 0;
      sensitive = 0;
      quote = 0;
    }
    const code = joined.charCodeAt(i);
    safe[i] = sensitive === 0 && quote === 0 ? 1 : 0;

    if (mode === MODE_JSON) {
      if (quote !== 0) {
        classes[i] = CharClass.Significant;
        if (code === BACKSLASH) {
          if (i + 1 < length) classes[++i] = CharClass.Significant;
        } else if (code === DOUBLE) {
          quote = 0;
        }
      } else if (code === DOUBLE) {
        quote = DOUBLE;
        classes[i] = CharClass.Significant;
      } else {
        classes[i] = code === SPACE || code === TAB ? CharClass.Blank : CharClass.Plain;
      }
      continue;
    }

    if (mode === MODE_WORDS) {
      if (quote !== 0) {
        classes[i] = CharClass.Significant;
        if (code === escape && quote !== SINGLE) {
          if (i + 1 < length) classes[++i] = CharClass.Significant;
        } else if (code === quote) {
          quote = 0;
        }
      } else if (code === escape) {
        classes[i] = CharClass.Significant;
        if (i + 1 < length) classes[++i] = CharClass.Significant;
      } else if (code === DOUBLE || code === SINGLE) {
        quote = code;
        classes[i] = CharClass.Significant;
      } else {
        classes[i] = isGoSpace(code) ? CharClass.Blank : CharClass.Plain;
      }
      continue;
    }

    // POSIX shell.
    const top = stack.length > 0 ? stack[stack.length - 1] : undefined;
    if (top !== undefined && !isCodeFrame(top)) {
      classes[i] = CharClass.Significant;
      switch (top) {
        case Frame.Comment:
          break;
        case Frame.SingleQuote:
          if (code === SINGLE) pop();
          break;
        case Frame.AnsiQuote:
          if (code === BACKSLASH) {
            if (i + 1 < length) classes[++i] = CharClass.Significant;
          } else if (code === SINGLE) pop();
          break;
        default:
          // Double quotes, backticks and ${…}: escapes, and nested expansions.
          if (code === BACKSLASH) {
            if (i + 1 < length) classes[++i] = CharClass.Significant;
          } else if ((top === Frame.DoubleQuote && code === DOUBLE) || (top === Frame.Backtick && code === BACKTICK) || (top === Frame.Param && code === CLOSE_BRACE)) {
            pop();
          } else if (code === DOLLAR && joined.charCodeAt(i + 1) === OPEN_PAREN) {
            classes[++i] = CharClass.Significant;
            if (joined.charCodeAt(i + 1) === OPEN_PAREN) {
              classes[++i] = CharClass.Significant;
              push(Frame.Arith);
            } else {
              push(Frame.CommandSub);
            }
          } else if (code === DOLLAR && joined.charCodeAt(i + 1) === OPEN_BRACE) {
            classes[++i] = CharClass.Significant;
            push(Frame.Param);
          } else if (code === BACKTICK && top !== Frame.Backtick) {
            push(Frame.Backtick);
          } else if (top !== Frame.DoubleQuote && (code === DOUBLE || code === SINGLE)) {
            push(code === DOUBLE ? Frame.DoubleQuote : Frame.SingleQuote);
          }
      }
      continue;
    }

    // Shell code: top level, $( … ), ( … ), $(( … )).
    switch (code) {
      case BACKSLASH:
        classes[i] = CharClass.Significant;
        if (i + 1 < length) classes[++i] = CharClass.Significant;
        break;
      case SINGLE:
      case DOUBLE:
      case BACKTICK:
        classes[i] = CharClass.Significant;
        push(code === SINGLE ? Frame.SingleQuote : code === DOUBLE ? Frame.DoubleQuote : Frame.Backtick);
        break;
      case DOLLAR: {
        const next = joined.charCodeAt(i + 1);
        classes[i] = CharClass.Significant;
        if (next === SINGLE) {
          classes[++i] = CharClass.Significant;
          push(Frame.AnsiQuote);
        } else if (next === OPEN_PAREN) {
          classes[++i] = CharClass.Significant;
          if (joined.charCodeAt(i + 1) === OPEN_PAREN) {
            classes[++i] = CharClass.Significant;
            push(Frame.Arith);
          } else {
            push(Frame.CommandSub);
          }
        } else if (next === OPEN_BRACE) {
          classes[++i] = CharClass.Significant;
          push(Frame.Param);
        } else {
          classes[i] = CharClass.Plain;
        }
        break;
      }
      case HASH:
        if (top !== Frame.Arith && (i === 0 || endsWord(joined.charCodeAt(i - 1)))) {
          classes[i] = CharClass.Significant;
          push(Frame.Comment);
        } else {
          classes[i] = CharClass.Plain;
        }
        break;
      case OPEN_PAREN:
        classes[i] = CharClass.Plain;
        push(Frame.Paren);
        break;
      case CLOSE_PAREN:
        classes[i] = CharClass.Plain;
        if (top === Frame.Arith && joined.charCodeAt(i + 1) === CLOSE_PAREN) classes[++i] = CharClass.Plain;
        if (top !== undefined) pop();
        break;
      case SPACE:
      case TAB:
        classes[i] = CharClass.Blank;
        break;
      case SEMICOLON:
      case AMPERSAND:
      case PIPE:
        classes[i] = CharClass.Operator;
        break;
      default:
        classes[i] = CharClass.Plain;
    }
  }
  safe[length] = sensitive === 0 && quote === 0 ? 1 : 0;
  return { classes, safe };
}

/**
 * The arguments of a joined line reduced to what BuildKit and the shell act on: insignificant
 * blanks collapse to one space (none next to a shell operator), so two lines with the same
 * fingerprint run the same.
 */
export function fingerprint(joined: string, lexed: Lexed, from: number, mode: LexMode | 'verbatim'): string {
  if (mode === 'verbatim') return trimGoSpace(joined.slice(from));
  const { classes } = lexed;
  const parts: string[] = [];
  let runStart = -1;
  let lastClass = -1;
  let pendingBlank = false;
  for (let i = from; i < joined.length; i++) {
    const charClass = classes[i] as CharClass;
    if (charClass === CharClass.Blank) {
      if (runStart >= 0) parts.push(joined.slice(runStart, i));
      runStart = -1;
      pendingBlank = true;
      continue;
    }
    if (pendingBlank) {
      if (lastClass !== -1 && !(mode === 'shell' && (lastClass === CharClass.Operator || charClass === CharClass.Operator))) parts.push(' ');
      pendingBlank = false;
    }
    if (runStart < 0) runStart = i;
    lastClass = charClass;
  }
  if (runStart >= 0) parts.push(joined.slice(runStart));
  return parts.join('');
}

function trimGoSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isGoSpace(text.charCodeAt(start))) start++;
  while (end > start && isGoSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}
