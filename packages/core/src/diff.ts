import { diffArrays } from 'diff';

/** Lines of context around each change, as `diff -u` and git print. */
const CONTEXT = 3;
/**
 * How far (in lines, both sides together) the search for the end of a change looks. Fixes and the
 * formatter change a few lines per instruction, so the texts meet again within a few lines; a
 * change that does not end within the window is printed as the lines replaced so far.
 */
const SYNC_WINDOW = 400;
/** Changed regions up to this many lines per side get a minimal line diff (Myers, from `diff`). */
const EXACT_LIMIT = 200;

/**
 * A unified diff of a rewrite, in the `a/` `b/` form git and `patch -p1` read; empty when nothing
 * changed. Linear in the file size: the `diff` package's line diff alone is quadratic in the
 * number of changed lines (36 s for a fixed 30k-line file), so the texts are first walked together
 * and only each changed region, bounded in size, is diffed exactly. The output is always a correct
 * patch; it is minimal except inside changed regions longer than a few hundred lines.
 * `filePath` is printed as given, minus a leading `./` or `/` (git rejects `a//abs/path`); callers
 * that know the working directory should pass a path relative to it. An empty `before` prints
 * `--- /dev/null`, the header git reads as "create this file".
 */
export function unifiedDiff(before: string, after: string, filePath = 'Dockerfile'): string {
  if (before === after) return '';
  const name = filePath
    .replace(/\\/g, '/')
    .replace(/^[A-Za-z]:\//, '')
    .replace(/^(\.\/|\/)+/, '');
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const out = [`--- ${before === '' ? '/dev/null' : `a/${name}`}`, `+++ b/${name}`];
  for (const hunk of hunks(ops)) {
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    out.push(`@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@`);
    for (const line of hunk.lines) out.push(line);
  }
  return `${out.join('\n')}\n`;
}

/** Lines with their terminators (so a changed line ending is a changed line); the last may have none. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
    lines.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** One line of the edit script: kept, removed from `a` or added from `b`. */
type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i] as string });
      i++;
      j++;
      continue;
    }
    const [nextI, nextJ] = resync(a, b, i, j);
    changedRegion(a.slice(i, nextI), b.slice(j, nextJ), ops);
    i = nextI;
    j = nextJ;
  }
  return ops;
}

/**
 * The nearest point after (i, j) where the texts agree again: the smallest total number of lines
 * skipped on both sides to reach two equal lines followed by a second equal pair (or the ends),
 * searched within SYNC_WINDOW. Without one, the window's worth of lines counts as changed.
 */
function resync(a: readonly string[], b: readonly string[], i: number, j: number): [number, number] {
  const agree = (x: number, y: number) =>
    (x === a.length && y === b.length) || (x < a.length && y < b.length && a[x] === b[y] && (x + 1 === a.length || y + 1 === b.length || a[x + 1] === b[y + 1]));
  for (let distance = 1; distance <= SYNC_WINDOW; distance++) {
    for (let skipA = 0; skipA <= distance; skipA++) {
      const x = i + skipA;
      const y = j + distance - skipA;
      if (x > a.length || y > b.length) continue;
      if (agree(x, y)) return [x, y];
    }
  }
  return [Math.min(a.length, i + SYNC_WINDOW / 2), Math.min(b.length, j + SYNC_WINDOW / 2)];
}

/** The ops for a region where `removed` became `added`: minimal when small enough, else all out then all in. */
function changedRegion(removed: readonly string[], added: readonly string[], ops: Op[]): void {
  if (removed.length > 0 && added.length > 0 && removed.length <= EXACT_LIMIT && added.length <= EXACT_LIMIT) {
    for (const change of diffArrays(removed as string[], added as string[])) {
      const kind = change.added ? '+' : change.removed ? '-' : ' ';
      for (const line of change.value) ops.push({ kind, line });
    }
    return;
  }
  for (const line of removed) ops.push({ kind: '-', line });
  for (const line of added) ops.push({ kind: '+', line });
}

interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: string[];
}

/** Groups the ops into hunks with CONTEXT lines around each change, merging hunks whose context touches. */
function hunks(ops: readonly Op[]): Hunk[] {
  const result: Hunk[] = [];
  // Line numbers (1-based) of the op at k, on both sides.
  let oldLine = 1;
  let newLine = 1;
  let current: Hunk | null = null;
  let k = 0;
  const advance = (op: Op) => {
    if (op.kind !== '+') oldLine++;
    if (op.kind !== '-') newLine++;
  };
  while (k < ops.length) {
    const op = ops[k] as Op;
    if (op.kind !== ' ') {
      if (!current) {
        // Open a hunk with up to CONTEXT lines of leading context (the ops just before are all kept lines).
        const lead = Math.min(CONTEXT, k);
        current = { oldStart: oldLine - lead, oldLines: 0, newStart: newLine - lead, newLines: 0, lines: [] };
        for (let c = k - lead; c < k; c++) pushLine(current, ops[c] as Op);
      }
      pushLine(current, op);
      advance(op);
      k++;
      continue;
    }
    // A run of kept lines: inside a hunk, it joins the next change when short enough, else it ends the hunk.
    let end = k;
    while (end < ops.length && (ops[end] as Op).kind === ' ') end++;
    if (current) {
      const joins = end < ops.length && end - k <= 2 * CONTEXT;
      const keep = joins ? end - k : Math.min(CONTEXT, end - k);
      for (let c = k; c < k + keep; c++) pushLine(current, ops[c] as Op);
      if (!joins) {
        result.push(current);
        current = null;
      }
    }
    for (let c = k; c < end; c++) advance(ops[c] as Op);
    k = end;
  }
  if (current) result.push(current);
  return result;
}

function pushLine(hunk: Hunk, op: Op): void {
  if (op.kind !== '+') hunk.oldLines++;
  if (op.kind !== '-') hunk.newLines++;
  if (op.line.endsWith('\n')) hunk.lines.push(op.kind + op.line.slice(0, -1));
  else hunk.lines.push(op.kind + op.line, '\\ No newline at end of file');
}
