import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter, type Config, type Diagnostic, type Rule, type Source as SourceType } from '@dockfix/core';
import { Source } from '@dockfix/core';
import { rules } from '../src/index.js';

export const TEST_DIR = dirname(fileURLToPath(import.meta.url));

/** One fixture file: `test/<rule-id>/<valid|invalid>*.Dockerfile`, with its optional `.options.json`. */
export interface Fixture {
  readonly ruleId: string;
  readonly name: string;
  readonly path: string;
  readonly text: string;
  readonly expect: 'valid' | 'invalid';
  readonly options: Record<string, unknown> | undefined;
}

/** Every fixture of every rule, in a stable order. */
export function loadFixtures(): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const rule of rules) {
    const dir = join(TEST_DIR, rule.meta.id);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      const match = /^(valid|invalid).*\.Dockerfile$/.exec(file);
      if (!match) continue;
      const path = join(dir, file);
      const optionsPath = path.replace(/\.Dockerfile$/, '.options.json');
      fixtures.push({
        ruleId: rule.meta.id,
        name: file.replace(/\.Dockerfile$/, ''),
        path,
        text: readFileSync(path, 'utf8'),
        expect: match[1] as 'valid' | 'invalid',
        options: existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as Record<string, unknown>) : undefined,
      });
    }
  }
  return fixtures;
}

/** The rule with this id. */
export function ruleById(id: string): Rule<Record<string, unknown>> {
  const rule = rules.find((candidate) => candidate.meta.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/** A config that passes options to one rule, and turns it on when it is opt-in. */
export function configFor(rule: Rule<Record<string, unknown>>, options: Record<string, unknown> | undefined): Config | undefined {
  if (options) return { rules: { [rule.meta.id]: [rule.meta.severity, options] } };
  // extendSelect, not a severity: a rule that reports another tool's levels (shellcheck) keeps them.
  return rule.meta.optIn ? { extendSelect: [rule.meta.id] } : undefined;
}

/**
 * Lints and fixes `text` with `rule` alone. `filePath` (a fixture's path) is passed on for rules that
 * look beside the file, like missing-dockerignore.
 */
export function runRule(rule: Rule<Record<string, unknown>>, text: string, options?: Record<string, unknown>, filePath?: string) {
  const linter = createLinter({ rules: [rule] });
  const config = configFor(rule, options);
  return {
    lint: linter.lint(text, { config, filePath }),
    safe: linter.fix(text, { config, filePath }),
    unsafe: linter.fix(text, { config, filePath, unsafe: true }),
    linter,
    config,
  };
}

/** Shows line breaks that a snapshot would otherwise hide: CR as `␍`, a missing final newline as a marker. */
export function visible(text: string): string {
  const shown = text.replace(/\r/g, '␍');
  return shown.endsWith('\n') || shown === '' ? shown : `${shown}⏎ (no newline at end of file)\n`;
}

/** The lines of a diagnostic with a caret line under the reported span of its first line. */
function codeFrame(source: SourceType, diagnostic: Diagnostic): string {
  const lines = source.text.split('\n').map((line) => line.replace(/\r$/, ''));
  const out: string[] = [];
  const last = Math.min(diagnostic.endLine, diagnostic.line + 2);
  const width = String(last).length;
  for (let line = diagnostic.line; line <= last; line++) {
    const text = lines[line - 1] ?? '';
    out.push(`  ${String(line).padStart(width)} | ${text}`);
    if (line === diagnostic.line) {
      const end = diagnostic.endLine === line ? diagnostic.endColumn : text.length + 1;
      out.push(`  ${' '.repeat(width)} | ${' '.repeat(diagnostic.column - 1)}${'^'.repeat(Math.max(1, end - diagnostic.column))}`);
    }
  }
  if (diagnostic.endLine > last) out.push(`  ${' '.repeat(width)} | …`);
  return out.join('\n');
}

/** The text snapshot of one rule on one fixture: diagnostics with code frames, then the safe and unsafe fix outputs. */
export function renderSnapshot(rule: Rule<Record<string, unknown>>, text: string, options?: Record<string, unknown>, filePath?: string): string {
  const { lint, safe, unsafe } = runRule(rule, text, options, filePath);
  const source = new Source(text);
  const out: string[] = [`## Diagnostics (${lint.diagnostics.length})`, ''];
  for (const d of lint.diagnostics) {
    // A code the diagnostic carries beyond the rule's own aliases (ShellCheck's SC2086) says which check it is.
    const codes = d.aliases.filter((alias) => !rule.meta.sources?.some((source) => source.rule === alias));
    out.push(`${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.ruleId}${codes.length > 0 ? ` (${codes.join(', ')})` : ''}: ${d.message}`);
    if (d.help) out.push(...d.help.split('\n').map((line) => `  help: ${line}`.trimEnd()));
    out.push(d.fix ? `  fix (${d.fix.safety}): ${d.fix.title}` : '  no fix');
    if (d.createFile) out.push(`  creates (${d.createFile.safety}) ${basename(d.createFile.path)}: ${d.createFile.title.replace(d.createFile.path, basename(d.createFile.path))}`, ...d.createFile.text.trimEnd().split('\n').map((line) => `    | ${line}`));
    out.push(codeFrame(source, d), '');
  }
  out.push(`## Safe fix${safe.changed ? '' : ': no change'}`, '');
  if (safe.changed) out.push(visible(safe.output));
  if (unsafe.output === safe.output) out.push('## Unsafe fix: same as safe fix', '');
  else out.push('## Unsafe fix', '', visible(unsafe.output));
  return out.join('\n');
}
