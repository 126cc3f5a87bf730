import type { Source, TextRange } from './source.js';

/** Replace `[start, end)` of the original text with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** How sure a fix is that the rebuilt image behaves the same. */
export type FixSafety = 'safe' | 'unsafe';

/** A set of edits that together repair one diagnostic. */
export interface Fix {
  readonly title: string;
  readonly safety: FixSafety;
  readonly edits: readonly TextEdit[];
  /**
   * Fixes that restructure a whole region (a stage, the file) name a group: two fixes of the same
   * group never apply in one pass, and the group `file` applies alone.
   */
  readonly isolation?: string;
  /** How many instructions the fix adds (positive) or removes (negative); the fixer checks it. */
  readonly instructionDelta?: number;
}

/** Something with a range: an instruction, a word, a flag, or a range itself. */
export type Ranged = TextRange | { readonly range: TextRange };

function rangeOf(target: Ranged): TextRange {
  return 'range' in target ? target.range : target;
}

/** Builders for the edits of a fix; every offset refers to the original text. */
export interface FixBuilder {
  replace(target: Ranged, text: string): TextEdit;
  replaceRange(start: number, end: number, text: string): TextEdit;
  insertBefore(target: Ranged | number, text: string): TextEdit;
  insertAfter(target: Ranged | number, text: string): TextEdit;
  remove(target: Ranged): TextEdit;
  /** Removes whole lines: from the start of the line holding `target.start` through the line break after `target.end`. */
  removeLines(target: Ranged): TextEdit;
  /** Inserts `lines` (without line breaks) as new lines before the line holding `target`, with that line's indentation and line ending. */
  insertLinesBefore(target: Ranged, lines: readonly string[]): TextEdit;
}

/** Creates the fix builders bound to one source. */
export function createFixBuilder(source: Source): FixBuilder {
  return {
    replace: (target, text) => {
      const { start, end } = rangeOf(target);
      return { start, end, text };
    },
    replaceRange: (start, end, text) => ({ start, end, text }),
    insertBefore: (target, text) => {
      const at = typeof target === 'number' ? target : rangeOf(target).start;
      return { start: at, end: at, text };
    },
    insertAfter: (target, text) => {
      const at = typeof target === 'number' ? target : rangeOf(target).end;
      return { start: at, end: at, text };
    },
    remove: (target) => {
      const { start, end } = rangeOf(target);
      return { start, end, text: '' };
    },
    removeLines: (target) => {
      const { start, end } = rangeOf(target);
      return { start: source.lineStartAt(start), end: source.nextLineStartAt(Math.max(start, end - 1)), text: '' };
    },
    insertLinesBefore: (target, lines) => {
      const { start } = rangeOf(target);
      const lineStart = source.lineStartAt(start);
      const eol = source.eolAt(lineStart);
      const indent = source.indentAt(lineStart);
      return { start: lineStart, end: lineStart, text: lines.map((line) => indent + line + eol).join('') };
    },
  };
}

/** Applies non-overlapping edits to a text. Throws when two edits overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`overlapping edits at offset ${edit.start}`);
    if (edit.start < 0 || edit.end > text.length || edit.end < edit.start) throw new Error(`edit out of range: ${edit.start}-${edit.end}`);
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/** True when two edits touch the same text (or insert at the same point), so only one may apply. */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * The edits of the fixes chosen so far, sorted by start. They never conflict with each other, so
 * an edit can only conflict with its neighbours in that order: a binary search replaces the
 * comparison with every chosen edit that made a pass quadratic in the number of fixes.
 */
export class TakenEdits {
  private readonly edits: TextEdit[] = [];

  /** True when `edit` conflicts with an edit taken so far. */
  conflicts(edit: TextEdit): boolean {
    const at = this.firstStartingAtOrAfter(edit.start);
    // Before it, only the edits sharing the last start (an insertion and a range may both start there) can reach it.
    const lastStart = this.edits[at - 1]?.start;
    for (let k = at - 1; k >= 0 && (this.edits[k] as TextEdit).start === lastStart; k--) {
      if (editsConflict(this.edits[k] as TextEdit, edit)) return true;
    }
    for (let k = at; k < this.edits.length; k++) {
      const other = this.edits[k] as TextEdit;
      if (other.start > edit.end) break;
      if (editsConflict(other, edit)) return true;
    }
    return false;
  }

  /** Takes an edit; it must not conflict with the ones taken. */
  add(edit: TextEdit): void {
    const last = this.edits.at(-1);
    // Fixes come sorted by their first edit, so most edits append.
    if (!last || last.start <= edit.start) this.edits.push(edit);
    else this.edits.splice(this.firstStartingAtOrAfter(edit.start), 0, edit);
  }

  private firstStartingAtOrAfter(start: number): number {
    let low = 0;
    let high = this.edits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.edits[mid] as TextEdit).start < start) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
