import { RuleIndex, ruleAliases, type Rule } from '@dockfix/core';
import { rules } from '@dockfix/rules';
import { readRuleDoc, ruleDocFile, ruleDocUrl } from '@dockfix/rules/docs';
import { stderr, stdout } from '../stdio.js';

/** Options of `dockfix rule <id>`. */
export interface RuleArgs {
  readonly id: string;
  readonly format: 'text' | 'json';
}

/** `dockfix rule <id|alias>`: the rule's documentation, as `ruff rule` prints it; exit 2 for an unknown id. */
export function runRule(args: RuleArgs): number {
  const index = new RuleIndex(rules as readonly Rule<Record<string, unknown>>[]);
  const rule = (rules as readonly Rule<Record<string, unknown>>[]).find((candidate) => candidate.meta.id === args.id) ?? findByAlias(index, args.id);
  if (!rule) {
    stderr.write(`dockfix: unknown rule "${args.id}"; \`dockfix rules\` lists every rule id and alias\n`);
    return 2;
  }
  if (args.format === 'json') {
    const { meta } = rule;
    const file = ruleDocFile(meta.id);
    stdout.write(`${JSON.stringify({ ...meta, aliases: ruleAliases(meta), url: ruleDocUrl(meta.id), ...(file ? { file } : {}) }, null, 2)}\n`);
    return 0;
  }
  stdout.write(shippedDoc(rule) ?? renderRuleHelp(rule));
  return 0;
}

function findByAlias(index: RuleIndex, id: string): Rule<Record<string, unknown>> | undefined {
  const upper = id.toUpperCase();
  return index.rules.find((rule) => ruleAliases(rule.meta).some((alias) => alias === id || alias.toUpperCase() === upper));
}

/**
 * The doc @dockfix/rules ships for the rule, as `ruff rule` prints its page: the same text the
 * editor's links and the published URL show, with the link to the published page at the end.
 */
function shippedDoc(rule: Rule<Record<string, unknown>>): string | undefined {
  const doc = readRuleDoc(rule.meta.id);
  return doc === undefined ? undefined : `${doc.trimEnd()}\n\nDocumentation: ${ruleDocUrl(rule.meta.id)}\n`;
}

/** The rule's doc as Markdown from its metadata, for an installation without the shipped docs (an unbuilt checkout). */
export function renderRuleHelp(rule: Rule<Record<string, unknown>>): string {
  const { meta } = rule;
  const aliases = ruleAliases(meta);
  const fence = (text: string) => ['```dockerfile', text.replace(/\n$/, ''), '```'].join('\n');
  const out = [`# ${meta.id}${aliases.length > 0 ? ` (${aliases.join(', ')})` : ''}`, '', `${meta.description.replace(/\.?$/, '.')}`, ''];
  out.push(`Category: ${meta.category}. Severity: ${meta.severity}. Fix: ${meta.fix}. ${meta.optIn ? 'Opt-in (select it to run it).' : 'On by default.'}`, '');
  out.push('## Why', '', meta.docs.rationale.trim(), '');
  out.push('## Examples', '');
  for (const example of meta.docs.invalid) out.push('Reported:', '', fence(example), '');
  for (const example of meta.docs.valid) out.push('Not reported:', '', fence(example), '');
  out.push('## Fix', '');
  out.push(
    meta.fix === 'none'
      ? 'This rule only reports; it has no automatic fix.'
      : meta.fix === 'safe'
        ? '`dockfix fix` applies this fix by default where it is safe; cases where it may change behaviour need `--unsafe`.'
        : 'The fix may change how the image behaves, so it is applied only with `dockfix fix --unsafe`.',
    '',
  );
  if (meta.docs.fixNotes) out.push(meta.docs.fixNotes.trim(), '');
  const options = Object.entries(meta.options ?? {});
  if (options.length > 0) {
    out.push('## Options', '');
    for (const [name, option] of options) out.push(`- \`${name}\` (${option.type}, default \`${JSON.stringify(option.default)}\`): ${option.description}`);
    out.push('');
  }
  out.push(`Silence it for one instruction with \`# dockfix-ignore ${meta.id}\` on the line above.`, `Documentation: ${ruleDocUrl(meta.id)}`, '');
  return out.join('\n');
}
