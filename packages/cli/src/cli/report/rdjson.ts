import type { Severity } from '@dockfix/core';
import { ruleDocUrl } from '@dockfix/rules/docs';
import { DOCKFIX_PACKAGE_URL } from './sarif.js';
import { PositionMap } from './positions.js';
import type { FileReport, ReportContext } from './types.js';

const SEVERITY: Readonly<Record<Severity, 'ERROR' | 'WARNING' | 'INFO'>> = { error: 'ERROR', warning: 'WARNING', info: 'INFO', style: 'INFO' };

interface Position {
  readonly line: number;
  readonly column: number;
}

/** A reviewdog range; columns count UTF-8 bytes and the end is exclusive. */
interface Range {
  readonly start: Position;
  readonly end: Position;
}

/**
 * reviewdog's Diagnostic format (`reviewdog -f=rdjson`). Each edit of a fix becomes a suggestion, so
 * reviewdog posts it on the pull request as a one-click suggested change.
 */
export function formatRdjson(files: readonly FileReport[], context: ReportContext): string {
  const diagnostics: object[] = [];
  for (const file of files) {
    const positions = file.text === undefined ? null : new PositionMap(file.text);
    for (const d of file.diagnostics) {
      const range: Range = positions ? toRange(positions, d.range.start, d.range.end) : { start: { line: d.line, column: d.column }, end: { line: d.endLine, column: d.endColumn } };
      const suggestions = d.fix && positions ? d.fix.edits.map((edit) => ({ range: toRange(positions, edit.start, edit.end), text: edit.text })) : [];
      diagnostics.push({
        message: d.message,
        location: { path: file.filePath, range },
        severity: SEVERITY[d.severity],
        source: { name: 'dockfix' },
        code: context.rules.has(d.ruleId) ? { value: d.ruleId, url: ruleDocUrl(d.ruleId) } : { value: d.ruleId },
        ...(suggestions.length > 0 ? { suggestions } : {}),
      });
    }
  }
  return `${JSON.stringify({ source: { name: 'dockfix', url: DOCKFIX_PACKAGE_URL }, diagnostics }, null, 2)}\n`;
}

function toRange(positions: PositionMap, start: number, end: number): Range {
  const r = positions.utf8(start, end);
  return { start: { line: r.startLine, column: r.startColumn }, end: { line: r.endLine, column: r.endColumn } };
}
