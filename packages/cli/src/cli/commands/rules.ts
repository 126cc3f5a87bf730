import { ruleAliases, type Rule } from '@dockfix/core';
import { rules } from '@dockfix/rules';
import stringWidth from 'string-width';
import { colorEnabled, createColors } from '../colors.js';
import { stdout } from '../stdio.js';

/** Options of `dockfix rules`. */
export interface RulesArgs {
  readonly format: 'text' | 'json';
  readonly color?: boolean | undefined;
}

/** One rule in `dockfix rules --format json` (a stable interface, like the lint report). */
export interface RuleListing {
  readonly id: string;
  readonly category: string;
  readonly severity: string;
  readonly fix: string;
  readonly aliases: readonly string[];
  readonly optIn: boolean;
  readonly description: string;
}

/** `dockfix rules`: every built-in rule with its category, default severity, fix safety, aliases and opt-in status. */
export function runRules(args: RulesArgs): number {
  const listings = (rules as readonly Rule<unknown>[]).map(toListing);
  if (args.format === 'json') {
    stdout.write(`${JSON.stringify(listings, null, 2)}\n`);
    return 0;
  }
  stdout.write(formatRuleTable(listings, colorEnabled(args.color, stdout.isTTY === true)));
  return 0;
}

function toListing(rule: Rule<unknown>): RuleListing {
  const { meta } = rule;
  return {
    id: meta.id,
    category: meta.category,
    severity: meta.severity,
    fix: meta.fix,
    aliases: ruleAliases(meta),
    optIn: meta.optIn === true,
    description: meta.description,
  };
}

/** The rules as an aligned table; opt-in rules are marked and explained below the table. */
export function formatRuleTable(listings: readonly RuleListing[], color: boolean): string {
  const c = createColors(color);
  if (listings.length === 0) return 'No rules are built in.\n';
  const header = ['RULE', 'CATEGORY', 'SEVERITY', 'FIX', 'ALIASES', 'DESCRIPTION'];
  const rows = listings.map((l) => [l.optIn ? `${l.id} (opt-in)` : l.id, l.category, l.severity, l.fix, l.aliases.join(',') || '-', l.description]);
  // Display width, not .length: a CJK or emoji cell takes two columns, a combining mark none.
  const widths = header.map((title, i) => Math.max(stringWidth(title), ...rows.map((row) => stringWidth(row[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(Math.max(0, (widths[i] ?? 0) - stringWidth(cell)))))
      .join('  ')
      .trimEnd();
  const out = [c.bold(line(header)), ...rows.map(line), ''];
  const optIn = listings.filter((l) => l.optIn).length;
  out.push(`${listings.length} rules; ${listings.length - optIn} on by default.`);
  if (optIn > 0) out.push('Opt-in rules run only when selected: --select/--extend-select <id|alias|category|ALL>, or in the config file.');
  out.push('Fix: safe fixes are applied by `dockfix fix`; unsafe ones need `dockfix fix --unsafe`; none means report only.');
  return `${out.join('\n')}\n`;
}
