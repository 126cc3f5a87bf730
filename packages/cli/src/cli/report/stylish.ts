import type { Diagnostic, Severity } from '@dockfix/core';
import type { Colors } from '../colors.js';
import type { FileReport } from './types.js';

/** How the stylish report ends. */
export interface StylishOptions {
  readonly colors: Colors;
  /**
   * `lint`: end with the problem count and what `dockfix fix` would fix.
   * `fix`: end with `summary` (what was fixed and what remains) instead.
   */
  readonly command: 'lint' | 'fix';
  readonly summary?: string;
}

/** Marks a problem whose fix `dockfix fix` applies (`[*]`) or that needs `--unsafe` (`[!]`), as Ruff does. */
export const FIX_MARKERS = { safe: '[*]', unsafe: '[!]' } as const;

/**
 * ESLint-style report: problems grouped under each file name, columns aligned, then a summary.
 * Files that could not be linted (fatal) are left out: their errors were already printed on stderr.
 */
export function formatStylish(files: readonly FileReport[], options: StylishOptions): string {
  const c = options.colors;
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, style: 0 };
  let safe = 0;
  let unsafe = 0;

  for (const file of files) {
    if (file.fatal || file.diagnostics.length === 0) continue;
    const rows = file.diagnostics.map((d) => {
      counts[d.severity]++;
      if (d.fix?.safety === 'safe') safe++;
      else if (d.fix?.safety === 'unsafe') unsafe++;
      return {
        position: `${d.line}:${d.column}`,
        severity: d.severity,
        marker: d.fix ? FIX_MARKERS[d.fix.safety] : '',
        message: d.message.replace(/\s+/g, (blank) => (blank.includes('\n') ? ' ' : blank)),
        rule: ruleLabel(d),
      };
    });
    const width = (pick: (row: (typeof rows)[number]) => string) => Math.max(...rows.map((row) => pick(row).length));
    const positionWidth = width((row) => row.position);
    const severityWidth = width((row) => row.severity);
    const markerWidth = width((row) => row.marker);
    const messageWidth = width((row) => row.message);
    out.push(c.underline(file.filePath));
    for (const row of rows) {
      const marker = markerWidth > 0 ? `${paintMarker(c, row.marker.padEnd(markerWidth))} ` : '';
      out.push(
        `  ${c.dim(row.position.padStart(positionWidth))}  ${paintSeverity(c, row.severity, row.severity.padEnd(severityWidth))}  ${marker}${row.message.padEnd(messageWidth)}  ${c.dim(row.rule)}`.trimEnd(),
      );
    }
    out.push('');
  }

  if (options.command === 'fix') {
    if (options.summary) out.push(options.summary);
  } else {
    const total = counts.error + counts.warning + counts.info + counts.style;
    if (total > 0) {
      const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), ...(counts.info > 0 ? [`${counts.info} info`] : []), ...(counts.style > 0 ? [`${counts.style} style`] : [])];
      const headline = `✖ ${plural(total, 'problem')} (${parts.join(', ')})`;
      out.push(counts.error > 0 ? c.bold(c.red(headline)) : c.bold(c.yellow(headline)));
      const fixable: string[] = [];
      if (safe > 0) fixable.push(`${safe} fixable with \`dockfix fix\``);
      if (unsafe > 0) fixable.push(safe > 0 ? `${unsafe} more with \`dockfix fix --unsafe\`` : `${unsafe} fixable with \`dockfix fix --unsafe\``);
      if (fixable.length > 0) out.push(`  ${fixable.join(', ')}`);
    }
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

/** `merge-run (DL3059)`: the rule id and the other tools' codes for it. */
export function ruleLabel(d: Pick<Diagnostic, 'ruleId' | 'aliases'>): string {
  return d.aliases.length > 0 ? `${d.ruleId} (${d.aliases.join(', ')})` : d.ruleId;
}

/** `1 problem`, `2 problems`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function paintSeverity(c: Colors, severity: Severity, text: string): string {
  return severity === 'error' ? c.red(text) : severity === 'warning' ? c.yellow(text) : severity === 'info' ? c.blue(text) : c.dim(text);
}

function paintMarker(c: Colors, text: string): string {
  return text.startsWith(FIX_MARKERS.safe) ? c.green(text) : c.yellow(text);
}
