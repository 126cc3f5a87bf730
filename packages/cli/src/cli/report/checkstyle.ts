import type { Severity } from '@dockfix/core';
import type { FileReport } from './types.js';
import { escapeXml } from './xml.js';

/** Checkstyle knows error|warning|info; `style` becomes `info`, as hadolint maps it. */
const SEVERITY: Readonly<Record<Severity, 'error' | 'warning' | 'info'>> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

/** Checkstyle XML (Jenkins warnings-ng, reviewdog `-f=checkstyle`, SonarQube import); clean files appear as empty `<file>`s. */
export function formatCheckstyle(files: readonly FileReport[]): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const file of files) {
    out.push(`  <file name="${escapeXml(file.filePath)}">`);
    for (const d of file.diagnostics) {
      out.push(
        `    <error line="${d.line}" column="${d.column}" severity="${SEVERITY[d.severity]}" message="${escapeXml(d.message)}" source="dockfix.${escapeXml(d.ruleId)}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
}
