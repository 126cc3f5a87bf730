import type { FileReport } from './types.js';

/**
 * One line per problem, `file:line:col: severity: message [rule]`: GCC's layout, which GNU tools,
 * Emacs compilation mode and editors' problem matchers read. No summary line, so every line parses.
 */
export function formatCompact(files: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const d of file.diagnostics) {
      lines.push(`${file.filePath}:${d.line}:${d.column}: ${d.severity}: ${oneLine(d.message)} [${d.ruleId}]`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** The message on one line: each line break, with the blanks around it, becomes one space. */
function oneLine(message: string): string {
  return message
    .split(/\r?\n/)
    .map((line, index, lines) => (index === 0 ? line.trimEnd() : index === lines.length - 1 ? line.trimStart() : line.trim()))
    .join(' ');
}
