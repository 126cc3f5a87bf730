import stringWidth from 'string-width';
import { FIX_MARKERS, ruleLabel } from './stylish.js';
import type { FileReport, ReportContext } from './types.js';

/** One row of `--statistics`: how often a rule fired, and how many of those `dockfix fix` can repair. */
export interface RuleStatistic {
  readonly ruleId: string;
  readonly aliases: readonly string[];
  readonly count: number;
  readonly fixable: number;
  readonly description: string;
}

/** Counts problems per rule, most frequent first (ties by id), as `ruff check --statistics` does. */
export function ruleStatistics(files: readonly FileReport[], context: Pick<ReportContext, 'rules'>): RuleStatistic[] {
  const byRule = new Map<string, { aliases: readonly string[]; count: number; fixable: number }>();
  for (const file of files) {
    for (const d of file.diagnostics) {
      const entry = byRule.get(d.ruleId) ?? { aliases: d.aliases, count: 0, fixable: 0 };
      entry.count++;
      if (d.fix?.safety === 'safe') entry.fixable++;
      byRule.set(d.ruleId, entry);
    }
  }
  return [...byRule.entries()]
    .map(([ruleId, entry]) => ({ ruleId, ...entry, description: context.rules.get(ruleId)?.description ?? '' }))
    .sort((a, b) => b.count - a.count || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

/** The statistics as an aligned table (`count  rule (ALIAS)  [*]  description`), or as JSON. */
export function formatStatistics(stats: readonly RuleStatistic[], json: boolean): string {
  if (json) return `${JSON.stringify(stats)}\n`;
  if (stats.length === 0) return '';
  const rows = stats.map((s) => [String(s.count), ruleLabel(s), s.fixable > 0 ? FIX_MARKERS.safe : '', s.description]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => stringWidth(row[i] ?? ''))));
  const lines = rows.map((row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padStart(widths[0] ?? 0) : i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - stringWidth(cell))))
      .join('  ')
      .trimEnd(),
  );
  return `${lines.join('\n')}\n`;
}
