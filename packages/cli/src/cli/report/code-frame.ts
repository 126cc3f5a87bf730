import type { Diagnostic, TextEdit } from '@dockfix/core';

/** Lines of `text` without their line breaks. */
function linesOf(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/\r$/, ''));
}

/**
 * The lines a diagnostic points at, numbered, with carets under the reported span of its first line
 * (as rustc and Ruff show them). Long spans show their first `maxLines` lines and an ellipsis.
 */
export function codeFrame(text: string, d: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>, maxLines = 3): string[] {
  const lines = linesOf(text);
  const last = Math.min(d.endLine, d.line + maxLines - 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let line = d.line; line <= last; line++) {
    const content = lines[line - 1] ?? '';
    out.push(`${String(line).padStart(width)} | ${content}`);
    if (line === d.line) {
      const end = d.endLine === line ? d.endColumn : content.length + 1;
      out.push(`${' '.repeat(width)} | ${' '.repeat(Math.max(0, d.column - 1))}${'^'.repeat(Math.max(1, end - d.column))}`);
    }
  }
  if (d.endLine > last) out.push(`${' '.repeat(width)} | …`);
  return out;
}

/**
 * A fix as a small diff of the whole lines it touches: `-` lines as they are, `+` lines as the fix
 * leaves them. Edits far apart (a stage split) show each changed region; long regions are cut.
 */
export function fixDiff(text: string, edits: readonly TextEdit[], maxLines = 8): string[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  // Group edits whose lines touch into regions, so that one diff hunk shows each.
  const regions: { start: number; end: number; edits: TextEdit[] }[] = [];
  for (const edit of sorted) {
    const start = text.lastIndexOf('\n', edit.start - 1) + 1;
    const newline = text.indexOf('\n', edit.end);
    const end = newline === -1 ? text.length : newline;
    const previous = regions.at(-1);
    if (previous && start <= previous.end + 1) {
      previous.end = Math.max(previous.end, end);
      previous.edits.push(edit);
    } else regions.push({ start, end, edits: [edit] });
  }
  for (const [index, region] of regions.entries()) {
    if (index > 0) out.push('…');
    let after = '';
    let at = region.start;
    for (const edit of region.edits) {
      after += text.slice(at, edit.start) + edit.text;
      at = Math.max(at, edit.end);
    }
    after += text.slice(at, region.end);
    const removed = linesOf(text.slice(region.start, region.end));
    const added = linesOf(after);
    // An insertion of whole lines leaves the old line as it was: show it once, as context.
    const cut = (lines: string[], sign: string) =>
      lines.length > maxLines ? [...lines.slice(0, maxLines).map((line) => `${sign} ${line}`), `${sign} … (${lines.length - maxLines} more lines)`] : lines.map((line) => `${sign} ${line}`);
    out.push(...cut(removed, '-'), ...cut(added, '+'));
  }
  return out;
}
