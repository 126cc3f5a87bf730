import type { Diagnostic, Severity } from '@dockfix/core';
import type { Colors } from '../colors.js';
import { codeFrame, fixDiff } from './code-frame.js';
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
  /** Under each problem: its help text, a code frame of the lines, and the fix as a small diff (`--verbose`). */
  readonly verbose?: boolean;
}

/** Marks a problem whose fix `dockfix fix` applies (`[*]`) or that needs `--unsafe` (`[!]`), as Ruff does. */
export const FIX_MARKERS = { safe: '[*]', unsafe: '[!]' } as const;

/** What the markers mean, for the legend under the report. */
const MARKER_LEGEND = { safe: '[*] fixed by `dockfix fix`', unsafe: '[!] fixed by `dockfix fix --unsafe`' } as const;

/**
 * ESLint-style report: problems grouped under each file name, then a summary and a legend of the fix
 * markers. Position, severity and marker are aligned; the message is not padded, so that a line is
 * only as long as its own message (a file's longest message would make every line wrap on a narrow
 * terminal). Files that could not be linted (fatal) are left out: their errors were already printed on stderr.
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
        message: d.message.replace(/\s*\r?\n\s*/g, ' '),
        rule: ruleLabel(d),
      };
    });
    const width = (pick: (row: (typeof rows)[number]) => string) => Math.max(...rows.map((row) => pick(row).length));
    const positionWidth = width((row) => row.position);
    const severityWidth = width((row) => row.severity);
    const markerWidth = width((row) => row.marker);
    out.push(c.underline(file.filePath));
    const indent = ' '.repeat(2 + positionWidth + 2);
    for (const [index, row] of rows.entries()) {
      const marker = markerWidth > 0 ? `${paintMarker(c, row.marker.padEnd(markerWidth))} ` : '';
      out.push(`  ${c.dim(row.position.padStart(positionWidth))}  ${paintSeverity(c, row.severity, row.severity.padEnd(severityWidth))}  ${marker}${row.message}  ${c.dim(row.rule)}`.trimEnd());
      const d = file.diagnostics[index];
      if (options.verbose && d) out.push(...details(c, d, file.text).map((line) => `${indent}${line}`.trimEnd()), '');
    }
    if (!options.verbose) out.push('');
  }

  const legend = [...(safe > 0 ? [MARKER_LEGEND.safe] : []), ...(unsafe > 0 ? [MARKER_LEGEND.unsafe] : [])];
  if (options.command === 'fix') {
    if (options.summary) out.push(options.summary);
    if (legend.length > 0) out.push(c.dim(`  ${legend.join(', ')}`));
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
      if (legend.length > 0) out.push(c.dim(`  ${legend.join(', ')}`));
      if (!options.verbose && files.some((file) => file.diagnostics.some((d) => d.help))) out.push(c.dim('  Run with --verbose to see why, the lines and the fixes'));
    }
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

/** What `--verbose` shows under one problem: help, the lines it points at, the fix as a diff. */
function details(c: Colors, d: Diagnostic, text: string | undefined): string[] {
  const out: string[] = [];
  if (d.help) out.push(...d.help.split('\n').map((line, index) => (index === 0 ? `${c.bold('help:')} ${line}` : `      ${line}`)));
  if (text !== undefined) out.push(...codeFrame(text, d).map((line) => c.dim(line)));
  if (d.fix) {
    out.push(`${c.bold(`fix (${d.fix.safety}):`)} ${d.fix.title}`);
    if (text !== undefined) out.push(...fixDiff(text, d.fix.edits).map((line) => (line.startsWith('-') ? c.red(line) : line.startsWith('+') ? c.green(line) : c.dim(line))));
  }
  return out;
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
