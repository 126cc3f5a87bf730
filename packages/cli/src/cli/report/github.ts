import type { Severity } from '@dockfix/core';
import { ruleLabel } from './stylish.js';
import type { FileReport } from './types.js';

const COMMAND: Readonly<Record<Severity, 'error' | 'warning' | 'notice'>> = { error: 'error', warning: 'warning', info: 'notice', style: 'notice' };

/**
 * GitHub Actions workflow commands, one annotation per problem:
 * `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 */
export function formatGithub(files: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const d of file.diagnostics) {
      const properties = [
        ['file', file.filePath],
        ['line', String(d.line)],
        ['col', String(d.column)],
        ['endLine', String(d.endLine)],
        ['endColumn', String(d.endColumn)],
        ['title', `dockfix ${ruleLabel(d)}`],
      ]
        .map(([key, value]) => `${key}=${escapeProperty(value ?? '')}`)
        .join(',');
      lines.push(`::${COMMAND[d.severity]} ${properties}::${escapeData(d.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** Escapes a command's message the way @actions/core's `escapeData` does. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value the way @actions/core's `escapeProperty` does (`:` and `,` too). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
